import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Remembers the cache key of a file's content by the file's identity (device, inode, size,
/// modification and change times), as git's index does, so an unchanged multi-megabyte file is
/// not hashed again on every run.
///
/// The key stays the SHA-256 of the content: this only skips
/// recomputing it.
///
/// Guarantees: a remembered key is used only when every stat field still matches and the memo
/// was written at least two seconds after the file's last change (a file changed within the same
/// timestamp tick as an earlier hash is always hashed again). Memos live beside the entries
/// and are written atomically; a damaged memo is ignored.
public final class FileDigests: @unchecked Sendable {
  public let directory: String

  public init(directory: String) {
    self.directory = directory
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  /// The identity of a file now; nil when it cannot be read.
  public struct Identity: Equatable, Sendable {
    var fields: [Int64]
    var changed: Double
  }

  public static func identity(of path: String) -> Identity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    let fields: [Int64] = [
      Int64(info.st_dev), Int64(info.st_ino), Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
      Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec),
    ]
    let changed = max(
      Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
      Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9)
    return Identity(fields: fields, changed: changed)
  }

  /// The key of the file at `path` read as `kind` with `variant` (what else went into the key,
  /// such as a function's parameters): remembered when the file is unchanged since `identity`,
  /// else `hash()`, remembered for next time.
  public func key(kind: ScriptKind, path: String, variant: String, identity: Identity, hash: () -> CodeCacheKey) -> CodeCacheKey {
    let name = path + "\u{0}" + variant.replacingOccurrences(of: "\n", with: " ")
    if let known = key(kind: kind, path: name, identity: identity) { return known }
    let key = hash()
    remember(key, path: name, identity: identity)
    return key
  }

  private func memoPath(_ kind: ScriptKind, _ path: String) -> String {
    directory + "/" + SHA256.hex(SHA256.hash([kind.rawValue] + Array(path.utf8))).prefix(32)
  }

  /// The remembered key for `path` with `identity` (taken before the file was read).
  func key(kind: ScriptKind, path: String, identity: Identity) -> CodeCacheKey? {
    guard let data = FileManager.default.contents(atPath: memoPath(kind, path)),
      let text = String(data: data, encoding: .utf8)
    else { return nil }
    let lines = text.split(separator: "\n").map(String.init)
    guard lines.count == 4, lines[0] == path, let written = Double(lines[2]),
      lines[1] == identity.fields.map(String.init).joined(separator: " "), written - identity.changed >= 2
    else { return nil }
    let hex = Array(lines[3].utf8)
    guard hex.count == 64 else { return nil }
    var digest: [UInt8] = []
    for i in stride(from: 0, to: 64, by: 2) {
      guard let byte = UInt8(String(decoding: hex[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
      digest.append(byte)
    }
    return CodeCacheKey(kind: kind, digest: digest)
  }

  /// Remembers `key` for `path` as it was at `identity`.
  func remember(_ key: CodeCacheKey, path: String, identity: Identity) {
    let now = Date().timeIntervalSince1970
    // Too fresh to trust later: the file may change again within its timestamp tick.
    guard now - identity.changed >= 2 else { return }
    let text = [path, identity.fields.map(String.init).joined(separator: " "), String(now), key.description].joined(
      separator: "\n")
    let final = memoPath(key.kind, path)
    let temporary = final + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
    if rename(temporary, final) != 0 { unlink(temporary) }
  }
}
