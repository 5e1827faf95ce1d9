import Formatters
import Foundation
import Messages
import Testing
import _CaperTestSupport

/// `usage`: cucumber-js's table of step definitions, their matches and durations.
@Suite struct UsageFormatterTests {
  @Test func theTableIsBoxedAsCucumberJSDrawsIt() throws {
    var envelopes = ProgressFormatterTests.stream([.passed, .passed])
    envelopes.insert(
      .stepDefinition(
        StepDefinition(
          id: "unused", pattern: .init(source: "^never (\\d+)$", type: .regularExpression),
          sourceReference: SourceReference(uri: "steps.js", location: Location(line: 9)))), at: 2)
    let text = try ProgressFormatterTests().render(envelopes) { UsageFormatter(output: $0, style: .table) }
    #expect(
      text == """
        ┌─────────────────┬──────────┬─────────────┐
        │ Pattern / Text  │ Duration │ Location    │
        ├─────────────────┼──────────┼─────────────┤
        │ step {int}      │ 0.00ms   │ steps.js:7  │
        │   step 0        │ 0.00ms   │ f.feature:0 │
        │   step 1        │ 0.00ms   │ f.feature:0 │
        ├─────────────────┼──────────┼─────────────┤
        │ /^never (\\d+)$/ │ UNUSED   │ steps.js:9  │
        └─────────────────┴──────────┴─────────────┘

        """)
  }

  @Test func withoutDefinitionsItSaysSo() throws {
    let text = try ProgressFormatterTests().render([]) { UsageFormatter(output: $0, style: .table) }
    #expect(text == "No step definitions\n")
  }
}
