import Expressions
import V8

/// Expressions' regex engine backed by V8's RegExp (JavaScript semantics, as at run time).
public final class V8RegexEngine: RegexEngine, @unchecked Sendable {
  let regexp: JavaScriptRegExp

  public init() throws { regexp = try JavaScriptRegExp() }

  public func exec(_ pattern: String, flags: String, in text: String, from offset: Int) throws -> RegexMatch? {
    try regexp.exec(pattern, flags: flags, in: text, from: offset).map { groups in
      RegexMatch(groups: groups.map { $0.map { RegexGroup(value: $0.value, start: $0.start, end: $0.end) } })
    }
  }
}
