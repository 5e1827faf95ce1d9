import Messages

/// A rule being built: the tokens and finished children it gathered, in order.
final class AstNode {
  enum Key: Hashable {
    case rule(Grammar.RuleType)
    case token(TokenType)
  }

  enum Value {
    case token(Token)
    case node(AstNode)
    case step(Step)
    case docString(DocString)
    case dataTable(DataTable)
    case background(Background)
    case scenario(Scenario)
    case examples(Examples)
    case rows([TableRow])
    case description(String)
    case feature(Feature)
    case rule(Rule)
    case none
  }

  let rule: Grammar.RuleType?
  private(set) var entries: [(key: Key, value: Value)] = []

  init(_ rule: Grammar.RuleType?) { self.rule = rule }

  func add(_ key: Key, _ value: Value) { entries.append((key, value)) }

  func single(_ rule: Grammar.RuleType) -> Value? {
    entries.first { $0.key == .rule(rule) }?.value
  }

  func items(_ rule: Grammar.RuleType) -> [Value] {
    entries.filter { $0.key == .rule(rule) }.map(\.value)
  }

  func tokens(_ type: TokenType) -> [Token] {
    entries.compactMap { entry in
      if entry.key == .token(type), case .token(let token) = entry.value { return token }
      return nil
    }
  }

  func token(_ type: TokenType) -> Token? { tokens(type).first }

  func node(_ rule: Grammar.RuleType) -> AstNode? {
    if case .node(let node)? = single(rule) { return node }
    return nil
  }
}
