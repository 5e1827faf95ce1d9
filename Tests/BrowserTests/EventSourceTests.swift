import Browser
import Foundation
import Network
import Testing
import V8

/// `EventSource` in a page realm (HTML §9.2 server-sent events) against the event streams of
/// `Fixtures/fetch-server.py`: the interpretation of the stream, reconnection with
/// `Last-Event-ID`, failing the connection, CORS, `close()` and closing the page.
///
/// Pages are loaded at the server's `/page`; each test runs an async script that returns JSON and
/// compares it with what the standard gives.
@Suite struct EventSourceTests {
  let fixture: PageFixture
  let server: FetchTestServer
  init() throws {
    fixture = try PageFixture()
    server = try FetchTestServer.shared.get()
  }

  func page() throws -> Page { try fixture.page("<!doctype html><title>events</title>", url: server.url("/page")) }

  /// Runs `body` (an async function's body returning a JSON-able value) in a new page at the
  /// server's `/page` until it settles, and gives the value decoded.
  func run(_ body: String) throws -> Any {
    let page = try page()
    defer { page.close() }
    return try FetchTests.decode(page.evaluateRunningTasks("return JSON.stringify(await (async () => {\n\(body)\n})());"))
  }

  @Test func interpretsTheEventStream() throws {
    let result =
      try run(
        """
        const es = new EventSource('/events/basic');
        const log = [['constructed', es.readyState, es.url === location.origin + '/events/basic', es.withCredentials]];
        return await new Promise((resolve) => {
          es.onopen = (e) => log.push([e.type, es.readyState]);
          es.onmessage = (e) => log.push([e.type, e.data, e.lastEventId, e.origin === location.origin, e instanceof MessageEvent]);
          es.addEventListener('named', (e) => log.push([e.type, e.data, e.lastEventId]));
          // The stream ended: the connection is being reestablished.
          es.onerror = (e) => { log.push([e.type, es.readyState]); es.close(); log.push(['closed', es.readyState]); resolve(log); };
        });
        """) as? [[Any]]
    let expected: [[Any]] = [
      ["constructed", 0, true, false], ["open", 1], ["message", "one", "", true, true], ["named", "two\n lines", "7"],
      ["message", "three", "", true, true], ["error", 0], ["closed", 2],
    ]
    #expect(result.map { "\($0)" } == "\(expected)")
  }

  @Test func linesAndCharactersSplitAcrossChunks() throws {
    let result =
      try run(
        """
        const es = new EventSource('/events/chunked');
        const data = [];
        return await new Promise((resolve) => {
          es.onmessage = (e) => data.push(e.data);
          es.onerror = () => { es.close(); resolve(data); };
        });
        """) as? [String]
    #expect(result == ["split", "café"])
  }

  @Test func reconnectsAfterTheRetryTimeSendingTheLastEventID() throws {
    let result =
      try run(
        """
        const es = new EventSource('/events/reconnect');
        const log = [];
        const times = [];
        return await new Promise((resolve) => {
          es.onerror = () => log.push(['error', es.readyState]);
          es.onmessage = (e) => {
            log.push([e.data, e.lastEventId, es.readyState]);
            times.push(performance.now());
            if (times.length === 2) { es.close(); resolve({ log, waited: times[1] - times[0] >= 1000 }); }
          };
        });
        """) as? [String: Any]
    #expect("\(result?["log"] ?? "")" == "\([["first", "a", 1], ["error", 0], ["got a", "b", 1]] as [[Any]])")
    #expect(result?["waited"] as? Bool == true)
  }

  @Test(arguments: ["/events/status?code=204", "/events/status?code=500", "/events/wrongtype"])
  func aWrongStatusOrTypeFailsTheConnectionWithoutReconnecting(path: String) throws {
    let result =
      try run(
        """
        const es = new EventSource('\(path)');
        const log = [];
        es.onopen = () => log.push('open');
        es.onmessage = () => log.push('message');
        await new Promise((resolve) => { es.onerror = () => { log.push(['error', es.readyState]); resolve(); }; });
        // Far past any reconnection time: nothing more comes.
        await new Promise((resolve) => setTimeout(resolve, 10000));
        log.push(['later', es.readyState]);
        return log;
        """) as? [Any]
    #expect("\(result ?? [])" == "\([["error", 2], ["later", 2]] as [Any])")
  }

  @Test func aCrossOriginStreamNeedsCORS() throws {
    let result =
      try run(
        """
        const blocked = new EventSource('\(server.otherURL("/events/basic"))');
        const first = await new Promise((resolve) => {
          blocked.onmessage = () => resolve('message');
          blocked.onerror = () => resolve(['error', blocked.readyState]);
        });
        const allowed = new EventSource('\(server.otherURL("/events/basic?acao=*"))');
        const second = await new Promise((resolve) => { allowed.onmessage = (e) => { allowed.close(); resolve([e.data, e.origin]); }; });
        return [first, second];
        """) as? [Any]
    #expect("\(result ?? [])" == "\([["error", 2], ["one", server.otherOrigin]] as [Any])")
  }

  @Test func theInterface() throws {
    let result =
      try run(
        """
        const results = [EventSource.CONNECTING, EventSource.OPEN, EventSource.CLOSED, EventSource.prototype.CLOSED];
        try { new EventSource('http://[bad'); } catch (e) { results.push(e.name, e instanceof DOMException); }
        try { new EventSource(); } catch (e) { results.push(e.name); }
        const es = new EventSource('/events/basic', { withCredentials: true });
        results.push(es.withCredentials, String(es), typeof es.onopen, es.onmessage);
        es.close();
        results.push(es.readyState);
        try { Object.getOwnPropertyDescriptor(EventSource.prototype, 'url').get.call({}); } catch (e) { results.push(e.name); }
        return results;
        """) as? [Any]
    #expect(
      "\(result ?? [])"
        == "\([0, 1, 2, 2, "SyntaxError", true, "TypeError", true, "[object EventSource]", "object", NSNull(), 2, "TypeError"] as [Any])"
    )
  }

  @Test func closeStopsTheStream() async throws {
    let key = UUID().uuidString
    let page = try page()
    defer { page.close() }
    let result =
      try FetchTests.decode(
        page.evaluateRunningTasks(
          """
          const es = new EventSource('/events/forever?key=\(key)');
          const log = [];
          es.onerror = () => log.push('error');
          await new Promise((resolve) => {
            es.onmessage = (e) => { log.push(e.data); es.close(); log.push(es.readyState); resolve(); };
          });
          // Far past any reconnection time: nothing more comes.
          await new Promise((resolve) => setTimeout(resolve, 10000));
          return JSON.stringify(log);
          """)) as? [Any]
    #expect("\(result ?? [])" == "\(["hello", 2] as [Any])")
    #expect(try await openStreams(key, until: 0) == 0)
  }

  @Test func closingThePageAbortsItsStreams() async throws {
    let key = UUID().uuidString
    let page = try page()
    let data = try page.evaluateRunningTasks(
      """
      const es = new EventSource('/events/forever?key=\(key)');
      return await new Promise((resolve) => { es.onmessage = (e) => resolve(e.data); });
      """)
    #expect(data == "hello")
    #expect(try await openStreams(key) == 1)
    page.close()
    #expect(try await openStreams(key, until: 0) == 0)
  }

  /// How many `/events/forever?key=key` streams the server has open; with `until`, asked again
  /// (up to 10 s) until it is that number, for a hang-up the server sees a moment later.
  func openStreams(_ key: String, until expected: Int? = nil) async throws -> Int {
    let fetcher = Fetcher()
    var count = -1
    for _ in 0..<200 {
      let response = try await fetcher.fetch(Request(url: server.url("/events/open?key=\(key)")))
      count = Int(String(decoding: response.body, as: UTF8.self)) ?? -1
      guard let expected, count != expected else { return count }
      try await Task.sleep(for: .milliseconds(50))
    }
    return count
  }
}
