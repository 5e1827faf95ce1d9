import Crypto

/// SHA-256 (FIPS 180-4), for cache keys: the hash of a script's kind and source content, computed
/// by swift-crypto (BoringSSL's implementation, with the CPU's SHA instructions where it has them).
///
/// Streams over the bytes in place (no copy of the message). A value type; not shared between
/// threads while hashing.
public struct SHA256 {
  private var hasher = Crypto.SHA256()

  public init() {}

  /// Adds `bytes` to the message.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

  /// Adds `bytes` to the message.
  public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    if let done: Void = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) { return done }
    Array(bytes).withUnsafeBytes { update($0) }
  }

  /// The 32-byte digest of the message so far.
  public mutating func finish() -> [UInt8] { Array(hasher.finalize()) }

  /// The 32-byte digest of `bytes`.
  public static func hash<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finish()
  }

  public static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
  }
}
