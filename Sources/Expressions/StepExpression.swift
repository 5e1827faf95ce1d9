/// A step definition's pattern, Cucumber Expression or regular expression: its JavaScript regex
/// source, and how a match becomes arguments.
public protocol StepExpression: Sendable {
  /// The pattern as the user wrote it.
  var source: String { get }
  /// The JavaScript regular expression that matches step text.
  var regexSource: String { get }
  var regexFlags: String { get }
  /// The arguments when `text` matches, nil otherwise.
  func match(_ text: String, engine: RegexEngine) throws -> [Argument]?
  /// The arguments of a match of `regexSource` (made elsewhere, for example many patterns at once).
  func arguments(from match: RegexMatch) throws -> [Argument]
}

/// A Cucumber Expression (`I have {int} cukes in my belly`), compiled to a regular expression.
///
/// Guarantees: the regex source is cucumber's, character for character (optional text as
/// `(?:…)?`, alternation as `(?:a|b)`, each parameter as one capture group); errors carry
/// cucumber's messages with the caret diagram.
public struct CucumberExpression: StepExpression, Hashable {
  public let source: String
  public let regexSource: String
  public var regexFlags: String { "" }
  public let parameterTypes: [ParameterType]
  public let ast: CucumberExpressionNode
  private let groups: GroupBuilder

  public init(_ expression: String, registry: ParameterTypeRegistry) throws(ExpressionError) {
    source = expression
    ast = try CucumberExpressionParser.parse(expression)
    var types: [ParameterType] = []
    regexSource = try Self.rewrite(ast, expression, registry, &types)
    parameterTypes = types
    groups = GroupBuilder.parse(regexSource)
  }

  public func match(_ text: String, engine: RegexEngine) throws -> [Argument]? {
    guard let match = try engine.exec(regexSource, flags: regexFlags, in: text, from: 0) else { return nil }
    return try arguments(from: match)
  }

  public func arguments(from match: RegexMatch) throws -> [Argument] {
    try Argument.build(groups.build(match), parameterTypes)
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for c in text.unicodeScalars {
      if "\\^[({$.|?*+})]".unicodeScalars.contains(c) { out += "\\" }
      out.unicodeScalars.append(c)
    }
    return out
  }

  private static func rewrite(
    _ node: CucumberExpressionNode, _ expression: String, _ registry: ParameterTypeRegistry, _ types: inout [ParameterType]
  ) throws(ExpressionError) -> String {
    let children = node.nodes ?? []
    func all(_ separator: String = "") throws(ExpressionError) -> String {
      var parts: [String] = []
      for child in children { parts.append(try rewrite(child, expression, registry, &types)) }
      return parts.joined(separator: separator)
    }
    switch node.kind {
    case .text:
      return escape(node.text)
    case .optional:
      if let parameter = children.first(where: { $0.kind == .parameter }) {
        throw CucumberExpressionProblem.parameterInOptional(expression, parameter)
      }
      if let optional = children.first(where: { $0.kind == .optional }) {
        throw CucumberExpressionProblem.optionalInOptional(expression, optional)
      }
      if !children.contains(where: { $0.kind == .text }) {
        throw CucumberExpressionProblem.optionalMayNotBeEmpty(expression, node)
      }
      return "(?:\(try all()))?"
    case .alternation:
      for alternative in children {
        if (alternative.nodes ?? []).isEmpty { throw CucumberExpressionProblem.alternativeMayNotBeEmpty(expression, alternative) }
        if !(alternative.nodes ?? []).contains(where: { $0.kind == .text }) {
          throw CucumberExpressionProblem.alternativeOnlyOptionals(expression, alternative)
        }
      }
      return "(?:\(try all("|")))"
    case .alternative:
      return try all()
    case .parameter:
      let name = node.text
      guard let type = registry.lookup(name: name) else {
        throw CucumberExpressionProblem.undefinedParameterType(expression, node, name)
      }
      types.append(type)
      if type.regexps.count == 1 { return "(\(type.regexps[0]))" }
      return "((?:\(type.regexps.joined(separator: ")|(?:"))))"
    case .expression:
      return "^\(try all())$"
    }
  }
}

/// A regular-expression step (`/^I have (\d+) cukes$/`): each top-level group takes the
/// parameter type whose regexp is the group's source (`(\d+)` gives an int), or an anonymous
/// text type; a group that takes no part gives null.
public struct RegularExpression: StepExpression, Hashable {
  public let source: String
  public var regexSource: String { source }
  public let regexFlags: String
  private let groups: GroupBuilder
  private let registry: ParameterTypeRegistry

  public init(_ source: String, flags: String = "", registry: ParameterTypeRegistry) {
    self.source = source
    self.regexFlags = flags
    self.registry = registry
    groups = GroupBuilder.parse(source)
  }

  public static func == (a: RegularExpression, b: RegularExpression) -> Bool {
    a.source == b.source && a.regexFlags == b.regexFlags
  }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(source)
    hasher.combine(regexFlags)
  }

  public func match(_ text: String, engine: RegexEngine) throws -> [Argument]? {
    guard let match = try engine.exec(source, flags: regexFlags, in: text, from: 0) else { return nil }
    return try arguments(from: match)
  }

  public func arguments(from match: RegexMatch) throws -> [Argument] {
    var types: [ParameterType] = []
    for group in groups.children {
      types.append(
        try registry.lookup(regexp: group.source, expression: source)
          ?? ParameterType(name: nil, regexps: [group.source], transform: .optionalText, useForSnippets: false))
    }
    return try Argument.build(groups.build(match), types)
  }
}
