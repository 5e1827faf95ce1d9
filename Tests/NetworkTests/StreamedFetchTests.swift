import Foundation
import Network
import Synchronization
import Testing
import _CaperTestSupport

/// Streamed fetches (`Fetcher.stream`) against `Fixtures/server.py` on 127.0.0.1: the head before
/// the body, chunks in order, a 100 MiB body passing through with memory bounded, aborts, and the
/// 64 MiB limit of whole responses that streams do not have.
///
/// Serialized: the memory test reads the process's resident size, which the suite's other large
/// transfer would disturb.
@Suite(.serialized) struct StreamedFetchTests {
  let server: TestServer
  let fetcher = Fetcher()

  init() throws { server = try TestServer.shared.get() }

  /// The reports of one streamed fetch, as an async sequence.
  func stream(_ url: String) -> (AsyncStream<FetchProgress>, FetchController) {
    let (reports, continuation) = AsyncStream.makeStream(of: FetchProgress.self)
    let controller = fetcher.stream(Request(url: url)) { progress in
      continuation.yield(progress)
      if case .end = progress { continuation.finish() }
    }
    return (reports, controller)
  }

  /// A key no other test's `/held` uses.
  func uniqueKey() -> String { UUID().uuidString }

  @Test func theHeadArrivesBeforeTheBodyIsSent() async throws {
    let key = uniqueKey()
    let (reports, _) = stream(server.url("/held?key=\(key)"))
    var iterator = reports.makeAsyncIterator()
    // The server sends the body only once the test asks it to, after it has the head.
    guard case .response(let head)? = await iterator.next() else {
      Issue.record("the first report is not the head")
      return
    }
    #expect(head.status == 200)
    #expect(head.statusText == "OK")
    #expect(head.url == server.url("/held?key=\(key)"))
    #expect(head.headers.value(named: "Transfer-Encoding") == "chunked")
    #expect(head.contentType?.essence == "text/plain")
    _ = try await fetcher.fetch(Request(url: server.url("/release?key=\(key)")))
    var body: [UInt8] = []
    var ended = false
    while let report = await iterator.next() {
      switch report {
      case .response: Issue.record("a second head")
      case .bodyChunk(let chunk): body += chunk
      case .end(let result):
        #expect(throws: Never.self) { _ = try result.get() }
        ended = true
      }
    }
    #expect(String(decoding: body, as: UTF8.self) == "released")
    #expect(ended)
  }

  @Test func chunksArriveInOrderAfterTheHeadAndBeforeTheEnd() async throws {
    let (reports, _) = stream(server.url("/chunks?count=5&pause=30"))
    var kinds: [String] = []
    var body: [UInt8] = []
    for await report in reports {
      switch report {
      case .response(let head):
        kinds.append("head \(head.status)")
      case .bodyChunk(let chunk):
        #expect(!chunk.isEmpty)
        if kinds.last != "body" { kinds.append("body") }
        body += chunk
      case .end(let result):
        kinds.append((try? result.get()) == nil ? "failed" : "end")
      }
    }
    #expect(kinds == ["head 200", "body", "end"])
    #expect(String(decoding: body, as: UTF8.self) == (0..<5).map { "chunk \($0)\n" }.joined())
  }

  @Test func aRedirectsHeadAndBodyAreNotReported() async throws {
    let (reports, _) = stream(server.url("/redirect/302?to=/chunks%3Fcount%3D2%26pause%3D0"))
    var heads: [ResponseHead] = []
    var body: [UInt8] = []
    for await report in reports {
      switch report {
      case .response(let head): heads.append(head)
      case .bodyChunk(let chunk): body += chunk
      case .end: break
      }
    }
    #expect(heads.map(\.status) == [200])
    #expect(
      heads.first?.urlList == [
        server.url("/redirect/302?to=/chunks%3Fcount%3D2%26pause%3D0"), server.url("/chunks?count=2&pause=0"),
      ])
    #expect(String(decoding: body, as: UTF8.self) == "chunk 0\nchunk 1\n")
  }

  @Test func aFailureBeforeAnyResponseEndsWithoutAHead() async throws {
    let (reports, _) = stream(server.refusingURL)
    var collected: [FetchProgress] = []
    for await report in reports { collected.append(report) }
    #expect(collected == [.end(.failure(NetworkError(url: server.refusingURL, cause: .connectionRefused)))])
  }

  @Test func anAbortAfterTheHeadEndsTheStream() async throws {
    let key = uniqueKey()
    let url = server.url("/held?key=\(key)")
    let (reports, controller) = stream(url)
    var iterator = reports.makeAsyncIterator()
    guard case .response? = await iterator.next() else {
      Issue.record("the first report is not the head")
      return
    }
    controller.abort()
    #expect(await iterator.next() == .end(.failure(NetworkError(url: url, cause: .aborted))))
    #expect(await iterator.next() == nil)
    _ = try await fetcher.fetch(Request(url: server.url("/release?key=\(key)")))
  }

  @Test func aDataURLIsAHeadOneChunkAndTheEnd() async throws {
    let (reports, _) = stream("data:text/plain,hello")
    var collected: [FetchProgress] = []
    for await report in reports { collected.append(report) }
    #expect(
      collected == [
        .response(
          ResponseHead(
            urlList: ["data:text/plain,hello"], status: 200, statusText: "OK", headers: [Header("Content-Type", "text/plain")])),
        .bodyChunk(Array("hello".utf8)), .end(.success(FetchTiming())),
      ])
  }

  /// 100 MiB pass through a consumer that counts them and keeps none; the process's resident size
  /// stays far below the body's size meanwhile.
  @Test func aHundredMebibyteBodyStreamsWithMemoryBounded() async throws {
    let size = 100 << 20
    let counted = Atomic<Int>(0)
    let chunks = Atomic<Int>(0)
    let baseline = try Self.residentBytes()
    let (ends, continuation) = AsyncStream.makeStream(of: Result<FetchTiming, NetworkError>.self)
    fetcher.stream(Request(url: server.url("/large?mb=100"))) { progress in
      switch progress {
      case .response: break
      case .bodyChunk(let chunk):
        counted.add(chunk.count, ordering: .relaxed)
        chunks.add(1, ordering: .relaxed)
      case .end(let result):
        continuation.yield(result)
        continuation.finish()
      }
    }
    // Sampled while the body flows (how often does not matter: any sample above the bound fails).
    let sampling = Task {
      var peak = 0
      while !Task.isCancelled {
        peak = max(peak, (try? Self.residentBytes()) ?? 0)
        try? await Task.sleep(for: .milliseconds(5))
      }
      return peak
    }
    var iterator = ends.makeAsyncIterator()
    let end = await iterator.next()
    sampling.cancel()
    let peak = await sampling.value
    #expect(throws: Never.self) { _ = try end?.get() }
    #expect(counted.load(ordering: .relaxed) == size)
    #expect(chunks.load(ordering: .relaxed) > 1)
    #expect(peak - baseline < size / 2, "resident size grew by \((peak - baseline) >> 20) MiB")
  }

  @Test func aWholeResponseStopsAtTheBodyLimit() async throws {
    let url = server.url("/large?mb=100")
    do {
      let response = try await fetcher.fetch(Request(url: url))
      Issue.record("a whole response of \(response.body.count) bytes")
    } catch {
      guard case .transfer(let message) = error.cause else {
        Issue.record("not a transfer error: \(error)")
        return
      }
      #expect(message.contains("larger than 64 MB"))
    }
  }

  /// The process's resident set size (`VmRSS` of `/proc/self/status`), in bytes.
  static func residentBytes() throws -> Int {
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
      let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    else { throw CocoaError(.fileReadCorruptFile) }
    return kilobytes * 1024
  }
}
