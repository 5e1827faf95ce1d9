// What moves the focus without a person's input (HTML §6.6):
// - removal: when the focused element, or an inclusive ancestor of it, is removed from the
//   document, the document has no focused element any more (the focus fixup rule, §6.6.2); as
//   Chromium does, the element gets `blur` and `focusout` (with no related target) at once, just
//   before it leaves the tree;
// - autofocus (§6.6.7): an element with `autofocus` inserted into a document whose autofocus has
//   not been processed is a candidate; in a task after it (Chromium flushes the candidates before
//   the next rendering, so before `load` here), the first candidate still connected and focusable
//   is focused, unless something already has the focus. Once one is focused, or the focus moved,
//   the document's autofocus is processed: later candidates are ignored.
(host, runtime) => {
  'use strict';
  const { ObjectFreeze, ObjectDefineProperty, Symbol, ArrayPrototypePush, ArrayPrototypeShift } = runtime.primordials;
  const { TYPE, DOCUMENT, NAMESPACE, HTML_NS, PARENT } = runtime.internals;
  const nodes = runtime.nodes;
  const elements = runtime.elements;
  const events = runtime.events;
  const { FocusEvent } = events.interfaces;
  const queueTask = runtime['script-elements']?.queueTask ?? ((task) => runtime.timers.setTimeout(task, 0));
  const hasAttributeMethod = nodes.Element.prototype.hasAttribute;
  const hasAttribute = (element, name) => runtime.primordials.FunctionPrototypeCall(hasAttributeMethod, element, name);

  /** Whether `ancestor` is a shadow-including inclusive ancestor of `node`. */
  const contains = (ancestor, node) => {
    for (let current = node; current !== null && current !== undefined; current = current[PARENT] ?? current[runtime.internals.HOST] ?? null) {
      if (current === ancestor) return true;
    }
    return false;
  };

  const previousRemoving = nodes.hooks.removing;
  nodes.hooks.removing = (node, oldParent) => {
    if (previousRemoving !== null) previousRemoving(node, oldParent);
    const document = oldParent[TYPE] === 9 ? oldParent : oldParent[DOCUMENT];
    const focused = document?.[elements.FOCUSED] ?? null;
    if (focused === null || !contains(node, focused)) return;
    ObjectDefineProperty(document, elements.FOCUSED, { value: null, writable: true, configurable: true });
    events.fire(focused, new FocusEvent('blur', { __proto__: null, relatedTarget: null, composed: true }));
    events.fire(focused, new FocusEvent('focusout', { __proto__: null, relatedTarget: null, bubbles: true, composed: true }));
  };

  const AUTOFOCUS = Symbol('autofocus');
  const stateOf = (document) => {
    let state = document[AUTOFOCUS];
    if (state === undefined) {
      state = { processed: false, candidates: [], queued: false };
      ObjectDefineProperty(document, AUTOFOCUS, { value: state });
    }
    return state;
  };
  const flush = (document) => {
    const state = stateOf(document);
    state.queued = false;
    if (state.processed) return;
    if ((document[elements.FOCUSED] ?? null) !== null) {
      state.processed = true;
      state.candidates = [];
      return;
    }
    while (state.candidates.length > 0) {
      const candidate = ArrayPrototypeShift(state.candidates);
      if (candidate[DOCUMENT] !== document || nodes.shadowIncludingRoot(candidate) !== document || !elements.isFocusable(candidate)) continue;
      state.processed = true;
      state.candidates = [];
      elements.focus(candidate, document);
      return;
    }
  };
  /** Adds an autofocus candidate of its document and queues the flush. */
  const addCandidate = (element) => {
    const document = element[DOCUMENT];
    if (document[events.DEFAULT_VIEW] === undefined) return;
    const state = stateOf(document);
    if (state.processed) return;
    ArrayPrototypePush(state.candidates, element);
    if (state.queued) return;
    state.queued = true;
    queueTask(() => flush(document));
  };
  const previousInserted = nodes.hooks.inserted;
  nodes.hooks.inserted = (node) => {
    if (previousInserted !== null) previousInserted(node);
    if (node[TYPE] === 1 && hasAttribute(node, 'autofocus') && nodes.shadowIncludingRoot(node) === node[DOCUMENT]) addCandidate(node);
  };
  // The parser announces no insertions: its elements with `autofocus` are candidates when made
  // (the flush, a task, finds them inserted).
  nodes.hooks.autofocusParsed = addCandidate;

  return ObjectFreeze({});
}
