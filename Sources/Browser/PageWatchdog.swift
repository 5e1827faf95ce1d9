import Foundation
import Runtime
import V8

/// The per-task watchdog of a page (issue 13: a runaway page script is stopped with a page error
/// and the page stays usable), over the event loop's `TaskWatchdog`.
///
/// Guarantees: every task of the page's realm (a timer's callback, a fetch's completion, a step
/// of the parser, a queued task, and so the event listeners they fire) runs for at most the
/// browser context's `taskTimeout`, read as each task starts; a classic script runs for at most
/// that on its own, so a script stopped inside the parser's task ends alone and the parser goes
/// on. A stopped task or script is a page error (`PageEnvironment.errors`) naming where the code
/// was (`URL:line:column` of the innermost frame of the page's own code) and the limit; later
/// tasks run, and the support realm still evaluates in the page. Used on the isolate's thread.
enum PageWatchdog {
  /// Bounds the tasks of the page realm of `environment` (made, not yet running).
  static func bound(_ environment: PageEnvironment) {
    let realm = environment.realm
    realm.loop.boundTasks(
      of: realm.context, limit: { [weak environment] in environment?.browserContext.options.taskTimeout },
      report: { [weak environment] runaway in environment?.report(pageError(runaway)) })
  }

  /// Runs a classic script of the page (`body`) under its own bound.
  static func run(_ environment: PageEnvironment, _ body: () throws -> Void) throws {
    guard let limit = environment.browserContext.options.taskTimeout else { return try body() }
    try environment.realm.loop.watchdog.run(limit: limit, body)
  }

  /// Whether `error` is a task or script this watchdog stopped.
  static func stopped(_ error: PageError) -> Bool { error.message.hasSuffix(stoppedSuffix) }

  private static let stoppedSuffix = "without returning to the event loop and was stopped (taskTimeout)"

  /// The page error of a stopped task.
  static func pageError(_ runaway: RunawayScript) -> PageError {
    let place = location(runaway)
    return PageError(name: "Error", message: message(runaway), stack: stack(runaway), location: place?.description)
  }

  /// What `runScript` gives the page's JavaScript for a stopped script of `url`: `[name,
  /// message, stack, url, line, column]`.
  static func failure(_ runaway: RunawayScript, url: String) -> JSValue {
    let place = location(runaway)
    return .array([
      .string("Error"), .string(message(runaway)), .string(stack(runaway)), .string(place?.file ?? url),
      .number(Double(place?.line ?? 0)), .number(Double(place?.column ?? 0)),
    ])
  }

  /// The innermost frame of the page's own code (Caper's runtime is `caper:`).
  private static func location(_ runaway: RunawayScript) -> SourceLocation? {
    runaway.frames.first { !$0.file.hasPrefix("caper:") } ?? runaway.frames.first
  }

  private static func message(_ runaway: RunawayScript) -> String {
    let limit = runaway.limit
    let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
    let amount = seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    return "the page's script ran for more than \(amount) \(stoppedSuffix)"
  }

  private static func stack(_ runaway: RunawayScript) -> String {
    "Error: \(message(runaway))" + runaway.frames.filter { !$0.file.hasPrefix("caper:") }.map { "\n    at \($0)" }.joined()
  }
}
