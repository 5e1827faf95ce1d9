/// JavaScript's own RegExp, callable from Swift: step patterns are JavaScript regular
/// expressions, so they are matched by V8 rather than by a look-alike engine.
///
/// Guarantees: `exec` behaves as `new RegExp(pattern, flags).exec(text.slice(from))`, with group
/// offsets in UTF-16 code units relative to the whole text; compiled patterns are cached; a bad
/// pattern throws V8's `SyntaxError` as a `JSError`. Runs in the given context (one of its own by
/// default), on that isolate's thread.
public final class JavaScriptRegExp: @unchecked Sendable {
  public let context: Context
  private let execute: JSReference

  /// One matched group: its text and UTF-16 range.
  public struct Group: Hashable, Sendable {
    public var value: String
    public var start: Int
    public var end: Int
  }

  public init(context: Context? = nil) throws {
    self.context = try context ?? Isolate().makeContext()
    let value = try self.context.evaluate(
      """
      (() => {
        const cache = new Map();
        return (pattern, flags, text, from) => {
          const key = flags + '/' + pattern;
          let re = cache.get(key);
          if (re === undefined) {
            re = new RegExp(pattern, flags.replace(/[dg]/g, '') + 'd');
            cache.set(key, re);
          }
          re.lastIndex = 0;
          const m = re.exec(from ? text.slice(from) : text);
          if (m === null) return null;
          const groups = [];
          for (let i = 0; i < m.length; i++) {
            const at = m.indices[i];
            groups.push(at === undefined ? null : [m[i], at[0] + from, at[1] + from]);
          }
          return groups;
        };
      })()
      """, filename: "caper:regexp")
    guard case .function(let function) = value else {
      throw JSError(kind: .invalid, message: "the RegExp helper did not evaluate to a function")
    }
    execute = function
  }

  /// The first match, or nil; element 0 is the whole match, then each group (nil when unused).
  public func exec(_ pattern: String, flags: String = "", in text: String, from offset: Int = 0) throws -> [Group?]? {
    let result = try context.call(execute, [.string(pattern), .string(flags), .string(text), .number(Double(offset))])
    guard case .array(let groups) = result else { return nil }
    return groups.map { group in
      guard case .array(let parts) = group, parts.count == 3, case .string(let value) = parts[0],
        case .number(let start) = parts[1], case .number(let end) = parts[2]
      else { return nil }
      return Group(value: value, start: Int(start), end: Int(end))
    }
  }
}
