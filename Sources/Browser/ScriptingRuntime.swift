import Foundation
import Runtime
import V8

/// The page realm's scripting (HTML §8.1): running classic scripts through the code cache,
/// reporting uncaught errors, timers and microtasks on the event loop, and the page's clock
/// (`Date`, `performance`) read from its virtual time.
///
/// Host functions (all checked; hostile callers get a `HostError`): `setTimer(callback, delay,
/// repeats)` returns the timer's id (HTML's timer rules, on the page's virtual clock);
/// `clearTimer(id)`; `now()` is the page's virtual time in milliseconds since its time origin;
/// `timeOrigin()` the time origin in milliseconds since the Unix epoch; `runScript(source, url)`
/// compiles and runs a classic script through the `ScriptLoader` (keyed by content and URL, its
/// cache produced after it ran, consume-only inside a host callback) and returns null, or
/// `[name, message, stack, url, line, column]` when it threw or did not parse;
/// `reportError(name, message, stack, location)` records an uncaught error (`PageEnvironment.errors`).
enum ScriptingRuntime: PageAPI {
  static let scriptNames = ["clock", "errors", "timers"]

  static let `extension` = Extension(
    name: "scripting",
    hostFunctions: ["setTimer", "clearTimer", "now", "timeOrigin", "runScript", "reportError"],
    scripts: scriptNames.map { Extension.Script(name: $0, source: Extension.resource("scripting/\($0).js", in: .module)) })

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    let timeOrigin = Date().timeIntervalSince1970 * 1000
    return [
      "scripting.setTimer": { arguments in
        guard case .function(let callback)? = arguments.first else { throw HostError("setTimer(callback, delay, repeats)") }
        let realm = environment.realm
        let delay = arguments.dropFirst().first?.numberValue ?? 0
        let id = realm.loop.setTimer(
          in: realm.context, callback: callback, delay: delay.isFinite ? delay : 0,
          repeats: arguments.dropFirst(2).first == .bool(true))
        return .number(Double(id))
      },
      "scripting.clearTimer": { arguments in
        if let id = arguments.first?.numberValue, id.isFinite, id >= 1, id < 9e15 {
          environment.realm.loop.clearTimer(Int(id), in: environment.realm.context)
        }
        return .undefined
      },
      "scripting.now": { _ in .number(environment.realm.loop.clock(of: environment.realm.context)?.now ?? 0) },
      "scripting.timeOrigin": { _ in .number(timeOrigin) },
      "scripting.runScript": { arguments in
        guard let source = arguments.first?.stringValue, let url = arguments.dropFirst().first?.stringValue else {
          throw HostError("runScript(source, url)")
        }
        let realm = environment.realm
        do {
          _ = try realm.loader.evaluate(source, filename: url, in: realm.context)
          return .null
        } catch let error as JSError where error.kind == .exception || error.kind == .syntax {
          return .array([
            .string(error.name ?? (error.kind == .syntax ? "SyntaxError" : "")), .string(error.message),
            .string(error.stack ?? ""),
            .string(error.location?.file ?? url), .number(Double(error.location?.line ?? 0)),
            .number(Double(error.location?.column ?? 0)),
          ])
        }
      },
      "scripting.reportError": { arguments in
        let text = arguments.map { $0.stringValue ?? "" }
        guard text.count >= 3 else { throw HostError("reportError(name, message, stack, location)") }
        environment.report(
          PageError(name: text[0], message: text[1], stack: text[2], location: text.count > 3 && !text[3].isEmpty ? text[3] : nil)
        )
        return .undefined
      },
    ]
  }
}
