// Tests of Playwright's `expect` for the support realm (Sources/Browser/JavaScript/playwright/expect.js):
// jest's matchers and message texts, web-first matchers through a scripted fake adapter, soft
// assertions, expect.poll, toPass, configure and extend.
// Run: node expect-tests.js — prints each failure, then the passed and failed counts; the exit code is
// non-zero when any test failed.
'use strict';
const fs = require('fs');
const path = require('path');
const { testCases } = require('./dom-harness.js');

const { test, equal, run } = testCases();
function same(actual, expected, message = '') { equal(JSON.stringify(actual), JSON.stringify(expected), message); }

const sources = path.resolve(__dirname, '../../../Sources');
const runtime = Object.create(null);
runtime.primordials = (0, eval)(fs.readFileSync(path.join(sources, 'Runtime/JavaScript/primordials.js'), 'utf8'))({}, runtime);
runtime.util = require('util');
const { makeExpect } = (0, eval)(fs.readFileSync(path.join(sources, 'Browser/JavaScript/playwright/expect.js'), 'utf8'))({}, runtime);

/**
 * A fake adapter: `results` are what adapter.expect returns in turn (a function is called with the
 * params; when none is left the assertion passes), `calls` records expressions and params, `pauses`
 * the paused ms (resolved at once).
 */
function fakeAdapter(results = [], extra = {}) {
  const calls = [];
  const pauses = [];
  return {
    calls, pauses, results,
    kindOf: (value) => (value && value.kind) || null,
    describe: (locator) => locator.selector,
    async expect(target, expression, params) {
      calls.push({ expression, params });
      const next = results.length ? results.shift() : { matches: !params.isNot };
      return typeof next === 'function' ? next(params) : next;
    },
    async pause(ms) { pauses.push(ms); },
    ...extra,
  };
}
const locator = (selector = "locator('#x')") => ({ kind: 'locator', selector });
const fakePage = (url = 'https://example.com/') => ({ kind: 'page', url: () => url });
let adapter = fakeAdapter();
let expect = makeExpect(adapter);
const fresh = (results = [], extra = {}) => { adapter = fakeAdapter(results, extra); expect = makeExpect(adapter); return adapter; };

/** The message of what `body` throws (or rejects with); fails when it does not throw. */
async function failure(body) {
  try {
    await body();
  } catch (error) {
    return error.message;
  }
  throw new Error('expected a failure, none happened');
}
async function passes(body) { await body(); }
const lines = (...list) => list.join('\n');

// ---- Generic matchers ----------------------------------------------------------------------------------
test('toBe failure', async () => {
  equal(await failure(() => expect(4).toBe(3)), lines('expect(received).toBe(expected) // Object.is equality', '', 'Expected: 3', 'Received: 4'));
});
test('not.toBe failure', async () => {
  equal(await failure(() => expect(3).not.toBe(3)), lines('expect(received).not.toBe(expected) // Object.is equality', '', 'Expected: not 3'));
});
test('toBe suggests toStrictEqual for equal objects', async () => {
  equal(await failure(() => expect({ a: 1 }).toBe({ a: 1 })), lines('expect(received).toBe(expected) // Object.is equality', '',
    'If it should pass with deep equality, replace "toBe" with "toStrictEqual"', '', 'Expected: {"a": 1}', 'Received: serializes to the same string'));
});
test('toBe suggests toEqual when only undefined properties differ', async () => {
  const message = await failure(() => expect({ a: 1, b: undefined }).toBe({ a: 1 }));
  equal(message.split('\n')[2], 'If it should pass with deep equality, replace "toBe" with "toEqual"');
});
test('toBe prints strings with double quotes', async () => {
  equal(await failure(() => expect('abc').toBe('abd')), lines('expect(received).toBe(expected) // Object.is equality', '', 'Expected: "abd"', 'Received: "abc"'));
});
test('toBe passes on Object.is, NaN and distinguishes -0', async () => {
  await passes(() => expect(NaN).toBe(NaN));
  equal(await failure(() => expect(0).toBe(-0)), lines('expect(received).toBe(expected) // Object.is equality', '', 'Expected: -0', 'Received: 0'));
});
test('toEqual object diff', async () => {
  equal(await failure(() => expect({ a: 1, b: [1, 2] }).toEqual({ a: 1, b: [1, 3] })), lines(
    'expect(received).toEqual(expected) // deep equality', '', '- Expected  - 1', '+ Received  + 1', '',
    '  Object {', '    "a": 1,', '    "b": Array [', '      1,', '-     3,', '+     2,', '    ],', '  }'));
});
test('toEqual multi-line string diff', async () => {
  equal(await failure(() => expect('a\nb\nc').toEqual('a\nx\nc')), lines(
    'expect(received).toEqual(expected) // deep equality', '', '- Expected  - 1', '+ Received  + 1', '', '  a', '- x', '+ b', '  c'));
});
test('toEqual diff counts pad to the longer count', async () => {
  const message = await failure(() => expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).toEqual([0]));
  equal(message.split('\n').slice(2, 4).join('|'), '- Expected  -  1|+ Received  + 12');
});
test('toEqual long diffs keep 5 context lines and a patch mark', async () => {
  const a = Array.from({ length: 20 }, (_, i) => i);
  const b = [...a];
  b[15] = 99;
  const message = await failure(() => expect(b).toEqual(a));
  equal(message.split('\n').slice(5).join('\n'), lines('@@ -12,11 +12,11 @@', '    10,', '    11,', '    12,', '    13,', '    14,', '-   15,', '+   99,',
    '    16,', '    17,', '    18,', '    19,', '  ]'));
});
test('toEqual ignores undefined properties; toStrictEqual does not', async () => {
  await passes(() => expect({ a: 1, b: undefined }).toEqual({ a: 1 }));
  equal(await failure(() => expect({ a: 1, b: undefined }).toStrictEqual({ a: 1 })), lines(
    'expect(received).toStrictEqual(expected) // deep equality', '', '- Expected  - 0', '+ Received  + 1', '',
    '  Object {', '    "a": 1,', '+   "b": undefined,', '  }'));
});
test('toStrictEqual checks types and sparseness', async () => {
  class A { constructor() { this.x = 1; } }
  await passes(() => expect(new A()).toEqual({ x: 1 }));
  const message = await failure(() => expect(new A()).toStrictEqual({ x: 1 }));
  equal(message, lines('expect(received).toStrictEqual(expected) // deep equality', '', '- Expected  - 1', '+ Received  + 1', '',
    '- Object {', '+ A {', '    "x": 1,', '  }'));
  await failure(() => expect([, 1]).toStrictEqual([undefined, 1]));
});
test('not.toEqual failure', async () => {
  equal(await failure(() => expect([1]).not.toEqual([1])), lines('expect(received).not.toEqual(expected) // deep equality', '', 'Expected: not [1]', ''));
});
test('toEqual with Map, Set, Date, RegExp', async () => {
  await passes(() => expect(new Map([['a', 1]])).toEqual(new Map([['a', 1]])));
  await passes(() => expect(new Set([1, 2])).toEqual(new Set([2, 1])));
  await passes(() => expect(new Date(5)).toEqual(new Date(5)));
  await passes(() => expect(/a/g).toEqual(/a/g));
  equal(await failure(() => expect(new Map([['a', 1]])).toEqual(new Map([['a', 2]]))), lines(
    'expect(received).toEqual(expected) // deep equality', '', '- Expected  - 1', '+ Received  + 1', '', '  Map {', '-   "a" => 2,', '+   "a" => 1,', '  }'));
});
test('toEqual with asymmetric matchers marks matched lines as common', async () => {
  equal(await failure(() => expect({ x: 'abc', y: 1 }).toEqual({ x: expect.any(String), y: 2 })), lines(
    'expect(received).toEqual(expected) // deep equality', '', '- Expected  - 1', '+ Received  + 1', '',
    '  Object {', '    "x": Any<String>,', '-   "y": 2,', '+   "y": 1,', '  }'));
});
test('toContain on arrays and strings', async () => {
  await passes(() => expect([1, 2, 3]).toContain(2));
  await passes(() => expect('hello').toContain('ell'));
  equal(await failure(() => expect([1, 2, 3]).toContain(4)), lines('expect(received).toContain(expected) // indexOf', '', 'Expected value: 4', 'Received array: [1, 2, 3]'));
  equal(await failure(() => expect('hello').toContain('xyz')), lines('expect(received).toContain(expected) // indexOf', '', 'Expected substring: "xyz"', 'Received string:    "hello"'));
});
test('not.toContain failure shows the string', async () => {
  equal(await failure(() => expect('hello').not.toContain('ell')), lines('expect(received).not.toContain(expected) // indexOf', '',
    'Expected substring: not "ell"', 'Received string:        "hello"'));
});
test('toContain suggests toContainEqual', async () => {
  const message = await failure(() => expect([{ a: 1 }]).toContain({ a: 1 }));
  equal(message.split('\n').pop(), 'Looks like you wanted to test for object/array equality with the stricter `toContain` matcher. You probably need to use `toContainEqual` instead.');
});
test('toContain on null is a matcher error', async () => {
  equal(await failure(() => expect(null).toContain(1)), lines('expect(received).toContain(expected) // indexOf', '',
    'Matcher error: received value must not be null nor undefined', '', 'Received has value: null'));
});
test('toContainEqual', async () => {
  await passes(() => expect([{ a: 1 }]).toContainEqual({ a: 1 }));
  equal(await failure(() => expect([{ a: 1 }]).toContainEqual({ a: 2 })), lines('expect(received).toContainEqual(expected) // deep equality', '',
    'Expected value: {"a": 2}', 'Received array: [{"a": 1}]'));
});
test('toMatch string and RegExp', async () => {
  await passes(() => expect('hello world').toMatch(/wor/));
  equal(await failure(() => expect('hello').toMatch(/xyz/)), lines('expect(received).toMatch(expected)', '', 'Expected pattern: /xyz/', 'Received string:  "hello"'));
  equal(await failure(() => expect('hello').not.toMatch('ell')), lines('expect(received).not.toMatch(expected)', '', 'Expected substring: not "ell"', 'Received string:        "hello"'));
  equal(await failure(() => expect(1).toMatch('1')), lines('expect(received).toMatch(expected)', '', 'Matcher error: received value must be a string', '',
    'Received has type:  number', 'Received has value: 1'));
});
test('toMatchObject', async () => {
  await passes(() => expect({ a: 1, b: { c: 2, d: 3 } }).toMatchObject({ b: { c: 2 } }));
  equal(await failure(() => expect({ a: 1, b: 2 }).toMatchObject({ a: 2 })), lines('expect(received).toMatchObject(expected)', '',
    '- Expected  - 1', '+ Received  + 1', '', '  Object {', '-   "a": 2,', '+   "a": 1,', '  }'));
});
test('toBeTruthy, toBeFalsy, toBeNull, toBeUndefined, toBeDefined, toBeNaN', async () => {
  await passes(() => { expect(1).toBeTruthy(); expect(0).toBeFalsy(); expect(null).toBeNull(); expect(undefined).toBeUndefined(); expect(0).toBeDefined(); expect(NaN).toBeNaN(); });
  equal(await failure(() => expect(0).toBeTruthy()), lines('expect(received).toBeTruthy()', '', 'Received: 0'));
  equal(await failure(() => expect(1).not.toBeTruthy()), lines('expect(received).not.toBeTruthy()', '', 'Received: 1'));
  equal(await failure(() => expect(undefined).toBeDefined()), lines('expect(received).toBeDefined()', '', 'Received: undefined'));
  equal(await failure(() => expect(1).toBeNull()), lines('expect(received).toBeNull()', '', 'Received: 1'));
});
test('toBeTruthy with an argument is a matcher error', async () => {
  equal(await failure(() => expect(1).toBeTruthy(2)), lines('expect(received).toBeTruthy()', '', 'Matcher error: this matcher must not have an expected argument', '',
    'Expected has type:  number', 'Expected has value: 2'));
});
test('comparisons', async () => {
  await passes(() => { expect(3).toBeGreaterThan(2); expect(2).toBeGreaterThanOrEqual(2); expect(1).toBeLessThan(2); expect(2).toBeLessThanOrEqual(2); expect(2n).toBeGreaterThan(1n); });
  equal(await failure(() => expect(1).toBeGreaterThan(2)), lines('expect(received).toBeGreaterThan(expected)', '', 'Expected: > 2', 'Received:   1'));
  equal(await failure(() => expect(3).not.toBeLessThanOrEqual(4)), lines('expect(received).not.toBeLessThanOrEqual(expected)', '', 'Expected: not <= 4', 'Received:        3'));
  equal(await failure(() => expect('1').toBeLessThan(2)), lines('expect(received).toBeLessThan(expected)', '', 'Matcher error: received value must be a number or bigint', '',
    'Received has type:  string', 'Received has value: "1"'));
});
test('toBeCloseTo', async () => {
  await passes(() => expect(0.1 + 0.2).toBeCloseTo(0.3));
  equal(await failure(() => expect(0.1 + 0.2).toBeCloseTo(0.4)), lines('expect(received).toBeCloseTo(expected)', '', 'Expected: 0.4', 'Received: 0.30000000000000004', '',
    'Expected precision:    2', 'Expected difference: < 0.005', 'Received difference:   0.09999999999999998'));
  equal((await failure(() => expect(1).toBeCloseTo(1.2, 1))).split('\n')[0], 'expect(received).toBeCloseTo(expected, precision)');
});
test('toBeInstanceOf', async () => {
  class A {}
  class B extends A {}
  await passes(() => expect(new B()).toBeInstanceOf(A));
  equal(await failure(() => expect(new A()).toBeInstanceOf(B)), lines('expect(received).toBeInstanceOf(expected)', '', 'Expected constructor: B', 'Received constructor: A', ''));
  equal(await failure(() => expect(new B()).not.toBeInstanceOf(A)), lines('expect(received).not.toBeInstanceOf(expected)', '',
    'Expected constructor: not A', 'Received constructor:     B extends A', ''));
});
test('toHaveLength', async () => {
  await passes(() => expect([1, 2]).toHaveLength(2));
  equal(await failure(() => expect('abc').toHaveLength(2)), lines('expect(received).toHaveLength(expected)', '', 'Expected length: 2', 'Received length: 3', 'Received string: "abc"'));
  equal(await failure(() => expect([1]).not.toHaveLength(1)), lines('expect(received).not.toHaveLength(expected)', '', 'Expected length: not 1', 'Received array:      [1]'));
  equal(await failure(() => expect(5).toHaveLength(1)), lines('expect(received).toHaveLength(expected)', '',
    'Matcher error: received value must have a length property whose value must be a number', '', 'Received has type:  number', 'Received has value: 5'));
});
test('toHaveProperty', async () => {
  await passes(() => expect({ a: { b: [1, 2] } }).toHaveProperty('a.b[1]', 2));
  await passes(() => expect({ a: { b: 1 } }).toHaveProperty(['a', 'b']));
  equal(await failure(() => expect({ a: { b: 1 } }).toHaveProperty('a.c')), lines('expect(received).toHaveProperty(path)', '',
    'Expected path: "a.c"', 'Received path: "a"', '', 'Received value: {"b": 1}'));
  equal(await failure(() => expect({ a: 1 }).toHaveProperty('a', 2)), lines('expect(received).toHaveProperty(path, value)', '',
    'Expected path: "a"', '', 'Expected value: 2', 'Received value: 1'));
});
test('toThrow without an argument', async () => {
  await passes(() => expect(() => { throw new Error('boom'); }).toThrow());
  equal(await failure(() => expect(() => {}).toThrow()), lines('expect(received).toThrow()', '', 'Received function did not throw'));
});
test('toThrow with a string, a RegExp, a class and an error', async () => {
  const boom = () => { const error = new Error('boom here'); error.stack = 'Error: boom here'; throw error; };
  await passes(() => expect(boom).toThrow('boom'));
  await passes(() => expect(boom).toThrow(/here$/));
  await passes(() => expect(boom).toThrowError(Error));
  await passes(() => expect(boom).toThrow(new Error('boom here')));
  equal(await failure(() => expect(boom).toThrow('bang')), lines('expect(received).toThrow(expected)', '', 'Expected substring: "bang"', 'Received message:   "boom here"', '', ''));
  equal(await failure(() => expect(() => {}).toThrow(/x/)), lines('expect(received).toThrow(expected)', '', 'Expected pattern: /x/', '', 'Received function did not throw'));
  equal(await failure(() => expect(boom).toThrow(TypeError)), lines('expect(received).toThrow(expected)', '', 'Expected constructor: TypeError',
    'Received constructor: Error', '', 'Received message: "boom here"', '', ''));
});
test('not.toThrow prints the error name and message', async () => {
  const boom = () => { const error = new Error('boom'); error.stack = 'Error: boom\n    at thrower (file.js:1:2)'; throw error; };
  equal(await failure(() => expect(boom).not.toThrow()), lines('expect(received).not.toThrow()', '', 'Error name:    "Error"', 'Error message: "boom"', '',
    '      at thrower (file.js:1:2)'));
});
test('toThrow on a non-function is a matcher error', async () => {
  equal(await failure(() => expect(1).toThrow()), lines('expect(received).toThrow()', '', 'Matcher error: received value must be a function', '',
    'Received has type:  number', 'Received has value: 1'));
});
test('resolves and rejects', async () => {
  await expect(Promise.resolve(3)).resolves.toBe(3);
  await expect(Promise.reject(new Error('no'))).rejects.toThrow('no');
  await expect(async () => { throw new Error('x'); }).rejects.toThrow();
  equal(await failure(() => expect(Promise.resolve(1)).rejects.toBe(1)), lines('expect(received).rejects.toBe()', '',
    'Received promise resolved instead of rejected', 'Resolved to value: 1'));
  equal(await failure(() => expect(Promise.reject(2)).resolves.toBe(1)), lines('expect(received).resolves.toBe()', '',
    'Received promise rejected instead of resolved', 'Rejected to value: 2'));
  equal(await failure(() => expect(Promise.resolve(2)).resolves.toBe(1)), lines('expect(received).resolves.toBe(expected) // Object.is equality', '',
    'Expected: 1', 'Received: 2'));
  equal(await failure(() => expect(5).resolves.toBe(5)), lines('expect(received).resolves.toBe()', '',
    'Matcher error: received value must be a promise or a function returning a promise', '', 'Received has type:  number', 'Received has value: 5'));
});

// ---- Asymmetric matchers ------------------------------------------------------------------------------------
test('expect.any and expect.anything', async () => {
  await passes(() => expect({ a: 'x', b: 1, c: () => {}, d: true, e: [], f: new Date() }).toEqual({
    a: expect.any(String), b: expect.any(Number), c: expect.any(Function), d: expect.any(Boolean), e: expect.any(Array), f: expect.any(Date) }));
  await passes(() => expect({ a: 0 }).toEqual({ a: expect.anything() }));
  await failure(() => expect({ a: null }).toEqual({ a: expect.anything() }));
  await failure(() => expect(1).toEqual(expect.any(String)));
});
test('objectContaining, arrayContaining, stringContaining, stringMatching, closeTo', async () => {
  await passes(() => expect({ a: 1, b: 2 }).toEqual(expect.objectContaining({ a: 1 })));
  await passes(() => expect([1, 2, 3]).toEqual(expect.arrayContaining([3, 1])));
  await passes(() => expect('hello').toEqual(expect.stringContaining('ell')));
  await passes(() => expect('hello').toEqual(expect.stringMatching(/^h/)));
  await passes(() => expect(0.1 + 0.2).toEqual(expect.closeTo(0.3, 5)));
  await failure(() => expect([1, 2]).toEqual(expect.arrayContaining([4])));
});
test('expect.not asymmetric matchers', async () => {
  await passes(() => expect({ a: 1 }).toEqual(expect.not.objectContaining({ a: 2 })));
  await passes(() => expect([1]).toEqual(expect.not.arrayContaining([2])));
  await passes(() => expect('abc').toEqual(expect.not.stringContaining('x')));
  await passes(() => expect('abc').toEqual(expect.not.stringMatching(/x/)));
  await passes(() => expect(1).toEqual(expect.not.closeTo(2)));
});
test('asymmetric matchers print as jest prints them', async () => {
  equal(await failure(() => expect([1, 2]).toEqual(expect.arrayContaining([3]))), lines('expect(received).toEqual(expected) // deep equality', '',
    'Expected: ArrayContaining [3]', 'Received: [1, 2]'));
  equal(await failure(() => expect('a').toEqual(expect.stringMatching(/b/))), lines('expect(received).toEqual(expected) // deep equality', '',
    'Expected: StringMatching /b/', 'Received: "a"'));
  equal(await failure(() => expect(1).toEqual(expect.closeTo(2))), lines('expect(received).toEqual(expected) // deep equality', '',
    'Expected: NumberCloseTo 2 (2 digits)', 'Received: 1'));
  equal(await failure(() => expect('b').toEqual(expect.not.stringContaining('b'))), lines('expect(received).toEqual(expected) // deep equality', '',
    'Expected: StringNotContaining "b"', 'Received: "b"'));
});
test('stringify: long arrays, nested objects, special values', async () => {
  equal(await failure(() => expect(Array.from({ length: 12 }, (_, i) => i)).toBe(1)).then((m) => m.split('\n')[3]),
    'Received: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …]');
  equal((await failure(() => expect({ s: Symbol('q'), f: function named() {}, u: undefined, n: null, big: 2n }).toBe(1))).split('\n')[3],
    'Received: {"big": 2n, "f": [Function named], "n": null, "s": Symbol(q), "u": undefined}');
  equal((await failure(() => expect(new Set([1])).toBe(1))).split('\n')[3], 'Received: Set {1}');
  equal((await failure(() => expect(new Error('e')).toBe(1))).split('\n')[3], 'Received: [Error: e]');
  equal((await failure(() => expect('a "q"').toBe(1))).split('\n')[3], 'Received: "a \\"q\\""');
});

// ---- Custom messages, soft, configure, extend -----------------------------------------------------------------
test('a custom message comes first', async () => {
  equal(await failure(() => expect(1, 'one should be two').toBe(2)), lines('one should be two', '', 'expect(received).toBe(expected) // Object.is equality', '', 'Expected: 2', 'Received: 1'));
  equal((await failure(() => expect(1, { message: 'custom' }).toBe(2))).split('\n')[0], 'custom');
});
test('the thrown error has matcherResult', async () => {
  try {
    expect(1).toEqual(2);
  } catch (error) {
    equal(error instanceof Error, true);
    equal(error.matcherResult.name, 'toEqual');
    equal(error.matcherResult.pass, false);
    equal(error.matcherResult.actual, 1);
    equal(error.matcherResult.expected, 2);
    equal(error.matcherResult.message, error.message);
    return;
  }
  throw new Error('did not throw');
});
test('expect.soft records failures without throwing', async () => {
  fresh();
  expect.soft(1).toBe(2);
  expect.soft(3).toBe(3);
  expect.soft('a', 'soft message').toBe('b');
  const errors = expect.takeSoftErrors();
  equal(errors.length, 2);
  equal(errors[0].message, lines('expect(received).toBe(expected) // Object.is equality', '', 'Expected: 2', 'Received: 1'));
  equal(errors[1].message.split('\n')[0], 'soft message');
  equal(expect.takeSoftErrors().length, 0);
  equal(expect._takeSoftErrors, expect.takeSoftErrors);
});
test('soft web-first assertions resolve and record', async () => {
  fresh([{ matches: false, received: 'b', log: [], timedOut: true }]);
  await expect.soft(locator()).toHaveText('a');
  equal(expect.takeSoftErrors().length, 1);
});
test('expect.configure({ soft }) and configure({ message })', async () => {
  fresh();
  const softExpect = expect.configure({ soft: true });
  softExpect(1).toBe(2);
  equal(expect.takeSoftErrors().length, 1);
  equal((await failure(() => expect.configure({ message: 'configured' })(1).toBe(2))).split('\n')[0], 'configured');
});
test('expect.configure({ timeout }) is sent to the adapter', async () => {
  const fake = fresh();
  await expect.configure({ timeout: 1234 })(locator()).toBeVisible();
  equal(fake.calls[0].params.timeout, 1234);
  await expect(locator()).toBeVisible();
  equal(fake.calls[1].params.timeout, 5000);
  await expect(locator()).toBeVisible({ timeout: 77 });
  equal(fake.calls[2].params.timeout, 77);
});
test('expect.extend adds matchers with this.isNot, this.utils and this.equals', async () => {
  fresh();
  const extended = expect.extend({
    toBeWithin(received, floor, ceiling) {
      const pass = received >= floor && received <= ceiling;
      return { pass, message: () => `${this.utils.matcherHint('toBeWithin', undefined, undefined, { isNot: this.isNot })}\n\n${this.utils.printReceived(received)} ${this.isNot ? 'is' : 'is not'} within ${floor}..${ceiling}` };
    },
    toDeepEqualTo(received, expected) { return { pass: this.equals(received, expected), message: () => 'not deep equal' }; },
  });
  extended(5).toBeWithin(1, 10);
  extended({ a: [1] }).toDeepEqualTo({ a: [1] });
  equal(await failure(() => extended(50).toBeWithin(1, 10)), lines('expect(received).toBeWithin(expected)', '', '50 is not within 1..10'));
  equal(await failure(() => extended(5).not.toBeWithin(1, 10)), lines('expect(received).not.toBeWithin(expected)', '', '5 is within 1..10'));
  // The legacy behaviour: the original expect has the new matcher too, and as an asymmetric matcher.
  expect(5).toBeWithin(1, 10);
  expect({ n: 5 }).toEqual({ n: expect.toBeWithin(1, 10) });
  expect({ n: 50 }).toEqual({ n: expect.not.toBeWithin(1, 10) });
});
test('async custom matchers', async () => {
  fresh();
  const extended = expect.extend({ async toResolveTo(received, value) { return { pass: (await received) === value, message: () => 'nope' }; } });
  await extended(Promise.resolve(1)).toResolveTo(1);
  equal(await failure(() => extended(Promise.resolve(2)).toResolveTo(1)), 'nope');
});
test('expect.extend rejects non-functions', async () => {
  equal(await failure(() => expect.extend({ bad: 1 })), 'expect.extend: `bad` is not a valid matcher. Must be a function, is "number"');
});
test('a matcher returning nonsense fails with jest\'s text', async () => {
  const extended = expect.extend({ broken() { return 5; } });
  equal(await failure(() => extended(1).broken()), lines('Unexpected return from a matcher function.', 'Matcher functions should return an object in the following format:',
    '  {message?: string | function, pass: boolean}', "'5' was returned"));
});

// ---- Web-first matchers ---------------------------------------------------------------------------------------
test('toHaveText timeout message', async () => {
  fresh([{ matches: false, received: 'Bye', log: ['Expect "toHaveText" with timeout 5000ms', "waiting for locator('#x')"], timedOut: true }]);
  equal(await failure(() => expect(locator()).toHaveText('Hello')), lines('expect(locator).toHaveText(expected) failed', '',
    "Locator:  locator('#x')", 'Expected: "Hello"', 'Received: "Bye"', 'Timeout:  5000ms', '', 'Call log:',
    '  - Expect "toHaveText" with timeout 5000ms', "  - waiting for locator('#x')", ''));
});
test('toHaveText sends to.have.text with normalized expected text', async () => {
  const fake = fresh();
  await expect(locator()).toHaveText(/he+llo/i, { useInnerText: true, ignoreCase: true });
  same(fake.calls[0], { expression: 'to.have.text', params: { expectedText: [{ regexSource: 'he+llo', regexFlags: 'i', ignoreCase: true, normalizeWhiteSpace: true }],
    useInnerText: true, isNot: false, timeout: 5000 } });
});
test('toHaveText with a RegExp: pattern labels', async () => {
  fresh([{ matches: false, received: 'Bye', log: [], timedOut: true }]);
  equal(await failure(() => expect(locator()).toHaveText(/Hel+o/)), lines('expect(locator).toHaveText(expected) failed', '',
    "Locator: locator('#x')", 'Expected pattern: /Hel+o/', 'Received string:  "Bye"', 'Timeout: 5000ms', ''));
});
test('not.toHaveText shows the not line', async () => {
  fresh([{ matches: true, received: 'Hello', log: ['l'], timedOut: true }]);
  equal(await failure(() => expect(locator()).not.toHaveText('Hello')), lines('expect(locator).not.toHaveText(expected) failed', '',
    "Locator:  locator('#x')", 'Expected: not "Hello"', 'Received: "Hello"', 'Timeout:  5000ms', '', 'Call log:', '  - l', ''));
  equal(adapter.calls[0].params.isNot, true);
});
test('toHaveText with an array uses to.have.text.array and a diff', async () => {
  fresh([{ matches: false, received: ['a', 'c'], log: [], timedOut: true }]);
  equal(await failure(() => expect(locator('li')).toHaveText(['a', 'b'])), lines('expect(locator).toHaveText(expected) failed', '',
    'Locator: li', 'Timeout: 5000ms', '- Expected  - 1', '+ Received  + 1', '', '  Array [', '    "a",', '-   "b",', '+   "c",', '  ]', ''));
  equal(adapter.calls[0].expression, 'to.have.text.array');
});
test('toContainText labels substring and string', async () => {
  fresh([{ matches: false, received: 'Goodbye', log: [], timedOut: true }]);
  equal(await failure(() => expect(locator()).toContainText('Hello')), lines('expect(locator).toContainText(expected) failed', '',
    "Locator: locator('#x')", 'Expected substring: "Hello"', 'Received string:    "Goodbye"', 'Timeout: 5000ms', ''));
  same(adapter.calls[0].params.expectedText, [{ string: 'Hello', matchSubstring: true, normalizeWhiteSpace: true }]);
  fresh();
  await expect(locator()).toContainText(['a']);
  equal(adapter.calls[0].expression, 'to.contain.text.array');
});
test('toBeVisible timeout message', async () => {
  fresh([{ matches: false, received: 'hidden', log: ['Expect "toBeVisible" with timeout 5000ms'], timedOut: true }]);
  equal(await failure(() => expect(locator()).toBeVisible()), lines('expect(locator).toBeVisible() failed', '',
    "Locator:  locator('#x')", 'Expected: visible', 'Received: hidden', 'Timeout:  5000ms', '', 'Call log:', '  - Expect "toBeVisible" with timeout 5000ms', ''));
});
test('toBeVisible({ visible: false }) and not.toBeVisible', async () => {
  fresh([{ matches: false, received: 'visible', log: [], timedOut: true }]);
  equal(await failure(() => expect(locator()).toBeVisible({ visible: false })), lines('expect(locator).toBeVisible({ visible: false }) failed', '',
    "Locator:  locator('#x')", 'Expected: hidden', 'Received: visible', 'Timeout:  5000ms', ''));
  equal(adapter.calls[0].expression, 'to.be.hidden');
  fresh([{ matches: true, received: 'visible', log: [], timedOut: true }]);
  equal(await failure(() => expect(locator()).not.toBeVisible()), lines('expect(locator).not.toBeVisible() failed', '',
    "Locator:  locator('#x')", 'Expected: not visible', 'Received: visible', 'Timeout:  5000ms', ''));
});
test('boolean matchers send their expressions', async () => {
  const fake = fresh();
  const l = locator();
  await expect(l).toBeAttached();
  await expect(l).toBeAttached({ attached: false });
  await expect(l).toBeChecked();
  await expect(l).toBeChecked({ checked: false });
  await expect(l).toBeDisabled();
  await expect(l).toBeEditable();
  await expect(l).toBeEditable({ editable: false });
  await expect(l).toBeEmpty();
  await expect(l).toBeEnabled();
  await expect(l).toBeEnabled({ enabled: false });
  await expect(l).toBeFocused();
  await expect(l).toBeHidden();
  await expect(l).toHaveAttribute('href');
  same(fake.calls.map((c) => c.expression), ['to.be.attached', 'to.be.detached', 'to.be.checked', 'to.be.checked', 'to.be.disabled', 'to.be.editable',
    'to.be.readonly', 'to.be.empty', 'to.be.enabled', 'to.be.disabled', 'to.be.focused', 'to.be.hidden', 'to.have.attribute']);
  same(fake.calls[3].params.expectedValue, { checked: false });
  equal(fake.calls[12].params.expressionArg, 'href');
});
test('toBeChecked indeterminate message', async () => {
  fresh([{ matches: false, received: 'checked', log: [], timedOut: true }]);
  equal((await failure(() => expect(locator()).toBeChecked({ indeterminate: true }))).split('\n').slice(0, 4).join('|'),
    "expect(locator).toBeChecked({ indeterminate: true }) failed||Locator:  locator('#x')|Expected: indeterminate");
});
test('text matchers send their expressions and params', async () => {
  const fake = fresh();
  const l = locator();
  await expect(l).toHaveAttribute('href', /x/, { ignoreCase: true });
  await expect(l).toHaveAttribute('id', { timeout: 10 });
  await expect(l).toHaveClass('a b');
  await expect(l).toHaveClass(['a', /b/]);
  await expect(l).toContainClass('a');
  await expect(l).toContainClass(['a']);
  await expect(l).toHaveCSS('color', 'red');
  await expect(l).toHaveId('x');
  await expect(l).toHaveJSProperty('checked', true);
  await expect(l).toHaveRole('button');
  await expect(l).toHaveValue('v');
  await expect(l).toHaveValues(['a', /b/]);
  await expect(l).toHaveAccessibleName('Go', { ignoreCase: true });
  await expect(l).toHaveAccessibleDescription('d');
  await expect(l).toHaveCount(3);
  same(fake.calls.map((c) => c.expression), ['to.have.attribute.value', 'to.have.attribute', 'to.have.class', 'to.have.class.array', 'to.contain.class',
    'to.contain.class.array', 'to.have.css', 'to.have.id', 'to.have.property', 'to.have.role', 'to.have.value', 'to.have.values',
    'to.have.accessible.name', 'to.have.accessible.description', 'to.have.count']);
  same(fake.calls[0].params, { expressionArg: 'href', expectedText: [{ regexSource: 'x', regexFlags: '', ignoreCase: true }], isNot: false, timeout: 5000 });
  equal(fake.calls[1].params.timeout, 10);
  same(fake.calls[3].params.expectedText, [{ string: 'a' }, { regexSource: 'b', regexFlags: '' }]);
  equal(fake.calls[6].params.expressionArg, 'color');
  same([fake.calls[8].params.expressionArg, fake.calls[8].params.expectedValue], ['checked', true]);
  same(fake.calls[12].params.expectedText, [{ string: 'Go', ignoreCase: true, normalizeWhiteSpace: true }]);
  equal(fake.calls[14].params.expectedNumber, 3);
});
test('toHaveCount message', async () => {
  fresh([{ matches: false, received: 2, log: ["waiting for locator('li')"], timedOut: true }]);
  equal(await failure(() => expect(locator("locator('li')")).toHaveCount(3)), lines('expect(locator).toHaveCount(expected) failed', '',
    "Locator:  locator('li')", 'Expected: 3', 'Received: 2', 'Timeout:  5000ms', '', 'Call log:', "  - waiting for locator('li')", ''));
});
test('toHaveAttribute without value message', async () => {
  fresh([{ matches: false, received: 'attribute not present', log: [], timedOut: true }]);
  equal((await failure(() => expect(locator()).toHaveAttribute('href'))).split('\n').slice(0, 5).join('|'),
    "expect(locator).toHaveAttribute() failed||Locator:  locator('#x')|Expected: have attribute|Received: attribute not present");
});
test('toHaveJSProperty prints values with stringify', async () => {
  fresh([{ matches: false, received: { a: 1 }, log: [], timedOut: true }]);
  equal(await failure(() => expect(locator()).toHaveJSProperty('p', { a: 2 })), lines('expect(locator).toHaveJSProperty(expected) failed', '',
    "Locator: locator('#x')", 'Timeout: 5000ms', '- Expected  - 1', '+ Received  + 1', '', '  Object {', '-   "a": 2,', '+   "a": 1,', '  }', ''));
});
test('an errorMessage from the adapter replaces Received', async () => {
  fresh([{ matches: false, log: ['x'], errorMessage: 'Error: strict mode violation', timedOut: false }]);
  equal(await failure(() => expect(locator()).toHaveText('a')), lines('expect(locator).toHaveText(expected) failed', '',
    "Locator: locator('#x')", 'Expected: "a"', 'Error: strict mode violation', '', 'Call log:', '  - x', ''));
});
test('web-first matchers check their receiver', async () => {
  fresh();
  equal(await failure(() => expect(5).toBeVisible()), 'toBeVisible can be only used with Locator object, was called with 5');
  equal(await failure(() => expect(fakePage()).toHaveText('a')).then((m) => m.startsWith('toHaveText can be only used with Locator object, was called with Object {')), true);
  equal(await failure(() => expect(locator()).toHaveTitle('a')).then((m) => m.startsWith('toHaveTitle can be only used with Page object')), true);
  equal(await failure(() => expect(locator()).toHaveText(5)), lines('expect(locator).toHaveText(expected) failed', '', "Locator: locator('#x')",
    'Error: expected value must be a string or regular expression', 'Expected has type:  number', 'Expected has value: 5', ''));
  equal(await failure(() => expect(locator()).toHaveRole(/x/)), '"role" argument in toHaveRole must be a string');
  equal(await failure(() => expect(locator()).toContainClass(/x/)), '"expected" argument in toContainClass cannot be a RegExp value');
});
test('toHaveTitle and toHaveURL on a page', async () => {
  const fake = fresh([{ matches: false, received: 'Other', log: [], timedOut: true }]);
  equal(await failure(() => expect(fakePage()).toHaveTitle('Home')), lines('expect(page).toHaveTitle(expected) failed', '',
    'Expected: "Home"', 'Received: "Other"', 'Timeout:  5000ms', ''));
  same(fake.calls[0], { expression: 'to.have.title', params: { expectedText: [{ string: 'Home', normalizeWhiteSpace: true }], isNot: false, timeout: 5000 } });
  await expect(fakePage()).toHaveURL(/example/);
  equal(fake.calls[1].expression, 'to.have.url');
});
test('toHaveURL resolves a string against baseURL', async () => {
  const fake = fresh([], { baseURL: () => 'https://example.com/app/' });
  await expect(fakePage()).toHaveURL('login');
  equal(fake.calls[0].params.expectedText[0].string, 'https://example.com/app/login');
  const plain = fresh();
  await expect(fakePage()).toHaveURL('https://example.com');
  equal(plain.calls[0].params.expectedText[0].string, 'https://example.com/');
});
test('toHaveURL with a predicate polls page.url()', async () => {
  const fake = fresh();
  await expect(fakePage('https://example.com/a?x=1')).toHaveURL((url) => url.searchParams.get('x') === '1');
  equal(fake.calls.length, 0);
  equal(await failure(() => expect(fakePage('https://example.com/a')).toHaveURL(() => false, { timeout: 300 })), lines('expect(page).toHaveURL(expected) failed', '',
    'Expected: predicate to succeed', 'Received: "https://example.com/a"', 'Timeout:  300ms', ''));
  same(fake.pauses, [100, 100, 100]);
});
test('the call log is compressed as Playwright\'s server does', async () => {
  fresh([{ matches: false, received: 'Bye', timedOut: true, log: ['Expect "toHaveText" with timeout 5000ms', "waiting for locator('#x')",
    '  locator resolved to <div id="x">Bye</div>', '  unexpected value "Bye"', '  locator resolved to <div id="x">Bye</div>', '  unexpected value "Bye"',
    '  locator resolved to <div id="x">Bye</div>', '  unexpected value "Bye"'] }]);
  const message = await failure(() => expect(locator()).toHaveText('Hello'));
  equal(message.slice(message.indexOf('Call log:')), lines('Call log:', '  - Expect "toHaveText" with timeout 5000ms', "  - waiting for locator('#x')",
    '    3 × locator resolved to <div id="x">Bye</div>', '      - unexpected value "Bye"', ''));
});
test('toBeOK', async () => {
  fresh();
  const response = (ok, text) => ({ kind: 'response', ok: () => ok, status: () => (ok ? 200 : 404), url: () => 'https://x/', headers: () => ({ 'content-type': 'text/plain' }),
    text: async () => text, _fetchLog: async () => ['→ GET https://x/', '← 404 Not Found'] });
  await expect(response(true)).toBeOK();
  equal(await failure(() => expect(response(false, 'missing')).toBeOK()), lines('expect(response).toBeOK() failed', '', '', 'Call log:',
    '  - → GET https://x/', '  - ← 404 Not Found', '', 'Response text:', 'missing'));
  equal(await failure(() => expect(response(true)).not.toBeOK()).then((m) => m.split('\n')[0]), 'expect(response).not.toBeOK() failed');
});
test('toBeInViewport and toHaveScreenshot need layout', async () => {
  equal((await failure(() => expect(locator()).toBeInViewport())).startsWith('toBeInViewport: Caper has no layout engine'), true);
  equal((await failure(() => expect(fakePage()).toHaveScreenshot())).startsWith('toHaveScreenshot: Caper has no layout engine'), true);
});
test('web-first failures have matcherResult with log and timeout', async () => {
  fresh([{ matches: false, received: 'Bye', log: ['l'], timedOut: true }]);
  try {
    await expect(locator()).toHaveText('Hi');
  } catch (error) {
    equal(error.matcherResult.name, 'toHaveText');
    equal(error.matcherResult.actual, 'Bye');
    equal(error.matcherResult.expected, 'Hi');
    equal(error.matcherResult.timeout, 5000);
    same(error.matcherResult.log, ['l']);
    return;
  }
  throw new Error('did not throw');
});

// ---- poll and toPass --------------------------------------------------------------------------------------
test('expect.poll retries with the default intervals until it passes', async () => {
  const fake = fresh();
  let n = 0;
  await expect.poll(() => ++n).toBe(4);
  same(fake.pauses, [100, 250, 500]);
});
test('expect.poll timeout message', async () => {
  const fake = fresh();
  equal(await failure(() => expect.poll(() => 1, { timeout: 1000 }).toBe(2)), lines('expect(received).toBe(expected) // Object.is equality', '',
    'Expected: 2', 'Received: 1', '', 'Call Log:', '- Timeout 1000ms exceeded while waiting on the predicate'));
  same(fake.pauses, [100, 250, 500]);
});
test('expect.poll with custom intervals, .not and async functions', async () => {
  const fake = fresh();
  let n = 0;
  await expect.poll(async () => ++n, { intervals: [10, 20] }).not.toBeLessThan(4);
  same(fake.pauses, [10, 20, 20]);
  equal(await failure(() => expect.poll(5).toBe(5)), '`expect.poll()` accepts only function as a first argument');
  equal(await failure(() => expect.poll(() => locator()).toBeVisible()), '`expect.poll()` does not support "toBeVisible" matcher.');
});
test('expect.poll with a message', async () => {
  fresh();
  const message = await failure(() => expect.poll(() => 1, { message: 'polled', timeout: 100 }).toBe(2));
  equal(message.split('\n')[0], 'polled');
  equal(message.endsWith('Call Log:\n- Timeout 100ms exceeded while waiting on the predicate'), true);
});
test('toPass retries until the callback passes', async () => {
  const fake = fresh();
  let n = 0;
  await expect(() => { n++; expect(n).toBe(3); }).toPass();
  same(fake.pauses, [100, 250]);
});
test('toPass timeout message', async () => {
  const fake = fresh();
  equal(await failure(() => expect(() => expect(1).toBe(2)).toPass({ timeout: 1000, intervals: [300] })), lines(
    'expect(received).toBe(expected) // Object.is equality', '', 'Expected: 2', 'Received: 1', '', 'Call Log:', '- Timeout 1000ms exceeded while waiting on the predicate'));
  same(fake.pauses, [300, 300, 300]);
});
test('toPass with async web-first assertions', async () => {
  fresh([{ matches: false, received: 'a', log: [], timedOut: true }, { matches: true }]);
  await expect(async () => { await expect(locator()).toHaveText('b'); }).toPass({ timeout: 5000 });
  equal(adapter.calls.length, 2);
});

run();
