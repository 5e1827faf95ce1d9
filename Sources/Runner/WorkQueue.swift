import Foundation

/// The test cases workers take, in order, as each becomes free (cucumber-js's assignment); and
/// whether one failed, which `--fail-fast` turns into skipping the rest.
final class WorkQueue: @unchecked Sendable {
  private let lock = NSLock()
  private var nextIndex = 0
  private let count: Int
  private var failures = 0
  private var stop = false

  init(_ count: Int) { self.count = count }

  func next() -> Int? {
    lock.withLock {
      guard nextIndex < count else { return nil }
      defer { nextIndex += 1 }
      return nextIndex
    }
  }

  func failed(stop: Bool) {
    lock.withLock {
      failures += 1
      if stop { self.stop = true }
    }
  }

  var stopped: Bool { lock.withLock { stop } }
  var anyFailed: Bool { lock.withLock { failures > 0 } }
}
