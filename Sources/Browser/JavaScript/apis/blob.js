// File API (§3 Blob, §4 File, §8 blob: URLs): immutable byte sequences with a type, read back by
// `text()`, `arrayBuffer()` and `slice()` (a slice shares its parent's bytes), and the page's
// blob URL store (`URL.createObjectURL`, `URL.revokeObjectURL`; `resolveBlobURL(url)` for fetch).
// `Blob.prototype.stream()` is left out: V8 10.2 pages have no ReadableStream here.
// A blob's bytes and type live in a WeakMap of this script, out of the page's reach.
(host, runtime) => {
  'use strict';
  const {
    ArrayIsArray, MathMax, MathMin, MathTrunc, Map, MapPrototypeDelete, MapPrototypeGet, MapPrototypeSet, Number, NumberIsNaN,
    ObjectCreate, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, PromiseReject, PromiseResolve, String, StringPrototypeCharCodeAt,
    StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeToLowerCase, Symbol, TypeError, Uint8Array, WeakMap, WeakMapPrototypeGet,
    WeakMapPrototypeHas, WeakMapPrototypeSet,
  } = runtime.primordials;
  const { bytesView, copyBytes, dictionary, setBytes, toDOMString, typedArrayBuffer, typedArrayByteOffset, typedArrayLength, utf8Decode,
    utf8Encode } = runtime.encoding;

  /** blob -> { bytes: Uint8Array, type: string }; files also { name, lastModified }. */
  const DATA = new WeakMap();
  const isBlob = (value) => value !== null && typeof value === 'object' && WeakMapPrototypeHas(DATA, value);
  const dataOf = (value, interfaceName, operation) => {
    const data = value !== null && typeof value === 'object' ? WeakMapPrototypeGet(DATA, value) : undefined;
    if (data === undefined) throw new TypeError(`Failed to execute '${operation}' on '${interfaceName}': Illegal invocation`);
    return data;
  };

  /** WebIDL's USVString: lone surrogates become U+FFFD (UTF-8 encoding does that too). */
  const toUSVString = toDOMString;
  /** File API: a type with characters outside U+0020-U+007E is the empty string; else it is lowercased. */
  const normalizeType = (type) => {
    for (let i = 0; i < type.length; i++) {
      const unit = StringPrototypeCharCodeAt(type, i);
      if (unit < 0x20 || unit > 0x7e) return '';
    }
    return StringPrototypeToLowerCase(type);
  };
  /** File API §3.1.1 "convert line endings to native" (LF on this platform). */
  const nativeLineEndings = (text) => {
    if (StringPrototypeIndexOf(text, '\r') < 0) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const unit = text[i];
      if (unit === '\r') {
        out += '\n';
        if (text[i + 1] === '\n') i++;
      } else out += unit;
    }
    return out;
  };
  /** WebIDL sequence<T> conversion: an array by index, another iterable by its iterator. */
  const sequence = (value, context) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      throw new TypeError(`${context}: The provided value cannot be converted to a sequence.`);
    }
    if (ArrayIsArray(value)) {
      const items = [];
      for (let i = 0; i < value.length; i++) items[i] = value[i];
      return items;
    }
    if (typeof value[Symbol.iterator] !== 'function') throw new TypeError(`${context}: The object must have a callable @@iterator property.`);
    const items = [];
    for (const item of value) items[items.length] = item;
    return items;
  };
  /** File API §3.1.1 "process blob parts": the bytes of the parts, concatenated. */
  const processBlobParts = (parts, endings) => {
    const pieces = [];
    let total = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      let bytes;
      if (isBlob(part)) {
        bytes = WeakMapPrototypeGet(DATA, part).bytes;
      } else {
        bytes = bytesView(part);
        if (bytes === null) {
          let text = toUSVString(part, 'Failed to construct \'Blob\'');
          if (endings === 'native') text = nativeLineEndings(text);
          bytes = utf8Encode(text);
        }
      }
      pieces[pieces.length] = bytes;
      total += typedArrayLength(bytes);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      setBytes(bytes, pieces[i], at);
      at += typedArrayLength(pieces[i]);
    }
    return bytes;
  };
  /** Reads a BlobPropertyBag: [type, endings]. */
  const blobOptions = (options, context, type) => {
    const init = dictionary(options, context, type);
    const endingsValue = init.endings;
    const endings = endingsValue === undefined ? 'transparent' : toDOMString(endingsValue, context);
    if (endings !== 'transparent' && endings !== 'native') {
      throw new TypeError(
        `${context}: Failed to read the 'endings' property from '${type}': The provided value '${endings}' is not a valid enum value of type EndingType.`);
    }
    const typeValue = init.type;
    return [typeValue === undefined ? '' : normalizeType(toDOMString(typeValue, context)), endings, init];
  };
  /** A Blob (or File, by prototype) over `bytes`, made without the constructor. */
  const makeBlob = (bytes, type, prototype = Blob.prototype, file = undefined) => {
    const blob = ObjectCreate(prototype);
    WeakMapPrototypeSet(DATA, blob, { bytes, type, name: file?.name, lastModified: file?.lastModified });
    return blob;
  };
  /** WebIDL's [Clamp] long long, as the relative positions of `slice` take it. */
  const toPosition = (value) => {
    const number = Number(value);
    return NumberIsNaN(number) ? 0 : MathTrunc(number);
  };

  class Blob {
    constructor(blobParts = undefined, options = undefined) {
      const context = "Failed to construct 'Blob'";
      const parts = blobParts === undefined ? [] : sequence(blobParts, context);
      const [type, endings] = blobOptions(options, context, 'BlobPropertyBag');
      WeakMapPrototypeSet(DATA, this, { bytes: processBlobParts(parts, endings), type, name: undefined, lastModified: undefined });
    }
    get size() { return typedArrayLength(dataOf(this, 'Blob', 'size').bytes); }
    get type() { return dataOf(this, 'Blob', 'type').type; }
    slice(start = undefined, end = undefined, contentType = undefined) {
      const { bytes } = dataOf(this, 'Blob', 'slice');
      const size = typedArrayLength(bytes);
      const relative = (value, fallback) => {
        if (value === undefined) return fallback;
        const position = toPosition(value);
        return position < 0 ? MathMax(size + position, 0) : MathMin(position, size);
      };
      const from = relative(start, 0);
      const to = relative(end, size);
      const span = MathMax(to - from, 0);
      const type = contentType === undefined ? '' : normalizeType(toDOMString(contentType, "Failed to execute 'slice' on 'Blob'"));
      return makeBlob(new Uint8Array(typedArrayBuffer(bytes), typedArrayByteOffset(bytes) + from, span), type);
    }
    text() {
      try {
        return PromiseResolve(utf8Decode(dataOf(this, 'Blob', 'text').bytes));
      } catch (error) {
        return PromiseReject(error);
      }
    }
    arrayBuffer() {
      try {
        return PromiseResolve(typedArrayBuffer(copyBytes(dataOf(this, 'Blob', 'arrayBuffer').bytes)));
      } catch (error) {
        return PromiseReject(error);
      }
    }
  }

  class File extends Blob {
    constructor(fileBits, fileName, options = undefined) {
      const context = "Failed to construct 'File'";
      if (arguments.length < 2) throw new TypeError(`${context}: 2 arguments required, but only ${arguments.length} present.`);
      const parts = sequence(fileBits, context);
      const name = toUSVString(fileName, context);
      const [type, endings, init] = blobOptions(options, context, 'FilePropertyBag');
      super();
      const lastModifiedValue = init.lastModified;
      const lastModified = lastModifiedValue === undefined ? runtime.clock.epochNow() : toPosition(lastModifiedValue);
      WeakMapPrototypeSet(DATA, this, { bytes: processBlobParts(parts, endings), type, name, lastModified });
    }
    get name() { return dataOf(this, 'File', 'name').name; }
    get lastModified() { return dataOf(this, 'File', 'lastModified').lastModified; }
    get webkitRelativePath() { dataOf(this, 'File', 'webkitRelativePath'); return ''; }
  }

  // ---- blob: URLs (File API §8) -----------------------------------------------------------------
  const store = new Map();
  /** The URL without its fragment: the blob URL store's key (§8.3 "resolve a blob URL"). */
  const withoutFragment = (url) => {
    const hash = StringPrototypeIndexOf(url, '#');
    return hash < 0 ? url : StringPrototypeSlice(url, 0, hash);
  };
  const createObjectURL = function createObjectURL(obj) {
    if (arguments.length === 0) throw new TypeError("Failed to execute 'createObjectURL' on 'URL': 1 argument required, but only 0 present.");
    if (!isBlob(obj)) throw new TypeError("Failed to execute 'createObjectURL' on 'URL': Overload resolution failed.");
    const url = `blob:${runtime.settings.origin()}/${runtime.crypto.uuidV4()}`;
    MapPrototypeSet(store, url, obj);
    return url;
  };
  const revokeObjectURL = function revokeObjectURL(url) {
    if (arguments.length === 0) throw new TypeError("Failed to execute 'revokeObjectURL' on 'URL': 1 argument required, but only 0 present.");
    MapPrototypeDelete(store, toUSVString(url, "Failed to execute 'revokeObjectURL' on 'URL'"));
  };
  /** The Blob a `blob:` URL of this page names (its fragment ignored), or null once revoked or never made. */
  const resolveBlobURL = (url) => MapPrototypeGet(store, withoutFragment(String(url))) ?? null;
  for (const [name, value] of [['createObjectURL', createObjectURL], ['revokeObjectURL', revokeObjectURL]]) {
    ObjectDefineProperty(runtime.url.URL, name, { value, writable: true, configurable: true, enumerable: true });
  }

  /** A Blob's bytes (a Uint8Array to read, never to change) and type; null for anything else. */
  const blobData = (value) => (isBlob(value) ? WeakMapPrototypeGet(DATA, value) : null);

  const interfaces = { Blob, File };
  for (const name in interfaces) {
    const prototype = interfaces[name].prototype;
    ObjectDefineProperty(prototype, Symbol.toStringTag, { value: name, configurable: true });
    for (const key of ['size', 'type', 'slice', 'text', 'arrayBuffer', 'name', 'lastModified', 'webkitRelativePath']) {
      const descriptor = ObjectGetOwnPropertyDescriptor(prototype, key);
      if (descriptor === undefined) continue;
      descriptor.enumerable = true;
      ObjectDefineProperty(prototype, key, descriptor);
    }
  }
  return ObjectFreeze({ interfaces: ObjectFreeze(interfaces), isBlob, blobData, makeBlob, resolveBlobURL });
}
