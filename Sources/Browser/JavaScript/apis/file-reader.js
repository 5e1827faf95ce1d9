// FileReader (File API §6): reads a Blob as an ArrayBuffer, a binary string, text (in the
// encoding given, else the blob type's charset, else UTF-8, a byte order mark overriding either)
// or a data: URL. The read is a chain of tasks of the page's event loop, as the File API's
// "read operation" queues them: `loadstart`, `progress` (once, the bytes are in memory), then the
// result with `load` and `loadend`. `abort()` drops the tasks still queued and fires `abort`
// and `loadend` at once.
(host, runtime) => {
  'use strict';
  const { ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, RegExpPrototypeExec, Symbol, TypeError } =
    runtime.primordials;
  const { makeError } = runtime['dom-exception'];
  const { EventTarget, ProgressEvent, defineEventHandlers, fire } = runtime.events;
  const { copyBytes, decode, getEncoding, StringBuilder, typedArrayBuffer, typedArrayLength } = runtime.encoding;
  const { blobData } = runtime.blob;
  const { base64Encode } = runtime.base64;
  const { queueTask } = runtime.settings;

  const EMPTY = 0, LOADING = 1, DONE = 2;
  /** The `charset` parameter of a MIME type, as far as "get an encoding" needs it. */
  const CHARSET = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i;

  /** File API §6.4 "package data": the result of a read of `bytes` of a blob of `type`. */
  const packageData = (bytes, kind, encodingName, type) => {
    switch (kind) {
      case 'ArrayBuffer':
        return typedArrayBuffer(copyBytes(bytes));
      case 'BinaryString': {
        const out = new StringBuilder();
        for (let i = 0; i < typedArrayLength(bytes); i++) out.push(bytes[i]);
        return out.toString();
      }
      case 'Text': {
        let encoding = encodingName === undefined ? null : getEncoding(encodingName);
        if (encoding === null) {
          const charset = RegExpPrototypeExec(CHARSET, type);
          if (charset !== null) encoding = getEncoding(charset[2]);
        }
        return decode(bytes, encoding ?? 'UTF-8');
      }
      default:
        return `data:${type === '' ? 'application/octet-stream' : type};base64,${base64Encode(bytes)}`;
    }
  };

  const progress = (target, type, loaded, total) => fire(target, new ProgressEvent(type, { lengthComputable: true, loaded, total }));

  class FileReader extends EventTarget {
    #state = EMPTY;
    #result = null;
    #error = null;
    /** Incremented by each read and abort: queued tasks of an older read do nothing. */
    #generation = 0;

    get readyState() { return this.#state; }
    get result() { return this.#result; }
    get error() { return this.#error; }
    readAsArrayBuffer(blob) { this.#read(blob, 'ArrayBuffer', undefined, 'readAsArrayBuffer', arguments.length); }
    readAsBinaryString(blob) { this.#read(blob, 'BinaryString', undefined, 'readAsBinaryString', arguments.length); }
    readAsText(blob, encoding = undefined) {
      const label = encoding === undefined ? undefined : runtime.encoding.toDOMString(encoding, "Failed to execute 'readAsText' on 'FileReader'");
      this.#read(blob, 'Text', label, 'readAsText', arguments.length);
    }
    readAsDataURL(blob) { this.#read(blob, 'DataURL', undefined, 'readAsDataURL', arguments.length); }
    abort() {
      if (this.#state !== LOADING) {
        this.#result = null;
        return;
      }
      this.#state = DONE;
      this.#result = null;
      this.#generation++;
      progress(this, 'abort', 0, 0);
      if (this.#state !== LOADING) progress(this, 'loadend', 0, 0);
    }

    /** File API §6.4 "read operation". */
    #read(blob, kind, encodingName, operation, count) {
      const context = `Failed to execute '${operation}' on 'FileReader'`;
      if (count === 0) throw new TypeError(`${context}: 1 argument required, but only 0 present.`);
      const data = blobData(blob);
      if (data === null) throw new TypeError(`${context}: parameter 1 is not of type 'Blob'.`);
      if (this.#state === LOADING) throw makeError('InvalidStateError', `${context}: The object is already busy reading Blobs.`);
      this.#state = LOADING;
      this.#result = null;
      this.#error = null;
      const generation = ++this.#generation;
      const { bytes, type } = data;
      const total = typedArrayLength(bytes);
      queueTask(() => {
        if (this.#generation === generation) progress(this, 'loadstart', 0, total);
      });
      if (total > 0) {
        queueTask(() => {
          if (this.#generation === generation) progress(this, 'progress', total, total);
        });
      }
      queueTask(() => {
        if (this.#generation !== generation) return;
        this.#state = DONE;
        this.#result = packageData(bytes, kind, encodingName, type);
        progress(this, 'load', total, total);
        if (this.#state !== LOADING) progress(this, 'loadend', total, total);
      });
    }
  }
  defineEventHandlers(FileReader.prototype, ['loadstart', 'progress', 'load', 'abort', 'error', 'loadend']);
  for (const [name, value] of [['EMPTY', EMPTY], ['LOADING', LOADING], ['DONE', DONE]]) {
    ObjectDefineProperty(FileReader, name, { value, enumerable: true });
    ObjectDefineProperty(FileReader.prototype, name, { value, enumerable: true });
  }
  ObjectDefineProperty(FileReader.prototype, Symbol.toStringTag, { value: 'FileReader', configurable: true });
  for (const key of ['readyState', 'result', 'error', 'readAsArrayBuffer', 'readAsBinaryString', 'readAsText', 'readAsDataURL', 'abort']) {
    const descriptor = ObjectGetOwnPropertyDescriptor(FileReader.prototype, key);
    descriptor.enumerable = true;
    ObjectDefineProperty(FileReader.prototype, key, descriptor);
  }

  return ObjectFreeze({ interfaces: ObjectFreeze({ FileReader }) });
}
