// Mutation observers (DOM Standard §4.3): MutationObserver, MutationRecord, each node's registered
// observer list (transient registrations included), "queue a mutation record" for every mutation
// nodes.js and the parser's tree operations make, and "notify mutation observers" in a microtask,
// which also fires the `slotchange` events slots.js signals. Nothing is recorded until the first
// observe(): until then `nodes.hooks.mutation` stays null and the mutation paths pay one check.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSort, ArrayPrototypeSplice, FunctionPrototypeCall,
    ObjectDefineProperty, ObjectFreeze, PromisePrototypeThen, PromiseResolve, String, Symbol, TypeError,
  } = runtime.primordials;
  const { TYPE, PARENT } = runtime.internals;
  const nodes = runtime.nodes;
  const events = runtime.events;
  const { createStaticNodeList } = runtime.collections;

  /** Node: its registered observer list, made on first use (DOM §4.3 "registered observer list"). */
  const REGISTERED = Symbol('registeredObservers');
  // MutationObserver's internal state.
  const CALLBACK = Symbol('callback');
  const NODE_LIST = Symbol('nodeList');
  const QUEUE = Symbol('recordQueue');
  const ORDER = Symbol('order');
  // MutationRecord's fields.
  const RECORD = Symbol('record');

  let observerCount = 0;
  let microtaskQueued = false;
  /** Observers with records waiting, and slots waiting for `slotchange` (the agent's "signal slots"). */
  let pending = [];
  let signalSlots = [];

  const registeredOf = (node) => {
    let list = node[REGISTERED];
    if (list === undefined) {
      list = [];
      ObjectDefineProperty(node, REGISTERED, { value: list, writable: true, configurable: true });
    }
    return list;
  };
  const isNode = (value) => value !== null && typeof value === 'object' && typeof value[TYPE] === 'number';

  let constructingRecord = false;
  class MutationRecord {
    constructor() {
      if (!constructingRecord) throw new TypeError('Illegal constructor');
    }
    get type() { return this[RECORD].type; }
    get target() { return this[RECORD].target; }
    get addedNodes() { return this[RECORD].addedNodes; }
    get removedNodes() { return this[RECORD].removedNodes; }
    get previousSibling() { return this[RECORD].previousSibling; }
    get nextSibling() { return this[RECORD].nextSibling; }
    get attributeName() { return this[RECORD].attributeName; }
    get attributeNamespace() { return this[RECORD].attributeNamespace; }
    get oldValue() { return this[RECORD].oldValue; }
  }
  const createRecord = (fields) => {
    constructingRecord = true;
    const record = new MutationRecord();
    constructingRecord = false;
    record[RECORD] = fields;
    return record;
  };

  class MutationObserver {
    constructor(callback) {
      if (typeof callback !== 'function') {
        throw new TypeError("Failed to construct 'MutationObserver': parameter 1 is not of type 'MutationCallback'.");
      }
      this[CALLBACK] = callback;
      this[NODE_LIST] = [];
      this[QUEUE] = [];
      this[ORDER] = observerCount++;
    }
    observe(target, options = undefined) {
      if (!isNode(target)) throw new TypeError("Failed to execute 'observe' on 'MutationObserver': parameter 1 is not of type 'Node'.");
      options = options ?? {};
      const childList = !!(options.childList);
      let attributes = options.attributes === undefined ? undefined : !!(options.attributes);
      let characterData = options.characterData === undefined ? undefined : !!(options.characterData);
      const subtree = !!(options.subtree);
      const attributeOldValue = options.attributeOldValue === undefined ? undefined : !!(options.attributeOldValue);
      const characterDataOldValue = options.characterDataOldValue === undefined ? undefined : !!(options.characterDataOldValue);
      let attributeFilter;
      if (options.attributeFilter !== undefined) {
        attributeFilter = [];
        for (const name of options.attributeFilter) ArrayPrototypePush(attributeFilter, String(name));
      }
      if ((attributeOldValue !== undefined || attributeFilter !== undefined) && attributes === undefined) attributes = true;
      if (characterDataOldValue !== undefined && characterData === undefined) characterData = true;
      if (!childList && !attributes && !characterData) {
        throw new TypeError("Failed to execute 'observe' on 'MutationObserver': The options object must set at least one of " +
          "'attributes', 'characterData', or 'childList' to true.");
      }
      if (attributeOldValue && !attributes) {
        throw new TypeError("Failed to execute 'observe' on 'MutationObserver': The options object may only set " +
          "'attributeOldValue' to true when 'attributes' is true or not present.");
      }
      if (attributeFilter !== undefined && !attributes) {
        throw new TypeError("Failed to execute 'observe' on 'MutationObserver': The options object may only set " +
          "'attributeFilter' when 'attributes' is true or not present.");
      }
      if (characterDataOldValue && !characterData) {
        throw new TypeError("Failed to execute 'observe' on 'MutationObserver': The options object may only set " +
          "'characterDataOldValue' to true when 'characterData' is true or not present.");
      }
      const normalized = {
        __proto__: null, childList, attributes: !!attributes, characterData: !!characterData, subtree,
        attributeOldValue: !!attributeOldValue, characterDataOldValue: !!characterDataOldValue, attributeFilter,
      };
      enableRecording();
      const list = registeredOf(target);
      for (const registered of safeArray(list)) {
        if (registered.observer !== this) continue;
        for (const node of safeArray(this[NODE_LIST])) removeTransients(node, (entry) => entry.source === registered);
        registered.options = normalized;
        return;
      }
      ArrayPrototypePush(list, { __proto__: null, observer: this, options: normalized, source: null });
      ArrayPrototypePush(this[NODE_LIST], target);
    }
    disconnect() {
      for (const node of safeArray(this[NODE_LIST])) {
        const list = node[REGISTERED];
        if (list === undefined) continue;
        for (let i = list.length - 1; i >= 0; i--) if (list[i].observer === this) ArrayPrototypeSplice(list, i, 1);
      }
      this[NODE_LIST] = [];
      this[QUEUE] = [];
    }
    takeRecords() {
      const records = this[QUEUE];
      this[QUEUE] = [];
      return records;
    }
  }

  const removeTransients = (node, matches) => {
    const list = node[REGISTERED];
    if (list === undefined) return;
    for (let i = list.length - 1; i >= 0; i--) if (list[i].source !== null && matches(list[i])) ArrayPrototypeSplice(list, i, 1);
  };

  /** DOM §4.3.2: queue a mutation record of `type` for `target`. */
  const queueMutationRecord = (type, target, name, namespace, oldValue, addedNodes, removedNodes, previousSibling, nextSibling) => {
    let interested = null; // [observer, mapped old value, ...]
    for (let node = target; node !== null; node = node[PARENT]) {
      const list = node[REGISTERED];
      if (list === undefined || list.length === 0) continue;
      for (const registered of safeArray(list)) {
        const options = registered.options;
        if (node !== target && !options.subtree) continue;
        if (type === 'attributes') {
          if (!options.attributes) continue;
          if (options.attributeFilter !== undefined && (namespace !== null || !ArrayPrototypeIncludes(options.attributeFilter, name))) continue;
        } else if (type === 'characterData') {
          if (!options.characterData) continue;
        } else if (!options.childList) continue;
        interested ??= [];
        const observer = registered.observer;
        let at = ArrayPrototypeIndexOf(interested, observer);
        if (at < 0 || at % 2 !== 0) { at = interested.length; ArrayPrototypePush(interested, observer, null); }
        if ((type === 'attributes' && options.attributeOldValue) || (type === 'characterData' && options.characterDataOldValue)) {
          interested[at + 1] = oldValue;
        }
      }
    }
    if (interested === null) return;
    for (let i = 0; i < interested.length; i += 2) {
      const observer = interested[i];
      const record = createRecord({
        __proto__: null, type, target, attributeName: name, attributeNamespace: namespace, oldValue: interested[i + 1],
        addedNodes: createStaticNodeList(addedNodes ?? []), removedNodes: createStaticNodeList(removedNodes ?? []),
        previousSibling: previousSibling ?? null, nextSibling: nextSibling ?? null,
      });
      ArrayPrototypePush(observer[QUEUE], record);
      if (ArrayPrototypeIndexOf(pending, observer) < 0) ArrayPrototypePush(pending, observer);
    }
    queueMicrotask();
  };

  /** DOM §4.3.1: queue a mutation observer microtask. */
  const queueMicrotask = () => {
    if (microtaskQueued) return;
    microtaskQueued = true;
    PromisePrototypeThen(PromiseResolve(undefined), notify);
  };
  /** DOM §4.3.1: notify mutation observers, then fire the signalled slots' `slotchange`. */
  const notify = () => {
    microtaskQueued = false;
    const notifySet = pending;
    pending = [];
    ArrayPrototypeSort(notifySet, (a, b) => a[ORDER] - b[ORDER]);
    const slots = signalSlots;
    signalSlots = [];
    for (const observer of safeArray(notifySet)) {
      const records = observer[QUEUE];
      observer[QUEUE] = [];
      for (const node of safeArray(observer[NODE_LIST])) removeTransients(node, (entry) => entry.observer === observer);
      if (records.length === 0) continue;
      try {
        FunctionPrototypeCall(observer[CALLBACK], observer, records, observer);
      } catch (error) {
        events.report(error);
      }
    }
    for (const slot of safeArray(slots)) {
      events.fire(slot, new events.Event('slotchange', { bubbles: true }));
    }
  };
  /** DOM §4.2.2.5: signal a slot change (the `slotchange` event comes in the next notify). */
  const signalSlotChange = (slot) => {
    if (ArrayPrototypeIndexOf(signalSlots, slot) < 0) ArrayPrototypePush(signalSlots, slot);
    queueMicrotask();
  };

  /** DOM §4.2.3 remove, step 14: observers of `parent`'s subtree keep watching the removed `node` until the next notify. */
  const addTransients = (node, parent) => {
    for (let ancestor = parent; ancestor !== null; ancestor = ancestor[PARENT]) {
      const list = ancestor[REGISTERED];
      if (list === undefined) continue;
      for (const registered of safeArray(list)) {
        if (!registered.options.subtree) continue;
        ArrayPrototypePush(registeredOf(node), { __proto__: null, observer: registered.observer, options: registered.options, source: registered });
        ArrayPrototypePush(registered.observer[NODE_LIST], node);
      }
    }
  };

  let recording = false;
  const enableRecording = () => {
    if (recording) return;
    recording = true;
    const hooks = nodes.hooks;
    hooks.mutation = queueMutationRecord;
    const previous = hooks.removed;
    hooks.removed = previous === null ? addTransients : (node, parent) => { previous(node, parent); addTransients(node, parent); };
  };

  const interfaces = { MutationObserver, MutationRecord };
  for (const name in interfaces) {
    ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  return ObjectFreeze({ ...interfaces, interfaces: ObjectFreeze(interfaces), signalSlotChange, queueMutationRecord });
}
