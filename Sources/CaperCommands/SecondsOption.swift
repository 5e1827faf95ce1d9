import ArgumentParser

/// A command-line option given in seconds (`--timeout`), checked and turned into a `Duration`.
///
/// Guarantees: `duration(_:option:)` never traps: a value that is not a number above zero, not
/// finite, or above `maximum` (a day) is a `ValidationError` naming the option, which the
/// command line reports as a usage error (exit 2); any other value converts exactly to the
/// millisecond.
enum SecondsOption {
  /// The longest a seconds option may be: 24 hours.
  static let maximum = 86_400.0

  static func duration(_ seconds: Double, option: String) throws -> Duration {
    guard seconds.isFinite, seconds > 0, seconds <= maximum else {
      throw ValidationError("\(option) must be a positive number of seconds, at most \(Int(maximum)) (24 hours)")
    }
    return .milliseconds(Int((seconds * 1000).rounded()))
  }
}
