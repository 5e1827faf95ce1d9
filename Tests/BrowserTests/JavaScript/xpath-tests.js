// Tests of XPath 1.0 and the DOM's XPath interfaces (Sources/Browser/JavaScript/dom/xpath.js), loaded
// into a vm realm after the DOM runtime, as a page realm loads them; the cases follow the XPath 1.0
// Recommendation's examples (§2.5 abbreviated syntax, §3.4 comparisons, §4 functions).
// Run: node xpath-tests.js — prints each failure, then the passed and failed counts; the exit code is
// non-zero when any test failed.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
process.env.DOM_FILES ??= 'safe-array-iterator,dom-exception,events,nodes,collections,tree-operations,serialization,css-style-declaration,' +
  'elements,traversal,window,mutation-observer,custom-elements,slots';
const { loadRuntime, simpleMarkupBatch, testHost, testCases } = require('./dom-harness.js');

const { test, equal, run } = testCases();
function same(actual, expected, message = '') { equal(JSON.stringify(actual), JSON.stringify(expected), message); }
function throwsNamed(body, name) {
  try { body(); } catch (error) {
    if (error && error.name === name) return;
    throw new Error(`expected ${name}, got ${error && error.name}: ${error && error.message}`);
  }
  throw new Error(`expected ${name}, nothing was thrown`);
}

const sources = path.resolve(__dirname, '../../../Sources/Browser/JavaScript');

/** A page realm whose document's body is `body`; `select(expression, id?)` gives the ids (or names) selected. */
function newPage(body) {
  const context = vm.createContext({});
  const host = testHost();
  const runtime = loadRuntime(host, { context });
  if (runtime.selectorsError) throw runtime.selectorsError;
  const file = path.join(sources, 'dom/xpath.js');
  runtime.xpath = vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file })(Object.freeze({ ...host }), runtime);
  const document = runtime.nodes.createDocument({ type: 'html', url: 'https://example.com/page.html' });
  const [operations, text] = simpleMarkupBatch(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`, { document: true });
  runtime['tree-operations'].applyBatch(runtime['tree-operations'].createParseSession(document), operations, text);
  const global = vm.runInContext('globalThis', context);
  runtime.window.createWindow(global, document);
  for (const name in runtime.xpath.interfaces) global[name] = runtime.xpath.interfaces[name];
  const label = (node) => (node.nodeType === 1 ? node.id || node.localName : node.nodeType === 2 ? `@${node.name}` : node.nodeType === 3 ? `"${node.data}"` : node.nodeName);
  const from = (id) => (id === undefined ? document : runtime.nodes.getElementById(document, id));
  return {
    document, global,
    select: (expression, id) => runtime.xpath.select(expression, from(id)).map(label),
    value: (expression, type, id) => {
      const result = document.evaluate(expression, from(id), null, type);
      return result[['numberValue', 'stringValue', 'booleanValue'][type - 1]];
    },
  };
}

const list = `<div id="d"><p id="p1" class="a">One</p><p id="p2" lang="en-GB">Two <b id="b1">bold</b></p>` +
  `<!-- note --><p id="p3" class="a b" data-n="3">Three</p></div><ul id="u"><li id="l1">x</li><li id="l2">y</li><li id="l3">z</li></ul>`;

// ---- Location paths (§2.5) ---------------------------------------------------------------------------
test('child and descendant steps, abbreviated and in full', () => {
  const { select } = newPage(list);
  same(select('//p'), ['p1', 'p2', 'p3']);
  same(select('/html/body/div/p'), ['p1', 'p2', 'p3']);
  same(select('/descendant::li'), ['l1', 'l2', 'l3']);
  same(select('child::p', 'd'), ['p1', 'p2', 'p3']);
  same(select('.//b', 'd'), ['b1']);
  same(select('*', 'u'), ['l1', 'l2', 'l3']);
});
test('positions: [2], [last()], [position() < 3], reverse axes counted nearest first', () => {
  const { select } = newPage(list);
  same(select('//li[2]'), ['l2']);
  same(select('//li[last()]'), ['l3']);
  same(select('//li[position() < 3]'), ['l1', 'l2']);
  same(select('preceding-sibling::li[1]', 'l3'), ['l2']);
  same(select('ancestor::*[1]', 'b1'), ['p2']);
  same(select('(//li)[1]'), ['l1']);
});
test('parent, ancestor, siblings, following and preceding', () => {
  const { select } = newPage(list);
  same(select('..', 'b1'), ['p2']);
  same(select('ancestor::div', 'b1'), ['d']);
  same(select('following-sibling::*', 'p1'), ['p2', 'p3']);
  same(select('following::li', 'p3'), ['l1', 'l2', 'l3']);
  same(select('preceding::p', 'l1'), ['p1', 'p2', 'p3']);
  same(select('ancestor-or-self::*', 'b1'), ['html', 'body', 'd', 'p2', 'b1']);
});
test('attributes, node types and unions come back in document order', () => {
  const { select } = newPage(list);
  same(select('//p[@class="a"]'), ['p1']);
  same(select('//p[@data-n]/@data-n'), ['@data-n']);
  same(select('//p[2]/text()'), ['"Two "']);
  same(select('//div/comment()'), ['#comment']);
  same(select('//li[3] | //p[1] | //li[1]'), ['p1', 'l1', 'l3']);
  same(select('//*[@id="l2"]/preceding-sibling::node()'), ['l1']);
});
test('HTML documents: unprefixed element names match case-insensitively', () => {
  const { select } = newPage(list);
  same(select('//LI[1]'), ['l1']);
  same(select('//Div/P[@ID="p1"]'), []);
});

// ---- Expressions and functions (§3, §4) ----------------------------------------------------------------
test('string functions', () => {
  const { select, value } = newPage(list);
  same(select('//p[contains(., "Tw")]'), ['p2']);
  same(select('//p[starts-with(@class, "a ")]'), ['p3']);
  same(select('//p[normalize-space(text())="Two"]'), ['p2']);
  equal(value('concat("a", 1, true())', 2), 'a1true');
  equal(value('substring("12345", 1.5, 2.6)', 2), '234');
  equal(value('substring("12345", 0, 3)', 2), '12');
  equal(value('substring-before("1999/04/01", "/")', 2), '1999');
  equal(value('substring-after("1999/04/01", "/")', 2), '04/01');
  equal(value('translate("bar", "abc", "ABC")', 2), 'BAr');
  equal(value('translate("--aaa--", "abc-", "ABC")', 2), 'AAA');
  equal(value('string-length("abc")', 1), 3);
  equal(value('normalize-space("  a \n b  ")', 2), 'a b');
  equal(value('name(//p[1])', 2), 'p');
  equal(value('local-name(//@data-n)', 2), 'data-n');
});
test('numbers, booleans and comparisons between node-sets and values', () => {
  const { select, value } = newPage(list);
  equal(value('count(//li)', 1), 3);
  equal(value('sum(//p/@data-n) + 1', 1), 4);
  equal(value('7 mod 3 + 10 div 4 - -1', 1), 4.5);
  equal(value('round(2.5) + floor(-1.5) + ceiling(1.1)', 1), 3);
  equal(value('number("x")', 2), 'NaN');
  equal(value('1 div 0', 2), 'Infinity');
  equal(value('//li = "y"', 3), true);
  equal(value('//li != "y"', 3), true);
  equal(value('//li = "w"', 3), false);
  equal(value('//p/@data-n > 2', 3), true);
  equal(value('not(//table) and boolean(//ul)', 3), true);
  same(select('//p[lang("en")]'), ['p2']);
  same(select('id("l3 p1")'), ['p1', 'l3']);
  same(select('//p[@data-n = 3]'), ['p3']);
});

// ---- The DOM interfaces (DOM §8) -------------------------------------------------------------------------
test('document.evaluate: result types, iterators, snapshots and single nodes', () => {
  const { document, global } = newPage(list);
  const XPathResult = global.XPathResult;
  const iterator = document.evaluate('//li', document, null, XPathResult.ORDERED_NODE_ITERATOR_TYPE, null);
  const ids = [];
  for (let node = iterator.iterateNext(); node; node = iterator.iterateNext()) ids.push(node.id);
  same(ids, ['l1', 'l2', 'l3']);
  const snapshot = document.evaluate('//p', document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  same([snapshot.snapshotLength, snapshot.snapshotItem(2).id, snapshot.snapshotItem(5)], [3, 'p3', null]);
  equal(document.evaluate('//b', document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue.id, 'b1');
  equal(document.evaluate('count(//p)', document, null, XPathResult.ANY_TYPE, null).resultType, XPathResult.NUMBER_TYPE);
  equal(document.evaluate('//p', document).resultType, XPathResult.UNORDERED_NODE_ITERATOR_TYPE);
  const expression = document.createExpression('string(@id)');
  equal(expression.evaluate(document.getElementById('l2'), XPathResult.STRING_TYPE).stringValue, 'l2');
  equal(new global.XPathEvaluator().evaluate('count(//li)', document, null, 1, null).numberValue, 3);
});
test('errors: bad expressions, wrong result reads, unknown prefixes, a mutated document under an iterator', () => {
  const { document, global } = newPage(list);
  throwsNamed(() => document.evaluate('//p[', document), 'SyntaxError');
  throwsNamed(() => document.evaluate('//p]', document), 'SyntaxError');
  throwsNamed(() => document.evaluate('foo(1)', document), 'SyntaxError');
  throwsNamed(() => document.evaluate('//x:p', document), 'NamespaceError');
  throwsNamed(() => document.evaluate('1', document, null, 1).stringValue, 'TypeError');
  throwsNamed(() => new global.XPathResult(), 'TypeError');
  const iterator = document.evaluate('//li', document, null, 5);
  iterator.iterateNext();
  document.body.appendChild(document.createElement('li'));
  equal(iterator.invalidIteratorState, true);
  throwsNamed(() => iterator.iterateNext(), 'InvalidStateError');
});
test('a resolver maps prefixes: the SVG namespace by its prefix', () => {
  const { document } = newPage('<svg id="s"><circle id="c"></circle></svg>');
  const resolver = (prefix) => (prefix === 'svg' ? 'http://www.w3.org/2000/svg' : null);
  equal(document.evaluate('//svg:circle', document, resolver, 9).singleNodeValue.id, 'c');
  equal(document.evaluate('//circle', document, null, 9).singleNodeValue, null);
});
test('a page that replaces Array and String built-ins does not change the results', () => {
  const { select, global } = newPage(list);
  global.eval('Array.prototype[Symbol.iterator] = function* () {}; Array.prototype.push = () => 0; String.prototype.indexOf = () => -1;');
  same(select('//li[contains(., "y")]'), ['l2']);
});

run();
