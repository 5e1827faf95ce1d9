// Nodes and trees (DOM Standard §4): the node interfaces, their creation straight into the
// internal slots (a linked list of children: PARENT, FIRST, LAST, NEXT, PREV), and the mutation
// algorithms with the spec's validity checks (§4.2.3). Every tree or attribute mutation
// increments the node document's VERSION. Page code cannot construct the abstract interfaces
// (`new Node()` throws "Illegal constructor"); Caper makes nodes through the factories exported
// here. HTML interfaces register their element factories (`registerElementInterface`) later.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSplice, Map, MapPrototypeGet,
    MapPrototypeSet, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectSetPrototypeOf, RegExpTest, String,
    StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeSubstring, Symbol, TypeError,
  } = runtime.primordials;
  const {
    TYPE, DOCUMENT, PARENT, FIRST, LAST, NEXT, PREV, NAMESPACE, PREFIX, LOCAL, QUALIFIED, ATTRIBUTES, SHADOW, CONTENT, VALUE,
    OWNER, DATA, NAME, PUBLIC_ID, SYSTEM_ID, MODE, VERSION, URL, CONTENT_TYPE, HOST, HTML_NS, XML_NS, XMLNS_NS,
  } = runtime.internals;
  const { makeError } = runtime['dom-exception'];
  const { EventTarget } = runtime.events;

  /** Document: true for an HTML document (DOM "type" is "html"); internals.js's, so the selector engine reads the same. */
  const HTML_DOCUMENT = runtime.internals.HTML_DOCUMENT;
  // Slots only this runtime's files use.
  /**
   * Document: incremented by every change to the structure of its node trees (link, unlink) and to
   * an element's `id` or `class` attribute, and by nothing else: what an index of elements by local
   * name, id and class depends on (the selector engine's candidate index).
   */
  const TREE_VERSION = Symbol('treeVersion');
  /** Document: its inert template contents owner document, made on first use. */
  const TEMPLATE_DOCUMENT = Symbol('templateDocument');
  /** Document: `readyState`, `characterSet`, and the live NodeIterators (for the pre-removing steps). */
  const READY_STATE = Symbol('readyState');
  const CHARSET = Symbol('characterSet');
  const ITERATORS = Symbol('iterators');
  /** Document: whether it is an inert template contents owner document. */
  const IS_TEMPLATE_DOCUMENT = Symbol('isTemplateDocument');
  /** Element (form-associated): the form owner the parser's form element pointer gave, or absent. */
  const FORM_OWNER = Symbol('formOwner');
  /**
   * Element: its custom element state (HTML §4.13.1: 'undefined', 'failed', 'uncustomized', 'precustomized',
   * 'custom'), set by custom-elements.js; absent means 'uncustomized', or 'undefined' for a valid custom element name.
   */
  const CUSTOM_ELEMENT_STATE = Symbol('customElementState');

  /** Hooks the later files (elements, the lead's page) set: insertion/removal/attribute steps, cloning steps. */
  const hooks = {
    inserted: null, // (node) => void, for each inserted node (not descendants)
    removed: null, // (node, oldParent) => void
    autofocusParsed: null, // (element) => void, for an element the parser made with an `autofocus` attribute
    parserCreated: null, // (element) => void, for an element the parser made, its attributes set (custom elements)
    parserInserted: null, // (node) => void, for a node the parser inserted (not descendants; custom elements)
    removing: null, // (node, parent) => void, before a node is removed (the focus leaves it: input/focus-updates.js)
    attributeChanged: null, // (element, localName, namespace, oldValue, value) => void
    cloned: null, // (copy, node, deep) => void
    created: null, // (element) => void, for elements page code creates (createElement, createElementNS)
    // Set by mutation-observer.js once a MutationObserver observes: (type, target, name, namespace, oldValue,
    // addedNodes, removedNodes, previousSibling, nextSibling) => void, DOM §4.3.2 "queue a mutation record".
    mutation: null,
    adopted: null, // (node, oldDocument) => void, after a subtree moved to another document
    // custom-elements.js: `new.target` => element for HTMLElement's constructor (HTML §3.2.3), and
    // (document, namespace, localName, is) => element or null for createElement(NS) with a definition.
    constructHTMLElement: null,
    createCustomElement: null,
  };

  const illegal = () => new TypeError('Illegal constructor');
  let currentDocument = null;

  // ---- Interfaces -------------------------------------------------------------------------

  class Node extends EventTarget {
    constructor() { throw illegal(); }
    get nodeType() { return this[TYPE]; }
    get nodeName() { return nodeName(this); }
    get baseURI() { return documentBaseURL(this[DOCUMENT]); }
    get isConnected() { return shadowIncludingRoot(this)[TYPE] === 9; }
    get ownerDocument() { return this[TYPE] === 9 ? null : this[DOCUMENT]; }
    getRootNode(options = undefined) { return options?.composed ? shadowIncludingRoot(this) : rootOf(this); }
    get parentNode() { return this[PARENT]; }
    get parentElement() { const parent = this[PARENT]; return parent !== null && parent[TYPE] === 1 ? parent : null; }
    hasChildNodes() { return this[FIRST] !== null; }
    get firstChild() { return this[FIRST]; }
    get lastChild() { return this[LAST]; }
    get previousSibling() { return this[PREV]; }
    get nextSibling() { return this[NEXT]; }
    get nodeValue() {
      const type = this[TYPE];
      if (type === 2) return this[VALUE];
      return type === 3 || type === 4 || type === 7 || type === 8 ? this[DATA] : null;
    }
    set nodeValue(value) {
      const type = this[TYPE];
      value = value === null ? '' : String(value);
      if (type === 2) setExistingAttributeValue(this, value);
      else if (type === 3 || type === 4 || type === 7 || type === 8) replaceData(this, 0, this[DATA].length, value);
    }
    get textContent() { return textContent(this); }
    set textContent(value) { setTextContent(this, value === null ? '' : String(value)); }
    normalize() { normalize(this); }
    cloneNode(deep = false) {
      if (this[TYPE] === 11 && this[HOST] != null) throw makeError('NotSupportedError', 'ShadowRoot nodes are not clonable.');
      return cloneNode(this, null, !!(deep));
    }
    isEqualNode(other) { return other != null && isEqualNode(this, other); }
    isSameNode(other) { return this === other; }
    compareDocumentPosition(other) { return compareDocumentPosition(this, other); }
    contains(other) {
      for (let node = other; node != null; node = node[PARENT]) if (node === this) return true;
      return false;
    }
    lookupPrefix(namespace) { return namespace ? locatePrefix(this, String(namespace)) : null; }
    lookupNamespaceURI(prefix) { return locateNamespace(this, prefix === '' || prefix == null ? null : String(prefix)); }
    isDefaultNamespace(namespace) { return locateNamespace(this, null) === (namespace === '' || namespace == null ? null : namespace); }
    insertBefore(node, child) { return preInsert(checkNode(node), this, child == null ? null : checkNode(child)); }
    appendChild(node) { return preInsert(checkNode(node), this, null); }
    replaceChild(node, child) { return replaceChild(checkNode(child), checkNode(node), this); }
    removeChild(child) { return preRemove(checkNode(child), this); }
  }
  const nodeTypes = [
    ['ELEMENT_NODE', 1], ['ATTRIBUTE_NODE', 2], ['TEXT_NODE', 3], ['CDATA_SECTION_NODE', 4], ['ENTITY_REFERENCE_NODE', 5],
    ['ENTITY_NODE', 6], ['PROCESSING_INSTRUCTION_NODE', 7], ['COMMENT_NODE', 8], ['DOCUMENT_NODE', 9], ['DOCUMENT_TYPE_NODE', 10],
    ['DOCUMENT_FRAGMENT_NODE', 11], ['NOTATION_NODE', 12], ['DOCUMENT_POSITION_DISCONNECTED', 1],
    ['DOCUMENT_POSITION_PRECEDING', 2], ['DOCUMENT_POSITION_FOLLOWING', 4], ['DOCUMENT_POSITION_CONTAINS', 8],
    ['DOCUMENT_POSITION_CONTAINED_BY', 16], ['DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC', 32],
  ];
  for (const [name, value] of safeArray(nodeTypes)) {
    ObjectDefineProperty(Node, name, { value, enumerable: true });
    ObjectDefineProperty(Node.prototype, name, { value, enumerable: true });
  }
  // Attr nodes have no tree; they read these defaults from the prototype chain.
  for (const slot of safeArray([PARENT, FIRST, LAST, NEXT, PREV])) ObjectDefineProperty(Node.prototype, slot, { value: null, writable: true });

  const checkNode = (value) => {
    if (value === null || typeof value !== 'object' || typeof value[TYPE] !== 'number') {
      throw new TypeError("parameter is not of type 'Node'.");
    }
    return value;
  };

  class Element extends Node {
    get namespaceURI() { return this[NAMESPACE]; }
    get prefix() { return this[PREFIX]; }
    get localName() { return this[LOCAL]; }
    get tagName() { return htmlUppercasedQualifiedName(this); }
    get id() { return getAttributeValue(this, 'id'); }
    set id(value) { setAttributeValue(this, 'id', String(value)); }
    get className() { return getAttributeValue(this, 'class'); }
    set className(value) { setAttributeValue(this, 'class', String(value)); }
    get slot() { return getAttributeValue(this, 'slot'); }
    set slot(value) { setAttributeValue(this, 'slot', String(value)); }
    hasAttributes() { return this[ATTRIBUTES].length > 0; }
    getAttributeNames() {
      const names = [];
      for (const attribute of safeArray(this[ATTRIBUTES])) ArrayPrototypePush(names, attribute[QUALIFIED]);
      return names;
    }
    getAttribute(qualifiedName) {
      const attribute = attributeByName(this, String(qualifiedName));
      return attribute === null ? null : attribute[VALUE];
    }
    getAttributeNS(namespace, localName) {
      const attribute = attributeByNamespace(this, namespace === '' ? null : namespace ?? null, String(localName));
      return attribute === null ? null : attribute[VALUE];
    }
    setAttribute(qualifiedName, value) {
      qualifiedName = String(qualifiedName);
      if (!RegExpTest(namePattern, qualifiedName)) throw makeError('InvalidCharacterError', `'${qualifiedName}' is not a valid attribute name.`);
      if (this[NAMESPACE] === HTML_NS && this[DOCUMENT][HTML_DOCUMENT]) qualifiedName = asciiLowercase(qualifiedName);
      value = String(value);
      const attribute = attributeByName(this, qualifiedName);
      if (attribute === null) appendAttribute(this, createAttr(this[DOCUMENT], null, null, qualifiedName, qualifiedName, value));
      else changeAttribute(attribute, value);
    }
    setAttributeNS(namespace, qualifiedName, value) {
      const { namespace: ns, prefix, localName } = validateAndExtract(namespace, qualifiedName);
      setAttributeNS(this, ns, prefix, localName, String(value));
    }
    removeAttribute(qualifiedName) {
      const attribute = attributeByName(this, String(qualifiedName));
      if (attribute !== null) removeAttribute(attribute);
    }
    removeAttributeNS(namespace, localName) {
      const attribute = attributeByNamespace(this, namespace === '' ? null : namespace ?? null, String(localName));
      if (attribute !== null) removeAttribute(attribute);
    }
    hasAttribute(qualifiedName) { return attributeByName(this, String(qualifiedName)) !== null; }
    hasAttributeNS(namespace, localName) {
      return attributeByNamespace(this, namespace === '' ? null : namespace ?? null, String(localName)) !== null;
    }
    toggleAttribute(qualifiedName, force = undefined) {
      qualifiedName = String(qualifiedName);
      if (!RegExpTest(namePattern, qualifiedName)) throw makeError('InvalidCharacterError', `'${qualifiedName}' is not a valid attribute name.`);
      if (this[NAMESPACE] === HTML_NS && this[DOCUMENT][HTML_DOCUMENT]) qualifiedName = asciiLowercase(qualifiedName);
      const attribute = attributeByName(this, qualifiedName);
      if (attribute === null) {
        if (force === undefined || force) {
          appendAttribute(this, createAttr(this[DOCUMENT], null, null, qualifiedName, qualifiedName, ''));
          return true;
        }
        return false;
      }
      if (force === undefined || !force) { removeAttribute(attribute); return false; }
      return true;
    }
    getAttributeNode(qualifiedName) { return attributeByName(this, String(qualifiedName)); }
    getAttributeNodeNS(namespace, localName) {
      return attributeByNamespace(this, namespace === '' ? null : namespace ?? null, String(localName));
    }
    setAttributeNode(attr) { return setAttributeNode(this, attr); }
    setAttributeNodeNS(attr) { return setAttributeNode(this, attr); }
    removeAttributeNode(attr) {
      if (ArrayPrototypeIndexOf(this[ATTRIBUTES], attr) < 0) throw makeError('NotFoundError', 'The attribute is not owned by this element.');
      removeAttribute(attr);
      return attr;
    }
    attachShadow(init) { return attachShadow(this, init); }
    get shadowRoot() { const root = this[SHADOW]; return root !== null && root[MODE] === 'open' ? root : null; }
    matches(selectors) { return runtime.selectors.matches(this, String(selectors)); }
    webkitMatchesSelector(selectors) { return runtime.selectors.matches(this, String(selectors)); }
    closest(selectors) { return runtime.selectors.closest(this, String(selectors)); }
    insertAdjacentElement(where, element) {
      if (element === null || typeof element !== 'object' || element[TYPE] !== 1) throw new TypeError("parameter 2 is not of type 'Element'.");
      return insertAdjacent(this, String(where), element);
    }
    insertAdjacentText(where, data) { insertAdjacent(this, String(where), createText(this[DOCUMENT], String(data))); }
  }

  class CharacterData extends Node {
    get data() { return this[DATA]; }
    set data(value) { replaceData(this, 0, this[DATA].length, value === null ? '' : String(value)); }
    get length() { return this[DATA].length; }
    substringData(offset, count) {
      const length = this[DATA].length;
      offset >>>= 0; count >>>= 0;
      if (offset > length) throw makeError('IndexSizeError', 'The offset is greater than the length.');
      return StringPrototypeSubstring(this[DATA], offset, offset + count > length ? length : offset + count);
    }
    appendData(data) { replaceData(this, this[DATA].length, 0, String(data)); }
    insertData(offset, data) { replaceData(this, offset >>> 0, 0, String(data)); }
    deleteData(offset, count) { replaceData(this, offset >>> 0, count >>> 0, ''); }
    replaceData(offset, count, data) { replaceData(this, offset >>> 0, count >>> 0, String(data)); }
  }

  class Text extends CharacterData {
    constructor(data = '') {
      const node = createText(requireCurrentDocument(), String(data));
      if (new.target !== Text) ObjectSetPrototypeOf(node, new.target.prototype);
      return node;
    }
    splitText(offset) { return splitText(this, offset >>> 0); }
    get wholeText() {
      let start = this;
      while (start[PREV] !== null && isText(start[PREV])) start = start[PREV];
      let text = '';
      for (let node = start; node !== null && isText(node); node = node[NEXT]) text += node[DATA];
      return text;
    }
    get assignedSlot() { return null; }
  }
  class CDATASection extends Text {}
  class Comment extends CharacterData {
    constructor(data = '') {
      const node = createComment(requireCurrentDocument(), String(data));
      if (new.target !== Comment) ObjectSetPrototypeOf(node, new.target.prototype);
      return node;
    }
  }
  class ProcessingInstruction extends CharacterData {
    get target() { return this[NAME]; }
  }
  class DocumentType extends Node {
    get name() { return this[NAME]; }
    get publicId() { return this[PUBLIC_ID]; }
    get systemId() { return this[SYSTEM_ID]; }
  }
  class DocumentFragment extends Node {
    constructor() {
      const node = createDocumentFragment(requireCurrentDocument());
      if (new.target !== DocumentFragment) ObjectSetPrototypeOf(node, new.target.prototype);
      return node;
    }
    getElementById(elementId) { return getElementById(this, String(elementId)); }
  }
  class ShadowRoot extends DocumentFragment {
    constructor() { throw illegal(); }
    get mode() { return this[MODE]; }
    get host() { return this[HOST]; }
    get delegatesFocus() { return this[SHADOW_FLAGS] & 1 ? true : false; }
    get clonable() { return this[SHADOW_FLAGS] & 2 ? true : false; }
    get serializable() { return this[SHADOW_FLAGS] & 4 ? true : false; }
    get slotAssignment() { return 'named'; }
    get activeElement() { return null; }
  }
  const SHADOW_FLAGS = Symbol('shadowRootFlags');

  class Attr extends Node {
    get namespaceURI() { return this[NAMESPACE]; }
    get prefix() { return this[PREFIX]; }
    get localName() { return this[LOCAL]; }
    get name() { return this[QUALIFIED]; }
    get value() { return this[VALUE]; }
    set value(value) { setExistingAttributeValue(this, String(value)); }
    get ownerElement() { return this[OWNER]; }
    get specified() { return true; }
  }

  class Document extends Node {
    constructor() {
      // DOM: `new Document()` is a Document (not an XMLDocument) of type "xml".
      const document = createDocument({ type: 'xml', contentType: 'application/xml', prototype: new.target.prototype });
      return document;
    }
    get URL() { return this[URL]; }
    get documentURI() { return this[URL]; }
    get compatMode() { return this[MODE] === 'quirks' ? 'BackCompat' : 'CSS1Compat'; }
    get characterSet() { return this[CHARSET]; }
    get charset() { return this[CHARSET]; }
    get inputEncoding() { return this[CHARSET]; }
    get contentType() { return this[CONTENT_TYPE]; }
    get readyState() { return this[READY_STATE]; }
    get doctype() {
      for (let node = this[FIRST]; node !== null; node = node[NEXT]) if (node[TYPE] === 10) return node;
      return null;
    }
    get documentElement() { return documentElement(this); }
    getElementById(elementId) { return getElementById(this, String(elementId)); }
    createElement(localName, options = undefined) {
      localName = String(localName);
      if (!RegExpTest(namePattern, localName)) throw makeError('InvalidCharacterError', `The tag name provided ('${localName}') is not a valid name.`);
      if (this[HTML_DOCUMENT]) localName = asciiLowercase(localName);
      const namespace = this[HTML_DOCUMENT] || this[CONTENT_TYPE] === 'application/xhtml+xml' ? HTML_NS : null;
      const is = typeof options === 'object' && options !== null && options.is !== undefined ? String(options.is) : null;
      const custom = hooks.createCustomElement === null ? null : hooks.createCustomElement(this, namespace, localName, is);
      if (custom !== null) return custom;
      const element = createElement(this, namespace, null, localName);
      if (hooks.created !== null) hooks.created(element);
      return element;
    }
    createElementNS(namespace, qualifiedName, options = undefined) {
      const { namespace: ns, prefix, localName } = validateAndExtract(namespace, qualifiedName);
      const is = typeof options === 'object' && options !== null && options.is !== undefined ? String(options.is) : null;
      const custom = hooks.createCustomElement === null || prefix !== null ? null : hooks.createCustomElement(this, ns, localName, is);
      if (custom !== null) return custom;
      const element = createElement(this, ns, prefix, localName);
      if (hooks.created !== null) hooks.created(element);
      return element;
    }
    createDocumentFragment() { return createDocumentFragment(this); }
    createTextNode(data) { return createText(this, String(data)); }
    createCDATASection(data) {
      if (this[HTML_DOCUMENT]) throw makeError('NotSupportedError', 'This operation is not supported for HTML documents.');
      data = String(data);
      if (StringPrototypeIndexOf(data, ']]>') >= 0) throw makeError('InvalidCharacterError', "CDATA section data cannot contain ']]>'.");
      return createCharacterData(cdataFactory, this, data);
    }
    createComment(data) { return createComment(this, String(data)); }
    createProcessingInstruction(target, data) {
      target = String(target); data = String(data);
      if (!RegExpTest(namePattern, target)) throw makeError('InvalidCharacterError', `'${target}' is not a valid target.`);
      if (StringPrototypeIndexOf(data, '?>') >= 0) throw makeError('InvalidCharacterError', "The data cannot contain '?>'.");
      return createProcessingInstruction(this, target, data);
    }
    createAttribute(localName) {
      localName = String(localName);
      if (!RegExpTest(namePattern, localName)) throw makeError('InvalidCharacterError', `'${localName}' is not a valid attribute name.`);
      if (this[HTML_DOCUMENT]) localName = asciiLowercase(localName);
      return createAttr(this, null, null, localName, localName, '');
    }
    createAttributeNS(namespace, qualifiedName) {
      const { namespace: ns, prefix, localName } = validateAndExtract(namespace, qualifiedName);
      return createAttr(this, ns, prefix, localName, prefix === null ? localName : prefix + ':' + localName, '');
    }
    createEvent(interfaceName) {
      const name = asciiLowercase(String(interfaceName));
      const events = runtime.events;
      const Interface = {
        event: events.Event, events: events.Event, htmlevents: events.Event, customevent: events.CustomEvent,
        uievent: events.UIEvent, uievents: events.UIEvent, mouseevent: events.MouseEvent, mouseevents: events.MouseEvent,
        keyboardevent: events.KeyboardEvent, focusevent: events.FocusEvent,
      }[name];
      if (Interface === undefined) throw makeError('NotSupportedError', `The provided event type ('${interfaceName}') is invalid.`);
      const event = new Interface('');
      return event;
    }
    importNode(node, deep = false) {
      checkNode(node);
      if (node[TYPE] === 9 || (node[TYPE] === 11 && node[HOST] != null)) throw makeError('NotSupportedError', 'The node provided is a document or a shadow root.');
      return cloneNode(node, this, !!(deep));
    }
    adoptNode(node) {
      checkNode(node);
      if (node[TYPE] === 9) throw makeError('NotSupportedError', 'The node provided is a document.');
      if (node[TYPE] === 11 && node[HOST] != null) throw makeError('HierarchyRequestError', 'The node provided is a shadow root.');
      adopt(node, this);
      return node;
    }
  }
  class XMLDocument extends Document {}

  // ParentNode (§4.2.6), ChildNode (§4.2.8), NonDocumentTypeChildNode (§4.2.7) mixins.
  const parentNodeMembers = {
    get firstElementChild() { for (let n = this[FIRST]; n !== null; n = n[NEXT]) if (n[TYPE] === 1) return n; return null; },
    get lastElementChild() { for (let n = this[LAST]; n !== null; n = n[PREV]) if (n[TYPE] === 1) return n; return null; },
    get childElementCount() { let count = 0; for (let n = this[FIRST]; n !== null; n = n[NEXT]) if (n[TYPE] === 1) count++; return count; },
    prepend(...nodes) { preInsert(convertNodes(this, nodes), this, this[FIRST]); },
    append(...nodes) { preInsert(convertNodes(this, nodes), this, null); },
    replaceChildren(...nodes) {
      const node = convertNodes(this, nodes);
      ensurePreInsertionValidity(node, this, null);
      replaceAll(node, this);
    },
    querySelector(selectors) { return runtime.selectors.querySelector(this, String(selectors)); },
    querySelectorAll(selectors) { return runtime.collections.createStaticNodeList(runtime.selectors.querySelectorAll(this, String(selectors))); },
  };
  const childNodeMembers = {
    before(...nodes) {
      const parent = this[PARENT];
      if (parent === null) return;
      let viablePrevious = this[PREV];
      while (viablePrevious !== null && ArrayPrototypeIndexOf(nodes, viablePrevious) >= 0) viablePrevious = viablePrevious[PREV];
      const node = convertNodes(this[DOCUMENT], nodes);
      preInsert(node, parent, viablePrevious === null ? parent[FIRST] : viablePrevious[NEXT]);
    },
    after(...nodes) {
      const parent = this[PARENT];
      if (parent === null) return;
      let viableNext = this[NEXT];
      while (viableNext !== null && ArrayPrototypeIndexOf(nodes, viableNext) >= 0) viableNext = viableNext[NEXT];
      preInsert(convertNodes(this[DOCUMENT], nodes), parent, viableNext);
    },
    replaceWith(...nodes) {
      const parent = this[PARENT];
      if (parent === null) return;
      let viableNext = this[NEXT];
      while (viableNext !== null && ArrayPrototypeIndexOf(nodes, viableNext) >= 0) viableNext = viableNext[NEXT];
      const node = convertNodes(this[DOCUMENT], nodes);
      if (this[PARENT] === parent) replaceChild(this, node, parent);
      else preInsert(node, parent, viableNext);
    },
    remove() { if (this[PARENT] !== null) removeNode(this); },
  };
  const elementSiblingMembers = {
    get previousElementSibling() { for (let n = this[PREV]; n !== null; n = n[PREV]) if (n[TYPE] === 1) return n; return null; },
    get nextElementSibling() { for (let n = this[NEXT]; n !== null; n = n[NEXT]) if (n[TYPE] === 1) return n; return null; },
  };
  /** Copies the members (getters and methods) of `members` onto each prototype, not enumerable, as WebIDL does. */
  const mixin = (members, ...interfaces) => {
    for (const key of safeArray(runtime.primordials.ReflectOwnKeys(members))) {
      const descriptor = ObjectGetOwnPropertyDescriptor(members, key);
      descriptor.enumerable = false;
      for (const Interface of safeArray(interfaces)) ObjectDefineProperty(Interface.prototype, key, descriptor);
    }
  };
  mixin(parentNodeMembers, Element, Document, DocumentFragment);
  mixin(childNodeMembers, Element, CharacterData, DocumentType);
  mixin(elementSiblingMembers, Element, CharacterData);

  /** DOM: converting nodes into a node (strings become Text, several nodes a DocumentFragment). */
  const convertNodes = (context, nodes) => {
    const document = context[TYPE] === 9 ? context : context[DOCUMENT];
    const convert = (value) => (value !== null && typeof value === 'object' && typeof value[TYPE] === 'number' ? value : createText(document, String(value)));
    if (nodes.length === 1) return convert(nodes[0]);
    const fragment = createDocumentFragment(document);
    for (const value of safeArray(nodes)) appendChild(fragment, convert(value));
    return fragment;
  };

  // ---- Factories: nodes made straight into their slots ----------------------------------------

  /** A constructor making elements with `prototype`; every element has the same slots in the same order. */
  const elementFactory = (prototype, wrap = null) => {
    function ElementNode(document, namespace, prefix, localName, qualifiedName, attributes) {
      this[TYPE] = 1;
      this[DOCUMENT] = document;
      this[PARENT] = null;
      this[FIRST] = null;
      this[LAST] = null;
      this[NEXT] = null;
      this[PREV] = null;
      this[NAMESPACE] = namespace;
      this[PREFIX] = prefix;
      this[LOCAL] = localName;
      this[QUALIFIED] = qualifiedName;
      this[ATTRIBUTES] = attributes;
      this[SHADOW] = null;
      // An element with named properties ([LegacyOverrideBuiltIns], `form.fieldName`) is a Proxy.
      if (wrap !== null) return wrap(this);
    }
    ElementNode.prototype = prototype;
    return ElementNode;
  };
  const characterDataFactory = (prototype, type) => {
    function CharacterDataNode(document, data) {
      this[TYPE] = type;
      this[DOCUMENT] = document;
      this[PARENT] = null;
      this[NEXT] = null;
      this[PREV] = null;
      this[DATA] = data;
    }
    CharacterDataNode.prototype = prototype;
    return CharacterDataNode;
  };
  // Leaves have no children: FIRST and LAST come from Node.prototype (null).
  const textFactory = characterDataFactory(Text.prototype, 3);
  const cdataFactory = characterDataFactory(CDATASection.prototype, 4);
  const commentFactory = characterDataFactory(Comment.prototype, 8);
  const piFactory = characterDataFactory(ProcessingInstruction.prototype, 7);
  function AttrNode(document, namespace, prefix, localName, qualifiedName, value) {
    this[TYPE] = 2;
    this[DOCUMENT] = document;
    this[NAMESPACE] = namespace;
    this[PREFIX] = prefix;
    this[LOCAL] = localName;
    this[QUALIFIED] = qualifiedName;
    this[VALUE] = value;
    this[OWNER] = null;
  }
  AttrNode.prototype = Attr.prototype;
  function DoctypeNode(document, name, publicId, systemId) {
    this[TYPE] = 10;
    this[DOCUMENT] = document;
    this[PARENT] = null;
    this[NEXT] = null;
    this[PREV] = null;
    this[NAME] = name;
    this[PUBLIC_ID] = publicId;
    this[SYSTEM_ID] = systemId;
  }
  DoctypeNode.prototype = DocumentType.prototype;
  const fragmentFactory = (prototype) => {
    function FragmentNode(document) {
      this[TYPE] = 11;
      this[DOCUMENT] = document;
      this[PARENT] = null;
      this[FIRST] = null;
      this[LAST] = null;
      this[NEXT] = null;
      this[PREV] = null;
      this[HOST] = null;
    }
    FragmentNode.prototype = prototype;
    return FragmentNode;
  };
  const DocumentFragmentNode = fragmentFactory(DocumentFragment.prototype);
  const ShadowRootNode = fragmentFactory(ShadowRoot.prototype);
  const documentFactory = (prototype) => {
    function DocumentNode() {
      this[TYPE] = 9;
      this[DOCUMENT] = this;
      this[PARENT] = null;
      this[FIRST] = null;
      this[LAST] = null;
      this[NEXT] = null;
      this[PREV] = null;
      this[MODE] = 'no-quirks';
      this[VERSION] = 0;
      this[TREE_VERSION] = 0;
      this[URL] = 'about:blank';
      this[CONTENT_TYPE] = 'application/xml';
      this[HTML_DOCUMENT] = false;
      this[READY_STATE] = 'complete';
      this[CHARSET] = 'UTF-8';
      this[TEMPLATE_DOCUMENT] = null;
      this[ITERATORS] = null;
      this[IS_TEMPLATE_DOCUMENT] = false;
    }
    DocumentNode.prototype = prototype;
    return DocumentNode;
  };
  const documentFactories = new Map();

  const elementFactories = new Map(); // HTML local name -> factory
  let htmlElementFactory = elementFactory(Element.prototype);
  let htmlUnknownFactory = htmlElementFactory;
  let svgFactory = elementFactory(Element.prototype);
  let mathMLFactory = svgFactory;
  const plainElementFactory = elementFactory(Element.prototype);
  /**
   * Registers `Interface` (an HTMLElement subclass) for HTML elements with these local names;
   * `'*'` is HTMLElement itself (valid custom element names and the like), `'?'` HTMLUnknownElement,
   * `'svg'`/`'mathml'` the SVGElement/MathMLElement base interfaces. `wrap(element)`, when given,
   * returns the object that stands for each new element (a Proxy for named properties).
   */
  const registerElementInterface = (Interface, localNames, wrap = null) => {
    const factory = elementFactory(Interface.prototype, wrap);
    for (const name of safeArray(localNames)) {
      if (name === '*') htmlElementFactory = factory;
      else if (name === '?') htmlUnknownFactory = factory;
      else if (name === 'svg') svgFactory = factory;
      else if (name === 'mathml') mathMLFactory = factory;
      else MapPrototypeSet(elementFactories, name, factory);
    }
  };
  /** The factory for an element of this namespace and local name (HTML §3.2.2 "element interface"). */
  const elementFactoryFor = (namespace, localName) => {
    if (namespace === HTML_NS) {
      const factory = MapPrototypeGet(elementFactories, localName);
      if (factory !== undefined) return factory;
      return StringPrototypeIndexOf(localName, '-') > 0 ? htmlElementFactory : htmlUnknownFactory;
    }
    if (namespace === runtime.internals.SVG_NS) return svgFactory;
    if (namespace === runtime.internals.MATHML_NS) return mathMLFactory;
    return plainElementFactory;
  };
  /** DOM: create an element (synchronous custom elements flag unset, no custom element definitions). */
  const createElement = (document, namespace, prefix, localName) => {
    const Factory = elementFactoryFor(namespace, localName);
    const element = new Factory(document, namespace, prefix, localName, prefix === null ? localName : prefix + ':' + localName, []);
    if (localName === 'template' && namespace === HTML_NS) element[CONTENT] = createDocumentFragment(templateDocumentOf(document));
    return element;
  };
  const createText = (document, data) => new textFactory(document, data);
  const createComment = (document, data) => new commentFactory(document, data);
  const createCharacterData = (Factory, document, data) => new Factory(document, data);
  const createProcessingInstruction = (document, target, data) => {
    const node = new piFactory(document, data);
    node[NAME] = target;
    return node;
  };
  const createDocumentType = (document, name, publicId, systemId) => new DoctypeNode(document, name, publicId, systemId);
  const createDocumentFragment = (document) => new DocumentFragmentNode(document);
  const createAttr = (document, namespace, prefix, localName, qualifiedName, value) =>
    new AttrNode(document, namespace, prefix, localName, qualifiedName, value);
  /**
   * A new document. `type` 'html' or 'xml' (an XMLDocument unless `prototype` says otherwise);
   * `contentType`; `url`; `mode`.
   */
  const createDocument = (options = undefined) => {
    const type = options?.type ?? 'html';
    const contentType = options?.contentType ?? (type === 'html' ? 'text/html' : 'application/xml');
    const url = options?.url ?? 'about:blank';
    const mode = options?.mode ?? 'no-quirks';
    const prototype = options?.prototype ?? (type === 'html' ? Document.prototype : XMLDocument.prototype);
    let Factory = MapPrototypeGet(documentFactories, prototype);
    if (Factory === undefined) MapPrototypeSet(documentFactories, prototype, (Factory = documentFactory(prototype)));
    const document = new Factory();
    document[HTML_DOCUMENT] = type === 'html';
    document[CONTENT_TYPE] = contentType;
    document[URL] = url;
    document[MODE] = mode;
    return document;
  };
  /** HTML: the appropriate template contents owner document. */
  const templateDocumentOf = (document) => {
    if (document[IS_TEMPLATE_DOCUMENT]) return document;
    let inert = document[TEMPLATE_DOCUMENT];
    if (inert === null) {
      inert = createDocument({ type: document[HTML_DOCUMENT] ? 'html' : 'xml', contentType: document[CONTENT_TYPE] });
      inert[IS_TEMPLATE_DOCUMENT] = true;
      document[TEMPLATE_DOCUMENT] = inert;
    }
    return inert;
  };
  const attachShadowRoot = (element, mode, flags) => {
    const root = new ShadowRootNode(element[DOCUMENT]);
    root[HOST] = element;
    root[MODE] = mode;
    root[SHADOW_FLAGS] = flags;
    element[SHADOW] = root;
    return root;
  };
  const shadowHostNames = ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
    'main', 'nav', 'p', 'section', 'span'];
  /** DOM §4.2.14 attach a shadow root, step 2: whether `element` may host a shadow root. */
  const canHostShadowRoot = (element) => {
    const local = element[LOCAL];
    return element[NAMESPACE] === HTML_NS && (ArrayPrototypeIndexOf(shadowHostNames, local) >= 0 || StringPrototypeIndexOf(local, '-') > 0);
  };
  const attachShadow = (element, init) => {
    const mode = init?.mode;
    if (mode !== 'open' && mode !== 'closed') throw new TypeError("Failed to execute 'attachShadow': The provided value is not a valid 'ShadowRootMode'.");
    if (!canHostShadowRoot(element)) {
      throw makeError('NotSupportedError', 'This element does not support attachShadow');
    }
    if (element[SHADOW] !== null) throw makeError('NotSupportedError', 'Shadow root cannot be created on a host which already hosts a shadow tree.');
    return attachShadowRoot(element, mode, (init.delegatesFocus ? 1 : 0) | (init.clonable ? 2 : 0) | (init.serializable ? 4 : 0));
  };
  const requireCurrentDocument = () => {
    if (currentDocument === null) currentDocument = createDocument({ type: 'html' });
    return currentDocument;
  };

  // ---- Names ------------------------------------------------------------------------------

  const nameStart = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F' +
    '\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
  const nameRest = nameStart + '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040';
  const astral = '[\\uD800-\\uDB7F][\\uDC00-\\uDFFF]';
  /** XML 1.0 `Name`. */
  const namePattern = new runtime.primordials.RegExp(`^(?:[${nameStart}]|${astral})(?:[${nameRest}]|${astral})*$`);
  const ncName = `(?:[${nameStart.slice(1)}]|${astral})(?:[${nameRest.slice(1)}]|${astral})*`;
  /** XML Namespaces `QName`. */
  const qNamePattern = new runtime.primordials.RegExp(`^(?:${ncName}:)?${ncName}$`);
  /** Infra: ASCII lowercase / uppercase (other characters unchanged, unlike toLowerCase). */
  const asciiCase = (text, from, to, delta) => {
    let i = 0;
    for (; i < text.length; i++) { const c = StringPrototypeCharCodeAt(text, i); if (c >= from && c <= to) break; }
    if (i === text.length) return text;
    let out = StringPrototypeSlice(text, 0, i);
    for (; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      out += StringFromCharCode(c >= from && c <= to ? c + delta : c);
    }
    return out;
  };
  const asciiLowercase = (text) => asciiCase(text, 65, 90, 32);
  const asciiUppercase = (text) => asciiCase(text, 97, 122, -32);
  /** DOM §1.4: validate and extract; returns { namespace, prefix, localName }. */
  const validateAndExtract = (namespace, qualifiedName) => {
    namespace = namespace === '' || namespace == null ? null : String(namespace);
    qualifiedName = String(qualifiedName);
    if (!RegExpTest(qNamePattern, qualifiedName)) {
      throw makeError(RegExpTest(namePattern, qualifiedName) ? 'NamespaceError' : 'InvalidCharacterError', `'${qualifiedName}' is not a valid qualified name.`);
    }
    let prefix = null, localName = qualifiedName;
    const colon = StringPrototypeIndexOf(qualifiedName, ':');
    if (colon >= 0) { prefix = StringPrototypeSlice(qualifiedName, 0, colon); localName = StringPrototypeSlice(qualifiedName, colon + 1); }
    if (prefix !== null && namespace === null) throw makeError('NamespaceError', 'A prefix needs a namespace.');
    if (prefix === 'xml' && namespace !== XML_NS) throw makeError('NamespaceError', "The prefix 'xml' needs the XML namespace.");
    if ((qualifiedName === 'xmlns' || prefix === 'xmlns') !== (namespace === XMLNS_NS)) {
      throw makeError('NamespaceError', 'xmlns and the XMLNS namespace go together.');
    }
    return { __proto__: null, namespace, prefix, localName };
  };
  const htmlUppercasedQualifiedName = (element) => {
    const name = element[QUALIFIED];
    return element[NAMESPACE] === HTML_NS && element[DOCUMENT][HTML_DOCUMENT] ? asciiUppercase(name) : name;
  };
  const nodeName = (node) => {
    switch (node[TYPE]) {
      case 1: return htmlUppercasedQualifiedName(node);
      case 2: return node[QUALIFIED];
      case 3: return '#text';
      case 4: return '#cdata-section';
      case 7: return node[NAME];
      case 8: return '#comment';
      case 9: return '#document';
      case 10: return node[NAME];
      default: return '#document-fragment';
    }
  };

  // ---- Tree queries ---------------------------------------------------------------------

  const rootOf = (node) => { while (node[PARENT] !== null) node = node[PARENT]; return node; };
  const isShadowRoot = (node) => node[TYPE] === 11 && node[HOST] != null;
  const shadowIncludingRoot = (node) => {
    let root = rootOf(node);
    while (isShadowRoot(root)) root = rootOf(root[HOST]);
    return root;
  };
  const isText = (node) => node[TYPE] === 3 || node[TYPE] === 4;
  const documentElement = (document) => {
    for (let node = document[FIRST]; node !== null; node = node[NEXT]) if (node[TYPE] === 1) return node;
    return null;
  };
  /** The node after `node` in tree order within `root`, or null. */
  const following = (node, root) => {
    if (node[FIRST] !== null) return node[FIRST];
    for (; node !== root; node = node[PARENT]) if (node[NEXT] !== null) return node[NEXT];
    return null;
  };
  const followingSkippingChildren = (node, root) => {
    for (; node !== root; node = node[PARENT]) if (node[NEXT] !== null) return node[NEXT];
    return null;
  };
  /** The first element in tree order below `root` whose ID is `id`, by a walk. */
  const findElementById = (root, id) => {
    for (let node = root[FIRST]; node !== null; node = following(node, root)) {
      if (node[TYPE] === 1) {
        const attributes = node[ATTRIBUTES];
        for (let i = 0; i < attributes.length; i++) {
          const attribute = attributes[i];
          if (attribute[LOCAL] === 'id' && attribute[NAMESPACE] === null) { if (attribute[VALUE] === id) return node; break; }
        }
      }
    }
    return null;
  };
  const ID_INDEX = Symbol('idIndex');
  /**
   * getElementById: a document keeps an index of IDs, built by the second lookup at one VERSION
   * (a page that looks up many IDs between mutations) and dropped by any mutation; a lookup
   * after a mutation walks the tree, which stops at the first match.
   */
  const getElementById = (root, id) => {
    if (id === '') return null;
    if (root[TYPE] !== 9) return findElementById(root, id);
    const version = root[VERSION];
    let index = root[ID_INDEX];
    if (index === undefined) {
      index = { version: -1, ids: null, lookedUpAt: -1 };
      ObjectDefineProperty(root, ID_INDEX, { value: index });
    }
    if (index.version === version) return MapPrototypeGet(index.ids, id) ?? null;
    if (index.lookedUpAt !== version) {
      index.lookedUpAt = version;
      return findElementById(root, id);
    }
    const ids = new Map();
    for (let node = root[FIRST]; node !== null; node = following(node, root)) {
      if (node[TYPE] !== 1) continue;
      const attributes = node[ATTRIBUTES];
      for (let i = 0; i < attributes.length; i++) {
        const attribute = attributes[i];
        if (attribute[LOCAL] === 'id' && attribute[NAMESPACE] === null) {
          if (attribute[VALUE] !== '' && MapPrototypeGet(ids, attribute[VALUE]) === undefined) MapPrototypeSet(ids, attribute[VALUE], node);
          break;
        }
      }
    }
    index.version = version;
    index.ids = ids;
    return MapPrototypeGet(ids, id) ?? null;
  };
  const textContent = (node) => {
    const type = node[TYPE];
    if (type === 1 || type === 11) return descendantText(node);
    if (type === 2) return node[VALUE];
    if (type === 3 || type === 4 || type === 7 || type === 8) return node[DATA];
    return null;
  };
  /** DOM: descendant text content. */
  const descendantText = (root) => {
    let text = '';
    for (let node = root[FIRST]; node !== null; node = following(node, root)) if (node[TYPE] === 3 || node[TYPE] === 4) text += node[DATA];
    return text;
  };
  const childTextContent = (node) => {
    let text = '';
    for (let child = node[FIRST]; child !== null; child = child[NEXT]) if (child[TYPE] === 3 || child[TYPE] === 4) text += child[DATA];
    return text;
  };
  const setTextContent = (node, value) => {
    const type = node[TYPE];
    if (type === 1 || type === 11) replaceAll(value === '' ? null : createText(node[DOCUMENT], value), node);
    else if (type === 2) setExistingAttributeValue(node, value);
    else if (type === 3 || type === 4 || type === 7 || type === 8) replaceData(node, 0, node[DATA].length, value);
  };
  const documentBaseURL = (document) => {
    const base = runtime.nodes.baseURL;
    return base === null ? document[URL] : base(document);
  };

  // ---- Mutation algorithms (§4.2.3) ---------------------------------------------------------

  const touch = (node) => { node[DOCUMENT][VERSION]++; };
  /** Links `node` into `parent` before `child` (null: last), nothing else. */
  const link = (node, parent, child) => {
    (parent[TYPE] === 9 ? parent : parent[DOCUMENT])[TREE_VERSION]++;
    node[PARENT] = parent;
    if (child === null) {
      const last = parent[LAST];
      node[PREV] = last;
      node[NEXT] = null;
      if (last === null) parent[FIRST] = node; else last[NEXT] = node;
      parent[LAST] = node;
    } else {
      const previous = child[PREV];
      node[PREV] = previous;
      node[NEXT] = child;
      child[PREV] = node;
      if (previous === null) parent[FIRST] = node; else previous[NEXT] = node;
    }
  };
  const unlink = (node) => {
    const parent = node[PARENT], previous = node[PREV], next = node[NEXT];
    (parent[TYPE] === 9 ? parent : parent[DOCUMENT])[TREE_VERSION]++;
    if (previous === null) parent[FIRST] = next; else previous[NEXT] = next;
    if (next === null) parent[LAST] = previous; else next[PREV] = previous;
    node[PARENT] = null;
    node[PREV] = null;
    node[NEXT] = null;
  };
  const isInclusiveAncestor = (ancestor, node) => {
    for (; node != null; node = node[PARENT] ?? (isShadowRoot(node) ? node[HOST] : null)) if (node === ancestor) return true;
    return false;
  };
  const hasElementChild = (node) => { for (let n = node[FIRST]; n !== null; n = n[NEXT]) if (n[TYPE] === 1) return true; return false; };
  const doctypeFollows = (child) => { for (let n = child; n !== null; n = n[NEXT]) if (n[TYPE] === 10) return true; return false; };
  const elementPrecedes = (child) => { for (let n = child[PREV]; n !== null; n = n[PREV]) if (n[TYPE] === 1) return true; return false; };
  const hierarchyError = (message) => makeError('HierarchyRequestError', message);

  /** DOM: ensure pre-insertion validity (and, with `replacing`, the checks of "replace"). */
  const ensurePreInsertionValidity = (node, parent, child, replacing = false) => {
    const parentType = parent[TYPE];
    if (parentType !== 9 && parentType !== 11 && parentType !== 1) throw hierarchyError('This node type does not support this method.');
    if (isInclusiveAncestor(node, parent)) throw hierarchyError('The new child element contains the parent.');
    if (child !== null && child[PARENT] !== parent) {
      throw makeError('NotFoundError', replacing ? 'The node to be replaced is not a child of this node.'
        : 'The node before which the new node is to be inserted is not a child of this node.');
    }
    const type = node[TYPE];
    if (type !== 11 && type !== 10 && type !== 1 && type !== 3 && type !== 4 && type !== 7 && type !== 8) {
      throw hierarchyError('Nodes of this type may not be inserted.');
    }
    if ((type === 3 && parentType === 9) || (type === 10 && parentType !== 9)) {
      throw hierarchyError(`Nodes of type '${nodeName(node)}' may not be inserted inside nodes of type '${nodeName(parent)}'.`);
    }
    if (parentType !== 9) return;
    const hasOtherElement = () => { for (let n = parent[FIRST]; n !== null; n = n[NEXT]) if (n[TYPE] === 1 && n !== child) return true; return false; };
    if (type === 11) {
      let elements = 0;
      for (let n = node[FIRST]; n !== null; n = n[NEXT]) {
        if (n[TYPE] === 1) elements++;
        else if (n[TYPE] === 3) throw hierarchyError('Text nodes may not be inserted into a document.');
      }
      if (elements > 1) throw hierarchyError('A document may have only one element child.');
      if (elements === 1 && ((replacing ? hasOtherElement() : hasElementChild(parent)) || (child !== null && child[TYPE] === 10) ||
          (child !== null && doctypeFollows(replacing ? child[NEXT] : child)))) {
        throw hierarchyError('A document may have only one element child, after its doctype.');
      }
    } else if (type === 1) {
      if ((replacing ? hasOtherElement() : hasElementChild(parent)) || (child !== null && child[TYPE] === 10) ||
          (child !== null && doctypeFollows(replacing ? child[NEXT] : child))) {
        throw hierarchyError('A document may have only one element child, after its doctype.');
      }
    } else if (type === 10) {
      for (let n = parent[FIRST]; n !== null; n = n[NEXT]) if (n[TYPE] === 10 && n !== child) throw hierarchyError('A document may have only one doctype.');
      if ((child !== null && elementPrecedes(child)) || (child === null && hasElementChild(parent))) {
        throw hierarchyError('A doctype must come before the document element.');
      }
    }
  };
  const preInsert = (node, parent, child) => {
    ensurePreInsertionValidity(node, parent, child);
    insert(node, parent, child === node ? node[NEXT] : child);
    return node;
  };
  /** DOM: insert (the node's validity already checked). */
  const insert = (node, parent, child, suppressObservers = false) => {
    const document = parent[TYPE] === 9 ? parent : parent[DOCUMENT];
    if (node[TYPE] === 11) {
      const nodes = [];
      for (let n = node[FIRST]; n !== null; n = n[NEXT]) ArrayPrototypePush(nodes, n);
      for (const n of safeArray(nodes)) unlink(n);
      if (nodes.length > 0) {
        touch(node);
        if (hooks.mutation !== null) hooks.mutation('childList', node, null, null, null, [], nodes, null, null);
      }
      const previous = child === null ? parent[LAST] : child[PREV];
      for (const n of safeArray(nodes)) {
        if (n[DOCUMENT] !== document) adoptSubtree(n, document);
        link(n, parent, child);
      }
      document[VERSION]++;
      if (!suppressObservers && hooks.mutation !== null && nodes.length > 0) {
        hooks.mutation('childList', parent, null, null, null, nodes, [], previous, child);
      }
      if (hooks.inserted !== null) for (const n of safeArray(nodes)) hooks.inserted(n);
      return;
    }
    if (node[PARENT] !== null) removeNode(node);
    if (node[DOCUMENT] !== document) adoptSubtree(node, document);
    const previous = child === null ? parent[LAST] : child[PREV];
    link(node, parent, child);
    document[VERSION]++;
    if (!suppressObservers && hooks.mutation !== null) hooks.mutation('childList', parent, null, null, null, [node], [], previous, child);
    if (hooks.inserted !== null) hooks.inserted(node);
  };
  /** The nodes `node` inserts: a fragment's children, else itself. */
  const nodesToInsert = (node) => {
    if (node[TYPE] !== 11) return [node];
    const list = [];
    for (let n = node[FIRST]; n !== null; n = n[NEXT]) ArrayPrototypePush(list, n);
    return list;
  };
  const appendChild = (parent, node) => preInsert(node, parent, null);
  const replaceChild = (child, node, parent) => {
    ensurePreInsertionValidity(node, parent, child, true);
    let reference = child[NEXT];
    if (reference === node) reference = node[NEXT];
    let previous = child[PREV];
    if (previous === node) previous = node[PREV];
    const removed = child[PARENT] !== null ? [child] : [];
    if (child[PARENT] !== null) removeNode(child, true);
    const added = hooks.mutation === null ? null : nodesToInsert(node);
    insert(node, parent, reference, true);
    if (hooks.mutation !== null) hooks.mutation('childList', parent, null, null, null, added ?? nodesToInsert(node), removed, previous, reference);
    return child;
  };
  /** DOM: replace all (textContent, innerHTML, replaceChildren). */
  const replaceAll = (node, parent) => {
    const observed = hooks.mutation !== null;
    const removed = [];
    const added = observed && node !== null ? nodesToInsert(node) : [];
    while (parent[FIRST] !== null) {
      if (observed) ArrayPrototypePush(removed, parent[FIRST]);
      removeNode(parent[FIRST], true);
    }
    if (node !== null) insert(node, parent, null, true);
    if (observed && (added.length > 0 || removed.length > 0)) hooks.mutation('childList', parent, null, null, null, added, removed, null, null);
  };
  const preRemove = (child, parent) => {
    if (child[PARENT] !== parent) throw makeError('NotFoundError', 'The node to be removed is not a child of this node.');
    removeNode(child);
    return child;
  };
  /** DOM: remove. */
  const removeNode = (node, suppressObservers = false) => {
    const parent = node[PARENT];
    if (hooks.removing !== null) {
      hooks.removing(node, parent);
      // A listener the hook's events ran moved the node already.
      if (node[PARENT] !== parent) return;
    }
    const document = node[DOCUMENT];
    const iterators = document[ITERATORS];
    if (iterators !== null) for (const iterator of safeArray(iterators)) runtime.traversal.preRemove(iterator, node);
    const previous = node[PREV], next = node[NEXT];
    unlink(node);
    document[VERSION]++;
    if (!suppressObservers && hooks.mutation !== null) hooks.mutation('childList', parent, null, null, null, [], [node], previous, next);
    if (hooks.removed !== null) hooks.removed(node, parent);
  };
  /** DOM: adopt. */
  const adopt = (node, document) => {
    if (node[PARENT] !== null) removeNode(node);
    if (node[DOCUMENT] !== document) adoptSubtree(node, document);
  };
  const adoptSubtree = (root, document) => {
    const oldDocument = root[DOCUMENT];
    adoptNodes(root, document);
    if (hooks.adopted !== null) hooks.adopted(root, oldDocument);
  };
  const adoptNodes = (root, document) => {
    for (let node = root; node !== null; node = following(node, root)) {
      node[DOCUMENT] = document;
      if (node[TYPE] === 1) {
        for (const attribute of safeArray(node[ATTRIBUTES])) attribute[DOCUMENT] = document;
        if (node[SHADOW] !== null) adoptNodes(node[SHADOW], document);
        if (node[CONTENT] !== undefined) adoptNodes(node[CONTENT], templateDocumentOf(document));
      }
    }
  };

  // ---- Attributes (§4.9) ---------------------------------------------------------------------

  const attributeByName = (element, qualifiedName) => {
    if (element[NAMESPACE] === HTML_NS && element[DOCUMENT][HTML_DOCUMENT]) qualifiedName = asciiLowercase(qualifiedName);
    const attributes = element[ATTRIBUTES];
    for (let i = 0; i < attributes.length; i++) if (attributes[i][QUALIFIED] === qualifiedName) return attributes[i];
    return null;
  };
  const attributeByNamespace = (element, namespace, localName) => {
    const attributes = element[ATTRIBUTES];
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i];
      if (attribute[LOCAL] === localName && attribute[NAMESPACE] === namespace) return attribute;
    }
    return null;
  };
  /** The value of the attribute in no namespace named `localName`, or '' (a reflected DOMString). */
  const getAttributeValue = (element, localName) => {
    const attributes = element[ATTRIBUTES];
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i];
      if (attribute[LOCAL] === localName && attribute[NAMESPACE] === null) return attribute[VALUE];
    }
    return '';
  };
  /** The attribute in no namespace named `localName`'s value, or null. */
  const getAttributeOrNull = (element, localName) => {
    const attribute = attributeByNamespace(element, null, localName);
    return attribute === null ? null : attribute[VALUE];
  };
  /** DOM: set an attribute value (no namespace). */
  const setAttributeValue = (element, localName, value) => {
    const attribute = attributeByNamespace(element, null, localName);
    if (attribute === null) appendAttribute(element, createAttr(element[DOCUMENT], null, null, localName, localName, value));
    else changeAttribute(attribute, value);
  };
  const removeAttributeByName = (element, localName) => {
    const attribute = attributeByNamespace(element, null, localName);
    if (attribute !== null) removeAttribute(attribute);
  };
  const setAttributeNS = (element, namespace, prefix, localName, value) => {
    const attribute = attributeByNamespace(element, namespace, localName);
    if (attribute === null) {
      appendAttribute(element, createAttr(element[DOCUMENT], namespace, prefix, localName, prefix === null ? localName : prefix + ':' + localName, value));
    } else changeAttribute(attribute, value);
  };
  const changed = (element, attribute, oldValue) => {
    element[DOCUMENT][VERSION]++;
    if (attribute[NAMESPACE] === null && (attribute[LOCAL] === 'id' || attribute[LOCAL] === 'class')) element[DOCUMENT][TREE_VERSION]++;
    if (hooks.mutation !== null) hooks.mutation('attributes', element, attribute[LOCAL], attribute[NAMESPACE], oldValue, null, null, null, null);
    if (hooks.attributeChanged !== null) {
      const value = attribute[OWNER] === element ? attribute[VALUE] : null;
      hooks.attributeChanged(element, attribute[LOCAL], attribute[NAMESPACE], oldValue, value);
    }
  };
  const changeAttribute = (attribute, value) => {
    const oldValue = attribute[VALUE];
    attribute[VALUE] = value;
    changed(attribute[OWNER], attribute, oldValue);
  };
  const appendAttribute = (element, attribute) => {
    ArrayPrototypePush(element[ATTRIBUTES], attribute);
    attribute[OWNER] = element;
    attribute[DOCUMENT] = element[DOCUMENT];
    changed(element, attribute, null);
  };
  const removeAttribute = (attribute) => {
    const element = attribute[OWNER];
    const attributes = element[ATTRIBUTES];
    ArrayPrototypeSplice(attributes, ArrayPrototypeIndexOf(attributes, attribute), 1);
    attribute[OWNER] = null;
    changed(element, attribute, attribute[VALUE]);
  };
  const setExistingAttributeValue = (attribute, value) => {
    if (attribute[OWNER] === null) attribute[VALUE] = value;
    else changeAttribute(attribute, value);
  };
  const setAttributeNode = (element, attr) => {
    if (attr === null || typeof attr !== 'object' || attr[TYPE] !== 2) throw new TypeError("parameter 1 is not of type 'Attr'.");
    if (attr[OWNER] !== null && attr[OWNER] !== element) throw makeError('InUseAttributeError', 'The attribute is in use by another element.');
    const old = attributeByNamespace(element, attr[NAMESPACE], attr[LOCAL]);
    if (old === attr) return attr;
    if (old !== null) {
      const attributes = element[ATTRIBUTES];
      attributes[ArrayPrototypeIndexOf(attributes, old)] = attr;
      old[OWNER] = null;
      attr[OWNER] = element;
      attr[DOCUMENT] = element[DOCUMENT];
      changed(element, attr, old[VALUE]);
    } else appendAttribute(element, attr);
    return old;
  };

  // ---- CharacterData (§4.10) -----------------------------------------------------------------

  const replaceData = (node, offset, count, data) => {
    const old = node[DATA];
    const length = old.length;
    if (offset > length) throw makeError('IndexSizeError', `The offset ${offset} is greater than the node's length (${length}).`);
    if (offset + count > length) count = length - offset;
    if (hooks.mutation !== null) hooks.mutation('characterData', node, null, null, old, null, null, null, null);
    node[DATA] = StringPrototypeSlice(old, 0, offset) + data + StringPrototypeSlice(old, offset + count);
    node[DOCUMENT][VERSION]++;
  };
  const splitText = (node, offset) => {
    const length = node[DATA].length;
    if (offset > length) throw makeError('IndexSizeError', `The offset ${offset} is larger than the Text node's length.`);
    const data = StringPrototypeSlice(node[DATA], offset);
    const newNode = createCharacterData(node[TYPE] === 4 ? cdataFactory : textFactory, node[DOCUMENT], data);
    const parent = node[PARENT];
    if (parent !== null) insert(newNode, parent, node[NEXT]);
    replaceData(node, offset, length - offset, '');
    return newNode;
  };
  const normalize = (root) => {
    for (let node = root[FIRST]; node !== null;) {
      if (node[TYPE] !== 3) { node = following(node, root); continue; }
      if (node[DATA].length === 0) {
        const next = followingSkippingChildren(node, root);
        removeNode(node);
        node = next;
        continue;
      }
      let data = '';
      for (let sibling = node[NEXT]; sibling !== null && sibling[TYPE] === 3; sibling = sibling[NEXT]) data += sibling[DATA];
      if (data !== '') replaceData(node, node[DATA].length, 0, data);
      while (node[NEXT] !== null && node[NEXT][TYPE] === 3) removeNode(node[NEXT]);
      node = followingSkippingChildren(node, root);
    }
  };

  // ---- Cloning, equality, position -----------------------------------------------------------

  /** DOM: clone a node into `document` (null: the node's own document). */
  const cloneNode = (node, document, deep) => {
    document ??= node[DOCUMENT];
    let copy;
    switch (node[TYPE]) {
      case 1: {
        copy = createElement(document, node[NAMESPACE], node[PREFIX], node[LOCAL]);
        const attributes = copy[ATTRIBUTES];
        for (const attribute of safeArray(node[ATTRIBUTES])) {
          const clone = createAttr(document, attribute[NAMESPACE], attribute[PREFIX], attribute[LOCAL], attribute[QUALIFIED], attribute[VALUE]);
          clone[OWNER] = copy;
          ArrayPrototypePush(attributes, clone);
        }
        if (deep && node[CONTENT] !== undefined) {
          for (let child = node[CONTENT][FIRST]; child !== null; child = child[NEXT]) link(cloneNode(child, copy[CONTENT][DOCUMENT], true), copy[CONTENT], null);
        }
        const shadow = node[SHADOW];
        if (shadow !== null && shadow[SHADOW_FLAGS] & 2) {
          const root = attachShadowRoot(copy, shadow[MODE], shadow[SHADOW_FLAGS]);
          for (let child = shadow[FIRST]; child !== null; child = child[NEXT]) link(cloneNode(child, document, true), root, null);
        }
        break;
      }
      case 2: copy = createAttr(document, node[NAMESPACE], node[PREFIX], node[LOCAL], node[QUALIFIED], node[VALUE]); break;
      case 3: copy = createText(document, node[DATA]); break;
      case 4: copy = createCharacterData(cdataFactory, document, node[DATA]); break;
      case 7: copy = createProcessingInstruction(document, node[NAME], node[DATA]); break;
      case 8: copy = createComment(document, node[DATA]); break;
      case 9:
        copy = createDocument({ type: node[HTML_DOCUMENT] ? 'html' : 'xml', contentType: node[CONTENT_TYPE], url: node[URL], mode: node[MODE] });
        copy[CHARSET] = node[CHARSET];
        document = copy;
        break;
      case 10: copy = createDocumentType(document, node[NAME], node[PUBLIC_ID], node[SYSTEM_ID]); break;
      default: copy = createDocumentFragment(document);
    }
    if (hooks.cloned !== null) hooks.cloned(copy, node, deep);
    if (deep) for (let child = node[FIRST]; child !== null; child = child[NEXT]) link(cloneNode(child, document, true), copy, null);
    return copy;
  };
  const isEqualNode = (a, b) => {
    if (a[TYPE] !== b[TYPE]) return false;
    switch (a[TYPE]) {
      case 10: if (a[NAME] !== b[NAME] || a[PUBLIC_ID] !== b[PUBLIC_ID] || a[SYSTEM_ID] !== b[SYSTEM_ID]) return false; break;
      case 1: {
        if (a[NAMESPACE] !== b[NAMESPACE] || a[PREFIX] !== b[PREFIX] || a[LOCAL] !== b[LOCAL]) return false;
        const left = a[ATTRIBUTES], right = b[ATTRIBUTES];
        if (left.length !== right.length) return false;
        for (const attribute of safeArray(left)) {
          const other = attributeByNamespace(b, attribute[NAMESPACE], attribute[LOCAL]);
          if (other === null || other[VALUE] !== attribute[VALUE]) return false;
        }
        break;
      }
      case 2: if (a[NAMESPACE] !== b[NAMESPACE] || a[LOCAL] !== b[LOCAL] || a[VALUE] !== b[VALUE]) return false; break;
      case 7: if (a[NAME] !== b[NAME] || a[DATA] !== b[DATA]) return false; break;
      case 3: case 4: case 8: if (a[DATA] !== b[DATA]) return false; break;
      default:
    }
    let x = a[FIRST], y = b[FIRST];
    for (; x !== null && y !== null; x = x[NEXT], y = y[NEXT]) if (!isEqualNode(x, y)) return false;
    return x === null && y === null;
  };
  const treeOrders = new runtime.primordials.WeakMap();
  let nextTreeOrder = 0;
  /** The rank of a disconnected tree (its root) for compareDocumentPosition, fixed at first use. */
  const treeOrderOf = (root) => {
    let order = runtime.primordials.WeakMapPrototypeGet(treeOrders, root);
    if (order === undefined) {
      order = ++nextTreeOrder;
      runtime.primordials.WeakMapPrototypeSet(treeOrders, root, order);
    }
    return order;
  };
  const compareDocumentPosition = (self, other) => {
    checkNode(other);
    if (self === other) return 0;
    let node1 = other, node2 = self, attr1 = null, attr2 = null;
    if (node1[TYPE] === 2) { attr1 = node1; node1 = attr1[OWNER]; }
    if (node2[TYPE] === 2) {
      attr2 = node2;
      node2 = attr2[OWNER];
      if (attr1 !== null && node1 !== null && node2 === node1) {
        for (const attribute of safeArray(node2[ATTRIBUTES])) {
          if (attribute === attr1) return 32 | 2;
          if (attribute === attr2) return 32 | 4;
        }
      }
    }
    if (node1 === null || node2 === null || rootOf(node1) !== rootOf(node2)) {
      // Implementation-specific, but consistent: trees ordered by when they were first compared.
      const order1 = treeOrderOf(node1 === null ? attr1 : rootOf(node1));
      const order2 = treeOrderOf(node2 === null ? attr2 : rootOf(node2));
      return 1 | 32 | (order1 < order2 ? 2 : 4);
    }
    if ((attr1 === null && isAncestorOf(node1, node2)) || (node1 === node2 && attr2 !== null)) return 8 | 2;
    if ((attr2 === null && isAncestorOf(node2, node1)) || (node1 === node2 && attr1 !== null)) return 16 | 4;
    return precedes(node1, node2) ? 2 : 4;
  };
  const isAncestorOf = (ancestor, node) => {
    for (node = node[PARENT]; node !== null; node = node[PARENT]) if (node === ancestor) return true;
    return false;
  };
  /** Whether `a` comes before `b` in tree order (same root, neither an ancestor of the other). */
  const precedes = (a, b) => {
    const pathA = [], pathB = [];
    for (let n = a; n !== null; n = n[PARENT]) ArrayPrototypePush(pathA, n);
    for (let n = b; n !== null; n = n[PARENT]) ArrayPrototypePush(pathB, n);
    let i = pathA.length - 1, j = pathB.length - 1;
    while (i > 0 && j > 0 && pathA[i - 1] === pathB[j - 1]) { i--; j--; }
    if (i === 0) return true;
    if (j === 0) return false;
    for (let n = pathA[i - 1]; n !== null; n = n[NEXT]) if (n === pathB[j - 1]) return true;
    return false;
  };
  /** DOM §4.4: locate a namespace. */
  const locateNamespace = (node, prefix) => {
    switch (node[TYPE]) {
      case 1: {
        if (prefix === 'xml') return XML_NS;
        if (prefix === 'xmlns') return XMLNS_NS;
        if (node[NAMESPACE] !== null && node[PREFIX] === prefix) return node[NAMESPACE];
        for (const attribute of safeArray(node[ATTRIBUTES])) {
          if (attribute[NAMESPACE] === XMLNS_NS && ((attribute[PREFIX] === 'xmlns' && attribute[LOCAL] === prefix) ||
              (prefix === null && attribute[PREFIX] === null && attribute[LOCAL] === 'xmlns'))) {
            return attribute[VALUE] === '' ? null : attribute[VALUE];
          }
        }
        const parent = node[PARENT];
        return parent !== null && parent[TYPE] === 1 ? locateNamespace(parent, prefix) : null;
      }
      case 9: { const element = documentElement(node); return element === null ? null : locateNamespace(element, prefix); }
      case 10: case 11: return null;
      case 2: return node[OWNER] === null ? null : locateNamespace(node[OWNER], prefix);
      default: {
        const parent = node[PARENT];
        return parent !== null && parent[TYPE] === 1 ? locateNamespace(parent, prefix) : null;
      }
    }
  };
  const locatePrefix = (node, namespace) => {
    let element = node;
    if (node[TYPE] === 9) element = documentElement(node);
    else if (node[TYPE] === 2) element = node[OWNER];
    else if (node[TYPE] !== 1) element = node[PARENT];
    for (; element != null && element[TYPE] === 1; element = element[PARENT]) {
      if (element[NAMESPACE] === namespace && element[PREFIX] !== null) return element[PREFIX];
      for (const attribute of safeArray(element[ATTRIBUTES])) if (attribute[PREFIX] === 'xmlns' && attribute[VALUE] === namespace) return attribute[LOCAL];
    }
    return null;
  };

  /** HTML §3.2.5 insertAdjacentElement/Text's positions. */
  const insertAdjacent = (element, where, node) => {
    switch (asciiLowercase(where)) {
      case 'beforebegin': return element[PARENT] === null ? null : preInsert(node, element[PARENT], element);
      case 'afterbegin': return preInsert(node, element, element[FIRST]);
      case 'beforeend': return preInsert(node, element, null);
      case 'afterend': return element[PARENT] === null ? null : preInsert(node, element[PARENT], element[NEXT]);
      default: throw makeError('SyntaxError', `The value provided ('${where}') is not one of 'beforeBegin', 'afterBegin', 'beforeEnd', or 'afterEnd'.`);
    }
  };

  const interfaces = {
    Node, Element, CharacterData, Text, CDATASection, Comment, ProcessingInstruction, DocumentType, DocumentFragment, ShadowRoot,
    Attr, Document, XMLDocument,
  };
  for (const name in interfaces) {
    ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  const exports = {
    ...interfaces, interfaces: ObjectFreeze(interfaces), hooks, HTML_DOCUMENT, TREE_VERSION, TEMPLATE_DOCUMENT, READY_STATE, CHARSET, ITERATORS,
    SHADOW_FLAGS, FORM_OWNER, CUSTOM_ELEMENT_STATE, elementFactory, elementFactoryFor, registerElementInterface, createElement, createText, createComment,
    createProcessingInstruction, createDocumentType, createDocumentFragment, createAttr, createDocument, attachShadowRoot,
    canHostShadowRoot,
    templateDocumentOf, textFactory, commentFactory, namePattern, asciiLowercase, asciiUppercase, validateAndExtract,
    nodeName, rootOf, shadowIncludingRoot, isShadowRoot, documentElement, following, followingSkippingChildren, getElementById,
    descendantText, childTextContent, textContent, link, unlink, insert, preInsert, appendChild, replaceChild, replaceAll, removeNode, adopt,
    ensurePreInsertionValidity, attributeByName, attributeByNamespace, getAttributeValue, getAttributeOrNull, setAttributeValue,
    removeAttributeByName, setAttributeNS, setAttributeNode, appendAttribute, removeAttribute, changeAttribute, replaceData, cloneNode,
    isEqualNode, precedes, convertNodes, mixin, insertAdjacent, checkNode,
    /** `(document) => string`: the document base URL; window.js sets it, else the document's URL. */
    baseURL: null,
    /** The document `new Text()` and `new Document()` use (the window's); window.js sets it. */
    setCurrentDocument(document) { currentDocument = document; },
    /** The realm's current document (made on first use when no window set one). */
    currentDocument: requireCurrentDocument,
  };
  return exports;
}
