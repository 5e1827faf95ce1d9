import Browser
import Foundation
import Testing

/// `<meta http-equiv=refresh>` (HTML §4.2.5.3, the shared declarative refresh steps): the first
/// one inserted into the document that parses is recorded as a navigation request, with its URL
/// resolved and how it was asked for; Caper does not navigate yet.
@Suite struct MetaRefreshTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  func navigations(_ html: String) throws -> [NavigationRequest] {
    let page = try fixture.page(html, url: "https://example.test/dir/page.html")
    defer { page.close() }
    return page.environment.navigations
  }

  @Test func theContentsDelayAndURLAreParsedAsTheSpecificationSays() throws {
    let cases: [(String, NavigationRequest?)] = [
      (
        "5; url=next.html",
        NavigationRequest(url: "https://example.test/dir/next.html", how: "<meta http-equiv=refresh> after 5 s")
      ),
      (
        "0;URL='/quoted?a=1'junk",
        NavigationRequest(url: "https://example.test/quoted?a=1", how: "<meta http-equiv=refresh> after 0 s")
      ),
      (
        "  3 , \"other.html\"",
        NavigationRequest(url: "https://example.test/dir/other.html", how: "<meta http-equiv=refresh> after 3 s")
      ),
      (
        "2.5 https://elsewhere.test/",
        NavigationRequest(url: "https://elsewhere.test/", how: "<meta http-equiv=refresh> after 2 s")
      ),
      ("7", NavigationRequest(url: "https://example.test/dir/page.html", how: "<meta http-equiv=refresh> after 7 s")),
      (
        ".5;url=dot.html", NavigationRequest(url: "https://example.test/dir/dot.html", how: "<meta http-equiv=refresh> after 0 s")
      ),
      (
        "1; uri=x.html", NavigationRequest(url: "https://example.test/dir/uri=x.html", how: "<meta http-equiv=refresh> after 1 s")
      ),
      ("soon; url=x.html", nil),
      ("5x; url=x.html", nil),
      ("0; url=javascript:alert(1)", nil),
      ("", nil),
    ]
    for (content, expected) in cases {
      let html = "<head><meta http-equiv=Refresh content=\"\(content.replacingOccurrences(of: "\"", with: "&quot;"))\"></head>"
      #expect(try navigations(html) == (expected.map { [$0] } ?? []), "\(content)")
    }
  }

  @Test func onlyTheFirstRefreshOfADocumentCountsAndScriptsMayInsertIt() throws {
    let twice = "<meta http-equiv=refresh content='1;url=a.html'><meta http-equiv=refresh content='2;url=b.html'>"
    #expect(try navigations(twice).map(\.url) == ["https://example.test/dir/a.html"])
    let inserted = """
      <script>
        const meta = document.createElement('meta');
        meta.httpEquiv = 'refresh';
        meta.content = '0; url=from-script.html';
        document.head.append(meta);
      </script>
      """
    #expect(try navigations(inserted).map(\.url) == ["https://example.test/dir/from-script.html"])
    let detached =
      "<script>const m = document.createElement('meta'); m.httpEquiv = 'refresh'; m.content = '0'; document.createElement('div').append(m);</script>"
    #expect(try navigations(detached).isEmpty)
  }

  @Test func scriptNavigationsAreRecordedWithHowTheyWereAsked() throws {
    let page = try fixture.page("", url: "https://example.test/dir/page.html")
    defer { page.close() }
    _ = try page.evaluate("location.href = 'other.html'; location.reload();")
    #expect(
      page.environment.navigations.map { [$0.url, $0.how, $0.historyHandling.rawValue, $0.referrer ?? "none"] } == [
        ["https://example.test/dir/other.html", "a script set location", "push", "https://example.test/dir/page.html"],
        ["https://example.test/dir/page.html", "a script reloaded", "reload", "https://example.test/dir/page.html"],
      ])
    #expect(page.environment.navigationRequests == page.environment.navigations.map(\.url))
  }
}
