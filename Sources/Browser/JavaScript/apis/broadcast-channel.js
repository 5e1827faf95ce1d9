// BroadcastChannel (HTML §9.5): `new BroadcastChannel(name)`, `postMessage(message)`, `close()`,
// `onmessage`/`onmessageerror`. A message goes to every other open BroadcastChannel of the same
// name and origin in this page realm, in the order they were made, each as a task of the page's
// event loop (`runtime.settings.queueTask`) that fires a MessageEvent whose `data` is a structured
// clone made when the message was posted (one per destination) and whose `origin` is the
// poster's. A channel closed before its task runs gets nothing. Posting on a closed channel throws
// an InvalidStateError; a value that cannot be cloned throws a DataCloneError.
// Scope: one page realm. Frames and other pages of the browser context have their own realms and
// do not hear each other's channels (no cross-realm registry yet).
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSplice, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor,
    String, Symbol, TypeError,
  } = runtime.primordials;
  const { makeError } = runtime['dom-exception'];
  const { EventTarget, MessageEvent, defineEventHandlers, fire } = runtime.events;
  const { cloneWithTransfer } = runtime['structured-clone'];
  const { queueTask, origin } = runtime.settings;

  const STATE = Symbol('broadcastChannel');
  /** The open channels of this realm, in creation order (HTML §9.5 "destinations" are sorted so). */
  const open = [];
  const stateOf = (channel, operation) => {
    const state = channel !== null && typeof channel === 'object' ? channel[STATE] : undefined;
    if (state === undefined) throw new TypeError(`Failed to execute '${operation}' on 'BroadcastChannel': Illegal invocation`);
    return state;
  };

  class BroadcastChannel extends EventTarget {
    constructor(name) {
      if (arguments.length === 0) {
        throw new TypeError("Failed to construct 'BroadcastChannel': 1 argument required, but only 0 present.");
      }
      const channelName = String(name);
      super();
      ObjectDefineProperty(this, STATE, { value: { name: channelName, origin: origin(), closed: false } });
      ArrayPrototypePush(open, this);
    }
    get name() { return stateOf(this, 'name').name; }
    postMessage(message) {
      const context = "Failed to execute 'postMessage' on 'BroadcastChannel'";
      const state = stateOf(this, 'postMessage');
      if (arguments.length === 0) throw new TypeError(`${context}: 1 argument required, but only 0 present.`);
      if (state.closed) throw makeError('InvalidStateError', `${context}: Channel is closed`);
      const serialized = cloneWithTransfer(message, [], context)[0];
      const sourceOrigin = origin();
      const destinations = [];
      for (let i = 0; i < open.length; i++) {
        const other = open[i];
        const otherState = other[STATE];
        if (other !== this && otherState.name === state.name && otherState.origin === state.origin) ArrayPrototypePush(destinations, other);
      }
      for (let i = 0; i < destinations.length; i++) {
        const destination = destinations[i];
        const data = cloneWithTransfer(serialized, [], context)[0];
        queueTask(() => {
          if (destination[STATE].closed) return;
          fire(destination, new MessageEvent('message', { data, origin: sourceOrigin }));
        });
      }
    }
    close() {
      const state = stateOf(this, 'close');
      if (state.closed) return;
      state.closed = true;
      const at = ArrayPrototypeIndexOf(open, this);
      if (at >= 0) ArrayPrototypeSplice(open, at, 1);
    }
  }
  defineEventHandlers(BroadcastChannel.prototype, ['message', 'messageerror']);
  ObjectDefineProperty(BroadcastChannel.prototype, Symbol.toStringTag, { value: 'BroadcastChannel', configurable: true });
  for (const key of ['name', 'postMessage', 'close']) {
    const descriptor = ObjectGetOwnPropertyDescriptor(BroadcastChannel.prototype, key);
    descriptor.enumerable = true;
    ObjectDefineProperty(BroadcastChannel.prototype, key, descriptor);
  }

  return ObjectFreeze({ interfaces: ObjectFreeze({ BroadcastChannel }) });
}
