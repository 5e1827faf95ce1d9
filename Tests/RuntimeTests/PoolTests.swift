import Foundation
import Testing
import V8
import _CaperTestSupport

@testable import Runtime

final class Probe: @unchecked Sendable {
  let index: Int
  let context: Context
  init(index: Int) throws {
    self.index = index
    context = try Isolate().makeContext()
  }
}

@Suite struct PoolTests {
  @Test func theFirstWorkerIsMadeAloneThenTheOthers() throws {
    let events = LockedState<[String]>([])
    let pool = try Pool<Probe>(count: 4) { index in
      events.withLock { $0.append("start \(index)") }
      let probe = try Probe(index: index)
      events.withLock { $0.append("end \(index)") }
      return probe
    }
    #expect(events.withLock { $0 }.prefix(2) == ["start 0", "end 0"], "nothing else starts before the first is ready")
    #expect(Set(events.withLock { $0 }.dropFirst(2)) == Set((1..<4).flatMap { ["start \($0)", "end \($0)"] }))
    #expect(pool.workers.map(\.index) == [0, 1, 2, 3])
    #expect(pool.warmUpTimes.count == 4)
    // Each worker is its own isolate.
    #expect(Set(pool.workers.map { ObjectIdentifier($0.context.isolate) }).count == 4)
  }

  @Test func aWorkerIsNeverHeldTwice() throws {
    let pool = try Pool<Probe>(count: 2) { try Probe(index: $0) }
    let lock = NSLock()
    nonisolated(unsafe) var holders = [0, 0]
    nonisolated(unsafe) var clashes = 0
    nonisolated(unsafe) var calls = 0
    DispatchQueue.concurrentPerform(iterations: 16) { _ in
      pool.with { index, worker in
        lock.withLock {
          if holders[index] > 0 { clashes += 1 }
          holders[index] += 1
        }
        // Use the worker's isolate: JavaScript on its own thread.
        let answer = try? worker.context.evaluate("6 * 7")
        usleep(2000)
        lock.withLock {
          if answer == .number(42) { calls += 1 }
          holders[index] -= 1
        }
      }
    }
    #expect(lock.withLock { clashes } == 0)
    #expect(lock.withLock { calls } == 16)
  }

  @Test func aWarmUpErrorIsThrown() {
    struct Broken: Error {}
    #expect(throws: Broken.self) {
      _ = try Pool<Probe>(count: 3) { index in
        if index == 2 { throw Broken() }
        return try Probe(index: index)
      }
    }
  }
}
