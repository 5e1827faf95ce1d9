/// The parameter types a suite knows: the built-ins (`int`, `float`, `word`, `string`, `{}`,
/// `double`, `bigdecimal`, `biginteger`, `byte`, `short`, `long`) and those it defines.
///
/// Guarantees: names are unique; a regular-expression group finds its type by the group's
/// source, the preferred type first (an ambiguous source is an error naming the candidates).
public struct ParameterTypeRegistry: Sendable {
  public private(set) var parameterTypes: [ParameterType] = []
  private var byName: [String: ParameterType] = [:]
  private var byRegexp: [String: [ParameterType]] = [:]

  static let integerRegexps = [#"-?\d+"#, #"\d+"#]
  static let floatRegexp = #"(?=.*\d.*)[-+]?\d*(?:\.(?=\d.*))?\d*(?:\d+[E][+-]?\d+)?"#
  static let wordRegexp = #"[^\s]+"#
  static let stringRegexp = #""([^"\\]*(\\.[^"\\]*)*)"|'([^'\\]*(\\.[^'\\]*)*)'"#
  static let anonymousRegexp = ".*"

  public init() {
    let builtIns = [
      ParameterType(
        name: "int", regexps: Self.integerRegexps, transform: .integer, useForSnippets: true, preferForRegexpMatch: true),
      ParameterType(name: "float", regexps: [Self.floatRegexp], transform: .float, useForSnippets: true),
      ParameterType(name: "word", regexps: [Self.wordRegexp], transform: .text, useForSnippets: false),
      ParameterType(name: "string", regexps: [Self.stringRegexp], transform: .quotedString, useForSnippets: true),
      ParameterType(
        name: "", regexps: [Self.anonymousRegexp], transform: .text, useForSnippets: false, preferForRegexpMatch: true),
      ParameterType(name: "double", regexps: [Self.floatRegexp], transform: .float, useForSnippets: false),
      ParameterType(name: "bigdecimal", regexps: [Self.floatRegexp], transform: .text, useForSnippets: false),
      ParameterType(name: "biginteger", regexps: Self.integerRegexps, transform: .text, useForSnippets: false),
      ParameterType(name: "byte", regexps: Self.integerRegexps, transform: .integer, useForSnippets: false),
      ParameterType(name: "short", regexps: Self.integerRegexps, transform: .integer, useForSnippets: false),
      ParameterType(name: "long", regexps: Self.integerRegexps, transform: .integer, useForSnippets: false),
    ]
    for type in builtIns {
      do {
        try define(type)
      } catch {
        preconditionFailure("the built-in parameter type '\(type.name ?? "")' does not define: \(error)")
      }
    }
  }

  /// Adds a parameter type.
  ///
  /// A second type with the same name, or two preferred types with the
  /// same regexp, is an error.
  public mutating func define(_ type: ParameterType) throws(ExpressionError) {
    if let name = type.name {
      if byName[name] != nil {
        throw ExpressionError(
          name.isEmpty
            ? "The anonymous parameter type has already been defined"
            : "There is already a parameter type with name \(name)")
      }
      byName[name] = type
    }
    for regexp in type.regexps {
      var list = byRegexp[regexp] ?? []
      if type.preferForRegexpMatch, let clash = list.first(where: \.preferForRegexpMatch) {
        throw ExpressionError(
          "There can only be one preferential parameter type per regexp. The regexp /\(regexp)/ is used for two preferential parameter types, {\(clash.name ?? "")} and {\(type.name ?? "")}"
        )
      }
      list.append(type)
      list.sort(by: ParameterType.precedes)
      byRegexp[regexp] = list
    }
    parameterTypes.append(type)
  }

  public func lookup(name: String) -> ParameterType? { byName[name] }

  /// The type for a regular-expression group's source, nil when none has that regexp.
  public func lookup(regexp source: String, expression: String) throws(ExpressionError) -> ParameterType? {
    guard let types = byRegexp[source] else { return nil }
    if types.count > 1 && !types[0].preferForRegexpMatch {
      let names = types.map { "{\($0.name ?? "")}" }.joined(separator: "\n   ")
      throw ExpressionError(
        """
        Your Regular Expression /\(expression)/
        matches multiple parameter types with regexp /\(source)/:
           \(names)

        I couldn't decide which one to use. You have two options:

        1) Use a Cucumber Expression instead of a Regular Expression. Try one of these:

        2) Make one of the parameter types preferential and continue to use a Regular Expression.

        """)
    }
    return types[0]
  }
}
