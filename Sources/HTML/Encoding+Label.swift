extension Encoding {
  /// The encoding a label names, as the Encoding Standard's "get an encoding" finds it (§4.2).
  ///
  /// Leading and trailing ASCII whitespace (TAB, LF, FF, CR, SPACE) is removed and the rest is
  /// matched ASCII case-insensitively against the standard's labels; `nil` is the standard's failure.
  /// The labels of `replacement` (`iso-2022-kr`, `hz-gb-2312`, ...) are labels like any other.
  public init?(label: some StringProtocol) {
    self.init(labelBytes: Array(label.utf8))
  }

  /// The encoding a label given as bytes names (an attribute value of the prescan, isomorphic
  /// decoded), or `nil`.
  ///
  /// Bytes above 0x7F never match a label, so no decoding is needed first.
  public init?(labelBytes bytes: some Collection<UInt8>) {
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, Self.isASCIIWhitespace(bytes[start]) { start = bytes.index(after: start) }
    while start < end {
      let last = bytes.index(start, offsetBy: bytes.distance(from: start, to: end) - 1)
      guard Self.isASCIIWhitespace(bytes[last]) else { break }
      end = last
    }
    var label = ""
    label.unicodeScalars.reserveCapacity(bytes.distance(from: start, to: end))
    for byte in bytes[start..<end] {
      guard byte < 0x80 else { return nil }
      let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
      label.unicodeScalars.append(Unicode.Scalar(lowered))
    }
    guard let encoding = Self.labels[label] else { return nil }
    self = encoding
  }

  /// The encoding's name as the standard writes it (`UTF-8`, `windows-1252`, `Shift_JIS`).
  public var name: String { rawValue }

  /// Whether bytes 0x00-0x7F always decode to the code points of the same values.
  ///
  /// False for UTF-16, ISO-2022-JP (escape sequences change how bytes read) and `replacement`.
  /// The HTML Standard's "change the encoding" may switch decoders on the fly between
  /// two such encodings when only ASCII bytes were decoded so far.
  public var isASCIICompatible: Bool {
    switch self {
    case .utf16BE, .utf16LE, .iso2022JP, .replacement: false
    default: true
    }
  }

  static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
  }
}
