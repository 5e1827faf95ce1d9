/// A set of `LocalName`s as a 128-bit mask, so that membership is a shift and an and.
///
/// Immutable once made; safe from any thread.
struct LocalNameSet: ExpressibleByArrayLiteral, Sendable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0

  init(arrayLiteral names: LocalName...) {
    precondition(LocalName.count <= 128, "LocalNameSet holds 128 names at most")
    for name in names {
      if name.rawValue < 64 { low |= 1 << UInt64(name.rawValue) } else { high |= 1 << UInt64(name.rawValue - 64) }
    }
  }

  @inline(__always)
  func contains(_ name: LocalName) -> Bool {
    name.rawValue < 64 ? low & (1 << UInt64(name.rawValue)) != 0 : high & (1 << UInt64(name.rawValue &- 64)) != 0
  }

  /// The names, in raw value order.
  var names: [LocalName] { LocalName.allCases.filter(contains) }
}
