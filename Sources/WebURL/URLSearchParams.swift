internal import CAda

/// An ordered list of name-value pairs with the `URLSearchParams` interface's operations (URL
/// Standard §6.2), read and written as application/x-www-form-urlencoded (§5).
///
/// A value type; `Sendable`. Parsing (§5.1) and serializing (§5.2) go through Ada's
/// `url_search_params`, created and freed within each call; the list itself is Swift's. Names and
/// values are scalar-value strings, compared code unit for code unit; `sort()` orders names by
/// their UTF-16 code units and keeps equal names in their order, as the standard asks.
public struct URLSearchParams: Sendable, Hashable, CustomStringConvertible {
  /// The name-value pairs in order.
  public var list: [(name: String, value: String)]

  /// An empty list.
  public init() { list = [] }

  /// The pairs as given, in order.
  public init(_ pairs: [(name: String, value: String)]) { list = pairs }

  /// Parses `query` as application/x-www-form-urlencoded, after dropping one leading `?` (the
  /// `URLSearchParams(string)` constructor).
  public init(_ query: String) {
    list = []
    // Ada's parser drops the one leading `?` itself.
    guard let params = Ada.withUTF8(query, { ada_parse_search_params($0, $1) }) else { return }
    defer { ada_free_search_params(params) }
    guard let entries = ada_search_params_get_entries(params) else { return }
    defer { ada_free_search_params_entries_iter(entries) }
    while ada_search_params_entries_iter_has_next(entries) {
      let pair = ada_search_params_entries_iter_next(entries)
      list.append((Ada.string(pair.key), Ada.string(pair.value)))
    }
  }

  /// The number of pairs.
  public var size: Int { list.count }

  /// Appends a pair.
  public mutating func append(_ name: String, _ value: String) { list.append((name, value)) }

  /// Removes the pairs named `name`, or only those whose value is also `value` when given.
  public mutating func delete(_ name: String, value: String? = nil) {
    list.removeAll { pair in Self.same(pair.name, name) && (value.map { Self.same(pair.value, $0) } ?? true) }
  }

  /// The value of the first pair named `name`.
  public func get(_ name: String) -> String? { list.first { Self.same($0.name, name) }?.value }

  /// The values of the pairs named `name`, in order.
  public func getAll(_ name: String) -> [String] { list.filter { Self.same($0.name, name) }.map(\.value) }

  /// Whether a pair is named `name` (and has the value `value`, when given).
  public func has(_ name: String, value: String? = nil) -> Bool {
    list.contains { pair in Self.same(pair.name, name) && (value.map { Self.same(pair.value, $0) } ?? true) }
  }

  /// Gives the first pair named `name` the value `value` and removes the others; appends a pair
  /// when none is named `name`.
  public mutating func set(_ name: String, _ value: String) {
    guard let first = list.firstIndex(where: { Self.same($0.name, name) }) else {
      list.append((name, value))
      return
    }
    list[first].value = value
    var index = list.index(after: first)
    while index < list.endIndex {
      if Self.same(list[index].name, name) { list.remove(at: index) } else { index = list.index(after: index) }
    }
  }

  /// Orders the pairs by name in UTF-16 code units; pairs with equal names keep their order.
  public mutating func sort() {
    list = list.enumerated().sorted { lhs, rhs in
      if Self.same(lhs.element.name, rhs.element.name) { return lhs.offset < rhs.offset }
      return lhs.element.name.utf16.lexicographicallyPrecedes(rhs.element.name.utf16)
    }.map(\.element)
  }

  /// The application/x-www-form-urlencoded serialization (UTF-8, spaces as `+`).
  public var description: String {
    guard let params = ada_parse_search_params(nil, 0) else { return "" }
    defer { ada_free_search_params(params) }
    for (name, value) in list {
      Ada.withUTF8(name) { nameBytes, nameCount in
        Ada.withUTF8(value) { ada_search_params_append(params, nameBytes, nameCount, $0, $1) }
      }
    }
    return Ada.consume(ada_search_params_to_string(params))
  }

  public static func == (lhs: URLSearchParams, rhs: URLSearchParams) -> Bool {
    lhs.list.elementsEqual(rhs.list) { same($0.name, $1.name) && same($0.value, $1.value) }
  }

  public func hash(into hasher: inout Hasher) {
    for (name, value) in list {
      hasher.combine(name)
      hasher.combine(value)
    }
  }

  /// Equality as the standard means it: the same code points (Swift's `==` would also equate
  /// canonically equivalent strings).
  static func same(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.elementsEqual(rhs.utf8) }
}
