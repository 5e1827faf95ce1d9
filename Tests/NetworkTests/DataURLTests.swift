import Network
import Testing

/// The Fetch standard's data: URL processor, with the Infra standard's forgiving-base64 decode.
@Suite struct DataURLTests {
  /// A URL, the MIME type it yields (serialized) and its body.
  static let processed: [(String, String, [UInt8])] = [
    ("data:,X", "text/plain;charset=US-ASCII", [88]),
    ("data://test/,X", "text/plain;charset=US-ASCII", [88]),
    ("DATA:,X", "text/plain;charset=US-ASCII", [88]),
    ("data:,X#fragment", "text/plain;charset=US-ASCII", [88]),
    ("data:,%FF%zz", "text/plain;charset=US-ASCII", [255, 37, 122, 122]),
    ("data:text/plain,X X", "text/plain", [88, 32, 88]),
    ("data:text/html    ;charset=x   ,X", "text/html;charset=x", [88]),
    ("data:;charset=x,X", "text/plain;charset=x", [88]),
    ("data:;base64,W10=", "text/plain;charset=US-ASCII", [91, 93]),
    ("data:;base64,W10", "text/plain;charset=US-ASCII", [91, 93]),
    ("data:;base64,W1", "text/plain;charset=US-ASCII", [91]),
    ("data:;base64 ,W10=", "text/plain;charset=US-ASCII", [91, 93]),
    ("data:; base64,W10=", "text/plain;charset=US-ASCII", [91, 93]),
    ("data:;BASE64,W10=", "text/plain;charset=US-ASCII", [91, 93]),
    ("data:;base64,W%0D%0A1 0=", "text/plain;charset=US-ASCII", [91, 93]),
    ("data:;charset=x;base64,W10=", "text/plain;charset=x", [91, 93]),
    ("data:;base64;base64,W10=", "text/plain", [91, 93]),
    ("data:text/plain;base64x,W10=", "text/plain", [87, 49, 48, 61]),
    ("data:text/html;base64,PGI+PC9iPg==", "text/html", Array("<b></b>".utf8)),
    ("data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E", "image/svg+xml;charset=utf-8", Array("<svg/>".utf8)),
  ]

  @Test(arguments: processed)
  func processes(url: String, mimeType: String, body: [UInt8]) throws {
    let data = try #require(DataURL(url))
    #expect(data.mimeType.description == mimeType)
    #expect(data.body == body)
  }

  @Test(arguments: ["data:", "data:text/html", "http:,X", "data:;base64,W", "data:;base64,W!0=", "data:;base64,W10==="])
  func rejects(url: String) {
    #expect(DataURL(url) == nil)
  }
}
