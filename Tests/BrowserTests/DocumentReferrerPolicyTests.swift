import Browser
import Foundation
import Testing
import _CaperTestSupport

/// The document's referrer policy (`PageEnvironment.referrerPolicy`): from the `Referrer-Policy`
/// header of the document's response, replaced by a `<meta name=referrer>`, and applied to the
/// document's fetches (the `Referer` the probe server echoes).
@Suite struct DocumentReferrerPolicyTests {
  /// Loads a page served with `headers` whose script fetches `/echo` and keeps the `Referer` it
  /// got in `window.referer` (`null` for none); gives the page once the answer is in.
  static func load(_ html: String, headers: [String], _ site: ProbeSite) throws -> Page {
    let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
    let url =
      site.baseURL + "respond?type=html" + headers.map { "&header=" + encode($0) }.joined() + "&body="
      + encode(html + "<script>fetch('/echo').then((r) => r.json()).then((e) => { window.referer = e.referer })</script>")
    _ = try? Data(contentsOf: URL(string: site.baseURL + "seq/reset")!)
    let document = try DocumentLoader.load(ScrapeInput(name: "referrer", location: .url(url)), options: Scraper.Options())
    let page = try PageFixture().page(document: document)
    let deadline = ContinuousClock.now + .seconds(10)
    while try page.evaluate("window.referer === undefined") == true,
      try page.realm.loop.turn(until: deadline, waitingOn: page.realm.context)
    {}
    return page
  }

  @Test func theResponseHeaderSetsThePolicy() throws {
    let site = try ProbeSite.shared.get()
    let page = try Self.load("<p>header</p>", headers: ["Referrer-Policy: no-referrer, origin, not-a-policy"], site)
    defer { page.close() }
    #expect(page.environment.referrerPolicy == .origin)
    #expect(try page.evaluate("window.referer") == .string(site.baseURL))
  }

  @Test func aMetaElementReplacesTheHeadersPolicy() throws {
    let site = try ProbeSite.shared.get()
    let page = try Self.load(
      "<meta name=Referrer content=NEVER><p>meta</p>", headers: ["Referrer-Policy: unsafe-url"], site)
    defer { page.close() }
    #expect(page.environment.referrerPolicy == .noReferrer)
    #expect(try page.evaluate("window.referer") == .null)
  }

  @Test func withoutEitherTheDefaultPolicySendsTheURL() throws {
    let site = try ProbeSite.shared.get()
    let page = try Self.load("<meta name=referrer content=''><p>none</p>", headers: [], site)
    defer { page.close() }
    #expect(page.environment.referrerPolicy == nil)
    #expect(try page.evaluate("window.referer").stringValue?.hasPrefix(site.baseURL + "respond?type=html") == true)
  }
}
