/// A referrer policy, and the `Referer` a request gets under it (the Referrer Policy spec).
///
/// A value type, `Sendable`. `strictOriginWhenCrossOrigin` is the default policy (§3, Fetch's
/// default referrer policy): the full URL to the same origin, the origin alone to another, and
/// nothing from a potentially trustworthy URL to one that is not (a downgrade).
public enum ReferrerPolicy: String, Sendable, Equatable, CaseIterable {
  case noReferrer = "no-referrer"
  case noReferrerWhenDowngrade = "no-referrer-when-downgrade"
  case sameOrigin = "same-origin"
  case origin = "origin"
  case strictOrigin = "strict-origin"
  case originWhenCrossOrigin = "origin-when-cross-origin"
  case strictOriginWhenCrossOrigin = "strict-origin-when-cross-origin"
  case unsafeURL = "unsafe-url"

  /// The policy of a `Referrer-Policy` header's value: the last token that names a policy, or nil
  /// when none does (§8.1 "parse a referrer policy from a Referrer-Policy header").
  public init?(header value: String) {
    let policies = HTTPSyntax.splitHeaderValue(value).compactMap { ReferrerPolicy(rawValue: $0.lowercased()) }
    guard let last = policies.last else { return nil }
    self = last
  }

  /// The `Referer` for a request to `url` whose referrer is `referrer`, or nil for none (§8.3
  /// "determine request's referrer", from its step 4: the referrer is already a URL).
  public func referrer(_ referrer: String, for url: String) -> String? {
    guard let source = URLRecord(referrer), let target = URLRecord(url) else { return nil }
    guard var referrerURL = Self.strip(source, originOnly: false) else { return nil }
    let referrerOrigin = Self.strip(source, originOnly: true)
    if referrerURL.count > 4096 { referrerURL = referrerOrigin ?? "" }
    let sameOrigin = source.isSameOrigin(as: target)
    let downgrade = source.isPotentiallyTrustworthy && !target.isPotentiallyTrustworthy
    switch self {
    case .noReferrer: return nil
    case .origin: return referrerOrigin
    case .unsafeURL: return referrerURL
    case .strictOrigin: return downgrade ? nil : referrerOrigin
    case .strictOriginWhenCrossOrigin: return sameOrigin ? referrerURL : downgrade ? nil : referrerOrigin
    case .sameOrigin: return sameOrigin ? referrerURL : nil
    case .originWhenCrossOrigin: return sameOrigin ? referrerURL : referrerOrigin
    case .noReferrerWhenDowngrade: return downgrade ? nil : referrerURL
    }
  }

  /// A URL stripped for use as a referrer (§8.4): no credentials, no fragment, and with
  /// `originOnly` no path and no query; nil for schemes that have no referrer (`data:`, `about:`,
  /// `file:` and every other non-HTTP one).
  private static func strip(_ url: URLRecord, originOnly: Bool) -> String? {
    guard url.isHTTP else { return nil }
    var stripped = url
    stripped.username = ""
    stripped.password = ""
    stripped.fragment = nil
    if originOnly {
      stripped.path = "/"
      stripped.query = nil
    }
    return stripped.serialized()
  }
}
