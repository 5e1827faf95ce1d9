// XMLHttpRequest (XMLHttpRequest Standard): XMLHttpRequestEventTarget, XMLHttpRequestUpload and
// XMLHttpRequest over the same network path as fetch() (`host.start`, CORS and forbidden headers
// enforced in Swift). Asynchronous requests fire their events as tasks in the standard's order:
// the upload's progress, load and loadend when the response arrives (bodies go out whole), then
// readystatechange to HEADERS_RECEIVED, readystatechange to LOADING and progress, then
// readystatechange to DONE, load and loadend. Synchronous requests block the isolate's thread in
// Swift (`host.startSync`), no task running meanwhile. `timeout` is a page timer on the page's
// virtual clock, which runs at the real rate while a request is in flight.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypePush, FunctionPrototypeCall, JSONParse, ObjectDefineProperty, RegExpTest, ObjectFreeze, SplitString, String,
    StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeToLowerCase, Symbol, TypeError, Uint8Array,
  } = runtime.primordials;
  const { makeError } = runtime['dom-exception'];
  const events = runtime.events;
  const { EventTarget, Event, ProgressEvent } = events;
  const fetch = runtime.fetch;
  const { LIST, headerValue } = fetch;
  const window = runtime.window;

  const includes = (list, item) => { for (let i = 0; i < list.length; i++) if (list[i] === item) return true; return false; };
  const timers = () => runtime.timers;
  /** Queues `task` as a task of the page (a zero-delay page timer). */
  const queueTask = (task) => timers().setTimeout(task, 0);

  let constructingTarget = false;
  /** The event handlers every XMLHttpRequestEventTarget has. */
  const progressEventNames = ['loadstart', 'progress', 'abort', 'error', 'load', 'timeout', 'loadend'];
  class XMLHttpRequestEventTarget extends EventTarget {
    constructor() {
      if (!constructingTarget) throw new TypeError('Illegal constructor');
      constructingTarget = false;
      super();
    }
  }
  events.defineEventHandlers(XMLHttpRequestEventTarget.prototype, progressEventNames);
  class XMLHttpRequestUpload extends XMLHttpRequestEventTarget {
    constructor() {
      if (!constructingTarget) throw new TypeError('Illegal constructor');
      super();
    }
  }

  const UNSENT = 0, OPENED = 1, HEADERS_RECEIVED = 2, LOADING = 3, DONE = 4;
  const X = Symbol('xhr');
  const RESPONSE_TYPES = ['', 'arraybuffer', 'blob', 'document', 'json', 'text'];

  /** XHR §3.7.8 fire a progress event named `type` at `target`. */
  const fireProgress = (target, type, transmitted, length) => {
    events.fire(target, new ProgressEvent(type, { lengthComputable: length !== 0, loaded: transmitted, total: length }));
  };
  const fireReadyStateChange = (xhr) => { events.fire(xhr, new Event('readystatechange')); };
  const hasListeners = (target) => {
    const listeners = target[events.LISTENERS];
    return listeners !== undefined && listeners.length > 0;
  };

  class XMLHttpRequest extends XMLHttpRequestEventTarget {
    constructor() {
      constructingTarget = true;
      super();
      constructingTarget = true;
      const upload = new XMLHttpRequestUpload();
      constructingTarget = false;
      this[X] = {
        state: UNSENT, send: false, method: 'GET', url: null, async: true, headers: fetch.makeHeaders('none'), timeout: 0,
        withCredentials: false, upload, uploadComplete: false, uploadListener: false, timedOut: false, responseType: '',
        response: null, bytes: null, text: null, object: undefined, objectFailed: false, override: null,
        generation: 0, fetchId: null,
      };
    }
    get readyState() { return this[X].state; }
    get timeout() { return this[X].timeout; }
    set timeout(value) {
      const x = this[X];
      if (!x.async && x.state !== UNSENT) {
        throw makeError('InvalidAccessError', "Failed to set the 'timeout' property on 'XMLHttpRequest': Timeouts cannot be set for synchronous requests made from a document.");
      }
      const number = +value;
      x.timeout = number >= 0 && number <= 4294967295 ? number - (number % 1) : 0;
    }
    get withCredentials() { return this[X].withCredentials; }
    set withCredentials(value) {
      const x = this[X];
      if ((x.state !== UNSENT && x.state !== OPENED) || x.send) {
        throw makeError('InvalidStateError', "Failed to set the 'withCredentials' property on 'XMLHttpRequest': The value may only be set if the object's state is UNSENT or OPENED.");
      }
      x.withCredentials = !!value;
    }
    get upload() { return this[X].upload; }

    /** XHR §3.5.1 open(). */
    open(method, url, async = true) {
      if (arguments.length < 2) throw new TypeError(`Failed to execute 'open' on 'XMLHttpRequest': 2 arguments required, but only ${arguments.length} present.`);
      const x = this[X];
      let normalized;
      try {
        normalized = fetch.normalizeMethod(method, "execute 'open' on 'XMLHttpRequest'");
      } catch (error) {
        const text = String(method);
        throw makeError(StringPrototypeIndexOf(error.message, 'unsupported') >= 0 ? 'SecurityError' : 'SyntaxError',
          `Failed to execute 'open' on 'XMLHttpRequest': '${text}' is not a valid HTTP method.`);
      }
      const parsed = fetch.parseURL(url);
      if (parsed === null) throw makeError('SyntaxError', `Failed to execute 'open' on 'XMLHttpRequest': Invalid URL`);
      if (arguments.length > 2) async = !!async;
      else async = true;
      if (!async && (x.timeout !== 0 || x.responseType !== '')) {
        throw makeError('InvalidAccessError', "Failed to execute 'open' on 'XMLHttpRequest': Synchronous requests from a document must not set a response type or timeout.");
      }
      terminate(x);
      x.send = false;
      x.uploadListener = false;
      x.method = normalized;
      x.url = FunctionPrototypeCall(fetch.urlHref, parsed);
      x.async = async;
      x.headers = fetch.makeHeaders('none');
      resetResponse(x);
      if (x.state !== OPENED) {
        x.state = OPENED;
        fireReadyStateChange(this);
      }
    }

    /** XHR §3.5.2 setRequestHeader(); forbidden headers are ignored, as Chrome does. */
    setRequestHeader(name, value) {
      if (arguments.length < 2) throw new TypeError(`Failed to execute 'setRequestHeader' on 'XMLHttpRequest': 2 arguments required, but only ${arguments.length} present.`);
      const x = this[X];
      if (x.state !== OPENED || x.send) {
        throw makeError('InvalidStateError', "Failed to execute 'setRequestHeader' on 'XMLHttpRequest': The object's state must be OPENED.");
      }
      name = fetch.byteString(name, "execute 'setRequestHeader' on 'XMLHttpRequest'");
      value = fetch.normalizeValue(fetch.byteString(value, "execute 'setRequestHeader' on 'XMLHttpRequest'"));
      if (!RegExpTest(fetch.TOKEN, name)) {
        throw makeError('SyntaxError', `Failed to execute 'setRequestHeader' on 'XMLHttpRequest': '${name}' is not a valid HTTP header field name.`);
      }
      if (RegExpTest(fetch.INVALID_VALUE, value)) {
        throw makeError('SyntaxError', `Failed to execute 'setRequestHeader' on 'XMLHttpRequest': '${value}' is not a valid HTTP header field value.`);
      }
      const lower = StringPrototypeToLowerCase(name);
      if (fetch.isForbiddenRequestHeader(lower, value)) return;
      // XHR combines a header set twice into one value.
      const list = x.headers[LIST];
      for (let i = 0; i < list.length; i += 2) {
        if (StringPrototypeToLowerCase(list[i]) === lower) { list[i + 1] = `${list[i + 1]}, ${value}`; return; }
      }
      ArrayPrototypePush(list, name, value);
    }

    /** XHR §3.5.6 send(). */
    send(body = null) {
      const x = this[X];
      if (x.state !== OPENED || x.send) {
        throw makeError('InvalidStateError', "Failed to execute 'send' on 'XMLHttpRequest': The object's state must be OPENED.");
      }
      let requestBody = null;
      if (x.method !== 'GET' && x.method !== 'HEAD' && body !== null && body !== undefined) {
        const pair = fetch.extractBody(body);
        const extracted = pair[0], type = pair[1];
        requestBody = extracted;
        if (type !== null && headerValue(x.headers, 'content-type') === null) ArrayPrototypePush(x.headers[LIST], 'Content-Type', type);
      }
      x.uploadListener = hasListeners(x.upload);
      x.uploadComplete = requestBody === null;
      x.timedOut = false;
      const xhr = this;
      if (!x.async) return sendSynchronously(xhr, x, requestBody);
      x.send = true;
      const generation = ++x.generation;
      const bytes = requestBody === null ? null : fetch.bodyBytes(requestBody);
      const length = bytes === null ? 0 : fetch.lengthOf(bytes);
      fireProgress(xhr, 'loadstart', 0, 0);
      if (!x.uploadComplete && x.uploadListener) fireProgress(x.upload, 'loadstart', 0, length);
      if (x.state !== OPENED || !x.send || x.generation !== generation) return;
      if (x.timeout !== 0) {
        // Not cleared when the request ends (the timers export no clearTimeout): it checks the generation instead.
        timers().setTimeout(() => {
          if (x.generation !== generation || !x.send) return;
          x.timedOut = true;
          terminate(x);
          requestErrorSteps(xhr, x, 'timeout', null);
        }, x.timeout);
      }
      const started = host.start(
        fetch.hostRequest(x.url, x.method, x.headers[LIST], bytes, 'follow', 'cors', x.withCredentials ? 'include' : 'same-origin'),
        (result) => {
          if (x.generation !== generation) return;
          x.fetchId = null;
          if (typeof result === 'string') { networkError(xhr, x, generation); return; }
          processResponse(xhr, x, generation, result, length);
        });
      if (typeof started === 'string') queueTask(() => networkError(xhr, x, generation));
      else x.fetchId = started;
    }

    /** XHR §3.5.7 abort(). */
    abort() {
      const x = this[X];
      terminate(x);
      if ((x.state === OPENED && x.send) || x.state === HEADERS_RECEIVED || x.state === LOADING) requestErrorSteps(this, x, 'abort', null);
      if (x.state === DONE) {
        x.state = UNSENT;
        x.response = null;
      }
    }

    get responseURL() { return this[X].response === null ? '' : fetch.withoutFragment(lastURL(this[X].response)); }
    get status() { return this[X].response === null ? 0 : this[X].response.status; }
    get statusText() { return this[X].response === null ? '' : this[X].response.statusText; }
    getResponseHeader(name) {
      const response = this[X].response;
      if (response === null) return null;
      return headerValue(response.headers, StringPrototypeToLowerCase(fetch.byteString(name, "execute 'getResponseHeader' on 'XMLHttpRequest'")));
    }
    /** XHR §3.6.5: lowercased names, sorted, values of one name combined, each line ending CR LF. */
    getAllResponseHeaders() {
      const response = this[X].response;
      if (response === null) return '';
      const pairs = fetch.sortAndCombine(response.headers);
      let text = '';
      for (let i = 0; i < pairs.length; i++) text += `${pairs[i][0]}: ${pairs[i][1]}\r\n`;
      return text;
    }
    overrideMimeType(mime) {
      const x = this[X];
      if (x.state === LOADING || x.state === DONE) {
        throw makeError('InvalidStateError', "Failed to execute 'overrideMimeType' on 'XMLHttpRequest': MimeType cannot be overridden when the state is LOADING or DONE.");
      }
      x.override = String(mime);
    }
    get responseType() { return this[X].responseType; }
    set responseType(value) {
      const x = this[X];
      const type = String(value);
      if (!includes(RESPONSE_TYPES, type)) return;
      if (x.state === LOADING || x.state === DONE) {
        throw makeError('InvalidStateError', "Failed to set the 'responseType' property on 'XMLHttpRequest': The response type cannot be set if the object's state is LOADING or DONE.");
      }
      if (!x.async && x.state !== UNSENT) {
        throw makeError('InvalidAccessError', "Failed to set the 'responseType' property on 'XMLHttpRequest': The response type cannot be changed for synchronous requests made from a document.");
      }
      x.responseType = type;
    }
    /** XHR §3.6.9 response. */
    get response() {
      const x = this[X];
      if (x.responseType === '' || x.responseType === 'text') return x.state === LOADING || x.state === DONE ? textResponse(x) : '';
      if (x.state !== DONE) return null;
      if (x.objectFailed) return null;
      if (x.object !== undefined) return x.object;
      const bytes = x.bytes ?? new Uint8Array(0);
      if (x.responseType === 'arraybuffer') x.object = fetch.toArrayBuffer(bytes);
      else if (x.responseType === 'blob') {
        const blobs = runtime.blob;
        if (blobs === undefined) { x.objectFailed = true; return null; }
        x.object = blobs.makeBlob(bytes, finalMIMEType(x).essence);
      } else if (x.responseType === 'document') x.object = documentResponse(x);
      else {
        try {
          x.object = x.bytes === null ? null : JSONParse(fetch.utf8Decode(bytes));
        } catch {
          x.objectFailed = true;
          return null;
        }
      }
      return x.object;
    }
    /** XHR §3.6.10 responseText. */
    get responseText() {
      const x = this[X];
      if (x.responseType !== '' && x.responseType !== 'text') {
        throw makeError('InvalidStateError', `Failed to read the 'responseText' property from 'XMLHttpRequest': The value is only accessible if the object's 'responseType' is '' or 'text' (was '${x.responseType}').`);
      }
      return x.state === LOADING || x.state === DONE ? textResponse(x) : '';
    }
    /** XHR §3.6.11 responseXML. */
    get responseXML() {
      const x = this[X];
      if (x.responseType !== '' && x.responseType !== 'document') {
        throw makeError('InvalidStateError', `Failed to read the 'responseXML' property from 'XMLHttpRequest': The value is only accessible if the object's 'responseType' is '' or 'document' (was '${x.responseType}').`);
      }
      if (x.state !== DONE) return null;
      if (x.object === undefined) x.object = documentResponse(x);
      return x.object;
    }
  }
  events.defineEventHandlers(XMLHttpRequest.prototype, ['readystatechange']);
  const constants = { UNSENT, OPENED, HEADERS_RECEIVED, LOADING, DONE };
  for (const name in constants) {
    ObjectDefineProperty(XMLHttpRequest, name, { value: constants[name], enumerable: true });
    ObjectDefineProperty(XMLHttpRequest.prototype, name, { value: constants[name], enumerable: true });
  }

  const lastURL = (response) => response.urlList[response.urlList.length - 1] ?? '';
  const resetResponse = (x) => {
    x.response = null;
    x.bytes = null;
    x.text = null;
    x.object = undefined;
    x.objectFailed = false;
  };
  /**
   * Ends what the request has in flight: its callbacks and its timeout's timer are ignored from now on, and the
   * network request stops (Fetch's "terminate the ongoing fetch": `host.abort`).
   */
  const terminate = (x) => {
    x.generation++;
    if (x.fetchId !== null) {
      host.abort(x.fetchId);
      x.fetchId = null;
    }
  };

  /** The response as XHR keeps it, from Swift's `[type, status, statusText, headers, body, urlList]`. */
  const responseOf = (result) => {
    const parts = result;
    const type = parts[0], status = parts[1], statusText = parts[2], list = parts[3], buffer = parts[4], urlList = parts[5];
    return { type, status, statusText, headers: fetch.makeHeaders('immutable', list), urlList, buffer };
  };

  /** XHR §3.5.6 process response, and the body's end, each step a task. */
  const processResponse = (xhr, x, generation, result, uploadLength) => {
    const alive = () => x.generation === generation && x.send;
    // The request body went out whole: the upload ends before the response is processed.
    if (!x.uploadComplete) {
      x.uploadComplete = true;
      if (x.uploadListener) {
        fireProgress(x.upload, 'progress', uploadLength, uploadLength);
        if (!alive()) return;
        fireProgress(x.upload, 'load', uploadLength, uploadLength);
        if (!alive()) return;
        fireProgress(x.upload, 'loadend', uploadLength, uploadLength);
        if (!alive()) return;
      }
    }
    x.response = responseOf(result);
    x.state = HEADERS_RECEIVED;
    fireReadyStateChange(xhr);
    if (!alive() || x.state !== HEADERS_RECEIVED) return;
    const bytes = new Uint8Array(x.response.buffer);
    const total = +(headerValue(x.response.headers, 'content-length') ?? 0) || 0;
    queueTask(() => {
      if (!alive()) return;
      x.bytes = bytes;
      if (fetch.lengthOf(bytes) > 0) {
        x.state = LOADING;
        fireReadyStateChange(xhr);
        if (!alive()) return;
        fireProgress(xhr, 'progress', fetch.lengthOf(bytes), total);
        if (!alive()) return;
      }
      queueTask(() => {
        if (!alive()) return;
        x.state = DONE;
        x.send = false;
        fireReadyStateChange(xhr);
        if (x.state !== DONE || x.send) return;
        fireProgress(xhr, 'load', fetch.lengthOf(bytes), total);
        if (x.state !== DONE || x.send) return;
        fireProgress(xhr, 'loadend', fetch.lengthOf(bytes), total);
      });
    });
  };

  const networkError = (xhr, x, generation) => {
    if (x.generation !== generation) return;
    x.generation++;
    requestErrorSteps(xhr, x, 'error', null);
  };

  /** XHR §3.5.6 request error steps for `event` (error, abort, timeout). */
  const requestErrorSteps = (xhr, x, event, exception) => {
    x.state = DONE;
    x.send = false;
    resetResponse(x);
    if (!x.async) throw exception;
    fireReadyStateChange(xhr);
    if (!x.uploadComplete) {
      x.uploadComplete = true;
      if (x.uploadListener) {
        fireProgress(x.upload, event, 0, 0);
        fireProgress(x.upload, 'loadend', 0, 0);
      }
    }
    fireProgress(xhr, event, 0, 0);
    fireProgress(xhr, 'loadend', 0, 0);
  };

  /** XHR §3.5.6 send() with the synchronous flag: Swift fetches while this thread waits. */
  const sendSynchronously = (xhr, x, requestBody) => {
    x.generation++;
    const request = fetch.hostRequest(x.url, x.method, x.headers[LIST], requestBody === null ? null : fetch.bodyBytes(requestBody), 'follow', 'cors',
      x.withCredentials ? 'include' : 'same-origin');
    const result = host.startSync(request, x.timeout);
    if (typeof result === 'string') {
      const timedOut = StringPrototypeIndexOf(result, 'timeout') === 0;
      requestErrorSteps(xhr, x, timedOut ? 'timeout' : 'error', timedOut
        ? makeError('TimeoutError', "Failed to execute 'send' on 'XMLHttpRequest': The request timed out.")
        : makeError('NetworkError', `Failed to execute 'send' on 'XMLHttpRequest': Failed to load '${x.url}'.`));
      return;
    }
    x.response = responseOf(result);
    x.bytes = new Uint8Array(x.response.buffer);
    x.state = DONE;
    fireReadyStateChange(xhr);
    if (x.state !== DONE) return;
    fireProgress(xhr, 'load', fetch.lengthOf(x.bytes), fetch.lengthOf(x.bytes));
    if (x.state !== DONE) return;
    fireProgress(xhr, 'loadend', fetch.lengthOf(x.bytes), fetch.lengthOf(x.bytes));
  };

  /** XHR §3.6.2 final MIME type: the override, else the response's Content-Type, else text/xml. */
  const finalMIMEType = (x) => {
    const value = x.override ?? (x.response === null ? null : headerValue(x.response.headers, 'content-type'));
    if (value === null) return { essence: 'text/xml', charset: null };
    const parts = SplitString(value, ';');
    const essence = StringPrototypeToLowerCase(fetch.normalizeValue(parts[0]));
    let charset = null;
    for (let i = 1; i < parts.length; i++) {
      const parameter = fetch.normalizeValue(parts[i]);
      const equals = StringPrototypeIndexOf(parameter, '=');
      if (equals > 0 && StringPrototypeToLowerCase(StringPrototypeSlice(parameter, 0, equals)) === 'charset') {
        charset = StringPrototypeSlice(parameter, equals + 1);
        if (charset[0] === '"') charset = StringPrototypeSlice(charset, 1, charset[charset.length - 1] === '"' ? -1 : undefined);
      }
    }
    return { essence: essence === '' ? 'text/xml' : essence, charset };
  };
  /** XHR §3.6.8 text response: decoded in the final charset (UTF-8 by default; a BOM wins). */
  const textResponse = (x) => {
    if (x.bytes === null) return '';
    if (x.text === null) {
      const { charset } = finalMIMEType(x);
      x.text = fetch.lengthOf(x.bytes) === 0 ? '' : host.decode(x.bytes, charset ?? 'utf-8');
    }
    return x.text;
  };
  /** XHR §3.6.7 document response: HTML only for responseType 'document', XML for XML MIME types. */
  const documentResponse = (x) => {
    if (x.response === null || x.bytes === null) return null;
    const { essence, charset } = finalMIMEType(x);
    const url = fetch.withoutFragment(lastURL(x.response));
    const text = fetch.lengthOf(x.bytes) === 0 ? '' : host.decode(x.bytes, charset ?? 'utf-8');
    if (essence === 'text/html') return x.responseType === 'document' ? window.parseHTMLDocument(text, url) : null;
    if (!window.isXMLMIMEType(essence)) return null;
    return window.parseXMLDocument(text, essence, url);
  };

  const interfaces = { XMLHttpRequestEventTarget, XMLHttpRequestUpload, XMLHttpRequest };
  for (const name in interfaces) {
    ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  return ObjectFreeze({ interfaces: ObjectFreeze(interfaces) });
}
