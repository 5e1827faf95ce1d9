import CodeCache
import HTML
import Runtime
import Testing
import V8

@testable import Browser

@Suite struct FetchedScriptSourcesTests {
  /// The key a page would get by evaluating `text` as a string under `url`.
  private func key(_ text: String, _ url: String) -> CodeCacheKey {
    var text = text
    return text.withUTF8 { ScriptLoader.classicKey(filename: url, utf8: UnsafeRawBufferPointer($0)) }
  }

  @Test func theSameBodyFromTheSameURLIsDecodedOnce() {
    let sources = FetchedScriptSources()
    let body = Array("var answer = 42;".utf8)
    let first = sources.script(url: "http://a.test/app.js", body: body, encoding: .utf8)
    let again = sources.script(url: "http://a.test/app.js", body: body, encoding: .utf8)
    #expect(first.source === again.source)
    #expect(first.key == key("var answer = 42;", "http://a.test/app.js"))
    // Another URL, another encoding or changed bytes are other scripts.
    #expect(sources.script(url: "http://a.test/other.js", body: body, encoding: .utf8).source !== first.source)
    #expect(sources.script(url: "http://a.test/app.js", body: body, encoding: .windows1252).source !== first.source)
    let changed = sources.script(url: "http://a.test/app.js", body: Array("var answer = 43;".utf8), encoding: .utf8)
    #expect(changed.source !== first.source)
    #expect(changed.key == key("var answer = 43;", "http://a.test/app.js"))
  }

  @Test func decodingFollowsTheEncodingStandard() {
    let sources = FetchedScriptSources()
    let url = "http://a.test/s.js"
    // A UTF-8 byte order mark is dropped.
    #expect(sources.script(url: url, body: [0xEF, 0xBB, 0xBF] + Array("x()".utf8), encoding: .utf8).key == key("x()", url))
    // A UTF-16 byte order mark wins over the script's encoding.
    let utf16: [UInt8] = [0xFF, 0xFE] + "é()".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(sources.script(url: url, body: utf16, encoding: .utf8).key == key("é()", url))
    // windows-1252: 0x80 is the euro sign.
    #expect(sources.script(url: url, body: [0x80, 0x3B], encoding: .windows1252).key == key("€;", url))
    // Invalid UTF-8 becomes U+FFFD per maximal subpart (one for E2 82, one for FF), as the
    // standard's decoder gives.
    let invalid: [UInt8] = [0x61, 0xE2, 0x82, 0xFF, 0x62]
    #expect(sources.script(url: url, body: invalid, encoding: .utf8).key == key("a\u{FFFD}\u{FFFD}b", url))
  }

  @Test func theLeastRecentlyUsedScriptsGoFirstBeyondTheCapacity() {
    // Each entry holds 200 bytes (a body of 100 and its Latin-1 text): two fit.
    let sources = FetchedScriptSources(capacity: 450)
    let body = Array(String(repeating: "a", count: 100).utf8)
    let first = sources.script(url: "http://a.test/1.js", body: body, encoding: .utf8)
    let second = sources.script(url: "http://a.test/2.js", body: body, encoding: .utf8)
    #expect(sources.script(url: "http://a.test/1.js", body: body, encoding: .utf8).source === first.source)
    // 2 is now the least recently used: 3 takes its place.
    _ = sources.script(url: "http://a.test/3.js", body: body, encoding: .utf8)
    #expect(sources.script(url: "http://a.test/1.js", body: body, encoding: .utf8).source === first.source)
    #expect(sources.script(url: "http://a.test/2.js", body: body, encoding: .utf8).source !== second.source)
  }
}
