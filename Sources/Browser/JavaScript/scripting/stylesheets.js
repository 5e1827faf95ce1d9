// `<link rel=stylesheet>` in a page whose scripts run (HTML §4.6.7.8 "link type stylesheet",
// §4.2.4.3 "fetching and processing a resource from a link element"): when a link becomes
// connected, or its `href`, `rel`, `type` or `disabled` changes, its sheet is fetched through the
// page's network (`host.fetchStylesheet`, Swift's `StylesheetLoader`, which keeps the text for the
// cascade's `host.loadStylesheet`), with its `@import`s (depth 8, no cycles); then `load` (or
// `error` for a network error or a status outside 200-299) is fired at the link, in a task.
// Meanwhile the sheet delays the document's load event, and a link the parser made is a style
// sheet that blocks scripts: a parser-inserted script waits for it (`script-elements.js`).
// `HTMLLinkElement.sheet` and `HTMLStyleElement.sheet` answer from `document.styleSheets` (null
// while a link's sheet is in flight).
//
// Not modelled: `media` that does not match still loads and blocks (as a matching one does);
// a failed `@import` leaves its rule empty and the link still fires `load`.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeConcat, ArrayPrototypeIndexOf, FunctionPrototypeCall, ObjectDefineProperty, ObjectFreeze,
    ObjectGetOwnPropertyDescriptor, Symbol,
  } = runtime.primordials;
  const { HTML_NS, LOCAL, NAMESPACE, FIRST, NEXT, PARENT, VERSION, DOCUMENT } = runtime.internals;
  const { Event, fire } = runtime.events;
  const nodes = runtime.nodes;
  const { following } = nodes;
  const scripts = runtime['script-elements'];
  const loading = runtime['document-loading'];
  const { parseStylesheet } = runtime['css-parser'];
  const { forgetSheet } = runtime.cascade;
  const { URL } = runtime.url;

  const { getAttribute } = nodes.Element.prototype;
  const attribute = (element, name) => FunctionPrototypeCall(getAttribute, element, name);
  const isConnected = ObjectGetOwnPropertyDescriptor(nodes.Node.prototype, 'isConnected').get;
  const hrefOf = ObjectGetOwnPropertyDescriptor(runtime.elements.HTMLLinkElement.prototype, 'href').get;
  const styleSheetsOf = ObjectGetOwnPropertyDescriptor(nodes.Document.prototype, 'styleSheets').get;
  const ownerNodeOf = ObjectGetOwnPropertyDescriptor(runtime.cascade.interfaces.CSSStyleSheet.prototype, 'ownerNode').get;
  const urlHrefOf = ObjectGetOwnPropertyDescriptor(URL.prototype, 'href').get;
  const MAX_IMPORT_DEPTH = 8;

  /** Per link: the request in flight or done (`{ url, pending }`). */
  const REQUEST = Symbol('stylesheetRequest');
  let document = null;

  const { hasToken, isCSSType } = runtime.cascade;

  /** The URL a link's sheet comes from, or null when the link makes no external style sheet. */
  const sheetURL = (link) => {
    const rel = attribute(link, 'rel');
    if (!hasToken(rel, 'stylesheet') || hasToken(rel, 'alternate') || attribute(link, 'disabled') !== null) return null;
    if (!isCSSType(link)) return null;
    const href = attribute(link, 'href');
    if (href === null || href === '') return null;
    const url = FunctionPrototypeCall(hrefOf, link);
    return url === '' ? null : url;
  };

  const resolve = (href, base) => {
    try {
      return FunctionPrototypeCall(urlHrefOf, new URL(href, base));
    } catch {
      return null;
    }
  };

  /** Fetches `url` and its imports (each at most once per chain); `done(ok)` once all arrived. */
  const fetchSheet = (url, chain, depth, done) => {
    host.fetchStylesheet(url, (ok, text) => {
      if (!ok) {
        done(false);
        return;
      }
      let parsed;
      try {
        parsed = parseStylesheet(text);
      } catch {
        done(true);
        return;
      }
      let outstanding = 1;
      const arrived = () => {
        if (--outstanding === 0) done(true);
      };
      for (let i = 0; i < parsed.imports.length; i++) {
        const imported = resolve(parsed.imports[i].href, url);
        if (imported === null || depth + 1 >= MAX_IMPORT_DEPTH || ArrayPrototypeIndexOf(chain, imported) >= 0) continue;
        outstanding++;
        fetchSheet(imported, ArrayPrototypeConcat(chain, [imported]), depth + 1, arrived);
      }
      arrived();
    });
  };

  /** HTML "process the linked resource" for a stylesheet link, when its URL changed. */
  const process = (link) => {
    if (document === null || !FunctionPrototypeCall(isConnected, link)) return;
    const url = sheetURL(link);
    const previous = link[REQUEST];
    if (url === null || (previous !== undefined && previous.url === url)) return;
    const blocksScripts = scripts.state.parserApplying;
    const request = { url, pending: true };
    ObjectDefineProperty(link, REQUEST, { value: request, writable: true, configurable: true });
    const release = loading.delayLoadEvent();
    if (blocksScripts) scripts.state.blockingStylesheets++;
    fetchSheet(url, [url], 0, (ok) => {
      request.pending = false;
      if (link[REQUEST] === request) {
        // The cascade reads the text now there (it kept none while the sheet was in flight).
        forgetSheet(link);
        link[DOCUMENT][VERSION]++;
        fire(link, new Event(ok ? 'load' : 'error'));
      }
      release();
      if (blocksScripts && --scripts.state.blockingStylesheets === 0) scripts.runPendingParsingBlocking();
    });
  };

  const visit = (node) => {
    if (node[LOCAL] === 'link' && node[NAMESPACE] === HTML_NS) {
      process(node);
      return;
    }
    for (let child = node[FIRST] ?? null; child !== null; child = following(child, node)) {
      if (child[LOCAL] === 'link' && child[NAMESPACE] === HTML_NS) process(child);
    }
  };

  // Links the parser inserted (it announces none): each scan starts no request twice.
  const previousScan = scripts.state.parserInsertedScan;
  scripts.state.parserInsertedScan = () => {
    if (previousScan !== null) previousScan();
    if (document === null) return;
    const applying = scripts.state.parserApplying;
    scripts.state.parserApplying = true;
    try {
      visit(document);
    } finally {
      scripts.state.parserApplying = applying;
    }
  };

  const previousInserted = nodes.hooks.inserted;
  nodes.hooks.inserted = (node) => {
    if (previousInserted !== null) previousInserted(node);
    if (document !== null && FunctionPrototypeCall(isConnected, node)) visit(node);
  };
  const previousAttributeChanged = nodes.hooks.attributeChanged;
  nodes.hooks.attributeChanged = (element, localName, namespace, oldValue, value) => {
    if (previousAttributeChanged !== null) previousAttributeChanged(element, localName, namespace, oldValue, value);
    if (namespace === null && element[LOCAL] === 'link' && element[NAMESPACE] === HTML_NS &&
      (localName === 'href' || localName === 'rel' || localName === 'type' || localName === 'disabled')) {
      process(element);
    }
  };

  /** CSSOM "associated CSS style sheet": from `document.styleSheets`, null while a link's sheet is in flight. */
  const sheet = {
    get() {
      if (this[REQUEST]?.pending === true) return null;
      const owner = this[DOCUMENT];
      if (owner === undefined || !FunctionPrototypeCall(isConnected, this)) return null;
      const list = FunctionPrototypeCall(styleSheetsOf, owner);
      for (let i = 0; i < list.length; i++) if (FunctionPrototypeCall(ownerNodeOf, list[i]) === this) return list[i];
      return null;
    },
    configurable: true,
    enumerable: true,
  };
  ObjectDefineProperty(runtime.elements.HTMLLinkElement.prototype, 'sheet', sheet);
  ObjectDefineProperty(runtime.elements.HTMLStyleElement.prototype, 'sheet', sheet);

  const install = (global, loaded) => {
    document = loaded;
  };

  return ObjectFreeze({ install });
}
