// node:console and the `console` global: output through the realm's console sink.
(host, runtime) => {
  const { define } = runtime.modules;
  const { format, inspect } = runtime.util;
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
  return {};
}
