import Foundation
import Network
import Testing
import _CaperTestSupport

/// Cookies, `Referer` and redirects through `Fetcher` against `Fixtures/server.py` on 127.0.0.1:
/// each hop of a redirect chain sends the jar's cookies for its URL, stores its `Set-Cookie`, and
/// gets the `Referer` its referrer policy gives.
@Suite struct CookieFetchTests {
  let server: TestServer
  let fetcher = Fetcher()
  let jar = CookieJar()

  init() throws { server = try TestServer.shared.get() }

  /// `/set-cookie` setting each of `cookies`, then redirecting to `to` when given.
  func setCookieURL(_ cookies: [String], to target: String? = nil) -> String {
    var query = cookies.map { "c=" + Self.encode($0) }
    if let target { query.append("to=" + Self.encode(target)) }
    return server.url("/set-cookie?" + query.joined(separator: "&"))
  }

  static func encode(_ string: String) -> String {
    string.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? string
  }

  func echo(_ request: Request) async throws -> FetcherTests.Echo {
    let response = try await fetcher.fetch(request)
    return try JSONDecoder().decode(FetcherTests.Echo.self, from: Data(response.body))
  }

  func set(_ cookies: [String]) async throws {
    let response = try await fetcher.fetch(Request(url: setCookieURL(cookies), cookieJar: jar))
    #expect(response.status == 200)
  }

  @Test func aCookieSetByARedirectHopGoesToTheNextHop() async throws {
    let echo = try await echo(Request(url: server.url("/cookie-redirect?to=/echo"), cookieJar: jar))
    #expect(echo.header("Cookie") == "hop=1")
    #expect(jar.cookies().map(\.name) == ["hop"])
    #expect(jar.cookies().first?.domain == "127.0.0.1")
  }

  @Test func everyHopSendsTheCookiesOfItsOwnURL() async throws {
    let url = setCookieURL(["root=1; Path=/", "scoped=1; Path=/scoped"], to: "/scoped/echo")
    let echo = try await echo(Request(url: url, cookieJar: jar))
    #expect(echo.path == "/scoped/echo")
    #expect(echo.header("Cookie") == "scoped=1; root=1")
    #expect(try await self.echo(Request(url: server.url("/echo"), cookieJar: jar)).header("Cookie") == "root=1")
  }

  @Test func withoutAJarNothingIsSentOrStored() async throws {
    let echo = try await echo(Request(url: server.url("/cookie-redirect?to=/echo")))
    #expect(echo.header("Cookie") == nil)
  }

  @Test func aCookieHeaderTheCallerSetComesFirst() async throws {
    try await set(["jar=1"])
    let echo = try await echo(Request(url: server.url("/echo"), headers: [Header("Cookie", "given=1")], cookieJar: jar))
    #expect(echo.header("Cookie") == "given=1; jar=1")
  }

  /// Host-only cookies of 127.0.0.1 are not sent to localhost, another host; a Domain the host is
  /// not in is refused.
  @Test func domainScoping() async throws {
    try await set(["host=1", "elsewhere=1; Domain=localhost"])
    #expect(jar.cookies().map(\.name) == ["host"])
    let localhost = server.url("/echo").replacingOccurrences(of: "127.0.0.1", with: "localhost")
    #expect(try await echo(Request(url: localhost, cookieJar: jar)).header("Cookie") == nil)
    #expect(try await echo(Request(url: server.url("/echo"), cookieJar: jar)).header("Cookie") == "host=1")
  }

  /// Secure cookies are set and sent over plain HTTP on 127.0.0.1, a loopback host.
  ///
  /// 6265bis leaves "secure" to the user agent, and Chrome counts potentially trustworthy origins;
  /// non-loopback HTTP is covered by `CookieJarTests`.
  @Test func secureCookiesOverLoopbackHTTP() async throws {
    try await set(["s=1; Secure", "__Host-h=1; Secure; Path=/"])
    #expect(try await echo(Request(url: server.url("/echo"), cookieJar: jar)).header("Cookie") == "s=1; __Host-h=1")
  }

  @Test func httpOnlyCookiesGoToTheServerButNotToScripts() async throws {
    try await set(["h=1; HttpOnly", "v=1"])
    #expect(try await echo(Request(url: server.url("/echo"), cookieJar: jar)).header("Cookie") == "h=1; v=1")
    #expect(jar.cookieString(for: server.url("/page"), forScript: true) == "v=1")
  }

  @Test func maxAgeZeroAndAPastExpiresDelete() async throws {
    try await set(["a=1", "b=1", "c=1"])
    try await set(["a=; Max-Age=0", "b=; Expires=Wed, 21 Oct 2015 07:28:00 GMT"])
    #expect(try await echo(Request(url: server.url("/echo"), cookieJar: jar)).header("Cookie") == "c=1")
  }

  @Test func strictCookiesStayOffCrossSiteRequests() async throws {
    try await set(["strict=1; SameSite=Strict", "lax=1; SameSite=Lax"])
    let crossSite = Request(url: server.url("/echo"), cookieJar: jar, siteForCookies: "https://example.com/")
    #expect(try await echo(crossSite).header("Cookie") == nil)
    var navigation = crossSite
    navigation.isTopLevelNavigation = true
    #expect(try await echo(navigation).header("Cookie") == "lax=1")
    let sameSite = Request(url: server.url("/echo"), cookieJar: jar, siteForCookies: server.url("/page"))
    #expect(try await echo(sameSite).header("Cookie") == "strict=1; lax=1")
  }

  // MARK: Redirects

  /// Fetch §4.4: 307 and 308 keep the method and body, and the cookie the redirect set goes along.
  @Test(arguments: [307, 308])
  func aPostKeepsItsBodyThrough(status: Int) async throws {
    let request = Request(
      url: server.url("/cookie-redirect?status=\(status)&to=/echo"), method: "POST",
      headers: [Header("Content-Type", "text/plain")], body: Array("form".utf8), cookieJar: jar)
    let echo = try await echo(request)
    #expect(echo.method == "POST")
    #expect(echo.body == "form")
    #expect(echo.header("Content-Type") == "text/plain")
    #expect(echo.header("Cookie") == "hop=1")
  }

  /// 303 turns every method but HEAD into GET without a body; 301 and 302 only POST.
  @Test(arguments: [
    (303, "DELETE", "GET"), (303, "PUT", "GET"), (303, "HEAD", "HEAD"), (302, "PUT", "PUT"), (301, "DELETE", "DELETE"),
  ])
  func methodsAfterARedirect(status: Int, method: String, expected: String) async throws {
    let request = Request(url: server.url("/redirect/\(status)?to=/echo"), method: method, body: method == "HEAD" ? nil : [1])
    let response = try await fetcher.fetch(request)
    #expect(response.url == server.url("/echo"))
    if expected == "HEAD" {
      #expect(response.body.isEmpty)
      #expect(response.status == 200)
    } else {
      let echo = try JSONDecoder().decode(FetcherTests.Echo.self, from: Data(response.body))
      #expect(echo.method == expected)
      #expect(echo.body == (expected == "GET" ? "" : "\u{1}"))
    }
  }

  // MARK: Referer

  @Test func aSameOriginRequestGetsTheFullReferrerWithoutFragmentOrCredentials() async throws {
    let page = server.url("/page?x=1#top").replacingOccurrences(of: "http://", with: "http://user:pw@")
    let echo = try await echo(Request(url: server.url("/echo"), referrer: page))
    #expect(echo.header("Referer") == server.url("/page?x=1"))
  }

  @Test func noReferrerNoReferer() async throws {
    #expect(try await echo(Request(url: server.url("/echo"))).header("Referer") == nil)
  }

  @Test func theReferrerReplacesARefererHeader() async throws {
    let request = Request(url: server.url("/echo"), headers: [Header("Referer", "http://forged/")], referrer: server.url("/a"))
    #expect(try await echo(request).header("Referer") == server.url("/a"))
  }

  /// Each hop recomputes the referrer from the last hop's: once cut to the origin for localhost,
  /// it stays the origin back on 127.0.0.1.
  @Test func theRefererIsRecomputedOnEachHop() async throws {
    let origin = server.url("/")
    let back = server.url("/echo")
    let viaLocalhost = server.url("/redirect/302?to=" + Self.encode(back)).replacingOccurrences(
      of: "127.0.0.1", with: "localhost")
    let crossOrigin = try await echo(Request(url: viaLocalhost, referrer: server.url("/page?secret")))
    #expect(crossOrigin.header("Referer") == origin)
    let sameOriginHop = server.url("/redirect/302?to=/echo")
    #expect(
      try await echo(Request(url: sameOriginHop, referrer: server.url("/page?q"))).header("Referer") == server.url("/page?q"))
  }

  /// A redirect's `Referrer-Policy` header rules the hops after it.
  @Test func aRedirectsReferrerPolicyApplies() async throws {
    let url = server.url("/redirect/302?to=/echo&policy=no-referrer")
    #expect(try await echo(Request(url: url, referrer: server.url("/page"))).header("Referer") == nil)
    let originOnly = server.url("/redirect/302?to=/echo&policy=origin")
    #expect(try await echo(Request(url: originOnly, referrer: server.url("/page"))).header("Referer") == server.url("/"))
  }
}
