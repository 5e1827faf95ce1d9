import Foundation

/// Makes the ids of AST nodes and pickles.
///
/// `incrementing()` gives "0", "1", ... (what the conformance data expects); `unique()` gives
/// UUID-shaped ids that differ between processes: a random 128-bit base drawn once, plus a
/// counter, so each id costs a few nanoseconds instead of a system random UUID.
public final class IdGenerator: @unchecked Sendable {
  private let lock = NSLock()
  private var counter: UInt64 = 0
  private let base: (UInt64, UInt64)?
  private let prefix: String

  private init(base: (UInt64, UInt64)?, prefix: String = "") {
    self.base = base
    self.prefix = prefix
  }

  public static func incrementing() -> IdGenerator { IdGenerator(base: nil) }
  /// "PREFIX0", "PREFIX1", ...: counted ids of one of several things made at once (each feature
  /// file of a run, parsed in parallel), the same on every machine.
  public static func incrementing(prefix: String) -> IdGenerator { IdGenerator(base: nil, prefix: prefix) }
  public static func unique() -> IdGenerator {
    var generator = SystemRandomNumberGenerator()
    return IdGenerator(base: (generator.next(), generator.next()))
  }

  public func next() -> String {
    lock.lock()
    let n = counter
    counter += 1
    lock.unlock()
    guard let base else { return prefix.isEmpty ? String(n) : prefix + String(n) }
    let high = base.0
    let low = base.1 &+ n
    return Self.uuid(high, low)
  }

  private static func uuid(_ high: UInt64, _ low: UInt64) -> String {
    String(unsafeUninitializedCapacity: 36) { buffer in
      var out = 0
      for (word, offset) in [(high, 0), (low, 16)] {
        for nibble in 0..<16 {
          let position = offset + nibble
          if position == 8 || position == 12 || position == 16 || position == 20 {
            buffer[out] = UInt8(ascii: "-")
            out += 1
          }
          let value = UInt8((word >> UInt64(60 - nibble * 4)) & 0xF)
          buffer[out] = value < 10 ? 0x30 + value : 0x57 + value
          out += 1
        }
      }
      return 36
    }
  }
}
