import Foundation
import Testing
import V8

/// The native clock and `callInStages`: each stage's timeout counts from its own mark.
@Suite struct StepClockTests {
  static let busy = "function busy(ms) { const end = clock() + ms; while (clock() < end) {} }"

  @Test func theClockIsMonotonicMilliseconds() throws {
    let context = try Isolate().makeContext()
    try context.defineClock("clock")
    let value = try context.evaluate("const a = clock(); \(Self.busy); busy(20); [a, clock()]")
    guard case .array(let times) = value, let a = times[0].numberValue, let b = times[1].numberValue else {
      Issue.record("not two numbers: \(value)")
      return
    }
    #expect(a >= 0)
    #expect(b - a >= 20)
    #expect(b - a < 2000)
  }

  @Test func eachStepHasItsOwnTimeout() throws {
    let context = try Isolate().makeContext()
    try context.defineClock("clock")
    // Two steps of 250 ms each pass under a 400 ms timeout each (500 ms together); the third
    // never ends and is stopped at its own deadline.
    let run = try context.evaluate(
      "\(Self.busy); (function () { clock(0); busy(250); clock(1); busy(250); clock(2); for (;;) {} })")
    guard case .function(let f) = run else {
      Issue.record("no function")
      return
    }
    let started = ContinuousClock.now
    #expect {
      _ = try context.callInStages(f, [], timeouts: [.milliseconds(400), .milliseconds(400), .milliseconds(400)])
    } throws: { ($0 as? JSError)?.kind == .timeout }
    let elapsed = ContinuousClock.now - started
    #expect(context.isolate.progressMark?.index == 2)
    #expect(elapsed >= .milliseconds(890))
    #expect(elapsed < .seconds(5))
    // The isolate works afterwards, and a call that finishes leaves its last mark.
    #expect(try context.evaluate("1 + 1") == .number(2))
    guard case .function(let g) = try context.evaluate("(function () { clock(0); clock(1); return 7; })") else { return }
    #expect(try context.callInStages(g, [], timeouts: [.seconds(1), .seconds(1)]) == .number(7))
    #expect(context.isolate.progressMark?.index == 1)
  }

  @Test func aSlowFirstStepIsStoppedAtItsTimeout() throws {
    let context = try Isolate().makeContext()
    try context.defineClock("clock")
    guard case .function(let f) = try context.evaluate("(function () { clock(0); for (;;) {} })") else { return }
    let started = ContinuousClock.now
    #expect { _ = try context.callInStages(f, [], timeouts: [.milliseconds(100), .seconds(30)]) } throws: {
      ($0 as? JSError)?.kind == .timeout
    }
    #expect(ContinuousClock.now - started < .seconds(5))
    #expect(context.isolate.progressMark?.index == 0)
  }
}
