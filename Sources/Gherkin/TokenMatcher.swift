import Messages

/// Decides what kind of line a token is, one kind at a time, as the parser asks; a match fills
/// in the token's keyword, text, items and column.
///
/// Matchers keep state across lines (the current
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

/// A dialect's keywords prepared for matching, as UTF-8 bytes (prefix checks are byte compares).
struct DialectKeywords {
  let dialect: GherkinDialect
  let feature: [[UInt8]]
  let rule: [[UInt8]]
  let background: [[UInt8]]
  let scenario: [[UInt8]]
  let examples: [[UInt8]]
  /// Step keywords, longest first; `type` is `Unknown` for a keyword of several kinds.
  let steps: [(keyword: String, bytes: [UInt8], type: GherkinDialect.StepKind, first: GherkinDialect.StepKind)]

  init(_ dialect: GherkinDialect) {
    self.dialect = dialect
    func bytes(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
    feature = bytes(dialect.feature)
    rule = bytes(dialect.rule)
    background = bytes(dialect.background)
    scenario = bytes(dialect.scenario + dialect.scenarioOutline)
    examples = bytes(dialect.examples)
    steps = dialect.stepKeywords.map {
      ($0.keyword, Array($0.keyword.utf8), $0.kinds.count == 1 ? $0.kinds[0] : .unknown, $0.kinds[0])
    }
  }

  static func named(_ language: String, at location: Location) throws(GherkinError) -> DialectKeywords {
    guard let dialect = GherkinDialect.named(language) else {
      throw GherkinError(message: "Language not supported: \(language)", location: location)
    }
    return DialectKeywords(dialect)
  }

  func titleKeywords(for type: TokenType) -> [[UInt8]] {
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

/// A keyword's text from its bytes.
func keywordString(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

extension String {
  /// Every occurrence of `target` replaced, on UTF-8 bytes (no Foundation).
  func replacingOccurrences(_ target: String, with replacement: String) -> String {
    let t = Array(target.utf8)
    guard !t.isEmpty else { return self }
    var found = false
    var result: [UInt8] = []
    var utf8 = Array(self.utf8)
    var i = 0
    let r = Array(replacement.utf8)
    while i < utf8.count {
      if utf8[i] == t[0], i + t.count <= utf8.count, utf8[i..<(i + t.count)].elementsEqual(t) {
        if !found {
          found = true
          result.reserveCapacity(utf8.count)
          result.append(contentsOf: utf8[0..<i])
        }
        result.append(contentsOf: r)
        i += t.count
      } else {
        if found { result.append(utf8[i]) }
        i += 1
      }
    }
    if !found { return self }
    utf8 = result
    return String(decoding: utf8, as: UTF8.self)
  }
}
