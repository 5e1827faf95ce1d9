// Playwright's serialization of the values `evaluate` passes between a support realm and a page
// realm (its utility script's serializers), as text. This one file is installed in both realms:
// each side encodes with the built-ins it captured before any other code ran and revives with its
// own objects, so no object of either realm ever crosses.
//
// Numbers, strings and booleans are JSON; `{"v": "undefined" | "null" | "NaN" | "Infinity" |
// "-Infinity" | "-0"}`, `{"bi": digits}`, `{"d": ISO date or null}`, `{"r": {"p": source, "f":
// flags}}`, `{"e": {"n": name, "m": message, "s": stack}}`, `{"a": [items], "id": n}`, `{"o": [{"k":
// key, "v": value}], "id": n}` and `{"ref": n}` for a value met again (cycles). What a realm has
// of its own (a page's nodes and window) is a string its encoder's `reference` gives, or
// `{"h": n}`, a handle that the reviving side's `handle(n)` turns into its object.
(host, runtime) => {
  'use strict';
  const {
    JSONParse, JSONStringify, ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectDefineProperty, ObjectKeys, ObjectIs,
    ObjectPrototypeToString, FunctionPrototypeCall, ArrayIsArray, NumberIsNaN, BigIntPrototypeToString, DatePrototypeGetTime,
    DatePrototypeToISOString, ObjectPrototypeHasOwnProperty, Map, MapPrototypeGet, MapPrototypeSet, String, Date, RegExp, BigInt, Error,
  } = runtime.primordials;
  const regExpSource = ObjectGetOwnPropertyDescriptor(RegExp.prototype, 'source').get;
  const regExpFlags = ObjectGetOwnPropertyDescriptor(RegExp.prototype, 'flags').get;

  const kindOf = (value) => {
    try {
      return ObjectPrototypeToString(value);
    } catch {
      return '';
    }
  };

  /// An encoder: `value` as the text of its serialization; `unsupported(type)` gives the text for a
  /// symbol or a function (or throws), `reference(value)` the text for what the realm has of its
  /// own, or undefined. `seen.ids` maps objects met so far to their ids. Getters run (page code, in the page); one that throws leaves its field
  /// out, as Playwright does.
  const makeEncoder = (unsupported, reference) => {
  const encode = (value, seen) => {
    if (value === undefined) return '{"v":"undefined"}';
    if (value === null) return '{"v":"null"}';
    switch (typeof value) {
      case 'boolean': return value ? 'true' : 'false';
      case 'string': return JSONStringify(value);
      case 'number':
        if (NumberIsNaN(value)) return '{"v":"NaN"}';
        if (value === 1 / 0) return '{"v":"Infinity"}';
        if (value === -1 / 0) return '{"v":"-Infinity"}';
        if (ObjectIs(value, -0)) return '{"v":"-0"}';
        return JSONStringify(value);
      case 'bigint': return `{"bi":${JSONStringify(BigIntPrototypeToString(value))}}`;
      case 'symbol':
      case 'function': return unsupported(typeof value);
    }
    const own = reference(value);
    if (own !== undefined) return own;
    const kind = kindOf(value);
    if (kind === '[object Date]') {
      const time = DatePrototypeGetTime(value);
      return `{"d":${NumberIsNaN(time) ? 'null' : JSONStringify(DatePrototypeToISOString(value))}}`;
    }
    if (kind === '[object RegExp]') {
      const source = FunctionPrototypeCall(regExpSource, value);
      const flags = FunctionPrototypeCall(regExpFlags, value);
      return `{"r":{"p":${JSONStringify(String(source))},"f":${JSONStringify(String(flags))}}}`;
    }
    if (kind === '[object Error]') return `{"e":${describeError(value)}}`;
    const known = MapPrototypeGet(seen.ids, value);
    if (known !== undefined) return `{"ref":${known}}`;
    const id = ++seen.count;
    MapPrototypeSet(seen.ids, value, id);
    if (ArrayIsArray(value)) {
      let items = '';
      const length = value.length;
      for (let i = 0; i < length; i++) items += (i === 0 ? '' : ',') + encode(value[i], seen);
      return `{"a":[${items}],"id":${id}}`;
    }
    let fields = '';
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      let field;
      try {
        field = value[key];
      } catch {
        continue;
      }
      fields += `${fields === '' ? '' : ','}{"k":${JSONStringify(key)},"v":${encode(field, seen)}}`;
    }
    return `{"o":[${fields}],"id":${id}}`;
  };
  return (value) => encode(value, { ids: new Map(), count: 0 });
  };

  /// The `reference` of a page realm's encoder: its window and nodes as the strings Playwright
  /// gives for them (`TYPE` is the nodes' internal type slot).
  const pageReference = (global, TYPE) => (value) => {
    if (value === global) return '"ref: <Window>"';
    const nodeType = value[TYPE];
    if (typeof nodeType === 'number') return nodeType === 9 ? '"ref: <Document>"' : '"ref: <Node>"';
    return undefined;
  };

  /// What a thrown value says, as `{"n", "m", "s"}` text: an error's name, message and stack, or
  /// any other value as its text (the name empty).
  const describeError = (error) => {
    const text = (read) => {
      try {
        const value = read();
        return value === undefined ? '' : String(value);
      } catch {
        return '';
      }
    };
    const isError = error !== null && typeof error === 'object' && kindOf(error) === '[object Error]';
    if (!isError) return `{"n":"","m":${JSONStringify(text(() => error))},"s":""}`;
    return `{"n":${JSONStringify(text(() => error.name))},"m":${JSONStringify(text(() => error.message))},"s":${JSONStringify(text(() => error.stack))}}`;
  };

  /// An error sent as `{n, m, s}`, as an Error of this realm; its stack is kept.
  const revivedError = ({ n, m, s }) => {
    const error = new Error(m);
    if (n !== '' && n !== 'Error') ObjectDefineProperty(error, 'name', { __proto__: null, value: n, writable: true, configurable: true });
    if (s !== '') ObjectDefineProperty(error, 'stack', { __proto__: null, value: s, writable: true, configurable: true });
    return error;
  };

  /// A value rebuilt from its serialization, with this realm's objects; `refs` maps ids to the
  /// objects rebuilt so far. Fields are defined, never assigned (no setter runs, `__proto__` is a
  /// plain key).
  const revive = (value, refs, handle = null) => {
    if (value === null || typeof value !== 'object') return value;
    const has = (key) => ObjectPrototypeHasOwnProperty(value, key);
    if (has('v')) {
      switch (value.v) {
        case 'null': return null;
        case 'NaN': return 0 / 0;
        case 'Infinity': return 1 / 0;
        case '-Infinity': return -1 / 0;
        case '-0': return -0;
        default: return undefined;
      }
    }
    if (has('bi')) return BigInt(value.bi);
    if (has('d')) return new Date(value.d === null ? 0 / 0 : value.d);
    if (has('r')) return new RegExp(value.r.p, value.r.f);
    if (has('ref')) return MapPrototypeGet(refs, value.ref);
    if (has('e')) return revivedError(value.e);
    if (has('h') && handle !== null) return handle(value.h);
    const field = (target, key, item) =>
      ObjectDefineProperty(target, key, { __proto__: null, value: item, writable: true, enumerable: true, configurable: true });
    if (has('a')) {
      const array = [];
      MapPrototypeSet(refs, value.id, array);
      for (let i = 0; i < value.a.length; i++) field(array, i, revive(value.a[i], refs, handle));
      return array;
    }
    const object = {};
    MapPrototypeSet(refs, value.id, object);
    for (let i = 0; i < value.o.length; i++) field(object, value.o[i].k, revive(value.o[i].v, refs, handle));
    return object;
  };
  const decode = (text, handle = null) => (text === undefined ? undefined : revive(JSONParse(text), new Map(), handle));

  return ObjectFreeze({ makeEncoder, pageReference, revive, decode, describeError });
}
