import Foundation
import Network

/// A browser context in Playwright's sense: one profile (its options, cookie jar and storage) shared
/// by all its pages, popups and frames; not the HTML Standard's browsing context, which is one tab.
///
/// Guarantees: what one context stores (cookies, `localStorage`) is never seen by another. Its
/// state is touched from isolate threads through its own locks, so pages of one context in
/// different isolates share it safely. `Sendable`.
public final class BrowserContext: @unchecked Sendable {
  /// What a context is made with (Playwright's `browser.newContext(options)`; more come with the
  /// Playwright API).
  public struct Options: Sendable {
    /// Accept certificates that do not verify (test servers with self-signed certificates).
    public var ignoreHTTPSErrors: Bool
    /// The `User-Agent` header and `navigator.userAgent`.
    public var userAgent: String
    /// The longest one fetch may take (all redirects included).
    public var timeout: Duration?
    /// The longest one task of a page (a script, a timer's callback, an event's listeners) may
    /// run before the per-task watchdog stops it with a page error (nil: no bound).
    public var taskTimeout: Duration?

    public init(
      ignoreHTTPSErrors: Bool = false, userAgent: String = Request.defaultUserAgent, timeout: Duration? = nil,
      taskTimeout: Duration? = .seconds(10)
    ) {
      self.ignoreHTTPSErrors = ignoreHTTPSErrors
      self.userAgent = userAgent
      self.timeout = timeout
      self.taskTimeout = taskTimeout
    }
  }

  public let options: Options
  /// The network layer its pages fetch through.
  public let fetcher: Fetcher
  /// The context's cookies: every request of its pages sends and stores through it, and
  /// `document.cookie` reads and writes it (without `HttpOnly` cookies).
  public let cookies = CookieJar()
  /// Its pages' `localStorage`, per origin (`WebStorage`).
  public let storage = WebStorage()

  public init(options: Options = Options(), fetcher: Fetcher = Fetcher()) {
    self.options = options
    self.fetcher = fetcher
  }
}
