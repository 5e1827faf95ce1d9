import Expressions
import Testing

/// Parameter type names and undefined parameter types (no regular-expression engine needed).
@Suite struct CucumberExpressionTests {
  @Test func duplicateAndIllegalNamesAreErrors() throws {
    var registry = ParameterTypeRegistry()
    #expect(throws: ExpressionError.self) { try registry.define(ParameterType(name: "int", regexps: ["x"], transform: .custom)) }
    #expect(throws: ExpressionError.self) { try ParameterType.checkName("a(b") }
  }

  @Test func undefinedParameterTypeIsNamed() throws {
    let error = try #require(throws: ExpressionError.self) {
      try CucumberExpression("{airport} is closed because of a strike", registry: ParameterTypeRegistry())
    }
    #expect(error.undefinedParameterType == "airport")
  }
}
