import Foundation
import Runtime
import V8
import WebURL

/// `location`, `history` and `window.open` (HTML §7.2.3, §7.2.4; `window-apis/location.js`):
/// same-document navigations happen in the page; a navigation to another document is recorded in
/// `PageEnvironment.navigations` and started by the `Page` showing the document
/// (`PageEnvironment.startNavigation`), which loads the new document in a new page realm.
///
/// Host functions (all checked; hostile callers get a `HostError`): `navigate(url,
/// historyHandling, how, method, body, contentType)` (`historyHandling` is `push`, `replace` or
/// `reload`; `how` optional, "a link was followed"; `method` `GET` (default) or `POST` with a
/// `body` ArrayBuffer and its `contentType`, a form's submission); `urlChanged(url)` keeps
/// `PageEnvironment.url` the document's URL after a same-document change, refused unless the
/// origin stays the same (what `pushState` allows); the session history (`SessionHistory`, shared
/// with the other documents of the navigable): `historyLength()`, `historyEntry()` (the current
/// entry's id), `historyAdd(url, replace)` (a same-document entry; its id), `traverse(delta)` (the
/// `[id, url]` of the entry `delta` away when it is this document's, made current; null past
/// either end, or when it is another document's, whose loading then starts);
/// `navigationPlanned(delta)` counts navigations planned as tasks (+1 when planned, -1 when the
/// task ran: `PageEnvironment.plannedNavigations`); `open(url, target,
/// features)` records a `window.open` (or a `target=_blank` link) in `PageEnvironment.openRequests`
/// and the page opens it as a popup; `download(url, suggestedFilename)` downloads a link with
/// `download` (`BrowserContext.downloads`); `refresh(url, seconds)`
/// records the navigation a `<meta http-equiv=refresh>` asks for (`scripting/meta-refresh.js`).
enum LocationAPI: PageAPI {
  static let `extension` = Extension(
    name: "location",
    hostFunctions: [
      "navigate", "urlChanged", "open", "refresh", "historyLength", "historyEntry", "historyAdd", "traverse", "navigationPlanned",
      "download",
    ],
    scripts: [
      Extension.Script(name: "location", source: Extension.resource("window-apis/location.js", in: .module)),
      Extension.Script(name: "meta-refresh", source: Extension.resource("scripting/meta-refresh.js", in: .module)),
    ])

  /// How a script asked for a navigation, by its history handling (a push before the document is
  /// completely loaded is a replace, so `replace` is not only `location.replace()`).
  static let hows = ["push": "a script set location", "replace": "a script set location", "reload": "a script reloaded"]

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "location.navigate": { arguments in
        guard let url = arguments.first?.stringValue, let record = URLRecord(url),
          let handling = arguments.dropFirst().first?.stringValue.flatMap(HistoryHandling.init(rawValue:))
        else { throw HostError("navigate(url, historyHandling, how, method, body, contentType)") }
        let how =
          arguments.dropFirst(2).first?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? hows[handling.rawValue]
          ?? handling.rawValue
        var request = NavigationRequest(url: record.href, how: how, historyHandling: handling)
        switch arguments.dropFirst(3).first?.stringValue ?? "GET" {
        case "GET": break
        case "POST":
          guard case .arrayBuffer(let body) = arguments.dropFirst(4).first, let type = arguments.dropFirst(5).first?.stringValue
          else { throw HostError("navigate(url, historyHandling, how, 'POST', body, contentType)") }
          request.method = "POST"
          request.body = body
          request.contentType = type
        default: throw HostError("navigate(url, historyHandling, how, method): GET or POST")
        }
        request.referrer = environment.url
        environment.navigations.append(request)
        environment.startNavigation?(request)
        return .undefined
      },
      "location.navigationPlanned": { arguments in
        guard let delta = arguments.first?.numberValue, delta == 1 || delta == -1 else {
          throw HostError("navigationPlanned(1 | -1)")
        }
        environment.plannedNavigations = max(0, environment.plannedNavigations + Int(delta))
        return .undefined
      },
      "location.historyLength": { _ in .number(Double(environment.sessionHistory.entries.count)) },
      "location.historyEntry": { _ in .number(Double(environment.sessionHistory.current.id)) },
      "location.historyAdd": { arguments in
        guard let url = arguments.first?.stringValue, let record = URLRecord(url),
          case .bool(let replace) = arguments.dropFirst().first
        else { throw HostError("historyAdd(url, replace)") }
        let history = environment.sessionHistory
        let request = history.current.request
        let entry =
          replace
          ? history.replace(url: record.href, document: environment.documentNumber, request: request)
          : history.push(url: record.href, document: environment.documentNumber, request: request)
        return .number(Double(entry.id))
      },
      "location.traverse": { arguments in
        guard let delta = arguments.first?.numberValue, delta.isFinite, abs(delta) < 1e6 else {
          throw HostError("traverse(delta)")
        }
        let history = environment.sessionHistory
        guard let position = history.position(moving: Int(delta)) else { return .null }
        let entry = history.entries[position]
        guard entry.document == environment.documentNumber else {
          environment.startTraversal?(position)
          return .null
        }
        history.move(to: position)
        return .array([.number(Double(entry.id)), .string(entry.url)])
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
        environment.startPopup?(record.href)
        return .undefined
      },
      "location.download": { arguments in
        guard let url = arguments.first?.stringValue, let record = URLRecord(url),
          let name = arguments.dropFirst().first?.stringValue
        else { throw HostError("download(url, suggestedFilename)") }
        environment.startDownload?(record.href, name)
        return .undefined
      },
    ]
  }
}

/// A navigation to another document the page asked for: the URL, how it asked (`a script set
/// location`, `a script reloaded`, `a link was followed`, `a form was submitted`, `<meta
/// http-equiv=refresh> after 5 s`), the request (a form's POST carries its body) and its history
/// handling.
public struct NavigationRequest: Sendable, Equatable {
  public var url: String
  public var how: String
  public var method = "GET"
  public var body: [UInt8]?
  public var contentType: String?
  /// The URL of the document that asked (the referrer, sent per its policy).
  public var referrer: String?
  public var historyHandling = HistoryHandling.push

  public init(url: String, how: String, historyHandling: HistoryHandling = .push) {
    self.url = url
    self.how = how
    self.historyHandling = historyHandling
  }

  /// The document request it makes.
  public var documentRequest: DocumentRequest {
    DocumentRequest(url: url, method: method, body: body, contentType: contentType, referrer: referrer)
  }
}

/// HTML §7.4.2 history handling of a navigation: a new entry, the current one replaced, or the
/// current document loaded again.
public enum HistoryHandling: String, Sendable {
  case push, replace, reload
}
