// node:assert and node:assert/strict.
(host, runtime) => {
  const { define } = runtime.modules;
  const { inspect, isDeepStrictEqual } = runtime.util;
  define('assert', () => {
    class AssertionError extends Error {
      constructor(options) {
        super(options.message);
        this.name = 'AssertionError';
        this.code = 'ERR_ASSERTION';
        this.actual = options.actual;
        this.expected = options.expected;
        this.operator = options.operator;
        this.generatedMessage = !options.userMessage;
      }
    }
    const fail = (message, actual, expected, operator, generated) => {
      if (message instanceof Error) throw message;
      throw new AssertionError({ message: message || generated, userMessage: Boolean(message), actual, expected, operator });
    };
    const diff = (actual, expected) => {
      const a = inspect(actual, { depth: 6 }).split(/, (?=[^ ])/), e = inspect(expected, { depth: 6 }).split(/, (?=[^ ])/);
      if (a.length === 1 && e.length === 1) return `\n\n${a[0]} !== ${e[0]}\n`;
      return `\n+ actual - expected\n\n+ ${a.join(',\n+ ')}\n- ${e.join(',\n- ')}`;
    };
    const ok = (value, message) => { if (!value) fail(message, value, true, '==', `The expression evaluated to a falsy value:\n\n  assert.ok(${inspect(value)})\n`); };
    const assert = (value, message) => ok(value, message);
    Object.assign(assert, {
      AssertionError, ok,
      fail: (message = 'Failed') => fail(message, undefined, undefined, 'fail', 'Failed'),
      equal: (a, b, m) => { if (!(a == b)) fail(m, a, b, '==', `${inspect(a)} == ${inspect(b)}`); },
      notEqual: (a, b, m) => { if (a == b) fail(m, a, b, '!=', `${inspect(a)} != ${inspect(b)}`); },
      strictEqual: (a, b, m) => { if (!Object.is(a, b)) fail(m, a, b, 'strictEqual', `Expected values to be strictly equal:${diff(a, b)}`); },
      notStrictEqual: (a, b, m) => { if (Object.is(a, b)) fail(m, a, b, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${inspect(b)}`); },
      deepEqual: (a, b, m) => { if (!isDeepStrictEqual(a, b, false)) fail(m, a, b, 'deepEqual', `Expected values to be loosely deep-equal:${diff(a, b)}`); },
      notDeepEqual: (a, b, m) => { if (isDeepStrictEqual(a, b, false)) fail(m, a, b, 'notDeepEqual', `Expected "actual" not to be loosely deep-equal to: ${inspect(b)}`); },
      ifError: (value) => { if (value !== null && value !== undefined) { if (value instanceof Error) throw value; fail(undefined, value, null, 'ifError', `ifError got unwanted exception: ${inspect(value)}`); } },
      deepStrictEqual: (a, b, m) => { if (!isDeepStrictEqual(a, b)) fail(m, a, b, 'deepStrictEqual', `Expected values to be strictly deep-equal:${diff(a, b)}`); },
      notDeepStrictEqual: (a, b, m) => { if (isDeepStrictEqual(a, b)) fail(m, a, b, 'notDeepStrictEqual', `Expected "actual" not to be strictly deep-equal to: ${inspect(b)}`); },
      match: (s, re, m) => { if (!re.test(s)) fail(m, s, re, 'match', `The input did not match the regular expression ${re}. Input:\n\n${inspect(s)}\n`); },
      doesNotMatch: (s, re, m) => { if (re.test(s)) fail(m, s, re, 'doesNotMatch', `The input was expected to not match the regular expression ${re}. Input:\n\n${inspect(s)}\n`); },
      throws: (fn, expected, m) => {
        try { fn(); } catch (e) { checkError(e, expected, m); return; }
        fail(typeof expected === 'string' ? expected : m, undefined, expected, 'throws', 'Missing expected exception.');
      },
      doesNotThrow: (fn, m) => { try { fn(); } catch (e) { fail(m, e, undefined, 'doesNotThrow', `Got unwanted exception.\nActual message: "${e && e.message}"`); } },
      rejects: async (p, expected, m) => {
        try { await (typeof p === 'function' ? p() : p); } catch (e) { checkError(e, expected, m); return; }
        fail(m, undefined, expected, 'rejects', 'Missing expected rejection.');
      },
      doesNotReject: async (p, m) => { try { await (typeof p === 'function' ? p() : p); } catch (e) { fail(m, e, undefined, 'doesNotReject', `Got unwanted rejection.\nActual message: "${e && e.message}"`); } },
    });
    function checkError(e, expected, m) {
      if (expected === undefined || typeof expected === 'string') return;
      if (expected instanceof RegExp) { if (!expected.test(String(e && e.message !== undefined ? e.message : e)) && !expected.test(String(e))) fail(m, e, expected, 'throws', `The input did not match the regular expression ${expected}. Input:\n\n${inspect(String(e))}\n`); return; }
      if (typeof expected === 'function') {
        if (expected.prototype !== undefined && e instanceof expected) return;
        if (Error.isPrototypeOf(expected) || expected === Error) fail(m, e, expected, 'throws', `The error is expected to be an instance of "${expected.name}". Received "${e && e.constructor && e.constructor.name}"`);
        if (expected.call({}, e) !== true) fail(m, e, expected, 'throws', 'The validation function is expected to return "true".');
        return;
      }
      for (const key of Object.keys(expected)) {
        const want = expected[key], got = e[key];
        const good = want instanceof RegExp && typeof got === 'string' ? want.test(got) : isDeepStrictEqual(got, want);
        if (!good) fail(m, e, expected, 'throws', `Expected values to be strictly deep-equal:${diff(got, want)}`);
      }
    }
    // node:assert/strict (also assert.strict): the same functions, with equal, notEqual,
    // deepEqual and notDeepEqual the strict ones, as Node's strict assertion mode.
    const strict = (value, message) => ok(value, message);
    Object.assign(strict, assert, {
      equal: assert.strictEqual, notEqual: assert.notStrictEqual,
      deepEqual: assert.deepStrictEqual, notDeepEqual: assert.notDeepStrictEqual,
    });
    strict.strict = strict;
    assert.strict = strict;
    return assert;
  });
  define('assert/strict', () => runtime.modules.builtin('assert').strict);
  return {};
}
