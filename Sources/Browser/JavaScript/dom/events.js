// Events (DOM Standard §2): Event, CustomEvent and the UI event interfaces pages construct,
// EventTarget with capture/target/bubble dispatch and shadow-root retargeting (§2.9), and
// AbortController/AbortSignal (§3). Reads the tree through the internal slots only, so it needs no
// other DOM file; a document reaches its window through the DEFAULT_VIEW slot exported here.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice, FunctionPrototypeCall,
    MathTrunc, Number, ObjectDefineProperty, ObjectFreeze, ObjectKeys, ReflectDefineProperty, String, Symbol, TypeError,
  } = runtime.primordials;
  const { TYPE, PARENT, HOST } = runtime.internals;
  const { makeError } = runtime['dom-exception'];

  /** Slot of a Document: its Window (the event path goes document -> window), or absent. */
  const DEFAULT_VIEW = Symbol('defaultView');
  const LISTENERS = Symbol('listeners');
  const now = typeof host.now === 'function' ? host.now : () => 0;
  let reportException = () => {};

  // Event's internal state, one slot each (DOM §2.2).
  const S = {
    type: Symbol('type'), flags: Symbol('flags'), target: Symbol('target'), relatedTarget: Symbol('relatedTarget'),
    currentTarget: Symbol('currentTarget'), phase: Symbol('eventPhase'), path: Symbol('path'), time: Symbol('timeStamp'),
    trusted: Symbol('isTrusted'), detail: Symbol('detail'), init: Symbol('init'), mouse: Symbol('isMouseEvent'),
  };
  const BUBBLES = 1, CANCELABLE = 2, COMPOSED = 4, STOP = 8, STOP_IMMEDIATE = 16, CANCELED = 32, PASSIVE = 64, DISPATCH = 128,
    INITIALIZED = 256;

  const isNode = (value) => value !== null && typeof value === 'object' && typeof value[TYPE] === 'number';
  const isShadowRoot = (node) => node[TYPE] === 11 && node[HOST] != null;
  const rootOf = (node) => { while (node[PARENT] !== null) node = node[PARENT]; return node; };
  /** DOM: "A is a shadow-including inclusive ancestor of B". */
  const shadowIncludingInclusiveAncestor = (a, b) => {
    for (let node = b; node != null; node = node[PARENT] ?? (isShadowRoot(node) ? node[HOST] : null)) if (node === a) return true;
    return false;
  };
  /** DOM: retargeting A against B. */
  const retarget = (a, b) => {
    for (;;) {
      if (!isNode(a)) return a;
      const root = rootOf(a);
      if (!isShadowRoot(root) || (isNode(b) && shadowIncludingInclusiveAncestor(root, b))) return a;
      a = root[HOST];
    }
  };

  class Event {
    constructor(type, eventInitDict = undefined) {
      if (arguments.length === 0) throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
      const init = eventInitDict ?? {};
      this[S.type] = String(type);
      this[S.flags] = INITIALIZED | (init.bubbles ? BUBBLES : 0) | (init.cancelable ? CANCELABLE : 0) | (init.composed ? COMPOSED : 0);
      this[S.target] = null;
      this[S.relatedTarget] = null;
      this[S.currentTarget] = null;
      this[S.phase] = 0;
      this[S.path] = null;
      this[S.time] = now();
      this[S.trusted] = false;
      ReflectDefineProperty(this, 'isTrusted', IS_TRUSTED);
    }
    get type() { return this[S.type]; }
    get target() { return this[S.target]; }
    get srcElement() { return this[S.target]; }
    get currentTarget() { return this[S.currentTarget]; }
    get eventPhase() { return this[S.phase]; }
    get bubbles() { return (this[S.flags] & BUBBLES) !== 0; }
    get cancelable() { return (this[S.flags] & CANCELABLE) !== 0; }
    get composed() { return (this[S.flags] & COMPOSED) !== 0; }
    get defaultPrevented() { return (this[S.flags] & CANCELED) !== 0; }
    get returnValue() { return (this[S.flags] & CANCELED) === 0; }
    set returnValue(value) { if (!value) cancel(this); }
    get cancelBubble() { return (this[S.flags] & STOP) !== 0; }
    set cancelBubble(value) { if (value) this[S.flags] |= STOP; }
    get timeStamp() { return this[S.time]; }
    stopPropagation() { this[S.flags] |= STOP; }
    stopImmediatePropagation() { this[S.flags] |= STOP | STOP_IMMEDIATE; }
    preventDefault() { cancel(this); }
    composedPath() { return composedPath(this); }
    initEvent(type, bubbles = false, cancelable = false) {
      if (this[S.flags] & DISPATCH) return;
      this[S.type] = String(type);
      this[S.flags] = INITIALIZED | (bubbles ? BUBBLES : 0) | (cancelable ? CANCELABLE : 0);
      this[S.target] = null;
    }
  }
  function isTrustedGetter() { return this[S.trusted]; }
  /// `isTrusted` is [LegacyUnforgeable]: an own accessor of every event (one frozen descriptor
  /// without a prototype, so nothing a page puts on Object.prototype changes it).
  const IS_TRUSTED = ObjectFreeze({ __proto__: null, get: isTrustedGetter, enumerable: true });
  const cancel = (event) => {
    const flags = event[S.flags];
    if ((flags & CANCELABLE) !== 0 && (flags & PASSIVE) === 0) event[S.flags] = flags | CANCELED;
  };
  for (const [name, value] of safeArray([['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]])) {
    ObjectDefineProperty(Event, name, { value, enumerable: true });
    ObjectDefineProperty(Event.prototype, name, { value, enumerable: true });
  }

  class CustomEvent extends Event {
    constructor(type, eventInitDict = undefined) {
      super(type, eventInitDict);
      this[S.detail] = eventInitDict?.detail ?? null;
    }
    get detail() { return this[S.detail]; }
    initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
      if (this[S.flags] & DISPATCH) return;
      this.initEvent(type, bubbles, cancelable);
      this[S.detail] = detail;
    }
  }

  /** An Event subclass whose dictionary members become read-only attributes with these defaults (and whose instances carry `brand`). */
  const eventInterface = (Base, members, brand = null) => {
    const names = ObjectKeys(members);
    const Interface = class extends Base {
      constructor(type, eventInitDict = undefined) {
        super(type, eventInitDict);
        if (brand !== null) this[brand] = true;
        const values = { __proto__: this[S.init] ?? null };
        for (let i = 0; i < names.length; i++) {
          const name = names[i];
          const given = eventInitDict === undefined || eventInitDict === null ? undefined : eventInitDict[name];
          values[name] = given === undefined ? members[name] : given;
        }
        this[S.init] = values;
      }
    };
    for (const name in members) {
      ObjectDefineProperty(Interface.prototype, name, { get() { return this[S.init][name]; }, configurable: true, enumerable: true });
    }
    return Interface;
  };
  const UIEvent = eventInterface(Event, { view: null, detail: 0, which: 0 });
  const modifiers = { ctrlKey: false, shiftKey: false, altKey: false, metaKey: false };
  // MouseEvents (PointerEvents included) carry a brand the DOM's dispatch checks for activation:
  // a page's `Symbol.hasInstance` or prototype changes cannot make a click not one, or an Event one.
  const MouseEvent = eventInterface(UIEvent, {
    screenX: 0, screenY: 0, clientX: 0, clientY: 0, pageX: 0, pageY: 0, offsetX: 0, offsetY: 0, movementX: 0, movementY: 0,
    button: 0, buttons: 0, relatedTarget: null, ...modifiers,
  }, S.mouse);
  const KeyboardEvent = eventInterface(UIEvent, {
    key: '', code: '', location: 0, repeat: false, isComposing: false, charCode: 0, keyCode: 0, ...modifiers,
  });
  const FocusEvent = eventInterface(UIEvent, { relatedTarget: null });
  const InputEvent = eventInterface(UIEvent, { data: null, inputType: '', isComposing: false, dataTransfer: null });
  const PointerEvent = eventInterface(MouseEvent, {
    pointerId: 0, width: 1, height: 1, pressure: 0, tiltX: 0, tiltY: 0, pointerType: '', isPrimary: false,
  });
  const WheelEvent = eventInterface(MouseEvent, { deltaX: 0, deltaY: 0, deltaZ: 0, deltaMode: 0 });
  const SubmitEvent = eventInterface(Event, { submitter: null });
  const ErrorEvent = eventInterface(Event, { message: '', filename: '', lineno: 0, colno: 0, error: undefined });
  const ProgressEvent = eventInterface(Event, { lengthComputable: false, loaded: 0, total: 0 });
  const PopStateEvent = eventInterface(Event, { state: null });
  const HashChangeEvent = eventInterface(Event, { oldURL: '', newURL: '' });
  const MessageEvent = eventInterface(Event, { data: null, origin: '', lastEventId: '', source: null, ports: [] });

  /** DOM: flatten options; `capture` alone or in a dictionary. */
  const flattenCapture = (options) => (typeof options === 'object' && options !== null ? !!(options.capture) : !!(options));

  class EventTarget {
    constructor() {}
    // Called bare (`addEventListener('load', f)` in page code), `this` is the window (WebIDL's
    // [LegacyUnforgeable] global: an undefined this means the global object).
    addEventListener(type, callback, options = undefined) { addListener(this ?? globalThis, type, callback, options); }
    removeEventListener(type, callback, options = undefined) { removeListener(this ?? globalThis, String(type), callback, flattenCapture(options)); }
    dispatchEvent(event) {
      if (!(event instanceof Event)) throw new TypeError("Failed to execute 'dispatchEvent': parameter 1 is not of type 'Event'.");
      if (event[S.flags] & DISPATCH || !(event[S.flags] & INITIALIZED)) throw makeError('InvalidStateError', 'The event is already being dispatched.');
      event[S.trusted] = false;
      return dispatch(this ?? globalThis, event);
    }
  }

  /** DOM: remove an event listener. */
  const removeListener = (target, type, callback, capture) => {
    const listeners = target[LISTENERS];
    if (listeners === undefined || callback == null) return;
    for (let i = 0; i < listeners.length; i++) {
      const listener = listeners[i];
      if (listener.type === type && listener.callback === callback && listener.capture === capture) {
        listener.removed = true;
        ArrayPrototypeSplice(listeners, i, 1);
        return;
      }
    }
  };
  /** DOM: add an event listener (also for `on*` handlers and Caper's own listeners). */
  const addListener = (target, type, callback, options) => {
    if (callback == null) return;
    let passive = null, once = false, signal = null;
    const capture = flattenCapture(options);
    if (typeof options === 'object' && options !== null) {
      once = !!(options.once);
      if (options.passive !== undefined) passive = !!(options.passive);
      if (options.signal !== undefined) {
        signal = options.signal;
        if (!(signal instanceof AbortSignal)) throw new TypeError("Failed to execute 'addEventListener': member signal is not of type AbortSignal.");
      }
    }
    if (signal !== null && signal[ABORTED]) return;
    type = String(type);
    if (passive === null) {
      // DOM: default passive for touch and wheel events on the window, document, html and body.
      passive = (type === 'touchstart' || type === 'touchmove' || type === 'wheel' || type === 'mousewheel') && isDefaultPassiveTarget(target);
    }
    let listeners = target[LISTENERS];
    if (listeners === undefined) {
      listeners = [];
      ObjectDefineProperty(target, LISTENERS, { value: listeners, writable: true });
    }
    for (const listener of safeArray(listeners)) if (listener.type === type && listener.callback === callback && listener.capture === capture) return;
    const listener = { type, callback, capture, passive, once, removed: false };
    ArrayPrototypePush(listeners, listener);
    if (signal !== null) {
      ArrayPrototypePush(signal[ALGORITHMS], () => {
        listener.removed = true;
        const at = ArrayPrototypeIndexOf(listeners, listener);
        if (at >= 0) ArrayPrototypeSplice(listeners, at, 1);
      });
    }
  };
  const isDefaultPassiveTarget = (target) => {
    if (!isNode(target)) return target?.[LISTENERS] !== undefined && target === target.window;
    if (target[TYPE] === 9) return true;
    const parent = target[PARENT];
    return parent !== null && (parent[TYPE] === 9 || (parent[PARENT] !== null && parent[PARENT][TYPE] === 9));
  };

  /** `(node) => slot or null`: a slottable's assigned slot (slots.js sets it; DOM §4.2.2.3 "find a slot"). */
  let assignedSlotOf = null;
  /** DOM: get the parent of a node, a document's window, or nothing. */
  const getTheParent = (target, event) => {
    if (!isNode(target)) return null;
    if (assignedSlotOf !== null && (target[TYPE] === 1 || target[TYPE] === 3)) {
      const slot = assignedSlotOf(target);
      if (slot !== null) return slot;
    }
    if (target[TYPE] === 9) return event[S.type] === 'load' ? null : target[DEFAULT_VIEW] ?? null;
    if (isShadowRoot(target)) {
      if ((event[S.flags] & COMPOSED) === 0 && rootOf(event[S.path][0].item) === target) return null;
      return target[HOST];
    }
    return target[PARENT];
  };

  /** DOM §2.9: dispatch `event` to `target`; returns false when it was canceled. */
  const dispatch = (target, event, targetOverride = target) => {
    event[S.flags] |= DISPATCH;
    const path = [];
    event[S.path] = path;
    // DOM §2.9 steps 5.3-5.4: a click's activation target, the target or its nearest ancestor with activation behavior.
    const isActivationEvent = activation !== null && event[S.type] === 'click' && event[S.mouse] === true;
    let activationTarget = isActivationEvent && activation.has(target) ? target : null;
    let saved;
    let relatedTarget = retarget(event[S.relatedTarget], target);
    let clearTargets = false;
    if (target !== relatedTarget || target === event[S.relatedTarget]) {
      let slotInClosedTree = false;
      const appendToPath = (item, shadowAdjustedTarget, related) => {
        const rootOfClosedTree = isShadowRoot(item) && item[runtime.internals.MODE] === 'closed';
        ArrayPrototypePush(path, { item, shadowAdjustedTarget, relatedTarget: related, rootOfClosedTree, slotInClosedTree });
      };
      // DOM §2.9 step 5.5: the legacy target override (`load` at a window targets its document).
      appendToPath(target, targetOverride, relatedTarget);
      let parent = getTheParent(target, event);
      // DOM §2.9 step 5.9: a slottable's parent is its slot; a slot in a closed tree hides what follows.
      let slottable = isNode(target) && parent !== null && isNode(parent) && parent !== target[PARENT] ? target : null;
      while (parent !== null) {
        if (slottable !== null) {
          slottable = null;
          const slotRoot = rootOf(parent);
          if (isShadowRoot(slotRoot) && slotRoot[runtime.internals.MODE] === 'closed') slotInClosedTree = true;
        }
        if (isNode(parent) && (parent[TYPE] === 1 || parent[TYPE] === 3) && assignedSlotOf !== null && assignedSlotOf(parent) !== null) slottable = parent;
        relatedTarget = retarget(event[S.relatedTarget], parent);
        if (isActivationEvent && activationTarget === null && (event[S.flags] & BUBBLES) !== 0 && isNode(parent) && activation.has(parent)) {
          activationTarget = parent;
        }
        if (!isNode(parent) || (isNode(target) && shadowIncludingInclusiveAncestor(rootOf(target), parent))) {
          appendToPath(parent, null, relatedTarget);
        } else if (parent === relatedTarget) {
          parent = null;
        } else {
          target = parent;
          appendToPath(parent, target, relatedTarget);
        }
        if (parent !== null) parent = getTheParent(parent, event);
        slotInClosedTree = false;
      }
      let clearStruct = null;
      for (let i = path.length - 1; i >= 0; i--) if (path[i].shadowAdjustedTarget !== null) { clearStruct = path[i]; break; }
      for (const value of safeArray([clearStruct.shadowAdjustedTarget, clearStruct.relatedTarget])) {
        if (isNode(value) && isShadowRoot(rootOf(value))) clearTargets = true;
      }
      // Step 5.11: the legacy-pre-activation behavior (a checkbox toggles before listeners run).
      if (activationTarget !== null) saved = activation.preActivate(activationTarget);
      for (let i = path.length - 1; i >= 0; i--) {
        event[S.phase] = path[i].shadowAdjustedTarget !== null ? 2 : 1;
        invoke(path, i, event, true);
      }
      for (let i = 0; i < path.length; i++) {
        if (path[i].shadowAdjustedTarget !== null) event[S.phase] = 2;
        else if ((event[S.flags] & BUBBLES) === 0) continue;
        else event[S.phase] = 3;
        invoke(path, i, event, false);
      }
    }
    event[S.phase] = 0;
    event[S.currentTarget] = null;
    event[S.path] = null;
    event[S.flags] &= ~(DISPATCH | STOP | STOP_IMMEDIATE);
    if (clearTargets) { event[S.target] = null; event[S.relatedTarget] = null; }
    // Step 6: the activation behavior, or the legacy-canceled-activation behavior.
    if (activationTarget !== null) {
      if ((event[S.flags] & CANCELED) === 0) activation.activate(activationTarget, event);
      else activation.canceled(activationTarget, saved);
    }
    return (event[S.flags] & CANCELED) === 0;
  };
  /**
   * The elements' activation behaviors (HTML), set once by input/activation.js: `has(node)`,
   * `preActivate(node)` (gives what `canceled` restores), `canceled(node, saved)`,
   * `activate(node, event)`.
   */
  let activation = null;
  const setActivation = (behaviors) => { if (activation === null) activation = behaviors; };

  const invoke = (path, index, event, capturing) => {
    for (let i = index; i >= 0; i--) {
      if (path[i].shadowAdjustedTarget !== null) { event[S.target] = path[i].shadowAdjustedTarget; break; }
    }
    event[S.relatedTarget] = path[index].relatedTarget;
    if (event[S.flags] & STOP) return;
    const item = path[index].item;
    event[S.currentTarget] = item;
    const listeners = item[LISTENERS];
    if (listeners === undefined || listeners.length === 0) return;
    const type = event[S.type];
    for (const listener of safeArray(ArrayPrototypeSlice(listeners))) {
      if (listener.removed || listener.type !== type) continue;
      if (capturing ? !listener.capture : listener.capture) continue;
      if (listener.once) {
        listener.removed = true;
        const at = ArrayPrototypeIndexOf(listeners, listener);
        if (at >= 0) ArrayPrototypeSplice(listeners, at, 1);
      }
      if (listener.passive) event[S.flags] |= PASSIVE;
      try {
        const callback = listener.callback;
        if (typeof callback === 'function') FunctionPrototypeCall(callback, item, event);
        else {
          const handleEvent = callback.handleEvent;
          if (typeof handleEvent !== 'function') throw new TypeError("The listener's handleEvent is not a function.");
          FunctionPrototypeCall(handleEvent, callback, event);
        }
      } catch (error) {
        reportException(error);
      }
      event[S.flags] &= ~PASSIVE;
      if (event[S.flags] & STOP_IMMEDIATE) return;
    }
  };

  /** DOM: Event's composedPath(), hiding the insides of closed shadow trees. */
  const composedPath = (event) => {
    const path = event[S.path];
    if (path === null || path.length === 0) return [];
    const composed = [event[S.currentTarget]];
    let currentTargetIndex = 0, currentTargetHiddenSubtreeLevel = 0;
    for (let index = path.length - 1; index >= 0; index--) {
      if (path[index].rootOfClosedTree) currentTargetHiddenSubtreeLevel++;
      if (path[index].item === event[S.currentTarget]) { currentTargetIndex = index; break; }
      if (path[index].slotInClosedTree) currentTargetHiddenSubtreeLevel--;
    }
    let currentHiddenLevel = currentTargetHiddenSubtreeLevel, maxHiddenLevel = currentTargetHiddenSubtreeLevel;
    const before = [];
    for (let index = currentTargetIndex - 1; index >= 0; index--) {
      if (path[index].rootOfClosedTree) currentHiddenLevel++;
      if (currentHiddenLevel <= maxHiddenLevel) ArrayPrototypePush(before, path[index].item);
      if (path[index].slotInClosedTree) {
        currentHiddenLevel--;
        if (currentHiddenLevel < maxHiddenLevel) maxHiddenLevel = currentHiddenLevel;
      }
    }
    const result = [];
    for (let i = before.length - 1; i >= 0; i--) ArrayPrototypePush(result, before[i]);
    ArrayPrototypePush(result, composed[0]);
    currentHiddenLevel = currentTargetHiddenSubtreeLevel;
    maxHiddenLevel = currentTargetHiddenSubtreeLevel;
    for (let index = currentTargetIndex + 1; index < path.length; index++) {
      if (path[index].slotInClosedTree) currentHiddenLevel++;
      if (currentHiddenLevel <= maxHiddenLevel) ArrayPrototypePush(result, path[index].item);
      if (path[index].rootOfClosedTree) {
        currentHiddenLevel--;
        if (currentHiddenLevel < maxHiddenLevel) maxHiddenLevel = currentHiddenLevel;
      }
    }
    return result;
  };

  const ABORTED = Symbol('aborted');
  const REASON = Symbol('reason');
  const ALGORITHMS = Symbol('abortAlgorithms');
  const HANDLER = Symbol('onabort');
  let constructingSignal = false;
  class AbortSignal extends EventTarget {
    constructor() {
      if (!constructingSignal) throw new TypeError('Illegal constructor');
      super();
      constructingSignal = false;
      this[ABORTED] = false;
      this[REASON] = undefined;
      this[ALGORITHMS] = [];
      this[HANDLER] = null;
    }
    get aborted() { return this[ABORTED]; }
    get reason() { return this[REASON]; }
    throwIfAborted() { if (this[ABORTED]) throw this[REASON]; }
    get onabort() { return this[HANDLER]; }
    set onabort(value) {
      if (this[HANDLER] !== null) removeListener(this, 'abort', this[HANDLER], false);
      this[HANDLER] = typeof value === 'function' ? value : null;
      if (this[HANDLER] !== null) addListener(this, 'abort', this[HANDLER]);
    }
    static abort(reason = undefined) {
      const signal = newSignal();
      signalAbort(signal, reason);
      return signal;
    }
    static any(signals) {
      const result = newSignal();
      for (const signal of safeArray(signals)) if (signal[ABORTED]) { signalAbort(result, signal[REASON]); return result; }
      for (const signal of safeArray(signals)) ArrayPrototypePush(signal[ALGORITHMS], () => signalAbort(result, signal[REASON]));
      return result;
    }
    /** DOM §3.1.3: a signal aborted with a TimeoutError after `milliseconds` on the page's clock (a page timer). */
    static timeout(milliseconds) {
      const delay = Number(milliseconds);
      if (!(delay >= 0 && delay <= MAX_SAFE_INTEGER)) {
        throw new TypeError("Failed to execute 'timeout' on 'AbortSignal': Value is outside the 'unsigned long long' value range.");
      }
      // The timers come with the scripting extension, installed after the DOM; a realm without them has no clock to wait on.
      const setTimeout = runtime.timers?.setTimeout;
      if (typeof setTimeout !== 'function') throw makeError('NotSupportedError', 'This realm has no timers.');
      const signal = newSignal();
      setTimeout(() => signalAbort(signal, makeError('TimeoutError', 'signal timed out')), MathTrunc(delay));
      return signal;
    }
  }
  const MAX_SAFE_INTEGER = 9007199254740991;
  const newSignal = () => { constructingSignal = true; return new AbortSignal(); };
  /** Whether `signal` is aborted, and its reason (for the Web APIs that take a signal). */
  const abortState = (signal) => [signal[ABORTED], signal[REASON]];
  /** DOM: add an abort algorithm to `signal`; returns the function that removes it again. */
  const addAbortAlgorithm = (signal, algorithm) => {
    ArrayPrototypePush(signal[ALGORITHMS], algorithm);
    return () => {
      const index = ArrayPrototypeIndexOf(signal[ALGORITHMS], algorithm);
      if (index >= 0) ArrayPrototypeSplice(signal[ALGORITHMS], index, 1);
    };
  };
  /** DOM: signal abort. */
  const signalAbort = (signal, reason) => {
    if (signal[ABORTED]) return;
    signal[ABORTED] = true;
    signal[REASON] = reason === undefined ? makeError('AbortError', 'signal is aborted without reason') : reason;
    const algorithms = signal[ALGORITHMS];
    signal[ALGORITHMS] = [];
    for (const algorithm of safeArray(algorithms)) algorithm();
    // "Fire an event": a trusted event, as Chrome's (`isTrusted` is true).
    fire(signal, new Event('abort'));
  };
  const SIGNAL = Symbol('signal');
  class AbortController {
    constructor() { this[SIGNAL] = newSignal(); }
    get signal() { return this[SIGNAL]; }
    abort(reason = undefined) { signalAbort(this[SIGNAL], reason); }
  }

  // Event handler IDL attributes (HTML §8.1.8): `target.onclick = fn` adds one listener, at the
  // place of the first non-null assignment, that calls the current handler; a handler returning
  // false cancels the event (`onerror` of an ErrorEvent: returning true does).
  const HANDLERS = Symbol('eventHandlers');
  const handlersOf = (target) => {
    let handlers = target[HANDLERS];
    if (handlers === undefined) {
      handlers = { __proto__: null };
      ObjectDefineProperty(target, HANDLERS, { value: handlers });
    }
    return handlers;
  };
  const processHandler = (target, type, event) => {
    const entry = target[HANDLERS][type];
    const callback = entry.value;
    if (callback === null) return;
    let result;
    if (type === 'error' && event instanceof ErrorEvent) {
      const init = event[S.init];
      result = FunctionPrototypeCall(callback, target, init.message, init.filename, init.lineno, init.colno, init.error);
      if (result === true) cancel(event);
      return;
    }
    result = FunctionPrototypeCall(callback, target, event);
    if (type === 'beforeunload') { if (result !== undefined && result !== null) cancel(event); return; }
    if (result === false) cancel(event);
  };
  /** Sets `target`'s event handler for `name` (HTML §8.1.8.1): a function, or null to remove it. */
  const setEventHandler = (target, name, value) => {
    const handlers = handlersOf(target);
    const callback = typeof value === 'function' ? value : null;
    let entry = handlers[name];
    if (entry === undefined) {
      if (callback === null) return;
      entry = handlers[name] = { value: callback, listener: null };
    }
    entry.value = callback;
    if (callback === null) {
      if (entry.listener !== null) { removeListener(target, name, entry.listener, false); entry.listener = null; }
    } else if (entry.listener === null) {
      entry.listener = (event) => processHandler(target, name, event);
      addListener(target, name, entry.listener);
    }
  };
  /** Defines `on<name>` IDL attributes on `prototype` for each event name. */
  const defineEventHandlers = (prototype, names) => {
    for (const name of safeArray(names)) {
      ObjectDefineProperty(prototype, 'on' + name, {
        get() { return this[HANDLERS]?.[name]?.value ?? null; },
        set(value) { setEventHandler(this, name, value); },
        enumerable: true,
        configurable: true,
      });
    }
  };
  /** GlobalEventHandlers (HTML §8.1.8.2): on HTMLElement, SVGElement, MathMLElement, Document, Window. */
  const globalEventNames = ['abort', 'auxclick', 'beforeinput', 'beforematch', 'beforetoggle', 'blur', 'cancel', 'canplay', 'canplaythrough',
    'change', 'click', 'close', 'contextlost', 'contextmenu', 'contextrestored', 'copy', 'cuechange', 'cut', 'dblclick', 'drag', 'dragend',
    'dragenter', 'dragleave', 'dragover', 'dragstart', 'drop', 'durationchange', 'emptied', 'ended', 'error', 'focus', 'focusin',
    'focusout', 'formdata', 'input', 'invalid', 'keydown', 'keypress', 'keyup', 'load', 'loadeddata', 'loadedmetadata', 'loadstart',
    'mousedown', 'mouseenter', 'mouseleave', 'mousemove', 'mouseout', 'mouseover', 'mouseup', 'paste', 'pause', 'play', 'playing',
    'pointercancel', 'pointerdown', 'pointerenter', 'pointerleave', 'pointermove', 'pointerout', 'pointerover', 'pointerup', 'progress',
    'ratechange', 'reset', 'resize', 'scroll', 'scrollend', 'securitypolicyviolation', 'seeked', 'seeking', 'select', 'slotchange',
    'stalled', 'submit', 'suspend', 'timeupdate', 'toggle', 'touchcancel', 'touchend', 'touchmove', 'touchstart', 'transitioncancel',
    'transitionend', 'transitionrun', 'transitionstart', 'animationstart', 'animationiteration', 'animationend', 'animationcancel',
    'volumechange', 'waiting', 'wheel'];
  /** WindowEventHandlers (HTML §8.1.8.2): on Window (and body/frameset, forwarded there). */
  const windowEventNames = ['afterprint', 'beforeprint', 'beforeunload', 'hashchange', 'languagechange', 'message', 'messageerror',
    'offline', 'online', 'pagehide', 'pagereveal', 'pageshow', 'pageswap', 'popstate', 'rejectionhandled', 'storage',
    'unhandledrejection', 'unload'];

  /** Dispatches a trusted event Caper makes (a click, `DOMContentLoaded`); returns !canceled. */
  const fire = (target, event, targetOverride = target) => {
    event[S.trusted] = true;
    return dispatch(target, event, targetOverride);
  };
  const setExceptionReporter = (report) => { reportException = report; };
  /** Reports an exception a callback threw (HTML §8.1.4.6 "report an exception"). */
  const report = (error) => reportException(error);
  const setAssignedSlotFinder = (find) => { assignedSlotOf = find; };

  const interfaces = {
    Event, CustomEvent, UIEvent, MouseEvent, KeyboardEvent, FocusEvent, InputEvent, PointerEvent, WheelEvent, SubmitEvent,
    ErrorEvent, ProgressEvent, PopStateEvent, HashChangeEvent, MessageEvent, EventTarget, AbortController, AbortSignal,
  };
  for (const name in interfaces) {
    ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
    ObjectDefineProperty(interfaces[name], 'name', { value: name });
  }
  return ObjectFreeze({
    ...interfaces, interfaces: ObjectFreeze(interfaces), DEFAULT_VIEW, LISTENERS, addListener, dispatch, fire, retarget,
    setExceptionReporter, report, setAssignedSlotFinder, setActivation, signalAbort, newSignal, abortState, addAbortAlgorithm, defineEventHandlers, setEventHandler, removeListener, globalEventNames, windowEventNames,
  });
}
