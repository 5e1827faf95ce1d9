/// The URL parser returned failure: `input`, against `base` when there was one, is not a URL.
///
/// The JavaScript `URL` constructor and `href` setter turn it into a `TypeError` ("Invalid URL").
/// A value type; `Sendable`.
public struct InvalidURLError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The text that failed to parse.
  public let input: String
  /// The base URL it was parsed against, if any.
  public let base: String?

  public init(input: String, base: String?) {
    self.input = input
    self.base = base
  }

  public var description: String {
    base.map { "Invalid URL: '\(input)' against '\($0)'" } ?? "Invalid URL: '\(input)'"
  }
}
