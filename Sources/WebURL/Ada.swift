internal import CAda

/// The crossings into Ada's C API that every WebURL type shares: Swift text in, Ada's strings out.
///
/// Ada reads its input as a UTF-8 byte range and never keeps it; a Swift `String` is always valid
/// UTF-8, so no input is refused for its encoding. Strings Ada owns (`ada_string`) are copied before
/// the Ada object changes; strings the caller owns (`ada_owned_string`) are copied and freed here.
enum Ada {
  /// Calls `body` with `text`'s UTF-8 bytes as Ada takes them (a pointer and a length).
  static func withUTF8<Result>(_ text: String, _ body: (UnsafePointer<CChar>?, Int) -> Result) -> Result {
    var text = text
    return text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress, $0.count) }
    }
  }

  /// A copy of a string that an Ada object owns.
  static func string(_ value: ada_string) -> String {
    guard let data = value.data, value.length > 0 else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: data, count: value.length), as: UTF8.self)
  }

  /// A copy of a string the caller owns; the Ada string is freed.
  static func consume(_ value: ada_owned_string) -> String {
    defer { ada_free_owned_string(value) }
    guard let data = value.data, value.length > 0 else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: data, count: value.length), as: UTF8.self)
  }
}
