/// One case of html5lib-tests' tree-construction `.dat` files (their README.md): the input, the
/// fragment context if any, the scripting flag it asks for, and the expected tree dump.
///
/// `read(_:)` parses a whole file; cases keep their file order, `index` counting from 0.
/// A value type, safe to share.
public struct TreeConstructionCase: Sendable, CustomStringConvertible {
  /// The scripting flag a case is run with (a case without a mark runs with both).
  public enum Scripting: Sendable {
    case on, off, both
  }

  public var index: Int
  /// The `#data` text, without its final newline.
  public var data: String
  /// The `#document-fragment` context: `svg path` and `math mi` name foreign elements.
  public var fragmentContext: String?
  public var scripting: Scripting
  /// The `#document` dump, one `| ` line per node, without a final newline.
  public var document: String

  public var description: String { "#\(index) \(data.debugDescription)" }

  /// The cases of one `.dat` file.
  public static func read(_ text: String) -> [TreeConstructionCase] {
    var cases: [TreeConstructionCase] = []
    for chunk in ("\n" + text).components(separatedBy: "\n#data\n").dropFirst() {
      let data: String
      let rest: Substring
      if chunk.hasPrefix("#errors\n") {
        data = ""
        rest = chunk[...]
      } else if let range = chunk.range(of: "\n#errors\n") {
        data = String(chunk[..<range.lowerBound])
        rest = chunk[chunk.index(after: range.lowerBound)...]
      } else {
        continue
      }
      guard let documentRange = rest.range(of: "#document\n") ?? rest.range(of: "\n#document\n") else { continue }
      var fragmentContext: String?
      var scripting = Scripting.both
      let headerLines = rest[..<documentRange.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
      for (number, line) in headerLines.enumerated() {
        switch line {
        case "#document-fragment":
          if number + 1 < headerLines.count { fragmentContext = String(headerLines[number + 1]) }
        case "#script-on": scripting = .on
        case "#script-off": scripting = .off
        default: break
        }
      }
      var document = String(rest[documentRange.upperBound...])
      while document.hasSuffix("\n") { document.removeLast() }
      cases.append(
        TreeConstructionCase(
          index: cases.count, data: data, fragmentContext: fragmentContext, scripting: scripting, document: document))
    }
    return cases
  }
}
