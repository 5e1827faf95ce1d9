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
}
