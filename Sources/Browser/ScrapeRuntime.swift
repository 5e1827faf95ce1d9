import Foundation
import Runtime

/// The support realm of `caper scrape`: the Node-compatible runtime, Playwright's API
/// (`PlaywrightRuntime`: the `page` a script receives is its Page, and its host functions reach
/// the input's page), then the scrape extension (`scrape/page.js`: runs the script's function on
/// each input's page and shapes its result).
public enum ScrapeRuntime {
  public static let `extension` = Extension(
    name: "scrape",
    scripts: [Extension.Script(name: "scrape", source: Extension.resource("scrape/page.js", in: .module), calledFromSwift: true)])

  public static let template = RealmTemplate(
    name: "scrape", extensions: [NodeRuntime.extension, PlaywrightRuntime.extension, ScrapeRuntime.extension])
}
