// node:events — EventEmitter.
(host, runtime) => {
  const { define } = runtime.modules;
  const { inspect } = runtime.util;
  define('events', () => {
    class EventEmitter {
      constructor() { this._events = new Map(); }
      on(name, fn) {
        if (!this._events) this._events = new Map();
        // Node: 'newListener' is emitted before the listener is added (once's with its original).
        if (this._events.has('newListener')) this.emit('newListener', name, fn.listener ?? fn);
        (this._events.get(name) || this._events.set(name, []).get(name)).push(fn);
        return this;
      }
      addListener(name, fn) { return this.on(name, fn); }
      prependListener(name, fn) { this.on(name, fn); const l = this._events.get(name); l.unshift(l.pop()); return this; }
      once(name, fn) { const wrapper = (...args) => { this.off(name, wrapper); fn.apply(this, args); }; wrapper.listener = fn; return this.on(name, wrapper); }
      off(name, fn) { const l = this._events && this._events.get(name); if (l) { const i = l.findIndex((f) => f === fn || f.listener === fn); if (i >= 0) l.splice(i, 1); } return this; }
      removeListener(name, fn) { return this.off(name, fn); }
      removeAllListeners(name) { if (name === undefined) this._events = new Map(); else if (this._events) this._events.delete(name); return this; }
      emit(name, ...args) {
        const l = this._events && this._events.get(name);
        if (!l || l.length === 0) { if (name === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error. (${inspect(args[0])})`); return false; }
        for (const fn of [...l]) fn.apply(this, args);
        return true;
      }
      listenerCount(name) { const l = this._events && this._events.get(name); return l ? l.length : 0; }
      listeners(name) { const l = this._events && this._events.get(name); return l ? l.map((f) => f.listener || f) : []; }
      eventNames() { return this._events ? [...this._events.keys()] : []; }
      setMaxListeners() { return this; }
    }
    EventEmitter.EventEmitter = EventEmitter;
    EventEmitter.once = (emitter, name) => new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
    return EventEmitter;
  });
  return {};
}
