// XHR Standard §5 FormData: an ordered entry list of (name, value) pairs whose values are
// strings or Files (HTML §4.10.21.4 "create an entry": a Blob becomes a File named "blob", a
// filename renames the File; names and string values are USVStrings), its pair iterator
// ('FormData Iterator', live as WebIDL's are) and `forEach`. The list lives in a WeakMap of this
// script, out of the page's reach; fetch.js reads it through `entryList(formData)` after the brand
// check `isFormData`, never through methods a page can replace. Files come from apis/blob.js
// (`runtime.blob`), installed before this script, as fetch.js is after it.
// `new FormData(form, submitter)` takes the form's entry list from forms/form-data-set.js
// (`runtime['form-data-set']`, installed after this script in a page realm: HTML §4.10.21.4, with
// its `formdata` event and the checks on the submitter).
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeSplice, DateNow, FunctionPrototypeCall, ObjectCreate, ObjectDefineProperty, ObjectFreeze,
    ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, RegExp, RegExpTest, String, StringPrototypeCharCodeAt, Symbol, TypeError,
    WeakMap, WeakMapPrototypeGet, WeakMapPrototypeHas, WeakMapPrototypeSet,
  } = runtime.primordials;
  const blobs = runtime.blob;
  const internals = runtime.internals;
  const { File } = blobs.interfaces;
  const IteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf([][Symbol.iterator]()));
  const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

  // ---- Conversions ------------------------------------------------------------------------------
  /** WebIDL's USVString: a symbol throws; lone surrogates become U+FFFD. */
  const loneSurrogate = new RegExp('[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]');
  const toUSVString = (value, context) => {
    if (typeof value === 'symbol') throw new TypeError(`${context}: Cannot convert a Symbol value to a string`);
    const text = String(value);
    if (!RegExpTest(loneSurrogate, text)) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const unit = StringPrototypeCharCodeAt(text, i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = StringPrototypeCharCodeAt(text, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          out += text[i] + text[i + 1];
          i++;
        } else out += '\uFFFD';
      } else if (unit >= 0xdc00 && unit <= 0xdfff) out += '\uFFFD';
      else out += text[i];
    }
    return out;
  };
  const needArguments = (operation, count, given) => {
    if (given < count) {
      throw new TypeError(
        `Failed to execute '${operation}' on 'FormData': ${count} argument${count > 1 ? 's' : ''} required, but only ${given} present.`);
    }
  };
  /** Whether `value` is an HTML form element, read through the DOM's internal slots. */
  const isFormElement = (value) =>
    value !== null && typeof value === 'object' && value[internals.TYPE] === 1 && value[internals.NAMESPACE] === HTML_NAMESPACE &&
    value[internals.LOCAL] === 'form';
  /** The current time in milliseconds since the epoch: the page's virtual clock where the realm has one. */
  const epochNow = () => (runtime.clock?.epochNow !== undefined ? runtime.clock.epochNow() : DateNow());

  // ---- The entry list ---------------------------------------------------------------------------
  /** formData -> [[name, value], ...]. */
  const ENTRIES = new WeakMap();
  const isFormData = (value) => value !== null && typeof value === 'object' && WeakMapPrototypeHas(ENTRIES, value);
  const listOf = (formData, operation) => {
    const list = formData !== null && typeof formData === 'object' ? WeakMapPrototypeGet(ENTRIES, formData) : undefined;
    if (list === undefined) throw new TypeError(`Failed to execute '${operation}' on 'FormData': Illegal invocation`);
    return list;
  };
  /** HTML §4.10.21.4 create an entry, for `append` and `set` (`arguments` as given, so a filename is "given" when present). */
  const createEntry = (operation, args) => {
    const context = `Failed to execute '${operation}' on 'FormData'`;
    const name = toUSVString(args[0], context);
    const value = args[1];
    if (!blobs.isBlob(value)) {
      if (args.length > 2) throw new TypeError(`${context}: parameter 2 is not of type 'Blob'.`);
      return [name, toUSVString(value, context)];
    }
    const filename = args.length > 2 && args[2] !== undefined ? toUSVString(args[2], context) : undefined;
    const data = blobs.blobData(value);
    const isFile = data.name !== undefined;
    if (isFile && filename === undefined) return [name, value];
    const file = { name: filename ?? 'blob', lastModified: isFile ? data.lastModified : epochNow() };
    return [name, blobs.makeBlob(data.bytes, data.type, File.prototype, file)];
  };

  class FormData {
    constructor(form = undefined, submitter = null) {
      if (form !== undefined) {
        // A realm without the forms scripts (a support realm) has no HTMLFormElement of its own.
        const formDataSet = runtime['form-data-set'];
        if (!isFormElement(form) || formDataSet === undefined) {
          throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
        }
        WeakMapPrototypeSet(ENTRIES, this, formDataSet.formDataEntries(form, submitter));
        return;
      }
      WeakMapPrototypeSet(ENTRIES, this, []);
    }
    append(name, value) {
      const list = listOf(this, 'append');
      needArguments('append', 2, arguments.length);
      ArrayPrototypePush(list, createEntry('append', arguments));
    }
    delete(name) {
      const list = listOf(this, 'delete');
      needArguments('delete', 1, arguments.length);
      name = toUSVString(name, "Failed to execute 'delete' on 'FormData'");
      for (let i = list.length - 1; i >= 0; i--) if (list[i][0] === name) ArrayPrototypeSplice(list, i, 1);
    }
    get(name) {
      const list = listOf(this, 'get');
      needArguments('get', 1, arguments.length);
      name = toUSVString(name, "Failed to execute 'get' on 'FormData'");
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) return list[i][1];
      return null;
    }
    getAll(name) {
      const list = listOf(this, 'getAll');
      needArguments('getAll', 1, arguments.length);
      name = toUSVString(name, "Failed to execute 'getAll' on 'FormData'");
      const values = [];
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) ArrayPrototypePush(values, list[i][1]);
      return values;
    }
    has(name) {
      const list = listOf(this, 'has');
      needArguments('has', 1, arguments.length);
      name = toUSVString(name, "Failed to execute 'has' on 'FormData'");
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) return true;
      return false;
    }
    /** XHR §5: replaces the first entry named `name` and removes the others, or appends. */
    set(name, value) {
      const list = listOf(this, 'set');
      needArguments('set', 2, arguments.length);
      const entry = createEntry('set', arguments);
      let replaced = false;
      for (let i = 0; i < list.length; i++) {
        if (list[i][0] !== entry[0]) continue;
        if (replaced) {
          ArrayPrototypeSplice(list, i, 1);
          i--;
        } else {
          list[i] = entry;
          replaced = true;
        }
      }
      if (!replaced) ArrayPrototypePush(list, entry);
    }
    forEach(callback, thisArg = undefined) {
      const list = listOf(this, 'forEach');
      if (typeof callback !== 'function') {
        throw new TypeError("Failed to execute 'forEach' on 'FormData': The callback provided as parameter 1 is not a function.");
      }
      for (let i = 0; i < list.length; i++) FunctionPrototypeCall(callback, thisArg, list[i][1], list[i][0], this);
    }
    entries() { return formDataIterator(listOf(this, 'entries'), 'entries'); }
    keys() { return formDataIterator(listOf(this, 'keys'), 'keys'); }
    values() { return formDataIterator(listOf(this, 'values'), 'values'); }
  }
  ObjectDefineProperty(FormData.prototype, Symbol.iterator, { value: FormData.prototype.entries, writable: true, configurable: true });
  ObjectDefineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });
  for (const key of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'forEach', 'entries', 'keys', 'values']) {
    const descriptor = ObjectGetOwnPropertyDescriptor(FormData.prototype, key);
    descriptor.enumerable = true;
    ObjectDefineProperty(FormData.prototype, key, descriptor);
  }

  /** WebIDL §3.7.10 default iterator objects ('FormData Iterator'): an index into the live entry list. */
  const FormDataIteratorPrototype = ObjectCreate(IteratorPrototype);
  const ITERATION = Symbol('iteration');
  ObjectDefineProperty(FormDataIteratorPrototype, 'next', {
    value: function next() {
      const state = this !== null && typeof this === 'object' ? this[ITERATION] : undefined;
      if (state === undefined) throw new TypeError("Failed to execute 'next' on 'FormData Iterator': Illegal invocation");
      if (state.index >= state.list.length) return { value: undefined, done: true };
      const entry = state.list[state.index++];
      return { value: state.kind === 'keys' ? entry[0] : state.kind === 'values' ? entry[1] : [entry[0], entry[1]], done: false };
    },
    writable: true, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(FormDataIteratorPrototype, Symbol.toStringTag, { value: 'FormData Iterator', configurable: true });
  const formDataIterator = (list, kind) => {
    const iterator = ObjectCreate(FormDataIteratorPrototype);
    ObjectDefineProperty(iterator, ITERATION, { value: { list, kind, index: 0 } });
    return iterator;
  };

  /** A copy of the entry list of `formData` (a FormData: check with `isFormData` first), as [[name, value], ...]. */
  const entryList = (formData) => {
    const list = listOf(formData, 'entries');
    const copy = [];
    for (let i = 0; i < list.length; i++) ArrayPrototypePush(copy, [list[i][0], list[i][1]]);
    return copy;
  };
  /** A new FormData holding `entries` ([[name, string or File], ...], already converted), made without page code. */
  const makeFormData = (entries) => {
    const formData = ObjectCreate(FormData.prototype);
    const list = [];
    for (let i = 0; i < entries.length; i++) ArrayPrototypePush(list, [entries[i][0], entries[i][1]]);
    WeakMapPrototypeSet(ENTRIES, formData, list);
    return formData;
  };

  /** A new File of `bytes` (kept, not copied), `type` (already normalized) and `name`, last modified now. */
  const makeFile = (bytes, type, name) => blobs.makeBlob(bytes, type, File.prototype, { name, lastModified: epochNow() });

  const interfaces = { FormData };
  return ObjectFreeze({ interfaces: ObjectFreeze(interfaces), isFormData, entryList, makeFormData, makeFile, toUSVString });
}
