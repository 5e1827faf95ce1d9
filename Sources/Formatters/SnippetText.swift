import Messages

/// A suggestion's snippets as cucumber-js prints them (its JavaScriptSnippetSyntax): the first
/// expression's code, with each other alternative's first line commented out above the body.
///
/// Messages keep one snippet per expression, as the Compatibility Kit has them.
enum SnippetText {
  static func combined(_ snippets: [Suggestion.Snippet]) -> String? {
    guard let first = snippets.first else { return nil }
    let firstLines = first.code.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let alternatives = snippets.dropFirst().compactMap { $0.code.split(separator: "\n").first.map { "// " + $0 } }
    guard !alternatives.isEmpty, firstLines.count == 2 else { return first.code }
    return ([String(firstLines[0])] + alternatives + [String(firstLines[1])]).joined(separator: "\n")
  }
}
