// Test: no document stays reachable from the selector engine after a call returns. A 17k-element
// document built by Caper's DOM runtime is queried through every entry point (with the candidate
// index built, descendant-combinator memos, :nth-child, :focus, :target and :has state), then
// dropped; after garbage collection a WeakRef to it must be empty and a FinalizationRegistry must
// have heard of it. Run: node selectors-memory.js (it re-runs itself with --expose-gc).
'use strict';
const { spawnSync } = require('child_process');

if (typeof gc !== 'function') {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename], { stdio: 'inherit' });
  process.exit(child.status === null ? 1 : child.status);
}

const { loadRuntime, syntheticPage, testHost } = require('./dom-harness.js');
const runtime = loadRuntime(testHost());
if (runtime.selectorsError) throw runtime.selectorsError;
const { createParseSession, applyBatch } = runtime['tree-operations'];
const selectors = runtime.selectors;
const [operations, text] = syntheticPage(1700);

const SELECTORS = ['a', 'section p a[href]', 'ul li:nth-child(2n+1)', '.block.kind-3 > h2', '#s12', 'section:has(> span.note) input',
  ':focus', ':target', 'li:first-child', 'body :not(p) span'];

let finalized = 0;
const registry = new FinalizationRegistry(() => finalized++);

/// Builds and queries a document in its own scope; returns a WeakRef to it and its element count.
const useDocument = () => {
  const document = runtime.nodes.createDocument({ type: 'html', url: 'https://example.com/page.html#s3' });
  applyBatch(createParseSession(document), operations, text);
  document.querySelector('input').focus();
  let elements = 0;
  for (let round = 0; round < 3; round++) {
    for (const selector of SELECTORS) {
      elements = Math.max(elements, selectors.querySelectorAll(document, '*').length);
      selectors.querySelectorAll(document, selector);
      selectors.querySelector(document, selector);
    }
  }
  const link = selectors.querySelector(document, 'section p a');
  selectors.matches(link, 'section a');
  selectors.closest(link, 'section');
  const compiled = selectors.compile('section a, p > a');
  selectors.matchElement(compiled, link);
  selectors.matchingSpecificity(compiled, link);
  registry.register(document, 'document');
  return { ref: new WeakRef(document), elements };
};

const main = async () => {
  const { ref, elements } = useDocument();
  // A WeakRef's target is kept until the end of the job that made it: collect on a later turn.
  for (let i = 0; i < 10 && (ref.deref() !== undefined || finalized === 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
  }
  const collected = ref.deref() === undefined;
  console.log(`selectors-memory: a ${elements}-element document ${collected ? 'was' : 'was NOT'} collected after the queries; finalized ${finalized}`);
  if (elements < 17000) throw new Error(`expected a 17k-element document, got ${elements}`);
  if (!collected || finalized !== 1) process.exitCode = 1;
};
main();
