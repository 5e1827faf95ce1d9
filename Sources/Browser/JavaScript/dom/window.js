// The window (HTML §7.2): installs the DOM's interfaces, `window`, `self`, `document` on a page
// realm's global object for one document, with the named properties of Window (§7.2.2.3, the
// WindowProperties object in the global's prototype chain) and of Document (§3.1.4).
// Also DOMImplementation, DOMParser (text/html through `host.parseDocument`, the XML types through
// `host.parseXML`, libxml2 in Swift) and XMLSerializer (the XML serialization algorithm of DOM
// Parsing §3.2 for nodes of XML documents; nodes of HTML documents serialize as HTML).
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeIndexOf, Map, MapPrototypeGet, MapPrototypeHas, MapPrototypeSet, ObjectCreate, ObjectDefineProperty, ObjectFreeze,
    ObjectGetPrototypeOf, ObjectKeys, ObjectSetPrototypeOf, ReflectGet, ReflectHas, String, Symbol, TypeError,
  } = runtime.primordials;
  const { TYPE, DOCUMENT, FIRST, NEXT, NAMESPACE, LOCAL, ATTRIBUTES, VALUE, VERSION, URL, HTML_NS } = runtime.internals;
  const { PREFIX, CONTENT, DATA, NAME, PUBLIC_ID, SYSTEM_ID, XML_NS, XMLNS_NS } = runtime.internals;
  const { ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSlice, StringPrototypeCharCodeAt, StringPrototypeEndsWith, StringPrototypeSlice } =
    runtime.primordials;
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
  /** MIME Sniffing: an XML MIME type (text/xml, application/xml, or a subtype ending in "+xml"); `essence` lowercased. */
  const isXMLMIMEType = (essence) => essence === 'text/xml' || essence === 'application/xml' || StringPrototypeEndsWith(essence, '+xml');
  /** Parses `markup` as an XML document of `contentType` (DOM Parsing: DOMParser with an XML type); errors give Chromium's parsererror. */
  const parseXMLDocument = (markup, contentType, url) => {
    if (typeof host.parseXML !== 'function') throw makeError('NotSupportedError', 'This realm cannot parse XML documents.');
    const document = nodes.createDocument({ type: 'xml', contentType, url });
    const batch = host.parseXML(String(markup), contentType);
    applyBatch(createParseSession(document), batch[0], batch[1]);
    return document;
  };
  class DOMParser {
    parseFromString(string, type) {
      type = String(type);
      if (type === 'text/html') return parseHTMLDocument(string, nodes.currentDocument()[URL]);
      if (type === 'text/xml' || type === 'application/xml' || type === 'application/xhtml+xml' || type === 'image/svg+xml') {
        return parseXMLDocument(string, type, nodes.currentDocument()[URL]);
      }
      throw new TypeError(`The provided value '${type}' is not a valid enum value of type DOMParserSupportedType.`);
    }
  }

  // ---- The XML serialization algorithm (DOM Parsing §3.2) -------------------------------------
  const xmlVoidElements = new runtime.primordials.Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img',
    'input', 'keygen', 'link', 'menuitem', 'meta', 'param', 'source', 'track', 'wbr']);
  /** Escapes `&`, `<`, `>` (and `"` in attribute values): §3.2.1.3 text and "serializing an attribute value". */
  const escapeXML = (text, attributeMode) => runtime.serialization.escape(text, attributeMode, false);
  // A namespace prefix map: namespace (null as '') -> list of prefixes, copied before an element changes it.
  const copyPrefixMap = (map) => {
    const copy = new Map();
    runtime.primordials.MapPrototypeForEach(map, (prefixes, namespace) => MapPrototypeSet(copy, namespace, ArrayPrototypeSlice(prefixes)));
    return copy;
  };
  const prefixesOf = (map, namespace) => MapPrototypeGet(map, namespace ?? '');
  const addPrefix = (map, namespace, prefix) => {
    const prefixes = prefixesOf(map, namespace);
    if (prefixes === undefined) MapPrototypeSet(map, namespace ?? '', [prefix]);
    else ArrayPrototypePush(prefixes, prefix);
  };
  /** "Retrieve a preferred prefix string": `preferred` when the namespace has it, else its latest prefix, else null. */
  const preferredPrefix = (map, namespace, preferred) => {
    const prefixes = prefixesOf(map, namespace);
    if (prefixes === undefined) return null;
    return ArrayPrototypeIndexOf(prefixes, preferred) >= 0 ? preferred : prefixes[prefixes.length - 1];
  };
  const generatePrefix = (map, namespace, state) => {
    const prefix = 'ns' + state.prefixIndex++;
    addPrefix(map, namespace, prefix);
    return prefix;
  };
  /** "Record the namespace information": fills `map` and `localPrefixes` from the xmlns attributes; gives the default namespace attribute's value. */
  const recordNamespaceInformation = (element, map, localPrefixes) => {
    let defaultNamespace = null;
    for (const attribute of safeArray(element[ATTRIBUTES])) {
      if (attribute[NAMESPACE] !== XMLNS_NS) continue;
      if (attribute[PREFIX] === null) { defaultNamespace = attribute[VALUE]; continue; }
      const prefix = attribute[LOCAL];
      const namespace = attribute[VALUE] === '' ? null : attribute[VALUE];
      if (namespace === XML_NS) continue;
      const prefixes = prefixesOf(map, namespace);
      if (prefixes !== undefined && ArrayPrototypeIndexOf(prefixes, prefix) >= 0) continue;
      addPrefix(map, namespace, prefix);
      MapPrototypeSet(localPrefixes, prefix, namespace);
    }
    return defaultNamespace;
  };
  const serializeXMLAttributes = (element, map, localPrefixes, ignoreNamespaceDefinition, state) => {
    let result = '';
    for (const attribute of safeArray(element[ATTRIBUTES])) {
      const namespace = attribute[NAMESPACE];
      let candidate = null;
      if (namespace !== null) {
        candidate = preferredPrefix(map, namespace, attribute[PREFIX]);
        if (namespace === XMLNS_NS) {
          const value = attribute[VALUE];
          if (value === XML_NS || (attribute[PREFIX] === null && ignoreNamespaceDefinition)) continue;
          if (attribute[PREFIX] !== null && MapPrototypeGet(localPrefixes, attribute[LOCAL]) !== (value === '' ? null : value)) {
            const prefixes = prefixesOf(map, value);
            if (prefixes !== undefined && ArrayPrototypeIndexOf(prefixes, attribute[LOCAL]) >= 0) continue;
          }
          if (attribute[PREFIX] === 'xmlns') candidate = 'xmlns';
        } else if (candidate === null) {
          candidate = generatePrefix(map, namespace, state);
          result += ' xmlns:' + candidate + '="' + escapeXML(namespace, true) + '"';
        }
      }
      result += ' ' + (candidate === null ? '' : candidate + ':') + attribute[LOCAL] + '="' + escapeXML(attribute[VALUE], true) + '"';
    }
    return result;
  };
  const serializeXMLElement = (element, contextNamespace, prefixMap, state, parts) => {
    const map = copyPrefixMap(prefixMap);
    const localPrefixes = new Map();
    const localDefaultNamespace = recordNamespaceInformation(element, map, localPrefixes);
    let inheritedNamespace = contextNamespace;
    let ignoreNamespaceDefinition = false;
    const namespace = element[NAMESPACE];
    const localName = element[LOCAL];
    let qualifiedName;
    let markup = '<';
    if (inheritedNamespace === namespace) {
      if (localDefaultNamespace !== null) ignoreNamespaceDefinition = true;
      qualifiedName = namespace === XML_NS ? 'xml:' + localName : localName;
      markup += qualifiedName;
    } else {
      let prefix = element[PREFIX];
      let candidate = preferredPrefix(map, namespace, prefix);
      if (prefix === 'xmlns') candidate = prefix;
      if (candidate !== null) {
        qualifiedName = candidate + ':' + localName;
        if (localDefaultNamespace !== null && localDefaultNamespace !== XML_NS) {
          inheritedNamespace = localDefaultNamespace === '' ? null : localDefaultNamespace;
        }
        markup += qualifiedName;
      } else if (prefix !== null) {
        if (MapPrototypeHas(localPrefixes, prefix)) prefix = generatePrefix(map, namespace, state);
        else addPrefix(map, namespace, prefix);
        qualifiedName = prefix + ':' + localName;
        markup += qualifiedName + ' xmlns:' + prefix + '="' + escapeXML(namespace ?? '', true) + '"';
        if (localDefaultNamespace !== null) inheritedNamespace = localDefaultNamespace === '' ? null : localDefaultNamespace;
      } else if (localDefaultNamespace === null || localDefaultNamespace !== namespace) {
        ignoreNamespaceDefinition = true;
        qualifiedName = localName;
        inheritedNamespace = namespace;
        markup += qualifiedName + ' xmlns="' + escapeXML(namespace ?? '', true) + '"';
      } else {
        qualifiedName = localName;
        inheritedNamespace = namespace;
        markup += qualifiedName;
      }
    }
    markup += serializeXMLAttributes(element, map, localPrefixes, ignoreNamespaceDefinition, state);
    const children = namespace === HTML_NS && localName === 'template' && element[CONTENT] !== undefined ? element[CONTENT] : element;
    if (children[FIRST] === null && (namespace !== HTML_NS || runtime.primordials.SetPrototypeHas(xmlVoidElements, localName))) {
      ArrayPrototypePush(parts, markup + (namespace === HTML_NS ? ' />' : '/>'));
      return;
    }
    ArrayPrototypePush(parts, markup + '>');
    for (let child = children[FIRST]; child !== null; child = child[NEXT]) serializeXMLNode(child, inheritedNamespace, map, state, parts);
    ArrayPrototypePush(parts, '</' + qualifiedName + '>');
  };
  const serializeXMLNode = (node, namespace, prefixMap, state, parts) => {
    switch (node[TYPE]) {
      case 1: serializeXMLElement(node, namespace, prefixMap, state, parts); return;
      case 3: ArrayPrototypePush(parts, escapeXML(node[DATA], false)); return;
      case 4: ArrayPrototypePush(parts, '<![CDATA[' + node[DATA] + ']]>'); return;
      case 7: ArrayPrototypePush(parts, '<?' + node[NAME] + ' ' + node[DATA] + '?>'); return;
      case 8: ArrayPrototypePush(parts, '<!--' + node[DATA] + '-->'); return;
      case 10: {
        const publicId = node[PUBLIC_ID], systemId = node[SYSTEM_ID];
        let markup = '<!DOCTYPE ' + node[NAME];
        if (publicId !== '') markup += ' PUBLIC "' + publicId + '"';
        if (systemId !== '' && publicId === '') markup += ' SYSTEM';
        if (systemId !== '') markup += ' "' + systemId + '"';
        ArrayPrototypePush(parts, markup + '>');
        return;
      }
      case 9: case 11:
        for (let child = node[FIRST]; child !== null; child = child[NEXT]) serializeXMLNode(child, namespace, prefixMap, state, parts);
        return;
      default: // Attr: the empty string.
    }
  };
  /** DOM Parsing §3.2 "produce an XML serialization" of `node`, the require well-formed flag unset. */
  const serializeXML = (node) => {
    const map = new Map();
    MapPrototypeSet(map, XML_NS, ['xml']);
    const parts = [];
    serializeXMLNode(node, null, map, { prefixIndex: 1 }, parts);
    return ArrayPrototypeJoin(parts, '');
  };
  class XMLSerializer {
    serializeToString(root) {
      nodes.checkNode(root);
      const document = root[TYPE] === 9 ? root : root[DOCUMENT];
      // Caper keeps the HTML serialization for the nodes of HTML documents (Chromium gives them the XML one too).
      if (document[nodes.HTML_DOCUMENT]) return root[TYPE] === 9 || root[TYPE] === 11 ? serializeChildren(root) : serializeNode(root);
      return serializeXML(root);
    }
  }

  // ---- Named properties -----------------------------------------------------------------
  const namedByName = ['embed', 'form', 'iframe', 'img', 'object'];
  /** The document's named elements (name -> first element in tree order), rebuilt when VERSION moved. */
  const NAMES = Symbol('names');
  // A name more than one element has: its getter gives an HTMLCollection of them (HTML §7.2.2.3, §3.1.4).
  const SHARED_NAME = ObjectFreeze({ __proto__: null });
  /** Whether `node` is exposed under its `name` or `id` attribute whose value is `value`. */
  const isNamedBy = (node, local, forWindow) => {
    const html = node[NAMESPACE] === HTML_NS;
    if (local === 'name') return html && ArrayPrototypeIndexOf(namedByName, node[LOCAL]) >= 0;
    return local === 'id' && (forWindow || (html && (node[LOCAL] === 'object' || (node[LOCAL] === 'img' && hasName(node)))));
  };
  const namedElements = (document, forWindow) => {
    const slot = forWindow ? NAMES : DOCUMENT_NAMES;
    const cache = document[slot];
    if (cache !== undefined && cache.version === document[VERSION]) return cache.names;
    const names = new Map();
    for (let node = document[FIRST]; node !== null; node = nodes.following(node, document)) {
      if (node[TYPE] !== 1) continue;
      for (const attribute of safeArray(node[ATTRIBUTES])) {
        if (attribute[NAMESPACE] !== null) continue;
        const value = attribute[VALUE];
        if (value === '' || !isNamedBy(node, attribute[LOCAL], forWindow)) continue;
        const known = MapPrototypeGet(names, value);
        if (known === undefined) MapPrototypeSet(names, value, node);
        else if (known !== node) MapPrototypeSet(names, value, SHARED_NAME);
      }
    }
    ObjectDefineProperty(document, slot, { value: { version: document[VERSION], names }, writable: true, configurable: true });
    return names;
  };
  /** The named property `name` of a document or window: the one element, or a live collection of all. */
  const namedProperty = (document, name, forWindow) => {
    const found = MapPrototypeGet(namedElements(document, forWindow), name);
    if (found !== SHARED_NAME) return found;
    return runtime.collections.createHTMLCollection(document, (node) => {
      if (node[TYPE] !== 1) return false;
      for (const attribute of safeArray(node[ATTRIBUTES])) {
        if (attribute[NAMESPACE] === null && attribute[VALUE] === name && isNamedBy(node, attribute[LOCAL], forWindow)) return true;
      }
      return false;
    });
  };
  const DOCUMENT_NAMES = Symbol('documentNames');
  const hasName = (node) => nodes.getAttributeOrNull(node, 'name') !== null;
  // Document's named properties sit in the prototype chain of every Document, after Document.prototype.
  const documentNamedHandler = {
    __proto__: null,
    get(target, key, receiver) {
      // Members of Node, EventTarget and Object come first (one lookup), then the names (a cached map).
      if (typeof key === 'string' && !ReflectHas(target, key) && receiver !== null && typeof receiver === 'object' && receiver[TYPE] === 9) {
        const element = namedProperty(receiver, key, false);
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

  /**
   * The scripts installed after this one (the DOM's later files, the Web APIs' extensions) whose
   * `interfaces` and `install(global, document)` a window gets, in install order; read when the
   * window is made, since they are installed after this file.
   */
  const windowExtensions = () => {
    const names = ObjectKeys(runtime);
    return ArrayPrototypeSlice(names, ArrayPrototypeIndexOf(names, 'window') + 1);
  };

  /** The Window interface: the global object of a page realm. */
  class Window extends events.EventTarget {
    constructor() { throw new TypeError('Illegal constructor'); }
  }
  ObjectDefineProperty(Window.prototype, Symbol.toStringTag, { value: 'Window', configurable: true });
  events.defineEventHandlers(Window.prototype, events.globalEventNames);
  events.defineEventHandlers(Window.prototype, events.windowEventNames);

  // The global that holds the interface objects already (`defineInterfaces`).
  let interfacesDefinedOn = null;
  /// Defines the realm's interface objects (Node, HTMLElement, Event, ...) on `global`: the same
  /// for every document of the realm, so the page entry does it once, when the realm's scripts are
  /// installed (a page realm made from the startup snapshot starts with them); `createWindow`
  /// does it when nothing did.
  const defineInterfaces = (global) => {
    if (interfacesDefinedOn === global) return;
    interfacesDefinedOn = global;
    const interfaces = {
      ...events.interfaces, ...nodes.interfaces, ...runtime.collections.interfaces, ...runtime.elements.interfaces,
      CSSStyleDeclaration: runtime['css-style-declaration'].CSSStyleDeclaration, NodeIterator: runtime.traversal.NodeIterator,
      TreeWalker: runtime.traversal.TreeWalker, NodeFilter: runtime.traversal.NodeFilter, DOMException, DOMImplementation, DOMParser,
      XMLSerializer, Window, HTMLDocument: Document,
    };
    // The DOM files installed after this one (mutation observers, custom elements, slots, URL) add theirs.
    const extensions = windowExtensions();
    for (const extension of safeArray(extensions)) {
      const more = runtime[extension]?.interfaces;
      if (more !== undefined) for (const name in more) interfaces[name] = more[name];
    }
    for (const name in interfaces) {
      ObjectDefineProperty(global, name, { value: interfaces[name], writable: true, configurable: true, enumerable: false });
    }
  };

  /**
   * Makes `global` the window of `document`: installs the interfaces and `window`, `self`,
   * `document`, `frames`, `parent`, `top` on it, links the document to it (events bubble from
   * the document to the window) and makes it the realm's current document (`new Text()`).
   */
  const createWindow = (global, document) => {
    defineInterfaces(global);
    const extensions = windowExtensions();
    for (const extension of safeArray(extensions)) runtime[extension]?.install?.(global, document);
    const { Image, Option, Audio } = legacyFactories(document);
    for (const [name, value] of safeArray([['Image', Image], ['Option', Option], ['Audio', Audio]])) {
      ObjectDefineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
    }
    // global -> Window.prototype -> WindowProperties (named elements) -> EventTarget.prototype.
    const windowProperties = new Proxy(ObjectCreate(events.EventTarget.prototype), {
      __proto__: null,
      get(target, key, receiver) {
        if (typeof key === 'string' && !ReflectHas(target, key)) {
          const element = namedProperty(document, key, true);
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

  /** A document's tree operations for `markup` (`host.parseDocument`): `[operations, text]`. */
  const parseDocumentBatch = (markup, scripting) => host.parseDocument(markup, scripting);

  return ObjectFreeze({
    DOMImplementation, DOMParser, XMLSerializer, Window, defineInterfaces, createWindow, parseHTMLDocument, parseXMLDocument, isXMLMIMEType, serializeXML,
    parseDocumentBatch,
  });
}
