// `document.cookie` (HTML §3.1.4 "Resource metadata management"): the browser context's cookie
// jar read and written through Swift with the non-HTTP API flag, so `HttpOnly` cookies are
// neither seen nor set from the page (enforced in Swift, RFC 6265bis §5.7/§5.8). A document
// with an opaque origin (a `data:` or `about:blank` page; Chrome also keeps `file:` pages out of
// cookies) reads "" and writes nothing.
(host, runtime) => {
  'use strict';
  const { ObjectDefineProperty, ObjectFreeze, String } = runtime.primordials;
  const { Document } = runtime.nodes;
  let document = null;
  ObjectDefineProperty(Document.prototype, 'cookie', {
    get() { return this === document ? host.read() : ''; },
    set(value) { if (this === document) host.write(String(value)); },
    configurable: true,
    enumerable: true,
  });
  const install = (global, loaded) => { document = loaded; };
  return ObjectFreeze({ install });
}
