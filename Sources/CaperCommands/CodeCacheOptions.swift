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
