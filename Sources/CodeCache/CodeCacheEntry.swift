/// The on-disk form of one entry, and its validation.
///
/// Layout (little-endian): magic "CAPRCCH1" (8), format version (u32), kind (u8), 3 reserved
/// bytes, source digest (32), payload length (u64), payload XXH64 (u64), payload. A file is only
/// accepted when its size equals the header plus the declared length, the magic, version, kind
/// and digest match the key, and the checksum matches: nothing else ever reaches V8.
enum CodeCacheEntry {
  static let magic: [UInt8] = Array("CAPRCCH1".utf8)
  static let headerSize = 8 + 4 + 4 + 32 + 8 + 8

  enum Failure: Error, Equatable {
    case corrupt(String)
    case key
  }

  static func encode(_ key: CodeCacheKey, _ payload: [UInt8]) -> [UInt8] {
    var out = magic
    out.reserveCapacity(headerSize + payload.count)
    append(&out, CodeCacheABI.formatVersion)
    out += [key.kind.rawValue, 0, 0, 0]
    out += key.digest
    append(&out, UInt64(payload.count))
    append(&out, Checksum.xxh64(payload))
    out += payload
    return out
  }

  /// The payload of `file` when it is a whole, intact entry for `key`.
  static func decode(_ file: UnsafeRawBufferPointer, for key: CodeCacheKey) -> Result<[UInt8], Failure> {
    guard file.count >= headerSize else { return .failure(.corrupt("truncated header (\(file.count) bytes)")) }
    guard Array(file[0..<8]) == magic else { return .failure(.corrupt("bad magic")) }
    let version = file.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
    guard version == CodeCacheABI.formatVersion else { return .failure(.corrupt("format version \(version)")) }
    guard file[12] == key.kind.rawValue, Array(file[16..<48]) == key.digest else { return .failure(.key) }
    let length = file.loadUnaligned(fromByteOffset: 48, as: UInt64.self).littleEndian
    // Compare against the real size before anything is allocated for the declared length.
    guard length == UInt64(file.count - headerSize) else {
      return .failure(.corrupt("declared \(length) payload bytes, file holds \(file.count - headerSize)"))
    }
    let checksum = file.loadUnaligned(fromByteOffset: 56, as: UInt64.self).littleEndian
    let payload = UnsafeRawBufferPointer(rebasing: file[headerSize...])
    guard Checksum.xxh64(payload) == checksum else { return .failure(.corrupt("checksum mismatch")) }
    return .success(Array(payload))
  }

  private static func append<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
    withUnsafeBytes(of: value.littleEndian) { out += $0 }
  }
}
