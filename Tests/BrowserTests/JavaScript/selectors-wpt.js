// WPT's Selectors API vectors (dom/nodes/selectors.js) against the fixture page, in the four
// contexts the upstream harness uses (document, in-document element, detached element,
// fragment), HTML cases only. Prints pass counts per context and every failure; exits 1 on any.
// Run: node Tests/BrowserTests/JavaScript/selectors-wpt.js
'use strict';
const fs = require('fs');
const vm = require('vm');
const t = require('./selectors-support.js');

// The conformance data beside the repository (../shared/conformance), as the Swift tests find it.
const folder = require('path').join(process.env.CAPER_CONFORMANCE_DIR || require('path').resolve(__dirname, '../../../../shared/conformance'), 'selectors');
const { S, selectors } = t;
const data = vm.runInNewContext(`${fs.readFileSync(`${folder}/selectors.js`, 'utf8')}; ({ invalidSelectors, validSelectors, TEST_QSA, TEST_MATCH_BASELINE })`);

// The fixture, loaded as ...#target so that :target matches #target.
const document = t.loadHTML(`${folder}/ParentNode-querySelector-All-content.html`, { url: 'http://web-platform.test/dom/nodes/ParentNode-querySelector-All-content.html#target' });
const root = t.byId(document, 'root');

// What upstream's harness appends to #root before the tests.
t.append(root, t.makeElement(document, t.HTML_NS, 'null'));
t.append(root, t.makeElement(document, t.HTML_NS, 'undefined'));
for (const kind of ['any-namespace', 'no-namespace']) {
  const div = t.append(root, t.makeElement(document, t.HTML_NS, 'div', [['id', kind]]));
  const namespaces = [t.HTML_NS, 'http://www.w3.org/1999/xhtml', null, 'http://www.example.org/ns'];
  namespaces.forEach((namespace, i) => t.append(div, t.makeElement(document, namespace, 'div', [['id', `${kind}-div${i + 1}`]])));
}
const detached = t.clone(root);
const fragment = t.makeFragment(document);
t.append(fragment, t.clone(root));

const counts = {};
const failures = [];
const count = (context, kind, ok, detail) => {
  const key = `${context} ${kind}`;
  counts[key] = counts[key] || { pass: 0, total: 0 };
  counts[key].total++;
  if (ok) counts[key].pass++;
  else failures.push(`[${key}] ${detail}`);
};

const throwsSyntaxError = (run) => {
  try {
    run();
    return 'did not throw';
  } catch (error) {
    return error instanceof t.FakeDOMException && error.name === 'SyntaxError' ? null : `threw ${error}`;
  }
};

const runInvalid = (context, node) => {
  for (const { name, selector } of data.invalidSelectors) {
    const all = throwsSyntaxError(() => selectors.querySelectorAll(node, selector));
    const one = throwsSyntaxError(() => selectors.querySelector(node, selector));
    const problem = all || one;
    count(context, 'invalid', problem === null, `${name} ${JSON.stringify(selector)}: ${problem}`);
  }
};

const runValid = (context, node) => {
  for (const test of data.validSelectors) {
    const exclude = test.exclude || [];
    if (exclude.includes('html') || exclude.includes(context)) continue;
    if (!(test.testType & data.TEST_QSA)) continue;
    const label = `${test.name} ${JSON.stringify(test.selector)}`;
    let found;
    let first;
    try {
      found = selectors.querySelectorAll(node, test.selector);
      first = selectors.querySelector(node, test.selector);
    } catch (error) {
      count(context, 'valid', false, `${label}: threw ${error.message}`);
      continue;
    }
    const got = t.ids(found);
    let ok = JSON.stringify(got) === JSON.stringify(test.expect) && first === (found[0] || null);
    if (found.some((element) => t.getAttribute(element, 'data-clone') !== null)) ok = false;
    count(context, 'valid', ok, `${label}: expected ${JSON.stringify(test.expect)}, got ${JSON.stringify(got)}`);
    if (test.testType & data.TEST_MATCH_BASELINE) {
      // Element.matches: every result matches, and no other element of the context does.
      const chosen = new Set(found);
      const wrong = t.descendants(node).filter((element) => selectors.matches(element, test.selector) !== chosen.has(element));
      count(context, 'matches', wrong.length === 0, `${label}: matches() disagrees on ${JSON.stringify(t.ids(wrong))}`);
    }
  }
};

runInvalid('document', document);
runInvalid('detached', detached);
runInvalid('fragment', fragment);
runInvalid('element', root);
runValid('document', document);
runValid('detached', detached);
runValid('fragment', fragment);
// Before the in-document element run, a marked clone of #root goes into body.
const marked = t.clone(root);
for (const element of [marked, ...t.descendants(marked)]) t.setAttribute(element, 'data-clone', '');
t.append(t.byId(document, 'body'), marked);
runValid('element', root);

for (const [key, { pass, total }] of Object.entries(counts)) console.log(`${key}: ${pass}/${total}`);
const pass = Object.values(counts).reduce((sum, c) => sum + c.pass, 0);
const total = Object.values(counts).reduce((sum, c) => sum + c.total, 0);
console.log(`total: ${pass}/${total}`);
for (const failure of failures) console.log(`FAIL ${failure}`);
process.exitCode = failures.length === 0 ? 0 : 1;
