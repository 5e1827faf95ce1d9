import Messages

/// One problem in a Gherkin file: the message and where it is.
///
/// `description` reads
/// `(line:column): message` exactly as Cucumber's parsers write it (column 0 at end of file).
public struct GherkinError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public var location: Location

  public init(message: String, location: Location) {
    self.message = message
    self.location = location
  }

  public var description: String { "(\(location.line):\(location.column ?? 0)): \(message)" }

  static func unexpected(_ token: Token, expected: [TokenType]) -> GherkinError {
    let names = expected.map { "#" + $0.rawValue }.joined(separator: ", ")
    guard let line = token.line else {
      return GherkinError(message: "unexpected end of file, expected: \(names)", location: Location(line: token.location.line))
    }
    return GherkinError(
      message: "expected: \(names), got '\(line.trimmed)'",
      location: Location(line: token.location.line, column: line.indent + 1))
  }
}

/// Every problem found in one file (the parser collects them instead of stopping at the first;
/// at most 10, as upstream).
public struct GherkinErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [GherkinError]
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
