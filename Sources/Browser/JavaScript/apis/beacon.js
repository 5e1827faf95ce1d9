// `navigator.sendBeacon(url, data)` (Beacon §3.2): a POST queued through the page's own `fetch`
// (fetch/fetch.js, captured when the window is made, before any page script) with keepalive set,
// credentials included, and no response exposed (its outcome, failure included, is dropped).
// The body is extracted once here (BodyInit as fetch extracts it) and sent as bytes with the
// Content-Type it implies; the request is `no-cors` when that type is CORS-safelisted or absent,
// `cors` otherwise. Returns true once queued, false when the body is over the keepalive quota
// (64 KiB); a URL that does not parse or is not http(s) throws a TypeError.
(host, runtime) => {
  'use strict';
  const {
    FunctionPrototypeCall, ObjectDefineProperty, ObjectFreeze, PromisePrototypeThen, StringPrototypeIndexOf, StringPrototypeSlice,
    StringPrototypeStartsWith, StringPrototypeToLowerCase, TypeError,
  } = runtime.primordials;
  const fetchModule = runtime.fetch;
  const { Navigator } = runtime.navigator.interfaces;

  /** Fetch's keepalive quota (Fetch §4.5 "HTTP-network-or-cache fetch" inflight keepalive bytes). */
  const QUOTA = 64 * 1024;
  const safelistedTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
  const isSafelistedType = (type) => {
    const semicolon = StringPrototypeIndexOf(type, ';');
    const essence = StringPrototypeToLowerCase(fetchModule.normalizeValue(semicolon < 0 ? type : StringPrototypeSlice(type, 0, semicolon)));
    return essence === safelistedTypes[0] || essence === safelistedTypes[1] || essence === safelistedTypes[2];
  };

  let pageFetch = null;
  const sendBeacon = function sendBeacon(url, data = null) {
    const context = "Failed to execute 'sendBeacon' on 'Navigator'";
    if (arguments.length === 0) throw new TypeError(`${context}: 1 argument required, but only 0 present.`);
    // Parsed against the document's base URL, as fetch parses.
    const parsed = fetchModule.parseURL(url);
    if (parsed === null) throw new TypeError(`${context}: The URL argument is ill-formed or unsupported.`);
    const href = FunctionPrototypeCall(fetchModule.urlHref, parsed);
    if (!StringPrototypeStartsWith(href, 'http:') && !StringPrototypeStartsWith(href, 'https:')) {
      throw new TypeError(`${context}: Beacons are only supported over HTTP(S).`);
    }
    let bytes = null;
    let type = null;
    let mode = 'no-cors';
    if (data !== null && data !== undefined) {
      const extracted = fetchModule.extractBody(data);
      bytes = fetchModule.bodyBytes(extracted[0]);
      type = extracted[1];
      if (fetchModule.lengthOf(bytes) > QUOTA) return false;
      if (type !== null && !isSafelistedType(type)) mode = 'cors';
    }
    const init = { __proto__: null, method: 'POST', keepalive: true, credentials: 'include', mode };
    if (bytes !== null) init.body = bytes;
    if (type !== null) init.headers = fetchModule.makeHeaders('request', ['Content-Type', type]);
    const sent = FunctionPrototypeCall(pageFetch, undefined, href, init);
    PromisePrototypeThen(sent, undefined, () => {});
    return true;
  };

  const install = (global) => {
    pageFetch = global.fetch;
    ObjectDefineProperty(Navigator.prototype, 'sendBeacon', { value: sendBeacon, writable: true, configurable: true, enumerable: true });
  };
  return ObjectFreeze({ install });
}
