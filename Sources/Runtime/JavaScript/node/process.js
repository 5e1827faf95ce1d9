// node:process and the `process` global. What differs per
// process (environment, arguments, pid, ...) arrives through `start`, after this ran: the runtime
// can be kept in a startup snapshot.
(host, runtime) => {
  const { define } = runtime.modules;
  const { format, inspect } = runtime.util;
  const { PromisePrototypeThen, PromiseResolve, ArrayPrototypePush, ArrayPrototypeShift, ReflectApply } = runtime.primordials;
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
    on() { return process; }, once() { return process; }, off() { return process; }, emit() { return false; },
    exit: (code) => { throw new Error(`process.exit(${code === undefined ? '' : code}) was called by support code; Caper does not exit from steps`); },
  };
  globalThis.process = process;
  define('process', () => process);
  let arch = 'x64', environment = {};
  const start = (setup) => {
    arch = setup.arch;
    environment = setup.environment;
    Object.assign(process, { env: setup.environment, argv: setup.argv, arch: setup.arch, execPath: setup.execPath, pid: setup.pid });
    process.versions.v8 = setup.v8Version;
    startedAt = host.now();
  };
  return { start, runTicks, arch: () => arch, environment: () => environment };
}
