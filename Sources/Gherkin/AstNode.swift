import Messages

/// A rule being built: the tokens it matched and the finished children it gathered, each kind
/// in its own field (so finishing a rule never searches or copies more than it needs).
final class AstNode {
  let rule: Grammar.RuleType?
  private(set) var tokens: [Token] = []
  var steps: [Step] = []
  var docString: DocString?
  var dataTable: DataTable?
  var background: Background?
  var scenarios: [Scenario] = []
  var rules: [Rule] = []
  var examples: [Examples] = []
  var tableRows: [TableRow]?
  var description: String?
  var feature: Feature?
  /// Child nodes kept as nodes: tags, headers, scenario, examples, the document.
  var nodes: [Grammar.RuleType: AstNode] = [:]
  /// Whether a doc string came before a data table (for the arguments' order).
  var docStringFirst = false

  init(_ rule: Grammar.RuleType?) { self.rule = rule }

  func add(_ token: Token) { tokens.append(token) }

  func tokens(_ type: TokenType) -> [Token] { tokens.filter { $0.matchedType == type } }

  func token(_ type: TokenType) -> Token? { tokens.first { $0.matchedType == type } }

  func node(_ rule: Grammar.RuleType) -> AstNode? { nodes[rule] }
}
