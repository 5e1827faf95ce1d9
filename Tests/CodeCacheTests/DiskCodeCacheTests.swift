import Foundation
import Synchronization
import Testing
import _CaperTestSupport

@testable import CodeCache

@Suite struct DiskCodeCacheTests {
  static let abi = CodeCacheABI(engineVersion: "test", buildIdentity: "build", cachedDataVersionTag: 7, flags: [])
  let temp: TemporaryDirectory
  init() throws { temp = try TemporaryDirectory() }
  var root: String { temp.url.path + "/cache" }

  func open(_ abi: CodeCacheABI = Self.abi, maximumSize: Int = DiskCodeCache.defaultMaximumSize) throws -> DiskCodeCache {
    try DiskCodeCache(root: root, abi: abi, maximumSize: maximumSize)
  }

  static let payload: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
  static let key = CodeCacheKey(kind: .classic, source: "function f() { return 1 }")

  @Test func storeThenLoadInANewInstance() throws {
    let cache = try open()
    #expect(cache.load(Self.key) == nil)
    cache.store(Self.key, Self.payload)
    cache.flush()
    let again = try open()
    #expect(again.load(Self.key) == Self.payload)
    #expect(cache.statistics.missesAbsent == 1)
    #expect(cache.statistics.stores == 1)
    #expect(cache.statistics.bytesWritten == Self.payload.count + CodeCacheEntry.headerSize)
    #expect(again.statistics.hits == 1)
    #expect(again.statistics.bytesRead == Self.payload.count + CodeCacheEntry.headerSize)
  }

  @Test func directoryIsPrivate() throws {
    let cache = try open()
    let attributes = try FileManager.default.attributesOfItem(atPath: cache.directory)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
  }

  @Test func editKeepingTheLengthMisses() throws {
    let cache = try open()
    cache.write(CodeCacheKey(kind: .classic, source: "return 1;"), Self.payload)
    #expect(cache.load(CodeCacheKey(kind: .classic, source: "return 2;")) == nil)
    #expect(cache.statistics.missesAbsent == 1)
  }

  @Test func changedABIMisses() throws {
    let cache = try open()
    cache.write(Self.key, Self.payload)
    var other = Self.abi
    other.cachedDataVersionTag = 8
    let changed = try open(other)
    #expect(changed.directory != cache.directory)
    #expect(changed.load(Self.key) == nil)
    #expect(changed.statistics.missesAbsent == 1)
  }

  /// Writes a damaged entry, loads it, and checks it was a corrupt miss that deleted the file.
  func expectCorruptMiss(_ damage: (inout [UInt8]) -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let cache = try open()
    cache.write(Self.key, Self.payload)
    let path = cache.path(for: Self.key)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    damage(&bytes)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(cache.load(Self.key) == nil, sourceLocation: sourceLocation)
    #expect(cache.statistics.missesCorrupt == 1, sourceLocation: sourceLocation)
    #expect(cache.statistics.hits == 0, sourceLocation: sourceLocation)
    #expect(!FileManager.default.fileExists(atPath: path), "a corrupt entry is deleted", sourceLocation: sourceLocation)
    cache.write(Self.key, Self.payload)
    #expect(cache.load(Self.key) == Self.payload, "rewritten after the miss", sourceLocation: sourceLocation)
  }

  @Test func truncatedEntryIsACorruptMiss() throws { try expectCorruptMiss { $0.removeLast(100) } }
  @Test func truncatedHeaderIsACorruptMiss() throws { try expectCorruptMiss { $0.removeLast($0.count - 20) } }
  @Test func bitFlipIsACorruptMiss() throws { try expectCorruptMiss { $0[CodeCacheEntry.headerSize + 1000] ^= 0x10 } }
  @Test func badMagicIsACorruptMiss() throws { try expectCorruptMiss { $0[0] = UInt8(ascii: "X") } }
  @Test func hugeDeclaredLengthIsACorruptMiss() throws {
    // 2^62 bytes declared: allocating it would abort the process; the size check comes first.
    try expectCorruptMiss { bytes in
      withUnsafeBytes(of: (UInt64(1) << 62).littleEndian) { bytes.replaceSubrange(48..<56, with: $0) }
    }
  }

  @Test func entryForAnotherKeyIsAKeyMiss() throws {
    let cache = try open()
    let other = CodeCacheKey(kind: .module, source: "export {}")
    cache.write(other, Self.payload)
    try FileManager.default.moveItem(atPath: cache.path(for: other), toPath: cache.path(for: Self.key))
    #expect(cache.load(Self.key) == nil)
    #expect(cache.statistics.missesKey == 1)
  }

  @Test func killedBeforeRenameLeavesNoVisibleEntry() throws {
    let cache = try open()
    // What a writer killed between write and rename leaves: a complete temporary file.
    let bytes = CodeCacheEntry.encode(Self.key, Self.payload)
    try Data(bytes).write(to: URL(fileURLWithPath: cache.directory + "/.tmp-99999-1-abcdef12"))
    #expect(cache.load(Self.key) == nil)
    #expect(cache.statistics.missesAbsent == 1)
    #expect(cache.size == 0)
  }

  @Test func concurrentWritersOfOneKeyAllSucceed() throws {
    let caches = try (0..<4).map { _ in try open() }  // four "processes" sharing the directory
    DispatchQueue.concurrentPerform(iterations: 16) { i in
      caches[i % 4].write(Self.key, Self.payload)
    }
    let reader = try open()
    #expect(reader.load(Self.key) == Self.payload)
    #expect(caches.reduce(0) { $0 + $1.statistics.stores } == 16)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: reader.directory).filter { $0.hasPrefix(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  @Test func concurrentReadersNeverSeeAPartialEntry() throws {
    let cache = try open()
    cache.write(Self.key, Self.payload)
    let bad = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 64) { i in
      if i % 2 == 0 {
        cache.write(Self.key, Self.payload)
      } else if let loaded = cache.load(Self.key), loaded != Self.payload {
        bad.withLock { $0 += 1 }
      }
    }
    #expect(bad.withLock { $0 } == 0)
    #expect(cache.statistics.missesCorrupt == 0)
  }

  @Test func rejectionDeletesAndTheNextStoreIsUsed() throws {
    let cache = try open()
    cache.write(Self.key, [1, 2, 3])
    #expect(cache.load(Self.key) == [1, 2, 3])
    cache.reject(Self.key)
    #expect(cache.statistics.rejections == 1)
    #expect(cache.load(Self.key) == nil)
    cache.write(Self.key, Self.payload)
    #expect(try open().load(Self.key) == Self.payload)
  }

  @Test func evictsLeastRecentlyUsedToTheCap() throws {
    let entrySize = Self.payload.count + CodeCacheEntry.headerSize
    let cache = try open(maximumSize: entrySize * 5)
    let keys = (0..<5).map { CodeCacheKey(kind: .classic, source: "script \($0)") }
    for (i, key) in keys.enumerated() {
      cache.write(key, Self.payload)
      // Distinct, increasing use times, oldest first.
      let time = Date(timeIntervalSinceNow: Double(i - 100))
      try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: cache.path(for: key))
    }
    #expect(cache.statistics.evictions == 0)
    // Using key 0 makes it the most recent.
    #expect(cache.load(keys[0]) != nil)
    cache.write(CodeCacheKey(kind: .classic, source: "script 5"), Self.payload)
    // Over the cap: evicted down to 90% (4 entries), oldest-used first: keys 1 and 2.
    #expect(cache.statistics.evictions == 2)
    #expect(cache.size <= entrySize * 5)
    #expect(cache.load(keys[0]) != nil)
    #expect(cache.load(keys[1]) == nil)
    #expect(cache.load(keys[2]) == nil)
    #expect(cache.load(keys[3]) != nil)
  }

  @Test func unusedABIDirectoriesArePrunedButNotTheCurrentOne() throws {
    var old = Self.abi
    old.engineVersion = "old"
    let stale = try open(old)
    stale.write(Self.key, Self.payload)
    let marker = stale.directory + "/" + DiskCodeCache.markerName
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -31 * 24 * 3600)], ofItemAtPath: marker)
    var recent = Self.abi
    recent.engineVersion = "recent"
    let fresh = try open(recent)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -29 * 24 * 3600)],
      ofItemAtPath: fresh.directory + "/" + DiskCodeCache.markerName)
    let current = try open()
    #expect(!FileManager.default.fileExists(atPath: stale.directory))
    #expect(FileManager.default.fileExists(atPath: fresh.directory))
    #expect(FileManager.default.fileExists(atPath: current.directory))
  }

  @Test func unwritableRootThrows() throws {
    let blocked = temp.url.path + "/blocked"
    try FileManager.default.createDirectory(
      atPath: blocked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: blocked) }
    guard getuid() != 0 else {
      // root writes anywhere; use a path below a regular file instead.
      try Data().write(to: URL(fileURLWithPath: blocked + "-file"))
      #expect(throws: CodeCacheError.self) { try DiskCodeCache(root: blocked + "-file/cache", abi: Self.abi) }
      return
    }
    #expect(throws: CodeCacheError.self) { try DiskCodeCache(root: blocked + "/cache", abi: Self.abi) }
  }

  @Test func clearAndUsage() throws {
    let cache = try open()
    cache.write(Self.key, Self.payload)
    let usage = DiskCodeCache.usage(root: root)
    #expect(usage.count == 1)
    #expect(usage.first?.entries == 1)
    #expect(usage.first?.bytes == Self.payload.count + CodeCacheEntry.headerSize)
    #expect(try DiskCodeCache.clear(root: root) >= Self.payload.count)
    #expect(DiskCodeCache.usage(root: root).isEmpty)
  }
}

@Suite struct CodeCacheLocationTests {
  @Test func resolutionOrder() {
    let env = ["CAPER_CACHE_DIR": "/env", "XDG_CACHE_HOME": "/xdg", "HOME": "/home/u"]
    #expect(CodeCacheLocation.resolve(explicit: "/flag", environment: env) == .directory("/flag"))
    #expect(CodeCacheLocation.resolve(environment: env) == .directory("/env"))
    #expect(CodeCacheLocation.resolve(environment: ["XDG_CACHE_HOME": "/xdg", "HOME": "/home/u"]) == .directory("/xdg/caper"))
    #expect(
      CodeCacheLocation.resolve(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"])
        == .directory("/home/u/.cache/caper"))
    #expect(CodeCacheLocation.resolve(environment: ["HOME": "/home/u"]) == .directory("/home/u/.cache/caper"))
  }

  @Test func disableSwitches() {
    #expect(CodeCacheLocation.resolve(explicit: "/flag", disabled: true, environment: [:]) == .disabled)
    #expect(CodeCacheLocation.resolve(explicit: "/flag", environment: ["CAPER_NO_CACHE": "1"]) == .disabled)
    #expect(CodeCacheLocation.resolve(explicit: "/flag", environment: ["CAPER_NO_CACHE": "0"]) == .directory("/flag"))
  }
}

@Suite struct MemoryCodeCacheTests {
  @Test func sharesBetweenThreadsAndWritesThrough() throws {
    let temp = try TemporaryDirectory()
    let disk = try DiskCodeCache(root: temp.url.path, abi: DiskCodeCacheTests.abi)
    let memory = MemoryCodeCache(backing: disk)
    let key = CodeCacheKey(kind: .function, source: "module.exports = 1")
    #expect(memory.load(key) == nil)
    memory.store(key, [9, 9, 9])
    DispatchQueue.concurrentPerform(iterations: 8) { _ in _ = memory.load(key) }
    disk.flush()
    let stats = memory.statistics
    #expect(stats.hits == 8, "served from memory")
    #expect(stats.missesAbsent == 1, "the first miss is counted once, by the disk layer")
    #expect(stats.stores == 1)
    #expect(MemoryCodeCache(backing: try DiskCodeCache(root: temp.url.path, abi: DiskCodeCacheTests.abi)).load(key) == [9, 9, 9])
  }

  @Test func rejectionForgetsTheEntry() {
    let memory = MemoryCodeCache()
    let key = CodeCacheKey(kind: .classic, source: "1")
    memory.store(key, [1])
    memory.reject(key)
    #expect(memory.load(key) == nil)
    #expect(memory.statistics.rejections == 1)
    #expect(memory.statistics.missesAbsent == 1)
  }
}
