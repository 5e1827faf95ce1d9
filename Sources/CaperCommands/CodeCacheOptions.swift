import ArgumentParser
import CodeCache
import Foundation
import Pool
import Runner

/// The code cache switches shared by `caper run` and `caper cache`.
struct CodeCacheOptions: ParsableArguments {
  @Option(name: .customLong("cache-dir"), help: "The code cache directory (default: CAPER_CACHE_DIR, else $XDG_CACHE_HOME/caper, else ~/.cache/caper).")
  var directory: String?

  @Flag(name: .customLong("no-cache"), help: "Neither read nor write the disk code cache (also CAPER_NO_CACHE=1).")
  var disabled = false

  @Option(name: .customLong("cache-max-size"), help: "The disk code cache's size cap in MiB (default 512); least recently used entries go first.")
  var maximumMiB: Int?

  var location: CodeCacheLocation { CodeCacheLocation.resolve(explicit: directory, disabled: disabled) }

  func validate() throws {
    if let maximumMiB, maximumMiB < 1 { throw ValidationError("--cache-max-size takes a number of MiB, 1 or more") }
  }

  /// One line per cache decision on stderr when `CAPER_DEBUG` names `cache`.
  static var debugLog: (@Sendable (String) -> Void)? {
    let debug = ProcessInfo.processInfo.environment["CAPER_DEBUG"] ?? ""
    guard debug.split(separator: ",").contains(where: { $0 == "cache" || $0 == "*" }) else { return nil }
    return { line in FileHandle.standardError.write(Data("caper[cache] \(line)\n".utf8)) }
  }

  /// The stores for a run: memory shared by the workers, over the disk cache when there is one.
  /// An unwritable directory gives one warning and no disk cache.
  /// Whether `caper run` starts its realms from the runtime's startup snapshot (unless
  /// `CAPER_NO_SNAPSHOT=1`, for comparison with plain contexts).
  static var usesSnapshot: Bool {
    ProcessInfo.processInfo.environment["CAPER_NO_SNAPSHOT"].map { $0.isEmpty || $0 == "0" } ?? true
  }

  /// The ABI directory `caper run` uses: its caches are made under the runtime's snapshot.
  static var runABI: CodeCacheABI { .current(snapshotHash: usesSnapshot ? SupportRuntime.hash : nil) }

  /// The stores for a run in `abi` (default: that of `caper run`).
  func makeStores(abi: CodeCacheABI = Self.runABI) -> (memory: MemoryCodeCache, disk: DiskCodeCache?) {
    guard let root = location.path else { return (MemoryCodeCache(), nil) }
    do {
      let disk = try DiskCodeCache(
        root: root, abi: abi, maximumSize: (maximumMiB ?? DiskCodeCache.defaultMaximumSize >> 20) << 20, log: Self.debugLog)
      return (MemoryCodeCache(backing: disk), disk)
    } catch {
      FileHandle.standardError.write(Data("caper: warning: \(error)\n".utf8))
      return (MemoryCodeCache(), nil)
    }
  }
}
