import Formatters
import Foundation
import Messages
import Testing
import _CaperTestSupport

/// Formatters read envelopes only: fed a hand-made stream, they write what users read.
@Suite struct ProgressFormatterTests {
  static func stream(_ statuses: [TestStepResult.Status]) -> [Envelope] {
    let t = Timestamp(seconds: 0, nanos: 0)
    let steps = statuses.indices.map {
      PickleStep(argument: nil, astNodeIds: [], id: "ps\($0)", type: .context, text: "step \($0)")
    }
    var envelopes: [Envelope] = [
      .pickle(
        Pickle(
          id: "p", uri: "f.feature", location: Location(line: 2, column: 3), name: "S", language: "en", steps: steps, tags: [],
          astNodeIds: [])),
      .stepDefinition(
        StepDefinition(
          id: "d", pattern: .init(source: "step {int}", type: .cucumberExpression),
          sourceReference: SourceReference(uri: "steps.js", location: Location(line: 7)))),
      .testRunStarted(TestRunStarted(timestamp: t, id: "r")),
      .testCase(
        TestCase(
          id: "c", pickleId: "p",
          testSteps: statuses.indices.map { TestStep(id: "s\($0)", pickleStepId: "ps\($0)", stepDefinitionIds: ["d"]) },
          testRunStartedId: "r")),
      .testCaseStarted(TestCaseStarted(attempt: 0, id: "cs", testCaseId: "c", timestamp: t)),
    ]
    for (i, status) in statuses.enumerated() {
      let exception =
        status == .failed ? ExceptionMessage(type: "Error", message: "boom", stackTrace: "Error: boom\n    at steps.js:8:9") : nil
      envelopes.append(
        .testStepFinished(
          TestStepFinished(
            testCaseStartedId: "cs", testStepId: "s\(i)",
            testStepResult: TestStepResult(
              duration: Duration(seconds: 0, nanos: 0), message: exception?.message, status: status, exception: exception),
            timestamp: t)))
    }
    envelopes.append(.testCaseFinished(TestCaseFinished(testCaseStartedId: "cs", timestamp: t, willBeRetried: false)))
    envelopes.append(.testRunFinished(TestRunFinished(success: !statuses.contains(.failed), timestamp: t, testRunStartedId: "r")))
    return envelopes
  }

  func render(_ envelopes: [Envelope], _ make: (FormatterOutput) -> Formatters.Formatter) throws -> String {
    let folder = try TemporaryDirectory()
    let path = folder.url.appendingPathComponent("out.txt").path
    let formatter = make(try FormatterOutput.file(path))
    envelopes.forEach(formatter.handle)
    try formatter.finish()
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test func progressPrintsACharacterPerStepThenCounts() throws {
    let text = try render(Self.stream([.passed, .failed, .skipped])) { ProgressFormatter(output: $0) }
    #expect(text.hasPrefix(".F-\n\n"))
    #expect(
      text.contains(
        "1) Scenario: S # f.feature:2\n   ✖ Step: step 1 # steps.js:7\n       Error: boom\n           at steps.js:8:9"))
    #expect(text.contains("1 scenario (1 failed)\n3 steps (1 failed, 1 skipped, 1 passed)\n"))
  }

  @Test func messageFormatterWritesOneLinePerEnvelope() throws {
    let envelopes = Self.stream([.passed])
    let text = try render(envelopes) { MessageFormatter(output: $0) }
    let lines = text.split(separator: "\n")
    #expect(lines.count == envelopes.count)
    #expect(lines.last == #"{"testRunFinished":{"success":true,"testRunStartedId":"r","timestamp":{"nanos":0,"seconds":0}}}"#)
  }

  @Test func aReportThatCannotBeWrittenNamesTheFile() throws {
    let error = try #require(throws: FormatterError.self) { try FormatterOutput.file("/proc/no/such/report.ndjson") }
    #expect(error.message.contains("/proc/no/such/report.ndjson"))
  }
}
