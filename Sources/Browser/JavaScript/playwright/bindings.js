// Playwright's exposed bindings in a page realm (`page.exposeFunction`, `page.exposeBinding`):
// `window[name]` is a page-realm function that sends its arguments to the support realm as text
// in Playwright's serialization (`shared/serialized-value.js`) through `host.callBinding(name,
// id, argumentsText)`, and returns a promise Swift settles later with `settle(id, ok, text)`:
// the support function's result revived with this realm's objects, or its error's message. No
// support-realm function or object ever reaches the page.
//
// Exports: `install(names)` (defines the bindings on the window: each new document of a page
// that exposed some), `settle(id, ok, text)`.
(host, runtime) => {
  'use strict';
  const { ObjectDefineProperty, Map, MapPrototypeGet, MapPrototypeSet, MapPrototypeDelete, Promise, Error, String, ArrayPrototypePush,
    JSONParse, ObjectPrototypeHasOwnProperty } = runtime.primordials;
  const { makeEncoder, revive } = runtime['serialized-value'];
  const { TYPE } = runtime.internals;
  const global = globalThis;
  const encode = makeEncoder(
    () => '{"v":"undefined"}',
    (value) => {
      if (value === global) return '"ref: <Window>"';
      return typeof value?.[TYPE] === 'number' ? (value[TYPE] === 9 ? '"ref: <Document>"' : '"ref: <Node>"') : undefined;
    });
  const calls = new Map();
  let next = 1;

  const install = (names) => {
    for (let i = 0; i < names.length; i++) {
      const name = String(names[i]);
      const binding = function (...args) {
        const list = [];
        for (let j = 0; j < args.length; j++) ArrayPrototypePush(list, args[j]);
        let text;
        try {
          text = encode(list);
        } catch (error) {
          return Promise.reject(error);
        }
        return new Promise((resolve, reject) => {
          const id = next++;
          MapPrototypeSet(calls, id, { resolve, reject });
          host.callBinding(name, id, text);
        });
      };
      ObjectDefineProperty(global, name, { value: binding, writable: true, configurable: true, enumerable: false });
    }
  };

  const settle = (id, ok, text) => {
    const call = MapPrototypeGet(calls, id);
    if (call === undefined) return;
    MapPrototypeDelete(calls, id);
    if (!ok) {
      call.reject(new Error(String(text)));
      return;
    }
    const outcome = JSONParse(String(text));
    call.resolve(ObjectPrototypeHasOwnProperty(outcome, 'value') ? revive(outcome.value, new Map()) : undefined);
  };

  return { install, settle };
}
