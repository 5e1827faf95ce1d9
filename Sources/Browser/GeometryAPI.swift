import Runtime
import V8

/// The Geometry Interfaces and CSSOM View's members, answered without layout
/// (`window-apis/geometry.js`, `window-apis/cssom-view.js`).
///
/// Caper computes the cascade, not boxes (DESIGN.md "No layout"), so these answer as a browser
/// would for a document whose boxes all have zero size at the origin of a viewport that never
/// scrolls: `getClientRects()` is empty for an element without a box (not connected,
/// `display: none` on it or an ancestor, `display: contents`) and one zero `DOMRect` otherwise;
/// `offsetParent` follows CSSOM View §7 over the computed `position`; offset, client and scroll
/// sizes and offsets are 0 except the root element's client and scroll sizes, the viewport's;
/// scrolling converts its arguments and moves nothing (no scroll event). `geometry` is installed
/// before `ViewportAPI`, whose observers make its `DOMRectReadOnly`. No host functions.
enum GeometryAPI: PageAPI {
  static let `extension` = Extension(
    name: "geometry",
    scripts: [
      Extension.Script(name: "geometry", source: Extension.resource("window-apis/geometry.js", in: .module)),
      Extension.Script(name: "cssom-view", source: Extension.resource("window-apis/cssom-view.js", in: .module)),
    ])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
