// Timers and callbacks of the page's event loop, on its virtual clock (HTML §8.6 timers, §8.1.7
// microtask queuing, §8.10 animation frames, requestIdleCallback). Timers are kept by Swift's
// event loop (HTML's nesting clamp included); a callback that throws is reported as an uncaught
// error and the loop goes on. Animation frames tick on a virtual 60 Hz frame clock: every
// callback of one frame gets the same timestamp, the frame's time. Idle callbacks run after the
// tasks due now, with a 50 ms deadline (the longest idle period).
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypePush, FunctionPrototypeApply, MathCeil, MathMax, MathMin, Number, ObjectDefineProperty,
    ObjectFreeze, PromisePrototypeThen, PromiseResolve, String, TypeError, Map, MapPrototypeDelete, MapPrototypeGet, MapPrototypeSet,
    Set, SetPrototypeAdd, SetPrototypeDelete, SetPrototypeHas,
  } = runtime.primordials;
  const { reportException } = runtime.errors;
  const { now } = runtime.clock;
  const indirectEval = (0, eval);

  const callReporting = (callback, self, args) => {
    try {
      FunctionPrototypeApply(callback, self, args);
    } catch (error) {
      reportException(error);
    }
  };

  /** HTML §8.6 timer initialization: a function, or a string compiled as a script when it runs. */
  const timer = (repeat) => function (handler, timeout = 0, ...args) {
    // WebIDL `long` (ToInt32): whole milliseconds, NaN and infinities 0.
    const delay = Number(timeout) | 0;
    const global = this ?? globalThis;
    const run = typeof handler === 'function' ? () => callReporting(handler, global, args) : () => {
      try {
        indirectEval(String(handler));
      } catch (error) {
        reportException(error);
      }
    };
    return host.setTimer(run, delay, repeat);
  };
  const setTimeout = timer(false);
  const setInterval = timer(true);
  const clearTimeout = function (id = 0) { host.clearTimer(Number(id)); };
  const clearInterval = clearTimeout;

  /** HTML §8.1.7.1 queueMicrotask. */
  const resolved = PromiseResolve();
  // Its own `constructor` is undefined, so `then` on it makes the derived promise with the intrinsic
  // %Promise% (SpeciesConstructor's default), never through a page's `Promise.prototype.constructor`
  // or `Symbol.species`: core-js replaces both, and its promises queue a microtask when resolved,
  // which made every queued microtask queue another, forever.
  ObjectDefineProperty(resolved, 'constructor', { __proto__: null, value: undefined });
  const queueMicrotask = function (callback) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'queueMicrotask' on 'Window': parameter 1 is not of type 'Function'.");
    }
    PromisePrototypeThen(resolved, () => callReporting(callback, undefined, []));
  };

  // ---- Animation frames on a virtual 60 Hz clock -----------------------------------------------
  const FRAME = 1000 / 60;
  let frameCallbacks = [];
  let frameScheduled = false;
  let nextHandle = 1;
  const cancelled = new Set();
  const runFrame = () => {
    frameScheduled = false;
    const callbacks = frameCallbacks;
    frameCallbacks = [];
    const time = now();
    for (let i = 0; i < callbacks.length; i++) {
      const [handle, callback] = callbacks[i];
      if (SetPrototypeHas(cancelled, handle)) {
        SetPrototypeDelete(cancelled, handle);
        continue;
      }
      callReporting(callback, globalThis, [time]);
      // Each callback is invoked as its own script: a microtask checkpoint follows it.
      host.runMicrotasks();
    }
  };
  const requestAnimationFrame = function (callback) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'requestAnimationFrame' on 'Window': The callback provided as parameter 1 is not a function.");
    }
    const handle = nextHandle++;
    ArrayPrototypePush(frameCallbacks, [handle, callback]);
    if (!frameScheduled) {
      frameScheduled = true;
      const current = now();
      let next = MathCeil(current / FRAME) * FRAME;
      if (next <= current) next += FRAME;
      host.setTimer(runFrame, next - current, false);
    }
    return handle;
  };
  const cancelAnimationFrame = function (handle) { SetPrototypeAdd(cancelled, Number(handle)); };

  // ---- Idle callbacks --------------------------------------------------------------------------
  const IDLE_PERIOD = 50;
  let idleConstructing = false;
  class IdleDeadline {
    #end;
    #didTimeout;
    constructor(end, didTimeout) {
      if (!idleConstructing) throw new TypeError('Illegal constructor');
      this.#end = end;
      this.#didTimeout = didTimeout;
    }
    timeRemaining() { return MathMax(0, this.#end - now()); }
    get didTimeout() { return this.#didTimeout; }
  }
  const idleTimers = new Map();
  const requestIdleCallback = function (callback, options = undefined) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'requestIdleCallback' on 'Window': parameter 1 is not of type 'IdleRequestCallback'.");
    }
    const timeout = options?.timeout === undefined ? 0 : MathMax(0, Number(options.timeout) || 0);
    const handle = nextHandle++;
    const delay = timeout > 0 ? MathMin(timeout, 1) : 1;
    const id = host.setTimer(() => {
      MapPrototypeDelete(idleTimers, handle);
      idleConstructing = true;
      const deadline = new IdleDeadline(now() + IDLE_PERIOD, false);
      idleConstructing = false;
      callReporting(callback, globalThis, [deadline]);
    }, delay, false);
    MapPrototypeSet(idleTimers, handle, id);
    return handle;
  };
  const cancelIdleCallback = function (handle) {
    const id = MapPrototypeGet(idleTimers, Number(handle));
    if (id !== undefined) {
      MapPrototypeDelete(idleTimers, Number(handle));
      host.clearTimer(id);
    }
  };

  const functions = {
    setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask, requestAnimationFrame, cancelAnimationFrame,
    requestIdleCallback, cancelIdleCallback,
  };
  for (const name in functions) ObjectDefineProperty(functions[name], 'name', { value: name });
  const install = (global) => {
    for (const name in functions) {
      ObjectDefineProperty(global, name, { value: functions[name], writable: true, configurable: true, enumerable: true });
    }
  };
  return ObjectFreeze({ install, interfaces: ObjectFreeze({ IdleDeadline }), setTimeout, queueMicrotask });
}
