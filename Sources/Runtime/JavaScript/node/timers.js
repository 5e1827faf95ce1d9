// node:timers and node:timers/promises, on the isolate's event loop (Node's rules, real time);
// and the global setTimeout family and queueMicrotask.
(host, runtime) => {
  const { define } = runtime.modules;
  class Timeout {
    constructor(id) { this.id = id; }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
    refresh() { return this; }
    [Symbol.toPrimitive]() { return this.id; }
  }
  /// A timer's callback, as Node runs it: what it throws is an uncaught exception (`process`), its
  /// nextTick queue runs after it.
  const run = (fn, args) => {
    try {
      fn(...args);
    } catch (error) {
      runtime.process.uncaught(error, 'uncaughtException');
    } finally {
      runtime.process.runTicks();
    }
  };
  const schedule = (fn, delay, args, repeat) => {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    return new Timeout(host.timerSet(() => run(fn, args), Number(delay), repeat));
  };
  const idOf = (t) => (t && typeof t === 'object' ? t.id : t);
  const clear = (t) => { const id = idOf(t); if (typeof id === 'number') host.timerClear(id); };
  const timerApi = {
    setTimeout: (fn, delay, ...args) => schedule(fn, delay, args, false),
    setInterval: (fn, delay, ...args) => schedule(fn, delay, args, true),
    setImmediate: (fn, ...args) => {
      if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
      return new Timeout(host.immediateSet(() => run(fn, args)));
    },
    clearTimeout: clear, clearInterval: clear, clearImmediate: clear,
  };
  Object.assign(globalThis, timerApi);
  const { PromisePrototypeThen, PromiseResolve } = runtime.primordials;
  globalThis.queueMicrotask = (fn) => { PromisePrototypeThen(PromiseResolve(), () => fn()); };
  define('timers', () => timerApi);
  define('timers/promises', () => ({ setTimeout: (ms, value) => new Promise((resolve) => schedule(resolve, ms, [value], false)), setImmediate: (value) => new Promise((resolve) => timerApi.setImmediate(resolve, value)) }));
  // Caper's own scripts set their timers through here (`AbortSignal.timeout`), not the globals support code may replace.
  return { setTimeout: timerApi.setTimeout };
}
