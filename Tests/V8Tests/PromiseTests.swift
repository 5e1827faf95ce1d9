import Testing
import V8

@Suite struct PromiseTests {
  let context: Context
  init() throws { context = try Isolate().makeContext() }

  func function(_ source: String) throws -> JSReference {
    guard case .function(let f) = try context.evaluate(source) else { throw JSError(kind: .invalid, message: "not a function") }
    return f
  }

  @Test func callingAnAsyncFunctionWaitsForItsValue() throws {
    let f = try function("async (a, b) => { await null; const c = await Promise.resolve(a * b); return { c } }")
    #expect(try context.callAwaiting(f, [6, 7]) == ["c": 42])
  }

  @Test func plainValuesPassThrough() throws {
    #expect(try context.callAwaiting(try function("() => 'now'")) == "now")
  }

  @Test func rejectionThrowsTheReason() throws {
    let f = try function("async () => { await null; throw new SyntaxError('late') }")
    let error = try #require(throws: JSError.self) { try context.callAwaiting(f) }
    #expect(error.kind == .exception)
    #expect(error.name == "SyntaxError")
    #expect(error.message == "late")
  }

  @Test func aPromiseThatNothingSettlesFailsAtOnce() throws {
    let f = try function("() => new Promise(() => {})")
    let error = try #require(throws: JSError.self) { try context.callAwaiting(f, timeout: .seconds(30)) }
    #expect(error.kind == .timeout)
    #expect(error.message.contains("still pending"))
  }

  @Test func endlessMicrotasksTimeOut() throws {
    let f = try function("() => new Promise(() => { const spin = () => Promise.resolve().then(spin); spin(); })")
    let clock = ContinuousClock()
    let start = clock.now
    let error = try #require(throws: JSError.self) { try context.callAwaiting(f, timeout: .milliseconds(200)) }
    #expect(error.kind == .timeout)
    #expect(clock.now - start < .seconds(20))
    #expect(try context.evaluate("'alive'") == "alive")
  }

  @Test func aPumpCanSettleThePromise() throws {
    _ = try context.evaluate("globalThis.pending = []; globalThis.later = () => new Promise((r) => pending.push(r))")
    let promise = try context.call(try function("later"))
    var rounds = 0
    let value = try context.awaitPromise(promise) {
      rounds += 1
      _ = try context.evaluate("pending.length && pending.shift()('pumped')")
      return true
    }
    #expect(value == "pumped")
    #expect(rounds == 1)
  }
}
