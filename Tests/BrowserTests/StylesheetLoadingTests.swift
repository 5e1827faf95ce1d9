import Browser
import Foundation
import Runtime
import Testing
import V8
import _CaperTestSupport

/// `<link rel=stylesheet>` in pages whose scripts run: fetched through the page's network, `load`
/// or `error` at the link, the load event delayed until the sheets are in, parser-inserted
/// scripts waiting for the sheets before them, and the cascade reading the text once it arrived.
@Suite struct StylesheetLoadingTests {
  static func css(_ site: ProbeSite, _ body: String, ms: Int = 0) -> String {
    site.baseURL + "respond?type=css&ms=\(ms)&body=" + (body.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
  }

  static func load(_ html: String, _ site: ProbeSite) throws -> Page {
    let url = site.baseURL + "respond?type=html&body=" + (html.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    _ = try? Data(contentsOf: URL(string: site.baseURL + "seq/reset")!)
    let document = try DocumentLoader.load(ScrapeInput(name: "sheets", location: .url(url)), options: Scraper.Options())
    return try PageFixture().page(document: document)
  }

  @Test func linksFireLoadOrErrorBeforeTheWindowsLoadAndScriptsWaitForThem() throws {
    let site = try ProbeSite.shared.get()
    let page = try Self.load(
      """
      <script>var log = []; function on(e) { log.push(e.target.id + ' ' + e.type + ' ' + e.isTrusted) }</script>
      <link id=sheet rel=stylesheet href="\(Self.css(site, "p { display: none } @import 'x';", ms: 200))" onload="on(event)" onerror="on(event)">
      <link id=missing rel=stylesheet href="\(site.baseURL)status/404" onload="on(event)" onerror="on(event)">
      <script>log.push('script ' + !!document.getElementById('sheet').sheet + ' ' + getComputedStyle(document.documentElement).display)</script>
      <p id=p>text</p>
      <script>addEventListener('load', () => log.push('window load ' + getComputedStyle(document.getElementById('p')).display))</script>
      """, site)
    defer { page.close() }
    #expect(
      try page.evaluate("log.join('|')")
        == "missing error true|sheet load true|script true block|window load none")
  }

  @Test func aLinkInsertedAfterLoadReachesTheCascadeWhenItsSheetArrives() throws {
    let site = try ProbeSite.shared.get()
    let page = try Self.load("<p id=p>text</p>", site)
    defer { page.close() }
    let href = Self.css(site, "@import '\(Self.css(site, "#p { visibility: hidden }"))'; p { display: inline-block }", ms: 50)
    #expect(
      try page.evaluate(
        """
        var loaded = false; var link = document.createElement('link'); link.rel = 'stylesheet'; link.href = '\(href)';
        link.onload = () => { loaded = true }; document.head.append(link);
        [link.sheet, getComputedStyle(document.getElementById('p')).display]
        """) == [nil, "block"])
    let context = page.realm.context
    let deadline = ContinuousClock.now + .seconds(10)
    while try page.evaluate("loaded") != true, try page.realm.loop.turn(until: deadline, waitingOn: context) {}
    #expect(
      try page.evaluate(
        "const s = getComputedStyle(document.getElementById('p')); [s.display, s.visibility, link.sheet.cssRules.length]")
        == ["inline-block", "hidden", 2])
  }
}
