/// The HTML Standard's encoding sniffing algorithm (§13.2.3.2 "Determining the character encoding").
///
/// Pure functions over bytes: no state, safe from any thread. The sniffer looks at a byte order
/// mark, the transport layer's charset (a `Content-Type` parameter the caller passes), and the
/// prescan of the first 1,024 bytes for `<meta charset>` and `<meta http-equiv=content-type>`;
/// otherwise it returns the default, windows-1252. It does no statistical (frequency-based)
/// detection, the step the standard leaves optional. After the prescan, the tree builder reports each
/// `<meta>` it inserts through `encoding(fromMetaAttributes:)` and `changeTheEncoding(...)`, which
/// say whether the document must be parsed again (§13.2.3.4 "Changing the encoding while parsing").
public enum EncodingSniffer {
  /// How sure the parser is of the encoding it uses (§13.2.3.1 "confidence").
  public enum Confidence: Sendable, Equatable {
    /// From a byte order mark or the transport layer: a `<meta>` never changes it.
    case certain
    /// From the prescan or the default: a `<meta>` the tree builder finds may change it.
    case tentative
  }

  /// What the parser must do when the tree builder finds a `<meta>` declaring an encoding.
  public enum EncodingChange: Sendable, Equatable {
    /// Keep decoding as before; the confidence becomes certain.
    case keep
    /// Everything decoded so far reads the same in the new encoding: switch the decoder for the
    /// bytes not yet decoded and go on.
    case switchDecoder(Encoding)
    /// Parse the document again from its first byte in the new encoding, with confidence certain.
    case reparse(Encoding)
  }

  /// How many bytes the prescan looks at, as the standard advises (§13.2.3.2 step 5).
  public static let prescanLength = 1024

  /// The encoding to decode a document with, and how certain it is (§13.2.3.2 steps 1-8).
  ///
  /// `prefix` is the document's first bytes (only the first 1,024 are read; pass what has arrived);
  /// `transportCharset` is the `charset` parameter of the response's `Content-Type`, if any: a label
  /// that names no encoding is ignored. `defaultEncoding` is the last step's implementation-defined
  /// default.
  public static func sniff(
    prefix: some Collection<UInt8>, transportCharset: String? = nil, defaultEncoding: Encoding = .windows1252
  ) -> (encoding: Encoding, confidence: Confidence) {
    let bytes = Array(prefix.prefix(prescanLength))
    if let encoding = byteOrderMark(bytes) { return (encoding, .certain) }
    if let charset = transportCharset, let encoding = Encoding(label: charset) { return (encoding, .certain) }
    if let encoding = prescan(bytes) { return (encoding, .tentative) }
    return (defaultEncoding, .tentative)
  }

  /// The encoding a byte order mark at the start of `bytes` gives (Encoding Standard "BOM sniff").
  public static func byteOrderMark(_ bytes: some Collection<UInt8>) -> Encoding? {
    let head = Array(bytes.prefix(3))
    if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { return .utf8 }
    if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF { return .utf16BE }
    if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE { return .utf16LE }
    return nil
  }

  /// The encoding `<meta>` elements or an XML declaration in `bytes` declare, as "prescan a byte
  /// stream to determine its encoding" finds it, reading all of `bytes` and nothing more.
  ///
  /// `sniff` gives it the first 1,024 bytes. Running out of bytes in the middle of a tag ends the
  /// scan without a result from `<meta>`.
  public static func prescan(_ bytes: some Collection<UInt8>) -> Encoding? {
    var scan = EncodingPrescan(Array(bytes))
    return scan.run()
  }

  /// The encoding a `<meta>` element inserted by the tree builder declares (§13.2.6.4.4, the "in head"
  /// insertion mode's `meta` rule), or `nil`.
  ///
  /// `attributes` are the start tag's attributes (names lowercase, as the tokenizer gives them): a
  /// `charset` attribute that names an encoding wins; otherwise `http-equiv` matching `Content-Type`
  /// ASCII case-insensitively with a `content` attribute gives what "extracting a character encoding
  /// from a meta element" finds in it.
  public static func encoding(fromMetaAttributes attributes: [Attribute]) -> Encoding? {
    if let charset = attributes.first(where: { $0.name == Array("charset".utf8) }),
      let encoding = Encoding(labelBytes: charset.value)
    {
      return encoding
    }
    guard let httpEquiv = attributes.first(where: { $0.name == Array("http-equiv".utf8) }),
      EncodingPrescan.lowercased(httpEquiv.value) == Array("content-type".utf8),
      let content = attributes.first(where: { $0.name == Array("content".utf8) })
    else { return nil }
    return extractEncoding(fromMetaContent: content.value)
  }

  /// "Extracting a character encoding from a meta element" (§2.5.5) applied to a `content`
  /// attribute's value: the label after `charset=`, quoted or not, or `nil`.
  public static func extractEncoding(fromMetaContent content: some Collection<UInt8>) -> Encoding? {
    let s = Array(content)
    let charset = Array("charset".utf8)
    var position = 0
    while true {
      guard let found = EncodingPrescan.find(charset, in: s, from: position, caseInsensitive: true) else { return nil }
      var index = found + charset.count
      while index < s.count, Encoding.isASCIIWhitespace(s[index]) { index += 1 }
      guard index < s.count, s[index] == UInt8(ascii: "=") else {
        position = index
        continue
      }
      index += 1
      while index < s.count, Encoding.isASCIIWhitespace(s[index]) { index += 1 }
      guard index < s.count else { return nil }
      let quote = s[index]
      if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
        guard let end = s[(index + 1)...].firstIndex(of: quote) else { return nil }
        return Encoding(labelBytes: s[(index + 1)..<end])
      }
      var end = index
      while end < s.count, !Encoding.isASCIIWhitespace(s[end]), s[end] != UInt8(ascii: ";") { end += 1 }
      return Encoding(labelBytes: s[index..<end])
    }
  }

  /// "Change the encoding" (§13.2.3.4) when the tree builder finds a `<meta>` declaring `newEncoding`.
  ///
  /// `current` and `confidence` are what the parser uses now; `decodedOnlyASCII` is whether every
  /// byte decoded so far was below 0x80 (`EncodingDecoder.hasDecodedOnlyASCII`), in which case two
  /// ASCII-compatible encodings read them alike and the decoder may be switched on the fly (step 5).
  /// Whatever the result, the confidence afterwards is certain. A certain confidence never changes.
  public static func changeTheEncoding(
    current: Encoding, confidence: Confidence, to newEncoding: Encoding, decodedOnlyASCII: Bool
  ) -> EncodingChange {
    guard confidence == .tentative else { return .keep }
    if current == .utf16BE || current == .utf16LE { return .keep }
    var target = newEncoding
    if target == .utf16BE || target == .utf16LE { target = .utf8 }
    if target == .xUserDefined { target = .windows1252 }
    if target == current { return .keep }
    if decodedOnlyASCII, current.isASCIICompatible, target.isASCIICompatible { return .switchDecoder(target) }
    return .reparse(target)
  }
}
