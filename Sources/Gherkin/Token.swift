import Messages

/// The kinds of line the scanner and matchers tell apart (the grammar's terminals).
public enum TokenType: String, CaseIterable, Sendable {
  case eof = "EOF"
  case empty = "Empty"
  case comment = "Comment"
  case tagLine = "TagLine"
  case featureLine = "FeatureLine"
  case ruleLine = "RuleLine"
  case backgroundLine = "BackgroundLine"
  case scenarioLine = "ScenarioLine"
  case examplesLine = "ExamplesLine"
  case stepLine = "StepLine"
  case docStringSeparator = "DocStringSeparator"
  case tableRow = "TableRow"
  case language = "Language"
  case other = "Other"
}

/// One line of input and what a matcher found in it.
final class Token {
  let line: GherkinLine?
  var location: Location
  var matchedType: TokenType?
  var matchedKeyword: String?
  var matchedKeywordType: GherkinDialect.StepKind?
  var matchedText: String?
  var matchedItems: [(column: Int, text: String)] = []
  var matchedIndent = 0
  var matchedLanguage = "en"

  init(line: GherkinLine?, lineNumber: Int) {
    self.line = line
    location = Location(line: lineNumber)
  }

  var isEOF: Bool { line == nil }
}
