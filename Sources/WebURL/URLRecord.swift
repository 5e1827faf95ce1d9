internal import CAda

/// A URL as the URL Standard parses and serializes it, with the `URL` interface's getters and
/// setters (URL Standard §4 URL parsing, §6.1 the URL class), parsed by Ada.
///
/// A value type: copies are independent (copy-on-write over Ada's `url_aggregator`, copied with
/// `ada_copy` before a shared one changes) and `Sendable`, since a shared Ada object is only read.
/// The Ada object belongs to a private class that frees it in `deinit`. Parsing fails with
/// `InvalidURLError` (or `nil` from the failable initializer); the component setters follow the
/// standard's API setters, which ignore a value they cannot apply; `setHref` throws on failure.
/// Every string is in the standard's serialization, ASCII except in `hash` and opaque paths' cases
/// the standard leaves as they are.
public struct URLRecord: Sendable, Hashable, CustomStringConvertible {
  private var storage: Storage

  /// Parses `input`, against `base` when given (the basic URL parser with no state override).
  public init(parsing input: String, base: String? = nil) throws(InvalidURLError) {
    let pointer: ada_url? = Ada.withUTF8(input) { inputBytes, inputCount in
      guard let base else { return ada_parse(inputBytes, inputCount) }
      return Ada.withUTF8(base) { ada_parse_with_base(inputBytes, inputCount, $0, $1) }
    }
    guard let pointer else { throw InvalidURLError(input: input, base: base) }
    guard ada_is_valid(pointer) else {
      ada_free(pointer)
      throw InvalidURLError(input: input, base: base)
    }
    storage = Storage(pointer)
  }

  /// Parses `input` against `base`, or returns `nil` when the parser returns failure.
  public init?(_ input: String, base: String? = nil) {
    guard let record = try? URLRecord(parsing: input, base: base) else { return nil }
    self = record
  }

  /// Parses `input` against an already parsed `base`.
  public init?(_ input: String, base: URLRecord) {
    self.init(input, base: base.href)
  }

  /// Whether `input` parses against `base` (the `URL.canParse()` static method).
  public static func canParse(_ input: String, base: String? = nil) -> Bool {
    Ada.withUTF8(input) { inputBytes, inputCount in
      guard let base else { return ada_can_parse(inputBytes, inputCount) }
      return Ada.withUTF8(base) { ada_can_parse_with_base(inputBytes, inputCount, $0, $1) }
    }
  }

  /// The serialization of the URL (the `href` getter).
  public var href: String { Ada.string(ada_get_href(storage.pointer)) }

  /// Replaces the whole URL with `input` parsed on its own (the `href` setter).
  ///
  /// - Throws: `InvalidURLError` when `input` does not parse; the URL is then unchanged.
  public mutating func setHref(_ input: String) throws(InvalidURLError) {
    self = try URLRecord(parsing: input)
  }

  /// The serialization of the URL's origin: `scheme://host[:port]`, or `null` for an opaque origin.
  public var origin: String { Ada.consume(ada_get_origin(storage.pointer)) }

  /// The scheme followed by `:`.
  public var `protocol`: String {
    get { Ada.string(ada_get_protocol(storage.pointer)) }
    set { _ = set(newValue, with: ada_set_protocol) }
  }

  public var username: String {
    get { Ada.string(ada_get_username(storage.pointer)) }
    set { _ = set(newValue, with: ada_set_username) }
  }

  public var password: String {
    get { Ada.string(ada_get_password(storage.pointer)) }
    set { _ = set(newValue, with: ada_set_password) }
  }

  /// The host and, when the URL has one, `:` and the port.
  public var host: String {
    get { Ada.string(ada_get_host(storage.pointer)) }
    set { _ = set(newValue, with: ada_set_host) }
  }

  /// The serialized host alone.
  public var hostname: String {
    get { Ada.string(ada_get_hostname(storage.pointer)) }
    set { _ = set(newValue, with: ada_set_hostname) }
  }

  /// The port in decimal, or empty when the URL has none (or it is the scheme's default).
  public var port: String {
    get { Ada.string(ada_get_port(storage.pointer)) }
    set { _ = set(newValue, with: ada_set_port) }
  }

  /// The serialized path: segments joined with `/`, or the opaque path.
  public var pathname: String {
    get { Ada.string(ada_get_pathname(storage.pointer)) }
    set { _ = set(newValue, with: ada_set_pathname) }
  }

  /// `?` and the query, or empty when the query is null or empty.
  public var search: String {
    get { Ada.string(ada_get_search(storage.pointer)) }
    set { set(newValue, with: ada_set_search) }
  }

  /// `#` and the fragment, or empty when the fragment is null or empty.
  public var hash: String {
    get { Ada.string(ada_get_hash(storage.pointer)) }
    set { set(newValue, with: ada_set_hash) }
  }

  /// The query as application/x-www-form-urlencoded name-value pairs (the `searchParams`
  /// attribute); setting it runs the URLSearchParams update steps (an empty list makes the query
  /// null).
  public var searchParams: URLSearchParams {
    get { URLSearchParams(search) }
    set { search = newValue.description }
  }

  /// Every getter's value, read at once.
  public var components: Components {
    Components(
      href: href, origin: origin, protocol: `protocol`, username: username, password: password, host: host,
      hostname: hostname, port: port, pathname: pathname, search: search, hash: hash)
  }

  public var description: String { href }

  /// The hostname setter, telling whether Ada applied `input` (the setter itself ignores failure).
  mutating func setHostname(_ input: String) -> Bool { set(input, with: ada_set_hostname) }

  public static func == (lhs: URLRecord, rhs: URLRecord) -> Bool { URLSearchParams.same(lhs.href, rhs.href) }

  public func hash(into hasher: inout Hasher) { hasher.combine(href) }

  /// Runs an Ada setter on a storage of this value's own; `false` when Ada refused the value.
  private mutating func set(_ value: String, with setter: (ada_url?, UnsafePointer<CChar>?, Int) -> Bool) -> Bool {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    let pointer = storage.pointer
    return Ada.withUTF8(value) { setter(pointer, $0, $1) }
  }

  private mutating func set(_ value: String, with setter: (ada_url?, UnsafePointer<CChar>?, Int) -> Void) {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    let pointer = storage.pointer
    Ada.withUTF8(value) { setter(pointer, $0, $1) }
  }

  /// The owner of one valid Ada URL: freed in `deinit`, changed only while uniquely referenced.
  private final class Storage: @unchecked Sendable {
    let pointer: ada_url

    init(_ pointer: ada_url) { self.pointer = pointer }

    func copy() -> Storage { Storage(ada_copy(pointer)) }

    deinit { ada_free(pointer) }
  }
}
