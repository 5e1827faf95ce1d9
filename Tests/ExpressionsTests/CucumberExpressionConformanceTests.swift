import Expressions
import Foundation
import Testing
import Yams
import _CaperTestSupport

/// cucumber/cucumber-expressions' test data (v20.1): matching, tokenizer, parser, regex
/// transformation and regular-expression matching. Matching runs in V8's RegExp.
@Suite struct CucumberExpressionConformanceTests {
  static let base = "cucumber-expressions/cucumber-expression"
  static let matchingCases = Conformance.files(in: "\(base)/matching", endingWith: [".yaml"])
  static let tokenizerCases = Conformance.files(in: "\(base)/tokenizer", endingWith: [".yaml"])
  static let parserCases = Conformance.files(in: "\(base)/parser", endingWith: [".yaml"])
  static let transformationCases = Conformance.files(in: "\(base)/transformation", endingWith: [".yaml"])
  static let regularCases = Conformance.files(in: "cucumber-expressions/regular-expression/matching", endingWith: [".yaml"])
  static let engine = try! V8RegexEngine()

  static func load(_ path: String) throws -> [String: Any] {
    try #require(try Yams.load(yaml: try Conformance.read(path)) as? [String: Any])
  }

  @Test func theDataIsThere() {
    #expect(Self.matchingCases.count == 65)
    #expect(Self.tokenizerCases.count == 16)
    #expect(Self.parserCases.count == 28)
    #expect(Self.transformationCases.count == 8)
    #expect(Self.regularCases.count == 3)
  }

  /// The expected value of one argument, from YAML.
  static func expectedValue(_ any: Any?) -> ArgumentValue {
    switch any {
    case nil, is NSNull: return .null
    case let i as Int: return .number(Double(i))
    case let d as Double: return .number(d)
    case let s as String: return .string(s)
    default: return .string(String(describing: any!))
    }
  }

  static func check(_ expression: () throws -> any StepExpression, _ data: [String: Any], _ name: String) throws {
    if let exception = data["exception"] as? String {
      let error = try #require(throws: ExpressionError.self, "\(name)") {
        _ = try expression().match(data["text"] as? String ?? "", engine: engine)
      }
      #expect(error.message == exception, "\(name)")
      return
    }
    let arguments = try expression().match(data["text"] as! String, engine: engine)
    guard let expected = data["expected_args"] as? [Any?] else {
      #expect(arguments == nil, "\(name) should not match")
      return
    }
    let values = try #require(arguments, "\(name) should match").map(\.value)
    #expect(values == expected.map(expectedValue), "\(name)")
  }

  @Test(arguments: matchingCases)
  func matching(name: String) throws {
    let data = try Self.load("\(Self.base)/matching/\(name)")
    try Self.check({ try CucumberExpression(data["expression"] as! String, registry: ParameterTypeRegistry()) }, data, name)
  }

  @Test(arguments: regularCases)
  func regularExpressionMatching(name: String) throws {
    let data = try Self.load("cucumber-expressions/regular-expression/matching/\(name)")
    try Self.check({ RegularExpression(data["expression"] as! String, registry: ParameterTypeRegistry()) }, data, name)
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
