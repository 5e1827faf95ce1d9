import Expressions
import Runner
import Testing

/// Custom parameter types, nested groups and snippets' expression generator, matched in V8.
@Suite struct StepExpressionMatchingTests {
  let engine: JavaScriptRegexEngine
  init() throws { engine = try JavaScriptRegexEngine() }

  @Test func customParameterTypeGetsItsGroups() throws {
    var registry = ParameterTypeRegistry()
    try registry.define(ParameterType(name: "flight", regexps: ["([A-Z]{3})-([A-Z]{3})"], transform: .custom))
    let expression = try CucumberExpression("{flight} has been delayed", registry: registry)
    #expect(expression.regexSource == "^(([A-Z]{3})-([A-Z]{3})) has been delayed$")
    let arguments = try #require(try expression.match("LHR-CDG has been delayed", engine: engine))
    #expect(arguments.map(\.value) == [.custom(["LHR", "CDG"])])
    #expect(arguments[0].group.value == "LHR-CDG")
  }

  @Test func regexStepsTakeIntForDigits() throws {
    let regex = RegularExpression(#"^I have (\d+) cukes in my (.*)$"#, registry: ParameterTypeRegistry())
    let arguments = try #require(try regex.match("I have 42 cukes in my belly", engine: engine))
    #expect(arguments.map(\.value) == [.number(42), .string("belly")])
  }

  @Test func generatorSuggestsExpressionsForSnippets() throws {
    let generator = CucumberExpressionGenerator(registry: ParameterTypeRegistry(), engine: engine)
    let suggestions = try generator.generate("I have 2 cukes and 1.5 \"euro\" (today)/2")
    #expect(suggestions.first?.source == #"I have {int} cukes and {float} {string} \(today)\/{int}"#)
    #expect(suggestions.first?.parameterNames == ["int", "float", "string", "int2"])
    #expect(try generator.generate("a step with no parameters").map(\.source) == ["a step with no parameters"])
    // "1.5" is only a float; "12" is an int or a float: both are offered, int first.
    #expect(try generator.generate("I eat 12").map(\.source) == ["I eat {int}", "I eat {float}"])
    // Not inside words.
    #expect(try generator.generate("abc123 def").map(\.source) == ["abc123 def"])
  }
}
