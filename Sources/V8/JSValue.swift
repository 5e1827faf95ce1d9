/// A JavaScript value as Swift sees it: copied across the boundary, except functions, promises
/// and objects asked for by reference, which stay in V8 behind a `JSReference`.
///
/// Guarantees: `undefined` and `null` stay apart; numbers keep -0 and NaN (compare with
/// `isIdentical` where that matters); strings keep non-BMP characters (a lone surrogate becomes
/// U+FFFD); byte arrays cross as one copy, never through JSON. Symbols arrive as `undefined`, as
/// in JSON. Objects keep their own enumerable string keys in JavaScript's order.
public enum JSValue: Sendable, Equatable {
  case undefined
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSValue])
  case object(JSObject)
  /// A `Uint8Array` (or `Uint8ClampedArray`, or a Node `Buffer`).
  case bytes([UInt8])
  case arrayBuffer([UInt8])
  /// An `Error` object: name, message and stack.
  case error(name: String, message: String, stack: String)
  /// A `BigInt`, as its decimal digits.
  case bigint(String)
  /// A `Date`, as milliseconds since the epoch.
  case date(Double)
  case function(JSReference)
  case promise(JSReference)
  /// Any other value held in V8 by reference (an object of any realm, for example a page's global):
  /// handed back to JavaScript it is the object itself, not a copy.
  case reference(JSReference)
}

extension JSValue {
  /// The property `key` of an object (`undefined` for anything else).
  public subscript(key: String) -> JSValue {
    if case .object(let object) = self { return object[key] ?? .undefined }
    return .undefined
  }

  /// The element at `index` of an array (`undefined` when out of range or not an array).
  public subscript(index: Int) -> JSValue {
    if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
    return .undefined
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var numberValue: Double? {
    if case .number(let n) = self { return n }
    return nil
  }

  /// Equality that tells -0 from 0 and holds for NaN (JavaScript's `Object.is`, deeply).
  public func isIdentical(to other: JSValue) -> Bool {
    switch (self, other) {
    case (.number(let a), .number(let b)):
      return (a.isNaN && b.isNaN) || (a == b && a.sign == b.sign)
    case (.array(let a), .array(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
    case (.object(let a), .object(let b)):
      return a.count == b.count
        && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value.isIdentical(to: $1.value) }
    default:
      return self == other
    }
  }
}

extension JSValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
  ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSValue)...) {
    self = .object(JSObject(elements.map { (key: $0.0, value: $0.1) }))
  }
  public init(nilLiteral: ()) { self = .null }
}
