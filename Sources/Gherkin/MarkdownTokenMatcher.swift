import Messages

/// Matches Markdown with Gherkin (`.feature.md`): keywords in headings (`## Scenario: x`),
/// steps as bullets (`* Given x`), tags in backticks, tables indented 2 to 5 spaces (GFM
/// separator rows ignored), doc strings fenced with ``` or ````.
///
/// The first line is the feature
/// line whatever it says; lines that are nothing else count as empty. No `# language:` header.
struct MarkdownTokenMatcher: TokenMatcher {
  private var base: ClassicTokenMatcher
  private var keywords: DialectKeywords
  private var matchedFeatureLine = false

  private static let openers = [ClassicTokenMatcher.tripleQuote, Array("````".utf8), ClassicTokenMatcher.tripleBacktick]

  init(language: String = "en") throws(GherkinError) {
    base = try ClassicTokenMatcher(language: language)
    keywords = try DialectKeywords.named(language, at: Location(line: 1, column: 1))
  }

  mutating func reset() {
    base.reset()
    matchedFeatureLine = false
  }

  private var language: String { keywords.dialect.language }

  mutating func match(_ type: TokenType, _ token: Token) throws(GherkinError) -> Bool {
    guard let line = token.line else { return type == .eof ? try base.match(.eof, token) : false }
    switch type {
    case .eof, .language: return false
    case .featureLine:
      if matchedFeatureLine { return false }
      if !matchTitle(.featureLine, line, token) {
        token.setMatched(.featureLine, text: line.trimmed, language: language)
      }
      matchedFeatureLine = true
      return true
    case .ruleLine, .scenarioLine, .backgroundLine, .examplesLine:
      return matchTitle(type, line, token)
    case .tableRow:
      guard (2...5).contains(line.contentStart - line.start), line.startsWith(UInt8(ascii: "|")) else { return false }
      let cells = line.tableCells
      if Self.isSeparatorRow(cells) { return false }
      token.setMatched(.tableRow, keyword: "|", items: cells, language: language)
      return true
    case .stepLine:
      guard let prefix = bulletPrefix(line) else { return false }
      let at = line.contentStart + prefix
      for step in keywords.steps where step.keyword != "* " && line.has(step.bytes, at: at) {
        token.setMatched(
          .stepLine, text: line.restTrimmed(afterBytes: prefix + step.bytes.count), keyword: step.keyword,
          keywordType: step.first, indent: line.column(ofByte: at) - 1, language: language)
        return true
      }
      return false
    case .comment:
      // A GFM table separator row (`| --- |`) is read as an empty line.
      guard line.startsWith(UInt8(ascii: "|")), Self.isSeparatorRow(line.tableCells) else { return false }
      token.setMatched(.empty, indent: 0, language: language)
      return true
    case .empty:
      var matches = line.isEmpty
      if !matches {
        var other = false
        for kind in [
          TokenType.tagLine, .featureLine, .scenarioLine, .backgroundLine, .examplesLine, .ruleLine, .tableRow, .comment,
          .language, .docStringSeparator, .eof, .stepLine,
        ] where try match(kind, token) {
          other = true
          break
        }
        matches = !other
      }
      if matches { token.setMatched(.empty, indent: 0, language: language) }
      return matches
    case .tagLine:
      let b = line.bytes
      let end = line.trimmedEnd
      var tags: [(column: Int, text: String)] = []
      var i = line.contentStart
      while i < end {
        if b[i] == UInt8(ascii: "`"), i + 2 < end, b[i + 1] == UInt8(ascii: "@"), b[i + 2] != UInt8(ascii: "`"),
          let close = b[(i + 3)..<end].firstIndex(of: UInt8(ascii: "`"))
        {
          tags.append((line.column(ofByte: i) + 1, line.string(i + 1, close)))
          i = close + 1
        } else {
          i += 1
        }
      }
      guard !tags.isEmpty else { return false }
      token.setMatched(.tagLine, items: tags, language: language)
      return true
    case .docStringSeparator:
      return base.matchDocStringSeparator(line, token, openers: Self.openers)
    case .other:
      token.setMatched(.other, text: base.otherText(line), indent: 0, language: language)
      return true
    }
  }

  /// The byte length of one to six `#` and one whitespace at the start of the trimmed line.
  private func headerPrefix(_ line: GherkinLine) -> Int? {
    var i = line.contentStart
    while i < line.end, line.bytes[i] == UInt8(ascii: "#") { i += 1 }
    let hashes = i - line.contentStart
    guard (1...6).contains(hashes), i < line.trimmedEnd, let length = GherkinLine.whitespaceLength(line.bytes, i, line.end)
    else { return nil }
    return hashes + length
  }

  /// `*`, `+` or `-` and any whitespace, at the start of the trimmed line: its byte length.
  private func bulletPrefix(_ line: GherkinLine) -> Int? {
    var i = line.contentStart
    guard i < line.trimmedEnd, [UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(line.bytes[i]) else {
      return nil
    }
    i += 1
    while i < line.trimmedEnd, let length = GherkinLine.whitespaceLength(line.bytes, i, line.trimmedEnd) { i += length }
    return i - line.contentStart
  }

  private func matchTitle(_ type: TokenType, _ line: GherkinLine, _ token: Token) -> Bool {
    guard let prefix = headerPrefix(line) else { return false }
    let at = line.contentStart + prefix
    for keyword in keywords.titleKeywords(for: type)
    where line.has(keyword, at: at) && line.has([UInt8(ascii: ":")], at: at + keyword.count) {
      token.setMatched(
        type, text: line.restTrimmed(afterBytes: prefix + keyword.count + 1), keyword: keywordString(keyword),
        indent: line.column(ofByte: at) - 1, language: language)
      return true
    }
    return false
  }

  private static func isSeparatorRow(_ cells: [(column: Int, text: String)]) -> Bool {
    cells.contains { cell in
      var s = Substring(cell.text)
      if s.first == ":" { s = s.dropFirst() }
      if s.last == ":" { s = s.dropLast() }
      return !s.isEmpty && s.allSatisfy { $0 == "-" }
    }
  }
}
