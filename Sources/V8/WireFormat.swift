/// Encodes and decodes values in the shim's value wire format (see `cv8.h`): one buffer per
/// crossing, byte arrays copied once.
enum WireFormat {
  static func encode(_ value: JSValue) -> [UInt8] {
    var out: [UInt8] = []
    append(value, to: &out)
    return out
  }

  static func encode(arguments: [JSValue]) -> [UInt8] { encode(.array(arguments)) }

  private static func append(_ value: JSValue, to out: inout [UInt8]) {
    switch value {
    case .undefined: out.append(UInt8(ascii: "u"))
    case .null: out.append(UInt8(ascii: "n"))
    case .bool(let b): out.append(UInt8(ascii: b ? "t" : "f"))
    case .number(let n):
      out.append(UInt8(ascii: "d"))
      appendBits(n.bitPattern, to: &out)
    case .string(let s):
      out.append(UInt8(ascii: "s"))
      appendString(s, to: &out)
    case .array(let elements):
      out.append(UInt8(ascii: "a"))
      appendLength(elements.count, to: &out)
      for element in elements { append(element, to: &out) }
    case .object(let object):
      out.append(UInt8(ascii: "o"))
      appendLength(object.count, to: &out)
      for (key, element) in object.entries {
        appendString(key, to: &out)
        append(element, to: &out)
      }
    case .bytes(let bytes):
      out.append(UInt8(ascii: "b"))
      appendLength(bytes.count, to: &out)
      out.append(contentsOf: bytes)
    case .arrayBuffer(let bytes):
      out.append(UInt8(ascii: "B"))
      appendLength(bytes.count, to: &out)
      out.append(contentsOf: bytes)
    case .error(let name, let message, let stack):
      out.append(UInt8(ascii: "e"))
      for part in [name, message, stack] { appendString(part, to: &out) }
    case .bigint(let digits):
      out.append(UInt8(ascii: "I"))
      appendString(digits, to: &out)
    case .date(let ms):
      out.append(UInt8(ascii: "D"))
      appendBits(ms.bitPattern, to: &out)
    case .function(let reference), .promise(let reference):
      out.append(UInt8(ascii: value.isFunction ? "F" : "P"))
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

  /// Decodes a buffer the shim produced. Every 'F'/'P' becomes a `JSReference` owned by Swift.
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
      switch UnicodeScalar(tag) {
      case "u": return .undefined
      case "n": return .null
      case "t": return .bool(true)
      case "f": return .bool(false)
      case "d": return .number(Double(bitPattern: try u64()))
      case "s": return .string(try string())
      case "a":
        let count = try u32()
        var elements: [JSValue] = []
        elements.reserveCapacity(min(count, bytes.count - offset))
        for _ in 0..<count { elements.append(try value()) }
        return .array(elements)
      case "o":
        let count = try u32()
        var entries: [(key: String, value: JSValue)] = []
        entries.reserveCapacity(min(count, bytes.count - offset))
        for _ in 0..<count {
          let key = try string()
          entries.append((key, try value()))
        }
        return .object(JSObject(entries))
      case "b": return .bytes(try raw())
      case "B": return .arrayBuffer(try raw())
      case "e": return .error(name: try string(), message: try string(), stack: try string())
      case "I": return .bigint(try string())
      case "D": return .date(Double(bitPattern: try u64()))
      case "F", "P":
        let bits = try u64()
        guard let pointer = OpaquePointer(bitPattern: UInt(bits)) else { throw malformed }
        let reference = JSReference(raw: pointer, context: context)
        return tag == UInt8(ascii: "F") ? .function(reference) : .promise(reference)
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

extension JSValue {
  var isFunction: Bool {
    if case .function = self { return true }
    return false
  }
}
