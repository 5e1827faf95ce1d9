/// Parses a Cucumber Expression into its syntax tree, by cucumber's grammar.
///
///     cucumber-expression := ( alternation | optional | parameter | text )*
///     alternation := (?<=left-boundary) alternative* ( '/' alternative* )+ (?=right-boundary)
///     left-boundary := whitespace | } | ^      right-boundary := whitespace | { | $
///     alternative := optional | parameter | text
///     optional := '(' option* ')'              option := optional | parameter | text
///     parameter := '{' name* '}'               name := whitespace | .
///     text := whitespace | ')' | '}' | .
public enum CucumberExpressionParser {
  typealias Token = CucumberExpressionToken
  typealias Node = CucumberExpressionNode
  typealias Result = (consumed: Int, nodes: [Node])
  typealias SubParser = (String, [Token], Int) throws -> Result

  public static func parse(_ expression: String) throws(ExpressionError) -> CucumberExpressionNode {
    let tokens = try CucumberExpressionTokenizer.tokenize(expression)
    do {
      return try parseExpression(expression, tokens, 0).nodes[0]
    } catch let error as ExpressionError {
      throw error
    } catch {
      throw ExpressionError(String(describing: error))
    }
  }

  static func parseText(_ expression: String, _ tokens: [Token], _ current: Int) throws -> Result {
    let token = tokens[current]
    switch token.kind {
    case .whiteSpace, .text, .endParameter, .endOptional:
      return (1, [Node(kind: .text, nodes: nil, token: token.text, start: token.start, end: token.end)])
    case .alternation:
      throw CucumberExpressionProblem.alternationInOptional(expression, token)
    default:
      return (0, [])
    }
  }

  static func parseName(_ expression: String, _ tokens: [Token], _ current: Int) throws -> Result {
    let token = tokens[current]
    switch token.kind {
    case .whiteSpace, .text:
      return (1, [Node(kind: .text, nodes: nil, token: token.text, start: token.start, end: token.end)])
    case .beginOptional, .endOptional, .beginParameter, .endParameter, .alternation:
      throw CucumberExpressionProblem.invalidParameterName(expression, token)
    default:
      return (0, [])
    }
  }

  static func parseParameter(_ expression: String, _ tokens: [Token], _ current: Int) throws -> Result {
    try parseBetween(.parameter, .beginParameter, .endParameter, [parseName], expression, tokens, current)
  }

  static func parseOptional(_ expression: String, _ tokens: [Token], _ current: Int) throws -> Result {
    try parseBetween(
      .optional, .beginOptional, .endOptional, [parseOptional, parseParameter, parseText], expression, tokens, current)
  }

  static func parseAlternativeSeparator(_ expression: String, _ tokens: [Token], _ current: Int) throws -> Result {
    guard lookingAt(tokens, current, .alternation) else { return (0, []) }
    let token = tokens[current]
    return (1, [Node(kind: .alternative, nodes: nil, token: token.text, start: token.start, end: token.end)])
  }

  static func parseAlternation(_ expression: String, _ tokens: [Token], _ current: Int) throws -> Result {
    guard lookingAtAny(tokens, current - 1, [.startOfLine, .whiteSpace, .endParameter]) else { return (0, []) }
    let result = try parseTokensUntil(
      expression, [parseAlternativeSeparator, parseOptional, parseParameter, parseText], tokens, current,
      [.whiteSpace, .endOfLine, .beginParameter])
    guard result.nodes.contains(where: { $0.kind == .alternative }) else { return (0, []) }
    let start = tokens[current].start
    let end = tokens[current + result.consumed].start
    return (
      result.consumed,
      [Node(kind: .alternation, nodes: splitAlternatives(start, end, result.nodes), token: nil, start: start, end: end)]
    )
  }

  static func parseExpression(_ expression: String, _ tokens: [Token], _ current: Int) throws -> Result {
    try parseBetween(
      .expression, .startOfLine, .endOfLine, [parseAlternation, parseOptional, parseParameter, parseText], expression, tokens,
      current)
  }

  static func parseBetween(
    _ kind: Node.Kind, _ begin: Token.Kind, _ end: Token.Kind, _ parsers: [SubParser], _ expression: String, _ tokens: [Token],
    _ current: Int
  ) throws -> Result {
    guard lookingAt(tokens, current, begin) else { return (0, []) }
    var sub = current + 1
    let result = try parseTokensUntil(expression, parsers, tokens, sub, [end, .endOfLine])
    sub += result.consumed
    guard lookingAt(tokens, sub, end) else {
      throw CucumberExpressionProblem.missingEndToken(expression, begin: begin, end: end, at: tokens[current])
    }
    let node = Node(kind: kind, nodes: result.nodes, token: nil, start: tokens[current].start, end: tokens[sub].end)
    return (sub + 1 - current, [node])
  }

  static func parseTokensUntil(
    _ expression: String, _ parsers: [SubParser], _ tokens: [Token], _ startAt: Int, _ endTokens: [Token.Kind]
  ) throws -> Result {
    var current = startAt
    var nodes: [Node] = []
    while current < tokens.count {
      if lookingAtAny(tokens, current, endTokens) { break }
      var consumed = 0
      for parse in parsers {
        let result = try parse(expression, tokens, current)
        if result.consumed != 0 {
          consumed = result.consumed
          nodes += result.nodes
          break
        }
      }
      guard consumed > 0 else { throw ExpressionError("No eligible parsers for \(tokens[current].kind.rawValue)") }
      current += consumed
    }
    return (current - startAt, nodes)
  }

  static func lookingAtAny(_ tokens: [Token], _ at: Int, _ kinds: [Token.Kind]) -> Bool {
    kinds.contains { lookingAt(tokens, at, $0) }
  }

  static func lookingAt(_ tokens: [Token], _ at: Int, _ kind: Token.Kind) -> Bool {
    if at < 0 { return kind == .startOfLine }
    if at >= tokens.count { return kind == .endOfLine }
    return tokens[at].kind == kind
  }

  static func splitAlternatives(_ start: Int, _ end: Int, _ alternation: [Node]) -> [Node] {
    var separators: [Node] = []
    var alternatives: [[Node]] = []
    var alternative: [Node] = []
    for node in alternation {
      if node.kind == .alternative {
        separators.append(node)
        alternatives.append(alternative)
        alternative = []
      } else {
        alternative.append(node)
      }
    }
    alternatives.append(alternative)
    return alternatives.enumerated().map { i, nodes in
      let from = i == 0 ? start : separators[i - 1].end
      let to = i == alternatives.count - 1 ? end : separators[i].start
      return Node(kind: .alternative, nodes: nodes, token: nil, start: from, end: to)
    }
  }
}
