// The Fetch Standard's interfaces: Headers (§5.2, with its guards, forbidden request headers and
// name/value checks), the Body mixin (§5.3, bodies held whole as bytes), Request (§5.4), Response
// (§5.5) and fetch() (§5.6). Written once for two kinds of realm: a page realm (`install`; the
// network is FetchAPI.swift's, where forbidden headers, `file:` URLs and CORS are enforced too)
// and a Node-compatible support realm (`installNode`; SupportFetchAPI.swift: Node 18's fetch,
// with no forbidden headers, no CORS and no cookies, a network error rejecting with `TypeError:
// fetch failed` and its `cause` as undici does). Either way `host.start(request, callback)`
// returns an id for `host.abort`, or the message of a refusal. Blobs come
// from the File API's script (`runtime.blob`) when the realm has it (bodies, `blob()`, `blob:`
// URLs); FormData from apis/form-data.js (`runtime['form-data']`) when the realm has it (bodies
// encoded as multipart/form-data, `formData()` of multipart and urlencoded bodies), read through
// its brand check and entry list, never through methods a page can replace. Not here:
// ReadableStream bodies (`body` is absent), CORS preflights.
(host, runtime) => {
  'use strict';
  const {
    ArrayBuffer, ArrayBufferIsView, ArrayBufferPrototypeSlice, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSort,
    FunctionPrototypeApply, FunctionPrototypeCall, JSONParse, JSONStringify, MathFloor, MathMin, MathRandom, ObjectCreate,
    ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ObjectKeys, Promise,
    PromisePrototypeThen, PromiseReject, PromiseResolve, RangeError, RegExpTest, SplitString, String, StringFromCharCode,
    StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeToLowerCase, StringPrototypeToUpperCase,
    Symbol, TypeError, Uint8Array,
  } = runtime.primordials;
  const { safeArray } = runtime['safe-array-iterator'];
  const { makeError } = runtime['dom-exception'];
  const events = runtime.events;
  const { URL, URLSearchParams } = runtime.url;

  // Built-ins not among the primordials, captured before any page code runs.
  const getter = (prototype, name) => ObjectGetOwnPropertyDescriptor(prototype, name).get;
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const viewBuffer = getter(TypedArrayPrototype, 'buffer');
  const viewOffset = getter(TypedArrayPrototype, 'byteOffset');
  const viewLength = getter(TypedArrayPrototype, 'byteLength');
  const typedArraySet = TypedArrayPrototype.set;
  const bufferLength = getter(ArrayBuffer.prototype, 'byteLength');
  const dataViewBuffer = getter(globalThis.DataView.prototype, 'buffer');
  const dataViewOffset = getter(globalThis.DataView.prototype, 'byteOffset');
  const dataViewLength = getter(globalThis.DataView.prototype, 'byteLength');
  const IteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf([][Symbol.iterator]()));
  const urlHref = getter(URL.prototype, 'href');
  const urlUsername = getter(URL.prototype, 'username');
  const urlPassword = getter(URL.prototype, 'password');
  const searchParamsToString = URLSearchParams.prototype.toString;
  const searchParamsForEach = URLSearchParams.prototype.forEach;
  const signalAny = events.AbortSignal.any;

  /** XHR's FormData (apis/form-data.js: `isFormData`, `entryList`, `makeFormData`), or null. */
  const formDatas = () => runtime['form-data'] ?? null;
  /** The File API's script (apis/blob.js: `isBlob`, `blobData`, `makeBlob`, `resolveBlobURL`), or null. */
  const blobs = () => runtime.blob ?? null;
  let document = null;
  /** Whether the realm is a page's (Chrome's rules and messages) rather than a support realm's (Node's). */
  let isWindow = true;

  // ---- Bytes ------------------------------------------------------------------------------------
  /** A copy of the bytes of an ArrayBuffer or a view, as a Uint8Array. */
  const copyBytes = (source) => {
    let buffer, offset, length;
    if (ArrayBufferIsView(source)) {
      const typed = !isDataView(source);
      buffer = FunctionPrototypeCall(typed ? viewBuffer : dataViewBuffer, source);
      offset = FunctionPrototypeCall(typed ? viewOffset : dataViewOffset, source);
      length = FunctionPrototypeCall(typed ? viewLength : dataViewLength, source);
    } else {
      buffer = source;
      offset = 0;
      length = FunctionPrototypeCall(bufferLength, source);
    }
    return new Uint8Array(ArrayBufferPrototypeSlice(buffer, offset, offset + length));
  };
  const isDataView = (value) => {
    try {
      FunctionPrototypeCall(dataViewLength, value);
      return true;
    } catch {
      return false;
    }
  };
  const isArrayBuffer = (value) => {
    try {
      FunctionPrototypeCall(bufferLength, value);
      return true;
    } catch {
      return false;
    }
  };
  const lengthOf = (bytes) => FunctionPrototypeCall(viewLength, bytes);
  const concat = (chunks) => {
    if (chunks.length === 1) return chunks[0];
    let total = 0;
    for (let i = 0; i < chunks.length; i++) total += lengthOf(chunks[i]);
    const result = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < chunks.length; i++) {
      FunctionPrototypeCall(typedArraySet, result, chunks[i], at);
      at += lengthOf(chunks[i]);
    }
    return result;
  };
  /** A Uint8Array's bytes as a new ArrayBuffer. */
  const toArrayBuffer = (bytes) => {
    const offset = FunctionPrototypeCall(viewOffset, bytes);
    return ArrayBufferPrototypeSlice(FunctionPrototypeCall(viewBuffer, bytes), offset, offset + lengthOf(bytes));
  };
  const utf8Encode = (text) => host.encode(String(text));
  const EMPTY = new Uint8Array(0);
  /** UTF-8 decode (Encoding Standard), a byte order mark removed. */
  const utf8Decode = (bytes) => (lengthOf(bytes) === 0 ? '' : host.decode(bytes, 'utf-8'));
  const isBlob = (value) => blobs() !== null && blobs().isBlob(value);

  // ---- Bodies (Fetch §5.1 extract a body; §5.3 the Body mixin) ----------------------------------
  /**
   * A body: its parts (Uint8Arrays), whether it was used, the reason it errored with (an aborted
   * fetch's response), and, while a response's body is still coming over the network, `pending`:
   * `{ promise, bodies }`, the promise settled once `finishBody` has filled every body in `bodies`
   * (the response's and its clones').
   */
  const makeBody = (parts) => ({ parts, used: false, error: undefined, pending: null });
  /** A response body still to come (Fetch's processResponse came first). */
  const makePendingBody = () => {
    const body = makeBody([]);
    let settle;
    const promise = new Promise((resolve) => { settle = resolve; });
    body.pending = { promise, settle, bodies: [body] };
    return body;
  };
  /** The body arrived (`bytes`) or failed (`error`): every waiting body gets it, readers go on. */
  const finishBody = (body, bytes, error) => {
    const pending = body.pending;
    if (pending === null) return;
    for (let i = 0; i < pending.bodies.length; i++) {
      const each = pending.bodies[i];
      each.pending = null;
      if (bytes !== null) each.parts = [bytes];
      if (error !== undefined && each.error === undefined) each.error = error;
    }
    pending.settle();
  };
  /** Fetch §5.1 extract a body: [body, Content-Type or null]. */
  const extractBody = (object) => {
    if (typeof object === 'string') return [makeBody([utf8Encode(object)]), 'text/plain;charset=UTF-8'];
    if (isBlob(object)) {
      const { bytes, type } = blobs().blobData(object);
      return [makeBody([bytes]), type === '' ? null : type];
    }
    if (isArrayBuffer(object) || ArrayBufferIsView(object)) return [makeBody([copyBytes(object)]), null];
    if (object instanceof URLSearchParams) {
      return [makeBody([utf8Encode(FunctionPrototypeCall(searchParamsToString, object))]), 'application/x-www-form-urlencoded;charset=UTF-8'];
    }
    if (formDatas() !== null && formDatas().isFormData(object)) return multipart(formDatas().entryList(object));
    return [makeBody([utf8Encode(String(object))]), 'text/plain;charset=UTF-8'];
  };
  /** HTML §4.10.21.8 multipart/form-data encoding of an entry list, with a boundary as Chrome makes one. */
  const multipart = (entries) => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let boundary = '----WebKitFormBoundary';
    for (let i = 0; i < 16; i++) boundary += alphabet[MathFloor(MathRandom() * alphabet.length)];
    const escape = (name) => {
      const text = normalizeNewlines(name);
      let result = '';
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        result += c === '\n' ? '%0A' : c === '\r' ? '%0D' : c === '"' ? '%22' : c;
      }
      return result;
    };
    const parts = [];
    for (let i = 0; i < entries.length; i++) {
      const name = entries[i][0];
      const value = entries[i][1];
      let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"`;
      if (typeof value === 'string') {
        ArrayPrototypePush(parts, utf8Encode(`${head}\r\n\r\n${normalizeNewlines(value)}\r\n`));
      } else {
        const data = isBlob(value) ? blobs().blobData(value) : { bytes: utf8Encode(String(value)), type: '', name: undefined };
        const filename = data.name ?? 'blob';
        head += `; filename="${escape(filename)}"\r\nContent-Type: ${data.type === '' ? 'application/octet-stream' : data.type}\r\n\r\n`;
        ArrayPrototypePush(parts, utf8Encode(head), data.bytes, utf8Encode('\r\n'));
      }
    }
    ArrayPrototypePush(parts, utf8Encode(`--${boundary}--\r\n`));
    return [makeBody(parts), `multipart/form-data; boundary=${boundary}`];
  };
  /** Every CR, LF and CR LF as CR LF. */
  const normalizeNewlines = (value) => {
    const text = String(value);
    let result = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\r') {
        result += '\r\n';
        if (text[i + 1] === '\n') i++;
      } else result += c === '\n' ? '\r\n' : c;
    }
    return result;
  };
  /**
   * Fetch §5.3 package data as FormData: a multipart/form-data body (its `boundary` parameter) or
   * an application/x-www-form-urlencoded one, by the essence of `type`; null when the realm has
   * no FormData, the type is neither, or the body does not parse.
   */
  const packageFormData = (bytes, type) => {
    const forms = formDatas();
    if (forms === null) return null;
    const semicolon = StringPrototypeIndexOf(type, ';');
    const essence = StringPrototypeToLowerCase(normalizeValue(semicolon < 0 ? type : StringPrototypeSlice(type, 0, semicolon)));
    if (essence === 'application/x-www-form-urlencoded') {
      const entries = [];
      FunctionPrototypeCall(searchParamsForEach, new URLSearchParams(utf8Decode(bytes)), (value, name) => {
        ArrayPrototypePush(entries, [name, value]);
      });
      return forms.makeFormData(entries);
    }
    if (essence !== 'multipart/form-data') return null;
    const boundary = mimeParameter(semicolon < 0 ? '' : StringPrototypeSlice(type, semicolon), 'boundary');
    if (boundary === null || boundary === '') return null;
    const entries = parseMultipart(bytes, boundary);
    return entries === null ? null : forms.makeFormData(entries);
  };
  /** MIME Sniffing §4.4: the value of the parameter `name` (lowercase) in `parameters` (from the first `;` on), or null. */
  const mimeParameter = (parameters, name) => {
    let at = 0;
    while (at < parameters.length) {
      at++; // the ';'
      while (at < parameters.length && isHTTPWhitespace(StringPrototypeCharCodeAt(parameters, at))) at++;
      let end = at;
      while (end < parameters.length && parameters[end] !== ';' && parameters[end] !== '=') end++;
      const key = StringPrototypeToLowerCase(StringPrototypeSlice(parameters, at, end));
      at = end;
      if (at >= parameters.length || parameters[at] === ';') continue;
      at++; // the '='
      let value = '';
      if (parameters[at] === '"') {
        for (at++; at < parameters.length && parameters[at] !== '"'; at++) {
          if (parameters[at] === '\\' && at + 1 < parameters.length) at++;
          value += parameters[at];
        }
        while (at < parameters.length && parameters[at] !== ';') at++;
      } else {
        end = at;
        while (end < parameters.length && parameters[end] !== ';') end++;
        value = normalizeValue(StringPrototypeSlice(parameters, at, end));
        at = end;
      }
      if (key === name) return value;
    }
    return null;
  };
  /** The bytes as a string of code units 0-255, byte i at index i (to search them as text). */
  const isomorphicDecode = (bytes) => {
    let text = '';
    const length = lengthOf(bytes);
    for (let start = 0; start < length; start += 8192) {
      const codes = [];
      const end = MathMin(start + 8192, length);
      for (let i = start; i < end; i++) codes[i - start] = bytes[i];
      text += FunctionPrototypeApply(StringFromCharCode, null, codes);
    }
    return text;
  };
  /** A copy of bytes `start..<end` of `bytes`. */
  const byteRange = (bytes, start, end) => {
    const offset = FunctionPrototypeCall(viewOffset, bytes);
    return new Uint8Array(ArrayBufferPrototypeSlice(FunctionPrototypeCall(viewBuffer, bytes), offset + start, offset + end));
  };
  /** The parameter `name` of a Content-Disposition value, with HTML's %0A, %0D and %22 escapes undone; null when absent. */
  const dispositionParameter = (value, name) => {
    const semicolon = StringPrototypeIndexOf(value, ';');
    const found = semicolon < 0 ? null : mimeParameter(StringPrototypeSlice(value, semicolon), name);
    if (found === null) return null;
    let result = '';
    for (let i = 0; i < found.length; i++) {
      const escape = found[i] === '%' ? StringPrototypeSlice(found, i, i + 3) : '';
      if (escape === '%0A' || escape === '%0D' || escape === '%22') {
        result += escape === '%0A' ? '\n' : escape === '%0D' ? '\r' : '"';
        i += 2;
      } else result += found[i];
    }
    return result;
  };
  /**
   * Fetch's multipart/form-data parser (RFC 7578): the entries of `bytes` delimited by `boundary`,
   * as [[name, string or File], ...]; a part with a filename is a File (its Content-Type, else
   * text/plain), any other a UTF-8 string; null when the body is not well formed.
   */
  const parseMultipart = (bytes, boundary) => {
    const text = isomorphicDecode(bytes);
    const delimiter = `--${boundary}`;
    if (StringPrototypeSlice(text, 0, delimiter.length) !== delimiter) return null;
    const entries = [];
    let position = delimiter.length;
    for (;;) {
      const after = StringPrototypeSlice(text, position, position + 2);
      if (after === '--') return entries;
      if (after !== '\r\n') return null;
      position += 2;
      let name = null, filename = null, contentType = null;
      let bodyStart;
      if (StringPrototypeSlice(text, position, position + 2) === '\r\n') {
        bodyStart = position + 2;
      } else {
        const headersEnd = StringPrototypeIndexOf(text, '\r\n\r\n', position);
        if (headersEnd < 0) return null;
        const lines = SplitString(utf8Decode(byteRange(bytes, position, headersEnd)), '\r\n');
        for (let i = 0; i < lines.length; i++) {
          const colon = StringPrototypeIndexOf(lines[i], ':');
          if (colon <= 0) return null;
          const header = StringPrototypeToLowerCase(StringPrototypeSlice(lines[i], 0, colon));
          const value = normalizeValue(StringPrototypeSlice(lines[i], colon + 1));
          if (header === 'content-disposition') {
            const semicolon = StringPrototypeIndexOf(value, ';');
            if (StringPrototypeToLowerCase(normalizeValue(semicolon < 0 ? value : StringPrototypeSlice(value, 0, semicolon))) !== 'form-data') {
              return null;
            }
            name = dispositionParameter(value, 'name');
            filename = dispositionParameter(value, 'filename');
          } else if (header === 'content-type') {
            contentType = value;
          }
        }
        bodyStart = headersEnd + 4;
      }
      if (name === null) return null;
      const bodyEnd = StringPrototypeIndexOf(text, `\r\n${delimiter}`, bodyStart);
      if (bodyEnd < 0) return null;
      const body = byteRange(bytes, bodyStart, bodyEnd);
      const value = filename === null ? utf8Decode(body) : formDatas().makeFile(body, blobType(contentType ?? 'text/plain'), filename);
      ArrayPrototypePush(entries, [name, value]);
      position = bodyEnd + 2 + delimiter.length;
    }
  };
  /** The body's bytes (empty for no body). */
  const bodyBytes = (body) => (body === null ? EMPTY : concat(body.parts));

  const BODY = Symbol('body');
  const HEADERS = Symbol('headers');
  /** Fetch §5.3 consume body, as the operation `name` of `interfaceName`. */
  const consume = (object, interfaceName, name, convert) => {
    const body = object[BODY];
    if (body !== null && body.used) {
      return PromiseReject(new TypeError(`Failed to execute '${name}' on '${interfaceName}': body stream already read`));
    }
    if (body !== null) {
      body.used = true;
      if (body.error !== undefined) return PromiseReject(body.error);
      if (body.pending !== null) {
        return PromisePrototypeThen(body.pending.promise, () => {
          if (body.error !== undefined) throw body.error;
          return convert(bodyBytes(body));
        });
      }
    }
    const bytes = bodyBytes(body);
    return PromisePrototypeThen(PromiseResolve(), () => convert(bytes));
  };
  const mimeTypeOf = (object) => headerValue(object[HEADERS], 'content-type') ?? '';
  /** File API: a Blob's type is lowercased, and empty when it has a character outside U+0020–U+007E. */
  const blobType = (type) => {
    for (let i = 0; i < type.length; i++) {
      const code = StringPrototypeCharCodeAt(type, i);
      if (code < 0x20 || code > 0x7E) return '';
    }
    return StringPrototypeToLowerCase(type);
  };
  /** The Body mixin's methods, defined on Request.prototype and Response.prototype. */
  const defineBody = (Interface, interfaceName) => {
    const methods = {
      get bodyUsed() { return this[BODY] !== null && this[BODY].used; },
      arrayBuffer() { return consume(this, interfaceName, 'arrayBuffer', toArrayBuffer); },
      text() { return consume(this, interfaceName, 'text', utf8Decode); },
      json() { return consume(this, interfaceName, 'json', (bytes) => JSONParse(utf8Decode(bytes))); },
      blob() {
        const type = mimeTypeOf(this);
        return consume(this, interfaceName, 'blob', (bytes) => {
          if (blobs() === null) throw new TypeError(`Failed to execute 'blob' on '${interfaceName}': Blob is not supported.`);
          return blobs().makeBlob(bytes, blobType(type));
        });
      },
      formData() {
        const type = mimeTypeOf(this);
        return consume(this, interfaceName, 'formData', (bytes) => {
          const formData = packageFormData(bytes, type);
          if (formData === null) throw new TypeError(`Failed to execute 'formData' on '${interfaceName}': Failed to fetch`);
          return formData;
        });
      },
    };
    for (const key of safeArray(['bodyUsed', 'arrayBuffer', 'text', 'json', 'blob', 'formData'])) {
      ObjectDefineProperty(Interface.prototype, key, ObjectGetOwnPropertyDescriptor(methods, key));
    }
  };

  // ---- Headers (Fetch §5.2) ---------------------------------------------------------------------
  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const INVALID_VALUE = /[\0\r\n]/;
  const NOT_BYTE = /[^\0-\xFF]/;
  const FORBIDDEN_REQUEST = ['accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
    'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin', 'referer', 'set-cookie',
    'te', 'trailer', 'transfer-encoding', 'upgrade', 'via'];
  const METHOD_OVERRIDES = ['x-http-method', 'x-http-method-override', 'x-method-override'];
  const includes = (list, item) => { for (let i = 0; i < list.length; i++) if (list[i] === item) return true; return false; };
  /** WebIDL ByteString conversion. */
  const byteString = (value, context) => {
    const text = String(value);
    if (RegExpTest(NOT_BYTE, text)) {
      throw new TypeError(`Failed to ${context}: String contains non ISO-8859-1 code point.`);
    }
    return text;
  };
  /** Fetch: normalize a header value (strip leading and trailing HTTP whitespace). */
  const isHTTPWhitespace = (code) => code === 0x09 || code === 0x0A || code === 0x0D || code === 0x20;
  const normalizeValue = (value) => {
    let start = 0, end = value.length;
    while (start < end && isHTTPWhitespace(StringPrototypeCharCodeAt(value, start))) start++;
    while (end > start && isHTTPWhitespace(StringPrototypeCharCodeAt(value, end - 1))) end--;
    return StringPrototypeSlice(value, start, end);
  };
  /** Fetch §2.2.2 forbidden request-header (`name` lowercased). */
  const isForbiddenRequestHeader = (name, value) => {
    if (includes(FORBIDDEN_REQUEST, name) || StringPrototypeIndexOf(name, 'proxy-') === 0 || StringPrototypeIndexOf(name, 'sec-') === 0) return true;
    if (!includes(METHOD_OVERRIDES, name)) return false;
    const methods = SplitString(value, ',');
    for (let i = 0; i < methods.length; i++) {
      if (includes(['CONNECT', 'TRACE', 'TRACK'], StringPrototypeToUpperCase(normalizeValue(methods[i])))) return true;
    }
    return false;
  };
  /** Fetch §2.2.2 CORS-safelisted request-header, for the request-no-cors guard. */
  const isNoCORSSafelisted = (name, value) => {
    if (value.length > 128) return false;
    if (name === 'accept' || name === 'accept-language' || name === 'content-language') return true;
    if (name !== 'content-type') return false;
    const essence = StringPrototypeToLowerCase(normalizeValue(SplitString(value, ';')[0]));
    return essence === 'application/x-www-form-urlencoded' || essence === 'multipart/form-data' || essence === 'text/plain';
  };

  const GUARD = Symbol('guard');
  const LIST = Symbol('headerList');
  /** Fetch: get a header's value from a Headers' list: the values joined by ", ", or null. */
  const headerValue = (headers, lowerName) => {
    const list = headers[LIST];
    let result = null;
    for (let i = 0; i < list.length; i += 2) {
      if (StringPrototypeToLowerCase(list[i]) === lowerName) result = result === null ? list[i + 1] : `${result}, ${list[i + 1]}`;
    }
    return result;
  };
  /** Validates a name and value for `operation`; false when the guard makes the operation a no-op. */
  const check = (headers, operation, name, value) => {
    if (!RegExpTest(TOKEN, name)) throw new TypeError(`Failed to execute '${operation}' on 'Headers': Invalid name`);
    if (value !== null && RegExpTest(INVALID_VALUE, value)) throw new TypeError(`Failed to execute '${operation}' on 'Headers': Invalid value`);
    const guard = headers[GUARD];
    if (guard === 'immutable') throw new TypeError(`Failed to execute '${operation}' on 'Headers': Headers are immutable`);
    const lower = StringPrototypeToLowerCase(name);
    if (guard === 'request' && isWindow && isForbiddenRequestHeader(lower, value ?? '')) return false;
    if (guard === 'response' && (lower === 'set-cookie' || lower === 'set-cookie2')) return false;
    return true;
  };
  const appendHeader = (headers, name, value, operation = 'append') => {
    name = byteString(name, `execute '${operation}' on 'Headers'`);
    value = normalizeValue(byteString(value, `execute '${operation}' on 'Headers'`));
    if (!check(headers, operation, name, value)) return;
    const lower = StringPrototypeToLowerCase(name);
    if (headers[GUARD] === 'request-no-cors') {
      const existing = headerValue(headers, lower);
      if (!isNoCORSSafelisted(lower, existing === null ? value : `${existing}, ${value}`)) return;
    }
    ArrayPrototypePush(headers[LIST], name, value);
  };
  const removeHeader = (headers, lower) => {
    const list = headers[LIST];
    const kept = [];
    for (let i = 0; i < list.length; i += 2) if (StringPrototypeToLowerCase(list[i]) !== lower) ArrayPrototypePush(kept, list[i], list[i + 1]);
    headers[LIST] = kept;
  };
  /** Fetch: fill a Headers from a HeadersInit. */
  const fill = (headers, init, context) => {
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
      throw new TypeError(`Failed to ${context}: The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.`);
    }
    if (init instanceof Headers) {
      const list = init[LIST];
      for (let i = 0; i < list.length; i += 2) appendHeader(headers, list[i], list[i + 1]);
      return;
    }
    if (typeof init[Symbol.iterator] === 'function') {
      const pairs = [];
      for (const pair of init) {
        if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
          throw new TypeError(`Failed to ${context}: The provided value cannot be converted to a sequence.`);
        }
        const entry = [];
        for (const item of pair) ArrayPrototypePush(entry, item);
        if (entry.length !== 2) throw new TypeError(`Failed to ${context}: Invalid value`);
        ArrayPrototypePush(pairs, entry);
      }
      for (let i = 0; i < pairs.length; i++) appendHeader(headers, pairs[i][0], pairs[i][1]);
      return;
    }
    const keys = ObjectKeys(init);
    for (let i = 0; i < keys.length; i++) appendHeader(headers, keys[i], init[keys[i]]);
  };
  /** Fetch: sort and combine (names lowercased and sorted, values joined; each Set-Cookie apart). */
  const sortAndCombine = (headers) => {
    const list = headers[LIST];
    const names = [];
    for (let i = 0; i < list.length; i += 2) {
      const lower = StringPrototypeToLowerCase(list[i]);
      if (!includes(names, lower)) ArrayPrototypePush(names, lower);
    }
    ArrayPrototypeSort(names, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const result = [];
    for (let n = 0; n < names.length; n++) {
      if (names[n] === 'set-cookie') {
        for (let i = 0; i < list.length; i += 2) if (StringPrototypeToLowerCase(list[i]) === 'set-cookie') ArrayPrototypePush(result, ['set-cookie', list[i + 1]]);
      } else {
        ArrayPrototypePush(result, [names[n], headerValue(headers, names[n])]);
      }
    }
    return result;
  };
  const makeHeaders = (guard, list = []) => {
    const headers = ObjectCreate(Headers.prototype);
    headers[LIST] = list;
    headers[GUARD] = guard;
    return headers;
  };

  class Headers {
    constructor(init = undefined) {
      this[LIST] = [];
      this[GUARD] = 'none';
      if (init !== undefined) fill(this, init, "construct 'Headers'");
    }
    append(name, value) {
      if (arguments.length < 2) throw new TypeError(`Failed to execute 'append' on 'Headers': 2 arguments required, but only ${arguments.length} present.`);
      appendHeader(this, name, value);
    }
    delete(name) {
      name = byteString(name, "execute 'delete' on 'Headers'");
      if (!check(this, 'delete', name, null)) return;
      const lower = StringPrototypeToLowerCase(name);
      if (this[GUARD] === 'request-no-cors' && !isNoCORSSafelisted(lower, '')) return;
      removeHeader(this, lower);
    }
    get(name) {
      name = byteString(name, "execute 'get' on 'Headers'");
      if (!RegExpTest(TOKEN, name)) throw new TypeError("Failed to execute 'get' on 'Headers': Invalid name");
      return headerValue(this, StringPrototypeToLowerCase(name));
    }
    getSetCookie() {
      const list = this[LIST];
      const values = [];
      for (let i = 0; i < list.length; i += 2) if (StringPrototypeToLowerCase(list[i]) === 'set-cookie') ArrayPrototypePush(values, list[i + 1]);
      return values;
    }
    has(name) {
      name = byteString(name, "execute 'has' on 'Headers'");
      if (!RegExpTest(TOKEN, name)) throw new TypeError("Failed to execute 'has' on 'Headers': Invalid name");
      return headerValue(this, StringPrototypeToLowerCase(name)) !== null;
    }
    set(name, value) {
      if (arguments.length < 2) throw new TypeError(`Failed to execute 'set' on 'Headers': 2 arguments required, but only ${arguments.length} present.`);
      name = byteString(name, "execute 'set' on 'Headers'");
      value = normalizeValue(byteString(value, "execute 'set' on 'Headers'"));
      if (!check(this, 'set', name, value)) return;
      const lower = StringPrototypeToLowerCase(name);
      if (this[GUARD] === 'request-no-cors' && !isNoCORSSafelisted(lower, value)) return;
      const list = this[LIST];
      const kept = [];
      let placed = false;
      for (let i = 0; i < list.length; i += 2) {
        if (StringPrototypeToLowerCase(list[i]) !== lower) ArrayPrototypePush(kept, list[i], list[i + 1]);
        else if (!placed) { ArrayPrototypePush(kept, list[i], value); placed = true; }
      }
      if (!placed) ArrayPrototypePush(kept, name, value);
      this[LIST] = kept;
    }
    forEach(callback, thisArg = undefined) {
      if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'Headers': The callback provided as parameter 1 is not a function.");
      const pairs = sortAndCombine(this);
      for (let i = 0; i < pairs.length; i++) FunctionPrototypeCall(callback, thisArg, pairs[i][1], pairs[i][0], this);
    }
    entries() { return headersIterator(this, 'entries'); }
    keys() { return headersIterator(this, 'keys'); }
    values() { return headersIterator(this, 'values'); }
  }
  ObjectDefineProperty(Headers.prototype, Symbol.iterator, { value: Headers.prototype.entries, writable: true, configurable: true });

  /** WebIDL default iterator objects of Headers ('Headers Iterator'), over the sorted and combined list. */
  const HeadersIteratorPrototype = ObjectCreate(IteratorPrototype);
  const ITERATION = Symbol('iteration');
  ObjectDefineProperty(HeadersIteratorPrototype, 'next', {
    value: function next() {
      const state = this?.[ITERATION];
      if (state === undefined) throw new TypeError('Illegal invocation');
      const pairs = sortAndCombine(state.headers);
      if (state.index >= pairs.length) return { value: undefined, done: true };
      const pair = pairs[state.index++];
      return { value: state.kind === 'keys' ? pair[0] : state.kind === 'values' ? pair[1] : [pair[0], pair[1]], done: false };
    },
    writable: true, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(HeadersIteratorPrototype, Symbol.toStringTag, { value: 'Headers Iterator', configurable: true });
  const headersIterator = (headers, kind) => {
    const iterator = ObjectCreate(HeadersIteratorPrototype);
    ObjectDefineProperty(iterator, ITERATION, { value: { headers, kind, index: 0 } });
    return iterator;
  };

  // ---- URLs -------------------------------------------------------------------------------------
  /** The document's base URL, for relative URLs. */
  const baseURL = () => (document === null ? undefined : runtime.elements.documentBaseURL(document));
  /** The URL parser against the base URL: the parsed URL, or null on failure. */
  const parseURL = (input) => {
    try {
      return new URL(String(input), baseURL());
    } catch {
      return null;
    }
  };
  const withoutFragment = (url) => {
    const hash = StringPrototypeIndexOf(url, '#');
    return hash < 0 ? url : StringPrototypeSlice(url, 0, hash);
  };

  // ---- Request (Fetch §5.4) ---------------------------------------------------------------------
  const R = {
    __proto__: null, method: Symbol('method'), url: Symbol('url'), mode: Symbol('mode'), credentials: Symbol('credentials'), cache: Symbol('cache'),
    redirect: Symbol('redirect'), referrer: Symbol('referrer'), referrerPolicy: Symbol('referrerPolicy'), integrity: Symbol('integrity'),
    keepalive: Symbol('keepalive'), signal: Symbol('signal'), destination: Symbol('destination'),
  };
  const ENUMS = {
    mode: ['same-origin', 'no-cors', 'cors', 'navigate'],
    credentials: ['omit', 'same-origin', 'include'],
    cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
    redirect: ['follow', 'error', 'manual'],
    referrerPolicy: ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin',
      'strict-origin-when-cross-origin', 'unsafe-url'],
  };
  const ENUM_TYPES = { mode: 'RequestMode', credentials: 'RequestCredentials', cache: 'RequestCache', redirect: 'RequestRedirect', referrerPolicy: 'ReferrerPolicy' };
  const enumValue = (member, value) => {
    const text = String(value);
    if (!includes(ENUMS[member], text)) {
      throw new TypeError(`Failed to construct 'Request': Failed to read the '${member}' property from 'RequestInit': The provided value '${text}' is not a valid enum value of type ${ENUM_TYPES[member]}.`);
    }
    return text;
  };
  /** Fetch: normalize a method; forbidden methods and non-tokens throw. */
  const normalizeMethod = (method, context) => {
    method = byteString(method, context);
    if (!RegExpTest(TOKEN, method)) throw new TypeError(`Failed to ${context}: '${method}' is not a valid HTTP method.`);
    const upper = StringPrototypeToUpperCase(method);
    if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') throw new TypeError(`Failed to ${context}: '${method}' HTTP method is unsupported.`);
    return includes(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'], upper) ? upper : method;
  };
  const abortReason = (signal) => events.abortState(signal)[1];

  class Request {
    constructor(input, init = undefined) {
      const context = "construct 'Request'";
      if (arguments.length === 0) throw new TypeError(`Failed to ${context}: 1 argument required, but only 0 present.`);
      if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeError(`Failed to ${context}: The provided value is not of type 'RequestInit'.`);
      }
      init = init ?? {};
      let inputRequest = null;
      let signal = null;
      if (input instanceof Request) {
        inputRequest = input;
        for (const key in R) this[R[key]] = input[R[key]];
        signal = input[R.signal];
      } else {
        const parsed = parseURL(input);
        if (parsed === null) throw new TypeError(`Failed to ${context}: Failed to parse URL from ${String(input)}`);
        if (FunctionPrototypeCall(urlUsername, parsed) !== '' || FunctionPrototypeCall(urlPassword, parsed) !== '') {
          throw new TypeError(`Failed to ${context}: Request cannot be constructed from a URL that includes credentials: ${String(input)}`);
        }
        this[R.method] = 'GET';
        this[R.url] = FunctionPrototypeCall(urlHref, parsed);
        this[R.mode] = 'cors';
        this[R.credentials] = 'same-origin';
        this[R.cache] = 'default';
        this[R.redirect] = 'follow';
        this[R.referrer] = 'about:client';
        this[R.referrerPolicy] = '';
        this[R.integrity] = '';
        this[R.keepalive] = false;
        this[R.destination] = '';
      }
      if (ObjectKeys(init).length > 0 || init.method !== undefined || init.signal !== undefined) {
        if (this[R.mode] === 'navigate') this[R.mode] = 'same-origin';
      }
      if (init.referrer !== undefined) {
        const referrer = String(init.referrer);
        if (referrer === '') this[R.referrer] = 'no-referrer';
        else {
          const parsed = parseURL(referrer);
          if (parsed === null) throw new TypeError(`Failed to ${context}: Referrer '${referrer}' is not a valid URL.`);
          this[R.referrer] = FunctionPrototypeCall(urlHref, parsed);
        }
      }
      if (init.referrerPolicy !== undefined) this[R.referrerPolicy] = enumValue('referrerPolicy', init.referrerPolicy);
      if (init.mode !== undefined) {
        const mode = enumValue('mode', init.mode);
        if (mode === 'navigate') throw new TypeError(`Failed to ${context}: Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.`);
        this[R.mode] = mode;
      }
      if (init.credentials !== undefined) this[R.credentials] = enumValue('credentials', init.credentials);
      if (init.cache !== undefined) this[R.cache] = enumValue('cache', init.cache);
      if (this[R.cache] === 'only-if-cached' && this[R.mode] !== 'same-origin') {
        throw new TypeError(`Failed to ${context}: 'only-if-cached' can be set only with 'same-origin' mode`);
      }
      if (init.redirect !== undefined) this[R.redirect] = enumValue('redirect', init.redirect);
      if (init.integrity !== undefined) this[R.integrity] = String(init.integrity);
      if (init.keepalive !== undefined) this[R.keepalive] = !!init.keepalive;
      if (init.method !== undefined) this[R.method] = normalizeMethod(init.method, context);
      if (init.signal !== undefined) {
        if (init.signal !== null && !(init.signal instanceof events.AbortSignal)) {
          throw new TypeError(`Failed to ${context}: Failed to read the 'signal' property from 'RequestInit': Failed to convert value to 'AbortSignal'.`);
        }
        signal = init.signal;
      }
      this[R.signal] = signal === null ? events.newSignal() : FunctionPrototypeCall(signalAny, events.AbortSignal, [signal]);
      const headers = makeHeaders('request');
      if (this[R.mode] === 'no-cors') {
        if (!includes(['GET', 'HEAD', 'POST'], this[R.method])) throw new TypeError(`Failed to ${context}: '${this[R.method]}' is unsupported in no-cors mode.`);
        headers[GUARD] = 'request-no-cors';
      }
      if (init.headers !== undefined) fill(headers, init.headers, context);
      else if (inputRequest !== null) fill(headers, inputRequest[HEADERS], context);
      this[HEADERS] = headers;
      const inputBody = inputRequest === null ? null : inputRequest[BODY];
      const hasInitBody = init.body !== undefined && init.body !== null;
      if ((hasInitBody || inputBody !== null) && (this[R.method] === 'GET' || this[R.method] === 'HEAD')) {
        throw new TypeError(`Failed to ${context}: Request with GET/HEAD method cannot have body.`);
      }
      let body = inputBody;
      if (hasInitBody) {
        const pair = extractBody(init.body);
        const extracted = pair[0], type = pair[1];
        body = extracted;
        if (type !== null && headerValue(headers, 'content-type') === null) ArrayPrototypePush(headers[LIST], 'Content-Type', type);
      } else if (inputBody !== null) {
        if (inputBody.used) throw new TypeError(`Failed to ${context}: Cannot construct a Request with a Request object that has already been used.`);
        // The input's body moves to the new request (Fetch §5.4 step 42): the input reads as used.
        body = makeBody(inputBody.parts);
        inputBody.used = true;
      }
      this[BODY] = body;
    }
    get method() { return this[R.method]; }
    get url() { return this[R.url]; }
    get headers() { return this[HEADERS]; }
    get destination() { return this[R.destination]; }
    get referrer() {
      const referrer = this[R.referrer];
      return referrer === 'no-referrer' ? '' : referrer;
    }
    get referrerPolicy() { return this[R.referrerPolicy]; }
    get mode() { return this[R.mode]; }
    get credentials() { return this[R.credentials]; }
    get cache() { return this[R.cache]; }
    get redirect() { return this[R.redirect]; }
    get integrity() { return this[R.integrity]; }
    get keepalive() { return this[R.keepalive]; }
    get isReloadNavigation() { return false; }
    get isHistoryNavigation() { return false; }
    get signal() { return this[R.signal]; }
    get duplex() { return 'half'; }
    clone() {
      if (this[BODY] !== null && this[BODY].used) throw new TypeError("Failed to execute 'clone' on 'Request': Request body is already used");
      const clone = ObjectCreate(Request.prototype);
      for (const key in R) clone[R[key]] = this[R[key]];
      clone[HEADERS] = makeHeaders(this[HEADERS][GUARD], ArrayPrototypeSlice(this[HEADERS][LIST]));
      clone[BODY] = this[BODY] === null ? null : makeBody(this[BODY].parts);
      clone[R.signal] = FunctionPrototypeCall(signalAny, events.AbortSignal, [this[R.signal]]);
      return clone;
    }
  }
  defineBody(Request, 'Request');

  // ---- Response (Fetch §5.5) --------------------------------------------------------------------
  const P = { type: Symbol('type'), status: Symbol('status'), statusText: Symbol('statusText'), urlList: Symbol('urlList') };
  const REASON_PHRASE = /^[\t\x20-\x7E\x80-\xFF]*$/;
  const NULL_BODY_STATUS = [101, 103, 204, 205, 304];
  const REDIRECT_STATUS = [301, 302, 303, 307, 308];
  const makeResponse = (type, status, statusText, headers, body, urlList) => {
    const response = ObjectCreate(Response.prototype);
    response[P.type] = type;
    response[P.status] = status;
    response[P.statusText] = statusText;
    response[HEADERS] = headers;
    response[BODY] = body;
    response[P.urlList] = urlList;
    return response;
  };
  /** Fetch §5.5 initialize a response. */
  const initialize = (response, init, body, context) => {
    if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError(`Failed to ${context}: The provided value is not of type 'ResponseInit'.`);
    }
    init = init ?? {};
    const status = init.status === undefined ? 200 : toUnsignedShort(init.status);
    if (status < 200 || status > 599) {
      throw new RangeError(`Failed to ${context}: The status provided (${status}) is outside the range [200, 599].`);
    }
    const statusText = init.statusText === undefined ? '' : byteString(init.statusText, context);
    if (!RegExpTest(REASON_PHRASE, statusText)) throw new TypeError(`Failed to ${context}: Invalid statusText`);
    response[P.status] = status;
    response[P.statusText] = statusText;
    if (init.headers !== undefined) fill(response[HEADERS], init.headers, context);
    if (body !== null) {
      if (includes(NULL_BODY_STATUS, status)) throw new TypeError(`Failed to ${context}: Response with null body status cannot have body`);
      response[BODY] = body[0];
      if (body[1] !== null && headerValue(response[HEADERS], 'content-type') === null) ArrayPrototypePush(response[HEADERS][LIST], 'Content-Type', body[1]);
    }
  };
  const toUnsignedShort = (value) => {
    const number = MathFloor(+value);
    return number === number ? ((number % 65536) + 65536) % 65536 : 0;
  };

  class Response {
    constructor(body = null, init = undefined) {
      this[P.type] = 'default';
      this[P.status] = 200;
      this[P.statusText] = '';
      this[HEADERS] = makeHeaders('response');
      this[BODY] = null;
      this[P.urlList] = [];
      initialize(this, init, body === null || body === undefined ? null : extractBody(body), "construct 'Response'");
    }
    static error() { return makeResponse('error', 0, '', makeHeaders('immutable'), null, []); }
    static redirect(url, status = 302) {
      const parsed = parseURL(url);
      if (parsed === null) throw new TypeError(`Failed to execute 'redirect' on 'Response': Failed to parse URL from ${String(url)}`);
      status = toUnsignedShort(status);
      if (!includes(REDIRECT_STATUS, status)) throw new RangeError("Failed to execute 'redirect' on 'Response': Invalid status code");
      return makeResponse('default', status, '', makeHeaders('immutable', ['Location', FunctionPrototypeCall(urlHref, parsed)]), null, []);
    }
    static json(data, init = undefined) {
      const text = JSONStringify(data);
      if (text === undefined) throw new TypeError("Failed to execute 'json' on 'Response': The data provided cannot be converted to JSON.");
      const response = makeResponse('default', 200, '', makeHeaders('response'), null, []);
      initialize(response, init, [makeBody([utf8Encode(text)]), 'application/json'], "execute 'json' on 'Response'");
      return response;
    }
    get type() { return this[P.type]; }
    get url() {
      const list = this[P.urlList];
      return list.length === 0 ? '' : withoutFragment(list[list.length - 1]);
    }
    get redirected() { return this[P.urlList].length > 1; }
    get status() { return this[P.status]; }
    get ok() { return this[P.status] >= 200 && this[P.status] <= 299; }
    get statusText() { return this[P.statusText]; }
    get headers() { return this[HEADERS]; }
    clone() {
      if (this[BODY] !== null && this[BODY].used) throw new TypeError("Failed to execute 'clone' on 'Response': Response body is already used");
      const body = this[BODY] === null ? null : makeBody(this[BODY].parts);
      if (body !== null) {
        body.error = this[BODY].error;
        body.pending = this[BODY].pending;
        if (body.pending !== null) ArrayPrototypePush(body.pending.bodies, body);
      }
      return makeResponse(this[P.type], this[P.status], this[P.statusText],
        makeHeaders(this[HEADERS][GUARD], ArrayPrototypeSlice(this[HEADERS][LIST])), body, this[P.urlList]);
    }
  }
  defineBody(Response, 'Response');

  // ---- fetch() (Fetch §5.6) ---------------------------------------------------------------------
  /** What Swift's `start` takes: [url, method, headers, body, redirect, mode, credentials]. */
  const hostRequest = (url, method, list, bytes, redirect, mode, credentials, referrer = 'about:client', referrerPolicy = '') => {
    const headers = ArrayPrototypeSlice(list);
    let hasAccept = false;
    for (let i = 0; i < headers.length; i += 2) if (StringPrototypeToLowerCase(headers[i]) === 'accept') hasAccept = true;
    if (!hasAccept) ArrayPrototypePush(headers, 'Accept', '*/*');
    return [url, method, headers, method === 'GET' || method === 'HEAD' ? null : bytes, redirect, mode, credentials, referrer, referrerPolicy];
  };
  /**
   * The Response of Swift's result `[type, status, statusText, headers, body, urlList]` (Fetch
   * §2.2.6 filtered responses); with a seventh field, `true`, the head alone: its body is pending.
   */
  const responseFromHost = (result, method) => {
    const parts = result;
    const type = parts[0], status = parts[1], statusText = parts[2], list = parts[3], buffer = parts[4], urlList = parts[5];
    if (type === 'opaque') return makeResponse('opaque', 0, '', makeHeaders('immutable'), null, []);
    if (type === 'opaqueredirect') return makeResponse('opaqueredirect', 0, '', makeHeaders('immutable'), null, urlList);
    const body = method === 'HEAD' || includes(NULL_BODY_STATUS, status) ? null
      : parts[6] === true ? makePendingBody() : makeBody([new Uint8Array(buffer)]);
    return makeResponse(type, status, statusText, makeHeaders('immutable', list), body, urlList);
  };

  const fetch = function (input, init = undefined) {
    return new Promise((resolve, reject) => {
      let request;
      try {
        if (arguments.length === 0) throw new TypeError("Failed to execute 'fetch' on 'Window': 1 argument required, but only 0 present.");
        request = new Request(input, init);
      } catch (error) {
        reject(error);
        return;
      }
      const signal = request[R.signal];
      if (events.abortState(signal)[0]) {
        reject(abortReason(signal));
        return;
      }
      let settled = false;
      let response = null;
      /** Swift's id of the network request once started (`host.abort` stops it). */
      let started = null;
      const removeAbort = events.addAbortAlgorithm(signal, () => {
        if (response !== null && response[BODY] !== null) {
          response[BODY].error = abortReason(signal);
          if (response[BODY].pending !== null) {
            // The body was still coming: the network request stops, its readers reject.
            if (typeof started === 'number') host.abort(started);
            finishBody(response[BODY], null, abortReason(signal));
          }
        }
        if (settled) return;
        settled = true;
        // Fetch §5.6 step 12: terminate the ongoing fetch (the network request stops).
        if (typeof started === 'number') host.abort(started);
        reject(abortReason(signal));
      });
      // Made now, while the caller's frames are on the stack: a page error names the page's line
      // that called fetch, as Chrome's async stacks do.
      const pageFailure = isWindow ? new TypeError('Failed to fetch') : null;
      /** A network error: Chrome's message in a page; in Node undici's, the network's error (`message`, `code`) its `cause`. */
      const fail = (message, code) => {
        if (settled) return;
        settled = true;
        removeAbort();
        if (isWindow) { reject(pageFailure); return; }
        const cause = new Error(message);
        if (code !== undefined) cause.code = code;
        reject(new TypeError('fetch failed', { cause }));
      };
      const bytes = bodyBytes(request[BODY]);
      if (request[BODY] !== null) request[BODY].used = true;
      if (StringPrototypeIndexOf(request[R.url], 'blob:') === 0) {
        // Fetch §4.2 scheme fetch for blob: URLs: the page's own blob URL store, GET only.
        const blob = blobs()?.resolveBlobURL(request[R.url]) ?? null;
        if (blob === null || request[R.method] !== 'GET') { PromisePrototypeThen(PromiseResolve(), () => fail('invalid method')); return; }
        const data = blobs().blobData(blob);
        const list = ['Content-Length', String(lengthOf(data.bytes))];
        if (data.type !== '') ArrayPrototypePush(list, 'Content-Type', data.type);
        settled = true;
        removeAbort();
        resolve(makeResponse('basic', 200, 'OK', makeHeaders('immutable', list), makeBody([data.bytes]), [request[R.url]]));
        return;
      }
      started = host.start(
        hostRequest(request[R.url], request[R.method], request[HEADERS][LIST], bytes, request[R.redirect], request[R.mode], request[R.credentials],
          request[R.referrer], request[R.referrerPolicy]),
        (result, code) => {
          // After the head (Fetch's processResponse resolved the promise), the end fills the body.
          const body = response === null ? null : response[BODY];
          if (body !== null && body.pending !== null) {
            if (typeof result === 'string') finishBody(body, null, new TypeError('network error'));
            else finishBody(body, new Uint8Array(result[4]), undefined);
            return;
          }
          if (settled) return;
          if (typeof result === 'string') { fail(result, code); return; }
          settled = true;
          response = responseFromHost(result, request[R.method]);
          resolve(response);
        }, true);
      if (typeof started === 'string') fail(started);
    });
  };
  ObjectDefineProperty(fetch, 'name', { value: 'fetch' });

  /** A page realm's fetch: relative URLs against `windowDocument`'s base URL. */
  const install = (global, windowDocument) => {
    document = windowDocument;
    ObjectDefineProperty(global, 'fetch', { value: fetch, writable: true, configurable: true, enumerable: true });
  };
  /** A Node-compatible realm's fetch and its interfaces, on the global as Node 18 defines them; absolute URLs only. */
  const installNode = (global) => {
    isWindow = false;
    ObjectDefineProperty(global, 'fetch', { value: fetch, writable: true, configurable: true, enumerable: true });
    for (const name in interfaces) ObjectDefineProperty(global, name, { value: interfaces[name], writable: true, configurable: true });
    // Node 18's body types, where the realm has their scripts (SupportFetchAPI installs them).
    const bodyTypes = { ...blobs()?.interfaces, ...formDatas()?.interfaces };
    for (const name in bodyTypes) ObjectDefineProperty(global, name, { value: bodyTypes[name], writable: true, configurable: true });
  };

  const interfaces = { Headers, Request, Response };
  for (const name in interfaces) {
    ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  return ObjectFreeze({
    interfaces: ObjectFreeze(interfaces), install, installNode, Headers, makeHeaders, appendHeader, headerValue, sortAndCombine, LIST, GUARD,
    extractBody, bodyBytes, copyBytes, toArrayBuffer, utf8Decode, utf8Encode, normalizeMethod, parseURL, urlHref, withoutFragment,
    isForbiddenRequestHeader, byteString, normalizeValue, TOKEN, INVALID_VALUE, hostRequest, isBlob, lengthOf,
  });
}
