// Loads Caper's DOM runtime into this Node process the way a page realm installs it (each file's
// text evaluated to its `(host, runtime) => exports` function, called in order), and writes
// tree-operation batches by hand (the format of Sources/HTML/TreeOperation.swift).
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const sources = path.resolve(__dirname, '../../../Sources');
/** The DOM runtime's files after `primordials` and `internals`, in install order. */
const domFiles = (process.env.DOM_FILES ?? 'safe-array-iterator,dom-exception,events,nodes,collections,tree-operations,serialization,css-style-declaration,elements,traversal,window').split(',');

/**
 * Installs primordials, internals, the DOM files (and selectors.js when present); returns `runtime`.
 * With `context` (a vm context), the files run in that realm, as in a page realm.
 */
function loadRuntime(host = {}, { selectors = true, context = null } = {}) {
  const runtime = context === null ? Object.create(null) : vm.runInContext('Object.create(null)', context);
  const install = (name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    const script = context === null ? (0, eval)(source) : vm.runInContext(source, context, { filename: file });
    runtime[name] = script(Object.freeze({ ...host }), runtime) || {};
  };
  install('primordials', path.join(sources, 'Runtime/JavaScript/primordials.js'));
  install('internals', path.join(sources, 'Browser/JavaScript/dom/internals.js'));
  for (const name of domFiles) install(name, path.join(sources, `Browser/JavaScript/dom/${name}.js`));
  const selectorsFile = path.join(sources, 'Browser/JavaScript/dom/selectors.js');
  if (selectors && fs.existsSync(selectorsFile)) {
    const cssSyntax = path.join(sources, 'Browser/JavaScript/dom/css-syntax.js');
    try {
      if (fs.existsSync(cssSyntax)) install('css-syntax', cssSyntax);
      install('selectors', selectorsFile);
      // The cascade (getComputedStyle, innerText) runs after the selector engine, as in DOMRuntime.swift.
      for (const name of ['css-parser', 'cascade']) install(name, path.join(sources, `Browser/JavaScript/dom/${name}.js`));
    } catch (error) {
      runtime.selectorsError = error;
    }
  }
  return runtime;
}

/** Writes one batch of tree operations: words and the text their strings point into. */
class BatchWriter {
  constructor(firstId = 1) {
    this.words = [];
    this.text = '';
    this.names = new Map();
    this.nextId = firstId;
  }
  string(value) {
    if (value === null) return [-1, 0];
    const offset = this.text.length;
    this.text += value;
    return [offset, value.length];
  }
  name(value) {
    let id = this.names.get(value);
    if (id === undefined) {
      id = this.names.size;
      this.names.set(value, id);
      this.words.push(1, id, ...this.string(value));
    }
    return id;
  }
  /** attributes: [[name, value, namespace (0 none, 1 xlink, 2 xml, 3 xmlns)], ...] */
  attributeWords(attributes) {
    const words = [];
    for (const [name, value, namespace = 0] of attributes) words.push(namespace, this.name(name), ...this.string(value));
    return words;
  }
  element(localName, attributes = [], namespace = 0) {
    const id = this.nextId++;
    const nameId = this.name(localName);
    const attributeWords = this.attributeWords(attributes);
    this.words.push(4, id, namespace, nameId, attributes.length, ...attributeWords);
    return id;
  }
  comment(data) { const id = this.nextId++; this.words.push(5, id, ...this.string(data)); return id; }
  doctype(name, publicId = null, systemId = null) { this.words.push(2, ...this.string(name), ...this.string(publicId), ...this.string(systemId)); }
  mode(mode) { this.words.push(3, mode); }
  append(parent, child) { this.words.push(6, parent, child); }
  insertBefore(parent, child, reference) { this.words.push(7, parent, child, reference); }
  characters(parent, data, reference = -1) { this.words.push(8, parent, reference, ...this.string(data)); }
  fosterParent(child, table, fallback) { this.words.push(9, child, table, fallback); }
  fosterText(table, fallback, data) { this.words.push(10, table, fallback, ...this.string(data)); }
  addMissingAttributes(node, attributes) { this.words.push(11, node, attributes.length, ...this.attributeWords(attributes)); }
  remove(child) { this.words.push(12, child); }
  moveChildren(from, to) { this.words.push(13, from, to); }
  templateContents(template) { const id = this.nextId++; this.words.push(14, template, id); return id; }
  formOwner(element, form) { this.words.push(15, element, form); }
  shadowRoot(hostId, mode = 0, flags = 0) { const id = this.nextId++; this.words.push(16, hostId, id, mode, flags); return id; }
  pop(node) { this.words.push(17, node); }
  /** [operations: ArrayBuffer, text], as the host's parse functions return a batch. */
  finish() {
    const batch = [new Int32Array(this.words).buffer, this.text];
    this.words = [];
    this.text = '';
    return batch;
  }
}

/**
 * A synthetic page of about `blocks` * 10 elements (17k for 1,700 blocks) and ~1 MB of markup:
 * sections of headings, paragraphs with links, lists and a small table, in one batch.
 */
function syntheticPage(blocks = 1700) {
  const w = new BatchWriter();
  w.doctype('html');
  const html = w.element('html', [['lang', 'en']]);
  w.append(0, html);
  const head = w.element('head');
  w.append(html, head);
  const title = w.element('title');
  w.append(head, title);
  w.characters(title, 'A synthetic page');
  const body = w.element('body', [['class', 'page']]);
  w.append(html, body);
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ';
  for (let i = 0; i < blocks; i++) {
    const section = w.element('section', [['id', `s${i}`], ['class', `block kind-${i % 7}`], ['data-index', String(i)]]);
    w.append(body, section);
    const h2 = w.element('h2');
    w.append(section, h2);
    w.characters(h2, `Section ${i}`);
    const p = w.element('p', [['class', 'text']]);
    w.append(section, p);
    w.characters(p, filler + filler);
    const a = w.element('a', [['href', `/items/${i}`], ['title', `Item ${i}`]]);
    w.append(p, a);
    w.characters(a, `item ${i}`);
    w.characters(p, filler);
    const ul = w.element('ul');
    w.append(section, ul);
    for (let j = 0; j < 3; j++) {
      const li = w.element('li', [['class', j === 0 ? 'first item' : 'item']]);
      w.append(ul, li);
      w.characters(li, `Entry ${j} ${filler}`);
    }
    const span = w.element('span', [['class', 'note']]);
    w.append(section, span);
    w.characters(span, 'note');
    const input = w.element('input', [['type', 'text'], ['name', `field${i}`], ['value', String(i)]]);
    w.append(section, input);
  }
  return w.finish();
}

/**
 * A test-only stand-in for the Swift parser: well-formed markup (tags, attributes, text, comments,
 * void elements, raw-text script/style, svg subtrees) written as a batch below node `root`.
 * Not the HTML parsing algorithm: no implied tags, no error recovery.
 */
function simpleMarkupBatch(markup, { document = false } = {}) {
  const w = new BatchWriter();
  const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const decode = (text) => text.replace(/&(amp|lt|gt|quot|nbsp|#(\d+));/g, (_, name, code) =>
    code ? String.fromCharCode(Number(code)) : { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' }[name]);
  const stack = [{ id: 0, namespace: 0, name: '' }];
  const top = () => stack[stack.length - 1];
  const pattern = /<!--([\s\S]*?)-->|<!doctype\s+(\w+)>|<\/([\w-]+)\s*>|<([\w-]+)((?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|([^<]+|<)/gi;
  let match;
  while ((match = pattern.exec(markup)) !== null) {
    const [, comment, doctype, endTag, startTag, attributeText, text] = match;
    if (comment !== undefined) w.append(top().id, w.comment(comment));
    else if (doctype !== undefined) w.doctype(doctype);
    else if (endTag !== undefined) {
      for (let i = stack.length - 1; i > 0; i--) if (stack[i].name === endTag.toLowerCase()) { while (stack.length > i) w.pop(stack.pop().id); break; }
    } else if (startTag !== undefined) {
      const name = startTag.toLowerCase();
      const namespace = name === 'svg' ? 1 : top().namespace;
      const attributes = [];
      for (const [, attributeName, , v1, v2, v3] of attributeText.matchAll(/([\w:-]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
        const lower = attributeName.toLowerCase();
        attributes.push(lower.startsWith('xlink:') ? [lower.slice(6), decode(v1 ?? v2 ?? v3 ?? ''), 1] : [lower, decode(v1 ?? v2 ?? v3 ?? '')]);
      }
      const id = w.element(name, attributes, namespace);
      w.append(top().id, id);
      if (name === 'template' && namespace === 0) {
        stack.push({ id: w.templateContents(id), namespace, name, element: id });
      } else if (name === 'script' || name === 'style') {
        const end = markup.toLowerCase().indexOf(`</${name}`, pattern.lastIndex);
        const stop = end < 0 ? markup.length : end;
        if (stop > pattern.lastIndex) w.characters(id, markup.slice(pattern.lastIndex, stop));
        pattern.lastIndex = stop;
        stack.push({ id, namespace, name });
      } else if (!(namespace === 0 && voids.has(name)) && !match[0].endsWith('/>')) stack.push({ id, namespace, name });
    } else w.characters(top().id, decode(text));
  }
  if (document) w.mode(0);
  return w.finish();
}

/** A host for tests: parseFragment/parseDocument through `simpleMarkupBatch`, resolveURL through Node's URL. */
function testHost(calls = []) {
  return {
    parseFragment(markup, contextLocalName, contextNamespace, quirksMode, scripting) {
      calls.push({ markup, contextLocalName, contextNamespace, quirksMode, scripting });
      return simpleMarkupBatch(markup);
    },
    parseDocument(markup) { return simpleMarkupBatch(markup, { document: true }); },
    resolveURL(base, relative) {
      try { return new URL(relative, base).href; } catch { return null; }
    },
    // The URL crossings (Ada in Caper, Node's URL here): a URL's components at once, null on failure.
    urlParse(input, base) {
      try { return urlComponents(new URL(input, typeof base === 'string' ? base : undefined)); } catch { return null; }
    },
    urlCanParse(input, base) { return URL.canParse(input, typeof base === 'string' ? base : undefined); },
    urlSet(href, component, value) {
      let url;
      try { url = new URL(href); } catch { return null; }
      try { url[component] = value; } catch { return null; }
      return urlComponents(url);
    },
    urlSearchParamsParse(query) { return [...new URLSearchParams(query)].flat(); },
    urlSearchParamsSerialize(flat) {
      const params = new URLSearchParams();
      for (let i = 0; i + 1 < flat.length; i += 2) params.append(flat[i], flat[i + 1]);
      return params.toString();
    },
  };
}
const urlComponents = (url) => {
  const { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash } = url;
  return { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash };
};

/**
 * A node test file's cases: `test(name, body)` adds one (`body` may be async), `equal(actual,
 * expected, message)` compares with Object.is; `run({ before })` runs the cases in order (`before`
 * first for each), prints each failure and "N passed, M failed", and sets the exit code.
 */
function testCases() {
  const tests = [];
  const test = (name, body) => tests.push([name, body]);
  const equal = (actual, expected, message = '') => {
    if (!Object.is(actual, expected)) throw new Error(`${message} expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  const run = async ({ before } = {}) => {
    let passed = 0;
    const failures = [];
    for (const [name, body] of tests) {
      try {
        if (before) before();
        await body();
        passed++;
      } catch (error) {
        failures.push(`${name}: ${error && error.stack ? error.stack.split('\n').slice(0, 3).join('\n    ') : error}`);
      }
    }
    for (const failure of failures) console.log(`FAIL ${failure}`);
    console.log(`${passed} passed, ${failures.length} failed`);
    process.exitCode = failures.length === 0 ? 0 : 1;
  };
  return { test, equal, run };
}

module.exports = { loadRuntime, BatchWriter, syntheticPage, simpleMarkupBatch, testHost, domFiles, testCases };
