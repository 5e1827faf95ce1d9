import Foundation
import HTML
import Runtime
import V8
import WebURL

/// The DOM runtime: the JavaScript that makes a page realm a document's home (nodes, the
/// tree-operation stream, serialization, elements, collections, events, Selectors, the window),
/// shipped as resources of this module and installed in order after the primordials.
///
/// Guarantees: the scripts reach the tree only through the internal slots of `dom/internals.js`
/// and the built-ins captured as primordials, so page code that overwrites prototypes or globals
/// does not change what they do. Host functions: `parseFragment(markup, contextLocalName,
/// contextNamespace, quirksMode, scripting)` and `parseDocument(markup, scripting)` return a batch of tree
/// operations (`[operations: ArrayBuffer, text: string]`, see `TreeOperation`), and so does
/// `parseXML(markup, contentType)` for an XML document (`XMLDocumentParser`);
/// `resolveURL(base, relative)` returns the serialized URL or null; `loadStylesheet(url,
/// documentURL)` the text of a stylesheet or null (`StylesheetLoader`); `urlParse(input, base)`,
/// `urlCanParse`, `urlSet(href, component, value)`, `urlSearchParamsParse(query)` and
/// `urlSearchParamsSerialize(flatPairs)` are the support realm's URL crossings (Ada through WebURL).
public enum DOMRuntime {
  /// The scripts in install order, by name (`dom/<name>.js`).
  static let scriptNames = [
    "internals", "safe-array-iterator", "dom-exception", "events", "nodes", "collections", "tree-operations", "serialization",
    "css-style-declaration", "elements", "traversal", "window", "mutation-observer", "custom-elements", "slots", "url",
    "css-syntax",
    "selectors", "css-parser", "cascade", "xpath",
  ]

  /// The URL Standard's crossings the page realm's `URL` and `URLSearchParams` make (`dom/url.js`).
  static let urlHostFunctionNames = ["urlParse", "urlCanParse", "urlSet", "urlSearchParamsParse", "urlSearchParamsSerialize"]

  public static let `extension` = Extension(
    name: "dom",
    hostFunctions: ["parseFragment", "parseDocument", "parseXML", "resolveURL", "loadStylesheet"] + urlHostFunctionNames,
    scripts: scriptNames.map { Extension.Script(name: $0, source: Extension.resource("dom/\($0).js", in: .module)) })

  /// The Web APIs installed after the DOM, in order.
  static let webAPIs: [any PageAPI.Type] = [
    BuiltinsAPI.self, ScriptingRuntime.self, ModuleScripts.self, EncodingAPI.self, EnvironmentSettingsAPI.self, CryptoAPI.self,
    FileAPI.self, FormDataAPI.self,
    MessagingAPI.self, FetchAPI.self, StorageAPI.self, NavigatorAPI.self, ConsoleAPI.self, DialogAPI.self, LocationAPI.self,
    GeometryAPI.self, ViewportAPI.self, DocumentCookieAPI.self, StylesheetLoader.self, DynamicMarkupAPI.self, FramesAPI.self,
    EventSourceAPI.self, CSSNamespaceAPI.self, BeaconAPI.self, BroadcastChannelAPI.self, FormsAPI.self, InputAPI.self,
  ]

  /// Caper's own entry points into the page (`page/entry.js`), installed last so they see every
  /// API, and Playwright's exposed bindings (`playwright/bindings.js`: `callBinding(name, id,
  /// argumentsText)` hands a call to the page's `Page.callBinding`).
  static let entryExtension = Extension(
    name: "page", hostFunctions: ["callBinding"],
    scripts: [
      Extension.Script(name: "serialized-value", source: Extension.resource("shared/serialized-value.js", in: .module)),
      Extension.Script(
        name: "bindings", source: Extension.resource("playwright/bindings.js", in: .module), calledFromSwift: true),
      Extension.Script(name: "entry", source: Extension.resource("page/entry.js", in: .module), calledFromSwift: true),
    ])

  /// A page realm's template: the primordials, the DOM runtime, the Web APIs, the entry points.
  public static let template = RealmTemplate(
    name: "page", extensions: [DOMRuntime.extension] + webAPIs.map { $0.extension } + [entryExtension], guarded: true)

  /// The Swift bodies of every host function of a page realm, for the page of `environment`.
  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    var bodies = webAPIs.reduce(hostFunctions()) { bodies, api in bodies.merging(api.hostFunctions(environment)) { $1 } }
    bodies["page.callBinding"] = { [weak environment] arguments in
      guard let name = arguments.first?.stringValue, let id = arguments.dropFirst().first?.numberValue, id.isFinite,
        let text = arguments.dropFirst(2).first?.stringValue
      else { throw HostError("callBinding(name, id, argumentsText)") }
      guard let environment, let page = environment.topLevelPage else { return .undefined }
      page.callBinding(from: environment, name: name, id: Int(id), argumentsText: text)
      return .undefined
    }
    return bodies
  }

  /// The Swift bodies of the DOM runtime's host functions.
  ///
  /// They assume hostile callers: every argument is checked, and what they return is data made for the page (a batch, a string).
  static func hostFunctions() -> [String: HostFunction] {
    let url = NodeRuntime.urlHostFunctions(namespace: "dom").filter { urlHostFunctionNames.contains(String($0.key.dropFirst(4))) }
    return url.merging([
      "dom.parseFragment": { arguments in
        guard let markup = arguments.first?.stringValue, let context = arguments.dropFirst().first?.stringValue else {
          throw HostError("parseFragment(markup, contextLocalName, namespace, quirksMode, scripting)")
        }
        let namespace = TreeBuilder.Namespace(rawValue: Int32(arguments.dropFirst(2).first?.numberValue ?? 0)) ?? .html
        let mode = TreeBuilder.QuirksMode(rawValue: Int32(arguments.dropFirst(3).first?.numberValue ?? 0)) ?? .noQuirks
        let scripting = arguments.dropFirst(4).first == .bool(true)
        return DocumentParser.parseFragment(
          markup, contextLocalName: context, namespace: namespace, quirksMode: mode, scripting: scripting
        ).javaScriptValue
      },
      "dom.parseDocument": { arguments in
        guard let markup = arguments.first?.stringValue else { throw HostError("parseDocument(markup, scripting)") }
        return DocumentParser.parseDocument(markup, scripting: arguments.dropFirst().first == .bool(true)).javaScriptValue
      },
      "dom.parseXML": { arguments in
        guard let markup = arguments.first?.stringValue, let type = arguments.dropFirst().first?.stringValue,
          DocumentParser.isXMLMIMEType(type)
        else { throw HostError("parseXML(markup, contentType)") }
        return DocumentParser.parseXMLDocument(markup).javaScriptValue
      },
      "dom.resolveURL": { arguments in
        guard let base = arguments.first?.stringValue, let relative = arguments.dropFirst().first?.stringValue else {
          return .null
        }
        let encoding = arguments.dropFirst(2).first?.stringValue ?? "UTF-8"
        return URLRecord(QueryEncoding.prepare(relative, encoding: encoding), base: base).map { .string($0.href) } ?? .null
      },
      "dom.loadStylesheet": { arguments in
        guard let url = arguments.first?.stringValue, let documentURL = arguments.dropFirst().first?.stringValue else {
          return .null
        }
        return StylesheetLoader.load(url, documentURL: documentURL).map { .string($0) } ?? .null
      },
    ]) { $1 }
  }
}
