import Foundation
import Messages

/// Matches plain Gherkin (`.feature`) lines.
struct ClassicTokenMatcher: TokenMatcher {
  private let defaultLanguage: String
  private var keywords: DialectKeywords
  private var activeDocStringSeparator: [Unicode.Scalar]?
  private var indentToRemove = 0

  private static let tripleQuote = Array(#"""""#.unicodeScalars)
  private static let tripleBacktick = Array("```".unicodeScalars)

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
    if type == .eof {
      guard token.isEOF else { return false }
      token.setMatched(.eof, language: language)
      return true
    }
    guard let line = token.line else { return false }
    switch type {
    case .eof: return false
    case .empty:
      guard line.isEmpty else { return false }
      token.setMatched(.empty, indent: 0, language: language)
      return true
    case .comment:
      guard line.starts(with: ["#"]) else { return false }
      token.setMatched(.comment, text: line.text, indent: 0, language: language)
      return true
    case .language:
      guard let name = Self.languageName(line) else { return false }
      token.setMatched(.language, text: name, language: language)
      keywords = try DialectKeywords.named(name, at: token.location.with(column: line.indent + 1))
      token.matchedLanguage = name
      return true
    case .tagLine:
      guard line.starts(with: ["@"]) else { return false }
      token.setMatched(.tagLine, items: try line.tags(), language: language)
      return true
    case .featureLine, .ruleLine, .backgroundLine, .scenarioLine, .examplesLine:
      for keyword in keywords.titleKeywords(for: type) where line.starts(with: keyword) && line.starts(with: [":"], at: line.indent + keyword.count) {
        token.setMatched(
          type, text: line.restTrimmed(after: keyword.count + 1), keyword: GherkinLine.string(keyword[...]),
          language: language)
        return true
      }
      return false
    case .stepLine:
      for step in keywords.steps where line.starts(with: step.scalars) {
        token.setMatched(
          .stepLine, text: line.restTrimmed(after: step.scalars.count), keyword: step.keyword, keywordType: step.type,
          language: language)
        return true
      }
      return false
    case .docStringSeparator:
      if let open = activeDocStringSeparator {
        guard line.starts(with: open) else { return false }
        activeDocStringSeparator = nil
        indentToRemove = 0
        token.setMatched(.docStringSeparator, text: "", keyword: GherkinLine.string(open[...]), language: language)
        return true
      }
      for separator in [Self.tripleQuote, Self.tripleBacktick] where line.starts(with: separator) {
        activeDocStringSeparator = separator
        indentToRemove = line.indent
        token.setMatched(
          .docStringSeparator, text: line.restTrimmed(after: separator.count), keyword: GherkinLine.string(separator[...]),
          language: language)
        return true
      }
      return false
    case .tableRow:
      guard line.starts(with: ["|"]) else { return false }
      token.setMatched(.tableRow, items: line.tableCells, language: language)
      return true
    case .other:
      var text = line.text(removingIndent: indentToRemove)
      if let open = activeDocStringSeparator {
        let separator = GherkinLine.string(open[...])
        let escaped = separator.unicodeScalars.map { "\\" + String($0) }.joined()
        text = text.replacingOccurrences(escaped, with: separator)
      }
      token.setMatched(.other, text: text, indent: 0, language: language)
      return true
    }
  }

  /// The language named by a `# language: xx` line, if the line is one.
  static func languageName(_ line: GherkinLine) -> String? {
    // ^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$
    let s = line.scalars
    var i = line.indent
    let end = line.trimmedEnd
    func skipSpace() { while i < end && s[i].properties.isWhitespace { i += 1 } }
    guard i < end, s[i] == "#" else { return nil }
    i += 1
    skipSpace()
    for expected in "language".unicodeScalars {
      guard i < end, s[i] == expected else { return nil }
      i += 1
    }
    skipSpace()
    guard i < end, s[i] == ":" else { return nil }
    i += 1
    skipSpace()
    let start = i
    while i < end, s[i].isASCII, s[i].properties.isAlphabetic || s[i] == "-" || s[i] == "_" { i += 1 }
    guard i > start, i == end else { return nil }
    return GherkinLine.string(s[start..<end])
  }
}

extension Location {
  func with(column: Int) -> Location { Location(line: line, column: column) }
}

extension String {
  func replacingOccurrences(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    return components(separatedBy: target).joined(separator: replacement)
  }
}
