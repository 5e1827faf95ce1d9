import Foundation
import Runtime
import V8

/// A custom formatter's realm: a support realm of its own (the Node-compatible runtime and
/// `@cucumber/cucumber` with `Formatter`, `SummaryFormatter`, `formatterHelpers`) holding one
/// formatter module, started with cucumber-js 13's custom formatter API (`formatters.js`).
///
/// Guarantees: the formatter sees every envelope given to `receive`, once, in order; what it
/// logs or writes goes to `write` (in order, on the realm's thread). Any thread may call it; calls
/// run on the realm's isolate thread. Errors are the `JSError` the formatter threw or V8 reported
/// for its file (a `RunError` naming the file when it cannot be loaded).
public final class FormatterRealm: @unchecked Sendable {
  private let support: SupportRealm
  public let path: String

  /// Loads the module `specifier` names (a path, or a package in node_modules), resolved as a
  /// file in `directory` would require it (CommonJS or ES module; its default export, or
  /// `module.exports`, is the formatter), and constructs it.
  ///
  /// `options` is `--format-options` as
  /// JSON text, `directory` the run's working directory (the formatter's `cwd`).
  public init(
    specifier: String, directory: String, options: String, environment: [String: String], caches: RealmCaches,
    console: @escaping ConsoleSink, write: @escaping @Sendable (String) -> Void
  ) throws {
    let support = try SupportRealm(environment: environment, arguments: [], console: console, caches: caches)
    self.support = support
    let resolved = try support.context.call(
      support.realm.function("formatters", "resolve"), [.string(specifier), .string(directory + "/package.json")])
    path = resolved.stringValue ?? specifier
    support.onWrite = { value in
      switch value {
      case .bytes(let bytes): write(String(decoding: bytes, as: UTF8.self))
      default: write(value.stringValue ?? "")
      }
    }
    try support.context.isolate.sync {
      let (exported, isModule) = try support.node.importFile(path)
      let implementation = isModule && exported["default"] != .undefined ? exported["default"] : exported
      _ = try support.context.call(
        support.realm.function("formatters", "start"), [implementation, .string(directory), .string(options)])
    }
  }

  /// Emits `lines` (envelopes as NDJSON, each ending in a newline) to the formatter, in order.
  public func receive(_ lines: String) throws {
    try support.context.isolate.sync {
      _ = try support.context.call(support.realm.function("formatters", "receive"), [.string(lines)])
      _ = try support.pump(until: ContinuousClock.now)
    }
  }

  /// Awaits the formatter's `finished()` (or a plugin's cleanup), running its event loop; at
  /// most `timeout`.
  public func finish(timeout: Duration = .seconds(60)) throws {
    let deadline = ContinuousClock.now + timeout
    try support.context.isolate.sync {
      _ = try support.context.callAwaiting(support.realm.function("formatters", "finish"), [], timeout: timeout) {
        try support.pump(until: deadline)
      }
    }
  }
}
