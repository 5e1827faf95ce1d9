// A cross-check of the DOM runtime's tree-operation and html5lib-format paths with a parser
// that is not Caper's: Debian's parse5 (node-parse5) parses each html5lib-tests
// tree-construction case; its tree is written as a tree-operation batch, applied with
// applyBatch, dumped with html5libTree and compared with the expected dump. A failure is a
// fault of applyBatch or html5libTree, or a case parse5 itself gets wrong (listed, not hidden).
// Also builds the real 1 MB pages of Support/scripts/fetch-pages when they are there and prints
// the build time and heap. Run: node --expose-gc dom-parse5-check.js [tree-construction dir]
'use strict';
const fs = require('fs');
const path = require('path');
const { loadRuntime, BatchWriter, testHost } = require('./dom-harness.js');

let parse5;
try {
  parse5 = require('/usr/share/nodejs/parse5');
} catch {
  console.log('dom-parse5-check: skipped, node-parse5 is not installed (apt-get install node-parse5)');
  process.exit(0);
}
const runtime = loadRuntime(testHost());
const { nodes, internals } = runtime;
const { createParseSession, applyBatch } = runtime['tree-operations'];
const { html5libTree } = runtime.serialization;

const elementNamespaces = { [internals.HTML_NS]: 0, [internals.SVG_NS]: 1, [internals.MATHML_NS]: 2 };
const attributeNamespaces = { [internals.XLINK_NS]: 1, [internals.XML_NS]: 2, [internals.XMLNS_NS]: 3 };
const modes = { 'no-quirks': 0, quirks: 1, 'limited-quirks': 2 };

/** A parse5 tree (children of `root`) as one batch. */
function batchOf(root, isDocument) {
  const w = new BatchWriter();
  if (isDocument) w.mode(modes[root.mode] ?? 0);
  const visit = (node, parentId) => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#documentType') w.doctype(child.name ?? '', child.publicId ?? null, child.systemId ?? null);
      else if (child.nodeName === '#text') w.characters(parentId, child.value);
      else if (child.nodeName === '#comment') w.append(parentId, w.comment(child.data));
      else {
        const attributes = child.attrs.map((a) => [a.namespace ? (a.prefix ? `${a.prefix}:${a.name}` : a.name) : a.name, a.value,
          a.namespace ? attributeNamespaces[a.namespace] : 0]);
        const id = w.element(child.tagName, attributes, elementNamespaces[child.namespaceURI]);
        w.append(parentId, id);
        if (child.content) visit(child.content, w.templateContents(id));
        visit(child, id);
      }
    }
  };
  visit(root, 0);
  return w.finish();
}

function readCases(file) {
  const cases = [];
  for (const chunk of fs.readFileSync(file, 'utf8').split(/\n(?=#data\n)/)) {
    if (!chunk.startsWith('#data\n')) continue;
    const sections = {};
    let name = null;
    for (const line of chunk.split('\n')) {
      if (/^#(data|errors|new-errors|document-fragment|script-off|script-on|document)$/.test(line)) { name = line.slice(1); sections[name] = []; }
      else if (name !== null) sections[name].push(line);
    }
    const document = (sections.document ?? []).join('\n').replace(/\n+$/, '');
    cases.push({ data: sections.data.join('\n'), fragment: sections['document-fragment']?.[0], scripting: !('script-off' in sections), document });
  }
  return cases;
}

const directory = process.argv[2] ?? require('path').resolve(__dirname, '../../../../shared/conformance/html5lib-tests/tree-construction');
let passed = 0;
const failures = [];
for (const file of fs.readdirSync(directory).filter((f) => f.endsWith('.dat')).sort()) {
  readCases(path.join(directory, file)).forEach((test, index) => {
    let actual;
    try {
      if (test.fragment !== undefined) {
        const [prefix, local] = test.fragment.includes(' ') ? test.fragment.split(' ') : ['html', test.fragment];
        const namespace = { html: internals.HTML_NS, svg: internals.SVG_NS, math: internals.MATHML_NS }[prefix];
        const context = parse5.defaultTreeAdapter.createElement(local, namespace, []);
        const tree = parse5.parseFragment(context, test.data, { scriptingEnabled: test.scripting });
        const fragment = nodes.createDocumentFragment(nodes.createDocument({ type: 'html' }));
        applyBatch(createParseSession(fragment), ...batchOf(tree, false));
        actual = html5libTree(fragment);
      } else {
        const tree = parse5.parse(test.data, { scriptingEnabled: test.scripting });
        const document = nodes.createDocument({ type: 'html' });
        applyBatch(createParseSession(document), ...batchOf(tree, true));
        actual = html5libTree(document);
      }
    } catch (error) {
      actual = `threw ${error.message}`;
    }
    if (actual === test.document) passed++;
    else failures.push(`${file} #${index + 1} ${JSON.stringify(test.data).slice(0, 80)}`);
  });
}
for (const failure of failures) console.log(`differs: ${failure}`);
console.log(`dom-parse5-check: ${passed} of ${passed + failures.length} html5lib tree-construction cases match through parse5 -> applyBatch -> html5libTree`);

// Real pages, when fetched: build time and heap, parse5's parse excluded.
const pages = ['sqlite/doc_backlink_crossref.html', 'bash/bashref.html'].map((page) => path.resolve(__dirname, '../../../.bundles/pages', page));
for (const page of pages.filter((file) => fs.existsSync(file))) {
  const [operations, text] = batchOf(parse5.parse(fs.readFileSync(page, 'utf8')), true);
  const build = () => { const document = nodes.createDocument({ type: 'html' }); applyBatch(createParseSession(document), operations, text); return document; };
  let heap = '';
  if (typeof gc === 'function') {
    // The document's heap: used with it kept, minus used once it is dropped.
    let kept = build();
    const elements = kept.getElementsByTagName('*').length;
    gc(); gc();
    const withDocument = process.memoryUsage().heapUsed;
    kept = null;
    gc(); gc();
    heap = `, heap ${((withDocument - process.memoryUsage().heapUsed) / 1048576).toFixed(1)} MB for ${elements} elements`;
  }
  for (let i = 0; i < 5; i++) build();
  const times = [];
  const cpuTimes = [];
  for (let i = 0; i < 9; i++) {
    if (typeof gc === 'function') gc();
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    build();
    const used = process.cpuUsage(cpu);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  console.log(`${path.basename(page)}: applyBatch median ${times[4].toFixed(1)} ms wall (best ${times[0].toFixed(1)}), ${cpuTimes[4].toFixed(1)} ms CPU${heap}`);
}
process.exitCode = failures.length === 0 ? 0 : 1;
