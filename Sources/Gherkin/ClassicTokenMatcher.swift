import Messages

/// Matches plain Gherkin (`.feature`) lines.
struct ClassicTokenMatcher: TokenMatcher {
  private let defaultLanguage: String
  private var keywords: DialectKeywords
  private var activeDocStringSeparator: [UInt8]?
  private var indentToRemove = 0

  static let tripleQuote = Array(#"""""#.utf8)
  static let tripleBacktick = Array("```".utf8)

  init(language: String = "en") throws(GherkinError) {
    defaultLanguage = language
    keywords = try DialectKeywords.named(language, at: Location(line: 1, column: 1))
  }

  mutating func reset() {
    if keywords.dialect.language != defaultLanguage, let dialect = GherkinDialect.named(defaultLanguage) {
      keywords = DialectKeywords(dialect)
    }
    activeDocStringSeparator = nil
    indentToRemove = 0
  }

  private var language: String { keywords.dialect.language }

  mutating func match(_ type: TokenType, _ token: Token) throws(GherkinError) -> Bool {
    guard let line = token.line else {
      guard type == .eof else { return false }
      token.setMatched(.eof, language: language)
      return true
    }
    switch type {
    case .eof: return false
    case .empty:
      guard line.isEmpty else { return false }
      token.setMatched(.empty, indent: 0, language: language)
      return true
    case .comment:
      guard line.startsWith(UInt8(ascii: "#")) else { return false }
      token.setMatched(.comment, text: line.text, indent: 0, language: language)
      return true
    case .language:
      guard let name = Self.languageName(line) else { return false }
      token.setMatched(.language, text: name, language: language)
      keywords = try DialectKeywords.named(name, at: token.location.with(column: line.indent + 1))
      token.matchedLanguage = name
      return true
    case .tagLine:
      guard line.startsWith(UInt8(ascii: "@")) else { return false }
      token.setMatched(.tagLine, items: try line.tags(), language: language)
      return true
    case .featureLine, .ruleLine, .backgroundLine, .examplesLine, .scenarioLine:
      for keyword in keywords.titleKeywords(for: type)
      where line.starts(with: keyword) && line.has([UInt8(ascii: ":")], at: line.contentStart + keyword.count) {
        token.setMatched(
          type, text: line.restTrimmed(afterBytes: keyword.count + 1), keyword: keywordString(keyword), language: language)
        return true
      }
      return false
    case .stepLine:
      for step in keywords.steps where line.starts(with: step.bytes) {
        token.setMatched(
          .stepLine, text: line.restTrimmed(afterBytes: step.bytes.count), keyword: step.keyword, keywordType: step.type,
          language: language)
        return true
      }
      return false
    case .docStringSeparator:
      return matchDocStringSeparator(line, token, openers: [Self.tripleQuote, Self.tripleBacktick])
    case .tableRow:
      guard line.startsWith(UInt8(ascii: "|")) else { return false }
      token.setMatched(.tableRow, items: line.tableCells, language: language)
      return true
    case .other:
      token.setMatched(.other, text: otherText(line), indent: 0, language: language)
      return true
    }
  }

  /// Opens or closes a doc string (shared with the Markdown flavour, which has more openers).
  mutating func matchDocStringSeparator(_ line: GherkinLine, _ token: Token, openers: [[UInt8]]) -> Bool {
    if let open = activeDocStringSeparator {
      guard line.starts(with: open) else { return false }
      activeDocStringSeparator = nil
      indentToRemove = 0
      token.setMatched(.docStringSeparator, text: "", keyword: keywordString(open), language: language)
      return true
    }
    for separator in openers where line.starts(with: separator) {
      activeDocStringSeparator = separator
      indentToRemove = line.indent
      token.setMatched(
        .docStringSeparator, text: line.restTrimmed(afterBytes: separator.count), keyword: keywordString(separator),
        language: language)
      return true
    }
    return false
  }

  /// A line's text as `#Other`: without the doc string's indent, and inside a `"""` or ```
  /// doc string with the escaped separator (`\"\"\"`) unescaped.
  func otherText(_ line: GherkinLine) -> String {
    let text = line.text(removingIndent: indentToRemove)
    guard let open = activeDocStringSeparator, open.count == 3, text.utf8.contains(UInt8(ascii: "\\")) else { return text }
    let separator = keywordString(open)
    return text.replacingOccurrences(separator.map { "\\" + String($0) }.joined(), with: separator)
  }

  /// The language named by a `# language: xx` line, if the line is one.
  static func languageName(_ line: GherkinLine) -> String? {
    // ^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$
    let b = line.bytes
    var i = line.contentStart
    let end = line.trimmedEnd
    func skipSpace() { while i < end, let length = GherkinLine.whitespaceLength(b, i, end) { i += length } }
    guard i < end, b[i] == UInt8(ascii: "#") else { return nil }
    i += 1
    skipSpace()
    for expected in "language".utf8 {
      guard i < end, b[i] == expected else { return nil }
      i += 1
    }
    skipSpace()
    guard i < end, b[i] == UInt8(ascii: ":") else { return nil }
    i += 1
    skipSpace()
    let start = i
    while i < end {
      let c = b[i]
      guard (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") else {
        break
      }
      i += 1
    }
    guard i > start, i == end else { return nil }
    return line.string(start, end)
  }
}

extension Location {
  func with(column: Int) -> Location { Location(line: line, column: column) }
}
