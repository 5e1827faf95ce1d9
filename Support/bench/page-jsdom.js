// The jsdom side of the page benchmark (caper-bench page): Debian's node-jsdom 20 under Debian's
// node 18 loading a saved page with its scripts (`resources: 'usable'`, `runScripts:
// 'dangerously'`) to its `load` event, RUNS times in one process (the window of each closed before
// the next). The first load is printed apart: later ones may find the page's scripts in V8's
// in-isolate compilation cache. Prints one JSON line: {"ok", "firstMs", "medianMs", "runs"}.
'use strict';
const { JSDOM } = require('jsdom');

const [path, runsText] = process.argv.slice(2);
const runs = Math.max(2, Number(runsText || 5));
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

const load = async () => {
  const start = now();
  const dom = await JSDOM.fromFile(path, { resources: 'usable', runScripts: 'dangerously' });
  await new Promise((resolve) => {
    if (dom.window.document.readyState === 'complete') resolve();
    else dom.window.addEventListener('load', resolve);
  });
  const ms = now() - start;
  // The page's scripts ran: the bundle's global is there (typescript.js defines `ts`).
  const ok = typeof dom.window.ts === 'object' || typeof dom.window.jQuery === 'function';
  dom.window.close();
  return { ms, ok };
};

(async () => {
  const times = [];
  let ok = true;
  for (let i = 0; i <= runs; i++) {
    const result = await load();
    ok = ok && result.ok;
    times.push(result.ms);
    if (global.gc) global.gc();
  }
  console.log(JSON.stringify({
    engine: 'jsdom ' + require('jsdom/package.json').version, ok, firstMs: times[0], medianMs: median(times.slice(1)), runs,
  }));
})().catch((error) => {
  console.log(JSON.stringify({ ok: false, error: String(error && error.stack || error) }));
  process.exit(1);
});
