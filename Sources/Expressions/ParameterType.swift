/// A parameter type: its name in `{name}`, the regular expressions (JavaScript syntax) that
/// match its text, and how the matched text becomes a value.
public struct ParameterType: Hashable, Sendable {
  /// How matched text becomes a value: the built-ins' conversions, or a transformer that lives
  /// elsewhere (a JavaScript function the runner calls with the group values).
  public enum Transform: Hashable, Sendable {
    /// `Number(text)`: int, byte, short, long.
    case integer
    /// `parseFloat(text)`: float, double.
    case float
    /// The text as it is: word, bigdecimal, biginteger, anonymous `{}`.
    case text
    /// A quoted string without its quotes, `\"` and `\'` unescaped.
    case quotedString
    /// The text, or null when the group did not take part (regular-expression groups).
    case optionalText
    /// A user-defined transformer, called with the group values.
    case custom
  }

  /// nil for the anonymous type a regular expression's group gets.
  public let name: String?
  public let regexps: [String]
  public let transform: Transform
  public let useForSnippets: Bool
  public let preferForRegexpMatch: Bool

  public init(
    name: String?, regexps: [String], transform: Transform, useForSnippets: Bool = true,
    preferForRegexpMatch: Bool = false
  ) {
    self.name = name
    self.regexps = regexps
    self.transform = transform
    self.useForSnippets = useForSnippets
    self.preferForRegexpMatch = preferForRegexpMatch
  }

  /// Checks a user-defined name: it may not contain `[]()$.|?*+`, nor `{}` or `/`.
  public static func checkName(_ name: String) throws(ExpressionError) {
    let illegal: Set<Character> = ["[", "]", "(", ")", "$", ".", "|", "?", "*", "+", "{", "}", "/", "\\"]
    if name.contains(where: illegal.contains) {
      throw ExpressionError(
        "Illegal character in parameter name {\(name)}. Parameter names may not contain '{', '}', '(', ')', '\\' or '/'")
    }
  }

  /// The order cucumber lists candidates in: preferred for regexp matches first, then by name.
  static func precedes(_ a: ParameterType, _ b: ParameterType) -> Bool {
    if a.preferForRegexpMatch != b.preferForRegexpMatch { return a.preferForRegexpMatch }
    return (a.name ?? "") < (b.name ?? "")
  }
}
