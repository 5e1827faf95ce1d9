/// Suggests Cucumber Expressions for a step that has no definition (for snippets): each run of
/// text that a snippet-worthy parameter type matches as a whole word becomes `{type}`, the
/// longest match first; every combination of equally good types is offered (at most 256).
public struct CucumberExpressionGenerator {
  let registry: ParameterTypeRegistry
  let engine: RegexEngine

  public init(registry: ParameterTypeRegistry, engine: RegexEngine) {
    self.registry = registry
    self.engine = engine
  }

  /// One suggested expression and the names its snippet's parameters get.
  public struct Generated: Hashable, Sendable {
    public var source: String
    public var parameterTypes: [ParameterType]
    /// The parameters' names in order: `string`, `string2`, `int` and so on.
    public var parameterNames: [String] {
      var usage: [String: Int] = [:]
      return parameterTypes.map { type in
        let name = type.name ?? ""
        let count = (usage[name] ?? 0) + 1
        usage[name] = count
        return count == 1 ? name : "\(name)\(count)"
      }
    }
  }

  struct Candidate {
    let type: ParameterType
    let start: Int
    let length: Int
  }

  public func generate(_ text: String) throws -> [Generated] {
    let utf16 = Array(text.utf16)
    var template = ""
    var combinations: [[ParameterType]] = []
    var position = 0
    var counter = 0
    let matchers = registry.parameterTypes.filter(\.useForSnippets).flatMap { type in type.regexps.map { (type, $0) } }
    while true {
      var found: [Candidate] = []
      for (type, regexp) in matchers {
        if let candidate = try find(type, regexp, utf16, text, from: position) { found.append(candidate) }
      }
      guard !found.isEmpty else { break }
      found.sort { $0.start != $1.start ? $0.start < $1.start : $0.length > $1.length }
      let best = found[0]
      var types: [ParameterType] = []
      for candidate in found where candidate.start == best.start && candidate.length == best.length {
        if !types.contains(candidate.type) { types.append(candidate.type) }
      }
      combinations.append(types.sorted(by: ParameterType.precedes))
      template += Self.escape(String(decoding: utf16[position..<best.start], as: UTF16.self))
      template += "{{\(counter)}}"
      counter += 1
      position = best.start + best.length
      if position >= utf16.count { break }
    }
    template += Self.escape(String(decoding: utf16[min(position, utf16.count)...], as: UTF16.self))
    return Self.combine(template, combinations)
  }

  /// The first whole-word, non-empty match of `regexp` at or after `from`.
  private func find(_ type: ParameterType, _ regexp: String, _ utf16: [UInt16], _ text: String, from: Int) throws -> Candidate? {
    var at = from
    while at < utf16.count {
      guard let match = try engine.exec("(\(regexp))", flags: "", in: text, from: at), let whole = match.groups[0] else {
        return nil
      }
      let start = whole.start
      let length = whole.end - whole.start
      if length > 0 && Self.isBoundary(utf16, start - 1) && Self.isBoundary(utf16, start + length) {
        return Candidate(type: type, start: start, length: length)
      }
      at += 1
    }
    return nil
  }

  /// True at either end of the text, or where the code unit is a separator, punctuation or
  /// symbol (`\p{Z}|\p{P}|\p{S}`).
  static func isBoundary(_ utf16: [UInt16], _ index: Int) -> Bool {
    guard index >= 0 && index < utf16.count else { return true }
    guard let scalar = Unicode.Scalar(utf16[index]) else { return false }
    switch scalar.properties.generalCategory {
    case .spaceSeparator, .lineSeparator, .paragraphSeparator,
      .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation,
      .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      return true
    default:
      return false
    }
  }

  static func escape(_ text: String) -> String {
    text.replacingAll("(", with: "\\(").replacingAll("{", with: "\\{").replacingAll("/", with: "\\/")
  }

  static func combine(_ template: String, _ combinations: [[ParameterType]]) -> [Generated] {
    var results: [Generated] = []
    func walk(_ depth: Int, _ chosen: [ParameterType]) {
      if results.count >= 256 { return }
      if depth == combinations.count {
        var source = template
        for (i, type) in chosen.enumerated() { source = source.replacingAll("{{\(i)}}", with: "{\(type.name ?? "")}") }
        results.append(Generated(source: source, parameterTypes: chosen))
        return
      }
      for type in combinations[depth] { walk(depth + 1, chosen + [type]) }
    }
    walk(0, [])
    return results
  }
}
