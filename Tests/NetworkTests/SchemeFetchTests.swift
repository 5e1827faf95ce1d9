import Foundation
import Network
import Testing
import _CaperTestSupport

/// URLs answered without the network: `file:`, `data:` and `about:blank`, and URLs not fetched.
@Suite struct SchemeFetchTests {
  let fetcher = Fetcher()

  @Test func readsAFileWithATypeFromItsExtension() async throws {
    let folder = try TemporaryDirectory()
    let path = try folder.write("page one.html", "<p>local</p>")
    let response = try await fetcher.fetch(Request(url: URL(fileURLWithPath: path).absoluteString))
    #expect(response.status == 200)
    #expect(response.body == Array("<p>local</p>".utf8))
    #expect(response.contentType?.essence == "text/html")
  }

  /// A file is read off the network thread; an abort that overtakes the read completes the fetch,
  /// once, and the read's result is dropped.
  @Test func anAbortedFileFetchCompletesOnce() async throws {
    let folder = try TemporaryDirectory()
    let url = URL(fileURLWithPath: try folder.write("page.html", "<p>local</p>")).absoluteString
    let (completions, continuation) = AsyncStream.makeStream(of: Result<Response, NetworkError>.self)
    let controller = fetcher.start(Request(url: url)) { continuation.yield($0) }
    controller.abort()
    var iterator = completions.makeAsyncIterator()
    switch await iterator.next() {
    case .success(let response)?: #expect(response.body == Array("<p>local</p>".utf8))
    case .failure(let error)?: #expect(error == NetworkError(url: url, cause: .aborted))
    case nil: Issue.record("no completion")
    }
    controller.abort()
    try await Task.sleep(for: .milliseconds(200))
    continuation.finish()
    #expect(await iterator.next() == nil)
  }

  @Test func aMissingFileIsANetworkError() async throws {
    let folder = try TemporaryDirectory()
    let url = folder.url.appendingPathComponent("absent.html").absoluteString
    await #expect(throws: NetworkError(url: url, cause: .fileNotFound)) { try await fetcher.fetch(Request(url: url)) }
    let directory = folder.url.absoluteString
    let error = await #expect(throws: NetworkError.self) { try await fetcher.fetch(Request(url: directory)) }
    #expect(error?.cause == .fileUnreadable("is a directory"))
  }

  @Test func fetchesADataURL() async throws {
    let response = try await fetcher.fetch(Request(url: "data:text/html;charset=utf-8;base64,PGgxPkhpPC9oMT4="))
    #expect(response.status == 200)
    #expect(response.statusText == "OK")
    #expect(response.headers == [Header("Content-Type", "text/html;charset=utf-8")])
    #expect(response.charset == "utf-8")
    #expect(response.body == Array("<h1>Hi</h1>".utf8))
    await #expect(throws: NetworkError(url: "data:;base64,W", cause: .invalidDataURL)) {
      try await fetcher.fetch(Request(url: "data:;base64,W"))
    }
  }

  @Test func fetchesAboutBlank() async throws {
    let response = try await fetcher.fetch(Request(url: "about:blank"))
    #expect(response.body.isEmpty)
    #expect(response.contentType?.essence == "text/html")
  }

  @Test func rejectsOtherSchemesAndNonURLs() async throws {
    await #expect(throws: NetworkError(url: "ftp://example.com/", cause: .unsupportedScheme("ftp"))) {
      try await fetcher.fetch(Request(url: "ftp://example.com/"))
    }
    await #expect(throws: NetworkError(url: "no scheme here", cause: .invalidURL)) {
      try await fetcher.fetch(Request(url: "no scheme here"))
    }
  }
}
