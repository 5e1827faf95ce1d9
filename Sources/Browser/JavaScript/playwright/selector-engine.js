// Playwright's selector syntax over Caper's DOM (playwright.dev "Other locators" and "Selectors";
// the grammar of Playwright's selectorParser.ts and cssParser.ts, the semantics of its
// injectedScript.ts, selectorEvaluator.ts and selectorUtils.ts), for the page methods and
// locators that take a selector.
//
// A selector is parts joined by `>>`; each part is queried inside every match of the part before
// it (`>>` inside quotes does not split). A part is `engine=body`, or a quoted string (`text`),
// or starts with `//` or `..` (`xpath`), or else is CSS. Engines:
//   css (default), css:light    CSS whose descendant and child combinators cross open shadow roots
//                               (css:light does not), with Playwright's pseudo-classes :has-text(),
//                               :text(), :text-is(), :text-matches(), :visible, :light(), :scope,
//                               :nth-match(), and its own :is/:where/:not/:has (which pierce too);
//                               the compound selectors between combinators are matched by
//                               runtime.selectors (Selectors Level 4)
//   text, text:light            `text=foo` (normalised, case-insensitive substring), `text="foo"`
//                               or `'foo'` (exact), `text=/re/flags`: the smallest elements with it
//   internal:text, internal:has-text, internal:has-not-text   the locator forms (`"foo"i`, `"foo"s`)
//   id, data-testid, data-test-id, data-test (and their :light forms)   attribute equality
//   internal:attr, internal:testid   `[name="value"i]`, `[name="value"s]`, `[name=/re/]` (getByTestId...)
//   nth=N                       the Nth match so far (negative: from the end)
//   visible=true|false          the matches so far that are (not) visible
//   internal:has, internal:has-not, internal:and, internal:or, internal:chain   nested selectors
//                               (a JSON string body), as locator.filter/and/or/locator write them
//   `*` before an engine name captures that part (the element is returned, not the last part's).
// Visibility is Playwright's isElementVisible without boxes: the cascade renders the element (no
// `display: none` on it or an ancestor, no closed <details>, no `content-visibility: hidden`), its
// `visibility` is `visible`, and it is not an empty inline box (an inline, non-replaced HTML
// element with no element child and no text); `display: contents` is visible when a child is.
//
// Guarantees: results are elements in DOM's shadow-including tree order (a host, then its shadow
// tree, then its children), without duplicates; the tree is read through internals' slots,
// built-ins through runtime.primordials, so page code that replaces prototypes, globals or
// getters changes nothing; parsed selectors are cached by text, element texts only for one call.
// A malformed selector throws an Error whose message is Playwright's ("Unexpected token "..."
// while parsing css selector "...". Did you mean to CSS.escape it?", "Error while parsing selector ...", "Unknown engine ...").
//   role, internal:role         `button[name="Go"i]` (roleSelectorEngine.ts's grammar: [name=...] and
//                               [description=...] with = *= ^= $= |= ~=, /re/, an `i`/`s` suffix;
//                               [checked], [checked=false], [checked="mixed"], [pressed], [selected],
//                               [expanded], [level=N], [disabled], [include-hidden]); roles, states and
//                               names from runtime.aria. internal:role reads `[name="x"i]` as a
//                               case-insensitive substring, role as case-insensitive equality.
//   internal:label              getByLabel: elements whose label (aria-labelledby targets, else a
//                               non-blank aria-label, else the <label>s of a labelable control)
//                               matches `"x"i`, `"x"s` or `/re/` (injectedScript's internal:label).
//   internal:handle             Caper's own: `internal:handle=N`, the element adopted as handle N
//                               (`adopt`; Playwright's ElementHandles), when it is inside the root.
//   xpath, xpath:light          `xpath=//li[2]` (or a part starting with `//` or `..`): the elements an
//                               XPath 1.0 expression selects (dom/xpath.js), from the root's
//                               document for an absolute path at the top, else from the root.
// Not supported, with a clear Error: the layout pseudo-classes (:above, :below, :left-of,
// :right-of, :near; Caper has no layout); internal:control (frame locators), _react and _vue are
// unknown engines.
//
// Exports:
//   querySelectorAll(root, selector) -> Element[]   root: Document, Element, ShadowRoot or fragment
//   querySelector(root, selector) -> Element | null
//   isElementVisible(element) -> boolean
//   parseAttributeSelector(text, allowUnquotedStrings) -> { name, attributes: [{ name, op, value, caseSensitive }] }
//                               (selectorParser.ts's; value: string, RegExp, boolean or number)
//   accessibleDescription(element, includeHidden = false) -> string   (aria-describedby targets'
//                               text, else aria-description, else a title not used as the name)
//   elementLabels(element, skipRefsInsideElement = false) -> string[]   getElementLabels's label texts, normalised
//   elementText(element) -> string      selectorUtils' elementText(...).full (the text engines' text)
//   normalizeWhiteSpace(text) -> string
//   adopt(node) -> number               the node's handle number (the same for the same node)
//   adopted(number) -> Node | undefined
//   isInside(root, node) -> boolean     node is root or inside it, shadow trees included
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSort, Error, JSONParse, JSONStringify, Map, MapPrototypeClear,
    MapPrototypeGet, MapPrototypeSet, Number, NumberIsInteger, NumberIsNaN, ObjectFreeze, RegExp, RegExpTest, Set, SetPrototypeAdd, SetPrototypeHas,
    SplitString, String, StringPrototypeCharCodeAt, StringPrototypeToUpperCase, StringPrototypeEndsWith, StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeLastIndexOf,
    StringPrototypeSlice, StringPrototypeStartsWith, StringPrototypeToLowerCase,
  } = runtime.primordials;
  const { safeArray } = runtime['safe-array-iterator'];
  const { TYPE, PARENT, FIRST, NEXT, PREV, LOCAL, NAMESPACE, SHADOW, MODE, HOST, DATA, HTML_NS } = runtime.internals;
  const { getAttributeOrNull, documentElement, rootOf, following, getElementById, descendantText } = runtime.nodes;
  const { labelControl } = runtime.elements;
  const { preprocess, tokenize } = runtime['css-syntax'];
  const { compile, matchElement } = runtime.selectors;
  const cascade = runtime.cascade;

  const ELEMENT = 1;
  const TEXT = 3;
  const DOCUMENT = 9;
  const FRAGMENT = 11;

  const fail = (message) => { throw new Error(message); };

  // ---- Text normalisation (Playwright's stringUtils: `trim().replace(/\s+/g, ' ')`) ---------------
  /** ECMAScript WhiteSpace and LineTerminator, the set `\s` and `trim` use. */
  const isSpace = (c) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
  /** `text` with white space runs collapsed to one space and none at either end. */
  const normalizeWhiteSpace = (text) => {
    const length = text.length;
    let clean = length === 0 || (!isSpace(StringPrototypeCharCodeAt(text, 0)) && !isSpace(StringPrototypeCharCodeAt(text, length - 1)));
    for (let i = 1; clean && i < length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (c !== 32 ? isSpace(c) : StringPrototypeCharCodeAt(text, i - 1) === 32) clean = false;
    }
    if (clean) return text;
    let out = '';
    let pending = false;
    let from = -1;
    for (let i = 0; i < text.length; i++) {
      if (isSpace(StringPrototypeCharCodeAt(text, i))) {
        if (from >= 0) { out += StringPrototypeSlice(text, from, i); from = -1; }
        pending = out !== '';
      } else if (from < 0) {
        if (pending) { out += ' '; pending = false; }
        from = i;
      }
    }
    if (from >= 0) out += StringPrototypeSlice(text, from);
    return out;
  };

  // ---- Tree helpers --------------------------------------------------------------------------------
  const isHTML = (node, name) => node[TYPE] === ELEMENT && node[NAMESPACE] === HTML_NS && node[LOCAL] === name;
  const openShadowRoot = (element) => {
    const root = element[SHADOW];
    return root !== null && root !== undefined && root[MODE] === 'open' ? root : null;
  };
  /** Visits the elements below `scope` in shadow-including preorder, entering open shadow roots when `pierce`. */
  const forEachDescendant = (scope, pierce, visit) => {
    const walk = (parent) => {
      for (let child = parent[FIRST]; child !== null; child = child[NEXT]) {
        if (child[TYPE] !== ELEMENT) continue;
        visit(child);
        if (pierce) {
          const shadow = openShadowRoot(child);
          if (shadow !== null) walk(shadow);
        }
        walk(child);
      }
    };
    if (pierce && scope[TYPE] === ELEMENT) {
      const shadow = openShadowRoot(scope);
      if (shadow !== null) walk(shadow);
    }
    walk(scope);
  };
  /** The elements of `set` (a Set) in shadow-including tree order within `root` (root included). */
  const inTreeOrder = (root, set, count) => {
    const result = [];
    if (count === 0) return result;
    if (root[TYPE] === ELEMENT && SetPrototypeHas(set, root)) ArrayPrototypePush(result, root);
    if (result.length < count) {
      forEachDescendant(root, true, (element) => {
        if (SetPrototypeHas(set, element)) ArrayPrototypePush(result, element);
      });
    }
    return result;
  };
  /** Playwright's parentElementOrShadowHost within a query: stops at the scope; crosses to hosts when piercing. */
  const parentInContext = (element, context) => {
    if (element === context.scope) return null;
    const parent = element[PARENT];
    if (parent === null) return null;
    if (parent[TYPE] === ELEMENT) return parent;
    if (context.pierce && parent[TYPE] === FRAGMENT && parent[HOST] !== null && parent[HOST] !== undefined) return parent[HOST];
    return null;
  };
  const previousSiblingInContext = (element, context) => {
    if (element === context.scope) return null;
    for (let node = element[PREV]; node !== null; node = node[PREV]) if (node[TYPE] === ELEMENT) return node;
    return null;
  };
  /** Node.contains without crossing shadow boundaries. */
  const containsLight = (ancestor, node) => {
    for (let at = node; at !== null; at = at[PARENT]) if (at === ancestor) return true;
    return false;
  };

  // ---- Element text (Playwright's selectorUtils elementText / elementMatchesText) -----------------
  /** Script, noscript and style elements, and everything in the document's head, have no text to match. */
  const skipsText = (node) => {
    if (node[TYPE] !== ELEMENT) return false;
    if (isHTML(node, 'script') || isHTML(node, 'noscript') || isHTML(node, 'style')) return true;
    for (let at = node; at !== null; at = at[PARENT]) {
      if (isHTML(at, 'head')) {
        const html = at[PARENT];
        if (html !== null && html[TYPE] === ELEMENT && html[PARENT] !== null && html[PARENT][TYPE] === DOCUMENT) return true;
      }
    }
    return false;
  };
  /**
   * `{ full, immediate, normalized, lowered }`: the text of `root`'s subtree (with open shadow
   * trees, after the light children; a submit or button input's value), its runs of directly
   * contained text, and (made on first use) `full` normalised and normalised in lower case.
   */
  const elementText = (cache, root) => {
    let value = MapPrototypeGet(cache, root);
    if (value !== undefined) return value;
    value = { full: '', immediate: [], normalized: null, lowered: null };
    if (!skipsText(root)) {
      const type = isHTML(root, 'input') ? StringPrototypeToLowerCase(getAttributeOrNull(root, 'type') ?? '') : '';
      if (type === 'submit' || type === 'button') {
        const text = getAttributeOrNull(root, 'value') ?? '';
        value = { full: text, immediate: [text], normalized: null, lowered: null };
      } else {
        let run = '';
        for (let child = root[FIRST]; child !== null; child = child[NEXT]) {
          if (child[TYPE] === TEXT) {
            value.full += child[DATA];
            run += child[DATA];
          } else {
            if (run !== '') ArrayPrototypePush(value.immediate, run);
            run = '';
            if (child[TYPE] === ELEMENT) value.full += elementText(cache, child).full;
          }
        }
        if (run !== '') ArrayPrototypePush(value.immediate, run);
        if (root[TYPE] === ELEMENT) {
          const shadow = openShadowRoot(root);
          if (shadow !== null) value.full += elementText(cache, shadow).full;
        }
      }
    }
    MapPrototypeSet(cache, root, value);
    return value;
  };
  /** 'none', 'self' (the text is in `element` but in no child alone) or 'selfAndChildren'. */
  const elementMatchesText = (cache, element, matcher) => {
    if (skipsText(element) || !matcher(elementText(cache, element))) return 'none';
    for (let child = element[FIRST]; child !== null; child = child[NEXT]) {
      if (child[TYPE] === ELEMENT && matcher(elementText(cache, child))) return 'selfAndChildren';
    }
    const shadow = openShadowRoot(element);
    if (shadow !== null && matcher(elementText(cache, shadow))) return 'selfAndChildren';
    return 'self';
  };
  const normalizedText = (elementText) => elementText.normalized ?? (elementText.normalized = normalizeWhiteSpace(elementText.full));
  const loweredText = (elementText) => elementText.lowered ?? (elementText.lowered = StringPrototypeToLowerCase(normalizedText(elementText)));
  const laxMatcher = (text) => {
    const wanted = StringPrototypeToLowerCase(normalizeWhiteSpace(text));
    return (elementText) => StringPrototypeIncludes(loweredText(elementText), wanted);
  };
  const strictMatcher = (text) => {
    const wanted = normalizeWhiteSpace(text);
    return (elementText) => {
      if (wanted === '' && elementText.immediate.length === 0) return true;
      for (const run of safeArray(elementText.immediate)) if (normalizeWhiteSpace(run) === wanted) return true;
      return false;
    };
  };
  const strictFullMatcher = (text) => {
    const wanted = normalizeWhiteSpace(text);
    return (elementText) => normalizedText(elementText) === wanted;
  };
  const regexMatcher = (source, flags, selector) => {
    let re;
    try {
      re = new RegExp(source, flags);
    } catch (error) {
      fail(`Error while parsing selector \`${selector}\`: ${error.message}`);
    }
    return (elementText) => RegExpTest(re, elementText.full);
  };
  /** Removes backslash escapes (the text engine's quoted bodies, quotes removed). */
  const unescape = (text) => {
    if (!StringPrototypeIncludes(text, '\\')) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\\' && i + 1 < text.length) i++;
      out += text[i];
    }
    return out;
  };
  const unquoteJSON = (text, selector) => {
    try {
      const value = JSONParse(text);
      if (typeof value === 'string') return value;
    } catch {}
    return fail(`Error while parsing selector \`${selector}\` - malformed string ${text}`);
  };
  /** Playwright's createTextMatcher: `{ matcher, kind: 'regex' | 'strict' | 'lax' }` for a text body. */
  const textMatcher = (body, internal, selector) => {
    const lastSlash = StringPrototypeLastIndexOf(body, '/');
    if (body[0] === '/' && lastSlash > 0) {
      return { matcher: regexMatcher(StringPrototypeSlice(body, 1, lastSlash), StringPrototypeSlice(body, lastSlash + 1), selector), kind: 'regex' };
    }
    const unquote = internal ? (text) => unquoteJSON(text, selector) : (text) => unescape(StringPrototypeSlice(text, 1, text.length - 1));
    const last = body[body.length - 1];
    if (body.length > 1 && body[0] === '"' && last === '"') {
      const text = unquote(body);
      return { matcher: internal ? strictFullMatcher(text) : strictMatcher(text), kind: 'strict' };
    }
    if (internal && body.length > 2 && body[0] === '"' && body[body.length - 2] === '"' && (last === 'i' || last === 's')) {
      const text = unquote(StringPrototypeSlice(body, 0, body.length - 1));
      return last === 'i' ? { matcher: laxMatcher(text), kind: 'lax' } : { matcher: strictFullMatcher(text), kind: 'strict' };
    }
    if (!internal && body.length > 1 && body[0] === "'" && last === "'") {
      return { matcher: strictMatcher(unquote(body)), kind: 'strict' };
    }
    return { matcher: laxMatcher(body), kind: 'lax' };
  };

  // ---- Visibility (Playwright's domUtils isElementVisible, without boxes) -----------------------------
  /** Inline elements that have a box of their own without content (replaced elements, form controls). */
  const replacedNames = { __proto__: null, img: true, input: true, select: true, textarea: true, button: true, video: true,
    audio: true, canvas: true, iframe: true, embed: true, object: true, svg: true, br: true };
  const isElementVisible = (element) => {
    const style = cascade.computedStyle(element);
    if (style === null) return false;
    if (style.display === 'contents') {
      if (!style.rendered) return false;
      for (let child = element[FIRST]; child !== null; child = child[NEXT]) {
        if (child[TYPE] === ELEMENT && isElementVisible(child)) return true;
        if (child[TYPE] === TEXT && normalizeWhiteSpace(child[DATA]) !== '') return true;
      }
      return false;
    }
    if (!style.rendered || style.visibility !== 'visible') return false;
    if (style.display !== 'inline' || element[NAMESPACE] !== HTML_NS || replacedNames[element[LOCAL]]) return true;
    for (let child = element[FIRST]; child !== null; child = child[NEXT]) {
      if (child[TYPE] === ELEMENT || (child[TYPE] === TEXT && child[DATA] !== '')) return true;
    }
    return false;
  };

  // ---- Playwright's CSS: parsing (cssParser.ts's grammar) -------------------------------------------
  // A list of complex selectors; a complex selector is `{ simples: [{ selector, combinator }] }`
  // with the combinator that joins it to the next one ('' descendant, '>', '+', '~'); a simple
  // selector is `{ css, compiled, functions }`: the standard compound part (text and compiled
  // form, or null) and Playwright's pseudo-classes `{ name, args }` (args: complex selectors,
  // strings, numbers).
  const customNames = new Set(['not', 'is', 'where', 'has', 'scope', 'light', 'visible', 'text', 'text-matches', 'text-is', 'has-text',
    'above', 'below', 'right-of', 'left-of', 'near', 'nth-match']);
  const layoutNames = ['above', 'below', 'right-of', 'left-of', 'near'];
  const unsupportedTokens = ['at-keyword', 'bad-string', 'bad-url', 'CDO', 'CDC', 'semicolon', '{', '}', 'url', 'percentage'];
  const SCOPE_SIMPLE = ObjectFreeze({ css: '', compiled: null, functions: ObjectFreeze([ObjectFreeze({ name: 'scope', args: ObjectFreeze([]), matcher: null })]) });

  const parseCSS = (selector) => {
    const text = preprocess(selector);
    const tokens = tokenize(text);
    const source = (token) => (token === undefined ? '' : StringPrototypeSlice(text, token.start, token.end));
    for (const token of safeArray(tokens)) {
      if (ArrayPrototypeIndexOf(unsupportedTokens, token.type) >= 0) fail(`Unsupported token "${source(token)}" while parsing selector "${selector}"`);
    }
    let pos = 0;
    // Playwright 1.65's cssParser.ts wording.
    const unexpected = () => fail(`Unexpected token "${source(tokens[pos])}" while parsing css selector "${selector}". Did you mean to CSS.escape it?`);
    const is = (type) => pos < tokens.length && tokens[pos].type === type;
    const isDelim = (value) => is('delim') && tokens[pos].value === value;
    const isEOF = () => pos >= tokens.length;
    const skipWhitespace = () => { while (is('whitespace')) pos++; };
    const isCombinator = () => isDelim('>') || isDelim('+') || isDelim('~');
    const isClauseEnd = () => is('comma') || is(')') || isEOF() || isCombinator() || is('whitespace');

    const consumeArguments = () => {
      const result = [consumeArgument()];
      for (;;) {
        skipWhitespace();
        if (!is('comma')) break;
        pos++;
        ArrayPrototypePush(result, consumeArgument());
      }
      return result;
    };
    const consumeArgument = () => {
      skipWhitespace();
      if (is('number') || is('string')) return tokens[pos++].value;
      return consumeComplex();
    };
    const consumeComplex = () => {
      const simples = [];
      skipWhitespace();
      // A leading combinator is relative to an implicit :scope (Selectors 4 §3.5 "relative selector").
      if (isCombinator()) ArrayPrototypePush(simples, { selector: SCOPE_SIMPLE, combinator: '' });
      else ArrayPrototypePush(simples, { selector: consumeSimple(), combinator: '' });
      for (;;) {
        skipWhitespace();
        if (isCombinator()) {
          simples[simples.length - 1].combinator = tokens[pos++].value;
          skipWhitespace();
        } else if (isClauseEnd()) {
          break;
        }
        ArrayPrototypePush(simples, { selector: consumeSimple(), combinator: '' });
      }
      return { simples };
    };
    const consumeBuiltinArguments = () => {
      let out = '';
      let balance = 1;
      while (!isEOF()) {
        if (is('(') || is('function')) balance++;
        if (is(')')) balance--;
        if (balance === 0) break;
        out += source(tokens[pos++]);
      }
      return out;
    };
    const consumeSimple = () => {
      let css = '';
      const functions = [];
      while (!isClauseEnd()) {
        if (is('ident') || isDelim('*') || is('hash')) {
          css += source(tokens[pos++]);
        } else if (isDelim('.')) {
          pos++;
          if (!is('ident')) unexpected();
          css += '.' + source(tokens[pos++]);
        } else if (is('colon')) {
          pos++;
          if (is('ident')) {
            const name = StringPrototypeToLowerCase(tokens[pos].value);
            if (SetPrototypeHas(customNames, name)) {
              ArrayPrototypePush(functions, { name, args: [], matcher: null });
              pos++;
            } else {
              css += ':' + source(tokens[pos++]);
            }
          } else if (is('function')) {
            const name = StringPrototypeToLowerCase(tokens[pos++].value);
            if (SetPrototypeHas(customNames, name)) ArrayPrototypePush(functions, { name, args: consumeArguments(), matcher: null });
            else css += `:${name}(${consumeBuiltinArguments()})`;
            skipWhitespace();
            if (!is(')')) unexpected();
            pos++;
          } else {
            unexpected();
          }
        } else if (is('[')) {
          css += '[';
          pos++;
          while (!is(']') && !isEOF()) css += source(tokens[pos++]);
          if (!is(']')) unexpected();
          css += ']';
          pos++;
        } else {
          unexpected();
        }
      }
      if (css === '' && functions.length === 0) unexpected();
      let compiled = null;
      if (css !== '' && css !== '*') {
        try {
          compiled = compile(css);
        } catch (error) {
          fail(`Error while parsing selector "${selector}": ${error.message}`);
        }
      }
      for (const fn of safeArray(functions)) checkArguments(fn, selector);
      return { css, compiled, functions };
    };

    const list = consumeArguments();
    if (!isEOF()) unexpected();
    for (const argument of safeArray(list)) if (typeof argument !== 'object') fail(`Error while parsing selector "${selector}"`);
    return list;
  };
  const isComplex = (argument) => typeof argument === 'object' && argument !== null;
  /** The argument checks of selectorEvaluator.ts's engines, done once at parse time. */
  const checkArguments = (fn, selector) => {
    const { name, args } = fn;
    const strings = (count) => args.length === count && typeof args[0] === 'string' && (count === 1 || typeof args[1] === 'string');
    const selectors = (list) => {
      if (list.length === 0) return false;
      for (const argument of safeArray(list)) if (!isComplex(argument)) return false;
      return true;
    };
    if (ArrayPrototypeIndexOf(layoutNames, name) >= 0) fail(`Layout selectors are not supported by Caper (it has no layout): ":${name}" in "${selector}"`);
    if ((name === 'not' || name === 'is' || name === 'where' || name === 'has') && !selectors(args)) fail(`"${name}" engine expects non-empty selector list`);
    if (name === 'light' && !selectors(args)) fail('"light" engine expects non-empty selector list');
    if ((name === 'scope' || name === 'visible') && args.length !== 0) fail(`"${name}" engine expects no arguments`);
    if (name === 'text' || name === 'text-is' || name === 'has-text') {
      if (!strings(1)) fail(`"${name}" engine expects a single string`);
      fn.matcher = name === 'text-is' ? strictMatcher(args[0]) : laxMatcher(args[0]);
    }
    if (name === 'text-matches') {
      if (!strings(1) && !strings(2)) fail('"text-matches" engine expects a regexp body and optional regexp flags');
      fn.matcher = regexMatcher(args[0], args.length === 2 ? args[1] : '', selector);
    }
    if (name === 'nth-match') {
      const index = args[args.length - 1];
      if (args.length < 2 || !selectors(ArrayPrototypeSlice(args, 0, args.length - 1))) fail('"nth-match" engine expects non-empty selector list and an index argument');
      if (typeof index !== 'number' || index < 1) fail('"nth-match" engine expects a one-based index as the last argument');
    }
  };

  // ---- Playwright's CSS: evaluation (selectorEvaluator.ts's semantics) -------------------------------
  // A context is `{ scope, pierce, texts }`: the node queried in, whether combinators cross open
  // shadow roots, and the element texts of this call.
  const withScope = (context, scope) => ({ scope, pierce: context.pierce, texts: context.texts });
  const withPierce = (context, pierce) => ({ scope: context.scope, pierce, texts: context.texts });

  const matchesSimple = (element, simple, context) => {
    const functions = simple.functions;
    if (element === context.scope) {
      let scopeLike = false;
      for (const fn of safeArray(functions)) if (fn.name === 'scope' || fn.name === 'is') scopeLike = true;
      if (!scopeLike) return false;
    }
    if (simple.compiled !== null && !matchElement(simple.compiled, element)) return false;
    for (const fn of safeArray(functions)) if (!matchesFunction(fn, element, context)) return false;
    return true;
  };
  const matchesComplex = (element, complex, context) => {
    const simples = complex.simples;
    return matchesSimple(element, simples[simples.length - 1].selector, context) && matchesParents(element, simples, simples.length - 2, context);
  };
  const matchesList = (element, list, context) => {
    for (const complex of safeArray(list)) if (matchesComplex(element, complex, context)) return true;
    return false;
  };
  /** Whether simples[0..index] match to the left of `element`, through simples[index].combinator. */
  const matchesParents = (element, simples, index, context) => {
    if (index < 0) return true;
    const { selector, combinator } = simples[index];
    if (combinator === '>') {
      const parent = parentInContext(element, context);
      return parent !== null && matchesSimple(parent, selector, context) && matchesParents(parent, simples, index - 1, context);
    }
    if (combinator === '+') {
      const previous = previousSiblingInContext(element, context);
      return previous !== null && matchesSimple(previous, selector, context) && matchesParents(previous, simples, index - 1, context);
    }
    const step = combinator === '~' ? previousSiblingInContext : parentInContext;
    for (let candidate = step(element, context); candidate !== null; candidate = step(candidate, context)) {
      if (matchesSimple(candidate, selector, context)) {
        if (matchesParents(candidate, simples, index - 1, context)) return true;
        // The next step left is the same kind of walk: a further candidate cannot do better.
        if (index > 0 && simples[index - 1].combinator === combinator) break;
      }
    }
    return false;
  };
  /** The elements below the scope (not the scope) that match `compiled` (null: all), in tree order. */
  const queryCSS = (context, compiled) => {
    const result = [];
    forEachDescendant(context.scope, context.pierce, (element) => {
      if (compiled === null || matchElement(compiled, element)) ArrayPrototypePush(result, element);
    });
    return result;
  };
  const queryList = (context, list) => {
    if (list.length === 1) return queryComplex(context, list[0]);
    const set = new Set();
    let count = 0;
    for (const complex of safeArray(list)) {
      for (const element of safeArray(queryComplex(context, complex))) {
        if (!SetPrototypeHas(set, element)) { SetPrototypeAdd(set, element); count++; }
      }
    }
    return inTreeOrder(context.scope, set, count);
  };
  const queryComplex = (context, complex) => {
    const simples = complex.simples;
    const candidates = querySimple(context, simples[simples.length - 1].selector);
    const result = [];
    for (const element of safeArray(candidates)) {
      if (matchesParents(element, simples, simples.length - 2, context)) ArrayPrototypePush(result, element);
    }
    return result;
  };
  const querySimple = (context, simple) => {
    const functions = simple.functions;
    let elements;
    let used = -1;
    if (functions.length === 0 || simple.compiled !== null) {
      elements = queryCSS(context, simple.compiled);
      if (functions.length === 0) return elements;
      const scope = context.scope;
      let scoped = false;
      for (const fn of safeArray(functions)) if (fn.name === 'scope') scoped = true;
      if (scoped && scope[TYPE] === ELEMENT && matchElement(simple.compiled, scope)) elements = [scope, ...safeArray(elements)];
    } else {
      for (let i = 0; i < functions.length && used < 0; i++) if (hasQuery(functions[i].name)) used = i;
      if (used < 0) used = 0;
      elements = queryFunction(functions[used], context);
    }
    const result = [];
    for (const element of safeArray(elements)) {
      let ok = true;
      for (let i = 0; i < functions.length && ok; i++) if (i !== used && !matchesFunction(functions[i], element, context)) ok = false;
      if (ok) ArrayPrototypePush(result, element);
    }
    return result;
  };
  const hasQuery = (name) => name === 'scope' || name === 'light' || name === 'is' || name === 'where' || name === 'nth-match';
  /** The elements `fn` selects in the context: :scope, :light, :is/:where and :nth-match query; the others filter every element. */
  const queryFunction = (fn, context) => {
    const { name, args } = fn;
    if (name === 'scope') {
      const scope = context.scope;
      if (scope[TYPE] === DOCUMENT) {
        const root = documentElement(scope);
        return root === null ? [] : [root];
      }
      return scope[TYPE] === ELEMENT ? [scope] : [];
    }
    if (name === 'light') return queryList(withPierce(context, false), args);
    if (name === 'is' || name === 'where') return queryList(context, args);
    if (name === 'nth-match') {
      const elements = queryList(context, ArrayPrototypeSlice(args, 0, args.length - 1));
      const index = args[args.length - 1] - 1;
      return index < elements.length ? [elements[index]] : [];
    }
    const result = [];
    forEachDescendant(context.scope, context.pierce, (element) => {
      if (matchesFunction(fn, element, context)) ArrayPrototypePush(result, element);
    });
    return result;
  };
  const matchesFunction = (fn, element, context) => {
    const { name, args } = fn;
    switch (name) {
      case 'is': case 'where': return matchesList(element, args, context);
      case 'not': return !matchesList(element, args, context);
      case 'has': return queryList(withScope(context, element), args).length > 0;
      case 'scope': {
        const scope = context.scope;
        return scope[TYPE] === DOCUMENT ? element === documentElement(scope) : element === scope;
      }
      case 'light': return matchesList(element, args, withPierce(context, false));
      case 'visible': return isElementVisible(element);
      case 'text': case 'text-matches': return elementMatchesText(context.texts, element, fn.matcher) === 'self';
      case 'text-is': return elementMatchesText(context.texts, element, fn.matcher) !== 'none';
      case 'has-text': return !skipsText(element) && fn.matcher(elementText(context.texts, element));
      default: return ArrayPrototypeIndexOf(queryFunction(fn, context), element) >= 0;
    }
  };

  // ---- Selector strings (selectorParser.ts's grammar) -----------------------------------------------
  const nestedNames = ['internal:has', 'internal:has-not', 'internal:and', 'internal:or', 'internal:chain'];
  const attributeEngines = { __proto__: null, 'id': 'id', 'data-testid': 'data-testid', 'data-test-id': 'data-test-id', 'data-test': 'data-test' };
  const textEngines = ['text', 'text:light', 'internal:text', 'internal:has-text', 'internal:has-not-text'];
  const simpleEngines = ['nth', 'visible'];
  const isNameCharacter = (c) => c >= 0x80 || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
  /**
   * The body of internal:attr and internal:testid (getByTestId, getByPlaceholder, getByAltText,
   * getByTitle): `[name="value"]` with an optional `i` (substring, case-insensitive) or `s`
   * (exact) flag, or `[name=/re/flags]`; `{ name, matcher }` (selectorParser's
   * parseAttributeSelector for the forms locators write).
   */
  const parseNamedAttribute = (body, selector) => {
    const malformed = () => fail(`Malformed attribute selector: ${body}`);
    const text = trim(body);
    let at = 1;
    const skipSpaces = () => { while (at < text.length && isSpace(StringPrototypeCharCodeAt(text, at))) at++; };
    if (text[0] !== '[' || text[text.length - 1] !== ']') malformed();
    skipSpaces();
    const nameStart = at;
    while (at < text.length && isNameCharacter(StringPrototypeCharCodeAt(text, at))) at++;
    const name = StringPrototypeSlice(text, nameStart, at);
    skipSpaces();
    if (name === '' || text[at] !== '=') malformed();
    at++;
    skipSpaces();
    let matcher;
    if (text[at] === '"' || text[at] === "'") {
      const quote = text[at++];
      let value = '';
      while (at < text.length - 1 && text[at] !== quote) {
        if (text[at] === '\\') at++;
        value += text[at++];
      }
      if (text[at] !== quote) malformed();
      at++;
      skipSpaces();
      const flag = text[at];
      if (flag === 'i' || flag === 'I' || flag === 's' || flag === 'S') at++;
      if (flag === 'i' || flag === 'I') {
        const lowered = StringPrototypeToLowerCase(value);
        matcher = (attribute) => StringPrototypeIncludes(StringPrototypeToLowerCase(attribute), lowered);
      } else {
        matcher = (attribute) => attribute === value;
      }
    } else if (text[at] === '/') {
      const end = StringPrototypeLastIndexOf(text, '/');
      if (end <= at) malformed();
      let flagsEnd = end + 1;
      while (flagsEnd < text.length - 1 && isNameCharacter(StringPrototypeCharCodeAt(text, flagsEnd))) flagsEnd++;
      const test = regexMatcher(StringPrototypeSlice(text, at + 1, end), StringPrototypeSlice(text, end + 1, flagsEnd), selector);
      matcher = (attribute) => test({ full: attribute });
      at = flagsEnd;
    } else {
      malformed();
    }
    skipSpaces();
    if (at !== text.length - 1) malformed();
    return { name, matcher };
  };
  const isEngineName = (name) => {
    const length = name.length;
    if (length === 0) return false;
    for (let i = 0; i < length; i++) {
      const c = StringPrototypeCharCodeAt(name, i);
      if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d || c === 0x2b ||
        c === 0x3a || c === 0x2a)) return false;
    }
    return true;
  };
  const trim = (text) => {
    let start = 0;
    let end = text.length;
    while (start < end && isSpace(StringPrototypeCharCodeAt(text, start))) start++;
    while (end > start && isSpace(StringPrototypeCharCodeAt(text, end - 1))) end--;
    return StringPrototypeSlice(text, start, end);
  };
  /** Splits at `>>` outside quotes into `{ parts: [{ name, body }], capture }` (selectorParser's parseSelectorString). */
  const splitSelector = (selector) => {
    const parts = [];
    let capture = -1;
    let start = 0;
    const append = (end) => {
      const part = trim(StringPrototypeSlice(selector, start, end));
      const equals = StringPrototypeIndexOf(part, '=');
      let name;
      let body;
      if (equals !== -1 && isEngineName(trim(StringPrototypeSlice(part, 0, equals)))) {
        name = trim(StringPrototypeSlice(part, 0, equals));
        body = StringPrototypeSlice(part, equals + 1);
      } else if (part.length > 1 && ((part[0] === '"' && part[part.length - 1] === '"') || (part[0] === "'" && part[part.length - 1] === "'"))) {
        name = 'text';
        body = part;
      } else if (StringPrototypeStartsWith(part, '..') || startsAsXPath(part)) {
        name = 'xpath';
        body = part;
      } else {
        name = 'css';
        body = part;
      }
      if (name[0] === '*') {
        if (capture !== -1) fail('Only one of the selectors can capture using * modifier');
        capture = parts.length;
        name = StringPrototypeSlice(name, 1);
      }
      ArrayPrototypePush(parts, { name, body });
    };
    if (!StringPrototypeIncludes(selector, '>>')) {
      append(selector.length);
      return { parts, capture };
    }
    // A quote after `text=` and some text is part of the text, not the start of a string.
    const quoteIgnored = (index) => {
      let at = start;
      while (at < index && isSpace(StringPrototypeCharCodeAt(selector, at))) at++;
      if (!StringPrototypeStartsWith(selector, 'text', at)) return false;
      at += 4;
      while (at < index && isSpace(StringPrototypeCharCodeAt(selector, at))) at++;
      return selector[at] === '=' && at + 1 < index;
    };
    let quote = null;
    let index = 0;
    while (index < selector.length) {
      const c = selector[index];
      if (c === '\\' && index + 1 < selector.length) {
        index += 2;
      } else if (c === quote) {
        quote = null;
        index++;
      } else if (quote === null && (c === '"' || c === "'" || c === '`') && !quoteIgnored(index)) {
        quote = c;
        index++;
      } else if (quote === null && c === '>' && selector[index + 1] === '>') {
        append(index);
        index += 2;
        start = index;
      } else {
        index++;
      }
    }
    append(selector.length);
    return { parts, capture };
  };
  const startsAsXPath = (part) => {
    let i = 0;
    while (part[i] === '(') i++;
    return part[i] === '/' && part[i + 1] === '/';
  };

  /** A parsed part: `{ name, body }` with body a CSS list, a string, or `{ parsed }` for nested selectors. */
  const parseSelector = (selector) => {
    const { parts: strings, capture } = splitSelector(selector);
    const parts = [];
    for (const { name, body } of safeArray(strings)) {
      if (name === 'css' || name === 'css:light') {
        ArrayPrototypePush(parts, { name, body: parseCSS(body) });
      } else if (ArrayPrototypeIndexOf(nestedNames, name) >= 0) {
        let inner;
        try {
          inner = JSONParse('[' + body + ']');
        } catch {
          inner = null;
        }
        if (inner === null || inner.length !== 1 || typeof inner[0] !== 'string') fail(`Malformed selector: ${name}=${body}`);
        ArrayPrototypePush(parts, { name, body: parseSelector(inner[0]) });
      } else if (name === 'xpath' || name === 'xpath:light') {
        ArrayPrototypePush(parts, { name, body });
      } else if (ArrayPrototypeIndexOf(textEngines, name) >= 0) {
        const internal = StringPrototypeStartsWith(name, 'internal:');
        ArrayPrototypePush(parts, { name, body: textMatcher(body, internal, selector) });
      } else if (attributeEngines[name] !== undefined ||
          (StringPrototypeEndsWith(name, ':light') && attributeEngines[StringPrototypeSlice(name, 0, -6)] !== undefined)) {
        ArrayPrototypePush(parts, { name, body });
      } else if (name === 'internal:attr' || name === 'internal:testid') {
        ArrayPrototypePush(parts, { name, body: parseNamedAttribute(body, selector) });
      } else if (name === 'role' || name === 'internal:role') {
        ArrayPrototypePush(parts, { name, body: parseRole(body, name === 'internal:role') });
      } else if (name === 'internal:label') {
        ArrayPrototypePush(parts, { name, body: textMatcher(body, true, selector) });
      } else if (name === 'internal:handle') {
        ArrayPrototypePush(parts, { name, body: Number(trim(body)) });
      } else if (ArrayPrototypeIndexOf(simpleEngines, name) >= 0) {
        ArrayPrototypePush(parts, { name, body: trim(body) });
      } else {
        fail(`Unknown engine "${name}" while parsing selector ${selector}`);
      }
    }
    if (ArrayPrototypeIndexOf(nestedNames, parts[0].name) >= 0) fail(`"${parts[0].name}" selector cannot be first`);
    if (capture === -1) return parts;
    // As injectedScript does: the captured part, then `internal:has` of the parts after it.
    for (const part of safeArray(parts)) if (part.name === 'nth') fail("Can't query n-th element in a request with the capture.");
    const captured = ArrayPrototypeSlice(parts, 0, capture + 1);
    if (capture < parts.length - 1) ArrayPrototypePush(captured, { name: 'internal:has', body: ArrayPrototypeSlice(parts, capture + 1) });
    return captured;
  };
  const parsedSelectors = new Map();
  let parsedCount = 0;
  const parsed = (selector) => {
    let result = MapPrototypeGet(parsedSelectors, selector);
    if (result !== undefined) return result;
    result = parseSelector(selector);
    if (++parsedCount > 512) { MapPrototypeClear(parsedSelectors); parsedCount = 1; }
    MapPrototypeSet(parsedSelectors, selector, result);
    return result;
  };

  // ---- Attribute selectors (selectorParser.ts's parseAttributeSelector) -----------------------------
  const isCSSNameChar = (c) => c >= '\u0080' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_' || c === '-';
  const isRegexFlag = (c) => c === 'd' || c === 'g' || c === 'i' || c === 'm' || c === 's' || c === 'u' || c === 'v' || c === 'y';
  const operators = ['=', '*=', '^=', '$=', '|=', '~='];
  /** `name[attr op value]...` as Playwright's parseAttributeSelector reads it, with its error texts. */
  const parseAttributeSelector = (selector, allowUnquotedStrings) => {
    let wp = 0;
    let EOL = selector.length === 0;
    const next = () => selector[wp] ?? '';
    const eat1 = () => { const result = next(); ++wp; EOL = wp >= selector.length; return result; };
    const syntaxError = (stage) => {
      if (EOL) fail(`Unexpected end of selector while parsing selector \`${selector}\``);
      fail(`Error while parsing selector \`${selector}\` - unexpected symbol "${next()}" at position ${wp}` + (stage ? ' during ' + stage : ''));
    };
    const skipSpaces = () => { while (!EOL && isSpace(StringPrototypeCharCodeAt(next(), 0))) eat1(); };
    const readIdentifier = () => {
      let result = '';
      skipSpaces();
      while (!EOL && isCSSNameChar(next())) result += eat1();
      return result;
    };
    const readQuotedString = (quote) => {
      let result = eat1();
      if (result !== quote) syntaxError('parsing quoted string');
      while (!EOL && next() !== quote) {
        if (next() === '\\') eat1();
        result += eat1();
      }
      if (next() !== quote) syntaxError('parsing quoted string');
      result += eat1();
      return result;
    };
    const readRegularExpression = () => {
      if (eat1() !== '/') syntaxError('parsing regular expression');
      let source = '';
      let inClass = false;
      while (!EOL) {
        if (next() === '\\') {
          source += eat1();
          if (EOL) syntaxError('parsing regular expression');
        } else if (inClass && next() === ']') {
          inClass = false;
        } else if (!inClass && next() === '[') {
          inClass = true;
        } else if (!inClass && next() === '/') {
          break;
        }
        source += eat1();
      }
      if (eat1() !== '/') syntaxError('parsing regular expression');
      let flags = '';
      while (!EOL && isRegexFlag(next())) flags += eat1();
      try {
        return new RegExp(source, flags);
      } catch (error) {
        return fail(`Error while parsing selector \`${selector}\`: ${error.message}`);
      }
    };
    const readAttributeToken = () => {
      let token;
      skipSpaces();
      if (next() === "'" || next() === '"') token = StringPrototypeSlice(readQuotedString(next()), 1, -1);
      else token = readIdentifier();
      if (!token) syntaxError('parsing property path');
      return token;
    };
    const readOperator = () => {
      skipSpaces();
      let op = '';
      if (!EOL) op += eat1();
      if (!EOL && op !== '=') op += eat1();
      if (ArrayPrototypeIndexOf(operators, op) < 0) syntaxError('parsing operator');
      return op;
    };
    const readAttribute = () => {
      eat1();
      let name = readAttributeToken();
      skipSpaces();
      while (next() === '.') {
        eat1();
        name += '.' + readAttributeToken();
        skipSpaces();
      }
      if (next() === ']') {
        eat1();
        return { name, op: '<truthy>', value: null, caseSensitive: false };
      }
      const op = readOperator();
      let value;
      let caseSensitive = true;
      skipSpaces();
      if (next() === '/') {
        if (op !== '=') fail(`Error while parsing selector \`${selector}\` - cannot use ${op} in attribute with regular expression`);
        value = readRegularExpression();
      } else if (next() === "'" || next() === '"') {
        value = StringPrototypeSlice(readQuotedString(next()), 1, -1);
        skipSpaces();
        if (next() === 'i' || next() === 'I') {
          caseSensitive = false;
          eat1();
        } else if (next() === 's' || next() === 'S') {
          caseSensitive = true;
          eat1();
        }
      } else {
        value = '';
        while (!EOL && (isCSSNameChar(next()) || next() === '+' || next() === '.')) value += eat1();
        if (value === 'true') {
          value = true;
        } else if (value === 'false') {
          value = false;
        } else if (!allowUnquotedStrings) {
          value = +value;
          if (NumberIsNaN(value)) syntaxError('parsing attribute value');
        }
      }
      skipSpaces();
      if (next() !== ']') syntaxError('parsing attribute value');
      eat1();
      if (op !== '=' && typeof value !== 'string') {
        fail(`Error while parsing selector \`${selector}\` - cannot use ${op} in attribute with non-string matching value - ${value}`);
      }
      return { name, op, value, caseSensitive };
    };
    const result = { name: '', attributes: [] };
    result.name = readIdentifier();
    skipSpaces();
    while (next() === '[') {
      ArrayPrototypePush(result.attributes, readAttribute());
      skipSpaces();
    }
    if (!EOL) syntaxError(undefined);
    if (!result.name && result.attributes.length === 0) fail(`Error while parsing selector \`${selector}\` - selector cannot be empty`);
    return result;
  };
  /** selectorUtils.ts's matchesAttributePart for a string value. */
  const matchesAttributePart = (value, attr) => {
    const caseless = (text) => (typeof text === 'string' && !attr.caseSensitive ? StringPrototypeToUpperCase(text) : text);
    const objValue = caseless(value);
    const attrValue = caseless(attr.value);
    if (attr.op === '<truthy>') return !!objValue;
    if (attr.op === '=') {
      if (attrValue instanceof RegExp) return typeof objValue === 'string' && RegExpTest(attrValue, objValue);
      return objValue === attrValue;
    }
    if (typeof objValue !== 'string' || typeof attrValue !== 'string') return false;
    if (attr.op === '*=') return StringPrototypeIncludes(objValue, attrValue);
    if (attr.op === '^=') return StringPrototypeStartsWith(objValue, attrValue);
    if (attr.op === '$=') return StringPrototypeEndsWith(objValue, attrValue);
    if (attr.op === '|=') return objValue === attrValue || StringPrototypeStartsWith(objValue, attrValue + '-');
    if (attr.op === '~=') return ArrayPrototypeIndexOf(SplitString(objValue, ' '), attrValue) >= 0;
    return false;
  };

  // ---- role and internal:role (roleSelectorEngine.ts) --------------------------------------------------
  const kCheckedRoles = ['checkbox', 'menuitemcheckbox', 'option', 'radio', 'switch', 'menuitemradio', 'treeitem'];
  const kPressedRoles = ['button'];
  const kSelectedRoles = ['gridcell', 'option', 'row', 'tab', 'rowheader', 'columnheader', 'treeitem'];
  const kExpandedRoles = ['application', 'button', 'checkbox', 'combobox', 'gridcell', 'link', 'listbox', 'menuitem', 'row', 'rowheader',
    'tab', 'treeitem', 'columnheader', 'menuitemcheckbox', 'menuitemradio', 'switch'];
  const kLevelRoles = ['heading', 'listitem', 'row', 'treeitem'];
  const kSupportedAttributes = ['checked', 'description', 'disabled', 'expanded', 'include-hidden', 'level', 'name', 'pressed', 'selected'];
  const quoteList = (list, stringify) => {
    let text = '';
    for (let i = 0; i < list.length; i++) text += (i > 0 ? ', ' : '') + stringify(list[i]);
    return text;
  };
  const validateSupportedRole = (attr, roles, role) => {
    if (ArrayPrototypeIndexOf(roles, role) < 0) {
      fail(`"${attr}" attribute is only supported for roles: ${quoteList(ArrayPrototypeSort(ArrayPrototypeSlice(roles)), (r) => `"${r}"`)}`);
    }
  };
  const validateSupportedValues = (attr, values) => {
    if (attr.op !== '<truthy>' && ArrayPrototypeIndexOf(values, attr.value) < 0) fail(`"${attr.name}" must be one of ${quoteList(values, JSONStringify)}`);
  };
  const validateSupportedOp = (attr, ops) => {
    if (ArrayPrototypeIndexOf(ops, attr.op) < 0) fail(`"${attr.name}" does not support "${attr.op}" matcher`);
  };
  const truthyOrValue = (attr) => (attr.op === '<truthy>' ? true : attr.value);
  /** `{ role, state: options for runtime.aria, name, description }`: validateAttributes's checks, in its order. */
  const parseRole = (body, internal) => {
    const parsed = parseAttributeSelector(body, true);
    const role = StringPrototypeToLowerCase(parsed.name);
    if (!role) fail('Role must not be empty');
    const state = { __proto__: null };
    let name;
    let description;
    for (const attr of safeArray(parsed.attributes)) {
      switch (attr.name) {
        case 'checked': case 'pressed':
          validateSupportedRole(attr.name, attr.name === 'checked' ? kCheckedRoles : kPressedRoles, role);
          validateSupportedValues(attr, [true, false, 'mixed']);
          validateSupportedOp(attr, ['<truthy>', '=']);
          state[attr.name] = truthyOrValue(attr);
          break;
        case 'selected': case 'expanded':
          validateSupportedRole(attr.name, attr.name === 'selected' ? kSelectedRoles : kExpandedRoles, role);
          validateSupportedValues(attr, [true, false]);
          validateSupportedOp(attr, ['<truthy>', '=']);
          state[attr.name] = truthyOrValue(attr);
          break;
        case 'level': {
          validateSupportedRole(attr.name, kLevelRoles, role);
          const value = typeof attr.value === 'string' ? +attr.value : attr.value;
          if (attr.op !== '=' || typeof value !== 'number' || NumberIsNaN(value)) fail('"level" attribute must be compared to a number');
          state.level = value;
          break;
        }
        case 'disabled': case 'include-hidden':
          validateSupportedValues(attr, [true, false]);
          validateSupportedOp(attr, ['<truthy>', '=']);
          state[attr.name === 'disabled' ? 'disabled' : 'includeHidden'] = truthyOrValue(attr);
          break;
        case 'name': case 'description': {
          if (attr.op === '<truthy>') fail(`"${attr.name}" attribute must have a value`);
          if (typeof attr.value !== 'string' && !(attr.value instanceof RegExp)) fail(`"${attr.name}" attribute must be a string or a regular expression`);
          let value = attr.value;
          if (typeof value === 'string') value = aria().normalizeWhiteSpace(value);
          // internal:role reads [name="foo"i] as a substring.
          const op = internal && !attr.caseSensitive && attr.op === '=' ? '*=' : attr.op;
          const part = { op, value, caseSensitive: !!attr.caseSensitive };
          if (attr.name === 'name') name = part;
          else description = part;
          break;
        }
        default:
          fail(`Unknown attribute "${attr.name}", must be one of ${quoteList(kSupportedAttributes, (a) => `"${a}"`)}.`);
      }
    }
    return { role, state, name, description };
  };
  const aria = () => runtime.aria ?? fail('The role engine needs runtime.aria (playwright/aria.js)');
  const queryRole = (root, body) => {
    const { role, state, name, description } = body;
    const candidates = aria().queryAllByRole(root, role, state);
    if (name === undefined && description === undefined) return candidates;
    const includeHidden = !!state.includeHidden;
    const result = [];
    for (const element of safeArray(candidates)) {
      if (name !== undefined && !matchesAttributePart(aria().normalizeWhiteSpace(aria().accessibleName(element, includeHidden)), name)) continue;
      if (description !== undefined && !matchesAttributePart(accessibleDescription(element, includeHidden), description)) continue;
      ArrayPrototypePush(result, element);
    }
    return result;
  };
  /** The elements of an IDREF list attribute (getIdRefs: the first element with each ID in the element's root, no repeats). */
  const idReferences = (element, attribute) => {
    const value = getAttributeOrNull(element, attribute);
    if (value === null) return null;
    const root = rootOf(element);
    const result = [];
    if (root[TYPE] !== DOCUMENT && root[TYPE] !== FRAGMENT) return result;
    for (const id of safeArray(SplitString(value, ' '))) {
      if (id === '') continue;
      const found = getElementById(root, id);
      if (found !== null && found !== undefined && ArrayPrototypeIndexOf(result, found) < 0) ArrayPrototypePush(result, found);
    }
    return result;
  };
  /** The accessible description, approximated: aria-describedby targets' text, else aria-description, else a title not used as the name. */
  const accessibleDescription = (element, includeHidden = false) => {
    const described = idReferences(element, 'aria-describedby');
    if (described !== null && described.length > 0) {
      let text = '';
      for (const target of safeArray(described)) {
        if (!includeHidden && target !== element && aria().isHiddenForAria(target)) continue;
        text += (text === '' ? '' : ' ') + descendantText(target);
      }
      return aria().normalizeWhiteSpace(text);
    }
    const own = getAttributeOrNull(element, 'aria-description');
    if (own !== null) return aria().normalizeWhiteSpace(own);
    const title = getAttributeOrNull(element, 'title');
    if (title !== null && aria().normalizeWhiteSpace(aria().accessibleName(element, includeHidden)) !== aria().normalizeWhiteSpace(title)) {
      return aria().normalizeWhiteSpace(title);
    }
    return '';
  };

  // ---- internal:label (injectedScript's _createInternalLabelEngine, selectorUtils' getElementLabels) ----
  const labelableNames = ['button', 'meter', 'output', 'progress', 'select', 'textarea'];
  /** The <label>s of each control in `root`'s tree (a Map control -> labels), made once per query. */
  const labelsByControl = (labels, root) => {
    let map = MapPrototypeGet(labels, root);
    if (map !== undefined) return map;
    map = new Map();
    for (let node = root[FIRST]; node !== null; node = following(node, root)) {
      if (!isHTML(node, 'label')) continue;
      const control = labelControl(node);
      if (control === null) continue;
      const list = MapPrototypeGet(map, control);
      if (list === undefined) MapPrototypeSet(map, control, [node]);
      else ArrayPrototypePush(list, node);
    }
    MapPrototypeSet(labels, root, map);
    return map;
  };
  /** getElementLabels: `{ full, immediate, ... }` texts of the element's labels (`labels`: the per-query Map of labelsByControl). */
  const labelTexts = (element, texts, labels, skipRefsInsideElement = false) => {
    let referenced = idReferences(element, 'aria-labelledby');
    if (referenced !== null && referenced.length > 0) {
      const result = [];
      for (const label of safeArray(referenced)) {
        if (skipRefsInsideElement && (label === element || containsLight(element, label))) continue;
        ArrayPrototypePush(result, elementText(texts, label));
      }
      return result;
    }
    const ariaLabel = getAttributeOrNull(element, 'aria-label');
    if (ariaLabel !== null && trim(ariaLabel) !== '') return [{ full: ariaLabel, immediate: [ariaLabel], normalized: null, lowered: null }];
    const labelable = element[NAMESPACE] === HTML_NS && (ArrayPrototypeIndexOf(labelableNames, element[LOCAL]) >= 0 ||
      (element[LOCAL] === 'input' && StringPrototypeToLowerCase(getAttributeOrNull(element, 'type') ?? '') !== 'hidden'));
    if (!labelable) return [];
    const list = MapPrototypeGet(labelsByControl(labels, rootOf(element)), element);
    const result = [];
    if (list !== undefined) for (const label of safeArray(list)) ArrayPrototypePush(result, elementText(texts, label));
    return result;
  };
  const queryLabel = (root, { matcher }, texts) => {
    const labels = new Map();
    const result = [];
    forEachDescendant(root, true, (element) => {
      for (const text of safeArray(labelTexts(element, texts, labels))) {
        if (matcher(text)) { ArrayPrototypePush(result, element); return; }
      }
    });
    return result;
  };
  /** The element's label texts (getElementLabels), normalised as Playwright's `label.normalized`. */
  const elementLabels = (element, skipRefsInsideElement = false) => {
    const result = [];
    for (const text of safeArray(labelTexts(element, new Map(), new Map(), skipRefsInsideElement))) ArrayPrototypePush(result, normalizedText(text));
    return result;
  };

  // ---- Querying --------------------------------------------------------------------------------------
  /** One engine's matches within `root` (injectedScript's queryAll of that engine). */
  const queryPart = (part, root, texts) => {
    const { name, body } = part;
    const element = root[TYPE] === ELEMENT ? root : null;
    switch (name) {
      case 'css': return queryList({ scope: root, pierce: true, texts }, body);
      case 'css:light': return queryList({ scope: root, pierce: false, texts }, body);
      case 'internal:has': return element !== null && run(body, element, texts).length > 0 ? [element] : [];
      case 'internal:has-not': return element !== null && run(body, element, texts).length === 0 ? [element] : [];
      case 'internal:chain': return run(body, root, texts);
      case 'visible': return element !== null && isElementVisible(element) === (body === 'true') ? [element] : [];
      case 'internal:has-text': return element !== null && body.matcher(elementText(texts, element)) ? [element] : [];
      case 'internal:has-not-text': return element !== null && !body.matcher(elementText(texts, element)) ? [element] : [];
      case 'internal:attr': case 'internal:testid': {
        const result = [];
        forEachDescendant(root, true, (candidate) => {
          const value = getAttributeOrNull(candidate, body.name);
          if (value !== null && body.matcher(value)) ArrayPrototypePush(result, candidate);
        });
        return result;
      }
      case 'role': case 'internal:role': return queryRole(root, body);
      case 'internal:label': return queryLabel(root, body, texts);
      case 'xpath': case 'xpath:light': return queryXPath(root, body);
      case 'internal:handle': {
        const adoptedElement = MapPrototypeGet(handles, body);
        return adoptedElement !== undefined && isInside(root, adoptedElement) ? [adoptedElement] : [];
      }
      case 'text': case 'text:light': case 'internal:text': return queryText(root, body, name !== 'text:light', name === 'internal:text', texts);
      default: {
        const light = StringPrototypeEndsWith(name, ':light');
        const attribute = light ? StringPrototypeSlice(name, 0, -6) : name;
        const result = [];
        forEachDescendant(root, !light, (candidate) => {
          if (getAttributeOrNull(candidate, attribute) === body) ArrayPrototypePush(result, candidate);
        });
        return result;
      }
    }
  };
  /** The text engine: elements whose text matches and (but for exact text=) no child's alone does. */
  const queryText = (root, { matcher, kind }, pierce, internal, texts) => {
    const result = [];
    let lastNone = null;
    const check = (element) => {
      if (kind === 'lax' && lastNone !== null && containsLight(lastNone, element)) return;
      const matches = elementMatchesText(texts, element, matcher);
      if (matches === 'none') lastNone = element;
      if (matches === 'self' || (matches === 'selfAndChildren' && kind === 'strict' && !internal)) ArrayPrototypePush(result, element);
    };
    if (root[TYPE] === ELEMENT) check(root);
    forEachDescendant(root, pierce, check);
    return result;
  };
  /** Runs parsed parts from `root`: each part within every match of the one before, in tree order. */
  const run = (parts, root, texts) => {
    let current = [root];
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      if (part.name === 'nth') {
        const n = Number(part.body);
        const index = n < 0 ? current.length + n : n;
        current = NumberIsInteger(n) && index >= 0 && index < current.length ? [current[index]] : [];
        continue;
      }
      const set = new Set();
      let count = 0;
      let last = null;
      if (part.name === 'internal:and' || part.name === 'internal:or') {
        for (const element of safeArray(current)) { SetPrototypeAdd(set, element); count++; }
        const other = run(part.body, root, texts);
        if (part.name === 'internal:or') {
          for (const element of safeArray(other)) if (!SetPrototypeHas(set, element)) { SetPrototypeAdd(set, element); count++; }
          current = inTreeOrder(root, set, count);
        } else {
          const both = [];
          for (const element of safeArray(other)) if (SetPrototypeHas(set, element)) ArrayPrototypePush(both, element);
          current = both;
        }
        continue;
      }
      for (const scope of safeArray(current)) {
        for (const element of safeArray(queryPart(part, scope, texts))) {
          if (!SetPrototypeHas(set, element)) { SetPrototypeAdd(set, element); count++; last = element; }
        }
      }
      if (count > 1) current = inTreeOrder(root, set, count);
      else current = count === 1 ? [last] : [];
    }
    const result = [];
    for (const node of safeArray(current)) if (node[TYPE] === ELEMENT) ArrayPrototypePush(result, node);
    return result;
  };
  const checkRoot = (root) => {
    const type = root !== null && typeof root === 'object' ? root[TYPE] : undefined;
    if (type !== ELEMENT && type !== DOCUMENT && type !== FRAGMENT) fail('Node is not queryable.');
  };
  /** Playwright's querySelectorAll: every element `selector` matches within `root`, in tree order. */
  const querySelectorAll = (root, selector) => {
    checkRoot(root);
    return run(parsed(String(selector)), root, new Map());
  };
  // ---- xpath (Playwright's xpathSelectorEngine over dom/xpath.js) --------------------------------------
  /// The elements an XPath expression selects from `root`; an absolute path below a document
  /// starts at `root` (Playwright prefixes it with `.`).
  const queryXPath = (root, expression) => {
    const text = StringPrototypeStartsWith(expression, '/') && root[TYPE] !== 9 ? `.${expression}` : expression;
    let selected;
    try {
      selected = runtime.xpath.select(text, root);
    } catch (error) {
      fail(`Failed to execute 'evaluate' on 'Document': The string '${text}' is not a valid XPath expression.`);
    }
    const elements = [];
    for (let i = 0; i < selected.length; i++) if (selected[i][TYPE] === ELEMENT) ArrayPrototypePush(elements, selected[i]);
    return elements;
  };

  // ---- Handles: elements the support realm holds (Playwright's ElementHandles) ------------------------
  // Caper's own map, out of the page's reach: number -> element, element -> number. An adopted
  // element stays while the realm lives (Playwright's handles live until disposed or navigated away).
  const handles = new Map();
  const handleNumbers = new Map();
  let handleCount = 0;
  const adopt = (element) => {
    let number = MapPrototypeGet(handleNumbers, element);
    if (number === undefined) {
      number = ++handleCount;
      MapPrototypeSet(handles, number, element);
      MapPrototypeSet(handleNumbers, element, number);
    }
    return number;
  };
  /** Whether `node` is `root` or inside it, shadow trees included. */
  const isInside = (root, node) => {
    for (let at = node; at !== null && at !== undefined; at = at[PARENT] ?? (at[TYPE] === 11 ? at[HOST] : null)) if (at === root) return true;
    return false;
  };

  /** The first element `selector` matches within `root`, or null. */
  const querySelector = (root, selector) => {
    const all = querySelectorAll(root, selector);
    return all.length === 0 ? null : all[0];
  };

  return ObjectFreeze({ querySelectorAll, querySelector, isElementVisible, parseAttributeSelector, accessibleDescription, elementLabels,
    normalizeWhiteSpace, elementText: (element) => elementText(new Map(), element).full, adopt, isInside,
    adopted: (number) => MapPrototypeGet(handles, Number(number)) });
}
