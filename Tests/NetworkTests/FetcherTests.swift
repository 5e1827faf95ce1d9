import Foundation
import Testing
import _CaperTestSupport

@testable import Network

/// Fetches over HTTP and HTTPS against `Fixtures/server.py` on 127.0.0.1, and the failures a
/// browser meets: refused connections, unknown hosts, bad certificates, timeouts, redirect loops.
@Suite struct FetcherTests {
  let server: TestServer
  let fetcher = Fetcher()

  init() throws { server = try TestServer.shared.get() }

  /// What `/echo` saw of a request.
  struct Echo: Decodable {
    let method: String
    let path: String
    let headers: [[String]]
    let body: String

    func header(_ name: String) -> String? { headers.first { $0[0].lowercased() == name.lowercased() }?[1] }
  }

  func echo(_ response: Response) throws -> Echo { try JSONDecoder().decode(Echo.self, from: Data(response.body)) }

  @Test func fetchesAPageWithItsStatusHeadersAndContentType() async throws {
    let response = try await fetcher.fetch(Request(url: server.url("/page")))
    #expect(response.status == 200)
    #expect(response.statusText == "OK")
    #expect(response.ok)
    #expect(response.url == server.url("/page"))
    #expect(!response.redirected)
    #expect(String(decoding: response.body, as: UTF8.self).contains("Hello from the test server"))
    #expect(response.headers.value(named: "content-type") == "text/html; charset=utf-8")
    #expect(response.contentType?.essence == "text/html")
    #expect(response.charset == "utf-8")
    #expect(response.timing.total > .zero)
    #expect(response.timing.responseEnd >= response.timing.responseStart)
  }

  @Test func aMissingPageIsAResponseNotAnError() async throws {
    let response = try await fetcher.fetch(Request(url: server.url("/missing")))
    #expect(response.status == 404)
    #expect(response.statusText == "Not Found")
    #expect(!response.ok)
    #expect(response.body == Array("no such page".utf8))
  }

  @Test func headersKeepTheirOrderAndRepeats() async throws {
    let response = try await fetcher.fetch(Request(url: server.url("/headers")))
    let custom = response.headers.filter { $0.name.lowercased().hasPrefix("x-") }
    #expect(custom == [Header("X-First", "1"), Header("X-Second", "two words"), Header("x-first", "3")])
    #expect(response.headers.value(named: "X-FIRST") == "1, 3")
  }

  @Test func sendsBrowserDefaultsAndNoCookies() async throws {
    let echo = try echo(try await fetcher.fetch(Request(url: server.url("/echo"))))
    #expect(echo.header("User-Agent") == Request.defaultUserAgent)
    #expect(echo.header("Accept") == Request.defaultAccept)
    #expect(echo.header("Accept-Language") == Request.defaultAcceptLanguage)
    let encodings = try #require(echo.header("Accept-Encoding"))
    #expect(encodings.contains("gzip"))
    #expect(echo.header("Cookie") == nil)
  }

  @Test func sendsTheRequestsMethodHeadersAndBody() async throws {
    let request = Request(
      url: server.url("/echo"), method: "put", headers: [Header("X-Caper", "yes"), Header("User-Agent", "caper-test")],
      body: Array("payload".utf8))
    let echo = try echo(try await fetcher.fetch(request))
    #expect(echo.method == "PUT")
    #expect(echo.body == "payload")
    #expect(echo.header("X-Caper") == "yes")
    #expect(echo.header("User-Agent") == "caper-test")
    #expect(echo.header("Expect") == nil)
    #expect(echo.header("Content-Type") == nil)
  }

  @Test func decodesAGzipBody() async throws {
    let response = try await fetcher.fetch(Request(url: server.url("/gzip")))
    #expect(response.headers.value(named: "Content-Encoding") == "gzip")
    #expect(response.body == Array(String(repeating: "compressed ", count: 200).utf8))
  }

  @Test func readsAQuotedCharsetFromContentType() async throws {
    let response = try await fetcher.fetch(Request(url: server.url("/charset")))
    #expect(response.contentType?.essence == "text/plain")
    #expect(response.charset == "ISO-8859-1")
    #expect(response.body == [0x63, 0x61, 0x66, 0xE9])
  }

  @Test(arguments: [301, 302, 303, 307, 308])
  func followsARedirectWithGET(status: Int) async throws {
    let response = try await fetcher.fetch(Request(url: server.url("/redirect/\(status)?to=/page")))
    #expect(response.status == 200)
    #expect(response.redirected)
    #expect(response.urlList == [server.url("/redirect/\(status)?to=/page"), server.url("/page")])
    #expect(response.url == server.url("/page"))
  }

  /// Fetch §4.4: POST becomes GET without a body after 301, 302 and 303; 307 and 308 keep both.
  @Test(arguments: [(301, "GET", ""), (302, "GET", ""), (303, "GET", ""), (307, "POST", "form"), (308, "POST", "form")])
  func redirectsAPostAsBrowsersDo(status: Int, method: String, body: String) async throws {
    let request = Request(
      url: server.url("/redirect/\(status)"), method: "POST", headers: [Header("Content-Type", "text/plain")],
      body: Array("form".utf8))
    let echo = try echo(try await fetcher.fetch(request))
    #expect(echo.method == method)
    #expect(echo.body == body)
    #expect((echo.header("Content-Type") == nil) == (method == "GET"))
  }

  @Test func a303TurnsAPutIntoAGet() async throws {
    let echo = try echo(try await fetcher.fetch(Request(url: server.url("/redirect/303"), method: "PUT", body: [1, 2])))
    #expect(echo.method == "GET")
  }

  /// Fetch §4.4: `Authorization` is not sent to another origin (127.0.0.1 and localhost differ);
  /// the request's fragment is kept on a Location without one.
  @Test func aRedirectToAnotherOriginDropsAuthorization() async throws {
    let credentials = [Header("Authorization", "Basic Y2FwZXI6c2VjcmV0")]
    let sameOrigin = try await fetcher.fetch(Request(url: server.url("/redirect/302#top"), headers: credentials))
    #expect(try echo(sameOrigin).header("Authorization") == "Basic Y2FwZXI6c2VjcmV0")
    #expect(sameOrigin.url == server.url("/echo#top"))
    let otherURL = server.url("/echo").replacingOccurrences(of: "127.0.0.1", with: "localhost")
    let otherOrigin = try await fetcher.fetch(
      Request(url: server.url("/redirect/307?to=\(otherURL)"), headers: credentials))
    #expect(otherOrigin.url == otherURL)
    #expect(try echo(otherOrigin).header("Authorization") == nil)
  }

  @Test func followsTwentyRedirectsButNotTwentyOne() async throws {
    let twenty = try await fetcher.fetch(Request(url: server.url("/chain/19")))
    #expect(twenty.status == 200)
    #expect(twenty.urlList.count == 21)
    let error = await #expect(throws: NetworkError.self) { try await fetcher.fetch(Request(url: server.url("/chain/20"))) }
    #expect(error?.cause == .tooManyRedirects)
  }

  @Test func aRedirectLoopIsTooManyRedirects() async throws {
    let error = await #expect(throws: NetworkError.self) { try await fetcher.fetch(Request(url: server.url("/loop"))) }
    #expect(error?.cause == .tooManyRedirects)
    #expect(error?.url == server.url("/loop"))
  }

  @Test func manualAndErrorRedirectModes() async throws {
    let manual = try await fetcher.fetch(Request(url: server.url("/redirect/302?to=/page"), redirect: .manual))
    #expect(manual.status == 302)
    #expect(manual.headers.value(named: "Location") == "/page")
    let error = await #expect(throws: NetworkError.self) {
      try await fetcher.fetch(Request(url: server.url("/redirect/302?to=/page"), redirect: .error))
    }
    #expect(error?.cause == .redirectNotAllowed)
  }

  /// Starts `request` and waits for its completion, returning the result and the instant the
  /// completion ran: read on the network thread, so time the test's own task spends waiting for a
  /// thread of the (possibly busy) test scheduler is not counted.
  func fetchTimed(_ request: Request) async -> (Result<Response, NetworkError>, ContinuousClock.Instant) {
    await withCheckedContinuation { continuation in
      fetcher.start(request) { continuation.resume(returning: ($0, ContinuousClock.now)) }
    }
  }

  /// The server answers after 30 s; the request's timeout ends the fetch long before.
  @Test func aSlowResponseTimesOut() async throws {
    let start = ContinuousClock.now
    let (result, end) = await fetchTimed(Request(url: server.url("/slow?seconds=30"), timeout: .milliseconds(500)))
    #expect(throws: NetworkError(url: server.url("/slow?seconds=30"), cause: .timeout)) { try result.get() }
    #expect(end - start < .seconds(15), "ended \(end - start) after the start, not before the server's answer")
  }

  /// The timeout covers the whole fetch, not each request: two hops of 2 s each outlast a 3 s
  /// timeout that either hop alone would not.
  @Test func theTimeoutSpansRedirects() async throws {
    let url = server.url("/slow?seconds=2&to=/slow%3Fseconds%3D2")
    let (result, _) = await fetchTimed(Request(url: url, timeout: .seconds(3)))
    let error = #expect(throws: NetworkError.self) { try result.get() }
    #expect(error?.cause == .timeout)
  }

  @Test func aRefusedConnectionIsANetworkError() async throws {
    let error = await #expect(throws: NetworkError.self) { try await fetcher.fetch(Request(url: server.refusingURL)) }
    #expect(error?.cause == .connectionRefused)
    #expect(error?.url == server.refusingURL)
  }

  /// Fetch §2.9 port blocking: a bad port is refused before any connection, and so is a
  /// redirect to one; a port off the list is tried.
  @Test func aBadPortIsANetworkError() async throws {
    let error = await #expect(throws: NetworkError.self) { try await fetcher.fetch(Request(url: "http://127.0.0.1:25/")) }
    #expect(error?.cause == .badPort(25))
    #expect(error?.url == "http://127.0.0.1:25/")
    let redirected = await #expect(throws: NetworkError.self) {
      try await fetcher.fetch(Request(url: server.url("/redirect/302?to=http://127.0.0.1:6667/")))
    }
    #expect(redirected?.cause == .badPort(6667))
    #expect(BadPort.blocking("https://example.com:443/") == nil)
    #expect(BadPort.blocking("http://example.com:10080/") == 10080)
    #expect(BadPort.blocking("ftp://example.com:21/") == nil)
  }

  @Test func anUnknownHostIsANetworkError() async throws {
    let error = await #expect(throws: NetworkError.self) {
      try await fetcher.fetch(Request(url: "http://nonexistent.invalid/", timeout: .seconds(20)))
    }
    #expect(error?.cause == .unknownHost)
  }

  @Test func fiftyRequestsAtOnceAllComplete() async throws {
    let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<50 {
        group.addTask {
          let path = index % 10 == 0 ? "/missing" : index % 5 == 0 ? "/redirect/302?to=/page" : "/echo?n=\(index)"
          return try await fetcher.fetch(Request(url: server.url(path))).status
        }
      }
      return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(statuses.count == 50)
    #expect(statuses.filter { $0 == 404 }.count == 5)
    #expect(statuses.filter { $0 == 200 }.count == 45)
  }

  @Test func abortingAFetchInFlightCompletesItOnce() async throws {
    let (completions, continuation) = AsyncStream.makeStream(of: Result<Response, NetworkError>.self)
    // The server would answer after 300 s (it stops waiting when the client hangs up): only the
    // abort can end this fetch, however late the test's task runs.
    let controller = fetcher.start(Request(url: server.url("/slow?seconds=300"))) { continuation.yield($0) }
    try await Task.sleep(for: .milliseconds(100))
    controller.abort()
    controller.abort()
    var iterator = completions.makeAsyncIterator()
    let result = await iterator.next()
    guard case .failure(let error)? = result else {
      Issue.record("an aborted fetch completed with \(String(describing: result))")
      return
    }
    #expect(error.cause == .aborted)
    controller.abort()
    try await Task.sleep(for: .milliseconds(200))
    continuation.finish()
    #expect(await iterator.next() == nil)
  }

  @Test func cancellingTheTaskAbortsTheFetch() async throws {
    let url = server.url("/slow?seconds=300")
    let task = Task { try await fetcher.fetch(Request(url: url)) }
    try await Task.sleep(for: .milliseconds(100))
    task.cancel()
    let result = await task.result
    #expect(throws: NetworkError(url: url, cause: .aborted)) { try result.get() }
  }

  @Test func theCallbackAPIReportsOnTheNetworkThread() async throws {
    let (result, threadName) = await withCheckedContinuation { continuation in
      fetcher.start(Request(url: server.url("/page"))) { result in
        continuation.resume(returning: (result, Thread.current.name))
      }
    }
    #expect(try result.get().status == 200)
    #expect(threadName == "caper network")
  }
}
