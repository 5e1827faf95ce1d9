// Traversal (DOM Standard §6): NodeFilter, NodeIterator (with the pre-removing steps the node
// removal algorithm runs on every live iterator of the document) and TreeWalker; and the
// Document's createNodeIterator/createTreeWalker.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const { ArrayPrototypePush, FunctionPrototypeCall, ObjectDefineProperty, ObjectFreeze, Symbol, TypeError } = runtime.primordials;
  const { TYPE, PARENT, FIRST, LAST, NEXT, PREV, DOCUMENT } = runtime.internals;
  const { makeError } = runtime['dom-exception'];
  const nodes = runtime.nodes;
  const { following, ITERATORS, checkNode } = nodes;
  // Captured when the realm is made, before any page code runs.
  const { WeakRef } = globalThis;
  const weakRefDeref = WeakRef.prototype.deref;
  const isInclusiveAncestor = (ancestor, node) => {
    for (; node !== null; node = node[PARENT]) if (node === ancestor) return true;
    return false;
  };

  const NodeFilter = {
    FILTER_ACCEPT: 1, FILTER_REJECT: 2, FILTER_SKIP: 3, SHOW_ALL: 0xffffffff, SHOW_ELEMENT: 0x1, SHOW_ATTRIBUTE: 0x2, SHOW_TEXT: 0x4,
    SHOW_CDATA_SECTION: 0x8, SHOW_ENTITY_REFERENCE: 0x10, SHOW_ENTITY: 0x20, SHOW_PROCESSING_INSTRUCTION: 0x40, SHOW_COMMENT: 0x80,
    SHOW_DOCUMENT: 0x100, SHOW_DOCUMENT_TYPE: 0x200, SHOW_DOCUMENT_FRAGMENT: 0x400, SHOW_NOTATION: 0x800,
  };
  ObjectFreeze(NodeFilter);

  const S = { root: Symbol('root'), whatToShow: Symbol('whatToShow'), filter: Symbol('filter'), active: Symbol('active'),
    current: Symbol('current'), reference: Symbol('reference'), before: Symbol('pointerBeforeReference') };
  let constructing = false;
  const illegal = () => new TypeError('Illegal constructor');

  /** DOM: filter a node (§6.1). */
  const filterNode = (traverser, node) => {
    if (traverser[S.active]) throw makeError('InvalidStateError', 'The filter is already running.');
    const n = node[TYPE] - 1;
    if (((traverser[S.whatToShow] >>> n) & 1) === 0) return 3;
    const filter = traverser[S.filter];
    if (filter === null) return 1;
    traverser[S.active] = true;
    try {
      const result = typeof filter === 'function' ? FunctionPrototypeCall(filter, null, node) : FunctionPrototypeCall(filter.acceptNode, filter, node);
      return result >>> 0 & 0xffff;
    } finally {
      traverser[S.active] = false;
    }
  };
  const init = (traverser, root, whatToShow, filter) => {
    traverser[S.root] = root;
    traverser[S.whatToShow] = whatToShow >>> 0;
    traverser[S.filter] = filter ?? null;
    traverser[S.active] = false;
  };

  class NodeIterator {
    constructor() { if (!constructing) throw illegal(); }
    get root() { return this[S.root]; }
    get referenceNode() { return this[S.reference]; }
    get pointerBeforeReferenceNode() { return this[S.before]; }
    get whatToShow() { return this[S.whatToShow]; }
    get filter() { return this[S.filter]; }
    nextNode() { return traverseIterator(this, true); }
    previousNode() { return traverseIterator(this, false); }
    detach() {}
  }
  /** DOM §6.1 NodeIterator traverse. */
  const traverseIterator = (iterator, next) => {
    let node = iterator[S.reference];
    let before = iterator[S.before];
    const root = iterator[S.root];
    for (;;) {
      if (next) {
        if (!before) {
          node = following(node, root);
          if (node === null) return null;
        } else before = false;
      } else if (before) {
        if (node === root) return null;
        node = precedingIn(node);
      } else before = true;
      const result = filterNode(iterator, node);
      if (result === 1) break;
    }
    iterator[S.reference] = node;
    iterator[S.before] = before;
    return node;
  };
  /** The node before `node` in tree order. */
  const precedingIn = (node) => {
    let previous = node[PREV];
    if (previous === null) return node[PARENT];
    while (previous[LAST] !== null) previous = previous[LAST];
    return previous;
  };
  /** DOM: NodeIterator pre-removing steps for one entry (a WeakRef) of the document's ITERATORS. */
  const preRemove = (entry, toBeRemoved) => {
    const iterator = FunctionPrototypeCall(weakRefDeref, entry);
    if (iterator === undefined) return;
    const root = iterator[S.root];
    if (toBeRemoved === root || !isInclusiveAncestor(root, toBeRemoved)) return;
    if (!isInclusiveAncestor(toBeRemoved, iterator[S.reference])) return;
    if (iterator[S.before]) {
      // The first following node not inside toBeRemoved, if it is inside root.
      let next = nodes.followingSkippingChildren(toBeRemoved, root);
      if (next !== null) { iterator[S.reference] = next; return; }
      iterator[S.before] = false;
    }
    if (toBeRemoved[PREV] === null) { iterator[S.reference] = toBeRemoved[PARENT]; return; }
    let previous = toBeRemoved[PREV];
    while (previous[LAST] !== null) previous = previous[LAST];
    iterator[S.reference] = previous;
  };

  class TreeWalker {
    constructor() { if (!constructing) throw illegal(); }
    get root() { return this[S.root]; }
    get whatToShow() { return this[S.whatToShow]; }
    get filter() { return this[S.filter]; }
    get currentNode() { return this[S.current]; }
    set currentNode(node) { this[S.current] = checkNode(node); }
    parentNode() {
      let node = this[S.current];
      while (node !== null && node !== this[S.root]) {
        node = node[PARENT];
        if (node !== null && filterNode(this, node) === 1) { this[S.current] = node; return node; }
      }
      return null;
    }
    firstChild() { return traverseChildren(this, true); }
    lastChild() { return traverseChildren(this, false); }
    nextSibling() { return traverseSiblings(this, true); }
    previousSibling() { return traverseSiblings(this, false); }
    previousNode() {
      let node = this[S.current];
      const root = this[S.root];
      while (node !== root) {
        let sibling = node[PREV];
        while (sibling !== null) {
          node = sibling;
          let result = filterNode(this, node);
          while (result !== 2 && node[LAST] !== null) { node = node[LAST]; result = filterNode(this, node); }
          if (result === 1) { this[S.current] = node; return node; }
          sibling = node[PREV];
        }
        if (node === root || node[PARENT] === null) return null;
        node = node[PARENT];
        if (filterNode(this, node) === 1) { this[S.current] = node; return node; }
      }
      return null;
    }
    nextNode() {
      let node = this[S.current];
      const root = this[S.root];
      let result = 1;
      for (;;) {
        while (result !== 2 && node[FIRST] !== null) {
          node = node[FIRST];
          result = filterNode(this, node);
          if (result === 1) { this[S.current] = node; return node; }
        }
        let sibling = null;
        for (let temporary = node; temporary !== null; temporary = temporary[PARENT]) {
          if (temporary === root) return null;
          sibling = temporary[NEXT];
          if (sibling !== null) { node = sibling; break; }
        }
        if (sibling === null) return null;
        result = filterNode(this, node);
        if (result === 1) { this[S.current] = node; return node; }
      }
    }
  }
  /** DOM §6.2: traverse children. */
  const traverseChildren = (walker, first) => {
    let node = first ? walker[S.current][FIRST] : walker[S.current][LAST];
    while (node !== null) {
      const result = filterNode(walker, node);
      if (result === 1) { walker[S.current] = node; return node; }
      if (result === 3) {
        const child = first ? node[FIRST] : node[LAST];
        if (child !== null) { node = child; continue; }
      }
      while (node !== null) {
        const sibling = first ? node[NEXT] : node[PREV];
        if (sibling !== null) { node = sibling; break; }
        const parent = node[PARENT];
        if (parent === null || parent === walker[S.root] || parent === walker[S.current]) return null;
        node = parent;
      }
    }
    return null;
  };
  /** DOM §6.2: traverse siblings. */
  const traverseSiblings = (walker, next) => {
    let node = walker[S.current];
    if (node === walker[S.root]) return null;
    for (;;) {
      let sibling = next ? node[NEXT] : node[PREV];
      while (sibling !== null) {
        node = sibling;
        const result = filterNode(walker, node);
        if (result === 1) { walker[S.current] = node; return node; }
        sibling = next ? node[FIRST] : node[LAST];
        if (result === 2 || sibling === null) sibling = next ? node[NEXT] : node[PREV];
      }
      node = node[PARENT];
      if (node === null || node === walker[S.root]) return null;
      if (filterNode(walker, node) === 1) return null;
    }
  };

  const createNodeIterator = (root, whatToShow = 0xffffffff, filter = null) => {
    checkNode(root);
    constructing = true;
    const iterator = new NodeIterator();
    constructing = false;
    init(iterator, root, whatToShow, filter);
    iterator[S.reference] = root;
    iterator[S.before] = true;
    const document = root[TYPE] === 9 ? root : root[DOCUMENT];
    if (document[ITERATORS] === null) document[ITERATORS] = [];
    // Weakly held: an iterator the page dropped costs the removals nothing once collected.
    ArrayPrototypePush(document[ITERATORS], new WeakRef(iterator));
    return iterator;
  };
  const createTreeWalker = (root, whatToShow = 0xffffffff, filter = null) => {
    checkNode(root);
    constructing = true;
    const walker = new TreeWalker();
    constructing = false;
    init(walker, root, whatToShow, filter);
    walker[S.current] = root;
    return walker;
  };
  nodes.mixin({
    createNodeIterator(root, whatToShow = 0xffffffff, filter = null) { return createNodeIterator(root, whatToShow, filter); },
    createTreeWalker(root, whatToShow = 0xffffffff, filter = null) { return createTreeWalker(root, whatToShow, filter); },
  }, nodes.interfaces.Document);

  for (const [name, Interface] of safeArray([['NodeIterator', NodeIterator], ['TreeWalker', TreeWalker]])) {
    ObjectDefineProperty(Interface.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  return ObjectFreeze({ NodeFilter, NodeIterator, TreeWalker, createNodeIterator, createTreeWalker, preRemove });
}
