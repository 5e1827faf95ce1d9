/// A tag expression (`@fast and not (@slow or @wip)`), parsed as cucumber does: `not` binds
/// tighter than `and`, which binds tighter than `or`; `\` escapes `(`, `)`, `\` and whitespace
/// inside a tag.
///
/// An empty expression matches everything.
public indirect enum TagExpression: Hashable, Sendable, CustomStringConvertible {
  case always
  case tag(String)
  case not(TagExpression)
  case and(TagExpression, TagExpression)
  case or(TagExpression, TagExpression)

  public func evaluate(_ tags: Set<String>) -> Bool {
    switch self {
    case .always: return true
    case .tag(let name): return tags.contains(name)
    case .not(let e): return !e.evaluate(tags)
    case .and(let a, let b): return a.evaluate(tags) && b.evaluate(tags)
    case .or(let a, let b): return a.evaluate(tags) || b.evaluate(tags)
    }
  }

  /// The canonical, fully parenthesised form (`( a and b )`).
  public var description: String {
    switch self {
    case .always: return ""
    case .tag(let name):
      var out = ""
      for c in name.unicodeScalars {
        if c == "\\" || c == "(" || c == ")" { out += "\\" }
        if c.properties.isWhitespace {
          out += "\\ "
          continue
        }
        out.unicodeScalars.append(c)
      }
      return out
    case .not(let e):
      switch e {
      case .and, .or: return "not \(e)"
      default: return "not ( \(e) )"
      }
    case .and(let a, let b): return "( \(a) and \(b) )"
    case .or(let a, let b): return "( \(a) or \(b) )"
    }
  }

  public static func parse(_ infix: String) throws(ExpressionError) -> TagExpression {
    let tokens = try tokenize(infix)
    if tokens.isEmpty { return .always }
    func failure(_ why: String) -> ExpressionError {
      ExpressionError("Tag expression \"\(infix)\" could not be parsed because of syntax error: \(why).")
    }
    let precedence: [String: Int] = ["(": -2, ")": -1, "or": 0, "and": 1, "not": 2]
    var expressions: [TagExpression] = []
    var operators: [String] = []
    var expectOperand = true

    func check(operand: Bool) throws(ExpressionError) {
      if expectOperand != operand { throw failure(expectOperand ? "Expected operand" : "Expected operator") }
    }
    func push(_ token: String) throws(ExpressionError) {
      func pop() throws(ExpressionError) -> TagExpression {
        guard let e = expressions.popLast() else { throw failure("Expected operand") }
        return e
      }
      switch token {
      case "and":
        let right = try pop()
        expressions.append(.and(try pop(), right))
      case "or":
        let right = try pop()
        expressions.append(.or(try pop(), right))
      case "not": expressions.append(.not(try pop()))
      default: expressions.append(.tag(token))
      }
    }

    for token in tokens {
      switch token {
      case "not":
        try check(operand: true)
        operators.append(token)
        expectOperand = true
      case "and", "or":
        try check(operand: false)
        while let top = operators.last, top != "(", top != ")",
          precedence[token]! <= precedence[top]!
        {
          try push(operators.removeLast())
        }
        operators.append(token)
        expectOperand = true
      case "(":
        try check(operand: true)
        operators.append(token)
        expectOperand = true
      case ")":
        try check(operand: false)
        while let top = operators.last, top != "(" { try push(operators.removeLast()) }
        guard operators.last == "(" else { throw failure("Unmatched )") }
        operators.removeLast()
        expectOperand = false
      default:
        try check(operand: true)
        try push(token)
        expectOperand = false
      }
    }
    if expectOperand { throw failure("Expected operand") }
    while let top = operators.popLast() {
      if top == "(" { throw failure("Unmatched (") }
      try push(top)
    }
    guard expressions.count == 1 else { throw failure("Expected operator") }
    return expressions[0]
  }

  static func tokenize(_ expression: String) throws(ExpressionError) -> [String] {
    var tokens: [String] = []
    var token = String.UnicodeScalarView()
    var escaped = false
    for c in expression.unicodeScalars {
      if escaped {
        guard c == "(" || c == ")" || c == "\\" || c.properties.isWhitespace else {
          throw ExpressionError(
            "Tag expression \"\(expression)\" could not be parsed because of syntax error: Illegal escape before \"\(c)\".")
        }
        token.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == "(" || c == ")" || c.properties.isWhitespace {
        if !token.isEmpty {
          tokens.append(String(token))
          token = String.UnicodeScalarView()
        }
        if !c.properties.isWhitespace { tokens.append(String(c)) }
      } else {
        token.append(c)
      }
    }
    if !token.isEmpty { tokens.append(String(token)) }
    return tokens
  }
}
