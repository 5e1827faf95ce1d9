import Browser
import Foundation
import Testing
import _CaperTestSupport

/// What a page gets from how it was loaded: the encoding of a saved page that declares none, the
/// viewport the window reports, and element visibility from the cascade.
@Suite struct PageLoadingTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  @Test func aSavedUTF8PageWithoutADeclaredEncodingIsReadAsUTF8() throws {
    let bytes = Array("<title>no meta é</title><p>naïve</p>".utf8)
    let saved = try fixture.page(url: "file:///tmp/saved.html", bytes: bytes)
    #expect(try saved.evaluate("document.title + ' ' + document.characterSet").stringValue == "no meta é UTF-8")
    // Over HTTP nothing is guessed: the Encoding Standard's default for an undeclared page.
    let served = try fixture.page(url: "http://example.test/page.html", bytes: bytes)
    #expect(try served.evaluate("document.characterSet").stringValue == "windows-1252")
    // Bytes that are not UTF-8 keep the default.
    let legacy = try fixture.page(
      url: "file:///tmp/legacy.html", bytes: Array("<title>caf".utf8) + [0xE9] + Array("</title>".utf8))
    #expect(try legacy.evaluate("document.title + ' ' + document.characterSet").stringValue == "café windows-1252")
  }

  @Test func theWindowReportsTheViewport() throws {
    let page = try fixture.page("<p>x")
    #expect(
      try page.evaluate("[innerWidth, innerHeight, outerWidth, devicePixelRatio].join(' ')").stringValue == "1280 720 1280 1")
    #expect(try page.evaluate("matchMedia(`(width: ${innerWidth}px)`).matches") == .bool(true))
  }

  @Test func checkVisibilityFollowsTheCascade() throws {
    let page = try fixture.page(
      """
      <style>.gone { display: none } .faint { opacity: 0 } .ghost { visibility: hidden } .skip { content-visibility: hidden }</style>
      <p id=shown>a</p><p class=gone><b id=inGone>b</b></p><p id=faint class=faint>c</p><p id=ghost class=ghost>d</p>
      <div class=skip><span id=skipped>e</span></div>
      """)
    let result = try page.evaluate(
      """
      [shown.checkVisibility(), inGone.checkVisibility(), faint.checkVisibility(), faint.checkVisibility({ checkOpacity: true }),
       ghost.checkVisibility(), ghost.checkVisibility({ checkVisibilityCSS: true }), skipped.checkVisibility()].join(' ')
      """)
    #expect(result.stringValue == "true false true false true false false")
  }
}

/// Links resolve with their query in the document's encoding, as browsers encode-parse URLs.
@Suite struct DocumentEncodingURLTests {
  @Test func aQueryIsEncodedInTheDocumentsEncoding() throws {
    let fixture = try PageFixture()
    let latin =
      Array("<meta charset=windows-1252><a href=\"caf".utf8) + [0xE9] + Array(".html?q=".utf8) + [0xE9]
      + Array("&x=\u{20AC}#fr".utf8.map { $0 }) + Array("\">x</a>".utf8)
    let page = try fixture.page(url: "http://example.test/dir/", bytes: latin)
    // The path is always UTF-8; the query follows the document (é is E9; the UTF-8 bytes of € were
    // read as windows-1252 text, each encodable back); the fragment stays UTF-8.
    let href = try page.evaluate("document.querySelector('a').href").stringValue
    #expect(href?.hasPrefix("http://example.test/dir/caf%C3%A9.html?q=%E9&x=") == true, "\(href ?? "nil")")
    let japanese = try fixture.page(
      url: "http://example.test/",
      bytes: Array("<meta charset=shift_jis><a href=\"?q=".utf8) + [0x93, 0x8C, 0x8B, 0x9E] + Array("\">x</a>".utf8))
    #expect(try japanese.evaluate("document.querySelector('a').href").stringValue == "http://example.test/?q=%93%8C%8B%9E")
    #expect(try japanese.evaluate("document.characterSet").stringValue == "Shift_JIS")
    // A character the encoding lacks becomes a numeric reference.
    let missing = try fixture.page(
      url: "http://example.test/", bytes: Array("<meta charset=windows-1252><a href=\"?q=&#x4E2D;\">x</a>".utf8))
    #expect(try missing.evaluate("document.querySelector('a').href").stringValue == "http://example.test/?q=%26%2320013%3B")
    // UTF-8 documents are unchanged.
    let utf8 = try fixture.page("<meta charset=utf-8><a href=\"?q=é\">x</a>", url: "http://example.test/")
    #expect(try utf8.evaluate("document.querySelector('a').href").stringValue == "http://example.test/?q=%C3%A9")
  }
}
