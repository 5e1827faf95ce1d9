import Foundation

/// Counters of one store.
///
/// Misses are split by cause; the in-isolate compilation cache never
/// reaches a store, so it is never counted as a hit here.
public struct CodeCacheStatistics: Sendable, Equatable {
  public var hits = 0
  public var missesAbsent = 0
  public var missesCorrupt = 0
  /// An entry whose header names another key or kind (a hash collision of file names, a
  /// hand-copied file).
  public var missesKey = 0
  public var rejections = 0
  public var deferredProductions = 0
  public var stores = 0
  public var bytesRead = 0
  public var bytesWritten = 0
  public var evictions = 0
  /// Estimated: for each hit, the measured cold compile time of that script minus the time
  /// the cached compile took.
  public var secondsSaved = 0.0

  public init() {}

  public var misses: Int { missesAbsent + missesCorrupt + missesKey }

  public static func + (a: Self, b: Self) -> Self {
    var s = a
    s.hits += b.hits
    s.missesAbsent += b.missesAbsent
    s.missesCorrupt += b.missesCorrupt
    s.missesKey += b.missesKey
    s.rejections += b.rejections
    s.deferredProductions += b.deferredProductions
    s.stores += b.stores
    s.bytesRead += b.bytesRead
    s.bytesWritten += b.bytesWritten
    s.evictions += b.evictions
    s.secondsSaved += b.secondsSaved
    return s
  }

  /// The lines `caper run --cache-stats` prints.
  public var report: String {
    func bytes(_ n: Int) -> String {
      n >= 1 << 20 ? String(format: "%.1f MiB", Double(n) / 1_048_576) : String(format: "%.1f KiB", Double(n) / 1024)
    }
    return """
      code cache: \(hits) hits, \(misses) misses (\(missesAbsent) absent, \(missesKey) key, \(missesCorrupt) corrupt), \
      \(rejections) rejected, \(deferredProductions) deferred, \(stores) stored, \(evictions) evicted
      code cache: \(bytes(bytesRead)) read, \(bytes(bytesWritten)) written, \
      \(String(format: "%.1f", secondsSaved * 1000)) ms saved (estimated)
      """
  }
}
