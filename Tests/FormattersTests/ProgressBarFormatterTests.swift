import Formatters
import Foundation
import Messages
import Testing
import _CaperTestSupport

/// `progress-bar`: a redrawn bar on a terminal, a line per tenth elsewhere; failures as they
/// happen, then the summary.
@Suite struct ProgressBarFormatterTests {
  let statuses: [TestStepResult.Status] = Array(repeating: .passed, count: 9) + [.failed] + Array(repeating: .skipped, count: 10)

  func render(terminal: Bool) throws -> String {
    try ProgressFormatterTests().render(ProgressFormatterTests.stream(statuses)) {
      ProgressBarFormatter(output: $0, terminal: terminal)
    }
  }

  @Test func elsewhereItPrintsALinePerTenth() throws {
    let text = try render(terminal: false)
    let bars = text.split(separator: "\n").filter { $0.hasPrefix("[") }
    // The first step, then each step that reaches a new tenth.
    #expect(bars.count == 11, "\(bars)")
    #expect(bars.first == "[=>                            ] 1/20 steps")
    #expect(bars[1] == "[===>                          ] 2/20 steps")
    #expect(bars.last == "[==============================] 20/20 steps")
    #expect(!text.contains("\u{1B}"))
    // The failure is printed when it happens, before the later bars, then again in the summary.
    let failure = try #require(text.range(of: "✖ Step: step 9"))
    #expect(text[..<failure.lowerBound].contains("8/20 steps") && !text[..<failure.lowerBound].contains("10/20 steps"))
    #expect(text.contains("1 scenario (1 failed)\n20 steps (1 failed, 10 skipped, 9 passed)\n"))
  }

  @Test func onATerminalItRedrawsOneLine() throws {
    let text = try render(terminal: true)
    #expect(text.components(separatedBy: "\r\u{1B}[K[").count - 1 == 20, "one redraw per step")
    #expect(text.contains("\r\u{1B}[K[==============================] 20/20 steps\n"))
    #expect(text.contains("\r\u{1B}[K1) Scenario: S # f.feature:2\n") || text.contains("\r\u{1B}[KScenario: S # f.feature:2\n"))
  }
}
