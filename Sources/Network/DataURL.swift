/// The MIME type and body a `data:` URL holds, as the Fetch standard's data: URL processor
/// (§4.2 scheme fetch, "data: URL processor") gives them.
///
/// `init?(_:)` takes the URL serialized (as the URL parser leaves it); the fragment is ignored.
/// A `;base64` body is forgiving-base64 decoded (Infra §4.6), any other is percent-decoded
/// (URL §1.3). A MIME type that does not parse becomes `text/plain;charset=US-ASCII`.
public struct DataURL: Sendable, Equatable {
  /// The MIME type of the data.
  public var mimeType: MIMEType
  /// The data.
  public var body: [UInt8]

  /// Processes `url`, or returns nil when it is not a data: URL or the processor fails (no comma,
  /// bad base64).
  public init?(_ url: String) {
    var input = Substring(url)
    if let hash = input.firstIndex(of: "#") { input = input[..<hash] }
    guard input.utf8.count >= 5, input.prefix(5).lowercased() == "data:" else { return nil }
    let scalars = Array(input.dropFirst(5).unicodeScalars)
    guard let comma = scalars.firstIndex(of: ",") else { return nil }

    var mimeType = Array(scalars[..<comma])
    while let first = mimeType.first, Self.isASCIIWhitespace(first) { mimeType.removeFirst() }
    while let last = mimeType.last, Self.isASCIIWhitespace(last) { mimeType.removeLast() }
    var body = Self.percentDecode(Array(HTTPSyntax.string(Array(scalars[(comma + 1)...])).utf8))

    if let base64End = Self.base64SuffixStart(of: mimeType) {
      guard let decoded = ForgivingBase64.decode(body) else { return nil }
      body = decoded
      mimeType.removeSubrange(base64End...)
      while mimeType.last == " " { mimeType.removeLast() }
      mimeType.removeLast()
    }
    var essence = HTTPSyntax.string(mimeType)
    if essence.hasPrefix(";") { essence = "text/plain" + essence }
    self.mimeType =
      MIMEType(essence) ?? MIMEType(type: "text", subtype: "plain", parameters: [.init(name: "charset", value: "US-ASCII")])
    self.body = body
  }

  /// Where `;`, zero or more spaces and `base64` (ASCII case-insensitive) ending `mimeType`
  /// start, at the `base64`, or nil.
  private static func base64SuffixStart(of mimeType: [Unicode.Scalar]) -> Int? {
    guard mimeType.count >= 7 else { return nil }
    let start = mimeType.count - 6
    guard HTTPSyntax.asciiLowercase(mimeType[start...]) == "base64" else { return nil }
    var index = start - 1
    while index >= 0, mimeType[index] == " " { index -= 1 }
    return index >= 0 && mimeType[index] == ";" ? start : nil
  }

  private static func isASCIIWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\r" || scalar == " "
  }

  /// URL §1.3 percent-decode: `%` and two hex digits become that byte; anything else stays.
  static func percentDecode(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
        let low = hexValue(bytes[index + 2])
      {
        output.append(high << 4 | low)
        index += 3
      } else {
        output.append(byte)
        index += 1
      }
    }
    return output
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
