/// A Gherkin file that could not be parsed: the message reads `(line:column): what`.
public struct ParseError: Codable, Hashable, Sendable {
  public var source: SourceReference
  public var message: String

  public init(source: SourceReference, message: String) {
    self.source = source
    self.message = message
  }
}

/// Where something comes from: a file's URI and a place in it.
public struct SourceReference: Codable, Hashable, Sendable {
  public var uri: String?
  public var location: Location?

  public init(uri: String? = nil, location: Location? = nil) {
    self.uri = uri
    self.location = location
  }
}
