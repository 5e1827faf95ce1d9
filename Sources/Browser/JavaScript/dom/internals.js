// The DOM runtime's internal slots: the keys under which every node keeps its tree and its data.
// They are symbols, so page code sees none of them through Object.keys, for-in or JSON, and
// Caper's own code (the selector engine, the parser's tree operations, the scrape page) reads the
// tree through them, never through getters or prototype methods a page can override.
//
// Node:      TYPE (nodeType number), DOCUMENT (node document), PARENT, FIRST, LAST, NEXT, PREV
// Element:   NAMESPACE (namespace URI string or null), PREFIX (string or null), LOCAL (local name),
//            QUALIFIED (qualified name), ATTRIBUTES (array of Attr, in order), SHADOW (ShadowRoot
//            or null), CONTENT (template contents, a DocumentFragment; templates only)
// Attr:      NAMESPACE, PREFIX, LOCAL, QUALIFIED, VALUE, OWNER (element or null)
// CharacterData (Text, Comment, CDATASection, ProcessingInstruction): DATA
// DocumentType: NAME, PUBLIC_ID, SYSTEM_ID
// Document:  MODE ('no-quirks' | 'quirks' | 'limited-quirks'), VERSION (incremented by every tree
//            or attribute mutation: live collections and caches compare it), URL, CONTENT_TYPE,
//            HTML_DOCUMENT (true for an HTML document, false for an XML one: DOM §4.5 "type";
//            nodes.js sets it, and the selector engine's case rules follow it)
// ShadowRoot: HOST, MODE
(host, runtime) => {
  'use strict';
  const { ObjectFreeze, Symbol } = runtime.primordials;
  return ObjectFreeze({
    TYPE: Symbol('nodeType'),
    DOCUMENT: Symbol('nodeDocument'),
    PARENT: Symbol('parent'),
    FIRST: Symbol('firstChild'),
    LAST: Symbol('lastChild'),
    NEXT: Symbol('nextSibling'),
    PREV: Symbol('previousSibling'),
    NAMESPACE: Symbol('namespace'),
    PREFIX: Symbol('prefix'),
    LOCAL: Symbol('localName'),
    QUALIFIED: Symbol('qualifiedName'),
    ATTRIBUTES: Symbol('attributes'),
    SHADOW: Symbol('shadowRoot'),
    CONTENT: Symbol('templateContents'),
    VALUE: Symbol('value'),
    OWNER: Symbol('ownerElement'),
    DATA: Symbol('data'),
    NAME: Symbol('name'),
    PUBLIC_ID: Symbol('publicId'),
    SYSTEM_ID: Symbol('systemId'),
    MODE: Symbol('mode'),
    VERSION: Symbol('version'),
    URL: Symbol('url'),
    CONTENT_TYPE: Symbol('contentType'),
    HOST: Symbol('host'),
    HTML_DOCUMENT: Symbol('htmlDocument'),
    // Namespace URIs (DOM §1.4, Infra "namespaces").
    HTML_NS: 'http://www.w3.org/1999/xhtml',
    SVG_NS: 'http://www.w3.org/2000/svg',
    MATHML_NS: 'http://www.w3.org/1998/Math/MathML',
    XLINK_NS: 'http://www.w3.org/1999/xlink',
    XML_NS: 'http://www.w3.org/XML/1998/namespace',
    XMLNS_NS: 'http://www.w3.org/2000/xmlns/',
  });
}
