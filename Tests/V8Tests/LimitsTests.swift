import Foundation
import Testing
import V8

/// Runaway scripts: deep recursion, heap blow-ups and endless loops stop with typed errors, and
/// the isolate keeps working.
@Suite struct LimitsTests {
  @Test func infiniteRecursionIsARangeError() throws {
    let context = try Isolate().makeContext()
    let error = try #require(throws: JSError.self) { try context.evaluate("function f(){f()}; f()", filename: "rec.js") }
    #expect(error.kind == .exception)
    #expect(error.name == "RangeError")
    #expect(error.message == "Maximum call stack size exceeded")
    #expect(try context.evaluate("1 + 1") == 2)
  }

  @Test func recursionThroughAHostFunctionIsARangeError() throws {
    let context = try Isolate().makeContext()
    try context.define("again") { _ in try context.evaluate("again()", filename: "again.js") }
    let error = try #require(throws: JSError.self) { try context.evaluate("again()", filename: "again.js") }
    #expect(error.message.contains("Maximum call stack size exceeded"))
    #expect(context.isolate.hostCallDepth == 0)
  }

  @Test func heapBlowUpIsATypedErrorAndTheIsolateKeepsWorking() throws {
    let isolate = try Isolate(heapLimit: 64 << 20)
    let context = try isolate.makeContext()
    let blowUp = "{ const hoard = []; while (true) hoard.push(new Array(1000).fill({ x: Math.random() })); }"
    let error = try #require(throws: JSError.self) { try context.evaluate(blowUp, filename: "hoard.js") }
    #expect(error.kind == .heapLimit)
    #expect(error.message.contains("heap limit"))
    // The same isolate runs again, and can hit the limit again.
    #expect(try context.evaluate("[1, 2, 3].map((x) => x * 2)") == [2, 4, 6])
    let again = try #require(throws: JSError.self) { try context.evaluate(blowUp, filename: "hoard2.js") }
    #expect(again.kind == .heapLimit, "\(again)")
    #expect(try isolate.makeContext().evaluate("'fresh'") == "fresh")
    #expect(try Isolate().makeContext().evaluate("'new isolate'") == "new isolate")
  }

  @Test func endlessLoopIsTerminatedFromAnotherThread() throws {
    let isolate = try Isolate()
    let context = try isolate.makeContext()
    let started = DispatchSemaphore(value: 0)
    try context.define("started") { _ in
      started.signal()
      return .undefined
    }
    DispatchQueue.global().async {
      started.wait()
      isolate.terminate()
    }
    let error = try #require(throws: JSError.self) {
      try context.evaluate("started(); while (true) {}", filename: "loop.js")
    }
    #expect(error.kind == .terminated)
    // Termination is cleared: the isolate keeps working, and an idle terminate does nothing.
    #expect(try context.evaluate("'after'") == "after")
    isolate.terminate()
    #expect(try context.evaluate("'still'") == "still")
  }

  @Test func terminationPassesThroughNestedHostCalls() throws {
    let isolate = try Isolate()
    let context = try isolate.makeContext()
    try context.define("inner") { _ in
      DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { isolate.terminate() }
      return try context.evaluate("while (true) {}", filename: "inner.js")
    }
    let error = try #require(throws: JSError.self) {
      try context.evaluate("try { inner() } catch (e) { 'caught' }; while (true) {}", filename: "outer.js")
    }
    #expect(error.kind == .terminated)
    #expect(isolate.hostCallDepth == 0)
    #expect(try context.evaluate("2") == 2)
  }
}
