internal import CV8
import Foundation

extension Context {
  /// Waits for `promise` to settle, running microtasks, and returns its value; a rejection throws
  /// the reason as a `JSError`.
  ///
  /// `pump` runs one round of the realm's other work (timers, I/O) and returns false when there is
  /// nothing left that could settle the promise; without it, only microtasks run. Past `timeout`
  /// the running JavaScript is terminated and a `JSError.Kind.timeout` is thrown.
  public func awaitPromise(
    _ promise: JSValue, timeout: Duration = .seconds(5), pump: () throws -> Bool = { false }
  ) throws -> JSValue {
    guard case .promise(let reference) = promise else { return promise }
    let watchdog = try Watchdog(isolate: isolate, timeout: timeout)
    defer { watchdog.cancel() }
    do {
      while true {
        if let value = try settledValue(of: reference) { return value }
        if watchdog.fired { throw watchdog.error }
        guard try pump() else {
          // The last round may have settled it (its microtasks ran when the round returned).
          if let value = try settledValue(of: reference) { return value }
          throw JSError(kind: .timeout, message: "the promise is still pending and nothing is left to run that could settle it")
        }
      }
    } catch let error as JSError where error.kind == .terminated && watchdog.fired {
      throw watchdog.error
    }
  }

  /// Calls `function` and, when it returns a promise, waits for it (see `awaitPromise`); the
  /// timeout covers the call itself too (an endless loop in it is terminated).
  public func callAwaiting(
    _ function: JSReference, _ arguments: [JSValue] = [], timeout: Duration = .seconds(5),
    pump: () throws -> Bool = { false }
  ) throws -> JSValue {
    let watchdog = try Watchdog(isolate: isolate, timeout: timeout)
    defer { watchdog.cancel() }
    do {
      let value = try call(function, arguments)
      if watchdog.fired { throw watchdog.error }
      return try awaitPromise(value, timeout: watchdog.remaining, pump: pump)
    } catch let error as JSError where error.kind == .terminated && watchdog.fired {
      throw watchdog.error
    }
  }

  /// The promise's value once settled, nil while pending; a rejection throws.
  private func settledValue(of reference: JSReference) throws -> JSValue? {
    try withRaw { _ in
      var state = CV8_PROMISE_PENDING
      var rejection = cv8_error()
      defer { cv8_error_clear(&rejection) }
      let value = try ShimCall.value(in: self) { result, error in
        let status = cv8_ref_promise_state(reference.raw, &state, result, error)
        if status == CV8_OK && state == CV8_PROMISE_REJECTED {
          rejection = error.pointee
          error.pointee = cv8_error()
        }
        if status == CV8_OK && state != CV8_PROMISE_FULFILLED { result.pointee = Self.undefinedBuffer() }
        return status
      }
      switch state {
      case CV8_PROMISE_FULFILLED: return value
      case CV8_PROMISE_REJECTED: throw ShimCall.jsError(rejection.status, rejection)
      default: return nil
      }
    }
  }

  private static func undefinedBuffer() -> cv8_buffer {
    let data = malloc(1)!.assumingMemoryBound(to: UInt8.self)
    data.pointee = UInt8(ascii: "u")
    return cv8_buffer(data: data, length: 1)
  }
}

/// The host boundary's guard: once a deadline passes, terminates the JavaScript entered through
/// the boundary it was made at (the next call into JavaScript from where it was made, and what
/// that calls), unless cancelled first.
///
/// Made inside a host function, it stops only the inner
/// call: the termination ends there and the outer realm's code goes on (its host function gets
/// `JSError.Kind.timeout` to throw). Deadlines are kept by one thread per isolate
/// (`DeadlineKeeper`), so arming one costs a lock, not a timer.
final class Watchdog: @unchecked Sendable {
  private let state = LockedState((fired: false, cancelled: false, token: 0, deadline: ContinuousClock.Instant.now))
  private let keeper: DeadlineKeeper
  private weak var isolate: Isolate?
  /// Asked when the deadline passes: a later deadline keeps the script running until then.
  private let extend: (@Sendable () -> ContinuousClock.Instant?)?
  /// The entry depth of the call it guards.
  private let depth: Int
  let timeout: Duration

  init(isolate: Isolate, timeout: Duration, extend: (@Sendable () -> ContinuousClock.Instant?)? = nil) throws {
    self.timeout = timeout
    keeper = isolate.deadlines
    self.isolate = isolate
    self.extend = extend
    depth = try isolate.sync { isolate.entryDepth + 1 }
    schedule(.now + timeout)
  }

  private func schedule(_ deadline: ContinuousClock.Instant) {
    state.withLock { $0.deadline = deadline }
    let token = keeper.arm(deadline) { [weak self] in self?.deadlinePassed() }
    state.withLock { $0.token = token }
  }

  private func deadlinePassed() {
    if let later = extend?(), later > .now {
      if !state.withLock({ $0.cancelled }) { schedule(later) }
      return
    }
    let fire = state.withLock { s -> Bool in
      if s.cancelled { return false }
      s.fired = true
      return true
    }
    if fire { isolate?.terminate(atDepth: depth) }
  }

  var fired: Bool { state.withLock { $0.fired } }
  var remaining: Duration { max(.zero, state.withLock { $0.deadline } - .now) }
  var error: JSError { JSError(kind: .timeout, message: "timed out after \(timeout)") }

  func cancel() {
    let token = state.withLock { s -> Int in
      s.cancelled = true
      return s.token
    }
    keeper.disarm(token)
  }
}

/// One thread that fires deadlines for an isolate: it sleeps until the earliest armed deadline
/// and calls its action; disarming is a dictionary removal.
///
/// The thread starts with the first
/// deadline and ends with the keeper.
final class DeadlineKeeper: @unchecked Sendable {
  private let condition = NSCondition()
  private var armed: [Int: (deadline: ContinuousClock.Instant, action: @Sendable () -> Void)] = [:]
  private var nextToken = 0
  private var started = false
  private var stopped = false
  /// When the thread wakes next on its own (nil: it waits for a signal).
  private var wakesAt: ContinuousClock.Instant?

  func arm(_ deadline: ContinuousClock.Instant, action: @escaping @Sendable () -> Void) -> Int {
    condition.lock()
    defer { condition.unlock() }
    nextToken += 1
    armed[nextToken] = (deadline, action)
    if !started {
      started = true
      let thread = Thread { [weak self] in
        Thread.current.name = "caper.deadlines"  // Named from inside, as IsolateThread says why.
        self?.run()
      }
      thread.start()
    }
    // Wake the thread only when it would sleep past this deadline.
    if wakesAt.map({ deadline < $0 }) ?? true { condition.signal() }
    return nextToken
  }

  func disarm(_ token: Int) {
    condition.lock()
    armed[token] = nil
    condition.unlock()
  }

  func stop() {
    condition.lock()
    stopped = true
    condition.signal()
    condition.unlock()
  }

  private func run() {
    condition.lock()
    while !stopped {
      let now = ContinuousClock.now
      let due = armed.filter { $0.value.deadline <= now }
      for (token, _) in due { armed[token] = nil }
      if !due.isEmpty {
        condition.unlock()
        for (_, entry) in due { entry.action() }
        condition.lock()
        continue
      }
      if let next = armed.values.map(\.deadline).min() {
        let wait = next - now
        let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
        wakesAt = next
        _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
      } else {
        wakesAt = nil
        condition.wait()
      }
    }
    condition.unlock()
  }
}
