// HTML elements (HTML Standard §3.2, §4): HTMLElement and the element interfaces, built from one
// table of interface -> local names -> reflected content attributes (§2.6.1 reflection), plus the
// members reflection cannot express (form controls' values and checkedness, select and option
// selectedness, tables, labels). Also innerHTML/outerHTML/insertAdjacentHTML through
// `host.parseFragment`, `dataset`, `style`, `innerText` (through cascade.js; `hidden` is there too),
// the document's HTML members (head, body, title, forms, ...) and its base URL.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePush, FunctionPrototypeCall, NumberIsNaN, ObjectCreate, ObjectDefineProperty,
    ObjectFreeze, ObjectGetOwnPropertyDescriptor, ReflectGet, ReflectHas, ReflectOwnKeys, ReflectDefineProperty, ReflectDeleteProperty,
    ReflectGetOwnPropertyDescriptor, ReflectSet, Set, SetPrototypeHas, String, StringPrototypeCharCodeAt, StringPrototypeSlice,
    StringPrototypeIndexOf, StringPrototypeToUpperCase, Symbol, TypeError, MathMax, MathMin,
  } = runtime.primordials;
  const {
    TYPE, DOCUMENT, PARENT, FIRST, LAST, NEXT, PREV, NAMESPACE, LOCAL, ATTRIBUTES, CONTENT, DATA, MODE, URL, VALUE, VERSION,
    HTML_NS, SVG_NS, MATHML_NS,
  } = runtime.internals;
  const { makeError } = runtime['dom-exception'];
  const nodes = runtime.nodes;
  const {
    getAttributeValue, getAttributeOrNull, setAttributeValue, removeAttributeByName, attributeByNamespace, following, rootOf,
    createElement, createText, createDocumentFragment, replaceAll, preInsert, removeNode, insert, asciiLowercase, childTextContent,
    descendantText, documentElement, HTML_DOCUMENT, FORM_OWNER, registerElementInterface,
  } = nodes;
  const { Element, Document, ShadowRoot, DocumentFragment } = nodes.interfaces;
  const collections = runtime.collections;
  const { createHTMLCollection, createTokenList, cached, arrayOf } = collections;
  const { createParseSession, applyBatch } = runtime['tree-operations'];
  const { serializeChildren, serializeNode } = runtime.serialization;
  const { DEFAULT_VIEW } = runtime.events;
  const { Proxy, Int32Array } = globalThis;

  const isHTML = (node, localName) => node !== null && node[TYPE] === 1 && node[LOCAL] === localName && node[NAMESPACE] === HTML_NS;
  const isWhitespace = (c) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
  /** Infra: strip and collapse ASCII whitespace. */
  const stripAndCollapse = (text) => {
    let out = '', space = false;
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (isWhitespace(c)) { space = out !== ''; continue; }
      if (space) { out += ' '; space = false; }
      out += text[i];
    }
    return out;
  };
  /** HTML §2.3.4.1: the rules for parsing integers; null on error. */
  const parseInteger = (text) => {
    let i = 0;
    while (i < text.length && isWhitespace(StringPrototypeCharCodeAt(text, i))) i++;
    let sign = 1;
    if (text[i] === '-') { sign = -1; i++; } else if (text[i] === '+') i++;
    const start = i;
    let value = 0;
    for (; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i) - 48;
      if (c < 0 || c > 9) break;
      value = value * 10 + c;
    }
    return i === start ? null : sign * value;
  };

  // ---- URLs ------------------------------------------------------------------------------
  const BASE_CACHE = Symbol('baseURLCache');
  /** HTML §2.4.1: the document base URL (the first base element with href, else the document's URL). */
  const documentBaseURL = (document) => {
    const cache = document[BASE_CACHE];
    if (cache !== undefined && cache.version === document[VERSION] && cache.url === document[URL]) return cache.base;
    let base = document[URL];
    for (let node = document[FIRST]; node !== null; node = following(node, document)) {
      if (isHTML(node, 'base')) {
        const href = getAttributeOrNull(node, 'href');
        if (href !== null) { base = resolve(document[URL], href) ?? base; break; }
      }
    }
    ObjectDefineProperty(document, BASE_CACHE, { value: { version: document[VERSION], url: document[URL], base }, writable: true, configurable: true });
    return base;
  };
  nodes.baseURL = documentBaseURL;
  // The URL Standard encodes a URL's query in the document's encoding (HTML §2.4.2 "encoding-parse a URL").
  const resolve = (base, relative, encoding = 'UTF-8') =>
    (typeof host.resolveURL === 'function' ? host.resolveURL(base, relative, encoding) : null);
  /** HTML: parse a URL relative to the element's node document; null on failure. */
  const parseURL = (element, text) => resolve(documentBaseURL(element[DOCUMENT]), text, element[DOCUMENT][nodes.CHARSET]);
  /** The parts of a serialized absolute URL (WHATWG URL serialization is regular enough to split). */
  const urlPattern = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?)?([^?#]*)(\?[^#]*)?(#.*)?$/;
  const urlParts = (url) => {
    const match = url === null ? null : runtime.primordials.RegExpPrototypeExec(urlPattern, url);
    if (match === null) return null;
    return {
      protocol: match[1], username: match[2] ?? '', password: match[3] ?? '', hostname: match[4] ?? '', port: match[5] ?? '',
      pathname: match[6], search: match[7] === '?' || match[7] === undefined ? '' : match[7],
      hash: match[8] === '#' || match[8] === undefined ? '' : match[8],
    };
  };

  // ---- Reflection (§2.6.1) -----------------------------------------------------------------
  const kinds = {
    string: (name) => ({
      get() { return getAttributeValue(this, name); },
      set(value) { setAttributeValue(this, name, String(value)); },
    }),
    nullableString: (name) => ({
      get() { return getAttributeOrNull(this, name); },
      set(value) { if (value === null) removeAttributeByName(this, name); else setAttributeValue(this, name, String(value)); },
    }),
    boolean: (name) => ({
      get() { return attributeByNamespace(this, null, name) !== null; },
      set(value) {
        if (value) { if (attributeByNamespace(this, null, name) === null) setAttributeValue(this, name, ''); }
        else removeAttributeByName(this, name);
      },
    }),
    url: (name) => ({
      get() {
        const value = getAttributeOrNull(this, name);
        if (value === null) return '';
        return parseURL(this, value) ?? value;
      },
      set(value) { setAttributeValue(this, name, String(value)); },
    }),
    long: (name, fallback = 0) => ({
      get() {
        const value = getAttributeOrNull(this, name);
        const parsed = value === null ? null : parseInteger(value);
        return parsed !== null && parsed >= -2147483648 && parsed <= 2147483647 ? parsed : fallback;
      },
      set(value) { setAttributeValue(this, name, String(value | 0)); },
    }),
    // A limited-to-non-negative long (maxLength: -1 when missing).
    nonNegative: (name, fallback = -1) => ({
      get() {
        const value = getAttributeOrNull(this, name);
        const parsed = value === null ? null : parseInteger(value);
        return parsed !== null && parsed >= 0 && parsed <= 2147483647 ? parsed : fallback;
      },
      set(value) {
        value = value | 0;
        if (value < 0) throw makeError('IndexSizeError', `The value provided (${value}) is negative.`);
        setAttributeValue(this, name, String(value));
      },
    }),
    unsigned: (name, fallback = 0, nonZero = false) => ({
      get() {
        const value = getAttributeOrNull(this, name);
        const parsed = value === null ? null : parseInteger(value);
        return parsed !== null && parsed >= (nonZero ? 1 : 0) && parsed <= 2147483647 ? parsed : fallback;
      },
      set(value) {
        value >>>= 0;
        if (nonZero && value === 0) throw makeError('IndexSizeError', 'The value provided is 0, which is an invalid size.');
        setAttributeValue(this, name, String(value > 2147483647 ? fallback : value));
      },
    }),
    // Limited to only known values: [keywords], missing value default, invalid value default.
    enumerated: (name, keywords, missing = '', invalid = missing) => ({
      get() {
        const value = getAttributeOrNull(this, name);
        if (value === null) return missing;
        const lower = asciiLowercase(value);
        return ArrayPrototypeIndexOf(keywords, lower) >= 0 ? lower : invalid;
      },
      set(value) { setAttributeValue(this, name, String(value)); },
    }),
    tokens: (name, supported = null) => {
      const slot = Symbol(name + 'List');
      return {
        get() { return cached(this, slot, () => createTokenList(this, name, supported)); },
        set(value) { setAttributeValue(this, name, String(value)); },
      };
    },
  };
  /** Defines the reflected IDL attributes `spec` ({ idlName: [kind, contentName?, ...arguments] }) on `Interface`. */
  const reflectOn = (Interface, spec) => {
    for (const key of safeArray(ReflectOwnKeys(spec))) {
      const [kind, contentName = asciiLowercase(key), ...rest] = typeof spec[key] === 'string' ? [spec[key]] : spec[key];
      const descriptor = kinds[kind](contentName, ...rest);
      ObjectDefineProperty(Interface.prototype, key, { ...descriptor, enumerable: true, configurable: true });
    }
  };
  /** One object with the members (getters included, not invoked) of each source, later ones winning. */
  const merge = (...sources) => {
    const merged = {};
    for (const source of safeArray(sources)) {
      for (const key of safeArray(ReflectOwnKeys(source))) ObjectDefineProperty(merged, key, ObjectGetOwnPropertyDescriptor(source, key));
    }
    return merged;
  };
  /** Defines getters and methods (an object literal's own members) on `Interface`, as WebIDL does (not enumerable). */
  const define = (Interface, members) => nodes.mixin(members, Interface);

  // ---- HTMLElement ---------------------------------------------------------------------------
  class HTMLElement extends Element {
    // HTML §3.2.3: constructible only as a defined custom element's `super()` (custom-elements.js).
    constructor() {
      const construct = nodes.hooks.constructHTMLElement;
      if (construct === null) throw new TypeError('Illegal constructor');
      return construct(new.target);
    }
  }
  reflectOn(HTMLElement, {
    title: 'string', lang: 'string', accessKey: 'string', dir: ['enumerated', 'dir', ['ltr', 'rtl', 'auto']],
    inert: 'boolean', autofocus: 'boolean', nonce: 'string', enterKeyHint: ['enumerated', 'enterkeyhint',
      ['enter', 'done', 'go', 'next', 'previous', 'search', 'send']],
    inputMode: ['enumerated', 'inputmode', ['none', 'text', 'tel', 'url', 'email', 'numeric', 'decimal', 'search']],
    autocapitalize: 'string',
  });
  const focusableNames = ['a', 'area', 'button', 'input', 'select', 'textarea', 'iframe', 'summary'];
  const FOCUSED = Symbol('focusedElement');
  const DATASET = Symbol('dataset');
  const STYLE = Symbol('style');
  /** HTML §6.6.3 the tabindex value: the attribute's integer, else 0 for elements focusable by kind, else -1. */
  const tabIndexOf = (element) => {
    const value = getAttributeOrNull(element, 'tabindex');
    const parsed = value === null ? null : parseInteger(value);
    if (parsed !== null) return parsed;
    if (element[NAMESPACE] !== HTML_NS || ArrayPrototypeIndexOf(focusableNames, element[LOCAL]) < 0) return -1;
    if (element[LOCAL] === 'a' && getAttributeOrNull(element, 'href') === null) return -1;
    if (element[LOCAL] === 'input' && inputType(element) === 'hidden') return -1;
    return 0;
  };
  define(HTMLElement, {
    get tabIndex() { return tabIndexOf(this); },
    set tabIndex(value) { setAttributeValue(this, 'tabindex', String(value | 0)); },
    get draggable() {
      const value = asciiLowercase(getAttributeValue(this, 'draggable'));
      if (value === 'true') return true;
      if (value === 'false') return false;
      return this[LOCAL] === 'img' || (this[LOCAL] === 'a' && getAttributeOrNull(this, 'href') !== null);
    },
    set draggable(value) { setAttributeValue(this, 'draggable', value ? 'true' : 'false'); },
    get spellcheck() { return asciiLowercase(getAttributeValue(this, 'spellcheck')) !== 'false'; },
    set spellcheck(value) { setAttributeValue(this, 'spellcheck', value ? 'true' : 'false'); },
    get translate() {
      for (let node = this; node !== null && node[TYPE] === 1; node = node[PARENT]) {
        const value = getAttributeOrNull(node, 'translate');
        if (value !== null) { const lower = asciiLowercase(value); if (lower === 'yes' || lower === '') return true; if (lower === 'no') return false; }
      }
      return true;
    },
    set translate(value) { setAttributeValue(this, 'translate', value ? 'yes' : 'no'); },
    get contentEditable() {
      const value = getAttributeOrNull(this, 'contenteditable');
      if (value === null) return 'inherit';
      const lower = asciiLowercase(value);
      return lower === '' || lower === 'true' ? 'true' : lower === 'false' ? 'false' : lower === 'plaintext-only' ? 'plaintext-only' : 'inherit';
    },
    set contentEditable(value) {
      const lower = asciiLowercase(String(value));
      if (lower === 'inherit') removeAttributeByName(this, 'contenteditable');
      else if (lower === 'true' || lower === 'false' || lower === 'plaintext-only') setAttributeValue(this, 'contenteditable', lower);
      else throw makeError('SyntaxError', "The value provided is not one of 'true', 'false', 'plaintext-only', or 'inherit'.");
    },
    get isContentEditable() {
      for (let node = this; node !== null && node[TYPE] === 1; node = node[PARENT]) {
        const value = getAttributeOrNull(node, 'contenteditable');
        if (value !== null) { const lower = asciiLowercase(value); if (lower !== 'inherit') return lower !== 'false'; }
      }
      return false;
    },
    get dataset() {
      return cached(this, DATASET, () => {
        const map = ObjectCreate(DOMStringMap.prototype);
        ObjectDefineProperty(map, MAP_ELEMENT, { value: this, configurable: true });
        return new Proxy(map, datasetHandler);
      });
    },
    get style() { return cached(this, STYLE, () => runtime['css-style-declaration'].createStyleDeclaration(this)); },
    set style(value) { setAttributeValue(this, 'style', String(value)); },
    get innerText() { return innerText(this); },
    set innerText(value) { setInnerText(this, value === null ? '' : String(value)); },
    get outerText() { return innerText(this); },
    click() { click(this); },
    focus() { focus(this); },
    blur() { if (this[DOCUMENT][FOCUSED] === this) focus(null, this[DOCUMENT]); },
  });
  // SVG and MathML share the `dataset`, `style`, `tabIndex`, focus members (HTMLOrSVGElement).
  class SVGElement extends Element {}
  class MathMLElement extends Element {}
  for (const Interface of safeArray([SVGElement, MathMLElement])) {
    const source = HTMLElement.prototype;
    for (const key of safeArray(['dataset', 'style', 'tabIndex', 'focus', 'blur', 'autofocus', 'nonce'])) {
      ObjectDefineProperty(Interface.prototype, key, ObjectGetOwnPropertyDescriptor(source, key));
    }
  }
  for (const Interface of safeArray([HTMLElement, SVGElement, MathMLElement, Document])) {
    runtime.events.defineEventHandlers(Interface.prototype, runtime.events.globalEventNames);
  }
  runtime.events.defineEventHandlers(Document.prototype, ['readystatechange', 'visibilitychange', 'selectionchange']);
  define(SVGElement, {
    get ownerSVGElement() {
      for (let node = this[PARENT]; node !== null && node[TYPE] === 1; node = node[PARENT]) if (node[LOCAL] === 'svg' && node[NAMESPACE] === SVG_NS) return node;
      return null;
    },
    get viewportElement() { return this.ownerSVGElement; },
  });

  // DOMStringMap (§3.2.6.6): `data-*` attributes as camelCase properties.
  const dataName = (key) => {
    if (typeof key !== 'string') return null;
    let name = 'data-';
    for (let i = 0; i < key.length; i++) {
      const c = StringPrototypeCharCodeAt(key, i);
      if (c === 45 && i + 1 < key.length) { const d = StringPrototypeCharCodeAt(key, i + 1); if (d >= 97 && d <= 122) return undefined; }
      name += c >= 65 && c <= 90 ? '-' + String.fromCharCode(c + 32) : key[i];
    }
    return name;
  };
  const camelName = (name) => {
    let key = '';
    for (let i = 5; i < name.length; i++) {
      const c = StringPrototypeCharCodeAt(name, i);
      if (c === 45 && i + 1 < name.length) {
        const d = StringPrototypeCharCodeAt(name, i + 1);
        if (d >= 97 && d <= 122) { key += StringPrototypeToUpperCase(name[i + 1]); i++; continue; }
      }
      key += name[i];
    }
    return key;
  };
  const datasetKeys = (element) => {
    const keys = [];
    for (const attribute of safeArray(element[ATTRIBUTES])) {
      const name = attribute[LOCAL];
      if (attribute[NAMESPACE] === null && StringPrototypeSlice(name, 0, 5) === 'data-') {
        let valid = true;
        for (let i = 5; i < name.length; i++) { const c = StringPrototypeCharCodeAt(name, i); if (c >= 65 && c <= 90) valid = false; }
        if (valid) ArrayPrototypePush(keys, camelName(name));
      }
    }
    return keys;
  };
  class DOMStringMap {
    constructor() { throw new TypeError('Illegal constructor'); }
  }
  // The Proxy's target is an empty DOMStringMap whose one (configurable) slot names the element.
  const MAP_ELEMENT = Symbol('element');
  const datasetHandler = {
    __proto__: null,
    get(map, key) {
      const element = map[MAP_ELEMENT];
      if (typeof key === 'symbol') return map[key];
      const name = dataName(key);
      if (!name) return ReflectGet(DOMStringMap.prototype, key);
      return getAttributeOrNull(element, name) ?? ReflectGet(DOMStringMap.prototype, key);
    },
    set(map, key, value) {
      const element = map[MAP_ELEMENT];
      // HTML §3.2.6.6: a '-' followed by an ASCII lowercase letter cannot come from a camel-case name.
      if (typeof key === 'string' && runtime.primordials.RegExpTest(/-[a-z]/, key)) {
        throw makeError('SyntaxError', `'${key}' is not a valid dataset name: '-' is followed by a lowercase letter.`);
      }
      const name = dataName(key);
      if (!name) return false;
      if (!runtime.primordials.RegExpTest(nodes.namePattern, name)) throw makeError('InvalidCharacterError', `'${key}' is not a valid name.`);
      setAttributeValue(element, name, String(value));
      return true;
    },
    deleteProperty(map, key) {
      const element = map[MAP_ELEMENT];
      const name = dataName(key);
      if (name) removeAttributeByName(element, name);
      return true;
    },
    has(map, key) {
      const element = map[MAP_ELEMENT]; const name = dataName(key); return name ? getAttributeOrNull(element, name) !== null : false; },
    ownKeys(map) { return datasetKeys(map[MAP_ELEMENT]); },
    getOwnPropertyDescriptor(map, key) {
      const element = map[MAP_ELEMENT];
      const name = dataName(key);
      const value = name ? getAttributeOrNull(element, name) : null;
      return value === null ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
    defineProperty(map, key, descriptor) {
      const element = map[MAP_ELEMENT];
      const name = dataName(key);
      if (!name || !('value' in descriptor)) return false;
      setAttributeValue(element, name, String(descriptor.value));
      return true;
    },
  };

  // ---- Focus, click ----------------------------------------------------------------------------
  const fireEvent = (target, Interface, type, init) => runtime.events.fire(target, new Interface(type, init));
  /** HTML §6.6.3 focusable areas, without layout: connected, not disabled, and focusable by kind or by `tabindex`. */
  /** HTML §6.3 inert: the element or a flat-tree ancestor has the `inert` attribute (no focus, no pointer events). */
  const isInert = (element) => {
    for (let node = element; node !== null && node !== undefined; node = node[PARENT] ?? node[runtime.internals.HOST] ?? null) {
      if (node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && getAttributeOrNull(node, 'inert') !== null) return true;
    }
    return false;
  };
  const isFocusable = (element) => isConnected(element) && !isDisabledControl(element) && !isInert(element) &&
    (tabIndexOf(element) >= 0 || getAttributeOrNull(element, 'tabindex') !== null || isEditingHost(element));
  const isEditingHost = (element) => {
    const value = getAttributeOrNull(element, 'contenteditable');
    return value !== null && asciiLowercase(value) !== 'false';
  };
  /**
   * HTML §6.6.4 focusing steps, as Chromium orders them: while the old element's `change` (the
   * `unfocusing` hook), `blur` and `focusout` fire, the document has no focused element
   * (`activeElement` is the body); then the new one is focused and gets `focus` and `focusin`.
   */
  const focus = (element, document = element[DOCUMENT]) => {
    const previous = document[FOCUSED] ?? null;
    if (previous === element) return;
    if (element !== null && !isFocusable(element)) return;
    const setFocused = (value) => ObjectDefineProperty(document, FOCUSED, { value, writable: true, configurable: true });
    const { FocusEvent } = runtime.events;
    if (previous !== null) {
      setFocused(null);
      runtime.elements.unfocusing?.(previous);
      fireEvent(previous, FocusEvent, 'blur', { __proto__: null, relatedTarget: element, composed: true });
      fireEvent(previous, FocusEvent, 'focusout', { __proto__: null, relatedTarget: element, bubbles: true, composed: true });
      // A listener that moved focus elsewhere wins.
      if (document[FOCUSED] !== null) return;
    }
    if (element !== null) {
      setFocused(element);
      fireEvent(element, FocusEvent, 'focus', { __proto__: null, relatedTarget: previous, composed: true });
      // A `focus` listener that moved the focus on: this element's `focusin` is not fired.
      if (document[FOCUSED] === element) fireEvent(element, FocusEvent, 'focusin', { __proto__: null, relatedTarget: previous, bubbles: true, composed: true });
    }
  };
  /**
   * HTML click(): a synthetic (untrusted) click, a PointerEvent as Chromium's, dispatched once at
   * a time per element; the DOM's dispatch runs the activation behaviors (input/activation.js).
   */
  const CLICK_IN_PROGRESS = Symbol('clickInProgress');
  const click = (element) => {
    if (isDisabledControl(element) || element[CLICK_IN_PROGRESS]) return;
    element[CLICK_IN_PROGRESS] = true;
    try {
      const { PointerEvent } = runtime.events;
      const init = { bubbles: true, cancelable: true, composed: true, view: element[DOCUMENT][DEFAULT_VIEW] ?? null, pointerId: -1, pointerType: '' };
      runtime.events.dispatch(element, new PointerEvent('click', init));
    } finally {
      element[CLICK_IN_PROGRESS] = false;
    }
  };

  // ---- innerText (§3.2.7): the rendered text collection steps over the cascade (cascade.js, installed after this file) ----
  const isConnected = (node) => nodes.shadowIncludingRoot(node)[TYPE] === 9;
  const innerText = (element) => runtime.cascade.innerText(element);
  const setInnerText = (element, value) => {
    const document = element[DOCUMENT];
    const fragment = createDocumentFragment(document);
    let from = 0;
    for (let i = 0; i <= value.length; i++) {
      const c = i < value.length ? StringPrototypeCharCodeAt(value, i) : -1;
      if (c === 10 || c === 13 || c === -1) {
        if (i > from) nodes.link(createText(document, StringPrototypeSlice(value, from, i)), fragment, null);
        if (c !== -1) {
          nodes.link(createElement(document, HTML_NS, null, 'br'), fragment, null);
          if (c === 13 && StringPrototypeCharCodeAt(value, i + 1) === 10) i++;
        }
        from = i + 1;
      }
    }
    replaceAll(fragment, element);
  };

  // ---- innerHTML, outerHTML, insertAdjacentHTML (§8.5 DOM parsing and serialization APIs) ----
  const namespaceIndex = (namespace) => (namespace === SVG_NS ? 1 : namespace === MATHML_NS ? 2 : 0);
  const modeIndex = (document) => (document[MODE] === 'quirks' ? 1 : document[MODE] === 'limited-quirks' ? 2 : 0);
  /** HTML: the fragment parsing algorithm with `context`, into a new DocumentFragment of the context's document. */
  const parseFragment = (context, markup) => {
    if (typeof host.parseFragment !== 'function') throw makeError('NotSupportedError', 'This realm cannot parse HTML fragments.');
    const document = context[DOCUMENT];
    const fragment = createDocumentFragment(document);
    const scripting = document[DEFAULT_VIEW] !== undefined && document[DEFAULT_VIEW] !== null;
    const batch = host.parseFragment(String(markup), context[LOCAL], namespaceIndex(context[NAMESPACE]), modeIndex(document), scripting);
    applyBatch(createParseSession(fragment), batch[0], batch[1]);
    return fragment;
  };
  const serializationOptions = (node) => ({ scripting: (node[DOCUMENT][DEFAULT_VIEW] ?? null) !== null });
  const bodyContext = (document) => createElement(document, HTML_NS, null, 'body');
  define(Element, {
    get innerHTML() { return serializeChildren(this, serializationOptions(this)); },
    set innerHTML(value) {
      const fragment = parseFragment(this, value === null ? '' : String(value));
      replaceAll(fragment, isHTML(this, 'template') ? this[CONTENT] : this);
    },
    get outerHTML() { return serializeNode(this, serializationOptions(this)); },
    set outerHTML(value) {
      const parent = this[PARENT];
      if (parent === null) return;
      if (parent[TYPE] === 9) throw makeError('NoModificationAllowedError', "This element's parent is of type '#document'.");
      const context = parent[TYPE] === 11 ? bodyContext(this[DOCUMENT]) : parent;
      const fragment = parseFragment(context, value === null ? '' : String(value));
      nodes.replaceChild(this, fragment, parent);
    },
    insertAdjacentHTML(position, text) {
      const where = asciiLowercase(String(position));
      let context;
      if (where === 'beforebegin' || where === 'afterend') {
        context = this[PARENT];
        if (context === null || context[TYPE] === 9) throw makeError('NoModificationAllowedError', 'The element has no parent.');
      } else if (where === 'afterbegin' || where === 'beforeend') context = this;
      else throw makeError('SyntaxError', `The value provided ('${position}') is not one of 'beforeBegin', 'afterBegin', 'beforeEnd', or 'afterEnd'.`);
      if (context[TYPE] !== 1 || (this[DOCUMENT][HTML_DOCUMENT] && isHTML(context, 'html'))) context = bodyContext(this[DOCUMENT]);
      const fragment = parseFragment(context, String(text));
      if (where === 'beforebegin') preInsert(fragment, this[PARENT], this);
      else if (where === 'afterbegin') preInsert(fragment, this, this[FIRST]);
      else if (where === 'beforeend') preInsert(fragment, this, null);
      else preInsert(fragment, this[PARENT], this[NEXT]);
    },
    getHTML(options = undefined) {
      return serializeChildren(this, { ...serializationOptions(this), serializableShadowRoots: options?.serializableShadowRoots === true });
    },
    setHTMLUnsafe(html) { replaceAll(parseFragment(this, String(html)), isHTML(this, 'template') ? this[CONTENT] : this); },
  });
  define(ShadowRoot, {
    get innerHTML() { return serializeChildren(this, serializationOptions(this)); },
    set innerHTML(value) { replaceAll(parseFragment(this[runtime.internals.HOST], value === null ? '' : String(value)), this); },
  });

  // ---- Forms (§4.10) -------------------------------------------------------------------------
  const listedNames = ['button', 'fieldset', 'input', 'object', 'output', 'select', 'textarea'];
  const disableableNames = ['button', 'input', 'select', 'textarea', 'fieldset', 'optgroup', 'option'];
  const labelableNames = ['button', 'input', 'meter', 'output', 'progress', 'select', 'textarea'];
  const isListed = (node) => node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && ArrayPrototypeIndexOf(listedNames, node[LOCAL]) >= 0;
  /** HTML §4.10.17.3: the form owner (the parser's association, the form attribute, or the nearest ancestor form). */
  const formOwner = (element) => {
    const parsed = element[FORM_OWNER];
    if (parsed !== undefined && parsed !== null && rootOf(parsed) === rootOf(element)) return parsed;
    const formId = getAttributeOrNull(element, 'form');
    if (formId !== null) {
      const root = rootOf(element);
      const found = root[TYPE] === 9 || root[TYPE] === 11 ? nodes.getElementById(root, formId) : null;
      return found !== null && isHTML(found, 'form') ? found : null;
    }
    for (let node = element[PARENT]; node !== null; node = node[PARENT]) if (isHTML(node, 'form')) return node;
    return null;
  };
  const isDisabledControl = (element) => {
    if (element[NAMESPACE] !== HTML_NS || ArrayPrototypeIndexOf(disableableNames, element[LOCAL]) < 0) return false;
    if (attributeByNamespace(element, null, 'disabled') !== null) return true;
    if (element[LOCAL] === 'option') return isHTML(element[PARENT], 'optgroup') && attributeByNamespace(element[PARENT], null, 'disabled') !== null;
    // A disabled fieldset ancestor disables, except inside its first legend.
    for (let child = element, node = element[PARENT]; node !== null; child = node, node = node[PARENT]) {
      if (isHTML(node, 'fieldset') && attributeByNamespace(node, null, 'disabled') !== null) {
        let legend = node[FIRST];
        while (legend !== null && !isHTML(legend, 'legend')) legend = legend[NEXT];
        if (legend !== child) return true;
      }
    }
    return false;
  };
  const formMembers = {
    get form() { return formOwner(this); },
    get labels() {
      const root = rootOf(this);
      return collections.createLiveNodeList(root, (node) => isHTML(node, 'label') && labelControl(node) === this, true);
    },
  };

  const inputTypes = ['hidden', 'text', 'search', 'tel', 'url', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local',
    'number', 'range', 'color', 'checkbox', 'radio', 'file', 'submit', 'image', 'reset', 'button'];
  const inputType = (input) => {
    const value = getAttributeOrNull(input, 'type');
    if (value === null) return 'text';
    const lower = asciiLowercase(value);
    return ArrayPrototypeIndexOf(inputTypes, lower) >= 0 ? lower : 'text';
  };
  const VALUE_STATE = Symbol('value');
  const CHECKED_STATE = Symbol('checkedness');
  const stripNewlines = (text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) { const c = StringPrototypeCharCodeAt(text, i); if (c !== 10 && c !== 13) out += text[i]; }
    return out;
  };
  const trimWhitespace = (text) => {
    let start = 0, end = text.length;
    while (start < end && isWhitespace(StringPrototypeCharCodeAt(text, start))) start++;
    while (end > start && isWhitespace(StringPrototypeCharCodeAt(text, end - 1))) end--;
    return StringPrototypeSlice(text, start, end);
  };
  /** HTML §4.10.5.1: the value sanitization algorithm of each type. */
  const sanitize = (type, value, input = null) => {
    switch (type) {
      case 'text': case 'search': case 'tel': case 'password': return stripNewlines(value);
      case 'url': case 'email': return trimWhitespace(stripNewlines(value));
      case 'number': return runtime.primordials.RegExpTest(/^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/, value) ? value : '';
      case 'range': return sanitizeRange(value, input);
      case 'color': return runtime.primordials.RegExpTest(/^#[0-9a-fA-F]{6}$/, value) ? asciiLowercase(value) : '#000000';
      case 'date': return isValidDate(value) ? value : '';
      case 'month': return isValidMonth(value) ? value : '';
      case 'week': return isValidWeek(value) ? value : '';
      case 'time': return isValidTime(value) ? value : '';
      case 'datetime-local': {
        // A valid local date and time string, normalized (HTML §2.3.5.5: `T` between date and time).
        const at = StringPrototypeIndexOf(value, 'T') >= 0 ? StringPrototypeIndexOf(value, 'T') : StringPrototypeIndexOf(value, ' ');
        if (at < 0) return '';
        const date = StringPrototypeSlice(value, 0, at), time = StringPrototypeSlice(value, at + 1);
        return isValidDate(date) && isValidTime(time) ? `${date}T${time}` : '';
      }
      default: return value;
    }
  };
  /**
   * HTML §4.10.5.1.14 the Range state: a valid floating-point number, else the default (the
   * middle of min and max); clamped to min and max (0 and 100 by default), and on the step's grid
   * from min (step 1 by default; `any` none), rounded to the nearest step, as Chromium does.
   */
  const sanitizeRange = (value, input) => {
    const attribute = (name, fallback) => {
      const text = input === null ? null : getAttributeOrNull(input, name);
      const parsed = text === null || !isValidFloat(text) ? NaN : runtime.primordials.NumberParseFloat(text);
      return NumberIsNaN(parsed) ? fallback : parsed;
    };
    const min = attribute('min', 0);
    let max = attribute('max', 100);
    if (max < min) max = min;
    let number = isValidFloat(value) ? runtime.primordials.NumberParseFloat(value) : NaN;
    if (NumberIsNaN(number)) number = max < min ? min : min + (max - min) / 2;
    number = MathMin(max, MathMax(min, number));
    const stepText = input === null ? null : getAttributeOrNull(input, 'step');
    if (stepText === null || asciiLowercase(stepText) !== 'any') {
      const given = attribute('step', 1);
      const step = given > 0 ? given : 1;
      let stepped = min + runtime.primordials.MathRound((number - min) / step) * step;
      if (stepped > max) stepped -= step;
      number = runtime.primordials.NumberParseFloat(runtime.primordials.NumberPrototypeToPrecision(stepped, 15));
    }
    return String(number);
  };
  const isValidFloat = (text) => runtime.primordials.RegExpTest(/^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/, text);
  // HTML §2.3.5 dates and times: the microsyntaxes of the date and time input types' values.
  const daysIn = (year, month) => (month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28)
    : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const isValidMonth = (value) => {
    const match = runtime.primordials.RegExpPrototypeExec(/^(\d{4,})-(\d{2})$/, value);
    return match !== null && +match[1] > 0 && +match[2] >= 1 && +match[2] <= 12;
  };
  const isValidDate = (value) => {
    const match = runtime.primordials.RegExpPrototypeExec(/^(\d{4,})-(\d{2})-(\d{2})$/, value);
    return match !== null && +match[1] > 0 && +match[2] >= 1 && +match[2] <= 12 && +match[3] >= 1 && +match[3] <= daysIn(+match[1], +match[2]);
  };
  const isValidWeek = (value) => {
    const match = runtime.primordials.RegExpPrototypeExec(/^(\d{4,})-W(\d{2})$/, value);
    if (match === null || +match[1] <= 0 || +match[2] < 1) return false;
    // A year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year.
    const year = +match[1];
    const first = new runtime.primordials.Date(runtime.primordials.DateUTC(year, 0, 1));
    const day = runtime.primordials.DatePrototypeGetUTCDay(first);
    const leap = daysIn(year, 2) === 29;
    return +match[2] <= (day === 4 || (leap && day === 3) ? 53 : 52);
  };
  const isValidTime = (value) => {
    const match = runtime.primordials.RegExpPrototypeExec(/^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/, value);
    return match !== null && +match[1] <= 23 && +match[2] <= 59 && (match[3] === undefined || +match[3] <= 59);
  };
  const valueMode = (type) => {
    if (type === 'hidden' || type === 'submit' || type === 'image' || type === 'reset' || type === 'button') return 'default';
    if (type === 'checkbox' || type === 'radio') return 'default/on';
    if (type === 'file') return 'filename';
    return 'value';
  };
  /** HTML §4.10.5.4: what an input's `value` getter returns, by its type's value mode. */
  const inputValue = (input) => {
    const type = inputType(input);
    switch (valueMode(type)) {
      case 'value': {
        const value = input[VALUE_STATE] ?? getAttributeValue(input, 'value');
        // A range's value follows its min, max and step as they are now (HTML: sanitized on change).
        return type === 'range' ? sanitize(type, value, input) : input[VALUE_STATE] ?? sanitize(type, value, input);
      }
      case 'default': return getAttributeValue(input, 'value');
      case 'default/on': return getAttributeOrNull(input, 'value') ?? 'on';
      default: return input[VALUE_STATE] ?? '';
    }
  };
  const checkedness = (input) => input[CHECKED_STATE] ?? attributeByNamespace(input, null, 'checked') !== null;
  const setCheckedness = (input, checked) => {
    ObjectDefineProperty(input, CHECKED_STATE, { value: checked, writable: true, configurable: true });
    input[DOCUMENT][VERSION]++;
    if (checked && inputType(input) === 'radio') {
      const name = getAttributeValue(input, 'name');
      if (name === '') return;
      const owner = formOwner(input);
      const root = rootOf(input);
      for (let node = root; node !== null; node = following(node, root)) {
        if (node !== input && isHTML(node, 'input') && inputType(node) === 'radio' && getAttributeValue(node, 'name') === name && formOwner(node) === owner) {
          ObjectDefineProperty(node, CHECKED_STATE, { value: false, writable: true, configurable: true });
        }
      }
    }
  };

  // ---- Select and option (§4.10.7, §4.10.10) ----------------------------------------------------
  const SELECTED_STATE = Symbol('selectedness');
  const OPTIONS = Symbol('options');
  const isOptionOf = (select) => (node) => isHTML(node, 'option') &&
    (node[PARENT] === select || (isHTML(node[PARENT], 'optgroup') && node[PARENT][PARENT] === select));
  const optionsOf = (select) => cached(select, OPTIONS, () => createHTMLCollection(select, isOptionOf(select), true, HTMLOptionsCollection));
  const ownSelectedness = (option) => option[SELECTED_STATE] ?? attributeByNamespace(option, null, 'selected') !== null;
  const isSingleSelect = (select) => attributeByNamespace(select, null, 'multiple') === null &&
    FunctionPrototypeCall(sizeGetter, select) <= 1;
  const sizeGetter = kinds.unsigned('size').get;
  /** The option a single select displays: the last selected, else the first not disabled (§4.10.7 selectedness setting). */
  const displayedOption = (select) => {
    const options = arrayOf(optionsOf(select));
    let chosen = null;
    for (const option of safeArray(options)) if (ownSelectedness(option)) chosen = option;
    if (chosen !== null) return chosen;
    if (!isSingleSelect(select)) return null;
    for (const option of safeArray(options)) if (!isDisabledControl(option)) return option;
    return null;
  };
  const selectOf = (option) => {
    let parent = option[PARENT];
    if (isHTML(parent, 'optgroup')) parent = parent[PARENT];
    return isHTML(parent, 'select') ? parent : null;
  };
  const isSelected = (option) => {
    const select = selectOf(option);
    if (select === null || !isSingleSelect(select)) return ownSelectedness(option);
    return displayedOption(select) === option;
  };
  const setSelectedness = (option, selected) => {
    const select = selectOf(option);
    if (selected && select !== null && isSingleSelect(select)) {
      for (const other of safeArray(arrayOf(optionsOf(select)))) ObjectDefineProperty(other, SELECTED_STATE, { value: false, writable: true, configurable: true });
    }
    ObjectDefineProperty(option, SELECTED_STATE, { value: !!(selected), writable: true, configurable: true });
    option[DOCUMENT][VERSION]++;
  };
  /**
   * HTML "maybe clone an option into selectedcontent" (run when the parser pops an option): the
   * first selectedcontent element of the option's select gets clones of the option's children
   * when the option is the select's selected option.
   */
  const maybeCloneOptionIntoSelectedContent = (option) => {
    const select = selectOf(option);
    if (select === null) return;
    let selectedContent = null;
    for (let node = select[FIRST]; node !== null; node = following(node, select)) {
      if (isHTML(node, 'selectedcontent')) { selectedContent = node; break; }
    }
    if (selectedContent === null || !isSelected(option)) return;
    const document = selectedContent[DOCUMENT];
    const fragment = createDocumentFragment(document);
    for (let child = option[FIRST]; child !== null; child = child[NEXT]) nodes.link(nodes.cloneNode(child, document, true), fragment, null);
    replaceAll(fragment, selectedContent);
  };
  const optionText = (option) => {
    let text = '';
    for (let node = option[FIRST]; node !== null;) {
      if (node[TYPE] === 1 && node[LOCAL] === 'script' && (node[NAMESPACE] === HTML_NS || node[NAMESPACE] === SVG_NS)) {
        node = nodes.followingSkippingChildren(node, option);
        continue;
      }
      if (node[TYPE] === 3) text += node[DATA];
      node = following(node, option);
    }
    return stripAndCollapse(text);
  };
  const optionValue = (option) => getAttributeOrNull(option, 'value') ?? optionText(option);

  class HTMLOptionsCollection extends collections.HTMLCollection {
    // Explicit: a default derived constructor spreads its arguments through the page's array iterator.
    constructor() { super(); }
    get length() { return arrayOf(this).length; }
    set length(value) {
      const select = this[SELECT_OF]();
      const list = arrayOf(this);
      value >>>= 0;
      if (value < list.length) for (let i = list.length - 1; i >= value; i--) removeNode(list[i]);
      else for (let i = list.length; i < value; i++) preInsert(createElement(select[DOCUMENT], HTML_NS, null, 'option'), select, null);
    }
    get selectedIndex() { return selectedIndex(this[SELECT_OF]()); }
    set selectedIndex(value) { setSelectedIndex(this[SELECT_OF](), value | 0); }
    add(element, before = null) { selectAdd(this[SELECT_OF](), element, before); }
    remove(index) { const option = arrayOf(this)[index | 0]; if (option !== undefined) removeNode(option); }
  }
  const SELECT_OF = Symbol('select');
  ObjectDefineProperty(HTMLOptionsCollection.prototype, SELECT_OF, { value() { return collections.rootOf(this); } });
  const selectedIndex = (select) => {
    const options = arrayOf(optionsOf(select));
    for (let i = 0; i < options.length; i++) if (isSelected(options[i])) return i;
    return -1;
  };
  const setSelectedIndex = (select, index) => {
    const options = arrayOf(optionsOf(select));
    for (let i = 0; i < options.length; i++) ObjectDefineProperty(options[i], SELECTED_STATE, { value: i === index, writable: true, configurable: true });
    select[DOCUMENT][VERSION]++;
  };
  const selectAdd = (select, element, before) => {
    if (before !== null && typeof before !== 'object') before = arrayOf(optionsOf(select))[before | 0] ?? null;
    if (before !== null && !isDescendant(before, select)) {
      throw makeError('NotFoundError', 'The node before which the new node is to be inserted is not in this select.');
    }
    preInsert(element, before === null ? select : before[PARENT], before);
  };

  // ---- Labels ---------------------------------------------------------------------------------
  const isLabelable = (node) => node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && ArrayPrototypeIndexOf(labelableNames, node[LOCAL]) >= 0 &&
    !(node[LOCAL] === 'input' && inputType(node) === 'hidden');
  const labelControl = (label) => {
    const forId = getAttributeOrNull(label, 'for');
    if (forId !== null) {
      const root = rootOf(label);
      const found = root[TYPE] === 9 || root[TYPE] === 11 ? nodes.getElementById(root, forId) : null;
      return found !== null && isLabelable(found) ? found : null;
    }
    for (let node = label[FIRST]; node !== null; node = following(node, label)) if (isLabelable(node)) return node;
    return null;
  };

  // ---- Tables (§4.9) -------------------------------------------------------------------------
  const firstChildNamed = (parent, name) => { for (let n = parent[FIRST]; n !== null; n = n[NEXT]) if (isHTML(n, name)) return n; return null; };
  const isSection = (node) => isHTML(node, 'thead') || isHTML(node, 'tbody') || isHTML(node, 'tfoot');
  const rowsOf = (table) => cached(table, ROWS, () => createHTMLCollection(table, (node) => isHTML(node, 'tr') &&
    (node[PARENT] === table || (isSection(node[PARENT]) && node[PARENT][PARENT] === table)), true));
  const ROWS = Symbol('rows');
  const sectionRows = (section) => cached(section, ROWS, () => createHTMLCollection(section, (node) => isHTML(node, 'tr'), false));
  const cellsOf = (row) => cached(row, CELLS, () => createHTMLCollection(row, (node) => isHTML(node, 'td') || isHTML(node, 'th'), false));
  const CELLS = Symbol('cells');
  const insertRowInto = (parent, rows, index, document) => {
    index = index | 0;
    const list = arrayOf(rows);
    if (index < -1 || index > list.length) throw makeError('IndexSizeError', `The index provided (${index}) is outside the range [-1, ${list.length}].`);
    const row = createElement(document, HTML_NS, null, 'tr');
    if (index === -1 || index === list.length) preInsert(row, list.length > 0 && parent === null ? list[list.length - 1][PARENT] : parent, null);
    else preInsert(row, list[index][PARENT], list[index]);
    return row;
  };
  const deleteFrom = (rows, index) => {
    const list = arrayOf(rows);
    index = index | 0;
    if (index === -1) index = list.length - 1;
    if (index === -1 && list.length === 0) return;
    if (index < 0 || index >= list.length) throw makeError('IndexSizeError', `The index provided (${index}) is outside the range.`);
    removeNode(list[index]);
  };

  // ---- The interface table --------------------------------------------------------------------
  const referrerPolicy = ['enumerated', 'referrerpolicy', ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin',
    'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'], ''];
  const crossOrigin = ['enumerated', 'crossorigin', ['anonymous', 'use-credentials'], null, 'anonymous'];
  // HTML §4.6.3 HTMLHyperlinkElementUtils: the href attribute parsed by Ada (host.urlParse, the
  // page URL's crossing), its components read from one parse; setters go through host.urlSet, as
  // URL's setters do, then write the serialization back to href.
  /** The element's url's components ({ href, origin, protocol, ... }), or null (no href, or it does not parse). */
  const hyperlinkURL = (element) => {
    const value = getAttributeOrNull(element, 'href');
    if (value === null || typeof host.urlParse !== 'function') return null;
    return host.urlParse(value, documentBaseURL(element[DOCUMENT]));
  };
  const hyperlink = {
    get href() { const value = getAttributeOrNull(this, 'href'); return value === null ? '' : parseURL(this, value) ?? value; },
    set href(value) { setAttributeValue(this, 'href', String(value)); },
    get origin() { return hyperlinkURL(this)?.origin ?? ''; },
    get protocol() { return hyperlinkURL(this)?.protocol ?? ':'; },
    get username() { return hyperlinkURL(this)?.username ?? ''; },
    get password() { return hyperlinkURL(this)?.password ?? ''; },
    get host() { return hyperlinkURL(this)?.host ?? ''; },
    get hostname() { return hyperlinkURL(this)?.hostname ?? ''; },
    get port() { return hyperlinkURL(this)?.port ?? ''; },
    get pathname() { return hyperlinkURL(this)?.pathname ?? ''; },
    get search() { return hyperlinkURL(this)?.search ?? ''; },
    get hash() { return hyperlinkURL(this)?.hash ?? ''; },
    toString() { return this.href; },
  };
  for (const part of safeArray(['protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'])) {
    const descriptor = ObjectGetOwnPropertyDescriptor(hyperlink, part);
    ObjectDefineProperty(hyperlink, part, {
      get: descriptor.get,
      set(value) {
        const url = hyperlinkURL(this);
        if (url === null) return;
        const updated = host.urlSet(url.href, part, String(value));
        if (updated !== null) setAttributeValue(this, 'href', updated.href);
      },
      enumerable: false,
      configurable: true,
    });
  }

  const NAMED_FORM = Symbol('formHandler');
  const table = [
    ['HTMLAnchorElement', ['a'], {
      target: 'string', download: 'string', ping: 'string', rel: 'string', relList: ['tokens', 'rel'], hreflang: 'string',
      type: 'string', referrerPolicy, name: 'string', coords: 'string', charset: 'string', rev: 'string', shape: 'string',
    }, merge(hyperlink, {
      get text() { return descendantText(this); },
      set text(value) { replaceAll(createText(this[DOCUMENT], String(value)), this); },
    })],
    ['HTMLAreaElement', ['area'], {
      alt: 'string', coords: 'string', shape: 'string', target: 'string', download: 'string', ping: 'string', rel: 'string',
      relList: ['tokens', 'rel'], referrerPolicy, noHref: ['boolean', 'nohref'],
    }, hyperlink],
    ['HTMLAudioElement', ['audio'], {}, null, 'HTMLMediaElement'],
    ['HTMLBaseElement', ['base'], { target: 'string' }, {
      get href() {
        const document = this[DOCUMENT];
        const value = getAttributeValue(this, 'href');
        return resolve(document[URL], value) ?? value;
      },
      set href(value) { setAttributeValue(this, 'href', String(value)); },
    }],
    ['HTMLBodyElement', ['body'], {
      text: 'string', link: 'string', vLink: ['string', 'vlink'], aLink: ['string', 'alink'], bgColor: ['string', 'bgcolor'],
      background: 'string',
    }],
    ['HTMLBRElement', ['br'], { clear: 'string' }],
    ['HTMLButtonElement', ['button'], {
      disabled: 'boolean', formAction: ['url', 'formaction'], formEnctype: ['string', 'formenctype'], formMethod: ['string', 'formmethod'],
      formNoValidate: ['boolean', 'formnovalidate'], formTarget: ['string', 'formtarget'], name: 'string', value: 'string',
      type: ['enumerated', 'type', ['submit', 'reset', 'button'], 'submit'],
    }, formMembers],
    ['HTMLCanvasElement', ['canvas'], { width: ['unsigned', 'width', 300], height: ['unsigned', 'height', 150] }, {
      getContext() { return null; },
    }],
    ['HTMLDataElement', ['data'], { value: 'string' }],
    ['HTMLDataListElement', ['datalist'], {}, {
      get options() { return cached(this, OPTIONS, () => createHTMLCollection(this, (node) => isHTML(node, 'option'))); },
    }],
    ['HTMLDetailsElement', ['details'], { open: 'boolean', name: 'string' }],
    ['HTMLDialogElement', ['dialog'], { open: 'boolean' }, {
      get returnValue() { return this[RETURN_VALUE] ?? ''; },
      set returnValue(value) { ObjectDefineProperty(this, RETURN_VALUE, { value: String(value), writable: true, configurable: true }); },
      show() { if (attributeByNamespace(this, null, 'open') === null) setAttributeValue(this, 'open', ''); },
      showModal() {
        if (!isConnected(this)) throw makeError('InvalidStateError', 'The element is not in a Document.');
        if (attributeByNamespace(this, null, 'open') === null) setAttributeValue(this, 'open', '');
      },
      close(returnValue = undefined) {
        if (attributeByNamespace(this, null, 'open') === null) return;
        removeAttributeByName(this, 'open');
        if (returnValue !== undefined) this.returnValue = returnValue;
        fireEvent(this, runtime.events.Event, 'close', {});
      },
    }],
    ['HTMLDirectoryElement', ['dir'], { compact: 'boolean' }],
    ['HTMLDivElement', ['div'], { align: 'string' }],
    ['HTMLDListElement', ['dl'], { compact: 'boolean' }],
    ['HTMLEmbedElement', ['embed'], { src: 'url', type: 'string', width: 'string', height: 'string', align: 'string', name: 'string' }],
    ['HTMLFieldSetElement', ['fieldset'], { disabled: 'boolean', name: 'string' }, merge(formMembers, {
      get type() { return 'fieldset'; },
      get elements() { return cached(this, ELEMENTS, () => createHTMLCollection(this, isListed)); },
    })],
    ['HTMLFontElement', ['font'], { color: 'string', face: 'string', size: 'string' }],
    ['HTMLFormElement', ['form'], {
      acceptCharset: ['string', 'accept-charset'], autocomplete: ['enumerated', 'autocomplete', ['on', 'off'], 'on'],
      enctype: ['enumerated', 'enctype', ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'],
        'application/x-www-form-urlencoded'],
      encoding: ['enumerated', 'enctype', ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'],
        'application/x-www-form-urlencoded'],
      method: ['enumerated', 'method', ['get', 'post', 'dialog'], 'get'], name: 'string', noValidate: ['boolean', 'novalidate'],
      target: 'string', rel: 'string', relList: ['tokens', 'rel'],
    }, {
      get action() {
        const value = getAttributeOrNull(this, 'action');
        if (value === null || value === '') return this[DOCUMENT][URL];
        return parseURL(this, value) ?? value;
      },
      set action(value) { setAttributeValue(this, 'action', String(value)); },
      get elements() { return formElements(this); },
      get length() { return arrayOf(formElements(this)).length; },
      item(index) { return arrayOf(formElements(this))[index >>> 0] ?? null; },
      namedItem(name) { return formElements(this).namedItem(name); },
      // HTML §4.10.3: a form being reset by reset() is locked for reset.
      reset() {
        if (this[LOCKED_FOR_RESET] === true) return;
        ObjectDefineProperty(this, LOCKED_FOR_RESET, { value: true, writable: true, configurable: true });
        try {
          resetForm(this);
        } finally {
          this[LOCKED_FOR_RESET] = false;
        }
      },
      submit() { runtime.elements.submitForm?.(this, null, false); },
      requestSubmit(submitter = null) { runtime.elements.submitForm?.(this, submitter, true); },
    }, 'HTMLElement', (form) => new Proxy(form, formHandler)],
    ['HTMLFrameSetElement', ['frameset'], { cols: 'string', rows: 'string' }],
    ['HTMLHeadElement', ['head'], {}],
    ['HTMLHeadingElement', ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], { align: 'string' }],
    ['HTMLHRElement', ['hr'], { align: 'string', color: 'string', noShade: ['boolean', 'noshade'], size: 'string', width: 'string' }],
    ['HTMLHtmlElement', ['html'], { version: 'string' }],
    ['HTMLIFrameElement', ['iframe'], {
      src: 'url', srcdoc: 'string', name: 'string', sandbox: ['tokens', 'sandbox'], allow: 'string',
      allowFullscreen: ['boolean', 'allowfullscreen'], width: 'string', height: 'string', referrerPolicy,
      loading: ['enumerated', 'loading', ['lazy', 'eager'], 'eager'], align: 'string', scrolling: 'string', frameBorder: ['string', 'frameborder'],
    }],
    ['HTMLImageElement', ['img'], {
      alt: 'string', src: 'url', srcset: 'string', sizes: 'string', crossOrigin, useMap: ['string', 'usemap'], isMap: ['boolean', 'ismap'],
      width: ['unsigned', 'width', 0], height: ['unsigned', 'height', 0], referrerPolicy, decoding: ['enumerated', 'decoding', ['sync', 'async', 'auto'], 'auto'],
      loading: ['enumerated', 'loading', ['lazy', 'eager'], 'eager'], name: 'string', align: 'string', border: 'string',
      hspace: ['unsigned', 'hspace'], vspace: ['unsigned', 'vspace'], longDesc: ['url', 'longdesc'], lowsrc: ['url', 'lowsrc'],
    }, {
      get naturalWidth() { return 0; },
      get naturalHeight() { return 0; },
      get complete() { return true; },
      get currentSrc() { return this.src; },
    }],
    ['HTMLInputElement', ['input'], {
      accept: 'string', alt: 'string', autocomplete: 'string', defaultChecked: ['boolean', 'checked'], dirName: ['string', 'dirname'],
      disabled: 'boolean', formAction: ['url', 'formaction'], formEnctype: ['string', 'formenctype'], formMethod: ['string', 'formmethod'],
      formNoValidate: ['boolean', 'formnovalidate'], formTarget: ['string', 'formtarget'], max: 'string', maxLength: ['nonNegative', 'maxlength'],
      min: 'string', minLength: ['nonNegative', 'minlength'], multiple: 'boolean', name: 'string', pattern: 'string',
      placeholder: 'string', readOnly: ['boolean', 'readonly'], required: 'boolean', size: ['unsigned', 'size', 20, true], src: 'url',
      step: 'string', defaultValue: ['string', 'value'], align: 'string', useMap: ['string', 'usemap'],
    }, merge(formMembers, {
      get type() { return inputType(this); },
      set type(value) { setAttributeValue(this, 'type', String(value)); },
      get value() { return inputValue(this); },
      set value(value) {
        value = value === null ? '' : String(value);
        const type = inputType(this);
        const mode = valueMode(type);
        if (mode === 'value') {
          const old = inputValue(this);
          ObjectDefineProperty(this, VALUE_STATE, { value: sanitize(type, value, this), writable: true, configurable: true });
          this[DOCUMENT][VERSION]++;
          // A changed value moves the text entry cursor to the end (input/text-editing.js).
          runtime['text-editing']?.valueSet(this, old);
        } else if (mode === 'filename') {
          if (value !== '') throw makeError('InvalidStateError', 'A file input may only be programmatically set to the empty string.');
          ObjectDefineProperty(this, VALUE_STATE, { value: '', writable: true, configurable: true });
        } else setAttributeValue(this, 'value', value);
      },
      get checked() { return checkedness(this); },
      set checked(value) { setCheckedness(this, !!(value)); },
      get indeterminate() { return this[INDETERMINATE] === true; },
      set indeterminate(value) { ObjectDefineProperty(this, INDETERMINATE, { value: !!(value), writable: true, configurable: true }); },
      get valueAsNumber() {
        const type = inputType(this);
        if (type !== 'number' && type !== 'range') return NaN;
        const number = runtime.primordials.NumberParseFloat(this.value);
        return number;
      },
      set valueAsNumber(value) { this.value = NumberIsNaN(value) ? '' : String(value); },
    })],
    ['HTMLLabelElement', ['label'], { htmlFor: ['string', 'for'] }, {
      get form() { const control = labelControl(this); return control === null ? null : formOwner(control); },
      get control() { return labelControl(this); },
    }],
    ['HTMLLegendElement', ['legend'], { align: 'string' }, {
      get form() { return isHTML(this[PARENT], 'fieldset') ? formOwner(this[PARENT]) : null; },
    }],
    ['HTMLLIElement', ['li'], { value: 'long', type: 'string' }],
    ['HTMLLinkElement', ['link'], {
      href: 'url', crossOrigin, rel: 'string', relList: ['tokens', 'rel'], as: 'string', media: 'string', integrity: 'string',
      hreflang: 'string', type: 'string', sizes: ['tokens', 'sizes'], referrerPolicy, disabled: 'boolean', charset: 'string',
      rev: 'string', target: 'string', imageSrcset: ['string', 'imagesrcset'], imageSizes: ['string', 'imagesizes'],
    }],
    ['HTMLMapElement', ['map'], { name: 'string' }, {
      get areas() { return cached(this, ELEMENTS, () => createHTMLCollection(this, (node) => isHTML(node, 'area'))); },
    }],
    ['HTMLMarqueeElement', ['marquee'], { behavior: 'string', bgColor: ['string', 'bgcolor'], direction: 'string', loop: ['long', 'loop', -1] }],
    ['HTMLMenuElement', ['menu'], { compact: 'boolean' }],
    ['HTMLMetaElement', ['meta'], { name: 'string', httpEquiv: ['string', 'http-equiv'], content: 'string', media: 'string', scheme: 'string' }],
    ['HTMLMeterElement', ['meter'], {}, formMembers],
    ['HTMLModElement', ['ins', 'del'], { cite: 'url', dateTime: ['string', 'datetime'] }],
    ['HTMLObjectElement', ['object'], {
      data: 'url', type: 'string', name: 'string', useMap: ['string', 'usemap'], width: 'string', height: 'string',
    }, formMembers],
    ['HTMLOListElement', ['ol'], { reversed: 'boolean', start: ['long', 'start', 1], type: 'string', compact: 'boolean' }],
    ['HTMLOptGroupElement', ['optgroup'], { disabled: 'boolean', label: 'string' }],
    ['HTMLOptionElement', ['option'], { disabled: 'boolean', defaultSelected: ['boolean', 'selected'] }, {
      get form() { const select = selectOf(this); return select === null ? null : formOwner(select); },
      get label() { return getAttributeOrNull(this, 'label') ?? optionText(this); },
      set label(value) { setAttributeValue(this, 'label', String(value)); },
      get value() { return optionValue(this); },
      set value(value) { setAttributeValue(this, 'value', String(value)); },
      get text() { return optionText(this); },
      set text(value) { replaceAll(createText(this[DOCUMENT], String(value)), this); },
      get selected() { return isSelected(this); },
      set selected(value) { setSelectedness(this, value); },
      get index() {
        const select = selectOf(this);
        if (select === null) return 0;
        const index = ArrayPrototypeIndexOf(arrayOf(optionsOf(select)), this);
        return index < 0 ? 0 : index;
      },
    }],
    ['HTMLOutputElement', ['output'], { name: 'string', htmlFor: ['tokens', 'for'] }, merge(formMembers, {
      get type() { return 'output'; },
      get value() { return descendantText(this); },
      set value(value) { replaceAll(createText(this[DOCUMENT], String(value)), this); },
    })],
    ['HTMLParagraphElement', ['p'], { align: 'string' }],
    ['HTMLParamElement', ['param'], { name: 'string', value: 'string', type: 'string', valueType: ['string', 'valuetype'] }],
    ['HTMLPictureElement', ['picture'], {}],
    ['HTMLPreElement', ['pre', 'listing', 'xmp'], { width: 'long' }],
    ['HTMLProgressElement', ['progress'], {}, formMembers],
    ['HTMLQuoteElement', ['blockquote', 'q'], { cite: 'url' }],
    ['HTMLScriptElement', ['script'], {
      src: 'url', type: 'string', noModule: ['boolean', 'nomodule'], defer: 'boolean', crossOrigin, integrity: 'string',
      referrerPolicy, charset: 'string', event: 'string', htmlFor: ['string', 'for'], blocking: ['tokens', 'blocking'],
    }, {
      get async() { return this[FORCE_ASYNC] === true || attributeByNamespace(this, null, 'async') !== null; },
      set async(value) {
        ObjectDefineProperty(this, FORCE_ASYNC, { value: false, writable: true, configurable: true });
        FunctionPrototypeCall(asyncSetter, this, value);
      },
      get text() { return childTextContent(this); },
      set text(value) { replaceAll(createText(this[DOCUMENT], String(value)), this); },
    }],
    ['HTMLSelectElement', ['select'], {
      autocomplete: 'string', disabled: 'boolean', multiple: 'boolean', name: 'string', required: 'boolean', size: ['unsigned', 'size', 0],
    }, merge(formMembers, {
      get type() { return attributeByNamespace(this, null, 'multiple') === null ? 'select-one' : 'select-multiple'; },
      get options() { return optionsOf(this); },
      get length() { return arrayOf(optionsOf(this)).length; },
      set length(value) { optionsOf(this).length = value; },
      item(index) { return arrayOf(optionsOf(this))[index >>> 0] ?? null; },
      namedItem(name) { return optionsOf(this).namedItem(name); },
      add(element, before = null) { selectAdd(this, element, before); },
      remove(index = undefined) {
        if (index === undefined) { if (this[PARENT] !== null) removeNode(this); return; }
        const option = arrayOf(optionsOf(this))[index | 0];
        if (option !== undefined) removeNode(option);
      },
      get selectedOptions() {
        return cached(this, SELECTED_OPTIONS, () => createHTMLCollection(this, (node) => isOptionOf(this)(node) && isSelected(node), true));
      },
      get selectedIndex() { return selectedIndex(this); },
      set selectedIndex(value) { setSelectedIndex(this, value | 0); },
      get value() {
        for (const option of safeArray(arrayOf(optionsOf(this)))) if (isSelected(option)) return optionValue(option);
        return '';
      },
      set value(value) {
        value = String(value);
        const options = arrayOf(optionsOf(this));
        let found = false;
        for (const option of safeArray(options)) {
          const match = !found && optionValue(option) === value;
          if (match) found = true;
          ObjectDefineProperty(option, SELECTED_STATE, { value: match, writable: true, configurable: true });
        }
        this[DOCUMENT][VERSION]++;
      },
    })],
    ['HTMLSlotElement', ['slot'], { name: 'string' }],
    ['HTMLSourceElement', ['source'], { src: 'url', type: 'string', srcset: 'string', sizes: 'string', media: 'string', width: 'unsigned', height: 'unsigned' }],
    ['HTMLSpanElement', ['span'], {}],
    ['HTMLStyleElement', ['style'], { media: 'string', type: 'string', blocking: ['tokens', 'blocking'] }],
    ['HTMLTableCaptionElement', ['caption'], { align: 'string' }],
    ['HTMLTableCellElement', ['td', 'th'], {
      colSpan: ['unsigned', 'colspan', 1, true], rowSpan: ['unsigned', 'rowspan', 1], headers: 'string',
      scope: ['enumerated', 'scope', ['row', 'col', 'rowgroup', 'colgroup'], ''], abbr: 'string', align: 'string', axis: 'string',
      height: 'string', width: 'string', ch: ['string', 'char'], chOff: ['string', 'charoff'], noWrap: ['boolean', 'nowrap'],
      vAlign: ['string', 'valign'], bgColor: ['string', 'bgcolor'],
    }, {
      get cellIndex() { const row = this[PARENT]; return isHTML(row, 'tr') ? ArrayPrototypeIndexOf(arrayOf(cellsOf(row)), this) : -1; },
    }],
    ['HTMLTableColElement', ['col', 'colgroup'], { span: ['unsigned', 'span', 1, true], align: 'string', width: 'string' }],
    ['HTMLTableElement', ['table'], {
      align: 'string', border: 'string', frame: 'string', rules: 'string', summary: 'string', width: 'string', bgColor: ['string', 'bgcolor'],
      cellPadding: ['string', 'cellpadding'], cellSpacing: ['string', 'cellspacing'],
    }, {
      get caption() { return firstChildNamed(this, 'caption'); },
      set caption(value) {
        const old = firstChildNamed(this, 'caption');
        if (old !== null) removeNode(old);
        if (value !== null) preInsert(value, this, this[FIRST]);
      },
      createCaption() {
        return firstChildNamed(this, 'caption') ?? preInsert(createElement(this[DOCUMENT], HTML_NS, null, 'caption'), this, this[FIRST]);
      },
      deleteCaption() { const old = firstChildNamed(this, 'caption'); if (old !== null) removeNode(old); },
      get tHead() { return firstChildNamed(this, 'thead'); },
      set tHead(value) {
        const old = firstChildNamed(this, 'thead');
        if (old !== null) removeNode(old);
        if (value !== null) preInsert(value, this, afterCaption(this));
      },
      createTHead() { return firstChildNamed(this, 'thead') ?? preInsert(createElement(this[DOCUMENT], HTML_NS, null, 'thead'), this, afterCaption(this)); },
      deleteTHead() { const old = firstChildNamed(this, 'thead'); if (old !== null) removeNode(old); },
      get tFoot() { return firstChildNamed(this, 'tfoot'); },
      set tFoot(value) { const old = firstChildNamed(this, 'tfoot'); if (old !== null) removeNode(old); if (value !== null) preInsert(value, this, null); },
      createTFoot() { return firstChildNamed(this, 'tfoot') ?? preInsert(createElement(this[DOCUMENT], HTML_NS, null, 'tfoot'), this, null); },
      deleteTFoot() { const old = firstChildNamed(this, 'tfoot'); if (old !== null) removeNode(old); },
      get tBodies() { return cached(this, BODIES, () => createHTMLCollection(this, (node) => isHTML(node, 'tbody'), false)); },
      createTBody() {
        let last = null;
        for (let node = this[FIRST]; node !== null; node = node[NEXT]) if (isHTML(node, 'tbody')) last = node;
        return preInsert(createElement(this[DOCUMENT], HTML_NS, null, 'tbody'), this, last === null ? null : last[NEXT]);
      },
      get rows() { return rowsOf(this); },
      insertRow(index = -1) {
        const rows = rowsOf(this);
        const list = arrayOf(rows);
        if (list.length === 0 && (index === -1 || index === 0)) {
          let body = null;
          for (let node = this[FIRST]; node !== null; node = node[NEXT]) if (isHTML(node, 'tbody')) body = node;
          if (body === null) body = this.createTBody();
          return preInsert(createElement(this[DOCUMENT], HTML_NS, null, 'tr'), body, null);
        }
        return insertRowInto(null, rows, index, this[DOCUMENT]);
      },
      deleteRow(index) { deleteFrom(rowsOf(this), index); },
    }],
    ['HTMLTableRowElement', ['tr'], {
      align: 'string', ch: ['string', 'char'], chOff: ['string', 'charoff'], vAlign: ['string', 'valign'], bgColor: ['string', 'bgcolor'],
    }, {
      get cells() { return cellsOf(this); },
      get rowIndex() {
        let table = this[PARENT];
        if (isSection(table)) table = table[PARENT];
        return isHTML(table, 'table') ? ArrayPrototypeIndexOf(arrayOf(rowsOf(table)), this) : -1;
      },
      get sectionRowIndex() {
        const parent = this[PARENT];
        if (parent === null) return -1;
        return ArrayPrototypeIndexOf(arrayOf(isHTML(parent, 'table') ? rowsOf(parent) : sectionRows(parent)), this);
      },
      insertCell(index = -1) {
        const cells = arrayOf(cellsOf(this));
        index = index | 0;
        if (index < -1 || index > cells.length) throw makeError('IndexSizeError', `The index provided (${index}) is outside the range [-1, ${cells.length}].`);
        const cell = createElement(this[DOCUMENT], HTML_NS, null, 'td');
        return preInsert(cell, this, index === -1 || index === cells.length ? null : cells[index]);
      },
      deleteCell(index) { deleteFrom(cellsOf(this), index); },
    }],
    ['HTMLTableSectionElement', ['thead', 'tbody', 'tfoot'], {
      align: 'string', ch: ['string', 'char'], chOff: ['string', 'charoff'], vAlign: ['string', 'valign'],
    }, {
      get rows() { return sectionRows(this); },
      insertRow(index = -1) { return insertRowInto(this, sectionRows(this), index, this[DOCUMENT]); },
      deleteRow(index) { deleteFrom(sectionRows(this), index); },
    }],
    ['HTMLTemplateElement', ['template'], { shadowRootMode: ['enumerated', 'shadowrootmode', ['open', 'closed'], ''] }, {
      get content() { return this[CONTENT]; },
    }],
    ['HTMLTextAreaElement', ['textarea'], {
      autocomplete: 'string', cols: ['unsigned', 'cols', 20, true], dirName: ['string', 'dirname'], disabled: 'boolean',
      maxLength: ['nonNegative', 'maxlength'], minLength: ['nonNegative', 'minlength'], name: 'string', placeholder: 'string',
      readOnly: ['boolean', 'readonly'], required: 'boolean', rows: ['unsigned', 'rows', 2, true], wrap: 'string',
    }, merge(formMembers, {
      get type() { return 'textarea'; },
      get defaultValue() { return childTextContent(this); },
      set defaultValue(value) { replaceAll(createText(this[DOCUMENT], String(value)), this); },
      get value() { return normalizeNewlines(this[VALUE_STATE] ?? childTextContent(this)); },
      set value(value) {
        const old = normalizeNewlines(this[VALUE_STATE] ?? childTextContent(this));
        ObjectDefineProperty(this, VALUE_STATE, { value: normalizeNewlines(value === null ? '' : String(value)), writable: true, configurable: true });
        this[DOCUMENT][VERSION]++;
        runtime['text-editing']?.valueSet(this, old);
      },
      get textLength() { return this.value.length; },
    })],
    ['HTMLTimeElement', ['time'], { dateTime: ['string', 'datetime'] }],
    ['HTMLTitleElement', ['title'], {}, {
      get text() { return childTextContent(this); },
      set text(value) { replaceAll(createText(this[DOCUMENT], String(value)), this); },
    }],
    ['HTMLTrackElement', ['track'], { kind: 'string', src: 'url', srclang: 'string', label: 'string', default: 'boolean' }],
    ['HTMLUListElement', ['ul'], { compact: 'boolean', type: 'string' }],
    ['HTMLVideoElement', ['video'], { width: ['unsigned', 'width', 0], height: ['unsigned', 'height', 0], poster: 'url', playsInline: ['boolean', 'playsinline'] }, {
      get videoWidth() { return 0; }, get videoHeight() { return 0; },
    }, 'HTMLMediaElement'],
    ['HTMLFrameElement', ['frame'], { name: 'string', scrolling: 'string', src: 'url', frameBorder: ['string', 'frameborder'], noResize: ['boolean', 'noresize'] }],
    ['HTMLUnknownElement', ['?'], {}],
  ];
  const asyncSetter = kinds.boolean('async').set;
  const isDescendant = (node, ancestor) => {
    for (node = node[PARENT]; node !== null; node = node[PARENT]) if (node === ancestor) return true;
    return false;
  };
  const RETURN_VALUE = Symbol('returnValue');
  const ELEMENTS = Symbol('elements');
  const BODIES = Symbol('tBodies');
  const SELECTED_OPTIONS = Symbol('selectedOptions');
  const INDETERMINATE = Symbol('indeterminate');
  /** HTML: a parser-inserted script is not force-async; a script made by createElement is until `async` is set. */
  const FORCE_ASYNC = Symbol('forceAsync');
  const normalizeNewlines = (text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (c === 13) { out += '\n'; if (StringPrototypeCharCodeAt(text, i + 1) === 10) i++; } else out += text[i];
    }
    return out;
  };
  const afterCaption = (table) => {
    for (let node = table[FIRST]; node !== null; node = node[NEXT]) if (node[TYPE] === 1 && !isHTML(node, 'caption') && !isHTML(node, 'colgroup')) return node;
    return null;
  };
  const formElements = (form) => cached(form, ELEMENTS, () => {
    const root = rootOf(form);
    return createHTMLCollection(root, (node) => isListed(node) && !(node[LOCAL] === 'input' && inputType(node) === 'image') && formOwner(node) === form,
      true, HTMLFormControlsCollection);
  });
  class HTMLFormControlsCollection extends collections.HTMLCollection {}
  const LOCKED_FOR_RESET = Symbol('lockedForReset');
  /**
   * HTML §4.10.21.6 reset a form: a trusted, cancelable `reset` event (bubbles), then, unless it
   * was canceled, each resettable control's reset algorithm (dirty values, checkedness and
   * selectedness back to their content attributes).
   */
  const resetForm = (form) => {
    if (!fireEvent(form, runtime.events.Event, 'reset', { bubbles: true, cancelable: true })) return;
    for (const element of safeArray(arrayOf(formElements(form)))) {
      if (element[LOCAL] === 'input') {
        ReflectDeleteProperty(element, VALUE_STATE);
        ReflectDeleteProperty(element, CHECKED_STATE);
        if (inputType(element) === 'file') runtime['file-selection']?.reset(element);
      } else if (element[LOCAL] === 'textarea') ReflectDeleteProperty(element, VALUE_STATE);
      else if (element[LOCAL] === 'select') for (const option of safeArray(arrayOf(optionsOf(element)))) ReflectDeleteProperty(option, SELECTED_STATE);
    }
    form[DOCUMENT][VERSION]++;
  };
  // A form's named properties: its controls by id and name, before its own members ([LegacyOverrideBuiltIns]).
  const formHandler = {
    __proto__: null,
    get(target, key, receiver) {
      if (typeof key === 'symbol') return target[key];
      const index = indexOfKey(key);
      if (index >= 0) return arrayOf(formElements(receiver))[index];
      const named = formElements(receiver).namedItem(key);
      return named !== null ? named : ReflectGet(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') {
        const index = indexOfKey(key);
        if (index >= 0) return index < arrayOf(formElements(target[SELF])).length;
        if (formElements(target[SELF]).namedItem(key) !== null) return true;
      }
      return ReflectHas(target, key);
    },
  };
  const SELF = Symbol('self');
  const indexOfKey = (key) => {
    if (key.length === 0 || key.length > 9) return -1;
    let value = 0;
    for (let i = 0; i < key.length; i++) {
      const c = StringPrototypeCharCodeAt(key, i) - 48;
      if (c < 0 || c > 9 || (c === 0 && i === 0 && key.length > 1)) return -1;
      value = value * 10 + c;
    }
    return value;
  };

  class HTMLMediaElement extends HTMLElement {}
  reflectOn(HTMLMediaElement, {
    src: 'url', crossOrigin, preload: ['enumerated', 'preload', ['none', 'metadata', 'auto'], 'auto'], autoplay: 'boolean', loop: 'boolean',
    controls: 'boolean', defaultMuted: ['boolean', 'muted'],
  });
  const MEDIA = Symbol('mediaState');
  const media = (element) => cached(element, MEDIA, () => ({ paused: true, currentTime: 0, volume: 1, muted: null, playbackRate: 1 }));
  define(HTMLMediaElement, {
    get paused() { return media(this).paused; },
    get currentTime() { return media(this).currentTime; },
    set currentTime(value) { media(this).currentTime = +value; },
    get duration() { return NaN; },
    get ended() { return false; },
    get readyState() { return 0; },
    get networkState() { return 0; },
    get volume() { return media(this).volume; },
    set volume(value) { media(this).volume = +value; },
    get muted() { return media(this).muted ?? attributeByNamespace(this, null, 'muted') !== null; },
    set muted(value) { media(this).muted = !!(value); },
    get playbackRate() { return media(this).playbackRate; },
    set playbackRate(value) { media(this).playbackRate = +value; },
    get currentSrc() { return this.src; },
    play() {
      media(this).paused = false;
      fireEvent(this, runtime.events.Event, 'play', {});
      return runtime.primordials.PromiseResolve();
    },
    pause() {
      if (media(this).paused) return;
      media(this).paused = true;
      fireEvent(this, runtime.events.Event, 'pause', {});
    },
    canPlayType() { return ''; },
  });

  const interfaces = { HTMLElement, HTMLMediaElement, SVGElement, MathMLElement, DOMStringMap, HTMLOptionsCollection, HTMLFormControlsCollection };
  registerElementInterface(HTMLElement, ['*', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'cite', 'code', 'dd', 'dfn', 'dt', 'em',
    'figcaption', 'figure', 'footer', 'header', 'hgroup', 'i', 'kbd', 'main', 'mark', 'nav', 'noscript', 'rp', 'rt', 'ruby', 's', 'samp',
    'search', 'section', 'small', 'strong', 'sub', 'summary', 'sup', 'u', 'var', 'wbr', 'acronym', 'basefont', 'big', 'center', 'nobr',
    'noembed', 'noframes', 'plaintext', 'rb', 'rtc', 'strike', 'tt']);
  registerElementInterface(SVGElement, ['svg']);
  registerElementInterface(MathMLElement, ['mathml']);
  for (const [name, localNames, reflected, members = null, parentName = 'HTMLElement', wrap = null] of safeArray(table)) {
    const Parent = parentName === 'HTMLMediaElement' ? HTMLMediaElement : HTMLElement;
    const Interface = { [name]: class extends Parent {} }[name];
    reflectOn(Interface, reflected);
    if (members !== null) define(Interface, members);
    registerElementInterface(Interface, localNames, wrap === null ? null : (element) => {
      const proxy = wrap(element);
      element[SELF] = proxy;
      return proxy;
    });
    interfaces[name] = Interface;
  }
  for (const name in interfaces) {
    ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  }

  // HTML: a script element page code creates is force-async until its `async` is set.
  nodes.hooks.created = (element) => {
    if (isHTML(element, 'script')) ObjectDefineProperty(element, FORCE_ASYNC, { value: true, writable: true, configurable: true });
  };

  // HTML cloning steps: form control state travels with cloneNode.
  nodes.hooks.cloned = (copy, node) => {
    for (const slot of safeArray([VALUE_STATE, CHECKED_STATE, SELECTED_STATE, INDETERMINATE])) {
      if (node[slot] !== undefined) ObjectDefineProperty(copy, slot, { value: node[slot], writable: true, configurable: true });
    }
  };

  // ---- Document's HTML members (§3.1.3) --------------------------------------------------------
  const htmlChild = (document, name) => {
    const root = documentElement(document);
    if (!isHTML(root, 'html')) return null;
    for (let node = root[FIRST]; node !== null; node = node[NEXT]) if (isHTML(node, name) || (name === 'body' && isHTML(node, 'frameset'))) return node;
    return null;
  };
  const titleElement = (document) => {
    for (let node = document[FIRST]; node !== null; node = following(node, document)) {
      if (node[TYPE] === 1 && node[LOCAL] === 'title' && (node[NAMESPACE] === HTML_NS || node[NAMESPACE] === SVG_NS)) return node;
    }
    return null;
  };
  const documentCollection = (slot, select) => function () { return cached(this, slot, () => createHTMLCollection(this, select)); };
  define(Document, {
    get head() { return htmlChild(this, 'head'); },
    get body() { return htmlChild(this, 'body'); },
    set body(value) {
      if (!isHTML(value, 'body') && !isHTML(value, 'frameset')) throw makeError('HierarchyRequestError', "The new body must be a 'BODY' or 'FRAMESET' element.");
      const old = htmlChild(this, 'body');
      if (old === value) return;
      if (old !== null) { nodes.replaceChild(old, value, old[PARENT]); return; }
      const root = documentElement(this);
      if (root === null) throw makeError('HierarchyRequestError', 'No document element exists.');
      preInsert(value, root, null);
    },
    get title() {
      const element = titleElement(this);
      return element === null ? '' : stripAndCollapse(childTextContent(element));
    },
    set title(value) {
      let element = titleElement(this);
      if (element === null) {
        const head = htmlChild(this, 'head');
        if (head === null) return;
        element = preInsert(createElement(this, HTML_NS, null, 'title'), head, null);
      }
      replaceAll(createText(this, String(value)), element);
    },
    get forms() { return FunctionPrototypeCall(formsGetter, this); },
    get images() { return FunctionPrototypeCall(imagesGetter, this); },
    get embeds() { return FunctionPrototypeCall(embedsGetter, this); },
    get plugins() { return FunctionPrototypeCall(embedsGetter, this); },
    get links() { return FunctionPrototypeCall(linksGetter, this); },
    get scripts() { return FunctionPrototypeCall(scriptsGetter, this); },
    get anchors() { return FunctionPrototypeCall(anchorsGetter, this); },
    get defaultView() { return this[DEFAULT_VIEW] ?? null; },
    get activeElement() {
      const focused = this[FOCUSED] ?? null;
      if (focused !== null && focused[DOCUMENT] === this && isConnected(focused)) return focused;
      return htmlChild(this, 'body') ?? documentElement(this);
    },
    get dir() { const root = documentElement(this); return isHTML(root, 'html') ? root.dir : ''; },
    set dir(value) { const root = documentElement(this); if (isHTML(root, 'html')) root.dir = value; },
    get referrer() { return this[REFERRER] ?? ''; },
    get lastModified() { return this[LAST_MODIFIED] ?? ''; },
    get visibilityState() { return 'visible'; },
    get hidden() { return false; },
    get designMode() { return 'off'; },
    get scrollingElement() { return this[MODE] === 'quirks' ? htmlChild(this, 'body') : documentElement(this); },
  });
  const REFERRER = Symbol('referrer');
  const LAST_MODIFIED = Symbol('lastModified');
  const formsGetter = documentCollection(Symbol('forms'), (node) => isHTML(node, 'form'));
  const imagesGetter = documentCollection(Symbol('images'), (node) => isHTML(node, 'img'));
  const embedsGetter = documentCollection(Symbol('embeds'), (node) => isHTML(node, 'embed'));
  const linksGetter = documentCollection(Symbol('links'), (node) => (isHTML(node, 'a') || isHTML(node, 'area')) && getAttributeOrNull(node, 'href') !== null);
  const scriptsGetter = documentCollection(Symbol('scripts'), (node) => isHTML(node, 'script'));
  const anchorsGetter = documentCollection(Symbol('anchors'), (node) => isHTML(node, 'a') && getAttributeOrNull(node, 'name') !== null);

  // Form state the selector engine reads (selectors.js takes these at install: :checked,
  // :indeterminate, :placeholder-shown, :valid/:invalid follow script, not only attributes).
  /** The value of an input or textarea as its `value` getter returns it (the dirty value once set). */
  const controlValue = (element) => (element[LOCAL] === 'textarea' ? normalizeNewlines(element[VALUE_STATE] ?? childTextContent(element)) : inputValue(element));
  /** A checkbox's indeterminate IDL attribute (§4.10.5.4). */
  const isIndeterminate = (input) => input[INDETERMINATE] === true;

  return {
    ...interfaces, interfaces: ObjectFreeze(interfaces), documentBaseURL, parseFragment, formOwner, isDisabledControl, inputType,
    labelControl, innerText, stripAndCollapse, parseInteger, urlParts, FOCUSED, FORCE_ASYNC, REFERRER, LAST_MODIFIED, VALUE_STATE,
    CHECKED_STATE, SELECTED_STATE, isSelected, setSelectedness, setCheckedness, checkedness, controlValue, isIndeterminate, maybeCloneOptionIntoSelectedContent,
    resetForm,
    /** HTML's focusing steps for `element` (null: unfocus) in `document`: blur/focusout, then focus/focusin. */
    focus, isFocusable, isInert, isEditingHost, tabIndexOf, isConnected, sanitize,
    /** `(previous)`: called before the focused element's `blur` fires (text controls commit their value: `change`). */
    unfocusing: null,
    /** `(element, event)`: the page's activation behavior after a click that was not canceled (links, submit buttons); set by the lead. */
    activationBehavior: null,
    /** `(form, submitter, fromRequestSubmit)`: submit() and requestSubmit() (checks, validation, navigation); set by forms/form-submission.js. */
    submitForm: null,
  };
}
