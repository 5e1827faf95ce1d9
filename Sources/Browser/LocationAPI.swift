import Foundation
import Runtime
import V8
import WebURL

/// `location`, `history` and `window.open` (HTML §7.2.3, §7.2.4; `window-apis/location.js`):
/// same-document navigations happen in the page; what needs another document is recorded for
/// the loader.
///
/// Host functions (all checked; hostile callers get a `HostError`): `navigate(url,
/// historyHandling, how)` (`how` optional: "a link was followed") records a navigation to another document in
/// `PageEnvironment.navigations` (`historyHandling` is `push`, `replace` or `reload`; the
/// document stays until the loader acts); `urlChanged(url)` keeps `PageEnvironment.url` the
/// document's URL after a same-document change, refused unless the origin stays the same (what
/// `pushState` allows); `open(url, target, features)` records a `window.open` in
/// `PageEnvironment.openRequests`; `refresh(url, seconds)` records the navigation a `<meta
/// http-equiv=refresh>` asks for (`scripting/meta-refresh.js`). Each navigation is recorded with
/// how it was asked for.
enum LocationAPI: PageAPI {
  static let `extension` = Extension(
    name: "location",
    hostFunctions: ["navigate", "urlChanged", "open", "refresh"],
    scripts: [
      Extension.Script(name: "location", source: Extension.resource("window-apis/location.js", in: .module)),
      Extension.Script(name: "meta-refresh", source: Extension.resource("scripting/meta-refresh.js", in: .module)),
    ])

  static let historyHandlings: Set<String> = ["push", "replace", "reload"]
  /// How a script asked for a navigation, by its history handling (a push before the document is
  /// completely loaded is a replace, so `replace` is not only `location.replace()`).
  static let hows = ["push": "a script set location", "replace": "a script set location", "reload": "a script reloaded"]

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "location.navigate": { arguments in
        guard let url = arguments.first?.stringValue, let record = URLRecord(url),
          let handling = arguments.dropFirst().first?.stringValue, historyHandlings.contains(handling)
        else { throw HostError("navigate(url, historyHandling)") }
        let how = arguments.dropFirst(2).first?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? hows[handling] ?? handling
        environment.navigations.append(NavigationRequest(url: record.href, how: how))
        return .undefined
      },
      "location.refresh": { arguments in
        guard let url = arguments.first?.stringValue, let record = URLRecord(url),
          let seconds = arguments.dropFirst().first?.numberValue, seconds >= 0
        else { throw HostError("refresh(url, seconds)") }
        let delay = seconds.isFinite && seconds == seconds.rounded() && seconds < 1e15 ? "\(Int(seconds))" : "\(seconds)"
        environment.navigations.append(NavigationRequest(url: record.href, how: "<meta http-equiv=refresh> after \(delay) s"))
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

/// A navigation to another document the page asked for: the URL and how it asked
/// (`a script set location`, `a script reloaded`, `<meta http-equiv=refresh> after 5 s`).
public struct NavigationRequest: Sendable, Equatable {
  public var url: String
  public var how: String

  public init(url: String, how: String) {
    self.url = url
    self.how = how
  }
}
