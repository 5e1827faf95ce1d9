import Foundation
import Runtime
import V8
import WebURL

/// `location`, `history` and `window.open` (HTML §7.2.3, §7.2.4; `window-apis/location.js`):
/// same-document navigations happen in the page; what needs another document is recorded for
/// the loader.
///
/// Host functions (all checked; hostile callers get a `HostError`): `navigate(url,
/// historyHandling)` records a navigation to another document in
/// `PageEnvironment.navigationRequests` (`historyHandling` is `push`, `replace` or `reload`; the
/// document stays until the loader acts); `urlChanged(url)` keeps `PageEnvironment.url` the
/// document's URL after a same-document change, refused unless the origin stays the same (what
/// `pushState` allows); `open(url, target, features)` records a `window.open` in
/// `PageEnvironment.openRequests`.
enum LocationAPI: PageAPI {
  static let `extension` = Extension(
    name: "location",
    hostFunctions: ["navigate", "urlChanged", "open"],
    scripts: [Extension.Script(name: "location", source: Extension.resource("window-apis/location.js", in: .module))])

  static let historyHandlings: Set<String> = ["push", "replace", "reload"]

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "location.navigate": { arguments in
        guard let url = arguments.first?.stringValue, let record = URLRecord(url),
          let handling = arguments.dropFirst().first?.stringValue, historyHandlings.contains(handling)
        else { throw HostError("navigate(url, historyHandling)") }
        environment.navigationRequests.append(record.href)
        return .undefined
      },
      "location.urlChanged": { arguments in
        guard let url = arguments.first?.stringValue, let record = URLRecord(url), let current = URLRecord(environment.url),
          record.origin == current.origin, record.protocol == current.protocol
        else { throw HostError("urlChanged(url): a URL of the document's origin") }
        environment.url = record.href
        return .undefined
      },
      "location.open": { arguments in
        guard let url = arguments.first?.stringValue, let record = URLRecord(url) else {
          throw HostError("open(url, target, features)")
        }
        environment.openRequests.append(record.href)
        return .undefined
      },
    ]
  }
}
