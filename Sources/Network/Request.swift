/// What to fetch: a URL, a method, headers, a body and how to treat redirects, timeouts and TLS.
///
/// A value type, `Sendable`, freely copied between threads. `http:` and `https:` URLs go through
/// libcurl; `file:`, `data:` and `about:blank` are answered without it (`Fetcher`). Headers the
/// caller does not set get a browser's defaults when sent: `User-Agent`, `Accept` and
/// `Accept-Language` (see the static properties); `Accept-Encoding` is always the encodings this
/// libcurl decodes, and the body arrives decoded. With a `cookieJar`, every request of the
/// redirect chain gets the jar's `Cookie` header for its URL (after any `Cookie` the caller set)
/// and every response's `Set-Cookie` headers go into the jar; with a `referrer`, every request
/// gets the `Referer` its `referrerPolicy` gives, recomputed at each redirect.
public struct Request: Sendable, Equatable {
  /// The URL to fetch, absolute and serialized (a fragment is kept in the response's URL, not sent).
  public var url: String
  /// The method; the standard methods are upper-cased (Fetch's method normalization).
  public var method: String {
    didSet { method = Self.normalize(method) }
  }
  /// Headers to send, in order.
  public var headers: [Header]
  /// The body to send, or nil; ignored for GET and HEAD.
  public var body: [UInt8]?
  /// The longest the whole fetch (all redirects included) may take, or nil for no limit.
  public var timeout: Duration?
  /// When true, a certificate that does not verify is accepted (libcurl's peer and host
  /// verification are off); by default TLS is verified against the system's certificates.
  public var ignoreHTTPSErrors: Bool
  /// What to do with redirect responses.
  public var redirect: RedirectMode
  /// The browser context's cookies, sent and stored on every hop; nil sends and stores none.
  public var cookieJar: CookieJar?
  /// The URL of the document or worker the request comes from (Fetch's request referrer).
  ///
  /// Nil is no referrer (Fetch's "no-referrer"); when set, it replaces any `Referer` in `headers`.
  public var referrer: String?
  /// The policy that turns `referrer` into each hop's `Referer`; a redirect response's
  /// `Referrer-Policy` header changes it for the hops after (Fetch §4.4).
  public var referrerPolicy: ReferrerPolicy
  /// The URL of the top-level document of the request's client, for `SameSite` cookies; nil for a
  /// request without a client (a navigation the browser starts), same-site with every URL.
  public var siteForCookies: String?
  /// Whether the request navigates a top-level traversable (`SameSite=Lax` cookies go with it,
  /// and its responses may set them, even cross-site).
  public var isTopLevelNavigation: Bool

  public init(
    url: String, method: String = "GET", headers: [Header] = [], body: [UInt8]? = nil, timeout: Duration? = nil,
    ignoreHTTPSErrors: Bool = false, redirect: RedirectMode = .follow, cookieJar: CookieJar? = nil,
    referrer: String? = nil, referrerPolicy: ReferrerPolicy = .strictOriginWhenCrossOrigin, siteForCookies: String? = nil,
    isTopLevelNavigation: Bool = false
  ) {
    self.url = url
    self.method = Self.normalize(method)
    self.headers = headers
    self.body = body
    self.timeout = timeout
    self.ignoreHTTPSErrors = ignoreHTTPSErrors
    self.redirect = redirect
    self.cookieJar = cookieJar
    self.referrer = referrer
    self.referrerPolicy = referrerPolicy
    self.siteForCookies = siteForCookies
    self.isTopLevelNavigation = isTopLevelNavigation
  }

  /// What `SameSite` enforcement knows of the request.
  var sameSiteContext: SameSiteContext {
    SameSiteContext(siteForCookies: siteForCookies, isTopLevelNavigation: isTopLevelNavigation)
  }

  /// The `User-Agent` sent when the request sets none (and `navigator.userAgent`): a current
  /// Chrome's on Linux (156, the Chromium the probes were recorded with), in the reduced form
  /// Chrome sends, so that servers answer as they answer today's browser, not Chrome 102 (whose
  /// engine Caper's V8 is: the page realm supplies the later built-ins pages assume).
  public static let defaultUserAgent =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"
  /// The `Accept` sent when the request sets none: a browser's for a navigation.
  public static let defaultAccept =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8"
  /// The `Accept-Language` sent when the request sets none.
  public static let defaultAcceptLanguage = "en-US,en;q=0.9"

  /// Upper-cases DELETE, GET, HEAD, OPTIONS, POST and PUT matched case-insensitively; other
  /// methods are kept as given (Fetch §2.2.1).
  static func normalize(_ method: String) -> String {
    let upper = method.uppercased()
    return ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"].contains(upper) ? upper : method
  }
}
