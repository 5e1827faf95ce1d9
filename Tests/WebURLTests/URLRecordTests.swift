import Testing
import WebURL

/// `URLRecord`'s value semantics, errors and host helpers, beyond the WPT data.
@Suite struct URLRecordTests {
  @Test func copiesAreIndependent() throws {
    let original = try URLRecord(parsing: "https://example.com/a")
    var copy = original
    copy.pathname = "/b"
    #expect(original.href == "https://example.com/a")
    #expect(copy.href == "https://example.com/b")
  }

  @Test func failureNamesInputAndBase() {
    #expect(throws: InvalidURLError(input: "a b", base: "c:d")) { try URLRecord(parsing: "a b", base: "c:d") }
    #expect(URLRecord("a b", base: "c:d") == nil)
  }

  @Test func hrefSetterRefusesInvalidInputAndKeepsTheURL() throws {
    var url = try URLRecord(parsing: "https://example.com/")
    #expect(throws: InvalidURLError.self) { try url.setHref("relative") }
    #expect(url.href == "https://example.com/")
    try url.setHref("http://other.test:8080/p?q#h")
    #expect(url.components.port == "8080")
    #expect(url.origin == "http://other.test:8080")
  }

  @Test func parsesAgainstARecord() throws {
    let base = try URLRecord(parsing: "https://example.com/dir/page")
    #expect(URLRecord("../up", base: base)?.href == "https://example.com/up")
  }

  @Test func hostHelpers() {
    #expect(Host.domainToASCII("BÜcher.example") == "xn--bcher-kva.example")
    #expect(Host.domainToASCII("xn--") == nil)
    #expect(Host.domainToUnicode("xn--bcher-kva.example") == "bücher.example")
    #expect(Host.parse("0x7f.1") == "127.0.0.1")
    #expect(Host.parse("exa mple") == nil)
  }
}
