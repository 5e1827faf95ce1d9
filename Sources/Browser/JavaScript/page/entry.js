// Caper's own entry points into a page realm: how Swift loads a document into the realm, and
// what Caper's own code (the scrape `page`, later the driver) uses to read and act on it. Every
// function here was captured when the realm was made, before any page code ran, and reads the
// tree through the DOM runtime's internal functions, so a page that overwrites prototypes,
// getters or globals (`Element.prototype.querySelectorAll`, `Node.prototype.textContent`,
// `JSON.stringify`, `Promise.prototype.then`) changes nothing they do.
//
// Values cross between realms as text in Playwright's serialization format
// (`shared/serialized-value.js`); a node is the string "ref: <Node>" (the document "ref:
// <Document>", the window "ref: <Window>"). A result settles as `{"value": ...}`, `{"error": {"n", "m", "s"}}` (the function threw) or
// `{"unserializable": message}`. No object of either realm crosses: the support realm never
// calls a page object's `then` (a page that replaces `Promise.prototype.then` could forge results),
// it polls a settle function instead.
(host, runtime) => {
  'use strict';
  const {
    JSONParse, JSONStringify, ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectDefineProperty, ObjectKeys, ObjectIs,
    ObjectPrototypeToString, FunctionPrototypeCall, ArrayIsArray, NumberIsNaN, BigIntPrototypeToString, DatePrototypeGetTime,
    DatePrototypeToISOString, ObjectPrototypeHasOwnProperty, PromisePrototypeThen, Map, MapPrototypeGet, MapPrototypeSet, String, Date, RegExp, BigInt,
    Promise, StringPrototypeEndsWith, ArrayPrototypePush, Number,
  } = runtime.primordials;
  // Captured while the realm is made, before any page code runs.
  const Int32ArrayConstructor = Int32Array;
  const indirectEval = (0, eval);
  const { TYPE } = runtime.internals;
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

  // Runs the DOM's hot paths once while the realm is made, on a small document that is dropped
  // after: their bytecode then comes with the startup snapshot, so a page realm made from it
  // does not compile them again at its first document. Touches no global and calls no host
  // function.
  const warmUp = () => {
    // A batch as the parser writes it (Sources/HTML/TreeOperation.swift): names, then elements,
    // attributes, text and comments appended into html > head + body.
    let text = '';
    const words = [];
    const string = (value) => { const at = [text.length, value.length]; text += value; return at; };
    const nameIds = {};
    for (const name of ['html', 'head', 'body', 'div', 'a', 'ul', 'li', 'p', 'href', 'class', 'id', 'title']) {
      nameIds[name] = words.length / 4;
      words.push(1, nameIds[name], ...string(name));
    }
    let node = 0;
    const element = (parent, name, attributes = []) => {
      const id = ++node;
      words.push(4, id, 0, nameIds[name], attributes.length);
      for (const [attribute, value] of attributes) words.push(0, nameIds[attribute], ...string(value));
      words.push(6, parent, id);
      return id;
    };
    words.push(3, 0);
    const html = element(0, 'html');
    element(html, 'head');
    const body = element(html, 'body');
    for (let i = 0; i < 40; i++) {
      const div = element(body, 'div', [['class', 'menu main'], ['id', `d${i}`]]);
      const list = element(div, 'ul');
      for (let j = 0; j < 5; j++) {
        const link = element(element(list, 'li'), 'a', [['href', `page${j}.html#top`]]);
        words.push(8, link, -1, ...string(`Hello <world> ${j}`));
      }
      const paragraph = element(div, 'p', [['title', 'note']]);
      words.push(8, paragraph, -1, ...string('Some text, '));
      words.push(5, ++node, ...string(' a comment '), 6, paragraph, node);
    }
    const document = nodes.createDocument({ type: 'html', url: 'about:blank' });
    applyBatch(createParseSession(document), new Int32ArrayConstructor(words), text);
    let count = 0;
    for (const selector of ['a', 'li > a[href$=".html"]', 'div.menu ul li a', 'ul li:nth-child(2n+1) a', 'li:first-child', '#x', 'p a[id]']) {
      count += selectors.querySelectorAll(document, selector).length;
    }
    const stack = [document];
    while (stack.length > 0) {
      const n = stack.pop();
      count++;
      if (n.attributes) for (const a of n.attributes) count += a.value.length;
      for (let c = n.lastChild; c !== null; c = c.previousSibling) stack.push(c);
    }
    const bodyElement = document.body;
    count += bodyElement.textContent.length + serializeChildren(document).length + bodyElement.getElementsByTagName('li').length;
    count += bodyElement.querySelector('a').getAttribute('href').length + FunctionPrototypeCall(titleOf, document).length;
    return count;
  };
  warmUp();
  // The interface objects are the same for every document of the realm: defined now, they come
  // with the startup snapshot instead of being defined at each page's first document.
  runtime.window.defineInterfaces(global);

  const { makeEncoder, pageReference, decode, describeError } = runtime['serialized-value'];
  const encodeValue = makeEncoder(() => '{"v":"undefined"}', pageReference(global, TYPE));

  // `evaluateHandle`'s: an element comes back as the handle the support realm's ElementHandle holds.
  const encodeHandles = makeEncoder(
    () => '{"v":"undefined"}',
    (value) => {
      if (value === global) return '"ref: <Window>"';
      const nodeType = value[TYPE];
      if (typeof nodeType === 'number') return `{"h":${runtime['selector-engine'].adopt(value)}}`;
      return undefined;
    });
  /// An argument's text as a value of this realm: `{"h": n}` is the element adopted as handle n.
  const decodeArgument = (text) => decode(text, (number) => {
    const element = runtime['selector-engine'].adopted(number);
    if (element === undefined) throw new Error('JSHandle is disposed or belongs to another document');
    return element;
  });

  const outcome = (value, encode = encodeValue) => {
    try {
      return `{"value":${encode(value)}}`;
    } catch (error) {
      return `{"unserializable":${JSONStringify(describeErrorMessage(error))}}`;
    }
  };
  const describeErrorMessage = (error) => {
    try {
      return String(error?.message ?? error);
    } catch {
      return 'the value cannot be read';
    }
  };

  /// Runs `run` and gives its outcome's text, or, when it returned a promise or a thenable, a
  /// function that gives the text once it settles (undefined before). A promise is waited on
  /// through the `then` captured at start (a page that replaces `Promise.prototype.then` or a
  /// promise's `constructor` cannot change what it settled with); a thenable by `await`, in this
  /// realm. The caller only ever receives strings.
  const settle = (run, encode = encodeValue) => {
    let value;
    try {
      value = run();
    } catch (error) {
      return `{"error":${describeError(error)}}`;
    }
    let settled;
    const fulfilled = (result) => {
      settled = outcome(result, encode);
    };
    const rejected = (error) => {
      settled = `{"error":${describeError(error)}}`;
    };
    if (value !== null && typeof value === 'object') {
      try {
        PromisePrototypeThen(value, fulfilled, rejected);
        return () => settled;
      } catch {
        // Not a promise.
      }
    }
    try {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || typeof value.then !== 'function') {
        return outcome(value, encode);
      }
    } catch (error) {
      return `{"error":${describeError(error)}}`;
    }
    (async () => {
      try {
        fulfilled(await value);
      } catch (error) {
        rejected(error);
      }
    })();
    return () => settled;
  };

  const makeEntryPoints = (document) => ObjectFreeze({
    __proto__: null,
    document,
    window: global,
    title: () => FunctionPrototypeCall(titleOf, document),
    /// The document's URL now (`pushState`, `replaceState` and fragment changes included).
    url: () => document[runtime.internals.URL],
    content: () => (document[nodes.HTML_DOCUMENT] ? serializeChildren(document) : runtime.window.serializeXML(document)),
    querySelector: (selector) => selectors.querySelector(document, selector),
    querySelectorAll: (selector) => selectors.querySelectorAll(document, selector),
    evaluate: (fn, argumentText) => settle(() => fn(decodeArgument(argumentText))),
    evaluateOn: (fn, target, argumentText) => settle(() => fn(target, decodeArgument(argumentText))),
    /// `evaluateHandle`: as `evaluate`, with the nodes of the result as handles (`{"h": n}`).
    evaluateHandle: (fn, argumentText) => settle(() => fn(decodeArgument(argumentText)), encodeHandles),
    evaluateHandleOn: (fn, target, argumentText) => settle(() => fn(target, decodeArgument(argumentText)), encodeHandles),
    /// The handle number of `node` (Playwright's ElementHandle; `internal:handle=n` finds it).
    adopt: (node) => runtime['selector-engine'].adopt(node),
    /// The node adopted as handle `number` (null for none).
    handleNode: (number) => runtime['selector-engine'].adopted(number) ?? null,
    evaluateExpression: (source) => settle(() => indirectEval(source)),
    /// 0 loading, 1 DOMContentLoaded fired, 2 load fired.
    loadState: () => runtime['document-loading'].loadState(),
    /// The document as HTML with its form controls' current state written into the markup (values,
    /// checkedness, selectedness): what failure evidence shows of "the DOM as it stands".
    snapshot: () => {
      if (!document[nodes.HTML_DOCUMENT]) return runtime.window.serializeXML(document);
      const copy = nodes.cloneNode(document, null, true);
      const { FIRST, NEXT, PARENT, LOCAL, NAMESPACE, HTML_NS: HTML } = runtime.internals;
      const elements = runtime.elements;
      // The two trees have the same shape: walk them together, in tree order.
      let from = document[FIRST];
      let to = copy[FIRST];
      while (from !== null && from !== undefined && to !== null && to !== undefined) {
        if (from[NAMESPACE] === HTML) {
          const name = from[LOCAL];
          if (name === 'input') {
            const type = elements.inputType(from);
            if (type === 'checkbox' || type === 'radio') {
              if (elements.checkedness(from)) nodes.setAttributeValue(to, 'checked', '');
              else nodes.removeAttributeByName(to, 'checked');
            } else if (type !== 'file' && type !== 'password') {
              nodes.setAttributeValue(to, 'value', elements.controlValue(from));
            }
          } else if (name === 'option') {
            if (elements.isSelected(from)) nodes.setAttributeValue(to, 'selected', '');
            else nodes.removeAttributeByName(to, 'selected');
          } else if (name === 'textarea') {
            nodes.replaceAll(nodes.createText(copy, elements.controlValue(from)), to);
          }
        }
        // The next node in tree order in both (a textarea's copied children were replaced: skip them).
        if (from[FIRST] !== null && from[FIRST] !== undefined && !(from[NAMESPACE] === HTML && from[LOCAL] === 'textarea')) {
          from = from[FIRST];
          to = to[FIRST];
          continue;
        }
        while (from !== document && (from[NEXT] === null || from[NEXT] === undefined)) {
          from = from[PARENT];
          to = to[PARENT];
        }
        if (from === document) break;
        from = from[NEXT];
        to = to[NEXT];
      }
      return serializeChildren(copy);
    },
    /// The page's clock: milliseconds since its time origin.
    now: () => runtime.clock.now(),
    /// A timer of the page's own event loop `ms` from now on its clock (page code that replaced
    /// `setTimeout` does not change it), settled as `evaluate`'s results are.
    sleep: (ms) => settle(() => new Promise((resolve) => { runtime.timers.setTimeout(resolve, ms); })),
    // ---- Locators (playwright/locator-evaluation.js); results as JSON text ----
    /// The elements `selector` matches, in a page-realm array; with `strict`, more than one is
    /// Playwright's strict mode violation naming `description`. An error (that one, a malformed
    /// selector) comes back as its message, a string: nothing the page made is thrown at the caller.
    locate: (selector, description, strict) => {
      try {
        return evaluation().resolve(document, String(selector), String(description), !!strict);
      } catch (error) {
        return messageOf(error);
      }
    },
    /// Reads `name` (an element state for 'state') of the one element of a strict locator (its
    /// `description`; '' takes the first match): `{"value"}` (with the element's `preview` for a
    /// state), `{"missing": true}` or `{"error"}`.
    read: (selector, description, name, argumentText) => outcomeText(() => {
      const found = evaluation().resolve(document, String(selector), String(description), description !== '');
      if (found.length === 0) return { __proto__: null, missing: true };
      const argument = argumentText === '' ? undefined : JSONParse(String(argumentText));
      if (name !== 'state') return { __proto__: null, value: evaluation().read(found[0], String(name), argument) };
      // A state comes with what Playwright's call log says the locator resolved to.
      return { __proto__: null, value: evaluation().elementState(found[0], argument), preview: evaluation().preview(found[0]) };
    }),
    /// The id of the frame an iframe element holds (0 for none yet): `host.frameEntry` reaches its document.
    frameId: (element) => runtime.frames.frameId(element),
    /// Reads `name` (an element state for 'state') of `node` itself, attached or not (an
    /// ElementHandle's reads): `{"value"}` or `{"error"}`. A node that is not an element has its
    /// `textContent` only.
    readNode: (node, name, argumentText) => outcomeText(() => {
      const argument = argumentText === '' ? undefined : JSONParse(String(argumentText));
      if (node[TYPE] !== 1) {
        if (name === 'textContent') return { __proto__: null, value: nodes.textContent(node) };
        throw new Error('Node is not an element');
      }
      if (name === 'state') return { __proto__: null, value: evaluation().elementState(node, argument) };
      return { __proto__: null, value: evaluation().read(node, String(name), argument) };
    }),
    /// Whether `node` is in this document (shadow trees included).
    contains: (node) => runtime['selector-engine'].isInside(document, node),
    /// `name` of every element `selector` matches: `{"value": [...]}` or `{"error"}`.
    readAll: (selector, name) => outcomeText(() => {
      const found = evaluation().resolve(document, String(selector), '', false);
      const values = [];
      for (let i = 0; i < found.length; i++) values[i] = evaluation().read(found[i], String(name));
      return { __proto__: null, value: values };
    }),
    /// One check of a web-first expectation (Playwright's injected `expect`): `{"matches",
    /// "received", "missing"}` or `{"error"}` (a strict mode violation, a bad argument).
    expect: (selector, description, expression, paramsText) => outcomeText(() => {
      const params = JSONParse(String(paramsText));
      const many = expression === 'to.have.count' || StringPrototypeEndsWith(String(expression), '.array');
      const pageLevel = expression === 'to.have.title' || expression === 'to.have.url';
      // A null selector: a frame on the way to the elements is not there yet (nothing matches).
      const found = pageLevel || selector === null ? [] : evaluation().resolve(document, String(selector), String(description), !many);
      const outcome = evaluation().expect(found, String(expression), params, document);
      // What Playwright's call log says the locator resolved to.
      if (pageLevel) {
        const root = nodes.documentElement(document);
        if (root !== null) outcome.preview = evaluation().preview(root);
      }
      else if (many) outcome.count = found.length;
      else if (found.length === 1) outcome.preview = evaluation().preview(found[0]);
      return outcome;
    }),
  });
  const evaluation = () => runtime['locator-evaluation'];
  /// The text of what was thrown, as a primitive string (no page-realm object leaves the page).
  const messageOf = (error) => {
    try {
      return error !== null && typeof error === 'object' && typeof error.message === 'string' ? error.message : String(error);
    } catch {
      return 'the page threw a value that has no text';
    }
  };
  /// The JSON text of what `body` gives, or of `{ error: message }` when it throws.
  const outcomeText = (body) => {
    let outcome;
    try {
      outcome = body();
    } catch (error) {
      outcome = { __proto__: null, error: messageOf(error) };
    }
    const text = JSONStringify(outcome);
    return text === undefined ? '{"value":null}' : text;
  };
  /// The timers `schedule` set, by id.
  let deadlines = [];
  const scripts = runtime['script-elements'];
  const loading = runtime['document-loading'];
  const markup = runtime['dynamic-markup'];

  return {
    /// The realm's clock (milliseconds), with or without a document.
    now() { return runtime.clock.now(); },
    /// Schedules a timer `ms` from now that does nothing (a wait's deadline the loop runs to).
    schedule(ms) { ArrayPrototypePush(deadlines, runtime.timers.setTimeout(() => {}, Number(ms))); },
    /// Clears the deadlines `schedule` set (a realm handed on to another document keeps none).
    unschedule() {
      for (let i = 0; i < deadlines.length; i++) runtime.timers.clearTimeout(deadlines[i]);
      deadlines = [];
    },
    /// Makes the realm's document from a parsed batch and installs the window on the global (a
    /// page whose scripts do not run).
    load(url, contentType, characterSet, operations, text) {
      const document = nodes.createDocument({ type: runtime.window.isXMLMIMEType(contentType) ? 'xml' : 'html', contentType, url });
      document[nodes.CHARSET] = characterSet;
      applyBatch(createParseSession(document), new Int32ArrayConstructor(operations), text);
      createWindow(global, document);
      entryPoints = makeEntryPoints(document);
    },
    /// Makes an empty document that the parser's batches fill (`applyBatch`), with the window
    /// installed and scripts running where the parser meets them.
    begin(url, contentType, characterSet, referrer = '') {
      const document = nodes.createDocument({ type: runtime.window.isXMLMIMEType(contentType) ? 'xml' : 'html', contentType, url });
      document[nodes.CHARSET] = characterSet;
      if (referrer !== '') document[runtime.elements.REFERRER] = referrer;
      createWindow(global, document);
      markup.begin(document);
      entryPoints = makeEntryPoints(document);
    },
    /// Applies one batch of the parser's tree operations; true when a parsing-blocking script is
    /// pending (the parser waits until it has run: `host.parserUnblocked`).
    applyBatch(operations, text) {
      markup.applyParserBatch(operations, text);
      return scripts.state.pendingParsingBlocking !== null;
    },
    /// The parser reached the end of the input: "the end" runs.
    finishParsing() { markup.finishParsing(); },
    /// 0 loading, 1 DOMContentLoaded fired, 2 load fired.
    loadState() { return loading.loadState(); },
    /// Playwright's page-level action `name` with the JSON text of its arguments
    /// (input/actions.js): the JSON text of `{ ok }`, `{ retry }` or `{ error }`.
    /// With `locator` (a strict locator's description, as `locator('button')`), its selector must
    /// match one element; '' takes the first match, as the page methods do.
    act(name, argumentsText, locator = '') {
      const outcome = runtime.actions.perform(String(name), JSONParse(String(argumentsText)), String(locator));
      const text = JSONStringify(outcome);
      return text === undefined ? '{"ok":null}' : text;
    },
    /// The navigable leaves the document: `pagehide` and `unload` (HTML "unload a document").
    unload() { loading.unload(); },
    /// `page.goto` of a URL that differs from the document's only in its fragment: a navigation
    /// to the fragment within the document.
    navigateWithinDocument(url) { runtime.location.navigateTo(entryPoints.document, { url: String(url), how: 'page.goto' }); },
    /// A traversal to entry `id` (at `url`) of this document: its state, `popstate`, `hashchange`.
    restoreEntry(id, url) { runtime.location.restoreEntry(id, url); },
    /// The entry points of the loaded document.
    entry() { return entryPoints; },
    /// The window's viewport in CSS pixels (Playwright's `viewport`: `@media`, `matchMedia`, `innerWidth`).
    setViewport(width, height) { runtime.cascade.setViewport(global, Number(width), Number(height)); },
    /// A document or fragment parsed and built here, dumped in html5lib-tests' tree format: a
    /// document for a null context, else the children an element (`contextLocalName` in namespace
    /// index 0 HTML, 1 SVG, 2 MathML) gets from `innerHTML`, in the loaded window's document
    /// (scripting enabled) or in a document without a browsing context (scripting disabled).
    html5libTree(markup, scripting, contextLocalName, contextNamespace) {
      if (contextLocalName === null) {
        const document = nodes.createDocument({ type: 'html' });
        const batch = runtime.window.parseDocumentBatch(markup, scripting);
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
