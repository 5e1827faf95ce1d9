// Globals Node gives every module: `global`, `performance`, `structuredClone`.
(host, runtime) => {
  globalThis.global = globalThis;
  const timeOrigin = Date.now() - host.now();
  if (globalThis.performance === undefined) {
    globalThis.performance = {
      now: () => host.now(),
      get timeOrigin() { return timeOrigin; },
      mark: () => {}, measure: () => {}, getEntriesByName: () => [], clearMarks: () => {}, clearMeasures: () => {},
      toJSON() { return { timeOrigin }; },
    };
  }
  const DataCloneError = (what) => {
    const error = new Error(`${what} could not be cloned.`);
    error.name = 'DataCloneError';
    return error;
  };
  /// The HTML structured clone of a value: cycles and shared references kept, Dates, RegExps,
  /// Maps, Sets, ArrayBuffers, typed arrays and Errors copied; functions and symbols refused.
  globalThis.structuredClone = (value) => {
    const seen = new Map();
    const clone = (v) => {
      if (typeof v === 'function') throw DataCloneError(String(v).slice(0, 40));
      if (typeof v === 'symbol') throw DataCloneError(String(v));
      if (v === null || typeof v !== 'object') return v;
      if (seen.has(v)) return seen.get(v);
      let out;
      if (v instanceof Date) out = new Date(v.getTime());
      else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
      else if (v instanceof ArrayBuffer) out = v.slice(0);
      else if (ArrayBuffer.isView(v)) out = new v.constructor(clone(v.buffer), v.byteOffset, v.length ?? v.byteLength);
      else if (v instanceof Map) { out = new Map(); seen.set(v, out); for (const [k, e] of v) out.set(clone(k), clone(e)); return out; }
      else if (v instanceof Set) { out = new Set(); seen.set(v, out); for (const e of v) out.add(clone(e)); return out; }
      else if (v instanceof Error) { out = new (globalThis[v.name] || Error)(v.message); if (v.stack) out.stack = v.stack; }
      else if (Array.isArray(v)) { out = new Array(v.length); seen.set(v, out); for (let i = 0; i < v.length; i++) if (i in v) out[i] = clone(v[i]); return out; }
      else { out = {}; seen.set(v, out); for (const k of Object.keys(v)) out[k] = clone(v[k]); return out; }
      seen.set(v, out);
      return out;
    };
    return clone(value);
  };
  return {};
}
