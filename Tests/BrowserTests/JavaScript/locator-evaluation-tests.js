// Tests of locator evaluation in the page realm (Sources/Browser/JavaScript/playwright/locator-evaluation.js):
// strict-mode violations and their "aka" locators, previews, element states, reads, aria snapshots and
// the expect expressions, loaded into a vm realm after the DOM runtime, the cascade, aria.js and the
// selector engine, as a page realm loads them. Expected values follow Playwright 1.65's injected script.
// Run: node locator-evaluation-tests.js — prints each failure, then the passed and failed counts; the
// exit code is non-zero when any test failed.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
process.env.DOM_FILES ??= 'safe-array-iterator,dom-exception,events,nodes,collections,tree-operations,serialization,css-style-declaration,' +
  'elements,traversal,window,mutation-observer,custom-elements,slots';
const { loadRuntime, simpleMarkupBatch, testHost, testCases } = require('./dom-harness.js');

const { test, equal, run } = testCases();
function same(actual, expected, message = '') { equal(JSON.stringify(actual), JSON.stringify(expected), message); }

const sources = path.resolve(__dirname, '../../../Sources/Browser/JavaScript/playwright');
const load = (name) => [fs.readFileSync(path.join(sources, `${name}.js`), 'utf8'), `${name}.js`];
const files = ['aria', 'selector-engine', 'locator-evaluation'].map(load);

/**
 * A page realm with `body` as its document's body (`head` in its head); `script` runs in the page.
 * `$` finds by id; `all(selector)` resolves non-strictly; `expect(selector, expression, params)` is
 * expectJSON's answer parsed; `error(fn)` is the message fn throws.
 */
function newPage(body, { head = '', script = '' } = {}) {
  const context = vm.createContext({});
  const host = testHost();
  const runtime = loadRuntime(host, { context });
  if (runtime.selectorsError) throw runtime.selectorsError;
  const document = runtime.nodes.createDocument({ type: 'html', url: 'https://example.com/page.html' });
  const [operations, text] = simpleMarkupBatch(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { document: true });
  runtime['tree-operations'].applyBatch(runtime['tree-operations'].createParseSession(document), operations, text);
  runtime.window.createWindow(vm.runInContext('globalThis', context), document);
  for (const [source, filename] of files) {
    const name = filename.slice(0, -3);
    runtime[name] = vm.runInContext(source, context, { filename })(Object.freeze({ ...host }), runtime);
  }
  const page = (code) => vm.runInContext(code, context);
  if (script) page(script);
  const L = runtime['locator-evaluation'];
  const $ = (id) => {
    const element = runtime.nodes.getElementById(document, id);
    if (!element) throw new Error(`no #${id}`);
    return element;
  };
  const all = (selector) => L.resolve(document, selector, `locator('${selector}')`, false);
  const expect = (selector, expression, params = {}) => {
    const elements = selector === null ? [] : all(selector);
    return JSON.parse(L.expectJSON(elements, expression, { isNot: false, ...params }, document));
  };
  const error = (fn) => {
    try { fn(); } catch (caught) { return caught.message; }
    return 'nothing thrown';
  };
  return { L, document, $, all, expect, error, page, runtime };
}
/** A FrameExpectParams expectedText entry. */
const text = (string, options = {}) => ({ string, ...options });
const regex = (source, flags = '', options = {}) => ({ regexSource: source, regexFlags: flags, ...options });
const states = (L, element, ...names) => names.map((name) => L.elementState(element, name));

// ---- Strict mode ----------------------------------------------------------------------------------------
test('strict resolution throws Playwright\'s violation text with previews and aka locators', () => {
  const { L, document, error } = newPage('<button id="a">Save</button><button id="b">Save draft</button>');
  equal(error(() => L.resolve(document, 'button', "locator('button')", true)),
    "strict mode violation: locator('button') resolved to 2 elements:\n" +
    "    1) <button id=\"a\">Save</button> aka getByRole('button', { name: 'Save', exact: true })\n" +
    "    2) <button id=\"b\">Save draft</button> aka getByRole('button', { name: 'Save draft' })\n");
});
test('strict resolution with one match returns it; non-strict returns all in document order', () => {
  const { L, document } = newPage('<p id="p1">x</p><div><p id="p2">y</p></div>');
  same(L.resolve(document, '#p1', "locator('#p1')", true).map((e) => e.id), ['p1']);
  same(L.resolve(document, 'p', "locator('p')", false).map((e) => e.id), ['p1', 'p2']);
  same(L.resolve(document, 'span', "locator('span')", true), []);
});
test('aka prefers a test id, then role and name, then text', () => {
  const { L, all } = newPage('<div data-testid="card">Card</div><a href="/x">Docs</a><span>Hello there</span><span>Hello there</span>' +
    '<span id="s">Hi</span><p id="long-id">Hi</p>');
  const aka = (selector, index = 0) => L.asLocator(L.generateSelector(all(selector)[index]));
  equal(aka('div'), "getByTestId('card')");
  equal(aka('a'), "getByRole('link', { name: 'Docs' })");
  equal(aka('span', 1), "getByText('Hello there').nth(1)");
  equal(aka('#s'), `locator('[id="s"]')`);
  equal(aka('#long-id'), "locator('#long-id')");
});
test('aka uses labels and placeholders for inputs, #id when nothing better', () => {
  const { L, $ } = newPage('<label for="e">Email</label><input id="e"><input id="p" placeholder="Search here"><div id="box"></div><div></div>');
  const aka = (element) => L.asLocator(L.generateSelector(element));
  equal(aka($('e')), "getByRole('textbox', { name: 'Email' })");
  equal(aka($('p')), "getByRole('textbox', { name: 'Search here' })");
  equal(aka($('box')), "locator('#box')");
});
test('aka disambiguates with nth or exact when names repeat', () => {
  const { L, all } = newPage('<ul><li>Item</li><li>Item</li></ul><button>Add</button><button>Add all</button>');
  const aka = (selector, index) => L.asLocator(L.generateSelector(all(selector)[index]));
  equal(aka('li', 0), "getByText('Item').first()");
  equal(aka('li', 1), "getByText('Item').nth(1)");
  equal(aka('button', 0), "getByRole('button', { name: 'Add', exact: true })");
  equal(aka('button', 1), "getByRole('button', { name: 'Add all' })");
});
test('strict violations list at most ten elements, then an ellipsis', () => {
  const { L, document, error } = newPage('<i>x</i>'.repeat(12));
  const message = error(() => L.resolve(document, 'i', "locator('i')", true));
  equal(message.startsWith("strict mode violation: locator('i') resolved to 12 elements:\n    1) <i>x</i> aka "), true);
  equal(message.endsWith('\n    ...\n'), true);
  equal(message.split('\n').length, 13);
});
test('asLocator renders the selector kinds the generator makes', () => {
  const { L } = newPage('');
  equal(L.asLocator('internal:role=button[name="Go"i]'), "getByRole('button', { name: 'Go' })");
  equal(L.asLocator('internal:role=heading[name="Title"s] >> nth=2'), "getByRole('heading', { name: 'Title', exact: true }).nth(2)");
  equal(L.asLocator('internal:text="It\'s"s'), "getByText('It\\'s', { exact: true })");
  equal(L.asLocator('internal:label="Email"i'), "getByLabel('Email')");
  equal(L.asLocator('internal:attr=[placeholder="Find"s]'), "getByPlaceholder('Find', { exact: true })");
  equal(L.asLocator('internal:testid=[data-testid="x"s]'), "getByTestId('x')");
  equal(L.asLocator('div >> internal:has-text="Hi"i >> nth=-1'), "locator('div').filter({ hasText: 'Hi' }).last()");
  equal(L.asLocator('internal:role=listitem >> internal:has-text=/^Item$/'), "getByRole('listitem').filter({ hasText: /^Item$/ })");
  equal(L.asLocator('#main span'), "locator('#main span')");
});

// ---- Previews ---------------------------------------------------------------------------------------------
test('preview: attributes sorted by length, style dropped, boolean attributes bare, text trimmed to 50', () => {
  const { L, $ } = newPage('<button id="b" class="primary large" style="color:red" disabled>Go</button>' +
    `<p id="long">${'a'.repeat(60)}</p><div id="d"><span>x</span></div><div id="e"></div>`);
  equal(L.preview($('b')), '<button id="b" disabled class="primary large">Go</button>');
  equal(L.preview($('long')), `<p id="long">${'a'.repeat(49)}\u2026</p>`);
  equal(L.preview($('d')), '<div id="d">\u2026</div>');
  equal(L.preview($('e')), '<div id="e"></div>');
});
test('preview: void elements self-close; newlines and tabs shown as arrows; text nodes', () => {
  const { L, $ } = newPage('<input id="i" type="text" value="v"><img id="m" src="a.png"><pre id="pre">a\n\tb</pre>');
  equal(L.preview($('i')), '<input id="i" value="v" type="text"/>');
  equal(L.preview($('m')), '<img id="m" src="a.png"/>');
  equal(L.preview($('pre')), '<pre id="pre">a\u21b5\u21c6b</pre>');
  equal(L.preview($('pre').firstChild), '#text=a\u21b5\u21c6b');
});

// ---- Element states ------------------------------------------------------------------------------------------
test('visible and hidden', () => {
  const { L, $ } = newPage('<p id="v">v</p><p id="h" style="display:none">h</p><span id="empty"></span><p id="vh" style="visibility:hidden">x</p>');
  same(states(L, $('v'), 'visible', 'hidden'), [true, false]);
  same(states(L, $('h'), 'visible', 'hidden'), [false, true]);
  same(states(L, $('empty'), 'visible'), [false]);
  same(states(L, $('vh'), 'visible'), [false]);
});
test('enabled and disabled: native, fieldset (not in its first legend), aria-disabled on allowed roles', () => {
  const { L, $ } = newPage('<button id="a">a</button><button id="b" disabled>b</button>' +
    '<fieldset disabled><legend><input id="in-legend"></legend><input id="in-set"></fieldset>' +
    '<div role="button" id="r" aria-disabled="true">r</div><div id="plain" aria-disabled="true">p</div>' +
    '<div aria-disabled="true"><div role="button" id="inherits">i</div></div>' +
    '<select><optgroup disabled><option id="o">o</option></optgroup></select>');
  same(states(L, $('a'), 'enabled', 'disabled'), [true, false]);
  same(states(L, $('b'), 'enabled', 'disabled'), [false, true]);
  same(states(L, $('in-legend'), 'disabled'), [false]);
  same(states(L, $('in-set'), 'disabled'), [true]);
  same(states(L, $('r'), 'disabled'), [true]);
  same(states(L, $('plain'), 'disabled'), [false]);
  same(states(L, $('inherits'), 'disabled'), [true]);
  same(states(L, $('o'), 'disabled'), [true]);
});
test('editable: readonly, disabled, contenteditable, aria-readonly; error for other elements', () => {
  const { L, $, error } = newPage('<input id="a"><input id="b" readonly><textarea id="c" disabled></textarea>' +
    '<div id="ce" contenteditable="true"><span id="inner">x</span></div><div role="textbox" id="rt" aria-readonly="true">t</div><p id="p">p</p>');
  same(states(L, $('a'), 'editable'), [true]);
  same(states(L, $('b'), 'editable'), [false]);
  same(states(L, $('c'), 'editable'), [false]);
  same(states(L, $('ce'), 'editable'), [true]);
  same(states(L, $('inner'), 'editable'), [true]);
  same(states(L, $('rt'), 'editable'), [false]);
  equal(error(() => L.elementState($('p'), 'editable')),
    'Element is not an <input>, <textarea>, <select> or [contenteditable] and does not have a role allowing [aria-readonly]');
});
test('checked, unchecked, indeterminate/mixed; role=checkbox; label retargeting; error for others', () => {
  const { L, $, error, page } = newPage('<input type="checkbox" id="a" checked><input type="checkbox" id="b"><input type="radio" id="r" checked>' +
    '<div role="checkbox" id="rc" aria-checked="mixed">m</div><label id="lab"><input type="checkbox" id="in-label" checked> Agree</label>' +
    '<input type="checkbox" id="ind"><p id="p">p</p>', { script: "document.getElementById('ind').indeterminate = true;" });
  same(states(L, $('a'), 'checked', 'unchecked'), [true, false]);
  same(states(L, $('b'), 'checked', 'unchecked'), [false, true]);
  same(states(L, $('r'), 'checked'), [true]);
  same(states(L, $('rc'), 'checked', 'mixed', 'indeterminate'), [false, true, true]);
  same(states(L, $('lab'), 'checked'), [true]);
  same(states(L, $('ind'), 'indeterminate', 'checked'), [true, false]);
  equal(error(() => L.elementState($('p'), 'checked')), 'Not a checkbox or radio button');
  page("document.getElementById('b').checked = true;");
  same(states(L, $('b'), 'checked'), [true]);
});
test('focused, attached, stable; detached elements', () => {
  const { L, $, page } = newPage('<input id="a"><input id="b"><p id="gone">x</p>');
  page("document.getElementById('a').focus();");
  same(states(L, $('a'), 'focused', 'attached', 'stable'), [true, true, true]);
  same(states(L, $('b'), 'focused'), [false]);
  const gone = $('gone');
  page("document.getElementById('gone').remove();");
  same(states(L, gone, 'attached', 'visible', 'hidden'), [false, false, true]);
});

// ---- Reads --------------------------------------------------------------------------------------------------
test('reads: textContent, innerText, innerHTML, getAttribute', () => {
  const { L, $ } = newPage('<div id="d" title="T">Hello <b>bold</b><span style="display:none">hidden</span></div><p id="p">one\n   two</p>');
  equal(L.read($('d'), 'textContent'), 'Hello boldhidden');
  equal(L.read($('d'), 'innerText'), 'Hello bold');
  equal(L.read($('p'), 'innerText'), 'one two');
  equal(L.read($('d'), 'innerHTML'), 'Hello <b>bold</b><span style="display:none">hidden</span>');
  equal(L.read($('d'), 'getAttribute', 'title'), 'T');
  equal(L.read($('d'), 'getAttribute', 'missing'), null);
  equal(L.readJSON($('d'), 'getAttribute', 'missing'), 'null');
  equal(L.readJSON($('d'), 'getAttribute', 'title'), '"T"');
});
test('inputValue: inputs, textareas, selects, through labels; error for others', () => {
  const { L, $, error, page } = newPage('<input id="i" value="start"><textarea id="t">area</textarea>' +
    '<select id="s"><option value="1">One</option><option value="2" selected>Two</option></select>' +
    '<label id="l">Name <input id="n" value="Ann"></label><p id="p">p</p>');
  equal(L.read($('i'), 'inputValue'), 'start');
  page("document.getElementById('i').value = 'typed';");
  equal(L.read($('i'), 'inputValue'), 'typed');
  equal(L.read($('t'), 'inputValue'), 'area');
  equal(L.read($('s'), 'inputValue'), '2');
  equal(L.read($('l'), 'inputValue'), 'Ann');
  equal(error(() => L.read($('p'), 'inputValue')), 'Node is not an <input>, <textarea> or <select> element');
});

// ---- Aria snapshots ----------------------------------------------------------------------------------------
test('aria snapshot: headings with levels, paragraphs as text, links with urls', () => {
  const { L, $ } = newPage('<main id="m"><h1>Welcome</h1><p>Some intro text.</p><a href="/docs">Read the docs</a></main>');
  equal(L.read($('m'), 'ariaSnapshot'),
    '- main:\n  - heading "Welcome" [level=1]\n  - paragraph: Some intro text.\n  - link "Read the docs":\n    - /url: /docs');
});
test('aria snapshot: lists, buttons, checkboxes, textboxes', () => {
  const { L, $ } = newPage('<div id="d"><ul><li>One</li><li>Two</li></ul><button>Go</button>' +
    '<input type="checkbox" checked aria-label="Agree"><input aria-label="Name" value="Ann"><input placeholder="Search"></div>');
  equal(L.ariaSnapshot($('d')),
    '- list:\n  - listitem: One\n  - listitem: Two\n- button "Go"\n- checkbox "Agree" [checked]\n- textbox "Name": Ann\n- textbox "Search"');
});
test('aria snapshot: hidden content skipped, images by alt, disabled and pressed states', () => {
  const { L, $ } = newPage('<div id="d"><p style="display:none">secret</p><span aria-hidden="true">x</span><img src="a.png" alt="Logo">' +
    '<button disabled>Off</button><button aria-pressed="true">Bold</button></div>');
  equal(L.ariaSnapshot($('d')), '- img "Logo"\n- button "Off" [disabled]\n- button "Bold" [pressed]');
});
test('aria snapshot: text needing YAML quotes, a lone element, a table', () => {
  const { L, $ } = newPage('<p id="p">Note: yes</p><p id="n">42</p><table id="t"><tr><th>Name</th></tr><tr><td>Ann</td></tr></table>');
  equal(L.ariaSnapshot($('p')), '- paragraph: "Note: yes"');
  equal(L.ariaSnapshot($('n')), '- paragraph: "42"');
  equal(L.ariaSnapshot($('t')), '- table:\n  - row "Name":\n    - cell "Name"\n  - row "Ann":\n    - cell "Ann"');
});

// ---- Expect: element states ----------------------------------------------------------------------------------
test('to.be.visible / to.be.hidden, with matching and missing elements', () => {
  const { expect } = newPage('<p id="v">v</p><p id="h" hidden>h</p>');
  same(expect('#v', 'to.be.visible'), { matches: true, missing: false, received: 'visible' });
  same(expect('#h', 'to.be.visible'), { matches: false, missing: false, received: 'hidden' });
  same(expect('#h', 'to.be.hidden'), { matches: true, missing: false, received: 'hidden' });
  same(expect('#none', 'to.be.hidden'), { matches: true, missing: false });
  same(expect('#none', 'to.be.visible'), { matches: false, missing: true });
  same(expect('#none', 'to.be.visible', { isNot: true }), { matches: false, missing: false });
});
test('to.be.attached / to.be.detached', () => {
  const { expect } = newPage('<p id="v">v</p>');
  same(expect('#v', 'to.be.attached'), { matches: true, missing: false, received: 'attached' });
  same(expect('#v', 'to.be.detached'), { matches: false, missing: false, received: 'attached' });
  same(expect('#none', 'to.be.detached'), { matches: true, missing: false });
  same(expect('#none', 'to.be.attached'), { matches: false, missing: true });
  same(expect('#none', 'to.be.attached', { isNot: true }), { matches: false, missing: false });
});
test('to.be.checked with expectedValue checked/indeterminate; to.be.unchecked', () => {
  const { expect, error, L, all, document } = newPage('<input type="checkbox" id="c" checked><input type="checkbox" id="u">');
  same(expect('#c', 'to.be.checked', { expectedValue: {} }), { matches: true, missing: false, received: 'checked' });
  same(expect('#u', 'to.be.checked', { expectedValue: { checked: true } }), { matches: false, missing: false, received: 'unchecked' });
  same(expect('#u', 'to.be.checked', { expectedValue: { checked: false } }), { matches: true, missing: false, received: 'unchecked' });
  same(expect('#u', 'to.be.checked', { expectedValue: { indeterminate: true } }), { matches: false, missing: false, received: 'unchecked' });
  same(expect('#u', 'to.be.unchecked'), { matches: true, missing: false, received: 'unchecked' });
  equal(error(() => L.expect(all('#c'), 'to.be.checked', { expectedValue: { indeterminate: true, checked: true } }, document)),
    "Can't assert indeterminate and checked at the same time");
});
test('to.be.enabled / to.be.disabled / to.be.editable / to.be.readonly', () => {
  const { expect } = newPage('<input id="a"><input id="b" disabled><input id="c" readonly>');
  same(expect('#a', 'to.be.enabled').matches, true);
  same(expect('#b', 'to.be.enabled'), { matches: false, missing: false, received: 'disabled' });
  same(expect('#b', 'to.be.disabled').matches, true);
  same(expect('#a', 'to.be.editable'), { matches: true, missing: false, received: 'editable' });
  same(expect('#c', 'to.be.editable'), { matches: false, missing: false, received: 'readOnly' });
  same(expect('#c', 'to.be.readonly').matches, true);
  same(expect('#a', 'to.be.readonly').matches, false);
});
test('to.be.empty and to.be.focused', () => {
  const { expect, page } = newPage('<div id="e">  </div><div id="f">x</div><input id="i"><input id="j" value="v">');
  same(expect('#e', 'to.be.empty'), { matches: true, missing: false, received: 'empty' });
  same(expect('#f', 'to.be.empty'), { matches: false, missing: false, received: 'notEmpty' });
  same(expect('#i', 'to.be.empty').matches, true);
  same(expect('#j', 'to.be.empty').matches, false);
  page("document.getElementById('i').focus();");
  same(expect('#i', 'to.be.focused'), { matches: true, missing: false, received: 'focused' });
  same(expect('#j', 'to.be.focused'), { matches: false, missing: false, received: 'inactive' });
});

// ---- Expect: text values -------------------------------------------------------------------------------------
test('to.have.text: exact string, normalizeWhiteSpace, substring, regex', () => {
  const { expect } = newPage('<p id="p">  Hello\n   World  </p>');
  same(expect('#p', 'to.have.text', { expectedText: [text('Hello World', { normalizeWhiteSpace: true })] }),
    { matches: true, missing: false, received: '  Hello\n   World  ' });
  same(expect('#p', 'to.have.text', { expectedText: [text('Hello World')] }).matches, false);
  same(expect('#p', 'to.contain.text', { expectedText: [text('lo wor', { matchSubstring: true, normalizeWhiteSpace: true })] }).matches, false);
  same(expect('#p', 'to.contain.text', { expectedText: [text('lo Wor', { matchSubstring: true, normalizeWhiteSpace: true })] }).matches, true);
  same(expect('#p', 'to.have.text', { expectedText: [regex('^\\s*Hello')] }).matches, true);
  same(expect('#p', 'to.have.text', { expectedText: [regex('^hello')] }).matches, false);
});
test('ignoreCase: lowers both sides, adds or removes the regex i flag', () => {
  const { expect } = newPage('<p id="p">Hello World</p>');
  same(expect('#p', 'to.have.text', { expectedText: [text('hello world', { ignoreCase: true })] }).matches, true);
  same(expect('#p', 'to.contain.text', { expectedText: [text('WORLD', { matchSubstring: true, ignoreCase: true })] }).matches, true);
  same(expect('#p', 'to.have.text', { expectedText: [regex('^hello', '', { ignoreCase: true })] }).matches, true);
  same(expect('#p', 'to.have.text', { expectedText: [regex('^hello', 'i', { ignoreCase: false })] }).matches, false);
});
test('to.have.text with useInnerText reads rendered text', () => {
  const { expect } = newPage('<div id="d">a<span style="display:none">b</span>c</div>');
  same(expect('#d', 'to.have.text', { expectedText: [text('ac')], useInnerText: true }), { matches: true, missing: false, received: 'ac' });
  same(expect('#d', 'to.have.text', { expectedText: [text('abc')] }), { matches: true, missing: false, received: 'abc' });
});
test('to.have.text with no element reports missing', () => {
  const { expect } = newPage('');
  same(expect('#none', 'to.have.text', { expectedText: [text('x')] }), { matches: false, missing: true });
  same(expect('#none', 'to.have.text', { expectedText: [text('x')], isNot: true }), { matches: true, missing: true });
});
test('to.have.attribute and to.have.attribute.value', () => {
  const { expect } = newPage('<a id="a" href="/x" data-empty="">x</a>');
  same(expect('#a', 'to.have.attribute', { expressionArg: 'href' }), { matches: true, missing: false, received: 'attribute present' });
  same(expect('#a', 'to.have.attribute', { expressionArg: 'title' }), { matches: false, missing: false, received: 'attribute not present' });
  same(expect('#a', 'to.have.attribute.value', { expressionArg: 'href', expectedText: [text('/x')] }), { matches: true, missing: false, received: '/x' });
  same(expect('#a', 'to.have.attribute.value', { expressionArg: 'href', expectedText: [regex('^/y')] }).matches, false);
  same(expect('#a', 'to.have.attribute.value', { expressionArg: 'title', expectedText: [text('')] }), { matches: false, missing: false, received: null });
  same(expect('#a', 'to.have.attribute.value', { expressionArg: 'data-empty', expectedText: [text('')] }).matches, true);
});
test('to.have.class (whole attribute) and to.contain.class (each class present)', () => {
  const { expect, L, all, document, error } = newPage('<div id="d" class="card  active big">x</div>');
  same(expect('#d', 'to.have.class', { expectedText: [text('card  active big')] }), { matches: true, missing: false, received: 'card  active big' });
  same(expect('#d', 'to.have.class', { expectedText: [regex('(^|\\s)active(\\s|$)')] }).matches, true);
  same(expect('#d', 'to.have.class', { expectedText: [text('active')] }).matches, false);
  same(expect('#d', 'to.contain.class', { expectedText: [text('big card')] }).matches, true);
  same(expect('#d', 'to.contain.class', { expectedText: [text('big small')] }).matches, false);
  equal(error(() => L.expect(all('#d'), 'to.contain.class', { expectedText: [regex('a')] }, document)),
    'Partial matching does not support regular expressions. Please provide a string value.');
});
test('to.have.id, to.have.role, to.have.accessible.name, to.have.accessible.description', () => {
  const { expect } = newPage('<button id="b" aria-describedby="d">Save  file</button><p id="d">Writes it to disk</p>');
  same(expect('#b', 'to.have.id', { expectedText: [text('b')] }), { matches: true, missing: false, received: 'b' });
  same(expect('#b', 'to.have.role', { expectedText: [text('button')] }), { matches: true, missing: false, received: 'button' });
  same(expect('#d', 'to.have.role', { expectedText: [text('button')] }), { matches: false, missing: false, received: 'paragraph' });
  same(expect('#b', 'to.have.accessible.name', { expectedText: [text('Save file')] }), { matches: true, missing: false, received: 'Save file' });
  same(expect('#b', 'to.have.accessible.description', { expectedText: [text('Writes it to disk')] }).matches, true);
});
test('to.have.css reads computed values', () => {
  const { expect } = newPage('<div id="d" style="display:flex; color: red">x</div>', { head: '<style>#d { opacity: 0.5 }</style>' });
  same(expect('#d', 'to.have.css', { expressionArg: 'display', expectedText: [text('flex')] }), { matches: true, missing: false, received: 'flex' });
  same(expect('#d', 'to.have.css', { expressionArg: 'opacity', expectedText: [text('0.5')] }).matches, true);
  same(expect('#d', 'to.have.css', { expressionArg: 'visibility', expectedText: [text('visible')] }).matches, true);
});
test('to.have.value and to.have.values', () => {
  const { expect, error, L, all, document } = newPage('<input id="i" value="abc"><select id="m" multiple><option selected>A</option><option>B</option>' +
    '<option selected value="c">C</option></select><p id="p">p</p>');
  same(expect('#i', 'to.have.value', { expectedText: [text('abc')] }), { matches: true, missing: false, received: 'abc' });
  same(expect('#i', 'to.have.value', { expectedText: [regex('^x')] }).matches, false);
  same(expect('#m', 'to.have.values', { expectedText: [text('A'), regex('c')] }), { matches: true, missing: false, received: ['A', 'c'] });
  same(expect('#m', 'to.have.values', { expectedText: [text('A')] }).matches, false);
  equal(error(() => L.expect(all('#p'), 'to.have.value', { expectedText: [text('')] }, document)), 'Not an input element');
  equal(error(() => L.expect(all('#i'), 'to.have.values', { expectedText: [] }, document)), 'Not a select element with a multiple attribute');
});
test('to.have.title and to.have.url read the document', () => {
  const { expect } = newPage('', { head: '<title>  My   Page </title>' });
  same(expect(null, 'to.have.title', { expectedText: [text('My Page', { normalizeWhiteSpace: true })] }), { matches: true, missing: false, received: 'My Page' });
  same(expect(null, 'to.have.url', { expectedText: [text('https://example.com/page.html')] }),
    { matches: true, missing: false, received: 'https://example.com/page.html' });
  same(expect(null, 'to.have.url', { expectedText: [regex('/other')] }).matches, false);
});
test('to.have.property and to.have.js.property compare with deep equality', () => {
  const { expect } = newPage('<input id="i" value="v">', { script: "document.getElementById('i').custom = { a: [1, 2] };" });
  same(expect('#i', 'to.have.property', { expressionArg: 'value', expectedValue: 'v' }), { matches: true, missing: false, received: 'v' });
  same(expect('#i', 'to.have.js.property', { expressionArg: 'custom', expectedValue: { a: [1, 2] } }), { matches: true, missing: false, received: { a: [1, 2] } });
  same(expect('#i', 'to.have.property', { expressionArg: 'custom.a.length', expectedValue: 2 }).matches, true);
  same(expect('#i', 'to.have.property', { expressionArg: 'nothing.here', expectedValue: 1 }), { matches: false, missing: false });
});

// ---- Expect: arrays and counts ---------------------------------------------------------------------------------
test('to.have.count', () => {
  const { expect } = newPage('<li>a</li><li>b</li>');
  same(expect('li', 'to.have.count', { expectedNumber: 2 }), { matches: true, missing: false, received: 2 });
  same(expect('li', 'to.have.count', { expectedNumber: 3 }), { matches: false, missing: false, received: 2 });
  same(expect('p', 'to.have.count', { expectedNumber: 0 }), { matches: true, missing: false, received: 0 });
});
test('to.have.text.array: equal length, in order', () => {
  const { expect } = newPage('<li>One</li><li> Two </li><li>Three</li>');
  same(expect('li', 'to.have.text.array', { expectedText: [text('One'), text('Two', { normalizeWhiteSpace: true }), regex('^Th')] }),
    { matches: true, missing: false, received: ['One', ' Two ', 'Three'] });
  same(expect('li', 'to.have.text.array', { expectedText: [text('One'), text('Three')] }).matches, false);
  same(expect('p', 'to.have.text.array', { expectedText: [] }), { matches: true, missing: false, received: [] });
});
test('to.contain.text.array: a subsequence, each a substring', () => {
  const { expect } = newPage('<li>One</li><li>Two</li><li>Three</li>');
  const sub = (s) => text(s, { matchSubstring: true });
  same(expect('li', 'to.contain.text.array', { expectedText: [sub('On'), sub('hre')] }).matches, true);
  same(expect('li', 'to.contain.text.array', { expectedText: [sub('hre'), sub('On')] }).matches, false);
});
test('to.have.class.array and to.contain.class.array', () => {
  const { expect } = newPage('<i class="a b">1</i><i class="c">2</i>');
  same(expect('i', 'to.have.class.array', { expectedText: [text('a b'), text('c')] }), { matches: true, missing: false, received: ['a b', 'c'] });
  same(expect('i', 'to.have.class.array', { expectedText: [text('a')] }).matches, false);
  same(expect('i', 'to.contain.class.array', { expectedText: [text('b'), text('c')] }).matches, true);
});
test('unknown expressions throw Playwright\'s error', () => {
  const { L, all, document, error } = newPage('<p id="p">p</p>');
  equal(error(() => L.expect(all('#p'), 'to.be.shiny', { expectedText: [text('')] }, document)), 'Unknown expect matcher: to.be.shiny');
  equal(error(() => L.expect(all('p'), 'to.zip.array', { expectedText: [] }, document)), 'Unknown expect matcher: to.zip.array');
});

// ---- More: resolution with the locator engines, generator choices, snapshots, edge cases -----------------
test('resolve understands getByRole, getByLabel, getByText and filters', () => {
  const { all } = newPage('<label for="e">Email</label><input id="e"><button id="a">Go</button><button id="b">Go on</button>' +
    '<div id="c"><span>Card</span><button id="c1">Buy</button></div>');
  same(all('internal:role=button[name="Go"i]').map((e) => e.id), ['a', 'b']);
  same(all('internal:role=button[name="Go"s]').map((e) => e.id), ['a']);
  same(all('internal:label="Email"i').map((e) => e.id), ['e']);
  same(all('div >> internal:has-text="Card"i >> internal:role=button').map((e) => e.id), ['c1']);
  same(all('internal:text="Go on"s').map((e) => e.id), ['b']);
});
test('strict violation for a getByRole description', () => {
  const { L, document, error } = newPage('<h2>A</h2><h2>B</h2>');
  equal(error(() => L.resolve(document, 'internal:role=heading', "getByRole('heading')", true)),
    "strict mode violation: getByRole('heading') resolved to 2 elements:\n" +
    "    1) <h2>A</h2> aka getByRole('heading', { name: 'A' })\n    2) <h2>B</h2> aka getByRole('heading', { name: 'B' })\n");
});
test('aka: getByLabel for unroled labelled elements, getByTitle, other test ids, retargeting to buttons', () => {
  const { L, all } = newPage('<div aria-label="Region">r</div><span title="Tip"></span><i data-test-id="ico"></i>' +
    '<button><span id="inner">Press me</span></button><img alt="Logo" src="l.png">');
  const aka = (selector) => L.asLocator(L.generateSelector(all(selector)[0]));
  equal(aka('div'), "getByLabel('Region')");
  equal(aka('span[title]'), "getByTitle('Tip')");
  equal(aka('i'), `locator('[data-test-id="ico"]')`);
  equal(aka('#inner'), "getByRole('button', { name: 'Press me' })");
  equal(aka('img'), "getByRole('img', { name: 'Logo' })");
});
test('setTestIdAttribute changes what getByTestId uses', () => {
  const { L, all } = newPage('<div data-qa="panel">x</div><div data-testid="t">y</div>');
  L.setTestIdAttribute('data-qa');
  equal(L.asLocator(L.generateSelector(all('div')[0])), "getByTestId('panel')");
  equal(L.asLocator(L.generateSelector(all('div')[1])), `locator('[data-testid="t"]')`);
});
test('asLocator: role states, regex names, unknown parts kept as locator()', () => {
  const { L } = newPage('');
  equal(L.asLocator('internal:role=checkbox[checked=true]'), "getByRole('checkbox', { checked: true })");
  equal(L.asLocator('internal:role=heading[level=2]'), "getByRole('heading', { level: 2 })");
  equal(L.asLocator('internal:role=button[name=/sub\\w+/i]'), "getByRole('button', { name: /sub\\w+/i })");
  equal(L.asLocator('internal:text=/^Hi$/'), 'getByText(/^Hi$/)');
  equal(L.asLocator('button >> nth=0'), "locator('button').first()");
});
test('preview: more than five text children are an ellipsis; long attribute lists are trimmed', () => {
  const { L, $, page } = newPage(`<p id="p"></p><div id="d" data-a="${'x'.repeat(600)}">t</div>`, {
    script: "const p = document.getElementById('p'); for (let i = 0; i < 6; i++) p.appendChild(document.createTextNode('t'));" });
  equal(L.preview($('p')), '<p id="p">\u2026</p>');
  const preview = L.preview($('d'));
  equal(preview.startsWith('<div id="d" data-a="xxx'), true);
  equal(preview.endsWith('\u2026>t</div>'), true);
});
test('elementState and read reject unknown names', () => {
  const { L, $, error } = newPage('<p id="p">p</p>');
  equal(error(() => L.elementState($('p'), 'shiny')), 'Unexpected element state "shiny"');
  equal(error(() => L.read($('p'), 'outerWidth')), 'Unknown read "outerWidth"');
});
test('aria snapshot: nested lists, radios, unchecked checkboxes, comboboxes', () => {
  const { L, $ } = newPage('<div id="d"><ul><li>A<ul><li>A1</li></ul></li></ul><input type="radio" aria-label="R1">' +
    '<input type="checkbox" aria-label="C"><select aria-label="Pick"><option>One</option></select></div>');
  equal(L.ariaSnapshot($('d')),
    '- list:\n  - listitem:\n    - text: A\n    - list:\n      - listitem: A1\n- radio "R1"\n- checkbox "C"\n- combobox "Pick":\n  - option "One" [selected]');
});
test('aria snapshot: headings h2/h3, inline text joined, links without href are text', () => {
  const { L, $ } = newPage('<section id="s"><h2>Two</h2><h3>Three</h3><p>Hello <b>big</b> <a>world</a></p></section>');
  equal(L.ariaSnapshot($('s')), '- heading "Two" [level=2]\n- heading "Three" [level=3]\n- paragraph: Hello big world');
});
test('aria snapshot: open shadow trees are included, hidden elements give nothing', () => {
  const { L, $ } = newPage('<div id="host"></div><div id="gone" style="display:none"><p>x</p></div>', {
    script: "document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<button>Inside</button>';" });
  equal(L.ariaSnapshot($('host')), '- button "Inside"');
  equal(L.ariaSnapshot($('gone')), '');
});
test('aria snapshot: text starting with a dash or looking like a number is quoted; textareas show their value', () => {
  const { L, $ } = newPage('<div id="d"><p>- item</p><p>true</p><textarea aria-label="Notes">hi there</textarea></div>');
  equal(L.ariaSnapshot($('d')), '- paragraph: "- item"\n- paragraph: "true"\n- textbox "Notes": hi there');
});
test('aria snapshot: expanded, mixed and disabled states', () => {
  const { L, $ } = newPage('<div id="d"><button aria-expanded="true">Menu</button><div role="checkbox" aria-checked="mixed">All</div>' +
    '<fieldset disabled><input type="checkbox" aria-label="Off"></fieldset></div>');
  equal(L.ariaSnapshot($('d')), '- button "Menu" [expanded]\n- checkbox "All" [checked=mixed]\n- group:\n  - checkbox "Off" [disabled]');
});
test('expect on a missing element: enabled/checked/value report missing; isNot flips matches', () => {
  const { expect } = newPage('');
  same(expect('#x', 'to.be.enabled'), { matches: false, missing: true });
  same(expect('#x', 'to.be.checked', { expectedValue: {} }), { matches: false, missing: true });
  same(expect('#x', 'to.have.value', { expectedText: [text('')], isNot: true }), { matches: true, missing: true });
  same(expect('#x', 'to.have.count', { expectedNumber: 1, isNot: true }), { matches: false, missing: false, received: 0 });
});
test('normalizeWhiteSpace drops zero-width spaces and soft hyphens as Playwright does', () => {
  const { expect } = newPage('<p id="p">Zero\u200bwidth  soft\u00adhyphen</p>');
  same(expect('#p', 'to.have.text', { expectedText: [text('Zerowidth softhyphen', { normalizeWhiteSpace: true })] }).matches, true);
  same(expect('#p', 'to.have.text', { expectedText: [text('Zerowidth softhyphen')] }).matches, false);
});
test('ignoreCase with accessible names and ids', () => {
  const { expect } = newPage('<button id="Save">SAVE Now</button>');
  same(expect('#Save', 'to.have.accessible.name', { expectedText: [text('save now', { ignoreCase: true })] }).matches, true);
  same(expect('#Save', 'to.have.id', { expectedText: [text('save', { ignoreCase: true })] }).matches, true);
  same(expect('#Save', 'to.have.id', { expectedText: [text('save')] }).matches, false);
});
test('to.have.value follows a label to its control; select values', () => {
  const { expect } = newPage('<label id="l">Name <input value="Ann"></label><select id="s"><option value="x">X</option><option selected>Y</option></select>');
  same(expect('#l', 'to.have.value', { expectedText: [text('Ann')] }), { matches: true, missing: false, received: 'Ann' });
  same(expect('#s', 'to.have.value', { expectedText: [text('Y')] }), { matches: true, missing: false, received: 'Y' });
});
test('to.have.css: unknown properties read as empty, custom properties as declared', () => {
  const { expect } = newPage('<div id="d" style="--gap: 4px">x</div>');
  same(expect('#d', 'to.have.css', { expressionArg: '--gap', expectedText: [text('4px')] }).received.trim(), '4px');
  same(expect('#d', 'to.have.css', { expressionArg: 'position', expectedText: [text('static')] }).matches, true);
});
test('to.be.visible and to.be.hidden follow the cascade: visibility, details, display:contents', () => {
  const { expect } = newPage('<details><summary>S</summary><p id="in">x</p></details><div style="display:contents"><b id="b">b</b></div>' +
    '<p id="vh" style="visibility:hidden">h</p>');
  same(expect('#in', 'to.be.visible').matches, false);
  same(expect('#b', 'to.be.visible').matches, true);
  same(expect('#vh', 'to.be.hidden').matches, true);
});
test('to.contain.text with useInnerText and regex over several lines', () => {
  const { expect } = newPage('<div id="d"><p>First</p><p>Second</p></div>');
  same(expect('#d', 'to.contain.text', { expectedText: [regex('First\\n+Second')], useInnerText: true }).matches, true);
  same(expect('#d', 'to.contain.text', { expectedText: [text('FirstSecond', { matchSubstring: true })] }).matches, true);
});
test('to.have.text.array with useInnerText, and a shorter list that fails', () => {
  const { expect } = newPage('<li>a <span style="display:none">x</span></li><li>b</li>');
  same(expect('li', 'to.have.text.array', { expectedText: [text('a'), text('b')], useInnerText: true }), { matches: true, missing: false, received: ['a', 'b'] });
  same(expect('li', 'to.have.text.array', { expectedText: [text('a')], useInnerText: true }).matches, false);
});
test('expectJSON and readJSON return JSON text; expect results have no prototype', () => {
  const { L, $, all, document } = newPage('<p id="p">x</p>');
  const result = L.expect(all('#p'), 'to.have.count', { expectedNumber: 1 }, document);
  equal(Object.getPrototypeOf(result), null);
  equal(L.expectJSON([], 'to.have.text.array', { expectedText: [] }, document), '{"matches":true,"missing":false,"received":[]}');
  equal(Object.getPrototypeOf(L.expect(all('p'), 'to.have.text.array', { expectedText: [] }, document).received), null);
  equal(L.readJSON($('p'), 'ariaSnapshot'), '"- paragraph: x"');
});

// ---- Robustness -----------------------------------------------------------------------------------------------
test('answers survive a page that replaces built-ins and DOM getters; results have no prototype', () => {
  const { L, $, all, document, page } = newPage('<button id="b" class="x">Save</button><button>Save draft</button><input id="i" value="v">');
  page(`for (const name of ['textContent', 'id', 'className', 'innerHTML', 'value', 'firstChild', 'nextSibling', 'parentNode']) {
      for (const proto of [Node.prototype, Element.prototype, HTMLInputElement.prototype]) {
        if (Object.getOwnPropertyDescriptor(proto, name)) Object.defineProperty(proto, name, { get() { throw new Error(name); }, configurable: true });
      }
    }
    Array.prototype.push = Array.prototype.join = Array.prototype.indexOf = () => { throw new Error('array'); };
    String.prototype.toLowerCase = String.prototype.trim = () => 'x';
    RegExp.prototype.exec = () => null;
    JSON.stringify = () => 'hacked';
    Object.prototype.toJSON = function () { return 'hacked'; };
    Array.prototype.toJSON = function () { return 'hacked'; };`);
  equal(L.expectJSON(all('#b'), 'to.have.text', { isNot: false, expectedText: [{ string: 'Save' }] }, document), '{"matches":true,"missing":false,"received":"Save"}');
  equal(L.expectJSON(all('button'), 'to.have.text.array', { isNot: false, expectedText: [{ string: 'Save' }, { string: 'Save draft' }] }, document),
    '{"matches":true,"missing":false,"received":["Save","Save draft"]}');
  equal(L.readJSON($('i'), 'inputValue'), '"v"');
  equal(L.preview($('b')), '<button id="b" class="x">Save</button>');
  let message = '';
  try { L.resolve(document, 'button', "locator('button')", true); } catch (error) { message = error.message; }
  equal(message.split('\n')[1], "    1) <button id=\"b\" class=\"x\">Save</button> aka getByRole('button', { name: 'Save', exact: true })");
});

run();
