/// One line of a Gherkin file, as Unicode scalars (columns count scalars, as upstream does).
struct GherkinLine {
  let scalars: [Unicode.Scalar]
  let lineNumber: Int
  /// Leading whitespace, in scalars.
  let indent: Int
  /// One past the last non-whitespace scalar.
  let trimmedEnd: Int

  init(_ text: Substring, lineNumber: Int) {
    scalars = Array(text.unicodeScalars)
    self.lineNumber = lineNumber
    var start = 0
    while start < scalars.count && scalars[start].properties.isWhitespace { start += 1 }
    var end = scalars.count
    while end > start && scalars[end - 1].properties.isWhitespace { end -= 1 }
    indent = start
    trimmedEnd = end
  }

  var isEmpty: Bool { indent == scalars.count }

  /// True when the line, after its indent, starts with `prefix`.
  func starts(with prefix: [Unicode.Scalar]) -> Bool { starts(with: prefix, at: indent) }

  func starts(with prefix: [Unicode.Scalar], at offset: Int) -> Bool {
    guard scalars.count - offset >= prefix.count else { return false }
    for i in 0..<prefix.count where scalars[offset + i] != prefix[i] { return false }
    return true
  }

  /// The text after the indent and `count` more scalars, trimmed at both ends.
  func restTrimmed(after count: Int) -> String {
    var start = min(indent + count, scalars.count)
    while start < trimmedEnd && scalars[start].properties.isWhitespace { start += 1 }
    return start < trimmedEnd ? Self.string(scalars[start..<trimmedEnd]) : ""
  }

  /// The line without its indent (trimmed at both ends).
  var trimmed: String { Self.string(scalars[indent..<trimmedEnd]) }

  /// The line without the first `indentToRemove` scalars, or trimmed of its leading whitespace
  /// when its indent is smaller (a doc string line indented less than its separator).
  func text(removingIndent indentToRemove: Int) -> String {
    if indentToRemove > indent { return Self.string(scalars[indent...]) }
    return Self.string(scalars[indentToRemove...])
  }

  /// The whole line.
  var text: String { Self.string(scalars[...]) }

  static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: slice)
    return String(view)
  }

  /// The cells of a table row (`| a | b |`), with their 1-based columns. `\|`, `\\` and `\n`
  /// are escapes; content before the first and after the last `|` is not a cell; a backslash
  /// ending the line drops the cell it was in.
  var tableCells: [(column: Int, text: String)] {
    var cells: [(Int, String)] = []
    var i = indent
    let end = trimmedEnd
    var cell = String.UnicodeScalarView()
    var cellStart = 0
    var seenFirstPipe = false
    while i < end {
      let c = scalars[i]
      if c == "|" {
        if seenFirstPipe { cells.append(Self.trimCell(cell, startColumn: cellStart)) }
        seenFirstPipe = true
        cell = String.UnicodeScalarView()
        cellStart = i + 2  // 1-based column of the scalar after the pipe
      } else if c == "\\" {
        i += 1
        guard i < end else { break }
        let escaped = scalars[i]
        if escaped == "n" {
          cell.append("\n")
        } else {
          if escaped != "|" && escaped != "\\" { cell.append("\\") }
          cell.append(escaped)
        }
      } else {
        cell.append(c)
      }
      i += 1
    }
    return cells
  }

  /// Trims a cell's whitespace (but not newlines from `\n`), moving its column past the
  /// leading whitespace.
  private static func trimCell(_ cell: String.UnicodeScalarView, startColumn: Int) -> (Int, String) {
    let scalars = Array(cell)
    var start = 0
    while start < scalars.count && scalars[start].properties.isWhitespace && scalars[start] != "\n" { start += 1 }
    var end = scalars.count
    while end > start && scalars[end - 1].properties.isWhitespace && scalars[end - 1] != "\n" { end -= 1 }
    return (startColumn + start, string(scalars[start..<end]))
  }

  /// The tags of a tag line with their columns; text after whitespace + `#` is a comment.
  func tags() throws(GherkinError) -> [(column: Int, text: String)] {
    // Cut a trailing comment: "#" preceded by whitespace.
    var end = trimmedEnd
    var i = indent + 1
    while i < trimmedEnd {
      if scalars[i] == "#" && scalars[i - 1].properties.isWhitespace {
        end = i - 1
        break
      }
      i += 1
    }
    while end > indent && scalars[end - 1].properties.isWhitespace { end -= 1 }
    var result: [(Int, String)] = []
    // Split on "@"; the part before the first "@" is not a tag.
    var column = indent + 1
    var parts: [ArraySlice<Unicode.Scalar>] = []
    var partStart = indent
    for j in indent..<end where scalars[j] == "@" {
      parts.append(scalars[partStart..<j])
      partStart = j + 1
    }
    parts.append(scalars[partStart..<end])
    for part in parts.dropFirst() {
      var s = part.startIndex
      var e = part.endIndex
      while s < e && scalars[s].properties.isWhitespace { s += 1 }
      while e > s && scalars[e - 1].properties.isWhitespace { e -= 1 }
      let name = scalars[s..<e]
      if name.contains(where: { $0.properties.isWhitespace }) {
        throw GherkinError(message: "A tag may not contain whitespace", location: .init(line: lineNumber, column: column))
      }
      result.append((column, "@" + Self.string(name)))
      column += part.count + 1
    }
    return result
  }
}
