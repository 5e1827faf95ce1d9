import Browser
import Foundation
import Runtime
import Testing
import V8
import _CaperTestSupport

/// Iframes as nested documents (HTML §4.8.5, §7.3.1): each in a page realm of its own, made in a
/// task, reachable both ways when same-origin, delaying the parent's load event until the
/// frame's load; cross-origin frames stay about:blank.
@Suite struct FramesTests {
  /// The text of `/respond` for an HTML body.
  static func respond(_ site: ProbeSite, _ body: String, ms: Int = 0) -> String {
    let encoded = body.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    return site.baseURL + "respond?type=html&ms=\(ms)&body=\(encoded)"
  }

  static let parentLog = """
    <script>var log = [];
    document.addEventListener('DOMContentLoaded', () => log.push('parent DOMContentLoaded'));
    addEventListener('load', () => log.push('parent load'));</script>
    """

  @Test func aSrcdocFrameIsANestedDocumentReachedBothWays() throws {
    let page = try PageFixture().page(
      """
      \(Self.parentLog)
      <iframe id="frame" srcdoc="<p>inside</p><script>parent.log.push('child ' + frameElement.id + ' ' + (parent !== window) + ' ' + (top === parent) + ' ' + document.URL); addEventListener('load', () => parent.log.push('child load'))</script>"
        onload="log.push('iframe load ' + this.contentDocument.readyState)"></iframe>
      """)
    defer { page.close() }
    #expect(
      try page.evaluate("log.join('|')")
        == "parent DOMContentLoaded|child frame true true about:srcdoc|child load|iframe load complete|parent load")
    #expect(try page.evaluate("document.getElementById('frame').contentDocument.querySelector('p').textContent") == "inside")
    #expect(
      try page.evaluate(
        "const f = document.getElementById('frame'); [length, window[0] === f.contentWindow, f.contentWindow.document === f.contentDocument, frameElement]"
      ) == [1, true, true, nil])
  }

  @Test func aSameOriginSrcFrameLoadsOverTheNetworkBeforeTheParentsLoad() throws {
    let site = try ProbeSite.shared.get()
    let child = Self.respond(
      site,
      "<script>parent.log.push('child script ' + document.readyState); addEventListener('load', () => { window.loaded = true; parent.log.push('child load') })</script>",
      ms: 100)
    let parent = Self.respond(
      site,
      "\(Self.parentLog)<iframe id=frame src='\(child)' onload=\"log.push('iframe load ' + this.contentWindow.loaded)\"></iframe>"
    )
    _ = try? Data(contentsOf: URL(string: site.baseURL + "seq/reset")!)
    let document = try DocumentLoader.load(ScrapeInput(name: "frames", location: .url(parent)), options: Scraper.Options())
    let page = try PageFixture().page(document: document)
    defer { page.close() }
    #expect(
      try page.evaluate("log.join('|')")
        == "parent DOMContentLoaded|child script loading|child load|iframe load true|parent load")
  }

  /// Virtual-time rule 2 covers "a request of the page or its frames": while a frame's fetch waits
  /// for its response, the parent's clock runs at the real rate, so a wait on the parent does not
  /// jump it past its 10-second timer first.
  @Test func aFramesFetchHoldsTheParentsClockUntilItsResponse() throws {
    let site = try ProbeSite.shared.get()
    let slow = site.baseURL + "delay?ms=300&type=text&body=late"
    let child = Self.respond(
      site,
      "<script>addEventListener('load', () => fetch('\(slow)').then((r) => r.text()).then((text) => parent.fetched(text + ' ' + !parent.timerFired)))</script>"
    )
    let parent = Self.respond(
      site,
      "<script>addEventListener('load', () => setTimeout(() => { window.timerFired = true; }, 10000));</script><iframe src='\(child)'></iframe>"
    )
    _ = try? Data(contentsOf: URL(string: site.baseURL + "seq/reset")!)
    let document = try DocumentLoader.load(ScrapeInput(name: "frames", location: .url(parent)), options: Scraper.Options())
    let page = try PageFixture().page(document: document)
    defer { page.close() }
    let context = page.realm.context
    // The parent has no timer of its own but the 10-second one: unheld, a wait on it jumps there.
    let done = try context.evaluate("new Promise((resolve) => { window.fetched = resolve; })")
    #expect(try context.awaitPromise(done) { try page.realm.pump(until: .now + .seconds(5), waitingOn: context) } == "late true")
  }

  /// A frame runs on its page's clock: a wait on the page runs the frame's timers, intervals and
  /// animation frames in due order with the page's, and the frame's `performance.now()` counts from
  /// its own start.
  @Test func aFramesTimersRunOnItsPagesClock() throws {
    let page = try PageFixture().page(
      """
      <script>var log = []; var finished = new Promise((resolve) => { window.finish = resolve; });
      setTimeout(() => log.push('page 100'), 100);</script>
      <iframe srcdoc="<script>
        setTimeout(() => parent.log.push('frame 50 ' + (performance.now() >= 50)), 50);
        requestAnimationFrame(() => parent.log.push('frame animation frame'));
        let n = 0; const id = setInterval(() => { parent.log.push('frame interval ' + ++n); if (n === 3) { clearInterval(id); parent.finish(); } }, 200);
      </script>"></iframe>
      """)
    defer { page.close() }
    let context = page.realm.context
    _ = try context.awaitPromise(try page.evaluate("finished")) {
      try page.realm.pump(until: .now + .seconds(5), waitingOn: context)
    }
    #expect(
      try page.evaluate("log.join('|')")
        == "frame animation frame|frame 50 true|page 100|frame interval 1|frame interval 2|frame interval 3")
  }

  @Test func aFileFrameOfAFilePageIsCrossOriginAndStaysBlank() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caper-frames-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("<p>secret</p>".utf8).write(to: folder.appendingPathComponent("child.html"))
    let html =
      "\(Self.parentLog)<iframe id=frame src=child.html onload=\"log.push('iframe load ' + this.contentDocument.URL + ' ' + this.contentDocument.body.innerHTML)\"></iframe>"
    try Data(html.utf8).write(to: folder.appendingPathComponent("page.html"))
    let page = try PageFixture().page(
      document: LoadedDocument(
        url: folder.appendingPathComponent("page.html").absoluteString, bytes: Array(html.utf8), contentType: "text/html"))
    defer { page.close() }
    #expect(try page.evaluate("log.join('|')") == "parent DOMContentLoaded|iframe load about:blank |parent load")
    #expect(page.environment.consoleMessages.contains { $0.type == "warning" && $0.text.contains("cross-origin") })
  }

  @Test func aRemovedIframeLetsItsFrameGoAndAnInsertedOneLoadsInATask() throws {
    let page = try PageFixture().page("<iframe id=frame srcdoc='<p>one</p>'></iframe>")
    defer { page.close() }
    #expect(
      try page.evaluate("const f = document.getElementById('frame'); f.remove(); [f.contentWindow, f.contentDocument, length]")
        == [nil, nil, 0])
    #expect(
      try page.evaluate(
        "var added = document.createElement('iframe'); added.srcdoc = '<p>two</p>'; var loads = 0; added.onload = () => loads++; document.body.append(added); added.contentWindow"
      ) == nil)
    let context = page.realm.context
    let deadline = ContinuousClock.now + .seconds(10)
    while try page.evaluate("loads") != 1, try page.realm.loop.turn(until: deadline, waitingOn: context) {}
    #expect(
      try page.evaluate("[loads, added.contentDocument.body.textContent, added.contentWindow.parent === window]") == [
        1, "two", true,
      ])
  }
}
