import Foundation
import Testing

/// The built-ins later than V8 10.2 that the page realm supplies (`BuiltinsAPI`), run as page
/// code in a page realm made from the startup snapshot.
///
/// Each case is an expression and the text the specification gives for it (ECMA-262 2025, the
/// Array.fromAsync proposal): results, holes, negative and fractional indices, the RangeErrors and
/// TypeErrors, names, lengths and property attributes. The last tests replace the built-ins the
/// polyfills could have used (`Array.prototype.push`, `Map.prototype.set`, `Set.prototype.add`,
/// `Function.prototype.call`, an index setter on `Array.prototype`, ...) before calling them.
@Suite struct LaterBuiltinsTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  /// An expression of page code and what `String` of its value must be.
  struct Case: Sendable {
    let label: String
    let expression: String
    let expected: String
    init(_ label: String, _ expression: String, _ expected: String) {
      self.label = label
      self.expression = expression
      self.expected = expected
    }
  }

  /// `failure(f)`: the name of the error `f` throws, or "none".
  static let prelude = "const failure = (f) => { try { f(); return 'none'; } catch (error) { return error.name; } };"

  /// Evaluates every case in one page (each in its own function) and expects its text.
  func check(_ cases: [Case], awaiting: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let page = try fixture.page("<!doctype html><title>built-ins</title>")
    defer { page.close() }
    for item in cases {
      let value: String?
      do {
        value =
          awaiting
          ? try page.evaluateAwaiting("\(Self.prelude)\nreturn String(\(item.expression));").stringValue
          : try page.evaluate("(() => { \(Self.prelude)\nreturn String(\(item.expression)); })()").stringValue
      } catch {
        Issue.record("\(item.label): threw \(error)", sourceLocation: sourceLocation)
        continue
      }
      #expect(value == item.expected, "\(item.label)", sourceLocation: sourceLocation)
    }
  }

  /// Array.prototype change-array-by-copy methods (§23.1.3.33-35, §23.1.3.39), their unscopables,
  /// and the methods 10.2 already has natively.
  static let arrayCases: [Case] = [
    Case("toSorted default order", "String([10, 9, 1, undefined, 2].toSorted())", "1,10,2,9,"),
    Case("toSorted comparator", "String([3, 1, 2].toSorted((a, b) => b - a))", "3,2,1"),
    Case("toSorted leaves the original", "(() => { const a = [3, 1, 2]; a.toSorted(); return String(a); })()", "3,1,2"),
    Case(
      "toSorted holes read as undefined",
      "(() => { const r = [3, , 1].toSorted(); return r.length + ':' + (1 in r) + ':' + (2 in r) + ':' + r[2]; })()",
      "3:true:true:undefined"),
    Case("toSorted non-callable comparator", "failure(() => [1].toSorted(1))", "TypeError"),
    Case(
      "toSorted checks the comparator before this", "failure(() => Array.prototype.toSorted.call(null, 'x'))", "TypeError"),
    Case(
      "toSorted on an array-like", "JSON.stringify(Array.prototype.toSorted.call({ length: 2, 0: 'b', 1: 'a' }))",
      #"["a","b"]"#),
    Case(
      "toSorted is stable",
      "JSON.stringify([[1, 'a'], [0, 'b'], [1, 'c'], [0, 'd']].toSorted((x, y) => x[0] - y[0]).map((p) => p[1]))",
      #"["b","d","a","c"]"#),
    Case("toReversed", "JSON.stringify([1, 2, 3].toReversed())", "[3,2,1]"),
    Case(
      "toReversed holes", "(() => { const r = [1, , 3].toReversed(); return (1 in r) + ':' + r[1]; })()", "true:undefined"),
    Case("toReversed on null", "failure(() => Array.prototype.toReversed.call(null))", "TypeError"),
    Case("toReversed on a string", "JSON.stringify(Array.prototype.toReversed.call('abc'))", #"["c","b","a"]"#),
    Case("toSpliced remove and insert", "JSON.stringify([1, 2, 3, 4].toSpliced(1, 2, 'a', 'b', 'c'))", #"[1,"a","b","c",4]"#),
    Case("toSpliced negative start", "JSON.stringify([1, 2, 3, 4].toSpliced(-1, 1))", "[1,2,3]"),
    Case("toSpliced no arguments copies", "JSON.stringify([1, 2].toSpliced())", "[1,2]"),
    Case("toSpliced start only removes the rest", "JSON.stringify([1, 2, 3].toSpliced(1))", "[1]"),
    Case("toSpliced undefined skipCount removes none", "JSON.stringify([1, 2, 3].toSpliced(1, undefined))", "[1,2,3]"),
    Case("toSpliced start past the end", "JSON.stringify([1, 2].toSpliced(5, 1, 'x'))", #"[1,2,"x"]"#),
    Case("toSpliced -Infinity", "JSON.stringify([1, 2].toSpliced(-Infinity, 1))", "[2]"),
    Case(
      "toSpliced holes", "(() => { const r = [1, , 3].toSpliced(0, 0); return (1 in r) + ':' + r.length; })()", "true:3"),
    Case(
      "toSpliced too long", "failure(() => Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 1))", "TypeError"),
    Case(
      "toSpliced over 2^32 - 1", "failure(() => Array.prototype.toSpliced.call({ length: 2 ** 32 }, 0, 0))", "RangeError"),
    Case("with", "JSON.stringify([1, 2, 3].with(1, 'x'))", #"[1,"x",3]"#),
    Case("with negative index", "JSON.stringify([1, 2, 3].with(-1, 'x'))", #"[1,2,"x"]"#),
    Case("with index too large", "failure(() => [1, 2, 3].with(3, 0))", "RangeError"),
    Case("with index too small", "failure(() => [1, 2, 3].with(-4, 0))", "RangeError"),
    Case("with fractional index", "JSON.stringify([1, 2].with(1.7, 'x'))", #"[1,"x"]"#),
    Case("with holes", "(() => { const r = [, 1].with(1, 2); return (0 in r) + ':' + r[0]; })()", "true:undefined"),
    Case("with on an array-like", "JSON.stringify(Array.prototype.with.call({ length: 2, 0: 'a' }, 1, 'b'))", #"["a","b"]"#),
    Case(
      "names and lengths", "[[].toSorted, [].toReversed, [].toSpliced, [].with].map((f) => f.name + '/' + f.length).join()",
      "toSorted/1,toReversed/0,toSpliced/2,with/2"),
    Case(
      "not enumerable, writable, configurable",
      "(() => { const d = Object.getOwnPropertyDescriptor(Array.prototype, 'toSorted'); return [d.enumerable, d.writable, d.configurable].join(); })()",
      "false,true,true"),
    Case("not constructors", "failure(() => new [].toSorted())", "TypeError"),
    Case("no prototype property", "'prototype' in [].with", "false"),
    Case("for-in sees none", "(() => { const keys = []; for (const k in []) keys.push(k); return keys.length; })()", "0"),
    Case(
      "unscopables",
      "['toReversed', 'toSorted', 'toSpliced', 'with'].map((n) => Array.prototype[Symbol.unscopables][n]).join()",
      "true,true,true,"),
    Case(
      "native at, findLast, findLastIndex, Object.hasOwn",
      "[[1, 2, 3].at(-1), [1, 2, 3].findLast((x) => x < 3), [1, 2, 3].findLastIndex((x) => x > 5), Object.hasOwn({ a: 1 }, 'a')].join()",
      "3,2,-1,true"),
  ]

  /// %TypedArray%.prototype.toSorted, toReversed and with (§23.2.3.32-33, §23.2.3.36).
  static let typedArrayCases: [Case] = [
    Case("typed toSorted", "String(new Int16Array([3, -1, 2]).toSorted())", "-1,2,3"),
    Case("typed toSorted comparator", "String(new Float64Array([1, 3, 2]).toSorted((a, b) => b - a))", "3,2,1"),
    Case("typed toSorted keeps the type", "new Uint8Array([2, 1]).toSorted() instanceof Uint8Array", "true"),
    Case("typed toSorted non-callable", "failure(() => new Uint8Array(1).toSorted({}))", "TypeError"),
    Case("typed toReversed", "String(new Uint8Array([1, 2, 3]).toReversed())", "3,2,1"),
    Case("typed with", "String(new Uint8Array([1, 2, 3]).with(-1, 300))", "1,2,44"),
    Case("typed with out of range", "failure(() => new Uint8Array(2).with(2, 1))", "RangeError"),
    Case("typed with BigInt", "String(new BigInt64Array([1n, 2n]).with(0, 5n))", "5,2"),
    Case("typed with a Number into BigInt64Array", "failure(() => new BigInt64Array(1).with(0, 1))", "TypeError"),
    Case("typed with a BigInt into Uint8Array", "failure(() => new Uint8Array(1).with(0, 1n))", "TypeError"),
    Case("typed methods on a non-typed array", "failure(() => Uint8Array.prototype.toReversed.call([1]))", "TypeError"),
    Case(
      "typed names and lengths",
      "(() => { const p = Object.getPrototypeOf(Int8Array.prototype); return [p.toSorted, p.toReversed, p.with].map((f) => f.name + '/' + f.length).join() + ':' + ('toSpliced' in p); })()",
      "toSorted/1,toReversed/0,with/2:false"),
  ]

  /// Object.groupBy and Map.groupBy (§7.3.35 GroupBy).
  static let groupingCases: [Case] = [
    Case(
      "Object.groupBy", "JSON.stringify(Object.groupBy([1, 2, 3, 4, 5], (x) => (x % 2 ? 'odd' : 'even')))",
      #"{"odd":[1,3,5],"even":[2,4]}"#),
    Case("Object.groupBy null prototype", "Object.getPrototypeOf(Object.groupBy([], (x) => x))", "null"),
    Case(
      "Object.groupBy index argument", "JSON.stringify(Object.groupBy('abc', (c, i) => i))",
      #"{"0":["a"],"1":["b"],"2":["c"]}"#),
    Case(
      "Object.groupBy property keys",
      "(() => { const s = Symbol('s'); const g = Object.groupBy([1, 2], (x) => (x === 1 ? s : { toString: () => 'k' })); return g[s].length + ':' + g.k[0]; })()",
      "1:2"),
    Case("Object.groupBy __proto__ key", "Object.hasOwn(Object.groupBy([1], () => '__proto__'), '__proto__')", "true"),
    Case("Object.groupBy non-callable", "failure(() => Object.groupBy([], 'x'))", "TypeError"),
    Case("Object.groupBy null items", "failure(() => Object.groupBy(null, (x) => x))", "TypeError"),
    Case(
      "Object.groupBy closes the iterator",
      "(() => { let closed = false; const items = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { closed = true; return {}; } }; } }; failure(() => Object.groupBy(items, () => { throw new Error('x'); })); return closed; })()",
      "true"),
    Case(
      "Map.groupBy",
      "(() => { const m = Map.groupBy([1, 2, 3], (x) => x > 1); return [...m].map(([k, v]) => k + '=' + v).join(' '); })()",
      "false=1 true=2,3"),
    Case(
      "Map.groupBy -0 is +0", "(() => { const m = Map.groupBy([1], () => -0); return Object.is([...m.keys()][0], 0); })()",
      "true"),
    Case("Map.groupBy object keys", "(() => { const k = {}; return Map.groupBy([1, 2], () => k).get(k).length; })()", "2"),
    Case(
      "groupBy names and lengths", "[Object.groupBy, Map.groupBy].map((f) => f.name + '/' + f.length).join()",
      "groupBy/2,groupBy/2"),
  ]

  /// Promise.withResolvers (§27.2.4.9) and what Array.fromAsync does synchronously.
  static let promiseCases: [Case] = [
    Case(
      "Promise.withResolvers",
      "(() => { const { promise, resolve, reject } = Promise.withResolvers(); return [promise instanceof Promise, typeof resolve, typeof reject].join(); })()",
      "true,function,function"),
    Case(
      "Promise.withResolvers on a subclass",
      "(() => { class P extends Promise {} return P.withResolvers().promise instanceof P; })()", "true"),
    Case("Promise.withResolvers on a non-constructor", "failure(() => Promise.withResolvers.call(() => {}))", "TypeError"),
    Case(
      "Promise.withResolvers name and length", "Promise.withResolvers.name + '/' + Promise.withResolvers.length",
      "withResolvers/0"),
    Case("Array.fromAsync name and length", "Array.fromAsync.name + '/' + Array.fromAsync.length", "fromAsync/1"),
    Case("Array.fromAsync returns a promise", "Array.fromAsync([]) instanceof Promise", "true"),
  ]

  /// The Set methods with the set-like protocol (§24.2.1.2 GetSetRecord, §24.2.4).
  static let setCases: [Case] = [
    Case("Set union", "[...new Set([1, 2]).union(new Set([2, 3]))].join()", "1,2,3"),
    Case(
      "Set intersection iterates the smaller other's keys", "[...new Set([1, 2, 3]).intersection(new Set([3, 2]))].join()",
      "3,2"),
    Case("Set intersection larger this", "[...new Set([1, 2, 3]).intersection(new Set([3, 2, 9]))].join()", "2,3"),
    Case("Set intersection small other", "[...new Set([1, 2, 3, 4]).intersection(new Set([4, 1]))].join()", "4,1"),
    Case("Set difference", "[...new Set([1, 2, 3]).difference(new Set([2]))].join()", "1,3"),
    Case("Set difference large other", "[...new Set([1, 2]).difference(new Set([2, 5, 6]))].join()", "1"),
    Case("Set symmetricDifference", "[...new Set([1, 2]).symmetricDifference(new Set([2, 3]))].join()", "1,3"),
    Case(
      "Set isSubsetOf", "[new Set([1]).isSubsetOf(new Set([1, 2])), new Set([1, 3]).isSubsetOf(new Set([1, 2]))].join()",
      "true,false"),
    Case(
      "Set isSupersetOf", "[new Set([1, 2]).isSupersetOf(new Set([1])), new Set([1]).isSupersetOf(new Set([1, 2]))].join()",
      "true,false"),
    Case(
      "Set isDisjointFrom",
      "[new Set([1]).isDisjointFrom(new Set([2])), new Set([1, 2]).isDisjointFrom(new Set([2]))].join()", "true,false"),
    Case("Set methods with a Map", "[...new Set([1, 2]).union(new Map([[3, 'x']]))].join()", "1,2,3"),
    Case(
      "Set-like protocol",
      "(() => { const log = []; const like = { get size() { log.push('size'); return 2; }, has(v) { log.push('has ' + v); return v === 1; }, keys() { log.push('keys'); return [5, 6][Symbol.iterator](); } }; const r = new Set([1, 2]).intersection(like); return log.join() + ':' + [...r].join(); })()",
      "size,has 1,has 2:1"),
    Case(
      "Set-like keys used when smaller",
      "(() => { const like = { size: 1, has: () => { throw new Error('not called'); }, keys: () => [3, 9][Symbol.iterator]() }; return [...new Set([1, 2, 3]).intersection(like)].join(); })()",
      "3"),
    Case("Set-like size NaN", "failure(() => new Set().union({ size: undefined, has() {}, keys() {} }))", "TypeError"),
    Case("Set-like negative size", "failure(() => new Set().union({ size: -1, has() {}, keys() {} }))", "RangeError"),
    Case("Set-like has not callable", "failure(() => new Set().union({ size: 1, has: 1, keys() {} }))", "TypeError"),
    Case("Set-like keys not callable", "failure(() => new Set().union({ size: 1, has() {}, keys: 1 }))", "TypeError"),
    Case("Set-like not an object", "failure(() => new Set().union([1]))", "TypeError"),
    Case("Set methods on a non-Set", "failure(() => Set.prototype.union.call(new Map(), new Set()))", "TypeError"),
    Case(
      "Set union -0 becomes +0",
      "Object.is([...new Set().union({ size: 1, has: () => false, keys: () => [-0][Symbol.iterator]() })][0], 0)", "true"),
    Case(
      "Set isSupersetOf closes keys",
      "(() => { let closed = false; const like = { size: 1, has: () => true, keys: () => ({ next: () => ({ value: 9, done: false }), return() { closed = true; return {}; } }) }; return new Set([1]).isSupersetOf(like) + ':' + closed; })()",
      "false:true"),
    Case(
      "Set method names and lengths",
      "['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf', 'isDisjointFrom'].map((n) => Set.prototype[n].name + '/' + Set.prototype[n].length).join()",
      "union/1,intersection/1,difference/1,symmetricDifference/1,isSubsetOf/1,isSupersetOf/1,isDisjointFrom/1"),
  ]

  /// String.prototype.isWellFormed and toWellFormed (§22.1.3.10, §22.1.3.32).
  static let stringCases: [Case] = [
    Case(
      "isWellFormed", #"['ab', 'a\uD800', '\uDC00b', '\uD83D\uDE00', ''].map((s) => s.isWellFormed()).join()"#,
      "true,false,false,true,true"),
    Case(
      "toWellFormed",
      #"[...'a\uD800b\uDFFF\uD83D\uDE00\uDBFF'.toWellFormed()].map((c) => c.codePointAt(0).toString(16)).join()"#,
      "61,fffd,62,fffd,1f600,fffd"),
    Case("toWellFormed unchanged", "'abc'.toWellFormed()", "abc"),
    Case("isWellFormed on null", "failure(() => String.prototype.isWellFormed.call(null))", "TypeError"),
    Case("isWellFormed on a Symbol", "failure(() => String.prototype.isWellFormed.call(Symbol()))", "TypeError"),
    Case("isWellFormed on a number", "String.prototype.isWellFormed.call(12)", "true"),
    Case(
      "string names and lengths", "[''.isWellFormed, ''.toWellFormed].map((f) => f.name + '/' + f.length).join()",
      "isWellFormed/0,toWellFormed/0"),
  ]

  /// Array.fromAsync (proposal-array-from-async): iterables, async iterables and array-likes,
  /// awaiting, mapping, closing the iterator on errors, rejections instead of throws.
  static let fromAsyncCases: [Case] = [
    Case(
      "fromAsync sync iterable with promises",
      "String(await Array.fromAsync([Promise.resolve(1), 2, { then: (r) => r(3) }]))", "1,2,3"),
    Case(
      "fromAsync async generator",
      "String(await Array.fromAsync((async function* () { yield 1; yield Promise.resolve(2); })()))", "1,2"),
    Case(
      "fromAsync async iterator values are not awaited",
      "String(await Array.fromAsync({ [Symbol.asyncIterator]() { let i = 0; return { next: async () => (i++ < 1 ? { value: Promise.resolve(2), done: false } : { done: true }) }; } }))",
      "[object Promise]"),
    Case("fromAsync mapper awaited", "String(await Array.fromAsync([1, 2], async (x, i) => x * 10 + i))", "10,21"),
    Case("fromAsync thisArg", "String(await Array.fromAsync([1], function () { return this.v; }, { v: 'ok' }))", "ok"),
    Case("fromAsync array-like", "String(await Array.fromAsync({ length: 2, 0: 'a', 1: Promise.resolve('b') }))", "a,b"),
    Case("fromAsync non-object array-like", "(await Array.fromAsync(5)).length", "0"),
    Case("fromAsync null rejects", "await Array.fromAsync(null).then(() => 'fulfilled', (e) => e.name)", "TypeError"),
    Case(
      "fromAsync non-callable mapper rejects",
      "await (() => { let p; try { p = Array.fromAsync([], 1); } catch { return 'threw'; } return p.then(() => 'fulfilled', (e) => e.name); })()",
      "TypeError"),
    Case(
      "fromAsync mapper error closes the iterator",
      "await (async () => { let closed = false; const it = { [Symbol.iterator]: () => ({ next: () => ({ value: 1, done: false }), return() { closed = true; return {}; } }) }; const why = await Array.fromAsync(it, () => { throw new RangeError('x'); }).then(() => 'fulfilled', (e) => e.name); return why + ':' + closed; })()",
      "RangeError:true"),
    Case(
      "fromAsync async iterator closed on mapper rejection",
      "await (async () => { let closed = false; const it = { [Symbol.asyncIterator]: () => ({ next: async () => ({ value: 1, done: false }), async return() { closed = true; return {}; } }) }; const why = await Array.fromAsync(it, async () => { throw new SyntaxError('x'); }).then(() => 'fulfilled', (e) => e.name); return why + ':' + closed; })()",
      "SyntaxError:true"),
    Case(
      "fromAsync with a constructor as this",
      "await (async () => { function C() {} const r = await Array.fromAsync.call(C, [1, 2]); return (r instanceof C) + ':' + r.length + ':' + r[1]; })()",
      "true:2:2"),
    Case("fromAsync with a non-constructor as this", "Array.isArray(await Array.fromAsync.call(() => {}, [1]))", "true"),
    Case(
      "fromAsync prefers Symbol.asyncIterator",
      "String(await Array.fromAsync({ [Symbol.asyncIterator]: async function* () { yield 'async'; }, [Symbol.iterator]: function* () { yield 'sync'; } }))",
      "async"),
    Case(
      "fromAsync rejected element rejects",
      "await Array.fromAsync([Promise.reject(new URIError('x'))]).then(() => 'fulfilled', (e) => e.name)", "URIError"),
  ]

  @Test func changeArrayByCopy() throws { try check(Self.arrayCases) }
  @Test func typedArrays() throws { try check(Self.typedArrayCases) }
  @Test func grouping() throws { try check(Self.groupingCases) }
  @Test func promiseWithResolvers() throws { try check(Self.promiseCases) }
  @Test func setMethods() throws { try check(Self.setCases) }
  @Test func wellFormedStrings() throws { try check(Self.stringCases) }

  @Test func fromAsync() throws { try check(Self.fromAsyncCases, awaiting: true) }

  /// A page that replaced every built-in the polyfills might reach for, and put an index setter
  /// and a `get` on the prototypes, still gets the specification's results.
  static let hostile = #"""
    let text = '';
    const add = (...values) => { for (const value of values) text += (text === '' ? '' : ' ') + String(value); };
    const like = (...values) => ({ size: values.length, has: (v) => values.includes(v), keys: () => values[Symbol.iterator]() });
    const sets = [new Set([1, 2]), new Set([1, 2]), new Set([1, 2]), new Set([1, 2]), new Set([1]), new Set([1, 2]), new Set([1])];
    const SetIteratorPrototype = Object.getPrototypeOf(new Set().values());
    const TypedArrayPrototype = Object.getPrototypeOf(Int8Array.prototype);
    Object.defineProperty(Array.prototype, '0', { set() { throw new Error('index setter'); }, configurable: true });
    Object.defineProperty(Object.prototype, 'get', { value: 1, configurable: true, writable: true });
    for (const [object, names] of [
      [Array.prototype, ['push', 'sort', 'splice', 'slice', 'reverse', 'concat']], [Array, ['from', 'of']],
      [Map.prototype, ['set', 'get', 'has', 'forEach']], [Set.prototype, ['add', 'has', 'delete', 'values', 'forEach']],
      [SetIteratorPrototype, ['next']], [Object, ['defineProperty', 'create', 'keys']], [Reflect, ['construct', 'ownKeys', 'apply']],
      [RegExp.prototype, ['exec', Symbol.replace]], [String.prototype, ['slice', 'replace', 'charCodeAt']],
      [TypedArrayPrototype, ['set', 'sort', 'values']], [Function.prototype, ['call', 'apply', 'bind']],
    ]) {
      for (const name of names) object[name] = () => { throw new Error(String(name)); };
    }
    add([3, 1, 2].toSorted(), [1, 2].toReversed(), [1, 2, 3].toSpliced(1, 1), [1, 2].with(0, 9));
    add(new Int8Array([2, 1]).toSorted(), new Int8Array([2, 1]).toReversed(), new Int8Array([2, 1]).with(0, 7));
    add(JSON.stringify(Object.groupBy([1, 2, 3], (x) => x % 2)), Map.groupBy([1, 2], (x) => x).size);
    add(sets[0].union(like(3)).size, sets[1].intersection(like(2)).size, sets[2].difference(like(2)).size,
      sets[3].symmetricDifference(like(2, 3)).size, sets[4].isSubsetOf(like(1, 2)), sets[5].isSupersetOf(like(1)),
      sets[6].isDisjointFrom(like(2)));
    add('a\uD800'.isWellFormed(), 'a\uD800b'.toWellFormed().length);
    const { promise, resolve } = Promise.withResolvers();
    resolve(5);
    add(await promise, await Array.fromAsync([1, Promise.resolve(2)], (x) => x * 10), (await Array.fromAsync({ length: 1, 0: 'x' }))[0]);
    return text;
    """#

  @Test func rewrittenBuiltInsDoNotChangeThePolyfills() throws {
    let page = try fixture.page("<!doctype html><title>hostile</title>")
    defer { page.close() }
    let text = try page.evaluateAwaiting(Self.hostile).stringValue
    #expect(text == #"1,2,3 2,1 1,3 9,2 1,2 1,2 7,1 {"0":[2],"1":[1,3]} 2 3 1 1 2 true true true false 3 5 10,20 x"#)
  }
}
