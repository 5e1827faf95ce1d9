import Expressions
import V8

/// Expressions' regex engine on JavaScript's own RegExp (step patterns are JavaScript regular
/// expressions, so V8 matches them, not a look-alike engine).
///
/// Guarantees: as `JavaScriptRegExp.exec`; runs on its context's isolate thread.
public struct JavaScriptRegexEngine: RegexEngine, Sendable {
  public let regexp: JavaScriptRegExp

  public init(regexp: JavaScriptRegExp) { self.regexp = regexp }

  /// An engine with a context of its own.
  public init() throws { regexp = try JavaScriptRegExp() }

  public func exec(_ pattern: String, flags: String, in text: String, from offset: Int) throws -> RegexMatch? {
    try regexp.exec(pattern, flags: flags, in: text, from: offset).map { groups in
      RegexMatch(groups: groups.map { $0.map { RegexGroup(value: $0.value, start: $0.start, end: $0.end) } })
    }
  }
}
