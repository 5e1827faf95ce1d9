import Browser
import Foundation
import Runtime
import Testing
import V8

/// Pages that misbehave: a runaway script, a timer storm, an aborted fetch.
///
/// The per-task watchdog
/// stops a page task that runs past the browser context's `taskTimeout` with a page error naming
/// where its code was, and the page goes on; HTML's timer nesting clamp keeps a storm of
/// zero-delay timers from starving the support realm's timers; an aborted fetch stops its
/// network request and releases the page's clock.
@Suite struct PageSecurityTests {
  /// A folder of files for one test, removed after.
  final class Site {
    let folder: URL
    init(_ files: [String: String]) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("caper-page-security-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }
    deinit { try? FileManager.default.removeItem(at: folder) }
    func url(_ name: String) -> String { folder.appendingPathComponent(name).absoluteString }
    func document(_ name: String) throws -> LoadedDocument {
      LoadedDocument(
        url: url(name), bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name))), contentType: "text/html")
    }
  }

  /// A browser context whose page tasks may run 300 ms.
  static func shortTasks() -> BrowserContext { BrowserContext(options: .init(taskTimeout: .milliseconds(300))) }

  @Test func anEndlessInlineScriptIsStoppedAndTheRestOfThePageRuns() throws {
    let url = "https://example.test/loop.html"
    let html = """
      <!doctype html><script>window.before = 1;</script>
      <script>
      let spins = 0;
      while (true) { spins++; }
      </script>
      <p>after the loop</p><script>window.after = document.querySelectorAll('p').length;</script>
      """
    let fixture = try PageFixture()
    let page = try Page(
      beside: fixture.support, document: LoadedDocument(url: url, bytes: Array(html.utf8), contentType: "text/html"),
      browserContext: Self.shortTasks(), waitUntil: .load)
    defer { page.close() }
    let errors = page.environment.errors
    try #require(errors.count == 1, "\(errors)")
    // An inline script's lines count from the document's start, as in Chromium: the loop is on line 4.
    #expect(errors[0].location?.hasPrefix("\(url):4:") == true, "the loop's line: \(errors[0])")
    #expect(errors[0].message.contains("more than 0.3 s"))
    #expect(try page.evaluate("[before, after]") == .array([.number(1), .number(1)]))
    #expect(try page.evaluate("document.readyState") == .string("complete"))
  }

  @Test func anEndlessTimerAndAnEndlessListenerAreStoppedAndLaterTasksRun() throws {
    let url = "https://example.test/tasks.html"
    let html = """
      <!doctype html><body><script>
      setTimeout(function spin() {
        for (;;) {}
      }, 10);
      document.body.addEventListener('click', () => {
        while (true) {}
      });
      setTimeout(() => document.body.click(), 20);
      setTimeout(() => { window.later = 'ran'; }, 30);
      </script>
      """
    let fixture = try PageFixture()
    let page = try Page(
      beside: fixture.support, document: LoadedDocument(url: url, bytes: Array(html.utf8), contentType: "text/html"),
      browserContext: Self.shortTasks(), waitUntil: .idle)
    defer { page.close() }
    let locations = page.environment.errors.map { $0.location ?? "" }
    #expect(locations.count == 2, "\(page.environment.errors)")
    #expect(locations.first?.hasPrefix("\(url):3:") == true, "the timer's loop: \(locations)")
    #expect(locations.last?.hasPrefix("\(url):6:") == true, "the listener's loop: \(locations)")
    #expect(try page.evaluate("later") == .string("ran"))
    // The support realm still evaluates in the page.
    #expect(try page.evaluate("document.body.localName") == .string("body"))
  }

  @Test func anEndlessExternalScriptIsNamedByItsURL() throws {
    let site = try Site([
      "page.html": "<!doctype html><script src=spin.js></script><script>window.next = 'parsed on'</script>",
      "spin.js": "var turns = 0;\nwhile (turns >= 0) { turns++; }\n",
    ])
    let fixture = try PageFixture()
    let page = try Page(
      beside: fixture.support, document: try site.document("page.html"), browserContext: Self.shortTasks(), waitUntil: .load)
    defer { page.close() }
    let errors = page.environment.errors
    try #require(errors.count == 1, "\(errors)")
    #expect(errors[0].location?.hasPrefix(site.url("spin.js") + ":2:") == true, "\(errors[0])")
    #expect(errors[0].description.hasPrefix(site.url("spin.js")))
    #expect(try page.evaluate("next") == .string("parsed on"))
  }

  @Test func tasksAreUnboundedWithoutATaskTimeout() throws {
    // A task that runs long but ends is never stopped; nil turns the watchdog off.
    let html = "<script>const end = Date.now(); let n = 0; for (let i = 0; i < 3e7; i++) n += i; window.sum = n > 0;</script>"
    let fixture = try PageFixture()
    let page = try Page(
      beside: fixture.support,
      document: LoadedDocument(url: "https://example.test/", bytes: Array(html.utf8), contentType: "text/html"),
      browserContext: BrowserContext(options: .init(taskTimeout: nil)), waitUntil: .load)
    defer { page.close() }
    #expect(page.environment.errors.isEmpty)
    #expect(try page.evaluate("sum") == .bool(true))
  }

  @Test func aStormOfZeroDelayTimersDoesNotStarveASupportTimer() throws {
    // 1,000 timers that each set themselves again at once: HTML's nesting clamp makes them 4 ms
    // timers of the page's clock after five levels, so the loop reaches the support realm's timer.
    let html = """
      <script>
      window.fired = 0;
      for (let i = 0; i < 1000; i++) {
        const again = () => { window.fired++; setTimeout(again, 0); };
        setTimeout(again, 0);
      }
      </script>
      """
    let fixture = try PageFixture()
    let support = fixture.support
    let page = try Page(
      beside: support, document: LoadedDocument(url: "https://example.test/", bytes: Array(html.utf8), contentType: "text/html"),
      waitUntil: .load)
    defer { page.close() }
    _ = try support.context.evaluate("globalThis.supportTimer = false", filename: "test.js")
    let callback = try support.context.evaluateReference("() => { globalThis.supportTimer = true; }", filename: "test.js")
    _ = support.loop.setTimer(in: support.context, callback: callback, delay: 50, repeats: false)
    let reached = try support.loop.run(until: .now + .seconds(60)) {
      try support.context.evaluate("supportTimer", filename: "test.js") != .bool(true)
    }
    #expect(reached, "the support timer fired while the storm went on")
    #expect((try page.evaluate("fired").numberValue ?? 0) >= 5_000, "the storm ran")
    #expect(page.realm.loop.nextTimerDue(in: page.realm.context) != nil, "and still goes on")
  }
}
