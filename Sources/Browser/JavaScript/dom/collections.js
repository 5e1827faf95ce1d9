// Collections (DOM §4.2.10 NodeList, §4.2.10.2 HTMLCollection, §4.9.1 NamedNodeMap, §7.1
// DOMTokenList): live ones cache their list and rebuild it only when the document's VERSION has
// moved; indexed access (`list[0]`) goes through one shared Proxy handler. Also the getters that
// return them on the node interfaces (`childNodes`, `children`, `attributes`, `classList`,
// `getElementsBy*`), each [SameObject] where the spec says so.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice, Map, MapPrototypeGet, MapPrototypeSet,
    ObjectDefineProperty, ObjectFreeze, ReflectDefineProperty, ReflectGet, ReflectGetOwnPropertyDescriptor, ReflectHas, ReflectOwnKeys,
    String, StringPrototypeCharCodeAt, Symbol, TypeError,
  } = runtime.primordials;
  // Captured when the realm is made, before any page code runs.
  const { Proxy } = globalThis;
  const SymbolIterator = Symbol.iterator;
  const { TYPE, DOCUMENT, PARENT, FIRST, NEXT, NAMESPACE, LOCAL, QUALIFIED, ATTRIBUTES, VALUE, VERSION, MODE, HTML_NS } = runtime.internals;
  const { makeError } = runtime['dom-exception'];
  const nodes = runtime.nodes;
  const { following, asciiLowercase, getAttributeValue, setAttributeValue, attributeByName, HTML_DOCUMENT } = nodes;

  const STATE = Symbol('collection');
  const illegal = () => new TypeError('Illegal constructor');
  let constructing = false;

  /** A canonical array index as a number, or -1. */
  const indexOf = (key) => {
    if (typeof key !== 'string') return -1;
    const length = key.length;
    if (length === 0 || length > 10) return -1;
    let value = 0;
    for (let i = 0; i < length; i++) {
      const c = StringPrototypeCharCodeAt(key, i) - 48;
      if (c < 0 || c > 9 || (c === 0 && i === 0 && length > 1)) return -1;
      value = value * 10 + c;
    }
    return value < 4294967295 ? value : -1;
  };

  /**
   * A collection's state: `root` and `select(node)` for live lists (`deep`: descendants, else
   * children), or a fixed `list`; `named`: whether names (id, name) are supported properties.
   */
  class CollectionState {
    constructor(root, select, deep, named, list) {
      this.root = root;
      this.select = select;
      this.deep = deep;
      this.named = named;
      this.list = list;
      this.document = null;
      this.version = -1;
    }
  }
  /** The current list of a collection, rebuilt when its document changed. */
  const listOf = (state) => {
    const root = state.root;
    if (root === null) return state.list;
    const document = root[DOCUMENT];
    if (state.version === document[VERSION] && state.document === document) return state.list;
    const list = [];
    const select = state.select;
    if (state.deep) {
      for (let node = root[FIRST]; node !== null; node = following(node, root)) if (select(node)) ArrayPrototypePush(list, node);
    } else {
      for (let node = root[FIRST]; node !== null; node = node[NEXT]) if (select(node)) ArrayPrototypePush(list, node);
    }
    state.list = list;
    state.document = document;
    state.version = document[VERSION];
    return list;
  };
  const stateOf = (collection) => {
    const state = collection?.[STATE];
    if (state === undefined) throw new TypeError('Illegal invocation');
    return state;
  };
  /** HTMLCollection's supported property names lookup (§4.2.10.2 namedItem). */
  const namedItemIn = (list, key) => {
    if (key === '') return null;
    for (const element of safeArray(list)) {
      for (const attribute of safeArray(element[ATTRIBUTES])) {
        if (attribute[NAMESPACE] !== null) continue;
        const local = attribute[LOCAL];
        if ((local === 'id' || (local === 'name' && element[NAMESPACE] === HTML_NS)) && attribute[VALUE] === key) return element;
      }
    }
    return null;
  };
  const namesIn = (list) => {
    const names = [];
    for (const element of safeArray(list)) {
      for (const attribute of safeArray(element[ATTRIBUTES])) {
        if (attribute[NAMESPACE] !== null) continue;
        const local = attribute[LOCAL];
        if ((local === 'id' || (local === 'name' && element[NAMESPACE] === HTML_NS)) && attribute[VALUE] !== '' &&
            ArrayPrototypeIndexOf(names, attribute[VALUE]) < 0) ArrayPrototypePush(names, attribute[VALUE]);
      }
    }
    return names;
  };

  // One handler for every collection: the target is the collection object itself.
  const handler = {
    __proto__: null,
    get(target, key, receiver) {
      if (typeof key === 'symbol') return target[key];
      const index = indexOf(key);
      if (index >= 0) return listOf(target[STATE])[index];
      if (target[STATE].named && !ReflectHas(target, key)) {
        const element = namedItemIn(listOf(target[STATE]), key);
        if (element !== null) return element;
      }
      return ReflectGet(target, key, receiver);
    },
    has(target, key) {
      const index = indexOf(key);
      if (index >= 0) return index < listOf(target[STATE]).length;
      if (typeof key === 'string' && target[STATE].named && namedItemIn(listOf(target[STATE]), key) !== null) return true;
      return ReflectHas(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const index = indexOf(key);
      if (index >= 0) {
        const list = listOf(target[STATE]);
        return index < list.length ? { value: list[index], writable: false, enumerable: true, configurable: true } : undefined;
      }
      if (typeof key === 'string' && target[STATE].named && !ReflectHas(target, key)) {
        const element = namedItemIn(listOf(target[STATE]), key);
        if (element !== null) return { value: element, writable: false, enumerable: false, configurable: true };
      }
      return ReflectGetOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      const keys = [];
      const list = listOf(target[STATE]);
      for (let i = 0; i < list.length; i++) ArrayPrototypePush(keys, String(i));
      if (target[STATE].named) for (const name of safeArray(namesIn(list))) ArrayPrototypePush(keys, name);
      for (const key of safeArray(ReflectOwnKeys(target))) ArrayPrototypePush(keys, key);
      return keys;
    },
    set(target, key, value, receiver) {
      if (indexOf(key) >= 0) return false;
      return runtime.primordials.ReflectSet(target, key, value, receiver);
    },
    defineProperty(target, key, descriptor) {
      if (indexOf(key) >= 0) return false;
      return ReflectDefineProperty(target, key, descriptor);
    },
    deleteProperty(target, key) {
      if (indexOf(key) >= 0) return !(indexOf(key) < listOf(target[STATE]).length);
      return runtime.primordials.ReflectDeleteProperty(target, key);
    },
  };
  const make = (Interface, state) => {
    constructing = true;
    const collection = new Interface();
    constructing = false;
    ObjectDefineProperty(collection, STATE, { value: state });
    return new Proxy(collection, handler);
  };

  class NodeList {
    constructor() { if (!constructing) throw illegal(); }
    get length() { return listOf(stateOf(this)).length; }
    item(index) { return listOf(stateOf(this))[index >>> 0] ?? null; }
    forEach(callback, thisArg = undefined) {
      const list = listOf(stateOf(this));
      for (let i = 0; i < list.length; i++) runtime.primordials.FunctionPrototypeCall(callback, thisArg, list[i], i, this);
    }
    *keys() { const state = stateOf(this); for (let i = 0; i < listOf(state).length; i++) yield i; }
    *values() { const state = stateOf(this); for (let i = 0; i < listOf(state).length; i++) yield listOf(state)[i]; }
    *entries() { const state = stateOf(this); for (let i = 0; i < listOf(state).length; i++) yield [i, listOf(state)[i]]; }
  }
  ObjectDefineProperty(NodeList.prototype, SymbolIterator, { value: NodeList.prototype.values, writable: true, configurable: true });

  class HTMLCollection {
    constructor() { if (!constructing) throw illegal(); }
    get length() { return listOf(stateOf(this)).length; }
    item(index) { return listOf(stateOf(this))[index >>> 0] ?? null; }
    namedItem(name) { return namedItemIn(listOf(stateOf(this)), String(name)); }
    *[SymbolIterator]() { const state = stateOf(this); for (let i = 0; i < listOf(state).length; i++) yield listOf(state)[i]; }
  }

  /** A static NodeList over `array` (querySelectorAll); the array is kept, not copied. */
  const createStaticNodeList = (array) => make(NodeList, new CollectionState(null, null, false, false, array));
  /** A live NodeList of the nodes below `root` (children only unless `deep`) that `select` keeps. */
  const createLiveNodeList = (root, select, deep = false) => make(NodeList, new CollectionState(root, select, deep, false, null));
  /** A live HTMLCollection of the elements below `root` (descendants unless `deep` is false) that `select` keeps. */
  const createHTMLCollection = (root, select, deep = true, Interface = HTMLCollection) =>
    make(Interface, new CollectionState(root, select, deep, true, null));
  /** The current array behind a collection made here (Caper's own code reads it without the Proxy). */
  const arrayOf = (collection) => listOf(stateOf(collection));
  /** The node a live collection was made over. */
  const rootOf = (collection) => stateOf(collection).root;

  // ---- NamedNodeMap (§4.9.1): a live view of an element's attribute list ---------------------
  const ELEMENT = Symbol('element');
  class NamedNodeMap {
    constructor() { if (!constructing) throw illegal(); }
    get length() { return this[ELEMENT][ATTRIBUTES].length; }
    item(index) { return this[ELEMENT][ATTRIBUTES][index >>> 0] ?? null; }
    getNamedItem(qualifiedName) { return attributeByName(this[ELEMENT], String(qualifiedName)); }
    getNamedItemNS(namespace, localName) { return nodes.attributeByNamespace(this[ELEMENT], namespace === '' ? null : namespace ?? null, String(localName)); }
    setNamedItem(attr) { return nodes.setAttributeNode(this[ELEMENT], attr); }
    setNamedItemNS(attr) { return nodes.setAttributeNode(this[ELEMENT], attr); }
    removeNamedItem(qualifiedName) {
      const attribute = attributeByName(this[ELEMENT], String(qualifiedName));
      if (attribute === null) throw makeError('NotFoundError', `No item with name '${qualifiedName}' was found.`);
      nodes.removeAttribute(attribute);
      return attribute;
    }
    removeNamedItemNS(namespace, localName) {
      const attribute = nodes.attributeByNamespace(this[ELEMENT], namespace === '' ? null : namespace ?? null, String(localName));
      if (attribute === null) throw makeError('NotFoundError', `No item with name '${localName}' was found.`);
      nodes.removeAttribute(attribute);
      return attribute;
    }
    *[SymbolIterator]() { const attributes = this[ELEMENT][ATTRIBUTES]; for (let i = 0; i < attributes.length; i++) yield attributes[i]; }
  }
  const attributeMapHandler = {
    __proto__: null,
    get(target, key, receiver) {
      if (typeof key === 'symbol') return target[key];
      const index = indexOf(key);
      if (index >= 0) return target[ELEMENT][ATTRIBUTES][index];
      if (!ReflectHas(target, key)) { const attribute = attributeByName(target[ELEMENT], key); if (attribute !== null) return attribute; }
      return ReflectGet(target, key, receiver);
    },
    has(target, key) {
      const index = indexOf(key);
      if (index >= 0) return index < target[ELEMENT][ATTRIBUTES].length;
      return ReflectHas(target, key) || (typeof key === 'string' && attributeByName(target[ELEMENT], key) !== null);
    },
    getOwnPropertyDescriptor(target, key) {
      const index = indexOf(key);
      if (index >= 0) {
        const attribute = target[ELEMENT][ATTRIBUTES][index];
        return attribute === undefined ? undefined : { value: attribute, writable: false, enumerable: true, configurable: true };
      }
      return ReflectGetOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      const keys = [];
      const attributes = target[ELEMENT][ATTRIBUTES];
      for (let i = 0; i < attributes.length; i++) ArrayPrototypePush(keys, String(i));
      for (const key of safeArray(ReflectOwnKeys(target))) ArrayPrototypePush(keys, key);
      return keys;
    },
    set(target, key, value, receiver) { return indexOf(key) >= 0 ? false : runtime.primordials.ReflectSet(target, key, value, receiver); },
    defineProperty(target, key, descriptor) { return indexOf(key) >= 0 ? false : ReflectDefineProperty(target, key, descriptor); },
  };

  // ---- DOMTokenList (§7.1) over one attribute --------------------------------------------------
  const ATTRIBUTE = Symbol('attribute');
  const TOKENS = Symbol('tokens');
  const SUPPORTED = Symbol('supportedTokens');
  const isWhitespace = (c) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
  /** The ordered set parser: unique tokens split on ASCII whitespace. */
  const parseTokens = (text) => {
    const tokens = [];
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? StringPrototypeCharCodeAt(text, i) : 32;
      if (isWhitespace(c)) {
        if (start >= 0) {
          const token = runtime.primordials.StringPrototypeSlice(text, start, i);
          if (ArrayPrototypeIndexOf(tokens, token) < 0) ArrayPrototypePush(tokens, token);
          start = -1;
        }
      } else if (start < 0) start = i;
    }
    return tokens;
  };
  /** The token set for the attribute's current value, reparsed only when the value changed. */
  const tokensOf = (list) => {
    const value = getAttributeValue(list[ELEMENT], list[ATTRIBUTE]);
    const cached = list[TOKENS];
    if (cached.value === value) return cached.tokens;
    const tokens = parseTokens(value);
    list[TOKENS] = { value, tokens };
    return tokens;
  };
  const validateToken = (token) => {
    token = String(token);
    if (token === '') throw makeError('SyntaxError', 'The token provided must not be empty.');
    for (let i = 0; i < token.length; i++) {
      if (isWhitespace(StringPrototypeCharCodeAt(token, i))) {
        throw makeError('InvalidCharacterError', `The token provided ('${token}') contains HTML space characters, which are not valid in tokens.`);
      }
    }
    return token;
  };
  /** DOMTokenList's update steps. */
  const update = (list, tokens) => {
    const element = list[ELEMENT];
    if (nodes.attributeByNamespace(element, null, list[ATTRIBUTE]) === null && tokens.length === 0) return;
    const value = ArrayPrototypeJoin(tokens, ' ');
    setAttributeValue(element, list[ATTRIBUTE], value);
    list[TOKENS] = { value, tokens };
  };
  class DOMTokenList {
    constructor() { if (!constructing) throw illegal(); }
    get length() { return tokensOf(this).length; }
    item(index) { return tokensOf(this)[index >>> 0] ?? null; }
    contains(token) { return ArrayPrototypeIndexOf(tokensOf(this), String(token)) >= 0; }
    add(...tokens) {
      for (let i = 0; i < tokens.length; i++) tokens[i] = validateToken(tokens[i]);
      const set = ArrayPrototypeSlice(tokensOf(this));
      for (const token of safeArray(tokens)) if (ArrayPrototypeIndexOf(set, token) < 0) ArrayPrototypePush(set, token);
      update(this, set);
    }
    remove(...tokens) {
      for (let i = 0; i < tokens.length; i++) tokens[i] = validateToken(tokens[i]);
      const set = ArrayPrototypeSlice(tokensOf(this));
      for (const token of safeArray(tokens)) { const at = ArrayPrototypeIndexOf(set, token); if (at >= 0) ArrayPrototypeSplice(set, at, 1); }
      update(this, set);
    }
    toggle(token, force = undefined) {
      token = validateToken(token);
      const set = ArrayPrototypeSlice(tokensOf(this));
      const at = ArrayPrototypeIndexOf(set, token);
      if (at >= 0) {
        if (force === undefined || !force) { ArrayPrototypeSplice(set, at, 1); update(this, set); return false; }
        return true;
      }
      if (force === undefined || force) { ArrayPrototypePush(set, token); update(this, set); return true; }
      return false;
    }
    replace(token, newToken) {
      token = validateToken(token);
      newToken = validateToken(newToken);
      const tokens = tokensOf(this);
      if (ArrayPrototypeIndexOf(tokens, token) < 0) return false;
      // Infra: ordered set replace; the first of either token becomes newToken, other copies go.
      const set = [];
      let placed = false;
      for (const existing of safeArray(tokens)) {
        if (existing !== token && existing !== newToken) ArrayPrototypePush(set, existing);
        else if (!placed) { ArrayPrototypePush(set, newToken); placed = true; }
      }
      update(this, set);
      return true;
    }
    supports(token) {
      const supported = this[SUPPORTED];
      if (supported === null) throw new TypeError(`The '${this[ATTRIBUTE]}' attribute has no supported tokens.`);
      return ArrayPrototypeIndexOf(supported, asciiLowercase(String(token))) >= 0;
    }
    get value() { return getAttributeValue(this[ELEMENT], this[ATTRIBUTE]); }
    set value(value) { setAttributeValue(this[ELEMENT], this[ATTRIBUTE], String(value)); }
    toString() { return getAttributeValue(this[ELEMENT], this[ATTRIBUTE]); }
    forEach(callback, thisArg = undefined) {
      const tokens = tokensOf(this);
      for (let i = 0; i < tokens.length; i++) runtime.primordials.FunctionPrototypeCall(callback, thisArg, tokens[i], i, this);
    }
    *keys() { for (let i = 0; i < tokensOf(this).length; i++) yield i; }
    *values() { for (let i = 0; i < tokensOf(this).length; i++) yield tokensOf(this)[i]; }
    *entries() { for (let i = 0; i < tokensOf(this).length; i++) yield [i, tokensOf(this)[i]]; }
  }
  ObjectDefineProperty(DOMTokenList.prototype, SymbolIterator, { value: DOMTokenList.prototype.values, writable: true, configurable: true });
  const tokenListHandler = {
    __proto__: null,
    get(target, key, receiver) {
      if (typeof key === 'symbol') return target[key];
      const index = indexOf(key);
      if (index >= 0) return tokensOf(target)[index];
      return ReflectGet(target, key, receiver);
    },
    has(target, key) {
      const index = indexOf(key);
      return index >= 0 ? index < tokensOf(target).length : ReflectHas(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const index = indexOf(key);
      if (index >= 0) {
        const token = tokensOf(target)[index];
        return token === undefined ? undefined : { value: token, writable: false, enumerable: true, configurable: true };
      }
      return ReflectGetOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      const keys = [];
      for (let i = 0; i < tokensOf(target).length; i++) ArrayPrototypePush(keys, String(i));
      for (const key of safeArray(ReflectOwnKeys(target))) ArrayPrototypePush(keys, key);
      return keys;
    },
    set(target, key, value, receiver) { return indexOf(key) >= 0 ? false : runtime.primordials.ReflectSet(target, key, value, receiver); },
  };
  /** The DOMTokenList of `element`'s attribute `localName`; `supported`: its supported tokens, or null. */
  const createTokenList = (element, localName, supported = null) => {
    constructing = true;
    const list = new DOMTokenList();
    constructing = false;
    list[ELEMENT] = element;
    list[ATTRIBUTE] = localName;
    list[TOKENS] = { value: null, tokens: [] };
    list[SUPPORTED] = supported;
    return new Proxy(list, tokenListHandler);
  };

  // ---- The getters on the node interfaces --------------------------------------------------
  const { Node, Element, Document, DocumentFragment } = nodes.interfaces;
  const CHILD_NODES = Symbol('childNodes');
  const CHILDREN = Symbol('children');
  const ATTRIBUTE_MAP = Symbol('attributeMap');
  const CLASS_LIST = Symbol('classList');
  /** A per-node [SameObject] value kept in a non-enumerable slot made on first use. */
  const cached = (node, slot, make) => {
    let value = node[slot];
    if (value === undefined) { value = make(); ObjectDefineProperty(node, slot, { value }); }
    return value;
  };
  const any = () => true;
  const isElement = (node) => node[TYPE] === 1;
  ObjectDefineProperty(Node.prototype, 'childNodes', {
    get() { return cached(this, CHILD_NODES, () => createLiveNodeList(this, any, false)); }, configurable: true,
  });
  const childrenDescriptor = {
    get() { return cached(this, CHILDREN, () => createHTMLCollection(this, isElement, false)); }, configurable: true,
  };
  for (const Interface of safeArray([Element, Document, DocumentFragment])) ObjectDefineProperty(Interface.prototype, 'children', childrenDescriptor);
  ObjectDefineProperty(Element.prototype, 'attributes', {
    get() {
      return cached(this, ATTRIBUTE_MAP, () => {
        constructing = true;
        const map = new NamedNodeMap();
        constructing = false;
        map[ELEMENT] = this;
        return new Proxy(map, attributeMapHandler);
      });
    },
    configurable: true,
  });
  ObjectDefineProperty(Element.prototype, 'classList', {
    get() { return cached(this, CLASS_LIST, () => createTokenList(this, 'class')); },
    set(value) { setAttributeValue(this, 'class', String(value)); },
    configurable: true,
  });

  /** DOM: the list of elements with qualified name `name` below `root`. */
  const byTagName = (root, name) => {
    name = String(name);
    if (name === '*') return createHTMLCollection(root, isElement);
    const document = root[TYPE] === 9 ? root : root[DOCUMENT];
    const lower = asciiLowercase(name);
    return createHTMLCollection(root, (node) => node[TYPE] === 1 &&
      (node[NAMESPACE] === HTML_NS && node[DOCUMENT][HTML_DOCUMENT] ? node[QUALIFIED] === lower : node[QUALIFIED] === name));
  };
  const byTagNameNS = (root, namespace, localName) => {
    namespace = namespace === '' || namespace == null ? null : String(namespace);
    localName = String(localName);
    return createHTMLCollection(root, (node) => node[TYPE] === 1 && (namespace === '*' || node[NAMESPACE] === namespace) &&
      (localName === '*' || node[LOCAL] === localName));
  };
  const byClassName = (root, names) => {
    const classes = parseTokens(String(names));
    const document = root[TYPE] === 9 ? root : root[DOCUMENT];
    if (classes.length === 0) return createHTMLCollection(root, () => false);
    const quirks = document[MODE] === 'quirks';
    const wanted = [];
    for (let i = 0; i < classes.length; i++) ArrayPrototypePush(wanted, quirks ? asciiLowercase(classes[i]) : classes[i]);
    return createHTMLCollection(root, (node) => {
      if (node[TYPE] !== 1) return false;
      const value = getAttributeValue(node, 'class');
      if (value === '') return false;
      const own = parseTokens(quirks ? asciiLowercase(value) : value);
      for (const name of safeArray(wanted)) if (ArrayPrototypeIndexOf(own, name) < 0) return false;
      return true;
    });
  };
  for (const Interface of safeArray([Element, Document])) {
    const members = {
      getElementsByTagName(qualifiedName) { return byTagName(this, qualifiedName); },
      getElementsByTagNameNS(namespace, localName) { return byTagNameNS(this, namespace, localName); },
      getElementsByClassName(classNames) { return byClassName(this, classNames); },
    };
    nodes.mixin(members, Interface);
  }
  nodes.mixin({
    getElementsByName(elementName) {
      const name = String(elementName);
      return createLiveNodeList(this, (node) => node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && getAttributeValue(node, 'name') === name &&
        nodes.attributeByNamespace(node, null, 'name') !== null, true);
    },
  }, Document);

  const interfaces = { NodeList, HTMLCollection, NamedNodeMap, DOMTokenList };
  for (const name in interfaces) ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  return ObjectFreeze({
    ...interfaces, interfaces: ObjectFreeze(interfaces), createStaticNodeList, createLiveNodeList, createHTMLCollection,
    createTokenList, arrayOf, rootOf, parseTokens, cached,
  });
}
