import Runtime
import V8

/// The `CSS` namespace of the page realm (`window-apis/css-namespace.js`): `CSS.escape` (CSSOM
/// "serialize an identifier") and `CSS.supports`, both forms.
///
/// `CSS.supports` is answered by the same parser as `@supports` (`dom/css-parser.js`), so a page
/// gets one answer from both: the properties the cascade computes are checked against their
/// grammar, others are supported unless they carry another engine's prefix. No host functions.
enum CSSNamespaceAPI: PageAPI {
  static let `extension` = Extension(
    name: "cssNamespace",
    scripts: [Extension.Script(name: "css-namespace", source: Extension.resource("window-apis/css-namespace.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
