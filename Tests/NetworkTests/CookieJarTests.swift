import Foundation
import Synchronization
import Testing

@testable import Network

/// RFC 6265bis parsing, storage and retrieval through `CookieJar`, on a clock the tests move.
@Suite struct CookieJarTests {
  /// A clock that stands still until a test moves it.
  final class Clock: Sendable {
    private let time = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
  }

  let clock = Clock()
  let jar: CookieJar

  init() { jar = CookieJar(now: { [clock] in clock.now }) }

  // MARK: Parsing and storage

  @Test func storesAHostOnlyCookieWithTheDefaultPath() throws {
    #expect(jar.setCookie(" a = 1 ", from: "http://Example.com/dir/page?q#f"))
    let cookie = try #require(jar.cookies().first)
    #expect(cookie.name == "a")
    #expect(cookie.value == "1")
    #expect(cookie.domain == "example.com")
    #expect(cookie.hostOnly)
    #expect(cookie.path == "/dir")
    #expect(cookie.expires == -1)
    #expect(cookie.playwrightDomain == "example.com")
    #expect(cookie.playwrightSameSite == "Lax")
    #expect(jar.cookieString(for: "http://example.com/dir/other") == "a=1")
    #expect(jar.cookieString(for: "http://example.com/dir") == "a=1")
    #expect(jar.cookieString(for: "http://example.com/") == "")
    #expect(jar.cookieString(for: "http://www.example.com/dir/x") == "")
  }

  @Test(arguments: [("/", "/"), ("", "/"), ("/page", "/"), ("/a/b/c", "/a/b"), ("/a/", "/a")])
  func defaultPath(of path: String, is expected: String) {
    #expect(CookieJar.defaultPath(path) == expected)
  }

  @Test func aPairWithoutEqualsIsAValueWithAnEmptyName() {
    jar.setCookie("token", from: "http://example.com/")
    #expect(jar.cookies().map(\.name) == [""])
    #expect(jar.cookieString(for: "http://example.com/") == "token")
  }

  @Test func stringsTheAlgorithmIgnores() {
    #expect(!jar.setCookie("=", from: "http://example.com/"))
    #expect(!jar.setCookie("a=b\u{1}c", from: "http://example.com/"))
    #expect(!jar.setCookie("a=" + String(repeating: "x", count: 4096), from: "http://example.com/"))
    #expect(jar.setCookie("a=" + String(repeating: "x", count: 4094), from: "http://example.com/"))
    #expect(!jar.setCookie("a=1", from: "data:text/plain,x"))
    #expect(jar.cookies().count == 1)
  }

  @Test func anAttributeValueOver1024OctetsIsIgnored() throws {
    jar.setCookie("a=1; Path=/" + String(repeating: "p", count: 1024), from: "http://example.com/dir/page")
    #expect(try #require(jar.cookies().first).path == "/dir")
  }

  @Test func aPathAttributeNotStartingWithASlashIsTheDefaultPath() throws {
    jar.setCookie("a=1; Path=relative", from: "http://example.com/dir/page")
    #expect(try #require(jar.cookies().first).path == "/dir")
  }

  @Test func theDomainAttributeCoversSubdomains() throws {
    #expect(jar.setCookie("a=1; Domain=.Example.COM", from: "http://www.example.com/"))
    let cookie = try #require(jar.cookies().first)
    #expect(!cookie.hostOnly)
    #expect(cookie.domain == "example.com")
    #expect(cookie.playwrightDomain == ".example.com")
    #expect(jar.cookieString(for: "http://example.com/") == "a=1")
    #expect(jar.cookieString(for: "http://deep.sub.example.com/") == "a=1")
    #expect(jar.cookieString(for: "http://notexample.com/") == "")
  }

  @Test func aDomainTheHostIsNotInIsRefused() {
    #expect(!jar.setCookie("a=1; Domain=other.com", from: "http://www.example.com/"))
    #expect(!jar.setCookie("a=1; Domain=www.example.com", from: "http://example.com/"))
    #expect(!jar.setCookie("a=1; Domain=0.0.1", from: "http://127.0.0.1/"))
    #expect(jar.cookies().isEmpty)
  }

  @Test func anEmptyDomainAttributeIsIgnored() throws {
    #expect(jar.setCookie("a=1; Domain=", from: "http://example.com/"))
    #expect(try #require(jar.cookies().first).hostOnly)
  }

  /// §5.7 step 9, with libpsl: a public suffix (ICANN or private section) is refused as a Domain
  /// unless it is the request's host, which then gets a host-only cookie.
  @Test func aPublicSuffixDomainIsRefusedUnlessItIsTheHost() throws {
    #expect(!jar.setCookie("a=1; Domain=co.uk", from: "http://www.example.co.uk/"))
    #expect(!jar.setCookie("a=1; Domain=github.io", from: "https://me.github.io/"))
    #expect(!jar.setCookie("a=1; Domain=.com", from: "http://example.com/"))
    #expect(jar.cookies().isEmpty)
    #expect(jar.setCookie("b=1; Domain=example.co.uk", from: "http://www.example.co.uk/"))
    #expect(jar.setCookie("c=1; Domain=github.io", from: "https://github.io/"))
    let hostOnly = try #require(jar.cookies().first { $0.name == "c" })
    #expect(hostOnly.hostOnly)
    #expect(hostOnly.domain == "github.io")
    #expect(jar.cookieString(for: "https://me.github.io/") == "")
  }

  @Test func publicSuffixesAndRegistrableDomainsThroughLibpsl() {
    #expect(PublicSuffixList.isPublicSuffix("co.uk"))
    #expect(PublicSuffixList.isPublicSuffix("github.io"))
    #expect(!PublicSuffixList.isPublicSuffix("example.co.uk"))
    #expect(!PublicSuffixList.isPublicSuffix("localhost"))
    #expect(PublicSuffixList.registrableDomain("a.b.example.co.uk") == "example.co.uk")
    #expect(PublicSuffixList.registrableDomain("me.github.io") == "me.github.io")
    #expect(PublicSuffixList.registrableDomain("co.uk") == nil)
  }

  @Test func pathMatching() {
    jar.setCookie("a=1; Path=/docs", from: "http://example.com/")
    for path in ["/docs", "/docs/", "/docs/web", "/docs?x"] {
      #expect(jar.cookieString(for: "http://example.com\(path)") == "a=1", "\(path)")
    }
    for path in ["/", "/docsets", "/Docs", "/doc"] {
      #expect(jar.cookieString(for: "http://example.com\(path)") == "", "\(path)")
    }
  }

  @Test func longerPathsFirstThenEarlierCreation() {
    jar.setCookie("b=1; Path=/", from: "http://example.com/")
    clock.advance(1)
    jar.setCookie("a=1; Path=/", from: "http://example.com/")
    jar.setCookie("c=1; Path=/x/y", from: "http://example.com/")
    jar.setCookie("d=1; Path=/x", from: "http://example.com/")
    #expect(jar.cookieString(for: "http://example.com/x/y/z") == "c=1; d=1; b=1; a=1")
  }

  /// §5.7 step 23: a cookie of the same name, domain, host-only flag and path is replaced, keeping
  /// its creation time (so its place in the order).
  @Test func replacingKeepsTheCreationTime() {
    jar.setCookie("a=1", from: "http://example.com/")
    clock.advance(1)
    jar.setCookie("b=1", from: "http://example.com/")
    clock.advance(1)
    jar.setCookie("a=2", from: "http://example.com/")
    #expect(jar.cookieString(for: "http://example.com/") == "a=2; b=1")
    jar.setCookie("a=3; Domain=example.com", from: "http://example.com/")
    #expect(jar.cookieString(for: "http://example.com/") == "a=2; b=1; a=3")
  }

  // MARK: Expiry

  @Test func maxAgeZeroAndAPastExpiresDelete() {
    jar.setCookie("a=1", from: "http://example.com/")
    jar.setCookie("b=1", from: "http://example.com/")
    jar.setCookie("c=1", from: "http://example.com/")
    #expect(jar.setCookie("a=gone; Max-Age=0", from: "http://example.com/"))
    #expect(jar.setCookie("b=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT", from: "http://example.com/"))
    #expect(jar.setCookie("c=gone; Max-Age=-5", from: "http://example.com/"))
    #expect(jar.cookieString(for: "http://example.com/") == "")
  }

  @Test func maxAgeExpiresOnTheClockAndWinsOverExpires() throws {
    jar.setCookie("a=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT; Max-Age=60", from: "http://example.com/")
    #expect(try #require(jar.cookies().first).expires == clock.now.timeIntervalSince1970 + 60)
    clock.advance(59)
    #expect(jar.cookieString(for: "http://example.com/") == "a=1")
    clock.advance(1)
    #expect(jar.cookieString(for: "http://example.com/") == "")
    #expect(jar.cookies().isEmpty)
  }

  @Test func anInvalidMaxAgeIsIgnored() throws {
    jar.setCookie("a=1; Max-Age=12x; Max-Age=; Max-Age=+5", from: "http://example.com/")
    #expect(try #require(jar.cookies().first).expires == -1)
  }

  @Test func expiryIsCappedAt400Days() throws {
    jar.setCookie("a=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT", from: "http://example.com/")
    jar.setCookie("b=1; Max-Age=999999999999", from: "http://example.com/")
    let limit = clock.now.timeIntervalSince1970 + 400 * 86_400
    #expect(jar.cookies().map(\.expires) == [limit, limit])
  }

  @Test(arguments: [
    ("Wed, 21 Oct 2015 07:28:00 GMT", 1_445_412_480.0),
    ("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_777.0),
    ("Sun Nov  6 08:49:37 1994", 784_111_777.0),
    ("6 nov 1994 8:49:37", 784_111_777.0),
    ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
    ("29 Feb 2024 12:00:00", 1_709_208_000.0),
    ("1 Jan 69 00:00:00", 3_124_224_000.0),
    ("1 Jan 99 00:00:00", 915_148_800.0),
  ])
  func parsesCookieDates(_ string: String, seconds: Double) throws {
    #expect(try #require(CookieDate.parse(string)).timeIntervalSince1970 == seconds)
  }

  @Test(arguments: [
    "", "Wed, 21 Oct 2015", "30 Feb 2020 00:00:00", "1 Jan 1600 00:00:00", "1 Jan 2020 24:00:00", "32 Jan 2020 1:2:3",
  ])
  func rejectsCookieDates(_ string: String) {
    #expect(CookieDate.parse(string) == nil)
  }

  // MARK: Secure

  @Test func secureCookiesNeedASecureConnection() {
    #expect(!jar.setCookie("s=1; Secure", from: "http://example.com/"))
    #expect(jar.setCookie("s=1; Secure", from: "https://example.com/"))
    #expect(jar.cookieString(for: "https://example.com/") == "s=1")
    #expect(jar.cookieString(for: "http://example.com/") == "")
  }

  /// 6265bis leaves "secure" to the user agent; Chrome counts potentially trustworthy origins.
  @Test(arguments: ["http://127.0.0.1:8080/", "http://localhost/", "http://app.localhost/", "http://[::1]/"])
  func loopbackHTTPIsASecureConnection(url: String) {
    #expect(jar.setCookie("s=1; Secure", from: url))
    #expect(jar.cookieString(for: url) == "s=1")
  }

  /// §5.7 step 16: an insecure response cannot shadow a secure cookie of the same name.
  @Test func insecureCookiesLeaveSecureOnesAlone() {
    jar.setCookie("s=secure; Secure; Path=/", from: "https://example.com/")
    #expect(!jar.setCookie("s=plain; Path=/deeper", from: "http://example.com/"))
    #expect(!jar.setCookie("s=plain; Domain=example.com", from: "http://www.example.com/"))
    #expect(jar.setCookie("t=plain", from: "http://example.com/"))
    #expect(jar.cookieString(for: "https://example.com/deeper") == "s=secure; t=plain")
  }

  @Test func cookiePrefixes() {
    #expect(!jar.setCookie("__Secure-a=1", from: "https://example.com/"))
    #expect(!jar.setCookie("__SECURE-a=1", from: "https://example.com/"))
    #expect(jar.setCookie("__Secure-a=1; Secure", from: "https://example.com/"))
    #expect(!jar.setCookie("__Host-b=1; Secure", from: "https://example.com/"))
    #expect(!jar.setCookie("__Host-b=1; Secure; Path=/; Domain=example.com", from: "https://example.com/"))
    #expect(!jar.setCookie("__Host-b=1; Path=/", from: "https://example.com/"))
    #expect(!jar.setCookie("__host-b=1; Secure; Path=/dir", from: "https://example.com/dir/"))
    #expect(jar.setCookie("__Host-b=1; Secure; Path=/", from: "https://example.com/"))
    #expect(!jar.setCookie("=__Host-c", from: "https://example.com/"))
    #expect(jar.cookieString(for: "https://example.com/") == "__Secure-a=1; __Host-b=1")
  }

  // MARK: HttpOnly and the non-HTTP API

  @Test func httpOnlyIsHiddenFromScripts() {
    jar.setCookie("h=1; HttpOnly", from: "http://example.com/")
    jar.setCookie("v=1", from: "http://example.com/")
    #expect(jar.cookieString(for: "http://example.com/") == "h=1; v=1")
    #expect(jar.cookieString(for: "http://example.com/", forScript: true) == "v=1")
  }

  @Test func scriptsCanNeitherSetNorOverwriteHttpOnlyCookies() {
    jar.setCookie("h=1; HttpOnly", from: "http://example.com/")
    #expect(!jar.setCookie(fromScript: "h=2", url: "http://example.com/"))
    #expect(!jar.setCookie(fromScript: "n=1; HttpOnly", url: "http://example.com/"))
    #expect(jar.setCookie(fromScript: "v=1; Path=/", url: "http://example.com/page"))
    #expect(jar.cookieString(for: "http://example.com/") == "h=1; v=1")
  }

  /// Cookies hold bytes: the script API writes and reads UTF-8, headers carry the bytes.
  @Test func scriptsWriteAndReadUTF8() {
    #expect(jar.setCookie(fromScript: "name=café ☕", url: "http://example.com/"))
    #expect(jar.cookieString(for: "http://example.com/", forScript: true) == "name=café ☕")
    let header = jar.cookieString(for: "http://example.com/")
    #expect(Transfer.isomorphicEncode(header) == Array("name=café ☕".utf8))
  }

  // MARK: SameSite

  @Test func strictAndLaxCookiesStayOffCrossSiteSubresources() {
    jar.setCookie("strict=1; SameSite=Strict", from: "https://example.com/")
    jar.setCookie("lax=1; SameSite=Lax", from: "https://example.com/")
    jar.setCookie("default=1", from: "https://example.com/")
    jar.setCookie("none=1; SameSite=None; Secure", from: "https://example.com/")
    let all = "strict=1; lax=1; default=1; none=1"
    let url = "https://example.com/x"
    #expect(jar.cookieString(for: url, context: .init(siteForCookies: "https://www.example.com/")) == all)
    #expect(jar.cookieString(for: url, context: .init(siteForCookies: "https://other.com/")) == "none=1")
    let navigation = SameSiteContext(siteForCookies: "https://other.com/", isTopLevelNavigation: true)
    #expect(jar.cookieString(for: url, context: navigation) == "lax=1; default=1; none=1")
    #expect(jar.cookieString(for: url, method: "POST", context: navigation) == "none=1")
  }

  /// Sites are schemeful: `http://example.com` is cross-site with `https://example.com`.
  @Test func sitesAreSchemeful() {
    jar.setCookie("strict=1; SameSite=Strict", from: "http://example.com/")
    #expect(jar.cookieString(for: "http://example.com/", context: .init(siteForCookies: "https://example.com/")) == "")
    #expect(jar.cookieString(for: "http://example.com/", context: .init(siteForCookies: "http://a.example.com/")) == "strict=1")
  }

  /// A redirect chain that passed through another site makes the request cross-site.
  @Test func aCrossSiteHopMakesTheChainCrossSite() {
    jar.setCookie("strict=1; SameSite=Strict", from: "https://example.com/")
    let context = SameSiteContext(siteForCookies: "https://example.com/")
    let chain = ["https://example.com/a", "https://tracker.net/bounce", "https://example.com/b"]
    #expect(jar.cookieString(for: chain[2], urlList: chain, context: context) == "")
    #expect(jar.cookieString(for: chain[2], urlList: [chain[0], chain[2]], context: context) == "strict=1")
  }

  @Test func crossSiteSubresourcesCannotSetSameSiteCookies() {
    let crossSite = SameSiteContext(siteForCookies: "https://other.com/")
    #expect(!jar.setCookie("lax=1; SameSite=Lax", from: "https://example.com/", context: crossSite))
    #expect(!jar.setCookie("default=1", from: "https://example.com/", context: crossSite))
    #expect(jar.setCookie("none=1; SameSite=None; Secure", from: "https://example.com/", context: crossSite))
    let navigation = SameSiteContext(siteForCookies: "https://other.com/", isTopLevelNavigation: true)
    #expect(jar.setCookie("strict=1; SameSite=Strict", from: "https://example.com/", context: navigation))
    #expect(!jar.setCookie(fromScript: "lax=1", url: "https://example.com/", context: crossSite))
  }

  @Test func sameSiteNoneNeedsSecure() throws {
    #expect(!jar.setCookie("a=1; SameSite=None", from: "https://example.com/"))
    jar.setCookie("b=1; SameSite=Bogus", from: "https://example.com/")
    #expect(try #require(jar.cookies().first).sameSite == .default)
  }

  // MARK: Playwright

  @Test func cookiesForURLsAddAndClear() {
    jar.setCookie("a=1; Path=/app", from: "https://example.com/")
    jar.setCookie("b=1; Secure; HttpOnly; SameSite=Strict", from: "https://example.com/")
    jar.setCookie("c=1", from: "https://other.com/")
    #expect(jar.cookies().map(\.name) == ["a", "b", "c"])
    #expect(jar.cookies(urls: ["https://example.com/app/x"]).map(\.name) == ["a", "b"])
    #expect(jar.cookies(urls: ["http://example.com/"]).map(\.name) == [])
    #expect(jar.cookies(urls: ["https://other.com/", "https://example.com/"]).map(\.name) == ["b", "c"])
    let expiry = clock.now.addingTimeInterval(3600)
    jar.addCookies([
      Cookie(name: "d", value: "4", domain: "example.com", hostOnly: false, expiry: expiry, creationTime: clock.now),
      Cookie(name: "c", value: "gone", domain: "other.com", expiry: .distantPast),
    ])
    #expect(jar.cookies().map(\.name) == ["a", "b", "d"])
    #expect(jar.cookieString(for: "https://www.example.com/") == "d=4")
    #expect(jar.cookies(urls: ["https://www.example.com/"]).first?.expires == expiry.timeIntervalSince1970)
    jar.clearCookies()
    #expect(jar.cookies().isEmpty)
  }
}
