import Testing
import V8

@Suite struct CodeCacheTests {
  static let source = """
    function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
    function table(rows) { return Array.from({ length: rows }, (_, i) => ({ i, f: fib(i) })); }
    table(15).map((r) => r.f).join(',');
    """
  static let expected: JSValue = "0,1,1,2,3,5,8,13,21,34,55,89,144,233,377"

  @Test func defaultProducesNoCache() throws {
    let script = try Isolate().makeContext().compile(Self.source, filename: "fib.js")
    #expect(script.cachedData == nil)
    #expect(script.cacheRejected == false)
  }

  @Test func cacheFromOneIsolateIsAcceptedInAnother() throws {
    let producer = try Isolate().makeContext().compile(Self.source, filename: "fib.js", produceCache: true)
    let cache = try #require(producer.cachedData)
    #expect(!cache.isEmpty)
    #expect(try producer.run() == Self.expected)

    let consumer = try Isolate().makeContext().compile(
      Self.source, filename: "elsewhere/fib.js", cachedData: cache, produceCache: true)
    #expect(consumer.cacheRejected == false)
    #expect(consumer.cachedData == nil, "an accepted cache needs no new one")
    #expect(try consumer.run() == Self.expected)
  }

  @Test func garbageCacheIsRejectedAndReplaced() throws {
    let garbage = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
    let script = try Isolate().makeContext().compile(
      Self.source, filename: "fib.js", cachedData: garbage, produceCache: true)
    #expect(script.cacheRejected)
    let fresh = try #require(script.cachedData)
    #expect(!fresh.isEmpty)
    #expect(try script.run() == Self.expected)
    // The fresh cache is good: another isolate accepts it.
    let again = try Isolate().makeContext().compile(Self.source, filename: "fib.js", cachedData: fresh)
    #expect(again.cacheRejected == false)
  }

  @Test func rejectedWithoutProduceGivesNoCache() throws {
    let script = try Isolate().makeContext().compile(Self.source, filename: "fib.js", cachedData: [1, 2, 3, 4])
    #expect(script.cacheRejected)
    #expect(script.cachedData == nil)
    #expect(try script.run() == Self.expected)
  }

  @Test func cacheMadeAfterRunningCoversLazyFunctions() throws {
    let context = try Isolate().makeContext()
    let script = try context.compile(Self.source, filename: "fib.js", produceCache: true)
    let afterCompile = try #require(script.cachedData)
    _ = try script.run()
    let afterRun = try script.createCachedData()
    #expect(afterRun.count > afterCompile.count, "the after-run cache holds the functions compiled while running")
    let consumer = try Isolate().makeContext().compile(Self.source, filename: "fib.js", cachedData: afterRun)
    #expect(consumer.cacheRejected == false)
    #expect(try consumer.run() == Self.expected)
  }

  /// V8 10.2 checks a cache against the source's length only: a same-length edit is accepted and
  /// runs the old code.
  ///
  /// This documents why Caper's cache layer keys on the source content.
  @Test func sameLengthEditWithOldCacheIsAcceptedByV8() throws {
    let old = "(function(){ return 'AAAA' })()"
    let edited = "(function(){ return 'BBBB' })()"
    #expect(old.utf8.count == edited.utf8.count)
    let cache = try #require(try Isolate().makeContext().compile(old, filename: "a.js", produceCache: true).cachedData)
    let script = try Isolate().makeContext().compile(edited, filename: "a.js", cachedData: cache)
    #expect(script.cacheRejected == false)
    #expect(try script.run() == "AAAA", "V8 ran the cached code, not the edited source")
  }

  @Test func lengthChangeIsRejected() throws {
    let cache = try #require(
      try Isolate().makeContext().compile("'short'", filename: "a.js", produceCache: true).cachedData)
    let script = try Isolate().makeContext().compile("'longer one'", filename: "a.js", cachedData: cache)
    #expect(script.cacheRejected)
    #expect(try script.run() == "longer one")
  }

  @Test func versionTagIsStableAndNonZero() throws {
    let tag = Engine.cachedDataVersionTag
    #expect(tag != 0)
    #expect(Engine.cachedDataVersionTag == tag)
    _ = try Isolate().makeContext().evaluate("1")
    #expect(Engine.cachedDataVersionTag == tag)
    #expect(Engine.version.hasPrefix("10.2."))
  }
}
