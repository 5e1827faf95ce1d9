import Browser
import Foundation
import Testing
import V8

/// Virtual-time rule 2's exceptions: a response body still being read and an open `EventSource`
/// stream do not hold the page's clock, which jumps to its next timer once the response's
/// headers are in.
///
/// Each test races a page timer of 5 s (virtual) against a body that the server sends 2 s (real)
/// after its headers: a held clock would run at the real rate and see the body first; a free one
/// fires the timer first. Asserted on the order of events and on virtual times.
@Suite struct EventSourceClockTests {
  let fixture: PageFixture
  let server: FetchTestServer
  init() throws {
    fixture = try PageFixture()
    server = try FetchTestServer.shared.get()
  }

  func run(_ body: String) throws -> Any {
    let page = try fixture.page("<!doctype html><title>clock</title>", url: server.url("/page"))
    defer { page.close() }
    return try FetchTests.decode(page.evaluateRunningTasks("return JSON.stringify(await (async () => {\n\(body)\n})());"))
  }

  @Test func aBodyBeingReadDoesNotHoldTheClock() throws {
    let result =
      try run(
        """
        const log = [];
        const timer = new Promise((resolve) => setTimeout(() => { log.push(['timer', performance.now() >= 5000]); resolve(); }, 5000));
        const body = fetch('/slow-body?ms=2000').then((r) => r.text()).then((text) => {
          log.push([text, performance.now() >= 5000]);
        });
        await Promise.all([timer, body]);
        return log;
        """) as? [[Any]]
    #expect(result.map { "\($0)" } == "\([["timer", true], ["body", true]] as [[Any]])")
  }

  @Test func anOpenEventSourceDoesNotHoldTheClock() throws {
    let result =
      try run(
        """
        const log = [];
        const es = new EventSource('/events/forever?key=clock');
        await new Promise((resolve) => { es.onmessage = (e) => { log.push(e.data); resolve(); }; });
        const start = performance.now();
        const timer = new Promise((resolve) => setTimeout(() => {
          log.push(['timer', performance.now() - start >= 5000, es.readyState]);
          resolve();
        }, 5000));
        const body = fetch('/slow-body?ms=2000').then((r) => r.text()).then((text) => log.push(text));
        await Promise.all([timer, body]);
        es.close();
        return log;
        """) as? [Any]
    #expect("\(result ?? [])" == "\(["hello", ["timer", true, 1], "body"] as [Any])")
  }
}
