import Browser
import Expressions
import Foundation
import Runtime
import V8

/// The support realm of a worker: a realm of `SupportRuntime.template` (the Node-compatible
/// runtime, then the cucumber extension) in an isolate of its own, and the user's support code,
/// for the worker's whole life (module state persists across scenarios).
///
/// Guarantees: support files load in the order given; a syntax or load error comes back as the
/// `JSError` V8 reported (file, line, column). Host functions are the only way JavaScript
/// reaches the machine: files, processes, the clock, the console sink and attachments.
final class SupportRealm: @unchecked Sendable {
  let realm: Realm
  let node: NodeRuntime
  var context: Context { realm.context }
  var loader: ScriptLoader { realm.loader }
  /// Where attachments go; set by the runner.
  var onAttachment: (@Sendable (JSValue) -> Void)?
  /// Where a custom formatter's output goes (`host.emit('write', text)`); set by `FormatterRealm`.
  var onWrite: (@Sendable (JSValue) -> Void)?
  private let clock = ContinuousClock()
  let regexp: JavaScriptRegExp
  /// The pages and browser contexts the support code's Playwright objects opened.
  let pages: PageRegistry
  /// The zero of JavaScript's clock (`host.now()`), on the clock of `ProgressMark.now`.
  let clockOrigin: Int64

  /// With a snapshot in `caches` (of `SupportRuntime.template`), the context starts as the snapshot's and
  /// Caper's runtime does not run again; without it, the runtime's bootstrap runs here (through
  /// the code cache).
  init(
    environment: [String: String], arguments: [String], console: @escaping ConsoleSink, heapLimit: Int? = nil,
    caches: RealmCaches = RealmCaches(), log: (@Sendable (String) -> Void)? = nil
  ) throws {
    let node = NodeRuntime(console: console)
    let attachments = LockedState<(@Sendable (JSValue) -> Void)?>(nil)
    let writes = LockedState<(@Sendable (JSValue) -> Void)?>(nil)
    let pages = PageRegistry()
    self.pages = pages
    realm = try Realm(template: SupportRuntime.template, heapLimit: heapLimit, caches: caches, log: log) { realm in
      var bodies = node.hostFunctions(for: realm).merging(SupportFetchAPI.hostFunctions(for: realm)) { $1 }
      bodies.merge(PlaywrightRuntime.hostFunctions(for: realm, registry: pages)) { $1 }
      bodies["cucumber.emit"] = { args in
        switch args[0].stringValue {
        case "attachment": if let deliver = attachments.withLock({ $0 }) { deliver(args[1]) }
        case "note": console(.err, "caper: \(args[1].stringValue ?? "")\n")
        case "write": if let deliver = writes.withLock({ $0 }) { deliver(args[1]) }
        default: break
        }
        return .undefined
      }
      return bodies
    }
    self.node = node
    pages.attach(to: realm)
    regexp = try JavaScriptRegExp(context: realm.context)
    clockOrigin = realm.context.isolate.clockOrigin
    try node.start(environment: environment, arguments: arguments)
    attachments.withLock { $0 = { [weak self] value in self?.onAttachment?(value) } }
    writes.withLock { $0 = { [weak self] value in self?.onWrite?(value) } }
  }

  /// A function the cucumber extension exports.
  func function(_ name: String) -> JSReference { realm.function("cucumber", name) }

  /// Requires `modules` from `directory`, then loads support files in order (see
  /// `NodeRuntime.load`).
  func load(_ paths: [String], requiring modules: [String] = [], from directory: String = "") throws {
    try node.requireModules(modules, from: directory)
    try node.load(paths)
  }

  func describe() throws -> JSValue { try context.call(function("describe")) }

  /// The run's options the cucumber extension applies itself (`--fail-on-page-errors`).
  func configure(failOnPageErrors: Bool) throws {
    _ = try context.call(function("configure"), [.object(JSObject([("failOnPageErrors", .bool(failOnPageErrors))]))])
  }

  func pump(until deadline: ContinuousClock.Instant) throws -> Bool { try realm.pump(until: deadline) }

  /// Calls a runtime function that returns a promise of an outcome, running the event loop until
  /// it settles or `timeout` passes.
  func outcome(_ name: String, _ arguments: [JSValue], timeout: Swift.Duration) -> Outcome {
    let deadline = clock.now + timeout
    do {
      return Outcome(try context.callAwaiting(function(name), arguments, timeout: timeout) { try self.pump(until: deadline) })
    } catch {
      return Self.failure(error, timeout: timeout)
    }
  }

  /// Waits for a promise of an outcome as `outcome` does, for what is left of `timeout`.
  func settle(_ promise: JSValue, timeout: Swift.Duration, left: Swift.Duration) -> Outcome {
    let deadline = clock.now + left
    do {
      return Outcome(try context.awaitPromise(promise, timeout: left) { try self.pump(until: deadline) })
    } catch {
      return Self.failure(error, timeout: timeout)
    }
  }

  static func failure(_ error: any Error, timeout: Swift.Duration) -> Outcome {
    switch error {
    case let error as JSError where error.kind == .timeout:
      return Outcome(
        status: .failed,
        message: "function timed out, ensure the promise resolves within \(Int(timeout.milliseconds)) milliseconds",
        exceptionType: "Error", stackTrace: nil)
    case let error as JSError:
      // Caper's own frames left out, as the runtime's failure() does.
      let stack = error.stack.map { stack in
        stack.split(separator: "\n", omittingEmptySubsequences: false).filter {
          !$0.contains("(caper:") && !$0.contains("at caper:")
        }
        .joined(separator: "\n")
      }
      return Outcome(status: .failed, message: error.message, exceptionType: error.name ?? "Error", stackTrace: stack)
    default:
      return Outcome(status: .failed, message: String(describing: error), exceptionType: "Error", stackTrace: nil)
    }
  }
}
