import Browser
import CodeCache
import Foundation
import Runtime
import Testing
import V8

/// Pages that run their scripts (HTML §4.12.1, §13.2.7): where the parser meets them, in the
/// standard's order, with the load events in order, errors reported with their URL and line, each
/// script compiled through the code cache, and timers in virtual time.
@Suite struct PageScriptsTests {
  /// A folder of files for one test, removed after.
  final class Site {
    let folder: URL
    init(_ files: [String: String]) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("caper-page-scripts-\(UUID().uuidString)")
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

  static let logger = """
    <script>var log = []; document.addEventListener('readystatechange', () => log.push('readystatechange:' + document.readyState));
    document.addEventListener('DOMContentLoaded', () => log.push('DOMContentLoaded'));
    window.addEventListener('load', (e) => log.push('load:' + (e.target === document)));
    window.addEventListener('pageshow', (e) => log.push('pageshow:' + e.persisted));</script>
    """

  @Test func scriptsRunWhereTheParserMeetsThemAndTheLoadEventsFollowInOrder() throws {
    let site = try Site([
      "page.html": """
      <!doctype html><head>\(Self.logger)
      <script src="deferred.js" defer></script><script src="async.js" async></script></head>
      <body><p>one</p><script src="blocking.js"></script><p>two</p>
      <script>log.push('inline sees ' + document.querySelectorAll('p').length + ' paragraphs');
      setTimeout(() => log.push('timeout'), 0); Promise.resolve().then(() => log.push('microtask'));
      log.push('inline done');</script>
      <script src="missing.js" onerror="log.push('error event: missing.js')"></script>
      <img src="blocking.js" onload="log.push('image load')"><img src="nope.png" onerror="log.push('image error')">
      </body>
      """,
      "blocking.js":
        "log.push('blocking sees ' + document.querySelectorAll('p').length + ' paragraph, current ' + document.currentScript.getAttribute('src'));",
      "deferred.js": "log.push('deferred at ' + document.readyState);",
      "async.js": "log.push('async');",
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    guard case .array(let entries) = try page.evaluate("log") else {
      Issue.record("no log")
      return
    }
    let log = entries.compactMap(\.stringValue)
    // The parser-blocking script ran before the second paragraph was parsed; the inline one after.
    #expect(log.firstIndex(of: "blocking sees 1 paragraph, current blocking.js") != nil)
    #expect(log.firstIndex(of: "inline sees 2 paragraphs")! < log.firstIndex(of: "inline done")!)
    #expect(log.firstIndex(of: "inline done")! < log.firstIndex(of: "microtask")!)
    #expect(log.contains("error event: missing.js"))
    // "The end": interactive, the deferred script, DOMContentLoaded, complete, load, pageshow.
    let tail = log.filter {
      $0.hasPrefix("readystatechange") || $0.hasPrefix("deferred") || $0 == "DOMContentLoaded" || $0.hasPrefix("load")
        || $0.hasPrefix("pageshow")
    }
    #expect(
      tail == [
        "readystatechange:interactive", "deferred at interactive", "DOMContentLoaded", "readystatechange:complete", "load:true",
        "pageshow:false",
      ])
    // Images fire their events before the load event, which waits for them.
    #expect(log.firstIndex(of: "image load")! < log.firstIndex(of: "load:true")!)
    #expect(log.firstIndex(of: "image error")! < log.firstIndex(of: "load:true")!)
    #expect(log.firstIndex(of: "async")! < log.firstIndex(of: "load:true")!)
    #expect(try page.evaluate("document.readyState") == "complete")
    #expect(try page.evaluate("document.currentScript") == .null)
  }

  @Test func scriptsInsertedByPageCodeRunWhenLoadedAndInOrderWhenNotAsync() throws {
    let site = try Site([
      "page.html": """
      <!doctype html><script>var log = [];
      for (const name of ['slow', 'fast']) { const s = document.createElement('script'); s.src = name + '.js'; s.async = false; document.head.appendChild(s); }
      const inline = document.createElement('script'); inline.textContent = "log.push('inline inserted')"; document.head.appendChild(inline);
      log.push('after insertion');</script>
      """,
      "slow.js": "log.push('slow')", "fast.js": "log.push('fast')",
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    #expect(try page.evaluate("log") == ["inline inserted", "after insertion", "slow", "fast"])
  }

  @Test func uncaughtErrorsAreReportedWithTheirURLAndLineAndThePageGoesOn() throws {
    let site = try Site([
      "page.html":
        "<!doctype html>\n<script>\nvar ran = [];\nthrow new TypeError('boom');\n</script>\n<script src=\"broken.js\"></script>\n<script>ran.push('after');\nsetTimeout(() => { throw new Error('in a timer'); }, 5);</script>",
      "broken.js": "var x = 1;\nvar y = ;\n",
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    #expect(try page.evaluate("ran") == ["after"])
    _ = try page.realm.context.awaitPromise(try page.evaluate("new Promise((r) => setTimeout(r, 10))")) {
      try page.realm.pump(until: .now + .seconds(5), waitingOn: page.realm.context)
    }
    let errors = page.environment.errors
    #expect(errors.count == 3)
    #expect(errors.first?.name == "TypeError")
    #expect(errors.first?.message == "boom")
    // Inline scripts' lines count from the document's start, as Chromium's do.
    #expect(errors.first?.location?.hasPrefix(site.url("page.html") + ":") == true)
    #expect(errors.dropFirst().first?.name == "SyntaxError")
    #expect(errors.dropFirst().first?.location?.hasPrefix(site.url("broken.js") + ":2:") == true)
    #expect(errors.last?.message == "in a timer")
  }

  @Test func anErrorInAnEventHandlerAttributeNamesThePageAndTheHandlersLine() throws {
    let site = try Site(["page.html": "<!doctype html>\n<button onclick=\"var a = 1;\n  missing();\">go</button>"])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    _ = try page.evaluate("document.querySelector('button').click()")
    let error = try #require(page.environment.errors.first)
    #expect(error.name == "ReferenceError")
    // The handler's own lines (Chromium gives the document's: Caper's parser keeps no attribute positions).
    #expect(error.location?.hasPrefix(site.url("page.html") + ":2:") == true, "\(error)")
    #expect(error.stack.contains("onclick"), "\(error.stack)")
  }

  @Test func aRejectedFetchNamesThePagesLineNotCapersRuntime() throws {
    // A file: page cannot fetch file: URLs (Chrome's opaque file origin): the fetch rejects.
    let site = try Site(["page.html": "<!doctype html>\n<script>\n\nfetch('other.txt');\n</script>", "other.txt": "x"])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    _ = try page.realm.context.awaitPromise(try page.evaluate("new Promise((r) => setTimeout(r, 10))")) {
      try page.realm.pump(until: .now + .seconds(5), waitingOn: page.realm.context)
    }
    let error = try #require(page.environment.errors.first)
    #expect(error.message == "Failed to fetch")
    #expect(error.inPromise)
    #expect(error.location?.hasPrefix(site.url("page.html") + ":4:") == true, "\(error)")
    #expect(!error.stack.contains("caper:"), "\(error.stack)")
  }

  @Test func anErrorHandlerThatHandlesTheErrorKeepsItFromBeingReported() throws {
    let page = try PageFixture().page(
      "<script>window.onerror = (message, source, line) => { window.seen = [message, line]; return true; };</script><script>\nnull.x</script>"
    )
    defer { page.close() }
    #expect(page.environment.errors.isEmpty)
    #expect(try page.evaluate("seen[1]") == 2)
  }

  @Test func aTenSecondTimerCostsNoRealTimeAndDateReadsThePagesClock() throws {
    let page = try PageFixture().page(
      """
      <script>var result = null; const start = Date.now(), perf = performance.now();
      setTimeout(() => { result = [Date.now() - start, performance.now() - perf, new Date().getTime() >= start + 10000]; }, 10000);</script>
      """)
    defer { page.close() }
    let began = ContinuousClock.now
    _ = try page.realm.context.awaitPromise(try page.evaluate("new Promise((r) => setTimeout(r, 10001))")) {
      try page.realm.pump(until: .now + .seconds(5), waitingOn: page.realm.context)
    }
    #expect(ContinuousClock.now - began < .seconds(5))
    #expect(try page.evaluate("result") == [10000, 10000, true])
    #expect(
      try page.evaluate("[typeof Date(), new Date(0).toISOString(), Date.UTC(2020, 0), Date.length, new Date() instanceof Date]")
        == [
          "string", "1970-01-01T00:00:00.000Z", 1_577_836_800_000, 7, true,
        ])
  }

  @Test func pageScriptsCompileThroughTheCodeCacheAndInsertionsFromAHostCallbackDeferProduction() throws {
    let store = MemoryCodeCache()
    let bundle = "var bundleValue = (function () { var s = 0; for (var i = 0; i < 100; i++) s += i; return s; })();"
    let site = try Site([
      "page.html": "<script src=\"bundle.js\"></script>", "bundle.js": bundle, "late.js": "window.late = true;",
    ])
    // A first isolate compiles and produces the bundle's cache after it ran.
    do {
      let support = try Realm(template: RealmTemplate(name: "test-support", extensions: []), caches: RealmCaches(store: store)) {
        _ in [:]
      }
      let page = try Page(beside: support, document: try site.document("page.html"))
      #expect(try page.evaluate("bundleValue") == 4950)
      page.close()
    }
    let stored = store.statistics.stores
    #expect(stored >= 1)
    // A second isolate consumes it.
    let support = try Realm(template: RealmTemplate(name: "test-support", extensions: []), caches: RealmCaches(store: store)) {
      realm in [:]
    }
    let hitsBefore = store.statistics.hits
    let page = try Page(beside: support, document: try site.document("page.html"))
    defer { page.close() }
    #expect(store.statistics.hits > hitsBefore)
    // Support code calls into the page from a host callback; the page inserts an inline script
    // there: it compiles consume-only and its cache is produced back at the top level.
    let insert = try page.realm.context.evaluateReference(
      "() => { const s = document.createElement('script'); s.textContent = 'window.inserted = 6 * 7;'; document.body.appendChild(s); return window.inserted; }"
    )
    try support.context.define("clickInPage") { _ in try page.realm.context.call(insert) }
    let deferredBefore = support.loader.deferredProductions
    #expect(try support.context.evaluate("clickInPage()") == 42)
    #expect(support.loader.deferredProductions > deferredBefore)
    #expect(support.loader.pendingCount > 0)
    #expect(support.loader.produceDeferred() >= 1)
    #expect(support.loader.pendingCount == 0)
  }

  @Test func lodashDebounceAndThrottleCompleteInVirtualTimeWithFewTimerTasks() throws {
    // Debian's node-lodash, loaded by a saved page as a page loads a library.
    let lodash = "/usr/share/nodejs/lodash/lodash.js"
    let site = try Site([
      "page.html": """
      <script>var timers = 0; const set = window.setTimeout;
      window.setTimeout = function (...args) { timers++; return set.apply(this, args); };</script>
      <script src="\(URL(fileURLWithPath: lodash).absoluteString)"></script>
      <script>var calls = [];
      const debounced = _.debounce((v) => calls.push('debounced ' + v), 300);
      debounced(1); debounced(2); debounced(3);
      const throttled = _.throttle((v) => calls.push('throttled ' + v), 1000);
      var throttleTimersBefore = 0;</script>
      """
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    let began = ContinuousClock.now
    let wait = { (ms: Int) in
      _ = try page.realm.context.awaitPromise(try page.evaluate("new Promise((r) => setTimeout(r, \(ms)))")) {
        try page.realm.pump(until: .now + .seconds(5), waitingOn: page.realm.context)
      }
    }
    try wait(400)
    #expect(try page.evaluate("calls") == ["debounced 3"])
    // lodash's debounce re-arms its own timer: the three calls cost at most 3 timer tasks (+1 for the wait).
    #expect((try page.evaluate("timers").numberValue ?? 99) <= 4)
    _ = try page.evaluate("throttleTimersBefore = timers; throttled('a'); throttled('b'); throttled('c');")
    try wait(1100)
    #expect(try page.evaluate("calls") == ["debounced 3", "throttled a", "throttled c"])
    #expect((try page.evaluate("timers - throttleTimersBefore").numberValue ?? 99) <= 4)
    #expect(ContinuousClock.now - began < .seconds(5))
  }

  @Test func aSupportTimerLetsAPageTimerFireBesideIt() throws {
    let fixture = try PageFixture()
    let page = try fixture.page("<script>var fired = false; setTimeout(() => { fired = true; }, 500);</script>")
    defer { page.close() }
    let support = fixture.support
    try support.loop.installTimers(in: support.context)
    // The support realm waits a real second on its own timer; the page's clock runs beside it.
    _ = try support.context.awaitPromise(try support.context.evaluate("new Promise((r) => setTimeout(r, 1000))")) {
      try support.pump(until: .now + .seconds(5))
    }
    #expect(try page.evaluate("fired") == true)
  }
}
