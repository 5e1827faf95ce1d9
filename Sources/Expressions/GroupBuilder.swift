/// The capture groups of a regular expression as a tree (cucumber's TreeRegexp): which groups
/// sit inside which, so a parameter type's own groups go to its transformer, not to the step.
///
/// Non-capturing groups, look-arounds, escaped parentheses and character classes are skipped.
public struct GroupBuilder: Hashable, Sendable {
  public var children: [GroupBuilder] = []
  public var capturing = true
  /// The group's source (between its parentheses).
  public var source = ""

  /// The tree of `pattern`'s groups; the root is the whole match.
  public static func parse(_ pattern: String) -> GroupBuilder {
    let s = Array(pattern.unicodeScalars)
    var stack = [GroupBuilder()]
    var starts: [Int] = []
    var escaping = false
    var charClass = false
    for i in s.indices {
      let c = s[i]
      if c == "[" && !escaping {
        charClass = true
      } else if c == "]" && !escaping {
        charClass = false
      } else if c == "(" && !escaping && !charClass {
        starts.append(i)
        var builder = GroupBuilder()
        builder.capturing = !isNonCapturing(s, i)
        stack.append(builder)
      } else if c == ")" && !escaping && !charClass, stack.count > 1 {
        var builder = stack.removeLast()
        let start = starts.removeLast()
        if builder.capturing {
          var view = String.UnicodeScalarView()
          view.append(contentsOf: s[(start + 1)..<i])
          builder.source = String(view)
          stack[stack.count - 1].children.append(builder)
        } else {
          stack[stack.count - 1].children += builder.children
        }
      }
      escaping = c == "\\" && !escaping
    }
    return stack[0]
  }

  private static func isNonCapturing(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
    guard i + 1 < s.count, s[i + 1] == "?" else { return false }
    guard i + 2 < s.count, s[i + 2] == "<" else { return true }
    return i + 3 < s.count && (s[i + 3] == "=" || s[i + 3] == "!")
  }

  /// The group tree of a match, numbering groups in the order of their opening parentheses.
  public func build(_ match: RegexMatch) -> Group {
    var next = 0
    return build(match, &next)
  }

  private func build(_ match: RegexMatch, _ next: inout Int) -> Group {
    let index = next
    next += 1
    let kids = children.map { $0.build(match, &next) }
    let group = index < match.groups.count ? match.groups[index] : nil
    return Group(value: group?.value, start: group?.start, end: group?.end, children: kids)
  }
}

/// One capture group of a match, with the groups inside it.
public struct Group: Hashable, Sendable {
  public var value: String?
  public var start: Int?
  public var end: Int?
  public var children: [Group]

  /// What a transformer receives: the group's own value, or its children's when it has some.
  public var values: [String?] { children.isEmpty ? [value] : children.map(\.value) }
}
