import Expressions
import Testing
import Yams
import _CaperTestSupport

/// cucumber/tag-expressions' test data: canonical forms, evaluations and exact error messages.
@Suite struct TagExpressionConformanceTests {
  static func load(_ name: String) throws -> [[String: Any]] {
    try #require(try Yams.load(yaml: try Conformance.read("tag-expressions/\(name)")) as? [[String: Any]])
  }

  @Test func parsing() throws {
    let cases = try Self.load("parsing.yml")
    #expect(cases.count > 20)
    for data in cases {
      let expression = data["expression"] as! String
      #expect(try TagExpression.parse(expression).description == data["formatted"] as! String, "\(expression)")
      // The canonical form parses back to the same expression.
      let formatted = try TagExpression.parse(expression).description
      #expect(try TagExpression.parse(formatted) == TagExpression.parse(expression), "\(expression) round trip")
    }
  }

  @Test func evaluations() throws {
    let cases = try Self.load("evaluations.yml")
    #expect(cases.count > 5)
    for data in cases {
      let expression = try TagExpression.parse(data["expression"] as! String)
      for test in data["tests"] as! [[String: Any]] {
        let tags = Set(test["variables"] as! [String])
        #expect(expression.evaluate(tags) == test["result"] as! Bool, "\(data["expression"]!) with \(tags)")
      }
    }
  }

  @Test func errors() throws {
    let cases = try Self.load("errors.yml")
    #expect(cases.count > 10)
    for data in cases {
      let expression = data["expression"] as! String
      let error = try #require(throws: ExpressionError.self, "\(expression)") { try TagExpression.parse(expression) }
      #expect(error.message == data["error"] as! String)
    }
  }
}
