// The Encoding Standard's API (§7): TextEncoder (UTF-8, `encode`, `encodeInto`) and TextDecoder
// (every label of the standard; `fatal`, `ignoreBOM`, `stream`). UTF-8 and UTF-16 are decoded
// here, by the standard's decoders (§8.1.1, §14.2.1), with exact error and BOM rules; the legacy
// encodings cross to Swift's `EncodingDecoder` (`host.decodeLegacy`), one stateful decoder per
// stream. Also the buffer-source helpers the other Web APIs share: brand checks and byte views
// made from built-ins captured when this script runs (before any page code), never from getters
// or methods a page can replace (`%TypedArray%.prototype.length`, `.subarray`, `.set`).
(host, runtime) => {
  'use strict';
  const {
    ArrayBuffer, ArrayBufferIsView, FunctionPrototypeApply, FunctionPrototypeCall, ObjectDefineProperty, ObjectFreeze,
    ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, RangeError, String, StringFromCharCode, StringPrototypeCharCodeAt,
    StringPrototypeToLowerCase, Symbol, TypeError, Uint8Array,
  } = runtime.primordials;
  const { DataView } = globalThis;

  // ---- Buffer sources (WebIDL BufferSource, ArrayBufferView) ------------------------------------
  const uncurryGetter = (prototype, name) => {
    const getter = ObjectGetOwnPropertyDescriptor(prototype, name).get;
    return (value) => FunctionPrototypeCall(getter, value);
  };
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const typedArrayName = uncurryGetter(TypedArrayPrototype, Symbol.toStringTag);
  const typedArrayBuffer = uncurryGetter(TypedArrayPrototype, 'buffer');
  const typedArrayByteOffset = uncurryGetter(TypedArrayPrototype, 'byteOffset');
  const typedArrayByteLength = uncurryGetter(TypedArrayPrototype, 'byteLength');
  const typedArrayLength = uncurryGetter(TypedArrayPrototype, 'length');
  const { set: typedArraySet } = TypedArrayPrototype;
  const dataViewBuffer = uncurryGetter(DataView.prototype, 'buffer');
  const dataViewByteOffset = uncurryGetter(DataView.prototype, 'byteOffset');
  const dataViewByteLength = uncurryGetter(DataView.prototype, 'byteLength');
  const arrayBufferByteLength = uncurryGetter(ArrayBuffer.prototype, 'byteLength');

  /** Whether `value` is an ArrayBuffer (not a SharedArrayBuffer): its byteLength getter accepts it. */
  const isArrayBuffer = (value) => {
    if (value === null || typeof value !== 'object') return false;
    try {
      arrayBufferByteLength(value);
      return true;
    } catch {
      return false;
    }
  };
  /** The typed array's kind (`'Uint8Array'`, ...), or undefined for anything else. */
  const typedArrayKind = (value) => typedArrayName(value);
  const isDataView = (value) => ArrayBufferIsView(value) && typedArrayName(value) === undefined;
  /** `[buffer, byteOffset, byteLength]` of an ArrayBuffer or ArrayBufferView, or null for anything else. */
  const bufferRange = (value) => {
    if (ArrayBufferIsView(value)) {
      if (typedArrayName(value) !== undefined) return [typedArrayBuffer(value), typedArrayByteOffset(value), typedArrayByteLength(value)];
      return [dataViewBuffer(value), dataViewByteOffset(value), dataViewByteLength(value)];
    }
    if (isArrayBuffer(value)) return [value, 0, arrayBufferByteLength(value)];
    return null;
  };
  /** A Uint8Array over the bytes of a BufferSource (no copy), or null when `value` is none. */
  const bytesView = (value) => {
    const range = bufferRange(value);
    return range === null ? null : new Uint8Array(range[0], range[1], range[2]);
  };
  /** A copy of `bytes` (a Uint8Array) in a new Uint8Array of its own buffer. */
  const copyBytes = (bytes) => {
    const copy = new Uint8Array(typedArrayLength(bytes));
    FunctionPrototypeCall(typedArraySet, copy, bytes);
    return copy;
  };
  /** A copy of a BufferSource's bytes, or null when `value` is none. */
  const bytesCopy = (value) => {
    const view = bytesView(value);
    return view === null ? null : copyBytes(view);
  };
  /** Copies `source` into `target` (both Uint8Arrays) at `offset`. */
  const setBytes = (target, source, offset = 0) => FunctionPrototypeCall(typedArraySet, target, source, offset);

  // ---- Strings from code units, in chunks the engine's argument limit allows -------------------
  const CHUNK = 8192;
  /** Collects UTF-16 code units and joins them into a string. */
  class StringBuilder {
    constructor() {
      this.text = '';
      this.units = [];
    }
    push(unit) {
      const units = this.units;
      units[units.length] = unit;
      if (units.length === CHUNK) this.flush();
    }
    pushCodePoint(codePoint) {
      if (codePoint < 0x10000) {
        this.push(codePoint);
      } else {
        const offset = codePoint - 0x10000;
        this.push(0xd800 + (offset >> 10));
        this.push(0xdc00 + (offset & 0x3ff));
      }
    }
    flush() {
      if (this.units.length > 0) this.text += FunctionPrototypeApply(StringFromCharCode, null, this.units);
      this.units = [];
    }
    toString() {
      this.flush();
      return this.text;
    }
  }

  // ---- UTF-8 (Encoding Standard §8.1) -----------------------------------------------------------
  /** The UTF-8 bytes of `text` (a string; lone surrogates become U+FFFD, as USVString conversion does). */
  const utf8Encode = (text) => {
    const length = text.length;
    let size = 0;
    for (let i = 0; i < length; i++) {
      const unit = StringPrototypeCharCodeAt(text, i);
      if (unit < 0x80) size += 1;
      else if (unit < 0x800) size += 2;
      else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
        const next = StringPrototypeCharCodeAt(text, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          size += 4;
          i++;
        } else size += 3;
      } else size += 3;
    }
    const bytes = new Uint8Array(size);
    encodeUTF8Into(text, 0, bytes, 0, size);
    return bytes;
  };
  /**
   * Encodes `text` from code unit `from` into `bytes` from `at`, whole characters only, until
   * `limit`; returns `[code units read, bytes written]`.
   */
  const encodeUTF8Into = (text, from, bytes, at, limit) => {
    const start = at;
    let i = from;
    const length = text.length;
    while (i < length) {
      let codePoint = StringPrototypeCharCodeAt(text, i);
      let units = 1;
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
        const next = i + 1 < length ? StringPrototypeCharCodeAt(text, i + 1) : 0;
        if (codePoint <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (next - 0xdc00);
          units = 2;
        } else {
          codePoint = 0xfffd;
        }
      }
      if (codePoint < 0x80) {
        if (at + 1 > limit) break;
        bytes[at++] = codePoint;
      } else if (codePoint < 0x800) {
        if (at + 2 > limit) break;
        bytes[at++] = 0xc0 | (codePoint >> 6);
        bytes[at++] = 0x80 | (codePoint & 0x3f);
      } else if (codePoint < 0x10000) {
        if (at + 3 > limit) break;
        bytes[at++] = 0xe0 | (codePoint >> 12);
        bytes[at++] = 0x80 | ((codePoint >> 6) & 0x3f);
        bytes[at++] = 0x80 | (codePoint & 0x3f);
      } else {
        if (at + 4 > limit) break;
        bytes[at++] = 0xf0 | (codePoint >> 18);
        bytes[at++] = 0x80 | ((codePoint >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((codePoint >> 6) & 0x3f);
        bytes[at++] = 0x80 | (codePoint & 0x3f);
      }
      i += units;
    }
    return [i - from, at - start];
  };

  /** The standard's UTF-8 decoder: state kept between chunks of one stream. */
  class UTF8Decoder {
    constructor() {
      this.codePoint = 0;
      this.bytesSeen = 0;
      this.bytesNeeded = 0;
      this.lower = 0x80;
      this.upper = 0xbf;
    }
    /**
     * Decodes `bytes` into `out` (a StringBuilder); at the end of the stream (`flush`) an
     * unfinished sequence is an error. Returns false at the first error when `fatal`.
     */
    decode(bytes, count, out, flush, fatal) {
      for (let i = 0; i < count; i++) {
        const byte = bytes[i];
        if (this.bytesNeeded === 0) {
          if (byte <= 0x7f) { out.push(byte); continue; }
          if (byte >= 0xc2 && byte <= 0xdf) {
            this.bytesNeeded = 1;
            this.codePoint = byte & 0x1f;
          } else if (byte >= 0xe0 && byte <= 0xef) {
            if (byte === 0xe0) this.lower = 0xa0;
            if (byte === 0xed) this.upper = 0x9f;
            this.bytesNeeded = 2;
            this.codePoint = byte & 0xf;
          } else if (byte >= 0xf0 && byte <= 0xf4) {
            if (byte === 0xf0) this.lower = 0x90;
            if (byte === 0xf4) this.upper = 0x8f;
            this.bytesNeeded = 3;
            this.codePoint = byte & 0x7;
          } else {
            if (fatal) return false;
            out.push(0xfffd);
          }
          continue;
        }
        if (byte < this.lower || byte > this.upper) {
          this.reset();
          if (fatal) return false;
          out.push(0xfffd);
          i--; // The byte is read again, as the start of what follows.
          continue;
        }
        this.lower = 0x80;
        this.upper = 0xbf;
        this.codePoint = (this.codePoint << 6) | (byte & 0x3f);
        this.bytesSeen++;
        if (this.bytesSeen !== this.bytesNeeded) continue;
        out.pushCodePoint(this.codePoint);
        this.reset();
      }
      if (flush && this.bytesNeeded !== 0) {
        this.reset();
        if (fatal) return false;
        out.push(0xfffd);
      }
      return true;
    }
    reset() {
      this.codePoint = 0;
      this.bytesSeen = 0;
      this.bytesNeeded = 0;
      this.lower = 0x80;
      this.upper = 0xbf;
    }
  }

  /** The standard's shared UTF-16 decoder (§14.2.1), big- or little-endian. */
  class UTF16Decoder {
    constructor(bigEndian) {
      this.bigEndian = bigEndian;
      this.leadByte = -1;
      this.leadSurrogate = -1;
    }
    decode(bytes, count, out, flush, fatal) {
      for (let i = 0; i < count; i++) {
        const byte = bytes[i];
        if (this.leadByte === -1) { this.leadByte = byte; continue; }
        const unit = this.bigEndian ? (this.leadByte << 8) | byte : (byte << 8) | this.leadByte;
        this.leadByte = -1;
        if (this.leadSurrogate !== -1) {
          const lead = this.leadSurrogate;
          this.leadSurrogate = -1;
          if (unit >= 0xdc00 && unit <= 0xdfff) {
            out.push(lead);
            out.push(unit);
            continue;
          }
          if (fatal) return false;
          out.push(0xfffd);
        }
        if (unit >= 0xd800 && unit <= 0xdbff) { this.leadSurrogate = unit; continue; }
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          if (fatal) return false;
          out.push(0xfffd);
          continue;
        }
        out.push(unit);
      }
      if (flush && (this.leadByte !== -1 || this.leadSurrogate !== -1)) {
        this.leadByte = -1;
        this.leadSurrogate = -1;
        if (fatal) return false;
        out.push(0xfffd);
      }
      return true;
    }
  }

  /** A legacy encoding's decoder: Swift's `EncodingDecoder`, a stream held in Swift by handle. */
  class LegacyDecoder {
    constructor(name) {
      this.name = name;
      this.handle = 0;
    }
    decode(bytes, count, out, flush, fatal) {
      const [handle, text, failed] = host.decodeLegacy(this.handle, this.name, bytes, !flush, fatal);
      this.handle = handle;
      if (failed) return false;
      out.flush();
      out.text += text;
      return true;
    }
  }

  /** Encoding Standard §4.2 "get an encoding": the encoding's name for `label`, or null. */
  const getEncoding = (label) => host.encodingForLabel(String(label));
  const makeDecoder = (name) => {
    if (name === 'UTF-8') return new UTF8Decoder();
    if (name === 'UTF-16LE') return new UTF16Decoder(false);
    if (name === 'UTF-16BE') return new UTF16Decoder(true);
    return new LegacyDecoder(name);
  };

  // ---- TextEncoder, TextDecoder (§7.2, §7.4) ----------------------------------------------------
  /** WebIDL's conversion to a string: a symbol cannot become one. */
  const toDOMString = (value, context) => {
    if (typeof value === 'symbol') throw new TypeError(`${context}: Cannot convert a Symbol value to a string`);
    return String(value);
  };
  /** WebIDL's conversion of an optional dictionary of type `type`. */
  const dictionary = (value, context, type) => {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' && typeof value !== 'function') {
      throw new TypeError(`${context}: The provided value is not of type '${type}'.`);
    }
    return value;
  };

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') {
      return utf8Encode(toDOMString(input, "Failed to execute 'encode' on 'TextEncoder'"));
    }
    encodeInto(source, destination) {
      if (arguments.length < 2) {
        throw new TypeError(`Failed to execute 'encodeInto' on 'TextEncoder': 2 arguments required, but only ${arguments.length} present.`);
      }
      const text = toDOMString(source, "Failed to execute 'encodeInto' on 'TextEncoder'");
      if (typedArrayName(destination) !== 'Uint8Array') {
        throw new TypeError("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.");
      }
      const [read, written] = encodeUTF8Into(text, 0, destination, 0, typedArrayLength(destination));
      return { read, written };
    }
  }

  const STATE = Symbol('decoderState');
  class TextDecoder {
    constructor(label = 'utf-8', options = undefined) {
      const context = "Failed to construct 'TextDecoder'";
      const text = toDOMString(label, context);
      const init = dictionary(options, context, 'TextDecoderOptions');
      const name = getEncoding(text);
      if (name === null || name === 'replacement') {
        throw new RangeError(`${context}: The encoding label provided ('${text}') is invalid.`);
      }
      this[STATE] = {
        name, fatal: !!init.fatal, ignoreBOM: !!init.ignoreBOM, decoder: null, doNotFlush: false, bomSeen: false,
      };
    }
    get encoding() { return StringPrototypeToLowerCase(this[STATE].name); }
    get fatal() { return this[STATE].fatal; }
    get ignoreBOM() { return this[STATE].ignoreBOM; }
    decode(input = undefined, options = undefined) {
      const context = "Failed to execute 'decode' on 'TextDecoder'";
      const state = this[STATE];
      let bytes = null;
      if (input !== undefined) {
        bytes = bytesView(input);
        if (bytes === null) throw new TypeError(`${context}: The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.`);
      }
      const stream = !!dictionary(options, context, 'TextDecodeOptions').stream;
      if (!state.doNotFlush) {
        state.decoder = makeDecoder(state.name);
        state.bomSeen = false;
      }
      state.doNotFlush = stream;
      const out = new StringBuilder();
      const empty = new Uint8Array(0);
      const source = bytes ?? empty;
      if (!state.decoder.decode(source, typedArrayLength(source), out, !stream, state.fatal)) {
        state.decoder = makeDecoder(state.name);
        state.doNotFlush = false;
        throw new TypeError(`${context}: The encoded data was not valid.`);
      }
      let text = out.toString();
      // Encoding Standard §7.1 "serialize I/O queue": one byte order mark at the start is dropped.
      const unicode = state.name === 'UTF-8' || state.name === 'UTF-16LE' || state.name === 'UTF-16BE';
      if (unicode && !state.ignoreBOM && !state.bomSeen && text.length > 0) {
        state.bomSeen = true;
        if (StringPrototypeCharCodeAt(text, 0) === 0xfeff) text = runtime.primordials.StringPrototypeSlice(text, 1);
      }
      if (!stream) state.decoder = null;
      return text;
    }
  }

  /**
   * Encoding Standard §6 "decode": BOM sniffing (a UTF-8 or UTF-16 byte order mark overrides
   * `fallback` and is removed), then decoding with replacement characters; for FileReader's
   * `readAsText` and fetch's `text()`.
   */
  const decode = (bytes, fallback) => {
    let name = fallback;
    let start = 0;
    const count = typedArrayLength(bytes);
    if (count >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      name = 'UTF-8';
      start = 3;
    } else if (count >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
      name = 'UTF-16BE';
      start = 2;
    } else if (count >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
      name = 'UTF-16LE';
      start = 2;
    }
    const rest = new Uint8Array(typedArrayBuffer(bytes), typedArrayByteOffset(bytes) + start, count - start);
    const out = new StringBuilder();
    makeDecoder(name).decode(rest, count - start, out, true, false);
    return out.toString();
  };
  /** Encoding Standard "UTF-8 decode": a leading UTF-8 byte order mark is removed, errors become U+FFFD. */
  const utf8Decode = (bytes) => {
    const count = typedArrayLength(bytes);
    const start = count >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const out = new StringBuilder();
    new UTF8Decoder().decode(new Uint8Array(typedArrayBuffer(bytes), typedArrayByteOffset(bytes) + start, count - start),
      count - start, out, true, false);
    return out.toString();
  };

  const interfaces = { TextEncoder, TextDecoder };
  for (const name in interfaces) {
    const prototype = interfaces[name].prototype;
    ObjectDefineProperty(prototype, Symbol.toStringTag, { value: name, configurable: true });
    for (const key of ['encoding', 'fatal', 'ignoreBOM', 'encode', 'encodeInto', 'decode']) {
      const descriptor = ObjectGetOwnPropertyDescriptor(prototype, key);
      if (descriptor === undefined) continue;
      descriptor.enumerable = true;
      ObjectDefineProperty(prototype, key, descriptor);
    }
  }
  return ObjectFreeze({
    interfaces: ObjectFreeze(interfaces), utf8Encode, utf8Decode, decode, getEncoding, StringBuilder,
    isArrayBuffer, isDataView, typedArrayKind, typedArrayLength, typedArrayBuffer, typedArrayByteOffset, typedArrayByteLength,
    dataViewBuffer, dataViewByteOffset, dataViewByteLength, arrayBufferByteLength, bufferRange, bytesView, bytesCopy, copyBytes,
    setBytes, toDOMString, dictionary,
  });
}
