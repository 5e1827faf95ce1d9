/// One matched parameter of a step: its group and its parameter type.
public struct Argument: Hashable, Sendable {
  public var group: Group
  public var parameterType: ParameterType

  /// The value after the built-in conversions; `.custom` leaves the transformer to the caller.
  public var value: ArgumentValue {
    let values = group.values
    switch parameterType.transform {
    case .integer:
      guard let text = values.first ?? nil else { return .null }
      return .number(Double(text) ?? .nan)
    case .float:
      guard let text = values.first ?? nil else { return .null }
      return .number(Self.parseFloat(text))
    case .text:
      guard let text = values.first ?? nil else { return .null }
      return .string(text)
    case .optionalText:
      guard let text = values.first ?? nil else { return .null }
      return .string(text)
    case .quotedString:
      let text = (values.first ?? nil).flatMap { $0.isEmpty ? nil : $0 } ?? (values.count > 1 ? values[1] : nil) ?? ""
      return .string(text.replacingAll(#"\""#, with: "\"").replacingAll(#"\'"#, with: "'"))
    case .custom:
      return .custom(values)
    }
  }

  /// JavaScript's `parseFloat` on text the float regexp matched.
  static func parseFloat(_ text: String) -> Double {
    if let value = Double(text) { return value }
    // The regexp allows forms Swift's parser refuses ("1." or "+.5e3" are fine; "-" is not
    // matched); fall back to the longest numeric prefix.
    var prefix = Substring(text)
    while !prefix.isEmpty {
      if let value = Double(prefix) { return value }
      prefix = prefix.dropLast()
    }
    return .nan
  }

  /// Pairs the top-level groups of a match with the parameter types, in order.
  static func build(_ group: Group, _ types: [ParameterType]) throws(ExpressionError) -> [Argument] {
    guard group.children.count == types.count else {
      throw ExpressionError(
        "Group has \(group.children.count) capture groups (\(group.children.map { $0.value ?? "undefined" }.joined(separator: ","))), but there were \(types.count) parameter types (\(types.map { $0.name ?? "" }.joined(separator: ",")))"
      )
    }
    return zip(group.children, types).map { Argument(group: $0, parameterType: $1) }
  }
}

/// A parameter's value: what the built-in conversions give, or the group values for a
/// user-defined transformer.
public enum ArgumentValue: Hashable, Sendable {
  case null
  case string(String)
  case number(Double)
  case custom([String?])
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
