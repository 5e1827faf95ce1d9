// Tests of Playwright's selector engine (Sources/Browser/JavaScript/playwright/selector-engine.js),
// loaded into a vm realm as a page realm loads it (after the DOM runtime, the selector engine and
// the cascade), with documents built by `simpleMarkupBatch` and shadow trees attached from script.
// Expected results follow Playwright's documentation ("Other locators") and its injected script.
// Run: node playwright-selectors-tests.js — prints each failure, then the passed and failed
// counts; the exit code is non-zero when any test failed.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
// aria.js (the role engine's roles and names) reads slot assignment: the DOM files up to slots.js.
process.env.DOM_FILES ??= 'safe-array-iterator,dom-exception,events,nodes,collections,tree-operations,serialization,css-style-declaration,' +
  'elements,traversal,window,mutation-observer,custom-elements,slots';
const { loadRuntime, simpleMarkupBatch, testHost, testCases } = require('./dom-harness.js');

const { test, equal, run } = testCases();
function same(actual, expected, message = '') { equal(JSON.stringify(actual), JSON.stringify(expected), message); }

const sources = path.resolve(__dirname, '../../../Sources/Browser/JavaScript');
const engineSource = fs.readFileSync(path.join(sources, 'playwright/selector-engine.js'), 'utf8');
const ariaSource = fs.readFileSync(path.join(sources, 'playwright/aria.js'), 'utf8');
const xpathSource = fs.readFileSync(path.join(sources, 'dom/xpath.js'), 'utf8');

/**
 * A page realm (a vm context) with the DOM, selectors, cascade, aria.js and the Playwright selector engine,
 * `markup` as its document; `script` (run in the page) may attach shadow trees. `all(selector,
 * root?)` names the matches (`#id`, else the local name), `engine` is the module's exports.
 */
function newPage(markup, script = '') {
  const context = vm.createContext({});
  const host = testHost();
  const runtime = loadRuntime(host, { context });
  if (runtime.selectorsError) throw runtime.selectorsError;
  runtime.xpath = vm.runInContext(xpathSource, context, { filename: 'xpath.js' })(Object.freeze({ ...host }), runtime);
  runtime.aria = vm.runInContext(ariaSource, context, { filename: 'aria.js' })(Object.freeze({ ...host }), runtime);
  runtime['selector-engine'] = vm.runInContext(engineSource, context, { filename: 'selector-engine.js' })(Object.freeze({ ...host }), runtime);
  const document = runtime.nodes.createDocument({ type: 'html', url: 'https://example.com/page.html' });
  const [operations, text] = simpleMarkupBatch(markup, { document: true });
  runtime['tree-operations'].applyBatch(runtime['tree-operations'].createParseSession(document), operations, text);
  runtime.window.createWindow(vm.runInContext('globalThis', context), document);
  const page = (code) => vm.runInContext(code, context);
  if (script) page(script);
  const engine = runtime['selector-engine'];
  const name = (element) => (element.id ? `#${element.id}` : element.localName);
  const all = (selector, root = document) => engine.querySelectorAll(root, selector).map(name);
  const error = (selector) => {
    try { engine.querySelectorAll(document, selector); } catch (caught) { return caught instanceof page('Error') ? caught.message : `not an Error: ${caught}`; }
    return 'nothing thrown';
  };
  return { page, engine, document, all, error, runtime };
}

const fixture = `<!doctype html><html><head><title>Title words</title><style>
  .gone { display: none }
  .invisible { visibility: hidden }
  .contents { display: contents }
</style></head><body>
<div id="main">
  <h1 id="heading" data-testid="heading">Welcome  to
     Caper</h1>
  <p id="intro">Hello <b id="brave">brave</b> world</p>
  <ul id="list"><li id="li1">One</li><li id="li2">Two</li><li id="li3">Three</li><li id="li4">Four</li></ul>
  <button id="save" data-test-id="save-button">Save</button>
  <input type="submit" value="Send it" id="send">
  <div id="host"><span id="slotted">Light child</span></div>
  <div id="closed-host"></div>
  <span id="empty"></span>
  <div class="gone"><span id="in-gone">gone</span></div>
  <span class="invisible" id="hidden-span">hidden</span>
  <div class="contents" id="contents"><i id="in-contents">c</i></div>
  <div class="contents" id="empty-contents"></div>
  <details id="details"><summary id="summary">More</summary><p id="in-details">Details body</p></details>
  <section id="section" data-test="sec"><article id="article"><p id="nested">Nested <em id="em">text</em></p></article></section>
  <span id="nbsp">non&nbsp;breaking</span>
  <span id="arrows">a &gt;&gt; b</span>
  <script>var words = "Hello";</script>
</div>
<footer id="footer"><a id="link" href="/x">Link One</a><q id="quoted" title='say "hi"'>say &quot;hi&quot;</q></footer>
</body></html>`;
const shadows = `
  const open = document.getElementById('host').attachShadow({ mode: 'open' });
  open.innerHTML = '<span id="s1" class="shadow-item">Shadow One</span><div id="s-div"><p id="s2">Inner words</p></div>';
  const closed = document.getElementById('closed-host').attachShadow({ mode: 'closed' });
  closed.innerHTML = '<span id="c1" class="closed-item">Closed words</span>';`;
let shared = null;
const sharedPage = () => (shared ??= newPage(fixture, shadows));

// ---- CSS ------------------------------------------------------------------------------------------
test('CSS selects in document order', () => {
  const { all } = sharedPage();
  same(all('li'), ['#li1', '#li2', '#li3', '#li4']);
  same(all('#main > h1, footer a'), ['#heading', '#link']);
  same(all('css=ul li:nth-child(2)'), ['#li2']);
});
test('a selector list has no duplicates and keeps tree order', () => {
  const { all } = sharedPage();
  same(all('#li3, li, .none, #li1'), ['#li1', '#li2', '#li3', '#li4']);
});
test('descendant combinators pierce open shadow roots', () => {
  const { all } = sharedPage();
  same(all('#host span'), ['#s1', '#slotted']);
  same(all('#main p'), ['#intro', '#s2', '#in-details', '#nested']);
  same(all('.shadow-item'), ['#s1']);
});
test('child combinators cross from a shadow tree to its host', () => {
  const { all } = sharedPage();
  same(all('#host > span'), ['#s1', '#slotted']);
  same(all('#host > div > p'), ['#s2']);
});
test('closed shadow roots are not pierced', () => {
  const { all } = sharedPage();
  same(all('.closed-item'), []);
  same(all('#closed-host span'), []);
});
test('css:light does not pierce shadow roots', () => {
  const { all } = sharedPage();
  same(all('css:light=#host span'), ['#slotted']);
  same(all('css:light=.shadow-item'), []);
  same(all(':light(#host > span)'), ['#slotted']);
});
test('sibling combinators', () => {
  const { all } = sharedPage();
  same(all('#li1 + li'), ['#li2']);
  same(all('#li2 ~ li'), ['#li3', '#li4']);
  same(all('h1 ~ ul > li:last-child'), ['#li4']);
});
test(':has() is evaluated by Playwright and pierces shadow roots', () => {
  const { all } = sharedPage();
  same(all('ul:has(> li#li2)'), ['#list']);
  same(all('div:has(#s2)'), ['#main', '#host', '#s-div']);
  same(all('section:has(em)'), ['#section']);
  same(all('ul:has(> em)'), []);
});
test(':is(), :where(), :not() with Playwright pseudo-classes inside', () => {
  const { all } = sharedPage();
  same(all('li:not(:has-text("o"))'), ['#li3']);
  same(all(':is(h1, button):visible'), ['#heading', '#save']);
  same(all('li:where(#li4, #li1)'), ['#li1', '#li4']);
});
test(':scope is the root element, or the scope of a chained part', () => {
  const { all, document, engine } = sharedPage();
  same(all(':scope'), ['html']);
  same(all('#list >> :scope > li'), ['#li1', '#li2', '#li3', '#li4']);
  const list = document.getElementById('list');
  same(engine.querySelectorAll(list, ':scope > li:first-child').map((e) => e.id), ['li1']);
});
test('standard selectors pass to the Selectors Level 4 engine', () => {
  const { all } = sharedPage();
  same(all('[data-testid="heading"]'), ['#heading']);
  same(all('input[type=submit i]'), ['#send']);
  same(all('li:nth-last-child(-n+2)'), ['#li3', '#li4']);
});
test('a query below an element excludes the element itself', () => {
  const { all, document } = sharedPage();
  const list = document.getElementById('list');
  same(all('li', list), ['#li1', '#li2', '#li3', '#li4']);
  same(all('ul', list), []);
});
test('a shadow root can be the root of a query', () => {
  const { all, document } = sharedPage();
  same(all('p', document.getElementById('host').shadowRoot), ['#s2']);
  same(all('text=Shadow', document.getElementById('host').shadowRoot), ['#s1']);
});
test(':nth-match picks the nth of the whole query', () => {
  const { all } = sharedPage();
  same(all(':nth-match(li, 3)'), ['#li3']);
  same(all(':nth-match(li, 9)'), []);
});

// ---- Text -----------------------------------------------------------------------------------------
test('text= matches the smallest element containing the text', () => {
  const { all } = sharedPage();
  same(all('text=brave'), ['#brave']);
  same(all('text=Hello brave'), ['#intro']);
  same(all('text=Nested text'), ['#nested']);
});
test('unquoted text is case-insensitive and whitespace-normalised', () => {
  const { all } = sharedPage();
  same(all('text=  welcome TO    caper '), ['#heading']);
  same(all('text=WORLD'), ['#intro']);
});
test('quoted text is exact (after whitespace normalisation), over the directly contained text', () => {
  const { all } = sharedPage();
  same(all('text="Welcome to Caper"'), ['#heading']);
  same(all('text="welcome to caper"'), []);
  same(all('text="Hello"'), ['#intro']);
  same(all("text='Two'"), ['#li2']);
  same(all('text="Tw"'), []);
});
test('quotes and backslashes inside quoted text', () => {
  const { all } = sharedPage();
  same(all('text="say \\"hi\\""'), ['#quoted']);
  same(all("text='say \"hi\"'"), ['#quoted']);
  same(all('text=say "hi"'), ['#quoted']);
  same(all('internal:text="say \\"hi\\""s'), ['#quoted']);
  same(all('footer >> text=say "hi" >> nth=0'), ['#quoted']);
});
test('the scope of a chained text part is itself a candidate', () => {
  const { all } = sharedPage();
  same(all('#li2 >> text=Two'), ['#li2']);
  same(all('#li2 >> css=*'), []);
});
test('a quoted string alone is a text selector', () => {
  const { all } = sharedPage();
  same(all('"Three"'), ['#li3']);
  same(all("'Four'"), ['#li4']);
});
test('text=/regex/flags tests the raw text', () => {
  const { all } = sharedPage();
  same(all('text=/^t(wo|hree)$/i'), ['#li2', '#li3']);
  same(all('text=/^two$/'), []);
  same(all('text=/Welcome\\s+to\\s+Caper/'), ['#heading']);
});
test('no-break spaces are white space for normalisation', () => {
  const { all } = sharedPage();
  same(all('text="non breaking"'), ['#nbsp']);
});
test('text in the head, scripts and styles is not matched', () => {
  const { all } = sharedPage();
  same(all('text=Title words'), []);
  same(all('text=var words'), []);
  same(all('text=display: none'), []);
});
test("a submit or button input's value is its text", () => {
  const { all } = sharedPage();
  same(all('text=Send it'), ['#send']);
  same(all(':text-is("Send it")'), ['#send']);
});
test('text= pierces open shadow roots; text:light= does not', () => {
  const { all } = sharedPage();
  same(all('text=Shadow One'), ['#s1']);
  same(all('text=Inner words'), ['#s2']);
  same(all('text:light=Shadow One'), []);
  same(all('text=Closed words'), []);
});
test(':has-text() matches every element whose text contains it', () => {
  const { all } = sharedPage();
  same(all('li:has-text("t")'), ['#li2', '#li3']);
  same(all('div:has-text("shadow one")'), ['#main', '#host']);
  same(all('script:has-text("words")'), []);
});
test(':text() is the smallest element with the text, case-insensitive', () => {
  const { all } = sharedPage();
  same(all(':text("BRAVE")'), ['#brave']);
  same(all('p:text("hello brave world")'), ['#intro']);
  same(all('div:text("Two")'), []);
});
test(':text-is() compares the directly contained text exactly', () => {
  const { all } = sharedPage();
  same(all(':text-is("Two")'), ['#li2']);
  same(all('li:text-is("two")'), []);
  same(all('p:text-is("world")'), ['#intro']);
});
test(':text-matches() takes a pattern and flags', () => {
  const { all } = sharedPage();
  same(all(':text-matches("^f", "i")'), ['#li4']);
  same(all('a:text-matches("link\\\\s+one", "i")'), ['#link']);
  same(all(':text-matches("^F")'), ['#li4']);
});
test('internal:text and internal:has-text, the getByText and filter({ hasText }) forms', () => {
  const { all } = sharedPage();
  same(all('internal:text="two"i'), ['#li2']);
  same(all('internal:text="Two"s'), ['#li2']);
  same(all('internal:text="two"s'), []);
  same(all('internal:text="Hello brave world"s'), ['#intro']);
  same(all('li >> internal:has-text="t"i'), ['#li2', '#li3']);
  same(all('li >> internal:has-not-text="t"i'), ['#li1', '#li4']);
  same(all('li >> internal:has-text=/^T/'), ['#li2', '#li3']);
});

// ---- Chaining, nth, visible -------------------------------------------------------------------------
test('>> queries each part within the matches of the part before', () => {
  const { all } = sharedPage();
  same(all('#list >> li'), ['#li1', '#li2', '#li3', '#li4']);
  same(all('#main >> text=Two'), ['#li2']);
  same(all('css=ul >> css=li >> text=Three'), ['#li3']);
  same(all('footer >> text=Hello'), []);
  same(all('#host >> css=p'), ['#s2']);
});
test('chained results are in tree order without duplicates when scopes nest', () => {
  const { all } = sharedPage();
  same(all('div >> span'), ['#s1', '#slotted', '#empty', '#in-gone', '#hidden-span', '#nbsp', '#arrows']);
  same(all('div >> p'), ['#intro', '#s2', '#in-details', '#nested']);
});
test('>> inside quotes does not split the selector', () => {
  const { all } = sharedPage();
  same(all('text="a >> b"'), ['#arrows']);
  same(all('span >> text="a >> b"'), ['#arrows']);
  same(all('#main >> text=a >> b'), []);
});
test('nth=N picks one match, counting from 0, negative from the end', () => {
  const { all } = sharedPage();
  same(all('li >> nth=0'), ['#li1']);
  same(all('li >> nth=2'), ['#li3']);
  same(all('li >> nth=-1'), ['#li4']);
  same(all('li >> nth=-2'), ['#li3']);
  same(all('li >> nth=4'), []);
  same(all('li >> nth=-5'), []);
  same(all('#list >> li >> nth=1 >> text=Two'), ['#li2']);
});
test('visible=true and visible=false filter the matches', () => {
  const { all } = sharedPage();
  same(all('#main span >> visible=true'), ['#s1', '#slotted', '#nbsp', '#arrows']);
  same(all('#main span >> visible=false'), ['#empty', '#in-gone', '#hidden-span']);
  same(all('li >> visible=true >> nth=-1'), ['#li4']);
});
test(':visible is the same visibility', () => {
  const { all } = sharedPage();
  same(all('p:visible'), ['#intro', '#s2', '#nested']);
  same(all('#main > div:visible'), ['#host', '#closed-host', '#contents']);
});
test('visibility without layout: display, visibility, empty inline boxes, display: contents, closed details', () => {
  const { document, engine } = sharedPage();
  const visible = (id) => engine.isElementVisible(document.getElementById(id));
  same(['heading', 'empty', 'in-gone', 'hidden-span', 'contents', 'in-contents', 'empty-contents', 'summary', 'in-details', 'send', 'save']
    .map(visible), [true, false, false, false, true, true, false, true, false, true, true]);
  equal(engine.isElementVisible(document.createElement('div')), false, 'detached:');
});
test('visibility follows script changes to styles', () => {
  const { all, page } = newPage(fixture, shadows);
  page(`document.getElementById('li2').style.display = 'none';
    document.getElementById('empty').textContent = 'now text';`);
  same(all('li >> visible=true'), ['#li1', '#li3', '#li4']);
  same(all('#empty:visible'), ['#empty']);
});

// ---- Attribute engines, nested selectors ----------------------------------------------------------------
test('id=, data-testid=, data-test-id=, data-test= match the attribute exactly', () => {
  const { all } = sharedPage();
  same(all('id=list'), ['#list']);
  same(all('data-testid=heading'), ['#heading']);
  same(all('data-test-id=save-button'), ['#save']);
  same(all('data-test=sec'), ['#section']);
  same(all('data-test=se'), []);
  same(all('data-test=sec >> text=text'), ['#em']);
});
test('attribute engines pierce shadow roots unless :light', () => {
  const { all } = sharedPage();
  same(all('id=s2'), ['#s2']);
  same(all('id:light=s2'), []);
  same(all('id:light=li1'), ['#li1']);
});
test('internal:testid and internal:attr, the getByTestId and getByPlaceholder/AltText/Title forms', () => {
  const { all } = sharedPage();
  same(all('internal:testid=[data-testid="heading"s]'), ['#heading']);
  same(all('internal:testid=[data-testid="HEAD"i]'), ['#heading']);
  same(all('internal:testid=[data-testid="head"s]'), []);
  same(all('internal:attr=[href=/^\\/x$/]'), ['#link']);
  same(all('internal:attr=[type="SUBMIT"i] >> nth=0'), ['#send']);
  same(all('internal:attr=[title="say \\"hi\\""]'), ['#quoted']);
  same(all('internal:attr=[title="SAY"]'), []);
});
test('malformed attribute bodies are refused', () => {
  const { error } = sharedPage();
  equal(error('internal:attr=[title]'), 'Malformed attribute selector: [title]');
  equal(error('internal:testid=data-testid="x"'), 'Malformed attribute selector: data-testid="x"');
  equal(error('internal:attr=[title="x" ]junk'), 'Malformed attribute selector: [title="x" ]junk');
});
test('internal:has and internal:has-not keep the matches that contain (or not) a match', () => {
  const { all } = sharedPage();
  same(all('li >> internal:has="text=Two"'), ['#li2']);
  same(all('#main > * >> internal:has="em"'), ['#section']);
  same(all('ul, section >> internal:has-not="li"'), ['#section']);
  same(all('div >> internal:has="#s2"'), ['#main', '#host', '#s-div']);
});
test('internal:and, internal:or and internal:chain combine whole selectors', () => {
  const { all } = sharedPage();
  same(all('li >> internal:and="text=/^T/"'), ['#li2', '#li3']);
  same(all('#li4 >> internal:or="#li1"'), ['#li1', '#li4']);
  same(all('#list >> internal:chain="li >> nth=1"'), ['#li2']);
});
test('* captures a part: its element is returned when the rest matches inside it', () => {
  const { all } = sharedPage();
  same(all('*css=ul >> text=Two'), ['#list']);
  same(all('*css=li >> em'), []);
  same(all('section >> *css=article >> em'), ['#article']);
});
test('querySelector is the first match or null', () => {
  const { engine, document } = sharedPage();
  equal(engine.querySelector(document, 'li').id, 'li1');
  equal(engine.querySelector(document, 'li >> nth=-1').id, 'li4');
  equal(engine.querySelector(document, 'text=nowhere at all'), null);
});

// ---- Errors ---------------------------------------------------------------------------------------
test("syntax errors have Playwright's messages", () => {
  const { error } = sharedPage();
  equal(error('div >'), 'Unexpected token "" while parsing css selector "div >". Did you mean to CSS.escape it?');
  equal(error('div::before'), 'Unexpected token ":" while parsing css selector "div::before". Did you mean to CSS.escape it?');
  equal(error('div[title'), 'Unexpected token "" while parsing css selector "div[title". Did you mean to CSS.escape it?');
  equal(error('div {}'), 'Unsupported token "{" while parsing selector "div {}"');
  equal(error('*|h1'), 'Unexpected token "|" while parsing css selector "*|h1". Did you mean to CSS.escape it?');
  equal(error(''), 'Unexpected token "" while parsing css selector "". Did you mean to CSS.escape it?');
  equal(error('div, "text"'), 'Error while parsing selector "div, "text""');
});
test('invalid arguments and CSS the Level 4 engine refuses', () => {
  const { error } = sharedPage();
  equal(error('li:has-text(foo)'), '"has-text" engine expects a single string');
  equal(error('li:text-matches()'), 'Unexpected token ")" while parsing css selector "li:text-matches()". Did you mean to CSS.escape it?');
  equal(error(':nth-match(li, 0)'), '"nth-match" engine expects a one-based index as the last argument');
  equal(error('text=/(/').startsWith('Error while parsing selector `text=/(/`: Invalid regular expression'), true);
  equal(error('li:nth-child(x)').startsWith('Error while parsing selector "li:nth-child(x)": '), true);
});
test('unknown engines and malformed nested selectors', () => {
  const { error } = sharedPage();
  equal(error('foo=bar'), 'Unknown engine "foo" while parsing selector foo=bar');
  equal(error('internal:control=enter-frame'), 'Unknown engine "internal:control" while parsing selector internal:control=enter-frame');
  equal(error('li >> internal:has=li'), 'Malformed selector: internal:has=li');
  equal(error('internal:has="li"'), '"internal:has" selector cannot be first');
  equal(error('*css=ul >> *css=li'), 'Only one of the selectors can capture using * modifier');
  equal(error('*css=ul >> nth=0'), "Can't query n-th element in a request with the capture.");
});
test('XPath: xpath=, a part starting with // or .., from the scope of the part before', () => {
  const { all, error, document } = sharedPage();
  equal(all('xpath=//li[2]').join(), '#li2');
  equal(all('//ul/li[last()]').join(), '#li4');
  equal(all('#brave >> ..').join(), '#intro');
  equal(all('#article >> //em').join(), '#em');
  equal(all('#list >> xpath=li[contains(., "T")]').join(), '#li2,#li3');
  equal(all('xpath=//li >> text=Four').join(), '#li4');
  equal(all('xpath=//text()').length, 0, 'only elements are selected');
  equal(error('xpath=//li['), "Failed to execute 'evaluate' on 'Document': The string '//li[' is not a valid XPath expression.");
  equal(all('xpath=/html/body', document).join(), 'body');
});
test('layout selectors are refused with a clear error', () => {
  const { error } = sharedPage();
  equal(error('li:near(#list)'), 'Layout selectors are not supported by Caper (it has no layout): ":near" in "li:near(#list)"');
});
test('roots that are not queryable are refused', () => {
  const { engine, document } = sharedPage();
  let message = '';
  try { engine.querySelectorAll(document.createTextNode('x'), 'li'); } catch (error) { message = error.message; }
  equal(message, 'Node is not queryable.');
});

// ---- The tree as it is now, and hostile pages -------------------------------------------------------------
test('results follow the tree after mutations (texts are not kept between calls)', () => {
  const { all, page } = newPage(fixture, shadows);
  same(all('text=Five'), []);
  page(`const li = document.createElement('li'); li.id = 'li5'; li.textContent = 'Five'; document.getElementById('list').append(li);
    document.getElementById('li1').textContent = 'Uno';`);
  same(all('text=Five'), ['#li5']);
  same(all('text=uno'), ['#li1']);
  same(all('text="One"'), []);
  same(all('li >> nth=-1'), ['#li5']);
});
test("answers survive a page that replaces the built-ins and DOM members they could use", () => {
  const { engine, document, page } = newPage(fixture, shadows);
  page(`for (const name of ['textContent', 'shadowRoot', 'parentElement', 'firstChild', 'nextSibling', 'localName', 'id']) {
      for (const proto of [Node.prototype, Element.prototype]) {
        if (Object.getOwnPropertyDescriptor(proto, name)) Object.defineProperty(proto, name, { get() { throw new Error(name); }, configurable: true });
      }
    }
    Array.prototype[Symbol.iterator] = function () { throw new Error('iterator'); };
    Array.prototype.push = () => { throw new Error('push'); };
    Array.prototype.indexOf = () => { throw new Error('indexOf'); };
    String.prototype.toLowerCase = () => 'x';
    String.prototype.trim = () => 'x';
    String.prototype.includes = () => { throw new Error('includes'); };
    RegExp.prototype.exec = () => null;
    RegExp.prototype.test = () => false;
    JSON.parse = () => { throw new Error('JSON'); };
    Map.prototype.get = Map.prototype.set = Set.prototype.has = Set.prototype.add = () => { throw new Error('collections'); };
    Element.prototype.querySelectorAll = Element.prototype.matches = () => { throw new Error('query'); };
    Object.defineProperty(Object.prototype, 'scope', { get() { throw new Error('scope'); }, configurable: true });
    globalThis.Error = function () { return {}; };`);
  const ids = (selector) => engine.querySelectorAll(document, selector).length;
  same([ids('li'), ids('text=two'), ids('#host span'), ids('text=/^T/'), ids('li >> internal:has="text=Two"'), ids('li:has-text("o")'),
    ids('li >> nth=-1'), ids('span >> visible=true')], [4, 1, 2, 2, 1, 3, 1, 4]);
});

// ---- role, internal:role, internal:label ------------------------------------------------------------
const rolePage = () => newPage(`<!doctype html><html><body>
  <h1 id="h1">Main title</h1><h2 id="h2">Sub  title</h2><div role="heading" aria-level="3" id="h3">Third</div>
  <button id="go">Go</button><button id="go-home">Go home</button><button id="off" disabled>GO</button>
  <button id="pressed" aria-pressed="true">Bold</button><button id="hidden-button" style="display:none">Go hidden</button>
  <input type="checkbox" id="cb1" checked><input type="checkbox" id="cb2"><div role="checkbox" aria-checked="mixed" id="cb3">Mixed</div>
  <a href="/a" id="a1">Docs</a><a id="a2">No href</a>
  <div role="tab" aria-selected="true" id="tab1">Tab one</div><div role="tab" id="tab2">Tab two</div>
  <button id="exp" aria-expanded="true">Menu</button>
  <button id="described" aria-describedby="desc">Help</button><p id="desc">Opens the help panel</p>
  <label id="l1" for="email">Email address</label><input id="email">
  <label id="l2">Password <input id="password" type="password"></label>
  <span id="lbl">Search terms</span><input id="search" aria-labelledby="lbl">
  <input id="named" aria-label="Quantity"><input type="hidden" id="hid" aria-label="   ">
  <fieldset disabled><button id="in-fieldset">Inside</button></fieldset>
</body></html>`);
test('role: role names, case-insensitive role, hidden elements skipped unless include-hidden', () => {
  const { all } = rolePage();
  same(all('role=heading'), ['#h1', '#h2', '#h3']);
  same(all('role=BUTTON[name="go"i]'), ['#go', '#off']);
  same(all('role=button[name="Go"]'), ['#go']);
  same(all('role=button[name="Go hidden"][include-hidden]'), ['#hidden-button']);
  same(all('role=button[name="Go hidden"]'), []);
  same(all('role=link'), ['#a1']);
});
test('internal:role: [name="x"i] is a substring, "s" exact, /re/ a regular expression', () => {
  const { all } = rolePage();
  same(all('internal:role=button[name="go"i]'), ['#go', '#go-home', '#off']);
  same(all('internal:role=button[name="Go"s]'), ['#go']);
  same(all('internal:role=button[name=/^go$/i]'), ['#go', '#off']);
  same(all('internal:role=heading[name="sub title"i]'), ['#h2']);
  same(all('role=button[name^="Go"]'), ['#go', '#go-home']);
  same(all('role=button[name$="HOME"i]'), ['#go-home']);
});
test('role states: checked, pressed, selected, expanded, level, disabled', () => {
  const { all } = rolePage();
  same(all('role=checkbox[checked]'), ['#cb1']);
  same(all('role=checkbox[checked=false]'), ['#cb2']);
  same(all('role=checkbox[checked="mixed"]'), ['#cb3']);
  same(all('role=button[pressed]'), ['#pressed']);
  same(all('role=tab[selected=true]'), ['#tab1']);
  same(all('role=tab[selected=false]'), ['#tab2']);
  same(all('role=button[expanded]'), ['#exp']);
  same(all('role=heading[level=2]'), ['#h2']);
  same(all('role=heading[level=3]'), ['#h3']);
  same(all('role=button[disabled]'), ['#off', '#in-fieldset']);
  same(all('internal:role=button[description="help panel"i]'), ['#described']);
});
test('role selectors chain with other engines', () => {
  const { all } = rolePage();
  same(all('body >> internal:role=button[name="go"i] >> nth=1'), ['#go-home']);
  same(all('role=button >> internal:has-text="Bold"'), ['#pressed']);
});
test("role errors are Playwright's roleSelectorEngine.ts texts", () => {
  const { error } = rolePage();
  equal(error('role=button[foo=bar]'), 'Unknown attribute "foo", must be one of "checked", "description", "disabled", "expanded", "include-hidden", "level", "name", "pressed", "selected".');
  equal(error('role=button[checked]'), '"checked" attribute is only supported for roles: "checkbox", "menuitemcheckbox", "menuitemradio", "option", "radio", "switch", "treeitem"');
  equal(error('role=checkbox[checked=foo]'), '"checked" must be one of true, false, "mixed"');
  equal(error('role=heading[level="x"]'), '"level" attribute must be compared to a number');
  equal(error('role=button[name]'), '"name" attribute must have a value');
  equal(error('role=button[disabled*="x"]'), '"disabled" must be one of true, false');
  equal(error('role=[name="x"]'), 'Role must not be empty');
  equal(error('role=button[name="x"'), 'Unexpected end of selector while parsing selector `button[name="x"`');
  equal(error('role=button[name=/x/]x'), 'Error while parsing selector `button[name=/x/]x` - unexpected symbol "x" at position 16');
  equal(error('role=button[name*=/x/]'), 'Error while parsing selector `button[name*=/x/]` - cannot use *= in attribute with regular expression');
});
test('internal:label: <label for>, nested <label>, aria-labelledby, aria-label', () => {
  const { all } = rolePage();
  same(all('internal:label="email"i'), ['#email']);
  same(all('internal:label="Email address"s'), ['#email']);
  same(all('internal:label="Email"s'), []);
  same(all('internal:label="password"i'), ['#password']);
  same(all('internal:label="Search terms"i'), ['#search']);
  same(all('internal:label="quantity"i'), ['#named']);
  same(all('internal:label=/^Pass/'), ['#password']);
  same(all('internal:label="   "i'), ['#email', '#password', '#search', '#named']);
});
test('internal:label: aria-labelledby wins over <label>, buttons label by their aria-label', () => {
  const { all } = newPage('<label for="x">Visible</label><input id="x" aria-labelledby="other"><span id="other">Other</span>' +
    '<button id="b" aria-label="Close dialog">×</button><div id="d" aria-label="Region name">d</div>');
  same(all('internal:label="visible"i'), []);
  same(all('internal:label="other"i'), ['#x']);
  same(all('internal:label="close"i'), ['#b']);
  same(all('internal:label="Region name"s'), ['#d']);
});

run();
