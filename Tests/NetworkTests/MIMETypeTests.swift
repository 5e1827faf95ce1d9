import Network
import Testing

/// MIME Sniffing §4.4–4.5 parsing and serialization, and Fetch's extraction from headers.
@Suite struct MIMETypeTests {
  /// Inputs and their serialization after parsing.
  static let parsed: [(String, String)] = [
    ("text/html;charset=gbk", "text/html;charset=gbk"),
    ("TEXT/HTML;CHARSET=GBK", "text/html;charset=GBK"),
    ("text/html;charset=\"gbk\"", "text/html;charset=gbk"),
    ("text/html;charset=\"gbk", "text/html;charset=gbk"),
    ("text/html;charset=gbk;charset=windows-1255", "text/html;charset=gbk"),
    ("text/html;charset=;charset=gbk", "text/html;charset=gbk"),
    ("text/html;charset= gbk", "text/html;charset=\" gbk\""),
    ("text/html;charset=\"\"", "text/html;charset=\"\""),
    ("text/html;x=(;charset=gbk", "text/html;x=\"(\";charset=gbk"),
    (" text/html ;  charset=gbk ", "text/html;charset=gbk"),
    ("text/html;charset =gbk", "text/html"),
    ("text/html;charset", "text/html"),
    ("text/html;;;charset=gbk", "text/html;charset=gbk"),
    ("x/x;test=\"\\", "x/x;test=\"\\\\\""),
    ("x/x;test=\"a\\\"b\"", "x/x;test=\"a\\\"b\""),
    ("*/*", "*/*"),
    ("image/svg+xml", "image/svg+xml"),
  ]

  @Test(arguments: parsed)
  func parsesAndSerializes(input: String, serialized: String) throws {
    let mimeType = try #require(MIMEType(input))
    #expect(mimeType.description == serialized)
  }

  @Test(arguments: ["", "text", "text/", "/html", "te xt/html", "text/ht@ml", "\u{0B}text/html", "text/html\u{0B}", "text/;x=y"])
  func rejectsWhatIsNotAMIMEType(input: String) {
    #expect(MIMEType(input) == nil)
  }

  @Test func exposesEssenceAndParameters() throws {
    let mimeType = try #require(MIMEType("Text/HTML; Charset=UTF-8; level=1"))
    #expect(mimeType.type == "text")
    #expect(mimeType.subtype == "html")
    #expect(mimeType.essence == "text/html")
    #expect(mimeType.parameter(named: "charset") == "UTF-8")
    #expect(mimeType.parameters.map(\.name) == ["charset", "level"])
  }

  @Test func extractsTheLastTypeAndKeepsACharsetOfTheSameEssence() throws {
    func extract(_ values: String...) -> String? {
      MIMEType.extract(from: values.map { Header("Content-Type", $0) })?.description
    }
    #expect(extract("text/plain;charset=gbk, text/html") == "text/html")
    #expect(extract("text/html;charset=gbk", "text/html") == "text/html;charset=gbk")
    #expect(extract("text/html;charset=gbk, */*") == "text/html;charset=gbk")
    #expect(extract("text/html;charset=gbk, text/html;charset=utf-8") == "text/html;charset=utf-8")
    #expect(extract("text/html;charset=\"a,b\"") == "text/html;charset=\"a,b\"")
    #expect(extract("nonsense") == nil)
    #expect(MIMEType.extract(from: [Header("Content-Length", "3")]) == nil)
  }
}
