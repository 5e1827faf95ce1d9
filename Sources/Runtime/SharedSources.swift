import CodeCache
import Foundation
import V8

/// Script files read once per process and shared by every worker: each isolate compiles the
/// same `ScriptSource` as an external string, so a further worker neither reads, decodes nor
/// hashes a bundle again.
///
/// Guarantees: an entry is reused only while the file's identity (device, inode, size, times)
/// is unchanged; a changed file is read again. A `#!` first line becomes a `//` comment and a
/// UTF-8 byte-order mark is dropped, as Node does. Thread-safe.
public final class SharedSources: @unchecked Sendable {
  public static let shared = SharedSources()

  struct Entry {
    let identity: FileDigests.Identity
    let source: ScriptSource
    let key: CodeCacheKey
  }

  private let lock = NSLock()
  private var entries: [String: Entry] = [:]

  public init() {}

  /// The source and cache key of the file at `path` compiled as `kind` with `prefix` (the
  /// parameter list of a function body); nil when it cannot be read.
  func entry(path: String, kind: ScriptKind, prefix: String, digests: FileDigests?) -> Entry? {
    guard let identity = FileDigests.identity(of: path) else { return nil }
    let name = kind.rawValue.description + "\u{0}" + prefix + "\u{0}" + path
    lock.lock()
    let known = entries[name]
    lock.unlock()
    if let known, known.identity == identity { return known }
    guard var bytes = FileBytes.read(path) else { return nil }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.starts(with: [0x23, 0x21]) {
      bytes[0] = 0x2F
      bytes[1] = 0x2F
    }  // "#!" line -> "//" comment
    let key: CodeCacheKey = bytes.withUnsafeBytes { utf8 in
      let hash = { CodeCacheKey(kind: kind, prefix: prefix, utf8: utf8) }
      return digests?.key(kind: kind, path: path, variant: prefix, identity: identity, hash: hash) ?? hash()
    }
    let entry = Entry(identity: identity, source: bytes.withUnsafeBytes { ScriptSource(utf8: $0) }, key: key)
    lock.lock()
    entries[name] = entry
    lock.unlock()
    return entry
  }
}
