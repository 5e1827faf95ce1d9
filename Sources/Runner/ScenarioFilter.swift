import Expressions
import Messages
import V8

/// Which scenarios run: all `--tags` expressions must match a scenario's tags, and one of the
/// `--name` patterns (JavaScript regular expressions, as in cucumber-js) its name.
struct ScenarioFilter {
  let tags: [TagExpression]
  /// `--retry-tag-filter`: which failed scenarios may be retried (nil: all of them).
  let retryTags: TagExpression?
  let names: [String]
  let regexp: JavaScriptRegExp

  init(options: RunOptions, regexp: JavaScriptRegExp) throws {
    do {
      tags = try options.tagExpressions.map { (expression) throws(ExpressionError) in try TagExpression.parse(expression) }
    } catch {
      throw RunError(message: "--tags: \(error.message)")
    }
    do {
      retryTags = options.retryTagFilter.isEmpty ? nil : try TagExpression.parse(options.retryTagFilter)
    } catch {
      throw RunError(message: "--retry-tag-filter: \(error.message)")
    }
    names = options.namePatterns
    self.regexp = regexp
    for pattern in names {
      do { _ = try regexp.exec(pattern, in: "") } catch let error as JSError {
        throw RunError(message: "--name \(pattern): \(error.message)")
      }
    }
  }

  func accepts(_ pickle: Pickle) throws -> Bool {
    let pickleTags = Set(pickle.tags.map(\.name))
    guard tags.allSatisfy({ $0.evaluate(pickleTags) }) else { return false }
    if names.isEmpty { return true }
    for pattern in names where try regexp.exec(pattern, in: pickle.name) != nil { return true }
    return false
  }
}

/// A small seeded generator (SplitMix64): `--order random:SEED` shuffles the same way everywhere.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
