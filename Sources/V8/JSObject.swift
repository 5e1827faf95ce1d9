/// A plain JavaScript object copied into Swift: its own enumerable string-keyed properties, in
/// JavaScript's property order.
///
/// Keys are unique.
public struct JSObject: Sendable, Equatable {
  public private(set) var entries: [(key: String, value: JSValue)]

  public init(_ entries: [(key: String, value: JSValue)] = []) {
    self.entries = []
    for entry in entries { self[entry.key] = entry.value }
  }

  public var count: Int { entries.count }
  public var keys: [String] { entries.map(\.key) }

  /// The value for `key`; setting nil removes the key, setting a new key appends it.
  public subscript(key: String) -> JSValue? {
    get { entries.first { $0.key == key }?.value }
    set {
      let index = entries.firstIndex { $0.key == key }
      switch (index, newValue) {
      case (let i?, let value?): entries[i].value = value
      case (let i?, nil): entries.remove(at: i)
      case (nil, let value?): entries.append((key, value))
      case (nil, nil): break
      }
    }
  }

  public static func == (lhs: JSObject, rhs: JSObject) -> Bool {
    lhs.count == rhs.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}
