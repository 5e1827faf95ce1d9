import Expressions
import Foundation
import Runner
import Testing
import Yams
import _CaperTestSupport

/// cucumber/cucumber-expressions' matching data (v20.1): Cucumber Expressions and regular
/// expressions matched in V8's RegExp, as at run time.
@Suite struct CucumberExpressionMatchingTests {
  static let base = "cucumber-expressions/cucumber-expression"
  static let matchingCases = Conformance.files(in: "\(base)/matching", endingWith: [".yaml"])
  static let regularCases = Conformance.files(in: "cucumber-expressions/regular-expression/matching", endingWith: [".yaml"])
  let engine: JavaScriptRegexEngine
  init() throws { engine = try JavaScriptRegexEngine() }

  static func load(_ path: String) throws -> [String: Any] {
    try #require(try Yams.load(yaml: try Conformance.read(path)) as? [String: Any])
  }

  @Test func theDataIsThere() {
    #expect(Self.matchingCases.count == 65)
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

  func check(_ expression: () throws -> any StepExpression, _ data: [String: Any], _ name: String) throws {
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
    #expect(values == expected.map(Self.expectedValue), "\(name)")
  }

  @Test(arguments: matchingCases)
  func matching(name: String) throws {
    let data = try Self.load("\(Self.base)/matching/\(name)")
    try check({ try CucumberExpression(data["expression"] as! String, registry: ParameterTypeRegistry()) }, data, name)
  }

  @Test(arguments: regularCases)
  func regularExpressionMatching(name: String) throws {
    let data = try Self.load("cucumber-expressions/regular-expression/matching/\(name)")
    try check({ RegularExpression(data["expression"] as! String, registry: ParameterTypeRegistry()) }, data, name)
  }
}
