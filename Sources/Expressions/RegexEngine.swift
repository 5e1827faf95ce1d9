/// Runs regular expressions with JavaScript's RegExp semantics.
///
/// Step patterns are JavaScript
/// regular expressions (cucumber-js), so Caper matches them in V8 itself rather than with a
/// look-alike engine: `\d`, `\w`, `\b`, `\s`, `i` and Unicode escapes then behave exactly as in
/// cucumber-js. Offsets count UTF-16 code units, as JavaScript strings do.
public protocol RegexEngine {
  /// The first match of `pattern` in `text` with its first `offset` code units removed (as
  /// JavaScript's `re.exec(text.slice(offset))`), offsets relative to the whole text; nil when
  /// it does not match.
  func exec(_ pattern: String, flags: String, in text: String, from offset: Int) throws -> RegexMatch?
}

/// A match: element 0 is the whole match, then each capture group (nil when it took no part).
public struct RegexMatch: Hashable, Sendable {
  public var groups: [RegexGroup?]
  public init(groups: [RegexGroup?]) { self.groups = groups }
}

public struct RegexGroup: Hashable, Sendable {
  public var value: String
  /// UTF-16 offsets into the text.
  public var start: Int
  public var end: Int

  public init(value: String, start: Int, end: Int) {
    self.value = value
    self.start = start
    self.end = end
  }
}
