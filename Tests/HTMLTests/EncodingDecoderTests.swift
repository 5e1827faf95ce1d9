import Testing

@testable import HTML

/// Decoding to UTF-8: known byte sequences of every kind of encoding against the text the Encoding
/// Standard gives (read off its index files and decoder steps while writing the tests), chunk splits at
/// every offset, invalid input, and the places where glibc's iconv differs from the standard.
@Suite struct EncodingDecoderTests {
  /// Bytes written as hex pairs, and the text the standard decodes them to.
  struct Sample: CustomTestStringConvertible, Sendable {
    let encoding: Encoding
    let hex: String
    let text: String
    var bytes: [UInt8] { hex.split(separator: " ").map { UInt8($0, radix: 16)! } }
    var testDescription: String { "\(encoding.name): \(hex)" }
  }

  static let samples: [Sample] = [
    // windows-1252: 0x81 and 0x8D are C1 controls in the standard, undefined in glibc's CP1252.
    Sample(encoding: .windows1252, hex: "80 81 8D 9F E9", text: "\u{20AC}\u{81}\u{8D}\u{178}\u{E9}"),
    Sample(encoding: .iso8859Part2, hex: "A1 B1 41", text: "\u{104}\u{105}A"),
    // KOI8-U is KOI8-RU in the standard (ў, Ў); glibc's KOI8-U has box drawings there.
    Sample(encoding: .koi8U, hex: "AE BE C1", text: "\u{45E}\u{40E}\u{430}"),
    Sample(encoding: .koi8R, hex: "C1 C2 D7", text: "\u{430}\u{431}\u{432}"),
    Sample(encoding: .windows1255, hex: "CA E0", text: "\u{5BA}\u{5D0}"),
    Sample(encoding: .macintosh, hex: "C6 F0 80", text: "\u{2206}\u{F8FF}\u{C4}"),
    Sample(encoding: .xMacCyrillic, hex: "FF 80", text: "\u{20AC}\u{410}"),
    Sample(encoding: .windows874, hex: "DB A1", text: "\u{FFFD}\u{E01}"),
    Sample(encoding: .ibm866, hex: "80 A0", text: "\u{410}\u{430}"),
    // glibc's CP1258 would compose A + U+0300 into À; the standard never composes.
    Sample(encoding: .windows1258, hex: "41 CC 80", text: "A\u{300}\u{20AC}"),
    Sample(
      encoding: .shiftJIS, hex: "82 A0 88 9F 80 B1 87 40 F0 40 82 41 A0 81",
      text: "\u{3042}\u{4E9C}\u{80}\u{FF71}\u{2460}\u{E000}\u{FFFD}A\u{FFFD}\u{FFFD}"),
    Sample(
      encoding: .eucJP, hex: "A4 A2 8E B1 8F B0 A1 AD A1 A1 41 A4", text: "\u{3042}\u{FF71}\u{4E02}\u{2460}\u{FFFD}A\u{FFFD}"),
    Sample(
      encoding: .iso2022JP, hex: "1B 24 42 30 21 1B 28 42 41 1B 28 4A 5C 7E 1B 28 49 31 1B 28 42",
      text: "\u{4E9C}A\u{A5}\u{203E}\u{FF71}"),
    Sample(encoding: .iso2022JP, hex: "1B 24 42 30 1B 28 42 41 1B 41", text: "\u{FFFD}A\u{FFFD}A"),
    Sample(encoding: .iso2022JP, hex: "41 1B 24", text: "A\u{FFFD}$"),
    Sample(encoding: .eucKR, hex: "B0 A1 81 41 C9 A1 80 41 B0", text: "\u{AC00}\u{AC02}\u{FFFD}\u{FFFD}A\u{FFFD}"),
    Sample(
      encoding: .big5, hex: "A4 40 88 62 88 64 A1 45 A2 44 80 41 FE FE A4",
      text: "\u{4E00}\u{CA}\u{304}\u{CA}\u{30C}\u{2027}\u{FFE5}\u{FFFD}A\u{79D4}\u{FFFD}"),
    Sample(
      encoding: .gb18030, hex: "80 B0 A1 81 30 81 30 95 32 82 36 A3 A0 82 35 90 37 84 31 A4 39 FE 51 81 30 41 81",
      text: "\u{20AC}\u{554A}\u{80}\u{20000}\u{3000}\u{9FB4}\u{FFFF}\u{E816}\u{FFFD}0A\u{FFFD}"),
    Sample(encoding: .gbk, hex: "80 B0 A1", text: "\u{20AC}\u{554A}"),
    Sample(encoding: .utf16LE, hex: "FF FE 41 00 3D D8 00 DE 00 D8 41 00 00 DC 42", text: "A\u{1F600}\u{FFFD}A\u{FFFD}\u{FFFD}"),
    Sample(encoding: .utf16BE, hex: "FE FF 00 41 D8 3D DE 00 DC 00 00", text: "A\u{1F600}\u{FFFD}\u{FFFD}"),
    Sample(encoding: .xUserDefined, hex: "41 80 FF", text: "A\u{F780}\u{F7FF}"),
    Sample(encoding: .replacement, hex: "41 42 43", text: "\u{FFFD}"),
    // UTF-8: one BOM removed, a second kept; each maximal invalid subpart is one U+FFFD.
    Sample(
      encoding: .utf8,
      hex: "EF BB BF EF BB BF 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 ED A0 80 C0 AF F4 90 80 80 E2 82 AC F0 9F 98 80 E0",
      text: "\u{FEFF}a\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}d\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
        + "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{20AC}\u{1F600}\u{FFFD}"),
  ]

  static func text(_ utf8: [UInt8]) -> String? { String(validating: utf8, as: UTF8.self) }

  @Test(arguments: samples)
  func decodesAsTheStandardSays(_ sample: Sample) {
    #expect(Self.text(EncodingDecoder.decode(sample.bytes, encoding: sample.encoding)) == sample.text)
  }

  @Test(arguments: samples)
  func anySplitIntoTwoChunksGivesTheSameText(_ sample: Sample) {
    let bytes = sample.bytes
    for offset in 0...bytes.count {
      let decoder = EncodingDecoder(encoding: sample.encoding)
      let first = decoder.decode(bytes[..<offset])
      let second = decoder.decode(bytes[offset...])
      let last = decoder.finish()
      // Every call's output is valid UTF-8 by itself: no character is cut between calls.
      #expect(Self.text(first) != nil && Self.text(second) != nil && Self.text(last) != nil, "split at \(offset)")
      #expect(Self.text(first + second + last) == sample.text, "split at \(offset)")
    }
  }

  @Test(arguments: samples)
  func oneByteAtATimeGivesTheSameText(_ sample: Sample) {
    let decoder = EncodingDecoder(encoding: sample.encoding)
    var output: [UInt8] = []
    for byte in sample.bytes { output += decoder.decode([byte]) }
    output += decoder.finish()
    #expect(Self.text(output) == sample.text)
  }

  @Test func eachLegacyEncodingDecodesEveryByteToValidUTF8() {
    let everyByte = (0...255).map { UInt8($0) }
    for encoding in Encoding.allCases {
      let output = EncodingDecoder.decode(everyByte + everyByte, encoding: encoding)
      #expect(Self.text(output) != nil, "\(encoding.name)")
    }
  }

  @Test func singleByteEncodingsMapAllOf0x80To0xFF() {
    // How many of the 128 pointers each index-*.txt of the standard leaves out; all others must map.
    let unmapped: [Encoding: Int] = [
      .iso8859Part3: 7, .iso8859Part6: 45, .iso8859Part7: 3, .iso8859Part8: 36, .iso8859Part8I: 36, .windows874: 8,
      .windows1253: 3, .windows1255: 10, .windows1257: 2,
    ]
    let high = (0x80...0xFF).map { UInt8($0) }
    for encoding in Encoding.allCases where EncodingDecoder(encoding: encoding).isSingleByte {
      let text = Self.text(EncodingDecoder.decode(high, encoding: encoding)) ?? ""
      let replacements = text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
      #expect(text.unicodeScalars.count == 128, "\(encoding.name)")
      #expect(replacements == unmapped[encoding, default: 0], "\(encoding.name)")
    }
  }

  @Test func utf8ByteOrderMarkSplitAcrossChunks() {
    let decoder = EncodingDecoder(encoding: .utf8)
    #expect(decoder.decode([0xEF]).isEmpty)
    #expect(decoder.decode([0xBB]).isEmpty)
    #expect(decoder.decode([0xBF, 0x41]) == [0x41])
    #expect(decoder.finish().isEmpty)
    #expect(EncodingDecoder.decode([0xEF, 0xBB], encoding: .utf8) == Array("\u{FFFD}".utf8))
    #expect(EncodingDecoder.decode([], encoding: .utf8).isEmpty)
    #expect(EncodingDecoder.decode([], encoding: .replacement).isEmpty)
  }

  @Test func gb18030ByteOrderMarkIsText() {
    #expect(EncodingDecoder.decode([0x84, 0x31, 0x95, 0x33, 0x41], encoding: .gb18030) == Array("\u{FEFF}A".utf8))
  }

  @Test func validUTF8IsCopiedUnchanged() {
    let text = String(repeating: "Grüße, 世界! 😀 <p>ascii</p>\n", count: 500)
    let decoder = EncodingDecoder(encoding: .utf8)
    var output: [UInt8] = []
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
      let end = min(index + 997, bytes.count)
      output += decoder.decode(bytes[index..<end])
      index = end
    }
    output += decoder.finish()
    #expect(output == bytes)
  }

  @Test func tracksWhetherOnlyASCIIWasDecoded() {
    let decoder = EncodingDecoder(encoding: .windows1252)
    _ = decoder.decode(Array("<html><head>".utf8))
    #expect(decoder.hasDecodedOnlyASCII)
    _ = decoder.decode([0xE9])
    #expect(!decoder.hasDecodedOnlyASCII)
    let utf8 = EncodingDecoder(encoding: .utf8)
    _ = utf8.decode(Array("abc".utf8))
    #expect(utf8.hasDecodedOnlyASCII)
    _ = utf8.decode([0xC3, 0xA9])
    #expect(!utf8.hasDecodedOnlyASCII)
  }
}
