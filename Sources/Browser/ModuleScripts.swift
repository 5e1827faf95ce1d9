import Foundation
import HTML
import Runtime
import V8
import WebURL

/// The page realm's module scripts (HTML §8.1.4): `<script type=module>`, static imports fetched
/// over the page's network, `import()` from any script, `import.meta.url`, import maps (§8.1.5).
///
/// The algorithms live in `scripting/module-scripts.js`; Swift fetches, compiles and links. Every
/// module compiles through the realm's `ScriptLoader` (the code cache, keyed by content and URL;
/// consume-only inside host callbacks, produced at the top level), is named by its response URL
/// (stacks, `import.meta.url`) and is owned by the page's context. The whole graph is fetched and
/// compiled before V8 links it: linking asks the context's `moduleResolver`, which only looks up
/// the edges the JavaScript recorded and never fetches.
///
/// Host functions (hostile callers get a `HostError`): `fetchModule(url, callback)` fetches a
/// module script and calls `callback(ok, source, finalURL)` as a task (not ok: a network error, a
/// status outside 200–299, an HTTP response whose type is not a JavaScript MIME type (HTML's
/// strict check; a console error says so), or a `file:` module of a page that is not a `file:`
/// page); the source is always decoded as UTF-8. `compileModule(source, url)` returns `[id,
/// requests]` or `[name, message, stack, url, line, column]` for a syntax error;
/// `link(referrerID, specifier, targetID)` records one edge of the graph; `evaluateModule(id)`
/// links and runs a module and returns its evaluation promise, or the error array when linking
/// threw; `namespace(id)` the module's namespace object; `resolveURL(input, base)` the
/// serialized URL or null; `warn(message)` a console warning (import map problems);
/// `setImportHook(function)` makes the context's `import()` call `function(specifier, referrer)`.
enum ModuleScripts: PageAPI {
  static let `extension` = Extension(
    name: "modules",
    hostFunctions: [
      "fetchModule", "compileModule", "link", "evaluateModule", "namespace", "resolveURL", "warn", "setImportHook",
    ],
    scripts: [Extension.Script(name: "module-scripts", source: Extension.resource("scripting/module-scripts.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    let graph = ModuleGraph()
    return [
      "modules.fetchModule": { arguments in
        guard let url = arguments.first?.stringValue, case .function(let callback)? = arguments.dropFirst().first else {
          throw HostError("fetchModule(url, callback)")
        }
        environment.fetchSubresource(url) { result in
          let context = environment.realm.context
          guard case .success(let response) = result, response.ok else {
            _ = try? context.call(callback, [.bool(false), .string(""), .string(url)])
            return
          }
          let scheme = response.url.prefix { $0 != ":" }.lowercased()
          let essence = response.contentType?.essence.lowercased()
          if scheme == "http" || scheme == "https", essence.map({ !javaScriptMIMETypes.contains($0) }) ?? true {
            environment.consoleMessages.append(
              ConsoleMessage(
                type: "error",
                text:
                  "Failed to load module script: Expected a JavaScript module script but the server responded with a MIME type of "
                  + "\"\(essence ?? "")\". Strict MIME type checking is enforced for module scripts per HTML spec.",
                location: response.url))
            _ = try? context.call(callback, [.bool(false), .string(""), .string(url)])
            return
          }
          let source = String(decoding: EncodingDecoder.decode(response.body, encoding: .utf8), as: UTF8.self)
          _ = try? context.call(callback, [.bool(true), .string(source), .string(response.url)])
        }
        return .undefined
      },
      "modules.compileModule": { arguments in
        guard let source = arguments.first?.stringValue, let url = arguments.dropFirst().first?.stringValue else {
          throw HostError("compileModule(source, url)")
        }
        let realm = environment.realm
        graph.resolveThrough(realm.context)
        do {
          let module = try realm.loader.compileModule(source, filename: url, in: realm.context)
          let id = graph.add(module)
          return .array([.number(Double(id)), .array(try module.requests().map { .string($0) })])
        } catch let error as JSError where error.kind == .exception || error.kind == .syntax {
          return errorArray(error, url: url)
        }
      },
      "modules.link": { arguments in
        guard let referrer = graph.module(arguments.first), let specifier = arguments.dropFirst().first?.stringValue,
          let target = graph.module(arguments.dropFirst(2).first)
        else { throw HostError("link(referrerID, specifier, targetID)") }
        graph.link(referrer, specifier, target)
        return .undefined
      },
      "modules.evaluateModule": { arguments in
        guard let module = graph.module(arguments.first) else { throw HostError("evaluateModule(id)") }
        do {
          return try module.evaluate()
        } catch let error as JSError where error.kind == .exception || error.kind == .syntax {
          return errorArray(error, url: module.name)
        }
      },
      "modules.namespace": { arguments in
        guard let module = graph.module(arguments.first) else { throw HostError("namespace(id)") }
        return .reference(try module.namespaceReference())
      },
      "modules.resolveURL": { arguments in
        guard let input = arguments.first?.stringValue else { throw HostError("resolveURL(input, base)") }
        let base = arguments.dropFirst().first?.stringValue
        return (base == nil ? URLRecord(input) : URLRecord(input, base: base!)).map { .string($0.href) } ?? .null
      },
      "modules.warn": { arguments in
        guard let message = arguments.first?.stringValue else { throw HostError("warn(message)") }
        environment.consoleMessages.append(ConsoleMessage(type: "warning", text: message, location: nil))
        return .undefined
      },
      "modules.setImportHook": { arguments in
        guard case .function(let hook)? = arguments.first else { throw HostError("setImportHook(function)") }
        try environment.realm.context.setDynamicImportHandler(hook)
        return .undefined
      },
    ]
  }

  /// HTML's JavaScript MIME type essences (what a module script's response must be).
  static let javaScriptMIMETypes: Set<String> = [
    "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
  ]

  /// What the page's JavaScript reports for a module that did not compile or link.
  static func errorArray(_ error: JSError, url: String) -> JSValue {
    .array([
      .string(error.name ?? (error.kind == .syntax ? "SyntaxError" : "Error")), .string(error.message),
      .string(error.stack ?? ""),
      .string(error.location?.file ?? url), .number(Double(error.location?.line ?? 0)),
      .number(Double(error.location?.column ?? 0)),
    ])
  }
}

/// One page's compiled modules and the edges between them, for V8's linking.
///
/// Used on the isolate's thread only (host functions and the module resolver run there). A module's
/// imports are keyed by its name (its URL): modules that share a name (a page's inline module
/// scripts share the document's URL) resolve a specifier alike.
private final class ModuleGraph: @unchecked Sendable {
  private var modules: [Module] = []
  private var edges: [String: [String: Module]] = [:]
  private var resolving = false

  func add(_ module: Module) -> Int {
    modules.append(module)
    return modules.count - 1
  }

  /// The module whose id `value` is; nil for anything else.
  func module(_ value: JSValue?) -> Module? {
    guard let number = value?.numberValue, number.isFinite, number >= 0, number < Double(modules.count) else { return nil }
    return modules[Int(number)]
  }

  func link(_ referrer: Module, _ specifier: String, _ target: Module) {
    edges[referrer.name, default: [:]][specifier] = target
  }

  /// Makes `context`'s module resolver look up this graph's edges (once).
  func resolveThrough(_ context: Context) {
    guard !resolving else { return }
    resolving = true
    context.moduleResolver = { [weak self] _, specifier, referrer in
      guard let target = self?.edges[referrer]?[specifier] else {
        throw JSError(kind: .invalid, message: "Caper did not fetch the module '\(specifier)' imported from \(referrer)")
      }
      return target
    }
  }
}
