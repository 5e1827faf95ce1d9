import Foundation
import Runtime

/// The support realm of `caper scrape`: the Node-compatible runtime, then the scrape extension
/// (`scrape/page.js`: the `page` a script receives).
///
/// Host function: `compile(pageId, source)` compiles `source` (a function expression) in that
/// page's realm and returns the page-realm function; Swift compiles it, so the page realm's
/// refusal of code generation asked by other realms' code stays whole.
public enum ScrapeRuntime {
  public static let `extension` = Extension(
    name: "scrape", hostFunctions: ["compile"],
    scripts: [
      // The same serialization as the page realm's (`page/entry.js`), installed in this realm too.
      Extension.Script(name: "serialized-value", source: Extension.resource("shared/serialized-value.js", in: .module)),
      Extension.Script(name: "scrape", source: Extension.resource("scrape/page.js", in: .module), calledFromSwift: true),
    ])

  public static let template = RealmTemplate(name: "scrape", extensions: [NodeRuntime.extension, ScrapeRuntime.extension])
}
