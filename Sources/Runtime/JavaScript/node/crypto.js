// node:crypto (hashes, HMACs, random bytes, UUIDs, timingSafeEqual, webcrypto.getRandomValues)
// and the global `crypto`, over swift-crypto through host functions.
(host, runtime) => {
  const { define } = runtime.modules;
  const { Buffer } = runtime.buffer;
  const { ArrayPrototypePush } = runtime.primordials;
  const toBytes = (data, encoding) => {
    if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    throw new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView');
  };
  const output = (bytes, encoding) => {
    const buffer = Buffer.from(bytes.buffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes);
    return encoding ? buffer.toString(encoding) : buffer;
  };
  class Digest {
    constructor(make) { this._make = make; this._chunks = []; this._done = false; }
    update(data, encoding) {
      if (this._done) throw new Error('Digest already called');
      ArrayPrototypePush(this._chunks, toBytes(data, encoding));
      return this;
    }
    digest(encoding) {
      if (this._done) throw new Error('Digest already called');
      this._done = true;
      return output(this._make(Buffer.concat(this._chunks)), encoding);
    }
  }
  const createHash = (algorithm) => new Digest((data) => host.hash(String(algorithm), data));
  const createHmac = (algorithm, key) => {
    const keyBytes = toBytes(key);
    return new Digest((data) => host.hmac(String(algorithm), keyBytes, data));
  };
  const randomBytes = (size, callback) => {
    const bytes = output(host.randomBytes(size));
    if (typeof callback === 'function') { queueMicrotask(() => callback(null, bytes)); return undefined; }
    return bytes;
  };
  const randomFillSync = (view, offset = 0, size) => {
    const bytes = new Uint8Array(view.buffer || view, view.byteOffset || 0, view.byteLength);
    const count = size === undefined ? bytes.length - offset : size;
    bytes.set(host.randomBytes(count), offset);
    return view;
  };
  const getRandomValues = (view) => {
    if (!ArrayBuffer.isView(view) || view instanceof Float32Array || view instanceof Float64Array) {
      throw new TypeError('The data argument must be an integer-type TypedArray');
    }
    if (view.byteLength > 65536) throw new RangeError(`The ArrayBufferView's byte length (${view.byteLength}) exceeds 65536`);
    return randomFillSync(view);
  };
  const hex = (b) => (b < 16 ? '0' : '') + b.toString(16);
  const randomUUID = () => {
    const b = host.randomBytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let s = '';
    for (let i = 0; i < 16; i++) { s += hex(b[i]); if (i === 3 || i === 5 || i === 7 || i === 9) s += '-'; }
    return s;
  };
  const timingSafeEqual = (a, b) => {
    const x = toBytes(a), y = toBytes(b);
    if (x.length !== y.length) throw new RangeError('Input buffers must have the same byte length');
    let diff = 0;
    for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
    return diff === 0;
  };
  const webcrypto = { getRandomValues, randomUUID };
  const api = {
    createHash, createHmac, randomBytes, randomFillSync, randomUUID, getRandomValues, timingSafeEqual, webcrypto,
    getHashes: () => ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
  };
  define('crypto', () => api);
  if (globalThis.crypto === undefined) globalThis.crypto = webcrypto;
  return {};
}
