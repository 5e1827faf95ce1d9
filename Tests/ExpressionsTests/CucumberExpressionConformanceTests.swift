import Expressions
import Foundation
import Testing
import Yams
import _CaperTestSupport

/// cucumber/cucumber-expressions' test data (v20.1) that needs no regular-expression engine:
/// tokenizer, parser and regex transformation. (Matching, which runs in JavaScript's RegExp, is
/// in ExpressionsMatchingTests.)
@Suite struct CucumberExpressionConformanceTests {
  static let base = "cucumber-expressions/cucumber-expression"
  static let tokenizerCases = Conformance.files(in: "\(base)/tokenizer", endingWith: [".yaml"])
  static let parserCases = Conformance.files(in: "\(base)/parser", endingWith: [".yaml"])
  static let transformationCases = Conformance.files(in: "\(base)/transformation", endingWith: [".yaml"])

  static func load(_ path: String) throws -> [String: Any] {
    try #require(try Yams.load(yaml: try Conformance.read(path)) as? [String: Any])
  }

  @Test func theDataIsThere() {
    #expect(Self.tokenizerCases.count == 16)
    #expect(Self.parserCases.count == 28)
    #expect(Self.transformationCases.count == 8)
  }

  @Test(arguments: tokenizerCases)
  func tokenizer(name: String) throws {
    let data = try Self.load("\(Self.base)/tokenizer/\(name)")
    let expression = data["expression"] as! String
    if let exception = data["exception"] as? String {
      let error = try #require(throws: ExpressionError.self) { try CucumberExpressionTokenizer.tokenize(expression) }
      #expect(error.message == exception, "\(name)")
      return
    }
    let tokens = try CucumberExpressionTokenizer.tokenize(expression)
    let expected = (data["expected_tokens"] as! [[String: Any]]).map {
      CucumberExpressionToken(
        kind: CucumberExpressionToken.Kind(rawValue: $0["type"] as! String)!, text: $0["text"] as! String,
        start: $0["start"] as! Int, end: $0["end"] as! Int)
    }
    #expect(tokens == expected, "\(name)")
  }

  static func node(_ data: [String: Any]) -> CucumberExpressionNode {
    CucumberExpressionNode(
      kind: CucumberExpressionNode.Kind(rawValue: data["type"] as! String)!,
      nodes: (data["nodes"] as? [[String: Any]])?.map(node), token: data["token"] as? String,
      start: data["start"] as! Int, end: data["end"] as! Int)
  }

  @Test(arguments: parserCases)
  func parser(name: String) throws {
    let data = try Self.load("\(Self.base)/parser/\(name)")
    let expression = data["expression"] as! String
    if let exception = data["exception"] as? String {
      let error = try #require(throws: ExpressionError.self) { try CucumberExpressionParser.parse(expression) }
      #expect(error.message == exception, "\(name)")
      return
    }
    #expect(try CucumberExpressionParser.parse(expression) == Self.node(data["expected_ast"] as! [String: Any]), "\(name)")
  }

  @Test(arguments: transformationCases)
  func transformation(name: String) throws {
    let data = try Self.load("\(Self.base)/transformation/\(name)")
    let expression = try CucumberExpression(data["expression"] as! String, registry: ParameterTypeRegistry())
    #expect(expression.regexSource == data["expected_regex"] as! String, "\(name)")
  }
}
