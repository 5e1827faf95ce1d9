/// One run of "prescan a byte stream to determine its encoding" (HTML Standard §13.2.3.2), with
/// "get an attribute" and "get an XML encoding".
///
/// A value over a copy of the bytes; `run()` reads them once. Running out of bytes anywhere inside a
/// tag ends the scan, as the standard says ("stop the prescan"); then only an XML declaration at the
/// start can still give an encoding.
struct EncodingPrescan {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Signals that the scan moved past the last byte.
  private struct EndOfInput: Error {}

  mutating func run() -> Encoding? {
    if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00, 0x78, 0x00]) { return .utf16LE }
    if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F, 0x00, 0x78]) { return .utf16BE }
    let fallback = xmlEncoding()
    do {
      while position < bytes.count {
        if let encoding = try step() { return encoding }
      }
    } catch {
      return fallback
    }
    return fallback
  }

  /// One turn of the prescan's loop: looks at the bytes at `position`, moves past them.
  private mutating func step() throws -> Encoding? {
    if matches("<!--") {
      guard let end = Self.find(Array("-->".utf8), in: bytes, from: position + 2, caseInsensitive: false) else {
        throw EndOfInput()
      }
      position = end + 3
      return nil
    }
    if matchesCaseInsensitive("<meta"), position + 5 < bytes.count, Self.isSpaceOrSlash(bytes[position + 5]) {
      position += 6
      if let encoding = try meta() { return encoding }
      position += 1
      return nil
    }
    if position + 1 < bytes.count, bytes[position] == 0x3C {
      let next = bytes[position + 1]
      let isLetter = Self.isASCIIAlpha(next)
      let isEndTag = next == 0x2F && position + 2 < bytes.count && Self.isASCIIAlpha(bytes[position + 2])
      if isLetter || isEndTag {
        while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != 0x3E { position += 1 }
        guard position < bytes.count else { throw EndOfInput() }
        while try attribute() != nil {}
        position += 1
        return nil
      }
      if next == 0x21 || next == 0x2F || next == 0x3F {
        guard let end = bytes[(position + 1)...].firstIndex(of: 0x3E) else { throw EndOfInput() }
        position = end + 1
        return nil
      }
    }
    position += 1
    return nil
  }

  /// The attributes of a `<meta` tag up to its end, then the prescan's "processing" steps.
  private mutating func meta() throws -> Encoding? {
    var names: Set<[UInt8]> = []
    var gotPragma = false
    var needPragma: Bool?
    var charset: Encoding??
    while let (name, value) = try attribute() {
      guard names.insert(name).inserted else { continue }
      switch name {
      case Array("http-equiv".utf8):
        if value == Array("content-type".utf8) { gotPragma = true }
      case Array("content".utf8):
        if charset == nil, let encoding = EncodingSniffer.extractEncoding(fromMetaContent: value) {
          charset = .some(encoding)
          needPragma = true
        }
      case Array("charset".utf8):
        charset = .some(Encoding(labelBytes: value))
        needPragma = false
      default:
        break
      }
    }
    guard let needPragma, !(needPragma && !gotPragma), case .some(.some(var encoding)) = charset else { return nil }
    if encoding == .utf16BE || encoding == .utf16LE { encoding = .utf8 }
    if encoding == .xUserDefined { encoding = .windows1252 }
    return encoding
  }

  /// "Get an attribute": the next attribute's name and value (uppercase ASCII lowered), or `nil`
  /// at the tag's `>`, leaving `position` on it.
  private mutating func attribute() throws -> ([UInt8], [UInt8])? {
    while Self.isSpaceOrSlash(try byte()) { position += 1 }
    if try byte() == 0x3E { return nil }
    var name: [UInt8] = []
    var value: [UInt8] = []
    nameLoop: while true {
      let b = try byte()
      switch b {
      case 0x3D where !name.isEmpty:
        position += 1
        return (name, try attributeValue())
      case 0x09, 0x0A, 0x0C, 0x0D, 0x20:
        break nameLoop
      case 0x2F, 0x3E:
        return (name, value)
      default:
        name.append(Self.lowercased(b))
      }
      position += 1
    }
    while Self.isSpace(try byte()) { position += 1 }
    guard try byte() == 0x3D else { return (name, value) }
    position += 1
    value = try attributeValue()
    return (name, value)
  }

  /// The value part of "get an attribute", from the byte after `=`.
  private mutating func attributeValue() throws -> [UInt8] {
    while Self.isSpace(try byte()) { position += 1 }
    var value: [UInt8] = []
    let first = try byte()
    if first == 0x22 || first == 0x27 {
      while true {
        position += 1
        let b = try byte()
        if b == first {
          position += 1
          return value
        }
        value.append(Self.lowercased(b))
      }
    }
    if first == 0x3E { return value }
    value.append(Self.lowercased(first))
    position += 1
    while true {
      let b = try byte()
      if Self.isSpace(b) || b == 0x3E { return value }
      value.append(Self.lowercased(b))
      position += 1
    }
  }

  /// "Get an XML encoding": the `encoding` pseudo-attribute of an `<?xml` declaration at the start.
  private func xmlEncoding() -> Encoding? {
    guard bytes.starts(with: Array("<?xml".utf8)), let declarationEnd = bytes.firstIndex(of: 0x3E),
      var index = Self.find(Array("encoding".utf8), in: bytes, from: 5, caseInsensitive: true),
      index < declarationEnd
    else { return nil }
    index += 8
    while index < bytes.count, bytes[index] <= 0x20 { index += 1 }
    guard index < bytes.count, bytes[index] == 0x3D else { return nil }
    index += 1
    while index < bytes.count, bytes[index] <= 0x20 { index += 1 }
    guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { return nil }
    let quote = bytes[index]
    index += 1
    guard let end = bytes[index...].firstIndex(of: quote) else { return nil }
    let potential = bytes[index..<end]
    guard !potential.contains(where: { $0 <= 0x20 }), let encoding = Encoding(labelBytes: potential) else { return nil }
    return encoding == .utf16BE || encoding == .utf16LE ? .utf8 : encoding
  }

  private func byte() throws -> UInt8 {
    guard position < bytes.count else { throw EndOfInput() }
    return bytes[position]
  }

  private func matches(_ literal: String) -> Bool {
    bytes[position...].starts(with: literal.utf8)
  }

  private func matchesCaseInsensitive(_ literal: String) -> Bool {
    let pattern = Array(literal.utf8)
    guard position + pattern.count <= bytes.count else { return false }
    for (offset, expected) in pattern.enumerated() where Self.lowercased(bytes[position + offset]) != expected {
      return false
    }
    return true
  }

  /// The first index at or after `start` where `pattern` occurs in `haystack`.
  static func find(_ pattern: [UInt8], in haystack: [UInt8], from start: Int, caseInsensitive: Bool) -> Int? {
    guard !pattern.isEmpty, start >= 0, haystack.count >= pattern.count else { return nil }
    var index = start
    while index + pattern.count <= haystack.count {
      var offset = 0
      while offset < pattern.count {
        let b = haystack[index + offset]
        guard (caseInsensitive ? lowercased(b) : b) == pattern[offset] else { break }
        offset += 1
      }
      if offset == pattern.count { return index }
      index += 1
    }
    return nil
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }

  static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
    bytes.map { lowercased($0) }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    Encoding.isASCIIWhitespace(byte)
  }

  private static func isSpaceOrSlash(_ byte: UInt8) -> Bool {
    Encoding.isASCIIWhitespace(byte) || byte == 0x2F
  }

  private static func isASCIIAlpha(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }
}
