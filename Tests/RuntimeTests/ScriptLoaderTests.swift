import CodeCache
import Foundation
import Testing
import V8
import _CaperTestSupport

@testable import Runtime

@Suite struct ScriptLoaderTests {
  /// A script with many functions that only compile lazily, when called.
  static let source: String = {
    var text = "var total = 0;\n"
    for i in 0..<200 { text += "function f\(i)(x) { let s = 0; for (let j = 0; j < x; j++) s += j * \(i); return s; }\n" }
    text += (0..<200).map { "total += f\($0)(10);" }.joined(separator: "\n") + "\ntotal;"
    return text
  }()
  static let expected = JSValue.number(Double((0..<200).reduce(0) { $0 + 45 * $1 }))

  @Test func afterRunCachesAreLargerThanAfterCompileOnes() throws {
    let context = try Isolate().makeContext()
    let atCompile = try context.compile(Self.source, filename: "a.js", produceCache: true)
    let compileCache = try #require(atCompile.cachedData)
    #expect(try atCompile.run() == Self.expected)
    let afterRun = try atCompile.createCachedData()
    #expect(afterRun.count > compileCache.count * 2, "after-run \(afterRun.count) bytes vs after-compile \(compileCache.count)")

    let function = try context.compileFunction(
      Self.source.replacingOccurrences(of: "\ntotal;", with: "\nreturn total;"), filename: "f.js", parameters: [])
    let functionAtCompile = try function.function.createFunctionCache()
    _ = try context.call(function.function, [])
    #expect(try function.function.createFunctionCache().count > functionAtCompile.count * 2)

    let module = try context.compileModule(Self.source + "\nexport default total;", filename: "m.mjs")
    let moduleAtCompile = try module.createCachedData()
    _ = try module.evaluate()
    #expect(try module.createCachedData().count > moduleAtCompile.count * 2)
  }

  @Test func producedAfterRunAndAcceptedByAnotherIsolate() throws {
    let store = MemoryCodeCache()
    let first = try Isolate().makeContext()
    let loader = ScriptLoader(isolate: first.isolate, store: store)
    #expect(try first.isolate.sync { try loader.evaluate(Self.source, filename: "a.js", in: first) } == Self.expected)
    #expect(store.statistics.stores == 1)
    #expect(store.statistics.missesAbsent == 1)

    let second = try Isolate().makeContext()
    let other = ScriptLoader(isolate: second.isolate, store: store)
    #expect(try second.isolate.sync { try other.evaluate(Self.source, filename: "a.js", in: second) } == Self.expected)
    #expect(store.statistics.hits == 1)
    #expect(store.statistics.stores == 1, "an accepted cache is not produced again")
    #expect(store.statistics.rejections == 0)
  }

  @Test func aModuleAndItsImportsAreProducedOnlyOnceEvaluated() throws {
    let store = MemoryCodeCache()
    let context = try Isolate().makeContext()
    let loader = ScriptLoader(isolate: context.isolate, store: store)
    try context.isolate.sync {
      let leaf = try loader.compileModule(Self.source + "\nexport default total;", filename: "/leaf.mjs", in: context)
      context.moduleResolver = { _, _, _ in leaf }
      let root = try loader.compileModule(
        "import total from '/leaf.mjs'; globalThis.seen = total;", filename: "/root.mjs", in: context)
      // Compiled, not run: nothing is produced yet, however often the top level asks.
      #expect(loader.produceDeferred() == 0)
      #expect(loader.pendingCount == 2)
      _ = try context.awaitPromise(try root.evaluate())
      #expect(try context.evaluate("seen") == Self.expected)
      // The root's evaluation ran the leaf too: both are produced, after their top levels ran.
      #expect(loader.produceDeferred() == 2)
      #expect(store.statistics.stores == 2)
    }
    // A module whose context went away before it ran is dropped, never produced.
    let gone = try Isolate().makeContext()
    let goneLoader = ScriptLoader(isolate: gone.isolate, store: store)
    try gone.isolate.sync {
      _ = try goneLoader.compileModule("export default 1;", filename: "/never.mjs", in: gone)
      gone.dispose()
      #expect(goneLoader.produceDeferred() == 0)
      #expect(goneLoader.pendingCount == 0)
    }
  }

  @Test func inIsolateCompilationCacheIsNotAVerifiedHit() throws {
    let store = MemoryCodeCache()
    let context = try Isolate().makeContext()
    let loader = ScriptLoader(isolate: context.isolate, store: store)
    try context.isolate.sync {
      _ = try loader.evaluate(Self.source, filename: "a.js", in: context)
      _ = try loader.evaluate(Self.source, filename: "a.js", in: try context.isolate.makeContext())
    }
    #expect(store.statistics.hits == 0)
    #expect(loader.isolateCacheHits == 1)
  }

  @Test func rejectionIsReplacedAndTheNextIsolateHits() throws {
    let store = MemoryCodeCache()
    let key = CodeCacheKey(kind: .classic, source: ScriptLoader.namePart("a.js") + Self.source)
    // Well framed, checksummed by the store, but not V8's data: V8 rejects it.
    store.store(key, ScriptLoader.frame(1, [UInt8](repeating: 7, count: 512)))
    let context = try Isolate().makeContext()
    let loader = ScriptLoader(isolate: context.isolate, store: store)
    #expect(try context.isolate.sync { try loader.evaluate(Self.source, filename: "a.js", in: context) } == Self.expected)
    #expect(store.statistics.rejections == 1)
    #expect(store.statistics.stores == 2, "the rejected entry was replaced")

    let next = try Isolate().makeContext()
    let again = ScriptLoader(isolate: next.isolate, store: store)
    #expect(try next.isolate.sync { try again.evaluate(Self.source, filename: "a.js", in: next) } == Self.expected)
    #expect(store.statistics.rejections == 1)
    #expect(store.statistics.hits == 2, "the garbage once, then the replacement")
  }

  @Test func compilesInsideACallbackDeferProductionToTheTopLevel() throws {
    let temp = try TemporaryDirectory()
    let disk = try DiskCodeCache(root: temp.url.path, abi: .current())
    let store = MemoryCodeCache(backing: disk)
    let context = try Isolate().makeContext()
    let loader = ScriptLoader(isolate: context.isolate, store: store)
    let body = "return function (x) { return x * 2 + " + String(Self.source.count) + "; }"
    try context.define(
      "requireLike",
      withContext: { context, _ in
        // Inside a host callback: compile consume-only; production must wait.
        let function = try loader.compileFunction(body, filename: "lib.js", parameters: [], in: context)
        #expect(loader.pendingCount == 1)
        #expect(loader.produceDeferred() == 0, "nothing is produced inside a callback")
        return try context.call(function, [])
      })
    let result = try context.isolate.sync { try context.evaluate("requireLike()(20)") }
    #expect(result == .number(40 + Double(Self.source.count)))
    #expect(loader.deferredProductions == 1)
    #expect(try context.isolate.sync { loader.produceDeferred() } == 1)
    #expect(try context.isolate.sync { loader.produceDeferred() } == 0, "produced exactly once")
    disk.flush()
    #expect(disk.statistics.stores == 1)

    // A fresh store over the same directory (a new process) accepts it.
    let reopened = MemoryCodeCache(backing: try DiskCodeCache(root: temp.url.path, abi: .current()))
    let fresh = try Isolate().makeContext()
    let freshLoader = ScriptLoader(isolate: fresh.isolate, store: reopened)
    let function = try fresh.isolate.sync { try freshLoader.compileFunction(body, filename: "lib.js", parameters: [], in: fresh) }
    #expect(reopened.statistics.hits == 1)
    #expect(reopened.statistics.rejections == 0)
    guard case .function(let inner) = try fresh.call(function, []) else {
      Issue.record("not a function")
      return
    }
    #expect(try fresh.call(inner, [.number(1)]) == .number(2 + Double(Self.source.count)))
  }
}

@Suite struct ScriptLoaderNameTests {
  /// Two checkouts with the same file: whatever the engine does with a cache's script name,
  /// the second one's stack traces name its own file.
  @Test func aHitNeverBorrowsTheProducersFileName() throws {
    let temp = try TemporaryDirectory()
    let text = "module.exports = () => new Error('where').stack;\n"
    let first = try temp.write("one/lib.js", text)
    let second = try temp.write("two/lib.js", text)
    let store = MemoryCodeCache()
    let parameters = ["exports", "require", "module", "__filename", "__dirname"]
    func stack(_ path: String) throws -> String {
      let context = try Isolate().makeContext()
      let loader = ScriptLoader(isolate: context.isolate, store: store, sources: SharedSources())
      return try context.isolate.sync {
        let function = try loader.compileFunction(file: path, parameters: parameters, in: context)
        try context.setGlobal("__lib", .function(function))
        let stack = try context.evaluate(
          "(() => { const m = { exports: {} }; __lib(m.exports, null, m, '', ''); return m.exports(); })()")
        loader.produceDeferred()
        return stack.stringValue ?? ""
      }
    }
    #expect(try stack(first).contains(first))
    let again = try stack(second)
    #expect(again.contains(second), "\(again)")
    #expect(!again.contains(first))
    #expect(store.statistics.stores >= 1)
  }
}
