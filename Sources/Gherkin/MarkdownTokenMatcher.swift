import Foundation
import Messages

/// Matches Markdown with Gherkin (`.feature.md`): keywords in headings (`## Scenario: x`),
/// steps as bullets (`* Given x`), tags in backticks, tables indented 2 to 5 spaces (GFM
/// separator rows ignored), doc strings fenced with ``` or ````. The first line is the feature
/// line whatever it says; lines that are nothing else count as empty. No `# language:` header.
struct MarkdownTokenMatcher: TokenMatcher {
  private var base: ClassicTokenMatcher
  private var keywords: DialectKeywords
  private var matchedFeatureLine = false
  private var activeDocStringSeparator: [Unicode.Scalar]?
  private var indentToRemove = 0

  private static let separators = [#"""""#, "````", "```"].map { Array($0.unicodeScalars) }

  init(language: String = "en") throws(GherkinError) {
    base = try ClassicTokenMatcher(language: language)
    keywords = try DialectKeywords.named(language, at: Location(line: 1, column: 1))
  }

  mutating func reset() {
    base.reset()
    matchedFeatureLine = false
    activeDocStringSeparator = nil
    indentToRemove = 0
  }

  private var language: String { keywords.dialect.language }

  mutating func match(_ type: TokenType, _ token: Token) throws(GherkinError) -> Bool {
    guard let line = token.line else { return type == .eof ? try base.match(.eof, token) : false }
    switch type {
    case .eof: return false
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
      guard (2...5).contains(line.indent), line.starts(with: ["|"]) else { return false }
      let cells = line.tableCells
      if Self.isSeparatorRow(cells) { return false }
      token.setMatched(.tableRow, keyword: "|", items: cells, language: language)
      return true
    case .stepLine:
      guard let prefix = bulletPrefix(line) else { return false }
      let at = line.indent + prefix
      for step in keywords.steps where step.keyword != "* " && line.starts(with: step.scalars, at: at) {
        token.setMatched(
          .stepLine, text: line.restTrimmed(after: prefix + step.scalars.count), keyword: step.keyword,
          keywordType: step.first, indent: at, language: language)
        return true
      }
      return false
    case .comment:
      // A GFM table separator row (`| --- |`) is read as an empty line.
      guard line.starts(with: ["|"]), Self.isSeparatorRow(line.tableCells) else { return false }
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
    case .language:
      return false
    case .tagLine:
      let s = line.scalars
      let end = line.trimmedEnd
      var tags: [(column: Int, text: String)] = []
      var i = line.indent
      while i < end {
        if s[i] == "`", i + 2 < end, s[i + 1] == "@", s[i + 2] != "`",
          let close = s[(i + 3)..<end].firstIndex(of: "`")
        {
          tags.append((i + 2, GherkinLine.string(s[(i + 1)..<close])))
          i = close + 1
        } else {
          i += 1
        }
      }
      guard !tags.isEmpty else { return false }
      token.setMatched(.tagLine, items: tags, language: language)
      return true
    case .docStringSeparator:
      if let open = activeDocStringSeparator {
        guard line.starts(with: open) else { return false }
        activeDocStringSeparator = nil
        indentToRemove = 0
        token.setMatched(.docStringSeparator, text: "", keyword: GherkinLine.string(open[...]), language: language)
        return true
      }
      for separator in Self.separators where line.starts(with: separator) {
        activeDocStringSeparator = separator
        indentToRemove = line.indent
        token.setMatched(
          .docStringSeparator, text: line.restTrimmed(after: separator.count),
          keyword: GherkinLine.string(separator[...]), language: language)
        return true
      }
      return false
    case .other:
      var text = line.text(removingIndent: indentToRemove)
      if let open = activeDocStringSeparator, open.count == 3 {
        let separator = GherkinLine.string(open[...])
        text = text.replacingOccurrences(separator.unicodeScalars.map { "\\" + String($0) }.joined(), with: separator)
      }
      token.setMatched(.other, text: text, indent: 0, language: language)
      return true
    }
  }

  /// `#`..`######` and one whitespace, at the start of the trimmed line: its length.
  private func headerPrefix(_ line: GherkinLine) -> Int? {
    var i = line.indent
    while i < line.scalars.count, line.scalars[i] == "#" { i += 1 }
    let hashes = i - line.indent
    guard (1...6).contains(hashes), i < line.trimmedEnd, line.scalars[i].properties.isWhitespace else { return nil }
    return hashes + 1
  }

  /// `*`, `+` or `-` and any whitespace, at the start of the trimmed line: its length.
  private func bulletPrefix(_ line: GherkinLine) -> Int? {
    var i = line.indent
    guard i < line.trimmedEnd, ["*", "+", "-"].contains(line.scalars[i]) else { return nil }
    i += 1
    while i < line.trimmedEnd, line.scalars[i].properties.isWhitespace { i += 1 }
    return i - line.indent
  }

  private func matchTitle(_ type: TokenType, _ line: GherkinLine, _ token: Token) -> Bool {
    guard let prefix = headerPrefix(line) else { return false }
    let at = line.indent + prefix
    for keyword in keywords.titleKeywords(for: type)
    where line.starts(with: keyword, at: at) && line.starts(with: [":"], at: at + keyword.count) {
      token.setMatched(
        type, text: line.restTrimmed(after: prefix + keyword.count + 1), keyword: GherkinLine.string(keyword[...]),
        indent: at, language: language)
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
