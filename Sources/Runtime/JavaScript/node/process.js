// node:process, node:console and node:os; the `process` and `console` globals. What differs per
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
    memoryUsage: () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }),
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
  const print = (stream) => (...args) => host.print(stream, format(...args) + '\n');
  const counts = new Map(), clocks = new Map();
  globalThis.console = {
    log: print('out'), info: print('out'), debug: print('out'), warn: print('err'), error: print('err'), trace: print('err'),
    dir: (v) => host.print('out', inspect(v) + '\n'), table: print('out'),
    assert: (ok, ...args) => { if (!ok) host.print('err', 'Assertion failed' + (args.length ? ': ' + format(...args) : '') + '\n'); },
    count: (label = 'default') => { counts.set(label, (counts.get(label) || 0) + 1); host.print('out', `${label}: ${counts.get(label)}\n`); },
    time: (label = 'default') => clocks.set(label, host.now()),
    timeEnd: (label = 'default') => { host.print('out', `${label}: ${(host.now() - (clocks.get(label) || host.now())).toFixed(3)}ms\n`); clocks.delete(label); },
  };
  define('console', () => globalThis.console);
  define('os', () => ({ EOL: '\n', platform: () => 'linux', arch: () => arch, tmpdir: () => '/tmp', homedir: () => environment.HOME || '/', cpus: () => [], hostname: () => 'localhost', type: () => 'Linux' }));
  return { start, runTicks };
}
