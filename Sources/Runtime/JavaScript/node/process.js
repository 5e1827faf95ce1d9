// node:process and the `process` global. What differs per
// process (environment, arguments, pid, ...) arrives through `start`, after this ran: the runtime
// can be kept in a startup snapshot.
(host, runtime) => {
  const { define } = runtime.modules;
  const { format, inspect } = runtime.util;
  const { PromisePrototypeThen, PromiseResolve, ArrayPrototypePush, ArrayPrototypeShift, ReflectApply, ObjectSetPrototypeOf, Map,
    MapPrototypeSet, MapPrototypeDelete, MapPrototypeForEach, MapPrototypeClear } = runtime.primordials;
  // process.nextTick's queue, as Node runs it: at the end of the task that queued it (a timer,
  // a step, a hook: their runners call runTicks), before the promise jobs that task queued; a
  // tick queued from a promise job runs as a later job.
  const ticks = [];
  let drainQueued = false;
  const runTicks = () => {
    while (ticks.length > 0) {
      const [fn, args] = ArrayPrototypeShift(ticks);
      ReflectApply(fn, undefined, args);
    }
  };
  let startedAt = 0;
  const process = {
    env: {}, argv: [], argv0: 'caper', execArgv: [], platform: 'linux', arch: 'x64',
    execPath: '', version: 'v18.20.4', versions: { node: '18.20.4', v8: '' }, pid: 0, exitCode: undefined,
    cwd: () => host.cwd(),
    nextTick: (fn, ...args) => {
      if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
      ArrayPrototypePush(ticks, [fn, args]);
      if (!drainQueued) {
        drainQueued = true;
        PromisePrototypeThen(PromiseResolve(), () => { drainQueued = false; runTicks(); });
      }
    },
    hrtime: Object.assign((previous) => {
      const t = host.now() - startedAt, s = Math.floor(t / 1000), ns = Math.floor((t % 1000) * 1e6);
      if (!previous) return [s, ns];
      let ds = s - previous[0], dns = ns - previous[1];
      if (dns < 0) { ds -= 1; dns += 1e9; }
      return [ds, dns];
    }, { bigint: () => BigInt(Math.floor((host.now() - startedAt) * 1e6)) }),
    uptime: () => (host.now() - startedAt) / 1000,
    memoryUsage: Object.assign(() => host.memoryUsage(), { rss: () => host.memoryUsage().rss }),
    stdout: { write: (s) => { host.print('out', String(s)); return true; }, isTTY: false },
    stderr: { write: (s) => { host.print('err', String(s)); return true; }, isTTY: false },
    exit: (code) => { throw new Error(`process.exit(${code === undefined ? '' : code}) was called by support code; Caper does not exit from steps`); },
  };
  // An EventEmitter, as Node's: 'uncaughtException' and 'unhandledRejection' are emitted (below);
  // other events ('exit', signals) are kept and never emitted.
  ObjectSetPrototypeOf(process, runtime.modules.builtin('events').prototype);
  globalThis.process = process;
  define('process', () => process);

  // ---- Errors nobody caught (Node's process 'uncaughtException' and 'unhandledRejection') ----
  /// The runner's listener while a step or hook runs (cucumber-js fails it with the error).
  let runnerListener = null;
  /// An exception nobody caught (a timer's callback threw; an unhandled rejection, Node's default
  /// "throw" mode): the runner's listener and the 'uncaughtException' listeners get it, as Node's
  /// listeners do; with neither, it is written to stderr as Node writes it (Node would then exit;
  /// Caper goes on with the run).
  const uncaught = (error, origin) => {
    const runner = runnerListener;
    const listeners = process.listenerCount('uncaughtException');
    if (runner !== null) runner(error);
    if (listeners > 0) process.emit('uncaughtException', error, origin);
    if (runner === null && listeners === 0) host.print('err', `Uncaught ${inspect(error)}\n`);
  };
  /// Promises rejected without a handler since the last microtask checkpoint, with their reasons.
  const pending = new Map();
  /// V8's rejection tracker (`NodeRuntime` sets it on the support realm): `rejected` true for a
  /// rejection without a handler, false for a handler added to one.
  const trackRejection = (rejected, promise, reason) => {
    if (rejected) MapPrototypeSet(pending, promise, reason);
    else MapPrototypeDelete(pending, promise);
  };
  /// The end of a microtask checkpoint: each rejection still without a handler goes to the
  /// 'unhandledRejection' listeners, or, with none, is an uncaught exception (Node's processPromiseRejections).
  const notifyRejections = () => {
    const unhandled = [];
    MapPrototypeForEach(pending, (reason, promise) => { ArrayPrototypePush(unhandled, [promise, reason]); });
    MapPrototypeClear(pending);
    for (let i = 0; i < unhandled.length; i++) {
      const [promise, reason] = unhandled[i];
      if (process.listenerCount('unhandledRejection') > 0) process.emit('unhandledRejection', reason, promise);
      else uncaught(reason, 'unhandledRejection');
    }
  };
  let arch = 'x64', environment = {};
  const start = (setup) => {
    arch = setup.arch;
    environment = setup.environment;
    Object.assign(process, { env: setup.environment, argv: setup.argv, arch: setup.arch, execPath: setup.execPath, pid: setup.pid });
    process.versions.v8 = setup.v8Version;
    startedAt = host.now();
  };
  return {
    start, runTicks, arch: () => arch, environment: () => environment, uncaught, trackRejection, notifyRejections,
    /// `listener(error)` gets every uncaught exception until set to null (the runner, while user code runs).
    setRunnerListener: (listener) => { runnerListener = listener; },
  };
}
