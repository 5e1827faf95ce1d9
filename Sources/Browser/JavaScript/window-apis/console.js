// The page's `console` (WHATWG Console Standard): every message is recorded in Swift
// (`host.message(type, text, location, argumentsText)`, PageEnvironment.consoleMessages) with its type as
// Playwright names it (`log`, `info`, `warning`, `error`, `debug`, `trace`, `dir`, `table`,
// `startGroup`, `endGroup`, `count`, `timeEnd`, `assert`, ...), its text formatted as Chrome
// formats it (the first argument's `%s %d %i %f %o %O %c %%` specifiers, then the other
// arguments joined by spaces, objects as short previews such as `{a: 1, b: 'x'}` and `[1, 2]`),
// and the `URL:line:column` of the page code that called it (the first stack frame outside
// Caper's runtime). `time`/`timeEnd` read the page's virtual clock.
(host, runtime) => {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypePush, Error, FunctionPrototypeToString, Map, MapPrototypeDelete, MapPrototypeGet,
    MapPrototypeHas, MapPrototypeSet, Number, NumberParseFloat, NumberParseInt, ObjectDefineProperty, ObjectFreeze, ObjectGetPrototypeOf, ObjectKeys,
    ObjectPrototypeToString, RegExpPrototypeExec, String, StringPrototypeCharAt, StringPrototypeSlice, StringPrototypeStartsWith, Symbol,
    SymbolPrototypeToString, ArrayPrototypeConcat, ArrayPrototypeSlice, StringPrototypeIndexOf, StringPrototypeSplit,
  } = runtime.primordials;
  const ObjectPrototype = runtime.primordials.Object.prototype;
  const { TYPE, LOCAL, ATTRIBUTES, NAMESPACE, VALUE } = runtime.internals;
  const { now } = runtime.clock;
  const { safeArray } = runtime['safe-array-iterator'];
  /** One V8 stack frame: `at f (url:line:column)` or `at url:line:column`. */
  const FRAME = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/gm;
  const ErrorConstructor = Error;

  /** `URL:line:column` of the first frame outside Caper's runtime, or '' when there is none. */
  const callerLocation = () => {
    // A page may change how stacks are made; Caper's capture puts the defaults back meanwhile.
    const limit = ErrorConstructor.stackTraceLimit;
    const prepare = ErrorConstructor.prepareStackTrace;
    let stack = '';
    try {
      ErrorConstructor.stackTraceLimit = 20;
      ErrorConstructor.prepareStackTrace = undefined;
      stack = String(new ErrorConstructor().stack);
    } finally {
      ErrorConstructor.stackTraceLimit = limit;
      ErrorConstructor.prepareStackTrace = prepare;
    }
    FRAME.lastIndex = 0;
    for (let frame = RegExpPrototypeExec(FRAME, stack); frame !== null; frame = RegExpPrototypeExec(FRAME, stack)) {
      if (!StringPrototypeStartsWith(frame[1], 'caper:')) return `${frame[1]}:${frame[2]}:${frame[3]}`;
    }
    return '';
  };

  // ---- Previews (what Chrome's console and Playwright's message text show for an object) -------
  /** A node as Chrome describes it: `div#main.a.b`, `#text`, `#document`. */
  const describeNode = (node) => {
    const type = node[TYPE];
    if (type === 9) return '#document';
    if (type === 3) return '#text';
    if (type === 8) return '#comment';
    if (type === 11) return '#document-fragment';
    if (type !== 1) return String(node.nodeName);
    let text = node[LOCAL];
    for (const attribute of safeArray(node[ATTRIBUTES])) {
      if (attribute[NAMESPACE] !== null) continue;
      if (attribute[LOCAL] === 'id' && attribute[VALUE] !== '') text += '#' + attribute[VALUE];
    }
    for (const attribute of safeArray(node[ATTRIBUTES])) {
      if (attribute[NAMESPACE] === null && attribute[LOCAL] === 'class') {
        const names = StringPrototypeSplit(attribute[VALUE], WHITESPACE);
        for (const name of safeArray(names)) if (name !== '') text += '.' + name;
      }
    }
    return text;
  };
  const WHITESPACE = /[ \t\n\f\r]+/;
  const quote = (text) => `'${text}'`;
  /** A value inside a preview: primitives in full, objects by kind only (`{…}`, `Array(2)`). */
  const shortValue = (value) => {
    if (typeof value === 'string') return quote(value);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return primitive(value);
    if (typeof value === 'function') return 'ƒ';
    if (ArrayIsArray(value)) return `Array(${value.length})`;
    if (typeof value[TYPE] === 'number') return describeNode(value);
    return '{…}';
  };
  const primitive = (value) => {
    if (typeof value === 'symbol') return SymbolPrototypeToString(value);
    if (typeof value === 'bigint') return `${String(value)}n`;
    if (value === 0 && 1 / value < 0) return '-0';
    return String(value);
  };
  /** What a top-level object argument shows. */
  const preview = (value) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return primitive(value);
    try {
      if (typeof value === 'function') return FunctionPrototypeToString(value);
      if (typeof value[TYPE] === 'number') return describeNode(value);
      // Its stack as Chromium shows it: the page's frames only.
      if (value instanceof ErrorConstructor) return runtime.errors.pageStack(String(value.stack ?? `${value.name}: ${value.message}`));
      if (value === globalThis) return 'Window';
      if (ArrayIsArray(value)) {
        const parts = [];
        for (let i = 0; i < value.length && i < 100; i++) ArrayPrototypePush(parts, shortValue(value[i]));
        if (value.length > 100) ArrayPrototypePush(parts, '…');
        return `[${ArrayPrototypeJoin(parts, ', ')}]`;
      }
      const tag = ObjectPrototypeToString(value);
      if (tag === '[object Date]' || tag === '[object RegExp]') return String(value);
      const parts = [];
      const keys = ObjectKeys(value);
      for (let i = 0; i < keys.length && i < 100; i++) ArrayPrototypePush(parts, `${keys[i]}: ${shortValue(value[keys[i]])}`);
      if (keys.length > 100) ArrayPrototypePush(parts, '…');
      const prototype = ObjectGetPrototypeOf(value);
      const name = prototype === null || prototype === ObjectPrototype ? '' : `${prototype?.constructor?.name ?? ''} `;
      return `${name}{${ArrayPrototypeJoin(parts, ', ')}}`;
    } catch {
      return '{…}';
    }
  };
  /** An argument after the formatted ones: strings as they are, the rest previewed. */
  const argumentText = (value) => (typeof value === 'string' ? value : preview(value));

  /** Console Standard §2.2.1 Formatter, as Chrome applies it, then the remaining arguments. */
  const format = (args) => {
    if (args.length === 0) return '';
    let rest = 0;
    let text = '';
    if (typeof args[0] === 'string') {
      const source = args[0];
      rest = 1;
      for (let i = 0; i < source.length; i++) {
        const c = StringPrototypeCharAt(source, i);
        if (c !== '%' || i + 1 >= source.length) { text += c; continue; }
        const specifier = StringPrototypeCharAt(source, i + 1);
        if (specifier === '%') { text += '%'; i++; continue; }
        if (StringPrototypeIndexOf('sdifoOc', specifier) < 0 || rest >= args.length) { text += c; continue; }
        const value = args[rest++];
        i++;
        switch (specifier) {
          case 's': text += typeof value === 'string' ? value : preview(value); break;
          case 'd': case 'i':
            text += typeof value === 'symbol' ? 'NaN' : String(NumberParseInt(typeof value === 'bigint' ? String(value) : Number(value)));
            break;
          case 'f': text += typeof value === 'symbol' ? 'NaN' : String(NumberParseFloat(Number(value))); break;
          case 'o': case 'O': text += preview(value); break;
          default: break; // %c: CSS, not shown in text.
        }
      }
    } else {
      rest = 1;
      text = argumentText(args[0]);
    }
    for (let i = rest; i < args.length; i++) text += ' ' + argumentText(args[i]);
    return text;
  };

  // The arguments, serialized as `evaluate`'s results are (nodes and the window as references), for
  // Playwright's `ConsoleMessage.args()`; only while the browser context keeps them.
  let encodeArguments = null;
  const argumentsText = (args) => {
    if (args === undefined || typeof host.keepsArguments !== 'function' || !host.keepsArguments()) return undefined;
    if (encodeArguments === null) {
      const { makeEncoder, pageReference } = runtime['serialized-value'];
      encodeArguments = makeEncoder(() => '{"v":"undefined"}', pageReference(globalThis, TYPE));
    }
    try {
      return encodeArguments(args);
    } catch {
      return undefined;
    }
  };
  const send = (type, text, args = undefined) => host.message(type, text, callerLocation(), argumentsText(args));
  const counts = new Map();
  const timers = new Map();
  let groupDepth = 0;
  const label = (value) => (value === undefined ? 'default' : String(value));
  const console = {
    log(...args) { send('log', format(args), args); },
    info(...args) { send('info', format(args), args); },
    warn(...args) { send('warning', format(args), args); },
    error(...args) { send('error', format(args), args); },
    debug(...args) { send('debug', format(args), args); },
    trace(...args) { send('trace', args.length === 0 ? 'console.trace' : format(args), args); },
    dir(item = undefined) { send('dir', preview(item), [item]); },
    dirxml(...args) { send('dirxml', format(args), args); },
    table(data = undefined, ...rest) { send('table', format(ArrayPrototypeConcat([data], rest))); },
    group(...args) { groupDepth++; send('startGroup', args.length === 0 ? 'console.group' : format(args)); },
    groupCollapsed(...args) { groupDepth++; send('startGroupCollapsed', args.length === 0 ? 'console.groupCollapsed' : format(args)); },
    groupEnd() {
      if (groupDepth > 0) groupDepth--;
      send('endGroup', 'console.groupEnd');
    },
    count(name = undefined) {
      const key = label(name);
      const count = (MapPrototypeGet(counts, key) ?? 0) + 1;
      MapPrototypeSet(counts, key, count);
      send('count', `${key}: ${count}`);
    },
    countReset(name = undefined) {
      const key = label(name);
      if (MapPrototypeHas(counts, key)) MapPrototypeSet(counts, key, 0);
      else send('warning', `Count for '${key}' does not exist`);
    },
    time(name = undefined) {
      const key = label(name);
      if (MapPrototypeHas(timers, key)) send('warning', `Timer '${key}' already exists`);
      else MapPrototypeSet(timers, key, now());
    },
    timeLog(name = undefined, ...args) {
      const key = label(name);
      const start = MapPrototypeGet(timers, key);
      if (start === undefined) { send('warning', `Timer '${key}' does not exist`); return; }
      send('log', format(ArrayPrototypeConcat([`${key}: ${now() - start} ms`], args)));
    },
    timeEnd(name = undefined) {
      const key = label(name);
      const start = MapPrototypeGet(timers, key);
      if (start === undefined) { send('warning', `Timer '${key}' does not exist`); return; }
      MapPrototypeDelete(timers, key);
      send('timeEnd', `${key}: ${now() - start} ms`);
    },
    assert(condition = false, ...args) {
      if (condition) return;
      if (args.length === 0) send('assert', 'Assertion failed: console.assert');
      else if (typeof args[0] === 'string') send('assert', format(ArrayPrototypeConcat([`Assertion failed: ${args[0]}`], ArrayPrototypeSlice(args, 1))));
      else send('assert', format(ArrayPrototypeConcat(['Assertion failed:'], args)));
    },
    clear() { send('clear', 'console.clear'); },
  };
  for (const name in console) ObjectDefineProperty(console[name], 'name', { value: name });
  ObjectDefineProperty(console, Symbol.toStringTag, { value: 'console', configurable: true });

  const install = (global) => {
    const instance = { __proto__: ObjectPrototype };
    for (const name in console) {
      ObjectDefineProperty(instance, name, { value: console[name], writable: true, enumerable: true, configurable: true });
    }
    ObjectDefineProperty(instance, Symbol.toStringTag, { value: 'console', configurable: true });
    ObjectDefineProperty(global, 'console', { value: instance, writable: true, configurable: true, enumerable: false });
  };

  return ObjectFreeze({ install, format, preview, message: send });
}
