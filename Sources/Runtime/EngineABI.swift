import CodeCache
import Foundation
import V8

extension CodeCacheABI {
  /// The ABI facts of the running engine: V8's version, the libnode library's identity (path,
  /// size and modification time of the mapped file), `CachedDataVersionTag()` read after the
  /// flags were set, the flags, and the arch.
  public static func current(snapshotHash: String? = nil) -> CodeCacheABI {
    CodeCacheABI(
      engineVersion: Engine.version, buildIdentity: libnodeIdentity, cachedDataVersionTag: Engine.cachedDataVersionTag,
      flags: Engine.flags, snapshotHash: snapshotHash)
  }

  /// "path:size:mtime" of the libnode shared library this process mapped.
  static let libnodeIdentity: String = {
    guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return "unknown" }
    for line in maps.split(separator: "\n") where line.contains("libnode.so") {
      guard let slash = line.firstIndex(of: "/") else { continue }
      let path = String(line[slash...])
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
      let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
      let modified = Int((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
      return "\(path):\(size):\(modified)"
    }
    return "unknown"
  }()
}
