/// What a cached script is: classic script, CommonJS function body or ES module.
public enum ScriptKind: UInt8, Sendable, CaseIterable {
  case classic = 1
  case function = 2
  case module = 3
  /// A startup snapshot of Caper's runtime (not a script: a V8 heap image).
  case snapshot = 4
  /// JavaScript transpiled from TypeScript (not a V8 cache: the output's UTF-8 text).
  case transpiled = 5
}

/// The key of one entry: SHA-256 of the script kind and its source content.
///
/// The file's name or
/// path is deliberately not part of it, so an unchanged file hits wherever it lives.
public struct CodeCacheKey: Hashable, Sendable, CustomStringConvertible {
  public let kind: ScriptKind
  /// 32 bytes.
  public let digest: [UInt8]

  public init(kind: ScriptKind, source: some StringProtocol) {
    var hasher = SHA256()
    hasher.update([kind.rawValue, 0])
    var text = String(source)
    text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
    self.kind = kind
    self.digest = hasher.finish()
  }

  /// The key of `prefix` followed by the UTF-8 bytes `utf8` (the same key as the string they spell).
  public init(kind: ScriptKind, prefix: String = "", utf8: UnsafeRawBufferPointer) {
    var hasher = SHA256()
    hasher.update([kind.rawValue, 0])
    hasher.update(Array(prefix.utf8))
    hasher.update(utf8)
    self.kind = kind
    self.digest = hasher.finish()
  }

  init(kind: ScriptKind, digest: [UInt8]) {
    self.kind = kind
    self.digest = digest
  }

  /// The entry's file name: the digest in hex.
  public var description: String { SHA256.hex(digest) }
}

/// The facts a cache is only valid under.
///
/// Any change gives a different ABI directory, so old
/// entries are never fed to an engine that cannot use them.
public struct CodeCacheABI: Sendable, Hashable {
  /// Bumped when the entry format changes.
  public static let formatVersion: UInt32 = 1

  public var engineVersion: String
  /// The libnode build identity (for example the shared library's size and modification time).
  public var buildIdentity: String
  /// `CachedDataVersionTag()`, read after the flags were set.
  public var cachedDataVersionTag: UInt32
  public var flags: [String]
  public var arch: String
  /// The startup snapshot's hash where one is used.
  public var snapshotHash: String?

  public init(
    engineVersion: String, buildIdentity: String, cachedDataVersionTag: UInt32, flags: [String],
    arch: String = CodeCacheABI.currentArch, snapshotHash: String? = nil
  ) {
    self.engineVersion = engineVersion
    self.buildIdentity = buildIdentity
    self.cachedDataVersionTag = cachedDataVersionTag
    self.flags = flags
    self.arch = arch
    self.snapshotHash = snapshotHash
  }

  public static var currentArch: String { Architecture.current.rawValue }

  /// The directory name: readable prefix plus a hash of every field.
  public var directoryName: String {
    let fields = [
      "format=\(Self.formatVersion)", "v8=\(engineVersion)", "build=\(buildIdentity)",
      "tag=\(cachedDataVersionTag)", "flags=\(flags.joined(separator: " "))", "arch=\(arch)",
      "snapshot=\(snapshotHash ?? "none")",
    ].joined(separator: "\n")
    let hash = SHA256.hex(SHA256.hash(Array(fields.utf8))).prefix(16)
    let safeVersion = engineVersion.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "_" }
    return "v\(Self.formatVersion)-\(String(safeVersion))-\(arch)-\(hash)"
  }
}
