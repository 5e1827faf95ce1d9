import Testing
import V8

/// The promise rejection hook: a context's tracker hears of the rejections its code makes without
/// a handler, of handlers added to them later (from any context), and of the end of the microtask
/// checkpoint after them.
@Suite struct PromiseRejectionTrackerTests {
  let context: Context
  /// What the tracker heard, in order: `reject <reason>`, `handle <reason>`, `checkpoint`.
  let heard = LockedState<[String]>([])
  /// The promises of the events, in order.
  let promises = LockedState<[JSReference]>([])

  init() throws {
    context = try Isolate().makeContext()
    try context.trackPromiseRejections(record)
  }

  var record: PromiseRejectionTracker {
    { [heard, promises] _, event in
      switch event {
      case .rejectedWithoutHandler(let promise, let reason):
        heard.withLock { $0.append("reject \(Self.text(reason))") }
        promises.withLock { $0.append(promise) }
      case .handlerAddedAfterRejection(let promise, let reason):
        heard.withLock { $0.append("handle \(Self.text(reason))") }
        promises.withLock { $0.append(promise) }
      case .microtaskCheckpointEnded:
        heard.withLock { $0.append("checkpoint") }
      }
    }
  }

  static func text(_ reason: JSReference) -> String {
    switch try? reason.value() {
    case .error(let name, let message, _)?: "\(name): \(message)"
    case .string(let s)?: s
    case .number(let n)?: "\(n)"
    case let other: "\(String(describing: other))"
    }
  }

  func events() -> [String] { heard.withLock { $0 } }

  func isSame(_ reference: JSReference, as expression: String, in other: Context? = nil) throws -> Bool {
    let context = other ?? context
    guard case .function(let same) = try context.evaluate("(value) => value === (\(expression))") else { return false }
    return try context.call(same, [.reference(reference)]) == true
  }

  @Test func aRejectionWithoutHandlerIsReportedThenTheCheckpointsEnd() throws {
    _ = try context.evaluate("globalThis.lost = Promise.reject(new TypeError('nobody catches')); 0")
    #expect(events() == ["reject TypeError: nobody catches", "checkpoint"])
    let promise = try #require(promises.withLock { $0.first })
    #expect(try isSame(promise, as: "lost"))
  }

  @Test func aHandlerAddedInTheSameTaskIsReportedBeforeTheCheckpointEnds() throws {
    _ = try context.evaluate("globalThis.caught = Promise.reject('soon'); caught.catch(() => {}); 0")
    #expect(events() == ["reject soon", "handle soon", "checkpoint"])
    let (first, second) = promises.withLock { ($0[0], $0[1]) }
    #expect(try isSame(first, as: "caught"))
    #expect(try isSame(second, as: "caught"))
  }

  @Test func aHandlerAddedLaterIsReportedInItsOwnCheckpoint() throws {
    _ = try context.evaluate("globalThis.late = Promise.reject(42); 0")
    #expect(events() == ["reject 42.0", "checkpoint"])
    _ = try context.evaluate("late.then(null, () => {}); late.catch(() => {}); 0")
    #expect(events() == ["reject 42.0", "checkpoint", "handle 42.0", "checkpoint"])
  }

  @Test func handledAndFulfilledPromisesAreNotReported() throws {
    _ = try context.evaluate(
      """
      (async () => { try { await new Promise((_, reject) => setTimeoutLike(reject)); } catch {} })();
      function setTimeoutLike(f) { Promise.resolve().then(() => f(new Error('later'))); }
      Promise.resolve(1).then(() => 2);
      Promise.resolve(3).catch(() => {});
      0
      """)
    #expect(events().isEmpty)
  }

  @Test func aRejectionInsideAnAsyncFunctionIsTheAsyncFunctionsPromise() throws {
    _ = try context.evaluate("globalThis.run = (async () => { await null; throw new RangeError('inside'); })(); 0")
    #expect(events() == ["reject RangeError: inside", "checkpoint"])
    let promise = try #require(promises.withLock { $0.first })
    #expect(try isSame(promise, as: "run"))
  }

  @Test func aContextThatDoesNotTrackHearsNothingAndTellsNoOther() throws {
    let other = try context.isolate.makeContext()
    _ = try other.evaluate("globalThis.elsewhere = Promise.reject(new Error('not tracked')); 0")
    #expect(events().isEmpty)
    _ = try other.evaluate("elsewhere.catch(() => {}); 0")
    #expect(events().isEmpty)
  }

  @Test func aHandlerAddedByAnotherContextReachesTheContextThatWasTold() throws {
    let other = try context.isolate.makeContext()
    _ = try context.evaluate("globalThis.shared = Promise.reject('across'); 0")
    let promise = try #require(promises.withLock { $0.first })
    guard case .function(let handle) = try other.evaluate("(promise) => { promise.catch(() => {}); }") else {
      Issue.record("not a function")
      return
    }
    _ = try other.call(handle, [.reference(promise)])
    #expect(events() == ["reject across", "checkpoint", "handle across", "checkpoint"])
  }

  @Test func stoppingTrackingStopsTheEvents() throws {
    try context.trackPromiseRejections(nil)
    _ = try context.evaluate("globalThis.quiet = Promise.reject(1); 0")
    try context.trackPromiseRejections(record)
    _ = try context.evaluate("quiet.catch(() => {}); Promise.reject(2); 0")
    // The rejection made while nothing tracked is never reported, nor is its handler.
    #expect(events() == ["reject 2.0", "checkpoint"])
  }

  @Test func whatTheTrackerQueuesRunsBeforeTheCheckpointReturns() throws {
    try context.trackPromiseRejections { context, event in
      guard case .microtaskCheckpointEnded = event else { return }
      _ = try? context.evaluate("Promise.resolve().then(() => { globalThis.noticed = (globalThis.noticed ?? 0) + 1 }); 0")
    }
    _ = try context.evaluate("Promise.reject(new Error('x')); 0")
    #expect(try context.evaluate("globalThis.noticed") == 1)
  }

  @Test func theTrackerIsAHostCallbackForTheReentrancyRule() throws {
    let seen = LockedState<(depth: Int, refused: Bool)>((0, false))
    try context.trackPromiseRejections { context, event in
      guard case .rejectedWithoutHandler = event else { return }
      let refused: Bool
      do {
        _ = try context.compile("'inside'", filename: "inside.js", produceCache: true)
        refused = false
      } catch {
        refused = (error as? JSError)?.kind == .reentrancy
      }
      seen.withLock { $0 = (context.isolate.hostCallDepth, refused) }
    }
    _ = try context.evaluate("Promise.reject(0); 0")
    #expect(seen.withLock { $0.depth } == 1)
    #expect(seen.withLock { $0.refused })
  }

  @Test func aDisposedContextDropsItsTracker() throws {
    let other = try context.isolate.makeContext()
    let heardThere = LockedState(0)
    try other.trackPromiseRejections { _, _ in heardThere.withLock { $0 += 1 } }
    other.dispose()
    _ = try context.evaluate("Promise.reject('still here'); 0")
    #expect(heardThere.withLock { $0 } == 0)
    #expect(events() == ["reject still here", "checkpoint"])
    #expect(throws: JSError.self) { try other.trackPromiseRejections(nil) }
  }
}
