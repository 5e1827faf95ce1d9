/// Writes a matched token as one line of the conformance `.tokens` format:
/// `(line:column)Type:(keywordType)Keyword/text/column:item,...`, and `EOF` at the end.
enum TokenFormatter {
  static func format(_ token: Token) -> String {
    if token.isEOF { return "EOF" }
    var out = "(\(token.location.line):\(token.location.column ?? 0))\(token.matchedType?.rawValue ?? ""):"
    if let keyword = token.matchedKeyword {
      out += "(\(token.matchedKeywordType?.rawValue ?? ""))\(keyword)"
    }
    out += "/\(token.matchedText ?? "")/"
    out += token.matchedItems.map { "\($0.column):\($0.text)" }.joined(separator: ",")
    return out
  }
}
