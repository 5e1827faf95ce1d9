import Foundation
import Synchronization

/// Caches shared between the isolates of one process: the first worker produces, the others
/// consume.
///
/// Optionally backed by a disk store, which it reads through and writes through.
public final class MemoryCodeCache: CodeCacheStore, @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [CodeCacheKey: [UInt8]] = [:]
  private let counters = Mutex(CodeCacheStatistics())
  public let backing: (any CodeCacheStore)?

  public init(backing: (any CodeCacheStore)? = nil) { self.backing = backing }

  public func load(_ key: CodeCacheKey) -> [UInt8]? {
    lock.lock()
    let found = entries[key]
    lock.unlock()
    if let found {
      counters.withLock {
        $0.hits += 1
        $0.bytesRead += found.count
      }
      return found
    }
    guard let backing else {
      counters.withLock { $0.missesAbsent += 1 }
      return nil
    }
    guard let loaded = backing.load(key) else { return nil }
    lock.lock()
    entries[key] = loaded
    lock.unlock()
    return loaded
  }

  public func store(_ key: CodeCacheKey, _ payload: [UInt8]) {
    lock.lock()
    entries[key] = payload
    lock.unlock()
    if let backing { backing.store(key, payload) } else { counters.withLock { $0.stores += 1 } }
  }

  public func reject(_ key: CodeCacheKey) {
    lock.lock()
    entries[key] = nil
    lock.unlock()
    if let backing { backing.reject(key) } else { counters.withLock { $0.rejections += 1 } }
  }

  /// Both layers' counters: hits served from memory plus the disk store's own (each event is
  /// counted once, by the layer that decided it).
  public var statistics: CodeCacheStatistics { counters.withLock { $0 } + (backing?.statistics ?? CodeCacheStatistics()) }

  /// The disk store's memo of file keys (none without a disk store).
  public var fileDigests: FileDigests? { backing?.fileDigests }
}
