/// Splits a source into lines (`\n`, `\r\n` or `\r`), then an end-of-file token.
struct TokenScanner {
  private let lines: [Substring]
  private var next = 0

  init(_ source: String) {
    var lines: [Substring] = []
    var start = source.startIndex
    var i = source.startIndex
    let utf8 = source.utf8
    while i < utf8.endIndex {
      let byte = utf8[i]
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        lines.append(source[start..<i])
        var after = utf8.index(after: i)
        if byte == UInt8(ascii: "\r"), after < utf8.endIndex, utf8[after] == UInt8(ascii: "\n") {
          after = utf8.index(after: after)
        }
        start = after
        i = after
      } else {
        i = utf8.index(after: i)
      }
    }
    if start < source.endIndex { lines.append(source[start...]) }
    self.lines = lines
  }

  mutating func read() -> Token {
    next += 1
    guard next <= lines.count else { return Token(line: nil, lineNumber: next) }
    return Token(line: GherkinLine(lines[next - 1], lineNumber: next), lineNumber: next)
  }
}
