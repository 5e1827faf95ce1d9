// structuredClone (HTML §2.7 "Safe passing of structured data"): StructuredSerializeWithTransfer
// and StructuredDeserializeWithTransfer in one pass, for the types pages of Chrome 102 clone:
// primitives (not symbols), Boolean/Number/String/BigInt objects, Date, RegExp, ArrayBuffer and
// its views, Map, Set, Array (length and holes kept), plain objects (own enumerable string keys),
// the Error types (name, message, stack), DOMException, Blob and File; cycles and shared
// references keep their shape. Functions, symbols, DOM nodes and other platform objects,
// promises and weak collections throw a DataCloneError with Chrome's message. The transfer list
// takes ArrayBuffers and MessagePorts (messaging.js hands the port steps in). Every built-in
// used is captured when this script runs, so pages that replace `Map.prototype.set`,
// `Array.prototype.push` or `JSON.stringify` clone the same.
//
// A transferred ArrayBuffer's bytes move to the clone and the sender's buffer is detached
// (`host.detach`, native: V8 10.2 gives JavaScript no way to detach one).
(host, runtime) => {
  'use strict';
  const {
    ArrayBuffer, ArrayIsArray, BigIntPrototypeValueOf, DatePrototypeGetTime, Error, FunctionPrototypeCall, FunctionPrototypeToString, Map,
    MapPrototypeForEach, MapPrototypeGet, MapPrototypeHas, MapPrototypeSet, NumberPrototypeValueOf, ObjectDefineProperty,
    ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ObjectKeys, ObjectPrototypeHasOwnProperty, ObjectPrototypeToString,
    Object: ObjectConstructor, RangeError, RegExp, Set, SetPrototypeAdd, SetPrototypeForEach, String, StringPrototypeValueOf,
    SymbolPrototypeToString, SyntaxError, TypeError, WeakMapPrototypeHas,
  } = runtime.primordials;
  const { Boolean, DataView, EvalError, ReferenceError, URIError, WeakSet } = globalThis;
  const { valueOf: booleanValueOf } = Boolean.prototype;
  const { has: weakSetHas } = WeakSet.prototype;
  const BooleanPrototypeValueOf = (value) => FunctionPrototypeCall(booleanValueOf, value);
  const WeakSetPrototypeHas = (value) => FunctionPrototypeCall(weakSetHas, value);
  const ObjectPrototype = ObjectGetPrototypeOf({});
  const { makeError, DOMException } = runtime['dom-exception'];
  const encoding = runtime.encoding;
  const { isBlob, blobData, makeBlob } = runtime.blob;
  const { Blob, File } = runtime.blob.interfaces;

  const getterOf = (prototype, name) => {
    const get = ObjectGetOwnPropertyDescriptor(prototype, name).get;
    return (value) => FunctionPrototypeCall(get, value);
  };
  const regExpSource = getterOf(RegExp.prototype, 'source');
  const regExpFlags = getterOf(RegExp.prototype, 'flags');
  const mapSize = getterOf(Map.prototype, 'size');
  const setSize = getterOf(Set.prototype, 'size');
  const domExceptionName = getterOf(DOMException.prototype, 'name');
  const domExceptionMessage = getterOf(DOMException.prototype, 'message');
  /** The typed array constructors by kind, as captured now. */
  const typedArrays = { __proto__: null };
  for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
    typedArrays[name] = globalThis[name];
  }
  const errorConstructors = {
    __proto__: null, Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
  };

  /** Whether `check(value)` accepts `value` (a brand check that throws for anything else). */
  const hasBrand = (check, value) => {
    try {
      check(value);
      return true;
    } catch {
      return false;
    }
  };

  // MessagePort transfer, given by messaging.js: { isPort(value), transfer(port) -> new port }.
  let ports = null;
  const setPortTransfer = (steps) => { ports = steps; };

  // The prototypes of the page's platform objects (interfaces of the window), by interface name;
  // made on first use, once every script has exported its interfaces.
  let platformPrototypes = null;
  const platformInterfaceOf = (value) => {
    if (platformPrototypes === null) {
      platformPrototypes = new Map();
      const names = ObjectKeys(runtime);
      for (let i = 0; i < names.length; i++) {
        const interfaces = runtime[names[i]]?.interfaces;
        if (interfaces === undefined || interfaces === null) continue;
        const keys = ObjectKeys(interfaces);
        for (let k = 0; k < keys.length; k++) {
          const prototype = interfaces[keys[k]]?.prototype;
          if (prototype !== undefined && prototype !== null) MapPrototypeSet(platformPrototypes, prototype, keys[k]);
        }
      }
      MapPrototypeSet(platformPrototypes, runtime.window.Window.prototype, 'Window');
      MapPrototypeSet(platformPrototypes, DOMException.prototype, 'DOMException');
    }
    for (let prototype = ObjectGetPrototypeOf(value); prototype !== null; prototype = ObjectGetPrototypeOf(prototype)) {
      const name = MapPrototypeGet(platformPrototypes, prototype);
      if (name !== undefined) return name;
    }
    return null;
  };
  const isNode = (value) => typeof value[runtime.internals.TYPE] === 'number';

  /** Chrome's DataCloneError: `<context>: <what> could not be cloned.` */
  const cloneError = (context, what) => makeError('DataCloneError', `${context}: ${what} could not be cloned.`);
  /** V8's short description of an object it cannot clone (`#<Promise>`). */
  const describeObject = (value) => {
    let name = 'Object';
    try {
      const constructor = ObjectGetPrototypeOf(value)?.constructor;
      if (typeof constructor === 'function' && typeof constructor.name === 'string' && constructor.name !== '') name = constructor.name;
    } catch {
      // A description is all that is wanted here.
    }
    return `#<${name}>`;
  };

  /** CreateDataProperty: an own enumerable data property, whatever setters the prototypes have. */
  const createDataProperty = (object, key, value) => {
    ObjectDefineProperty(object, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  };

  /**
   * Clones `value` with `transfer` (a list of ArrayBuffers and MessagePorts, already checked);
   * returns `[clone, transferredPorts]`. `context` starts each error message
   * (`Failed to execute 'structuredClone' on 'Window'`).
   */
  const cloneWithTransfer = (value, transfer, context) => {
    const memory = new Map();
    const transferred = [];
    for (let i = 0; i < transfer.length; i++) {
      const item = transfer[i];
      if (ports !== null && ports.isPort(item)) {
        const port = ports.transfer(item);
        MapPrototypeSet(memory, item, port);
        transferred[transferred.length] = port;
      } else {
        MapPrototypeSet(memory, item, cloneArrayBuffer(item));
      }
    }

    const clone = (value) => {
      const type = typeof value;
      if (type === 'symbol') throw cloneError(context, SymbolPrototypeToString(value));
      if (value === null || (type !== 'object' && type !== 'function')) return value;
      const known = MapPrototypeGet(memory, value);
      if (known !== undefined) return known;
      if (type === 'function') throw cloneError(context, FunctionPrototypeToString(value));
      if (ArrayIsArray(value)) {
        const result = [];
        MapPrototypeSet(memory, value, result);
        result.length = value.length;
        const keys = ObjectKeys(value);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (key === 'length') continue;
          createDataProperty(result, key, clone(value[key]));
        }
        return result;
      }
      const kind = encoding.typedArrayKind(value);
      if (kind !== undefined) {
        const buffer = clone(encoding.typedArrayBuffer(value));
        const View = typedArrays[kind];
        const result = new View(buffer, encoding.typedArrayByteOffset(value), encoding.typedArrayByteLength(value) / View.BYTES_PER_ELEMENT);
        MapPrototypeSet(memory, value, result);
        return result;
      }
      if (encoding.isDataView(value)) {
        const buffer = clone(encoding.dataViewBuffer(value));
        const result = new DataView(buffer, encoding.dataViewByteOffset(value), encoding.dataViewByteLength(value));
        MapPrototypeSet(memory, value, result);
        return result;
      }
      if (encoding.isArrayBuffer(value)) {
        const result = cloneArrayBuffer(value);
        MapPrototypeSet(memory, value, result);
        return result;
      }
      if (isBlob(value)) {
        const data = blobData(value);
        const result = data.name === undefined ? makeBlob(data.bytes, data.type, Blob.prototype)
          : makeBlob(data.bytes, data.type, File.prototype, data);
        MapPrototypeSet(memory, value, result);
        return result;
      }
      const prototype = ObjectGetPrototypeOf(value);
      const tag = ObjectPrototypeToString(value);
      if (prototype !== ObjectPrototype && prototype !== null) {
        if (hasBrand(mapSize, value)) {
          const entries = [];
          MapPrototypeForEach(value, (entryValue, key) => { entries[entries.length] = key; entries[entries.length] = entryValue; });
          const result = new Map();
          MapPrototypeSet(memory, value, result);
          for (let i = 0; i < entries.length; i += 2) MapPrototypeSet(result, clone(entries[i]), clone(entries[i + 1]));
          return result;
        }
        if (hasBrand(setSize, value)) {
          const items = [];
          SetPrototypeForEach(value, (item) => { items[items.length] = item; });
          const result = new Set();
          MapPrototypeSet(memory, value, result);
          for (let i = 0; i < items.length; i++) SetPrototypeAdd(result, clone(items[i]));
          return result;
        }
        const result = cloneBuiltIn(value, tag);
        if (result !== undefined) {
          MapPrototypeSet(memory, value, result);
          return result;
        }
        if (ports !== null && ports.isPort(value)) {
          throw makeError('DataCloneError', `${context}: A MessagePort could not be cloned because it was not transferred.`);
        }
        const platform = platformInterfaceOf(value);
        if (platform === 'DOMException') {
          const exception = new DOMException(domExceptionMessage(value), domExceptionName(value));
          MapPrototypeSet(memory, value, exception);
          return exception;
        }
        if (platform !== null) throw cloneError(context, `${platform} object`);
        if (isNode(value)) throw cloneError(context, 'Node object');
        if (tag === '[object Promise]' || hasBrand(WeakMapPrototypeHas, value) || hasBrand(WeakSetPrototypeHas, value)) {
          throw cloneError(context, describeObject(value));
        }
      } else if (tag !== '[object Object]') {
        const result = cloneBuiltIn(value, tag);
        if (result !== undefined) {
          MapPrototypeSet(memory, value, result);
          return result;
        }
      }
      // An ordinary object: its own enumerable string-keyed properties, in order.
      const result = {};
      MapPrototypeSet(memory, value, result);
      const keys = ObjectKeys(value);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        createDataProperty(result, key, clone(value[key]));
      }
      return result;
    };
    const result = clone(value);
    // The transfer's last step: the sender's buffers are detached (their bytes now live in the clone).
    for (let i = 0; i < transfer.length; i++) {
      if (ports === null || !ports.isPort(transfer[i])) host.detach(transfer[i]);
    }
    return [result, transferred];
  };

  /** A copy of an ArrayBuffer. */
  const cloneArrayBuffer = (buffer) => {
    const length = encoding.arrayBufferByteLength(buffer);
    const result = new ArrayBuffer(length);
    encoding.setBytes(new runtime.primordials.Uint8Array(result), new runtime.primordials.Uint8Array(buffer, 0, length));
    return result;
  };
  /** The clone of a Date, RegExp, primitive wrapper or Error; undefined for anything else. */
  const cloneBuiltIn = (value, tag) => {
    if (hasBrand(DatePrototypeGetTime, value)) return new runtime.primordials.Date(DatePrototypeGetTime(value));
    // RegExp.prototype's `source` getter answers for RegExp.prototype itself, and throws for all but RegExps.
    if (value !== RegExp.prototype && hasBrand(regExpSource, value)) {
      return new RegExp(regExpSource(value), regExpFlags(value));
    }
    if (hasBrand(BooleanPrototypeValueOf, value)) return ObjectConstructor(BooleanPrototypeValueOf(value));
    if (hasBrand(NumberPrototypeValueOf, value)) return ObjectConstructor(NumberPrototypeValueOf(value));
    if (hasBrand(StringPrototypeValueOf, value)) return ObjectConstructor(StringPrototypeValueOf(value));
    if (hasBrand(BigIntPrototypeValueOf, value)) return ObjectConstructor(BigIntPrototypeValueOf(value));
    if (tag === '[object Error]') return cloneErrorObject(value);
    return undefined;
  };

  /** HTML §2.7.3 for an Error: the name if it is one of the seven, the message if own, and V8's stack. */
  const cloneErrorObject = (value) => {
    let name = 'Error';
    const nameValue = value.name;
    if (typeof nameValue === 'string' && errorConstructors[nameValue] !== undefined) name = nameValue;
    const descriptor = ObjectGetOwnPropertyDescriptor(value, 'message');
    const Constructor = errorConstructors[name];
    const result = descriptor !== undefined && ObjectPrototypeHasOwnProperty(descriptor, 'value')
      ? new Constructor(String(descriptor.value)) : new Constructor();
    const stack = value.stack;
    if (typeof stack === 'string') ObjectDefineProperty(result, 'stack', { __proto__: null, value: stack, writable: true, configurable: true });
    return result;
  };

  return ObjectFreeze({ cloneWithTransfer, setPortTransfer, cloneArrayBuffer });
}
