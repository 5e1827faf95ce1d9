import Browser
import Foundation
import Runtime
import Testing
import V8
import _CaperTestSupport

/// A page as a top-level traversable (`Page+Navigation.swift`).
///
/// Links and `goto` load the next document in a new realm with a session history entry, `goBack`/`goForward`/`reload` load the
/// entries' documents again, popups and downloads land in the browser context, a POST is never
/// resubmitted, and a failed navigation keeps the document. Over the probe site's server.
@Suite struct PageNavigationTests {
  let fixture: PageFixture
  let site: ProbeSite

  init() throws {
    fixture = try PageFixture()
    site = try ProbeSite.shared.get()
  }

  /// A page loaded from the site (its own document fetched as a browser does).
  func page(_ path: String, context: BrowserContext = BrowserContext()) throws -> Page {
    let document = try DocumentLoader.load(
      ScrapeInput(name: path, location: .url(site.baseURL + path)), options: Scraper.Options(), browserContext: context)
    return try Page(beside: fixture.support, document: document, browserContext: context)
  }

  @Test func linksAndTheHistoryLoadEachDocumentInANewRealm() throws {
    let page = try page("probes/input-history/resources/page2.html")
    defer { page.close() }
    let first = page.realm
    try page.click("#to3")
    #expect(page.environment.url == site.baseURL + "probes/input-history/resources/page3.html")
    #expect(page.realm !== first)
    #expect(
      try page.evaluate("[document.title, history.length, document.referrer].join('|')").stringValue
        == "page3.html|3|\(site.baseURL)probes/input-history/resources/page2.html")
    #expect(try page.goBack())
    #expect(try page.evaluate("document.title") == .string("page2.html"))
    #expect(try page.goForward())
    #expect(try page.evaluate("document.title") == .string("page3.html"))
    #expect(try !page.goForward(), "no entry after the last")
    let before = page.documentNumber
    try page.reload()
    #expect(page.documentNumber == before + 1)
    #expect(
      page.history.entries.map { $0.url.replacingOccurrences(of: site.baseURL, with: "/") } == [
        "about:blank", "/probes/input-history/resources/page2.html", "/probes/input-history/resources/page3.html",
      ])
  }

  @Test func aBlankTargetOpensAPopupAndADownloadLinkSavesItsFile() throws {
    let context = BrowserContext()
    let page = try fixture.page(
      """
      <a id=pop target=_blank href="/respond?type=html&body=%3Ctitle%3Epopped%3C%2Ftitle%3E">pop</a>
      <a id=save download="greeting.txt" href="/respond?body=hello">save</a>
      <a id=attached href="/respond?body=a,b&header=Content-Disposition:attachment;%20filename%3Dtable.csv">csv</a>
      """, url: site.baseURL + "start.html", context: context)
    defer { page.close() }
    try page.click("#pop")
    try page.click("#save")
    try page.click("#attached")
    try page.waitForLoadState(.networkidle, timeout: .seconds(10))
    let popup = try #require(page.popups.first)
    try popup.waitForLoadState(.load, timeout: .seconds(10))
    #expect(try popup.evaluate("document.title") == .string("popped"))
    #expect(page.environment.url == site.baseURL + "start.html", "an attachment does not replace the document")
    let downloads = context.downloads.sorted { $0.suggestedFilename < $1.suggestedFilename }
    #expect(downloads.map(\.suggestedFilename) == ["greeting.txt", "table.csv"])
    #expect(try downloads.map { try String(contentsOfFile: $0.path ?? "", encoding: .utf8) } == ["hello", "a,b"])
  }

  @Test func aReloadedPostIsLoadedWithGetAndTheConsoleSaysSo() throws {
    let page = try fixture.page(
      "<form method=post action=/echo><input name=a value=1><button id=go>go</button></form>", url: site.baseURL + "form.html")
    defer { page.close() }
    /// The method and body `/echo` saw, from the document it answered.
    func echoed() throws -> [String] {
      let text = try page.evaluate("document.body.textContent").stringValue ?? ""
      let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      return [object?["method"] as? String ?? "none", object?["body"] as? String ?? ""]
    }
    try page.click("#go")
    try page.waitForLoadState(.load, timeout: .seconds(10))
    #expect(try echoed() == ["POST", "a=1"])
    try page.reload()
    #expect(try echoed() == ["GET", ""])
    #expect(page.consoleMessages.contains { $0.type == "warning" && $0.text.contains("Caper does not resubmit it") })
  }

  @Test func aFailedNavigationKeepsTheDocument() throws {
    let page = try fixture.page("<title>kept</title>", url: site.baseURL + "kept.html")
    defer { page.close() }
    #expect(throws: PageLoadError.self) { try page.goto("http://127.0.0.1:1/", timeout: .seconds(10)) }
    #expect(try page.evaluate("document.title") == .string("kept"))
    #expect(page.navigationFailures.count == 1)
  }

  @Test func aPageWithoutScriptsNavigatesWithoutThem() throws {
    let document = LoadedDocument(
      url: site.baseURL + "still.html",
      bytes: Array(
        "<a id=l href=/respond?type=html&body=%3Cscript%3Edocument.title%3D%27ran%27%3C%2Fscript%3E%3Ctitle%3Equiet%3C%2Ftitle%3E>l</a>"
          .utf8), contentType: "text/html")
    let page = try Page(beside: fixture.support, document: document, scripts: false)
    defer { page.close() }
    try page.goto("/respond?type=html&body=%3Cscript%3Edocument.title%3D%27ran%27%3C%2Fscript%3E%3Ctitle%3Equiet%3C%2Ftitle%3E")
    #expect(try page.evaluate("document.title") == .string("quiet"))
  }
}

extension PageFixture {
  /// A page loaded from `html` at `url` in `context`.
  func page(_ html: String, url: String, context: BrowserContext) throws -> Page {
    try Page(
      beside: support, document: LoadedDocument(url: url, bytes: Array(html.utf8), contentType: "text/html"),
      browserContext: context)
  }
}
