// The cascade (CSS Cascade 4 §6) for what visibility and text need, without layout: the user
// agent stylesheet of the HTML Standard's rendering section (§15.3), author sheets from <style>
// and <link rel=stylesheet> (with @import), and style attributes, matched with the selector
// engine's compiled selectors; computed values with inheritance for display, visibility, opacity,
// pointer-events, content-visibility, white-space, text-transform, float and position. On top:
// `getComputedStyle` (a read-only, live CSSStyleDeclaration), `matchMedia` (MediaQueryList), the
// viewport both answer from, `innerText` per HTML §3.2.7's rendered text collection steps, and a
// minimal `document.styleSheets`.
//
// Guarantees: the tree is read through the internal slots only. Every result is cached per
// document and recomputed after the document's VERSION or the viewport changed: the rule set is
// rebuilt then (a sheet is reparsed only when its text changed), and an element's style is
// computed once per version (its parent's first, for inheritance). Stylesheets of
// <link rel=stylesheet> are loaded lazily, at the first cascade that needs them (getComputedStyle,
// innerText, document.styleSheets), through `host.loadStylesheet(url, documentURL)` (the text,
// or null), and kept per link element and URL; @import rules load the same way (depth 8, no
// cycles). Without that host function, linked sheets are empty.
//
// Not modelled: cascade layers' order (layered rules cascade as unlayered ones), shadow-tree
// stylesheets (shadow trees get the user agent sheet and style attributes), pseudo-element styles
// (getComputedStyle(element, '::before') answers for the element), custom properties (a value
// with var() computes as `unset`), and properties other than the nine above, for which
// getComputedStyle gives the cascaded value as written ('' when none).
//
// Exports:
//   computedStyle(element) -> record | null   { display, visibility, opacity, pointerEvents,
//       contentVisibility, whiteSpace, textTransform, float, position, rendered, skipped (inside a closed
//       <details> or content-visibility: hidden), declared }; null
//       when the element is not connected
//   isBeingRendered(element) -> boolean
//   innerText(element) -> string
//   getComputedStyle(element) -> CSSStyleDeclaration
//   matchMedia(window, query) -> MediaQueryList
//   viewport(window) -> { width, height };  setViewport(window, width, height)
//   DEFAULT_VIEWPORT
(host, runtime) => {
  'use strict';
  const { ObjectDefineProperties } = runtime.primordials;
  const {
    ArrayPrototypeConcat, ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSort, Map, MapPrototypeGet, MapPrototypeSet, MathMax, MathMin,
    NumberPrototypeToString, ObjectCreate, ObjectDefineProperty, ObjectFreeze, ObjectSetPrototypeOf, Set,
    SetPrototypeHas, String, StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeIncludes, StringPrototypeRepeat, StringPrototypeStartsWith, StringPrototypeSlice,
    StringPrototypeToLowerCase, StringPrototypeToUpperCase, StringPrototypeTrim, Symbol, TypeError,
  } = runtime.primordials;
  const { TYPE, DOCUMENT, PARENT, FIRST, NEXT, NAMESPACE, LOCAL, DATA, VERSION, URL, HOST, HTML_NS, SVG_NS } =
    runtime.internals;
  const nodes = runtime.nodes;
  const { getAttributeOrNull, childTextContent, descendantText, asciiLowercase } = nodes;
  const { parseStylesheet, parseDeclarationList, parseMediaList, matchMediaList, serializeMediaList, serializeRule, serializeDeclarations, VARIABLE } =
    runtime['css-parser'];
  const { matchElement } = runtime.selectors;
  const events = runtime.events;
  const { makeError } = runtime['dom-exception'];
  const { CSSStyleDeclaration } = runtime['css-style-declaration'];

  // ---- The viewport (one window setting; @media and matchMedia read it) -------------------------
  const DEFAULT_VIEWPORT = ObjectFreeze({ width: 1280, height: 720 });
  const VIEWPORT = Symbol('viewport');
  let viewportGeneration = 0;
  const viewport = (window) => (window !== null && window !== undefined && window[VIEWPORT] !== undefined ? window[VIEWPORT] : DEFAULT_VIEWPORT);
  const viewportOfDocument = (document) => viewport(document[events.DEFAULT_VIEW]);

  // ---- The user agent stylesheet (HTML §15.3, with Chrome's inline-block form controls) ------------
  const userAgentText = `
@namespace url(${HTML_NS});
area, base, basefont, datalist, head, link, meta, noembed, noframes, param, rp, script, style, template, title { display: none; }
[hidden]:not([hidden=until-found i]):not(embed) { display: none; }
[hidden=until-found i]:not(embed) { content-visibility: hidden; }
embed[hidden] { display: inline; }
input[type=hidden i] { display: none !important; }
@media (scripting) { noscript { display: none !important; } }
html, body { display: block; }
address, blockquote, center, dialog, div, figure, figcaption, footer, form, header, hr, legend, listing, main, p, plaintext, pre,
search, xmp { display: block; }
dialog:not([open]) { display: none; }
slot { display: contents; }
listing, plaintext, pre, xmp { white-space: pre; }
pre[wrap] { white-space: pre-wrap; }
ruby { display: ruby; }
rt { display: ruby-text; }
nobr { white-space: nowrap; }
article, aside, h1, h2, h3, h4, h5, h6, hgroup, nav, section { display: block; }
dir, dd, dl, dt, menu, ol, ul { display: block; }
li { display: list-item; }
table { display: table; }
caption { display: table-caption; }
colgroup, colgroup[hidden] { display: table-column-group; }
col, col[hidden] { display: table-column; }
thead, thead[hidden] { display: table-header-group; }
tbody, tbody[hidden] { display: table-row-group; }
tfoot, tfoot[hidden] { display: table-footer-group; }
tr, tr[hidden] { display: table-row; }
td, th { display: table-cell; }
colgroup[hidden], col[hidden], thead[hidden], tbody[hidden], tfoot[hidden], tr[hidden] { visibility: collapse; }
td[nowrap], th[nowrap] { white-space: nowrap; }
input, select, button, textarea, meter, progress, marquee { display: inline-block; }
input, select, button, textarea { text-transform: initial; }
textarea { white-space: pre-wrap; }
fieldset, details, summary, frameset, frame, optgroup { display: block; }
details > summary:first-of-type { display: list-item; }
audio:not([controls]) { display: none !important; }
`;
  // Built once, when this script is installed (so a page realm made from the startup snapshot
  // starts with it): a page cannot change it.
  let userAgentRules = null;
  const userAgentRuleSet = () => userAgentRules;

  // ---- Author stylesheets -----------------------------------------------------------------------
  const SHEET = Symbol('sheet');
  const MAX_IMPORT_DEPTH = 8;
  const load = (url, document) => {
    if (typeof host.loadStylesheet !== 'function' || url === null) return null;
    const text = host.loadStylesheet(url, document[URL]);
    return typeof text === 'string' ? text : null;
  };
  const resolve = (base, href) => (typeof host.resolveURL === 'function' ? host.resolveURL(base, href) : null);
  /// Loads the @import rules of `parsed` (and theirs), each at most once per chain.
  const loadImports = (parsed, baseURL, document, seen, depth) => {
    for (let i = 0; i < parsed.imports.length; i++) {
      const rule = parsed.imports[i];
      if (rule.sheet !== undefined) continue;
      const url = resolve(baseURL, rule.href);
      rule.url = url;
      rule.sheet = null;
      if (url === null || depth >= MAX_IMPORT_DEPTH || ArrayPrototypeIndexOf(seen, url) >= 0) continue;
      const text = load(url, document);
      if (text === null) continue;
      const child = parseStylesheet(text);
      loadImports(child, url, document, ArrayPrototypeConcat(seen, [url]), depth + 1);
      rule.sheet = child;
    }
  };
  const hasToken = (value, token) => {
    if (value === null) return false;
    let from = 0;
    const lowered = asciiLowercase(value);
    for (let i = 0; i <= lowered.length; i++) {
      const c = i < lowered.length ? StringPrototypeCharCodeAt(lowered, i) : 32;
      if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13) {
        if (i > from && StringPrototypeSlice(lowered, from, i) === token) return true;
        from = i + 1;
      }
    }
    return false;
  };
  const isCSSType = (element) => {
    const type = getAttributeOrNull(element, 'type');
    return type === null || type === '' || asciiLowercase(StringPrototypeTrim(type)) === 'text/css';
  };
  /// The sheet an HTML <style> or <link rel=stylesheet> element makes, or null (CSSOM "associated CSS style sheet").
  const sheetOf = (element, document) => {
    if (element[NAMESPACE] !== HTML_NS && !(element[NAMESPACE] === SVG_NS && element[LOCAL] === 'style')) return null;
    const local = element[LOCAL];
    let key, text, url = null;
    if (local === 'style') {
      if (!isCSSType(element)) return null;
      text = childTextContent(element);
      key = text;
    } else if (local === 'link') {
      if (!hasToken(getAttributeOrNull(element, 'rel'), 'stylesheet') || getAttributeOrNull(element, 'disabled') !== null || !isCSSType(element)) return null;
      if (hasToken(getAttributeOrNull(element, 'rel'), 'alternate')) return null;
      const href = getAttributeOrNull(element, 'href');
      if (href === null || href === '') return null;
      url = resolve(runtime.elements.documentBaseURL(document), href);
      if (url === null) return null;
      key = url;
    } else {
      return null;
    }
    const mediaText = getAttributeOrNull(element, 'media');
    const cached = element[SHEET];
    if (cached !== undefined && cached.key === key && cached.mediaText === mediaText) return cached;
    if (local === 'link') text = load(url, document) ?? '';
    const parsed = parseStylesheet(text);
    loadImports(parsed, url ?? runtime.elements.documentBaseURL(document), document, url === null ? [] : [url], 0);
    const sheet = { key, mediaText, media: mediaText === null ? null : parseMediaList(mediaText), rules: parsed.rules, owner: element, href: url, wrapper: null };
    ObjectDefineProperty(element, SHEET, { value: sheet, writable: true, configurable: true });
    return sheet;
  };
  /// The document's author sheets in tree order (CSSOM "document or shadow root CSS style sheets").
  const authorSheets = (document) => {
    const sheets = [];
    for (let node = document[FIRST]; node !== null; node = nodes.following(node, document)) {
      if (node[TYPE] !== 1 || (node[LOCAL] !== 'style' && node[LOCAL] !== 'link')) continue;
      const sheet = sheetOf(node, document);
      if (sheet !== null) ArrayPrototypePush(sheets, sheet);
    }
    return sheets;
  };

  // ---- Rule sets: style rules indexed by their subject's id, class or local name ----------------
  const buildRuleSet = (sheets, environment, origin) => {
    const set = { byId: new Map(), byClass: new Map(), byLocal: new Map(), all: [], origin, count: 0 };
    const add = (rules) => {
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i];
        if (rule.type === 'style') {
          const important = hasImportant(rule.declarations);
          for (let j = 0; j < rule.selectors.length; j++) {
            const selector = rule.selectors[j];
            if (selector.pseudoElement !== null) continue;
            const entry = { compiled: selector.compiled, packed: selector.packed, order: set.count++, declarations: rule.declarations, important };
            const key = selector.key;
            if (key === null || key.kind === 'all') ArrayPrototypePush(set.all, entry);
            else if (key.kind === 'local') addTo(set.byLocal, key.value, entry);
            // Lowercased: the index only narrows the candidates (quirks mode matches ids and classes ASCII case-insensitively).
            else addTo(key.kind === 'id' ? set.byId : set.byClass, asciiLowercase(key.value), entry);
          }
        } else if (rule.type === 'media') {
          if (matchMediaList(rule.media, environment)) add(rule.rules);
        } else if (rule.type === 'supports') {
          if (rule.matches) add(rule.rules);
        } else if (rule.type === 'layer') {
          add(rule.rules);
        } else if (rule.type === 'import') {
          if (rule.sheet && matchMediaList(rule.media, environment)) add(rule.sheet.rules);
        }
      }
    };
    for (let i = 0; i < sheets.length; i++) {
      const sheet = sheets[i];
      if (sheet.media !== null && !matchMediaList(sheet.media, environment)) continue;
      add(sheet.rules);
    }
    return set;
  };
  const hasImportant = (declarations) => {
    for (let i = 0; i < declarations.length; i++) if (declarations[i].important) return true;
    return false;
  };
  const addTo = (map, key, entry) => {
    const list = MapPrototypeGet(map, key);
    if (list === undefined) MapPrototypeSet(map, key, [entry]);
    else ArrayPrototypePush(list, entry);
  };
  /// The entries of `set` whose selector matches `element`, in cascade order (specificity, then order).
  const matchedEntries = (set, element, id, classes) => {
    const matched = [];
    const consider = (list) => {
      if (list === undefined) return;
      for (let i = 0; i < list.length; i++) if (matchElement(list[i].compiled, element)) ArrayPrototypePush(matched, list[i]);
    };
    if (id !== null) consider(MapPrototypeGet(set.byId, asciiLowercase(id)));
    for (let i = 0; i < classes.length; i++) consider(MapPrototypeGet(set.byClass, asciiLowercase(classes[i])));
    if (element[NAMESPACE] === HTML_NS || asciiLowercase(element[LOCAL]) === element[LOCAL]) consider(MapPrototypeGet(set.byLocal, element[LOCAL]));
    consider(set.all);
    if (matched.length > 1) ArrayPrototypeSort(matched, byCascadeOrder);
    return matched;
  };
  const byCascadeOrder = (a, b) => (a.packed !== b.packed ? a.packed - b.packed : a.order - b.order);
  const classesOf = (element) => {
    const value = getAttributeOrNull(element, 'class');
    const classes = [];
    if (value === null) return classes;
    let from = 0;
    for (let i = 0; i <= value.length; i++) {
      const c = i < value.length ? StringPrototypeCharCodeAt(value, i) : 32;
      if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13) {
        if (i > from) ArrayPrototypePush(classes, StringPrototypeSlice(value, from, i));
        from = i + 1;
      }
    }
    return classes;
  };

  // ---- Per-document cache ------------------------------------------------------------------------
  const CACHE = Symbol('cascade');
  const cacheOf = (document) => {
    let cache = document[CACHE];
    const version = document[VERSION];
    if (cache !== undefined && cache.version === version && cache.viewportGeneration === viewportGeneration) return cache;
    const environment = viewportOfDocument(document);
    const sheets = authorSheets(document);
    cache = { version, viewportGeneration, styles: new Map(), sheets, author: buildRuleSet(sheets, environment, 1) };
    ObjectDefineProperty(document, CACHE, { value: cache, writable: true, configurable: true });
    return cache;
  };
  const INLINE = Symbol('inlineStyle');
  const inlineDeclarations = (element) => {
    const text = getAttributeOrNull(element, 'style');
    if (text === null) return null;
    const cached = element[INLINE];
    if (cached !== undefined && cached.text === text) return cached.declarations;
    const declarations = parseDeclarationList(text);
    ObjectDefineProperty(element, INLINE, { value: { text, declarations }, writable: true, configurable: true });
    return declarations;
  };

  // ---- Computed values -----------------------------------------------------------------------------
  // [property, record field, inherited, initial value]
  const computed = [
    ['display', 'display', false, 'inline'], ['visibility', 'visibility', true, 'visible'], ['opacity', 'opacity', false, 1],
    ['pointer-events', 'pointerEvents', true, 'auto'], ['content-visibility', 'contentVisibility', false, 'visible'],
    ['white-space', 'whiteSpace', true, 'normal'], ['text-transform', 'textTransform', true, 'none'], ['float', 'float', false, 'none'],
    ['position', 'position', false, 'static'],
  ];
  const computedNames = ['content-visibility', 'display', 'float', 'opacity', 'pointer-events', 'position', 'text-transform', 'visibility', 'white-space'];
  const fieldOf = ObjectCreate(null);
  for (let i = 0; i < computed.length; i++) fieldOf[computed[i][0]] = i;

  const applyAll = (winners, declarations, important) => {
    for (let i = 0; i < declarations.length; i++) {
      const declaration = declarations[i];
      if (declaration.important === important) winners[declaration.name] = declaration;
    }
  };
  const applyEntries = (winners, entries, important) => {
    for (let i = 0; i < entries.length; i++) if (!important || entries[i].important) applyAll(winners, entries[i].declarations, important);
  };
  // CSS Display 3 §2.7: the block-level equivalent of a display value.
  const blockified = {
    __proto__: null, inline: 'block', 'inline-block': 'block', 'inline-flex': 'flex', 'inline-grid': 'grid', 'inline-table': 'table',
    'table-row-group': 'block', 'table-header-group': 'block', 'table-footer-group': 'block', 'table-row': 'block', 'table-cell': 'block',
    'table-column-group': 'block', 'table-column': 'block', 'table-caption': 'block', ruby: 'block', 'ruby-text': 'block',
    '-webkit-inline-box': '-webkit-box',
  };
  const flexOrGrid = ['flex', 'inline-flex', 'grid', 'inline-grid', '-webkit-box', '-webkit-inline-box'];
  // Elements whose children are never rendered: replaced elements and widgets (HTML §15.4, §15.5).
  const replaced = new Set(['img', 'video', 'audio', 'iframe', 'canvas', 'embed', 'object', 'textarea', 'input', 'meter', 'progress']);
  // SVG's never-rendered elements (SVG 2 §5.9).
  const svgNeverRendered = new Set(['title', 'desc', 'metadata', 'defs', 'clipPath', 'mask', 'marker', 'pattern', 'linearGradient',
    'radialGradient', 'symbol', 'style', 'script', 'filter']);

  const cascade = (element, parent, cache) => {
    const id = getAttributeOrNull(element, 'id');
    const classes = classesOf(element);
    const ua = matchedEntries(userAgentRuleSet(), element, id, classes);
    const author = matchedEntries(cache.author, element, id, classes);
    const inline = inlineDeclarations(element);
    const winners = ObjectCreate(null);
    const userAgentWinners = ObjectCreate(null);
    applyEntries(userAgentWinners, ua, false);
    applyEntries(userAgentWinners, ua, true);
    applyEntries(winners, ua, false);
    applyEntries(winners, author, false);
    if (inline !== null) applyAll(winners, inline, false);
    applyEntries(winners, author, true);
    if (inline !== null) applyAll(winners, inline, true);
    applyEntries(winners, ua, true);
    const record = { __proto__: null, declared: winners, rendered: false, skipped: false };
    for (let i = 0; i < computed.length; i++) {
      const property = computed[i];
      const name = property[0], field = property[1], inherited = property[2], initial = property[3];
      let value = winners[name]?.parsed;
      if (value === 'revert' || value === 'revert-layer') value = userAgentWinners[name]?.parsed;
      if (value === VARIABLE || value === undefined || value === 'unset' || value === 'revert' || value === 'revert-layer') value = inherited ? 'inherit' : 'initial';
      if (value === 'inherit') value = parent !== null ? parent[field] : initial;
      else if (value === 'initial') value = initial;
      record[field] = value;
    }
    if (record.opacity < 0) record.opacity = 0;
    else if (record.opacity > 1) record.opacity = 1;
    if (record.position === 'absolute' || record.position === 'fixed') record.float = 'none';
    const display = record.display;
    const root = parent === null;
    if ((root || record.float !== 'none' || record.position === 'absolute' || record.position === 'fixed' ||
        (parent !== null && ArrayPrototypeIndexOf(flexOrGrid, parent.display) >= 0)) && display !== 'none') {
      if (root && display === 'contents') record.display = 'block';
      else if (blockified[display] !== undefined) record.display = blockified[display];
    }
    record.rendered = record.display !== 'none' && (root || (parent.rendered && !hidesChildren(parent, element)));
    // Inside a closed <details> or content-visibility: hidden: the element has a box whose
    // contents are skipped, so it shows no text (Chromium's innerText gives "").
    record.skipped = record.display !== 'none' && !root &&
      (parent.skipped || (parent.rendered && !SetPrototypeHas(replaced, parent.element[LOCAL]) && hidesChildren(parent, element)));
    if (record.rendered && element[NAMESPACE] === SVG_NS && SetPrototypeHas(svgNeverRendered, element[LOCAL])) record.rendered = false;
    record.element = element;
    return record;
  };
  /// Whether `parent` keeps `child` from being rendered whatever its style: closed details, skipped contents, replaced elements.
  const hidesChildren = (parent, child) => {
    const element = parent.element;
    if (parent.contentVisibility === 'hidden') return true;
    if (element[NAMESPACE] !== HTML_NS) return false;
    const local = element[LOCAL];
    if (SetPrototypeHas(replaced, local)) return true;
    if (local === 'details' && getAttributeOrNull(element, 'open') === null) {
      if (child[NAMESPACE] !== HTML_NS || child[LOCAL] !== 'summary') return true;
      for (let node = element[FIRST]; node !== null; node = node[NEXT]) {
        if (node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && node[LOCAL] === 'summary') return node !== child;
      }
    }
    return false;
  };

  /// The computed style of `element`, or null when it is not connected.
  const computedStyle = (element) => {
    const document = element[DOCUMENT];
    const cache = cacheOf(document);
    let record = MapPrototypeGet(cache.styles, element);
    if (record !== undefined) return record;
    const parentNode = element[PARENT];
    let parent;
    if (parentNode === null) parent = undefined;
    else if (parentNode[TYPE] === 9) parent = null;
    else if (parentNode[TYPE] === 1) parent = computedStyle(parentNode);
    else if (parentNode[TYPE] === 11 && parentNode[HOST]) parent = computedStyle(parentNode[HOST]);
    if (parent === undefined) record = null;
    else record = cascade(element, parent, cache);
    MapPrototypeSet(cache.styles, element, record);
    return record;
  };
  const isBeingRendered = (element) => {
    const record = computedStyle(element);
    return record !== null && record.rendered;
  };

  // ---- innerText (HTML §3.2.7 "rendered text collection steps") --------------------------------------
  const blockLevel = ['block', 'list-item', 'table', 'flex', 'grid', 'flow-root', 'table-caption', '-webkit-box', 'math'];
  const ownFormattingContext = ['inline-block', 'inline-table', 'inline-flex', 'inline-grid', 'table-cell', '-webkit-inline-box'];
  const tableBoxes = ['table', 'inline-table'];
  const tableInternal = ['table', 'inline-table', 'table-row-group', 'table-header-group', 'table-footer-group', 'table-row',
    'table-column-group', 'table-column'];
  const isSpace = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
  const isWordCharacter = (c) => (c >= 48 && c <= 57) || c === 39 || c === 0x2019 || StringPrototypeToLowerCase(StringFromCharCode(c)) !== StringPrototypeToUpperCase(StringFromCharCode(c));

  /// Collects the items of §3.2.7: strings and required line break counts, with CSS Text 3 §4 white space processing done inline.
  const collectRenderedText = (element, style) => {
    const items = [];
    let lineStart = true;
    let pendingSpace = false;
    let lastCharacter = 32;
    const tables = [];
    const emit = (text) => {
      if (text === '') return;
      ArrayPrototypePush(items, text);
      lastCharacter = StringPrototypeCharCodeAt(text, text.length - 1);
    };
    const requiredBreak = (count) => {
      ArrayPrototypePush(items, count);
      lineStart = true;
      pendingSpace = false;
      lastCharacter = 32;
    };
    // CSS Text 3 §2.1: `how` is the computed text-transform.
    const transform = (c, how) => {
      let text = StringFromCharCode(c);
      if (how === 'none') return text;
      if (StringPrototypeStartsWith(how, 'uppercase')) text = StringPrototypeToUpperCase(text);
      else if (StringPrototypeStartsWith(how, 'lowercase')) text = StringPrototypeToLowerCase(text);
      else if (StringPrototypeStartsWith(how, 'capitalize') && !isWordCharacter(lastCharacter)) text = StringPrototypeToUpperCase(text);
      if (c >= 0x21 && c <= 0x7e && StringPrototypeIncludes(how, 'full-width')) text = StringFromCharCode(StringPrototypeCharCodeAt(text, 0) + 0xfee0);
      return text;
    };
    const text = (node, parent) => {
      if (!parent.rendered || parent.visibility !== 'visible' || hidesChildren(parent, node)) return;
      const data = node[DATA];
      const whiteSpace = parent.whiteSpace;
      const how = parent.textTransform;
      if (ArrayPrototypeIndexOf(tableInternal, parent.display) >= 0 && isAllSpace(data)) return;
      const preserveSpaces = whiteSpace === 'pre' || whiteSpace === 'pre-wrap' || whiteSpace === 'break-spaces';
      const preserveBreaks = preserveSpaces || whiteSpace === 'pre-line';
      let out = '';
      for (let i = 0; i < data.length; i++) {
        const c = StringPrototypeCharCodeAt(data, i);
        if (preserveSpaces) {
          if (pendingSpace) { out += ' '; pendingSpace = false; }
          out += c === 13 ? '\n' : transform(c, how);
          if (c === 13 && StringPrototypeCharCodeAt(data, i + 1) === 10) i++;
          lineStart = c === 10 || c === 13;
          lastCharacter = c;
        } else if (preserveBreaks && (c === 10 || c === 13)) {
          if (c === 13 && StringPrototypeCharCodeAt(data, i + 1) === 10) i++;
          out += '\n';
          pendingSpace = false;
          lineStart = true;
          lastCharacter = 10;
        } else if (isSpace(c)) {
          if (!lineStart) pendingSpace = true;
        } else {
          if (pendingSpace) { out += ' '; pendingSpace = false; lastCharacter = 32; }
          out += transform(c, how);
          lineStart = false;
          lastCharacter = c;
        }
      }
      if (out !== '') ArrayPrototypePush(items, out);
    };
    const visitChildren = (node, nodeStyle) => {
      for (let child = node[FIRST]; child !== null; child = child[NEXT]) {
        if (child[TYPE] === 3 || child[TYPE] === 4) text(child, nodeStyle);
        else if (child[TYPE] === 1) visit(child);
      }
    };
    const visit = (node) => {
      const style = computedStyle(node);
      if (style === null || !style.rendered) return;
      const html = node[NAMESPACE] === HTML_NS;
      const local = node[LOCAL];
      if (html && local === 'select') { visitSelect(node, style); return; }
      const visible = style.visibility === 'visible';
      const display = style.display;
      const breaks = !visible ? 0 : html && local === 'p' ? 2 : ArrayPrototypeIndexOf(blockLevel, display) >= 0 ? 1 : 0;
      if (breaks > 0) requiredBreak(breaks);
      const isTable = ArrayPrototypeIndexOf(tableBoxes, display) >= 0;
      if (isTable) ArrayPrototypePush(tables, { rows: 0, cells: 0 });
      if (visible && tables.length > 0) {
        const table = tables[isTable ? tables.length - 2 : tables.length - 1];
        if (table !== undefined && display === 'table-row') {
          if (table.rows++ > 0) { pendingSpace = false; emit('\n'); }
          table.cells = 0;
          lineStart = true;
        } else if (table !== undefined && display === 'table-cell') {
          if (table.cells++ > 0) { pendingSpace = false; emit('\t'); }
        }
      }
      const ownContext = ArrayPrototypeIndexOf(ownFormattingContext, display) >= 0;
      if (ownContext) {
        if (!lineStart && pendingSpace && display !== 'table-cell') emit(' ');
        lineStart = true;
        pendingSpace = false;
      }
      if (html && local === 'br') {
        if (visible) {
          pendingSpace = false;
          emit('\n');
          lineStart = true;
        }
      } else if (!(html && SetPrototypeHas(replaced, local))) {
        visitChildren(node, style);
      }
      if (isTable) tables.length--;
      if (ownContext || (html && SetPrototypeHas(replaced, local) && visible)) {
        pendingSpace = false;
        lineStart = display === 'table-cell';
        lastCharacter = 32;
      }
      if (breaks > 0) requiredBreak(breaks);
    };
    // §3.2.7 step 3: a select's box holds its optgroups and options, which are block-level.
    const visitSelect = (select, selectStyle) => {
      const option = (node) => {
        const style = computedStyle(node);
        if (style === null || style.display === 'none') return;
        const visible = selectStyle.visibility === 'visible' && style.visibility === 'visible';
        if (visible) requiredBreak(1);
        visitChildren(node, { ...style, rendered: true });
        if (visible) requiredBreak(1);
      };
      for (let child = select[FIRST]; child !== null; child = child[NEXT]) {
        if (child[TYPE] !== 1 || child[NAMESPACE] !== HTML_NS) continue;
        if (child[LOCAL] === 'option') option(child);
        else if (child[LOCAL] === 'optgroup') {
          const style = computedStyle(child);
          if (style === null || style.display === 'none') continue;
          requiredBreak(1);
          for (let grandchild = child[FIRST]; grandchild !== null; grandchild = grandchild[NEXT]) {
            if (grandchild[TYPE] === 1 && grandchild[NAMESPACE] === HTML_NS && grandchild[LOCAL] === 'option') option(grandchild);
          }
          requiredBreak(1);
        }
      }
    };
    if (element[NAMESPACE] === HTML_NS && element[LOCAL] === 'select') visitSelect(element, style);
    else if (!(element[NAMESPACE] === HTML_NS && SetPrototypeHas(replaced, element[LOCAL]))) visitChildren(element, style);
    return items;
  };
  const isAllSpace = (data) => {
    for (let i = 0; i < data.length; i++) if (!isSpace(StringPrototypeCharCodeAt(data, i))) return false;
    return true;
  };

  /// HTML §3.2.7: the innerText getter steps.
  const innerText = (element) => {
    const style = computedStyle(element);
    if (style !== null && style.skipped) return '';
    if (style === null || !style.rendered) return descendantText(element);
    const items = collectRenderedText(element, style);
    // Steps 2-5: drop empty strings, leading and trailing line break counts; a run of counts is that many newlines at most.
    let out = '';
    let pending = 0;
    let started = false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === 'number') {
        if (started) pending = MathMax(pending, item);
        continue;
      }
      if (item === '') continue;
      if (pending > 0) out += StringPrototypeRepeat('\n', pending);
      pending = 0;
      started = true;
      out += item;
    }
    return out;
  };

  // ---- getComputedStyle (CSSOM §9) -------------------------------------------------------------
  const ELEMENT = Symbol('element');
  const serializeComputed = (field, value) => (field === 'opacity' ? NumberPrototypeToString(value) : value);
  const readProperty = (element, property) => {
    const record = computedStyle(element);
    if (record === null) return '';
    const index = fieldOf[property];
    if (index !== undefined) return serializeComputed(computed[index][1], record[computed[index][1]]);
    return record.declared[property]?.value ?? '';
  };
  const normalizeProperty = (property) => {
    const name = String(property);
    return StringPrototypeSlice(name, 0, 2) === '--' ? name : StringPrototypeToLowerCase(name);
  };
  const readOnly = () => { throw makeError('NoModificationAllowedError', 'These styles are computed, and therefore read-only.'); };
  const ComputedPrototype = ObjectCreate(CSSStyleDeclaration.prototype);
  nodes.mixin({
    getPropertyValue(property) { return readProperty(this[ELEMENT], normalizeProperty(property)); },
    getPropertyPriority() { return ''; },
    get length() { return computedStyle(this[ELEMENT]) === null ? 0 : computedNames.length; },
    item(index) { return computedStyle(this[ELEMENT]) === null ? '' : computedNames[index >>> 0] ?? ''; },
    get cssText() { return ''; },
    set cssText(value) { readOnly(); },
    setProperty() { readOnly(); },
    removeProperty() { readOnly(); },
    get parentRule() { return null; },
  }, { prototype: ComputedPrototype });
  const getComputedStyle = (element) => {
    if (element === null || typeof element !== 'object' || element[TYPE] !== 1) {
      throw new TypeError("Failed to execute 'getComputedStyle' on 'Window': parameter 1 is not of type 'Element'.");
    }
    const style = ObjectCreate(ComputedPrototype);
    ObjectDefineProperty(style, ELEMENT, { value: element });
    return style;
  };

  // ---- matchMedia (CSSOM View §4.2) -------------------------------------------------------------
  const MQL = { window: Symbol('window'), media: Symbol('media'), matches: Symbol('matches'), handler: Symbol('onchange') };
  const watched = [];
  class MediaQueryList extends events.EventTarget {
    constructor() { super(); throw new TypeError('Illegal constructor'); }
    get media() { return serializeMediaList(this[MQL.media]); }
    get matches() { return matchMediaList(this[MQL.media], viewport(this[MQL.window])); }
    addListener(callback) { if (callback !== null) { this.addEventListener('change', callback); watch(this); } }
    removeListener(callback) { if (callback !== null) this.removeEventListener('change', callback); }
    addEventListener(type, callback, options = undefined) { super.addEventListener(type, callback, options); watch(this); }
    get onchange() { return this[MQL.handler] ?? null; }
    set onchange(value) {
      const previous = this[MQL.handler] ?? null;
      if (previous !== null) this.removeEventListener('change', previous);
      this[MQL.handler] = typeof value === 'function' ? value : null;
      if (this[MQL.handler] !== null) this.addEventListener('change', this[MQL.handler]);
    }
  }
  class MediaQueryListEvent extends events.Event {
    constructor(type, init = undefined) {
      super(type, init);
      this[MQL.media] = init?.media === undefined ? '' : String(init.media);
      this[MQL.matches] = !!init?.matches;
    }
    get media() { return this[MQL.media]; }
    get matches() { return this[MQL.matches]; }
  }
  for (const [Interface, name] of [[MediaQueryList, 'MediaQueryList'], [MediaQueryListEvent, 'MediaQueryListEvent']]) {
    ObjectDefineProperty(Interface.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  const watch = (list) => {
    if (ArrayPrototypeIndexOf(watched, list) < 0) {
      list[MQL.matches] = list.matches;
      ArrayPrototypePush(watched, list);
    }
  };
  const matchMedia = (window, query) => {
    const list = ObjectCreate(MediaQueryList.prototype);
    list[MQL.window] = window;
    list[MQL.media] = parseMediaList(String(query));
    return list;
  };
  /// Sets the window's viewport (CSS px); lists with listeners whose `matches` changed get a `change` event.
  const setViewport = (window, width, height) => {
    ObjectDefineProperty(window, VIEWPORT, { value: ObjectFreeze({ width: +width, height: +height }), writable: true, configurable: true });
    viewportGeneration++;
    for (let i = 0; i < watched.length; i++) {
      const list = watched[i];
      if (list[MQL.window] !== window) continue;
      const matches = list.matches;
      if (matches === list[MQL.matches]) continue;
      list[MQL.matches] = matches;
      const event = new MediaQueryListEvent('change', { media: list.media, matches });
      events.fire(list, event);
    }
  };

  // ---- The window's members --------------------------------------------------------------------
  const { Window } = runtime.window;
  nodes.mixin({
    getComputedStyle(element, pseudoElement = undefined) { return getComputedStyle(element); },
    matchMedia(query) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'matchMedia' on 'Window': 1 argument required, but only 0 present.");
      // Called unqualified (`matchMedia(q)` in strict code), `this` is undefined: WebIDL takes the global.
      return matchMedia(this ?? globalThis, query);
    },
  }, Window);

  // The viewport's size as the window reports it (CSSOM View §5: no scrollbars, a device pixel
  // ratio of 1), the same one @media and matchMedia answer from.
  const viewportGetters = {};
  for (const [name, field] of [['innerWidth', 'width'], ['innerHeight', 'height'], ['outerWidth', 'width'], ['outerHeight', 'height']]) {
    viewportGetters[name] = { get() { return viewport(this)[field]; }, configurable: true, enumerable: true };
  }
  viewportGetters.devicePixelRatio = { get() { return 1; }, configurable: true, enumerable: true };
  ObjectDefineProperties(Window.prototype, viewportGetters);

  // Element.checkVisibility (CSSOM View §6): false without a box, under content-visibility:
  // hidden, and, when asked, at opacity 0 or visibility other than visible.
  nodes.mixin({
    checkVisibility(options = undefined) {
      const record = computedStyle(this);
      if (record === null || !record.rendered) return false;
      for (let node = this[PARENT]; node !== null && node[TYPE] === 1; node = node[PARENT]) {
        const ancestor = computedStyle(node);
        if (ancestor !== null && ancestor.contentVisibility === 'hidden') return false;
      }
      const checkOpacity = options?.checkOpacity === true || options?.opacityProperty === true;
      if (checkOpacity) {
        for (let node = this; node !== null && node[TYPE] === 1; node = node[PARENT]) {
          const style = computedStyle(node);
          if (style !== null && Number(style.opacity) === 0) return false;
        }
      }
      const checkVisibilityCSS = options?.checkVisibilityCSS === true || options?.visibilityProperty === true;
      if (checkVisibilityCSS && record.visibility !== 'visible') return false;
      return true;
    },
  }, runtime.nodes.interfaces.Element);

  // ---- document.styleSheets (CSSOM §6.2, read-only and minimal) ------------------------------------
  const WRAPPED = Symbol('record');
  class CSSRule {
    constructor() { throw new TypeError('Illegal constructor'); }
    get cssText() { return serializeRule(this[WRAPPED]); }
    get type() { return ruleTypes[this[WRAPPED].type] ?? 0; }
    get parentStyleSheet() { return null; }
    get parentRule() { return null; }
  }
  const ruleTypes = { style: 1, import: 3, media: 4, 'other': 0, namespace: 10, supports: 12, layer: 18 };
  class CSSStyleRule extends CSSRule {
    get selectorText() { return this[WRAPPED].selectorText; }
    get style() { return ruleStyle(this[WRAPPED].declarations); }
  }
  class CSSGroupingRule extends CSSRule {
    get cssRules() { return wrapRules(this[WRAPPED].rules); }
  }
  class CSSMediaRule extends CSSGroupingRule {
    get media() { return this[WRAPPED].mediaText; }
    get conditionText() { return this[WRAPPED].mediaText; }
  }
  class CSSSupportsRule extends CSSGroupingRule {
    get conditionText() { return this[WRAPPED].conditionText; }
  }
  class CSSImportRule extends CSSRule {
    get href() { return this[WRAPPED].href; }
    get media() { return this[WRAPPED].mediaText; }
  }
  const ruleClass = { style: CSSStyleRule, media: CSSMediaRule, supports: CSSSupportsRule, layer: CSSGroupingRule, import: CSSImportRule };
  const wrapRule = (record) => {
    const rule = ObjectCreate((ruleClass[record.type] ?? CSSRule).prototype);
    rule[WRAPPED] = record;
    return rule;
  };
  const wrapRules = (records) => {
    const list = [];
    for (let i = 0; i < records.length; i++) ArrayPrototypePush(list, wrapRule(records[i]));
    ObjectSetPrototypeOf(list, null);
    return ObjectFreeze({ __proto__: CSSRuleListPrototype, ...list, length: records.length });
  };
  const CSSRuleListPrototype = { item(index) { return this[index >>> 0] ?? null; } };
  // A rule's declarations as a read-only declaration block.
  const RulePrototype = ObjectCreate(CSSStyleDeclaration.prototype);
  nodes.mixin({
    getPropertyValue(property) {
      const name = normalizeProperty(property);
      let value = '';
      for (let i = 0; i < this[WRAPPED].length; i++) if (this[WRAPPED][i].name === name) value = this[WRAPPED][i].value;
      return value;
    },
    getPropertyPriority(property) {
      const name = normalizeProperty(property);
      let priority = '';
      for (let i = 0; i < this[WRAPPED].length; i++) if (this[WRAPPED][i].name === name) priority = this[WRAPPED][i].important ? 'important' : '';
      return priority;
    },
    get length() { return this[WRAPPED].length; },
    item(index) { return this[WRAPPED][index >>> 0]?.name ?? ''; },
    get cssText() { return serializeDeclarations(this[WRAPPED]); },
    set cssText(value) { readOnly(); },
    setProperty() { readOnly(); },
    removeProperty() { readOnly(); },
    get parentRule() { return null; },
  }, { prototype: RulePrototype });
  const ruleStyle = (declarations) => {
    const style = ObjectCreate(RulePrototype);
    style[WRAPPED] = declarations;
    return style;
  };
  class CSSStyleSheet {
    constructor() { throw new TypeError('Illegal constructor'); }
    get type() { return 'text/css'; }
    get href() { return this[WRAPPED].href; }
    get ownerNode() { return this[WRAPPED].owner; }
    get media() { return this[WRAPPED].mediaText ?? ''; }
    get title() { return getAttributeOrNull(this[WRAPPED].owner, 'title'); }
    get disabled() { return false; }
    get parentStyleSheet() { return null; }
    get ownerRule() { return null; }
    get cssRules() { return wrapRules(this[WRAPPED].rules); }
    get rules() { return this.cssRules; }
  }
  for (const [Interface, name] of [[CSSRule, 'CSSRule'], [CSSStyleRule, 'CSSStyleRule'], [CSSGroupingRule, 'CSSGroupingRule'],
    [CSSMediaRule, 'CSSMediaRule'], [CSSSupportsRule, 'CSSSupportsRule'], [CSSImportRule, 'CSSImportRule'], [CSSStyleSheet, 'CSSStyleSheet']]) {
    ObjectDefineProperty(Interface.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  const sheetWrapper = (sheet) => {
    if (sheet.wrapper === null) {
      sheet.wrapper = ObjectCreate(CSSStyleSheet.prototype);
      sheet.wrapper[WRAPPED] = sheet;
    }
    return sheet.wrapper;
  };
  nodes.mixin({
    get styleSheets() {
      const sheets = cacheOf(this).sheets;
      const list = [];
      for (let i = 0; i < sheets.length; i++) ArrayPrototypePush(list, sheetWrapper(sheets[i]));
      return ObjectFreeze({ __proto__: StyleSheetListPrototype, ...list, length: list.length });
    },
  }, nodes.interfaces.Document);
  const StyleSheetListPrototype = { item(index) { return this[index >>> 0] ?? null; } };

  // ---- HTMLElement's hidden (HTML §6.1) -------------------------------------------------------------
  nodes.mixin({
    get hidden() {
      const value = getAttributeOrNull(this, 'hidden');
      if (value === null) return false;
      return asciiLowercase(value) === 'until-found' ? 'until-found' : true;
    },
    set hidden(value) {
      if (typeof value === 'string' && asciiLowercase(value) === 'until-found') nodes.setAttributeValue(this, 'hidden', 'until-found');
      else if (value === false || value === '' || value === null || value === 0 || value !== value) nodes.removeAttributeByName(this, 'hidden');
      else nodes.setAttributeValue(this, 'hidden', '');
    },
  }, runtime.elements.interfaces.HTMLElement);

  const interfaces = { MediaQueryList, MediaQueryListEvent, CSSRule, CSSStyleRule, CSSGroupingRule, CSSMediaRule, CSSSupportsRule, CSSImportRule, CSSStyleSheet };
  // The global reaches these names through Window.prototype (createWindow installs the DOM's own interfaces on the global).
  for (const name in interfaces) {
    ObjectDefineProperty(interfaces[name], 'name', { value: name });
    ObjectDefineProperty(Window.prototype, name, { value: interfaces[name], writable: true, configurable: true, enumerable: false });
  }
  userAgentRules = buildRuleSet([{ rules: parseStylesheet(userAgentText).rules, media: null }], DEFAULT_VIEWPORT, 0);

  return ObjectFreeze({
    computedStyle, isBeingRendered, innerText, getComputedStyle, matchMedia, viewport, setViewport, DEFAULT_VIEWPORT,
    /** Drops the sheet kept for a <link> (its text arrived later: `scripting/stylesheets.js`). */
    forgetSheet: (element) => { delete element[SHEET]; },
    /** `rel` token and `type` checks of a <link>'s or <style>'s sheet (`scripting/stylesheets.js` shares them). */
    hasToken, isCSSType,
    interfaces: ObjectFreeze(interfaces),
  });
}
