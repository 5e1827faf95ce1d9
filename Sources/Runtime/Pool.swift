import Foundation
import V8

/// N warm workers, each an isolate pinned to its own thread with what lives for the worker's
/// whole life (a support context), checked out for one job at a time.
///
/// Guarantees: warm-up makes the first worker alone (it compiles and produces the caches), then
/// the others at once, each consuming those caches; the first error stops warm-up and is thrown.
/// `checkOut` hands out an idle worker, blocking while all are busy; `checkIn` returns it. A
/// worker is never handed to two holders at once. Thread-safe.
public final class Pool<Worker: AnyObject & Sendable>: @unchecked Sendable {
  public let workers: [Worker]
  /// How long each worker took to become ready, in warm-up order (index 0 is the first).
  public let warmUpTimes: [Duration]
  private let condition = NSCondition()
  private var idle: [Int]

  /// Makes `count` workers with `make(index)`: index 0 first, then the rest concurrently.
  public init(count: Int, make: @Sendable (Int) throws -> Worker) throws {
    let clock = ContinuousClock()
    let started = clock.now
    let first = try make(0)
    var times = [clock.now - started]
    var made: [Worker] = [first]
    if count > 1 {
      let results = LockedState([Result<(Worker, Duration), Error>?](repeating: nil, count: count - 1))
      DispatchQueue.concurrentPerform(iterations: count - 1) { i in
        let begun = clock.now
        let outcome = Result { try make(i + 1) }
        results.withLock { $0[i] = outcome.map { ($0, clock.now - begun) } }
      }
      for outcome in results.withLock({ $0 }) {
        let (worker, time) = try outcome!.get()
        made.append(worker)
        times.append(time)
      }
    }
    workers = made
    warmUpTimes = times
    idle = Array(made.indices.reversed())
  }

  /// An idle worker's index, waiting while every worker is busy.
  public func checkOut() -> Int {
    condition.lock()
    defer { condition.unlock() }
    while idle.isEmpty { condition.wait() }
    return idle.removeLast()
  }

  public func checkIn(_ index: Int) {
    condition.lock()
    precondition(!idle.contains(index), "worker \(index) checked in twice")
    idle.append(index)
    condition.signal()
    condition.unlock()
  }

  /// Runs `body` with a checked-out worker and checks it back in.
  public func with<T>(_ body: (Int, Worker) throws -> T) rethrows -> T {
    let index = checkOut()
    defer { checkIn(index) }
    return try body(index, workers[index])
  }
}
