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
    let watchdog = Watchdog(isolate: isolate, timeout: timeout)
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
    let watchdog = Watchdog(isolate: isolate, timeout: timeout)
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
        if status == CV8_OK && state == CV8_PROMISE_REJECTED { rejection = error.pointee; error.pointee = cv8_error() }
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

/// Terminates an isolate's running script once a deadline passes, unless cancelled first.
final class Watchdog: @unchecked Sendable {
  private let state = LockedState((fired: false, cancelled: false))
  private let deadline: ContinuousClock.Instant
  let timeout: Duration

  init(isolate: Isolate, timeout: Duration) {
    self.timeout = timeout
    deadline = .now + timeout
    let nanoseconds = max(0, Int(timeout.components.seconds) * 1_000_000_000 + Int(timeout.components.attoseconds / 1_000_000_000))
    DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [weak isolate, state] in
      let fire = state.withLock { s -> Bool in
        if s.cancelled { return false }
        s.fired = true
        return true
      }
      if fire { isolate?.terminate() }
    }
  }

  var fired: Bool { state.withLock { $0.fired } }
  var remaining: Duration { max(.zero, deadline - .now) }
  var error: JSError { JSError(kind: .timeout, message: "timed out after \(timeout)") }

  func cancel() { state.withLock { $0.cancelled = true } }
}
