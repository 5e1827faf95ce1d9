import Dispatch
import Network
import Synchronization

/// Loads the text of a page's stylesheets (`<link rel=stylesheet>`, `@import`) for the cascade,
/// through the host function `loadStylesheet(url, documentURL)`.
///
/// Guarantees: blocks the calling thread (the page's isolate) for at most `timeout`, while the
/// network layer fetches on its own thread; `http:`, `https:` and `data:` URLs are fetched, `file:`
/// URLs are read from disk only for a document that is itself a `file:` page (as Chrome does), so
/// an online page never reads local files; anything else, a network error, a status outside
/// 200–299 or a timeout gives nil. The bytes are decoded as UTF-8 (a byte order mark dropped,
/// invalid sequences replaced), CSS Syntax §3.2's fallback for a sheet without `@charset`.
/// Thread-safe.
enum StylesheetLoader {
  /// The longest a stylesheet may take to arrive.
  static let timeout: Duration = .seconds(5)

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
    var bytes = response.body[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
