/// What `SameSite` enforcement knows of a request: the site for cookies of its client and whether
/// it navigates a top-level traversable (RFC 6265bis §5.2).
///
/// A value type, `Sendable`. Sites are schemeful: a scheme and a registrable domain (the host
/// itself for IP addresses and hosts that are public suffixes), as HTML's "same site".
public struct SameSiteContext: Sendable, Equatable {
  /// The URL of the top-level document of the request's client (its "site for cookies"), or nil
  /// when the request has no client (a navigation started by the browser, such as `page.goto`),
  /// which is same-site with every URL.
  public var siteForCookies: String?
  /// Whether the request navigates a top-level traversable (`Lax` cookies go with safe top-level
  /// navigations even cross-site, and may be set by their responses).
  public var isTopLevelNavigation: Bool

  public init(siteForCookies: String? = nil, isTopLevelNavigation: Bool = false) {
    self.siteForCookies = siteForCookies
    self.isTopLevelNavigation = isTopLevelNavigation
  }

  /// Whether a request whose URL list (its redirect chain, the current URL last) is `urlList` is
  /// same-site: every URL of the chain is same site with the site for cookies (§5.2.1, with the
  /// redirect rule of httpwg/http-extensions#1348).
  func isSameSite(urlList: [String]) -> Bool {
    guard let siteForCookies else { return true }
    guard let site = Self.site(of: siteForCookies) else { return false }
    return urlList.allSatisfy { Self.site(of: $0) == site }
  }

  /// The schemeful site of `url` serialized (`https://example.co.uk`), or nil for an opaque origin.
  static func site(of url: String) -> String? {
    guard let record = URLRecord(url), record.isHTTP else { return nil }
    let domain =
      record.hostIsIPAddress ? record.host : (PublicSuffixList.registrableDomain(record.host) ?? record.host)
    return record.scheme + "://" + domain
  }
}
