import Foundation
import Messages

/// `progress`: one character per step as it finishes (`.` passed, `F` failed, `-` skipped,
/// `U` undefined, `P` pending, `A` ambiguous), then the failures and undefined steps with
/// snippets, then counts of scenarios and steps and the time taken, as cucumber-js prints them.
public final class ProgressFormatter: Formatter {
  private let output: FormatterOutput
  private let model = RunModel()

  public init(output: FormatterOutput) { self.output = output }

  static func character(_ status: TestStepResult.Status) -> String {
    switch status {
    case .passed: return "."
    case .failed: return "F"
    case .skipped: return "-"
    case .undefined: return "U"
    case .pending: return "P"
    case .ambiguous: return "A"
    case .unknown: return "?"
    }
  }

  public func handle(_ envelope: Envelope) {
    model.handle(envelope)
    if case .testStepFinished(let finished) = envelope {
      output.write(Self.character(finished.testStepResult.status))
    }
  }

  public func finish() throws {
    let summary = Summary.text(model)
    if !summary.isEmpty { output.write("\n\n" + summary) }
    output.flush()
  }
}
