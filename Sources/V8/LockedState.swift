import Foundation

/// A value guarded by a lock: the only way to reach it is `withLock` (also for the layers above:
/// values handed between threads).
public final class LockedState<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  public init(_ value: Value) { self.value = value }

  public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
