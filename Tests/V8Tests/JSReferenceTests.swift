import Testing
import V8
import _CaperTestSupport

/// A reference's release waits for a safe point (never inline: the shim may still read a handle
/// whose Swift holder is gone), but not for the end of the job: a test run is one long job.
@Suite struct JSReferenceTests {
  @Test func aReferenceDroppedInALongJobIsFreedAtTheNextSafePoint() throws {
    let context = try Isolate().makeContext()
    let isolate = context.isolate
    let alive: [Bool] = try isolate.sync {
      var held: JSValue? = try context.evaluate("(() => { const f = () => 1; globalThis.probe = new WeakRef(f); return f; })()")
      guard case .function? = held else { return [] }
      func probeAlive() throws -> Bool {
        try isolate.performMicrotasks()  // ends the WeakRef's keep-alive of the job that made it
        try isolate.lowMemoryNotification()
        return try context.evaluate("probe.deref() !== undefined") == .bool(true)
      }
      let whileHeld = try probeAlive()
      held = nil
      let droppedOnly = try probeAlive()
      isolate.releaseDroppedReferences()
      let released = try probeAlive()
      return [whileHeld, droppedOnly, released]
    }
    #expect(alive == [true, true, false])
  }
}
