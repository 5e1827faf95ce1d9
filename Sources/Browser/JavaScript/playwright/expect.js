// Playwright's `expect` for the support realm (`require('@playwright/test').expect`): jest's expect
// (matchers, asymmetric matchers, messages as jest prints them, without colour) plus Playwright's
// web-first assertions, `expect.soft`, `expect.poll`, `toPass`, `expect.configure` and `expect.extend`.
// Messages follow Playwright's packages/playwright/src/matchers/ (expectLibrary.ts, the jest v30
// port; matcherHint.ts formatMatcherMessage; matchers.ts; toMatchText.ts; toEqual.ts; toBeTruthy.ts;
// toHaveURL.ts; expect.ts) and jest's jest-matcher-utils, jest-diff, pretty-format, @jest/expect-utils.
// Not modelled: jest's code frames in thrown-error stacks (frames are printed as "      at ..." lines),
// layout (toBeInViewport and toHaveScreenshot throw), snapshots, a test-wide deadline for toPass/poll.
//
// Exports: makeExpect(adapter) -> expect. `expect.takeSoftErrors()` (also `expect._takeSoftErrors()`)
// returns the errors of failed soft assertions since the last call (shared by every expect derived
// from one makeExpect through configure/extend/soft) and forgets them.
//
// The adapter (pages and locators side):
//   kindOf(value) -> 'locator' | 'page' | 'response' | null
//   describe(locator) -> string, as Playwright prints it: locator('#x')
//   expect(target, expression, params) -> Promise<{ matches, received, log, timedOut, errorMessage? }>;
//     `received` is the raw received value (string, string[], number, boolean, JS value), `log` the
//     raw call log lines (the server's metadata.log), printed through Playwright's compressCallLog
//     ("  - line", repeats as "  9 × line"); `errorMessage` (optional) replaces the Received line.
//   pause(ms) -> Promise, resolved after ms of page (virtual) time (expect.poll, toPass, toHaveURL(fn)).
//   Optional: now() -> ms of page time (else the sum of paused ms is the clock); baseURL(page) ->
//   string | undefined; resolveURL(base | undefined, url) -> string | null (else host.resolveURL).
// A page's url() and a response's ok(), status(), url(), headers(), text(), _fetchLog() are called
// directly.
//
// Expressions and params sent to adapter.expect (every params also has { isNot, timeout };
// expectedText = [{ string?, regexSource?, regexFlags?, matchSubstring?, ignoreCase?, normalizeWhiteSpace? }]):
//   toBeAttached            'to.be.attached' | 'to.be.detached' ({ attached: false })
//   toBeChecked             'to.be.checked' { expectedValue: { checked, indeterminate } }
//   toBeDisabled            'to.be.disabled'
//   toBeEditable            'to.be.editable' | 'to.be.readonly' ({ editable: false })
//   toBeEmpty               'to.be.empty'
//   toBeEnabled             'to.be.enabled' | 'to.be.disabled' ({ enabled: false })
//   toBeFocused             'to.be.focused'
//   toBeHidden              'to.be.hidden'
//   toBeVisible             'to.be.visible' | 'to.be.hidden' ({ visible: false })
//   toContainText(s|re)     'to.have.text' { expectedText (matchSubstring, normalizeWhiteSpace, ignoreCase), useInnerText }
//   toContainText([...])    'to.contain.text.array' { same, useInnerText }
//   toHaveAccessibleName    'to.have.accessible.name' { expectedText (ignoreCase, normalizeWhiteSpace) }
//   toHaveAccessibleDescription 'to.have.accessible.description' { same }
//   toHaveAccessibleErrorMessage 'to.have.accessible.error.message' { same }
//   toHaveAttribute(n)      'to.have.attribute' { expressionArg: n }
//   toHaveAttribute(n, v)   'to.have.attribute.value' { expressionArg: n, expectedText (ignoreCase) }
//   toHaveClass(s|re)       'to.have.class' { expectedText }; toHaveClass([...]) 'to.have.class.array'
//   toContainClass(s)       'to.contain.class' { expectedText }; ([...]) 'to.contain.class.array'
//   toHaveCount(n)          'to.have.count' { expectedNumber: n }
//   toHaveCSS(n, v)         'to.have.css' { expressionArg: n, expectedText, pseudo }
//   toHaveId                'to.have.id' { expectedText }
//   toHaveJSProperty(n, v)  'to.have.property' { expressionArg: n, expectedValue: v }
//   toHaveRole              'to.have.role' { expectedText }
//   toHaveText(s|re)        'to.have.text' { expectedText (normalizeWhiteSpace, ignoreCase), useInnerText }
//   toHaveText([...])       'to.have.text.array' { same, useInnerText }
//   toHaveValue             'to.have.value' { expectedText }; toHaveValues 'to.have.values' { expectedText }
//   toHaveTitle (page)      'to.have.title' { expectedText (normalizeWhiteSpace) }
//   toHaveURL (page)        'to.have.url' { expectedText (ignoreCase) }; a predicate polls page.url()
(host, runtime) => {
  'use strict';
  const {
    Array, ArrayBuffer, ArrayIsArray, ArrayPrototypeEvery, ArrayPrototypeFilter, ArrayPrototypeIncludes, ArrayPrototypeIndexOf,
    ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeShift, ArrayPrototypeSlice,
    ArrayPrototypeSome, ArrayPrototypeSort, ArrayPrototypeUnshift, ArrayBufferIsView, BigInt, Date, DatePrototypeGetTime,
    DatePrototypeToISOString, Error, ErrorPrototypeToString, FunctionPrototypeCall, FunctionPrototypeApply,
    FunctionPrototypeToString, JSONStringify, Map, MapPrototypeGet, MapPrototypeHas, MapPrototypeSet, MathAbs, MathMax, MathMin, MathPow,
    Number, NumberIsInteger, NumberIsNaN, NumberIsSafeInteger, NumberPrototypeToExponential, NumberPrototypeToFixed,
    NumberPOSITIVE_INFINITY, NumberNEGATIVE_INFINITY, ObjectAssign, ObjectCreate, ObjectDefineProperty, ObjectFreeze,
    ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames, ObjectGetOwnPropertySymbols, ObjectGetPrototypeOf, ObjectIs,
    ObjectKeys, ObjectPrototypeHasOwnProperty, ObjectPrototypeToString, Promise, PromisePrototypeThen, PromiseResolve,
    RegExp, RegExpPrototypeExec, RegExpTest, Set, SetPrototypeAdd, SetPrototypeHas, SplitString, String,
    StringPrototypeEndsWith, StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeRepeat, StringPrototypeReplace,
    StringPrototypeSlice, StringPrototypeStartsWith, StringPrototypeCharCodeAt, NumberPrototypeToString, StringPrototypeToLowerCase, StringPrototypeSubstring, StringPrototypeTrim, Symbol, SymbolFor,
    SymbolIterator, TypeError, WeakMap, WeakMapPrototypeDelete, WeakMapPrototypeGet, WeakMapPrototypeHas, WeakMapPrototypeSet,
  } = runtime.primordials;
  const inspect = runtime.util.inspect;
  // Constructors that primordials.js does not list, taken before support code runs.
  const BooleanConstructor = ObjectGetPrototypeOf(true).constructor;
  const FunctionConstructor = ObjectGetPrototypeOf(() => {}).constructor;
  const URLConstructor = typeof globalThis.URL === 'function' ? globalThis.URL : null;

  const ASYMMETRIC = SymbolFor('jest.asymmetricMatcher');
  const identity = (text) => text;
  const EXPECTED_COLOR = identity, RECEIVED_COLOR = identity, INVERTED_COLOR = identity, DIM_COLOR = identity, BOLD_WEIGHT = identity;
  const typeName = (value) => ObjectPrototypeToString(value);
  const isA = (name, value) => typeName(value) === `[object ${name}]`;
  const isPrimitive = (value) => value === null || (typeof value !== 'object' && typeof value !== 'function');
  const hasOwn = (object, key) => ObjectPrototypeHasOwnProperty(object, key);
  const isFunction = (value) => typeof value === 'function';
  const replaceAll = (text, re, replacement) => StringPrototypeReplace(text, re, replacement);

  /** jest's getType (expectLibrary.ts, @jest/get-type). */
  const getType = (value) => {
    if (value === undefined) return 'undefined';
    if (value === null) return 'null';
    if (ArrayIsArray(value)) return 'array';
    const type = typeof value;
    if (type === 'boolean' || type === 'function' || type === 'number' || type === 'string' || type === 'bigint' || type === 'symbol') return type;
    if (type === 'object') {
      const constructor = value.constructor;
      if (constructor === RegExp) return 'regexp';
      if (constructor === Map) return 'map';
      if (constructor === Set) return 'set';
      if (constructor === Date) return 'date';
      return 'object';
    }
    throw new Error(`value of unknown type: ${value}`);
  };

  const isAsymmetric = (value) => !!value && isFunction(value.asymmetricMatch);
  const keysOf = (object) => {
    const keys = ObjectKeys(object);
    const symbols = ObjectGetOwnPropertySymbols(object);
    for (let i = 0; i < symbols.length; i++) {
      const descriptor = ObjectGetOwnPropertyDescriptor(object, symbols[i]);
      if (descriptor && descriptor.enumerable) ArrayPrototypePush(keys, symbols[i]);
    }
    return keys;
  };
  /** Our own arrays joined without their (replaceable) iterator. */
  const concat = (first, second) => {
    const result = ArrayPrototypeSlice(first);
    for (let i = 0; i < second.length; i++) ArrayPrototypePush(result, second[i]);
    return result;
  };
  const listOf = (iterable) => {
    const list = [];
    for (const item of iterable) ArrayPrototypePush(list, item);
    return list;
  };

  // ---- pretty-format --------------------------------------------------------------------------------
  const MIN = { min: true, indent: '', spacingOuter: '', spacingInner: ' ', maxDepth: 10, maxWidth: 10, callToJSON: true };
  const arrayTypes = /^\[object (Array|ArrayBuffer|DataView|Float32Array|Float64Array|Int8Array|Int16Array|Int32Array|Uint8Array|Uint8ClampedArray|Uint16Array|Uint32Array|BigInt64Array|BigUint64Array)\]$/;
  const constructorName = (value) => (isFunction(value.constructor) && value.constructor.name) || 'Object';
  const printString = (value) => `"${replaceAll(value, /"|\\/g, '\\$&')}"`;

  const printBasic = (value) => {
    if (value === true) return 'true';
    if (value === false) return 'false';
    if (value === undefined) return 'undefined';
    if (value === null) return 'null';
    const type = typeof value;
    if (type === 'number') return ObjectIs(value, -0) ? '-0' : String(value);
    if (type === 'bigint') return `${String(value)}n`;
    if (type === 'string') return printString(value);
    if (type === 'function') return `[Function ${value.name || 'anonymous'}]`;
    if (type === 'symbol') return String(value);
    const tag = typeName(value);
    if (tag === '[object WeakMap]') return 'WeakMap {}';
    if (tag === '[object WeakSet]') return 'WeakSet {}';
    if (tag === '[object Function]' || tag === '[object GeneratorFunction]') return `[Function ${value.name || 'anonymous'}]`;
    if (tag === '[object Date]') return NumberIsNaN(DatePrototypeGetTime(value)) ? 'Date { NaN }' : DatePrototypeToISOString(value);
    if (tag === '[object Error]' || value instanceof Error) return `[${ErrorPrototypeToString(value)}]`;
    if (tag === '[object RegExp]') return `/${value.source}/${value.flags}`;
    return null;
  };

  const printList = (list, config, indentation, depth, refs) => {
    let result = '';
    const length = list.length;
    if (length > 0) {
      result += config.spacingOuter;
      const next = indentation + config.indent;
      for (let i = 0; i < length; i++) {
        result += next;
        if (i === config.maxWidth) { result += '…'; break; }
        if (i in list) result += print(list[i], config, next, depth, refs);
        if (i < length - 1) result += `,${config.spacingInner}`;
        else if (!config.min) result += ',';
      }
      result += config.spacingOuter + indentation;
    }
    return result;
  };
  const printEntries = (entries, config, indentation, depth, refs, separator) => {
    let result = '';
    if (entries.length > 0) {
      result += config.spacingOuter;
      const next = indentation + config.indent;
      for (let i = 0; i < entries.length; i++) {
        result += next;
        if (i === config.maxWidth) { result += '…'; break; }
        const entry = entries[i];
        result += separator === null ? print(entry, config, next, depth, refs)
          : print(entry[0], config, next, depth, refs) + separator + print(entry[1], config, next, depth, refs);
        if (i < entries.length - 1) result += `,${config.spacingInner}`;
        else if (!config.min) result += ',';
      }
      result += config.spacingOuter + indentation;
    }
    return result;
  };
  const printProperties = (object, config, indentation, depth, refs) => {
    let result = '';
    const keys = ArrayPrototypeSort(ObjectKeys(object));
    const symbols = ObjectGetOwnPropertySymbols(object);
    for (let i = 0; i < symbols.length; i++) {
      if (ObjectGetOwnPropertyDescriptor(object, symbols[i]).enumerable) ArrayPrototypePush(keys, symbols[i]);
    }
    if (keys.length > 0) {
      result += config.spacingOuter;
      const next = indentation + config.indent;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        result += `${next}${print(key, config, next, depth, refs)}: ${print(object[key], config, next, depth, refs)}`;
        if (i < keys.length - 1) result += `,${config.spacingInner}`;
        else if (!config.min) result += ',';
      }
      result += config.spacingOuter + indentation;
    }
    return result;
  };
  const printAsymmetric = (value, config, indentation, depth, refs) => {
    const name = value.toString();
    if (name === 'ArrayContaining' || name === 'ArrayNotContaining') {
      if (++depth > config.maxDepth) return `[${name}]`;
      return `${name} [${printList(value.sample, config, indentation, depth, refs)}]`;
    }
    if (name === 'ObjectContaining' || name === 'ObjectNotContaining') {
      if (++depth > config.maxDepth) return `[${name}]`;
      return `${name} {${printProperties(value.sample, config, indentation, depth, refs)}}`;
    }
    if (name === 'StringMatching' || name === 'StringNotMatching' || name === 'StringContaining' || name === 'StringNotContaining') {
      return `${name} ${print(value.sample, config, indentation, depth, refs)}`;
    }
    if (name === 'ArrayOf' || name === 'NotArrayOf') {
      if (++depth > config.maxDepth) return `[${name}]`;
      return `${name} ${print(value.sample, config, indentation, depth, refs)}`;
    }
    if (!isFunction(value.toAsymmetricMatcher)) throw new Error(`Asymmetric matcher ${constructorName(value)} does not implement toAsymmetricMatcher()`);
    return value.toAsymmetricMatcher();
  };

  function print(value, config, indentation, depth, refs, calledToJSON) {
    if (value !== null && typeof value === 'object' && value.$$typeof === ASYMMETRIC) return printAsymmetric(value, config, indentation, depth, refs);
    const basic = printBasic(value);
    if (basic !== null) return basic;
    if (ArrayPrototypeIncludes(refs, value)) return '[Circular]';
    refs = concat(refs, [value]);
    const hitMaxDepth = ++depth > config.maxDepth;
    const min = config.min;
    if (config.callToJSON && !hitMaxDepth && isFunction(value.toJSON) && !calledToJSON) {
      return print(value.toJSON(), config, indentation, depth, refs, true);
    }
    const tag = typeName(value);
    if (tag === '[object Arguments]') {
      return hitMaxDepth ? '[Arguments]' : `${min ? '' : 'Arguments '}[${printList(value, config, indentation, depth, refs)}]`;
    }
    if (RegExpTest(arrayTypes, tag)) {
      const name = value.constructor ? value.constructor.name : 'Array';
      if (hitMaxDepth) return `[${name}]`;
      const list = tag === '[object ArrayBuffer]' ? new runtime.primordials.Uint8Array(value)
        : tag === '[object DataView]' ? new runtime.primordials.Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value;
      return `${min ? '' : `${name} `}[${printList(list, config, indentation, depth, refs)}]`;
    }
    if (tag === '[object Map]') {
      return hitMaxDepth ? '[Map]' : `Map {${printEntries(listOf(value), config, indentation, depth, refs, ' => ')}}`;
    }
    if (tag === '[object Set]') {
      return hitMaxDepth ? '[Set]' : `Set {${printEntries(listOf(value), config, indentation, depth, refs, null)}}`;
    }
    return hitMaxDepth ? `[${constructorName(value)}]`
      : `${min ? '' : `${constructorName(value)} `}{${printProperties(value, config, indentation, depth, refs)}}`;
  }
  const prettyFormat = (value, config) => print(value, config, '', 0, []);
  const DIFF_FORMAT = { min: false, indent: '  ', spacingOuter: '\n', spacingInner: '\n', maxDepth: Infinity, maxWidth: Infinity, callToJSON: true };
  const DIFF_COMPARE_FORMAT = { ...DIFF_FORMAT, indent: '' };

  /** jest-matcher-utils stringify: one line, depth and width limited, shortened past 10,000 characters. */
  const stringify = (value, maxDepth = 10, maxWidth = 10) => {
    let result;
    try {
      result = prettyFormat(value, { ...MIN, maxDepth, maxWidth });
    } catch {
      result = prettyFormat(value, { ...MIN, maxDepth, maxWidth, callToJSON: false });
    }
    if (result.length >= 10000 && maxDepth > 1) return stringify(value, MathMax(1, (maxDepth / 2) | 0), maxWidth);
    if (result.length >= 10000 && maxWidth > 1) return stringify(value, maxDepth, MathMax(1, (maxWidth / 2) | 0));
    return result;
  };
  const replaceTrailingSpaces = (text) => replaceAll(text, /\s+$/gm, (spaces) => StringPrototypeRepeat('\u00B7', spaces.length));
  const printReceived = (value) => RECEIVED_COLOR(replaceTrailingSpaces(stringify(value)));
  const printExpected = (value) => EXPECTED_COLOR(replaceTrailingSpaces(stringify(value)));
  const printWithType = (name, value, printer) => {
    const type = getType(value);
    const hasType = type !== 'null' && type !== 'undefined' ? `${name} has type:  ${type}\n` : '';
    return `${hasType}${name} has value: ${printer(value)}`;
  };
  const getLabelPrinter = (...labels) => {
    let width = 0;
    for (let i = 0; i < labels.length; i++) width = MathMax(width, labels[i].length);
    return (label) => `${label}: ${StringPrototypeRepeat(' ', width - label.length)}`;
  };
  const matcherErrorMessage = (hint, generic, specific) =>
    `${hint}\n\n${BOLD_WEIGHT('Matcher error')}: ${generic}${typeof specific === 'string' ? `\n\n${specific}` : ''}`;
  /** jest-matcher-utils matcherHint, without colours. */
  const matcherHint = (matcherName, received = 'received', expected = 'expected', options = {}) => {
    const { comment = '', isDirectExpectCall = false, isNot = false, promise = '', secondArgument = '' } = options;
    let hint = '';
    let dim = 'expect';
    if (!isDirectExpectCall && received !== '') { hint += `${dim}(${received}`; dim = ')'; }
    if (promise !== '') { hint += `${dim}.${promise}`; dim = ''; }
    if (isNot) { hint += `${dim}.not`; dim = ''; }
    if (StringPrototypeIncludes(matcherName, '.')) dim += matcherName;
    else { hint += `${dim}.${matcherName}`; dim = ''; }
    if (expected === '') dim += '()';
    else {
      hint += `${dim}(${expected}`;
      if (secondArgument) hint += `, ${secondArgument}`;
      dim = ')';
    }
    if (comment !== '') dim += ` // ${comment}`;
    return hint + dim;
  };
  const ensureNoExpected = (expected, matcherName, options) => {
    if (expected !== undefined) {
      throw new Error(matcherErrorMessage(matcherHint((options ? '' : '[.not]') + matcherName, undefined, '', options),
        'this matcher must not have an expected argument', printWithType('Expected', expected, printExpected)));
    }
  };
  const ensureNumbers = (actual, expected, matcherName, options) => {
    const name = (options ? '' : '[.not]') + matcherName;
    if (typeof actual !== 'number' && typeof actual !== 'bigint') {
      throw new Error(matcherErrorMessage(matcherHint(name, undefined, undefined, options),
        `${RECEIVED_COLOR('received')} value must be a number or bigint`, printWithType('Received', actual, printReceived)));
    }
    if (typeof expected !== 'number' && typeof expected !== 'bigint') {
      throw new Error(matcherErrorMessage(matcherHint(name, undefined, undefined, options),
        `${EXPECTED_COLOR('expected')} value must be a number or bigint`, printWithType('Expected', expected, printExpected)));
    }
  };
  const ensureExpectedIsNonNegativeInteger = (expected, matcherName, options) => {
    if (typeof expected !== 'number' || !NumberIsSafeInteger(expected) || expected < 0) {
      throw new Error(matcherErrorMessage(matcherHint((options ? '' : '[.not]') + matcherName, undefined, undefined, options),
        `${EXPECTED_COLOR('expected')} value must be a non-negative integer`, printWithType('Expected', expected, printExpected)));
    }
  };
  const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen'];
  const pluralize = (word, count) => `${NUMBERS[count] || count} ${word}${count === 1 ? '' : 's'}`;
  const SUGGEST_TO_CONTAIN_EQUAL = 'Looks like you wanted to test for object/array equality with the stricter `toContain` matcher. You probably need to use `toContainEqual` instead.';

  // ---- jest-diff (line diffs, --no-expand, 5 context lines) ----------------------------------------------
  const EQUAL = 0, DELETE = -1, INSERT = 1;
  /** An edit script from a longest common subsequence; in each changed run, deletions come first. */
  const diffSequences = (a, b) => {
    const n = a.length, m = b.length;
    const ops = [];
    if (n * m > 4e6) {
      for (let i = 0; i < n; i++) ArrayPrototypePush(ops, [DELETE, i]);
      for (let j = 0; j < m; j++) ArrayPrototypePush(ops, [INSERT, j]);
      return ops;
    }
    const width = m + 1;
    const table = new Array((n + 1) * width);
    for (let i = n; i >= 0; i--) {
      for (let j = m; j >= 0; j--) {
        table[i * width + j] = i === n || j === m ? 0
          : a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : MathMax(table[(i + 1) * width + j], table[i * width + j + 1]);
      }
    }
    let i = 0, j = 0;
    let deletes = [], inserts = [];
    const flush = () => {
      for (let k = 0; k < deletes.length; k++) ArrayPrototypePush(ops, deletes[k]);
      for (let k = 0; k < inserts.length; k++) ArrayPrototypePush(ops, inserts[k]);
      deletes = [];
      inserts = [];
    };
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j] && table[i * width + j] === table[(i + 1) * width + j + 1] + 1) {
        flush();
        ArrayPrototypePush(ops, [EQUAL, i, j]);
        i++; j++;
      } else if (j >= m || (i < n && table[(i + 1) * width + j] >= table[i * width + j + 1])) {
        ArrayPrototypePush(deletes, [DELETE, i]);
        i++;
      } else {
        ArrayPrototypePush(inserts, [INSERT, j]);
        j++;
      }
    }
    flush();
    return ops;
  };

  const printDiffLine = (line, isFirstOrLast, indicator, placeholder) =>
    line.length === 0 ? (indicator === ' ' ? (isFirstOrLast && placeholder.length > 0 ? `${indicator} ${placeholder}` : '') : indicator)
      : `${indicator} ${line}`;

  /** jest-diff joinAlignedDiffsNoExpand: `diffs` are [op, line]. */
  const joinNoExpand = (diffs, placeholder, contextLines = 5) => {
    const length = diffs.length;
    const context2 = contextLines + contextLines;
    let outLength = length, excessAtEdge = false, excessesBetween = 0;
    let i = 0;
    while (i !== length) {
      const start = i;
      while (i !== length && diffs[i][0] === EQUAL) i++;
      if (start !== i) {
        if (start === 0) {
          if (i > contextLines) { outLength -= i - contextLines; excessAtEdge = true; }
        } else if (i === length) {
          const count = i - start;
          if (count > contextLines) { outLength -= count - contextLines; excessAtEdge = true; }
        } else {
          const count = i - start;
          if (count > context2) { outLength -= count - context2; excessesBetween++; }
        }
      }
      while (i !== length && diffs[i][0] !== EQUAL) i++;
    }
    const hasPatch = excessesBetween !== 0 || excessAtEdge;
    if (excessesBetween !== 0) outLength += excessesBetween + 1;
    else if (excessAtEdge) outLength += 1;
    const last = outLength - 1;
    const lines = [];
    let patchAt = 0;
    if (hasPatch) ArrayPrototypePush(lines, '');
    let aStart = 0, bStart = 0, aEnd = 0, bEnd = 0;
    const push = (line, indicator) => {
      const at = lines.length;
      ArrayPrototypePush(lines, printDiffLine(line, at === 0 || at === last, indicator, placeholder));
    };
    const common = (line) => { push(line, ' '); aEnd++; bEnd++; };
    const mark = () => `@@ -${aStart + 1},${aEnd - aStart} +${bStart + 1},${bEnd - bStart} @@`;
    i = 0;
    while (i !== length) {
      let start = i;
      while (i !== length && diffs[i][0] === EQUAL) i++;
      if (start !== i) {
        if (start === 0) {
          if (i > contextLines) { start = i - contextLines; aStart = bStart = aEnd = bEnd = start; }
          for (let k = start; k !== i; k++) common(diffs[k][1]);
        } else if (i === length) {
          const end = i - start > contextLines ? start + contextLines : i;
          for (let k = start; k !== end; k++) common(diffs[k][1]);
        } else if (i - start > context2) {
          const end = start + contextLines;
          for (let k = start; k !== end; k++) common(diffs[k][1]);
          lines[patchAt] = mark();
          patchAt = lines.length;
          ArrayPrototypePush(lines, '');
          const omitted = i - start - context2;
          aStart = aEnd + omitted; bStart = bEnd + omitted; aEnd = aStart; bEnd = bStart;
          for (let k = i - contextLines; k !== i; k++) common(diffs[k][1]);
        } else {
          for (let k = start; k !== i; k++) common(diffs[k][1]);
        }
      }
      while (i !== length && diffs[i][0] === DELETE) { push(diffs[i][1], '-'); aEnd++; i++; }
      while (i !== length && diffs[i][0] === INSERT) { push(diffs[i][1], '+'); bEnd++; i++; }
    }
    if (hasPatch) lines[patchAt] = mark();
    return ArrayPrototypeJoin(lines, '\n');
  };

  const printAnnotation = (aAnnotation, bAnnotation, aCount, bCount) => {
    const a = String(aCount), b = String(bCount);
    const labelDiff = bAnnotation.length - aAnnotation.length;
    const countDiff = b.length - a.length;
    const aRest = `${StringPrototypeRepeat(' ', MathMax(0, labelDiff))}  - ${StringPrototypeRepeat(' ', MathMax(0, countDiff))}${a}`;
    const bRest = `${StringPrototypeRepeat(' ', MathMax(0, -labelDiff))}  + ${StringPrototypeRepeat(' ', MathMax(0, -countDiff))}${b}`;
    return `- ${aAnnotation}${aRest}\n+ ${bAnnotation}${bRest}\n\n`;
  };
  const NO_DIFF_MESSAGE = 'Compared values have no visual difference.';

  /** Unified line diff of display lines, aligned on the compare lines (same counts), as diffLinesUnified2. */
  const diffLinesUnified = (aDisplay, bDisplay, aCompare, bCompare, aAnnotation, bAnnotation, placeholder = '') => {
    if (aDisplay.length === 1 && aDisplay[0] === '') aDisplay = aCompare = [];
    if (bDisplay.length === 1 && bDisplay[0] === '') bDisplay = bCompare = [];
    const ops = diffSequences(aCompare, bCompare);
    const diffs = [];
    let deletes = 0, inserts = 0;
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k][0], index = ops[k][1], other = ops[k][2];
      if (op === EQUAL) ArrayPrototypePush(diffs, [EQUAL, bDisplay[other]]);
      else if (op === DELETE) { deletes++; ArrayPrototypePush(diffs, [DELETE, aDisplay[index]]); }
      else { inserts++; ArrayPrototypePush(diffs, [INSERT, bDisplay[index]]); }
    }
    return printAnnotation(aAnnotation, bAnnotation, deletes, inserts) + joinNoExpand(diffs, placeholder);
  };

  const isLineDiffable = (expected, received) => {
    const expectedType = getType(expected);
    if (expectedType !== getType(received)) return false;
    if (isPrimitive(expected)) {
      return typeof expected === 'string' && typeof received === 'string' && expected.length > 0 && received.length > 0 &&
        (StringPrototypeIncludes(expected, '\n') || StringPrototypeIncludes(received, '\n'));
    }
    if (expectedType === 'date' || expectedType === 'function' || expectedType === 'regexp') return false;
    if (expected instanceof Error && received instanceof Error) return false;
    if (getType(received) === 'object' && isFunction(received.asymmetricMatch)) return false;
    return true;
  };

  /** Where expected holds an asymmetric matcher that matches, print the received side the same way. */
  const replaceMatched = (expected, received, seenA, seenB) => {
    const replaceable = (a, b) => {
      const type = getType(a);
      return type === getType(b) && (type === 'object' || type === 'array');
    };
    if (!replaceable(expected, received) || ArrayPrototypeIncludes(seenA, expected) || ArrayPrototypeIncludes(seenB, received)) {
      return [expected, received];
    }
    ArrayPrototypePush(seenA, expected);
    ArrayPrototypePush(seenB, received);
    const copy = (value) => {
      if (ArrayIsArray(value)) return ArrayPrototypeSlice(value);
      const result = ObjectCreate(ObjectGetPrototypeOf(value));
      const keys = keysOf(value);
      for (let i = 0; i < keys.length; i++) result[keys[i]] = value[keys[i]];
      return result;
    };
    const a = copy(expected), b = copy(received);
    const keys = ArrayIsArray(a) ? ObjectKeys(a) : keysOf(a);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const ea = a[key], rb = b[key];
      if (getType(ea) === 'object' && isFunction(ea.asymmetricMatch)) {
        if (ea.asymmetricMatch(rb)) b[key] = ea;
      } else if (getType(rb) === 'object' && isFunction(rb.asymmetricMatch)) {
        if (rb.asymmetricMatch(ea)) a[key] = rb;
      } else if (replaceable(ea, rb)) {
        const replaced = replaceMatched(ea, rb, seenA, seenB);
        a[key] = replaced[0];
        b[key] = replaced[1];
      }
    }
    return [a, b];
  };

  const escapeControlCharacters = (text) => replaceAll(text, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => {
    const code = StringPrototypeCharCodeAt(c, 0);
    return code === 8 ? '\\b' : code === 11 ? '\\v' : code === 12 ? '\\f' : code === 13 ? '\\r' : `\\x${code < 16 ? '0' : ''}${NumberPrototypeToString(code, 16)}`;
  });

  /** jest-diff `diff(a, b, { aAnnotation, bAnnotation, includeChangeCounts: true })`. */
  const diff = (a, b, aAnnotation = 'Expected', bAnnotation = 'Received') => {
    if (ObjectIs(a, b)) return NO_DIFF_MESSAGE;
    const aType = getType(a);
    let expectedType = aType;
    let omitDifference = false;
    if (aType === 'object' && isFunction(a.asymmetricMatch)) {
      if (a.$$typeof !== ASYMMETRIC || !isFunction(a.getExpectedType)) return null;
      expectedType = a.getExpectedType();
      omitDifference = expectedType === 'string';
    }
    if (expectedType !== getType(b)) {
      return `  Comparing two different types of values. Expected ${expectedType} but received ${getType(b)}.`;
    }
    if (omitDifference) return null;
    if (aType === 'string') {
      const aLines = SplitString(escapeControlCharacters(a), '\n'), bLines = SplitString(escapeControlCharacters(b), '\n');
      return diffLinesUnified(aLines, bLines, aLines, bLines, aAnnotation, bAnnotation);
    }
    if (aType === 'number' || aType === 'boolean') {
      const aText = prettyFormat(a, DIFF_FORMAT), bText = prettyFormat(b, DIFF_FORMAT);
      return aText === bText ? NO_DIFF_MESSAGE
        : diffLinesUnified([aText], [bText], [aText], [bText], aAnnotation, bAnnotation);
    }
    const sorted = (value, type) => {
      if (type !== 'map' && type !== 'set') return value;
      const items = ArrayPrototypeSort(listOf(value));
      const result = type === 'map' ? new Map() : new Set();
      for (let i = 0; i < items.length; i++) {
        if (type === 'map') MapPrototypeSet(result, items[i][0], items[i][1]);
        else SetPrototypeAdd(result, items[i]);
      }
      return result;
    };
    const left = sorted(a, aType), right = sorted(b, aType);
    let aCompare, bCompare;
    try {
      aCompare = prettyFormat(left, DIFF_COMPARE_FORMAT);
      bCompare = prettyFormat(right, DIFF_COMPARE_FORMAT);
    } catch {
      return NO_DIFF_MESSAGE;
    }
    if (aCompare === bCompare) return NO_DIFF_MESSAGE;
    return diffLinesUnified(SplitString(prettyFormat(left, DIFF_FORMAT), '\n'), SplitString(prettyFormat(right, DIFF_FORMAT), '\n'),
      SplitString(aCompare, '\n'), SplitString(bCompare, '\n'), aAnnotation, bAnnotation);
  };

  /** jest-matcher-utils printDiffOrStringify (no colours, so single-line string diffs print both values). */
  const printDiffOrStringify = (expected, received, expectedLabel, receivedLabel, expand) => {
    if (typeof expected === 'string' && typeof received === 'string' && expected.length > 0 && received.length > 0 &&
      expected.length <= 20000 && received.length <= 20000 && expected !== received) {
      if (StringPrototypeIncludes(expected, '\n') || StringPrototypeIncludes(received, '\n')) {
        const aLines = SplitString(expected, '\n'), bLines = SplitString(received, '\n');
        return diffLinesUnified(aLines, bLines, aLines, bLines, expectedLabel, receivedLabel, '\u21B5');
      }
      const printLabel = getLabelPrinter(expectedLabel, receivedLabel);
      return `${printLabel(expectedLabel)}${printExpected(expected)}\n${printLabel(receivedLabel)}${printReceived(received)}`;
    }
    if (isLineDiffable(expected, received)) {
      const replaced = replaceMatched(expected, received, [], []);
      const difference = diff(replaced[0], replaced[1], expectedLabel, receivedLabel);
      if (typeof difference === 'string' && StringPrototypeIncludes(difference, `- ${expectedLabel}`) &&
        StringPrototypeIncludes(difference, `+ ${receivedLabel}`)) {
        return difference;
      }
    }
    const printLabel = getLabelPrinter(expectedLabel, receivedLabel);
    return `${printLabel(expectedLabel)}${printExpected(expected)}\n${printLabel(receivedLabel)}` +
      (stringify(expected) === stringify(received) ? 'serializes to the same string' : printReceived(received));
  };

  // ---- @jest/expect-utils ---------------------------------------------------------------------------------
  const asymmetricMatch = (a, b) => {
    const asymmetricA = isAsymmetric(a), asymmetricB = isAsymmetric(b);
    if (asymmetricA && asymmetricB) return undefined;
    if (asymmetricA) return a.asymmetricMatch(b);
    if (asymmetricB) return b.asymmetricMatch(a);
    return undefined;
  };
  const isDomNode = (value) => value !== null && typeof value === 'object' && typeof value.nodeType === 'number' &&
    typeof value.nodeName === 'string' && isFunction(value.isEqualNode);

  function eq(a, b, aStack, bStack, testers, strict) {
    const asymmetric = asymmetricMatch(a, b);
    if (asymmetric !== undefined) return asymmetric;
    const context = { equals };
    for (let i = 0; i < testers.length; i++) {
      const result = FunctionPrototypeCall(testers[i], context, a, b, testers);
      if (result !== undefined) return result;
    }
    if (a instanceof Error && b instanceof Error) return a.message === b.message;
    if (ObjectIs(a, b)) return true;
    if (a === null || b === null) return false;
    const className = typeName(a);
    if (className !== typeName(b)) return false;
    switch (className) {
      case '[object Boolean]':
      case '[object String]':
      case '[object Number]':
        if (typeof a !== typeof b) return false;
        if (typeof a !== 'object' && typeof b !== 'object') return false;
        return ObjectIs(a.valueOf(), b.valueOf());
      case '[object Date]':
        return DatePrototypeGetTime(a) === DatePrototypeGetTime(b);
      case '[object RegExp]':
        return a.source === b.source && a.flags === b.flags;
      case '[object URL]':
        return a.href === b.href;
    }
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    if (isDomNode(a) && isDomNode(b)) return a.isEqualNode(b);
    let length = aStack.length;
    while (length--) {
      if (aStack[length] === a) return bStack[length] === b;
      if (bStack[length] === b) return false;
    }
    ArrayPrototypePush(aStack, a);
    ArrayPrototypePush(bStack, b);
    if (strict && className === '[object Array]' && a.length !== b.length) return false;
    const aKeys = keysOf(a), bKeys = keysOf(b);
    if (!strict) {
      const aOriginal = aKeys.length, bOriginal = bKeys.length;
      for (let i = 0; i < bOriginal; i++) {
        const key = bKeys[i];
        if ((isAsymmetric(b[key]) || b[key] === undefined) && !hasOwn(a, key)) ArrayPrototypePush(aKeys, key);
      }
      for (let i = 0; i < aOriginal; i++) {
        const key = aKeys[i];
        if ((isAsymmetric(a[key]) || a[key] === undefined) && !hasOwn(b, key)) ArrayPrototypePush(bKeys, key);
      }
    }
    let size = aKeys.length;
    if (bKeys.length !== size) return false;
    while (size--) {
      const key = aKeys[size];
      const result = strict ? hasOwn(b, key) && eq(a[key], b[key], aStack, bStack, testers, strict)
        : (hasOwn(b, key) || isAsymmetric(a[key]) || a[key] === undefined) && eq(a[key], b[key], aStack, bStack, testers, strict);
      if (!result) return false;
    }
    ArrayPrototypePop(aStack);
    ArrayPrototypePop(bStack);
    return true;
  }
  function equals(a, b, testers, strict) { return eq(a, b, [], [], testers || [], strict); }

  const isNativeFunction = (fn) => isFunction(fn) && StringPrototypeIncludes(FunctionPrototypeToString(fn), '[native code]');
  const hasIterator = (value) => !!(value != null && value[SymbolIterator]);

  function iterableEquality(a, b, testers = [], aStack = [], bStack = []) {
    if (typeof a !== 'object' || typeof b !== 'object' || ArrayIsArray(a) || ArrayIsArray(b) || ArrayBufferIsView(a) ||
      ArrayBufferIsView(b) || !hasIterator(a) || !hasIterator(b)) {
      return undefined;
    }
    if (a.constructor !== b.constructor) {
      if (a.constructor == null || b.constructor == null || a.constructor.name !== b.constructor.name ||
        !isNativeFunction(a.constructor) || !isNativeFunction(b.constructor)) {
        return false;
      }
    }
    let length = aStack.length;
    while (length--) if (aStack[length] === a) return bStack[length] === b;
    ArrayPrototypePush(aStack, a);
    ArrayPrototypePush(bStack, b);
    const withStack = (x, y) => iterableEquality(x, y, ArrayPrototypeSlice(filtered), ArrayPrototypeSlice(aStack), ArrayPrototypeSlice(bStack));
    const filtered = ArrayPrototypeFilter(testers, (t) => t !== iterableEquality);
    ArrayPrototypePush(filtered, withStack);
    if (a.size !== undefined) {
      if (a.size !== b.size) return false;
      if (isA('Set', a)) {
        for (const aValue of a) {
          if (!b.has(aValue)) {
            let found = false;
            for (const bValue of b) if (equals(aValue, bValue, filtered) === true) found = true;
            if (!found) return false;
          }
        }
        ArrayPrototypePop(aStack);
        ArrayPrototypePop(bStack);
        return true;
      }
      if (isA('Map', a)) {
        for (const aEntry of a) {
          if (!b.has(aEntry[0]) || !equals(aEntry[1], b.get(aEntry[0]), filtered)) {
            let found = false;
            for (const bEntry of b) {
              if (equals(aEntry[0], bEntry[0], filtered) === true && equals(aEntry[1], bEntry[1], filtered) === true) found = true;
            }
            if (!found) return false;
          }
        }
        ArrayPrototypePop(aStack);
        ArrayPrototypePop(bStack);
        return true;
      }
    }
    let aIterator, bIterator;
    try {
      aIterator = a[SymbolIterator]();
      bIterator = b[SymbolIterator]();
    } catch {
      return undefined;
    }
    for (let aStep = aIterator.next(); !aStep.done; aStep = aIterator.next()) {
      const bStep = bIterator.next();
      if (bStep.done || !equals(aStep.value, bStep.value, filtered)) return false;
    }
    if (!bIterator.next().done) return false;
    const entries = (object) => {
      const result = [];
      const symbols = ObjectGetOwnPropertySymbols(object);
      for (let i = 0; i < symbols.length; i++) if (symbols[i] !== SymbolIterator) ArrayPrototypePush(result, [symbols[i], object[symbols[i]]]);
      const keys = ObjectKeys(object);
      for (let i = 0; i < keys.length; i++) ArrayPrototypePush(result, [keys[i], object[keys[i]]]);
      return result;
    };
    if (!equals(entries(a), entries(b))) return false;
    ArrayPrototypePop(aStack);
    ArrayPrototypePop(bStack);
    return true;
  }

  const isObject = (value) => value !== null && typeof value === 'object';
  const isObjectWithKeys = (value) => isObject(value) && !(value instanceof Error) && !ArrayIsArray(value) &&
    !(value instanceof Date) && !(value instanceof Set) && !(value instanceof Map);
  const hasPropertyInObject = (object, key) => {
    if (!object || typeof object !== 'object' || object === ObjectGetPrototypeOf({})) return false;
    return hasOwn(object, key) || hasPropertyInObject(ObjectGetPrototypeOf(object), key);
  };

  function subsetEquality(object, subset, testers = []) {
    const filtered = ArrayPrototypeFilter(testers, (t) => t !== subsetEquality);
    const withContext = (seen = new WeakMap()) => (obj, sub) => {
      if (!isObjectWithKeys(sub)) return undefined;
      if (WeakMapPrototypeHas(seen, sub)) return undefined;
      WeakMapPrototypeSet(seen, sub, true);
      const result = ArrayPrototypeEvery(keysOf(sub), (key) => {
        if (isObjectWithKeys(sub[key]) && WeakMapPrototypeHas(seen, sub[key])) return equals(obj[key], sub[key], filtered);
        const matched = obj != null && hasPropertyInObject(obj, key) && equals(obj[key], sub[key], concat(filtered, [withContext(seen)]));
        if (isObject(sub[key])) WeakMapPrototypeDelete(seen, sub[key]);
        return matched;
      });
      WeakMapPrototypeDelete(seen, sub);
      return result;
    };
    return withContext()(object, subset);
  }

  const typeEquality = (a, b) => {
    if (a == null || b == null || a.constructor === b.constructor || (ArrayIsArray(a) && ArrayIsArray(b))) return undefined;
    if (a.constructor != null && b.constructor != null && a.constructor.name === b.constructor.name &&
      isNativeFunction(a.constructor) && isNativeFunction(b.constructor)) {
      return undefined;
    }
    return false;
  };
  const bytesOf = (value) => isA('ArrayBuffer', value) ? new runtime.primordials.Uint8Array(value)
    : new runtime.primordials.Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  const arrayBufferEquality = (a, b) => {
    if (!((isA('ArrayBuffer', a) && isA('ArrayBuffer', b)) || (ArrayBufferIsView(a) && ArrayBufferIsView(b)))) return undefined;
    if (ArrayBufferIsView(a) && typeName(a) !== typeName(b)) return false;
    const x = bytesOf(a), y = bytesOf(b);
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  };
  function sparseArrayEquality(a, b, testers = []) {
    if (!ArrayIsArray(a) || !ArrayIsArray(b)) return undefined;
    return equals(a, b, ArrayPrototypeFilter(testers, (t) => t !== sparseArrayEquality), true) && equals(ObjectKeys(a), ObjectKeys(b));
  }
  const strictTesters = [iterableEquality, typeEquality, sparseArrayEquality, arrayBufferEquality];

  const pathAsArray = (path) => {
    const properties = [];
    if (path === '') return [''];
    const pattern = /[^.[\]]+|(?=(?:\.)(?:\.|$))/g;
    if (path[0] === '.') ArrayPrototypePush(properties, '');
    replaceAll(path, pattern, (match) => { ArrayPrototypePush(properties, match); return match; });
    return properties;
  };
  const getPath = (object, path) => {
    if (!ArrayIsArray(path)) path = pathAsArray(path);
    if (path.length > 0) {
      const lastProp = path.length === 1;
      const prop = path[0];
      const next = object[prop];
      if (!lastProp && (next === null || next === undefined)) return { hasEndProp: false, lastTraversedObject: object, traversedPath: [] };
      const result = getPath(next, ArrayPrototypeSlice(path, 1));
      if (result.lastTraversedObject === null) result.lastTraversedObject = object;
      ArrayPrototypeUnshift(result.traversedPath, prop);
      if (lastProp) {
        result.endPropIsDefined = !isPrimitive(object) && prop in object;
        result.hasEndProp = next !== undefined || result.endPropIsDefined;
        if (!result.hasEndProp) ArrayPrototypeShift(result.traversedPath);
      }
      return result;
    }
    return { lastTraversedObject: null, traversedPath: [], value: object };
  };
  const getObjectSubset = (object, subset, testers = [], seen = new WeakMap()) => {
    if (ArrayIsArray(object)) {
      if (ArrayIsArray(subset) && subset.length === object.length) {
        return ArrayPrototypeMap(subset, (sub, i) => getObjectSubset(object[i], sub, testers));
      }
    } else if (object instanceof Date) {
      return object;
    } else if (isObject(object) && isObject(subset)) {
      if (equals(object, subset, concat(testers, [iterableEquality, subsetEquality]))) return subset;
      const trimmed = {};
      WeakMapPrototypeSet(seen, object, trimmed);
      const keys = keysOf(object);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (!hasPropertyInObject(subset, key)) continue;
        trimmed[key] = isObject(object[key]) && WeakMapPrototypeHas(seen, object[key]) ? WeakMapPrototypeGet(seen, object[key])
          : getObjectSubset(object[key], subset[key], testers, seen);
      }
      if (keysOf(trimmed).length > 0) return trimmed;
    }
    return object;
  };

  // ---- Asymmetric matchers ------------------------------------------------------------------------------
  const utils = ObjectFreeze({
    EXPECTED_COLOR, RECEIVED_COLOR, INVERTED_COLOR, DIM_COLOR, BOLD_WEIGHT, SUGGEST_TO_CONTAIN_EQUAL,
    stringify, printReceived, printExpected, printWithType, getLabelPrinter, matcherErrorMessage, matcherHint,
    ensureNoExpected, ensureNumbers, ensureExpectedIsNonNegativeInteger, ensureActualIsNumber: (a, n, o) => ensureNumbers(a, 0, n, o),
    ensureExpectedIsNumber: (e, n, o) => ensureNumbers(0, e, n, o), pluralize, diff: (a, b) =>
      (typeof a === typeof b && (typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean')) ? null : diff(a, b),
    printDiffOrStringify, highlightTrailingWhitespace: identity, iterableEquality, subsetEquality,
  });

  class AsymmetricMatcher {
    constructor(sample, inverse = false) {
      this.$$typeof = ASYMMETRIC;
      this.sample = sample;
      this.inverse = inverse;
    }
    getMatcherContext() { return { customTesters: [], equals, isNot: this.inverse, utils }; }
  }
  const fnNameFor = (fn) => {
    if (fn.name) return fn.name;
    const match = RegExpPrototypeExec(/^(?:async)?\s*function\s*\*?\s*([\w$]+)\s*\(/, FunctionPrototypeToString(fn));
    return match ? match[1] : '<anonymous>';
  };
  class Any extends AsymmetricMatcher {
    constructor(sample) {
      if (sample === undefined) {
        throw new TypeError('any() expects to be passed a constructor function. Please pass one or use anything() to match any object.');
      }
      super(sample);
    }
    asymmetricMatch(other) {
      const sample = this.sample;
      if (sample === String) return typeof other === 'string' || other instanceof String;
      if (sample === Number) return typeof other === 'number' || other instanceof Number;
      if (sample === FunctionConstructor) return typeof other === 'function' || other instanceof FunctionConstructor;
      if (sample === BooleanConstructor) return typeof other === 'boolean' || other instanceof BooleanConstructor;
      if (sample === BigInt) return typeof other === 'bigint' || other instanceof BigInt;
      if (sample === Symbol) return typeof other === 'symbol' || other instanceof Symbol;
      if (sample === Object) return typeof other === 'object';
      if (sample === Array) return ArrayIsArray(other);
      return other instanceof sample;
    }
    toString() { return 'Any'; }
    getExpectedType() {
      const sample = this.sample;
      if (sample === String) return 'string';
      if (sample === Number) return 'number';
      if (sample === FunctionConstructor) return 'function';
      if (sample === Object) return 'object';
      if (sample === BooleanConstructor) return 'boolean';
      if (sample === Array) return 'array';
      return fnNameFor(sample);
    }
    toAsymmetricMatcher() { return `Any<${fnNameFor(this.sample)}>`; }
  }
  class Anything extends AsymmetricMatcher {
    asymmetricMatch(other) { return other !== null && other !== undefined; }
    toString() { return 'Anything'; }
    toAsymmetricMatcher() { return 'Anything'; }
  }
  class ArrayContaining extends AsymmetricMatcher {
    asymmetricMatch(other) {
      if (!ArrayIsArray(this.sample)) throw new TypeError(`You must provide an array to ${this.toString()}, not '${typeof this.sample}'.`);
      const result = this.sample.length === 0 || (ArrayIsArray(other) &&
        ArrayPrototypeEvery(this.sample, (item) => ArrayPrototypeSome(other, (another) => equals(item, another, []))));
      return this.inverse ? !result : result;
    }
    toString() { return `Array${this.inverse ? 'Not' : ''}Containing`; }
    getExpectedType() { return 'array'; }
  }
  class ArrayOf extends AsymmetricMatcher {
    asymmetricMatch(other) {
      const result = ArrayIsArray(other) && ArrayPrototypeEvery(other, (item) => equals(this.sample, item, []));
      return this.inverse ? !result : result;
    }
    toString() { return `${this.inverse ? 'Not' : ''}ArrayOf`; }
    getExpectedType() { return 'array'; }
  }
  const hasProperty = (object, key) => {
    if (!object) return false;
    if (hasOwn(object, key)) return true;
    return hasProperty(ObjectGetPrototypeOf(object), key);
  };
  class ObjectContaining extends AsymmetricMatcher {
    asymmetricMatch(other) {
      if (typeof this.sample !== 'object') throw new TypeError(`You must provide an object to ${this.toString()}, not '${typeof this.sample}'.`);
      if (typeof other !== 'object' || ArrayIsArray(other)) return this.inverse ? true : false;
      let result = true;
      const keys = keysOf(this.sample);
      for (let i = 0; i < keys.length; i++) {
        if (!hasProperty(other, keys[i]) || !equals(this.sample[keys[i]], other[keys[i]], [])) { result = false; break; }
      }
      return this.inverse ? !result : result;
    }
    toString() { return `Object${this.inverse ? 'Not' : ''}Containing`; }
    getExpectedType() { return 'object'; }
  }
  class StringContaining extends AsymmetricMatcher {
    constructor(sample, inverse = false) {
      if (!isA('String', sample)) throw new Error('Expected is not a string');
      super(sample, inverse);
    }
    asymmetricMatch(other) {
      const result = isA('String', other) && StringPrototypeIncludes(`${other}`, this.sample);
      return this.inverse ? !result : result;
    }
    toString() { return `String${this.inverse ? 'Not' : ''}Containing`; }
    getExpectedType() { return 'string'; }
  }
  class StringMatching extends AsymmetricMatcher {
    constructor(sample, inverse = false) {
      if (!isA('String', sample) && !isA('RegExp', sample)) throw new Error('Expected is not a String or a RegExp');
      super(new RegExp(sample), inverse);
    }
    asymmetricMatch(other) {
      const result = isA('String', other) && RegExpTest(this.sample, `${other}`);
      return this.inverse ? !result : result;
    }
    toString() { return `String${this.inverse ? 'Not' : ''}Matching`; }
    getExpectedType() { return 'string'; }
  }
  class CloseTo extends AsymmetricMatcher {
    constructor(sample, precision = 2, inverse = false) {
      if (!isA('Number', sample)) throw new Error('Expected is not a Number');
      if (!isA('Number', precision)) throw new Error('Precision is not a Number');
      super(sample, inverse);
      this.precision = precision;
    }
    asymmetricMatch(other) {
      if (!isA('Number', other)) return false;
      let result;
      if (other === NumberPOSITIVE_INFINITY && this.sample === NumberPOSITIVE_INFINITY) result = true;
      else if (other === NumberNEGATIVE_INFINITY && this.sample === NumberNEGATIVE_INFINITY) result = true;
      else result = MathAbs(this.sample - other) < MathPow(10, -this.precision) / 2;
      return this.inverse ? !result : result;
    }
    toString() { return `Number${this.inverse ? 'Not' : ''}CloseTo`; }
    getExpectedType() { return 'number'; }
    toAsymmetricMatcher() {
      return `${this.toString()} ${this.sample} (${this.precision} ${this.precision === 1 ? 'digit' : 'digits'})`;
    }
  }
  const customAsymmetric = (matcherName, matcher) => {
    class CustomMatcher extends AsymmetricMatcher {
      asymmetricMatch(other) {
        const { pass } = FunctionPrototypeApply(matcher, this.getMatcherContext(), concat([other], this.sample));
        return this.inverse ? !pass : pass;
      }
      toString() { return `${this.inverse ? 'not.' : ''}${matcherName}`; }
      getExpectedType() { return 'any'; }
      toAsymmetricMatcher() { return `${this.toString()}<${ArrayPrototypeJoin(ArrayPrototypeMap(this.sample, (s) => String(s)), ', ')}>`; }
    }
    return { positive: (...sample) => new CustomMatcher(sample, false), inverse: (...sample) => new CustomMatcher(sample, true) };
  };

  // ---- jest's matchers (expectLibrary.ts) ---------------------------------------------------------------------
  const printSubstring = (text) => replaceAll(text, /"|\\/g, '\\$&');
  const printReceivedStringContainExpectedSubstring = (received, start, length) =>
    `"${printSubstring(StringPrototypeSlice(received, 0, start))}${printSubstring(StringPrototypeSlice(received, start, start + length))}` +
    `${printSubstring(StringPrototypeSlice(received, start + length))}"`;
  const printReceivedStringContainExpectedResult = (received, result) =>
    result === null ? printReceived(received) : printReceivedStringContainExpectedSubstring(received, result.index, result[0].length);
  const printReceivedArrayContainExpectedItem = (received, index) =>
    `[${ArrayPrototypeJoin(ArrayPrototypeMap(received, (item) => stringify(item)), ', ')}]`;
  const printCloseTo = (receivedDiff, expectedDiff, precision, isNot) => {
    const receivedDiffString = stringify(receivedDiff);
    const expectedDiffString = StringPrototypeIncludes(receivedDiffString, 'e') ? NumberPrototypeToExponential(expectedDiff, 0)
      : precision >= 0 && precision < 20 ? NumberPrototypeToFixed(expectedDiff, precision + 1) : stringify(expectedDiff);
    return `Expected precision:  ${isNot ? '    ' : ''}  ${stringify(precision)}\n` +
      `Expected difference: ${isNot ? 'not ' : ''}< ${expectedDiffString}\n` +
      `Received difference: ${isNot ? '    ' : ''}  ${receivedDiffString}`;
  };
  const printConstructorName = (label, constructor, isNot, isExpected) => typeof constructor.name === 'string'
    ? constructor.name.length === 0 ? `${label} name is an empty string`
      : `${label}: ${isNot ? (isExpected ? 'not ' : '    ') : ''}${constructor.name}`
    : `${label} name is not a string`;
  const printReceivedConstructorNameNot = (label, received, expected) =>
    typeof expected.name === 'string' && expected.name.length > 0 && typeof received.name === 'string' && received.name.length > 0
      ? `${printConstructorName(label, received, true, false)} ${ObjectGetPrototypeOf(received) === expected ? 'extends' : 'extends … extends'} ${expected.name}\n`
      : `${printConstructorName(label, received, false, false)}\n`;
  const hintOptions = (context, extra) => ({ isNot: context.isNot, promise: context.promise, ...extra });
  const typeError = (hint, generic, specific) => new TypeError(matcherErrorMessage(hint, generic, specific));
  const plainError = (hint, generic, specific) => new Error(matcherErrorMessage(hint, generic, specific));
  const simpleReceived = (name, test) => function (received, expected) {
    const options = hintOptions(this);
    ensureNoExpected(expected, name, options);
    return { pass: test(received), message: () => `${matcherHint(name, undefined, '', options)}\n\nReceived: ${printReceived(received)}` };
  };
  const comparison = (name, symbol, test) => function (received, expected) {
    const isNot = this.isNot;
    const options = hintOptions(this);
    ensureNumbers(received, expected, name, options);
    const pad = StringPrototypeRepeat(' ', symbol.length + 1);
    return {
      pass: test(received, expected),
      message: () => `${matcherHint(name, undefined, undefined, options)}\n\n` +
        `Expected:${isNot ? ' not' : ''} ${symbol} ${printExpected(expected)}\n` +
        `Received:${isNot ? '    ' : ''} ${pad}${printReceived(received)}`,
    };
  };

  const matchers = {
    toBe(received, expected) {
      const options = hintOptions(this, { comment: 'Object.is equality' });
      const pass = ObjectIs(received, expected);
      const message = pass
        ? () => `${matcherHint('toBe', undefined, undefined, options)}\n\nExpected: not ${printExpected(expected)}`
        : () => {
          const expectedType = getType(expected);
          let deepEqualityName = null;
          if (expectedType !== 'map' && expectedType !== 'set') {
            if (equals(received, expected, strictTesters, true)) deepEqualityName = 'toStrictEqual';
            else if (equals(received, expected, [iterableEquality])) deepEqualityName = 'toEqual';
          }
          return `${matcherHint('toBe', undefined, undefined, options)}\n\n` +
            (deepEqualityName === null ? '' : `If it should pass with deep equality, replace "toBe" with "${deepEqualityName}"\n\n`) +
            printDiffOrStringify(expected, received, 'Expected', 'Received', false);
        };
      return { actual: received, expected, message, name: 'toBe', pass };
    },
    toBeCloseTo(received, expected, precision = 2) {
      const isNot = this.isNot;
      const options = hintOptions(this, { secondArgument: arguments.length === 3 ? 'precision' : undefined });
      const hint = matcherHint('toBeCloseTo', undefined, undefined, options);
      if (typeof expected !== 'number') throw typeError(hint, 'expected value must be a number', printWithType('Expected', expected, printExpected));
      if (typeof received !== 'number') throw typeError(hint, 'received value must be a number', printWithType('Received', received, printReceived));
      let pass = false, expectedDiff = 0, receivedDiff = 0;
      if (received === NumberPOSITIVE_INFINITY && expected === NumberPOSITIVE_INFINITY) pass = true;
      else if (received === NumberNEGATIVE_INFINITY && expected === NumberNEGATIVE_INFINITY) pass = true;
      else {
        expectedDiff = MathPow(10, -precision) / 2;
        receivedDiff = MathAbs(expected - received);
        pass = receivedDiff < expectedDiff;
      }
      const message = pass
        ? () => `${hint}\n\nExpected: not ${printExpected(expected)}\n` +
          (receivedDiff === 0 ? '' : `Received:     ${printReceived(received)}\n\n${printCloseTo(receivedDiff, expectedDiff, precision, isNot)}`)
        : () => `${hint}\n\nExpected: ${printExpected(expected)}\nReceived: ${printReceived(received)}\n\n` +
          printCloseTo(receivedDiff, expectedDiff, precision, isNot);
      return { message, pass };
    },
    toBeDefined: simpleReceived('toBeDefined', (v) => v !== undefined),
    toBeFalsy: simpleReceived('toBeFalsy', (v) => !v),
    toBeGreaterThan: comparison('toBeGreaterThan', '>', (a, b) => a > b),
    toBeGreaterThanOrEqual: comparison('toBeGreaterThanOrEqual', '>=', (a, b) => a >= b),
    toBeInstanceOf(received, expected) {
      const options = hintOptions(this);
      const hint = matcherHint('toBeInstanceOf', undefined, undefined, options);
      if (!isFunction(expected)) throw typeError(hint, 'expected value must be a function', printWithType('Expected', expected, printExpected));
      const pass = received instanceof expected;
      const message = pass
        ? () => `${hint}\n\n${printConstructorName('Expected constructor', expected, true, true)}\n` +
          (isFunction(received.constructor) && received.constructor !== expected
            ? printReceivedConstructorNameNot('Received constructor', received.constructor, expected) : '')
        : () => `${hint}\n\n${printConstructorName('Expected constructor', expected, false, true)}\n` +
          (isPrimitive(received) || ObjectGetPrototypeOf(received) === null
            ? `\nReceived value has no prototype\nReceived value: ${printReceived(received)}`
            : isFunction(received.constructor) ? `${printConstructorName('Received constructor', received.constructor, false, false)}\n`
              : `\nReceived value: ${printReceived(received)}`);
      return { message, pass };
    },
    toBeLessThan: comparison('toBeLessThan', '<', (a, b) => a < b),
    toBeLessThanOrEqual: comparison('toBeLessThanOrEqual', '<=', (a, b) => a <= b),
    toBeNaN: simpleReceived('toBeNaN', (v) => NumberIsNaN(v)),
    toBeNull: simpleReceived('toBeNull', (v) => v === null),
    toBeTruthy: simpleReceived('toBeTruthy', (v) => !!v),
    toBeUndefined: simpleReceived('toBeUndefined', (v) => v === undefined),
    toContain(received, expected) {
      const isNot = this.isNot;
      const options = hintOptions(this, { comment: 'indexOf' });
      if (received === null || received === undefined) {
        throw plainError(matcherHint('toContain', undefined, undefined, options), 'received value must not be null nor undefined',
          printWithType('Received', received, printReceived));
      }
      if (typeof received === 'string') {
        if (typeof expected !== 'string') {
          throw typeError(matcherHint('toContain', received, String(expected), options),
            'expected value must be a string if received value is a string',
            `${printWithType('Expected', expected, printExpected)}\n${printWithType('Received', received, printReceived)}`);
        }
        const index = StringPrototypeIndexOf(received, expected);
        const message = () => {
          const printLabel = getLabelPrinter('Expected substring', 'Received string');
          return `${matcherHint('toContain', undefined, undefined, options)}\n\n` +
            `${printLabel('Expected substring')}${isNot ? 'not ' : ''}${printExpected(expected)}\n` +
            `${printLabel('Received string')}${isNot ? '    ' : ''}` +
            (isNot ? printReceivedStringContainExpectedSubstring(received, index, expected.length) : printReceived(received));
        };
        return { message, pass: index !== -1 };
      }
      const indexable = listOf(received);
      const index = ArrayPrototypeIndexOf(indexable, expected);
      const message = () => {
        const labelReceived = `Received ${getType(received)}`;
        const printLabel = getLabelPrinter('Expected value', labelReceived);
        return `${matcherHint('toContain', undefined, undefined, options)}\n\n` +
          `${printLabel('Expected value')}${isNot ? 'not ' : ''}${printExpected(expected)}\n` +
          `${printLabel(labelReceived)}${isNot ? '    ' : ''}` +
          (isNot && ArrayIsArray(received) ? printReceivedArrayContainExpectedItem(received, index) : printReceived(received)) +
          (!isNot && ArrayPrototypeSome(indexable, (item) => equals(item, expected, [iterableEquality])) ? `\n\n${SUGGEST_TO_CONTAIN_EQUAL}` : '');
      };
      return { message, pass: index !== -1 };
    },
    toContainEqual(received, expected) {
      const isNot = this.isNot;
      const options = hintOptions(this, { comment: 'deep equality' });
      if (received === null || received === undefined) {
        throw plainError(matcherHint('toContainEqual', undefined, undefined, options), 'received value must not be null nor undefined',
          printWithType('Received', received, printReceived));
      }
      const list = listOf(received);
      let index = -1;
      for (let i = 0; i < list.length; i++) if (equals(list[i], expected, [iterableEquality])) { index = i; break; }
      const message = () => {
        const labelReceived = `Received ${getType(received)}`;
        const printLabel = getLabelPrinter('Expected value', labelReceived);
        return `${matcherHint('toContainEqual', undefined, undefined, options)}\n\n` +
          `${printLabel('Expected value')}${isNot ? 'not ' : ''}${printExpected(expected)}\n` +
          `${printLabel(labelReceived)}${isNot ? '    ' : ''}` +
          (isNot && ArrayIsArray(received) ? printReceivedArrayContainExpectedItem(received, index) : printReceived(received));
      };
      return { message, pass: index !== -1 };
    },
    toEqual(received, expected) {
      const options = hintOptions(this, { comment: 'deep equality' });
      const pass = equals(received, expected, [iterableEquality]);
      const message = pass
        ? () => `${matcherHint('toEqual', undefined, undefined, options)}\n\nExpected: not ${printExpected(expected)}\n` +
          (stringify(expected) === stringify(received) ? '' : `Received:     ${printReceived(received)}`)
        : () => `${matcherHint('toEqual', undefined, undefined, options)}\n\n` +
          printDiffOrStringify(expected, received, 'Expected', 'Received', false);
      return { actual: received, expected, message, name: 'toEqual', pass };
    },
    toHaveLength(received, expected) {
      const isNot = this.isNot;
      const options = hintOptions(this);
      if (received === null || received === undefined || typeof received.length !== 'number') {
        throw typeError(matcherHint('toHaveLength', undefined, undefined, options),
          'received value must have a length property whose value must be a number', printWithType('Received', received, printReceived));
      }
      ensureExpectedIsNonNegativeInteger(expected, 'toHaveLength', options);
      const message = () => {
        const labelReceivedValue = `Received ${getType(received)}`;
        const printLabel = getLabelPrinter('Expected length', 'Received length', labelReceivedValue);
        return `${matcherHint('toHaveLength', undefined, undefined, options)}\n\n` +
          `${printLabel('Expected length')}${isNot ? 'not ' : ''}${printExpected(expected)}\n` +
          (isNot ? '' : `${printLabel('Received length')}${printReceived(received.length)}\n`) +
          `${printLabel(labelReceivedValue)}${isNot ? '    ' : ''}${printReceived(received)}`;
      };
      return { message, pass: received.length === expected };
    },
    toHaveProperty(received, expectedPath, expectedValue) {
      const hasValue = arguments.length === 3;
      const options = hintOptions(this, { secondArgument: hasValue ? 'value' : '' });
      const hint = matcherHint('toHaveProperty', undefined, 'path', options);
      if (received === null || received === undefined) {
        throw plainError(hint, 'received value must not be null nor undefined', printWithType('Received', received, printReceived));
      }
      const pathType = getType(expectedPath);
      if (pathType !== 'string' && pathType !== 'array') {
        throw plainError(hint, 'expected path must be a string or array', printWithType('Expected', expectedPath, printExpected));
      }
      const pathLength = typeof expectedPath === 'string' ? pathAsArray(expectedPath).length : expectedPath.length;
      if (pathType === 'array' && pathLength === 0) {
        throw plainError(hint, 'expected path must not be an empty array', printWithType('Expected', expectedPath, printExpected));
      }
      const result = getPath(received, expectedPath);
      const { lastTraversedObject, endPropIsDefined, hasEndProp, value } = result;
      const receivedPath = result.traversedPath;
      const hasCompletePath = receivedPath.length === pathLength;
      const receivedValue = hasCompletePath ? result.value : lastTraversedObject;
      const pass = hasValue && endPropIsDefined ? equals(value, expectedValue, [iterableEquality]) : !!hasEndProp;
      const message = pass
        ? () => `${hint}\n\n` + (hasValue
          ? `Expected path: ${printExpected(expectedPath)}\n\nExpected value: not ${printExpected(expectedValue)}` +
            (stringify(expectedValue) === stringify(receivedValue) ? '' : `\nReceived value:     ${printReceived(receivedValue)}`)
          : `Expected path: not ${printExpected(expectedPath)}\n\nReceived value: ${printReceived(receivedValue)}`)
        : () => `${hint}\n\nExpected path: ${printExpected(expectedPath)}\n` + (hasCompletePath
          ? `\n${printDiffOrStringify(expectedValue, receivedValue, 'Expected value', 'Received value', false)}`
          : `Received path: ${printReceived(pathType === 'array' || receivedPath.length === 0 ? receivedPath : ArrayPrototypeJoin(receivedPath, '.'))}\n\n` +
            `${hasValue ? `Expected value: ${printExpected(expectedValue)}\n` : ''}Received value: ${printReceived(receivedValue)}`);
      return { message, pass };
    },
    toMatch(received, expected) {
      const options = hintOptions(this);
      const hint = matcherHint('toMatch', undefined, undefined, options);
      if (typeof received !== 'string') throw typeError(hint, 'received value must be a string', printWithType('Received', received, printReceived));
      if (typeof expected !== 'string' && !(expected && isFunction(expected.test))) {
        throw plainError(hint, 'expected value must be a string or regular expression', printWithType('Expected', expected, printExpected));
      }
      const pass = typeof expected === 'string' ? StringPrototypeIncludes(received, expected) : RegExpTest(new RegExp(expected), received);
      const message = pass
        ? () => typeof expected === 'string'
          ? `${hint}\n\nExpected substring: not ${printExpected(expected)}\n` +
            `Received string:        ${printReceivedStringContainExpectedSubstring(received, StringPrototypeIndexOf(received, expected), expected.length)}`
          : `${hint}\n\nExpected pattern: not ${printExpected(expected)}\n` +
            `Received string:      ${printReceivedStringContainExpectedResult(received, isFunction(expected.exec) ? RegExpPrototypeExec(expected, received) : null)}`
        : () => {
          const labelExpected = `Expected ${typeof expected === 'string' ? 'substring' : 'pattern'}`;
          const printLabel = getLabelPrinter(labelExpected, 'Received string');
          return `${hint}\n\n${printLabel(labelExpected)}${printExpected(expected)}\n${printLabel('Received string')}${printReceived(received)}`;
        };
      return { message, pass };
    },
    toMatchObject(received, expected) {
      const options = hintOptions(this);
      const hint = matcherHint('toMatchObject', undefined, undefined, options);
      if (typeof received !== 'object' || received === null) {
        throw plainError(hint, 'received value must be a non-null object', printWithType('Received', received, printReceived));
      }
      if (typeof expected !== 'object' || expected === null) {
        throw plainError(hint, 'expected value must be a non-null object', printWithType('Expected', expected, printExpected));
      }
      const pass = equals(received, expected, [iterableEquality, subsetEquality]);
      const message = pass
        ? () => `${hint}\n\nExpected: not ${printExpected(expected)}` +
          (stringify(expected) === stringify(received) ? '' : `\nReceived:     ${printReceived(received)}`)
        : () => `${hint}\n\n${printDiffOrStringify(expected, getObjectSubset(received, expected), 'Expected', 'Received', false)}`;
      return { message, pass };
    },
    toStrictEqual(received, expected) {
      const options = hintOptions(this, { comment: 'deep equality' });
      const pass = equals(received, expected, strictTesters, true);
      const message = pass
        ? () => `${matcherHint('toStrictEqual', undefined, undefined, options)}\n\nExpected: not ${printExpected(expected)}\n` +
          (stringify(expected) === stringify(received) ? '' : `Received:     ${printReceived(received)}`)
        : () => `${matcherHint('toStrictEqual', undefined, undefined, options)}\n\n` +
          printDiffOrStringify(expected, received, 'Expected', 'Received', false);
      return { actual: received, expected, message, name: 'toStrictEqual', pass };
    },
  };

  // ---- toThrow ------------------------------------------------------------------------------------------
  const DID_NOT_THROW = 'Received function did not throw';
  const getThrown = (e) => {
    const hasMessage = e !== null && e !== undefined && typeof e.message === 'string';
    if (hasMessage && typeof e.name === 'string' && typeof e.stack === 'string') return { hasMessage, isError: true, message: e.message, value: e };
    return { hasMessage, isError: false, message: hasMessage ? e.message : String(e), value: e };
  };
  const formatExpected = (label, expected) => `${label}${printExpected(expected)}\n`;
  const formatReceived = (label, thrown, key, expected) => {
    if (thrown === null) return '';
    if (key === 'message') {
      const message = thrown.message;
      if (typeof expected === 'string') {
        const index = StringPrototypeIndexOf(message, expected);
        if (index !== -1) return `${label}${printReceivedStringContainExpectedSubstring(message, index, expected.length)}\n`;
      } else if (isA('RegExp', expected)) {
        return `${label}${printReceivedStringContainExpectedResult(message, RegExpPrototypeExec(expected, message))}\n`;
      }
      return `${label}${printReceived(message)}\n`;
    }
    if (key === 'name') return thrown.isError ? `${label}${printReceived(thrown.value.name)}\n` : '';
    if (key === 'value') return thrown.isError ? '' : `${label}${printReceived(thrown.value)}\n`;
    return '';
  };
  /** jest-message-util formatStackTrace without code frames: the stack's "at" lines, indented six spaces. */
  const formatStack = (thrown) => {
    if (thrown === null || !thrown.isError) return '';
    const lines = SplitString(thrown.value.stack, '\n');
    const frames = [];
    for (let i = 0; i < lines.length; i++) {
      const line = replaceAll(lines[i], /^\s+/, '');
      if (StringPrototypeStartsWith(line, 'at ') && !StringPrototypeIncludes(line, 'node:internal')) ArrayPrototypePush(frames, `      ${line}`);
    }
    return `\n${ArrayPrototypeJoin(frames, '\n')}`;
  };
  const serializeError = (error) => {
    if (!isObject(error)) return error;
    const result = {};
    const names = ArrayPrototypeSort(ObjectGetOwnPropertyNames(error));
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name === 'stack' || name === 'fileName' || name === 'lineNumber') continue;
      result[name] = name === 'cause' ? serializeError(error.cause) : error[name];
    }
    return result;
  };
  const messageAndCauseOf = (error) => {
    if (!error.cause) return error.message;
    const seen = new WeakMap();
    return JSONStringify(serializeError(error), (_, value) => {
      if (isObject(value)) {
        if (WeakMapPrototypeHas(seen, value)) return undefined;
        WeakMapPrototypeSet(seen, value, true);
      }
      if (typeof value === 'bigint' || value === undefined) return String(value);
      return value;
    });
  };
  const messageAndCause = (error) => error.cause === undefined ? 'message' : 'message and cause';

  const createThrowMatcher = (matcherName, fromPromise = false) => function (received, expected) {
    const options = { isNot: this.isNot, promise: this.promise };
    const hint = (expectedText) => matcherHint(matcherName, undefined, expectedText, options);
    let thrown = null;
    if (fromPromise && (received instanceof Error || isA('Error', received))) thrown = getThrown(received);
    else if (isFunction(received)) {
      try { received(); } catch (error) { thrown = getThrown(error); }
    } else if (!fromPromise) {
      throw plainError(hint(expected === undefined ? '' : 'expected'), 'received value must be a function', printWithType('Received', received, printReceived));
    }
    if (expected === undefined) {
      const pass = thrown !== null;
      return {
        pass,
        message: pass
          ? () => `${hint('')}\n\n` + (thrown.hasMessage
            ? formatReceived('Error name:    ', thrown, 'name') + formatReceived('Error message: ', thrown, 'message') + formatStack(thrown)
            : formatReceived('Thrown value: ', thrown, 'value'))
          : () => `${hint('')}\n\n${DID_NOT_THROW}`,
      };
    }
    if (isFunction(expected)) {
      const pass = thrown !== null && thrown.value instanceof expected;
      return {
        pass,
        message: pass
          ? () => `${hint()}\n\n${printConstructorName('Expected constructor', expected, true, true)}\n` +
            (thrown.value !== null && thrown.value !== undefined && isFunction(thrown.value.constructor) && thrown.value.constructor !== expected
              ? printReceivedConstructorNameNot('Received constructor', thrown.value.constructor, expected) : '') + '\n' +
            (thrown.hasMessage ? formatReceived('Received message: ', thrown, 'message') + formatStack(thrown)
              : formatReceived('Received value: ', thrown, 'value'))
          : () => `${hint()}\n\n${printConstructorName('Expected constructor', expected, false, true)}\n` +
            (thrown === null ? `\n${DID_NOT_THROW}`
              : (thrown.value !== null && thrown.value !== undefined && isFunction(thrown.value.constructor)
                ? `${printConstructorName('Received constructor', thrown.value.constructor, false, false)}\n` : '') +
                `\n${thrown.hasMessage ? formatReceived('Received message: ', thrown, 'message') + formatStack(thrown)
                  : formatReceived('Received value: ', thrown, 'value')}`),
      };
    }
    if (typeof expected === 'string') {
      const pass = thrown !== null && StringPrototypeIncludes(thrown.message, expected);
      return {
        pass,
        message: pass
          ? () => `${hint()}\n\n${formatExpected('Expected substring: not ', expected)}` +
            (thrown.hasMessage ? formatReceived('Received message:       ', thrown, 'message', expected) + formatStack(thrown)
              : formatReceived('Received value:         ', thrown, 'value'))
          : () => `${hint()}\n\n${formatExpected('Expected substring: ', expected)}` +
            (thrown === null ? `\n${DID_NOT_THROW}` : thrown.hasMessage
              ? formatReceived('Received message:   ', thrown, 'message') + formatStack(thrown)
              : formatReceived('Received value:     ', thrown, 'value')),
      };
    }
    if (expected !== null && isFunction(expected.test)) {
      const pass = thrown !== null && RegExpTest(expected, thrown.message);
      return {
        pass,
        message: pass
          ? () => `${hint()}\n\n${formatExpected('Expected pattern: not ', expected)}` +
            (thrown.hasMessage ? formatReceived('Received message:     ', thrown, 'message', expected) + formatStack(thrown)
              : formatReceived('Received value:       ', thrown, 'value'))
          : () => `${hint()}\n\n${formatExpected('Expected pattern: ', expected)}` +
            (thrown === null ? `\n${DID_NOT_THROW}` : thrown.hasMessage
              ? formatReceived('Received message: ', thrown, 'message') + formatStack(thrown)
              : formatReceived('Received value:   ', thrown, 'value')),
      };
    }
    if (expected !== null && isFunction(expected.asymmetricMatch)) {
      const pass = thrown !== null && expected.asymmetricMatch(thrown.value);
      const received = () => thrown === null ? DID_NOT_THROW : thrown.hasMessage
        ? formatReceived('Received name:    ', thrown, 'name') + formatReceived('Received message: ', thrown, 'message') + formatStack(thrown)
        : formatReceived('Thrown value: ', thrown, 'value');
      return {
        pass,
        message: () => `${hint()}\n\n${formatExpected(`Expected asymmetric matcher: ${pass ? 'not ' : ''}`, expected)}\n${received()}`,
      };
    }
    if (expected !== null && typeof expected === 'object') {
      const expectedMessage = messageAndCauseOf(expected);
      const thrownMessage = thrown === null ? null : messageAndCauseOf(thrown.value);
      const compareInstance = thrown !== null && thrown.isError && expected instanceof Error;
      const customInstance = expected.constructor.name !== 'Error';
      const pass = thrown !== null && thrown.message === expected.message && thrownMessage === expectedMessage &&
        (!compareInstance || !customInstance || thrown.value instanceof expected.constructor);
      return {
        pass,
        message: pass
          ? () => `${hint()}\n\n${formatExpected(`Expected ${messageAndCause(expected)}: not `, expectedMessage)}` +
            (thrown.hasMessage ? formatStack(thrown) : formatReceived('Received value:       ', thrown, 'value'))
          : () => `${hint()}\n\n` + (thrown === null
            ? `${formatExpected(`Expected ${messageAndCause(expected)}: `, expectedMessage)}\n${DID_NOT_THROW}`
            : thrown.hasMessage
              ? `${printDiffOrStringify(expectedMessage, thrownMessage, `Expected ${messageAndCause(expected)}`, `Received ${messageAndCause(thrown.value)}`, true)}\n${formatStack(thrown)}`
              : formatExpected(`Expected ${messageAndCause(expected)}: `, expectedMessage) + formatReceived('Received value:   ', thrown, 'value')),
      };
    }
    throw plainError(hint(), 'expected value must be a string or regular expression or class or error', printWithType('Expected', expected, printExpected));
  };

  /**
   * playwright-core server/callLog.ts: runs of repeated line sequences become "N × line", every
   * line is indented two spaces (plus its own indentation) and bulleted "- ".
   */
  const compressCallLog = (log) => {
    const lines = [];
    const n = log.length;
    const sameRun = (from, other, length) => {
      for (let k = 0; k < length; k++) if (log[from + k] !== log[other + k]) return false;
      return true;
    };
    let i = 0;
    while (i < n) {
      let bestCount = 1, bestLength = 1;
      for (let length = 1; length <= n - i; length++) {
        let count = 1;
        while (i + length * (count + 1) <= n && sameRun(i, i + length * count, length)) count++;
        if (count > 1 && count * length > bestCount * bestLength) { bestCount = count; bestLength = length; }
      }
      for (let k = 0; k < bestLength; k++) {
        const line = log[i + k];
        const indentation = RegExpPrototypeExec(/^\s*/, line)[0];
        const trimmed = StringPrototypeTrim(line);
        const countPrefix = `${bestCount} × `;
        if (bestCount > 1 && k === 0) ArrayPrototypePush(lines, `  ${indentation}${countPrefix}${trimmed}`);
        else if (bestCount > 1) ArrayPrototypePush(lines, `  ${indentation}${StringPrototypeRepeat(' ', countPrefix.length - 2)}- ${trimmed}`);
        else ArrayPrototypePush(lines, `  ${indentation}- ${trimmed}`);
      }
      i += bestLength * bestCount;
    }
    return lines;
  };

  // ---- Playwright's web-first matchers ---------------------------------------------------------------------
  const API_NAMES = { locator: 'Locator', page: 'Page', response: 'APIResponse' };

  const makeExpect = (adapter) => {
    const softErrors = [];
    let clock = 0;
    const now = () => (isFunction(adapter.now) ? adapter.now() : clock);
    const pause = async (ms) => { clock += ms; await adapter.pause(ms); };

    /** matcherHint.ts expectTypes. */
    const expectTypes = (receiver, types, matcherName) => {
      const kind = adapter.kindOf(receiver);
      if (typeof receiver !== 'object' || !ArrayPrototypeIncludes(types, API_NAMES[kind])) {
        const receiverString = typeof receiver === 'object' && receiver !== null
          ? `${receiver.constructor ? receiver.constructor.name : 'Object'} ${inspect(receiver)}` : String(receiver);
        const names = ArrayPrototypeSlice(types);
        const last = ArrayPrototypePop(names);
        const typesString = names.length ? `${ArrayPrototypeJoin(names, ', ')} or ${last}` : last;
        throw new Error(`${matcherName} can be only used with ${typesString} object${types.length > 1 ? 's' : ''}, was called with ${receiverString}`);
      }
    };
    /** matcherHint.ts callLogText over the server's compressCallLog (the adapter gives raw log lines). */
    const callLogText = (log) => {
      if (!log || !ArrayPrototypeSome(log, (line) => !!line)) return '';
      return `\nCall log:\n${ArrayPrototypeJoin(compressCallLog(log), '\n')}\n`;
    };
    /** matcherHint.ts formatMatcherMessage. */
    const formatMatcherMessage = (details) => {
      const receiver = details.receiver ?? (details.locator ? 'locator' : 'page');
      let message = `expect(${receiver})${details.promise ? `.${details.promise}` : ''}${details.isNot ? '.not' : ''}.` +
        `${details.matcherName}(${details.expectation}) failed\n\n`;
      let { printedExpected, printedReceived, printedDiff } = details;
      const diffLines = printedDiff === undefined ? undefined : SplitString(printedDiff, '\n');
      if (diffLines && diffLines.length === 2) {
        printedExpected = diffLines[0];
        printedReceived = diffLines[1];
        printedDiff = undefined;
      }
      const align = !details.errorMessage && printedExpected !== undefined && StringPrototypeStartsWith(printedExpected, 'Expected:') &&
        (!printedReceived || StringPrototypeStartsWith(printedReceived, 'Received:'));
      if (details.locator) message += `Locator: ${align ? ' ' : ''}${details.locator}\n`;
      if (printedExpected) message += `${printedExpected}\n`;
      if (printedReceived) message += `${printedReceived}\n`;
      if (details.timedOut && details.timeout) message += `Timeout: ${align ? ' ' : ''}${details.timeout}ms\n`;
      if (printedDiff) message += `${printedDiff}\n`;
      if (details.errorMessage) {
        message += details.errorMessage;
        if (!StringPrototypeEndsWith(details.errorMessage, '\n')) message += '\n';
      }
      return message + callLogText(details.log);
    };
    const query = (target, expression, params) => async (isNot, timeout, customMessage = '') => {
      const result = await adapter.expect(target, expression, customMessage ? { ...params, isNot, timeout, customMessage } : { ...params, isNot, timeout });
      return { matches: !!result.matches, received: result.received, log: result.log, timedOut: result.timedOut, errorMessage: result.errorMessage };
    };
    const describe = (locator) => adapter.describe(locator);

    /** toBeTruthy.ts. */
    async function truthy(context, matcherName, locator, expected, arg, run, options = {}) {
      expectTypes(locator, ['Locator'], matcherName);
      const timeout = options.timeout ?? context.timeout;
      const { matches: pass, log, timedOut, received, errorMessage } = await run(!!context.isNot, timeout, context[CUSTOM_MESSAGE]);
      if (pass === !context.isNot) return { name: matcherName, message: () => '', pass, expected };
      const printedExpected = pass ? `Expected: not ${expected}` : `Expected: ${expected}`;
      const printedReceived = errorMessage ? '' : pass ? `Received: ${expected}` : `Received: ${received}`;
      const message = () => formatMatcherMessage({
        isNot: context.isNot, promise: context.promise, matcherName, expectation: arg, locator: describe(locator),
        timeout, timedOut, printedExpected, printedReceived, errorMessage, log,
      });
      return { message, pass, actual: received, name: matcherName, expected, log, timeout: timedOut ? timeout : undefined };
    }
    /** toEqual.ts. */
    async function equalTo(context, matcherName, locator, run, expected, options = {}) {
      expectTypes(locator, ['Locator'], matcherName);
      const timeout = options.timeout ?? context.timeout;
      const { matches: pass, received, log, timedOut, errorMessage } = await run(!!context.isNot, timeout, context[CUSTOM_MESSAGE]);
      if (pass === !context.isNot) return { name: matcherName, message: () => '', pass, expected };
      let printedExpected, printedReceived, printedDiff;
      if (pass) {
        printedExpected = `Expected: not ${printExpected(expected)}`;
        printedReceived = errorMessage ? '' : `Received: ${printReceived(received)}`;
      } else if (errorMessage) {
        printedExpected = `Expected: ${printExpected(expected)}`;
      } else if (ArrayIsArray(expected) && ArrayIsArray(received)) {
        const normalized = ArrayPrototypeMap(expected, (item, index) =>
          isA('RegExp', item) ? (RegExpTest(item, received[index]) ? received[index] : item) : item);
        printedDiff = printDiffOrStringify(normalized, received, 'Expected', 'Received', false);
      } else {
        printedDiff = printDiffOrStringify(expected, received, 'Expected', 'Received', false);
      }
      const message = () => formatMatcherMessage({
        isNot: context.isNot, promise: context.promise, matcherName, expectation: 'expected', locator: describe(locator),
        timeout, timedOut, printedExpected, printedReceived, printedDiff, errorMessage, log,
      });
      return { actual: received, expected, message, name: matcherName, pass, log, timeout: timedOut ? timeout : undefined };
    }
    /** toMatchText.ts. */
    async function matchText(context, matcherName, receiver, receiverType, run, expected, options = {}) {
      expectTypes(receiver, [receiverType], matcherName);
      const locator = receiverType === 'Locator' ? describe(receiver) : undefined;
      if (typeof expected !== 'string' && !(expected && isFunction(expected.test))) {
        const errorMessage = `Error: expected value must be a string or regular expression\n${printWithType('Expected', expected, printExpected)}`;
        throw new Error(formatMatcherMessage({ promise: context.promise, isNot: context.isNot, locator, matcherName, expectation: 'expected', errorMessage }));
      }
      const timeout = options.timeout ?? context.timeout;
      const { matches: pass, received, log, timedOut, errorMessage } = await run(!!context.isNot, timeout, context[CUSTOM_MESSAGE]);
      if (pass === !context.isNot) return { name: matcherName, message: () => '', pass, expected };
      const isString = typeof expected === 'string';
      const expectedSuffix = isString ? (options.matchSubstring ? ' substring' : '') : ' pattern';
      const receivedSuffix = isString ? (options.matchSubstring ? ' string' : '') : ' string';
      const receivedString = received || '';
      let printedExpected, printedReceived, printedDiff;
      if (pass) {
        printedExpected = `Expected${expectedSuffix}: not ${printExpected(expected)}`;
        if (!errorMessage) {
          const formatted = isString
            ? printReceivedStringContainExpectedSubstring(receivedString, StringPrototypeIndexOf(receivedString, expected), expected.length)
            : printReceivedStringContainExpectedResult(receivedString, isFunction(expected.exec) ? RegExpPrototypeExec(expected, receivedString) : null);
          printedReceived = `Received${receivedSuffix}: ${formatted}`;
        }
      } else if (errorMessage) {
        printedExpected = `Expected${expectedSuffix}: ${printExpected(expected)}`;
      } else {
        printedDiff = printDiffOrStringify(expected, receivedString, `Expected${expectedSuffix}`, `Received${receivedSuffix}`, false);
      }
      const message = () => formatMatcherMessage({
        promise: context.promise, isNot: context.isNot, matcherName, expectation: 'expected', locator,
        timeout, timedOut, printedExpected, printedReceived, printedDiff, log, errorMessage,
      });
      return { name: matcherName, expected, message, pass, actual: received, log, timeout: timedOut ? timeout : undefined };
    }

    const serializeExpectedTextValues = (items, options = {}) => ArrayPrototypeMap(items, (item) => ({
      string: typeof item === 'string' ? item : undefined,
      regexSource: isA('RegExp', item) ? item.source : undefined,
      regexFlags: isA('RegExp', item) ? item.flags : undefined,
      matchSubstring: options.matchSubstring,
      ignoreCase: options.ignoreCase,
      normalizeWhiteSpace: options.normalizeWhiteSpace,
    }));
    const noLayout = (name) => function () {
      throw new Error(`${name}: Caper has no layout engine, so it cannot ${name === 'toBeInViewport' ? 'tell whether an element is in the viewport' : 'take screenshots'}`);
    };
    const resolveURL = (base, url) => {
      try {
        if (isFunction(adapter.resolveURL)) return adapter.resolveURL(base, url) ?? url;
        if (isFunction(host.resolveURL)) return host.resolveURL(base === undefined ? url : base, url) ?? url;
        if (URLConstructor) return new URLConstructor(url, base).href;
      } catch {
        return url;
      }
      return url;
    };
    const isTextualMimeType = (mimeType) => RegExpTest(
      /^(text\/.*?|application\/(json|(x-)?javascript|xml.*?|ecmascript|graphql|x-www-form-urlencoded)|image\/svg(\+xml)?|application\/.*?(\+json|\+xml))(;\s*charset=.*)?$/,
      mimeType);

    const webFirst = {
      toBeAttached(locator, options) {
        const attached = !options || options.attached === undefined || options.attached;
        return truthy(this, 'toBeAttached', locator, attached ? 'attached' : 'detached', attached ? '' : '{ attached: false }',
          query(locator, attached ? 'to.be.attached' : 'to.be.detached', {}), options);
      },
      toBeChecked(locator, options) {
        const expectedValue = { checked: options?.checked, indeterminate: options?.indeterminate };
        let expected, arg;
        if (options?.indeterminate) { expected = 'indeterminate'; arg = '{ indeterminate: true }'; }
        else { expected = options?.checked === false ? 'unchecked' : 'checked'; arg = options?.checked === false ? '{ checked: false }' : ''; }
        return truthy(this, 'toBeChecked', locator, expected, arg, query(locator, 'to.be.checked', { expectedValue }), options);
      },
      toBeDisabled(locator, options) {
        return truthy(this, 'toBeDisabled', locator, 'disabled', '', query(locator, 'to.be.disabled', {}), options);
      },
      toBeEditable(locator, options) {
        const editable = !options || options.editable === undefined || options.editable;
        return truthy(this, 'toBeEditable', locator, editable ? 'editable' : 'readOnly', editable ? '' : '{ editable: false }',
          query(locator, editable ? 'to.be.editable' : 'to.be.readonly', {}), options);
      },
      toBeEmpty(locator, options) {
        return truthy(this, 'toBeEmpty', locator, 'empty', '', query(locator, 'to.be.empty', {}), options);
      },
      toBeEnabled(locator, options) {
        const enabled = !options || options.enabled === undefined || options.enabled;
        return truthy(this, 'toBeEnabled', locator, enabled ? 'enabled' : 'disabled', enabled ? '' : '{ enabled: false }',
          query(locator, enabled ? 'to.be.enabled' : 'to.be.disabled', {}), options);
      },
      toBeFocused(locator, options) {
        return truthy(this, 'toBeFocused', locator, 'focused', '', query(locator, 'to.be.focused', {}), options);
      },
      toBeHidden(locator, options) {
        return truthy(this, 'toBeHidden', locator, 'hidden', '', query(locator, 'to.be.hidden', {}), options);
      },
      toBeVisible(locator, options) {
        const visible = !options || options.visible === undefined || options.visible;
        return truthy(this, 'toBeVisible', locator, visible ? 'visible' : 'hidden', visible ? '' : '{ visible: false }',
          query(locator, visible ? 'to.be.visible' : 'to.be.hidden', {}), options);
      },
      toBeInViewport: noLayout('toBeInViewport'),
      toHaveScreenshot: noLayout('toHaveScreenshot'),
      toContainText(locator, expected, options = {}) {
        if (ArrayIsArray(expected)) {
          const expectedText = serializeExpectedTextValues(expected, { matchSubstring: true, normalizeWhiteSpace: true, ignoreCase: options.ignoreCase });
          return equalTo(this, 'toContainText', locator, query(locator, 'to.contain.text.array', { expectedText, useInnerText: options.useInnerText }),
            expected, options);
        }
        const expectedText = serializeExpectedTextValues([expected], { matchSubstring: true, normalizeWhiteSpace: true, ignoreCase: options.ignoreCase });
        return matchText(this, 'toContainText', locator, 'Locator', query(locator, 'to.have.text', { expectedText, useInnerText: options.useInnerText }),
          expected, { ...options, matchSubstring: true });
      },
      toHaveAccessibleDescription(locator, expected, options) {
        const expectedText = serializeExpectedTextValues([expected], { ignoreCase: options?.ignoreCase, normalizeWhiteSpace: true });
        return matchText(this, 'toHaveAccessibleDescription', locator, 'Locator', query(locator, 'to.have.accessible.description', { expectedText }), expected, options);
      },
      toHaveAccessibleName(locator, expected, options) {
        const expectedText = serializeExpectedTextValues([expected], { ignoreCase: options?.ignoreCase, normalizeWhiteSpace: true });
        return matchText(this, 'toHaveAccessibleName', locator, 'Locator', query(locator, 'to.have.accessible.name', { expectedText }), expected, options);
      },
      toHaveAccessibleErrorMessage(locator, expected, options) {
        const expectedText = serializeExpectedTextValues([expected], { ignoreCase: options?.ignoreCase, normalizeWhiteSpace: true });
        return matchText(this, 'toHaveAccessibleErrorMessage', locator, 'Locator', query(locator, 'to.have.accessible.error.message', { expectedText }), expected, options);
      },
      toHaveAttribute(locator, name, expected, options) {
        if (!options && typeof expected === 'object' && expected !== null && !isA('RegExp', expected)) {
          options = expected;
          expected = undefined;
        }
        if (expected === undefined) {
          return truthy(this, 'toHaveAttribute', locator, 'have attribute', '', query(locator, 'to.have.attribute', { expressionArg: name }), options);
        }
        const expectedText = serializeExpectedTextValues([expected], { ignoreCase: options?.ignoreCase });
        return matchText(this, 'toHaveAttribute', locator, 'Locator', query(locator, 'to.have.attribute.value', { expressionArg: name, expectedText }), expected, options);
      },
      toHaveClass(locator, expected, options) {
        if (ArrayIsArray(expected)) {
          return equalTo(this, 'toHaveClass', locator, query(locator, 'to.have.class.array', { expectedText: serializeExpectedTextValues(expected) }), expected, options);
        }
        return matchText(this, 'toHaveClass', locator, 'Locator', query(locator, 'to.have.class', { expectedText: serializeExpectedTextValues([expected]) }), expected, options);
      },
      toContainClass(locator, expected, options) {
        if (ArrayIsArray(expected)) {
          if (ArrayPrototypeSome(expected, (e) => isA('RegExp', e))) throw new Error('"expected" argument in toContainClass cannot contain RegExp values');
          return equalTo(this, 'toContainClass', locator, query(locator, 'to.contain.class.array', { expectedText: serializeExpectedTextValues(expected) }), expected, options);
        }
        if (isA('RegExp', expected)) throw new Error('"expected" argument in toContainClass cannot be a RegExp value');
        return matchText(this, 'toContainClass', locator, 'Locator', query(locator, 'to.contain.class', { expectedText: serializeExpectedTextValues([expected]) }), expected, options);
      },
      toHaveCount(locator, expected, options) {
        return equalTo(this, 'toHaveCount', locator, query(locator, 'to.have.count', { expectedNumber: expected }), expected, options);
      },
      toHaveCSS(locator, name, expected, options) {
        return matchText(this, 'toHaveCSS', locator, 'Locator',
          query(locator, 'to.have.css', { expressionArg: name, expectedText: serializeExpectedTextValues([expected]), pseudo: options?.pseudo }), expected, options);
      },
      toHaveId(locator, expected, options) {
        return matchText(this, 'toHaveId', locator, 'Locator', query(locator, 'to.have.id', { expectedText: serializeExpectedTextValues([expected]) }), expected, options);
      },
      toHaveJSProperty(locator, name, expected, options) {
        return equalTo(this, 'toHaveJSProperty', locator, query(locator, 'to.have.property', { expressionArg: name, expectedValue: expected }), expected, options);
      },
      toHaveRole(locator, expected, options) {
        if (typeof expected !== 'string') throw new Error('"role" argument in toHaveRole must be a string');
        return matchText(this, 'toHaveRole', locator, 'Locator', query(locator, 'to.have.role', { expectedText: serializeExpectedTextValues([expected]) }), expected, options);
      },
      toHaveText(locator, expected, options = {}) {
        if (ArrayIsArray(expected)) {
          const expectedText = serializeExpectedTextValues(expected, { normalizeWhiteSpace: true, ignoreCase: options.ignoreCase });
          return equalTo(this, 'toHaveText', locator, query(locator, 'to.have.text.array', { expectedText, useInnerText: options.useInnerText }), expected, options);
        }
        const expectedText = serializeExpectedTextValues([expected], { normalizeWhiteSpace: true, ignoreCase: options.ignoreCase });
        return matchText(this, 'toHaveText', locator, 'Locator', query(locator, 'to.have.text', { expectedText, useInnerText: options.useInnerText }), expected, options);
      },
      toHaveValue(locator, expected, options) {
        return matchText(this, 'toHaveValue', locator, 'Locator', query(locator, 'to.have.value', { expectedText: serializeExpectedTextValues([expected]) }), expected, options);
      },
      toHaveValues(locator, expected, options) {
        return equalTo(this, 'toHaveValues', locator, query(locator, 'to.have.values', { expectedText: serializeExpectedTextValues(expected) }), expected, options);
      },
      toHaveTitle(page, expected, options = {}) {
        const expectedText = serializeExpectedTextValues([expected], { normalizeWhiteSpace: true });
        return matchText(this, 'toHaveTitle', page, 'Page', query(page, 'to.have.title', { expectedText }), expected, options);
      },
      toHaveURL(page, expected, options) {
        if (isFunction(expected)) return urlPredicate(this, page, expected, options);
        const baseURL = isFunction(adapter.baseURL) ? adapter.baseURL(page) : undefined;
        if (typeof expected === 'string') expected = resolveURL(baseURL, expected);
        const expectedText = serializeExpectedTextValues([expected], { ignoreCase: options?.ignoreCase });
        return matchText(this, 'toHaveURL', page, 'Page', query(page, 'to.have.url', { expectedText }), expected, options);
      },
      async toBeOK(response) {
        expectTypes(response, ['APIResponse'], 'toBeOK');
        const ok = response.ok();
        let log, text = null;
        if (this.isNot === ok) {
          const headers = isFunction(response.headers) ? response.headers() : {};
          const contentType = headers && headers['content-type'];
          log = isFunction(response._fetchLog) ? await response._fetchLog() : undefined;
          text = contentType && isTextualMimeType(contentType) && isFunction(response.text) ? await response.text() : null;
        }
        const message = () => formatMatcherMessage({ isNot: this.isNot, promise: this.promise, matcherName: 'toBeOK', receiver: 'response', expectation: '', log }) +
          (text === null ? '' : `\nResponse text:\n${StringPrototypeSubstring(text || '', 0, 1000)}`);
        return { message, pass: ok };
      },
      async toPass(callback, options = {}) {
        const timeout = options.timeout ?? 0;
        const intervals = options.intervals ?? [100, 250, 500, 1000];
        const isNot = !!this.isNot;
        const result = await pollAgainstDeadline(async () => {
          try {
            await callback();
            return { continuePolling: isNot, result: undefined };
          } catch (error) {
            return { continuePolling: !isNot, result: error };
          }
        }, timeout, intervals);
        if (result.timedOut) {
          const timeoutMessage = `Timeout ${timeout}ms exceeded while waiting on the predicate`;
          const message = result.result ? `${result.result.message}\n\nCall Log:\n- ${timeoutMessage}` : timeoutMessage;
          return { message: () => message, pass: isNot };
        }
        return { pass: !isNot, message: () => '' };
      },
    };
    // Playwright's toMatchAriaSnapshot.ts needs its test runner's testInfo (snapshot files, the
    // update mode); outside that runner, under cucumber-js, it throws this, and so does Caper.
    webFirst.toMatchAriaSnapshot = function () { throw new Error('toMatchAriaSnapshot() must be called during the test'); };
    const customAsyncMatchers = webFirst;

    /** toHaveURL.ts toHaveURLWithPredicate, polling page.url() every 100 ms of page time. */
    async function urlPredicate(context, page, predicate, options) {
      expectTypes(page, ['Page'], 'toHaveURL');
      const timeout = options?.timeout ?? context.timeout;
      const baseURL = isFunction(adapter.baseURL) ? adapter.baseURL(page) : undefined;
      const lower = (text) => (text === undefined ? undefined : StringPrototypeToLowerCase(text));
      let last;
      const check = () => {
        last = String(page.url());
        let url = options?.ignoreCase ? lower(last) : last;
        url = URLConstructor ? new URLConstructor(url, options?.ignoreCase ? lower(baseURL) : baseURL) : url;
        return !context.isNot === !!predicate(url);
      };
      const start = now();
      for (;;) {
        if (check()) return { name: 'toHaveURL', pass: !context.isNot, message: () => '' };
        if (now() - start >= timeout) break;
        await pause(MathMin(100, timeout - (now() - start)));
      }
      return {
        name: 'toHaveURL',
        pass: context.isNot,
        message: () => formatMatcherMessage({
          isNot: context.isNot, promise: context.promise, matcherName: 'toHaveURL', expectation: 'expected', timeout, timedOut: true,
          printedExpected: `Expected: predicate to ${!context.isNot ? 'succeed' : 'fail'}`, printedReceived: `Received: ${printReceived(last || '')}`,
        }),
        actual: last,
        timeout,
      };
    }

    /** timeoutRunner.ts pollAgainstDeadline, on the pages' clock (no race: a callback runs to its end). */
    async function pollAgainstDeadline(callback, timeout, intervalsIn) {
      const intervals = ArrayPrototypeSlice(intervalsIn);
      const lastInterval = intervals.length ? ArrayPrototypePop(intervals) : 1000;
      const deadline = timeout ? now() + timeout : 0;
      let lastResult;
      for (;;) {
        if (deadline && now() >= deadline) break;
        const received = await callback();
        // Playwright races the callback against the deadline: one that ends past it counts as timed out.
        if (deadline && now() > deadline) break;
        lastResult = received.result;
        if (!received.continuePolling) return { result: lastResult, timedOut: false };
        const interval = intervals.length ? ArrayPrototypeShift(intervals) : lastInterval;
        if (deadline && deadline <= now() + interval) break;
        await pause(interval);
      }
      return { timedOut: true, result: lastResult };
    }

    const toThrow = createThrowMatcher('toThrow');
    const toThrowError = createThrowMatcher('toThrowError');
    const allBuiltinMatchers = { ...matchers, toThrow, toThrowError, ...customAsyncMatchers };
    const promiseThrowMatchers = { toThrow: createThrowMatcher('toThrow', true), toThrowError: createThrowMatcher('toThrowError', true) };

    const isPromise = (value) => value !== null && value !== undefined && (typeof value === 'object' || isFunction(value)) && isFunction(value.then);
    const validateMatcherResult = (result) => {
      if (typeof result !== 'object' || result === null || typeof result.pass !== 'boolean' ||
        (result.message && typeof result.message !== 'string' && !isFunction(result.message))) {
        throw new Error('Unexpected return from a matcher function.\nMatcher functions should return an object in the following format:\n' +
          `  {message?: string | function, pass: boolean}\n'${stringify(result)}' was returned`);
      }
    };
    const getMessage = (message) => (typeof message === 'string' ? message : message && message()) || 'No message was specified for this matcher.';
    const promiseHint = (matcherName, isNot, promise) => matcherHint(matcherName, undefined, '', { isNot, promise });

    /** matcherHint.ts ExpectError: message (custom message first), matcherResult. */
    const expectError = (matcherName, result, customMessage) => {
      const message = getMessage(result.message);
      const matcherResult = { ...result, name: matcherName, message };
      const error = new Error(customMessage ? `${customMessage}\n\n${message}` : message);
      ObjectDefineProperty(error, 'matcherResult', { value: matcherResult, writable: true, enumerable: true, configurable: true });
      return error;
    };

    function callMatcher(matcherName, info, actual, matcher, args, promise) {
      const customMessage = info.message || '';
      const handleError = (error) => {
        if (info.isSoft) ArrayPrototypePush(softErrors, error);
        else throw error;
      };
      const finalize = (result) => {
        validateMatcherResult(result);
        if (result.pass === !!info.isNot) handleError(expectError(matcherName, result, customMessage));
      };
      try {
        const result = info.poll ? invokePoll(matcherName, info, matcher, actual, args, promise) : invoke(matcherName, info, matcher, actual, args, promise);
        if (isPromise(result)) return PromisePrototypeThen(result, finalize, handleError);
        finalize(result);
      } catch (error) {
        handleError(error);
      }
      return undefined;
    }

    // The custom message of `expect(value, message)`: web-first assertions head their call log with it.
    const CUSTOM_MESSAGE = Symbol('customMessage');
    function matcherContext(info, promise) {
      const timeout = info.timeout ?? defaults.timeout;
      return { customTesters: [], isNot: !!info.isNot, promise: promise ?? '', utils, timeout, equals, getState: () => ({}),
        [CUSTOM_MESSAGE]: info.message || '' };
    }

    function invoke(matcherName, info, matcher, actual, args, promise) {
      const context = matcherContext(info, promise);
      const isNot = !!info.isNot;
      if (!promise) return FunctionPrototypeApply(matcher, context, concat([actual], args));
      if (isFunction(actual)) actual = actual();
      if (!isPromise(actual)) {
        return { pass: false, message: () => matcherErrorMessage(promiseHint(matcherName, isNot, promise),
          'received value must be a promise or a function returning a promise', printWithType('Received', actual, printReceived)) };
      }
      const call = (value) => FunctionPrototypeApply(matcher, context, concat([value], args));
      if (promise === 'resolves') {
        return PromisePrototypeThen(PromiseResolve(actual), call, (error) => ({ pass: false, message: () =>
          `${promiseHint(matcherName, isNot, promise)}\n\nReceived promise rejected instead of resolved\nRejected to value: ${printReceived(error)}` }));
      }
      return PromisePrototypeThen(PromiseResolve(actual), (value) => ({ pass: false, message: () =>
        `${promiseHint(matcherName, isNot, promise)}\n\nReceived promise resolved instead of rejected\nResolved to value: ${printReceived(value)}` }), call);
    }

    async function invokePoll(matcherName, info, matcher, actual, args, promise) {
      if (!isFunction(actual)) throw new Error('`expect.poll()` accepts only function as a first argument');
      if (promise || hasOwn(customAsyncMatchers, matcherName)) throw new Error(`\`expect.poll()\` does not support "${promise ?? matcherName}" matcher.`);
      const poll = info.poll;
      const timeout = poll.timeout ?? info.timeout ?? defaults.timeout;
      // The custom message heads the poll's own failure, once (not each attempt's too).
      const inner = { ...info, poll: undefined, isSoft: false, message: undefined };
      const result = await pollAgainstDeadline(async () => {
        const value = await actual();
        try {
          await callMatcher(matcherName, inner, value, matcher, args);
          return { continuePolling: false, result: undefined };
        } catch (error) {
          return { continuePolling: true, result: error };
        }
      }, timeout, poll.intervals ?? [100, 250, 500, 1000]);
      if (result.timedOut) {
        const timeoutMessage = `Timeout ${timeout}ms exceeded while waiting on the predicate`;
        const message = result.result ? `${result.result.message}\n\nCall Log:\n- ${timeoutMessage}` : timeoutMessage;
        return { pass: !!info.isNot, message: () => message };
      }
      return { pass: !info.isNot, message: () => '' };
    }

    const defaults = { timeout: 5000 };
    const takeSoftErrors = () => {
      const errors = ArrayPrototypeSlice(softErrors);
      softErrors.length = 0;
      return errors;
    };

    function createMatchers(actual, baseInfo, messageOrOptions) {
      const message = typeof messageOrOptions === 'string' ? messageOrOptions : (messageOrOptions && messageOrOptions.message) || baseInfo.message;
      const info = { ...baseInfo, message };
      const notInfo = { ...info, isNot: !info.isNot };
      const result = { not: {}, resolves: { not: {} }, rejects: { not: {} } };
      const all = { ...allBuiltinMatchers, ...info.userMatchers };
      const names = ObjectKeys(all);
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        const matcher = all[name];
        const promiseMatcher = promiseThrowMatchers[name] ?? matcher;
        const make = (matcherInfo, fn, promise) => (...args) => callMatcher(name, matcherInfo, actual, fn, args, promise);
        result[name] = make(info, matcher);
        result.not[name] = make(notInfo, matcher);
        result.resolves[name] = make(info, promiseMatcher, 'resolves');
        result.resolves.not[name] = make(notInfo, promiseMatcher, 'resolves');
        result.rejects[name] = make(info, promiseMatcher, 'rejects');
        result.rejects.not[name] = make(notInfo, promiseMatcher, 'rejects');
      }
      return result;
    }

    function createExpect(info) {
      const expect = (actual, messageOrOptions) => createMatchers(actual, info, messageOrOptions);
      expect.any = (sample) => new Any(sample);
      expect.anything = () => new Anything();
      expect.arrayContaining = (sample) => new ArrayContaining(sample);
      expect.arrayOf = (sample) => new ArrayOf(sample);
      expect.closeTo = (sample, precision) => new CloseTo(sample, precision);
      expect.objectContaining = (sample) => new ObjectContaining(sample);
      expect.stringContaining = (sample) => new StringContaining(sample);
      expect.stringMatching = (sample) => new StringMatching(sample);
      const not = {
        arrayContaining: (sample) => new ArrayContaining(sample, true),
        arrayOf: (sample) => new ArrayOf(sample, true),
        closeTo: (sample, precision) => new CloseTo(sample, precision, true),
        objectContaining: (sample) => new ObjectContaining(sample, true),
        stringContaining: (sample) => new StringContaining(sample, true),
        stringMatching: (sample) => new StringMatching(sample, true),
      };
      expect.not = not;
      const userNames = ObjectKeys(info.userMatchers);
      for (let i = 0; i < userNames.length; i++) {
        const { positive, inverse } = customAsymmetric(userNames[i], info.userMatchers[userNames[i]]);
        expect[userNames[i]] = positive;
        not[userNames[i]] = inverse;
      }
      expect.getState = () => ({});
      expect.configure = (configuration) => {
        const next = { ...info };
        if ('message' in configuration) next.message = configuration.message;
        if ('timeout' in configuration) next.timeout = configuration.timeout;
        if ('soft' in configuration) next.isSoft = configuration.soft;
        return createExpect(next);
      };
      ObjectDefineProperty(expect, 'soft', {
        configurable: true, enumerable: true,
        get: () => (info.isSoft ? expect : createExpect({ ...info, isSoft: true })),
      });
      expect.poll = (actual, messageOrOptions) => {
        const poll = typeof messageOrOptions === 'string' ? {} : messageOrOptions || {};
        return createMatchers(actual, { ...info, poll: { timeout: poll.timeout, intervals: poll.intervals } }, messageOrOptions);
      };
      expect.extend = (added) => {
        const names = ObjectKeys(added);
        for (let i = 0; i < names.length; i++) {
          if (!isFunction(added[names[i]])) {
            throw new TypeError(`expect.extend: \`${names[i]}\` is not a valid matcher. Must be a function, is "${typeof added[names[i]]}"`);
          }
        }
        // As Playwright: new names also appear on this expect; built-in names only on the returned one.
        for (let i = 0; i < names.length; i++) {
          const name = names[i];
          if (hasOwn(allBuiltinMatchers, name)) continue;
          info.userMatchers[name] = added[name];
          const { positive, inverse } = customAsymmetric(name, added[name]);
          expect[name] = positive;
          not[name] = inverse;
        }
        return createExpect({ ...info, userMatchers: { ...info.userMatchers, ...added } });
      };
      expect.takeSoftErrors = takeSoftErrors;
      expect._takeSoftErrors = takeSoftErrors;
      return expect;
    }

    return createExpect({ userMatchers: {} });
  };

  return ObjectFreeze({ makeExpect });
}
