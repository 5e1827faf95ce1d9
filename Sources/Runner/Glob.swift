import Foundation

/// File-name patterns as cucumber-js's globs read them (the `glob` package): `*` matches within a
/// folder name, `**` any number of folders, `?` one character, `[...]` a class, `{a,b}` either.
///
/// Guarantees: matches are the existing files and folders whose whole path matches, sorted; a
/// relative pattern is matched from the current folder and gives relative paths. Hidden entries
/// match only a pattern that names their dot, and `node_modules` only a pattern that names it.
public enum Glob {
  public static func isPattern(_ path: String) -> Bool { path.contains { "*?[{".contains($0) } }

  public static func matches(_ pattern: String) throws -> [String] {
    let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    // The folder to walk: the segments before the first one with a glob character.
    let literal = segments.prefix { !isPattern($0) }
    let root = literal.joined(separator: "/")
    let walkRoot = root.isEmpty ? (pattern.hasPrefix("/") ? "/" : ".") : root
    let regex = try NSRegularExpression(pattern: "^" + expression(segments.dropFirst(literal.count).joined(separator: "/")) + "$")
    let enumerator = FileManager.default.enumerator(atPath: walkRoot)
    var found: [String] = []
    while let relative = enumerator?.nextObject() as? String {
      let parts = relative.split(separator: "/")
      if let last = parts.last, last.hasPrefix("."), !pattern.contains("/.") && !pattern.hasPrefix(".") { continue }
      if parts.contains("node_modules") && !pattern.contains("node_modules") { continue }
      let range = NSRange(relative.startIndex..., in: relative)
      guard regex.firstMatch(in: relative, range: range) != nil else { continue }
      found.append(root.isEmpty ? (pattern.hasPrefix("/") ? "/" + relative : relative) : root + "/" + relative)
    }
    return found.sorted()
  }

  /// The regular expression for a glob (after its literal folders).
  static func expression(_ glob: String) -> String {
    var out = ""
    var chars = Array(glob)[...]
    var braces = 0
    while let c = chars.popFirst() {
      switch c {
      case "*":
        if chars.first == "*" {
          chars.removeFirst()
          if chars.first == "/" {
            chars.removeFirst()
            out += "(?:[^/]*/)*"
          } else {
            out += ".*"
          }
        } else {
          out += "[^/]*"
        }
      case "?": out += "[^/]"
      case "[":
        var cls = "["
        if chars.first == "!" {
          chars.removeFirst()
          cls += "^"
        }
        while let d = chars.popFirst() {
          if d == "]" { break }
          cls += d == "\\" ? "\\\\" : String(d)
        }
        out += cls + "]"
      case "{":
        braces += 1
        out += "(?:"
      case "}" where braces > 0:
        braces -= 1
        out += ")"
      case "," where braces > 0: out += "|"
      default: out += NSRegularExpression.escapedPattern(for: String(c))
      }
    }
    return out
  }
}
