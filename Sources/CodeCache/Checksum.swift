/// XXH64 (xxHash, 64-bit), the payload checksum of cache entries: fast enough to check a
/// multi-megabyte entry before V8 sees a byte of it.
public enum Checksum {
  private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
  private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
  private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

  @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
    var acc = acc &+ input &* p2
    acc = (acc << 31) | (acc >> 33)
    return acc &* p1
  }

  @inline(__always) private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
    let acc = acc ^ round(0, value)
    return acc &* p1 &+ p4
  }

  public static func xxh64(_ buffer: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    let length = buffer.count
    var i = 0
    var h: UInt64
    @inline(__always) func u64(_ at: Int) -> UInt64 {
      UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
    @inline(__always) func u32(_ at: Int) -> UInt64 {
      UInt64(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }
    if length >= 32 {
      var v1 = seed &+ p1 &+ p2
      var v2 = seed &+ p2
      var v3 = seed
      var v4 = seed &- p1
      while i + 32 <= length {
        v1 = round(v1, u64(i))
        v2 = round(v2, u64(i + 8))
        v3 = round(v3, u64(i + 16))
        v4 = round(v4, u64(i + 24))
        i += 32
      }
      h = ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52)) &+ ((v4 << 18) | (v4 >> 46))
      h = merge(h, v1)
      h = merge(h, v2)
      h = merge(h, v3)
      h = merge(h, v4)
    } else {
      h = seed &+ p5
    }
    h &+= UInt64(length)
    while i + 8 <= length {
      h ^= round(0, u64(i))
      h = ((h << 27) | (h >> 37)) &* p1 &+ p4
      i += 8
    }
    if i + 4 <= length {
      h ^= u32(i) &* p1
      h = ((h << 23) | (h >> 41)) &* p2 &+ p3
      i += 4
    }
    while i < length {
      h ^= UInt64(buffer[i]) &* p5
      h = ((h << 11) | (h >> 53)) &* p1
      i += 1
    }
    h ^= h >> 33
    h &*= p2
    h ^= h >> 29
    h &*= p3
    h ^= h >> 32
    return h
  }

  public static func xxh64(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { xxh64($0) } }
}
