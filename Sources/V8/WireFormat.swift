internal import CV8

/// Encodes and decodes values in the shim's value wire format (see `cv8.h`): one buffer per
/// crossing, byte arrays copied once.
enum WireFormat {
  /// The tags, from the shim's table (`cv8_wire_tag`), so both sides read one definition.
  enum Tag {
    static let undefined = UInt8(CV8_WIRE_UNDEFINED.rawValue)
    static let null = UInt8(CV8_WIRE_NULL.rawValue)
    static let `true` = UInt8(CV8_WIRE_TRUE.rawValue)
    static let `false` = UInt8(CV8_WIRE_FALSE.rawValue)
    static let number = UInt8(CV8_WIRE_NUMBER.rawValue)
    static let string = UInt8(CV8_WIRE_STRING.rawValue)
    static let array = UInt8(CV8_WIRE_ARRAY.rawValue)
    static let object = UInt8(CV8_WIRE_OBJECT.rawValue)
    static let bytes = UInt8(CV8_WIRE_BYTES.rawValue)
    static let arrayBuffer = UInt8(CV8_WIRE_ARRAY_BUFFER.rawValue)
    static let error = UInt8(CV8_WIRE_ERROR.rawValue)
    static let bigint = UInt8(CV8_WIRE_BIGINT.rawValue)
    static let date = UInt8(CV8_WIRE_DATE.rawValue)
    static let function = UInt8(CV8_WIRE_FUNCTION.rawValue)
    static let promise = UInt8(CV8_WIRE_PROMISE.rawValue)
    static let reference = UInt8(CV8_WIRE_REFERENCE.rawValue)
  }

  static func encode(_ value: JSValue) -> [UInt8] {
    var out: [UInt8] = []
    append(value, to: &out)
    return out
  }

  static func encode(arguments: [JSValue]) -> [UInt8] { encode(.array(arguments)) }

  private static func append(_ value: JSValue, to out: inout [UInt8]) {
    switch value {
    case .undefined: out.append(Tag.undefined)
    case .null: out.append(Tag.null)
    case .bool(let b): out.append(b ? Tag.true : Tag.false)
    case .number(let n):
      out.append(Tag.number)
      appendBits(n.bitPattern, to: &out)
    case .string(let s):
      out.append(Tag.string)
      appendString(s, to: &out)
    case .array(let elements):
      out.append(Tag.array)
      appendLength(elements.count, to: &out)
      for element in elements { append(element, to: &out) }
    case .object(let object):
      out.append(Tag.object)
      appendLength(object.count, to: &out)
      for (key, element) in object.entries {
        appendString(key, to: &out)
        append(element, to: &out)
      }
    case .bytes(let bytes):
      out.append(Tag.bytes)
      appendLength(bytes.count, to: &out)
      out.append(contentsOf: bytes)
    case .arrayBuffer(let bytes):
      out.append(Tag.arrayBuffer)
      appendLength(bytes.count, to: &out)
      out.append(contentsOf: bytes)
    case .error(let name, let message, let stack):
      out.append(Tag.error)
      for part in [name, message, stack] { appendString(part, to: &out) }
    case .bigint(let digits):
      out.append(Tag.bigint)
      appendString(digits, to: &out)
    case .date(let ms):
      out.append(Tag.date)
      appendBits(ms.bitPattern, to: &out)
    case .function(let reference), .promise(let reference), .reference(let reference):
      switch value {
      case .function: out.append(Tag.function)
      case .promise: out.append(Tag.promise)
      default: out.append(Tag.reference)
      }
      appendBits(UInt64(UInt(bitPattern: UnsafeRawPointer(reference.raw))), to: &out)
    }
  }

  private static func appendLength(_ length: Int, to out: inout [UInt8]) {
    withUnsafeBytes(of: UInt32(length).littleEndian) { out.append(contentsOf: $0) }
  }

  private static func appendBits(_ bits: UInt64, to out: inout [UInt8]) {
    withUnsafeBytes(of: bits.littleEndian) { out.append(contentsOf: $0) }
  }

  private static func appendString(_ string: String, to out: inout [UInt8]) {
    var string = string
    string.withUTF8 { utf8 in
      appendLength(utf8.count, to: &out)
      out.append(contentsOf: utf8)
    }
  }

  /// Decodes a buffer the shim produced.
  ///
  /// Every 'F'/'P' becomes a `JSReference` owned by Swift.
  static func decode(_ bytes: UnsafeRawBufferPointer, context: Context) throws -> JSValue {
    var reader = Reader(bytes: bytes, context: context)
    let value = try reader.value()
    guard reader.offset == bytes.count else { throw malformed }
    return value
  }

  static let malformed = JSError(kind: .invalid, message: "malformed value from the V8 shim")

  private struct Reader {
    let bytes: UnsafeRawBufferPointer
    let context: Context
    var offset = 0

    mutating func value() throws -> JSValue {
      let tag = try byte()
      switch tag {
      case Tag.undefined: return .undefined
      case Tag.null: return .null
      case Tag.true: return .bool(true)
      case Tag.false: return .bool(false)
      case Tag.number: return .number(Double(bitPattern: try u64()))
      case Tag.string: return .string(try string())
      case Tag.array:
        let count = try u32()
        var elements: [JSValue] = []
        elements.reserveCapacity(min(count, bytes.count - offset))
        for _ in 0..<count { elements.append(try value()) }
        return .array(elements)
      case Tag.object:
        let count = try u32()
        var entries: [(key: String, value: JSValue)] = []
        entries.reserveCapacity(min(count, bytes.count - offset))
        for _ in 0..<count {
          let key = try string()
          entries.append((key, try value()))
        }
        return .object(JSObject(entries))
      case Tag.bytes: return .bytes(try raw())
      case Tag.arrayBuffer: return .arrayBuffer(try raw())
      case Tag.error: return .error(name: try string(), message: try string(), stack: try string())
      case Tag.bigint: return .bigint(try string())
      case Tag.date: return .date(Double(bitPattern: try u64()))
      case Tag.function, Tag.promise, Tag.reference:
        let bits = try u64()
        guard let pointer = OpaquePointer(bitPattern: UInt(bits)) else { throw malformed }
        let reference = JSReference(raw: pointer, context: context)
        switch tag {
        case Tag.function: return .function(reference)
        case Tag.promise: return .promise(reference)
        default: return .reference(reference)
        }
      default: throw malformed
      }
    }

    mutating func byte() throws -> UInt8 {
      guard offset < bytes.count else { throw malformed }
      defer { offset += 1 }
      return bytes[offset]
    }

    mutating func u32() throws -> Int {
      guard bytes.count - offset >= 4 else { throw malformed }
      defer { offset += 4 }
      return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    mutating func u64() throws -> UInt64 {
      guard bytes.count - offset >= 8 else { throw malformed }
      defer { offset += 8 }
      return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func slice() throws -> UnsafeRawBufferPointer {
      let length = try u32()
      guard bytes.count - offset >= length else { throw malformed }
      defer { offset += length }
      return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
    }

    mutating func string() throws -> String { String(decoding: try slice(), as: UTF8.self) }
    mutating func raw() throws -> [UInt8] { Array(try slice()) }
  }
}
