internal import CV8
import Foundation

/// Where a call that runs several stages (a test case's steps, say) is: the stage JavaScript
/// marked as started last (through a clock from `Context.defineClock`) and when.
public struct ProgressMark: Sendable, Equatable {
  /// The index JavaScript passed to the clock.
  public let index: Int
  /// When it was marked, on the clock of `ProgressMark.now`.
  public let nanoseconds: Int64

  /// The marks' clock (monotonic, nanoseconds).
  public static var now: Int64 { cv8_monotonic_ns() }
}

extension Context {
  /// Defines a global function `name` that reads a monotonic clock natively (no host crossing):
  /// `name()` returns milliseconds since the isolate was made (`isolate.clockOrigin`); `name(i)`
  /// also marks stage `i` as started now (see `callInStages`).
  public func defineClock(_ name: String) throws {
    try withRaw { raw in
      try ShimCall.check { error in
        withUTF8(name) { name in cv8_context_define_clock(raw, name.base, name.count, error) }
      }
    }
  }

  /// Defines a global function `name` that runs this context's queued promise reactions now,
  /// from inside JavaScript (natively, as Node's `runMicrotasks`): code that runs stages one
  /// after another in one call settles what each left behind before the next starts.
  public func defineMicrotaskCheckpoint(_ name: String) throws {
    try withRaw { raw in
      try ShimCall.check { error in
        withUTF8(name) { name in cv8_context_define_microtask_checkpoint(raw, name.base, name.count, error) }
      }
    }
  }

  /// Defines a global function `name` that detaches the ArrayBuffer it is given (ECMA-262
  /// DetachArrayBuffer, a transfer's last step: its byte length becomes 0), natively.
  ///
  /// Anything but a detachable ArrayBuffer throws a TypeError in JavaScript.
  public func defineArrayBufferDetach(_ name: String) throws {
    try withRaw { raw in
      try ShimCall.check { error in
        withUTF8(name) { name in cv8_context_define_array_buffer_detach(raw, name.base, name.count, error) }
      }
    }
  }

  /// Calls `function`, which runs stages one after another and marks each one's start with a
  /// clock from `defineClock` (`clock(i)`), and returns what it returns (a promise is not awaited).
  ///
  /// Guarantees: stage `i` may run for `timeouts[i]` from its mark; past that (by at most a
  /// quarter of the shortest timeout) the JavaScript is terminated, a `JSError.Kind.timeout` is
  /// thrown and `isolate.progressMark` names the stage that overran. Before the first mark the
  /// first stage's timeout applies from the call.
  public func callInStages(_ function: JSReference, _ arguments: [JSValue], timeouts: [Duration]) throws -> JSValue {
    let isolate = self.isolate
    try isolate.clearProgressMark()
    let called = ProgressMark.now
    // A later stage may have a shorter timeout than the one running when the watchdog last
    // looked, so it looks again at least every quarter of the shortest timeout.
    let look = max(.milliseconds(10), (timeouts.min() ?? .seconds(5)) / 4)
    let watchdog = try Watchdog(isolate: isolate, timeout: min(look, timeouts.first ?? .seconds(5))) { [weak isolate] in
      let now = ProgressMark.now
      let mark = isolate?.progressMark ?? ProgressMark(index: 0, nanoseconds: called)
      guard mark.index < timeouts.count else { return .now + look }
      let timeout = timeouts[mark.index]
      let end =
        mark.nanoseconds + Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
      guard end > now else { return nil }
      return .now + min(.nanoseconds(end - now), look)
    }
    defer { watchdog.cancel() }
    do {
      let value = try call(function, arguments)
      if watchdog.fired { throw watchdog.error }
      return value
    } catch let error as JSError where error.kind == .terminated && watchdog.fired {
      throw watchdog.error
    }
  }
}

extension Isolate {
  /// The latest stage marked through a clock of this isolate (nil when none since the last call
  /// to `callInStages`).
  ///
  /// Safe from any thread.
  public var progressMark: ProgressMark? {
    var index: Int32 = -1
    var ns: Int64 = 0
    whileAlive { raw in cv8_isolate_mark(raw, &index, &ns) }
    return index < 0 ? nil : ProgressMark(index: Int(index), nanoseconds: ns)
  }

  /// The zero of this isolate's native clocks (`Context.defineClock`, or one a startup snapshot
  /// holds), on the clock of `ProgressMark.now`.
  public var clockOrigin: Int64 {
    var origin: Int64 = 0
    whileAlive { origin = cv8_isolate_clock_origin($0) }
    return origin
  }

  func clearProgressMark() throws {
    try sync { cv8_isolate_clear_mark(raw) }
  }
}
