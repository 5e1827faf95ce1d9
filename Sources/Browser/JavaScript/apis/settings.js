// What the Web APIs need of the page's environment settings object (HTML §8.1.3.1): its event
// loop, to queue tasks on (HTML §8.1.7 "queue a task": a callback posted through Swift,
// `host.queueTask`, runs at a later turn of the page's loop, at the top level, after the tasks
// posted before it; never on a timer; what it throws is reported as an uncaught error), its origin
// (serialized, HTML §7.1.1), and whether it is a secure context (§7.1.2.1, `isSecureContext`).
(host, runtime) => {
  'use strict';
  const {
    FunctionPrototypeApply, FunctionPrototypeCall, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, RegExpTest,
    StringPrototypeEndsWith,
  } = runtime.primordials;
  const { URL: URLInterface } = runtime.url;
  const parseURL = URLInterface.parse;
  const getter = (name) => {
    const get = ObjectGetOwnPropertyDescriptor(URLInterface.prototype, name).get;
    return (url) => FunctionPrototypeCall(get, url);
  };
  const urlOrigin = getter('origin');
  const urlProtocol = getter('protocol');
  const urlHostname = getter('hostname');

  /** Queues `callback(...args)` as a task of the page's event loop. */
  const queueTask = (callback, ...args) => {
    host.queueTask(() => {
      try {
        FunctionPrototypeApply(callback, undefined, args);
      } catch (error) {
        runtime.errors.reportException(error);
      }
    });
  };

  let document = null;
  /** The document's URL, parsed (null before a document, or for a URL that does not parse). */
  const documentURL = () => {
    const current = document ?? runtime.nodes.currentDocument();
    return FunctionPrototypeCall(parseURL, URLInterface, current[runtime.internals.URL] ?? 'about:blank');
  };
  /** The page's origin, serialized (`https://example.test`, or `null` for an opaque origin). */
  const origin = () => {
    const url = documentURL();
    if (url === null) return 'null';
    const serialized = urlOrigin(url);
    // Chrome gives file: pages the origin `file://` in MessageEvent and blob: URLs.
    return serialized === 'null' && urlProtocol(url) === 'file:' ? 'file://' : serialized;
  };
  /** The serialized origin of the URL `text`, or null when it does not parse. */
  const originOf = (text) => {
    const url = FunctionPrototypeCall(parseURL, URLInterface, text);
    return url === null ? null : urlOrigin(url);
  };
  /** HTML §7.1.2.1 with Secure Contexts' "potentially trustworthy origin" for the page's URL. */
  const isSecureContext = () => {
    const url = documentURL();
    if (url === null) return false;
    const protocol = urlProtocol(url);
    if (protocol === 'https:' || protocol === 'wss:' || protocol === 'file:') return true;
    if (protocol === 'about:' || protocol === 'data:') return protocol === 'about:';
    const hostname = urlHostname(url);
    return hostname === 'localhost' || StringPrototypeEndsWith(hostname, '.localhost') || hostname === '[::1]' ||
      RegExpTest(/^127\.\d+\.\d+\.\d+$/, hostname);
  };

  const install = (global, windowDocument) => {
    document = windowDocument;
    ObjectDefineProperty(global, 'isSecureContext', { get() { return isSecureContext(); }, configurable: true, enumerable: true });
    ObjectDefineProperty(global, 'origin', { get() { return origin(); }, configurable: true, enumerable: true });
  };
  return ObjectFreeze({ install, queueTask, origin, originOf, isSecureContext });
}
