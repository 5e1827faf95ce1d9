// The jsdom side of the DOM benchmark (Support/scripts/bench-dom): Debian's node-jsdom 20 under
// Debian's node 18, on one saved page. Prints one JSON line: DOM build (parse + a walk touching
// every node and attribute), parse only (parse5 into its default tree adapter), 1,000
// querySelectorAll over the fixed 10 selectors (100 rounds), the same with one attribute change
// between queries, and the heap the DOM holds after a full GC. Run with --expose-gc.
'use strict';
const fs = require('fs');
const { JSDOM } = require('jsdom');
const parse5 = require('parse5');

const [path, selectorsJSON] = process.argv.slice(2);
const html = fs.readFileSync(path, 'utf8');
const selectors = JSON.parse(selectorsJSON);
const now = () => Number(process.hrtime.bigint()) / 1e6;

const walk = (node) => {
  let count = 0;
  const stack = [node];
  while (stack.length) {
    const n = stack.pop();
    count++;
    if (n.attributes) for (const a of n.attributes) count += a.value.length > -1 ? 1 : 0;
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return count;
};

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const runs = Number(process.env.RUNS || 5);

const parseTimes = [];
for (let i = 0; i < runs; i++) { const t = now(); parse5.parse(html); parseTimes.push(now() - t); }

global.gc();
const before = process.memoryUsage().heapUsed;
const buildTimes = [];
let dom;
for (let i = 0; i < runs; i++) {
  // A window keeps its document alive until it is closed.
  if (dom) dom.window.close();
  dom = null;
  global.gc();
  const t = now();
  dom = new JSDOM(html);
  walk(dom.window.document);
  buildTimes.push(now() - t);
}
global.gc();
const heap = (process.memoryUsage().heapUsed - before) / 1048576;

const document = dom.window.document;
const query = (mutate) => {
  const t = now();
  let found = 0;
  const target = document.body;
  for (let round = 0; round < 100; round++) {
    for (const s of selectors) {
      if (mutate) target.setAttribute('data-round', String(round));
      found += document.querySelectorAll(s).length;
    }
  }
  return { ms: now() - t, found };
};
const plain = query(false);
const mutating = query(true);
console.log(JSON.stringify({
  engine: 'jsdom ' + require('jsdom/package.json').version, buildMs: median(buildTimes), parseMs: median(parseTimes),
  queryMs: plain.ms, queryMutatingMs: mutating.ms, found: plain.found, heapMB: heap, elements: document.getElementsByTagName('*').length,
}));
