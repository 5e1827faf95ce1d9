/// Splits a source into lines (`\n`, `\r\n` or `\r`), then an end-of-file token.
///
/// Lines are
/// ranges of one shared UTF-8 buffer.
struct TokenScanner {
  private let bytes: [UInt8]
  private var offset = 0
  private var lineNumber = 0

  init(_ source: String) { bytes = Array(source.utf8) }

  mutating func read() -> Token {
    lineNumber += 1
    guard offset < bytes.count else { return Token(line: nil, lineNumber: lineNumber) }
    let start = offset
    var i = offset
    while i < bytes.count && bytes[i] != UInt8(ascii: "\n") && bytes[i] != UInt8(ascii: "\r") { i += 1 }
    offset = i
    if offset < bytes.count {
      offset += bytes[offset] == UInt8(ascii: "\r") && offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") ? 2 : 1
    }
    return Token(line: GherkinLine(bytes: bytes, start: start, end: i, lineNumber: lineNumber), lineNumber: lineNumber)
  }
}
