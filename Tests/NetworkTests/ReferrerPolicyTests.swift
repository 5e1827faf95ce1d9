import Network
import Testing

/// The Referrer Policy spec's "determine request's referrer" for each policy, and the
/// `Referrer-Policy` header's parsing.
@Suite struct ReferrerPolicyTests {
  static let page = "https://user:secret@example.com/dir/page?q=1#section"
  static let fullURL = "https://example.com/dir/page?q=1"
  static let origin = "https://example.com/"

  /// The default policy: the full URL (no credentials, no fragment) to the same origin, the
  /// origin to another, nothing on a downgrade from a trustworthy URL to one that is not.
  @Test(
    arguments: [
      ("https://example.com/other", fullURL),
      ("https://example.com:443/other", fullURL),
      ("https://api.example.com/", origin),
      ("https://example.com:8443/", origin),
      ("http://example.com/", nil),
      ("http://127.0.0.1:8080/", origin),
      ("http://localhost/", origin),
    ] as [(String, String?)])
  func strictOriginWhenCrossOrigin(target: String, expected: String?) {
    #expect(ReferrerPolicy.strictOriginWhenCrossOrigin.referrer(Self.page, for: target) == expected)
  }

  @Test func anHTTPPageSendsItsURLToHTTPS() {
    let page = "http://example.com/a?b"
    #expect(ReferrerPolicy.strictOriginWhenCrossOrigin.referrer(page, for: "https://example.com/") == "http://example.com/")
    #expect(ReferrerPolicy.strictOriginWhenCrossOrigin.referrer(page, for: "http://example.com/x") == page)
  }

  @Test(
    arguments: [
      (ReferrerPolicy.noReferrer, nil, nil, nil),
      (.noReferrerWhenDowngrade, fullURL, fullURL, nil),
      (.sameOrigin, fullURL, nil, nil),
      (.origin, origin, origin, origin),
      (.strictOrigin, origin, origin, nil),
      (.originWhenCrossOrigin, fullURL, origin, origin),
      (.unsafeURL, fullURL, fullURL, fullURL),
    ] as [(ReferrerPolicy, String?, String?, String?)])
  func everyPolicy(policy: ReferrerPolicy, sameOrigin: String?, crossOrigin: String?, downgrade: String?) {
    #expect(policy.referrer(Self.page, for: "https://example.com/x") == sameOrigin)
    #expect(policy.referrer(Self.page, for: "https://other.org/x") == crossOrigin)
    #expect(policy.referrer(Self.page, for: "http://other.org/x") == downgrade)
  }

  @Test func nonHTTPReferrersSendNothing() {
    #expect(ReferrerPolicy.unsafeURL.referrer("about:blank", for: "https://example.com/") == nil)
    #expect(ReferrerPolicy.unsafeURL.referrer("data:text/html,x", for: "https://example.com/") == nil)
  }

  @Test func aLongURLIsCutToItsOrigin() {
    let long = "https://example.com/" + String(repeating: "a", count: 4100)
    #expect(ReferrerPolicy.unsafeURL.referrer(long, for: "https://example.com/") == "https://example.com/")
  }

  @Test func parsesTheHeaderKeepingTheLastKnownPolicy() {
    #expect(ReferrerPolicy(header: "no-referrer") == .noReferrer)
    #expect(ReferrerPolicy(header: "unsafe-url, bogus") == .unsafeURL)
    #expect(ReferrerPolicy(header: "origin, Same-Origin") == .sameOrigin)
    #expect(ReferrerPolicy(header: "bogus") == nil)
    #expect(ReferrerPolicy(header: "") == nil)
  }
}
