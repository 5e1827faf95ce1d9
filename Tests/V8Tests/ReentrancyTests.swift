import Testing
import V8
import _CaperTestSupport

/// The reentrancy rule: producing a code cache inside a host callback is refused with a typed
/// error, whatever the nesting; compiling and running without producing stays allowed.
@Suite struct ReentrancyTests {
  enum Production: CaseIterable { case compileWithProduce, createCachedData }

  /// Defines `host(depth)` which, at nesting `depth`, attempts a production; returns what it saw.
  static func attempt(_ production: Production, atDepth depth: Int) throws -> (JSError?, depths: [Int]) {
    let context = try Isolate().makeContext()
    let script = try context.compile("'prepared'", filename: "prepared.js")
    _ = try script.run()
    let seen = LockedState<(JSError?, [Int])>((nil, []))
    try context.define("host") { arguments in
      let remaining = Int(arguments[0].numberValue ?? 0)
      var state = seen.withLock { $0 }
      state.1.append(context.isolate.hostCallDepth)
      seen.withLock { $0 = state }
      if remaining > 1 {
        // JS -> host -> JS -> host: go one level deeper through JavaScript.
        return try context.evaluate("host(\(remaining - 1))", filename: "nested.js")
      }
      do {
        switch production {
        case .compileWithProduce:
          _ = try context.compile("'inner'", filename: "inner.js", produceCache: true)
        case .createCachedData:
          _ = try script.createCachedData()
        }
      } catch let error as JSError {
        state = seen.withLock { $0 }
        state.0 = error
        seen.withLock { $0 = state }
      }
      return "done"
    }
    #expect(try context.evaluate("host(\(depth))", filename: "outer.js") == "done")
    #expect(context.isolate.hostCallDepth == 0)
    return seen.withLock { $0 }
  }

  @Test(arguments: Production.allCases, [1, 2])
  func productionInsideACallbackIsRefused(production: Production, depth: Int) throws {
    let (error, depths) = try Self.attempt(production, atDepth: depth)
    let refusal = try #require(error, "the production must be refused")
    #expect(refusal.kind == .reentrancy)
    #expect(refusal.message.contains("reentrancy rule"))
    #expect(depths == Array(1...depth))
  }

  @Test func refusedCompileProducesNothing() throws {
    let context = try Isolate().makeContext()
    try context.define("tryProduce") { _ in
      do {
        _ = try context.compile("globalThis.ran = true", filename: "p.js", produceCache: true)
        return "compiled"
      } catch let error as JSError where error.kind == .reentrancy {
        return .number(Double(context.liveScriptCount))
      }
    }
    // Only the running outer script is live: the refused compile made none.
    #expect(try context.evaluate("tryProduce()") == 1)
    #expect(try context.evaluate("typeof ran") == "undefined")
  }

  @Test func productionInsideAMicrotaskCallbackIsRefused() throws {
    let context = try Isolate().makeContext()
    let refused = LockedState(false)
    try context.define("host") { _ in
      do { _ = try context.compile("1", filename: "m.js", produceCache: true) } catch let e as JSError {
        refused.withLock { $0 = e.kind == .reentrancy }
      }
      return .undefined
    }
    _ = try context.evaluate("Promise.resolve().then(() => host())")
    #expect(refused.withLock { $0 })
  }

  @Test func counterIsBackToZeroAfterACallbackThrows() throws {
    struct Boom: Error, CustomStringConvertible { var description: String { "boom from Swift" } }
    let context = try Isolate().makeContext()
    try context.define("fail") { _ in throw Boom() }
    try context.define("depth") { _ in .number(Double(context.isolate.hostCallDepth)) }
    let error = try #require(throws: JSError.self) { try context.evaluate("fail()", filename: "f.js") }
    #expect(error.message == "boom from Swift")
    #expect(context.isolate.hostCallDepth == 0)
    #expect(try context.evaluate("try { fail() } catch (e) { depth() }") == 1)
    #expect(context.isolate.hostCallDepth == 0)
    // Production works again at the top level.
    #expect(try context.compile("2", filename: "ok.js", produceCache: true).cachedData != nil)
  }

  @Test func compileRunDisposeWithoutProduceIsAllowedInsideCallbacks() throws {
    let context = try Isolate().makeContext()
    try context.define("work") { arguments in
      let n = arguments[0].numberValue ?? 0
      let script = try context.compile("(\(n)) * 2", filename: "work\(Int(n)).js")
      let value = try script.run()
      script.dispose()
      return value
    }
    let total = try context.evaluate(
      "let sum = 0; for (let i = 0; i < 100; i++) sum += work(i); sum", filename: "loop.js")
    #expect(total == .number(9900))
    #expect(context.liveScriptCount == 0)
    #expect(context.isolate.hostCallDepth == 0)
  }
}
