/// Streaming decoding of bytes in an encoding of the Encoding Standard to UTF-8 bytes, as the
/// standard's decoders do, for the tokenizer's input stream.
///
/// Feed chunks to `decode(_:)` in order, then call `finish()`; chunks may split a multi-byte sequence
/// anywhere, and the output of each call is valid UTF-8 that never ends inside a character. Errors in
/// the input never throw: each becomes U+FFFD where the standard's decoder returns error (for UTF-8,
/// one per maximal invalid subpart). A byte order mark of the decoder's own encoding at the very start
/// is removed (the standard's "decode"; the sniffer has already chosen the encoding a BOM names).
/// UTF-8 has a hand-written fast path that copies valid input in bulk; single-byte encodings go
/// through a 128-entry table; the CJK encodings run the standard's decoder state machines over the
/// indexes of `EncodingIndex` (built from iconv). After `finish()` the decoder starts afresh.
/// A decoder holds the state of one stream: use it from one thread at a time.
public final class EncodingDecoder {
  /// The encoding this decoder decodes.
  public let encoding: Encoding
  /// Whether every byte decoded so far was below 0x80, for "change the encoding" (HTML §13.2.3.4).
  public internal(set) var hasDecodedOnlyASCII = true

  enum Kind {
    case utf8
    case utf16(bigEndian: Bool)
    case singleByte([UInt32])
    case xUserDefined
    case replacement
    case shiftJIS
    case eucJP
    case eucKR
    case big5
    case gb18030
    case iso2022JP
  }

  /// The states of the ISO-2022-JP decoder (Encoding Standard §12.2.1).
  enum ISO2022JPState {
    case ascii
    case roman
    case katakana
    case leadingByte
    case trailingByte
    case escapeStart
    case escape
  }

  let kind: Kind
  /// UTF-8: the start of a sequence the last chunk ended inside.
  var pending: [UInt8] = []
  /// Whether no character has been output yet (a byte order mark may still come).
  var atStart = true
  /// The CJK decoders' leading bytes ("lead", gb18030's "first", "second", "third").
  var lead: UInt8 = 0
  var second: UInt8 = 0
  var third: UInt8 = 0
  /// EUC-JP: whether the lead came after 0x8F (index jis0212).
  var usesJIS0212 = false
  /// UTF-16: the first byte of a code unit, and a leading surrogate waiting for its pair.
  var leadingByte: UInt8?
  var leadingSurrogate: UInt32?
  var iso2022JPState = ISO2022JPState.ascii
  var iso2022JPOutputState = ISO2022JPState.ascii
  var iso2022JPOutput = false
  /// `replacement`: whether its one U+FFFD was output.
  var replacementErrorReturned = false

  /// Whether the encoding decodes byte by byte through a table (the standard's single-byte encodings).
  var isSingleByte: Bool {
    if case .singleByte = kind { return true }
    return false
  }

  /// A decoder for `encoding`; building a legacy encoding's index the first time takes a few milliseconds.
  public init(encoding: Encoding) {
    self.encoding = encoding
    kind =
      switch encoding {
      case .utf8: .utf8
      case .utf16BE: .utf16(bigEndian: true)
      case .utf16LE: .utf16(bigEndian: false)
      case .xUserDefined: .xUserDefined
      case .replacement: .replacement
      case .shiftJIS: .shiftJIS
      case .eucJP: .eucJP
      case .eucKR: .eucKR
      case .big5: .big5
      case .gb18030, .gbk: .gb18030
      case .iso2022JP: .iso2022JP
      default: .singleByte(EncodingIndex.singleByte(encoding))
      }
  }

  /// The UTF-8 bytes of the characters `chunk` completes; bytes of an unfinished sequence wait for
  /// the next chunk.
  public func decode(_ chunk: some Collection<UInt8>) -> [UInt8] {
    if let output = chunk.withContiguousStorageIfAvailable({ decode(buffer: $0, final: false) }) { return output }
    return Array(chunk).withUnsafeBufferPointer { decode(buffer: $0, final: false) }
  }

  /// The end of the stream: U+FFFD for an unfinished sequence, then the decoder starts afresh.
  public func finish() -> [UInt8] {
    let output = decode(buffer: UnsafeBufferPointer(start: nil, count: 0), final: true)
    reset()
    return output
  }

  /// Decodes a whole byte sequence at once.
  public static func decode(_ bytes: some Collection<UInt8>, encoding: Encoding) -> [UInt8] {
    let decoder = EncodingDecoder(encoding: encoding)
    return decoder.decode(bytes) + decoder.finish()
  }

  private func decode(buffer input: UnsafeBufferPointer<UInt8>, final: Bool) -> [UInt8] {
    if case .utf8 = kind { return decodeUTF8(input, final: final) }
    if hasDecodedOnlyASCII, input.contains(where: { $0 >= 0x80 }) { hasDecodedOnlyASCII = false }
    var output: [UInt8] = []
    output.reserveCapacity(input.count + input.count / 2)
    switch kind {
    case .singleByte(let table):
      for byte in input {
        if byte < 0x80 {
          output.append(byte)
        } else {
          let codePoint = table[Int(byte) - 0x80]
          Self.append(codePoint == 0 ? 0xFFFD : codePoint, to: &output)
        }
      }
    case .xUserDefined:
      for byte in input { Self.append(byte < 0x80 ? UInt32(byte) : 0xF780 + UInt32(byte) - 0x80, to: &output) }
    case .replacement:
      if !input.isEmpty, !replacementErrorReturned {
        replacementErrorReturned = true
        Self.append(0xFFFD, to: &output)
      }
    case .utf16(let bigEndian):
      for byte in input { utf16(byte, bigEndian: bigEndian, into: &output) }
      if final { utf16EndOfQueue(into: &output) }
    default:
      for byte in input { multiByte(byte, into: &output) }
      if final { multiByteEndOfQueue(into: &output) }
    }
    return output
  }

  private func reset() {
    pending = []
    atStart = true
    lead = 0
    second = 0
    third = 0
    usesJIS0212 = false
    leadingByte = nil
    leadingSurrogate = nil
    iso2022JPState = .ascii
    iso2022JPOutputState = .ascii
    iso2022JPOutput = false
    replacementErrorReturned = false
    hasDecodedOnlyASCII = true
  }

  // MARK: UTF-16BE/LE (Encoding Standard §14.2.1 "shared UTF-16 decoder")

  private func utf16(_ byte: UInt8, bigEndian: Bool, into output: inout [UInt8]) {
    guard let first = leadingByte else {
      leadingByte = byte
      return
    }
    leadingByte = nil
    let codeUnit = bigEndian ? UInt32(first) << 8 | UInt32(byte) : UInt32(byte) << 8 | UInt32(first)
    utf16(codeUnit: codeUnit, into: &output)
  }

  private func utf16(codeUnit: UInt32, into output: inout [UInt8]) {
    if let leading = leadingSurrogate {
      leadingSurrogate = nil
      if (0xDC00...0xDFFF).contains(codeUnit) {
        emit(0x10000 + ((leading - 0xD800) << 10) + (codeUnit - 0xDC00), into: &output)
        return
      }
      emit(0xFFFD, into: &output)
    }
    switch codeUnit {
    case 0xD800...0xDBFF: leadingSurrogate = codeUnit
    case 0xDC00...0xDFFF: emit(0xFFFD, into: &output)
    default: emit(codeUnit, into: &output)
    }
  }

  private func utf16EndOfQueue(into output: inout [UInt8]) {
    if leadingByte != nil || leadingSurrogate != nil {
      leadingByte = nil
      leadingSurrogate = nil
      emit(0xFFFD, into: &output)
    }
  }

  // MARK: Output

  /// Appends a decoded code point, dropping a U+FEFF that is the stream's first (its byte order mark).
  func emit(_ codePoint: UInt32, into output: inout [UInt8]) {
    if atStart {
      atStart = false
      if codePoint == 0xFEFF { return }
    }
    Self.append(codePoint, to: &output)
  }

  /// Appends the UTF-8 bytes of a scalar value (never a surrogate: neither the decoders nor the
  /// tokenizer's numeric character references produce them).
  @inline(__always)
  static func append(_ codePoint: UInt32, to output: inout [UInt8]) {
    switch codePoint {
    case 0..<0x80:
      output.append(UInt8(codePoint))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | codePoint >> 6))
      output.append(UInt8(0x80 | codePoint & 0x3F))
    case 0x800..<0x10000:
      output.append(UInt8(0xE0 | codePoint >> 12))
      output.append(UInt8(0x80 | codePoint >> 6 & 0x3F))
      output.append(UInt8(0x80 | codePoint & 0x3F))
    default:
      output.append(UInt8(0xF0 | codePoint >> 18))
      output.append(UInt8(0x80 | codePoint >> 12 & 0x3F))
      output.append(UInt8(0x80 | codePoint >> 6 & 0x3F))
      output.append(UInt8(0x80 | codePoint & 0x3F))
    }
  }
}
