import Foundation
import Network
import V8

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
    /// Headers every request of the context's pages carries (Playwright's `extraHTTPHeaders`),
    /// unless the request sets the same header itself.
    public var extraHTTPHeaders: [Header]
    /// HTTP Basic credentials sent with the requests to `origin` (every origin when nil;
    /// Playwright's `httpCredentials`).
    public var httpCredentials: HTTPCredentials?
    /// The viewport of the context's pages in CSS pixels (Playwright's `viewport`; 1280x720 when nil).
    public var viewport: (width: Int, height: Int)?

    public init(
      ignoreHTTPSErrors: Bool = false, userAgent: String = Request.defaultUserAgent, timeout: Duration? = nil,
      taskTimeout: Duration? = .seconds(10), extraHTTPHeaders: [Header] = [], httpCredentials: HTTPCredentials? = nil
    ) {
      self.ignoreHTTPSErrors = ignoreHTTPSErrors
      self.userAgent = userAgent
      self.timeout = timeout
      self.taskTimeout = taskTimeout
      self.extraHTTPHeaders = extraHTTPHeaders
      self.httpCredentials = httpCredentials
    }
  }

  /// Playwright's `httpCredentials`: a user name and password, and the origin they are for.
  public struct HTTPCredentials: Sendable {
    public var username: String
    public var password: String
    /// `scheme://host[:port]`; nil sends them to every origin.
    public var origin: String?

    public init(username: String, password: String, origin: String? = nil) {
      self.username = username
      self.password = password
      self.origin = origin
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
  let downloadList = LockedState<[Download]>([])
  /// What the Playwright API sees of and decides about the context's requests (its network events
  /// and routes); nil: requests go straight to the network.
  public var routing: RequestRouting?
  /// Sources every later document of the context's pages runs before its own scripts
  /// (`browserContext.addInitScript`), before the page's own.
  public var initScripts: [String] = []
  /// Headers `setExtraHTTPHeaders` set after the context was made (they replace the option's).
  public var extraHTTPHeaders: [Header]?
  /// Whether its pages' console messages keep their arguments (serialized, `ConsoleMessage.arguments`):
  /// set once someone listens for `console` (Playwright's `args()`), off before so that pages
  /// that log much do not pay for it.
  public var keepsConsoleArguments = false

  public init(options: Options = Options(), fetcher: Fetcher = Fetcher()) {
    self.options = options
    self.fetcher = fetcher
  }
}

/// A download of a browser context (Playwright's `Download`): a link with `download`, or a
/// navigation whose response is an attachment (`Content-Disposition: attachment`).
///
/// Guarantees: `path` is a file in the context's download folder holding the whole body once the
/// download finished; `failure` says why there is none. A value, safe to keep.
public struct Download: Sendable, Equatable {
  /// The URL fetched (after redirects).
  public var url: String
  /// The name the page or the server suggested (the `download` attribute, the header's
  /// `filename`), else the URL's last path segment, else `download`.
  public var suggestedFilename: String
  public var path: String?
  public var failure: String?
}

extension BrowserContext {
  /// The context's downloads, in the order they finished.
  public var downloads: [Download] { downloadList.withLock { $0 } }

  /// Records `download` (its file written already).
  func record(_ download: Download) { downloadList.withLock { $0.append(download) } }

  /// A new file in the context's download folder (made on first use, under the temporary folder).
  func downloadFile() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "caper-downloads-\(ObjectIdentifier(self).hashValue)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(UUID().uuidString)
  }
}
