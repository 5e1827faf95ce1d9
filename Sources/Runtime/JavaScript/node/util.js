// node:util — format, inspect, isDeepStrictEqual, promisify, types. Exports format, inspect,
// isDeepStrictEqual for the other built-ins.
(host, runtime) => {
  const { define } = runtime.modules;
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

  const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');
  const promisify = (fn) => {
    if (typeof fn[promisifyCustom] === 'function') return fn[promisifyCustom];
    return (...args) => new Promise((resolve, reject) => {
      fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
    });
  };
  promisify.custom = promisifyCustom;
  define('util', () => ({
    format, inspect, isDeepStrictEqual,
    promisify,
    inherits: (ctor, superCtor) => { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); },
    deprecate: (fn) => fn,
    types: {
      isPromise: (v) => v instanceof Promise, isRegExp: (v) => v instanceof RegExp, isDate: (v) => v instanceof Date,
      isMap: (v) => v instanceof Map, isSet: (v) => v instanceof Set, isNativeError: (v) => v instanceof Error,
      isUint8Array: (v) => v instanceof Uint8Array, isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
      isAsyncFunction: (v) => typeof v === 'function' && v.constructor && v.constructor.name === 'AsyncFunction',
    },
  }));
  return { format, inspect, isDeepStrictEqual };
}
