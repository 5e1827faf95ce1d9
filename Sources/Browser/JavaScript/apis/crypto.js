// Web Cryptography API (§10 Crypto, §14 SubtleCrypto) as far as pages of Chrome 102 commonly use
// it: `crypto.getRandomValues` (integer typed arrays, at most 65,536 bytes), `crypto.randomUUID`
// (RFC 4122 version 4) and `crypto.subtle.digest` (SHA-1, SHA-256, SHA-384, SHA-512; a promise of
// an ArrayBuffer). Random bytes come from Swift's system generator (`host.randomBytes`), digests
// from swift-crypto (`host.digest`). `randomUUID`, `subtle` and `SubtleCrypto` exist only in
// secure contexts, as in Chrome.
(host, runtime) => {
  'use strict';
  const {
    NumberPrototypeToString, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, PromiseReject, PromiseResolve,
    ReflectDeleteProperty, StringPrototypePadStart, StringPrototypeToUpperCase, Symbol, TypeError, Uint8Array,
  } = runtime.primordials;
  const { makeError } = runtime['dom-exception'];
  const { bytesCopy, typedArrayKind, typedArrayBuffer, typedArrayByteOffset, typedArrayByteLength, setBytes, toDOMString } =
    runtime.encoding;

  const QUOTA = 65536;
  const integerKinds = {
    __proto__: null, Int8Array: true, Uint8Array: true, Uint8ClampedArray: true, Int16Array: true, Uint16Array: true,
    Int32Array: true, Uint32Array: true, BigInt64Array: true, BigUint64Array: true,
  };
  /** Chrome's name of a view's type in its messages: `Float32`, `DataView`. */
  const viewTypeName = (kind) => (kind === undefined ? 'DataView' : runtime.primordials.StringPrototypeSlice(kind, 0, kind.length - 5));

  /** `count` bytes from the system's random generator. */
  const randomBytes = (count) => host.randomBytes(count);
  /** A version 4 UUID, lowercase (RFC 4122 §4.4). */
  const uuidV4 = () => {
    const bytes = randomBytes(16);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let text = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) text += '-';
      text += StringPrototypePadStart(NumberPrototypeToString(bytes[i], 16), 2, '0');
    }
    return text;
  };

  let constructing = false;
  const illegal = () => {
    if (!constructing) throw new TypeError('Illegal constructor');
    constructing = false;
  };
  const SUBTLE = Symbol('subtle');

  class Crypto {
    constructor() { illegal(); }
    get subtle() { return this[SUBTLE]; }
    getRandomValues(array) {
      const context = "Failed to execute 'getRandomValues' on 'Crypto'";
      if (arguments.length === 0) throw new TypeError(`${context}: 1 argument required, but only 0 present.`);
      if (!runtime.primordials.ArrayBufferIsView(array)) throw new TypeError(`${context}: parameter 1 is not of type 'ArrayBufferView'.`);
      const kind = typedArrayKind(array);
      if (kind === undefined || integerKinds[kind] !== true) {
        throw makeError('TypeMismatchError',
          `${context}: The provided ArrayBufferView is of type '${viewTypeName(kind)}', which is not an integer array type.`);
      }
      const length = typedArrayByteLength(array);
      if (length > QUOTA) {
        throw makeError('QuotaExceededError',
          `${context}: The ArrayBufferView's byte length (${length}) exceeds the number of bytes of entropy available via this API (${QUOTA}).`);
      }
      if (length > 0) setBytes(new Uint8Array(typedArrayBuffer(array), typedArrayByteOffset(array), length), randomBytes(length));
      return array;
    }
    randomUUID() { return uuidV4(); }
  }

  const DIGESTS = { __proto__: null, 'SHA-1': true, 'SHA-256': true, 'SHA-384': true, 'SHA-512': true };
  class SubtleCrypto {
    constructor() { illegal(); }
    digest(algorithm, data) {
      const context = "Failed to execute 'digest' on 'SubtleCrypto'";
      try {
        if (arguments.length < 2) throw new TypeError(`${context}: 2 arguments required, but only ${arguments.length} present.`);
        let name;
        if (algorithm !== null && typeof algorithm === 'object') {
          if (algorithm.name === undefined) throw new TypeError(`${context}: Algorithm: name: Missing or not a string`);
          name = toDOMString(algorithm.name, context);
        } else {
          name = toDOMString(algorithm, context);
        }
        const bytes = bytesCopy(data);
        if (bytes === null) throw new TypeError(`${context}: parameter 2 is not of type '(ArrayBuffer or ArrayBufferView)'.`);
        const normalized = StringPrototypeToUpperCase(name);
        if (DIGESTS[normalized] !== true) throw makeError('NotSupportedError', 'Algorithm: Unrecognized name');
        return PromiseResolve(host.digest(normalized, bytes));
      } catch (error) {
        return PromiseReject(error);
      }
    }
  }

  const interfaces = { Crypto, SubtleCrypto };
  for (const name in interfaces) {
    const prototype = interfaces[name].prototype;
    ObjectDefineProperty(prototype, Symbol.toStringTag, { value: name, configurable: true });
    for (const key of ['subtle', 'getRandomValues', 'randomUUID', 'digest']) {
      const descriptor = ObjectGetOwnPropertyDescriptor(prototype, key);
      if (descriptor === undefined) continue;
      descriptor.enumerable = true;
      ObjectDefineProperty(prototype, key, descriptor);
    }
  }

  const install = (global) => {
    constructing = true;
    const crypto = new Crypto();
    if (runtime.settings.isSecureContext()) {
      constructing = true;
      ObjectDefineProperty(crypto, SUBTLE, { value: new SubtleCrypto() });
    } else {
      // [SecureContext] members are absent elsewhere.
      ReflectDeleteProperty(Crypto.prototype, 'subtle');
      ReflectDeleteProperty(Crypto.prototype, 'randomUUID');
      ReflectDeleteProperty(global, 'SubtleCrypto');
    }
    ObjectDefineProperty(global, 'crypto', { get() { return crypto; }, configurable: true, enumerable: true });
  };
  return ObjectFreeze({ interfaces: ObjectFreeze(interfaces), install, randomBytes, uuidV4 });
}
