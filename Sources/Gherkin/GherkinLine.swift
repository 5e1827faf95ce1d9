/// One line of a Gherkin file, as a range of the file's UTF-8 bytes (no copy per line).
///
/// Columns count Unicode scalars, as upstream does; for ASCII lines that is the byte offset.
struct GherkinLine {
  let bytes: [UInt8]
  /// The line's byte range in `bytes`.
  let start: Int
  let end: Int
  let lineNumber: Int
  /// Leading whitespace, in scalars.
  let indent: Int
  /// Where the content starts (after the leading whitespace), a byte offset.
  let contentStart: Int
  /// One past the last non-whitespace byte.
  let trimmedEnd: Int
  let isASCII: Bool

  init(bytes: [UInt8], start: Int, end: Int, lineNumber: Int) {
    self.bytes = bytes
    self.start = start
    self.end = end
    self.lineNumber = lineNumber
    var ascii = true
    for i in start..<end where bytes[i] >= 0x80 {
      ascii = false
      break
    }
    isASCII = ascii
    var i = start
    var scalars = 0
    while i < end, let length = Self.whitespaceLength(bytes, i, end) {
      i += length
      scalars += 1
    }
    indent = scalars
    contentStart = i
    var e = end
    while e > contentStart, let length = Self.whitespaceLengthBefore(bytes, e, contentStart) { e -= length }
    trimmedEnd = e
  }

  var isEmpty: Bool { contentStart == end }

  // MARK: Bytes and scalars

  /// The byte length of the whitespace scalar at `i`, nil when it is not whitespace.
  @inline(__always)
  static func whitespaceLength(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int? {
    let b = bytes[i]
    if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : nil }
    let (scalar, length) = decode(bytes, i)
    return scalar.properties.isWhitespace ? length : nil
  }

  /// The byte length of the whitespace scalar ending at `e`, nil when it is not whitespace.
  @inline(__always)
  static func whitespaceLengthBefore(_ bytes: [UInt8], _ e: Int, _ floor: Int) -> Int? {
    let b = bytes[e - 1]
    if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : nil }
    var s = e - 1
    while s > floor && bytes[s] & 0xC0 == 0x80 { s -= 1 }
    let (scalar, length) = decode(bytes, s)
    return scalar.properties.isWhitespace && s + length == e ? length : nil
  }

  /// The scalar at byte `i` (valid UTF-8: the bytes come from a Swift String) and its length.
  @inline(__always)
  static func decode(_ bytes: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
    let b0 = UInt32(bytes[i])
    if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
    if b0 < 0xE0 { return (Unicode.Scalar(((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F)) ?? "\u{FFFD}", 2) }
    if b0 < 0xF0 {
      let v = ((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F)
      return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
    }
    let v =
      ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12) | ((UInt32(bytes[i + 2]) & 0x3F) << 6)
      | (UInt32(bytes[i + 3]) & 0x3F)
    return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
  }

  /// The 1-based column of byte offset `i`.
  func column(ofByte i: Int) -> Int {
    if isASCII { return i - start + 1 }
    var count = 0
    for j in start..<i where bytes[j] & 0xC0 != 0x80 { count += 1 }
    return count + 1
  }

  /// The byte offset `count` scalars after `from`.
  func byteOffset(scalars count: Int, from: Int) -> Int {
    if isASCII { return min(from + count, end) }
    var i = from
    var n = 0
    while i < end && n < count {
      i += 1
      while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
      n += 1
    }
    return i
  }

  func string(_ from: Int, _ to: Int) -> String {
    guard from < to else { return "" }
    return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
  }

  // MARK: What matchers ask

  /// True when the bytes at `offset` are `prefix`.
  @inline(__always)
  func has(_ prefix: [UInt8], at offset: Int) -> Bool {
    guard end - offset >= prefix.count else { return false }
    var i = 0
    while i < prefix.count {
      if bytes[offset + i] != prefix[i] { return false }
      i += 1
    }
    return true
  }

  /// True when the line, after its indent, starts with `prefix`.
  func starts(with prefix: [UInt8]) -> Bool { has(prefix, at: contentStart) }

  func startsWith(_ byte: UInt8) -> Bool { contentStart < end && bytes[contentStart] == byte }

  /// The text after the indent and `count` more bytes, trimmed at both ends.
  func restTrimmed(afterBytes count: Int) -> String {
    var i = min(contentStart + count, end)
    while i < trimmedEnd, let length = Self.whitespaceLength(bytes, i, trimmedEnd) { i += length }
    return string(i, trimmedEnd)
  }

  /// The line without its indent (trimmed at both ends).
  var trimmed: String { string(contentStart, trimmedEnd) }

  /// The whole line.
  var text: String { string(start, end) }

  /// The line without the first `indentToRemove` scalars, or without all its leading whitespace
  /// when its indent is smaller (a doc string line indented less than its separator).
  func text(removingIndent indentToRemove: Int) -> String {
    if indentToRemove > indent { return string(contentStart, end) }
    return string(byteOffset(scalars: indentToRemove, from: start), end)
  }

  /// The cells of a table row (`| a | b |`), with their 1-based columns.
  ///
  /// `\|`, `\\` and `\n`
  /// are escapes; content before the first and after the last `|` is not a cell; a backslash
  /// ending the line drops the cell it was in.
  var tableCells: [(column: Int, text: String)] {
    var cells: [(Int, String)] = []
    var cell: [UInt8] = []
    var cellStartByte = contentStart
    var seenFirstPipe = false
    var i = contentStart
    while i < trimmedEnd {
      let c = bytes[i]
      if c == UInt8(ascii: "|") {
        if seenFirstPipe { cells.append(trimCell(cell, startColumn: column(ofByte: cellStartByte))) }
        seenFirstPipe = true
        cell.removeAll(keepingCapacity: true)
        cellStartByte = i + 1
      } else if c == UInt8(ascii: "\\") {
        i += 1
        guard i < trimmedEnd else { break }
        let escaped = bytes[i]
        if escaped == UInt8(ascii: "n") {
          cell.append(UInt8(ascii: "\n"))
        } else {
          if escaped != UInt8(ascii: "|") && escaped != UInt8(ascii: "\\") { cell.append(UInt8(ascii: "\\")) }
          cell.append(escaped)
        }
      } else {
        cell.append(c)
      }
      i += 1
    }
    return cells
  }

  /// Trims a cell's whitespace (not the newlines `\n` made), moving its column past the leading
  /// whitespace.
  private func trimCell(_ cell: [UInt8], startColumn: Int) -> (Int, String) {
    var s = 0
    var skipped = 0
    while s < cell.count, cell[s] != UInt8(ascii: "\n"), let length = Self.whitespaceLength(cell, s, cell.count) {
      s += length
      skipped += 1
    }
    var e = cell.count
    while e > s, cell[e - 1] != UInt8(ascii: "\n"), let length = Self.whitespaceLengthBefore(cell, e, s) { e -= length }
    let text = cell.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[s..<e]), as: UTF8.self) }
    return (startColumn + skipped, text)
  }

  /// The tags of a tag line with their columns; text after whitespace + `#` is a comment.
  func tags() throws(GherkinError) -> [(column: Int, text: String)] {
    var end = trimmedEnd
    var i = contentStart + 1
    while i < trimmedEnd {
      if bytes[i] == UInt8(ascii: "#"), Self.whitespaceLengthBefore(bytes, i, contentStart) != nil {
        end = i
        break
      }
      i += 1
    }
    while end > contentStart, let length = Self.whitespaceLengthBefore(bytes, end, contentStart) { end -= length }
    // Split on "@"; the part before the first "@" is not a tag.
    var result: [(Int, String)] = []
    var column = indent + 1
    var partStart = -1
    func finish(_ partEnd: Int) throws(GherkinError) {
      guard partStart >= 0 else { return }
      var s = partStart
      var e = partEnd
      while s < e, let length = Self.whitespaceLength(bytes, s, e) { s += length }
      while e > s, let length = Self.whitespaceLengthBefore(bytes, e, s) { e -= length }
      var j = s
      while j < e {
        if Self.whitespaceLength(bytes, j, e) != nil {
          throw GherkinError(message: "A tag may not contain whitespace", location: .init(line: lineNumber, column: column))
        }
        j += 1
      }
      result.append((column, "@" + string(s, e)))
      column += scalarCount(partStart, partEnd) + 1
    }
    for j in contentStart..<end where bytes[j] == UInt8(ascii: "@") {
      try finish(j)
      partStart = j + 1
    }
    try finish(end)
    return result
  }

  func scalarCount(_ from: Int, _ to: Int) -> Int {
    if isASCII { return to - from }
    var n = 0
    for j in from..<to where bytes[j] & 0xC0 != 0x80 { n += 1 }
    return n
  }
}
