import Foundation
import Runtime
import V8

/// `navigator` (HTML §8.9.1.1 the Navigator object): what the page learns of the browser, as
/// Chrome on Linux driven by Playwright answers (`window-apis/navigator.js`).
///
/// Host functions: `userAgent()` gives the browser context's user agent
/// (`BrowserContext.Options.userAgent`, also the `User-Agent` header); `hardwareConcurrency()`
/// the machine's active processor count, as Chrome reports it. `navigator.userAgentData` (User-Agent
/// Client Hints) is not there: pages fall back to `userAgent`.
enum NavigatorAPI: PageAPI {
  static let `extension` = Extension(
    name: "navigator",
    hostFunctions: ["userAgent", "hardwareConcurrency"],
    scripts: [Extension.Script(name: "navigator", source: Extension.resource("window-apis/navigator.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "navigator.userAgent": { _ in .string(environment.browserContext.options.userAgent) },
      "navigator.hardwareConcurrency": { _ in .number(Double(ProcessInfo.processInfo.activeProcessorCount)) },
    ]
  }
}
