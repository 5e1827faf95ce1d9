import Foundation
import Testing
import V8
import _CaperTestSupport

/// A hostile realm (standing for a page) tries every known route to the support realm's powers:
/// its global, `process`, `require`, a host function, code generation there.
///
/// Each test hands it
/// something and lets it try; the canaries (an environment read, a file written, both only
/// through support-realm host functions) must stay untouched. Later layers extend this suite.
@Suite struct EscapeTests {
  final class Canaries: @unchecked Sendable {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("caper-escape-\(UUID().uuidString)").path
    let environmentRead = LockedState(false)
    /// Set by any call of the write canary, whatever path it was given (a call such as
    /// `got('fs')` counts too); nothing is written, so no run leaves a file behind.
    let writeCalled = LockedState(false)
    var untouched: Bool { !environmentRead.withLock { $0 } && !writeCalled.withLock { $0 } }
  }

  let canaries = Canaries()
  let support: Context
  let page: Context

  init() throws {
    let isolate = try Isolate()
    support = try isolate.makeContext(Context.Options(ownCodeGeneration: true))
    page = try isolate.makeContext(Context.Options(guarded: true))
    try page.admit(support)
    let canaries = self.canaries
    try support.define("__readEnvironment") { _ in
      canaries.environmentRead.withLock { $0 = true }
      return ["CANARY": "secret"]
    }
    try support.define("__writeFile") { _ in
      canaries.writeCalled.withLock { $0 = true }
      return .undefined
    }
    _ = try support.evaluate(
      """
      globalThis.process = { get env() { return __readEnvironment(); } };
      globalThis.require = (name) => ({ writeFileSync: (path) => __writeFile(path) });
      """)
    // What the hostile realm does with anything it gets hold of: every known way from an object
    // of another realm to that realm's powers, each tried and its failure ignored.
    _ = try page.evaluate(
      """
      globalThis.CANARY_FILE = \(Self.quoted(canaries.file));
      globalThis.loot = [];
      const use = (got) => {
        if (got === undefined || got === null) return;
        for (const step of [
          () => got.env.CANARY,
          () => got.process.env.CANARY,
          () => got.require('fs').writeFileSync(CANARY_FILE),
          () => got('fs').writeFileSync(CANARY_FILE),
          () => got.__writeFile(CANARY_FILE),
          () => got(CANARY_FILE),
          () => got.__readEnvironment(),
        ]) { try { const v = step(); if (v === 'secret') loot.push(v); } catch (e) {} }
      };
      let attempting = false;
      globalThis.attempt = (x) => {
        // Poisoned intrinsics call back into attempt; once at a time is enough.
        if (x === undefined || x === null || attempting) return;
        attempting = true;
        try { routesFrom(x); } finally { attempting = false; }
      };
      const routesFrom = (x) => {
        const routes = [
          () => x.constructor.constructor('return process')(),
          () => x.constructor.constructor('return require')(),
          () => x.constructor.constructor('return globalThis')(),
          () => x.constructor.constructor('return __writeFile')(),
          () => Object.getPrototypeOf(x).constructor.constructor('return this')(),
          () => x.__proto__.__proto__.constructor.constructor('return process')(),
          () => Reflect.construct(x.constructor.constructor, ['return process'])(),
          () => x.constructor.constructor.call(null, 'return process')(),
          () => x.constructor.constructor.apply(null, ['return process'])(),
          () => x.constructor.constructor.bind(null, 'return process')()(),
          () => (typeof x === 'function' ? x.call(undefined) : undefined),
          () => (typeof x === 'function' ? x.caller : undefined),
          () => x.caller,
          () => x.process,
          () => x.require,
        ];
        for (const route of routes) { try { use(route()); } catch (e) {} }
      };
      """)
  }

  static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "\\'") + "'" }

  func function(_ context: Context, _ source: String) throws -> JSReference {
    guard case .function(let f) = try context.evaluate(source) else { throw JSError(kind: .invalid, message: "not a function") }
    return f
  }

  /// Runs support code with the page's global as `page`.
  func supportRuns(_ body: String) throws -> JSValue {
    let f = try function(support, "(async (page) => { \(body) })")
    return try support.callAwaiting(f, [.reference(try page.globalObject())], timeout: .seconds(5))
  }

  func expectNoEscape(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    try support.isolate.performMicrotasks()
    #expect(canaries.untouched, "the hostile realm reached a canary", sourceLocation: sourceLocation)
    let loot = try page.evaluate("loot")
    #expect(loot == [], "the hostile realm took \(loot)", sourceLocation: sourceLocation)
  }

  @Test func anArrayAnOptionsObjectAndAFunctionHandedOver() throws {
    _ = try page.evaluate("globalThis.take = (...values) => values.forEach(attempt)")
    _ = try supportRuns(
      "page.take([1, 2], { timeout: 5 }, function sloppy() { return this; }, () => 1, async () => 2, class A {})")
    try expectNoEscape()
    // The support realm's own code generation still works.
    #expect(try support.evaluate("new Function('return 40 + 2')() + eval('0')") == 42)
  }

  @Test func gettersMethodsAndConversionsRunBySloppySupportCode() throws {
    _ = try page.evaluate(
      """
      function steal() { attempt(steal.caller); attempt(arguments.callee.caller); }
      globalThis.hostile = {
        get value() { steal(); attempt(this); return 1; },
        method(...args) { steal(); args.forEach(attempt); return 2; },
        toString() { steal(); return 'hostile'; },
        valueOf() { steal(); return 3; },
        toJSON(key) { steal(); return { key }; },
      };
      """)
    // Sloppy support code (no 'use strict'), as much user code is.
    let sloppy = try function(
      support,
      """
      (function (page) {
        var h = page.hostile;
        var seen = [h.value, h.method({ options: true }, [1], function () { return this; }), String(h), h + 1, JSON.stringify(h)];
        return seen.join('|');
      })
      """)
    #expect(try support.call(sloppy, [.reference(try page.globalObject())]) == #"1|2|hostile|4|{"key":""}"#)
    try expectNoEscape()
  }

  @Test func aThenableAndAProxyAwaitedAndReadBySupportCode() throws {
    _ = try page.evaluate(
      """
      globalThis.thenable = { then(resolve, reject) { attempt(resolve); attempt(reject); resolve('settled'); } };
      globalThis.trap = new Proxy({}, {
        get(target, key, receiver) { attempt(receiver); return 'trapped'; },
        set(target, key, value) { attempt(value); return true; },
        has(target, key) { return true; },
        ownKeys() { return ['a']; },
        getOwnPropertyDescriptor() { return { value: 1, enumerable: true, configurable: true }; },
      });
      """)
    let value = try supportRuns(
      "const v = await page.thenable; page.trap.x = { leaked: true }; return [v, page.trap.anything, 'a' in page.trap, Object.keys(page.trap).length];"
    )
    // The hostile `then` may settle the await as it likes (its attempts call `resolve`).
    #expect(value[1] == "trapped" && value[2] == true && value[3] == 1)
    try expectNoEscape()
  }

  @Test func stackTraceHooksSeeNoSupportFrames() throws {
    _ = try page.evaluate(
      """
      Error.prepareStackTrace = (error, sites) => {
        for (const site of sites) {
          try { attempt(site.getFunction()); } catch (e) {}
          try { attempt(site.getThis()); } catch (e) {}
          try { use(site.getThis()); } catch (e) {}
        }
        return 'stack of ' + sites.length;
      };
      globalThis.probe = () => {
        const e = new Error('probe');
        const stack = e.stack;
        const holder = {};
        Error.captureStackTrace(holder);
        return [stack, holder.stack];
      };
      """)
    _ = try supportRuns("function sloppyCaller() { return page.probe(); } return sloppyCaller();")
    try expectNoEscape()
  }

  @Test func microtasksQueuedByTheHostileRealmLater() throws {
    _ = try page.evaluate(
      """
      globalThis.keep = (x) => {
        Promise.resolve().then(() => attempt(x));
        Promise.resolve().then(() => Promise.resolve(x)).then(attempt);
        return new Promise((resolve) => Promise.resolve().then(() => { attempt(resolve); resolve('later'); }));
      };
      """)
    // The hostile realm's attempts call `resolve` early; what the await gives is its choice.
    _ = try supportRuns("const kept = { secret: 1 }; await page.keep(kept); return 'done';")
    try expectNoEscape()
  }

  @Test func aLeakedPlainObjectUsedToPoisonSupportIntrinsics() throws {
    _ = try page.evaluate(
      """
      globalThis.poison = (leaked) => {
        const proto = Object.getPrototypeOf(leaked);
        const arrayProto = Object.getPrototypeOf([].concat.call(leaked.list));
        const spy = function (...args) { attempt(this); args.forEach(attempt); use(this); args.forEach(use); return 'poisoned'; };
        try { proto.toString = spy; } catch (e) {}
        try { proto.hasOwnProperty = spy; } catch (e) {}
        try { Object.getPrototypeOf(leaked.list).push = spy; } catch (e) {}
        try { Object.getPrototypeOf(leaked.list).map = spy; } catch (e) {}
        try { leaked.fn.__proto__.call = spy; leaked.fn.__proto__.apply = spy; } catch (e) {}
        try { arrayProto.join = spy; } catch (e) {}
      };
      """)
    // Support code leaks one plain object, then goes on with its own work using the poisoned
    // intrinsics (it does not hand its powers over: the rule that protects the host).
    _ = try supportRuns(
      """
      page.poison({ list: [1], fn: function () {} });
      const results = [];
      results.push(String({}));
      ({}).hasOwnProperty('x');
      [1, 2].map((n) => n);
      (function () {}).call(null, 1);
      [3].join(',');
      return 'done';
      """)
    try expectNoEscape()
  }
}
