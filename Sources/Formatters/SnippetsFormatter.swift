import Messages

/// `snippets`: the code to paste for each undefined step, once each, with the alternatives
/// cucumber-js prints (see `SnippetText`).
public final class SnippetsFormatter: Formatter {
  private let output: FormatterOutput
  private var seen = Set<String>()
  private var snippets: [String] = []

  public init(output: FormatterOutput) { self.output = output }

  public func handle(_ envelope: Envelope) {
    guard case .suggestion(let suggestion) = envelope, let code = SnippetText.combined(suggestion.snippets) else { return }
    if seen.insert(code).inserted { snippets.append(code) }
  }

  public func finish() throws {
    output.write(snippets.joined(separator: "\n\n") + (snippets.isEmpty ? "" : "\n"))
    output.flush()
  }
}
