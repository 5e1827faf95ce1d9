// `atob` and `btoa` (HTML §8.3 "Base64 utility methods") with Infra's forgiving-base64 decode and
// encode, throwing Chrome's InvalidCharacterError DOMExceptions; the encoder and decoder are also
// what `FileReader.readAsDataURL` and `data:` URLs use (`runtime.base64`).
(host, runtime) => {
  'use strict';
  const { ObjectDefineProperty, ObjectFreeze, StringPrototypeCharCodeAt, TypeError, Uint8Array } = runtime.primordials;
  const { makeError } = runtime['dom-exception'];
  const { StringBuilder, typedArrayLength } = runtime.encoding;

  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  /** Code unit -> 6-bit value, -1 outside the alphabet. */
  const VALUES = new runtime.primordials.Array(128);
  for (let i = 0; i < 128; i++) VALUES[i] = -1;
  for (let i = 0; i < 64; i++) VALUES[StringPrototypeCharCodeAt(ALPHABET, i)] = i;
  const UNITS = new runtime.primordials.Array(64);
  for (let i = 0; i < 64; i++) UNITS[i] = StringPrototypeCharCodeAt(ALPHABET, i);
  const isASCIIWhitespace = (unit) => unit === 0x09 || unit === 0x0a || unit === 0x0c || unit === 0x0d || unit === 0x20;

  /** Infra "forgiving-base64 encode" of a Uint8Array: the base64 text. */
  const base64Encode = (bytes) => {
    const out = new StringBuilder();
    const count = typedArrayLength(bytes);
    let i = 0;
    for (; i + 2 < count; i += 3) {
      const triple = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out.push(UNITS[triple >> 18]);
      out.push(UNITS[(triple >> 12) & 63]);
      out.push(UNITS[(triple >> 6) & 63]);
      out.push(UNITS[triple & 63]);
    }
    if (i + 1 === count) {
      const triple = bytes[i] << 16;
      out.push(UNITS[triple >> 18]);
      out.push(UNITS[(triple >> 12) & 63]);
      out.push(0x3d);
      out.push(0x3d);
    } else if (i + 2 === count) {
      const triple = (bytes[i] << 16) | (bytes[i + 1] << 8);
      out.push(UNITS[triple >> 18]);
      out.push(UNITS[(triple >> 12) & 63]);
      out.push(UNITS[(triple >> 6) & 63]);
      out.push(0x3d);
    }
    return out.toString();
  };

  /** Infra "forgiving-base64 decode": a Uint8Array, or null for failure. */
  const forgivingBase64Decode = (text) => {
    // ASCII whitespace is removed; then one or two trailing '=' when the length is a multiple of four.
    const values = [];
    for (let i = 0; i < text.length; i++) {
      const unit = StringPrototypeCharCodeAt(text, i);
      if (isASCIIWhitespace(unit)) continue;
      values[values.length] = unit;
    }
    let length = values.length;
    if (length % 4 === 0 && length > 0 && values[length - 1] === 0x3d) {
      length--;
      if (values[length - 1] === 0x3d) length--;
    }
    if (length % 4 === 1) return null;
    const bytes = new Uint8Array((length * 3) >> 2);
    let buffer = 0, bits = 0, at = 0;
    for (let i = 0; i < length; i++) {
      const unit = values[i];
      const value = unit < 128 ? VALUES[unit] : -1;
      if (value < 0) return null;
      buffer = (buffer << 6) | value;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes[at++] = (buffer >> bits) & 0xff;
      }
    }
    return bytes;
  };

  const atob = function atob(data) {
    if (arguments.length === 0) throw new TypeError("Failed to execute 'atob' on 'Window': 1 argument required, but only 0 present.");
    const bytes = forgivingBase64Decode(runtime.encoding.toDOMString(data, "Failed to execute 'atob' on 'Window'"));
    if (bytes === null) {
      throw makeError('InvalidCharacterError', "Failed to execute 'atob' on 'Window': The string to be decoded is not correctly encoded.");
    }
    const out = new StringBuilder();
    for (let i = 0; i < typedArrayLength(bytes); i++) out.push(bytes[i]);
    return out.toString();
  };
  const btoa = function btoa(data) {
    if (arguments.length === 0) throw new TypeError("Failed to execute 'btoa' on 'Window': 1 argument required, but only 0 present.");
    const text = runtime.encoding.toDOMString(data, "Failed to execute 'btoa' on 'Window'");
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const unit = StringPrototypeCharCodeAt(text, i);
      if (unit > 0xff) {
        throw makeError('InvalidCharacterError',
          "Failed to execute 'btoa' on 'Window': The string to be encoded contains characters outside of the Latin1 range.");
      }
      bytes[i] = unit;
    }
    return base64Encode(bytes);
  };

  const install = (global) => {
    ObjectDefineProperty(global, 'atob', { value: atob, writable: true, configurable: true, enumerable: true });
    ObjectDefineProperty(global, 'btoa', { value: btoa, writable: true, configurable: true, enumerable: true });
  };
  return ObjectFreeze({ install, base64Encode, forgivingBase64Decode });
}
