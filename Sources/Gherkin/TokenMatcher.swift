import Messages

/// Decides what kind of line a token is, one kind at a time, as the parser asks; a match fills
/// in the token's keyword, text, items and column. Matchers keep state across lines (the current
/// dialect, an open doc string) and start over with `reset()`.
protocol TokenMatcher {
  mutating func reset()
  mutating func match(_ type: TokenType, _ token: Token) throws(GherkinError) -> Bool
}

/// Shared by both flavours: filling in a matched token.
extension Token {
  func setMatched(
    _ type: TokenType, text: String? = nil, keyword: String? = nil, keywordType: GherkinDialect.StepKind? = nil,
    indent: Int? = nil, items: [(column: Int, text: String)] = [], language: String
  ) {
    matchedType = type
    matchedText = text
    matchedKeyword = keyword
    matchedKeywordType = keywordType
    matchedIndent = indent ?? line?.indent ?? 0
    matchedItems = items
    location.column = matchedIndent + 1
    matchedLanguage = language
  }
}

/// A dialect's keywords prepared for matching (as scalars, so prefix checks are cheap).
struct DialectKeywords {
  let dialect: GherkinDialect
  let feature: [[Unicode.Scalar]]
  let rule: [[Unicode.Scalar]]
  let background: [[Unicode.Scalar]]
  let scenario: [[Unicode.Scalar]]
  let examples: [[Unicode.Scalar]]
  /// Step keywords, longest first; `type` is `Unknown` for a keyword of several kinds.
  let steps: [(keyword: String, scalars: [Unicode.Scalar], type: GherkinDialect.StepKind, first: GherkinDialect.StepKind)]

  init(_ dialect: GherkinDialect) {
    self.dialect = dialect
    func scalars(_ list: [String]) -> [[Unicode.Scalar]] { list.map { Array($0.unicodeScalars) } }
    feature = scalars(dialect.feature)
    rule = scalars(dialect.rule)
    background = scalars(dialect.background)
    scenario = scalars(dialect.scenario + dialect.scenarioOutline)
    examples = scalars(dialect.examples)
    steps = dialect.stepKeywords.map {
      ($0.keyword, Array($0.keyword.unicodeScalars), $0.kinds.count == 1 ? $0.kinds[0] : .unknown, $0.kinds[0])
    }
  }

  static func named(_ language: String, at location: Location) throws(GherkinError) -> DialectKeywords {
    guard let dialect = GherkinDialect.named(language) else {
      throw GherkinError(message: "Language not supported: \(language)", location: location)
    }
    return DialectKeywords(dialect)
  }

  func titleKeywords(for type: TokenType) -> [[Unicode.Scalar]] {
    switch type {
    case .featureLine: return feature
    case .ruleLine: return rule
    case .backgroundLine: return background
    case .scenarioLine: return scenario
    case .examplesLine: return examples
    default: return []
    }
  }
}
