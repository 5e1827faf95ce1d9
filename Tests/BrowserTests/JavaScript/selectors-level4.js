// Selectors Level 4 cases of our own (from the specification's examples and HTML's pseudo-class
// definitions), plus css-syntax tokens: :is/:where/:not(list)/:has, An+B and `of S`, case flags,
// quirks mode, namespaces, escapes, form and user-action pseudo-classes with a state object,
// shadow trees, specificity, and invalid selectors. Prints the count and every failure.
// Run: node Tests/BrowserTests/JavaScript/selectors-level4.js
'use strict';
const t = require('./selectors-support.js');
const { selectors, runtime, S } = t;

let passed = 0;
const failures = [];
const check = (name, actual, expected) => {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) passed++;
  else failures.push(`${name}: expected ${e}, got ${a}`);
};
const throws = (selector) => {
  try {
    selectors.compile(selector);
    return false;
  } catch (error) {
    return error instanceof t.FakeDOMException && error.name === 'SyntaxError';
  }
};

const doc = t.parseHTML(`<!DOCTYPE html>
<html id="html" lang="en"><head><title>t</title></head><body id="body">
<div id="d1" class="box"><p id="p1" class="x">one</p><p id="p2" class="y">two</p><span id="s1"></span></div>
<div id="d2" class="box"><span id="s2"><p id="p3">deep</p></span></div>
<section id="sec"><h1 id="h1">T</h1><p id="p4">after h1</p><h2 id="h2">U</h2><p id="p5">after h2</p><aside id="as"></aside><p id="late" class="late"></p></section>
<ul id="list"><li id="l1" class="imp"></li><li id="l2"></li><li id="l3" class="imp"></li><li id="l4" class="imp"></li><li id="l5"></li><li id="l6" class="imp"></li></ul>
<div id="attrs"><a id="a1" data-x="ABC" type="TEXT" lang="en-US"></a><a id="a2" data-x="abc" type="text" lang="de-CH"></a><a id="a3" data-x="aBc" lang="fr-CH"></a></div>
<div id="esc"><span id="123"></span><span id="e2" class="a:b"></span><span id="e3" class="a.b"></span></div>
<form id="f1">
  <input id="i-text" type="text" required>
  <input id="i-filled" type="text" value="hi" required>
  <input id="i-pattern" type="text" value="abc" pattern="[0-9]+">
  <input id="i-pattern-ok" type="text" value="123" pattern="[0-9]+">
  <input id="i-email" type="email" value="not-an-email">
  <input id="i-email-ok" type="email" value="a@b.example">
  <input id="i-num" type="number" value="15" min="1" max="10">
  <input id="i-num-ok" type="number" value="5" min="1" max="10">
  <input id="i-ro" type="text" readonly>
  <input id="i-ph" type="text" placeholder="name">
  <input id="i-ph-filled" type="text" placeholder="name" value="x">
  <input id="r1" type="radio" name="g">
  <input id="r2" type="radio" name="g">
  <input id="r3" type="radio" name="h" checked>
  <input id="c1" type="checkbox" checked>
  <select id="sel"><option id="o1">A</option><option id="o2">B</option></select>
  <fieldset id="fs" disabled><legend id="lg"><input id="in-legend"></legend><input id="in-fs"></fieldset>
  <textarea id="ta"></textarea>
  <button id="b1">Go</button><button id="b2" type="submit">Again</button>
</form>
<div id="rtl" dir="rtl"><span id="rtl-child"></span></div><div id="auto" dir="auto">\u05e9\u05dc\u05d5\u05dd</div>
<div id="editable" contenteditable=""><span id="in-editable"></span></div>
<my-widget id="custom"></my-widget>
</body></html>`);
const body = t.byId(doc, 'body');
const qsa = (selector, root = doc) => t.ids(selectors.querySelectorAll(root, selector));
const $ = (id) => t.byId(doc, id);

// :is, :where, :not(list), :has (Selectors 4 §4, §4.5)
check(':is(h1, h2) + p', qsa(':is(h1, h2) + p'), ['p4', 'p5']);
check(':where(.x, .y)', qsa(':where(.x, .y)'), ['p1', 'p2']);
check(':is forgiving', qsa(':is(p.x, :unknown-thing, ])'), ['p1']);
check('p:not(.x, .y)', qsa('#d1 p:not(.x, .y), #sec p:not(.late)'), ['p4', 'p5']);
check(':not(complex)', qsa('p:not(div p)'), ['p4', 'p5', 'late']);
check('div:has(> p)', qsa('div:has(> p)'), ['d1']);
check('div:has(p)', qsa('div:has(p)'), ['d1', 'd2']);
check('div:has(span p)', qsa('div:has(span p)'), ['d2']);
check('h1:has(+ p)', qsa('h1:has(+ p)'), ['h1']);
check('h2:has(~ .late)', qsa('h2:has(~ .late)'), ['h2']);
check(':has(+ aside)', qsa(':has(+ aside)'), ['p5']);
check('section:has(> h1 + p)', qsa('section:has(> h1 + p)'), ['sec']);
check(':not(:has(p))', qsa('#d1, #d2, #sec', doc).length, 3);
check('body > :not(:has(p))', qsa('body > div:not(:has(p))'), ['attrs', 'esc', 'rtl', 'auto', 'editable']);

// An+B and `of S` (§14.4)
check('odd', qsa('#list li:nth-child(odd)'), ['l1', 'l3', 'l5']);
check('even', qsa('#list li:nth-child(even)'), ['l2', 'l4', 'l6']);
check('-n+3', qsa('#list li:nth-child(-n+3)'), ['l1', 'l2', 'l3']);
check('2n - 1 spaced', qsa('#list li:nth-child( 2n - 1 )'), ['l1', 'l3', 'l5']);
check('+3', qsa('#list li:nth-child(+3)'), ['l3']);
check('N case', qsa('#list li:nth-child(2N+0)'), ['l2', 'l4', 'l6']);
check('n- 1', qsa('#list li:nth-child(3n- 1)'), ['l2', 'l5']);
check('-n-', qsa('#list li:nth-child(-n-1)'), []);
check('0n+4', qsa('#list li:nth-child(0n+4)'), ['l4']);
check('of S', qsa('#list li:nth-child(2 of .imp)'), ['l3']);
check('even of S', qsa('#list li:nth-child(even of .imp)'), ['l3', 'l6']);
check('last of S', qsa('#list li:nth-last-child(1 of .imp)'), ['l6']);
check('nth-last-child(-n+2)', qsa('#list li:nth-last-child(-n+2)'), ['l5', 'l6']);
check('nth-of-type', qsa('#sec p:nth-of-type(2)'), ['p5']);
check('nth-last-of-type', qsa('#sec p:nth-last-of-type(1)'), ['late']);
for (const bad of [':nth-child(2 n)', ':nth-child(+ 2n)', ':nth-child(n-)', ':nth-child(1.5)', ':nth-child()', ':nth-child(2n+)', ':nth-of-type(1 of p)', ':nth-child(n of)']) {
  check(`invalid ${bad}`, throws(bad), true);
}

// Attribute case flags and HTML's case-insensitive attribute values (HTML §4.16.2)
check('[data-x=abc i]', qsa('[data-x="abc" i]'), ['a1', 'a2', 'a3']);
check('[data-x=abc s]', qsa('[data-x="abc" s]'), ['a2']);
check('[data-x=abc]', qsa('[data-x=abc]'), ['a2']);
check('[type=text] is case-insensitive', qsa('#attrs [type=text]'), ['a1', 'a2']);
check('[type=text s]', qsa('#attrs [type=text s]'), ['a2']);
check('[DATA-X] name', qsa('[DATA-X^=a]'), ['a2', 'a3']);
check('[lang|=EN i]', qsa('[lang|=EN i]'), ['html', 'a1']);
check('[data-x*=B i]', qsa('[data-x*=B i]'), ['a1', 'a2', 'a3']);
check('[data-x$=""]', qsa('[data-x$=""]'), []);
check('[data-x~="a b"]', qsa('[data-x~="a b"]'), []);
check('invalid flag', throws('[a=b x]'), true);

// Escapes (CSS Syntax §4.3.7)
check('#\\31 23', qsa('#\\31 23'), ['123']);
check('.a\\:b', qsa('.a\\:b'), ['e2']);
check('.a\\.b', qsa('.a\\2e b'), ['e3']);
check('comment', qsa('#esc/* c */>span:first-child'), ['123']);

// :lang(), :dir()
check(':lang(en)', qsa('#attrs :lang(en)'), ['a1']);
check(':lang("*-CH")', qsa('#attrs :lang("*-CH")'), ['a2', 'a3']);
check(':lang(de, fr)', qsa('#attrs :lang(de, fr)'), ['a2', 'a3']);
check(':dir(rtl)', qsa(':dir(rtl)'), ['rtl', 'rtl-child', 'auto']);
check(':dir(ltr) on html', selectors.matches(t.byId(doc, 'html'), ':dir(ltr)'), true);

// Forms (HTML §4.16.3), from attributes
check(':checked', qsa('#f1 :checked'), ['r3', 'c1', 'o1']);
check(':indeterminate', qsa('#f1 :indeterminate'), ['r1', 'r2']);
check(':default', qsa('#f1 :default'), ['r3', 'c1', 'b1']);
check(':disabled', qsa('#f1 :disabled'), ['fs', 'in-fs']);
check(':enabled includes legend input', selectors.matches($('in-legend'), ':enabled'), true);
check(':required', qsa('#f1 :required'), ['i-text', 'i-filled']);
check(':optional count', qsa('#f1 input:optional').length, 15);
check(':read-write', qsa('body :read-write'), ['i-text', 'i-filled', 'i-pattern', 'i-pattern-ok', 'i-email', 'i-email-ok', 'i-num', 'i-num-ok', 'i-ph', 'i-ph-filled', 'in-legend', 'ta', 'editable', 'in-editable']);
check(':read-only', selectors.matches($('i-ro'), ':read-only'), true);
check(':placeholder-shown', qsa(':placeholder-shown'), ['i-ph']);
check(':invalid', qsa('#f1 :invalid'), ['i-text', 'i-pattern', 'i-email', 'i-num']);
check(':valid includes ok ones', qsa('#i-filled:valid, #i-pattern-ok:valid, #i-email-ok:valid, #i-num-ok:valid, #sel:valid, #b1:valid'), ['i-filled', 'i-pattern-ok', 'i-email-ok', 'i-num-ok', 'sel', 'b1']);
check('form:invalid', qsa('form:invalid'), ['f1']);
check(':defined', qsa('#custom:defined, p:defined'), ['p1', 'p2', 'p3', 'p4', 'p5', 'late']);

// User-action pseudo-classes through a state object
const focusWithin = selectors.compile(':focus-within');
const focused = $('i-text');
check(':focus-within', t.descendants(doc).filter((e) => selectors.matchElement(focusWithin, e, { focused })).map((e) => t.getAttribute(e, 'id')), ['html', 'body', 'f1', 'i-text']);
check(':focus', selectors.matchElement(selectors.compile('input:focus'), focused, { focused }), true);
check(':focus without state', qsa(':focus'), []);
check(':focus-visible text input', selectors.matchElement(selectors.compile(':focus-visible'), focused, { focused }), true);
check(':focus-visible button', selectors.matchElement(selectors.compile(':focus-visible'), $('b1'), { focused: $('b1') }), false);
check(':hover ancestors', selectors.matchElement(selectors.compile('form:hover'), $('f1'), { hovered: $('b1') }), true);
check(':active', selectors.matchElement(selectors.compile('button:active'), $('b2'), { active: $('b1') }), false);
check(':target from state', selectors.matchElement(selectors.compile(':target'), $('sec'), { target: $('sec') }), true);

// :scope
check(':scope > li', qsa(':scope > li:first-child', $('list')), ['l1']);
// With a document as scoping root, :scope is its document element (as Blink does).
check(':scope > body from document', qsa(':scope > body'), ['body']);
check(':scope from document', qsa(':scope'), ['html']);
check(':is() is forgiving', qsa(':is(::before)'), []);
check('matches :scope', selectors.matches($('p1'), ':scope.x'), true);
check('closest', t.getAttribute(selectors.closest($('p3'), 'div') || {}, 'id'), 'd2');
check('closest self', t.getAttribute(selectors.closest($('p3'), 'p'), 'id'), 'p3');
check('closest none', selectors.closest($('p3'), 'table'), null);
check('querySelector', t.getAttribute(selectors.querySelector(doc, 'li.imp ~ li.imp'), 'id'), 'l3');

// Pseudo-elements parse and match nothing in querySelector (DOM §1.3 "scope-match")
check('p::before', qsa('p::before'), []);
check('p:first-line', qsa('p:first-line'), []);
check('::slotted', qsa('::slotted(p)'), []);
check('::before:hover', qsa('p::before:hover'), []);
for (const bad of ['::before p', ':not(::before)', 'p::before.x', ':has(:has(p))', '::slotted(p) span', 'p::nope', ':lang()', ':dir()', 'a|b', '*|', '[*=a]', '[a=b c]', ':host(p q)', '#1a', 'p:nth-child', ':not()', ':has()']) {
  check(`invalid ${JSON.stringify(bad)}`, throws(bad), true);
}

// Namespaces (a stylesheet's @namespace, through compile's second argument)
const svg = t.append(body, t.makeElement(doc, S.SVG_NS, 'svg', [['id', 'svg1']]));
const rect = t.append(svg, t.makeElement(doc, S.SVG_NS, 'foreignObject', [['id', 'fo']]));
check('type selector case on SVG', qsa('foreignObject'), ['fo']);
check('type selector lowercase misses SVG camel case', qsa('foreignobject'), []);
check('HTML type selector ASCII case-insensitive', qsa('SECTION'), ['sec']);
const namespaces = { default: undefined, prefixes: new Map([['svg', S.SVG_NS], ['h', S.HTML_NS]]) };
check('svg|*', selectors.matchElement(selectors.compile('svg|*', namespaces), rect), true);
check('h|svg', selectors.matchElement(selectors.compile('h|svg', namespaces), svg), false);
check('default namespace', selectors.matchElement(selectors.compile('svg', { default: S.HTML_NS, prefixes: new Map() }), svg), false);
check('undeclared ns', throws('svg|rect'), true);

// Quirks mode: ids and classes ASCII case-insensitive
const quirks = t.parseHTML('<html><body><p id="Q" class="Foo"></p></body></html>', { mode: 'quirks' });
check('quirks class', t.ids(selectors.querySelectorAll(quirks, '.foo')), ['Q']);
check('quirks id', t.ids(selectors.querySelectorAll(quirks, '#q')), ['Q']);
check('no-quirks class', qsa('.BOX'), []);

// Shadow trees: :host and :host() as seen from the shadow tree's own stylesheet
const host = $('d2');
const shadow = t.attachShadow(host);
const inner = t.append(shadow, t.makeElement(doc, t.HTML_NS, 'p', [['id', 'in-shadow']]));
check(':host > p from shadow root', t.ids(selectors.querySelectorAll(shadow, ':host > p')), ['in-shadow']);
check(':host(.box) p', t.ids(selectors.querySelectorAll(shadow, ':host(.box) p')), ['in-shadow']);
check(':host(.nope) p', t.ids(selectors.querySelectorAll(shadow, ':host(.nope) p')), []);
check('div p does not cross', t.ids(selectors.querySelectorAll(shadow, 'div p')), []);
check(':host with state', selectors.matchElement(selectors.compile(':host'), host, { shadowRoot: shadow }), true);
check('document query skips shadow', qsa('#in-shadow'), []);
void inner;

// Specificity (§17)
const spec = (selector) => selectors.specificity(selectors.compile(selector));
check('#a .b c', spec('#a .b c'), [[1, 1, 1]]);
check(':is(#a, .b)', spec(':is(#a, .b)'), [[1, 0, 0]]);
check(':where(#a) p', spec(':where(#a) p'), [[0, 0, 1]]);
check(':not(.a, #b)', spec(':not(.a, #b)'), [[1, 0, 0]]);
check('li:nth-child(2 of #x)', spec('li:nth-child(2 of #x)'), [[1, 1, 1]]);
check('p::before', spec('p::before'), [[0, 0, 2]]);
check('list', spec('a, #b'), [[0, 0, 1], [1, 0, 0]]);
check('matchingSpecificity', selectors.matchingSpecificity(selectors.compile('p, #p1, .x'), $('p1')), 1 << 20);

// Results are not cached: a mutation is seen by the next query (the index follows VERSION).
check('before mutation', qsa('#list .imp').length, 4);
check('again (index)', qsa('#list .imp').length, 4);
t.setAttribute($('l2'), 'class', 'imp');
check('after attribute change', qsa('#list .imp').length, 5);
check('after attribute change (index)', qsa('#list .imp').length, 5);
t.remove($('l1'));
check('after removal', qsa('#list li:first-child'), ['l2']);
check('after removal (index)', qsa('#list li:first-child'), ['l2']);

// css-syntax tokens (CSS Syntax §4)
const { tokenize } = runtime['css-syntax'];
const brief = (text) => tokenize(text).map((token) => [token.type, token.value === undefined ? null : token.value]);
check('tokens', brief('a#b .c:d(2n+1)'), [['ident', 'a'], ['hash', 'b'], ['whitespace', null], ['delim', '.'], ['ident', 'c'], ['colon', null], ['function', 'd'], ['dimension', 2], ['number', 1], [')', null]]);
check('hash flag', tokenize('#1a #a1').filter((x) => x.type === 'hash').map((x) => x.typeFlag), ['unrestricted', 'id']);
check('url', brief('url( a b )url(x)url("y")'), [['bad-url', null], ['url', 'x'], ['function', 'url'], ['string', 'y'], [')', null]]);
check('escape', brief('\\31 23 \\0 x'), [['ident', '123'], ['whitespace', null], ['ident', '\ufffdx']]);
check('numbers', tokenize('+.5 -3e2 7%').filter((x) => x.type !== 'whitespace').map((x) => [x.type, x.value, x.typeFlag || null, x.signCharacter]), [['number', 0.5, 'number', '+'], ['number', -300, 'number', '-'], ['percentage', 7, 'integer', '']]);
check('CDO CDC', brief('<!-- -->').map((x) => x[0]), ['CDO', 'whitespace', 'CDC']);
check('bad string', brief('"a\nb"').map((x) => x[0]), ['bad-string', 'whitespace', 'ident', 'string']);
check('preprocess', brief('a\r\nb\fc').map((x) => x[0]), ['ident', 'whitespace', 'ident', 'whitespace', 'ident']);

// Hooks for state the DOM keeps outside the slots (last: they stay configured).
const idl = new Map([[$('c1'), false], [$('r1'), true]]);
selectors.configure({
  checkedness: (input) => (idl.has(input) ? idl.get(input) : t.getAttribute(input, 'checked') !== null),
  value: (control) => (control === $('i-text') ? 'typed' : t.getAttribute(control, 'value') || ''),
  indeterminate: (checkbox) => checkbox === $('c1'),
  state: () => ({ focused: $('ta') }),
});
check('hooked :checked', qsa('#f1 input:checked'), ['r1', 'r3']);
check('hooked :indeterminate', qsa('#f1 :indeterminate'), ['c1']);
check('hooked value makes required valid', selectors.matches($('i-text'), ':valid'), true);
check('hooked state gives :focus', qsa(':focus'), ['ta']);

console.log(`selectors-level4: ${passed}/${passed + failures.length} passed`);
for (const failure of failures) console.log(`FAIL ${failure}`);
process.exitCode = failures.length === 0 ? 0 : 1;
