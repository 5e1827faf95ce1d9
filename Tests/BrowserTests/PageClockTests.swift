import Browser
import Foundation
import Testing
import V8

/// The page's clock controls (virtual-time rule 6), as Playwright's `page.clock` names them.
@Suite struct PageClockTests {
  func page() throws -> Page {
    try PageFixture().page(
      """
      <script>var fired = []; setTimeout(() => fired.push('t1000'), 1000); setTimeout(() => fired.push('t5000'), 5000);
      setInterval(() => fired.push('tick'), 2000);</script>
      """)
  }

  @Test func runForFiresEveryTimerDueInOrder() throws {
    let page = try page()
    defer { page.close() }
    try page.clock.runFor(5000)
    #expect(try page.evaluate("fired") == ["t1000", "tick", "tick", "t5000"])
    #expect(page.clock.elapsed >= 5000)
  }

  @Test func fastForwardFiresEachDueTimerOnce() throws {
    let page = try page()
    defer { page.close() }
    try page.clock.fastForward(5000)
    #expect(try page.evaluate("fired") == ["t1000", "tick", "t5000"])
  }

  @Test func theSystemTimeAndAFixedTimeAreWhatDateReads() throws {
    let page = try page()
    defer { page.close() }
    let instant = 1_700_000_000_000.0
    page.clock.setSystemTime(instant)
    #expect(try page.evaluate("Date.now()").numberValue == instant)
    try page.clock.runFor(1000)
    #expect(try page.evaluate("Date.now()").numberValue == instant + 1000)
    page.clock.setFixedTime(42)
    try page.clock.runFor(1000)
    #expect(try page.evaluate("[Date.now(), new Date().getTime()]") == [42, 42])
  }

  @Test func aPausedClockStandsStillUntilResumed() throws {
    let page = try page()
    defer { page.close() }
    try page.clock.pauseAt(page.clock.now + 1500)
    #expect(try page.evaluate("fired") == ["t1000"])
    // A wait on the page does not move a paused clock: nothing is left to run.
    let value = try page.realm.context.evaluate("new Promise((r) => setTimeout(() => r('late'), 10))")
    #expect(throws: JSError.self) {
      try page.realm.context.awaitPromise(value, timeout: .milliseconds(300)) {
        try page.realm.pump(until: .now + .milliseconds(50), waitingOn: page.realm.context)
      }
    }
    page.clock.resume()
    #expect(
      try page.realm.context.awaitPromise(value, timeout: .seconds(5)) {
        try page.realm.pump(until: .now + .seconds(5), waitingOn: page.realm.context)
      } == "late")
  }
}
