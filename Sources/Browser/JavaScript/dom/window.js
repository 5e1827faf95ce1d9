// The window (HTML §7.2): installs the DOM's interfaces, `window`, `self`, `document` on a page
// realm's global object for one document, with the named properties of Window (§7.2.2.3, the
// WindowProperties object in the global's prototype chain) and of Document (§3.1.4).
// Also DOMImplementation, DOMParser (text/html through `host.parseDocument`) and XMLSerializer
// (HTML serialization for every document, for now).
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeIndexOf, Map, MapPrototypeGet, MapPrototypeHas, MapPrototypeSet, ObjectCreate, ObjectDefineProperty, ObjectFreeze,
    ObjectGetPrototypeOf, ObjectSetPrototypeOf, ReflectGet, ReflectHas, String, Symbol, TypeError,
  } = runtime.primordials;
  const { TYPE, DOCUMENT, FIRST, NEXT, NAMESPACE, LOCAL, ATTRIBUTES, VALUE, VERSION, URL, HTML_NS } = runtime.internals;
  const { makeError, DOMException } = runtime['dom-exception'];
  const events = runtime.events;
  const nodes = runtime.nodes;
  const { Document, Node } = nodes.interfaces;
  const { createParseSession, applyBatch } = runtime['tree-operations'];
  const { serializeNode, serializeChildren } = runtime.serialization;
  const { Proxy } = globalThis;

  // ---- DOMImplementation (DOM §4.5.1) ---------------------------------------------------------
  const OWNER = Symbol('document');
  let constructing = false;
  class DOMImplementation {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    createDocumentType(qualifiedName, publicId, systemId) {
      qualifiedName = String(qualifiedName);
      nodes.validateAndExtract(null, qualifiedName);
      return nodes.createDocumentType(this[OWNER], qualifiedName, String(publicId), String(systemId));
    }
    createDocument(namespace, qualifiedName, doctype = null) {
      namespace = namespace === '' || namespace == null ? null : String(namespace);
      const contentType = namespace === HTML_NS ? 'application/xhtml+xml' : namespace === runtime.internals.SVG_NS ? 'image/svg+xml' : 'application/xml';
      const document = nodes.createDocument({ type: 'xml', contentType, url: this[OWNER][URL] });
      let element = null;
      if (qualifiedName !== null && qualifiedName !== undefined && String(qualifiedName) !== '') element = document.createElementNS(namespace, qualifiedName);
      if (doctype !== null) nodes.appendChild(document, doctype);
      if (element !== null) nodes.appendChild(document, element);
      return document;
    }
    createHTMLDocument(title = undefined) {
      const document = nodes.createDocument({ type: 'html', url: this[OWNER][URL] });
      nodes.link(nodes.createDocumentType(document, 'html', '', ''), document, null);
      const html = nodes.createElement(document, HTML_NS, null, 'html');
      nodes.link(html, document, null);
      const head = nodes.createElement(document, HTML_NS, null, 'head');
      nodes.link(head, html, null);
      if (title !== undefined) {
        const element = nodes.createElement(document, HTML_NS, null, 'title');
        nodes.link(element, head, null);
        nodes.link(nodes.createText(document, String(title)), element, null);
      }
      nodes.link(nodes.createElement(document, HTML_NS, null, 'body'), html, null);
      return document;
    }
    hasFeature() { return true; }
  }
  const IMPLEMENTATION = Symbol('implementation');
  nodes.mixin({
    get implementation() {
      let implementation = this[IMPLEMENTATION];
      if (implementation === undefined) {
        constructing = true;
        implementation = new DOMImplementation();
        constructing = false;
        implementation[OWNER] = this;
        ObjectDefineProperty(this, IMPLEMENTATION, { value: implementation });
      }
      return implementation;
    },
  }, Document);

  // ---- DOMParser, XMLSerializer ------------------------------------------------------------
  /** Parses `markup` as an HTML document (HTML §8.5.1 DOMParser with text/html), scripting disabled. */
  const parseHTMLDocument = (markup, url) => {
    if (typeof host.parseDocument !== 'function') throw makeError('NotSupportedError', 'This realm cannot parse HTML documents.');
    const document = nodes.createDocument({ type: 'html', url });
    const batch = host.parseDocument(String(markup));
    applyBatch(createParseSession(document), batch[0], batch[1]);
    return document;
  };
  class DOMParser {
    parseFromString(string, type) {
      type = String(type);
      if (type === 'text/html') return parseHTMLDocument(string, nodes.currentDocument()[URL]);
      if (type === 'text/xml' || type === 'application/xml' || type === 'application/xhtml+xml' || type === 'image/svg+xml') {
        throw makeError('NotSupportedError', `Caper's DOMParser does not parse '${type}' yet.`);
      }
      throw new TypeError(`The provided value '${type}' is not a valid enum value of type DOMParserSupportedType.`);
    }
  }
  class XMLSerializer {
    serializeToString(root) {
      nodes.checkNode(root);
      return root[TYPE] === 9 || root[TYPE] === 11 ? serializeChildren(root) : serializeNode(root);
    }
  }

  // ---- Named properties -----------------------------------------------------------------
  const namedByName = ['embed', 'form', 'iframe', 'img', 'object'];
  /** The document's named elements (name -> first element in tree order), rebuilt when VERSION moved. */
  const NAMES = Symbol('names');
  const namedElements = (document, forWindow) => {
    const slot = forWindow ? NAMES : DOCUMENT_NAMES;
    const cache = document[slot];
    if (cache !== undefined && cache.version === document[VERSION]) return cache.names;
    const names = new Map();
    for (let node = document[FIRST]; node !== null; node = nodes.following(node, document)) {
      if (node[TYPE] !== 1) continue;
      const html = node[NAMESPACE] === HTML_NS;
      for (const attribute of safeArray(node[ATTRIBUTES])) {
        if (attribute[NAMESPACE] !== null) continue;
        const local = attribute[LOCAL];
        const value = attribute[VALUE];
        if (value === '' || MapPrototypeHas(names, value)) continue;
        if (local === 'name' && html && ArrayPrototypeIndexOf(namedByName, node[LOCAL]) >= 0) MapPrototypeSet(names, value, node);
        else if (local === 'id' && (forWindow || (html && (node[LOCAL] === 'object' || (node[LOCAL] === 'img' && hasName(node)))))) {
          MapPrototypeSet(names, value, node);
        }
      }
    }
    ObjectDefineProperty(document, slot, { value: { version: document[VERSION], names }, writable: true, configurable: true });
    return names;
  };
  const DOCUMENT_NAMES = Symbol('documentNames');
  const hasName = (node) => nodes.getAttributeOrNull(node, 'name') !== null;
  // Document's named properties sit in the prototype chain of every Document, after Document.prototype.
  const documentNamedHandler = {
    __proto__: null,
    get(target, key, receiver) {
      // Members of Node, EventTarget and Object come first (one lookup), then the names (a cached map).
      if (typeof key === 'string' && !ReflectHas(target, key) && receiver !== null && typeof receiver === 'object' && receiver[TYPE] === 9) {
        const element = MapPrototypeGet(namedElements(receiver, false), key);
        if (element !== undefined) return element;
      }
      return ReflectGet(target, key, receiver);
    },
  };
  ObjectSetPrototypeOf(Document.prototype, new Proxy(ObjectCreate(Node.prototype), documentNamedHandler));

  /** HTML's legacy factory functions `new Image(width, height)`, `new Option(...)`, `new Audio(src)` for `document`. */
  const legacyFactories = (document) => {
    const { HTMLImageElement, HTMLOptionElement, HTMLAudioElement } = runtime.elements.interfaces;
    const element = (localName) => nodes.createElement(document, HTML_NS, null, localName);
    function Image(width = undefined, height = undefined) {
      if (new.target === undefined) throw new TypeError("Failed to construct 'Image': Please use the 'new' operator.");
      const image = element('img');
      if (width !== undefined) nodes.setAttributeValue(image, 'width', String(width >>> 0));
      if (height !== undefined) nodes.setAttributeValue(image, 'height', String(height >>> 0));
      return image;
    }
    function Option(text = '', value = undefined, defaultSelected = false, selected = false) {
      if (new.target === undefined) throw new TypeError("Failed to construct 'Option': Please use the 'new' operator.");
      const option = element('option');
      text = String(text);
      if (text !== '') nodes.link(nodes.createText(document, text), option, null);
      if (value !== undefined) nodes.setAttributeValue(option, 'value', String(value));
      if (defaultSelected) nodes.setAttributeValue(option, 'selected', '');
      if (selected) runtime.elements.setSelectedness(option, true);
      return option;
    }
    function Audio(src = undefined) {
      if (new.target === undefined) throw new TypeError("Failed to construct 'Audio': Please use the 'new' operator.");
      const audio = element('audio');
      nodes.setAttributeValue(audio, 'preload', 'auto');
      if (src !== undefined) nodes.setAttributeValue(audio, 'src', String(src));
      return audio;
    }
    Image.prototype = HTMLImageElement.prototype;
    Option.prototype = HTMLOptionElement.prototype;
    Audio.prototype = HTMLAudioElement.prototype;
    return { Image, Option, Audio };
  };

  /** The Window interface: the global object of a page realm. */
  class Window extends events.EventTarget {
    constructor() { throw new TypeError('Illegal constructor'); }
  }
  ObjectDefineProperty(Window.prototype, Symbol.toStringTag, { value: 'Window', configurable: true });
  events.defineEventHandlers(Window.prototype, events.globalEventNames);
  events.defineEventHandlers(Window.prototype, events.windowEventNames);

  /**
   * Makes `global` the window of `document`: installs the interfaces and `window`, `self`,
   * `document`, `frames`, `parent`, `top` on it, links the document to it (events bubble from
   * the document to the window) and makes it the realm's current document (`new Text()`).
   */
  const createWindow = (global, document) => {
    const interfaces = {
      ...events.interfaces, ...nodes.interfaces, ...runtime.collections.interfaces, ...runtime.elements.interfaces,
      CSSStyleDeclaration: runtime['css-style-declaration'].CSSStyleDeclaration, NodeIterator: runtime.traversal.NodeIterator,
      TreeWalker: runtime.traversal.TreeWalker, NodeFilter: runtime.traversal.NodeFilter, DOMException, DOMImplementation, DOMParser,
      XMLSerializer, Window, HTMLDocument: Document,
    };
    for (const name in interfaces) {
      ObjectDefineProperty(global, name, { value: interfaces[name], writable: true, configurable: true, enumerable: false });
    }
    const { Image, Option, Audio } = legacyFactories(document);
    for (const [name, value] of safeArray([['Image', Image], ['Option', Option], ['Audio', Audio]])) {
      ObjectDefineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
    }
    // global -> Window.prototype -> WindowProperties (named elements) -> EventTarget.prototype.
    const windowProperties = new Proxy(ObjectCreate(events.EventTarget.prototype), {
      __proto__: null,
      get(target, key, receiver) {
        if (typeof key === 'string' && !ReflectHas(target, key)) {
          const element = MapPrototypeGet(namedElements(document, true), key);
          if (element !== undefined) return element;
        }
        return ReflectGet(target, key, receiver);
      },
      has(target, key) {
        return ReflectHas(target, key) || (typeof key === 'string' && MapPrototypeHas(namedElements(document, true), key));
      },
    });
    ObjectSetPrototypeOf(Window.prototype, windowProperties);
    ObjectSetPrototypeOf(global, Window.prototype);
    const self = { get() { return global; }, configurable: true, enumerable: true };
    ObjectDefineProperty(global, 'window', { get() { return global; }, configurable: false, enumerable: true });
    for (const name of safeArray(['self', 'frames', 'parent', 'top'])) ObjectDefineProperty(global, name, self);
    ObjectDefineProperty(global, 'document', { get() { return document; }, configurable: false, enumerable: true });
    ObjectDefineProperty(document, events.DEFAULT_VIEW, { value: global, writable: true, configurable: true });
    nodes.setCurrentDocument(document);
    return global;
  };

  return ObjectFreeze({ DOMImplementation, DOMParser, XMLSerializer, Window, createWindow, parseHTMLDocument });
}
