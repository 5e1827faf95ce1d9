// Slots (DOM Standard §4.2.2.1-§4.2.2.5, HTML §4.12.4): named and default slots in shadow trees,
// computed from the tree when asked ("find a slot", "find slottables", "find flattened
// slottables"), HTMLSlotElement's assignedNodes/assignedElements, the slottables' assignedSlot,
// an event's path through the slots a node is assigned to (events.js asks `findSlot`), and
// `slotchange`: after each mutation that can change an assignment (children of a shadow host,
// slots in a shadow tree, the `slot` and `name` attributes) the tree's slots are assigned again
// and a slot whose assigned nodes changed is signalled (mutation-observer.js fires the event).
// Slot assignment is always "named" (no manual assign()).
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const { ArrayPrototypeIndexOf, ArrayPrototypePush, ObjectDefineProperty, ObjectFreeze, Symbol } = runtime.primordials;
  const { TYPE, PARENT, FIRST, NEXT, NAMESPACE, LOCAL, SHADOW, MODE, HOST, HTML_NS } = runtime.internals;
  const nodes = runtime.nodes;
  const { following, rootOf, isShadowRoot, getAttributeValue } = nodes;
  const { Element, Text } = nodes.interfaces;
  const { HTMLSlotElement } = runtime.elements.interfaces;
  const { signalSlotChange } = runtime['mutation-observer'];

  /** Slot: the assigned nodes of the last assignment (absent: none yet). */
  const ASSIGNED = Symbol('assignedNodes');

  const isSlot = (node) => node[TYPE] === 1 && node[LOCAL] === 'slot' && node[NAMESPACE] === HTML_NS;
  const isSlottable = (node) => node[TYPE] === 1 || node[TYPE] === 3;
  const slottableName = (node) => (node[TYPE] === 1 ? getAttributeValue(node, 'slot') : '');
  const isHost = (node) => node !== null && node[TYPE] === 1 && node[SHADOW] !== null;

  /** DOM: find a slot for `slottable` (`open`: only in an open shadow root). */
  const findSlot = (slottable, open = false) => {
    const parent = slottable[PARENT];
    if (!isHost(parent)) return null;
    const shadow = parent[SHADOW];
    if (open && shadow[MODE] !== 'open') return null;
    const name = slottableName(slottable);
    for (let node = shadow[FIRST]; node !== null; node = following(node, shadow)) {
      if (isSlot(node) && getAttributeValue(node, 'name') === name) return node;
    }
    return null;
  };
  /** DOM: find slottables for `slot`. */
  const findSlottables = (slot) => {
    const result = [];
    const root = rootOf(slot);
    if (!isShadowRoot(root)) return result;
    const hostElement = root[HOST];
    for (let child = hostElement[FIRST]; child !== null; child = child[NEXT]) {
      if (isSlottable(child) && findSlot(child) === slot) ArrayPrototypePush(result, child);
    }
    return result;
  };
  /** DOM: find flattened slottables for `slot`. */
  const findFlattenedSlottables = (slot) => {
    const result = [];
    if (!isShadowRoot(rootOf(slot))) return result;
    let slottables = findSlottables(slot);
    if (slottables.length === 0) {
      slottables = [];
      for (let child = slot[FIRST]; child !== null; child = child[NEXT]) if (isSlottable(child)) ArrayPrototypePush(slottables, child);
    }
    for (const node of safeArray(slottables)) {
      if (isSlot(node) && isShadowRoot(rootOf(node))) {
        for (const inner of safeArray(findFlattenedSlottables(node))) ArrayPrototypePush(result, inner);
      } else ArrayPrototypePush(result, node);
    }
    return result;
  };

  /** Whether two lists hold the same nodes (a slot's assigned nodes are in tree order; a baseline may not be). */
  const sameNodes = (a, b) => {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (ArrayPrototypeIndexOf(b, a[i]) < 0) return false;
    return true;
  };
  /**
   * DOM: assign slottables for a tree — every slot of the shadow tree `root`; signals the slots whose nodes changed.
   * A slot never assigned here before (the parser made it) had the nodes `baseline(slot, assigned)` gives
   * (what it has now, less the mutation's effect); a slot just inserted by page code starts from none.
   */
  const assignSlottablesForTree = (root, baseline = null) => {
    for (let node = root[FIRST]; node !== null; node = following(node, root)) {
      if (!isSlot(node)) continue;
      const assigned = findSlottables(node);
      const previous = node[ASSIGNED] ?? (baseline === null ? assigned : baseline(node, assigned));
      if (!sameNodes(previous, assigned)) signalSlotChange(node);
      ObjectDefineProperty(node, ASSIGNED, { value: assigned, writable: true, configurable: true });
    }
  };
  /** The first slot of the shadow tree `root` named `name`, in tree order, or null. */
  const firstSlotNamed = (root, name) => {
    for (let node = root[FIRST]; node !== null; node = following(node, root)) if (isSlot(node) && getAttributeValue(node, 'name') === name) return node;
    return null;
  };
  const without = (list, node) => {
    const result = [];
    for (const item of safeArray(list)) if (item !== node) ArrayPrototypePush(result, item);
    return result;
  };
  const containsSlot = (root) => {
    for (let node = root; node !== null; node = following(node, root)) if (isSlot(node)) return true;
    return false;
  };
  /** A slot of a shadow tree without assigned nodes shows its children: changing them signals it. */
  const signalFallbackChange = (parent) => {
    if (isSlot(parent) && isShadowRoot(rootOf(parent)) && findSlottables(parent).length === 0) signalSlotChange(parent);
  };

  // When the tree changes (DOM §4.2.3 insert steps 7.4-7.6, remove steps 9-13, §4.9 "handle attribute changes").
  const afterChange = (node, parent, removed) => {
    if (isHost(parent)) {
      const shadow = parent[SHADOW];
      assignSlottablesForTree(shadow, (slot, assigned) => {
        if (!removed) return without(assigned, node);
        if (!isSlottable(node) || slot !== firstSlotNamed(shadow, slottableName(node))) return assigned;
        const previous = without(assigned, null);
        ArrayPrototypePush(previous, node);
        return previous;
        return assigned;
      });
    }
    if (parent[TYPE] === 1) signalFallbackChange(parent);
    const root = rootOf(parent);
    if (isShadowRoot(root) && node[TYPE] === 1 && containsSlot(node)) {
      if (!removed) {
        for (let n = node; n !== null; n = following(n, node)) {
          if (isSlot(n)) ObjectDefineProperty(n, ASSIGNED, { value: [], writable: true, configurable: true });
        }
      }
      assignSlottablesForTree(root);
      // A removed slot loses its assignment: its nodes are assigned elsewhere or nowhere.
      if (removed) {
        for (let n = node; n !== null; n = following(n, node)) {
          if (isSlot(n) && (n[ASSIGNED] ?? []).length > 0) { n[ASSIGNED] = []; signalSlotChange(n); }
        }
      }
    }
  };
  const chain = (name, hook) => {
    const previous = nodes.hooks[name];
    nodes.hooks[name] = previous === null ? hook : (a, b, c, d, e) => { previous(a, b, c, d, e); hook(a, b, c, d, e); };
  };
  chain('inserted', (node) => { const parent = node[PARENT]; if (parent !== null) afterChange(node, parent, false); });
  chain('removed', (node, oldParent) => afterChange(node, oldParent, true));
  chain('attributeChanged', (element, localName, namespace, oldValue) => {
    if (namespace !== null) return;
    if (localName === 'slot' && isHost(element[PARENT])) {
      const shadow = element[PARENT][SHADOW];
      assignSlottablesForTree(shadow, (slot, assigned) => {
        const previous = without(assigned, element);
        if (slot === firstSlotNamed(shadow, oldValue ?? '')) ArrayPrototypePush(previous, element);
        return previous;
      });
    }
    else if (localName === 'name' && isSlot(element)) {
      const root = rootOf(element);
      if (isShadowRoot(root)) assignSlottablesForTree(root);
    }
  });
  runtime.events.setAssignedSlotFinder(findSlot);

  nodes.mixin({
    assignedNodes(options = undefined) {
      return options?.flatten ? findFlattenedSlottables(this) : findSlottables(this);
    },
    assignedElements(options = undefined) {
      const result = [];
      for (const node of safeArray(options?.flatten ? findFlattenedSlottables(this) : findSlottables(this))) {
        if (node[TYPE] === 1) ArrayPrototypePush(result, node);
      }
      return result;
    },
  }, HTMLSlotElement);
  nodes.mixin({ get assignedSlot() { return findSlot(this, true); } }, Element, Text);

  return ObjectFreeze({ findSlot, findSlottables, findFlattenedSlottables, assignSlottablesForTree });
}
