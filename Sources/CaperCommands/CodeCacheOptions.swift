import ArgumentParser
import Browser
import CodeCache
import Foundation
import Runner
import Runtime
import V8

/// The code cache switches shared by `caper run` and `caper cache`.
struct CodeCacheOptions: ParsableArguments {
  @Option(
    name: .customLong("cache-dir"),
    help: "The code cache directory (default: CAPER_CACHE_DIR, else $XDG_CACHE_HOME/caper, else ~/.cache/caper).")
  var directory: String?

  @Flag(name: .customLong("no-cache"), help: "Neither read nor write the disk code cache (also CAPER_NO_CACHE=1).")
  var disabled = false

  @Option(
    name: .customLong("cache-max-size"),
    help: "The disk code cache's size cap in MiB (default 512); least recently used entries go first.")
  var maximumMiB: Int?

  var location: CodeCacheLocation { CodeCacheLocation.resolve(explicit: directory, disabled: disabled) }

  func validate() throws {
    // The cap is kept in bytes (MiB << 20): a bound keeps the shift from overflowing.
    if let maximumMiB, !(1...1_048_576).contains(maximumMiB) {
      throw ValidationError("--cache-max-size takes a number of MiB, 1 or more and at most 1048576 (1 TiB)")
    }
  }

  /// One line per cache decision on stderr when `CAPER_DEBUG` names `cache`; `CAPER_DEBUG=cache,time`
  /// also prefixes each with the milliseconds since the process started.
  static var debugLog: (@Sendable (String) -> Void)? {
    let debug = (ProcessInfo.processInfo.environment["CAPER_DEBUG"] ?? "").split(separator: ",")
    guard debug.contains(where: { $0 == "cache" || $0 == "*" }) else { return nil }
    let timed = debug.contains { $0 == "time" || $0 == "*" }
    return { line in
      let prefix = timed ? String(format: "+%.1fms ", Self.sinceProcessStart()) : ""
      FileHandle.standardError.write(Data("caper[cache] \(prefix)\(line)\n".utf8))
    }
  }

  /// Milliseconds since this process started (from /proc/self/stat and the boot clock).
  static func sinceProcessStart() -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 19, let ticks = Double(fields[19]) else { return 0 }
    var now = timespec()
    clock_gettime(CLOCK_BOOTTIME, &now)
    let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
    return (Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 - ticks / hz) * 1000
  }

  /// Whether `caper run` starts its realms from the runtime's startup snapshot (unless
  /// `CAPER_NO_SNAPSHOT=1`, for comparison with plain contexts).
  static var usesSnapshot: Bool {
    ProcessInfo.processInfo.environment["CAPER_NO_SNAPSHOT"].map { $0.isEmpty || $0 == "0" } ?? true
  }

  /// The disk cache in `abi`'s directory, or nil: disabled, or unwritable (one warning).
  func disk(abi: CodeCacheABI) -> DiskCodeCache? {
    guard let root = location.path else { return nil }
    do {
      return try DiskCodeCache(
        root: root, abi: abi, maximumSize: (maximumMiB ?? DiskCodeCache.defaultMaximumSize >> 20) << 20, log: Self.debugLog)
    } catch {
      FileHandle.standardError.write(Data("caper: warning: \(error)\n".utf8))
      return nil
    }
  }

  /// The stores of `caper eval` (plain contexts): memory over the disk cache when there is one.
  func makeStores() -> (memory: MemoryCodeCache, disk: DiskCodeCache?) {
    let disk = disk(abi: .current())
    return (disk.map { MemoryCodeCache(backing: $0) } ?? MemoryCodeCache(), disk)
  }

  /// What `caper run` uses: the runtime's startup snapshot, kept in the engine's ABI directory
  /// (made there when missing), and the stores for the caches made under it, in a directory
  /// named with the snapshot's hash (V8 does not tie a cache to the snapshot it was made under,
  /// and two makings of a snapshot differ, so the directory does).
  ///
  /// Without a snapshot (switched
  /// off, or no disk cache) the caches live in the engine's ABI directory.
  struct RunStores {
    let memory: MemoryCodeCache
    let disk: DiskCodeCache?
    let snapshot: StartupSnapshot?
    /// Where the snapshot is kept (the engine's ABI directory).
    let snapshotDisk: DiskCodeCache?

    var statistics: CodeCacheStatistics { memory.statistics + (snapshotDisk?.statistics ?? CodeCacheStatistics()) }

    func flush() {
      snapshotDisk?.flush()
      disk?.flush()
    }
  }

  /// What `caper run`'s startup snapshot holds: the support realm, then the page realm its
  /// Playwright pages are made of (so neither runs Caper's runtime scripts again).
  static let runTemplates = [SupportRuntime.template, DOMRuntime.template]

  func runStores(templates: [RealmTemplate] = runTemplates, log: (@Sendable (String) -> Void)?) -> RunStores {
    guard let engineDisk = disk(abi: .current()) else {
      return RunStores(memory: MemoryCodeCache(), disk: nil, snapshot: nil, snapshotDisk: nil)
    }
    guard Self.usesSnapshot, let snapshot = RealmTemplate.snapshot(of: templates, store: engineDisk, log: log),
      let underSnapshot = disk(abi: .current(snapshotHash: RealmTemplate.identity(of: snapshot)))
    else {
      return RunStores(memory: MemoryCodeCache(backing: engineDisk), disk: engineDisk, snapshot: nil, snapshotDisk: nil)
    }
    return RunStores(
      memory: MemoryCodeCache(backing: underSnapshot), disk: underSnapshot, snapshot: snapshot, snapshotDisk: engineDisk)
  }

  /// The ABI directories `caper run` uses now: the engine's, and the snapshot's when there is one.
  ///
  /// Only looks: creates, marks and prunes nothing.
  func runDirectories() -> [String] {
    guard let root = location.path else { return [] }
    let engine = CodeCacheABI.current()
    guard Self.usesSnapshot, let snapshot = RealmTemplate.storedSnapshot(of: Self.runTemplates, root: root, abi: engine) else {
      return [engine.directoryName]
    }
    return [engine.directoryName, CodeCacheABI.current(snapshotHash: RealmTemplate.identity(of: snapshot)).directoryName]
  }
}
