import Testing

/// "Change the encoding" (HTML §13.2.3.4) end to end: a page whose `<meta>` declaring its encoding
/// lies past the prescan's first 1,024 bytes is sniffed as windows-1252 (tentative), and the tree
/// builder's `<meta>` makes the page be parsed again in the declared encoding.
@Suite struct ChangingTheEncodingTests {
  /// A comment of `count` ASCII bytes, which pushes what follows past the prescan.
  static func padding(_ count: Int = 1_200) -> [UInt8] {
    Array("<!--".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: count) + Array("-->".utf8)
  }

  static func page(meta: String, body: [UInt8]) -> [UInt8] {
    Array("<!DOCTYPE html><html><head><title>t</title>".utf8) + padding() + Array("\(meta)</head><body><p id=p>".utf8)
      + body + Array("</p></body></html>".utf8)
  }

  @Test func aWindows1252PageWithALateMetaKeepsItsEncodingAndText() throws {
    // "café – 20 €" in windows-1252: é 0xE9, en dash 0x96, euro sign 0x80.
    let body: [UInt8] = Array("caf".utf8) + [0xE9, 0x20, 0x96, 0x20] + Array("20 ".utf8) + [0x80]
    let page = try PageFixture().page(bytes: Self.page(meta: "<meta charset=\"windows-1252\">", body: body))
    #expect(try page.evaluate("document.characterSet").stringValue == "windows-1252")
    #expect(try page.evaluate("document.getElementById('p').textContent").stringValue == "café – 20 €")
    #expect(try page.evaluate("document.title").stringValue == "t")
  }

  @Test func aLateMetaNamingAnotherEncodingReparsesThePage() throws {
    // UTF-8 bytes, read as windows-1252 until the late <meta> is seen.
    let utf8 = try PageFixture().page(bytes: Self.page(meta: "<meta charset=utf-8>", body: Array("café – 20 €".utf8)))
    #expect(try utf8.evaluate("document.characterSet").stringValue == "UTF-8")
    #expect(try utf8.evaluate("document.getElementById('p').textContent").stringValue == "café – 20 €")
    // "привет" in KOI8-R, declared by a pragma.
    let pragma = "<meta http-equiv=Content-Type content=\"text/html; charset=koi8-r\">"
    let koi8 = try PageFixture().page(bytes: Self.page(meta: pragma, body: [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]))
    #expect(try koi8.evaluate("document.characterSet").stringValue == "KOI8-R")
    #expect(try koi8.evaluate("document.getElementById('p').textContent").stringValue == "привет")
  }

  @Test func utf16AndXUserDefinedAreAdjustedAndACertainEncodingStays() throws {
    // A meta naming UTF-16 means UTF-8 (the bytes are ASCII-compatible, as the meta was read).
    let utf16 = try PageFixture().page(bytes: Self.page(meta: "<meta charset=utf-16le>", body: Array("é".utf8)))
    #expect(try utf16.evaluate("document.characterSet").stringValue == "UTF-8")
    #expect(try utf16.evaluate("document.getElementById('p').textContent").stringValue == "é")
    // x-user-defined means windows-1252, the encoding already in use.
    let userDefined = try PageFixture().page(bytes: Self.page(meta: "<meta charset=x-user-defined>", body: [0xE9]))
    #expect(try userDefined.evaluate("document.characterSet").stringValue == "windows-1252")
    #expect(try userDefined.evaluate("document.getElementById('p').textContent").stringValue == "é")
    // A byte order mark makes the confidence certain: the late meta changes nothing.
    let bom = try PageFixture().page(bytes: [0xEF, 0xBB, 0xBF] + Self.page(meta: "<meta charset=koi8-r>", body: Array("é".utf8)))
    #expect(try bom.evaluate("document.characterSet").stringValue == "UTF-8")
    #expect(try bom.evaluate("document.getElementById('p').textContent").stringValue == "é")
  }
}
