import Foundation
import Runtime
import Testing
import V8

/// The escape suite's timer case: a hostile realm keeps objects support code handed it and tries
/// again from its own timers, later, on the isolate's event loop; the support realm's canary stays
/// untouched.
@Suite struct TimerEscapeTests {
  @Test func aHostileRealmsTimersGetNothingLater() throws {
    let isolate = try Isolate()
    let loop = EventLoop(isolate: isolate)
    let support = try isolate.makeContext(Context.Options(ownCodeGeneration: true))
    let page = try isolate.makeContext(Context.Options(guarded: true))
    try page.admit(support)
    let touched = LockedState(false)
    try support.define("__canary") { _ in
      touched.withLock { $0 = true }
      return .undefined
    }
    try isolate.sync {
      loop.add(support, clock: RealmClock(.real), rules: .node)
      loop.add(page, clock: RealmClock(.virtual), rules: .html)
      try loop.installTimers(in: page)
    }
    _ = try page.evaluate(
      """
      globalThis.tries = 0;
      globalThis.keep = (...kept) => {
        const attempt = () => {
          for (const x of kept) {
            tries++;
            try { x.constructor.constructor('__canary()')(); } catch (e) {}
            try { Object.getPrototypeOf(x).constructor.constructor('return __canary')()(); } catch (e) {}
            try { (typeof x === 'function' ? x.call(undefined) : x).__canary(); } catch (e) {}
          }
        };
        setTimeout(attempt, 1000);
        setInterval(attempt, 5000);
        return new Promise((resolve) => setTimeout(resolve, 20000));
      };
      """)
    guard case .function(let hand) = try support.evaluate("(page) => page.keep([1], { a: 1 }, function () { return this; })")
    else {
      Issue.record("no function")
      return
    }
    let promise = try support.call(hand, [.reference(try page.globalObject())])
    try isolate.sync {
      let deadline = ContinuousClock.now + .seconds(5)
      _ = try support.awaitPromise(promise, timeout: .seconds(5)) { try loop.turn(until: deadline) }
    }
    #expect(try page.evaluate("tries") == 15, "the hostile timers ran: at 1 s, then every 5 s until 20 s")
    #expect(!touched.withLock { $0 })
  }
}
