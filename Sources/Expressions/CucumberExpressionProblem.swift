/// The errors of Cucumber Expressions, with cucumber's exact wording and caret diagrams.
enum CucumberExpressionProblem {
  static func message(_ index: Int, _ expression: String, _ pointer: String, _ problem: String, _ solution: String) -> String {
    "This Cucumber Expression has a problem at column \(index + 1):\n\n\(expression)\n\(pointer)\n\(problem).\n\(solution)"
  }

  static func pointAt(_ index: Int) -> String { String(repeating: " ", count: index) + "^" }

  static func pointAt(start: Int, end: Int) -> String {
    var pointer = pointAt(start)
    if start + 1 < end { pointer += String(repeating: "-", count: max(0, end - start - 2)) + "^" }
    return pointer
  }

  static func cantEscape(_ expression: String, at index: Int) -> ExpressionError {
    ExpressionError(
      message(
        index, expression, pointAt(index),
        "Only the characters '{', '}', '(', ')', '\\', '/' and whitespace can be escaped",
        "If you did mean to use an '\\' you can use '\\\\' to escape it"))
  }

  static func endOfLineEscaped(_ expression: String) -> ExpressionError {
    let index = expression.unicodeScalars.count - 1
    return ExpressionError(
      message(
        index, expression, pointAt(index), "The end of line can not be escaped", "You can use '\\\\' to escape the '\\'"))
  }

  static func missingEndToken(
    _ expression: String, begin: CucumberExpressionToken.Kind, end: CucumberExpressionToken.Kind,
    at token: CucumberExpressionToken
  ) -> ExpressionError {
    let beginSymbol = begin == .beginOptional ? "(" : "{"
    let endSymbol = end == .endOptional ? ")" : "}"
    let purpose = begin == .beginOptional ? "optional text" : "a parameter"
    return ExpressionError(
      message(
        token.start, expression, pointAt(start: token.start, end: token.end),
        "The '\(beginSymbol)' does not have a matching '\(endSymbol)'",
        "If you did not intend to use \(purpose) you can use '\\\(beginSymbol)' to escape the \(purpose)"))
  }

  static func alternationInOptional(_ expression: String, _ token: CucumberExpressionToken) -> ExpressionError {
    ExpressionError(
      message(
        token.start, expression, pointAt(start: token.start, end: token.end),
        "An alternation can not be used inside an optional",
        "If you did not mean to use an alternation you can use '\\/' to escape the '/'. Otherwise rephrase your expression or consider using a regular expression instead."
      ))
  }

  static func invalidParameterName(_ expression: String, _ token: CucumberExpressionToken) -> ExpressionError {
    ExpressionError(
      message(
        token.start, expression, pointAt(start: token.start, end: token.end),
        "Parameter names may not contain '{', '}', '(', ')', '\\' or '/'", "Did you mean to use a regular expression?"))
  }

  static func alternativeMayNotBeEmpty(_ expression: String, _ node: CucumberExpressionNode) -> ExpressionError {
    ExpressionError(
      message(
        node.start, expression, pointAt(node.start), "Alternative may not be empty",
        "If you did not mean to use an alternative you can use '\\/' to escape the '/'"))
  }

  static func alternativeOnlyOptionals(_ expression: String, _ node: CucumberExpressionNode) -> ExpressionError {
    ExpressionError(
      message(
        node.start, expression, pointAt(start: node.start, end: node.end), "An alternative may not exclusively contain optionals",
        "If you did not mean to use an optional you can use '\\(' to escape the '('"))
  }

  static func optionalMayNotBeEmpty(_ expression: String, _ node: CucumberExpressionNode) -> ExpressionError {
    ExpressionError(
      message(
        node.start, expression, pointAt(start: node.start, end: node.end), "An optional must contain some text",
        "If you did not mean to use an optional you can use '\\(' to escape the '('"))
  }

  static func parameterInOptional(_ expression: String, _ node: CucumberExpressionNode) -> ExpressionError {
    ExpressionError(
      message(
        node.start, expression, pointAt(start: node.start, end: node.end), "An optional may not contain a parameter type",
        "If you did not mean to use an parameter type you can use '\\{' to escape the '{'"))
  }

  static func optionalInOptional(_ expression: String, _ node: CucumberExpressionNode) -> ExpressionError {
    ExpressionError(
      message(
        node.start, expression, pointAt(start: node.start, end: node.end), "An optional may not contain an other optional",
        "If you did not mean to use an optional type you can use '\\(' to escape the '('. For more complicated expressions consider using a regular expression instead."
      ))
  }

  static func undefinedParameterType(_ expression: String, _ node: CucumberExpressionNode, _ name: String) -> ExpressionError {
    ExpressionError(
      message(
        node.start, expression, pointAt(start: node.start, end: node.end), "Undefined parameter type '\(name)'",
        "Please register a ParameterType for '\(name)'"),
      undefinedParameterType: name)
  }
}
