import Foundation
import Testing
import V8
import _CaperTestSupport

/// Isolates live on their own threads: usable from any thread or task, in parallel.
@Suite struct IsolateThreadTests {
  @Test func usableFromManyThreadsAtOnce() async throws {
    let context = try Isolate().makeContext()
    _ = try context.evaluate("globalThis.n = 0")
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask { for _ in 0..<50 { _ = try? context.evaluate("n += 1") } }
      }
    }
    #expect(try context.evaluate("n") == 400)
  }

  @Test func hostFunctionsRunOnTheIsolateThread() throws {
    let isolate = try Isolate()
    let context = try isolate.makeContext()
    #expect(!isolate.isCurrentThread)
    try context.define("onThread") { _ in .bool(isolate.isCurrentThread) }
    #expect(try context.evaluate("onThread()") == true)
  }

  @Test func isolatesRunInParallel() throws {
    // Two isolates meet at a barrier from inside JavaScript: only parallel threads get through.
    let arrived = LockedState(0)
    let contexts = try (0..<2).map { _ in try Isolate().makeContext() }
    for context in contexts {
      try context.define("meet") { _ in
        arrived.withLock { $0 += 1 }
        let deadline = Date().addingTimeInterval(10)
        while arrived.withLock { $0 } < 2 && Date() < deadline { usleep(1000) }
        return .bool(arrived.withLock { $0 } >= 2)
      }
    }
    // Two plain threads: a dispatch pool on a busy 2-core machine may run both calls on one
    // thread, one after the other, which would say nothing about the isolates.
    let results = LockedState<[JSValue]>([])
    let done = DispatchGroup()
    for context in contexts {
      done.enter()
      Thread.detachNewThread {
        let value = (try? context.evaluate("meet()")) ?? .undefined
        results.withLock { $0.append(value) }
        done.leave()
      }
    }
    done.wait()
    #expect(results.withLock { $0 } == [true, true])
  }

  @Test func manyIsolatesComeAndGo() throws {
    for i in 0..<20 {
      let context = try Isolate().makeContext()
      #expect(try context.evaluate("\(i) * 2") == .number(Double(i * 2)))
    }
  }
}
