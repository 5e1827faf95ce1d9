import Foundation
import HTML
import Network
import Runtime
import V8

/// The page realm's scripting (HTML §8.1): running classic scripts through the code cache,
/// reporting uncaught errors, timers and microtasks on the event loop, and the page's clock
/// (`Date`, `performance`) read from its virtual time.
///
/// Host functions (all checked; hostile callers get a `HostError`): `setTimer(callback, delay,
/// repeats)` returns the timer's id (HTML's timer rules, on the page's virtual clock);
/// `clearTimer(id)`; `now()` is the page's virtual time in milliseconds since its time origin;
/// `timeOrigin()` the time origin in milliseconds since the Unix epoch; `dateNow()` what `Date`
/// reads (`PageEnvironment.dateNow`, which the clock controls move); `runScript(source, url)`
/// compiles and runs a classic script through the `ScriptLoader` (keyed by content and URL, its
/// cache produced after it ran, consume-only inside a host callback) and returns null, or
/// `[name, message, stack, url, line, column]` when it threw or did not parse;
/// `reportError(name, message, stack, location, inPromise)` records an uncaught error or, with
/// `inPromise` true, an unhandled rejection (`PageEnvironment.errors`); `trackRejections()` hands
/// the page realm's promise rejections to `rejections.js` (HTML §8.1.4.7);
/// `queueTask(callback)` posts a task to the page's event loop; `fetchScript(url, charset,
/// callback)` fetches a classic script and calls `callback(ok, handle, finalURL)` as a task, the
/// decoded text kept in Swift under `handle` for `runScript(handle, finalURL)` (`FetchedScriptSources`; not
/// ok: a network error, a status outside 200–299, or a `file:` script for a page that is not a
/// `file:` page); `fetchImage(url, callback)` fetches an image and calls `callback(ok)`;
/// `parserUnblocked()` says the parsing-blocking script has run (the parser goes on in a task);
/// `parserScriptPosition()` is `[line, column]` of the text of the script the document's parser
/// last reached (`HTMLParser.scriptStartTagEnd`), or null; `setReferrerPolicy(policy)` sets the
/// document's referrer policy (`PageEnvironment.referrerPolicy`; `<meta name=referrer>`).
enum ScriptingRuntime: PageAPI {
  static let scriptNames = [
    "clock", "errors", "rejections", "timers", "script-elements", "document-loading", "event-handler-attributes",
    "meta-elements", "referrer-policy",
  ]

  static let `extension` = Extension(
    name: "scripting",
    hostFunctions: [
      "setTimer", "clearTimer", "now", "timeOrigin", "dateNow", "runScript", "reportError", "queueTask", "fetchScript",
      "fetchImage",
      "parserUnblocked", "trackRejections", "parserScriptPosition", "setReferrerPolicy",
    ],
    natives: [.microtaskCheckpoint("runMicrotasks")],
    scripts: scriptNames.map {
      Extension.Script(
        name: $0, source: Extension.resource("scripting/\($0).js", in: .module), calledFromSwift: $0 == "rejections")
    })

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    PageWatchdog.bound(environment)
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
      "scripting.now": { _ in .number(environment.now) },
      "scripting.timeOrigin": { _ in .number(environment.timeOrigin) },
      "scripting.dateNow": { _ in .number(environment.dateNow) },
      "scripting.runScript": { arguments in
        guard let url = arguments.dropFirst().first?.stringValue else { throw HostError("runScript(source or handle, url)") }
        let realm = environment.realm
        let run: () throws -> Void
        if let source = arguments.first?.stringValue {
          run = { _ = try realm.loader.evaluate(source, filename: url, in: realm.context) }
        } else if let handle = arguments.first?.numberValue, handle.isFinite, abs(handle) < 9e15,
          let script = environment.takeScript(Int(handle)), script.url == url
        {
          run = { _ = try realm.loader.evaluate(script.source, key: script.key, filename: url, in: realm.context) }
        } else {
          throw HostError("runScript(source or handle, url)")
        }
        do {
          try PageWatchdog.run(environment, run)
          return .null
        } catch let runaway as RunawayScript {
          return PageWatchdog.failure(runaway, url: url)
        } catch let error as JSError where error.kind == .exception || error.kind == .syntax {
          return .array([
            .string(error.name ?? (error.kind == .syntax ? "SyntaxError" : "")), .string(error.message),
            // A compile error's own stack is Caper's frames that ran the script: none for the page.
            .string(error.kind == .syntax ? "" : error.stack ?? ""),
            .string(error.location?.file ?? url), .number(Double(error.location?.line ?? 0)),
            .number(Double(error.location?.column ?? 0)),
          ])
        }
      },
      "scripting.queueTask": { arguments in
        guard case .function(let callback)? = arguments.first else { throw HostError("queueTask(callback)") }
        let realm = environment.realm
        let context = realm.context
        let task = Task(callback)
        realm.loop.post(to: context) {
          _ = try? context.call(task.callback)
          realm.loader.produceDeferred()
        }
        return .undefined
      },
      "scripting.fetchScript": { arguments in
        guard let url = arguments.first?.stringValue, let charset = arguments.dropFirst().first?.stringValue,
          case .function(let callback)? = arguments.dropFirst(2).first
        else { throw HostError("fetchScript(url, charset, callback)") }
        environment.fetchSubresource(url) { result in
          let context = environment.realm.context
          guard case .success(let response) = result, response.ok else {
            _ = try? context.call(callback, [.bool(false), .string(""), .string(url)])
            return
          }
          let encoding =
            response.charset.flatMap { Encoding(label: $0) } ?? Encoding(label: charset) ?? Encoding(
              label: environment.characterSet)
            ?? .utf8
          // The text stays in Swift (a multi-megabyte bundle would cross into the page and back),
          // decoded once per process: the page gets a handle that `runScript` takes.
          let script = FetchedScriptSources.shared.script(url: response.url, body: response.body, encoding: encoding)
          let handle = environment.keepScript(script)
          _ = try? context.call(callback, [.bool(true), .number(Double(handle)), .string(response.url)])
          environment.realm.loader.produceDeferred()
        }
        return .undefined
      },
      "scripting.fetchImage": { arguments in
        guard let url = arguments.first?.stringValue, case .function(let callback)? = arguments.dropFirst().first else {
          throw HostError("fetchImage(url, callback)")
        }
        environment.fetchSubresource(url) { result in
          let ok = (try? result.get().ok) ?? false
          _ = try? environment.realm.context.call(callback, [.bool(ok)])
        }
        return .undefined
      },
      "scripting.setReferrerPolicy": { arguments in
        guard let value = arguments.first?.stringValue, let policy = ReferrerPolicy(rawValue: value) else {
          throw HostError("setReferrerPolicy(policy)")
        }
        environment.referrerPolicy = policy
        return .undefined
      },
      "scripting.parserScriptPosition": { _ in
        guard let position = environment.documentLoader?.scriptStartTagEnd else { return .null }
        return .array([.number(Double(position.line)), .number(Double(position.column))])
      },
      "scripting.parserUnblocked": { _ in
        environment.parserUnblocked?()
        return .undefined
      },
      "scripting.reportError": { arguments in
        let text = arguments.map { $0.stringValue ?? "" }
        guard text.count >= 3 else { throw HostError("reportError(name, message, stack, location, inPromise)") }
        environment.report(
          PageError(
            name: text[0], message: text[1], stack: text[2], location: text.count > 3 && !text[3].isEmpty ? text[3] : nil,
            inPromise: arguments.dropFirst(4).first == .bool(true))
        )
        return .undefined
      },
      "scripting.trackRejections": { _ in
        // The realm's own code reports to rejections.js.
        try environment.realm.forwardPromiseRejections(to: "rejections", track: "track", notify: "notify")
        return .undefined
      },
    ]
  }
}

/// A JavaScript callback carried into a task posted to the loop (it runs on the isolate's thread).
private final class Task: @unchecked Sendable {
  let callback: JSReference
  init(_ callback: JSReference) { self.callback = callback }
}
