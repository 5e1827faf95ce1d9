// The tree-operation stream (Sources/HTML/TreeOperation.swift): applies the batches the Swift
// HTML parser (and the XML parser, XMLDocumentParser.swift) hands over, straight into the internal slots. No public API is called and no
// validity check is made: the parser guarantees the structure. Names are interned per parse
// session; node ids and names stay valid across the batches of one session. Each applied batch
// increments the document's VERSION once.
(host, runtime) => {
  'use strict';
  const { ArrayPrototypePush, ObjectFreeze, StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeSlice, TypeError } = runtime.primordials;
  const {
    TYPE, DOCUMENT, PARENT, FIRST, LAST, NEXT, PREV, NAMESPACE, LOCAL, QUALIFIED, ATTRIBUTES, CONTENT, DATA, MODE, VERSION, OWNER, SHADOW, HTML_NS,
    SVG_NS, MATHML_NS, XLINK_NS, XML_NS, XMLNS_NS,
  } = runtime.internals;
  const nodes = runtime.nodes;
  const { elementFactoryFor, createAttr, createDocumentType, createDocumentFragment, templateDocumentOf, attachShadowRoot, link, unlink,
    textFactory, commentFactory, FORM_OWNER } = nodes;
  const { createProcessingInstruction } = nodes;
  // XML documents' CDATA sections (operation 20), made as Document#createCDATASection makes them.
  const createCDATASection = nodes.Document.prototype.createCDATASection;
  const { FunctionPrototypeCall } = runtime.primordials;
  // Captured when the realm is made, before any page code runs.
  const { Array, Int32Array } = globalThis;

  const elementNamespaces = [HTML_NS, SVG_NS, MATHML_NS];
  const attributeNamespaces = [null, XLINK_NS, XML_NS, XMLNS_NS];
  const attributePrefixes = [null, 'xlink', 'xml', 'xmlns'];
  const modes = ['no-quirks', 'quirks', 'limited-quirks'];

  /**
   * A parse: `root` is node id 0 (the document, or the node receiving a fragment). `onPop`, when
   * set, is called with each element the parser pops off its stack of open elements.
   */
  class ParseSession {
    constructor(root) {
      this.root = root;
      this.document = root[TYPE] === 9 ? root : root[DOCUMENT];
      this.nodes = [root];
      this.names = [];
      // Element factories per name id, one table per element namespace.
      this.factories = [[], [], []];
      this.onPop = null;
    }
  }
  const createParseSession = (root) => new ParseSession(root);

  const hooks = nodes.hooks;
  /** Inserts characters before `reference` (null: at the end) in `parent`, merged into a Text node just before. */
  const insertCharacters = (document, parent, reference, data) => {
    const previous = reference === null ? parent[LAST] : reference[PREV];
    if (previous !== null && previous[TYPE] === 3) {
      if (hooks.mutation !== null) hooks.mutation('characterData', previous, null, null, previous[DATA], null, null, null, null);
      previous[DATA] += data;
    } else if (hooks.mutation !== null) move(new textFactory(document, data), parent, reference);
    else link(new textFactory(document, data), parent, reference);
  };
  // After the document is loaded, page code may observe what the parser does (document.write, a
  // parser-inserted script's later batches): moves then queue mutation records (DOM §4.3.2).
  const detach = (node) => {
    if (node[PARENT] === null) return;
    if (hooks.mutation === null) { unlink(node); return; }
    const parent = node[PARENT], previous = node[PREV], next = node[NEXT];
    unlink(node);
    hooks.mutation('childList', parent, null, null, null, [], [node], previous, next);
  };
  /** Moves `child` into `parent` before `reference` (null: last), queueing records when observed. */
  const move = (child, parent, reference) => {
    detach(child);
    link(child, parent, reference);
    if (hooks.mutation !== null) hooks.mutation('childList', parent, null, null, null, [child], [], child[PREV], reference);
  };

  /**
   * Applies one batch: `operations` an ArrayBuffer (or Int32Array) of little-endian int32 words,
   * `text` the string every string operand points into. Throws a TypeError on a malformed batch
   * (an unknown opcode), leaving what was applied before it.
   */
  const applyBatch = (session, operations, text) => {
    const words = operations instanceof Int32Array ? operations : new Int32Array(operations);
    const { document, nodes: ids, names, factories } = session;
    const count = words.length;
    // Reads `count` attributes starting at word `at` into `element`; returns the next word's index.
    const readAttributes = (element, at, attributeCount, onlyMissing) => {
      const attributes = element[ATTRIBUTES];
      // The fragment parser's own html root (node 0 of a fragment) is no element: what a second
      // <html> tag gives it is dropped, as the algorithm drops that root.
      if (attributes === undefined) return at + 4 * attributeCount;
      for (let j = 0; j < attributeCount; j++, at += 4) {
        const namespaceIndex = words[at];
        let name = names[words[at + 1]];
        const offset = words[at + 2];
        const value = StringPrototypeSlice(text, offset, offset + words[at + 3]);
        let namespace = null, prefix = null, qualified = name;
        if (namespaceIndex !== 0) {
          namespace = attributeNamespaces[namespaceIndex];
          const colon = StringPrototypeIndexOf(name, ':');
          if (colon >= 0) {
            prefix = StringPrototypeSlice(name, 0, colon);
            name = StringPrototypeSlice(name, colon + 1);
          } else if (!(namespaceIndex === 3 && name === 'xmlns')) {
            prefix = attributePrefixes[namespaceIndex];
            qualified = prefix + ':' + name;
          }
        }
        if (onlyMissing) {
          let present = false;
          for (let k = 0; k < attributes.length; k++) if (attributes[k][QUALIFIED] === qualified) { present = true; break; }
          if (present) continue;
        }
        const attribute = createAttr(document, namespace, prefix, name, qualified, value);
        attribute[OWNER] = element;
        if (onlyMissing) ArrayPrototypePush(attributes, attribute);
        else attributes[j] = attribute;
        // Event handler content attributes (`onclick="..."`) take effect when appended (HTML §8.1.8.1).
        if (namespace === null && name.length > 2 && StringPrototypeCharCodeAt(name, 0) === 111 && StringPrototypeCharCodeAt(name, 1) === 110 &&
          hooks.attributeChanged !== null) {
          hooks.attributeChanged(element, name, null, null, value);
        }
        // An element the parser creates with `autofocus` is an autofocus candidate once inserted (HTML §6.6.7).
        if (namespace === null && name === 'autofocus' && hooks.autofocusParsed !== null) hooks.autofocusParsed(element);
      }
      return at;
    };
    let i = 0;
    while (i < count) {
      switch (words[i]) {
        case 1: { // name
          const offset = words[i + 2];
          names[words[i + 1]] = StringPrototypeSlice(text, offset, offset + words[i + 3]);
          i += 4;
          break;
        }
        case 4: { // element
          const namespaceIndex = words[i + 2];
          const nameId = words[i + 3];
          const table = factories[namespaceIndex];
          let Factory = table[nameId];
          const localName = names[nameId];
          const namespace = elementNamespaces[namespaceIndex];
          if (Factory === undefined) table[nameId] = Factory = elementFactoryFor(namespace, localName);
          const attributeCount = words[i + 4];
          // An attribute list of exactly its size (a growing array would reserve 17 slots).
          const element = new Factory(document, namespace, null, localName, localName, attributeCount === 0 ? [] : new Array(attributeCount));
          if (namespaceIndex === 0 && localName === 'template') element[CONTENT] = createDocumentFragment(templateDocumentOf(document));
          ids[words[i + 1]] = element;
          i = attributeCount === 0 ? i + 5 : readAttributes(element, i + 5, attributeCount, false);
          // A document's parser (not the fragment parser: innerHTML's elements upgrade when inserted).
          if (hooks.parserCreated !== null && session.root === document) hooks.parserCreated(element);
          break;
        }
        case 8: { // text
          const reference = words[i + 2];
          const offset = words[i + 3];
          insertCharacters(document, ids[words[i + 1]], reference === -1 ? null : ids[reference], StringPrototypeSlice(text, offset, offset + words[i + 4]));
          i += 5;
          break;
        }
        case 6: { // append
          const child = ids[words[i + 2]];
          if (hooks.mutation !== null) move(child, ids[words[i + 1]], null);
          else {
            if (child[PARENT] !== null) unlink(child);
            link(child, ids[words[i + 1]], null);
          }
          if (hooks.parserInserted !== null) hooks.parserInserted(child);
          i += 3;
          break;
        }
        case 5: { // comment
          const offset = words[i + 2];
          ids[words[i + 1]] = new commentFactory(document, StringPrototypeSlice(text, offset, offset + words[i + 3]));
          i += 4;
          break;
        }
        case 17: { // pop
          const popped = ids[words[i + 1]];
          if (popped[LOCAL] === 'option' && popped[NAMESPACE] === HTML_NS) runtime.elements.maybeCloneOptionIntoSelectedContent(popped);
          const onPop = session.onPop;
          if (onPop !== null) {
            // Page code may run here (a script end tag): live collections must see this batch's nodes.
            document[VERSION]++;
            onPop(ids[words[i + 1]]);
          }
          i += 2;
          break;
        }
        case 7: { // insertBefore
          const child = ids[words[i + 2]];
          if (hooks.mutation !== null) move(child, ids[words[i + 1]], ids[words[i + 3]]);
          else {
            if (child[PARENT] !== null) unlink(child);
            link(child, ids[words[i + 1]], ids[words[i + 3]]);
          }
          if (hooks.parserInserted !== null) hooks.parserInserted(child);
          i += 4;
          break;
        }
        case 2: { // doctype
          const string = (at) => (words[at] < 0 ? '' : StringPrototypeSlice(text, words[at], words[at] + words[at + 1]));
          link(createDocumentType(document, string(i + 1), string(i + 3), string(i + 5)), document, null);
          i += 7;
          break;
        }
        case 3: document[MODE] = modes[words[i + 1]]; i += 2; break;
        case 9: { // fosterParent
          const child = ids[words[i + 1]];
          const table = ids[words[i + 2]];
          if (table[PARENT] !== null) move(child, table[PARENT], table);
          else move(child, ids[words[i + 3]], null);
          i += 4;
          break;
        }
        case 10: { // fosterText
          const table = ids[words[i + 1]];
          const offset = words[i + 3];
          const data = StringPrototypeSlice(text, offset, offset + words[i + 4]);
          if (table[PARENT] !== null) insertCharacters(document, table[PARENT], table, data);
          else insertCharacters(document, ids[words[i + 2]], null, data);
          i += 5;
          break;
        }
        case 11: // addMissingAttributes: an id or class may arrive, which the selectors' index keys on
          i = readAttributes(ids[words[i + 1]], i + 3, words[i + 2], true);
          document[nodes.TREE_VERSION]++;
          break;
        case 12: detach(ids[words[i + 1]]); i += 2; break;
        case 13: { // moveChildren
          const from = ids[words[i + 1]], to = ids[words[i + 2]];
          for (let child = from[FIRST]; child !== null; child = from[FIRST]) move(child, to, null);
          i += 3;
          break;
        }
        case 14: { // templateContents
          const template = ids[words[i + 1]];
          if (template[CONTENT] === undefined) template[CONTENT] = createDocumentFragment(templateDocumentOf(document));
          ids[words[i + 2]] = template[CONTENT];
          i += 3;
          break;
        }
        case 15: ids[words[i + 1]][FORM_OWNER] = ids[words[i + 2]]; i += 3; break;
        case 18: { // elementNS (XML documents)
          const stringAt = (at) => (words[at] < 0 ? null : StringPrototypeSlice(text, words[at], words[at] + words[at + 1]));
          const namespace = stringAt(i + 2);
          const prefix = stringAt(i + 4);
          const localName = names[words[i + 6]];
          const attributeCount = words[i + 7];
          const Factory = elementFactoryFor(namespace, localName);
          const element = new Factory(document, namespace, prefix, localName, prefix === null ? localName : prefix + ':' + localName,
            attributeCount === 0 ? [] : new Array(attributeCount));
          if (namespace === HTML_NS && localName === 'template') element[CONTENT] = createDocumentFragment(templateDocumentOf(document));
          let at = i + 8;
          for (let j = 0; j < attributeCount; j++, at += 7) {
            const attributePrefix = stringAt(at + 2);
            const attributeName = names[words[at + 4]];
            const attribute = createAttr(document, stringAt(at), attributePrefix, attributeName,
              attributePrefix === null ? attributeName : attributePrefix + ':' + attributeName, StringPrototypeSlice(text, words[at + 5], words[at + 5] + words[at + 6]));
            attribute[OWNER] = element;
            element[ATTRIBUTES][j] = attribute;
          }
          ids[words[i + 1]] = element;
          i = at;
          break;
        }
        case 19: { // processingInstruction
          const target = StringPrototypeSlice(text, words[i + 2], words[i + 2] + words[i + 3]);
          ids[words[i + 1]] = createProcessingInstruction(document, target, StringPrototypeSlice(text, words[i + 4], words[i + 4] + words[i + 5]));
          i += 6;
          break;
        }
        case 20: { // cdataSection
          ids[words[i + 1]] = FunctionPrototypeCall(createCDATASection, document, StringPrototypeSlice(text, words[i + 2], words[i + 2] + words[i + 3]));
          i += 4;
          break;
        }
        case 16: { // shadowRoot
          const shadowHost = ids[words[i + 1]];
          if (shadowHost[SHADOW] === null && nodes.canHostShadowRoot(shadowHost)) {
            ids[words[i + 2]] = attachShadowRoot(shadowHost, words[i + 3] === 1 ? 'closed' : 'open', words[i + 4]);
          } else {
            // HTML §13.2.6.4.4: a host that cannot take this shadow root keeps an ordinary template at its end.
            const template = nodes.createElement(document, HTML_NS, null, 'template');
            link(template, shadowHost[CONTENT] ?? shadowHost, null);
            ids[words[i + 2]] = template[CONTENT];
          }
          i += 5;
          break;
        }
        default:
          document[VERSION]++;
          throw new TypeError(`Malformed tree-operation batch: opcode ${words[i]} at word ${i}`);
      }
    }
    document[VERSION]++;
  };

  return ObjectFreeze({ ParseSession, createParseSession, applyBatch });
}
