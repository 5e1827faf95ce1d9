import Messages

/// Parses one Gherkin source into a `GherkinDocument`.
///
/// Guarantees: errors are collected, not stopped at the first (at most 10, duplicates dropped),
/// with the exact messages of cucumber/gherkin; a document is returned only when there were none.
/// Pure Swift, no shared mutable state: parsers may run on many threads at once.
public struct GherkinParser {
  /// The language of files without a `# language:` line (an ISO code Gherkin knows).
  public let language: String

  public init(language: String = "en") { self.language = GherkinDialect.named(language) == nil ? "en" : language }

  /// Parses `source` (plain or Markdown flavour, by its media type).
  public func parse(_ source: Source, ids: IdGenerator) throws(GherkinErrors) -> GherkinDocument {
    var run = Run(source: source, ids: ids, language: language)
    return try run.parse()
  }

  /// The token stream of `source`, in the `.tokens` format of the conformance data.
  public func tokens(_ source: Source) throws(GherkinErrors) -> String {
    var run = Run(source: source, ids: .incrementing(), language: language)
    run.recordTokens = true
    _ = try? run.parse()
    if !run.errors.isEmpty { throw GherkinErrors(errors: run.errors) }
    return run.tokenLines.joined(separator: "\n") + "\n"
  }

  private struct Run {
    var scanner: TokenScanner
    var matcher: any TokenMatcher
    var builder: AstBuilder
    var queue: [Token] = []
    var errors: [GherkinError] = []
    var recordTokens = false
    var tokenLines: [String] = []
    let states = ParserStates.shared.states

    init(source: Source, ids: IdGenerator, language: String) {
      scanner = TokenScanner(source.data)
      // The parser's initializer checked the language exists.
      do {
        switch source.mediaType {
        case .gherkinPlain: matcher = try ClassicTokenMatcher(language: language)
        case .gherkinMarkdown: matcher = try MarkdownTokenMatcher(language: language)
        }
      } catch {
        preconditionFailure("Gherkin has no language '\(language)', which the parser checked: \(error)")
      }
      builder = AstBuilder(uri: source.uri, ids: ids)
    }

    struct TooManyErrors: Error {}

    mutating func parse() throws(GherkinErrors) -> GherkinDocument {
      matcher.reset()
      builder.startRule(.gherkinDocument)
      var state = 0
      do {
        while true {
          let token = read()
          state = try match(state, token)
          if token.isEOF { break }
        }
        endRule(.gherkinDocument)
      } catch {
        throw GherkinErrors(errors: errors)
      }
      if !errors.isEmpty { throw GherkinErrors(errors: errors) }
      return builder.document()
    }

    mutating func read() -> Token {
      queue.isEmpty ? scanner.read() : queue.removeFirst()
    }

    mutating func add(_ error: GherkinError) throws(TooManyErrors) {
      if errors.contains(error) { return }
      errors.append(error)
      if errors.count > 10 { throw TooManyErrors() }
    }

    /// Asks the matcher; a matcher error (unknown language, whitespace in a tag) is recorded
    /// and counts as no match.
    mutating func matches(_ type: TokenType, _ token: Token) throws(TooManyErrors) -> Bool {
      do {
        return try matcher.match(type, token)
      } catch {
        try add(error)
        return false
      }
    }

    mutating func match(_ state: Int, _ token: Token) throws(TooManyErrors) -> Int {
      let transitions = states[state].transitions
      for index in transitions.indices {
        guard try matches(transitions[index].type, token) else { continue }
        if let hint = transitions[index].lookahead, !(try lookahead(hint)) { continue }
        for action in transitions[index].actions {
          switch action {
          case .start(let rule): builder.startRule(rule)
          case .end(let rule): endRule(rule)
          }
        }
        if recordTokens { tokenLines.append(TokenFormatter.format(token)) }
        builder.build(token)
        return transitions[index].target ?? state
      }
      try add(.unexpected(token, expected: states[state].expected))
      return state
    }

    /// Reads ahead past empty, comment and tag lines: true when the hint's target comes next.
    mutating func lookahead(_ hint: Grammar.Lookahead) throws(TooManyErrors) -> Bool {
      var seen: [Token] = []
      var found = false
      while true {
        let token = read()
        seen.append(token)
        if try matches(hint.target, token) {
          found = true
          break
        }
        var skippable = false
        for type in hint.skip where try matches(type, token) {
          skippable = true
          break
        }
        if !skippable { break }
      }
      queue.append(contentsOf: seen)
      return found
    }

    mutating func endRule(_ rule: Grammar.RuleType) {
      do {
        try builder.endRule(rule)
      } catch {
        if !errors.contains(error) { errors.append(error) }
      }
    }
  }
}
