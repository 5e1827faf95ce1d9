/// A token of a Cucumber Expression; `start` and `end` count Unicode code points.
public struct CucumberExpressionToken: Hashable, Sendable {
  public enum Kind: String, Sendable {
    case startOfLine = "START_OF_LINE"
    case endOfLine = "END_OF_LINE"
    case whiteSpace = "WHITE_SPACE"
    case text = "TEXT"
    case beginOptional = "BEGIN_OPTIONAL"
    case endOptional = "END_OPTIONAL"
    case beginParameter = "BEGIN_PARAMETER"
    case endParameter = "END_PARAMETER"
    case alternation = "ALTERNATION"
  }

  public var kind: Kind
  public var text: String
  public var start: Int
  public var end: Int

  public init(kind: Kind, text: String, start: Int, end: Int) {
    self.kind = kind
    self.text = text
    self.start = start
    self.end = end
  }

  static func kind(of c: Unicode.Scalar) -> Kind {
    if c.properties.isWhitespace { return .whiteSpace }
    switch c {
    case "/": return .alternation
    case "(": return .beginOptional
    case ")": return .endOptional
    case "{": return .beginParameter
    case "}": return .endParameter
    default: return .text
    }
  }

  static func canEscape(_ c: Unicode.Scalar) -> Bool {
    c.properties.isWhitespace || ["\\", "/", "(", ")", "{", "}"].contains(c)
  }
}

/// Splits a Cucumber Expression into tokens (cucumber's tokenizer: whitespace and text runs
/// merge, `\` escapes one reserved character).
public enum CucumberExpressionTokenizer {
  public static func tokenize(_ expression: String) throws(ExpressionError) -> [CucumberExpressionToken] {
    let scalars = Array(expression.unicodeScalars)
    var tokens: [CucumberExpressionToken] = []
    var buffer = String.UnicodeScalarView()
    var bufferCount = 0
    var previous: CucumberExpressionToken.Kind = .startOfLine
    var treatAsText = false
    var escaped = 0
    var bufferStart = 0

    func flush(_ kind: CucumberExpressionToken.Kind) -> CucumberExpressionToken {
      var escapeTokens = 0
      if kind == .text {
        escapeTokens = escaped
        escaped = 0
      }
      let consumed = bufferStart + bufferCount + escapeTokens
      let token = CucumberExpressionToken(kind: kind, text: String(buffer), start: bufferStart, end: consumed)
      buffer = String.UnicodeScalarView()
      bufferCount = 0
      bufferStart = consumed
      return token
    }

    if scalars.isEmpty { tokens.append(CucumberExpressionToken(kind: .startOfLine, text: "", start: 0, end: 0)) }
    for c in scalars {
      if !treatAsText && c == "\\" {
        escaped += 1
        treatAsText = true
        continue
      }
      let current: CucumberExpressionToken.Kind
      if treatAsText {
        guard CucumberExpressionToken.canEscape(c) else {
          throw CucumberExpressionProblem.cantEscape(expression, at: bufferStart + bufferCount + escaped)
        }
        current = .text
      } else {
        current = CucumberExpressionToken.kind(of: c)
      }
      treatAsText = false
      let newToken = current != previous || (current != .whiteSpace && current != .text)
      if newToken { tokens.append(flush(previous)) }
      previous = current
      buffer.append(c)
      bufferCount += 1
    }
    if bufferCount > 0 { tokens.append(flush(previous)) }
    if treatAsText { throw CucumberExpressionProblem.endOfLineEscaped(expression) }
    tokens.append(CucumberExpressionToken(kind: .endOfLine, text: "", start: scalars.count, end: scalars.count))
    return tokens
  }
}
