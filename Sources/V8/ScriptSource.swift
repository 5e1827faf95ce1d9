internal import CV8

/// Script text prepared once and shared by every isolate that compiles it (a bundle loaded by
/// each worker of a pool).
///
/// Guarantees: the UTF-8 text is decoded once, into Latin-1 when every character fits, else
/// UTF-16 (invalid UTF-8 becomes U+FFFD); isolates compile it as an external string, with no
/// copy and no decoding of their own. Immutable and usable from any thread; the text lives as
/// long as this object or any V8 string made from it.
public final class ScriptSource: @unchecked Sendable {
  let raw: OpaquePointer
  /// The text's length in UTF-8 bytes.
  public let utf8Count: Int

  public init(_ text: String) {
    utf8Count = text.utf8.count
    raw = withUTF8(text) { cv8_source_new($0.base, $0.count) }
  }

  /// From UTF-8 bytes as read from a file.
  public init(utf8: UnsafeRawBufferPointer) {
    utf8Count = utf8.count
    let zero: CChar = 0
    raw = withUnsafePointer(to: zero) { empty in
      cv8_source_new(utf8.baseAddress?.assumingMemoryBound(to: CChar.self) ?? empty, utf8.count)
    }
  }

  deinit { cv8_source_release(raw) }

  /// Whether the UTF-8 it was made from was valid: no sequence had to become U+FFFD (which the
  /// Encoding Standard's decoder would replace per maximal subpart, not per byte as here).
  public var isValidUTF8: Bool { cv8_source_valid_utf8(raw) }

  /// Bytes held for the text (one or two per UTF-16 unit).
  public var storageSize: Int { cv8_source_size(raw) }
}
