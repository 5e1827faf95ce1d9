import Foundation
import Network
import Testing
import _CaperTestSupport

/// HTTPS against a server with a self-signed certificate: refused by default, accepted with
/// `ignoreHTTPSErrors`.
@Suite struct SecureFetchTests {
  let server: TestServer
  let fetcher = Fetcher()

  init() throws { server = try TestServer.secure.get() }

  @Test func verifiesCertificatesByDefault() async throws {
    let error = await #expect(throws: NetworkError.self) { try await fetcher.fetch(Request(url: server.secureURL("/page"))) }
    guard case .tls(let message)? = error?.cause else {
      Issue.record("expected a TLS failure, got \(String(describing: error))")
      return
    }
    #expect(message.contains("certificate"))
  }

  @Test func ignoreHTTPSErrorsAcceptsASelfSignedCertificate() async throws {
    let response = try await fetcher.fetch(Request(url: server.secureURL("/page"), ignoreHTTPSErrors: true))
    #expect(response.status == 200)
    #expect(response.timing.secureConnection != nil)
    #expect(response.url == server.secureURL("/page"))
  }

  /// From HTTPS to HTTP on another port: a cookie the HTTPS redirect set (host-only, not Secure)
  /// goes along, the `Referer` is cut to the HTTPS page's origin, and a Secure cookie set over
  /// HTTPS reaches loopback HTTP, a secure connection for cookies.
  @Test func cookiesAndRefererFromHTTPSToHTTP() async throws {
    let jar = CookieJar()
    let setSecure = server.secureURL("/set-cookie?c=s%3D1%3B%20Secure")
    #expect(try await fetcher.fetch(Request(url: setSecure, ignoreHTTPSErrors: true, cookieJar: jar)).status == 200)
    let target = server.url("/echo").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    let request = Request(
      url: server.secureURL("/cookie-redirect?to=\(target)"), ignoreHTTPSErrors: true, cookieJar: jar,
      referrer: server.secureURL("/page?q#f"))
    let response = try await fetcher.fetch(request)
    #expect(response.url == server.url("/echo"))
    let echo = try JSONDecoder().decode(FetcherTests.Echo.self, from: Data(response.body))
    #expect(echo.header("Cookie") == "s=1; hop=1")
    #expect(echo.header("Referer") == server.secureURL("/"))
  }
}
