// Tests of Caper's DOM runtime (Sources/Browser/JavaScript/dom/), loaded as a page realm loads
// it. Run: node dom-tests.js — prints each failure, then the passed and failed counts; the exit
// code is non-zero when any test failed.
'use strict';
const vm = require('vm');
const { loadRuntime, BatchWriter, simpleMarkupBatch, testHost, syntheticPage } = require('./dom-harness.js');

const results = { passed: 0, failed: 0, failures: [] };
function test(name, body) {
  try {
    body();
    results.passed++;
  } catch (error) {
    results.failed++;
    results.failures.push(`${name}: ${error && error.stack ? error.stack.split('\n').slice(0, 3).join('\n    ') : error}`);
  }
}
function equal(actual, expected, message = '') {
  if (!Object.is(actual, expected)) throw new Error(`${message} expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function ok(value, message = 'expected true') { if (!value) throw new Error(message); }
function throwsDOM(name, body) {
  try { body(); } catch (error) {
    if (error && error.name === name) return;
    throw new Error(`expected a ${name}, got ${error && error.name}: ${error && error.message}`);
  }
  throw new Error(`expected a ${name}, nothing was thrown`);
}

const hostCalls = [];
const runtime = loadRuntime(testHost(hostCalls));
const { nodes, internals } = runtime;
const { createParseSession, applyBatch } = runtime['tree-operations'];
const { html5libTree } = runtime.serialization;
const newDocument = (markup = '<!doctype html><html><head><title>T</title></head><body></body></html>') => {
  const document = nodes.createDocument({ type: 'html', url: 'https://example.com/dir/page.html' });
  const [operations, text] = simpleMarkupBatch(markup, { document: true });
  applyBatch(createParseSession(document), operations, text);
  return document;
};

// ---- Nodes and trees ------------------------------------------------------------------------
test('appendChild, insertBefore, removeChild, replaceChild keep the linked list', () => {
  const document = newDocument();
  const body = document.body;
  const a = document.createElement('a'), b = document.createElement('b'), c = document.createElement('c');
  body.appendChild(a);
  body.appendChild(c);
  body.insertBefore(b, c);
  equal(body.firstChild, a); equal(a.nextSibling, b); equal(b.nextSibling, c); equal(c.previousSibling, b); equal(body.lastChild, c);
  equal(body.replaceChild(a, c), c);
  equal(c.parentNode, null); equal(body.lastChild, a); equal(b.nextSibling, a); equal(body.firstChild, b);
  equal(body.removeChild(b), b);
  equal(body.firstChild, a); equal(a.previousSibling, null);
});
test('pre-insertion validity: HierarchyRequestError and NotFoundError', () => {
  const document = newDocument();
  const body = document.body;
  const div = document.createElement('div');
  body.appendChild(div);
  throwsDOM('HierarchyRequestError', () => div.appendChild(body));
  throwsDOM('HierarchyRequestError', () => div.appendChild(div));
  throwsDOM('HierarchyRequestError', () => document.appendChild(document.createElement('p')));
  throwsDOM('HierarchyRequestError', () => document.appendChild(document.createTextNode('x')));
  throwsDOM('HierarchyRequestError', () => div.appendChild(document.implementation.createDocumentType('html', '', '')));
  throwsDOM('HierarchyRequestError', () => document.createTextNode('t').appendChild(div));
  throwsDOM('NotFoundError', () => body.insertBefore(document.createElement('i'), document.createElement('u')));
  throwsDOM('NotFoundError', () => body.removeChild(document.createElement('u')));
  throwsDOM('HierarchyRequestError', () => document.insertBefore(document.implementation.createDocumentType('x', '', ''), null));
});
test('a DocumentFragment inserts its children and is left empty', () => {
  const document = newDocument();
  const fragment = document.createDocumentFragment();
  fragment.append('one', document.createElement('i'), 'two');
  document.body.append(fragment);
  equal(fragment.firstChild, null);
  equal(document.body.childNodes.length, 3);
  equal(document.body.textContent, 'onetwo');
});
test('ChildNode and ParentNode methods', () => {
  const document = newDocument();
  const body = document.body;
  const [a, b] = [document.createElement('a'), document.createElement('b')];
  body.append(a);
  a.before('x');
  a.after(b, 'y');
  equal(body.textContent, 'xy');
  equal(body.childNodes.length, 4);
  b.replaceWith('z');
  equal(body.childNodes.length, 4);
  equal(body.innerHTML, 'x<a></a>zy');
  body.prepend(b);
  equal(body.firstElementChild, b);
  equal(body.lastElementChild, a);
  equal(body.childElementCount, 2);
  equal(a.previousElementSibling, b);
  a.remove();
  equal(a.parentNode, null);
  body.replaceChildren('only');
  equal(body.innerHTML, 'only');
});
test('cloneNode, isEqualNode, isSameNode', () => {
  const document = newDocument();
  document.body.innerHTML = '<div id="x" class="c"><p>text<b>bold</b></p><!--note--></div>';
  const div = document.getElementById('x');
  const shallow = div.cloneNode();
  equal(shallow.firstChild, null); equal(shallow.getAttribute('class'), 'c');
  const deep = div.cloneNode(true);
  ok(deep.isEqualNode(div)); ok(!deep.isSameNode(div)); ok(div.isSameNode(div));
  deep.firstChild.setAttribute('title', 't');
  ok(!deep.isEqualNode(div));
  equal(deep.outerHTML, '<div id="x" class="c"><p title="t">text<b>bold</b></p><!--note--></div>');
});
test('contains, compareDocumentPosition, getRootNode', () => {
  const document = newDocument();
  document.body.innerHTML = '<p><i></i></p><u></u>';
  const [p, u] = document.body.children;
  const i = p.firstChild;
  ok(document.contains(i)); ok(p.contains(i)); ok(!u.contains(i)); ok(i.contains(i)); ok(!i.contains(null));
  equal(p.compareDocumentPosition(i), 16 | 4);
  equal(i.compareDocumentPosition(p), 8 | 2);
  equal(i.compareDocumentPosition(u), 4);
  equal(u.compareDocumentPosition(i), 2);
  const loose = document.createElement('x');
  ok(loose.compareDocumentPosition(p) & 1);
  equal(i.getRootNode(), document);
  equal(loose.getRootNode(), loose);
  const attribute = p.getAttributeNode('x');
  equal(attribute, null);
});
test('normalize merges and removes Text nodes', () => {
  const document = newDocument();
  const p = document.createElement('p');
  p.append('a', '', 'b', document.createElement('i'), 'c');
  p.lastChild.before(document.createTextNode(''));
  p.normalize();
  equal(p.childNodes.length, 3);
  equal(p.firstChild.data, 'ab');
});
test('textContent, nodeValue, nodeName, nodeType, ownerDocument, parentElement', () => {
  const document = newDocument();
  const p = document.createElement('p');
  p.textContent = 'hello';
  equal(p.firstChild.nodeValue, 'hello');
  p.firstChild.nodeValue = 'bye';
  equal(p.textContent, 'bye');
  equal(p.nodeValue, null);
  equal(p.nodeName, 'P'); equal(p.nodeType, 1); equal(document.nodeName, '#document'); equal(document.ownerDocument, null);
  equal(p.ownerDocument, document); equal(document.createComment('c').nodeName, '#comment');
  equal(document.documentElement.parentElement, null);
  equal(document.doctype.nodeName, 'html');
  p.textContent = '';
  equal(p.firstChild, null);
  equal(document.textContent, null);
});
test('CharacterData and Text methods', () => {
  const document = newDocument();
  const text = document.createTextNode('Hello world');
  equal(text.substringData(6, 5), 'world');
  text.appendData('!'); text.insertData(0, '>'); text.deleteData(1, 6); text.replaceData(0, 1, '<');
  equal(text.data, '<world!');
  throwsDOM('IndexSizeError', () => text.substringData(100, 1));
  const p = document.createElement('p');
  p.append(text);
  const rest = text.splitText(3);
  equal(text.data, '<wo'); equal(rest.data, 'rld!'); equal(text.nextSibling, rest); equal(rest.wholeText, '<world!');
});
test('the abstract interfaces are not constructible; Text, Comment, DocumentFragment are', () => {
  for (const name of ['Node', 'Element', 'CharacterData', 'Attr', 'DocumentType', 'ShadowRoot']) {
    let message = null;
    try { new nodes[name](); } catch (error) { message = error.message; }
    equal(message, 'Illegal constructor', name);
  }
  equal(new nodes.Text('x').data, 'x');
  equal(new nodes.Comment('y').nodeType, 8);
  equal(new nodes.DocumentFragment().nodeType, 11);
  const created = new nodes.Document();
  ok(!(created instanceof nodes.XMLDocument)); equal(created.contentType, 'application/xml'); equal(created.createElement('X').localName, 'X');
});
test('the document VERSION increments on tree and attribute mutations', () => {
  const document = newDocument();
  const version = () => document[internals.VERSION];
  let before = version();
  const div = document.createElement('div');
  document.body.appendChild(div);
  ok(version() > before, 'append'); before = version();
  div.setAttribute('a', '1');
  ok(version() > before, 'setAttribute'); before = version();
  div.setAttribute('a', '2');
  ok(version() > before, 'change'); before = version();
  div.removeAttribute('a');
  ok(version() > before, 'removeAttribute'); before = version();
  div.remove();
  ok(version() > before, 'remove');
});
test('createElementNS, validate and extract', () => {
  const document = newDocument();
  const svg = document.createElementNS(internals.SVG_NS, 'svg:rect');
  equal(svg.prefix, 'svg'); equal(svg.localName, 'rect'); equal(svg.tagName, 'svg:rect'); equal(svg.namespaceURI, internals.SVG_NS);
  throwsDOM('NamespaceError', () => document.createElementNS(null, 'a:b'));
  throwsDOM('InvalidCharacterError', () => document.createElementNS(internals.HTML_NS, '1a'));
  throwsDOM('NamespaceError', () => document.createElementNS('urn:x', 'xml:a'));
  throwsDOM('InvalidCharacterError', () => document.createElement('a b'));
  equal(document.createElement('DIV').localName, 'div');
});
test('importNode and adoptNode move nodes between documents', () => {
  const first = newDocument(), second = newDocument();
  first.body.innerHTML = '<p id="p">x<b>y</b></p>';
  const p = first.getElementById('p');
  const copy = second.importNode(p, true);
  equal(copy.ownerDocument, second); equal(copy.firstChild.ownerDocument, second); equal(p.ownerDocument, first);
  second.adoptNode(p);
  equal(p.parentNode, null); equal(p.ownerDocument, second); equal(p.lastChild.ownerDocument, second);
  equal(p.getAttributeNode('id').ownerDocument, second);
  throwsDOM('NotSupportedError', () => second.adoptNode(first));
});
test('lookupNamespaceURI and lookupPrefix', () => {
  const document = newDocument();
  const svg = document.createElementNS(internals.SVG_NS, 'svg');
  svg.setAttributeNS(internals.XMLNS_NS, 'xmlns:x', 'urn:x');
  const child = document.createElementNS('urn:x', 'x:child');
  svg.append(child);
  equal(child.lookupNamespaceURI('x'), 'urn:x');
  equal(svg.lookupNamespaceURI(null), internals.SVG_NS);
  equal(child.lookupPrefix('urn:x'), 'x');
  ok(svg.isDefaultNamespace(internals.SVG_NS));
});
test('ShadowRoot: attachShadow, host, mode, getRootNode({composed})', () => {
  const document = newDocument();
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  equal(host.shadowRoot, root); equal(root.host, host); equal(root.mode, 'open');
  const inner = document.createElement('span');
  root.append(inner);
  equal(inner.getRootNode(), root); equal(inner.getRootNode({ composed: true }), document);
  ok(inner.isConnected);
  throwsDOM('NotSupportedError', () => host.attachShadow({ mode: 'open' }));
  throwsDOM('NotSupportedError', () => document.createElement('img').attachShadow({ mode: 'open' }));
  const closed = document.createElement('section').attachShadow({ mode: 'closed' });
  equal(closed.host.shadowRoot, null);
  root.innerHTML = '<b>in shadow</b>';
  equal(root.firstChild.tagName, 'B');
});

// ---- The tree-operation stream ------------------------------------------------------------
test('applyBatch: doctype, mode, elements, text merging, comments', () => {
  const document = nodes.createDocument({ type: 'html' });
  const w = new BatchWriter();
  w.doctype('html', '-//W3C//DTD HTML 4.01//EN', null);
  w.mode(1);
  const html = w.element('html');
  w.append(0, html);
  const body = w.element('body', [['class', 'x']]);
  w.append(html, body);
  w.characters(body, 'a');
  w.characters(body, 'b');
  const comment = w.comment(' c ');
  w.append(body, comment);
  w.characters(body, 'd');
  w.characters(body, 'Z', comment);
  applyBatch(createParseSession(document), ...w.finish());
  equal(document.compatMode, 'BackCompat');
  equal(document.doctype.publicId, '-//W3C//DTD HTML 4.01//EN');
  equal(document.doctype.systemId, '');
  equal(html5libTree(document), [
    '| <!DOCTYPE html "-//W3C//DTD HTML 4.01//EN" "">', '| <html>', '|   <body>', '|     class="x"', '|     "abZ"', '|     <!--  c  -->',
    '|     "d"'].join('\n'));
});
test('applyBatch: foster parenting with and without the table in the tree', () => {
  const document = nodes.createDocument({ type: 'html' });
  const session = createParseSession(document);
  const w = new BatchWriter();
  const html = w.element('html'); w.append(0, html);
  const body = w.element('body'); w.append(html, body);
  const table = w.element('table'); w.append(body, table);
  const b = w.element('b'); w.fosterParent(b, table, body);
  w.fosterText(table, body, 'x');
  w.fosterText(table, body, 'y');
  applyBatch(session, ...w.finish());
  equal(document.body.innerHTML, '<b></b>xy<table></table>');
  // A second batch of the same parse: ids and names stay valid.
  const w2 = new BatchWriter(w.nextId);
  w2.names = w.names;
  w2.remove(table);
  const i = w2.element('b');
  w2.fosterParent(i, table, body);
  w2.fosterText(table, body, 'z');
  applyBatch(session, ...w2.finish());
  equal(document.body.innerHTML, '<b></b>xy<b></b>z');
});
test('applyBatch: insertBefore, addMissingAttributes, moveChildren, remove', () => {
  const document = nodes.createDocument({ type: 'html' });
  const w = new BatchWriter();
  const html = w.element('html', [['lang', 'en']]); w.append(0, html);
  const body = w.element('body'); w.append(html, body);
  const a = w.element('a'); w.append(body, a);
  const b = w.element('b'); w.insertBefore(body, b, a);
  w.characters(a, 'in a');
  w.addMissingAttributes(html, [['lang', 'fr'], ['dir', 'rtl']]);
  const div = w.element('div'); w.append(body, div);
  w.moveChildren(a, div);
  w.remove(b);
  applyBatch(createParseSession(document), ...w.finish());
  equal(document.documentElement.outerHTML, '<html lang="en" dir="rtl"><body><a></a><div>in a</div></body></html>');
});
test('applyBatch: template contents, namespaces, foreign attributes, shadow roots, form owner, pop', () => {
  const document = nodes.createDocument({ type: 'html' });
  const session = createParseSession(document);
  const popped = [];
  session.onPop = (node) => popped.push(node.localName);
  const w = new BatchWriter();
  const html = w.element('html'); w.append(0, html);
  const body = w.element('body'); w.append(html, body);
  const template = w.element('template'); w.append(body, template);
  const content = w.templateContents(template);
  const i = w.element('i'); w.append(content, i);
  const svg = w.element('svg', [['viewBox', '0 0 1 1']], 1); w.append(body, svg);
  const use = w.element('use', [['href', '#a', 1], ['lang', 'en', 2], ['xmlns', internals.SVG_NS, 3], ['xlink', internals.XLINK_NS, 3]], 1);
  w.append(svg, use);
  const math = w.element('math', [], 2); w.append(body, math);
  const form = w.element('form'); w.append(body, form);
  const input = w.element('input'); w.append(body, input);
  w.formOwner(input, form);
  const hostElement = w.element('div'); w.append(body, hostElement);
  const root = w.shadowRoot(hostElement, 0, 4);
  w.characters(root, 'shadow text');
  w.pop(input);
  applyBatch(session, ...w.finish());
  const t = document.body.firstChild;
  equal(t.content.firstChild.localName, 'i');
  ok(t.content.ownerDocument !== document, 'template contents live in an inert document');
  equal(html5libTree(document.body), [
    '| <template>', '|   content', '|     <i>', '| <svg svg>', '|   viewBox="0 0 1 1"', '|   <svg use>', '|     xlink href="#a"',
    '|     xml lang="en"', '|     xmlns xlink="http://www.w3.org/1999/xlink"', '|     xmlns xmlns="http://www.w3.org/2000/svg"', '| <math math>',
    '| <form>', '| <input>', '| <div>'].join('\n'));
  const useElement = document.body.children[1].firstChild;
  equal(useElement.getAttributeNS(internals.XLINK_NS, 'href'), '#a');
  equal(useElement.attributes[0].name, 'xlink:href');
  equal(useElement.attributes[2].name, 'xmlns');
  equal(document.body.children[1].namespaceURI, internals.SVG_NS);
  const inputElement = document.body.querySelector ? document.getElementsByTagName('input')[0] : null;
  equal(inputElement.form, document.forms[0]);
  const shadowHost = document.body.lastChild;
  equal(shadowHost.shadowRoot.textContent, 'shadow text');
  equal(shadowHost.shadowRoot.serializable, true);
  equal(popped.join(), 'input');
});
test('applyBatch: a fragment session appends to its receiving node', () => {
  const document = newDocument();
  const fragment = document.createDocumentFragment();
  const w = new BatchWriter();
  const p = w.element('p'); w.append(0, p); w.characters(p, 'x');
  applyBatch(createParseSession(fragment), ...w.finish());
  equal(fragment.firstChild.outerHTML, '<p>x</p>');
  equal(fragment.firstChild.ownerDocument, document);
});
test('applyBatch: a malformed batch throws', () => {
  const document = nodes.createDocument({ type: 'html' });
  let message = '';
  try { applyBatch(createParseSession(document), new Int32Array([99]).buffer, ''); } catch (error) { message = error.message; }
  ok(message.includes('opcode 99'), message);
});
test('applyBatch builds the synthetic 17k-element page', () => {
  const [operations, text] = syntheticPage(1700);
  const document = nodes.createDocument({ type: 'html' });
  applyBatch(createParseSession(document), operations, text);
  equal(document.getElementsByTagName('*').length, 17004);
  equal(document.getElementById('s1699').firstChild.textContent, 'Section 1699');
});

// ---- Serialization -------------------------------------------------------------------------
test('innerHTML escapes text and attributes, keeps raw text, skips void end tags', () => {
  const document = newDocument();
  const div = document.createElement('div');
  div.setAttribute('title', 'a"b&c<d>\u00a0');
  div.append('1 < 2 & 3 > 0\u00a0', document.createElement('br'));
  const script = document.createElement('script');
  script.textContent = 'if (a < b && c) {}';
  div.append(script);
  const style = document.createElement('style');
  style.textContent = 'a > b {}';
  div.append(style, document.createComment('x'));
  equal(div.outerHTML, '<div title="a&quot;b&amp;c&lt;d&gt;&nbsp;">1 &lt; 2 &amp; 3 &gt; 0&nbsp;<br><script>if (a < b && c) {}</script><style>a > b {}</style><!--x--></div>');
});
test('serialization of template contents, namespaced attributes and foreign elements', () => {
  const document = newDocument();
  document.body.innerHTML = '<template><p>in</p></template>';
  equal(document.body.innerHTML, '<template><p>in</p></template>');
  equal(document.body.firstChild.innerHTML, '<p>in</p>');
  const svg = document.createElementNS(internals.SVG_NS, 'svg');
  svg.setAttributeNS(internals.XLINK_NS, 'xlink:href', '#x');
  svg.setAttributeNS(internals.XML_NS, 'xml:lang', 'en');
  svg.setAttributeNS('urn:other', 'o:attr', 'v');
  equal(svg.outerHTML, '<svg xlink:href="#x" xml:lang="en" o:attr="v"></svg>');
  const x = document.createElementNS('urn:x', 'p:thing');
  equal(x.outerHTML, '<p:thing></p:thing>');
});
test('html5libTree prints the html5lib-tests format', () => {
  const document = newDocument('<!doctype html><html><head></head><body><p b="2" a="1">One</p><!-- c --></body></html>');
  equal(html5libTree(document), ['| <!DOCTYPE html>', '| <html>', '|   <head>', '|   <body>', '|     <p>', '|       a="1"', '|       b="2"',
    '|       "One"', '|     <!--  c  -->'].join('\n'));
});

// ---- Elements ------------------------------------------------------------------------------
test('attributes: get/set/remove/has/toggle, names, nodes, NamedNodeMap', () => {
  const document = newDocument();
  const div = document.createElement('div');
  div.setAttribute('Data-X', '1');
  equal(div.getAttribute('data-x'), '1'); equal(div.getAttribute('DATA-X'), '1'); ok(div.hasAttribute('data-x'));
  ok(div.toggleAttribute('hidden')); ok(div.hasAttribute('hidden')); ok(!div.toggleAttribute('hidden')); ok(div.toggleAttribute('hidden', true));
  equal(div.getAttributeNames().join(), 'data-x,hidden');
  div.removeAttribute('data-x');
  equal(div.attributes.length, 1); equal(div.attributes[0].name, 'hidden'); equal(div.attributes.hidden.value, '');
  const attr = document.createAttribute('title');
  attr.value = 't';
  equal(div.setAttributeNode(attr), null);
  equal(div.title, 't'); equal(attr.ownerElement, div);
  attr.value = 'u';
  equal(div.getAttribute('title'), 'u');
  throwsDOM('InUseAttributeError', () => document.createElement('p').setAttributeNode(attr));
  equal(div.removeAttributeNode(attr), attr);
  equal(attr.ownerElement, null);
  throwsDOM('InvalidCharacterError', () => div.setAttribute('a b', ''));
  div.setAttributeNS('urn:a', 'p:n', 'v');
  equal(div.getAttributeNS('urn:a', 'n'), 'v'); ok(div.hasAttributeNS('urn:a', 'n'));
  div.removeAttributeNS('urn:a', 'n');
  ok(!div.hasAttributeNS('urn:a', 'n'));
  equal(div.attributes.getNamedItem('hidden').value, '');
  div.attributes.removeNamedItem('hidden');
  ok(!div.hasAttributes());
});
test('id, className, classList (DOMTokenList)', () => {
  const document = newDocument();
  const div = document.createElement('div');
  div.id = 'main'; div.className = '  a b  a ';
  equal(div.getAttribute('id'), 'main');
  const list = div.classList;
  equal(list.length, 2); equal(list[0], 'a'); equal(list.item(1), 'b'); ok(list.contains('b'));
  list.add('c', 'a');
  equal(div.className, 'a b c');
  list.remove('a');
  equal(div.className, 'b c');
  ok(!list.toggle('b')); ok(list.toggle('d')); ok(list.toggle('d', true));
  ok(list.replace('c', 'e'));
  equal(div.className, 'e d');
  equal([...list].join(), 'e,d');
  throwsDOM('SyntaxError', () => list.add(''));
  throwsDOM('InvalidCharacterError', () => list.add('a b'));
  equal(div.classList, list);
  list.value = 'x y';
  equal(list.length, 2);
});
test('dataset maps data-* attributes to camelCase properties', () => {
  const document = newDocument();
  const div = document.createElement('div');
  div.dataset.fooBar = 'x';
  equal(div.getAttribute('data-foo-bar'), 'x');
  div.setAttribute('data-baz-qux', 'y');
  equal(div.dataset.bazQux, 'y');
  equal(Object.keys(div.dataset).join(), 'fooBar,bazQux');
  ok('fooBar' in div.dataset);
  delete div.dataset.fooBar;
  ok(!div.hasAttribute('data-foo-bar'));
});
test('style: CSSStyleDeclaration over the style attribute', () => {
  const document = newDocument();
  const div = document.createElement('div');
  div.setAttribute('style', 'color: red; background-color: blue !important; --Custom: 1');
  const style = div.style;
  equal(style.color, 'red'); equal(style.backgroundColor, 'blue'); equal(style.getPropertyPriority('background-color'), 'important');
  equal(style.getPropertyValue('--Custom'), '1'); equal(style.length, 3); equal(style.item(0), 'color');
  style.display = 'none';
  equal(div.getAttribute('style'), 'color: red; background-color: blue !important; --Custom: 1; display: none;');
  style.setProperty('margin-top', '4px');
  equal(style.marginTop, '4px');
  equal(style.removeProperty('color'), 'red');
  style.color = '';
  style.cssText = 'width: 10px';
  equal(div.getAttribute('style'), 'width: 10px;');
  equal(style['width'], '10px');
  style.cssFloat = 'left';
  equal(style.getPropertyValue('float'), 'left');
  div.setAttribute('style', 'height: 1px');
  equal(style.height, '1px'); equal(style.width, '');
});
test('HTML interfaces by local name, and reflected attributes', () => {
  const document = newDocument();
  const kinds = { div: 'HTMLDivElement', a: 'HTMLAnchorElement', h3: 'HTMLHeadingElement', td: 'HTMLTableCellElement', section: 'HTMLElement',
    'my-element': 'HTMLElement', blink: 'HTMLUnknownElement', tbody: 'HTMLTableSectionElement', input: 'HTMLInputElement' };
  for (const [name, interfaceName] of Object.entries(kinds)) {
    ok(document.createElement(name) instanceof runtime.elements[interfaceName], `${name} is an ${interfaceName}`);
  }
  ok(document.createElementNS(internals.SVG_NS, 'circle') instanceof runtime.elements.SVGElement);
  ok(document.createElementNS(internals.MATHML_NS, 'mi') instanceof runtime.elements.MathMLElement);
  const img = document.createElement('img');
  img.alt = 'x'; img.width = 20;
  equal(img.getAttribute('alt'), 'x'); equal(img.width, 20); equal(img.height, 0);
  const input = document.createElement('input');
  equal(input.maxLength, -1); equal(input.size, 20);
  input.setAttribute('size', '0');
  equal(input.size, 20);
  input.required = true;
  equal(input.getAttribute('required'), '');
  input.required = false;
  ok(!input.hasAttribute('required'));
  throwsDOM('IndexSizeError', () => { input.maxLength = -2; });
  const form = document.createElement('form');
  equal(form.method, 'get'); form.method = 'POST'; equal(form.method, 'post'); form.method = 'bogus'; equal(form.method, 'get');
  const button = document.createElement('button');
  equal(button.type, 'submit');
  const ol = document.createElement('ol');
  equal(ol.start, 1);
  const div = document.createElement('div');
  div.hidden = true; div.title = 'T'; div.lang = 'fr'; div.dir = 'RTL';
  equal(div.outerHTML, '<div hidden="" title="T" lang="fr" dir="RTL"></div>');
  equal(div.dir, 'rtl');
  equal(div.tabIndex, -1); equal(document.createElement('button').tabIndex, 0);
});
test('a.href and its parts resolve against the document base URL', () => {
  const document = newDocument('<html><head><base href="/base/"></head><body><a href="x?q=1#h">x</a></body></html>');
  const a = document.getElementsByTagName('a')[0];
  equal(a.href, 'https://example.com/base/x?q=1#h');
  equal(a.protocol, 'https:'); equal(a.host, 'example.com'); equal(a.pathname, '/base/x'); equal(a.search, '?q=1'); equal(a.hash, '#h');
  equal(a.origin, 'https://example.com');
  equal(document.baseURI, 'https://example.com/base/');
  a.pathname = '/other';
  equal(a.href, 'https://example.com/other?q=1#h');
  equal(document.createElement('a').href, '');
  equal(document.getElementsByTagName('base')[0].href, 'https://example.com/base/');
  const img = document.createElement('img');
  img.src = '../i.png';
  equal(img.src, 'https://example.com/i.png');
});
test('input: value with the dirty flag, defaultValue, checked, type, radio groups', () => {
  const document = newDocument();
  document.body.innerHTML = '<form><input name="t" value="start"><input type="checkbox" checked><input type="radio" name="r" checked>' +
    '<input type="radio" name="r"><input type="HIDDEN" value="h"></form>';
  const [text, box, r1, r2, hidden] = document.getElementsByTagName('input');
  equal(text.value, 'start'); equal(text.type, 'text'); equal(hidden.type, 'hidden');
  text.value = 'typed\nline';
  equal(text.value, 'typedline'); equal(text.getAttribute('value'), 'start'); equal(text.defaultValue, 'start');
  text.defaultValue = 'other';
  equal(text.value, 'typedline');
  hidden.value = 'h2';
  equal(hidden.getAttribute('value'), 'h2');
  equal(box.value, 'on'); ok(box.checked); ok(box.defaultChecked);
  box.checked = false;
  ok(!box.checked); ok(box.hasAttribute('checked'));
  r2.checked = true;
  ok(!r1.checked); ok(r2.checked);
  const clone = text.cloneNode();
  equal(clone.value, 'typedline');
  document.forms[0].reset();
  equal(text.value, 'other'); ok(box.checked); ok(r1.checked);
  const file = document.createElement('input');
  file.type = 'file';
  throwsDOM('InvalidStateError', () => { file.value = 'x'; });
  text.type = 'number';
  text.value = '12.5';
  equal(text.valueAsNumber, 12.5);
  text.value = 'abc';
  equal(text.value, '');
});
test('click() toggles checkboxes, fires click, input and change; a canceled click reverts', () => {
  // The activation behaviors are input/activation.js's, installed after the DOM in a page realm.
  if (runtime.activation === undefined) {
    const source = require('fs').readFileSync(require('path').resolve(__dirname, '../../../Sources/Browser/JavaScript/input/activation.js'), 'utf8');
    runtime.activation = (0, eval)(source)(Object.freeze(testHost()), runtime);
  }
  const document = newDocument();
  document.body.innerHTML = '<input type="checkbox">';
  const box = document.body.firstChild;
  const seen = [];
  for (const type of ['click', 'input', 'change']) box.addEventListener(type, (event) => seen.push(`${event.type}:${box.checked}`));
  box.click();
  equal(seen.join(), 'click:true,input:true,change:true');
  box.addEventListener('click', (event) => event.preventDefault());
  box.click();
  ok(box.checked, 'a canceled click restores the checkedness');
});
test('select and option: options, selectedIndex, value, selected, text, index, selectedOptions', () => {
  const document = newDocument();
  document.body.innerHTML = '<select name="s"><option value="a">A</option><optgroup><option>  B  b </option></optgroup><option disabled>C</option></select>';
  const select = document.body.firstChild;
  equal(select.options.length, 3); equal(select.length, 3); equal(select.type, 'select-one');
  equal(select.selectedIndex, 0); equal(select.value, 'a');
  const [a, b, c] = select.options;
  equal(b.text, 'B b'); equal(b.value, 'B b'); equal(b.index, 1); equal(c.index, 2);
  select.value = 'B b';
  equal(select.selectedIndex, 1); ok(b.selected); ok(!a.selected);
  select.selectedIndex = 2;
  equal(select.value, 'C');
  a.selected = true;
  equal(select.selectedIndex, 0); equal(select.selectedOptions.length, 1); equal(select.selectedOptions[0], a);
  const option = document.createElement('option');
  option.text = 'D';
  select.add(option, 0);
  equal(select.options[0], option); equal(select.options.length, 4);
  select.options.length = 2;
  equal(select.options.length, 2);
  select.multiple = true;
  equal(select.type, 'select-multiple');
  const none = document.createElement('select');
  equal(none.selectedIndex, -1); equal(none.value, '');
});
test('textarea: value with the dirty flag, defaultValue', () => {
  const document = newDocument();
  document.body.innerHTML = '<textarea>initial</textarea>';
  const area = document.body.firstChild;
  equal(area.value, 'initial'); equal(area.defaultValue, 'initial'); equal(area.type, 'textarea');
  area.value = 'a\r\nb';
  equal(area.value, 'a\nb'); equal(area.textContent, 'initial'); equal(area.textLength, 3);
  area.defaultValue = 'new';
  equal(area.value, 'a\nb');
});
test('label: htmlFor, control, form; form.elements and named access', () => {
  const document = newDocument();
  document.body.innerHTML = '<form id="f"><label for="n">Name</label><input id="n" name="user"><label>Inside <input name="inner"></label>' +
    '<button name="go">Go</button><input type="image" name="img"></form><input form="f" name="outside">';
  const form = document.getElementById('f');
  const [forLabel, wrapping] = document.getElementsByTagName('label');
  equal(forLabel.htmlFor, 'n'); equal(forLabel.control, document.getElementById('n')); equal(forLabel.form, form);
  equal(wrapping.control.name, 'inner');
  equal(form.elements.length, 4);
  equal(form.length, 4);
  equal(form.elements.user.id, 'n');
  equal(form.user, document.getElementById('n'));
  equal(form[2].name, 'go');
  equal(form.elements.namedItem('outside').name, 'outside');
  ok('user' in form);
  equal(form.action, 'https://example.com/dir/page.html');
  equal(document.getElementById('n').labels.length, 1);
  equal(document.forms.f, form);
});
test('tables: rows, tBodies, cells, rowIndex, insertRow, insertCell, caption, tHead', () => {
  const document = newDocument();
  document.body.innerHTML = '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>';
  const table = document.body.firstChild;
  equal(table.rows.length, 2); equal(table.tBodies.length, 1); equal(table.tHead.localName, 'thead'); equal(table.tFoot, null);
  const row = table.rows[1];
  equal(row.cells.length, 2); equal(row.rowIndex, 1); equal(row.sectionRowIndex, 0); equal(row.cells[1].cellIndex, 1);
  const added = table.insertRow(-1);
  equal(table.rows.length, 3); equal(added.parentNode, table.tBodies[0]);
  added.insertCell().textContent = 'x';
  equal(added.cells.length, 1);
  table.createCaption().textContent = 'cap';
  equal(table.firstChild.localName, 'caption');
  table.deleteRow(0);
  equal(table.rows.length, 2);
  table.createTFoot();
  equal(table.lastChild.localName, 'tfoot');
  equal(document.createElement('td').colSpan, 1);
});
test('template content, details, dialog, media', () => {
  const document = newDocument();
  const template = document.createElement('template');
  ok(template.content instanceof nodes.DocumentFragment);
  template.innerHTML = '<b>x</b>';
  equal(template.content.firstChild.localName, 'b'); equal(template.firstChild, null);
  const copy = template.cloneNode(true);
  equal(copy.content.firstChild.outerHTML, '<b>x</b>');
  const details = document.createElement('details');
  details.open = true;
  ok(details.hasAttribute('open'));
  const dialog = document.createElement('dialog');
  document.body.append(dialog);
  let closed = 0;
  dialog.addEventListener('close', () => closed++);
  dialog.showModal();
  ok(dialog.open);
  dialog.close('done');
  equal(dialog.returnValue, 'done'); equal(closed, 1); ok(!dialog.open);
  const script = document.createElement('script');
  ok(script.async, 'a created script is force-async');
  script.async = false;
  ok(!script.async); ok(!script.hasAttribute('async'));
  document.body.innerHTML = '<script src="x.js"></script>';
  ok(!document.body.firstChild.async, 'a parsed script is not');
  equal(document.body.firstChild.src, 'https://example.com/dir/x.js');
  const video = document.createElement('video');
  ok(video.paused);
  video.pause();
});
test('innerHTML and outerHTML setters, insertAdjacentHTML/Element/Text go through host.parseFragment', () => {
  const document = newDocument();
  const div = document.createElement('div');
  document.body.append(div);
  hostCalls.length = 0;
  div.innerHTML = '<p>one</p>two';
  equal(hostCalls[0].contextLocalName, 'div'); equal(hostCalls[0].contextNamespace, 0); equal(hostCalls[0].quirksMode, 0);
  equal(div.childNodes.length, 2);
  div.insertAdjacentHTML('beforeend', '<i>3</i>');
  div.insertAdjacentHTML('afterbegin', '<u>0</u>');
  div.insertAdjacentHTML('beforebegin', '<hr>');
  div.insertAdjacentHTML('afterend', '<br>');
  equal(document.body.innerHTML, '<hr><div><u>0</u><p>one</p>two<i>3</i></div><br>');
  div.insertAdjacentText('beforeend', '<t>');
  div.insertAdjacentElement('afterbegin', document.createElement('s'));
  equal(div.innerHTML, '<s></s><u>0</u><p>one</p>two<i>3</i>&lt;t&gt;');
  div.firstChild.outerHTML = '<em>a</em><em>b</em>';
  equal(div.innerHTML.slice(0, 18), '<em>a</em><em>b</em>'.slice(0, 18));
  throwsDOM('NoModificationAllowedError', () => { document.documentElement.outerHTML = '<html></html>'; });
  throwsDOM('SyntaxError', () => div.insertAdjacentHTML('nowhere', ''));
});
test('innerText follows the default styles without layout', () => {
  const document = newDocument();
  document.body.innerHTML = '<div>  Hello   <b>big</b>\n world<p>para</p><ul><li>one</li><li>two</li></ul>' +
    '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table><script>no()</script><span hidden>hid</span>end<br>line</div>';
  equal(document.body.firstChild.innerText, 'Hello big world\n\npara\n\none\ntwo\na\tb\nc\nend\nline');
  const p = document.createElement('p');
  p.innerText = 'a\nb';
  equal(p.innerHTML, 'a<br>b');
});

// ---- Collections ---------------------------------------------------------------------------
test('live HTMLCollection and NodeList follow mutations', () => {
  const document = newDocument();
  const body = document.body;
  const children = body.children, childNodes = body.childNodes, divs = document.getElementsByTagName('div');
  equal(children.length, 0); equal(divs.length, 0);
  const div = document.createElement('div');
  div.id = 'd1';
  body.append(div, 'text');
  equal(children.length, 1); equal(childNodes.length, 2); equal(divs.length, 1); equal(divs[0], div); equal(divs.d1, div);
  equal(children.namedItem('d1'), div); equal(divs.item(5), null); equal(divs[5], undefined);
  equal(body.childNodes, childNodes, '[SameObject]');
  div.append(document.createElement('div'));
  equal(divs.length, 2);
  ok(0 in divs); ok(!(2 in divs)); equal(Object.keys(childNodes).join(), '0,1');
  equal([...divs].length, 2); equal(Array.from(childNodes).length, 2);
  const seen = [];
  childNodes.forEach((node, index) => seen.push(index));
  equal(seen.join(), '0,1');
  div.remove();
  equal(divs.length, 0); equal(children.length, 0);
  const byClass = document.getElementsByClassName('a b');
  body.innerHTML = '<p class="b a"></p><p class="a"></p><i class="a b c"></i>';
  equal(byClass.length, 2);
  equal(document.getElementsByName('x').length, 0);
  body.innerHTML = '<input name="x">';
  equal(document.getElementsByName('x').length, 1);
  equal(document.getElementsByTagNameNS(internals.HTML_NS, 'input').length, 1);
  equal(Object.prototype.toString.call(children), '[object HTMLCollection]');
});
test('document collections: forms, images, links, scripts, anchors', () => {
  const document = newDocument('<html><head><script></script></head><body><form name="f"></form><img name="i"><a href="x">x</a><a name="n">n</a><area href="y"></body></html>');
  equal(document.forms.length, 1); equal(document.images.length, 1); equal(document.links.length, 2); equal(document.scripts.length, 1);
  equal(document.anchors.length, 1); equal(document.forms.f.localName, 'form');
});

test('querySelector(All), matches, closest delegate to the Selectors engine; the NodeList is static', () => {
  ok(runtime.selectors && runtime.selectors.querySelectorAll, `selectors.js is installed${runtime.selectorsError ? ': ' + runtime.selectorsError.message : ''}`);
  const document = newDocument();
  document.body.innerHTML = '<div class="a"><p id="x" class="a">1</p><p>2</p></div>';
  const list = document.querySelectorAll('.a');
  equal(list.length, 2); equal(list[1].id, 'x'); equal(Object.prototype.toString.call(list), '[object NodeList]');
  document.body.append(document.createElement('b'));
  document.getElementById('x').remove();
  equal(list.length, 2, 'static');
  equal(document.querySelector('p').textContent, '2');
  equal(document.body.firstChild.querySelectorAll('p').length, 1);
  const p = document.querySelector('div > p');
  ok(p.matches('div p')); ok(p.webkitMatchesSelector('p')); equal(p.closest('.a'), document.body.firstChild); equal(p.closest('table'), null);
  throwsDOM('SyntaxError', () => document.querySelectorAll('p['));
  const fragment = document.createDocumentFragment();
  fragment.append(document.createElement('i'));
  equal(fragment.querySelectorAll('i').length, 1);
});

// ---- Document ------------------------------------------------------------------------------
test('document: head, body, title, URL, compatMode, contentType, getElementById', () => {
  const document = newDocument('<!doctype html><html><head><title>  The   title </title></head><body><p id="x"></p></body></html>');
  equal(document.head.localName, 'head'); equal(document.body.localName, 'body'); equal(document.title, 'The title');
  document.title = 'New';
  equal(document.getElementsByTagName('title')[0].textContent, 'New');
  equal(document.URL, 'https://example.com/dir/page.html'); equal(document.documentURI, document.URL);
  equal(document.compatMode, 'CSS1Compat'); equal(document.contentType, 'text/html'); equal(document.characterSet, 'UTF-8');
  equal(document.readyState, 'complete');
  equal(document.getElementById('x').localName, 'p'); equal(document.getElementById('nope'), null);
  // The ID index: built by a second lookup at one version, dropped by a mutation.
  const twin = document.createElement('i');
  twin.id = 'x';
  document.body.prepend(twin);
  equal(document.getElementById('x'), twin); equal(document.getElementById('x'), twin); equal(document.getElementById('x'), twin);
  twin.id = 'y';
  equal(document.getElementById('x').localName, 'p'); equal(document.getElementById('x').localName, 'p'); equal(document.getElementById('y'), twin);
  twin.remove();
  equal(document.getElementById('y'), null); equal(document.getElementById('y'), null);
  const body = document.createElement('body');
  document.body = body;
  equal(document.body, body);
  const untitled = newDocument('<html><body></body></html>');
  untitled.title = 'ignored without a head';
  equal(untitled.title, '');
});
test('DOMImplementation: createHTMLDocument, createDocument, createDocumentType', () => {
  const document = newDocument();
  const created = document.implementation.createHTMLDocument('Hi');
  equal(created.title, 'Hi'); equal(created.doctype.name, 'html'); equal(created.body.parentNode, created.documentElement);
  const xml = document.implementation.createDocument('urn:x', 'root', null);
  equal(xml.documentElement.localName, 'root'); equal(xml.contentType, 'application/xml');
  equal(xml.createElement('A').localName, 'A', 'no lowercasing in XML documents');
  throwsDOM('NotSupportedError', () => created.createCDATASection('x'));
});
test('TreeWalker and NodeIterator with whatToShow and filters', () => {
  const document = newDocument();
  document.body.innerHTML = '<div><p>a</p><!--c--><p>b<i>i</i></p></div>';
  const { NodeFilter } = runtime.traversal;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  const names = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) names.push(node.localName);
  equal(names.join(), 'div,p,p,i');
  equal(walker.previousNode().localName, 'p');
  equal(walker.parentNode().localName, 'div');
  equal(walker.firstChild().localName, 'p');
  equal(walker.nextSibling().localName, 'p');
  equal(walker.lastChild().localName, 'i');
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (node.data === 'b' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT) });
  const data = [];
  for (let node = texts.nextNode(); node; node = texts.nextNode()) data.push(node.data);
  equal(data.join(), 'a,i');
  const iterator = document.createNodeIterator(document.body, NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_ELEMENT);
  const seen = [];
  for (let node = iterator.nextNode(); node; node = iterator.nextNode()) seen.push(node.nodeName);
  equal(seen.join(), 'BODY,DIV,P,#comment,P,I');
  equal(iterator.previousNode().nodeName, 'I');
  const p = document.getElementsByTagName('p')[1];
  p.remove();
  equal(iterator.referenceNode.nodeName, '#comment', 'the pre-removing steps moved the reference');
});

// ---- Events --------------------------------------------------------------------------------
test('dispatch runs capture, target and bubble listeners in order', () => {
  const document = newDocument();
  document.body.innerHTML = '<div><span></span></div>';
  const div = document.body.firstChild, span = div.firstChild;
  const order = [];
  const listen = (target, name, capture) => target.addEventListener('x', (event) => order.push(`${name}${capture ? 'C' : 'B'}${event.eventPhase}`), capture);
  for (const [target, name] of [[document, 'doc'], [div, 'div'], [span, 'span']]) { listen(target, name, true); listen(target, name, false); }
  const event = new runtime.events.Event('x', { bubbles: true });
  ok(span.dispatchEvent(event));
  equal(order.join(), 'docC1,divC1,spanC2,spanB2,divB3,docB3');
  equal(event.eventPhase, 0); equal(event.currentTarget, null); equal(event.target, span);
  order.length = 0;
  span.dispatchEvent(new runtime.events.Event('x'));
  equal(order.join(), 'docC1,divC1,spanC2,spanB2');
});
test('stopPropagation, stopImmediatePropagation, preventDefault, once, passive, removeEventListener, handleEvent', () => {
  const document = newDocument();
  const { Event, CustomEvent } = runtime.events;
  const div = document.createElement('div'), span = document.createElement('span');
  div.append(span);
  let calls = [];
  const stop = (event) => { calls.push('stop'); event.stopPropagation(); };
  span.addEventListener('e', stop);
  span.addEventListener('e', () => calls.push('second'));
  div.addEventListener('e', () => calls.push('parent'));
  span.dispatchEvent(new Event('e', { bubbles: true }));
  equal(calls.join(), 'stop,second');
  span.removeEventListener('e', stop);
  calls = [];
  span.addEventListener('e', (event) => { calls.push('immediate'); event.stopImmediatePropagation(); }, { capture: true });
  span.dispatchEvent(new Event('e', { bubbles: true }));
  equal(calls.join(), 'immediate');
  const cancelable = new Event('c', { cancelable: true });
  div.addEventListener('c', (event) => event.preventDefault(), { passive: true });
  ok(div.dispatchEvent(cancelable), 'passive listeners cannot cancel');
  div.addEventListener('c', (event) => event.preventDefault());
  const second = new Event('c', { cancelable: true });
  ok(!div.dispatchEvent(second)); ok(second.defaultPrevented);
  let once = 0;
  div.addEventListener('o', () => once++, { once: true });
  div.dispatchEvent(new Event('o')); div.dispatchEvent(new Event('o'));
  equal(once, 1);
  const handler = { count: 0, handleEvent(event) { this.count++; equal(event.detail.n, 1); } };
  div.addEventListener('h', handler);
  div.dispatchEvent(new CustomEvent('h', { detail: { n: 1 } }));
  equal(handler.count, 1);
  let inner = null;
  div.addEventListener('r', (event) => { try { div.dispatchEvent(event); } catch (error) { inner = error; } });
  div.dispatchEvent(new Event('r'));
  equal(inner && inner.name, 'InvalidStateError', 'dispatching an event being dispatched');
  const reported = [];
  runtime.events.setExceptionReporter((error) => reported.push(error.message));
  div.addEventListener('t', () => { throw new Error('listener failed'); });
  let after = false;
  div.addEventListener('t', () => { after = true; });
  div.dispatchEvent(new Event('t'));
  runtime.events.setExceptionReporter(() => {});
  equal(reported.join(), 'listener failed'); ok(after, 'a throwing listener does not stop the others');
});
test('event handler IDL attributes: onclick keeps its place, false cancels, null removes', () => {
  const document = newDocument();
  const { Event } = runtime.events;
  const div = document.createElement('div');
  const order = [];
  div.addEventListener('click', () => order.push('first'));
  div.onclick = () => { order.push('handler'); return false; };
  div.addEventListener('click', () => order.push('last'));
  div.onclick = () => { order.push('replaced'); return false; };
  const event = new Event('click', { cancelable: true });
  ok(!div.dispatchEvent(event));
  equal(order.join(), 'first,replaced,last');
  equal(typeof div.onclick, 'function');
  div.onclick = null;
  order.length = 0;
  ok(div.dispatchEvent(new Event('click', { cancelable: true })));
  equal(order.join(), 'first,last'); equal(div.onclick, null);
  div.onclick = 'not a function';
  equal(div.onclick, null);
  let loaded = 0;
  document.onreadystatechange = () => loaded++;
  document.dispatchEvent(new Event('readystatechange'));
  equal(loaded, 1);
});
test('AbortController, AbortSignal and the signal option', () => {
  const { AbortController, AbortSignal, Event } = runtime.events;
  const document = newDocument();
  const controller = new AbortController();
  let calls = 0, aborted = 0;
  document.addEventListener('s', () => calls++, { signal: controller.signal });
  controller.signal.addEventListener('abort', () => aborted++);
  document.dispatchEvent(new Event('s'));
  controller.abort();
  document.dispatchEvent(new Event('s'));
  equal(calls, 1); equal(aborted, 1); ok(controller.signal.aborted); equal(controller.signal.reason.name, 'AbortError');
  controller.abort();
  equal(aborted, 1);
  const signal = AbortSignal.abort('why');
  equal(signal.reason, 'why');
  let threw = null;
  try { signal.throwIfAborted(); } catch (error) { threw = error; }
  equal(threw, 'why');
  let illegal = '';
  try { new AbortSignal(); } catch (error) { illegal = error.message; }
  equal(illegal, 'Illegal constructor');
});
test('shadow trees retarget events and composedPath hides closed trees', () => {
  const document = newDocument();
  const { Event } = runtime.events;
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  root.append(button);
  let outsideTarget = null, insideTarget = null, path = null;
  document.body.addEventListener('c', (event) => { outsideTarget = event.target; path = event.composedPath(); });
  root.addEventListener('c', (event) => { insideTarget = event.target; });
  button.dispatchEvent(new Event('c', { bubbles: true, composed: true }));
  equal(outsideTarget, host); equal(insideTarget, button);
  equal(path.length, 6, 'button, shadow root, host, body, html, document (no window)');
  equal(path[1], root);
  let reached = false;
  document.body.addEventListener('n', () => { reached = true; });
  button.dispatchEvent(new Event('n', { bubbles: true }));
  ok(!reached, 'an event that is not composed stops at the shadow root');
  const closedHost = document.createElement('section');
  document.body.append(closedHost);
  const closed = closedHost.attachShadow({ mode: 'closed' });
  const inner = document.createElement('b');
  closed.append(inner);
  let outerPath = null;
  document.addEventListener('p', (event) => { outerPath = event.composedPath(); });
  inner.dispatchEvent(new Event('p', { bubbles: true, composed: true }));
  equal(outerPath[0], closedHost);
});

// ---- Window, page code, hostile page code ---------------------------------------------------
test('createWindow installs the interfaces, window, document and named access in a realm', () => {
  const context = vm.createContext({});
  const pageRuntime = loadRuntime(testHost(), { context });
  const document = pageRuntime.nodes.createDocument({ type: 'html', url: 'https://example.com/' });
  const [operations, text] = simpleMarkupBatch('<html><head></head><body><div id="box"></div><form name="login"></form><img id="pic" name="photo"></body></html>', { document: true });
  pageRuntime['tree-operations'].applyBatch(pageRuntime['tree-operations'].createParseSession(document), operations, text);
  pageRuntime.window.createWindow(vm.runInContext('globalThis', context), document);
  const result = vm.runInContext(`
    const out = [];
    out.push(window === self, document.body.tagName, box.id, typeof nothing, window.login === document.forms[0], document.login.localName);
    out.push(document.photo === document.getElementById('pic'), document.box);
    out.push(document.createElement('div') instanceof HTMLDivElement, document instanceof Node, window instanceof EventTarget);
    let illegal = ''; try { new HTMLElement(); } catch (error) { illegal = error.message; }
    out.push(illegal, new Text('t').ownerDocument === document, NodeFilter.SHOW_ELEMENT, typeof DOMException);
    let order = [];
    window.addEventListener('ping', () => order.push('window'));
    document.addEventListener('ping', () => order.push('document'));
    document.body.dispatchEvent(new Event('ping', { bubbles: true }));
    out.push(order.join());
    out.push(new Image(3).width, new Option('T', 'v', true).outerHTML, new Audio('a.mp3').src);
    const parsed = new DOMParser().parseFromString('<html><body><p>x</p></body></html>', 'text/html');
    out.push(parsed.body.innerHTML, new XMLSerializer().serializeToString(parsed.body.firstChild));
    out;
  `, context);
  const expected = [true, 'BODY', 'box', 'undefined', true, 'form', true, undefined, true, true, true, 'Illegal constructor', true, 1, 'function',
    'document,window', 3, '<option value="v" selected="">T</option>', 'https://example.com/a.mp3', '<p>x</p>', '<p>x</p>'];
  equal(JSON.stringify(result), JSON.stringify(expected));
});
test("Caper's own code survives page code overwriting built-ins and prototypes", () => {
  const context = vm.createContext({});
  const pageRuntime = loadRuntime(testHost(), { context });
  const document = pageRuntime.nodes.createDocument({ type: 'html', url: 'https://example.com/' });
  pageRuntime.window.createWindow(vm.runInContext('globalThis', context), document);
  const tree = pageRuntime['tree-operations'];
  vm.runInContext(`
    Array.prototype.push = () => { throw new Error('push'); };
    Array.prototype[Symbol.iterator] = function* () { throw new Error('iterator'); };
    String.prototype.slice = () => { throw new Error('slice'); };
    String.prototype.toLowerCase = () => 'hijacked';
    Object.defineProperty(Object.prototype, 'then', { get() { throw new Error('then'); }, configurable: true });
    Element.prototype.querySelectorAll = () => { throw new Error('qsa'); };
    Node.prototype.appendChild = () => { throw new Error('appendChild'); };
    Map.prototype.get = () => { throw new Error('map'); };
    RegExp.prototype.exec = () => { throw new Error('exec'); };
  `, context);
  const [operations, text] = simpleMarkupBatch('<html><head></head><body><p class="a">One<b>two</b></p></body></html>', { document: true });
  tree.applyBatch(tree.createParseSession(document), operations, text);
  equal(pageRuntime.serialization.html5libTree(document.body), ['| <p>', '|   class="a"', '|   "One"', '|   <b>', '|     "two"'].join('\n'));
  equal(pageRuntime.serialization.serializeChildren(document.body), '<p class="a">One<b>two</b></p>');
  equal(document.getElementsByTagName('P').length, 1);
});

for (const failure of results.failures) console.log(`FAIL ${failure}`);
console.log(`dom-tests: ${results.passed} passed, ${results.failed} failed`);
if (runtime.selectorsError) console.log(`note: selectors.js did not install: ${runtime.selectorsError.message}`);
process.exitCode = results.failed === 0 ? 0 : 1;
