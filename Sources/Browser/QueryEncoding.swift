import Foundation

/// A URL's query encoded in a document's legacy encoding, as the URL Standard's query state does
/// when "encoding" is not UTF-8 (URL §4.4, HTML §2.4.2 "encoding-parse a URL"): Ada parses with
/// UTF-8 only, so the non-ASCII characters of the input's query are percent-encoded here first,
/// from their bytes in that encoding, and Ada keeps the ASCII-only result as it is.
///
/// Guarantees: input that is ASCII, has no query, or goes with UTF-8, UTF-16 or `replacement`
/// comes back unchanged; a character the encoding cannot represent becomes `%26%23N%3B` (its
/// decimal reference `&#N;`, percent-encoded), as the Encoding Standard's "html" error mode gives.
/// Converters come from glibc's iconv. Thread-safe (each call opens its own converter).
enum QueryEncoding {
  /// iconv's names where they differ from the Encoding Standard's (the mappings the decoder uses).
  static let iconvNames = [
    "shift_jis": "CP932", "euc-kr": "CP949", "big5": "BIG5-HKSCS", "windows-874": "CP874", "x-mac-cyrillic": "MAC-CYRILLIC",
    "macintosh": "MACINTOSH", "gbk": "GBK", "gb18030": "GB18030",
  ]

  static func prepare(_ input: String, encoding: String) -> String {
    let lowered = encoding.lowercased()
    guard !["utf-8", "utf-16be", "utf-16le", "replacement"].contains(lowered),
      let question = input.firstIndex(of: "?"), input.unicodeScalars.contains(where: { !$0.isASCII })
    else { return input }
    let fragment = input[question...].firstIndex(of: "#") ?? input.endIndex
    let query = input[input.index(after: question)..<fragment]
    guard query.unicodeScalars.contains(where: { !$0.isASCII }) else { return input }
    let converter = iconv_open(iconvNames[lowered] ?? encoding, "UTF-8")
    guard converter != iconv_t(bitPattern: -1) else { return input }
    defer { iconv_close(converter) }
    var out = String(input[...question])
    for scalar in query.unicodeScalars {
      if scalar.isASCII {
        out.unicodeScalars.append(scalar)
      } else if let bytes = encode(scalar, converter) {
        for byte in bytes { out += String(format: "%%%02X", byte) }
      } else {
        out += "%26%23\(scalar.value)%3B"
      }
    }
    return out + input[fragment...]
  }

  /// The bytes of one character in the converter's encoding, or nil when it has none.
  private static func encode(_ scalar: Unicode.Scalar, _ converter: iconv_t?) -> [UInt8]? {
    var input = Array(String(scalar).utf8).map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: 16)
    var inLeft = input.count
    var outLeft = output.count
    let converted = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
        var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
        return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
      }
    }
    // Reset the converter's shift state for the next character (ISO-2022-JP).
    iconv(converter, nil, nil, nil, nil)
    guard converted != -1, inLeft == 0 else { return nil }
    return output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
  }
}
