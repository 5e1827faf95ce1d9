// Test-only support for the selector tests (run with node 18): installs primordials.js,
// internals.js, css-syntax.js and selectors.js the way the realm does (each file one function
// expression `(host, runtime) => exports`, in order), and builds minimal trees that fill the DOM's
// internal slots, so the engine is tested before the real parser and DOM exist.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { execFileSync } = require('child_process');

const repository = path.resolve(__dirname, '../../..');
const sources = {
  primordials: 'Sources/Runtime/JavaScript/primordials.js',
  internals: 'Sources/Browser/JavaScript/dom/internals.js',
  'css-syntax': 'Sources/Browser/JavaScript/dom/css-syntax.js',
  selectors: 'Sources/Browser/JavaScript/dom/selectors.js',
};

/// A DOMException stand-in with the name and code a SyntaxError DOMException has.
class FakeDOMException extends Error {
  constructor(message, name) {
    super(message);
    this.name = name;
    this.code = name === 'SyntaxError' ? 12 : 0;
  }
}

const install = () => {
  const runtime = {};
  for (const [name, file] of Object.entries(sources)) {
    const source = fs.readFileSync(path.join(repository, file), 'utf8');
    const factory = vm.runInThisContext(source, { filename: file });
    runtime[name] = factory({}, runtime);
  }
  runtime.selectors.configure({ syntaxError: (message) => new FakeDOMException(message, 'SyntaxError') });
  return runtime;
};

const runtime = install();
const S = runtime.internals;

const HTML_NS = S.HTML_NS;

const makeDocument = (options = {}) => {
  const document = {
    [S.TYPE]: 9,
    [S.DOCUMENT]: null,
    [S.PARENT]: null,
    [S.FIRST]: null,
    [S.LAST]: null,
    [S.NEXT]: null,
    [S.PREV]: null,
    [S.MODE]: options.mode || 'no-quirks',
    [S.CONTENT_TYPE]: options.contentType || 'text/html',
    // An HTML document unless the content type says otherwise (as DOMImplementation makes them).
    [S.HTML_DOCUMENT]: options.html !== undefined ? options.html : (options.contentType || 'text/html') === 'text/html',
    [S.URL]: options.url || 'about:blank',
    [S.VERSION]: 0,
  };
  return document;
};

const makeAttr = (namespace, local, value, owner) => ({
  [S.NAMESPACE]: namespace,
  [S.PREFIX]: null,
  [S.LOCAL]: local,
  [S.QUALIFIED]: local,
  [S.VALUE]: value,
  [S.OWNER]: owner,
});

const makeElement = (document, namespace, local, attributes = []) => {
  const element = {
    [S.TYPE]: 1,
    [S.DOCUMENT]: document,
    [S.PARENT]: null,
    [S.FIRST]: null,
    [S.LAST]: null,
    [S.NEXT]: null,
    [S.PREV]: null,
    [S.NAMESPACE]: namespace,
    [S.PREFIX]: null,
    [S.LOCAL]: local,
    [S.QUALIFIED]: local,
    [S.ATTRIBUTES]: [],
    [S.SHADOW]: null,
  };
  for (const [name, value, namespaceOfAttr = null] of attributes) element[S.ATTRIBUTES].push(makeAttr(namespaceOfAttr, name, value, element));
  return element;
};

const makeCharacterData = (document, type, data) => ({
  [S.TYPE]: type,
  [S.DOCUMENT]: document,
  [S.PARENT]: null,
  [S.FIRST]: null,
  [S.LAST]: null,
  [S.NEXT]: null,
  [S.PREV]: null,
  [S.DATA]: data,
});

const makeFragment = (document) => ({
  [S.TYPE]: 11,
  [S.DOCUMENT]: document,
  [S.PARENT]: null,
  [S.FIRST]: null,
  [S.LAST]: null,
  [S.NEXT]: null,
  [S.PREV]: null,
  [S.HOST]: null,
});

/// Marks a mutation as the DOM does: the node document's VERSION goes up.
const touch = (node) => {
  const document = node[S.TYPE] === 9 ? node : node[S.DOCUMENT];
  if (document) document[S.VERSION]++;
};

const append = (parent, child) => {
  touch(parent);
  child[S.PARENT] = parent;
  child[S.PREV] = parent[S.LAST];
  child[S.NEXT] = null;
  if (parent[S.LAST]) parent[S.LAST][S.NEXT] = child;
  else parent[S.FIRST] = child;
  parent[S.LAST] = child;
  return child;
};

const remove = (child) => {
  const parent = child[S.PARENT];
  touch(parent);
  if (child[S.PREV]) child[S.PREV][S.NEXT] = child[S.NEXT];
  else parent[S.FIRST] = child[S.NEXT];
  if (child[S.NEXT]) child[S.NEXT][S.PREV] = child[S.PREV];
  else parent[S.LAST] = child[S.PREV];
  child[S.PARENT] = child[S.NEXT] = child[S.PREV] = null;
};

/// Attaches a shadow root to `host` (mode 'open').
const attachShadow = (host) => {
  const root = makeFragment(host[S.DOCUMENT]);
  root[S.HOST] = host;
  root[S.MODE] = 'open';
  host[S.SHADOW] = root;
  return root;
};

const clone = (node, document = node[S.DOCUMENT]) => {
  let copy;
  const type = node[S.TYPE];
  if (type === 1) {
    copy = makeElement(document, node[S.NAMESPACE], node[S.LOCAL]);
    for (const attr of node[S.ATTRIBUTES]) copy[S.ATTRIBUTES].push(makeAttr(attr[S.NAMESPACE], attr[S.LOCAL], attr[S.VALUE], copy));
  } else if (type === 11) {
    copy = makeFragment(document);
  } else {
    copy = makeCharacterData(document, type, node[S.DATA]);
  }
  for (let child = node[S.FIRST]; child; child = child[S.NEXT]) append(copy, clone(child, document));
  return copy;
};

const getAttribute = (element, name) => {
  for (const attr of element[S.ATTRIBUTES]) if (attr[S.LOCAL] === name && attr[S.NAMESPACE] === null) return attr[S.VALUE];
  return null;
};
const setAttribute = (element, name, value) => {
  touch(element);
  for (const attr of element[S.ATTRIBUTES]) {
    if (attr[S.LOCAL] === name && attr[S.NAMESPACE] === null) {
      attr[S.VALUE] = value;
      return;
    }
  }
  element[S.ATTRIBUTES].push(makeAttr(null, name, value, element));
};

/// Every element below `root`, in tree order.
const descendants = (root) => {
  const out = [];
  const walk = (node) => {
    for (let child = node[S.FIRST]; child; child = child[S.NEXT]) {
      if (child[S.TYPE] === 1) out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
};

/// A document built from the JSON tree selectors-fixture.py prints for `file`.
const loadHTML = (file, options = {}) => {
  const json = JSON.parse(execFileSync('python3', [path.join(__dirname, 'selectors-fixture.py'), file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  return buildDocument(json, options);
};

/// A document parsed from `text` (through a temporary file and selectors-fixture.py).
const parseHTML = (text, options = {}) => {
  const file = path.join(require('os').tmpdir(), `selectors-${process.pid}-${Date.now()}.html`);
  fs.writeFileSync(file, text);
  try {
    return loadHTML(file, options);
  } finally {
    fs.unlinkSync(file);
  }
};

const buildDocument = (json, options = {}) => {
  const document = makeDocument(options);
  if (json.doctype !== null) {
    const doctype = makeCharacterData(document, 10, '');
    doctype[S.NAME] = json.doctype;
    append(document, doctype);
  }
  const build = (parent, node) => {
    if (node[0] === 'e') {
      const namespace = node[1] === 'svg' || parent[S.NAMESPACE] === S.SVG_NS ? S.SVG_NS : HTML_NS;
      const element = append(parent, makeElement(document, namespace, node[1], node[2]));
      for (const child of node[3]) build(element, child);
    } else {
      append(parent, makeCharacterData(document, node[0] === 't' ? 3 : 8, node[1]));
    }
  };
  for (const child of json.children) build(document, child);
  return document;
};

const byId = (root, id) => descendants(root).find((element) => getAttribute(element, 'id') === id) || null;
const ids = (elements) => elements.map((element) => getAttribute(element, 'id'));

module.exports = {
  runtime,
  selectors: runtime.selectors,
  S,
  HTML_NS,
  FakeDOMException,
  makeDocument,
  makeElement,
  makeCharacterData,
  makeFragment,
  append,
  remove,
  attachShadow,
  clone,
  getAttribute,
  setAttribute,
  touch,
  descendants,
  loadHTML,
  parseHTML,
  buildDocument,
  byId,
  ids,
};
