// Tests of the selector engine inside Caper's DOM runtime (loaded as a page realm loads it, with
// dom-harness.js): form and focus state come from elements.js (what script set, not only the
// attributes), HTML-ness from the DOM's own notion of the document's type, and the candidate
// index follows tree mutations, id and class changes. Run: node selectors-dom.js — prints each
// failure, then the passed and failed counts; the exit code is non-zero when any test failed.
'use strict';
const { loadRuntime, simpleMarkupBatch, testHost } = require('./dom-harness.js');

const results = { passed: 0, failed: 0, failures: [] };
const test = (name, body) => {
  try {
    body();
    results.passed++;
  } catch (error) {
    results.failed++;
    results.failures.push(`${name}: ${error && error.stack ? error.stack.split('\n').slice(0, 3).join('\n    ') : error}`);
  }
};
const equal = (actual, expected, message = '') => {
  if (!Object.is(actual, expected)) throw new Error(`${message} expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
};

const runtime = loadRuntime(testHost());
if (runtime.selectorsError) throw runtime.selectorsError;
const { nodes } = runtime;
const { createParseSession, applyBatch } = runtime['tree-operations'];
const newDocument = (body) => {
  const document = nodes.createDocument({ type: 'html', url: 'https://example.com/form.html' });
  const [operations, text] = simpleMarkupBatch(`<!doctype html><html><head></head><body>${body}</body></html>`, { document: true });
  applyBatch(createParseSession(document), operations, text);
  return document;
};
/// The ids of the elements `selector` matches in `root`, in tree order, comma-separated.
const ids = (root, selector) => Array.from(root.querySelectorAll(selector), (element) => element.id).join();
/// `ids`, asked six times: the first queries at a tree version walk the tree, the later ones use
/// the document index (built by the fourth); all must agree.
const stable = (root, selector) => {
  const first = ids(root, selector);
  for (let i = 1; i < 6; i++) equal(ids(root, selector), first, `${selector} (query ${i + 1} at one tree version):`);
  return first;
};

test(':checked follows input.checked set by script, radio groups included', () => {
  const document = newDocument('<input type="checkbox" id="a" checked><input type="checkbox" id="b">' +
    '<input type="radio" name="r" id="r1" checked><input type="radio" name="r" id="r2">');
  equal(ids(document, ':checked'), 'a,r1');
  document.getElementById('a').checked = false;
  document.getElementById('b').checked = true;
  document.getElementById('r2').checked = true;
  equal(ids(document, ':checked'), 'b,r2', 'after script set checked');
  equal(document.getElementById('a').matches(':checked'), false, 'matches()');
  equal(ids(document, ':default'), 'a,r1', ':default still follows the checked attribute');
  equal(ids(document, 'input:not(:checked)'), 'a,r1');
});

test('option.selected and selectedIndex set by script move :checked', () => {
  const document = newDocument('<select id="s"><option id="o1">1</option><option id="o2" selected>2</option><option id="o3">3</option></select>' +
    '<select id="m" multiple><option id="m1">1</option><option id="m2">2</option></select>');
  equal(ids(document, 'option:checked'), 'o2');
  document.getElementById('o3').selected = true;
  document.getElementById('m1').selected = true;
  equal(ids(document, 'option:checked'), 'o3,m1');
  document.getElementById('s').selectedIndex = 0;
  equal(ids(document, ':checked'), 'o1,m1');
  equal(ids(document, 'option:default'), 'o2', ':default follows the selected attribute');
});

test(':indeterminate follows input.indeterminate', () => {
  const document = newDocument('<input type="checkbox" id="c"><input type="radio" name="g" id="r"><progress id="p"></progress>');
  equal(ids(document, ':indeterminate'), 'r,p');
  document.getElementById('c').indeterminate = true;
  equal(ids(document, ':indeterminate'), 'c,r,p');
  document.getElementById('r').checked = true;
  document.getElementById('c').indeterminate = false;
  equal(ids(document, ':indeterminate'), 'p');
});

test(':placeholder-shown, :valid and :invalid follow the value IDL attribute', () => {
  const document = newDocument('<form id="f"><input id="i" placeholder="name" required><textarea id="t" placeholder="note" required></textarea>' +
    '<input id="e" type="email" value="a@example.com"></form>');
  equal(ids(document, ':placeholder-shown'), 'i,t');
  equal(ids(document, ':invalid'), 'f,i,t');
  const input = document.getElementById('i');
  input.value = 'Ada';
  document.getElementById('t').value = 'typed';
  equal(ids(document, ':placeholder-shown'), '', 'after script set the values');
  equal(ids(document, ':valid'), 'f,i,t,e');
  equal(input.getAttribute('value'), null, 'the attribute is untouched');
  document.getElementById('e').value = 'not an address';
  equal(ids(document, ':invalid'), 'f,e');
  input.value = '';
  equal(ids(document, 'input:placeholder-shown'), 'i');
});

test(':focus, :focus-within and :focus-visible follow focus() and blur()', () => {
  const document = newDocument('<div id="d"><input id="i"><a id="a" href="#x">x</a></div>');
  equal(ids(document, ':focus'), '');
  document.getElementById('i').focus();
  equal(ids(document, ':focus'), 'i');
  equal(ids(document, ':focus-within'), ',,d,i', 'html, body, the div and the input');
  equal(ids(document, ':focus-visible'), 'i', 'a text field shows its focus');
  document.getElementById('a').focus();
  equal(ids(document, ':focus'), 'a');
  equal(ids(document, ':focus-visible'), '', 'a link focused does not');
  document.getElementById('a').blur();
  equal(ids(document, ':focus, :focus-within'), '');
  const input = document.getElementById('i');
  input.focus();
  input.remove();
  equal(input.matches(':focus'), false, 'an element out of the document is not the focused area');
});

test('HTML-ness is the DOM document type, not the content type', () => {
  // A document whose content type and type disagree: the DOM's notion (type) decides.
  const xml = nodes.createDocument({ type: 'xml', contentType: 'text/html' });
  const root = xml.createElementNS('http://www.w3.org/1999/xhtml', 'div');
  root.setAttribute('type', 'Text');
  xml.appendChild(root);
  const child = xml.createElementNS('http://www.w3.org/1999/xhtml', 'DIV');
  root.appendChild(child);
  equal(xml.querySelectorAll('DIV').length, 1, 'type selectors are case-sensitive in an XML document');
  equal(xml.querySelector('DIV'), child);
  equal(xml.querySelectorAll('[type=text]').length, 0, 'attribute values are case-sensitive in an XML document');
  const html = nodes.createDocument({ type: 'html', contentType: 'application/xhtml+xml' });
  const div = html.createElement('div');
  div.setAttribute('type', 'Text');
  html.appendChild(div);
  equal(html.querySelectorAll('DIV').length, 1, 'an HTML document matches HTML elements ASCII case-insensitively');
  equal(html.querySelectorAll('[type=text]').length, 1, 'and the type attribute ASCII case-insensitively');
  const viaImplementation = newDocument('').implementation.createDocument(null, 'root', null);
  equal(viaImplementation.querySelectorAll('ROOT').length, 0, 'DOMImplementation.createDocument makes an XML document');
});

test('the candidate index follows tree mutations and id and class changes', () => {
  const document = newDocument('<ul id="u"><li id="l1" class="x">1</li><li id="l2">2</li></ul>');
  equal(stable(document, 'li.x'), 'l1');
  document.getElementById('l2').className = 'x';
  equal(stable(document, 'li.x'), 'l1,l2', 'a class change');
  equal(stable(document, 'li.x'), 'l1,l2');
  const li = document.createElement('li');
  li.id = 'l0';
  li.className = 'x';
  document.getElementById('u').prepend(li);
  equal(stable(document, 'li.x'), 'l0,l1,l2', 'an insertion');
  equal(stable(document, 'li:first-child'), 'l0');
  equal(stable(document, 'li:nth-child(2n+1)'), 'l0,l2');
  equal(stable(document, '#l0'), 'l0');
  li.id = 'renamed';
  equal(stable(document, '#l0'), '', 'an id change');
  equal(stable(document, '#renamed'), 'renamed');
  document.getElementById('l1').remove();
  equal(stable(document, 'ul > li'), 'renamed,l2', 'a removal');
  equal(stable(document, 'li:nth-child(2)'), 'l2');
  // Other attribute changes keep the index and are still seen by the full test.
  document.body.setAttribute('data-round', '1');
  equal(stable(document, 'li[title]'), '');
  document.getElementById('l2').title = 'two';
  equal(stable(document, 'li[title]'), 'l2');
  equal(stable(document, 'body[data-round="1"] li[title=two]'), 'l2');
});

test('a query over the document index finds what matches() finds, element by element', () => {
  // (simpleMarkupBatch implies no end tags: they are all written.)
  const document = newDocument('<div id="top" class="menu mainmenu"><ul><li><a href="a.html" id="x">a</a></li><li class="Two"><a href="#b">b</a></li>' +
    '<li><a href="c.HTML" lang="en-GB">c</a></li><li><i>4</i><b>5</b></li></ul></div><form><select id="searchtype"><option value="d">d</option>' +
    '<option value="e" selected>e</option></select><input type="TEXT" name="q" required><input type=checkbox checked></form>' +
    '<p><small><a id="n" href="x">n</a></small> text <b>b</b><i></i></p><svg><g class="menu"><text>t</text></g></svg>' +
    '<table><tbody><tr><td>1</td><td>2</td></tr><tr><td></td></tr></tbody></table>');
  document.getElementsByTagName('input')[1].checked = false;
  const all = Array.from(document.querySelectorAll('*'));
  const selectors = ['a', 'li > a[href$=".html"]', 'a[href*="#"]', '#searchbox', 'div.menu.mainmenu ul li a', 'ul li:nth-child(2n+1) a',
    'li:first-child', 'select#searchtype option[value="d"]', 'p small a[id]', 'form input[type=text]', 'LI', '.two', '.Two', '[class~=menu]',
    'li + li', 'li ~ li > a', 'li:nth-child(even)', 'ul > :nth-child(3n+1) > *', 'i + b', 'td ~ td', 'tr:first-child td', 'a:not([href$=html i])', 'p > :first-child', ':nth-child(2 of li)', 'li:nth-last-child(1)', ':root > body',
    'div :is(b, i, a[lang|=en])', 'p:has(> small)', 'g.menu text', '|g', '*|text', ':checked', 'input:invalid', 'td:empty, td:last-child',
    'body > *:not(div) *', '[ID=x]', '[id=X]', '#x', 'html > head + body form > select > option + option:checked'];
  for (const selector of selectors) {
    const expected = all.filter((element) => element.matches(selector)).map((element) => all.indexOf(element)).join();
    for (let round = 0; round < 5; round++) {
      const found = Array.from(document.querySelectorAll(selector), (element) => all.indexOf(element)).join();
      equal(found, expected, `${selector} (query ${round + 1}):`);
      const one = document.querySelector(selector);
      equal(one === null ? '' : String(all.indexOf(one)), expected.split(',')[0], `${selector} querySelector:`);
    }
  }
  // The same in quirks mode, where ids and classes compare ASCII case-insensitively.
  document.body.setAttribute('data-mode', 'quirks');
  document[runtime.internals.MODE] = 'quirks';
  for (const selector of ['.two', '#X', 'li.TWO > a', '[id=X]']) {
    const expected = all.filter((element) => element.matches(selector)).map((element) => all.indexOf(element)).join();
    for (let round = 0; round < 3; round++) equal(Array.from(document.querySelectorAll(selector), (element) => all.indexOf(element)).join(), expected, `quirks ${selector}:`);
  }
});

for (const failure of results.failures) console.log(`FAIL ${failure}`);
console.log(`selectors-dom: ${results.passed} passed, ${results.failed} failed`);
if (results.failed > 0) process.exitCode = 1;
