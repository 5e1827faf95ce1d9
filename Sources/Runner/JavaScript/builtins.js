// Caper's support realm, part 2: the Node built-ins step definitions use (path, util, assert,
// events, url, read-only fs, process, Buffer, console, timers), also as `node:NAME`.
(() => {
  const internal = globalThis.__caperInternal;
  const host = internal.host;
  const builtins = internal.builtins;
  const lazy = (make) => { let value; return () => (value === undefined ? (value = make()) : value); };
  const define = (name, make) => builtins.set(name, lazy(make));

  // --- path (POSIX) ---
  const path = (() => {
    const { normalize, dirname } = internal.paths;
    const join = (...parts) => normalize(parts.filter((p) => p !== '').join('/') || '.');
    const resolve = (...parts) => {
      let result = '';
      for (let i = parts.length - 1; i >= 0 && !result.startsWith('/'); i--) result = parts[i] + (result ? '/' + result : '');
      if (!result.startsWith('/')) result = host.cwd() + (result ? '/' + result : '');
      return normalize(result);
    };
    const basename = (p, ext) => {
      let base = p.replace(/\/+$/, '');
      base = base.slice(base.lastIndexOf('/') + 1);
      return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
    };
    const extname = (p) => { const b = basename(p); const i = b.lastIndexOf('.'); return i <= 0 ? '' : b.slice(i); };
    const relative = (from, to) => {
      const a = resolve(from).split('/').filter(Boolean), b = resolve(to).split('/').filter(Boolean);
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
    };
    const parse = (p) => {
      const base = basename(p), ext = extname(p);
      return { root: p.startsWith('/') ? '/' : '', dir: p.includes('/') ? dirname(p) : '', base, ext, name: ext ? base.slice(0, -ext.length) : base };
    };
    const format = (o) => (o.dir ? o.dir + '/' : o.root || '') + (o.base || (o.name || '') + (o.ext || ''));
    const api = { sep: '/', delimiter: ':', join, resolve, normalize, dirname, basename, extname, relative, parse, format, isAbsolute: (p) => p.startsWith('/'), toNamespacedPath: (p) => p };
    api.posix = api;
    return api;
  })();
  define('path', () => path);

  // --- util ---
  const inspect = (value, options = {}) => {
    const seen = new Set();
    const depthLimit = options.depth === undefined ? 2 : options.depth;
    const show = (v, depth) => {
      if (typeof v === 'string') return depth === 0 ? `'${v}'` : `'${v.replace(/'/g, "\\'")}'`;
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'symbol') return v.toString();
      if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
      if (v === null || typeof v !== 'object') return Object.is(v, -0) ? '-0' : String(v);
      if (seen.has(v)) return '[Circular *1]';
      if (v instanceof Error) return v.stack || `${v.name}: ${v.message}`;
      if (v instanceof Date) return v.toISOString();
      if (v instanceof RegExp) return v.toString();
      if (depth > depthLimit) return Array.isArray(v) ? '[Array]' : '[Object]';
      seen.add(v);
      let out;
      if (Array.isArray(v)) out = `[ ${v.map((e) => show(e, depth + 1)).join(', ')} ]`.replace('[  ]', '[]');
      else if (v instanceof Map) out = `Map(${v.size}) { ${[...v].map(([k, e]) => `${show(k, depth + 1)} => ${show(e, depth + 1)}`).join(', ')} }`;
      else if (v instanceof Set) out = `Set(${v.size}) { ${[...v].map((e) => show(e, depth + 1)).join(', ')} }`;
      else if (ArrayBuffer.isView(v)) out = `${v.constructor.name}(${v.length}) [ ${Array.from(v).slice(0, 50).join(', ')} ]`;
      else {
        const keys = Object.keys(v);
        const name = v.constructor && v.constructor !== Object ? v.constructor.name + ' ' : '';
        out = keys.length === 0 ? `${name}{}` : `${name}{ ${keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${show(v[k], depth + 1)}`).join(', ')} }`;
      }
      seen.delete(v);
      return out;
    };
    return show(value, 0);
  };
  const format = (...args) => {
    if (typeof args[0] !== 'string') return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
    let i = 1;
    const text = args[0].replace(/%[sdifjoO%]/g, (m) => {
      if (m === '%%') return '%';
      if (i >= args.length) return m;
      const a = args[i++];
      switch (m) {
        case '%s': return typeof a === 'string' ? a : typeof a === 'object' && a !== null ? inspect(a, { depth: 1 }) : String(a);
        case '%d': case '%i': return typeof a === 'bigint' ? `${a}n` : String(m === '%i' ? parseInt(a) : Number(a));
        case '%f': return String(parseFloat(a));
        case '%j': try { return JSON.stringify(a); } catch { return '[Circular]'; }
        default: return inspect(a);
      }
    });
    return [text, ...args.slice(i).map((a) => (typeof a === 'string' ? a : inspect(a)))].join(' ');
  };
  internal.format = format;
  internal.inspect = inspect;

  const isDeepStrictEqual = (a, b, strict = true) => {
    if (strict ? Object.is(a, b) : a == b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof RegExp && b instanceof RegExp) return a.toString() === b.toString();
    if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && isDeepStrictEqual(v, b.get(k), strict));
    if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((v) => b.has(v));
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && isDeepStrictEqual(a[k], b[k], strict));
  };

  define('util', () => ({
    format, inspect, isDeepStrictEqual,
    promisify: (fn) => (...args) => new Promise((resolve, reject) => fn(...args, (err, value) => (err ? reject(err) : resolve(value)))),
    inherits: (ctor, superCtor) => { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); },
    deprecate: (fn) => fn,
    types: {
      isPromise: (v) => v instanceof Promise, isRegExp: (v) => v instanceof RegExp, isDate: (v) => v instanceof Date,
      isMap: (v) => v instanceof Map, isSet: (v) => v instanceof Set, isNativeError: (v) => v instanceof Error,
      isUint8Array: (v) => v instanceof Uint8Array, isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
      isAsyncFunction: (v) => typeof v === 'function' && v.constructor && v.constructor.name === 'AsyncFunction',
    },
  }));

  // --- assert ---
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
    assert.strict = assert;
    return assert;
  });
  builtins.set('assert/strict', () => builtins.get('assert')());

  // --- events ---
  define('events', () => {
    class EventEmitter {
      constructor() { this._events = new Map(); }
      on(name, fn) { if (!this._events) this._events = new Map(); (this._events.get(name) || this._events.set(name, []).get(name)).push(fn); return this; }
      addListener(name, fn) { return this.on(name, fn); }
      prependListener(name, fn) { this.on(name, fn); const l = this._events.get(name); l.unshift(l.pop()); return this; }
      once(name, fn) { const wrapper = (...args) => { this.off(name, wrapper); fn.apply(this, args); }; wrapper.listener = fn; return this.on(name, wrapper); }
      off(name, fn) { const l = this._events && this._events.get(name); if (l) { const i = l.findIndex((f) => f === fn || f.listener === fn); if (i >= 0) l.splice(i, 1); } return this; }
      removeListener(name, fn) { return this.off(name, fn); }
      removeAllListeners(name) { if (name === undefined) this._events = new Map(); else if (this._events) this._events.delete(name); return this; }
      emit(name, ...args) {
        const l = this._events && this._events.get(name);
        if (!l || l.length === 0) { if (name === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error. (${inspect(args[0])})`); return false; }
        for (const fn of [...l]) fn.apply(this, args);
        return true;
      }
      listenerCount(name) { const l = this._events && this._events.get(name); return l ? l.length : 0; }
      listeners(name) { const l = this._events && this._events.get(name); return l ? l.map((f) => f.listener || f) : []; }
      eventNames() { return this._events ? [...this._events.keys()] : []; }
      setMaxListeners() { return this; }
    }
    EventEmitter.EventEmitter = EventEmitter;
    EventEmitter.once = (emitter, name) => new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
    return EventEmitter;
  });

  // --- Buffer, TextEncoder, TextDecoder ---
  const base64Chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const toBase64 = (bytes) => {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      out += base64Chars[(n >> 18) & 63] + base64Chars[(n >> 12) & 63] + (i + 1 < bytes.length ? base64Chars[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? base64Chars[n & 63] : '=');
    }
    return out;
  };
  const fromBase64 = (text) => {
    const clean = text.replace(/[^A-Za-z0-9+/_-]/g, '').replace(/-/g, '+').replace(/_/g, '/');
    const out = [];
    for (let i = 0; i < clean.length; i += 4) {
      const n = (base64Chars.indexOf(clean[i]) << 18) | (base64Chars.indexOf(clean[i + 1]) << 12) | ((base64Chars.indexOf(clean[i + 2]) & 63) << 6) | (base64Chars.indexOf(clean[i + 3]) & 63);
      out.push((n >> 16) & 255);
      if (i + 2 < clean.length) out.push((n >> 8) & 255);
      if (i + 3 < clean.length) out.push(n & 255);
    }
    return out;
  };
  internal.toBase64 = toBase64;
  class Buffer extends Uint8Array {
    static from(value, encoding) {
      if (typeof value === 'string') {
        if (encoding === 'base64' || encoding === 'base64url') return new Buffer(fromBase64(value));
        if (encoding === 'hex') return new Buffer((value.match(/../g) || []).map((h) => parseInt(h, 16)));
        if (encoding === 'latin1' || encoding === 'binary' || encoding === 'ascii') return new Buffer([...value].map((c) => c.charCodeAt(0) & 255));
        const bytes = host.utf8Encode(value);
        return new Buffer(bytes.buffer, bytes.byteOffset, bytes.length);
      }
      if (value instanceof ArrayBuffer) return new Buffer(value, encoding || 0);
      return new Buffer(value);
    }
    static alloc(size, fill = 0) { return new Buffer(size).fill(fill); }
    static allocUnsafe(size) { return new Buffer(size); }
    static isBuffer(v) { return v instanceof Buffer; }
    static byteLength(s, encoding) { return typeof s === 'string' ? Buffer.from(s, encoding).length : s.byteLength; }
    static concat(list, total) {
      const size = total === undefined ? list.reduce((n, b) => n + b.length, 0) : total;
      const out = Buffer.alloc(size);
      let at = 0;
      for (const b of list) { out.set(b.subarray(0, Math.max(0, size - at)), at); at += b.length; if (at >= size) break; }
      return out;
    }
    toString(encoding = 'utf8', start = 0, end = this.length) {
      const view = this.subarray(start, end);
      if (encoding === 'base64') return toBase64(view);
      if (encoding === 'hex') return Array.from(view, (b) => b.toString(16).padStart(2, '0')).join('');
      if (encoding === 'latin1' || encoding === 'binary' || encoding === 'ascii') return String.fromCharCode(...view);
      return host.utf8Decode(view);
    }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
    equals(other) { return this.length === other.length && this.every((b, i) => b === other[i]); }
    slice(start, end) { return this.subarray(start, end); }
    subarray(start, end) { const v = super.subarray(start, end); return new Buffer(v.buffer, v.byteOffset, v.length); }
    write(string, offset = 0) { const bytes = Buffer.from(string); this.set(bytes.subarray(0, this.length - offset), offset); return Math.min(bytes.length, this.length - offset); }
  }
  Object.defineProperty(Buffer, Symbol.species, { get: () => Uint8Array });
  internal.Buffer = Buffer;
  define('buffer', () => ({ Buffer }));
  globalThis.Buffer = Buffer;
  globalThis.TextEncoder = class TextEncoder { get encoding() { return 'utf-8'; } encode(s = '') { return host.utf8Encode(String(s)); } };
  globalThis.TextDecoder = class TextDecoder { get encoding() { return 'utf-8'; } decode(b) { return b === undefined ? '' : host.utf8Decode(b instanceof ArrayBuffer ? new Uint8Array(b) : b); } };
  globalThis.btoa = (s) => toBase64([...String(s)].map((c) => c.charCodeAt(0) & 255));
  globalThis.atob = (s) => String.fromCharCode(...fromBase64(String(s)));

  // --- fs (read only) ---
  class ReadStream {
    constructor(path) { this.path = path; this._caperReadStream = true; }
    on() { return this; }
    pipe(dest) { return dest; }
  }
  internal.ReadStream = ReadStream;
  const fsError = (code, syscall, path) => {
    const messages = { ENOENT: 'no such file or directory', EISDIR: 'illegal operation on a directory', ENOTDIR: 'not a directory' };
    const e = new Error(`${code}: ${messages[code] || code}, ${syscall} '${path}'`);
    e.code = code; e.syscall = syscall; e.path = path; e.errno = -2;
    return e;
  };
  const statOf = (p, syscall) => {
    const s = host.stat(path.resolve(String(p)));
    if (s === null) throw fsError('ENOENT', syscall, p);
    return { size: s.size, mtimeMs: s.mtimeMs, mtime: new Date(s.mtimeMs), isFile: () => s.isFile, isDirectory: () => s.isDirectory, isSymbolicLink: () => false };
  };
  const readFileSync = (p, options) => {
    const encoding = typeof options === 'string' ? options : options && options.encoding;
    const full = path.resolve(String(p));
    const s = statOf(full, 'open');
    if (s.isDirectory()) throw fsError('EISDIR', 'read', p);
    const bytes = host.readBytes(full);
    const buffer = new Buffer(bytes.buffer, bytes.byteOffset, bytes.length);
    return encoding ? buffer.toString(encoding) : buffer;
  };
  define('fs', () => {
    const fs = {
      readFileSync,
      existsSync: (p) => host.stat(path.resolve(String(p))) !== null,
      statSync: (p) => statOf(p, 'stat'),
      lstatSync: (p) => statOf(p, 'lstat'),
      readdirSync: (p) => { const s = statOf(p, 'scandir'); if (!s.isDirectory()) throw fsError('ENOTDIR', 'scandir', p); return host.readdir(path.resolve(String(p))); },
      createReadStream: (p) => { statOf(p, 'open'); return new ReadStream(path.resolve(String(p))); },
      writeFileSync: (p, data) => host.writeFile(path.resolve(String(p)), typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
      mkdirSync: (p, options) => host.mkdir(path.resolve(String(p)), Boolean(options && options.recursive)),
      mkdtempSync: (prefix) => host.mkdtemp(String(prefix)),
      rmSync: (p) => host.rm(path.resolve(String(p))),
      realpathSync: Object.assign((p) => host.realpath(path.resolve(String(p))), { native: (p) => host.realpath(path.resolve(String(p))) }),
      promises: {
        readFile: async (p, options) => readFileSync(p, options),
        stat: async (p) => statOf(p, 'stat'),
        readdir: async (p) => fs.readdirSync(p),
        access: async (p) => { statOf(p, 'access'); },
      },
      readFile: (p, options, callback) => { if (typeof options === 'function') { callback = options; options = undefined; } try { const v = readFileSync(p, options); queueMicrotask(() => callback(null, v)); } catch (e) { queueMicrotask(() => callback(e)); } },
    };
    return fs;
  });
  builtins.set('fs/promises', () => builtins.get('fs')().promises);

  // --- child_process (synchronous only) ---
  define('child_process', () => {
    const spawnSync = (command, args = [], options = {}) => {
      const env = options.env || process.env;
      const result = host.spawn(String(command), args.map(String), { cwd: options.cwd ? path.resolve(options.cwd) : host.cwd(), env, input: options.input === undefined ? undefined : String(options.input) });
      if (result.error) { const e = new Error(result.error); e.code = 'ENOENT'; return { error: e, status: null, stdout: null, stderr: null }; }
      const wrap = (bytes) => { const b = new Buffer(bytes.buffer, bytes.byteOffset, bytes.length); return options.encoding ? b.toString(options.encoding) : b; };
      return { status: result.status, signal: null, stdout: wrap(result.stdout), stderr: wrap(result.stderr), output: [null, wrap(result.stdout), wrap(result.stderr)] };
    };
    const execFileSync = (command, args = [], options = {}) => {
      const r = spawnSync(command, args, options);
      if (r.error) throw r.error;
      if (r.status !== 0) { const e = new Error(`Command failed: ${command} ${args.join(' ')}\n${r.stderr}`); e.status = r.status; e.stdout = r.stdout; e.stderr = r.stderr; throw e; }
      return r.stdout;
    };
    return { spawnSync, execFileSync };
  });

  // --- url ---
  define('url', () => {
    class URLSearchParams {
      constructor(init = '') {
        this._list = [];
        if (typeof init === 'string') for (const part of init.replace(/^\?/, '').split('&')) { if (!part) continue; const [k, v = ''] = part.split('='); this._list.push([decodeURIComponent(k.replace(/\+/g, ' ')), decodeURIComponent(v.replace(/\+/g, ' '))]); }
        else if (init && typeof init === 'object') for (const [k, v] of Array.isArray(init) ? init : Object.entries(init)) this._list.push([String(k), String(v)]);
      }
      get(k) { const e = this._list.find((p) => p[0] === k); return e ? e[1] : null; }
      getAll(k) { return this._list.filter((p) => p[0] === k).map((p) => p[1]); }
      has(k) { return this._list.some((p) => p[0] === k); }
      set(k, v) { this.delete(k); this._list.push([k, String(v)]); }
      append(k, v) { this._list.push([k, String(v)]); }
      delete(k) { this._list = this._list.filter((p) => p[0] !== k); }
      entries() { return this._list[Symbol.iterator](); }
      [Symbol.iterator]() { return this.entries(); }
      forEach(fn) { this._list.forEach(([k, v]) => fn(v, k, this)); }
      toString() { return this._list.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'); }
    }
    const pattern = /^([a-zA-Z][a-zA-Z\d+.-]*:)(?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::(\d+))?)?([^?#]*)(\?[^#]*)?(#.*)?$/;
    class URL {
      constructor(input, base) {
        input = String(input);
        if (base !== undefined && !/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(input)) {
          const b = new URL(base);
          if (input.startsWith('//')) input = b.protocol + input;
          else if (input.startsWith('/')) input = b.origin + input;
          else if (input.startsWith('?')) input = b.origin + b.pathname + input;
          else if (input.startsWith('#')) input = b.origin + b.pathname + b.search + input;
          else input = b.origin + b.pathname.replace(/[^/]*$/, '') + input;
        }
        const m = pattern.exec(input);
        if (!m) throw new TypeError(`Invalid URL: ${input}`);
        this.protocol = m[1].toLowerCase(); this.username = m[2] || ''; this.password = m[3] || '';
        this.hostname = (m[4] || '').toLowerCase(); this.port = m[5] || '';
        const special = ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:'].includes(this.protocol);
        this.pathname = internal.paths.normalize(m[6] || '/').replace(/^\.$/, '/') + ((m[6] || '').endsWith('/') && m[6] !== '/' ? '/' : '');
        if (!special) this.pathname = m[6] || '';
        this.search = m[7] && m[7] !== '?' ? m[7] : ''; this.hash = m[8] && m[8] !== '#' ? m[8] : '';
        this.searchParams = new URLSearchParams(this.search);
      }
      get host() { return this.hostname + (this.port ? ':' + this.port : ''); }
      get origin() { return `${this.protocol}//${this.host}`; }
      get href() { return `${this.protocol}${this.hostname || this.protocol === 'file:' ? '//' : ''}${this.username ? this.username + (this.password ? ':' + this.password : '') + '@' : ''}${this.host}${this.pathname}${this.search}${this.hash}`; }
      toString() { return this.href; }
      toJSON() { return this.href; }
    }
    globalThis.URL = globalThis.URL || URL;
    globalThis.URLSearchParams = globalThis.URLSearchParams || URLSearchParams;
    return {
      URL, URLSearchParams,
      fileURLToPath: (u) => decodeURIComponent((typeof u === 'string' ? new URL(u) : u).pathname),
      pathToFileURL: (p) => new URL('file://' + encodeURI(path.resolve(p))),
    };
  });

  // --- timers: the isolate's event loop keeps them (Node's rules, the realm's real clock) ---
  class Timeout {
    constructor(id) { this.id = id; }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
    refresh() { return this; }
    [Symbol.toPrimitive]() { return this.id; }
  }
  const schedule = (fn, delay, args, repeat) => {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    return new Timeout(host.timerSet(() => fn(...args), Number(delay), repeat));
  };
  const idOf = (t) => (t && typeof t === 'object' ? t.id : t);
  const clear = (t) => { const id = idOf(t); if (typeof id === 'number') host.timerClear(id); };
  const timerApi = {
    setTimeout: (fn, delay, ...args) => schedule(fn, delay, args, false),
    setInterval: (fn, delay, ...args) => schedule(fn, delay, args, true),
    setImmediate: (fn, ...args) => {
      if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
      return new Timeout(host.immediateSet(() => fn(...args)));
    },
    clearTimeout: clear, clearInterval: clear, clearImmediate: clear,
  };
  Object.assign(globalThis, timerApi);
  globalThis.queueMicrotask = (fn) => { Promise.resolve().then(fn); };
  define('timers', () => timerApi);
  define('timers/promises', () => ({ setTimeout: (ms, value) => new Promise((resolve) => schedule(resolve, ms, [value], false)), setImmediate: (value) => new Promise((resolve) => timerApi.setImmediate(resolve, value)) }));

  // --- process and console ---
  // What differs per process (environment, arguments, pid, ...) arrives through `internal.start`,
  // after this file ran: the runtime can be kept in a startup snapshot.
  let startedAt = 0;
  const process = {
    env: {}, argv: [], argv0: 'caper', execArgv: [], platform: 'linux', arch: 'x64',
    execPath: '', version: 'v18.20.4', versions: { node: '18.20.4', v8: '' }, pid: 0, exitCode: undefined,
    cwd: () => host.cwd(),
    nextTick: (fn, ...args) => { Promise.resolve().then(() => fn(...args)); },
    hrtime: Object.assign((previous) => {
      const t = host.now() - startedAt, s = Math.floor(t / 1000), ns = Math.floor((t % 1000) * 1e6);
      if (!previous) return [s, ns];
      let ds = s - previous[0], dns = ns - previous[1];
      if (dns < 0) { ds -= 1; dns += 1e9; }
      return [ds, dns];
    }, { bigint: () => BigInt(Math.floor((host.now() - startedAt) * 1e6)) }),
    uptime: () => (host.now() - startedAt) / 1000,
    memoryUsage: () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }),
    stdout: { write: (s) => { host.print('out', String(s)); return true; }, isTTY: false },
    stderr: { write: (s) => { host.print('err', String(s)); return true; }, isTTY: false },
    on() { return process; }, once() { return process; }, off() { return process; }, emit() { return false; },
    exit: (code) => { throw new Error(`process.exit(${code === undefined ? '' : code}) was called by support code; Caper does not exit from steps`); },
  };
  globalThis.process = process;
  define('process', () => process);
  internal.start = (setup) => {
    Object.assign(internal, setup);
    Object.assign(process, { env: setup.environment, argv: setup.argv, arch: setup.arch, execPath: setup.execPath, pid: setup.pid });
    process.versions.v8 = setup.v8Version;
    startedAt = host.now();
  };
  const print = (stream) => (...args) => host.print(stream, format(...args) + '\n');
  const counts = new Map(), clocks = new Map();
  globalThis.console = {
    log: print('out'), info: print('out'), debug: print('out'), warn: print('err'), error: print('err'), trace: print('err'),
    dir: (v) => host.print('out', inspect(v) + '\n'), table: print('out'),
    assert: (ok, ...args) => { if (!ok) host.print('err', 'Assertion failed' + (args.length ? ': ' + format(...args) : '') + '\n'); },
    count: (label = 'default') => { counts.set(label, (counts.get(label) || 0) + 1); host.print('out', `${label}: ${counts.get(label)}\n`); },
    time: (label = 'default') => clocks.set(label, host.now()),
    timeEnd: (label = 'default') => { host.print('out', `${label}: ${(host.now() - (clocks.get(label) || host.now())).toFixed(3)}ms\n`); clocks.delete(label); },
  };
  define('console', () => globalThis.console);
  define('os', () => ({ EOL: '\n', platform: () => 'linux', arch: () => internal.arch, tmpdir: () => '/tmp', homedir: () => internal.environment.HOME || '/', cpus: () => [], hostname: () => 'localhost', type: () => 'Linux' }));
})();
