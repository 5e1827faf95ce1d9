// Benchmark: builds the DOM of a synthetic ~17k-element, ~1 MB page through applyBatch and
// prints the build time and the V8 heap the document holds. Run: node --expose-gc dom-bench.js
'use strict';
const { loadRuntime, syntheticPage } = require('./dom-harness.js');

if (typeof gc !== 'function') {
  console.error('run with: node --expose-gc dom-bench.js');
  process.exit(2);
}
const runtime = loadRuntime();
const { createDocument } = runtime.nodes;
const { createParseSession, applyBatch } = runtime['tree-operations'];
const blocks = Number(process.argv[2] ?? 1700);
const [operations, text] = syntheticPage(blocks);
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const build = () => {
  const document = createDocument({ type: 'html' });
  applyBatch(createParseSession(document), operations, text);
  return document;
};

// Warm up, then measure fresh builds (each from a collected heap, as a page load starts).
for (let i = 0; i < 5; i++) build();
// Wall time depends on what else the machine runs; process CPU time (all threads) less so.
const times = [];
const cpuTimes = [];
for (let i = 0; i < 10; i++) {
  heap();
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  build();
  const used = process.cpuUsage(cpu);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  cpuTimes.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
let kept = build();
const withDocument = heap();
const elements = kept.getElementsByTagName('*').length;
let nodes = 0;
for (let node = kept.firstChild; node !== null; node = runtime.nodes.following(node, kept)) nodes++;
console.log(`page: ${elements} elements, ${nodes} nodes, ${operations.byteLength / 4} words, ${text.length} text code units`);
console.log(`applyBatch: median ${times[5].toFixed(1)} ms wall (best ${times[0].toFixed(1)}, worst ${times[9].toFixed(1)}), ` +
  `median ${cpuTimes[5].toFixed(1)} ms CPU (target: DOM build <= 73 ms total)`);

// The document's heap: used with it kept, minus used once it is dropped (the batch stays alive in both).
kept = null;
const withoutDocument = heap();
console.log(`DOM heap: ${((withDocument - withoutDocument) / 1048576).toFixed(1)} MB (target <= 29 MB); ` +
  `the batch text it slices from: ${(text.length * 2 / 1048576).toFixed(1)} MB more if only the DOM kept it`);

// querySelectorAll: 1,000 calls (100 rounds over 10 selectors) through the DOM, when the Selectors engine is installed.
const queried = build();
if (runtime.selectors?.querySelectorAll) {
  const selectors = ['div', '.item', '#s100', 'section > h2', 'ul li.first', 'a[href^="/items/1"]', 'p a', 'li:first-child',
    'section.kind-3 span.note', 'input[name]'];
  const start = process.hrtime.bigint();
  let found = 0;
  for (let i = 0; i < 100; i++) for (const selector of selectors) found += queried.querySelectorAll(selector).length;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`querySelectorAll: 1,000 calls (100 rounds x 10 selectors) ${ms.toFixed(1)} ms, ${found} results (target <= 560 ms)`);
}

