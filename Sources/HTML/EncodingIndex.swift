#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Encoding Standard's indexes (§5 "Indexes"), built once per process from the C library's iconv
/// and corrected where iconv's tables differ from the standard's.
///
/// Every table maps a pointer to a code point, 0 where the index has none. Tables are `static let`s:
/// built on first use (a few milliseconds each), thread-safe, then shared read-only. The corrections
/// were found by comparing glibc 2.36's converters with the standard's index files pointer by pointer:
///
/// - Single-byte: Windows code pages leave some of 0x80-0x9F undefined where the standard maps them to
///   the C1 control of the same value; glibc's KOI8-U lacks KOI8-RU's 0xAE/0xBE (ў, Ў), MACINTOSH has
///   U+0394 and a private-use Apple logo at 0xC6/0xF0 (U+2206, U+F8FF), CP1255 lacks 0xCA (U+05BA),
///   MAC-CYRILLIC has ¤ at 0xFF (U+20AC). glibc's CP1255 and CP1258 also combine a base letter with
///   following diacritics, which the standard never does: one byte at a time through a table avoids it.
/// - jis0208: CP932 (windows-31j) equals the index (glibc's SHIFT_JIS and EUC-JP lack the NEC and IBM
///   rows and map six others differently); jis0212: EUC-JP's 0x8F plane equals it; EUC-KR: UHC equals it.
/// - Big5: BIG5-HKSCS, with 11 mappings corrected below; 131 index entries (HKSCS-2008 additions)
///   that glibc does not have decode to U+FFFD.
/// - gb18030: GB18030 follows the 2005 mapping for 7 two-byte codes and lacks 18 four-byte ones the
///   standard maps (U+9FB4-U+9FBB, U+FE10-U+FE19); all corrected below.
enum EncodingIndex {
  /// The 128 code points of bytes 0x80-0xFF in a single-byte encoding (0: no mapping, U+FFFD).
  static func singleByte(_ encoding: Encoding) -> [UInt32] {
    guard let charset = singleByteCharset(encoding) else { return Array(repeating: 0, count: 128) }
    var table = build(charset: charset, count: 128) { [UInt8(0x80 + $0)] }
    let isWindows = charset.hasPrefix("CP")
    for pointer in 0..<0x20 where isWindows && table[pointer] == 0 { table[pointer] = UInt32(0x80 + pointer) }
    let corrections: [UInt8: UInt32] =
      switch encoding {
      case .koi8U: [0xAE: 0x045E, 0xBE: 0x040E]
      case .macintosh: [0xC6: 0x2206, 0xF0: 0xF8FF]
      case .windows1255: [0xCA: 0x05BA]
      case .xMacCyrillic: [0xFF: 0x20AC]
      default: [:]
      }
    for (byte, codePoint) in corrections { table[Int(byte) - 0x80] = codePoint }
    return table
  }

  /// Index jis0208, by pointer (row × 94 + cell), as Shift_JIS, EUC-JP and ISO-2022-JP use it.
  static let jis0208: [UInt32] = build(charset: "CP932", count: 11_280) { pointer in
    let lead = pointer / 188
    let trail = pointer % 188
    return [UInt8(lead + (lead < 0x1F ? 0x81 : 0xC1)), UInt8(trail + (trail < 0x3F ? 0x40 : 0x41))]
  }

  /// Index jis0212, by pointer, for EUC-JP's 0x8F plane.
  static let jis0212: [UInt32] = build(charset: "EUC-JP", count: 94 * 94) { pointer in
    [0x8F, UInt8(0xA1 + pointer / 94), UInt8(0xA1 + pointer % 94)]
  }

  /// Index EUC-KR (windows-949), by pointer (lead − 0x81) × 190 + trail − 0x41.
  static let eucKR: [UInt32] = build(charset: "UHC", count: 126 * 190) { pointer in
    [UInt8(0x81 + pointer / 190), UInt8(0x41 + pointer % 190)]
  }

  /// Index Big5, by pointer (lead − 0x81) × 157 + trail − offset.
  static let big5: [UInt32] = {
    var table = build(charset: "BIG5-HKSCS", count: 126 * 157) { pointer in
      let trail = pointer % 157
      return [UInt8(0x81 + pointer / 157), UInt8(trail + (trail < 0x3F ? 0x40 : 0x62))]
    }
    let corrections: [(UInt16, UInt32)] = [
      (0xA145, 0x2027), (0xA14E, 0xFE51), (0xA1C2, 0x00AF), (0xA1E3, 0xFF5E), (0xA1F2, 0x2295), (0xA1F3, 0x2299),
      (0xA241, 0x2215), (0xA242, 0xFE68), (0xA244, 0xFFE5), (0xA246, 0xFFE0), (0xA247, 0xFFE1),
    ]
    for (bytes, codePoint) in corrections {
      let lead = Int(bytes >> 8)
      let trail = Int(bytes & 0xFF)
      table[(lead - 0x81) * 157 + trail - (trail < 0x7F ? 0x40 : 0x62)] = codePoint
    }
    return table
  }()

  /// Index gb18030's two-byte part, by pointer (lead − 0x81) × 190 + trail − offset.
  static let gb18030: [UInt32] = {
    var table = build(charset: "GB18030", count: 126 * 190) { pointer in
      let trail = pointer % 190
      return [UInt8(0x81 + pointer / 190), UInt8(trail + (trail < 0x3F ? 0x40 : 0x41))]
    }
    let corrections: [(UInt16, UInt32)] = [
      (0xA3A0, 0x3000), (0xFE51, 0xE816), (0xFE52, 0xE817), (0xFE53, 0xE818), (0xFE6C, 0xE831), (0xFE76, 0xE83B),
      (0xFE91, 0xE855),
    ]
    for (bytes, codePoint) in corrections {
      let lead = Int(bytes >> 8)
      let trail = Int(bytes & 0xFF)
      table[(lead - 0x81) * 190 + trail - (trail < 0x7F ? 0x40 : 0x41)] = codePoint
    }
    return table
  }()

  /// The code points of gb18030's four-byte pointers 0-39419 (the BMP part of "index gb18030 ranges
  /// code point"); pointers from 189000 are computed, not tabled.
  static let gb18030Ranges: [UInt32] = {
    var table = build(charset: "GB18030", count: 39_420) { pointer in
      [
        UInt8(0x81 + pointer / 12_600), UInt8(0x30 + pointer / 1260 % 10), UInt8(0x81 + pointer / 10 % 126),
        UInt8(0x30 + pointer % 10),
      ]
    }
    for (first, codePoint, count) in [(19_057, 0x9FB4, 8), (39_076, 0xFE10, 10)] as [(Int, UInt32, Int)] {
      for offset in 0..<count where table[first + offset] == 0 { table[first + offset] = codePoint + UInt32(offset) }
    }
    return table
  }()

  private static func singleByteCharset(_ encoding: Encoding) -> String? {
    switch encoding {
    case .ibm866: "IBM866"
    case .iso8859Part2: "ISO-8859-2"
    case .iso8859Part3: "ISO-8859-3"
    case .iso8859Part4: "ISO-8859-4"
    case .iso8859Part5: "ISO-8859-5"
    case .iso8859Part6: "ISO-8859-6"
    case .iso8859Part7: "ISO-8859-7"
    case .iso8859Part8, .iso8859Part8I: "ISO-8859-8"
    case .iso8859Part10: "ISO-8859-10"
    case .iso8859Part13: "ISO-8859-13"
    case .iso8859Part14: "ISO-8859-14"
    case .iso8859Part15: "ISO-8859-15"
    case .iso8859Part16: "ISO-8859-16"
    case .koi8R: "KOI8-R"
    case .koi8U: "KOI8-U"
    case .macintosh: "MACINTOSH"
    case .windows874: "CP874"
    case .windows1250: "CP1250"
    case .windows1251: "CP1251"
    case .windows1252: "CP1252"
    case .windows1253: "CP1253"
    case .windows1254: "CP1254"
    case .windows1255: "CP1255"
    case .windows1256: "CP1256"
    case .windows1257: "CP1257"
    case .windows1258: "CP1258"
    case .xMacCyrillic: "MAC-CYRILLIC"
    default: nil
    }
  }

  /// Decodes `bytes(pointer)` for every pointer with iconv.
  ///
  /// A pointer whose bytes do not decode to exactly one code point gets 0. If the converter is missing, every entry is 0 (all U+FFFD).
  private static func build(charset: String, count: Int, bytes: (Int) -> [UInt8]) -> [UInt32] {
    var table = [UInt32](repeating: 0, count: count)
    let converter = iconv_open("UTF-32LE", charset)
    guard let converter, converter != iconv_t(bitPattern: -1) else { return table }
    defer { iconv_close(converter) }
    var output = [UInt8](repeating: 0, count: 16)
    for pointer in 0..<count {
      var input = bytes(pointer)
      _ = iconv(converter, nil, nil, nil, nil)
      let produced = input.withUnsafeMutableBytes { inputBuffer in
        output.withUnsafeMutableBytes { outputBuffer -> Int in
          var inPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
          var inLeft = inputBuffer.count
          var outPointer = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
          var outLeft = outputBuffer.count
          let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
          guard result != -1, inLeft == 0 else { return -1 }
          guard iconv(converter, nil, nil, &outPointer, &outLeft) != -1 else { return -1 }
          return outputBuffer.count - outLeft
        }
      }
      guard produced == 4 else { continue }
      table[pointer] = UInt32(output[0]) | UInt32(output[1]) << 8 | UInt32(output[2]) << 16 | UInt32(output[3]) << 24
    }
    return table
  }
}
