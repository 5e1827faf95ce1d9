import Foundation
import Runtime
import Testing
import V8
import _CaperTestSupport

/// The isolate's event loop: Node's timer rules for the support realm, HTML's for pages, tasks
/// from other threads, virtual clocks that cost no real time, cancelling one realm.
@Suite struct EventLoopTests {
  let isolate: Isolate
  let loop: EventLoop

  init() throws {
    isolate = try Isolate()
    loop = EventLoop(isolate: isolate)
  }

  func realm(_ clock: RealmClock.Kind, _ rules: TimerRules) throws -> Context {
    let context = try isolate.makeContext()
    try isolate.sync {
      loop.add(context, clock: RealmClock(clock), rules: rules)
      try loop.installTimers(in: context)
    }
    return context
  }

  /// Evaluates `source` (a promise) and turns the loop until it settles.
  func settle(_ context: Context, _ source: String, timeout: Duration = .seconds(5)) throws -> JSValue {
    try isolate.sync {
      let deadline = ContinuousClock.now + timeout
      // A wait on this realm's promise: its virtual clock jumps to its next timer (rule 4).
      return try context.awaitPromise(try context.evaluate(source), timeout: timeout) {
        try loop.turn(until: deadline, waitingOn: context)
      }
    }
  }

  @Test func supportRealmTimersFollowNodesRules() throws {
    let support = try realm(.real, .node)
    let order = try settle(
      support,
      """
      new Promise((done) => {
        const order = [];
        setTimeout(() => order.push('a'), 5);
        setTimeout(() => order.push('b'), 5);
        const gone = setTimeout(() => order.push('cleared'), 5);
        setTimeout(() => { order.push('zero'); clearTimeout(gone); }, 0);
        setTimeout(() => { order.push('c'); done(order); }, 6);
      })
      """)
    #expect(order == ["zero", "a", "b", "c"])
    // No nesting clamp: ten nested zero-delay timers are due 1 ms apart (Node's minimum), never
    // 4 ms. Read on a virtual clock with Node's rules, so the machine's load cannot blur it.
    let times = try settle(
      try realm(.virtual, .node),
      "new Promise((done) => { const times = []; const next = () => { times.push(now()); if (times.length < 10) setTimeout(next, 0); else done(times); }; setTimeout(next, 0); })"
    )
    #expect(times == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  }

  @Test func pageTimersFollowHTMLsNestingClamp() throws {
    let page = try realm(.virtual, .html)
    let times = try settle(
      page,
      "new Promise((done) => { const times = []; const next = () => { times.push(now()); if (times.length < 10) setTimeout(next, 0); else done(times); }; setTimeout(next, 0); })"
    )
    // Timer nesting levels 1 to 6 run at once; from a level above 5 a 0 ms delay is 4 ms.
    #expect(times == [0, 0, 0, 0, 0, 0, 4, 8, 12, 16])
    #expect(loop.waits == 0)
  }

  @Test func anIntervalAfterALongTaskKeepsItsVirtualBeat() throws {
    let page = try realm(.virtual, .html)
    let times = try settle(
      page,
      """
      new Promise((done) => {
        const times = [];
        const id = setInterval(() => {
          times.push(now());
          if (times.length === 1) { const until = Date.now() + 30; while (Date.now() < until) {} }
          if (times.length === 3) { clearInterval(id); done(times); }
        }, 50);
      })
      """)
    #expect(times == [50, 100, 150])
  }

  @Test func clearingATimerInsideACallbackStopsItThatTurn() throws {
    let page = try realm(.virtual, .html)
    let ran = try settle(
      page,
      """
      new Promise((done) => {
        const ran = [];
        let second;
        setTimeout(() => { ran.push('first'); clearTimeout(second); }, 10);
        second = setTimeout(() => ran.push('second'), 10);
        setTimeout(() => done(ran), 20);
      })
      """)
    #expect(ran == ["first"])
  }

  @Test func anAsynchronousWaitOnAPageLetsItsClockJumpWhileTheSupportRealmWaitsOnARealTimer() throws {
    let page = try realm(.virtual, .html)
    let support = try realm(.real, .node)
    _ = try page.evaluate("setTimeout(() => { globalThis.fired = now(); }, 60000)")
    // A support timer an hour away: without the wait, the page would only move at the real rate.
    _ = try support.evaluate("setTimeout(() => {}, 3600000)")
    try isolate.sync {
      var answered = 0
      var later = 0
      loop.afterTurn(awaiting: page) {
        answered += 1
        // Registered during a turn: it waits for a later turn that runs something.
        self.loop.afterTurn(awaiting: page) { later += 1 }
      }
      #expect(try loop.turn(until: .now + .seconds(5)))
      #expect(answered == 1)
      #expect(try page.evaluate("fired") == 60000)
      #expect(later == 0)
      // Nothing of the page is left: a turn that only waits answers nobody.
      _ = try loop.turn(until: .now + .milliseconds(10))
      #expect(later == 0)
      // Cancelling the page answers its waits at the next turn.
      loop.cancel(page)
      _ = try loop.turn(until: .now + .milliseconds(10))
      #expect(later == 1)
    }
  }

  @Test func anAsynchronousWaitIsAnsweredWhenTheWaitedRealmsPromiseReactionsRan() throws {
    let page = try realm(.virtual, .html)
    try isolate.sync {
      var answered = 0
      loop.afterTurn(awaiting: page) { answered += 1 }
      // The checkpoint after this call runs a reaction of the page: what the wait polls may have settled.
      _ = try page.evaluate("Promise.resolve().then(() => { globalThis.settled = true; }); 0")
      #expect(try loop.turn(until: .now + .seconds(5)))
      #expect(answered == 1)
      // Waiting again with nothing of the page left to run: the loop runs dry instead of answering.
      loop.afterTurn(awaiting: page) { answered += 1 }
      #expect(try loop.turn(until: .now + .milliseconds(10)) == false)
      #expect(answered == 1)
    }
  }

  @Test func aTaskPostedFromAnotherThreadSettlesAPromise() throws {
    let support = try realm(.real, .node)
    guard case .promise(let promise) = try support.evaluate("new Promise((resolve) => { globalThis.finish = resolve; })"),
      case .function(let finish) = try support.evaluate("finish")
    else {
      Issue.record("no promise")
      return
    }
    loop.expectTask()
    let loop = self.loop
    Thread.detachNewThread {
      Thread.sleep(forTimeInterval: 0.05)
      loop.post(to: support, fulfilling: true) { _ = try? support.call(finish, ["from another thread"]) }
    }
    let value = try isolate.sync {
      let deadline = ContinuousClock.now + .seconds(5)
      return try support.awaitPromise(.promise(promise), timeout: .seconds(5)) { try loop.turn(until: deadline) }
    }
    #expect(value == "from another thread")
  }

  @Test func aVirtualClockWaitsAMinuteInNoTimeWhileARealClockKeepsRealTime() throws {
    let page = try realm(.virtual, .html)
    let support = try realm(.real, .node)
    let clock = ContinuousClock()
    let started = clock.now
    guard case .promise(let real) = try support.evaluate("new Promise((r) => setTimeout(() => r(now()), 100))") else {
      Issue.record("no promise")
      return
    }
    let waitsBefore = loop.waits
    let minute = try settle(page, "(async () => { await new Promise((r) => setTimeout(r, 60000)); return now(); })()")
    #expect(minute == 60000)
    #expect(loop.waits == waitsBefore, "the virtual wait blocked")
    #expect(clock.now - started < .seconds(5))
    let supportTime = try isolate.sync {
      let deadline = ContinuousClock.now + .seconds(5)
      return try support.awaitPromise(.promise(real), timeout: .seconds(5)) { try loop.turn(until: deadline) }
    }
    #expect((supportTime.numberValue ?? 0) >= 100)
    #expect(clock.now - started >= .milliseconds(100))
  }

  @Test func aPageClockRunsAtTheRealRateWhileTheSupportRealmWaitsOnItsOwnTimer() throws {
    let page = try realm(.virtual, .html)
    let support = try realm(.real, .node)
    _ = try page.evaluate(
      "globalThis.fired = []; setTimeout(() => fired.push(now()), 50); setTimeout(() => fired.push(now()), 60000);")
    let waited = try settle(support, "new Promise((r) => setTimeout(() => r(now()), 200))")
    #expect((waited.numberValue ?? 0) >= 200)
    // The page's 50 ms timer fired beside the support wait; its one-minute timer did not.
    guard case .array(let fired) = try page.evaluate("fired"), fired.count == 1, let at = fired[0].numberValue else {
      Issue.record("the page's timers: \(try page.evaluate("fired"))")
      return
    }
    #expect(at >= 50 && at < 60000)
  }

  @Test func aHeldPageClockDoesNotJumpPastAFetchInFlight() throws {
    let page = try realm(.virtual, .html)
    _ = try page.evaluate("globalThis.fired = []; setTimeout(() => fired.push(now()), 10000);")
    try isolate.sync {
      loop.hold(page)
      loop.expectTask()
    }
    // A response arrives after 100 ms of real time; until then the page's clock runs at the real rate.
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(100)) { [loop, page] in
      loop.post(to: page, fulfilling: true) { loop.release(page) }
    }
    try isolate.sync {
      let deadline = ContinuousClock.now + .seconds(5)
      while loop.isHeld(page) { _ = try loop.turn(until: deadline, waitingOn: page) }
    }
    #expect(try page.evaluate("fired") == [])
    let clockAfterResponse = try isolate.sync { loop.clock(of: page)!.now }
    #expect(clockAfterResponse >= 100 && clockAfterResponse < 10000)
    // Now nothing holds it: the wait jumps to the timer.
    #expect(try settle(page, "new Promise((r) => setTimeout(() => r(fired.length), 10000))") == 1)
  }

  @Test func cancellingARealmLeavesTheOthers() throws {
    let page = try realm(.virtual, .html)
    let support = try realm(.real, .node)
    _ = try page.evaluate("globalThis.fired = []; setTimeout(() => fired.push('timer'), 10);")
    try page.define("cancelMe") { [loop, unowned page] _ in
      loop.cancel(page)
      return .undefined
    }
    // Queued inside the same call that cancels: the page's promise job never runs.
    _ = try page.evaluate("Promise.resolve().then(() => fired.push('microtask')); cancelMe();")
    let value = try settle(
      support,
      "new Promise((done) => { const seen = []; Promise.resolve().then(() => seen.push('microtask')); setTimeout(() => done([...seen, 'timer']), 5); })"
    )
    #expect(value == ["microtask", "timer"])
    try isolate.sync { _ = try loop.turn(until: .now + .milliseconds(50)) }
    #expect(try page.evaluate("fired") == [])
  }
}
