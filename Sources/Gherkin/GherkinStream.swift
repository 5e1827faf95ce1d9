import Messages

/// Turns Gherkin sources into Cucumber Messages envelopes, as the reference `gherkin`
/// executables do: the source, then the document, then its pickles; or, for a file that does
/// not parse, its parse errors (every one of them).
public struct GherkinStream {
  public var includeSource = true
  public var includeGherkinDocument = true
  public var includePickles = true
  public var ids: IdGenerator

  public init(ids: IdGenerator = .unique()) { self.ids = ids }

  public func envelopes(for source: Source) -> [Envelope] {
    var envelopes: [Envelope] = []
    if includeSource { envelopes.append(.source(source)) }
    guard includeGherkinDocument || includePickles else { return envelopes }
    do {
      let document = try GherkinParser().parse(source, ids: ids)
      if includeGherkinDocument { envelopes.append(.gherkinDocument(document)) }
      if includePickles {
        envelopes += PickleCompiler(ids: ids).compile(document).map(Envelope.pickle)
      }
    } catch {
      envelopes += error.errors.map { error in
        .parseError(ParseError(source: SourceReference(uri: source.uri, location: error.location), message: error.description))
      }
    }
    return envelopes
  }
}
