// node:buffer — Buffer; and the globals TextEncoder, TextDecoder, atob, btoa.
(host, runtime) => {
  const { define } = runtime.modules;
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
  define('buffer', () => ({ Buffer }));
  globalThis.Buffer = Buffer;
  globalThis.TextEncoder = class TextEncoder { get encoding() { return 'utf-8'; } encode(s = '') { return host.utf8Encode(String(s)); } };
  globalThis.TextDecoder = class TextDecoder { get encoding() { return 'utf-8'; } decode(b) { return b === undefined ? '' : host.utf8Decode(b instanceof ArrayBuffer ? new Uint8Array(b) : b); } };
  globalThis.btoa = (s) => toBase64([...String(s)].map((c) => c.charCodeAt(0) & 255));
  globalThis.atob = (s) => String.fromCharCode(...fromBase64(String(s)));
  return { Buffer, toBase64, fromBase64 };
}
