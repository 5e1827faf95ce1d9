/// One header of a header list: a name and a value, as the Fetch standard's header is.
///
/// Names keep the case they were given or received in; lookups compare them ASCII
/// case-insensitively. Values are strings holding bytes 0x00–0xFF one code point per byte
/// (isomorphic decoding, Fetch §2.2.2), so a value received from the network keeps its bytes.
public struct Header: Sendable, Equatable, Hashable {
  /// The header's name, for example `Content-Type`.
  public var name: String
  /// The header's value, without leading or trailing whitespace.
  public var value: String

  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }

  /// Whether the header's name is `name`, compared ASCII case-insensitively.
  public func hasName(_ name: String) -> Bool { self.name.lowercased() == name.lowercased() }
}

extension [Header] {
  /// The values of the headers named `name` joined by `, `, or nil when there is none
  /// (Fetch's "get" on a header list).
  public func value(named name: String) -> String? {
    let values = filter { $0.hasName(name) }.map(\.value)
    return values.isEmpty ? nil : values.joined(separator: ", ")
  }

  /// Whether a header named `name` is in the list.
  public func contains(named name: String) -> Bool { contains { $0.hasName(name) } }

  /// Removes every header named `name`.
  public mutating func remove(named name: String) { removeAll { $0.hasName(name) } }
}
