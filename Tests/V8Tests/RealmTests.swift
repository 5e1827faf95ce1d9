import Foundation
import Testing
import V8
import _CaperTestSupport

/// Several realms in one isolate: one-way access, host functions per context, snapshot contexts,
/// microtask queues per context, and the host boundary that stops runaway code.
@Suite struct RealmTests {
  /// A support realm (its own code generation only) and a page-like realm whose guarded global
  /// admits the support realm.
  static func realms() throws -> (support: Context, page: Context) {
    let isolate = try Isolate()
    let support = try isolate.makeContext(Context.Options(ownCodeGeneration: true))
    let page = try isolate.makeContext(Context.Options(guarded: true))
    try page.admit(support)
    return (support, page)
  }

  static func function(_ context: Context, _ source: String) throws -> JSReference {
    guard case .function(let f) = try context.evaluate(source) else { throw JSError(kind: .invalid, message: "not a function") }
    return f
  }

  @Test func supportReadsWritesCallsAndAwaitsPageState() throws {
    let (support, page) = try Self.realms()
    _ = try page.evaluate(
      """
      globalThis.title = 'Home';
      globalThis.items = [1, 2, 3];
      globalThis.state = { user: { name: 'Ada' } };
      globalThis.double = (n) => n * 2;
      globalThis.ready = new Promise((resolve) => { globalThis.finish = resolve; });
      """)
    let use = try Self.function(
      support,
      """
      (async (page) => {
        page.visited = true;
        page.finish('loaded');
        const ready = await page.ready;
        return [page.title, Array.from(page.items).map((n) => n + 1), JSON.stringify(page.state), page.double(21), ready];
      })
      """)
    let value = try support.callAwaiting(use, [.reference(try page.globalObject())])
    #expect(value == ["Home", [2, 3, 4], #"{"user":{"name":"Ada"}}"#, 42, "loaded"])
    #expect(try page.evaluate("globalThis.visited") == true)
  }

  @Test func thePageCannotReadTheSupportGlobal() throws {
    let (support, page) = try Self.realms()
    _ = try support.evaluate("globalThis.secret = 'support only'")
    let peek = try Self.function(page, "(g) => { try { return String(g.secret); } catch (e) { return e.name; } }")
    #expect(try page.call(peek, [.reference(try support.globalObject())]) == "TypeError")
    // An admitted realm reads; one not admitted does not.
    let other = try support.isolate.makeContext()
    let read = try Self.function(other, "(g) => { try { return String(g.title); } catch (e) { return e.name; } }")
    _ = try page.evaluate("globalThis.title = 'Home'")
    #expect(try other.call(read, [.reference(try page.globalObject())]) == "TypeError")
    let admitted = try Self.function(support, "(g) => String(g.title)")
    #expect(try support.call(admitted, [.reference(try page.globalObject())]) == "Home")
  }

  @Test func eachRealmCallsItsOwnHostFunctions() throws {
    let (support, page) = try Self.realms()
    try support.define("whoami") { _ in "support" }
    try page.define("whoami") { _ in "page" }
    #expect(try support.evaluate("whoami()") == "support")
    #expect(try page.evaluate("whoami()") == "page")
    // Support code calling the page's host function reaches the page's body.
    let call = try Self.function(support, "(page) => page.whoami() + '/' + whoami()")
    #expect(try support.call(call, [.reference(try page.globalObject())]) == "page/support")
  }

  @Test func twoContextsFromOneSnapshotContextCallTheirOwnBodies() throws {
    let snapshot = try StartupSnapshot.make(contexts: [
      StartupSnapshot.ContextSpec(
        hostFunctions: ["name"], scripts: [("globalThis.greet = () => 'hello from ' + name(); ({ ok: true })", "support.js")]),
      StartupSnapshot.ContextSpec(scripts: [("globalThis.kind = 'page'; 7", "page.js")], guarded: true),
    ])
    let isolate = try Isolate(snapshot: snapshot)
    let a = try isolate.makeSnapshotContext(index: 0)
    let b = try isolate.makeSnapshotContext(index: 0)
    #expect(try a.startFromSnapshot([{ _ in "a" }]) == ["ok": true])
    #expect(try b.startFromSnapshot([{ _ in "b" }]) == ["ok": true])
    #expect(try a.evaluate("greet()") == "hello from a")
    #expect(try b.evaluate("greet()") == "hello from b")
    let page = try isolate.makeSnapshotContext(index: 1)
    #expect(try page.startFromSnapshot([]) == 7)
    #expect(try page.evaluate("kind") == "page")
    // Made guarded: only what it admits reaches it.
    let read = try Self.function(a, "(g) => { try { return String(g.kind); } catch (e) { return e.name; } }")
    #expect(try a.call(read, [.reference(try page.globalObject())]) == "TypeError")
    try page.admit(a)
    #expect(try a.call(read, [.reference(try page.globalObject())]) == "page")
    #expect(throws: JSError.self) { try isolate.makeSnapshotContext(index: 2) }
  }

  @Test func eachRealmHasItsOwnMicrotaskQueue() throws {
    let (support, page) = try Self.realms()
    try support.define("drainPage") { _ in
      try page.performMicrotasks()
      return .undefined
    }
    let run = try Self.function(
      support,
      """
      (page) => {
        const order = [];
        Promise.resolve().then(() => order.push('support'));
        page.queue(order);
        // The page's queue alone runs while this realm's code is suspended in a host call.
        drainPage();
        order.push('after page drain');
        return order;
      }
      """)
    _ = try page.evaluate("globalThis.queue = (order) => { Promise.resolve().then(() => order.push('page')); }")
    #expect(try support.call(run, [.reference(try page.globalObject())]) == ["page", "after page drain"])
  }

  @Test func awaitsAcrossRealmsSettleAtOneCheckpoint() throws {
    let (support, page) = try Self.realms()
    _ = try page.evaluate("globalThis.next = (n) => Promise.resolve(n + 1)")
    // Each await on a page promise goes through the page's queue and back to the support's.
    let count = try Self.function(
      support, "async (page) => { let n = 0; for (let i = 0; i < 50; i++) n = await page.next(n); return n; }")
    guard case .promise(let promise) = try support.call(count, [.reference(try page.globalObject())]) else {
      Issue.record("no promise")
      return
    }
    try support.isolate.performMicrotasks()
    #expect(try support.awaitPromise(.promise(promise), timeout: .milliseconds(50)) == 50)
  }

  @Test func cancelledMicrotasksNoLongerRun() throws {
    let (support, page) = try Self.realms()
    try page.define("cancel") { [unowned page] _ in
      try page.cancelMicrotasks()
      return .undefined
    }
    _ = try page.evaluate("globalThis.ran = false; Promise.resolve().then(() => { globalThis.ran = true; }); cancel();")
    _ = try support.evaluate("Promise.resolve().then(() => { globalThis.supportRan = true; })")
    try support.isolate.performMicrotasks()
    #expect(try page.evaluate("ran") == false)
    #expect(try support.evaluate("supportRan") == true)
  }

  @Test func aRunawayPageInsideAHostCallIsStoppedThereAndTheSupportRealmGoesOn() throws {
    let (support, page) = try Self.realms()
    let spin = try Self.function(page, "() => { for (;;) {} }")
    try support.define("visit") { _ in
      _ = try page.callAwaiting(spin, timeout: .milliseconds(200))
      return "unreachable"
    }
    let clock = ContinuousClock()
    let started = clock.now
    let value = try support.evaluate("(() => { try { return visit(); } catch (e) { return 'caught: ' + e.message; } })()")
    #expect(value.stringValue?.hasPrefix("caught: timed out") == true, "\(value)")
    #expect(clock.now - started < .seconds(5))
    #expect(try support.evaluate("1 + 1") == 2)
    #expect(try page.evaluate("'page ' + 'lives'") == "page lives")
  }

  @Test func aRunawayRealmAtTheTopLevelIsATypedErrorAndTheIsolateGoesOn() throws {
    let (support, page) = try Self.realms()
    let spin = try Self.function(page, "() => { for (;;) {} }")
    let error = try #require(throws: JSError.self) { try page.callAwaiting(spin, timeout: .milliseconds(100)) }
    #expect(error.kind == .timeout)
    #expect(try page.evaluate("2 * 21") == 42)
    #expect(try support.evaluate("'still here'") == "still here")
  }

  @Test func snapshotContextsKeepTheAccessCheckAndTheCodeGenerationRule() throws {
    let snapshot = try StartupSnapshot.make(contexts: [
      StartupSnapshot.ContextSpec(
        hostFunctions: ["secret"], scripts: [("globalThis.process = { env: 'support only' }; 0", "support.js")]),
      StartupSnapshot.ContextSpec(scripts: [("globalThis.title = 'page'; 0", "page.js")], guarded: true),
    ])
    let isolate = try Isolate(snapshot: snapshot)
    let touched = LockedState(false)
    let support = try isolate.makeSnapshotContext(index: 0, ownCodeGeneration: true)
    _ = try support.startFromSnapshot([
      { _ in
        touched.withLock { $0 = true }
        return "secret"
      }
    ])
    let page = try isolate.makeSnapshotContext(index: 1)
    _ = try page.startFromSnapshot([])
    try page.admit(support)
    _ = try page.evaluate(
      """
      globalThis.take = (f) => {
        const out = [];
        for (const route of [() => f.constructor('return process.env')(), () => f.constructor('return secret()')(), () => f.call()]) {
          try { out.push(String(route())); } catch (e) { out.push(e.name); }
        }
        return out;
      };
      """)
    let hand = try Self.function(support, "(page) => page.take(function () { return typeof this; }) ")
    // Compiling through the support realm's Function constructor is refused to page code (calling
    // the handed function itself is allowed: it gives only what it returns).
    let results = try support.call(hand, [.reference(try page.globalObject())])
    #expect(results[0] == "EvalError" && results[1] == "EvalError", "\(results)")
    #expect(!touched.withLock { $0 })
    // The support realm's own code generation still works, and it still reads the page.
    #expect(try support.evaluate("new Function('return 6 * 7')()") == 42)
    let read = try Self.function(support, "(g) => g.title")
    #expect(try support.call(read, [.reference(try page.globalObject())]) == "page")
  }
}
