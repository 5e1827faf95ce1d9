// The files of `<input type=file>` (HTML §4.10.5.1.18 the File Upload state): `FileList` (File
// API §5.2) and the input's `files`, selected by the input layer (Playwright's `setInputFiles`)
// or assigned from script (a FileList). `value` is `C:\fakepath\` and the first file's name, as
// browsers give it. The form data set reads the selection through `filesOf(input)`.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const { ObjectDefineProperty, ObjectFreeze, ObjectCreate, Symbol, TypeError, ArrayPrototypePush, ArrayPrototypeSlice, Number } =
    runtime.primordials;
  const elements = runtime.elements;
  const { inputType, VALUE_STATE } = elements;
  const { DOCUMENT, VERSION } = runtime.internals;
  const { HTMLInputElement } = elements.interfaces;

  const ITEMS = Symbol('files');
  let constructing = false;
  class FileList {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    get length() { return itemsOf(this).length; }
    item(index) { return itemsOf(this)[Number(index) >>> 0] ?? null; }
    *[Symbol.iterator]() { for (const file of safeArray(itemsOf(this))) yield file; }
  }
  const itemsOf = (list) => {
    const items = list?.[ITEMS];
    if (items === undefined) throw new TypeError('Illegal invocation');
    return items;
  };
  ObjectDefineProperty(FileList.prototype, Symbol.toStringTag, { value: 'FileList', configurable: true });
  /** A FileList of `files` (Files), with their indices as read-only own properties. */
  const makeFileList = (files) => {
    constructing = true;
    const list = new FileList();
    constructing = false;
    const items = ArrayPrototypeSlice(files);
    ObjectDefineProperty(list, ITEMS, { value: ObjectFreeze(items) });
    for (let i = 0; i < items.length; i++) ObjectDefineProperty(list, i, { value: items[i], enumerable: true });
    return list;
  };

  const FILES = Symbol('selectedFiles');
  /** The files selected in a file input (an array of Files, empty when none). */
  const filesOf = (input) => input[FILES]?.[ITEMS] ?? [];
  /** Selects `files` (Files) in `input`, as the user's choice does; no events. */
  const setFiles = (input, files) => {
    const list = makeFileList(files);
    ObjectDefineProperty(input, FILES, { value: list, writable: true, configurable: true });
    // The name from the File's data, not through a `name` getter the page may have replaced.
    const first = files.length > 0 ? runtime.blob.blobData(files[0]).name : null;
    ObjectDefineProperty(input, VALUE_STATE, { value: first === null ? '' : `C:\\fakepath\\${first}`, writable: true, configurable: true });
    input[DOCUMENT][VERSION]++;
  };

  ObjectDefineProperty(HTMLInputElement.prototype, 'files', {
    get() {
      if (inputType(this) !== 'file') return null;
      let list = this[FILES];
      if (list === undefined) {
        list = makeFileList([]);
        ObjectDefineProperty(this, FILES, { value: list, writable: true, configurable: true });
      }
      return list;
    },
    set(value) {
      if (inputType(this) !== 'file' || value === null || value === undefined) return;
      const items = value[ITEMS];
      if (items === undefined) throw new TypeError("Failed to set the 'files' property on 'HTMLInputElement': The provided value is not of type 'FileList'.");
      const files = [];
      for (const file of safeArray(items)) ArrayPrototypePush(files, file);
      setFiles(this, files);
    },
    enumerable: true, configurable: true,
  });

  return ObjectFreeze({ interfaces: ObjectFreeze({ FileList }), filesOf, setFiles, makeFileList, reset: (input) => setFiles(input, []) });
}
