import Foundation
import Runtime
import V8

/// Playwright's page-level selector methods on a page (`page.click(selector, options)` and the
/// others of `input/actions.js`), with Playwright's names, arguments and options.
///
/// Guarantees: an action runs in the page realm at the top level of the event loop; while its
/// element is missing or not actionable, the page's tasks run (virtual time: its clock jumps to
/// its next timer when nothing else is due) and it tries again, until `timeout` of the page's time
/// has passed or nothing is left to run, then throws `PageActionError` with Playwright's wording
/// (`Timeout 30000ms exceeded.` and what it waited for). An action that starts a navigation (a
/// link, a form's submission planned as a task) returns once the new document has committed and
/// been parsed (`DOMContentLoaded`; its loading goes on, `waitForLoadState` waits for the rest).
/// Isolate's thread.
extension Page {
  /// Runs the action `name` with `arguments` (JSON values: strings, numbers, booleans, arrays,
  /// dictionaries) and gives its result (a JSON value, or nil).
  @discardableResult
  public func perform(_ name: String, _ arguments: [Any], timeout: Duration = .seconds(30)) throws -> Any? {
    let text = String(
      decoding: try JSONSerialization.data(withJSONObject: arguments, options: [.fragmentsAllowed]), as: UTF8.self)
    let milliseconds = Double(timeout.components.seconds) * 1000 + Double(timeout.components.attoseconds) / 1e15
    let realDeadline = ContinuousClock.now + timeout + .seconds(30)
    let started = environment.now
    let document = documentNumber
    while true {
      let outcome = try attempt(name, argumentsText: text)
      guard let data = outcome.data(using: .utf8),
        let result = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
      else { throw PageActionError(method: name, message: "the action gave no result") }
      if let message = result["error"] as? String { throw PageActionError(method: name, message: message) }
      if let why = result["retry"] as? String {
        let waited = environment.now - started
        guard waited < milliseconds, ContinuousClock.now < realDeadline,
          try realm.loop.turn(until: realDeadline, waitingOn: realm.context)
        else {
          throw PageActionError(method: name, message: "Timeout \(Int(milliseconds))ms exceeded.\n  - \(why)")
        }
        realm.loader.produceDeferred()
        continue
      }
      try waitForCommit(until: realDeadline)
      // A navigation the action started: its document has been parsed when the action returns.
      if documentNumber != document { try waitForLoadState(.domcontentloaded, timeout: timeout) }
      try runDueWork(until: realDeadline)
      return result["ok"].flatMap { $0 is NSNull ? nil : $0 }
    }
  }

  /// One try of the action `name` with the JSON text of its arguments.
  ///
  /// Gives the JSON text of `{"ok": value}`, `{"retry": why}` (the element is missing or not
  /// actionable yet) or `{"error": message}`. The caller waits and tries again on `retry`. With a
  /// `locator` (its description, as `locator('button')`), the selector must match one element
  /// (Playwright's strict mode); else the first match is taken, as the page methods do. `path`
  /// names the frame whose document the action is in (see `frameRealm`).
  public func attempt(_ name: String, argumentsText: String, locator: String = "", frame path: [Int] = []) throws -> String {
    guard let realm = frameRealm(path) else { return #"{"retry":"waiting for the frame"}"# }
    let outcome = try realm.context.call(
      realm.function("entry", "act"), [.string(name), .string(argumentsText), .string(locator)])
    realm.loader.produceDeferred()
    return outcome.stringValue ?? #"{"error":"the action gave no result"}"#
  }

  /// The realm of the frame at `path` (the ids of the iframes' frames from the page's document
  /// down; empty: the page's own realm), or nil while a frame on the way has no document yet.
  public func frameRealm(_ path: [Int]) -> Realm? {
    showPendingBlank()
    var (realm, environment) = (self.realm, self.environment)
    for id in path {
      guard let frame = environment.childNavigables.frames[id], let inner = frame.realm, let next = frame.environment else {
        return nil
      }
      (realm, environment) = (inner, next)
    }
    return realm
  }

  /// Runs what the page has due at its current time (queued tasks, timers due now), as a browser
  /// does between two of Playwright's calls; the page's clock does not move (at most 1,000 turns:
  /// a page that queues a task from each task stops there).
  func runDueWork(until deadline: ContinuousClock.Instant) throws {
    var turns = 0
    while hasDueWork, turns < 1000, ContinuousClock.now < deadline {
      guard try realm.loop.turn(until: deadline, waitingOn: realm.context) else { return }
      realm.loader.produceDeferred()
      turns += 1
    }
  }

  /// Runs the loop until the navigation in flight, if any, has committed its new document.
  private func waitForCommit(until deadline: ContinuousClock.Instant) throws {
    while isNavigating, ContinuousClock.now < deadline {
      guard try realm.loop.turn(until: deadline, waitingOn: realm.context) else { return }
      realm.loader.produceDeferred()
    }
  }

  /// `page.click(selector, options)`: `button` (`left`, `right`, `middle`), `clickCount`,
  /// `modifiers` (`Alt`, `Control`, `Meta`, `Shift`), `force`, `trial`.
  public func click(_ selector: String, _ options: [String: Any] = [:]) throws { try perform("click", [selector, options]) }
  /// `page.dblclick(selector, options)`.
  public func dblclick(_ selector: String, _ options: [String: Any] = [:]) throws {
    try perform("dblclick", [selector, options])
  }
  /// `page.hover(selector, options)`.
  public func hover(_ selector: String, _ options: [String: Any] = [:]) throws { try perform("hover", [selector, options]) }
  /// `page.fill(selector, value)`.
  public func fill(_ selector: String, _ value: String) throws { try perform("fill", [selector, value]) }
  /// `page.type(selector, text)`: each character as a key press.
  public func type(_ selector: String, _ text: String) throws { try perform("type", [selector, text]) }
  /// `page.press(selector, key)`: `Enter`, `a`, `Shift+Tab`, `Control+a`...
  public func press(_ selector: String, _ key: String) throws { try perform("press", [selector, key]) }
  /// `page.check(selector)`.
  public func check(_ selector: String, _ options: [String: Any] = [:]) throws { try perform("check", [selector, options]) }
  /// `page.uncheck(selector)`.
  public func uncheck(_ selector: String, _ options: [String: Any] = [:]) throws { try perform("uncheck", [selector, options]) }
  /// `page.focus(selector)`.
  public func focus(_ selector: String) throws { try perform("focus", [selector]) }
  /// `page.selectOption(selector, values)`: values or labels (a string or a list); gives the
  /// selected options' values.
  @discardableResult
  public func selectOption(_ selector: String, _ values: Any) throws -> [String] {
    (try perform("selectOption", [selector, values]) as? [String]) ?? []
  }
  /// `page.setInputFiles(selector, files)`: each file `["name": String, "mimeType": String,
  /// "buffer": base64 String]`.
  public func setInputFiles(_ selector: String, _ files: [[String: Any]]) throws {
    try perform("setInputFiles", [selector, files])
  }
}

/// A page-level action that failed: the method (`click`) and Playwright's message.
public struct PageActionError: Error, CustomStringConvertible, Sendable {
  public var method: String
  public var message: String

  public var description: String { "page.\(method): \(message)" }
}
