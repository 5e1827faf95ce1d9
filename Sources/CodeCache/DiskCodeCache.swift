import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Code caches across runs, in one ABI directory under the cache root.
///
/// Guarantees:
/// - An entry is read whole and validated (size, magic, version, key, checksum) before its bytes
///   are returned; a torn, truncated, oversized or corrupt file is a counted miss and is deleted.
/// - Writes go to a unique temporary file in the same directory and are renamed into place, so
///   readers never see a partial entry and concurrent writers of one key both succeed.
/// - Writes happen on a background queue; `flush()` waits for them (call it before exit).
/// - The entries stay under `maximumSize` bytes: least recently used (by mtime, refreshed on each
///   hit) go first. ABI directories unused for 30 days are removed; the current one never.
public final class DiskCodeCache: CodeCacheStore, @unchecked Sendable {
  public let root: String
  public let directory: String
  public let maximumSize: Int
  private let counters = Mutex(CodeCacheStatistics())
  private let writes = DispatchQueue(label: "caper.codecache.writes")
  private let lock = NSLock()
  /// Bytes of the entries, learned by a directory scan on the first write (a run that only
  /// reads never scans).
  private var totalSize: Int?
  private let log: (@Sendable (String) -> Void)?
  private static let temporaryCounter = Counter()

  public static let defaultMaximumSize = 512 << 20
  public static let unusedABIAge: TimeInterval = 30 * 24 * 3600
  static let entryExtension = ".ccache"
  static let markerName = "last-used"

  /// Opens (creating, mode 0700) the ABI directory for `abi` under `root`.
  ///
  /// Throws
  /// `CodeCacheError.unwritable` when it cannot be created or written.
  public init(
    root: String, abi: CodeCacheABI, maximumSize: Int = DiskCodeCache.defaultMaximumSize, log: (@Sendable (String) -> Void)? = nil
  ) throws {
    self.root = root
    self.directory = root + "/" + abi.directoryName
    self.maximumSize = maximumSize
    self.log = log
    let fm = FileManager.default
    do {
      try fm.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      try fm.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw CodeCacheError.unwritable(path: root, cause: Self.reason(error))
    }
    guard access(directory, W_OK | X_OK) == 0 else {
      throw CodeCacheError.unwritable(path: directory, cause: String(cString: strerror(errno)))
    }
    let marker = directory + "/" + Self.markerName
    guard fm.createFile(atPath: marker, contents: Data()) else {
      throw CodeCacheError.unwritable(path: marker, cause: "cannot create")
    }
    removeStaleTemporaries()
    pruneUnusedABIDirectories()
  }

  private static func reason(_ error: Error) -> String {
    (error as NSError).userInfo[NSUnderlyingErrorKey].map { String(describing: $0) } ?? error.localizedDescription
  }

  func path(for key: CodeCacheKey) -> String { directory + "/" + key.description + Self.entryExtension }

  /// The payload stored for `key` in `abi`'s directory under `root`, validated as `load` does,
  /// touching nothing (no directory, counter, time or deletion): for commands that only look.
  public static func peek(root: String, abi: CodeCacheABI, key: CodeCacheKey) -> [UInt8]? {
    guard let file = FileBytes.read(root + "/" + abi.directoryName + "/" + key.description + entryExtension),
      case .success(let payload) = file.withUnsafeBytes({ CodeCacheEntry.decode($0, for: key) })
    else { return nil }
    return payload
  }

  public func load(_ key: CodeCacheKey) -> [UInt8]? {
    let path = path(for: key)
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      counters.withLock { $0.missesAbsent += 1 }
      log?("cache miss (absent) \(key)")
      return nil
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return miss(key, path, "cannot stat") }
    let size = Int(info.st_size)
    guard size <= maximumSize else { return miss(key, path, "entry of \(size) bytes exceeds the cap") }
    // Read exactly the file's real size: a header's declared length is never trusted for
    // allocation.
    guard let file = FileBytes.read(fd, count: size) else { return miss(key, path, "short read") }
    switch file.withUnsafeBytes({ CodeCacheEntry.decode($0, for: key) }) {
    case .success(let payload):
      counters.withLock {
        $0.hits += 1
        $0.bytesRead += size
      }
      futimens(fd, nil)  // refresh for LRU
      log?("cache hit \(key) (\(payload.count) bytes)")
      return payload
    case .failure(.key):
      counters.withLock { $0.missesKey += 1 }
      log?("cache miss (key) \(key)")
      unlinkEntry(path)
      return nil
    case .failure(.corrupt(let why)):
      return miss(key, path, why)
    }
  }

  private func miss(_ key: CodeCacheKey, _ path: String, _ why: String) -> [UInt8]? {
    counters.withLock { $0.missesCorrupt += 1 }
    log?("cache miss (corrupt: \(why)) \(key); deleted")
    unlinkEntry(path)
    return nil
  }

  private func unlinkEntry(_ path: String) {
    var info = stat()
    if stat(path, &info) == 0, unlink(path) == 0 {
      lock.lock()
      totalSize = totalSize.map { $0 - Int(info.st_size) }
      lock.unlock()
    }
  }

  public func store(_ key: CodeCacheKey, _ payload: [UInt8]) {
    writes.async { self.write(key, payload) }
  }

  /// Writes now, on the calling thread.
  func write(_ key: CodeCacheKey, _ payload: [UInt8]) {
    let bytes = CodeCacheEntry.encode(key, payload)
    let final = path(for: key)
    let temporary = directory + "/.tmp-\(getpid())-\(Self.temporaryCounter.next())-\(key.description.prefix(8))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      log?("cache write failed \(key): \(String(cString: strerror(errno)))")
      return
    }
    let written = bytes.withUnsafeBytes { buffer -> Int in
      var done = 0
      while done < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
        if n <= 0 { break }
        done += n
      }
      return done
    }
    close(fd)
    guard written == bytes.count else {
      unlink(temporary)
      log?("cache write failed \(key): short write")
      return
    }
    var old = stat()
    let replaced = stat(final, &old) == 0 ? Int(old.st_size) : 0
    guard rename(temporary, final) == 0 else {
      unlink(temporary)
      return
    }
    counters.withLock {
      $0.stores += 1
      $0.bytesWritten += bytes.count
    }
    log?("cache store \(key) (\(payload.count) bytes)")
    let known = lock.withLock { totalSize }
    let scanned = known == nil ? entries().reduce(0) { $0 + $1.size } : 0
    let over = lock.withLock { () -> Bool in
      // A fresh scan already holds this entry; a known total gets the difference.
      let total = totalSize.map { $0 + bytes.count - replaced } ?? scanned
      totalSize = total
      return total > maximumSize
    }
    if over { evict() }
  }

  public func reject(_ key: CodeCacheKey) {
    counters.withLock { $0.rejections += 1 }
    log?("cache rejected by V8 \(key); deleted")
    unlinkEntry(path(for: key))
  }

  /// Waits until every queued write is on disk.
  public func flush() { writes.sync {} }

  public var statistics: CodeCacheStatistics { counters.withLock { $0 } }

  public var fileDigests: FileDigests? { digests }
  private lazy var digests = FileDigests(directory: directory + "/files")

  /// Bytes held by entries of the current ABI directory.
  public var size: Int {
    if let known = lock.withLock({ totalSize }) { return known }
    let scanned = entries().reduce(0) { $0 + $1.size }
    lock.withLock { totalSize = scanned }
    return scanned
  }

  struct EntryFile {
    let path: String
    let size: Int
    let used: Double
  }

  func entries() -> [EntryFile] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(Self.entryExtension) }.compactMap { name in
      var info = stat()
      let path = directory + "/" + name
      guard stat(path, &info) == 0 else { return nil }
      let used = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
      return EntryFile(path: path, size: Int(info.st_size), used: used)
    }
  }

  /// Removes least recently used entries until the directory holds at most 90% of the cap.
  func evict() {
    let target = maximumSize / 10 * 9
    var all = entries().sorted { $0.used < $1.used }
    var total = all.reduce(0) { $0 + $1.size }
    var evicted = 0
    while total > target, !all.isEmpty {
      let oldest = all.removeFirst()
      if unlink(oldest.path) == 0 {
        total -= oldest.size
        evicted += 1
      }
    }
    lock.lock()
    totalSize = total
    lock.unlock()
    counters.withLock { $0.evictions += evicted }
    if evicted > 0 { log?("cache evicted \(evicted) entries to \(total) bytes") }
  }

  private func removeStaleTemporaries() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let now = Date().timeIntervalSince1970
    for name in names where name.hasPrefix(".tmp-") {
      var info = stat()
      let path = directory + "/" + name
      if stat(path, &info) == 0, now - Double(info.st_mtim.tv_sec) > 3600 { unlink(path) }
    }
  }

  private func pruneUnusedABIDirectories() {
    let fm = FileManager.default
    let now = Date().timeIntervalSince1970
    for name in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where name.hasPrefix("v") {
      let path = root + "/" + name
      guard path != directory else { continue }
      var info = stat()
      guard stat(path + "/" + Self.markerName, &info) == 0 else { continue }
      if now - Double(info.st_mtim.tv_sec) > Self.unusedABIAge {
        try? fm.removeItem(atPath: path)
        log?("cache pruned unused ABI directory \(name)")
      }
    }
  }

  /// Removes every entry under `root` (all ABI directories); returns the bytes freed.
  @discardableResult
  public static func clear(root: String) throws -> Int {
    let fm = FileManager.default
    var freed = 0
    for name in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where name.hasPrefix("v") {
      let path = root + "/" + name
      for entry in (try? fm.contentsOfDirectory(atPath: path)) ?? [] {
        var info = stat()
        if stat(path + "/" + entry, &info) == 0 { freed += Int(info.st_size) }
      }
      try fm.removeItem(atPath: path)
    }
    return freed
  }

  /// Entry count and bytes per ABI directory under `root`.
  public static func usage(root: String) -> [(directory: String, entries: Int, bytes: Int)] {
    let fm = FileManager.default
    return ((try? fm.contentsOfDirectory(atPath: root)) ?? []).filter { $0.hasPrefix("v") }.sorted().map { name in
      let files = ((try? fm.contentsOfDirectory(atPath: root + "/" + name)) ?? []).filter { $0.hasSuffix(entryExtension) }
      let bytes = files.reduce(0) { total, file in
        var info = stat()
        return total + (stat(root + "/" + name + "/" + file, &info) == 0 ? Int(info.st_size) : 0)
      }
      return (name, files.count, bytes)
    }
  }
}

/// Why the disk cache could not be used.
public enum CodeCacheError: Error, CustomStringConvertible, Equatable {
  case unwritable(path: String, cause: String)
  public var description: String {
    switch self {
    case .unwritable(let path, let cause): "code cache directory \(path) is not writable (\(cause)); running without a disk cache"
    }
  }
}

final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
