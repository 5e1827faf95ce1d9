/// A Cucumber Expression, regular expression or tag expression that cannot be used; the message
/// is cucumber's own text (with the caret diagram for Cucumber Expressions).
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  /// The undefined parameter type's name, when that is the problem.
  public var undefinedParameterType: String?

  public init(_ message: String, undefinedParameterType: String? = nil) {
    self.message = message
    self.undefinedParameterType = undefinedParameterType
  }

  public var description: String { message }
}
