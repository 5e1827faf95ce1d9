import Dispatch
import Network
import Runtime
import Synchronization
import V8

/// Loads the text of a page's stylesheets (`<link rel=stylesheet>`, `@import`) for the cascade: in
/// a page whose scripts run, asynchronously through the page's network (`scripting/stylesheets.js`);
/// for a page without scripts, when the cascade first asks.
///
/// Guarantees: `fetchStylesheet(url, callback)` fetches through `PageEnvironment.fetchSubresource`
/// (the page's cookies, `Referer`, virtual-time hold; a `file:` sheet only for a `file:` page, as
/// Chrome treats `file:` as an opaque origin) and calls `callback(ok, text)` as a task of the page's
/// loop (never inside the caller), keeping the text of an ok response for the cascade. The cascade's
/// `dom.loadStylesheet(url, documentURL)` (this API gives its body for a page) answers a URL the
/// page asked for with the text once it arrived and null while it is in flight or failed, never
/// waiting; a URL the page never asked for (a page without scripts) is fetched then, blocking the
/// isolate's thread for at most `timeout` (`load`). Not ok: a network error or a status outside
/// 200–299. The bytes are decoded as UTF-8 (a byte order mark dropped, invalid sequences replaced),
/// CSS Syntax §3.2's fallback for a sheet without `@charset`. Host functions run on the isolate's
/// thread and assume hostile callers.
enum StylesheetLoader: PageAPI {
  /// The longest a stylesheet fetched for a page without scripts may take to arrive.
  static let timeout: Duration = .seconds(5)

  static let `extension` = Extension(
    name: "stylesheets", hostFunctions: ["fetchStylesheet"],
    scripts: [Extension.Script(name: "stylesheets", source: Extension.resource("scripting/stylesheets.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    let sheets = Sheets()
    return [
      "stylesheets.fetchStylesheet": { arguments in
        guard let url = arguments.first?.stringValue, case .function(let callback)? = arguments.dropFirst().first else {
          throw HostError("fetchStylesheet(url, callback)")
        }
        if sheets.texts[url] == nil { sheets.texts[url] = .some(nil) }
        environment.fetchSubresource(url) { result in
          var text: String?
          if case .success(let response) = result, response.ok { text = decode(response.body) }
          if let text { sheets.texts[url] = text }
          _ = try? environment.realm.context.call(callback, [.bool(text != nil), .string(text ?? "")])
        }
        return .undefined
      },
      "dom.loadStylesheet": { arguments in
        guard let url = arguments.first?.stringValue, let documentURL = arguments.dropFirst().first?.stringValue else {
          return .null
        }
        if let asked = sheets.texts[url] { return asked.map { .string($0) } ?? .null }
        return load(url, documentURL: documentURL).map { .string($0) } ?? .null
      },
    ]
  }

  /// Fetches a stylesheet and waits for it (a page without scripts, whose cascade asks first):
  /// `http:`, `https:` and `data:` URLs, and `file:` URLs only for a `file:` document.
  static func load(_ url: String, documentURL: String) -> String? {
    let scheme = url.prefix { $0 != ":" }.lowercased()
    switch scheme {
    case "http", "https", "data": break
    case "file": guard documentURL.lowercased().hasPrefix("file:") else { return nil }
    default: return nil
    }
    let done = DispatchSemaphore(value: 0)
    let outcome = Mutex<Result<Response, NetworkError>?>(nil)
    let controller = Fetcher().start(Request(url: url, headers: [Header("Accept", "text/css,*/*;q=0.1")], timeout: timeout)) {
      result in
      outcome.withLock { $0 = result }
      done.signal()
    }
    if done.wait(timeout: .now() + .seconds(Int(timeout.components.seconds) + 1)) == .timedOut {
      controller.abort()
      return nil
    }
    guard case .success(let response) = outcome.withLock({ $0 }), response.ok else { return nil }
    return decode(response.body)
  }

  /// A sheet's bytes as text: UTF-8, a byte order mark dropped.
  static func decode(_ body: [UInt8]) -> String {
    var bytes = body[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The stylesheets one page asked for, by URL.
///
/// The text once arrived, nil while in flight or after a failure. Touched on the isolate's thread
/// only.
private final class Sheets: @unchecked Sendable {
  var texts: [String: String?] = [:]
}
