import Runtime
import V8

/// What is in view, without layout: `screen` and the observers (`window-apis/viewport.js`).
///
/// `IntersectionObserver` reports every observed element intersecting once, ratio 1 (everything
/// is in view); `ResizeObserver` makes one observation per element, its content box from the
/// cascade's px `width`/`height` where known, else 0x0. `matchMedia`, `innerWidth` and the
/// viewport itself are the cascade's (`dom/cascade.js`, one media query evaluator for `@media`
/// and `matchMedia`). No host functions: everything here is page-realm JavaScript over the DOM.
enum ViewportAPI: PageAPI {
  static let `extension` = Extension(
    name: "viewport",
    scripts: [Extension.Script(name: "viewport", source: Extension.resource("window-apis/viewport.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
