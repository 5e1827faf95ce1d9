/// A place in a source file: 1-based line, and 1-based column when known (an unexpected end of
/// file has none).
public struct Location: Codable, Hashable, Sendable {
  public var line: Int
  public var column: Int?

  public init(line: Int, column: Int? = nil) {
    self.line = line
    self.column = column
  }
}
