// The selector engine (Selectors Level 4, with HTML §4.16 "Matching HTML elements using
// selectors" and DOM §1.3 "Selectors"): parses a selector string with css-syntax.js, compiles it
// once into closures (cached by string), and matches right to left.
//
// Guarantees: the tree is read only through the internal slots of internals.js and built-ins only
// through runtime.primordials, so a page that overrides prototypes or globals cannot change a
// result; results are never cached across calls (only compiled selectors are, and the document
// index described at `buildIndex`, which only says where elements are and is kept to the tree's
// version); matching allocates nothing per element visited except where a case-insensitive
// substring test needs a lowercased copy; no node stays reachable from the engine after a call
// returns (`leave`; the index is held weakly by its document). HTML-ness is the DOM's own
// (internals' HTML_DOCUMENT, DOM §4.5 "type"). Invalid selectors throw the SyntaxError DOMException made by
// `runtime['dom-exception'].makeSyntaxError(message)` when that script is installed, else by the
// function given to `configure({ syntaxError })`, else a plain SyntaxError.
//
// Exports:
//   compile(text, namespaces?) -> Compiled          parsed and compiled once, cached by text
//   parseSelectorList(text, namespaces?) -> list     the parsed AST (complex selectors)
//   querySelectorAll(root, text) -> Element[]        in tree order (DOM "scope-match")
//   querySelector(root, text) -> Element | null
//   matches(element, text) -> boolean
//   closest(element, text) -> Element | null
//   matchElement(compiled, element, state?) -> boolean
//   matchingSpecificity(compiled, element, state?) -> packed specificity of the best match, or -1
//   specificity(compiled) -> [[a, b, c], ...]         one triple per complex selector
//   configure({ syntaxError, state, checkedness, selectedness, value, indeterminate })
// `namespaces` (stylesheets' @namespace) is `{ default: uri | undefined, prefixes: Map }`; the
// DOM APIs pass none, so every namespace prefix but `*` and the empty one is a SyntaxError.
//
// The state object of matchElement/matchingSpecificity (every field optional):
//   focused (Element): :focus, and :focus-within on it and its shadow-including ancestors;
//   focusVisible (boolean): whether :focus-visible matches the focused element (default: only
//     for text-entry controls and editing hosts, as browsers do after a mouse focus);
//   hovered, active (Element): :hover/:active on it and its flat-tree ancestors;
//   target (Element | null): :target (default: the element the document URL's fragment names);
//   scope (Node): :scope (default: the root element);
//   shadowRoot (ShadowRoot): the tree of the stylesheet being matched, for :host.
// When no state object is given, `configure({ state })` may supply one per document; without
// either, :focus follows the DOM's focused element (elements.js's FOCUSED slot of the document).
// Form state the DOM keeps outside the slots is read, at install, from elements.js (installed
// before this file): `checkedness`, `isSelected`, `controlValue` (the dirty value) and
// `isIndeterminate`, so :checked, :indeterminate, :placeholder-shown and :valid/:invalid follow
// what script set; `configure({ checkedness, selectedness, value, indeterminate })` may replace
// them. Installed without elements.js (the engine's unit tests), it reads attributes:
// checkedness is the `checked` attribute, selectedness the `selected` attribute (or the first
// enabled option of a drop-down select without one), values the `value` attribute (textarea: its
// text), and a checkbox is never indeterminate.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeFilter,
    ArrayPrototypeIndexOf,
    ArrayPrototypePush,
    ArrayPrototypeSlice,
    ArrayPrototypeSome,
    Error,
    Map,
    MapPrototypeClear,
    MapPrototypeGet,
    MapPrototypeHas,
    MapPrototypeSet,
    MathAbs,
    MathMin,
    MathRound,
    NumberIsFinite,
    NumberParseFloat,
    ObjectFreeze,
    ObjectKeys,
    RegExp,
    RegExpTest,
    Set,
    SetPrototypeHas,
    SplitString,
    StringFromCharCode,
    StringPrototypeCharCodeAt,
    StringPrototypeEndsWith,
    StringPrototypeIncludes,
    StringPrototypeIndexOf,
    StringPrototypeSlice,
    StringPrototypeStartsWith,
    SyntaxError,
    WeakMap,
    WeakMapPrototypeGet,
    WeakMapPrototypeSet,
  } = runtime.primordials;
  // Captured while the realm is made, before any page script could replace it.
  const decodeURIComponent = globalThis.decodeURIComponent;
  const I = runtime.internals;
  const { TYPE, DOCUMENT, PARENT, FIRST, NEXT, PREV, NAMESPACE, LOCAL, ATTRIBUTES, VALUE, MODE, HOST, DATA, URL, VERSION, HTML_DOCUMENT } = I;
  const { HTML_NS, XML_NS } = I;
  const { tokenize } = runtime['css-syntax'];

  const ELEMENT = 1;
  const TEXT = 3;
  const CDATA = 4;
  const DOCUMENT_NODE = 9;
  const FRAGMENT = 11;

  // ---------------------------------------------------------------------------------------------
  // Errors

  let configuredSyntaxError = null;
  const syntaxError = (message) => {
    const exceptions = runtime['dom-exception'];
    if (exceptions && typeof exceptions.makeSyntaxError === 'function') return exceptions.makeSyntaxError(message);
    if (configuredSyntaxError !== null) return configuredSyntaxError(message);
    return new SyntaxError(message);
  };
  // The DOM's form and focus state, kept outside the slots by elements.js (installed before this
  // file in a page realm; the engine's own unit tests install it alone, and then attributes are
  // read). `configure` may replace any of them.
  const elementsModule = runtime.elements;
  const fromElements = (name) => (elementsModule && typeof elementsModule[name] === 'function' ? elementsModule[name] : null);
  let checkednessHook = fromElements('checkedness');
  let selectednessHook = fromElements('isSelected');
  let valueHook = fromElements('controlValue');
  let indeterminateHook = fromElements('isIndeterminate');
  let stateHook = null;
  /// Document: its focused element (elements.js's slot), or null without the DOM.
  const FOCUSED = elementsModule && typeof elementsModule.FOCUSED === 'symbol' ? elementsModule.FOCUSED : null;
  /// Document: the version the candidate index depends on: nodes.js's TREE_VERSION (tree structure,
  /// id and class attributes), else VERSION (every mutation).
  const nodesModule = runtime.nodes;
  const TREE_VERSION = nodesModule && typeof nodesModule.TREE_VERSION === 'symbol' ? nodesModule.TREE_VERSION : VERSION;
  const configure = (options) => {
    if (!options) return;
    const hook = (name) => (typeof options[name] === 'function' ? options[name] : null);
    if (hook('syntaxError')) configuredSyntaxError = options.syntaxError;
    if (hook('checkedness')) checkednessHook = options.checkedness;
    if (hook('selectedness')) selectednessHook = options.selectedness;
    if (hook('value')) valueHook = options.value;
    if (hook('indeterminate')) indeterminateHook = options.indeterminate;
    if (hook('state')) stateHook = options.state;
  };
  const invalid = (text, why) => syntaxError(`'${text}' is not a valid selector: ${why}`);

  // ---------------------------------------------------------------------------------------------
  // Strings

  const asciiLowercase = (s) => {
    for (let i = 0; i < s.length; i++) {
      const c = StringPrototypeCharCodeAt(s, i);
      if (c >= 0x41 && c <= 0x5a) return asciiLowercaseFrom(s, i);
    }
    return s;
  };
  const asciiLowercaseFrom = (s, from) => {
    let out = StringPrototypeSlice(s, 0, from);
    for (let i = from; i < s.length; i++) {
      const c = StringPrototypeCharCodeAt(s, i);
      out += c >= 0x41 && c <= 0x5a ? StringFromCharCode(c + 32) : s[i];
    }
    return out;
  };
  const equalsIgnoringAsciiCase = (a, b) => {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      let x = StringPrototypeCharCodeAt(a, i);
      let y = StringPrototypeCharCodeAt(b, i);
      if (x === y) continue;
      if (x >= 0x41 && x <= 0x5a) x += 32;
      if (y >= 0x41 && y <= 0x5a) y += 32;
      if (x !== y) return false;
    }
    return true;
  };
  /// `s` as the engine's internalized copy (what a property key holds), so that comparing it with
  /// internalized names from the DOM is a pointer comparison.
  const intern = (s) => {
    const holder = { __proto__: null };
    holder[s] = 0;
    const keys = ObjectKeys(holder);
    return typeof keys[0] === 'string' && keys[0] === s ? keys[0] : s;
  };
  const isAsciiWhitespace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

  /// Whether the whitespace-separated `list` holds `token` (class matching, `~=`).
  const listContains = (list, token) => {
    const n = token.length;
    if (n === 0) return false;
    const length = list.length;
    let from = 0;
    for (;;) {
      const at = StringPrototypeIndexOf(list, token, from);
      if (at < 0) return false;
      const end = at + n;
      if ((at === 0 || isAsciiWhitespace(StringPrototypeCharCodeAt(list, at - 1))) && (end === length || isAsciiWhitespace(StringPrototypeCharCodeAt(list, end)))) return true;
      from = at + 1;
    }
  };

  // HTML §4.16.2: attribute values compared ASCII case-insensitively on HTML elements in HTML
  // documents.
  const CASE_INSENSITIVE_VALUES = new Set([
    'accept', 'accept-charset', 'align', 'alink', 'axis', 'bgcolor', 'charset', 'checked', 'clear', 'codetype', 'color',
    'compact', 'declare', 'defer', 'dir', 'direction', 'disabled', 'enctype', 'face', 'frame', 'hreflang', 'http-equiv',
    'lang', 'language', 'link', 'media', 'method', 'multiple', 'nohref', 'noresize', 'noshade', 'nowrap', 'readonly',
    'rel', 'rev', 'rules', 'scope', 'scrolling', 'selected', 'shape', 'target', 'text', 'type', 'valign', 'valuetype', 'vlink',
  ]);

  // ---------------------------------------------------------------------------------------------
  // The per-call matching context. Compiled closures read these; every entry point sets them.

  let inHTMLDocument = true; // the tree's node document is an HTML document
  let inQuirksMode = false; // ... and is in quirks mode
  let scopeNode = null; // :scope
  let state = null; // the state object (focus, hover, ...), or null
  let hostElement = null; // :host
  let targetElement; // :target, computed lazily (undefined = not yet)
  let hasAnchor = null; // the element a :has() argument is relative to
  let generation = 0; // changes whenever memos made while matching stop being valid
  let nthElement = null; // memo of the last :nth-child index computed
  let nthIndex = 0;
  let focusedElement = null; // :focus
  let currentDocument = null; // the node document of the tree being matched
  // The descendant combinator's memos (see `link`) written during this call, cleared by `leave`.
  let memos = [];

  const enter = (node, givenState) => {
    const document = node[TYPE] === DOCUMENT_NODE ? node : node[DOCUMENT];
    // The DOM's notion (DOM §4.5 "type"); a document without the slot counts as HTML.
    inHTMLDocument = !document || document[HTML_DOCUMENT] !== false;
    inQuirksMode = !!document && document[MODE] === 'quirks';
    state = givenState || (stateHook !== null && document ? stateHook(document) || null : null);
    targetElement = state && state.target !== undefined ? state.target : undefined;
    focusedElement = null;
    if (state !== null) {
      focusedElement = state.focused || null;
    } else if (FOCUSED !== null && document) {
      // HTML "focused area of the document": only while in that document.
      const focused = document[FOCUSED];
      if (focused && focused[DOCUMENT] === document && isConnected(focused)) focusedElement = focused;
    }
    hasAnchor = null;
    nthElement = null;
    generation++;
    hostElement = null;
    if (state && state.shadowRoot) {
      hostElement = state.shadowRoot[HOST] || null;
    } else {
      let top = node;
      while (top[PARENT]) top = top[PARENT];
      if (top[TYPE] === FRAGMENT && top[HOST]) hostElement = top[HOST];
    }
  };

  /// Drops every reference to the tree the call matched, so that no document stays reachable
  /// from the engine after a call returns.
  const leave = () => {
    currentDocument = null;
    scopeNode = null;
    state = null;
    hostElement = null;
    targetElement = undefined;
    hasAnchor = null;
    nthElement = null;
    focusedElement = null;
    ixElements = ixParents = ixPrevious = ixPositions = ixLocals = ixHTML = ixIds = ixClasses = ixAttributes = ixValueCopies = null;
    const list = memos;
    for (let i = 0; i < list.length; i++) {
      const memo = list[i];
      memo.node = null;
      memo.listed = false;
    }
    if (list.length > 0) memos = [];
  };

  // ---------------------------------------------------------------------------------------------
  // Tree reading

  const isHTML = (element) => element[NAMESPACE] === HTML_NS;
  const isHTMLInHTMLDocument = (element) => inHTMLDocument && element[NAMESPACE] === HTML_NS;
  const isHTMLNamed = (element, name) => element[LOCAL] === name && element[NAMESPACE] === HTML_NS;

  /// The value of the attribute `local` in no namespace, or null.
  const attribute = (element, local) => {
    const attributes = element[ATTRIBUTES];
    if (!attributes) return null;
    for (let i = 0; i < attributes.length; i++) {
      const attr = attributes[i];
      if (attr[LOCAL] === local && attr[NAMESPACE] === null) return attr[VALUE];
    }
    return null;
  };
  const attributeNS = (element, namespace, local) => {
    const attributes = element[ATTRIBUTES];
    if (!attributes) return null;
    for (let i = 0; i < attributes.length; i++) {
      const attr = attributes[i];
      if (attr[LOCAL] === local && attr[NAMESPACE] === namespace) return attr[VALUE];
    }
    return null;
  };
  const has = (element, local) => attribute(element, local) !== null;

  const parentElement = (node) => {
    const parent = node[PARENT];
    return parent && parent[TYPE] === ELEMENT ? parent : null;
  };
  const previousElement = (node) => {
    let sibling = node[PREV];
    while (sibling && sibling[TYPE] !== ELEMENT) sibling = sibling[PREV];
    return sibling || null;
  };
  const nextElement = (node) => {
    let sibling = node[NEXT];
    while (sibling && sibling[TYPE] !== ELEMENT) sibling = sibling[NEXT];
    return sibling || null;
  };
  const firstElementChild = (node) => {
    let child = node[FIRST];
    while (child && child[TYPE] !== ELEMENT) child = child[NEXT];
    return child || null;
  };
  /// The next node in tree order inside `root`, skipping `node`'s subtree when `skip`.
  const following = (node, root, skip) => {
    if (!skip) {
      const first = node[FIRST];
      if (first) return first;
    }
    while (node !== root) {
      const next = node[NEXT];
      if (next) return next;
      node = node[PARENT];
    }
    return null;
  };
  /// The parent in the flat-ish tree: a shadow root's parent is its host.
  const parentOrHost = (node) => {
    const parent = node[PARENT];
    if (!parent) return null;
    if (parent[TYPE] === FRAGMENT && parent[HOST]) return parent[HOST];
    return parent[TYPE] === ELEMENT ? parent : null;
  };
  const isConnected = (node) => {
    let top = node;
    for (;;) {
      while (top[PARENT]) top = top[PARENT];
      if (top[TYPE] === FRAGMENT && top[HOST]) top = top[HOST];
      else return top[TYPE] === DOCUMENT_NODE;
    }
  };
  const textContent = (element) => {
    let text = '';
    for (let node = element[FIRST]; node; node = following(node, element, false)) {
      const type = node[TYPE];
      if (type === TEXT || type === CDATA) text += node[DATA];
    }
    return text;
  };
  const childText = (element) => {
    let text = '';
    for (let node = element[FIRST]; node; node = node[NEXT]) if (node[TYPE] === TEXT) text += node[DATA];
    return text;
  };
  /// The nearest ancestor-or-self HTML element named `name` (form owner, fieldsets, ...).
  const closestHTML = (element, name) => {
    for (let node = element; node; node = parentElement(node)) if (isHTMLNamed(node, name)) return node;
    return null;
  };

  // ---------------------------------------------------------------------------------------------
  // Parsing (Selectors 4 §18 grammar), over css-syntax tokens.

  const DIGITS = /^[0-9]+$/;
  const PSEUDO_ELEMENTS = new Set([
    'after', 'backdrop', 'before', 'cue', 'file-selector-button', 'first-letter', 'first-line', 'grammar-error', 'marker',
    'placeholder', 'selection', 'spelling-error', 'target-text',
  ]);
  const FUNCTIONAL_PSEUDO_ELEMENTS = new Set(['slotted', 'part', 'highlight', 'cue']);
  const LEGACY_PSEUDO_ELEMENTS = new Set(['after', 'before', 'first-letter', 'first-line']);
  const PSEUDO_CLASSES = new Set([
    'active', 'any-link', 'checked', 'default', 'defined', 'disabled', 'empty', 'enabled', 'first-child', 'first-of-type',
    'focus', 'focus-visible', 'focus-within', 'host', 'hover', 'indeterminate', 'invalid', 'last-child', 'last-of-type',
    'link', 'only-child', 'only-of-type', 'optional', 'placeholder-shown', 'read-only', 'read-write', 'required', 'root',
    'scope', 'target', 'valid', 'visited',
  ]);
  // User-action pseudo-classes may follow a pseudo-element (Selectors 4 §3.6.3).
  const AFTER_PSEUDO_ELEMENT = new Set(['hover', 'active', 'focus', 'focus-visible', 'focus-within']);

  /// Parses `text` into a list of complex selectors ({ compounds, combinators, relative }, left to
  /// right; `relative` is the leading combinator of a :has() argument, else null).
  const parse = (text, namespaces) => {
    let tokens = tokenize(text);
    let at = 0;
    let inHas = false;
    let inNested = 0;
    const fail = (why) => {
      throw invalid(text, why);
    };
    const peek = (offset = 0) => tokens[at + offset];
    const isDelim = (token, value) => token !== undefined && token.type === 'delim' && token.value === value;
    const skipWhitespace = () => {
      while (at < tokens.length && tokens[at].type === 'whitespace') at++;
    };

    const resolvePrefix = (prefix) => {
      if (prefix === '*') return '*';
      if (prefix === '') return null;
      const prefixes = namespaces && namespaces.prefixes;
      if (prefixes && MapPrototypeHas(prefixes, prefix)) return MapPrototypeGet(prefixes, prefix);
      return fail(`undeclared namespace prefix '${prefix}'`);
    };

    // <ns-prefix>? (<ident> | '*'), or undefined when no type selector starts here.
    const parseQualifiedName = (forAttribute) => {
      const first = peek();
      const second = peek(1);
      const third = peek(2);
      const isName = (token) => token !== undefined && (token.type === 'ident' || (!forAttribute && isDelim(token, '*')));
      const nameOf = (token) => (token.type === 'ident' ? token.value : '*');
      const isBar = (token, next) => isDelim(token, '|') && !(forAttribute && isDelim(next, '='));
      if (isDelim(first, '|') && isName(second) && !(forAttribute && isDelim(second, '='))) {
        at += 2;
        return { namespace: null, name: nameOf(second) };
      }
      if ((first && (first.type === 'ident' || isDelim(first, '*'))) && isBar(second, third)) {
        if (!isName(third)) fail('a namespace prefix must be followed by a name');
        at += 3;
        return { namespace: resolvePrefix(nameOf(first)), name: nameOf(third) };
      }
      if (isName(first)) {
        at += 1;
        const defaultNamespace = namespaces && namespaces.default !== undefined ? namespaces.default : '*';
        return { namespace: forAttribute ? null : defaultNamespace, name: nameOf(first) };
      }
      return undefined;
    };

    const parseAttribute = () => {
      skipWhitespace();
      const name = parseQualifiedName(true);
      if (!name || name.name === '*') fail('an attribute selector needs an attribute name');
      skipWhitespace();
      const next = peek();
      if (next && next.type === ']') {
        at++;
        return { kind: 'attribute', namespace: name.namespace, name: name.name, operator: '', value: '', flag: '' };
      }
      let operator;
      if (isDelim(next, '=')) {
        operator = '=';
        at++;
      } else if (next && next.type === 'delim' && StringPrototypeIncludes('~|^$*', next.value) && isDelim(peek(1), '=')) {
        operator = `${next.value}=`;
        at += 2;
      } else {
        fail('expected an attribute matcher');
      }
      skipWhitespace();
      const valueToken = peek();
      if (!valueToken || (valueToken.type !== 'ident' && valueToken.type !== 'string')) fail('an attribute value must be an identifier or a string');
      at++;
      skipWhitespace();
      let flag = '';
      const flagToken = peek();
      if (flagToken && flagToken.type === 'ident') {
        const lower = asciiLowercase(flagToken.value);
        if (lower !== 'i' && lower !== 's') fail(`unknown attribute flag '${flagToken.value}'`);
        flag = lower;
        at++;
        skipWhitespace();
      }
      if (!peek() || peek().type !== ']') fail("expected ']'");
      at++;
      return { kind: 'attribute', namespace: name.namespace, name: name.name, operator, value: valueToken.value, flag };
    };

    // The closing token type that ends a block opened by `type`, or null (CSS Syntax §5.4.8).
    const closerOf = (type) => (type === '(' || type === 'function' ? ')' : type === '[' ? ']' : type === '{' ? '}' : null);

    // The tokens inside a function's parentheses, up to its matching ')'; EOF closes it.
    const functionArguments = () => {
      const start = at;
      const open = [')'];
      while (at < tokens.length) {
        const type = tokens[at].type;
        const closer = closerOf(type);
        if (closer !== null) ArrayPrototypePush(open, closer);
        else if (type === open[open.length - 1]) {
          open.length--;
          if (open.length === 0) break;
        }
        at++;
      }
      const inner = ArrayPrototypeSlice(tokens, start, at);
      at++;
      return inner;
    };

    // Parses `inner` (a function's argument tokens) with the same grammar.
    const withTokens = (inner, run) => {
      const saved = tokens;
      const savedAt = at;
      tokens = inner;
      at = 0;
      inNested++;
      try {
        return run();
      } finally {
        inNested--;
        tokens = saved;
        at = savedAt;
      }
    };

    const parseNth = (inner, allowOf) => {
      // Split at an 'of' ident (Selectors 4 §14.4.1).
      let end = inner.length;
      let ofIndex = -1;
      for (let i = 0; i < inner.length; i++) {
        if (inner[i].type === 'ident' && asciiLowercase(inner[i].value) === 'of') {
          ofIndex = i;
          end = i;
          break;
        }
      }
      const ab = parseAnPlusB(inner, end);
      const a = ab[0];
      const b = ab[1];
      let of = null;
      if (ofIndex >= 0) {
        if (!allowOf) fail("'of' is only allowed in :nth-child and :nth-last-child");
        const rest = ArrayPrototypeSlice(inner, ofIndex + 1);
        if (rest.length === 0 || (rest[0].type !== 'whitespace')) fail("'of' must be followed by whitespace and a selector list");
        of = withTokens(rest, () => parseComplexList(false, false));
      }
      return { a, b, of };
    };

    // CSS Syntax §6.2 (An+B microsyntax) over inner[0..end).
    const parseAnPlusB = (inner, end) => {
      let i = 0;
      while (i < end && inner[i].type === 'whitespace') i++;
      while (end > i && inner[end - 1].type === 'whitespace') end--;
      const list = ArrayPrototypeSlice(inner, i, end);
      const bad = () => fail('invalid An+B');
      const digits = (s) => RegExpTest(DIGITS, s);
      // Parse the trailing "[+|-] B" part after an `n`, with list[k] the first token after it.
      const tail = (a, k) => {
        const rest = [];
        for (; k < list.length; k++) if (list[k].type !== 'whitespace') ArrayPrototypePush(rest, list[k]);
        if (rest.length === 0) return [a, 0];
        if (rest.length === 1) {
          const t = rest[0];
          if (t.type === 'number' && t.typeFlag === 'integer' && t.signCharacter !== '') return [a, t.value];
          return bad();
        }
        if (rest.length === 2) {
          const sign = rest[0];
          const t = rest[1];
          if ((isDelim(sign, '+') || isDelim(sign, '-')) && t.type === 'number' && t.typeFlag === 'integer' && t.signCharacter === '') {
            return [a, sign.value === '-' ? -t.value : t.value];
          }
        }
        return bad();
      };
      if (list.length === 0) return bad();
      let first = list[0];
      let plus = false;
      if (isDelim(first, '+')) {
        if (list.length < 2 || list[1].type !== 'ident') return bad();
        plus = true;
        first = list[1];
      }
      const next = plus ? 2 : 1;
      if (first.type === 'ident') {
        const v = asciiLowercase(first.value);
        if (!plus && v === 'odd' && list.length === 1) return [2, 1];
        if (!plus && v === 'even' && list.length === 1) return [2, 0];
        let a = 1;
        let rest = v;
        if (!plus && v[0] === '-') {
          a = -1;
          rest = StringPrototypeSlice(v, 1);
        }
        if (rest === 'n') return tail(a, next);
        if (rest === 'n-') {
          const t = list[next + (list[next] && list[next].type === 'whitespace' ? 1 : 0)];
          const k = ArrayPrototypeIndexOf(list, t);
          if (t && t.type === 'number' && t.typeFlag === 'integer' && t.signCharacter === '' && k === list.length - 1) return [a, -t.value];
          return bad();
        }
        if (StringPrototypeStartsWith(rest, 'n-') && digits(StringPrototypeSlice(rest, 2)) && list.length === next) return [a, -NumberParseFloat(StringPrototypeSlice(rest, 2))];
        return bad();
      }
      if (plus) return bad();
      if (first.type === 'number') {
        if (first.typeFlag !== 'integer' || list.length !== 1) return bad();
        return [0, first.value];
      }
      if (first.type === 'dimension' && first.typeFlag === 'integer') {
        const unit = asciiLowercase(first.unit);
        if (unit === 'n') return tail(first.value, 1);
        if (unit === 'n-') {
          let k = 1;
          if (list[k] && list[k].type === 'whitespace') k++;
          const t = list[k];
          if (t && t.type === 'number' && t.typeFlag === 'integer' && t.signCharacter === '' && k === list.length - 1) return [first.value, -t.value];
          return bad();
        }
        if (StringPrototypeStartsWith(unit, 'n-') && digits(StringPrototypeSlice(unit, 2)) && list.length === 1) return [first.value, -NumberParseFloat(StringPrototypeSlice(unit, 2))];
      }
      return bad();
    };

    const parseLanguageRanges = (inner) => {
      const ranges = [];
      let expectValue = true;
      for (let i = 0; i < inner.length; i++) {
        const token = inner[i];
        if (token.type === 'whitespace') continue;
        if (expectValue && (token.type === 'ident' || token.type === 'string')) {
          ArrayPrototypePush(ranges, token.value);
          expectValue = false;
        } else if (!expectValue && token.type === 'comma') {
          expectValue = true;
        } else {
          fail('invalid :lang() argument');
        }
      }
      if (expectValue) fail('invalid :lang() argument');
      return ranges;
    };

    const singleIdent = (inner, what) => {
      const list = ArrayPrototypeFilter(inner, (t) => t.type !== 'whitespace');
      if (list.length !== 1 || list[0].type !== 'ident') fail(`invalid ${what} argument`);
      return asciiLowercase(list[0].value);
    };

    // A pseudo-class or pseudo-element after ':' (or '::' when `element`).
    const parsePseudo = (element) => {
      const token = peek();
      if (!token || (token.type !== 'ident' && token.type !== 'function')) fail("expected a name after ':'");
      at++;
      const name = asciiLowercase(token.value);
      if (token.type === 'ident') {
        if (element) {
          if (!SetPrototypeHas(PSEUDO_ELEMENTS, name)) fail(`unknown pseudo-element '::${token.value}'`);
          return { kind: 'pseudo-element', name };
        }
        if (SetPrototypeHas(LEGACY_PSEUDO_ELEMENTS, name)) return { kind: 'pseudo-element', name };
        if (!SetPrototypeHas(PSEUDO_CLASSES, name)) fail(`unknown pseudo-class ':${token.value}'`);
        return { kind: 'pseudo-class', name };
      }
      const inner = functionArguments();
      if (element) {
        if (!SetPrototypeHas(FUNCTIONAL_PSEUDO_ELEMENTS, name)) fail(`unknown pseudo-element '::${token.value}()'`);
        let argument = null;
        if (name === 'slotted') argument = withTokens(inner, () => parseCompoundOnly());
        return { kind: 'pseudo-element', name, argument };
      }
      switch (name) {
        case 'is':
        case 'where':
          return { kind: 'pseudo-class', name, list: withTokens(inner, () => parseComplexList(false, true)) };
        case 'not':
          return { kind: 'pseudo-class', name, list: withTokens(inner, () => parseComplexList(false, false)) };
        case 'has':
          if (inHas) fail(':has() cannot be nested');
          inHas = true;
          try {
            return { kind: 'pseudo-class', name, list: withTokens(inner, () => parseComplexList(true, false)) };
          } finally {
            inHas = false;
          }
        case 'nth-child':
        case 'nth-last-child':
          return { kind: 'pseudo-class', name, nth: parseNth(inner, true) };
        case 'nth-of-type':
        case 'nth-last-of-type':
          return { kind: 'pseudo-class', name, nth: parseNth(inner, false) };
        case 'lang':
          return { kind: 'pseudo-class', name, ranges: parseLanguageRanges(inner) };
        case 'dir': {
          const direction = singleIdent(inner, ':dir()');
          return { kind: 'pseudo-class', name, direction };
        }
        case 'host':
          return { kind: 'pseudo-class', name, argument: withTokens(inner, () => parseCompoundOnly()) };
        default:
          return fail(`unknown pseudo-class ':${token.value}()'`);
      }
    };

    // A compound selector: type? subclass* (pseudo-element pseudo-class*)*; null when empty.
    const parseCompound = () => {
      const compound = { type: null, simples: [], pseudoElement: null };
      const type = parseQualifiedName(false);
      if (type) compound.type = type;
      for (;;) {
        const token = peek();
        if (!token) break;
        if (compound.pseudoElement) {
          // After a pseudo-element only user-action pseudo-classes may follow.
          if (token.type === 'colon' && peek(1) && peek(1).type === 'ident' && SetPrototypeHas(AFTER_PSEUDO_ELEMENT, asciiLowercase(peek(1).value))) {
            at++;
            ArrayPrototypePush(compound.simples, parsePseudo(false));
            continue;
          }
          if (token.type === 'colon' || token.type === 'hash' || token.type === '[' || isDelim(token, '.')) fail('nothing may follow a pseudo-element');
          break;
        }
        if (token.type === 'hash') {
          if (token.typeFlag !== 'id') fail(`'#${token.value}' is not a valid id selector`);
          at++;
          ArrayPrototypePush(compound.simples, { kind: 'id', name: token.value });
        } else if (isDelim(token, '.')) {
          const name = peek(1);
          if (!name || name.type !== 'ident') fail("'.' must be followed by a class name");
          at += 2;
          ArrayPrototypePush(compound.simples, { kind: 'class', name: name.value });
        } else if (token.type === '[') {
          at++;
          ArrayPrototypePush(compound.simples, parseAttribute());
        } else if (token.type === 'colon') {
          at++;
          const element = peek() && peek().type === 'colon';
          if (element) at++;
          const simple = parsePseudo(element);
          if (simple.kind === 'pseudo-element') {
            compound.pseudoElement = simple;
          } else {
            ArrayPrototypePush(compound.simples, simple);
          }
        } else {
          break;
        }
      }
      if (!compound.type && compound.simples.length === 0 && !compound.pseudoElement) return null;
      return compound;
    };

    const parseCompoundOnly = () => {
      skipWhitespace();
      const compound = parseCompound();
      skipWhitespace();
      if (!compound || at < tokens.length || compound.pseudoElement) fail('expected one compound selector');
      return compound;
    };

    // A complex (or, when `relative`, relative) selector; stops before ',' or the end.
    const parseComplex = (relative) => {
      const compounds = [];
      const combinators = [];
      skipWhitespace();
      let leading = null;
      if (relative) {
        const token = peek();
        if (token && token.type === 'delim' && (token.value === '>' || token.value === '+' || token.value === '~')) {
          leading = token.value;
          at++;
          skipWhitespace();
        } else {
          leading = ' ';
        }
      }
      for (;;) {
        const compound = parseCompound();
        if (!compound) fail(compounds.length === 0 ? 'expected a selector' : 'expected a selector after a combinator');
        ArrayPrototypePush(compounds, compound);
        const hadWhitespace = peek() && peek().type === 'whitespace';
        skipWhitespace();
        const token = peek();
        if (!token || token.type === 'comma') break;
        let combinator = ' ';
        if (token.type === 'delim' && (token.value === '>' || token.value === '+' || token.value === '~')) {
          combinator = token.value;
          at++;
          skipWhitespace();
        } else if (!hadWhitespace) {
          fail(`unexpected '${token.type === 'delim' ? token.value : token.type}'`);
        }
        if (compound.pseudoElement && compound.pseudoElement.name !== 'slotted') fail('a pseudo-element must be last');
        ArrayPrototypePush(combinators, combinator);
      }
      for (let i = 0; i < compounds.length - 1; i++) if (compounds[i].pseudoElement) fail('a pseudo-element must be last');
      return { compounds, combinators, relative: leading };
    };

    // A selector list; `forgiving` drops invalid items (:is, :where).
    const parseComplexList = (relative, forgiving) => {
      const nested = inNested > 0;
      const list = [];
      const tokenList = tokens;
      for (;;) {
        const start = at;
        let end = start;
        const open = [];
        while (end < tokenList.length) {
          const type = tokenList[end].type;
          const closer = closerOf(type);
          if (closer !== null) ArrayPrototypePush(open, closer);
          else if (open.length > 0 && type === open[open.length - 1]) open.length--;
          else if (type === 'comma' && open.length === 0) break;
          end++;
        }
        const item = ArrayPrototypeSlice(tokenList, start, end);
        try {
          const complex = withTokens(item, () => {
            const parsed = parseComplex(relative);
            skipWhitespace();
            if (at < tokens.length) fail('unexpected trailing input');
            return parsed;
          });
          if (nested && ArrayPrototypeSome(complex.compounds, (c) => c.pseudoElement !== null)) fail('pseudo-elements are not allowed here');
          ArrayPrototypePush(list, complex);
        } catch (error) {
          if (!forgiving) throw error;
        }
        at = end;
        if (at >= tokenList.length) break;
        at++;
      }
      if (list.length === 0 && !forgiving) fail('expected a selector');
      return list;
    };

    return parseComplexList(false, false);
  };

  // ---------------------------------------------------------------------------------------------
  // HTML form state (HTML §4.16.3), read from attributes.

  const TEXT_ENTRY_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', 'date', 'month', 'week', 'time', 'datetime-local']);
  const PLACEHOLDER_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);
  const REQUIRED_EXEMPT_TYPES = new Set(['hidden', 'range', 'color', 'submit', 'image', 'reset', 'button']);
  const PATTERN_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password']);
  const INPUT_TYPES = new Set([
    'hidden', 'text', 'search', 'tel', 'url', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number',
    'range', 'color', 'checkbox', 'radio', 'file', 'submit', 'image', 'reset', 'button',
  ]);
  const DISABLEABLE = new Set(['button', 'input', 'select', 'textarea', 'optgroup', 'option', 'fieldset']);

  /// An input element's type state: its `type` attribute, lowercased, or 'text' when unknown.
  const inputType = (element) => {
    const value = attribute(element, 'type');
    if (value === null) return 'text';
    const lower = asciiLowercase(value);
    return SetPrototypeHas(INPUT_TYPES, lower) ? lower : 'text';
  };
  const isInput = (element, type) => isHTMLNamed(element, 'input') && (type === undefined || inputType(element) === type);

  /// HTML "actually disabled".
  const isDisabled = (element) => {
    if (element[NAMESPACE] !== HTML_NS) return false;
    const name = element[LOCAL];
    if (!SetPrototypeHas(DISABLEABLE, name)) return false;
    if (has(element, 'disabled')) return true;
    if (name === 'option') {
      const parent = parentElement(element);
      return parent !== null && isHTMLNamed(parent, 'optgroup') && has(parent, 'disabled');
    }
    if (name === 'optgroup') return false;
    // Inside a disabled fieldset, outside its first legend.
    let child = element;
    for (let node = parentElement(element); node; child = node, node = parentElement(node)) {
      if (isHTMLNamed(node, 'fieldset') && has(node, 'disabled')) {
        let legend = firstElementChild(node);
        while (legend && !isHTMLNamed(legend, 'legend')) legend = nextElement(legend);
        if (child !== legend) return true;
      }
    }
    return false;
  };
  const isEnabled = (element) => isHTML(element) && SetPrototypeHas(DISABLEABLE, element[LOCAL]) && !isDisabled(element);

  const checkedness = (input) => (checkednessHook !== null ? !!checkednessHook(input) : has(input, 'checked'));
  /// The value of an input or textarea: the DOM's when hooked, else the default value.
  const controlValue = (element) => {
    if (valueHook !== null) return `${valueHook(element)}`;
    return element[LOCAL] === 'textarea' ? childText(element) : attribute(element, 'value') || '';
  };

  const formOwner = (element) => closestHTML(parentElement(element) || element, 'form');

  /// The radio buttons of `element`'s group that are checked (HTML §4.10.5.1.16).
  const radioGroupChecked = (element) => {
    const name = attribute(element, 'name');
    if (name === null || name === '') return checkedness(element);
    const form = formOwner(element);
    let root = form;
    if (root === null) {
      root = element;
      while (root[PARENT]) root = root[PARENT];
    }
    for (let node = root[FIRST]; node; node = following(node, root, false)) {
      if (node[TYPE] === ELEMENT && isInput(node, 'radio') && attribute(node, 'name') === name && checkedness(node) && formOwner(node) === form) return true;
    }
    return false;
  };

  const selectOf = (option) => {
    let parent = parentElement(option);
    if (parent && isHTMLNamed(parent, 'optgroup')) parent = parentElement(parent);
    return parent && isHTMLNamed(parent, 'select') ? parent : null;
  };
  const selectIsDropDown = (select) => {
    if (has(select, 'multiple')) return false;
    const size = attribute(select, 'size');
    return size === null || NumberParseFloat(size) <= 1 || !NumberIsFinite(NumberParseFloat(size));
  };
  const selectOptions = (select, visit) => {
    for (let child = firstElementChild(select); child; child = nextElement(child)) {
      if (isHTMLNamed(child, 'option')) {
        if (visit(child)) return child;
      } else if (isHTMLNamed(child, 'optgroup')) {
        for (let option = firstElementChild(child); option; option = nextElement(option)) if (isHTMLNamed(option, 'option') && visit(option)) return option;
      }
    }
    return null;
  };
  /// HTML option selectedness from attributes: `selected`, else the first enabled option of a
  /// drop-down select that has none selected.
  const isSelected = (option) => {
    if (selectednessHook !== null) return !!selectednessHook(option);
    if (has(option, 'selected')) return true;
    const select = selectOf(option);
    if (select === null || !selectIsDropDown(select)) return false;
    if (selectOptions(select, (o) => has(o, 'selected')) !== null) return false;
    return selectOptions(select, (o) => !isDisabled(o)) === option;
  };

  const isChecked = (element) => {
    if (!isHTML(element)) return false;
    if (element[LOCAL] === 'input') {
      const type = inputType(element);
      return (type === 'checkbox' || type === 'radio') && checkedness(element);
    }
    return element[LOCAL] === 'option' && isSelected(element);
  };

  const isIndeterminate = (element) => {
    if (indeterminateHook !== null && isInput(element, 'checkbox')) return !!indeterminateHook(element);
    if (isInput(element, 'radio')) return !radioGroupChecked(element);
    return isHTMLNamed(element, 'progress') && !has(element, 'value');
  };

  const isSubmitButton = (element) => {
    if (isHTMLNamed(element, 'button')) {
      const type = attribute(element, 'type');
      return type === null || asciiLowercase(type) === 'submit' || !(asciiLowercase(type) === 'reset' || asciiLowercase(type) === 'button');
    }
    if (!isHTMLNamed(element, 'input')) return false;
    const type = inputType(element);
    return type === 'submit' || type === 'image';
  };
  const isDefault = (element) => {
    if (!isHTML(element)) return false;
    const name = element[LOCAL];
    if (name === 'option') return has(element, 'selected');
    if (name === 'input') {
      const type = inputType(element);
      if (type === 'checkbox' || type === 'radio') return has(element, 'checked');
    }
    if (!isSubmitButton(element)) return false;
    const form = formOwner(element);
    if (form === null) return false;
    for (let node = form[FIRST]; node; node = following(node, form, false)) {
      if (node[TYPE] === ELEMENT && isSubmitButton(node) && formOwner(node) === form) return node === element;
    }
    return false;
  };

  const isEditingHost = (element) => {
    for (let node = element; node; node = parentOrHost(node)) {
      const value = isHTML(node) ? attribute(node, 'contenteditable') : null;
      if (value === null) continue;
      const lower = asciiLowercase(value);
      if (lower === '' || lower === 'true' || lower === 'plaintext-only') return true;
      if (lower === 'false') return false;
    }
    return false;
  };
  const isReadWrite = (element) => {
    if (!isHTML(element)) return false;
    const name = element[LOCAL];
    if (name === 'input') return SetPrototypeHas(TEXT_ENTRY_TYPES, inputType(element)) && !has(element, 'readonly') && !isDisabled(element);
    if (name === 'textarea') return !has(element, 'readonly') && !isDisabled(element);
    return isEditingHost(element);
  };

  const isRequirable = (element) => {
    if (!isHTML(element)) return false;
    const name = element[LOCAL];
    if (name === 'input') return !SetPrototypeHas(REQUIRED_EXEMPT_TYPES, inputType(element));
    return name === 'select' || name === 'textarea';
  };

  const isPlaceholderShown = (element) => {
    if (!isHTML(element) || !has(element, 'placeholder')) return false;
    if (element[LOCAL] === 'input') {
      if (!SetPrototypeHas(PLACEHOLDER_TYPES, inputType(element))) return false;
      return controlValue(element) === '';
    }
    return element[LOCAL] === 'textarea' && controlValue(element) === '';
  };

  // Constraint validation (HTML §4.10.20), from attributes.
  const patterns = new Map();
  const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
  const ABSOLUTE_URL = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/;
  const FLOAT = /^-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
  const stripNewlines = (value) => {
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const c = StringPrototypeCharCodeAt(value, i);
      if (c !== 0x0a && c !== 0x0d) out += value[i];
    }
    return out;
  };
  const trimAsciiWhitespace = (value) => {
    let start = 0;
    let end = value.length;
    while (start < end && isAsciiWhitespace(StringPrototypeCharCodeAt(value, start))) start++;
    while (end > start && isAsciiWhitespace(StringPrototypeCharCodeAt(value, end - 1))) end--;
    return StringPrototypeSlice(value, start, end);
  };
  const patternMatches = (pattern, value) => {
    let re = MapPrototypeGet(patterns, pattern);
    if (re === undefined) {
      try {
        re = new RegExp(`^(?:${pattern})$`, 'u');
      } catch {
        re = null;
      }
      MapPrototypeSet(patterns, pattern, re);
    }
    return re === null || RegExpTest(re, value);
  };
  const isCandidate = (element) => {
    if (!isHTML(element) || isDisabled(element)) return false;
    for (let node = parentElement(element); node; node = parentElement(node)) if (isHTMLNamed(node, 'datalist')) return false;
    const name = element[LOCAL];
    if (name === 'input') {
      const type = inputType(element);
      if (type === 'hidden' || type === 'reset' || type === 'button') return false;
      return !(has(element, 'readonly') && SetPrototypeHas(TEXT_ENTRY_TYPES, type));
    }
    if (name === 'textarea') return !has(element, 'readonly');
    if (name === 'button') return isSubmitButton(element);
    return name === 'select';
  };
  const isValidControl = (element) => {
    const name = element[LOCAL];
    const required = has(element, 'required');
    if (name === 'textarea') return !(required && controlValue(element) === '');
    if (name === 'select') {
      if (!required) return true;
      const dropDown = selectIsDropDown(element);
      const first = selectOptions(element, () => true);
      const placeholder = dropDown && first !== null && parentElement(first) === element && attribute(first, 'value') === '' ? first : null;
      return selectOptions(element, (o) => o !== placeholder && isSelected(o)) !== null;
    }
    if (name !== 'input') return true;
    const type = inputType(element);
    if (type === 'checkbox') return !(required && !checkedness(element));
    if (type === 'radio') return !(required && !radioGroupChecked(element));
    if (type === 'file') return !required;
    let value = controlValue(element);
    value = type === 'url' || type === 'email' ? trimAsciiWhitespace(stripNewlines(value)) : stripNewlines(value);
    if (type === 'number' && !RegExpTest(FLOAT, value)) value = '';
    if (value === '') return !(required && SetPrototypeHas(TEXT_ENTRY_TYPES, type));
    if (type === 'email') {
      if (has(element, 'multiple')) {
        const parts = SplitString(value, ',');
        for (let i = 0; i < parts.length; i++) if (!RegExpTest(EMAIL, trimAsciiWhitespace(parts[i]))) return false;
      } else if (!RegExpTest(EMAIL, value)) {
        return false;
      }
    }
    if (type === 'url' && !RegExpTest(ABSOLUTE_URL, value)) return false;
    const pattern = attribute(element, 'pattern');
    if (pattern !== null && SetPrototypeHas(PATTERN_TYPES, type) && !patternMatches(pattern, value)) return false;
    if (type === 'number') {
      const number = NumberParseFloat(value);
      const min = attribute(element, 'min');
      const max = attribute(element, 'max');
      if (min !== null && RegExpTest(FLOAT, min) && number < NumberParseFloat(min)) return false;
      if (max !== null && RegExpTest(FLOAT, max) && number > NumberParseFloat(max)) return false;
      const step = attribute(element, 'step');
      if (step === null || asciiLowercase(step) !== 'any') {
        const size = step !== null && RegExpTest(FLOAT, step) && NumberParseFloat(step) > 0 ? NumberParseFloat(step) : 1;
        const base = min !== null && RegExpTest(FLOAT, min) ? NumberParseFloat(min) : null;
        if (base !== null) {
          const steps = (number - base) / size;
          if (MathAbs(steps - MathRound(steps)) > 1e-9) return false;
        }
      }
    }
    return true;
  };
  /// 1 valid, 0 invalid, -1 neither (not a candidate, form or fieldset).
  const validity = (element) => {
    if (!isHTML(element)) return -1;
    const name = element[LOCAL];
    if (name === 'form' || name === 'fieldset') {
      for (let node = element[FIRST]; node; node = following(node, element, false)) {
        if (node[TYPE] === ELEMENT && isCandidate(node) && !isValidControl(node)) return 0;
      }
      return 1;
    }
    if (!isCandidate(element)) return -1;
    return isValidControl(element) ? 1 : 0;
  };

  // ---------------------------------------------------------------------------------------------
  // :lang(), :dir(), :target

  const languageOf = (element) => {
    for (let node = element; node; node = parentOrHost(node)) {
      const xml = attributeNS(node, XML_NS, 'lang');
      if (xml !== null) return xml;
      const lang = attribute(node, 'lang');
      if (lang !== null) return lang;
    }
    return null;
  };
  /// RFC 4647 §3.3.2 extended filtering of `tag` by `range`, ASCII case-insensitively.
  const languageMatches = (tag, range) => {
    if (range === '') return tag === '';
    if (tag === '') return false;
    const tags = SplitString(asciiLowercase(tag), '-');
    const ranges = SplitString(asciiLowercase(range), '-');
    if (ranges[0] !== '*' && ranges[0] !== tags[0]) return false;
    let t = 1;
    for (let r = 1; r < ranges.length; r++) {
      if (ranges[r] === '*') continue;
      for (;;) {
        if (t >= tags.length) return false;
        if (tags[t] === ranges[r]) {
          t++;
          break;
        }
        if (tags[t].length === 1) return false;
        t++;
      }
    }
    return true;
  };

  const isStrongRTL = (c) => (c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
  const isStrongLTR = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x58f) || (c >= 0x900 && c <= 0x1fff) || (c >= 0x3040 && c <= 0xd7ff);
  const textDirection = (element) => {
    for (let node = element[FIRST]; node; ) {
      let skip = false;
      if (node[TYPE] === ELEMENT) {
        const name = node[LOCAL];
        skip = name === 'script' || name === 'style' || name === 'textarea' || name === 'bdi' || attribute(node, 'dir') !== null;
      } else if (node[TYPE] === TEXT) {
        const data = node[DATA];
        for (let i = 0; i < data.length; i++) {
          const c = StringPrototypeCharCodeAt(data, i);
          if (isStrongRTL(c)) return 'rtl';
          if (isStrongLTR(c)) return 'ltr';
        }
      }
      node = following(node, element, skip);
    }
    return null;
  };
  /// HTML "the directionality" of an element.
  const directionality = (element) => {
    for (let node = element; node; node = parentOrHost(node)) {
      if (!isHTML(node)) continue;
      const dir = attribute(node, 'dir');
      const lower = dir === null ? '' : asciiLowercase(dir);
      if (lower === 'ltr' || lower === 'rtl') return lower;
      const name = node[LOCAL];
      if (lower === 'auto' || (name === 'bdi' && dir === null)) {
        if (name === 'textarea' || (name === 'input' && SetPrototypeHas(TEXT_ENTRY_TYPES, inputType(node)))) {
          const value = name === 'textarea' ? childText(node) : attribute(node, 'value') || '';
          for (let i = 0; i < value.length; i++) {
            const c = StringPrototypeCharCodeAt(value, i);
            if (isStrongRTL(c)) return 'rtl';
            if (isStrongLTR(c)) return 'ltr';
          }
          return 'ltr';
        }
        return textDirection(node) || 'ltr';
      }
      if (name === 'input' && inputType(node) === 'tel' && node === element) return 'ltr';
    }
    return 'ltr';
  };

  /// HTML "the indicated part of the document": from the document URL's fragment.
  const computeTarget = () => {
    const document = currentDocument;
    if (!document) return null;
    const url = document[URL];
    if (typeof url !== 'string') return null;
    const hash = StringPrototypeIndexOf(url, '#');
    if (hash < 0 || hash === url.length - 1) return null;
    const fragment = StringPrototypeSlice(url, hash + 1);
    let decoded = fragment;
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      decoded = fragment;
    }
    let byName = null;
    for (let node = document[FIRST]; node; node = following(node, document, false)) {
      if (node[TYPE] !== ELEMENT) continue;
      const id = attribute(node, 'id');
      if (id === fragment || id === decoded) return node;
      if (byName === null && isHTMLNamed(node, 'a')) {
        const name = attribute(node, 'name');
        if (name === fragment || name === decoded) byName = node;
      }
    }
    return byName;
  };

  // ---------------------------------------------------------------------------------------------
  // Compiling: every simple selector becomes a test `(element) => boolean`.

  const TRUE = () => true;
  const FALSE = () => false;

  const allOf = (tests) => {
    const n = tests.length;
    if (n === 0) return TRUE;
    if (n === 1) return tests[0];
    const t0 = tests[0];
    const t1 = tests[1];
    if (n === 2) return (e) => t0(e) && t1(e);
    const t2 = tests[2];
    if (n === 3) return (e) => t0(e) && t1(e) && t2(e);
    return (e) => {
      for (let i = 0; i < n; i++) if (!tests[i](e)) return false;
      return true;
    };
  };
  const anyOf = (tests) => {
    const n = tests.length;
    if (n === 0) return FALSE;
    if (n === 1) return tests[0];
    const t0 = tests[0];
    const t1 = tests[1];
    if (n === 2) return (e) => t0(e) || t1(e);
    return (e) => {
      for (let i = 0; i < n; i++) if (tests[i](e)) return true;
      return false;
    };
  };

  const compileType = (type) => {
    const namespace = type.namespace;
    const name = intern(type.name);
    let nsTest = null;
    if (namespace === null) nsTest = (e) => e[NAMESPACE] === null;
    else if (namespace !== '*') nsTest = (e) => e[NAMESPACE] === namespace;
    if (name === '*') return nsTest;
    const lower = intern(asciiLowercase(name));
    let nameTest;
    if (lower === name) nameTest = (e) => e[LOCAL] === name;
    else nameTest = (e) => e[LOCAL] === (inHTMLDocument && e[NAMESPACE] === HTML_NS ? lower : name);
    if (nsTest === null) return nameTest;
    return (e) => nameTest(e) && nsTest(e);
  };

  const compileId = (given) => {
    const name = intern(given);
    return (e) => {
      const attributes = e[ATTRIBUTES];
      if (!attributes) return false;
      for (let i = 0; i < attributes.length; i++) {
        const attr = attributes[i];
        if (attr[LOCAL] === 'id' && attr[NAMESPACE] === null) {
          const value = attr[VALUE];
          return value === name || (inQuirksMode && equalsIgnoringAsciiCase(value, name));
        }
      }
      return false;
    };
  };

  const compileClass = (name) => {
    const lower = asciiLowercase(name);
    return (e) => {
      const attributes = e[ATTRIBUTES];
      if (!attributes) return false;
      for (let i = 0; i < attributes.length; i++) {
        const attr = attributes[i];
        if (attr[LOCAL] === 'class' && attr[NAMESPACE] === null) {
          const value = attr[VALUE];
          return inQuirksMode ? listContains(asciiLowercase(value), lower) : listContains(value, name);
        }
      }
      return false;
    };
  };

  /// [att op value flag]: a value test for each of case-sensitive and ASCII case-insensitive.
  const valueTests = (operator, value) => {
    const lower = asciiLowercase(value);
    switch (operator) {
      case '':
        return [TRUE, TRUE];
      case '=':
        return [(v) => v === value, (v) => equalsIgnoringAsciiCase(v, value)];
      case '~=': {
        for (let i = 0; i < value.length; i++) if (isAsciiWhitespace(StringPrototypeCharCodeAt(value, i))) return [FALSE, FALSE];
        return [(v) => listContains(v, value), (v) => listContains(asciiLowercase(v), lower)];
      }
      case '|=':
        return [
          (v) => v === value || (StringPrototypeStartsWith(v, value) && StringPrototypeCharCodeAt(v, value.length) === 0x2d),
          (v) => equalsIgnoringAsciiCase(v, value) || (StringPrototypeStartsWith(asciiLowercase(v), lower) && StringPrototypeCharCodeAt(v, value.length) === 0x2d),
        ];
      case '^=':
        if (value === '') return [FALSE, FALSE];
        return [(v) => StringPrototypeStartsWith(v, value), (v) => StringPrototypeStartsWith(asciiLowercase(v), lower)];
      case '$=':
        if (value === '') return [FALSE, FALSE];
        return [(v) => StringPrototypeEndsWith(v, value), (v) => StringPrototypeEndsWith(asciiLowercase(v), lower)];
      default:
        if (value === '') return [FALSE, FALSE];
        return [(v) => StringPrototypeIndexOf(v, value) >= 0, (v) => StringPrototypeIndexOf(asciiLowercase(v), lower) >= 0];
    }
  };

  /// [att op value flag] over an element's attribute list; `html`: the element is an HTML element
  /// in an HTML document (names lowercased, some values ASCII case-insensitive).
  const attributeMatcher = (simple) => {
    const { namespace, operator, value, flag } = simple;
    const name = intern(simple.name);
    const lowerName = intern(asciiLowercase(name));
    const tests = valueTests(operator, value);
    const sensitive = tests[0];
    const insensitive = tests[1];
    const htmlInsensitive = flag === '' && SetPrototypeHas(CASE_INSENSITIVE_VALUES, lowerName);
    const anyNamespace = namespace === '*';
    return (attributes, html) => {
      for (let i = 0; i < attributes.length; i++) {
        const attr = attributes[i];
        const attrNamespace = attr[NAMESPACE];
        if (anyNamespace ? attr[LOCAL] !== (html && attrNamespace === null ? lowerName : name) : attrNamespace !== namespace || attr[LOCAL] !== (html && namespace === null ? lowerName : name)) continue;
        if (flag === 'i' || (htmlInsensitive && html) ? insensitive(attr[VALUE]) : sensitive(attr[VALUE])) return true;
        if (!anyNamespace) return false;
      }
      return false;
    };
  };
  const compileAttribute = (simple) => {
    const matcher = attributeMatcher(simple);
    return (e) => {
      const attributes = e[ATTRIBUTES];
      return !!attributes && matcher(attributes, inHTMLDocument && e[NAMESPACE] === HTML_NS);
    };
  };

  const nthMatches = (a, b, index) => {
    if (a === 0) return index === b;
    const d = index - b;
    return d % a === 0 && d / a >= 0;
  };
  const sameType = (x, y) => x[LOCAL] === y[LOCAL] && x[NAMESPACE] === y[NAMESPACE];

  const compileNth = (name, nth) => {
    const { a, b } = nth;
    const of = nth.of === null ? null : compileList(nth.of);
    switch (name) {
      case 'nth-child':
        if (of !== null) {
          return (e) => {
            if (!of(e)) return false;
            let index = 1;
            for (let s = previousElement(e); s; s = previousElement(s)) if (of(s)) index++;
            return nthMatches(a, b, index);
          };
        }
        return (e) => {
          let index;
          if (e === nthElement) {
            index = nthIndex;
          } else {
            index = 1;
            for (let s = previousElement(e); s; s = previousElement(s)) {
              if (s === nthElement) {
                index += nthIndex;
                break;
              }
              index++;
            }
            nthElement = e;
            nthIndex = index;
          }
          return nthMatches(a, b, index);
        };
      case 'nth-last-child':
        return (e) => {
          if (of !== null && !of(e)) return false;
          let index = 1;
          for (let s = nextElement(e); s; s = nextElement(s)) if (of === null || of(s)) index++;
          return nthMatches(a, b, index);
        };
      case 'nth-of-type':
        return (e) => {
          let index = 1;
          for (let s = previousElement(e); s; s = previousElement(s)) if (sameType(s, e)) index++;
          return nthMatches(a, b, index);
        };
      default:
        return (e) => {
          let index = 1;
          for (let s = nextElement(e); s; s = nextElement(s)) if (sameType(s, e)) index++;
          return nthMatches(a, b, index);
        };
    }
  };

  const isLink = (e) => {
    if (e[NAMESPACE] !== HTML_NS) return false;
    const name = e[LOCAL];
    return (name === 'a' || name === 'area' || name === 'link') && has(e, 'href');
  };
  const isFlatAncestorOrSelf = (e, of) => {
    for (let node = of; node; node = parentOrHost(node)) if (node === e) return true;
    return false;
  };
  const isCustomElementName = (name) => StringPrototypeIndexOf(name, '-') > 0;
  const CUSTOM_ELEMENT_STATE = runtime.nodes?.CUSTOM_ELEMENT_STATE ?? runtime.primordials.Symbol('customElementState');

  const compilePseudoClass = (simple) => {
    switch (simple.name) {
      case 'is':
      case 'where':
        return compileList(simple.list);
      case 'not': {
        const inner = compileList(simple.list);
        return (e) => !inner(e);
      }
      case 'has':
        return compileHas(simple.list);
      case 'nth-child':
      case 'nth-last-child':
      case 'nth-of-type':
      case 'nth-last-of-type':
        return compileNth(simple.name, simple.nth);
      case 'first-child':
        return (e) => previousElement(e) === null;
      case 'last-child':
        return (e) => nextElement(e) === null;
      case 'only-child':
        return (e) => previousElement(e) === null && nextElement(e) === null;
      case 'first-of-type':
        return (e) => {
          for (let s = previousElement(e); s; s = previousElement(s)) if (sameType(s, e)) return false;
          return true;
        };
      case 'last-of-type':
        return (e) => {
          for (let s = nextElement(e); s; s = nextElement(s)) if (sameType(s, e)) return false;
          return true;
        };
      case 'only-of-type':
        return (e) => {
          for (let s = previousElement(e); s; s = previousElement(s)) if (sameType(s, e)) return false;
          for (let s = nextElement(e); s; s = nextElement(s)) if (sameType(s, e)) return false;
          return true;
        };
      case 'root':
        return (e) => {
          const parent = e[PARENT];
          return !!parent && parent[TYPE] === DOCUMENT_NODE;
        };
      case 'empty':
        return (e) => {
          for (let node = e[FIRST]; node; node = node[NEXT]) {
            const type = node[TYPE];
            if (type === ELEMENT || ((type === TEXT || type === CDATA) && node[DATA].length > 0)) return false;
          }
          return true;
        };
      case 'scope':
        return (e) => {
          if (scopeNode === null) {
            const parent = e[PARENT];
            return !!parent && parent[TYPE] === DOCUMENT_NODE;
          }
          if (scopeNode[TYPE] === DOCUMENT_NODE) return e[PARENT] === scopeNode;
          return e === scopeNode;
        };
      case 'link':
      case 'any-link':
        return isLink;
      case 'visited':
        return FALSE;
      case 'target':
        return (e) => {
          if (targetElement === undefined) targetElement = computeTarget();
          return e === targetElement;
        };
      case 'lang': {
        const ranges = simple.ranges;
        return (e) => {
          const language = languageOf(e);
          if (language === null) return false;
          for (let i = 0; i < ranges.length; i++) if (languageMatches(language, ranges[i])) return true;
          return false;
        };
      }
      case 'dir': {
        const direction = simple.direction;
        if (direction !== 'ltr' && direction !== 'rtl') return FALSE;
        return (e) => isHTML(e) && directionality(e) === direction;
      }
      case 'defined':
        return (e) => {
          // HTML §4.13.1: defined when its custom element state is 'uncustomized' or 'custom' (custom-elements.js sets it).
          const state = e[CUSTOM_ELEMENT_STATE];
          if (state === undefined) return !isHTML(e) || !isCustomElementName(e[LOCAL]);
          return state === 'custom' || state === 'uncustomized';
        };
      case 'checked':
        return isChecked;
      case 'indeterminate':
        return isIndeterminate;
      case 'default':
        return isDefault;
      case 'disabled':
        return isDisabled;
      case 'enabled':
        return isEnabled;
      case 'required':
        return (e) => isRequirable(e) && has(e, 'required');
      case 'optional':
        return (e) => isRequirable(e) && !has(e, 'required');
      case 'read-write':
        return isReadWrite;
      case 'read-only':
        return (e) => !isReadWrite(e);
      case 'placeholder-shown':
        return isPlaceholderShown;
      case 'valid':
        return (e) => validity(e) === 1;
      case 'invalid':
        return (e) => validity(e) === 0;
      case 'focus':
        return (e) => focusedElement === e;
      case 'focus-within':
        return (e) => focusedElement !== null && isFlatAncestorOrSelf(e, focusedElement);
      case 'focus-visible':
        return (e) => {
          if (focusedElement !== e) return false;
          if (state !== null && typeof state.focusVisible === 'boolean') return state.focusVisible;
          return (isHTMLNamed(e, 'input') && SetPrototypeHas(TEXT_ENTRY_TYPES, inputType(e))) || isHTMLNamed(e, 'textarea') || isEditingHost(e);
        };
      case 'hover':
        return (e) => state !== null && !!state.hovered && isFlatAncestorOrSelf(e, state.hovered);
      case 'active':
        return (e) => state !== null && !!state.active && isFlatAncestorOrSelf(e, state.active);
      case 'host': {
        const inner = simple.argument ? compileCompound(simple.argument) : TRUE;
        return (e) => e === hostElement && hostElement !== null && inner(e);
      }
      default:
        throw new Error(`selectors.js: no matcher for :${simple.name}`);
    }
  };

  const compileCompound = (compound) => {
    if (compound.pseudoElement) return FALSE;
    const tests = [];
    if (compound.type) {
      const test = compileType(compound.type);
      if (test !== null) ArrayPrototypePush(tests, test);
    }
    // Cheap tests first: ids, classes, attributes, then pseudo-classes in written order.
    const order = ['id', 'class', 'attribute', 'pseudo-class'];
    for (let k = 0; k < order.length; k++) {
      const simples = compound.simples;
      for (let i = 0; i < simples.length; i++) {
        const simple = simples[i];
        if (simple.kind !== order[k]) continue;
        if (simple.kind === 'id') ArrayPrototypePush(tests, compileId(simple.name));
        else if (simple.kind === 'class') ArrayPrototypePush(tests, compileClass(simple.name));
        else if (simple.kind === 'attribute') ArrayPrototypePush(tests, compileAttribute(simple));
        else ArrayPrototypePush(tests, compilePseudoClass(simple));
      }
    }
    return allOf(tests);
  };
  const hasHost = (compound) => {
    for (let i = 0; i < compound.simples.length; i++) if (compound.simples[i].name === 'host') return true;
    return false;
  };

  /// `test` on the subject, then `left` across `combinator` (right-to-left matching).
  const link = (combinator, left, test, leftTakesHost) => {
    const acrossShadow = (node) => leftTakesHost && node[TYPE] === FRAGMENT && hostElement !== null && node[HOST] === hostElement;
    switch (combinator) {
      case '>':
        return (e) => {
          if (!test(e)) return false;
          const parent = e[PARENT];
          if (!parent) return false;
          if (parent[TYPE] === ELEMENT) return left(parent);
          return acrossShadow(parent) && left(hostElement);
        };
      case ' ': {
        // Siblings share ancestors: remember, for this query, whether `left` matched an inclusive
        // ancestor of the last parent searched from (listed in `memos`, so `leave` can drop it).
        const memo = { node: null, result: false, generation: -1, listed: false };
        return (e) => {
          if (!test(e)) return false;
          const start = e[PARENT];
          const valid = memo.generation === generation;
          if (valid && start === memo.node) return memo.result;
          let result = false;
          for (let node = start; node; node = node[PARENT]) {
            if (valid && node === memo.node) {
              result = memo.result;
              break;
            }
            if (node[TYPE] !== ELEMENT) {
              result = acrossShadow(node) && left(hostElement);
              break;
            }
            if (left(node)) {
              result = true;
              break;
            }
          }
          memo.node = start;
          memo.result = result;
          memo.generation = generation;
          if (!memo.listed) {
            memo.listed = true;
            memos[memos.length] = memo;
          }
          return result;
        };
      }
      case '+':
        return (e) => {
          if (!test(e)) return false;
          const sibling = previousElement(e);
          return sibling !== null && left(sibling);
        };
      default:
        return (e) => {
          if (!test(e)) return false;
          for (let sibling = previousElement(e); sibling; sibling = previousElement(sibling)) if (left(sibling)) return true;
          return false;
        };
    }
  };

  const compileComplex = (complex) => {
    const compounds = complex.compounds;
    if (compounds[compounds.length - 1].pseudoElement) return FALSE;
    let matcher;
    let start = 0;
    if (complex.relative !== null) {
      matcher = link(complex.relative, (e) => e === hasAnchor, compileCompound(compounds[0]), false);
      start = 1;
    } else {
      matcher = compileCompound(compounds[0]);
      start = 1;
    }
    for (let i = start; i < compounds.length; i++) {
      matcher = link(complex.combinators[i - 1], matcher, compileCompound(compounds[i]), hasHost(compounds[i - 1]));
    }
    return matcher;
  };
  const compileList = (list) => {
    const tests = [];
    for (let i = 0; i < list.length; i++) ArrayPrototypePush(tests, compileComplex(list[i]));
    return anyOf(tests);
  };

  /// :has(<relative-selector-list>): searches the anchor's descendants or following siblings.
  const compileHas = (list) => {
    const searches = [];
    for (let i = 0; i < list.length; i++) {
      const complex = list[i];
      const test = compileComplex(complex);
      const single = complex.compounds.length === 1;
      const kind = complex.relative;
      let search;
      if (kind === '>' && single) {
        search = (anchor) => {
          for (let c = firstElementChild(anchor); c; c = nextElement(c)) if (test(c)) return true;
          return false;
        };
      } else if (kind === '+' && single) {
        search = (anchor) => {
          const next = nextElement(anchor);
          return next !== null && test(next);
        };
      } else if (kind === '~' && single) {
        search = (anchor) => {
          for (let s = nextElement(anchor); s; s = nextElement(s)) if (test(s)) return true;
          return false;
        };
      } else if (kind === '+' || kind === '~') {
        search = (anchor) => {
          const parent = anchor[PARENT];
          for (let s = anchor[NEXT]; s; s = following(s, parent, false)) {
            if (s === parent) break;
            if (s[TYPE] === ELEMENT && test(s)) return true;
          }
          return false;
        };
      } else {
        search = (anchor) => {
          for (let node = anchor[FIRST]; node; node = following(node, anchor, false)) if (node[TYPE] === ELEMENT && test(node)) return true;
          return false;
        };
      }
      ArrayPrototypePush(searches, search);
    }
    return (e) => {
      const saved = hasAnchor;
      hasAnchor = e;
      generation++;
      try {
        for (let i = 0; i < searches.length; i++) if (searches[i](e)) return true;
        return false;
      } finally {
        hasAnchor = saved;
        generation++;
      }
    };
  };

  // ---------------------------------------------------------------------------------------------
  // Specificity (Selectors 4 §17)

  const MAX = 1023;
  const pack = (s) => MathMin(s[0], MAX) * 1048576 + MathMin(s[1], MAX) * 1024 + MathMin(s[2], MAX);
  const maxOf = (list) => {
    let best = [0, 0, 0];
    for (let i = 0; i < list.length; i++) {
      const s = complexSpecificity(list[i]);
      if (pack(s) > pack(best)) best = s;
    }
    return best;
  };
  const addTo = (total, s) => {
    total[0] += s[0];
    total[1] += s[1];
    total[2] += s[2];
  };
  const compoundSpecificity = (compound, total) => {
    if (compound.type && compound.type.name !== '*') total[2]++;
    for (let i = 0; i < compound.simples.length; i++) {
      const simple = compound.simples[i];
      if (simple.kind === 'id') total[0]++;
      else if (simple.kind === 'class' || simple.kind === 'attribute') total[1]++;
      else if (simple.name === 'where') continue;
      else if (simple.name === 'is' || simple.name === 'not' || simple.name === 'has') addTo(total, maxOf(simple.list));
      else {
        total[1]++;
        if (simple.nth && simple.nth.of) addTo(total, maxOf(simple.nth.of));
        if (simple.name === 'host' && simple.argument) compoundSpecificity(simple.argument, total);
      }
    }
    if (compound.pseudoElement) {
      total[2]++;
      if (compound.pseudoElement.argument) compoundSpecificity(compound.pseudoElement.argument, total);
    }
  };
  const complexSpecificity = (complex) => {
    const total = [0, 0, 0];
    for (let i = 0; i < complex.compounds.length; i++) compoundSpecificity(complex.compounds[i], total);
    return total;
  };

  // ---------------------------------------------------------------------------------------------
  // The document index: per document tree version (nodes.js's TREE_VERSION: the tree's structure
  // and the id and class attributes; VERSION without the DOM), the elements of the document tree
  // in tree order with, per element position, its parent element's and previous element
  // sibling's positions, its position among its siblings, local name, whether it is HTML, id,
  // class, and attribute list (an element keeps one attribute list for its life, changed in
  // place, so attribute values are read live), plus lists of positions by local name, id and
  // class. It is built only when a fourth query sees the same tree version (see
  // WALKS_BEFORE_INDEX), dropped whole when the tree version moves, and kept across other
  // mutations (attribute values, text, form state). Queries over the whole document match
  // against it with tests compiled for positions (`compileIndexed*`): reading these arrays
  // replaces reading the slots of element objects of many shapes. Results are never cached.

  const indexes = new WeakMap();

  /// What the subject compound of a one-item list guarantees: an id, a class or a local name.
  const indexKey = (list) => {
    if (list.length !== 1) return null;
    const compounds = list[0].compounds;
    const subject = compounds[compounds.length - 1];
    if (subject.pseudoElement) return null;
    for (let i = 0; i < subject.simples.length; i++) if (subject.simples[i].kind === 'id') return { kind: 'id', value: subject.simples[i].name };
    for (let i = 0; i < subject.simples.length; i++) if (subject.simples[i].kind === 'class') return { kind: 'class', value: subject.simples[i].name };
    const type = subject.type;
    if (type && type.name !== '*' && asciiLowercase(type.name) === type.name) return { kind: 'local', value: type.name };
    return null;
  };

  const addToIndex = (map, key, position) => {
    const list = MapPrototypeGet(map, key);
    if (list === undefined) MapPrototypeSet(map, key, [position]);
    else if (list[list.length - 1] !== position) list[list.length] = position; // a class listed twice counts once
  };
  const EMPTY = ObjectFreeze([]);

  // Attribute values up to this length that an attribute selector reads are also kept interned
  // (made on first read): a parser's values are slices of its text, two-byte strings when a page
  // has any character above U+00FF, and string searches in those are several times slower than
  // in the engine's one-byte copies.
  const MAX_COPIED_VALUE = 256;

  const buildIndex = (document, version) => {
    const internedNames = new Map();
    const elements = [];
    const parents = [];
    const previous = [];
    const positions = [];
    const locals = [];
    const html = [];
    const ids = [];
    const classes = [];
    const attributeLists = [];
    const valueCopies = [];
    const byLocal = new Map();
    const byId = new Map();
    const byClass = new Map();
    // Per depth: the parent element's position and the last element child seen under it.
    const parentAt = [-1];
    const lastAt = [-1];
    let depth = 0;
    let node = document[FIRST];
    while (node !== null) {
      if (node[TYPE] === ELEMENT) {
        const i = elements.length;
        elements[i] = node;
        parents[i] = parentAt[depth];
        const before = lastAt[depth];
        previous[i] = before;
        positions[i] = before < 0 ? 1 : positions[before] + 1;
        lastAt[depth] = i;
        // Interned, so that comparing with a selector's (interned) name compares pointers even
        // when the parser's names are slices of its text.
        const raw = node[LOCAL];
        let local = MapPrototypeGet(internedNames, raw);
        if (local === undefined) {
          local = intern(raw);
          MapPrototypeSet(internedNames, raw, local);
        }
        locals[i] = local;
        html[i] = node[NAMESPACE] === HTML_NS;
        addToIndex(byLocal, local, i);
        const attributes = node[ATTRIBUTES];
        attributeLists[i] = attributes;
        let id = null;
        let className = null;
        for (let k = 0; k < attributes.length; k++) {
          const attr = attributes[k];
          if (attr[NAMESPACE] !== null) continue;
          const name = attr[LOCAL];
          if (name === 'id') id = attr[VALUE];
          else if (name === 'class') className = attr[VALUE];
        }
        ids[i] = id;
        classes[i] = className;
        valueCopies[i] = null;
        if (id !== null) addToIndex(byId, id, i);
        if (className !== null) {
          let start = -1;
          for (let at = 0; at <= className.length; at++) {
            const space = at === className.length || isAsciiWhitespace(StringPrototypeCharCodeAt(className, at));
            if (space && start >= 0) {
              addToIndex(byClass, StringPrototypeSlice(className, start, at), i);
              start = -1;
            } else if (!space && start < 0) {
              start = at;
            }
          }
        }
        const child = node[FIRST];
        if (child !== null) {
          depth++;
          parentAt[depth] = i;
          lastAt[depth] = -1;
          node = child;
          continue;
        }
      }
      let next = node[NEXT];
      while (next === null) {
        node = node[PARENT];
        if (node === document || node === null) break;
        depth--;
        next = node[NEXT];
      }
      node = next;
    }
    return { version, seen: version, walks: 0, elements, parents, previous, positions, locals, html, ids, classes, attributeLists, valueCopies, byLocal, byId, byClass };
  };

  // Building the index costs about three walks of the tree: it is built by the query after this
  // many walked at one tree version, so that a page that changes the tree between every few
  // queries pays at most about one walk more per change than without an index.
  const WALKS_BEFORE_INDEX = 3;

  /// `document`'s index at its current tree version, or null (walk the tree this time).
  const documentIndex = (document) => {
    const version = document[TREE_VERSION];
    if (typeof version !== 'number') return null;
    let index = WeakMapPrototypeGet(indexes, document);
    if (index === undefined || index.version !== version) {
      if (index === undefined || index.seen !== version) {
        WeakMapPrototypeSet(indexes, document, { version: -1, seen: version, walks: 1 });
        return null;
      }
      if (index.walks < WALKS_BEFORE_INDEX) {
        index.walks++;
        return null;
      }
      index = buildIndex(document, version);
      WeakMapPrototypeSet(indexes, document, index);
    }
    return index;
  };

  /// The positions to test for a compiled list's key, or null for every element.
  const candidates = (index, key) => {
    if (key === null || (inQuirksMode && key.kind !== 'local')) return null;
    const map = key.kind === 'id' ? index.byId : key.kind === 'class' ? index.byClass : index.byLocal;
    const list = MapPrototypeGet(map, key.value);
    return list === undefined ? EMPTY : list;
  };

  // The index of the current call (set by `useIndex`, dropped by `leave`).
  let ixElements = null;
  let ixParents = null;
  let ixPrevious = null;
  let ixPositions = null;
  let ixLocals = null;
  let ixHTML = null;
  let ixIds = null;
  let ixClasses = null;
  let ixAttributes = null;
  let ixValueCopies = null;
  const useIndex = (index) => {
    ixElements = index.elements;
    ixParents = index.parents;
    ixPrevious = index.previous;
    ixPositions = index.positions;
    ixLocals = index.locals;
    ixHTML = index.html;
    ixIds = index.ids;
    ixClasses = index.classes;
    ixAttributes = index.attributeLists;
    ixValueCopies = index.valueCopies;
  };

  /// A test of elements as a test of positions.
  const onElement = (test) => (i) => test(ixElements[i]);

  const compileTypeIndexed = (type) => {
    const name = intern(type.name);
    const tests = [];
    if (type.namespace !== '*') ArrayPrototypePush(tests, onElement(compileType({ namespace: type.namespace, name: '*' })));
    if (name !== '*') {
      const lower = intern(asciiLowercase(name));
      if (lower === name) ArrayPrototypePush(tests, (i) => ixLocals[i] === name);
      else ArrayPrototypePush(tests, (i) => ixLocals[i] === (inHTMLDocument && ixHTML[i] ? lower : name));
    }
    return tests;
  };

  /// [att op value] on positions. The common case (a lowercase name in no namespace, no flag, a
  /// value compared case-sensitively everywhere) is one loop per operator, so that each
  /// selector's call sites see one function; the others go through `attributeMatcher`.
  const compileAttributeIndexed = (simple) => {
    const { namespace, operator, value, flag } = simple;
    const name = intern(simple.name);
    if (namespace !== null || flag !== '' || intern(asciiLowercase(name)) !== name || SetPrototypeHas(CASE_INSENSITIVE_VALUES, name)) {
      const matcher = attributeMatcher(simple);
      return (i) => matcher(ixAttributes[i], inHTMLDocument && ixHTML[i]);
    }
    /// The value of the attribute `name` at position i, or null: the index's interned copy while
    /// the value is the one the index saw (the same string), else the live value.
    const valueAt = (i) => {
      const attributes = ixAttributes[i];
      for (let k = 0; k < attributes.length; k++) {
        const attr = attributes[k];
        if (attr[LOCAL] === name && attr[NAMESPACE] === null) {
          const value = attr[VALUE];
          let copies = ixValueCopies[i];
          if (copies === null) {
            copies = [];
            ixValueCopies[i] = copies;
          } else if (copies[2 * k] === value) {
            return copies[2 * k + 1];
          }
          if (value.length > MAX_COPIED_VALUE) return value;
          while (copies.length < 2 * k) copies[copies.length] = null;
          const copy = intern(value);
          copies[2 * k] = value;
          copies[2 * k + 1] = copy;
          return copy;
        }
      }
      return null;
    };
    switch (operator) {
      case '':
        return (i) => valueAt(i) !== null;
      case '=':
        return (i) => valueAt(i) === value;
      case '^=':
        if (value === '') return FALSE;
        return (i) => {
          const v = valueAt(i);
          return v !== null && StringPrototypeStartsWith(v, value);
        };
      case '$=':
        if (value === '') return FALSE;
        return (i) => {
          const v = valueAt(i);
          return v !== null && StringPrototypeEndsWith(v, value);
        };
      case '*=':
        if (value === '') return FALSE;
        return (i) => {
          const v = valueAt(i);
          return v !== null && StringPrototypeIndexOf(v, value) >= 0;
        };
      default: {
        const matcher = attributeMatcher(simple);
        return (i) => matcher(ixAttributes[i], inHTMLDocument && ixHTML[i]);
      }
    }
  };

  /// A compound against positions: [cheap, costly] tests (costly: attribute values and the
  /// pseudo-classes read from the element), so that a combinator can run the cheap ones first.
  const compileCompoundIndexed = (compound) => {
    if (compound.pseudoElement) return [FALSE, TRUE];
    const cheap = compound.type ? compileTypeIndexed(compound.type) : [];
    const costly = [];
    const simples = compound.simples;
    for (let k = 0; k < simples.length; k++) {
      const simple = simples[k];
      if (simple.kind === 'id') {
        const name = intern(simple.name);
        ArrayPrototypePush(cheap, (i) => {
          const id = ixIds[i];
          return id !== null && (id === name || (inQuirksMode && equalsIgnoringAsciiCase(id, name)));
        });
      } else if (simple.kind === 'class') {
        const name = simple.name;
        const lower = asciiLowercase(name);
        ArrayPrototypePush(cheap, (i) => {
          const list = ixClasses[i];
          return list !== null && (inQuirksMode ? listContains(asciiLowercase(list), lower) : listContains(list, name));
        });
      } else if (simple.kind === 'attribute') {
        ArrayPrototypePush(costly, compileAttributeIndexed(simple));
      } else if (simple.name === 'first-child') {
        ArrayPrototypePush(cheap, (i) => ixPositions[i] === 1);
      } else if (simple.name === 'nth-child' && simple.nth.of === null) {
        const { a, b } = simple.nth;
        ArrayPrototypePush(cheap, (i) => nthMatches(a, b, ixPositions[i]));
      } else {
        ArrayPrototypePush(costly, onElement(compilePseudoClass(simple)));
      }
    }
    return [allOf(cheap), allOf(costly)];
  };

  /// `cheap`, then `left` across `combinator`, then `costly`, on positions (right to left).
  const linkIndexed = (combinator, left, cheap, costly) => {
    switch (combinator) {
      case '>':
        return (i) => {
          if (!cheap(i)) return false;
          const parent = ixParents[i];
          return parent >= 0 && left(parent) && costly(i);
        };
      case ' ': {
        // Siblings share ancestors: remember, for this query, whether `left` matched an ancestor
        // of the last parent searched from (positions only: nothing of the tree is kept).
        let memoStart = -1;
        let memoResult = false;
        let memoGeneration = -1;
        return (i) => {
          if (!cheap(i)) return false;
          const start = ixParents[i];
          const valid = memoGeneration === generation;
          let result = false;
          if (valid && start === memoStart) {
            result = memoResult;
          } else {
            for (let p = start; p >= 0; p = ixParents[p]) {
              if (valid && p === memoStart) {
                result = memoResult;
                break;
              }
              if (left(p)) {
                result = true;
                break;
              }
            }
            memoStart = start;
            memoResult = result;
            memoGeneration = generation;
          }
          return result && costly(i);
        };
      }
      case '+':
        return (i) => {
          if (!cheap(i)) return false;
          const sibling = ixPrevious[i];
          return sibling >= 0 && left(sibling) && costly(i);
        };
      default:
        return (i) => {
          if (!cheap(i)) return false;
          for (let sibling = ixPrevious[i]; sibling >= 0; sibling = ixPrevious[sibling]) if (left(sibling)) return costly(i);
          return false;
        };
    }
  };

  const compileComplexIndexed = (complex) => {
    const compounds = complex.compounds;
    if (compounds[compounds.length - 1].pseudoElement) return FALSE;
    const first = compileCompoundIndexed(compounds[0]);
    let matcher = allOf(first);
    for (let i = 1; i < compounds.length; i++) {
      const compound = compileCompoundIndexed(compounds[i]);
      matcher = linkIndexed(complex.combinators[i - 1], matcher, compound[0], compound[1]);
    }
    return matcher;
  };
  const compileIndexedList = (list) => {
    const tests = [];
    for (let i = 0; i < list.length; i++) ArrayPrototypePush(tests, compileComplexIndexed(list[i]));
    return anyOf(tests);
  };

  // ---------------------------------------------------------------------------------------------
  // Entry points

  const cache = new Map();
  let cacheSize = 0;
  const CACHE_LIMIT = 2048;

  const build = (text, list) => {
    const complexes = [];
    const tests = [];
    for (let i = 0; i < list.length; i++) {
      const complex = list[i];
      const test = compileComplex(complex);
      const s = complexSpecificity(complex);
      const last = complex.compounds[complex.compounds.length - 1];
      ArrayPrototypePush(tests, test);
      ArrayPrototypePush(complexes, ObjectFreeze({ test, specificity: ObjectFreeze(s), packed: pack(s), pseudoElement: last.pseudoElement ? last.pseudoElement.name : null }));
    }
    // `lazy.indexed`: the list compiled against the document index, made on first use.
    return ObjectFreeze({ text, list, test: anyOf(tests), complexes: ObjectFreeze(complexes), key: indexKey(list), lazy: { indexed: null } });
  };

  const compile = (input, namespaces) => {
    const text = `${input}`;
    if (namespaces === undefined) {
      const cached = MapPrototypeGet(cache, text);
      if (cached !== undefined) return cached;
    }
    const compiled = build(text, parse(text, namespaces));
    if (namespaces === undefined) {
      if (cacheSize >= CACHE_LIMIT) {
        MapPrototypeClear(cache);
        cacheSize = 0;
      }
      MapPrototypeSet(cache, text, compiled);
      cacheSize++;
    }
    return compiled;
  };
  const parseSelectorList = (text, namespaces) => parse(`${text}`, namespaces);

  const begin = (root, givenState) => {
    enter(root, givenState);
    currentDocument = root[TYPE] === DOCUMENT_NODE ? root : root[DOCUMENT] || null;
    if (currentDocument !== null && !isConnected(root)) targetElement = null;
  };

  /// DOM "scope-match a selectors string" against `root`'s descendants, in tree order.
  const querySelectorAll = (root, text, givenState) => {
    const compiled = compile(text);
    try {
      begin(root, givenState);
      scopeNode = root;
      return collect(compiled, root, false);
    } finally {
      leave();
    }
  };

  const querySelector = (root, text, givenState) => {
    const compiled = compile(text);
    try {
      begin(root, givenState);
      scopeNode = root;
      const found = collect(compiled, root, true);
      return found.length === 0 ? null : found[0];
    } finally {
      leave();
    }
  };

  /// The elements below `root` that match, in tree order (only the first when `first`).
  const collect = (compiled, root, first) => {
    const result = [];
    const index = root === currentDocument ? documentIndex(root) : null;
    if (index !== null) {
      const lazy = compiled.lazy;
      if (lazy.indexed === null) lazy.indexed = compileIndexedList(compiled.list);
      const test = lazy.indexed;
      useIndex(index);
      const elements = index.elements;
      const list = candidates(index, compiled.key);
      if (list === null) {
        for (let i = 0; i < elements.length; i++) {
          if (test(i)) {
            result[result.length] = elements[i];
            if (first) return result;
          }
        }
      } else {
        for (let k = 0; k < list.length; k++) {
          const i = list[k];
          if (test(i)) {
            result[result.length] = elements[i];
            if (first) return result;
          }
        }
      }
      return result;
    }
    const test = compiled.test;
    let node = root[FIRST];
    while (node !== null) {
      if (node[TYPE] === ELEMENT) {
        if (test(node)) {
          result[result.length] = node;
          if (first) return result;
        }
        const child = node[FIRST];
        if (child !== null) {
          node = child;
          continue;
        }
      }
      let next = node[NEXT];
      while (next === null) {
        node = node[PARENT];
        if (node === root || node === null) return result;
        next = node[NEXT];
      }
      node = next;
    }
    return result;
  };

  const matches = (element, text, givenState) => {
    const test = compile(text).test;
    try {
      begin(element, givenState);
      scopeNode = element;
      return test(element);
    } finally {
      leave();
    }
  };

  const closest = (element, text, givenState) => {
    const test = compile(text).test;
    try {
      begin(element, givenState);
      scopeNode = element;
      for (let node = element; node; node = parentElement(node)) if (test(node)) return node;
      return null;
    } finally {
      leave();
    }
  };

  const matchElement = (compiled, element, givenState) => {
    try {
      begin(element, givenState);
      scopeNode = givenState && givenState.scope ? givenState.scope : null;
      return compiled.test(element);
    } finally {
      leave();
    }
  };

  const matchingSpecificity = (compiled, element, givenState) => {
    try {
      begin(element, givenState);
      scopeNode = givenState && givenState.scope ? givenState.scope : null;
      let best = -1;
      const complexes = compiled.complexes;
      for (let i = 0; i < complexes.length; i++) {
        const complex = complexes[i];
        if (complex.packed > best && complex.test(element)) best = complex.packed;
      }
      return best;
    } finally {
      leave();
    }
  };

  const specificity = (compiled) => {
    const out = [];
    for (let i = 0; i < compiled.complexes.length; i++) ArrayPrototypePush(out, compiled.complexes[i].specificity);
    return out;
  };

  return ObjectFreeze({
    compile,
    parseSelectorList,
    querySelectorAll,
    querySelector,
    matches,
    closest,
    matchElement,
    matchingSpecificity,
    specificity,
    configure,
  });
}
