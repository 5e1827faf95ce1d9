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

extension TreeConstructionCase {
  /// What running one file's cases gave: how many passed, and a report of each failure not in the
  /// exclusions (`file#index` keys).
  public struct FileResult: Sendable {
    public var passed: Int
    public var failures: [String]
  }

  /// Runs every case of `cases` from `file` through `dump` (the case and the scripting flag to
  /// parse with), with scripting on for `#script-on`, off for `#script-off`, and both ways for an
  /// unmarked case, which passes only when both do.
  public static func run(
    _ cases: [TreeConstructionCase], file: String, exclusions: [String: String],
    dump: (TreeConstructionCase, Bool) throws -> String
  ) rethrows -> FileResult {
    var result = FileResult(passed: 0, failures: [])
    for testCase in cases {
      let modes: [Bool] =
        switch testCase.scripting {
        case .on: [true]
        case .off: [false]
        case .both: [false, true]
        }
      var failure: String?
      for scripting in modes {
        let actual = try dump(testCase, scripting)
        if actual != testCase.document {
          failure = """
            \(file) \(testCase) scripting \(scripting ? "on" : "off")\(testCase.fragmentContext.map { " context \($0)" } ?? "")
            expected:
            \(testCase.document)
            actual:
            \(actual)
            """
          break
        }
      }
      if let failure {
        if exclusions["\(file)#\(testCase.index)"] == nil { result.failures.append(failure) }
      } else {
        result.passed += 1
      }
    }
    return result
  }
}
