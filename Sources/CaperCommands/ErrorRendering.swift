import Foundation
import Runner
import V8

/// The one place errors become what the user reads: the message on stderr and the exit status.
///
/// Libraries throw typed errors (`RunError`, `JSError`, ...) with file, line, column and cause;
/// only this decides how they look.
enum ErrorRendering {
  /// The message and status for an error a command threw; nil for ArgumentParser's own (help,
  /// usage), which it renders itself.
  static func failure(for error: any Error) -> CommandFailure? {
    switch error {
    case let failure as CommandFailure:
      return failure
    case let error as RunError:
      // Could not start (usage, configuration or load errors: 2), or features that do not parse
      // (a failed run, as cucumber-js: 1).
      return CommandFailure(
        message: "caper: \(error)" + frames(of: error.cause), status: error.isFailure ? ExitStatus.failure : ExitStatus.usage)
    case let error as JSError:
      return CommandFailure(message: "caper: \(error)" + frames(of: error), status: ExitStatus.failure)
    default:
      return nil
    }
  }

  /// The user's frames of a JavaScript stack, one per line after the message (Caper's own are
  /// left out); empty when there are none.
  static func frames(of error: (any Error)?) -> String {
    guard let error = error as? JSError, let stack = error.stack else { return "" }
    let frames = stack.split(separator: "\n").filter { $0.hasPrefix("    at ") && !$0.contains("caper:") }
    return frames.isEmpty ? "" : "\n" + frames.joined(separator: "\n")
  }
}
