// `location` (HTML §7.2.4 the Location interface), `history` (§7.2.3 the History interface) and
// `window.open`, over the document's URL (the DOM's URL slot: `document.URL`, `document.location`,
// base URLs and `a.href` all read it, so they stay consistent).
//
// Same-document changes happen here, in JavaScript. A navigation to a URL that differs from the
// document's only in its fragment (setting `location.hash`, `location.href = '#x'`) is HTML's
// "navigate to a fragment": the URL changes at once, a session history entry is added (replaced
// when the URL did not change, and before the document is completely loaded), `popstate` fires at once with a null state, and `hashchange`
// (oldURL, newURL) follows as a task when the fragment changed, as in Chrome. `pushState` and
// `replaceState` change the URL and the state without events (same origin, else SecurityError;
// the state is structured-cloned, DataCloneError for what cannot be). The session history's
// entries are the navigable's, kept in Swift (`SessionHistory`, shared with the documents before
// and after this one); this script keeps the states of this document's entries by entry id.
// `back()`, `forward()`, `go(n)` traverse as a task: to an entry of this document, firing
// `popstate` (the entry's state) and then, as another task, `hashchange` when the fragment
// changed; to another document's entry, Swift loads that document; past the entries nothing. Any
// other navigation (another document, `reload()`, `go(0)`, a form's submission through
// `navigateTo`) goes to Swift (`host.navigate`, LocationAPI.swift), which loads the new document
// in a new realm. `javascript:` URLs run as a task in this document. `window.open(url)` is
// recorded (`host.open`); it returns null for now and says so in a console warning.
(host, runtime) => {
  'use strict';
  const {
    ArrayBufferIsView, ArrayBufferPrototypeSlice, ArrayPrototypePush, ArrayPrototypeSplice, Date, DatePrototypeGetTime, Error,
    FunctionPrototypeCall, Map, MapPrototypeForEach, MapPrototypeGet, MapPrototypeSet, Number, ObjectDefineProperty, ObjectFreeze,
    ObjectGetOwnPropertyDescriptor, ObjectKeys, ObjectPrototypeToString, RegExp, Set, SetPrototypeAdd, SetPrototypeForEach, String,
    StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeStartsWith, StringPrototypeToLowerCase, Symbol, TypeError,
  } = runtime.primordials;
  const { URL: DOCUMENT_URL, TYPE } = runtime.internals;
  const { makeError } = runtime['dom-exception'];
  const events = runtime.events;
  const { PopStateEvent, HashChangeEvent } = events.interfaces;
  const nodes = runtime.nodes;
  const URLRecord = runtime.url.URL;
  // URL's accessors, captured now: a page may replace the prototype's later.
  const accessors = { __proto__: null };
  for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']) {
    accessors[name] = ObjectGetOwnPropertyDescriptor(URLRecord.prototype, name);
  }
  const get = (url, name) => FunctionPrototypeCall(accessors[name].get, url);
  const set = (url, name, value) => FunctionPrototypeCall(accessors[name].set, url, value);

  /** The URL Standard's parser: a URL record, or null. */
  const parse = (input, base = undefined) => {
    try {
      return base === undefined ? new URLRecord(input) : new URLRecord(input, base);
    } catch {
      return null;
    }
  };
  /** The URL with its fragment removed (in a serialized URL only the fragment's delimiter is a bare '#'). */
  const withoutFragment = (href) => {
    const at = StringPrototypeIndexOf(href, '#');
    return at < 0 ? href : StringPrototypeSlice(href, 0, at);
  };
  const fragmentOf = (href) => {
    const at = StringPrototypeIndexOf(href, '#');
    return at < 0 ? null : StringPrototypeSlice(href, at + 1);
  };

  // ---- StructuredSerialize for history states (HTML §2.7.3), as a deep copy ----------------------
  const typedArrays = new Map();
  for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView']) {
    if (typeof globalThis[name] === 'function') MapPrototypeSet(typedArrays, `[object ${name}]`, globalThis[name]);
  }
  const cannotClone = (what) => makeError('DataCloneError', `Failed to execute 'pushState' on 'History': ${what} could not be cloned.`);
  const clone = (value, memory) => {
    if (typeof value === 'symbol') throw cannotClone(String(value.description === undefined ? 'Symbol()' : `Symbol(${value.description})`));
    if (typeof value === 'function') throw cannotClone(`function ${value.name}`);
    if (value === null || typeof value !== 'object') return value;
    const known = MapPrototypeGet(memory, value);
    if (known !== undefined) return known;
    if (typeof value[TYPE] === 'number' || value === globalThis) throw cannotClone(ObjectPrototypeToString(value));
    const tag = ObjectPrototypeToString(value);
    let copy;
    switch (tag) {
      case '[object Boolean]': case '[object Number]': case '[object String]': case '[object BigInt]':
        copy = runtime.primordials.Object(value.valueOf());
        break;
      case '[object Date]': copy = new Date(DatePrototypeGetTime(value)); break;
      case '[object RegExp]': copy = new RegExp(value.source, value.flags); break;
      case '[object ArrayBuffer]': copy = ArrayBufferPrototypeSlice(value, 0); break;
      case '[object Error]': copy = new Error(String(value.message)); break;
      case '[object Map]':
        copy = new Map();
        MapPrototypeSet(memory, value, copy);
        MapPrototypeForEach(value, (item, key) => MapPrototypeSet(copy, clone(key, memory), clone(item, memory)));
        return copy;
      case '[object Set]':
        copy = new Set();
        MapPrototypeSet(memory, value, copy);
        SetPrototypeForEach(value, (item) => SetPrototypeAdd(copy, clone(item, memory)));
        return copy;
      case '[object Array]': case '[object Object]': case '[object Arguments]':
        copy = tag === '[object Array]' ? new runtime.primordials.Array(value.length) : {};
        MapPrototypeSet(memory, value, copy);
        for (const key of ObjectKeys(value)) copy[key] = clone(value[key], memory);
        return copy;
      default: {
        const View = MapPrototypeGet(typedArrays, tag);
        if (View === undefined || !ArrayBufferIsView(value)) throw cannotClone(`#<${StringPrototypeSlice(tag, 8, -1)}>`);
        const buffer = clone(value.buffer, memory);
        copy = tag === '[object DataView]' ? new View(buffer, value.byteOffset, value.byteLength) : new View(buffer, value.byteOffset, value.length);
      }
    }
    MapPrototypeSet(memory, value, copy);
    return copy;
  };
  const cloneState = (value) => clone(value, new Map());

  // ---- Location ---------------------------------------------------------------------------------
  /** The session a History belongs to: its document's entries, the current one, its state. */
  const SESSION = Symbol('session');
  let constructing = false;
  const sessionOf = (history) => {
    const session = history?.[SESSION];
    if (session === undefined) throw new TypeError('Illegal invocation');
    return session;
  };

  class Location {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
  }
  class History {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    get length() { sessionOf(this); return host.historyLength(); }
    get state() { return sessionOf(this).state; }
    get scrollRestoration() { return sessionOf(this).scrollRestoration; }
    set scrollRestoration(value) {
      value = String(value);
      if (value === 'auto' || value === 'manual') sessionOf(this).scrollRestoration = value;
    }
    go(delta = 0) {
      const session = sessionOf(this);
      delta = Number(delta) | 0;
      if (delta === 0) session.reload();
      else session.traverse(delta);
    }
    back() { sessionOf(this).traverse(-1); }
    forward() { sessionOf(this).traverse(1); }
    pushState(data, unused, url = undefined) {
      const session = sessionOf(this);
      if (arguments.length < 2) throw new TypeError(`Failed to execute 'pushState' on 'History': 2 arguments required, but only ${arguments.length} present.`);
      session.pushOrReplace('pushState', data, url, 'push');
    }
    replaceState(data, unused, url = undefined) {
      const session = sessionOf(this);
      if (arguments.length < 2) throw new TypeError(`Failed to execute 'replaceState' on 'History': 2 arguments required, but only ${arguments.length} present.`);
      session.pushOrReplace('replaceState', data, url, 'replace');
    }
  }
  // WebIDL: attributes and operations are enumerable.
  for (const key of ['length', 'state', 'scrollRestoration', 'go', 'back', 'forward', 'pushState', 'replaceState']) {
    const descriptor = ObjectGetOwnPropertyDescriptor(History.prototype, key);
    descriptor.enumerable = true;
    ObjectDefineProperty(History.prototype, key, descriptor);
  }
  ObjectDefineProperty(Location.prototype, Symbol.toStringTag, { value: 'Location', configurable: true });
  ObjectDefineProperty(History.prototype, Symbol.toStringTag, { value: 'History', configurable: true });

  const makeSession = (global, document) => {
    const session = {
      state: null, scrollRestoration: 'auto', location: null, history: null, traverse: null, reload: null, pushOrReplace: null,
    };
    /** The states of this document's session history entries, by entry id (absent: null). */
    const states = new Map();
    const currentURL = () => document[DOCUMENT_URL];
    const setURL = (url) => {
      document[DOCUMENT_URL] = url;
      host.urlChanged(url);
    };
    const baseURL = () => (nodes.baseURL === null ? document[DOCUMENT_URL] : nodes.baseURL(document));
    // A task of the page's event loop (after those queued before it, the load event's included),
    // not a timer.
    const queueTask = runtime['script-elements']?.queueTask ?? ((task) => runtime.timers.setTimeout(task, 0));
    /** HTML "completely loaded": the window's load event has fired (no loader: always). */
    const loadState = runtime['document-loading']?.loadState ?? null;
    const completelyLoaded = () => loadState === null || loadState() === 2;
    const fireHashChange = (oldURL, newURL) => {
      if (fragmentOf(oldURL) === fragmentOf(newURL)) return;
      queueTask(() => events.fire(global, new HashChangeEvent('hashchange', { oldURL, newURL })));
    };
    const firePopState = () => events.fire(global, new PopStateEvent('popstate', { state: session.state }));
    /** HTML "navigate to a fragment". */
    const navigateToFragment = (url, historyHandling) => {
      const oldURL = currentURL();
      host.historyAdd(url, historyHandling !== 'push');
      session.state = null;
      setURL(url);
      firePopState();
      scrollToFragment(fragmentOf(url));
      fireHashChange(oldURL, url);
    };
    /**
     * HTML §7.4.6.4 "scroll to the fragment", as far as focus goes: the focusing steps for the
     * indicated part (the element with the fragment as its id, else an `a` with it as its name),
     * with the viewport as the fallback (the focused element, if any, loses the focus).
     */
    const scrollToFragment = (fragment) => {
      let decoded = fragment ?? '';
      try {
        decoded = decodeURIComponentPrimordial(decoded);
      } catch {}
      let target = decoded === '' ? null : nodes.getElementById(document, decoded);
      if (target === null && decoded !== '') {
        for (let node = document; node !== null && target === null; node = nodes.following(node, document)) {
          if (node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && node[LOCAL] === 'a' && getAttribute(node, 'name') === decoded) target = node;
        }
      }
      const elements = runtime.elements;
      if (target !== null && elements.isFocusable(target)) elements.focus(target, document);
      else if ((document[elements.FOCUSED] ?? null) !== null) elements.focus(null, document);
    };
    /**
     * HTML §7.2.4 "Location-object navigate" and then "navigate": before the document is
     * completely loaded (while it parses and during its load event) a push replaces the current
     * entry instead (Caper has no user activation to exempt a navigation).
     */
    const navigate = (url, historyHandling, how = '', method = 'GET', body = null, contentType = '') => {
      if (StringPrototypeStartsWith(StringPrototypeToLowerCase(url), 'javascript:')) {
        runJavaScriptURL(url);
        return;
      }
      if (historyHandling === 'push' && !completelyLoaded()) historyHandling = 'replace';
      const current = currentURL();
      if (method === 'GET' && historyHandling !== 'reload' && fragmentOf(url) !== null && withoutFragment(url) === withoutFragment(current)) {
        navigateToFragment(url, url === current ? 'replace' : historyHandling);
        return;
      }
      if (method === 'POST') {
        host.navigate(url, historyHandling, how, 'POST', body, contentType);
        return;
      }
      host.navigate(url, url === current && historyHandling === 'push' ? 'replace' : historyHandling, how);
    };
    /**
     * HTML §7.4.2.3.4 "navigate to a javascript: URL", as a task: the URL's percent-decoded
     * script runs as a classic script of this document (a string result does not replace the
     * document: Caper leaves it).
     */
    const runJavaScriptURL = (url) => {
      let source = StringPrototypeSlice(url, 11);
      try {
        source = decodeURIComponentPrimordial(source);
      } catch {
        return;
      }
      queueTask(() => {
        try {
          globalEval(source);
        } catch (error) {
          events.report(error);
        }
      });
    };
    /** HTML §7.4.5 traverse the history by a delta, as a task. */
    const traverse = (delta) => {
      queueTask(() => {
        const found = host.traverse(delta);
        if (found === null) return;
        restore(found[0], found[1]);
      });
    };
    /** HTML §7.4.6.2 "update document for history step application" within this document: the entry's state and URL, `popstate`, then `hashchange`. */
    const restore = (id, url) => {
      const oldURL = currentURL();
      const state = MapPrototypeGet(states, id);
      session.state = state === undefined || state === null ? null : cloneState(state);
      setURL(url);
      firePopState();
      fireHashChange(oldURL, url);
    };
    const resolve = (input, operation) => {
      const url = parse(String(input), baseURL());
      if (url === null) throw makeError('SyntaxError', `Failed to ${operation}: '${input}' is not a valid URL.`);
      return get(url, 'href');
    };
    const copy = () => parse(currentURL());
    /**
     * A setter of a URL component (HTML §7.2.4): a copy of the URL with the component set is
     * navigated to; nothing for a URL with an opaque path (`needsPath`), a scheme other than
     * HTTP(S) after `protocol`, or an unchanged fragment after `hash`. The `hash` setter sets the
     * fragment to the empty string first, so `''` leaves an empty fragment (`#`), not none.
     */
    const componentSetter = (name, needsPath = false) => function (value) {
      const url = copy();
      if (url === null || (needsPath && hasOpaquePath(url))) return;
      const before = get(url, 'href');
      value = String(value);
      let after;
      if (name === 'hash' && (value === '' || value === '#')) {
        after = withoutFragment(before) + '#';
      } else {
        set(url, name, value);
        after = get(url, 'href');
      }
      if (name === 'protocol' && get(url, 'protocol') !== 'http:' && get(url, 'protocol') !== 'https:') return;
      if (name === 'hash' && fragmentOf(after) === fragmentOf(before)) return;
      navigate(after, 'push');
    };
    const hasOpaquePath = (url) => !StringPrototypeStartsWith(get(url, 'pathname'), '/');

    constructing = true;
    const location = new Location();
    const history = new History();
    constructing = false;
    session.location = location;
    session.history = history;
    ObjectDefineProperty(history, SESSION, { value: session });

    // Location's members are [LegacyUnforgeable]: own, non-configurable properties of the object.
    const component = (name) => () => {
      const url = copy();
      return url === null ? '' : get(url, name);
    };
    const members = {
      href: { get: () => currentURL(), set(value) { navigate(resolve(value, "set the 'href' property on 'Location'"), 'push'); } },
      origin: { get: component('origin') },
      protocol: { get: component('protocol'), set: componentSetter('protocol') },
      host: { get: component('host'), set: componentSetter('host', true) },
      hostname: { get: component('hostname'), set: componentSetter('hostname', true) },
      port: { get: component('port'), set: componentSetter('port', true) },
      pathname: { get: component('pathname'), set: componentSetter('pathname', true) },
      search: { get: component('search'), set: componentSetter('search') },
      hash: { get: component('hash'), set: componentSetter('hash') },
    };
    for (const name in members) {
      const { get: getter, set: setter } = members[name];
      ObjectDefineProperty(getter, 'name', { value: `get ${name}` });
      ObjectDefineProperty(location, name, { get: getter, set: setter, enumerable: true, configurable: false });
    }
    const methods = {
      assign(url) {
        if (arguments.length === 0) throw new TypeError("Failed to execute 'assign' on 'Location': 1 argument required, but only 0 present.");
        navigate(resolve(url, "execute 'assign' on 'Location'"), 'push');
      },
      replace(url) {
        if (arguments.length === 0) throw new TypeError("Failed to execute 'replace' on 'Location': 1 argument required, but only 0 present.");
        navigate(resolve(url, "execute 'replace' on 'Location'"), 'replace');
      },
      reload() { session.reload(); },
      toString() { return currentURL(); },
      valueOf() { return location; },
    };
    for (const name in methods) ObjectDefineProperty(location, name, { value: methods[name], enumerable: true, configurable: false, writable: false });
    ObjectDefineProperty(location, 'ancestorOrigins', { value: ObjectFreeze({ length: 0, item: () => null, contains: () => false }), enumerable: true });

    // ---- History --------------------------------------------------------------------------------
    /** HTML §7.2.3 "can have its URL rewritten". */
    const canBeRewritten = (document, target) => {
      const fields = ['protocol', 'username', 'password', 'host'];
      for (let i = 0; i < fields.length; i++) if (get(document, fields[i]) !== get(target, fields[i])) return false;
      const scheme = get(target, 'protocol');
      if (scheme === 'http:' || scheme === 'https:') return true;
      if (scheme === 'file:') return get(document, 'pathname') === get(target, 'pathname');
      return get(document, 'pathname') === get(target, 'pathname');
    };
    /** HTML §7.2.3 the shared history push/replace state steps. */
    const pushOrReplace = (operation, data, url, historyHandling) => {
      const state = cloneState(data);
      let newURL = currentURL();
      if (url !== undefined && url !== null) {
        const current = copy();
        const target = parse(String(url), baseURL());
        if (target === null || current === null || !canBeRewritten(current, target)) {
          const origin = current === null ? 'null' : get(current, 'origin');
          throw makeError('SecurityError', `Failed to execute '${operation}' on 'History': A history state object with URL '${target === null ? String(url) : get(target, 'href')}' cannot be created in a document with origin '${origin}' and URL '${currentURL()}'.`);
        }
        newURL = get(target, 'href');
      }
      MapPrototypeSet(states, host.historyAdd(newURL, historyHandling !== 'push'), state);
      session.state = state === null ? null : cloneState(state);
      setURL(newURL);
    };
    session.traverse = traverse;
    session.restore = restore;
    session.navigate = navigate;
    session.reload = () => host.navigate(currentURL(), 'reload');
    session.pushOrReplace = pushOrReplace;
    return session;
  };

  const install = (global, document) => {
    globalEval = global.eval;
    const session = makeSession(global, document);
    sessions.document = document;
    sessions.session = session;
    const { location } = session;
    ObjectDefineProperty(global, 'location', {
      get: function location() { return session.location; },
      set: function location(value) { session.location.href = value; },
      enumerable: true, configurable: false,
    });
    ObjectDefineProperty(global, 'history', { get: function history() { return session.history; }, enumerable: true, configurable: true });
    // document.location: the window's Location while the document has it as its window, else null.
    ObjectDefineProperty(document, 'location', {
      get() { return document[events.DEFAULT_VIEW] === global ? location : null; },
      set(value) { if (document[events.DEFAULT_VIEW] === global) location.href = value; },
      enumerable: true, configurable: false,
    });
    ObjectDefineProperty(global, 'open', {
      value: function open(url = '', target = '_blank', features = '') {
        const text = String(url);
        const resolved = text === '' ? 'about:blank' : parse(text, nodes.baseURL === null ? document[DOCUMENT_URL] : nodes.baseURL(document));
        if (resolved === null) {
          throw makeError('SyntaxError', `Failed to execute 'open' on 'Window': Unable to open a window with invalid URL '${text}'.`);
        }
        const href = typeof resolved === 'string' ? resolved : get(resolved, 'href');
        host.open(href, String(target), String(features));
        runtime.console?.message?.('warning', `window.open('${href}') opened a popup page; Caper gives the opener no WindowProxy of it, so it returns null.`);
        return null;
      },
      writable: true, enumerable: true, configurable: true,
    });
    // HTML §4.6.4 "follow the hyperlink": a click not canceled on a link (an `a` or `area` with an
    // `href`, the clicked element or its nearest such ancestor) navigates: to a fragment of this
    // document at once (hashchange), elsewhere through Swift (a new document); a `_blank` target
    // opens a popup, as `window.open`; a link with `download` downloads.
    runtime.elements.activationBehavior = (element) => {
      let link = element;
      while (link !== null && !isHyperlink(link)) link = link[PARENT] ?? null;
      if (link === null || link[DOCUMENT] !== document) return;
      const resolved = parse(getAttribute(link, 'href'), nodes.baseURL === null ? document[DOCUMENT_URL] : nodes.baseURL(document));
      if (resolved === null) return;
      const href = typeof resolved === 'string' ? resolved : get(resolved, 'href');
      // HTML §4.6.5 downloading hyperlinks: `download` downloads the resource (same origin or
      // blob:/data: as browsers allow; other origins navigate), with the attribute as the name.
      if (hasAttribute(link, 'download') && !StringPrototypeStartsWith(StringPrototypeToLowerCase(href), 'javascript:')) {
        const sameOrigin = get(resolved, 'origin') === get(parse(document[DOCUMENT_URL]) ?? resolved, 'origin');
        const local = StringPrototypeStartsWith(href, 'blob:') || StringPrototypeStartsWith(href, 'data:');
        if (sameOrigin || local) {
          host.download(href, getAttribute(link, 'download') ?? '');
          return;
        }
      }
      const target = getAttribute(link, 'target');
      if (target !== null && StringPrototypeToLowerCase(target) === '_blank') {
        host.open(href, '_blank', '');
        return;
      }
      session.navigate(href, 'push', 'a link was followed');
    };
  };
  /** The document's session (one document per realm). */
  const sessions = { document: null, session: null };
  // The typed arrays' getters, captured before page code runs (a page may replace the prototype's).
  const typedArrayPrototype = runtime.primordials.ObjectGetPrototypeOf(runtime.primordials.Uint8Array.prototype);
  const typedArrayBuffer = ObjectGetOwnPropertyDescriptor(typedArrayPrototype, 'buffer').get;
  const typedArrayByteOffset = ObjectGetOwnPropertyDescriptor(typedArrayPrototype, 'byteOffset').get;
  const typedArrayByteLength = ObjectGetOwnPropertyDescriptor(typedArrayPrototype, 'byteLength').get;
  /** The page's own `eval`, captured before its scripts run (`javascript:` URLs). */
  let globalEval = null;
  const decodeURIComponentPrimordial = runtime.primordials.decodeURIComponent ?? decodeURIComponent;

  /**
   * A navigation of `document`'s navigable to another document (a form's submission): `{ url,
   * method, body, contentType, historyHandling }` with `body` a Uint8Array for POST. Fragment-only
   * GET changes stay in the document; `javascript:` URLs run.
   */
  const navigateTo = (document, { url, method = 'GET', body = null, contentType = '', historyHandling = 'push', how = 'a form was submitted' }) => {
    if (sessions.document !== document) return;
    const bytes = body === null ? null : ArrayBufferPrototypeSlice(FunctionPrototypeCall(typedArrayBuffer, body),
      FunctionPrototypeCall(typedArrayByteOffset, body), FunctionPrototypeCall(typedArrayByteOffset, body) + FunctionPrototypeCall(typedArrayByteLength, body));
    sessions.session.navigate(url, historyHandling, how, method, bytes, contentType);
  };
  // The navigation entry point the forms scripts (installed later) use.
  // `planned(±1)`: a navigation is planned as a task (a form's "plan to navigate"), or that task ran.
  runtime.navigation = ObjectFreeze({ navigate: navigateTo, planned: (delta) => host.navigationPlanned(delta) });
  /** Swift's same-document traversal (`Page.goBack` within this document): entry `id` at `url`. */
  const restoreEntry = (id, url) => sessions.session?.restore(id, url);

  const { PARENT, DOCUMENT, LOCAL, NAMESPACE, HTML_NS } = runtime.internals;
  const { getAttribute: getAttributeMethod, hasAttribute: hasAttributeMethod } = nodes.Element.prototype;
  const getAttribute = (element, name) => FunctionPrototypeCall(getAttributeMethod, element, name);
  const hasAttribute = (element, name) => FunctionPrototypeCall(hasAttributeMethod, element, name);
  const isHyperlink = (node) =>
    node[NAMESPACE] === HTML_NS && (node[LOCAL] === 'a' || node[LOCAL] === 'area') && hasAttribute(node, 'href');

  return ObjectFreeze({ interfaces: ObjectFreeze({ Location, History }), install, cloneState, navigateTo, restoreEntry });
}
