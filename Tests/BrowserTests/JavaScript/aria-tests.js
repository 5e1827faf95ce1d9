// Tests of ARIA roles, accessible names and getByRole matching (Sources/Browser/JavaScript/playwright/aria.js),
// loaded into a vm realm after the DOM runtime and the cascade, as a page realm loads them.
// Run: node aria-tests.js — prints each failure, then the passed and failed counts; the exit code is
// non-zero when any test failed.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
// aria.js reads slot assignment: the DOM files up to slots.js, as DOMRuntime.swift installs them.
process.env.DOM_FILES ??= 'safe-array-iterator,dom-exception,events,nodes,collections,tree-operations,serialization,css-style-declaration,' +
  'elements,traversal,window,mutation-observer,custom-elements,slots';
const { loadRuntime, simpleMarkupBatch, testHost, testCases } = require('./dom-harness.js');

const { test, equal, run } = testCases();
function same(actual, expected, message = '') { equal(JSON.stringify(actual), JSON.stringify(expected), message); }

const sources = path.resolve(__dirname, '../../../Sources/Browser/JavaScript');

/**
 * A page realm with the DOM runtime, the cascade and aria.js installed and `body` as the body of its
 * document; `$` finds an element by id, `roles`/`names` map ids to roles/accessible names,
 * `query(role, options)` lists the ids (or local names) getByRole selects.
 */
function newPage(body, head = '') {
  const context = vm.createContext({});
  const host = testHost();
  const runtime = loadRuntime(host, { context });
  if (runtime.selectorsError) throw runtime.selectorsError;
  const file = path.join(sources, 'playwright/aria.js');
  runtime.aria = vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file })(Object.freeze({ ...host }), runtime);
  const document = runtime.nodes.createDocument({ type: 'html', url: 'https://example.com/page.html' });
  const [operations, text] = simpleMarkupBatch(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { document: true });
  runtime['tree-operations'].applyBatch(runtime['tree-operations'].createParseSession(document), operations, text);
  runtime.window.createWindow(vm.runInContext('globalThis', context), document);
  const aria = runtime.aria;
  const $ = (id) => {
    const element = runtime.nodes.getElementById(document, id);
    if (!element) throw new Error(`no #${id}`);
    return element;
  };
  const label = (element) => element.id || element.localName;
  return {
    aria, document, $,
    run: (code) => vm.runInContext(code, context),
    roles: (...ids) => ids.map((id) => aria.role($(id))),
    names: (...ids) => ids.map((id) => aria.accessibleName($(id))),
    query: (role, options) => aria.queryAllByRole(document, role, options).map(label),
  };
}

// ---- Roles -----------------------------------------------------------------------------------------
test('links: a and area with href are links, without href none', () => {
  const { roles } = newPage('<a id="a" href="/x">x</a><a id="b">y</a><map><area id="c" href="/"><area id="d"></map>');
  same(roles('a', 'b', 'c', 'd'), ['link', null, 'link', null]);
});
test('buttons: button, input button/submit/reset/image/file (a button as Playwright 1.65 records it)', () => {
  const { roles } = newPage('<button id="a">b</button><input id="b" type="button"><input id="c" type="submit"><input id="d" type="reset">' +
    '<input id="e" type="image"><input id="f" type="file">');
  same(roles('a', 'b', 'c', 'd', 'e', 'f'), ['button', 'button', 'button', 'button', 'button', 'button']);
});
test('input types map to checkbox, radio, textbox, searchbox, spinbutton, slider; hidden has none', () => {
  const { roles } = newPage('<input id="a" type="checkbox"><input id="b" type="radio"><input id="c"><input id="d" type="email">' +
    '<input id="e" type="search"><input id="f" type="number"><input id="g" type="range"><input id="h" type="hidden">' +
    '<input id="i" type="password"><input id="j" type="bogus"><input id="k" type="date">');
  same(roles('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'),
    ['checkbox', 'radio', 'textbox', 'textbox', 'searchbox', 'spinbutton', 'slider', null, 'textbox', 'textbox', 'textbox']);
});
test('text inputs with a list naming a datalist are comboboxes; search with any list too', () => {
  const { roles } = newPage('<input id="a" list="l"><input id="b" list="missing"><input id="c" type="search" list="missing">' +
    '<input id="d" type="url" list="l"><datalist id="l"><option>o</option></datalist>');
  same(roles('a', 'b', 'c', 'd', 'l'), ['combobox', 'textbox', 'combobox', 'combobox', 'listbox']);
});
test('select is a combobox, a listbox with multiple or size > 1; option, optgroup; textarea', () => {
  const { roles } = newPage('<select id="a"><optgroup id="g"><option id="o">1</option></optgroup></select><select id="b" multiple></select>' +
    '<select id="c" size="3"></select><select id="d" size="1"></select><textarea id="t"></textarea>');
  same(roles('a', 'b', 'c', 'd', 'g', 'o', 't'), ['combobox', 'listbox', 'listbox', 'combobox', 'group', 'option', 'textbox']);
});
test('headings, lists, list items, paragraphs, separators', () => {
  const { roles } = newPage('<h1 id="a">a</h1><h6 id="b">b</h6><ul id="c"><li id="d">d</li></ul><ol id="e"></ol><menu id="f"></menu>' +
    '<p id="g">p</p><hr id="h">');
  same(roles('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), ['heading', 'heading', 'list', 'listitem', 'list', 'list', 'paragraph', 'separator']);
});
test('img: with alt text or no alt an img, alt="" presentation unless titled or focusable', () => {
  const { roles } = newPage('<img id="a" alt="x"><img id="b"><img id="c" alt=""><img id="d" alt="" title="t"><img id="e" alt="" tabindex="0">' +
    '<img id="f" alt="" aria-label="l"><svg id="g"></svg>');
  same(roles('a', 'b', 'c', 'd', 'e', 'f', 'g'), ['img', 'img', 'presentation', 'img', 'img', 'img', 'img']);
});
test('landmarks: nav, main, aside; search has none (as in Playwright); header/footer banner/contentinfo only outside sectioning', () => {
  const { roles } = newPage('<header id="a"></header><footer id="b"></footer><nav id="c"></nav><main id="d"><header id="e"></header></main>' +
    '<aside id="f"><footer id="g"></footer></aside><article id="h"><div><footer id="i"></footer></div></article>' +
    '<div role="region"><header id="j"></header></div><search id="k"></search>');
  same(roles('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'),
    ['banner', 'contentinfo', 'navigation', 'main', null, 'complementary', null, 'article', null, null, null]);
});
test('form and section take a role only with an explicit accessible name', () => {
  const { roles } = newPage('<form id="a"></form><form id="b" aria-label="f"></form><section id="c"></section>' +
    '<section id="d" aria-labelledby="a"></section>');
  same(roles('a', 'b', 'c', 'd'), [null, 'form', null, 'region']);
});
test('tables: table, rowgroup, row, cell; th by scope, else a cell (Playwright); gridcell in a grid', () => {
  const { roles } = newPage('<table id="t"><thead id="h"><tr id="r"><th id="a">A</th></tr></thead><tbody><tr><th id="b">B</th><td id="c">C</td>' +
    '<th id="d" scope="col">D</th></tr></tbody></table><table role="grid"><tr><td id="e">E</td></tr></table>');
  same(roles('t', 'h', 'r', 'a', 'b', 'c', 'd', 'e'), ['table', 'rowgroup', 'row', 'cell', 'cell', 'cell', 'columnheader', 'gridcell']);
});
test('dialog, details (group), summary (none), progress, meter, output, fieldset, figure, article, blockquote', () => {
  const { roles } = newPage('<dialog id="a"></dialog><details id="b"><summary id="c">s</summary></details><progress id="d"></progress>' +
    '<meter id="e"></meter><output id="f"></output><fieldset id="g"></fieldset><figure id="h"></figure><blockquote id="i"></blockquote>' +
    '<div id="j"></div><span id="k"></span>');
  same(roles('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'),
    ['dialog', 'group', null, 'progressbar', 'meter', 'status', 'group', 'figure', 'blockquote', null, null]);
});
test('explicit role: first valid token wins; invalid tokens fall back to the implicit role', () => {
  const { roles } = newPage('<div id="a" role="bogus button link">x</div><a id="b" href="/" role="wat">x</a><div id="c" role="  tab ">x</div>' +
    '<span id="d" role="BUTTON">x</span>');
  same(roles('a', 'b', 'c', 'd'), ['button', 'link', 'tab', null]);
});
test('role none/presentation yields to the implicit role when focusable or with a global aria attribute', () => {
  const { roles } = newPage('<h2 id="a" role="none">x</h2><h2 id="b" role="presentation" tabindex="-1">x</h2><h2 id="c" role="none" aria-label="l">x</h2>' +
    '<button id="d" role="none">x</button><button id="e" role="none" disabled>x</button>');
  same(roles('a', 'b', 'c', 'd', 'e'), ['none', 'heading', 'heading', 'button', 'none']);
});
test('presentational containers make their required children presentational', () => {
  const { roles } = newPage('<ul role="presentation"><li id="a">x</li></ul><table role="none"><tr id="b"><td id="c">x</td></tr></table>' +
    '<ul role="none"><li id="d" role="listitem">x</li></ul>');
  same(roles('a', 'b', 'c', 'd'), ['presentation', 'none', 'none', 'listitem']);
});

// ---- Accessible names ------------------------------------------------------------------------------
test('name from content is a flat string: white space runs collapsed and trimmed, U+00A0 kept', () => {
  const { names, query } = newPage('<button id="a">  Save \n  <b>all</b>\u00a0files </button><a id="b" href="/">Go<span> home</span></a><h1 id="c">A<br>B</h1>');
  same(names('a', 'b', 'c'), ['Save all\u00a0files', 'Go home', 'A B']);
  same(query('button', { name: 'save all files', exact: false }), ['a']);
  same(query('button', { name: 'Save all files', exact: true }), ['a']);
});
test('block-level children are separated by spaces, inline ones are not', () => {
  const { names } = newPage('<button id="a"><div>One</div><div>Two</div></button><button id="b"><span>One</span><span>Two</span></button>');
  same(names('a', 'b'), ['One Two', 'OneTwo']);
});
test('aria-label wins over content; blank aria-label is ignored', () => {
  const { names } = newPage('<button id="a" aria-label="Close">X</button><button id="b" aria-label="  ">X</button>');
  same(names('a', 'b'), ['Close', 'X']);
});
test('aria-labelledby concatenates its targets in order, over aria-label', () => {
  const { names } = newPage('<span id="l1">Billing</span><span id="l2">Address</span>' +
    '<input id="a" aria-labelledby="l1 l2 missing" aria-label="ignored"><div id="b" role="button" aria-labelledby="b l1" aria-label="Pay">x</div>');
  same(names('a', 'b'), ['Billing Address', 'Pay Billing']);
});
test('aria-labelledby is not followed twice and hidden targets still count, with their hidden content', () => {
  const { names } = newPage('<span id="x" aria-labelledby="y">X</span><span id="y">Y</span><button id="a" aria-labelledby="x">b</button>' +
    '<span id="h" hidden>Hidden <b>text</b></span><button id="b" aria-labelledby="h">b</button>');
  same(names('a', 'b'), ['X', 'Hidden text']);
});
test('native labels: label for, wrapping label, several labels', () => {
  const { names } = newPage('<label for="a">First name</label><input id="a"><label>Last <input id="b"> name</label>' +
    '<label for="c">One</label><label for="c">Two</label><select id="c"></select><textarea id="d"></textarea><label for="d">Notes</label>');
  same(names('a', 'b', 'c', 'd'), ['First name', 'Last name', 'One Two', 'Notes']);
});
test('embedded controls in a label contribute their value', () => {
  const { names, $ } = newPage('<label for="a">Flash every <input id="n" type="number" value="3"> seconds <select><option>x</option>' +
    '<option selected>fast</option></select></label><input id="a" type="checkbox">' +
    '<label>Count <input id="own" value="7"></label><span id="t">Name <input value="Bob"></span><button id="b" aria-labelledby="t">x</button>');
  same(names('a', 'own', 'b'), ['Flash every 3 seconds fast', 'Count', 'Name Bob']);
  equal($('n').localName, 'input');
});
test('controls referenced by aria-labelledby give their value; ranges their aria-valuetext, aria-valuenow or value', () => {
  const { names } = newPage('<input id="v" value="5"><button id="a" aria-labelledby="v">x</button>' +
    '<div id="s" role="slider" aria-valuetext="Medium" aria-valuenow="2"></div><div id="t" role="spinbutton" aria-valuenow="7"></div>' +
    '<button id="b" aria-labelledby="s t">x</button><label for="v">Amount</label>');
  same(names('a', 'b', 'v'), ['5', 'Medium 7', 'Amount']);
});
test('title and placeholder: title first, placeholder for text fields only', () => {
  const { names } = newPage('<input id="a" placeholder="Search"><input id="b" placeholder="p" title="T"><textarea id="c" placeholder="Say"></textarea>' +
    '<input id="d" type="checkbox" placeholder="p"><input id="e" type="checkbox" title="Agree"><div id="f" role="button" title="Tip"></div>' +
    '<input id="g" type="number" placeholder="n">');
  same(names('a', 'b', 'c', 'd', 'e', 'f', 'g'), ['Search', 'T', 'Say', '', 'Agree', 'Tip', '']);
});
test('input buttons: value, then Submit/Reset defaults; image: alt, title, Submit', () => {
  const { names } = newPage('<input id="a" type="submit"><input id="b" type="reset"><input id="c" type="button"><input id="d" type="submit" value="Send">' +
    '<input id="e" type="image" alt="Go"><input id="f" type="image" title="T"><input id="g" type="image"><input id="h" type="button" value="" title="x">');
  same(names('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), ['Submit', 'Reset', '', 'Send', 'Go', 'T', 'Submit', 'x']);
});
test('images: alt, then title; alt inside a link names the link', () => {
  const { names } = newPage('<img id="a" alt="Logo"><img id="b" title="T"><a id="c" href="/"><img src="x" alt="Home"></a>' +
    '<a id="d" href="/" title="Fallback"><img src="x" alt=""></a>');
  same(names('a', 'b', 'c', 'd'), ['Logo', 'T', 'Home', 'Fallback']);
});
test('legend, caption and figcaption name their fieldset, table and figure', () => {
  const { names } = newPage('<fieldset id="a"><legend>Shipping <i>address</i></legend><input></fieldset><table id="b"><caption>Prices</caption></table>' +
    '<figure id="c"><img alt="x"><figcaption>Chart</figcaption></figure><fieldset id="d"></fieldset>');
  same(names('a', 'b', 'c', 'd'), ['Shipping address', 'Prices', 'Chart', '']);
});
test('hidden content is left out of names: display none, hidden, aria-hidden, visibility hidden; styles and scripts never count', () => {
  const { names } = newPage('<button id="a">Save<span style="display:none"> draft</span><span hidden> now</span><span aria-hidden="true"> x</span>' +
    '<span class="invisible"> y</span><style>.x{}</style></button>', '<style>.invisible { visibility: hidden }</style>');
  same(names('a'), ['Save']);
});
test('naming is prohibited for generic, paragraph and the like; roles without name from content use title only', () => {
  const { names } = newPage('<div id="a" aria-label="x">t</div><p id="b" aria-label="x">t</p><ul id="c"><li>t</li></ul><ul id="d" aria-label="L"><li>t</li></ul>' +
    '<nav id="e" title="Main">links</nav>');
  same(names('a', 'b', 'c', 'd', 'e'), ['x', '', '', 'L', 'Main']);
});
test('name from content descends into lists and generic containers but not into other widgets\' labels', () => {
  const { names } = newPage('<a id="a" href="/"><ul><li>One</li></ul><div>Two</div></a><button id="b">Pick <span role="img" aria-label="star"></span></button>');
  same(names('a', 'b'), ['One Two', 'Pick star']);
});
test('options and select: option names from content; a select in a label gives its selected option', () => {
  const { names } = newPage('<select id="s"><option id="a">  Red  </option><option id="b" aria-label="Blue!">B</option></select>');
  same(names('a', 'b', 's'), ['Red', 'Blue!', '']);
});
test('open shadow trees: a host\'s name comes from its shadow root, slotted children through their slot, unslotted ones hidden', () => {
  const page = newPage('<div id="a" role="button">light<b slot="x">unslotted</b></div>');
  page.run(`const root = document.getElementById('a').attachShadow({ mode: 'open' }); root.innerHTML = '<span>Shadow</span> <slot></slot>';`);
  same(page.names('a'), ['Shadow light']);
  equal(page.aria.isHiddenForAria(page.$('a').lastChild), true, 'unslotted:');
});
test('zero-width spaces and soft hyphens stay in the name and are dropped when matching', () => {
  const { names, query } = newPage('<button id="a">Sub\u00admit\u200b now</button>');
  same(names('a'), ['Sub\u00admit\u200b now']);
  same(query('button', { name: 'Submit now', exact: true }), ['a']);
});
test('names follow script changes to the tree and attributes', () => {
  const page = newPage('<button id="a">Old</button><label for="i">L1</label><input id="i">');
  page.run(`document.getElementById('a').textContent = 'New'; document.querySelector('label').textContent = 'L2';`);
  same(page.names('a', 'i'), ['New', 'L2']);
  page.run(`document.getElementById('a').setAttribute('aria-label', 'Label')`);
  same(page.names('a'), ['Label']);
});
test('page code overriding prototypes does not change roles or names', () => {
  const page = newPage('<a id="a" href="/">Link</a><label for="i">Email</label><input id="i">');
  page.run(`Object.defineProperty(Element.prototype, 'getAttribute', { value: () => 'button' });
    Object.defineProperty(Node.prototype, 'textContent', { get() { return 'evil'; } });
    Array.prototype[Symbol.iterator] = function* () { yield 'evil'; };
    Array.prototype.push = () => { throw new Error('evil'); };
    String.prototype.toLowerCase = () => 'evil';
    Set.prototype.add = () => { throw new Error('evil'); };`);
  same(page.roles('a', 'i'), ['link', 'textbox']);
  same(page.names('a', 'i'), ['Link', 'Email']);
  same(page.query('link', { name: 'lin' }), ['a']);
});

// ---- Hidden ----------------------------------------------------------------------------------------
test('isHiddenForAria: display none (own or inherited), hidden, aria-hidden ancestors, visibility, closed details', () => {
  const { aria, $ } = newPage('<div id="a">x</div><div style="display:none"><p id="b">x</p></div><p id="c" hidden>x</p>' +
    '<div aria-hidden="true"><p id="d">x</p></div><p id="e" style="visibility:hidden">x</p><div style="visibility:hidden"><p id="f" style="visibility:visible">x</p></div>' +
    '<details><summary id="g">s</summary><p id="h">x</p></details><div aria-hidden="false"><p id="i">x</p></div><script id="j"></script>');
  same(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((id) => aria.isHiddenForAria($(id))),
    [false, true, true, true, true, false, false, true, false, true]);
});
test('options of a rendered select are not hidden; a disconnected element is', () => {
  const { aria, $, run } = newPage('<select id="s"><option id="o">x</option></select><select hidden><option id="p">y</option></select>');
  same([aria.isHiddenForAria($('o')), aria.isHiddenForAria($('p')), aria.isHiddenForAria(run('document.createElement("button")'))], [false, true, true]);
});

// ---- getByRole options -----------------------------------------------------------------------------
test('queryAllByRole returns matches in document order, excluding hidden ones unless includeHidden', () => {
  const { query } = newPage('<button id="a">A</button><div><button id="b">B</button></div><button id="c" hidden>C</button>' +
    '<div role="button" id="d">D</div><div aria-hidden="true"><button id="e">E</button></div>');
  same(query('button'), ['a', 'b', 'd']);
  same(query('button', { includeHidden: true }), ['a', 'b', 'c', 'd', 'e']);
});
test('name: case-insensitive substring by default, exact match with exact: true, white space normalised', () => {
  const { query } = newPage('<button id="a">Submit order</button><button id="b">submit</button><button id="c">Cancel</button>');
  same(query('button', { name: 'SUBMIT' }), ['a', 'b']);
  same(query('button', { name: 'submit', exact: true }), ['b']);
  same(query('button', { name: '  Submit   order ', exact: true }), ['a']);
  same(query('button', { name: 'Submit', exact: true }), []);
});
test('name: a RegExp is tested against the accessible name', () => {
  const { query } = newPage('<button id="a">Item 1</button><button id="b">Item 22</button><button id="c">item 3</button>');
  same(query('button', { name: /^Item \d$/ }), ['a']);
  same(query('button', { name: /item/i }), ['a', 'b', 'c']);
});
test('name with includeHidden counts hidden text', () => {
  const { query } = newPage('<button id="a" hidden>Gone <span>away</span></button>');
  same(query('button', { name: 'Gone away' }), []);
  same(query('button', { name: 'Gone away', includeHidden: true }), ['a']);
});
test('checked: native checkedness, indeterminate as mixed, aria-checked', () => {
  const page = newPage('<input id="a" type="checkbox" checked><input id="b" type="checkbox"><input id="c" type="checkbox">' +
    '<div id="d" role="checkbox" aria-checked="true"></div><div id="e" role="checkbox" aria-checked="mixed"></div><div id="f" role="checkbox"></div>');
  page.run(`document.getElementById('b').checked = true; document.getElementById('a').checked = false; document.getElementById('c').indeterminate = true;`);
  same(page.query('checkbox', { checked: true }), ['b', 'd']);
  same(page.query('checkbox', { checked: false }), ['a', 'f']);
  same(page.query('checkbox', { checked: 'mixed' }), ['c', 'e']);
});
test('checked on radios follows the group', () => {
  const page = newPage('<input id="a" type="radio" name="g" checked><input id="b" type="radio" name="g">');
  page.run(`document.getElementById('b').checked = true`);
  same(page.query('radio', { checked: true }), ['b']);
});
test('pressed: aria-pressed true, mixed, otherwise false', () => {
  const { query } = newPage('<button id="a" aria-pressed="true">a</button><button id="b" aria-pressed="false">b</button>' +
    '<button id="c">c</button><button id="d" aria-pressed="mixed">d</button>');
  same(query('button', { pressed: true }), ['a']);
  same(query('button', { pressed: false }), ['b', 'c']);
  same(query('button', { pressed: 'mixed' }), ['d']);
});
test('selected: native option selectedness and aria-selected', () => {
  const page = newPage('<select><option id="a">1</option><option id="b">2</option></select><div role="tablist"><div id="c" role="tab" aria-selected="true">t</div>' +
    '<div id="d" role="tab">u</div></div>');
  same(page.query('option', { selected: true }), ['a']);
  page.run(`document.querySelector('select').selectedIndex = 1`);
  same(page.query('option', { selected: true }), ['b']);
  same(page.query('tab', { selected: true }), ['c']);
  same(page.query('tab', { selected: false }), ['d']);
});
test('expanded: aria-expanded true/false; elements without it match neither', () => {
  const { query } = newPage('<button id="a" aria-expanded="true">a</button><button id="b" aria-expanded="false">b</button><button id="c">c</button>');
  same(query('button', { expanded: true }), ['a']);
  same(query('button', { expanded: false }), ['b']);
});
test('level: heading rank, aria-level on role=heading and listitem', () => {
  const { query } = newPage('<h1 id="a">a</h1><h2 id="b">b</h2><div id="c" role="heading" aria-level="2">c</div><div id="d" role="heading">d</div>' +
    '<h3 id="e" aria-level="5">e</h3><ul><li id="f" aria-level="2">f</li></ul>');
  same(query('heading', { level: 2 }), ['b', 'c']);
  same(query('heading', { level: 3 }), ['e']);
  same(query('listitem', { level: 2 }), ['f']);
});
test('disabled: native disabled, disabled fieldset (its legend too, as Playwright), aria-disabled on it or an ancestor with a role', () => {
  const { query } = newPage('<button id="a" disabled>a</button><fieldset disabled><legend><button id="b">b</button></legend><button id="c">c</button></fieldset>' +
    '<div role="button" id="d" aria-disabled="true">d</div><div role="group" aria-disabled="true"><button id="e">e</button></div>' +
    '<div aria-disabled="true"><button id="f">f</button></div><button id="g">g</button>');
  same(query('button', { disabled: true }), ['a', 'b', 'c', 'd', 'e']);
  same(query('button', { disabled: false }), ['f', 'g']);
  same(query('button'), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
});
test('state options throw for roles that do not support them', () => {
  const { query } = newPage('<button>a</button>');
  for (const [option, role] of [['checked', 'button'], ['pressed', 'checkbox'], ['selected', 'button'], ['expanded', 'heading'], ['level', 'button']]) {
    let message = null;
    try { query(role, { [option]: true }); } catch (error) { message = error.message; }
    equal(typeof message === 'string' && message.startsWith(`"${option}" attribute is only supported for roles:`), true, `${option}:`);
  }
});
test('matchesRole answers for one element with the same options', () => {
  const { aria, $ } = newPage('<label>Email <input id="a" type="email"></label><h2 id="b">Intro</h2>');
  same([aria.matchesRole($('a'), 'textbox', { name: 'email' }), aria.matchesRole($('a'), 'textbox', { name: 'Email', exact: true }),
    aria.matchesRole($('a'), 'searchbox'), aria.matchesRole($('b'), 'heading', { level: 2, name: /intro/i }),
    aria.matchesRole($('b'), 'heading', { level: 1 })], [true, true, false, true, false]);
});
test('queryAllByRole searches open shadow trees after the light tree (Playwright\'s order); a subtree root excludes itself', () => {
  const page = newPage('<div id="host"></div><nav id="n"><a id="x" href="/">x</a></nav><a id="y" href="/">y</a>');
  page.run(`const root = document.getElementById('host').attachShadow({ mode: 'open' }); root.innerHTML = '<a id="s" href="/">s</a>';
    const closed = document.getElementById('n').attachShadow({ mode: 'closed' }); closed.innerHTML = '<slot></slot><a id="c" href="/">c</a>';`);
  same(page.query('link'), ['x', 'y', 's']);
  same(page.aria.queryAllByRole(page.$('n'), 'link').map((e) => e.id), ['x']);
  same(page.aria.queryAllByRole(page.$('n'), 'navigation').length, 0);
});
test('getByRole for combobox, listbox, textbox, searchbox and spinbutton by label', () => {
  const { query } = newPage('<label for="s">Country</label><select id="s"><option>A</option></select><label>Tags <select id="m" multiple></select></label>' +
    '<input id="t" aria-label="City"><input id="q" type="search" placeholder="Search docs"><label>Qty <input id="n" type="number"></label>');
  same(query('combobox', { name: 'Country' }), ['s']);
  same(query('listbox', { name: 'tags' }), ['m']);
  same(query('textbox', { name: 'City', exact: true }), ['t']);
  same(query('searchbox', { name: 'search' }), ['q']);
  same(query('spinbutton', { name: 'Qty' }), ['n']);
});
test('getByRole region, form, dialog and img by name', () => {
  const { query } = newPage('<section id="a" aria-label="News"></section><section id="b"></section><form id="f" aria-labelledby="fh"><h2 id="fh">Login</h2></form>' +
    '<dialog id="d" open aria-label="Confirm"></dialog><img id="i" alt="Cat" src="c.png">');
  same(query('region'), ['a']);
  same(query('form', { name: 'login' }), ['f']);
  same(query('dialog', { name: 'Confirm' }), ['d']);
  same(query('img', { name: 'cat' }), ['i']);
});
test('a closed dialog is hidden; an open one is not', () => {
  const { query } = newPage('<dialog id="a">x</dialog><dialog id="b" open>y</dialog>');
  same(query('dialog'), ['b']);
  same(query('dialog', { includeHidden: true }), ['a', 'b']);
});

// ---- Playwright's particulars ----------------------------------------------------------------------
test('display: contents is hidden only when none of its children is visible; aria-hidden is case-insensitive', () => {
  const { aria, $ } = newPage('<div id="a" style="display:contents"><span>x</span></div><div id="b" style="display:contents"><span hidden>x</span></div>' +
    '<div id="c" style="display:contents">text</div><p id="d" aria-hidden="TRUE">x</p>');
  same(['a', 'b', 'c', 'd'].map((id) => aria.isHiddenForAria($(id))), [false, true, false, true]);
});
test('aria-disabled="false" on a nearer ancestor with a role stops the search', () => {
  const { query } = newPage('<div role="group" aria-disabled="true"><div role="toolbar" aria-disabled="false"><button id="a">a</button></div>' +
    '<button id="b">b</button></div>');
  same(query('button', { disabled: true }), ['b']);
  same(query('button', { disabled: false }), ['a']);
});
test('aria-expanded other than "true" is false; expanded is refused for roles without it (group)', () => {
  const { query } = newPage('<button id="d" aria-expanded="yes">d</button><details open><summary>s</summary></details>');
  same(query('button', { expanded: false }), ['d']);
  let message = null;
  try { query('group', { expanded: true }); } catch (error) { message = error.message; }
  equal(typeof message === 'string' && message.startsWith('"expanded" attribute is only supported for roles: "application", "button"'), true);
});
test('summary is named from its content; a table falls back to its summary attribute; svg to its title', () => {
  const { aria, $, names } = newPage('<details><summary id="s">More <b>info</b></summary></details><table id="t" summary="Totals"><tr><td>1</td></tr></table>' +
    '<svg id="g"><title>Chart</title></svg>');
  same([aria.accessibleName($('s')), ...names('t', 'g')], ['More info', 'Totals', 'Chart']);
});
test('a select with no selected option gives its first option when embedded; aria-owns brings content in', () => {
  const { names } = newPage('<label for="c">Size <select multiple><option>S</option><option>M</option></select></label><input id="c" type="checkbox">' +
    '<button id="b" aria-owns="extra">Buy</button><span id="extra">now</span>');
  same(names('c', 'b'), ['Size S', 'Buynow']);
});
test('aria-labelledby naming only missing or empty elements falls back to the other steps (an input then skips its labels)', () => {
  const { names } = newPage('<span id="empty"></span><button id="a" aria-labelledby="missing">Text</button><button id="b" aria-labelledby="empty" aria-label="Label">x</button>' +
    '<label for="c">Lbl</label><input id="c" aria-labelledby="empty" title="Tip">');
  same(names('a', 'b', 'c'), ['Text', 'Label', 'Tip']);
});
test('output and input type=image use their labels first', () => {
  const { names } = newPage('<label for="o">Total</label><output id="o">42</output><output id="p" title="Sum">1</output>' +
    '<label for="i">Go there</label><input id="i" type="image" alt="Alt">');
  same(names('o', 'p', 'i'), ['Total', 'Sum', 'Go there']);
});
test('the queried role is lowercased; an empty role throws', () => {
  const { query } = newPage('<button id="a">x</button>');
  same(query('BUTTON'), ['a']);
  let message = null;
  try { query(''); } catch (error) { message = error.message; }
  equal(message, 'Role must not be empty');
});
test('the error for an unsupported state lists the roles sorted and quoted, as Playwright does', () => {
  const { query } = newPage('');
  let message = null;
  try { query('button', { checked: true }); } catch (error) { message = error.message; }
  equal(message, '"checked" attribute is only supported for roles: "checkbox", "menuitemcheckbox", "menuitemradio", "option", "radio", "switch", "treeitem"');
});
test('aria-level must be a whole number of at least 1', () => {
  const { query } = newPage('<div role="heading" id="a" aria-level=" 3 ">a</div><div role="heading" id="b" aria-level="3.5">b</div>' +
    '<div role="heading" id="c" aria-level="0">c</div>');
  same(query('heading', { level: 3 }), ['a']);
  same(query('heading', { level: 0 }), ['b', 'c']);
});
test('aria-checked applies only to roles that support it; option and switch use it', () => {
  const { query } = newPage('<div role="switch" id="a" aria-checked="true">a</div><div role="option" id="b" aria-checked="true">b</div>' +
    '<div role="switch" id="c" aria-checked="TRUE">c</div>');
  same(query('switch', { checked: true }), ['a']);
  same(query('option', { checked: true }), ['b']);
});
test('a hidden element named through aria-labelledby keeps its hidden descendants; a visible target drops its hidden ones', () => {
  const { names } = newPage('<div id="v">Shown <span hidden>secret</span></div><button id="a" aria-labelledby="v">x</button>' +
    '<div id="h" style="display:none">All <span>of it</span></div><button id="b" aria-labelledby="h">x</button>');
  same(names('a', 'b'), ['Shown', 'All of it']);
});

run();
