// Caper's own entry points into a page realm: how Swift loads a document into the realm, and
// what Caper's own code (the scrape `page`, later the driver) uses to read and act on it. Every
// function here was captured when the realm was made, before any page code ran, and reads the
// tree through the DOM runtime's internal functions, so a page that overwrites prototypes,
// getters or globals (`Element.prototype.querySelectorAll`, `Node.prototype.textContent`,
// `JSON.stringify`) changes nothing they do.
(host, runtime) => {
  'use strict';
  const { JSONParse, JSONStringify, ObjectFreeze, ObjectGetOwnPropertyDescriptor, FunctionPrototypeCall } = runtime.primordials;
  // Captured while the realm is made, before any page code runs.
  const Int32ArrayConstructor = Int32Array;
  const nodes = runtime.nodes;
  const { createParseSession, applyBatch } = runtime['tree-operations'];
  const { serializeChildren, html5libTree } = runtime.serialization;
  const selectors = runtime.selectors;
  const { createWindow } = runtime.window;
  const titleOf = ObjectGetOwnPropertyDescriptor(nodes.Document.prototype, 'title').get;
  const createElementNS = nodes.Document.prototype.createElementNS;
  const setInnerHTML = ObjectGetOwnPropertyDescriptor(nodes.Element.prototype, 'innerHTML').set;
  const { HTML_NS, SVG_NS, MATHML_NS, CONTENT } = runtime.internals;
  const global = globalThis;
  let entryPoints = null;

  return {
    /// Makes the realm's document from a parsed batch and installs the window on the global.
    load(url, contentType, characterSet, operations, text) {
      const document = nodes.createDocument({ type: 'html', contentType, url });
      document[nodes.CHARSET] = characterSet;
      applyBatch(createParseSession(document), new Int32ArrayConstructor(operations), text);
      createWindow(global, document);
      entryPoints = ObjectFreeze({
        __proto__: null,
        document,
        window: global,
        title: () => FunctionPrototypeCall(titleOf, document),
        content: () => serializeChildren(document),
        querySelector: (selector) => selectors.querySelector(document, selector),
        querySelectorAll: (selector) => selectors.querySelectorAll(document, selector),
        parseJSON: (text) => JSONParse(text),
        stringifyJSON: (value) => JSONStringify(value),
      });
    },
    /// The entry points of the loaded document.
    entry() { return entryPoints; },
    /// A document or fragment parsed and built here, dumped in html5lib-tests' tree format: a
    /// document for a null context, else the children an element (`contextLocalName` in namespace
    /// index 0 HTML, 1 SVG, 2 MathML) gets from `innerHTML`, in the loaded window's document
    /// (scripting enabled) or in a document without a browsing context (scripting disabled).
    html5libTree(markup, scripting, contextLocalName, contextNamespace) {
      if (contextLocalName === null) {
        const document = nodes.createDocument({ type: 'html' });
        const batch = host.parseDocument(markup, scripting);
        applyBatch(createParseSession(document), new Int32ArrayConstructor(batch[0]), batch[1]);
        return html5libTree(document);
      }
      const owner = scripting ? entryPoints.document : nodes.createDocument({ type: 'html' });
      const namespace = contextNamespace === 1 ? SVG_NS : contextNamespace === 2 ? MATHML_NS : HTML_NS;
      const context = FunctionPrototypeCall(createElementNS, owner, namespace, contextLocalName);
      FunctionPrototypeCall(setInnerHTML, context, markup);
      // innerHTML on a template fills its template contents.
      return html5libTree(context[CONTENT] ?? context);
    },
  };
}
