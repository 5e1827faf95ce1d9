import Foundation
import Messages

/// `progress-bar`: on a terminal, one line redrawn as steps finish (`[=====>    ] 12/40 steps`),
/// with failures printed above it as they happen; elsewhere a line per tenth.
///
/// Then the summary.
public final class ProgressBarFormatter: Formatter {
  private let output: FormatterOutput
  private let model = RunModel()
  private let terminal: Bool
  private var total = 0
  private var done = 0
  private var lastTenth = -1

  public init(output: FormatterOutput, terminal: Bool) {
    self.output = output
    self.terminal = terminal
  }

  public func handle(_ envelope: Envelope) {
    model.handle(envelope)
    switch envelope {
    case .testCase(let testCase): total += testCase.testSteps.count
    case .testStepFinished(let finished):
      done += 1
      if finished.testStepResult.status == .failed, let caseId = model.started[finished.testCaseStartedId],
        let testCase = model.testCases[caseId], let pickle = model.pickles[testCase.pickleId],
        let step = testCase.testSteps.first(where: { $0.id == finished.testStepId })
      {
        let attachments = model.attachments[finished.testCaseStartedId]?[step.id] ?? []
        output.write(
          (terminal ? "\r\u{1B}[K" : "")
            + Summary.describe(model, pickle, step, finished.testStepResult, attachments: attachments) + "\n")
      }
      draw()
    default: break
    }
  }

  private func draw() {
    let width = 30
    let filled = total == 0 ? width : min(width, done * width / total)
    let bar =
      "[" + String(repeating: "=", count: filled)
      + (filled < width ? ">" + String(repeating: " ", count: width - filled - 1) : "") + "] \(done)/\(total) steps"
    if terminal {
      output.write("\r\u{1B}[K" + bar)
      output.flush()
    } else {
      let tenth = total == 0 ? 10 : done * 10 / total
      if tenth != lastTenth {
        lastTenth = tenth
        output.write(bar + "\n")
      }
    }
  }

  public func finish() throws {
    let summary = Summary.text(model)
    if !summary.isEmpty { output.write((terminal ? "\n" : "") + "\n" + summary) }
    output.flush()
  }
}
