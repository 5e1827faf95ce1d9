// Cross-document messaging and channel messaging within one page (HTML §9.3, §9.4): the global
// `structuredClone(value, { transfer })`, `window.postMessage(message, targetOrigin, transfer)`
// to the page itself (a `message` event with the page's `origin` and `source`), and
// `MessageChannel`/`MessagePort` (`postMessage`, `start`, `close`; setting `onmessage` starts
// the port; ports move through transfer lists). Every message is a task of the page's event loop
// (`runtime.settings.queueTask`), its data cloned when it is posted. Also the constructors of
// what Caper does not run, which throw a NotSupportedError: WebSocket, Worker, SharedWorker.
(host, runtime) => {
  'use strict';
  const {
    ArrayIsArray, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, Set, SetPrototypeAdd, SetPrototypeHas, Symbol,
    TypeError, WeakMap, WeakMapPrototypeGet, WeakMapPrototypeSet,
  } = runtime.primordials;
  const { makeError } = runtime['dom-exception'];
  const { EventTarget, MessageEvent, defineEventHandlers, fire } = runtime.events;
  const { cloneWithTransfer, setPortTransfer } = runtime['structured-clone'];
  const { queueTask, origin, originOf } = runtime.settings;
  const { isArrayBuffer, toDOMString } = runtime.encoding;

  // ---- Transfer lists ---------------------------------------------------------------------------
  /** The transfer list of `transferOrOptions` (a sequence, or a dictionary with `transfer`). */
  const transferListOf = (value, context, dictionaryType) => {
    if (value === undefined || value === null) return [];
    if (typeof value !== 'object' && typeof value !== 'function') {
      throw new TypeError(`${context}: The provided value is not of type '${dictionaryType}'.`);
    }
    if (typeof value[Symbol.iterator] === 'function') return sequence(value, context);
    const transfer = value.transfer;
    return transfer === undefined ? [] : sequence(transfer, context);
  };
  /** WebIDL sequence<object>: an array by index, another iterable by its iterator. */
  const sequence = (value, context) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      throw new TypeError(`${context}: The provided value cannot be converted to a sequence.`);
    }
    const items = [];
    if (ArrayIsArray(value)) {
      for (let i = 0; i < value.length; i++) items[i] = value[i];
    } else {
      for (const item of value) items[items.length] = item;
    }
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
        throw new TypeError(`${context}: Value at index ${i} is not an object.`);
      }
    }
    return items;
  };
  /** HTML StructuredSerializeWithTransfer's checks of the list (Chrome's messages). */
  const checkTransferList = (list, context, sourcePort = null) => {
    const seen = new Set();
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (isArrayBuffer(item)) {
        if (SetPrototypeHas(seen, item)) {
          throw makeError('DataCloneError', `${context}: ArrayBuffer at index ${i} is a duplicate of an earlier ArrayBuffer.`);
        }
      } else if (isPort(item)) {
        if (SetPrototypeHas(seen, item)) {
          throw makeError('DataCloneError', `${context}: Message port at index ${i} is a duplicate of an earlier port.`);
        }
        if (item === sourcePort) throw makeError('DataCloneError', `${context}: Port at index ${i} contains the source port.`);
        if (WeakMapPrototypeGet(PORTS, item).detached) throw makeError('DataCloneError', `${context}: Port at index ${i} is already neutered.`);
      } else {
        throw makeError('DataCloneError', `${context}: Value at index ${i} does not have a transferable type.`);
      }
      SetPrototypeAdd(seen, item);
    }
  };

  // ---- MessagePort, MessageChannel (§9.4) -------------------------------------------------------
  /** port -> { entangled: port | null, enabled, closed, detached, pending: [[data, ports], ...] } */
  const PORTS = new WeakMap();
  const isPort = (value) => value !== null && typeof value === 'object' && WeakMapPrototypeGet(PORTS, value) !== undefined;
  const stateOf = (port, operation) => {
    const state = portState(port);
    if (state === undefined) throw new TypeError(`Failed to execute '${operation}' on 'MessagePort': Illegal invocation`);
    return state;
  };
  const portState = (port) => (port !== null && typeof port === 'object' ? WeakMapPrototypeGet(PORTS, port) : undefined);
  let constructing = false;
  const newPort = () => {
    constructing = true;
    const port = new MessagePort();
    WeakMapPrototypeSet(PORTS, port, { entangled: null, enabled: false, closed: false, detached: false, pending: [] });
    return port;
  };
  /** Delivers the oldest message waiting at `port` (a task per message). */
  const deliver = (port) => {
    const state = WeakMapPrototypeGet(PORTS, port);
    if (state.pending.length === 0) return;
    const [data, ports] = state.pending[0];
    const rest = [];
    for (let i = 1; i < state.pending.length; i++) rest[rest.length] = state.pending[i];
    state.pending = rest;
    if (state.closed) return;
    fire(port, new MessageEvent('message', { data, ports: ObjectFreeze(ports) }));
  };
  /** Moves `port` to a new MessagePort object (a transfer): its entanglement and waiting messages go along. */
  const transferPort = (port) => {
    const state = WeakMapPrototypeGet(PORTS, port);
    const moved = newPort();
    const movedState = WeakMapPrototypeGet(PORTS, moved);
    movedState.entangled = state.entangled;
    movedState.pending = state.pending;
    if (state.entangled !== null) WeakMapPrototypeGet(PORTS, state.entangled).entangled = moved;
    state.entangled = null;
    state.pending = [];
    state.detached = true;
    state.closed = true;
    return moved;
  };
  setPortTransfer(ObjectFreeze({ isPort, transfer: transferPort }));

  class MessagePort extends EventTarget {
    constructor() {
      if (!constructing) throw new TypeError('Illegal constructor');
      constructing = false;
      super();
    }
    postMessage(message, transferOrOptions = undefined) {
      const context = "Failed to execute 'postMessage' on 'MessagePort'";
      const state = stateOf(this, 'postMessage');
      if (arguments.length === 0) throw new TypeError(`${context}: 1 argument required, but only 0 present.`);
      const transfer = transferListOf(transferOrOptions, context, 'StructuredSerializeOptions');
      checkTransferList(transfer, context, this);
      const target = state.entangled;
      const [data, ports] = cloneWithTransfer(message, transfer, context);
      if (target === null) return;
      const targetState = WeakMapPrototypeGet(PORTS, target);
      targetState.pending[targetState.pending.length] = [data, ports];
      if (targetState.enabled) queueTask(deliver, target);
    }
    start() {
      const state = stateOf(this, 'start');
      if (state.enabled || state.detached) return;
      state.enabled = true;
      for (let i = 0; i < state.pending.length; i++) queueTask(deliver, this);
    }
    close() {
      const state = stateOf(this, 'close');
      state.closed = true;
      if (state.entangled !== null) {
        WeakMapPrototypeGet(PORTS, state.entangled).entangled = null;
        state.entangled = null;
      }
    }
  }
  defineEventHandlers(MessagePort.prototype, ['message', 'messageerror']);
  {
    // HTML §9.4.4: setting `onmessage` starts the port.
    const { get, set } = ObjectGetOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
    ObjectDefineProperty(MessagePort.prototype, 'onmessage', {
      get,
      set(handler) {
        runtime.primordials.FunctionPrototypeCall(set, this, handler);
        if (isPort(this)) startPort(this);
      },
      enumerable: true,
      configurable: true,
    });
  }
  const startPort = (port) => runtime.primordials.FunctionPrototypeCall(MessagePort.prototype.start, port);

  const CHANNEL = Symbol('ports');
  class MessageChannel {
    constructor() {
      const port1 = newPort();
      const port2 = newPort();
      WeakMapPrototypeGet(PORTS, port1).entangled = port2;
      WeakMapPrototypeGet(PORTS, port2).entangled = port1;
      ObjectDefineProperty(this, CHANNEL, { value: [port1, port2] });
    }
    get port1() { return this[CHANNEL][0]; }
    get port2() { return this[CHANNEL][1]; }
  }

  // ---- structuredClone, window.postMessage -------------------------------------------------------
  const structuredClone = function structuredClone(value, options = undefined) {
    const context = "Failed to execute 'structuredClone' on 'Window'";
    if (arguments.length === 0) throw new TypeError(`${context}: 1 argument required, but only 0 present.`);
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeError(`${context}: The provided value is not of type 'StructuredSerializeOptions'.`);
    }
    const transfer = options === undefined || options === null || options.transfer === undefined ? [] : sequence(options.transfer, context);
    checkTransferList(transfer, context);
    return cloneWithTransfer(value, transfer, context)[0];
  };

  let window = null;
  /** HTML §9.3.3 window post message steps, for a window posting to itself. */
  const postMessage = function postMessage(message, targetOriginOrOptions = undefined, transferList = undefined) {
    const context = "Failed to execute 'postMessage' on 'Window'";
    if (arguments.length === 0) throw new TypeError(`${context}: 1 argument required, but only 0 present.`);
    let targetOrigin = '/';
    let transfer = [];
    const second = targetOriginOrOptions;
    if (second === undefined || second === null || typeof second === 'object' || typeof second === 'function') {
      if (second !== undefined && second !== null) {
        if (second.targetOrigin !== undefined) targetOrigin = toDOMString(second.targetOrigin, context);
        if (second.transfer !== undefined) transfer = sequence(second.transfer, context);
      }
    } else {
      targetOrigin = toDOMString(second, context);
      if (transferList !== undefined) transfer = sequence(transferList, context);
    }
    const ownOrigin = origin();
    if (targetOrigin === '/') {
      targetOrigin = ownOrigin;
    } else if (targetOrigin !== '*') {
      const parsed = originOf(targetOrigin);
      if (parsed === null) throw makeError('SyntaxError', `${context}: Invalid target origin '${targetOrigin}' in a call to 'postMessage'.`);
      targetOrigin = parsed;
    }
    checkTransferList(transfer, context);
    const [data, ports] = cloneWithTransfer(message, transfer, context);
    const target = window;
    queueTask(() => {
      // A message for another origin is dropped (Chrome says so on the console).
      if (targetOrigin !== '*' && targetOrigin !== origin()) return;
      fire(target, new MessageEvent('message', { data, origin: ownOrigin, source: target, ports: ObjectFreeze(ports) }));
    });
  };

  // ---- What Caper does not run -----------------------------------------------------------------
  const unsupported = (name) => {
    const Interface = {
      [name]: class extends EventTarget {
        constructor() {
          throw makeError('NotSupportedError', `${name} is not supported by Caper`);
        }
      },
    }[name];
    return Interface;
  };
  const WebSocket = unsupported('WebSocket');
  for (const [name, value] of [['CONNECTING', 0], ['OPEN', 1], ['CLOSING', 2], ['CLOSED', 3]]) {
    ObjectDefineProperty(WebSocket, name, { value, enumerable: true });
    ObjectDefineProperty(WebSocket.prototype, name, { value, enumerable: true });
  }
  const Worker = unsupported('Worker');
  const SharedWorker = unsupported('SharedWorker');

  const interfaces = { MessageChannel, MessagePort, WebSocket, Worker, SharedWorker };
  for (const name in interfaces) {
    const prototype = interfaces[name].prototype;
    ObjectDefineProperty(prototype, Symbol.toStringTag, { value: name, configurable: true });
    for (const key of ['postMessage', 'start', 'close', 'port1', 'port2']) {
      const descriptor = ObjectGetOwnPropertyDescriptor(prototype, key);
      if (descriptor === undefined) continue;
      descriptor.enumerable = true;
      ObjectDefineProperty(prototype, key, descriptor);
    }
  }

  const install = (global) => {
    window = global;
    ObjectDefineProperty(global, 'structuredClone', { value: structuredClone, writable: true, configurable: true, enumerable: true });
    ObjectDefineProperty(global, 'postMessage', { value: postMessage, writable: true, configurable: true, enumerable: true });
  };
  return ObjectFreeze({ interfaces: ObjectFreeze(interfaces), install, isPort });
}
