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
/// operations (`[operations: ArrayBuffer, text: string]`, see `TreeOperation`);
/// `resolveURL(base, relative)` returns the serialized URL or null.
public enum DOMRuntime {
  /// The scripts in install order, by name (`dom/<name>.js`).
  static let scriptNames = [
    "internals", "safe-array-iterator", "dom-exception", "events", "nodes", "collections", "tree-operations", "serialization",
    "css-style-declaration", "elements", "traversal", "window", "css-syntax", "selectors",
  ]

  public static let `extension` = Extension(
    name: "dom", hostFunctions: ["parseFragment", "parseDocument", "resolveURL"],
    scripts: scriptNames.map { Extension.Script(name: $0, source: Extension.resource("dom/\($0).js", in: .module)) } + [
      Extension.Script(name: "entry", source: Extension.resource("page/entry.js", in: .module), calledFromSwift: true)
    ])

  /// A page realm's template: the primordials, then the DOM runtime.
  public static let template = RealmTemplate(name: "page", extensions: [DOMRuntime.extension], guarded: true)

  /// The Swift bodies of the DOM runtime's host functions. They assume hostile callers: every
  /// argument is checked, and what they return is data made for the page (a batch, a string).
  static func hostFunctions() -> [String: HostFunction] {
    [
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
      "dom.resolveURL": { arguments in
        guard let base = arguments.first?.stringValue, let relative = arguments.dropFirst().first?.stringValue else {
          return .null
        }
        return URLRecord(relative, base: base).map { .string($0.href) } ?? .null
      },
    ]
  }
}
