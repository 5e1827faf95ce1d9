/// The text of a Gherkin file, as read.
public struct Source: Codable, Hashable, Sendable {
  public var uri: String
  public var data: String
  public var mediaType: SourceMediaType

  public init(uri: String, data: String, mediaType: SourceMediaType) {
    self.uri = uri
    self.data = data
    self.mediaType = mediaType
  }
}

/// The Gherkin flavours Caper reads.
public enum SourceMediaType: String, Codable, Hashable, Sendable {
  case gherkinPlain = "text/x.cucumber.gherkin+plain"
  case gherkinMarkdown = "text/x.cucumber.gherkin+markdown"

  /// The flavour a file's name implies: Markdown for `.md`, plain Gherkin otherwise.
  public init(path: String) {
    self = path.hasSuffix(".md") ? .gherkinMarkdown : .gherkinPlain
  }
}
