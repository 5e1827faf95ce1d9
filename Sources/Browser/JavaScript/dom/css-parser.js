// Stylesheet parsing (CSS Syntax Level 3 §5 over css-syntax.js's tokens; CSSOM's rule kinds;
// Media Queries Level 4 §3 syntax with §2.4 evaluation; CSS Conditional 3 @supports): text in,
// plain frozen-shape rule records out. The cascade (cascade.js) reads the records; CSSOM wrappers
// are made from them on demand.
//
// Exports:
//   parseStylesheet(text, { namespaces? }) -> { rules, imports }   (§5.3.3 "parse a stylesheet")
//   parseDeclarationList(text) -> Declaration[]                    (§5.3.8, for style attributes)
//   parseMediaList(text) -> Query[]                                (MQ4 §3, "not all" for invalid ones)
//   matchMediaList(queries, environment) -> boolean                (an empty list matches)
//   serializeMediaList(queries) -> string
//   serializeRule(rule) -> string                                  (CSSOM cssText, values as written)
//
// Rule records: { type: 'style', selectorText, selectors: [{ compiled, packed, key, pseudoElement }],
// declarations } | { type: 'media', media, mediaText, rules } | { type: 'supports', conditionText,
// matches, rules } | { type: 'layer', name, rules } (layer order is not applied: layered rules
// cascade as unlayered ones) | { type: 'import', href, media, mediaText } | { type: 'namespace',
// prefix, uri } | { type: 'other', name, text } (@font-face, @keyframes, @page, ...: kept for
// cssText, never matched). Style rules whose selector list does not compile are dropped (§5.4.3),
// as are @container and @scope (Chrome 102 has neither). Nested rules inside style rules are not
// parsed (Chrome 102 predates CSS Nesting).
//
// Declarations: { name (lowercased unless custom), value (the text as written, trimmed, without
// `!important`), important, parsed }. `parsed` is the specified value of the properties the cascade
// computes (display, visibility, opacity (a number), pointer-events, content-visibility,
// white-space, text-transform, float, position): a normalized keyword string, a CSS-wide keyword,
// or VARIABLE when the value holds var() (resolved at computed-value time); a declaration of one of
// those properties whose value is invalid is dropped at parse time, as CSS requires. Other
// properties keep `parsed === undefined`.
//
// Media environment: { width, height } in CSS px; the rest is a desktop Chrome in light mode with
// scripting enabled (color 8, hover, fine pointer, 1dppx, no reduced motion).
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePush, Map, MapPrototypeSet, MathMax, MathMin, ObjectFreeze,
    StringPrototypeSlice, StringPrototypeToLowerCase, StringPrototypeTrim, Symbol,
  } = runtime.primordials;
  const { preprocess, tokenize, serializeIdentifier } = runtime['css-syntax'];
  const selectors = runtime.selectors;

  const lower = (text) => StringPrototypeToLowerCase(text);
  const VARIABLE = Symbol('variable');

  // ---- Component values over a token array ------------------------------------------------
  const closerOf = { '(': ')', '[': ']', '{': '}', function: ')' };
  /// The index after the block or function that opens at `i` (its closer included), or `end`.
  const skipBlock = (tokens, i, end) => {
    const stack = [closerOf[tokens[i].type]];
    for (i++; i < end; i++) {
      const type = tokens[i].type;
      if (type === stack[stack.length - 1]) {
        stack.length--;
        if (stack.length === 0) return i + 1;
      } else if (closerOf[type] !== undefined) {
        ArrayPrototypePush(stack, closerOf[type]);
      }
    }
    return end;
  };
  /// The index after the component value at `i`.
  const skipValue = (tokens, i, end) => (closerOf[tokens[i].type] !== undefined ? skipBlock(tokens, i, end) : i + 1);
  const skipWhitespace = (tokens, i, end) => {
    while (i < end && tokens[i].type === 'whitespace') i++;
    return i;
  };
  /// [start, end) without leading and trailing whitespace tokens.
  const trimRange = (tokens, start, end) => {
    start = skipWhitespace(tokens, start, end);
    while (end > start && tokens[end - 1].type === 'whitespace') end--;
    return [start, end];
  };
  /// The ranges between top-level commas of [start, end).
  const splitCommas = (tokens, start, end) => {
    const parts = [];
    let from = start;
    for (let i = start; i < end;) {
      if (tokens[i].type === 'comma') {
        ArrayPrototypePush(parts, [from, i]);
        from = ++i;
      } else {
        i = skipValue(tokens, i, end);
      }
    }
    ArrayPrototypePush(parts, [from, end]);
    return parts;
  };
  const textOf = (source, tokens, start, end) => (start < end ? StringPrototypeSlice(source, tokens[start].start, tokens[end - 1].end) : '');

  // ---- Property values ---------------------------------------------------------------------
  const wideKeywords = ['initial', 'inherit', 'unset', 'revert', 'revert-layer'];
  const keywordSets = {
    __proto__: null,
    display: ['block', 'inline', 'inline-block', 'flex', 'inline-flex', 'grid', 'inline-grid', 'flow-root', 'list-item', 'contents',
      'none', 'table', 'inline-table', 'table-row-group', 'table-header-group', 'table-footer-group', 'table-row', 'table-cell',
      'table-column-group', 'table-column', 'table-caption', 'ruby', 'ruby-text', 'math', '-webkit-box', '-webkit-inline-box'],
    visibility: ['visible', 'hidden', 'collapse'],
    'pointer-events': ['auto', 'none', 'visiblepainted', 'visiblefill', 'visiblestroke', 'visible', 'painted', 'fill', 'stroke', 'all',
      'bounding-box'],
    'content-visibility': ['visible', 'auto', 'hidden'],
    'white-space': ['normal', 'pre', 'nowrap', 'pre-wrap', 'break-spaces', 'pre-line'],
    float: ['none', 'left', 'right', 'inline-start', 'inline-end'],
    position: ['static', 'relative', 'absolute', 'fixed', 'sticky'],
  };
  // Chrome's serialization of SVG's camel-cased keywords.
  const canonicalKeyword = { visiblepainted: 'visiblePainted', visiblefill: 'visibleFill', visiblestroke: 'visibleStroke' };
  // Two-keyword display values (CSS Display 3 §2) as the one-keyword value they equal.
  const displayPairs = {
    __proto__: null, 'block flow': 'block', 'inline flow': 'inline', 'inline flow-root': 'inline-block', 'block flow-root': 'flow-root',
    'block flex': 'flex', 'inline flex': 'inline-flex', 'block grid': 'grid', 'inline grid': 'inline-grid', 'block table': 'table',
    'inline table': 'inline-table', 'block flow list-item': 'list-item', 'list-item block': 'list-item', 'block list-item': 'list-item',
    'flow list-item': 'list-item', 'list-item flow': 'list-item', 'block ruby': 'block ruby', 'inline ruby': 'ruby',
  };
  const parsedProperties = ['display', 'visibility', 'opacity', 'pointer-events', 'content-visibility', 'white-space', 'text-transform',
    'float', 'position'];

  const hasVariable = (tokens, start, end) => {
    for (let i = start; i < end; i++) if (tokens[i].type === 'function' && lower(tokens[i].value) === 'var') return true;
    return false;
  };
  /// The specified value of `name` from the tokens [start, end) (trimmed), or null when invalid.
  const parseValue = (name, tokens, start, end) => {
    if (hasVariable(tokens, start, end)) return VARIABLE;
    const words = [];
    for (let i = start; i < end; i++) {
      const token = tokens[i];
      if (token.type === 'whitespace') continue;
      if (name === 'opacity' && end - start === 1) {
        if (token.type === 'number') return token.value;
        if (token.type === 'percentage') return token.value / 100;
        return null;
      }
      if (token.type !== 'ident') return null;
      ArrayPrototypePush(words, lower(token.value));
    }
    if (words.length === 0) return null;
    if (words.length === 1 && ArrayPrototypeIndexOf(wideKeywords, words[0]) >= 0) return words[0];
    if (name === 'text-transform') return parseTextTransform(words);
    if (name === 'display' && words.length > 1) {
      const pair = displayPairs[ArrayPrototypeJoin(words, ' ')];
      return pair === undefined ? null : pair;
    }
    const keywords = keywordSets[name];
    if (keywords === undefined || words.length !== 1 || ArrayPrototypeIndexOf(keywords, words[0]) < 0) return null;
    return canonicalKeyword[words[0]] ?? words[0];
  };
  /// CSS Text 3 §2.1: none | [capitalize | uppercase | lowercase] || full-width || full-size-kana.
  const parseTextTransform = (words) => {
    if (words.length === 1 && words[0] === 'none') return 'none';
    let letterCase = '', fullWidth = false, kana = false;
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (word === 'capitalize' || word === 'uppercase' || word === 'lowercase') {
        if (letterCase !== '') return null;
        letterCase = word;
      } else if (word === 'full-width' && !fullWidth) {
        fullWidth = true;
      } else if (word === 'full-size-kana' && !kana) {
        kana = true;
      } else {
        return null;
      }
    }
    const parts = [];
    if (letterCase !== '') ArrayPrototypePush(parts, letterCase);
    if (fullWidth) ArrayPrototypePush(parts, 'full-width');
    if (kana) ArrayPrototypePush(parts, 'full-size-kana');
    return ArrayPrototypeJoin(parts, ' ');
  };

  // ---- Declarations (§5.4.5, §5.4.6) --------------------------------------------------------
  /// The declarations of the block [start, end); later duplicates are kept (the cascade takes the last).
  const consumeDeclarations = (source, tokens, start, end) => {
    const declarations = [];
    let i = start;
    while (i < end) {
      const type = tokens[i].type;
      if (type === 'whitespace' || type === 'semicolon') { i++; continue; }
      let stop = i;
      while (stop < end && tokens[stop].type !== 'semicolon') stop = skipValue(tokens, stop, end);
      if (type === 'ident') {
        const declaration = consumeDeclaration(source, tokens, i, stop);
        if (declaration !== null) ArrayPrototypePush(declarations, declaration);
      }
      i = stop;
    }
    return declarations;
  };
  const consumeDeclaration = (source, tokens, start, end) => {
    const rawName = tokens[start].value;
    const name = StringPrototypeSlice(rawName, 0, 2) === '--' ? rawName : lower(rawName);
    let i = skipWhitespace(tokens, start + 1, end);
    if (i >= end || tokens[i].type !== 'colon') return null;
    let range = trimRange(tokens, i + 1, end);
    let from = range[0], to = range[1];
    let important = false;
    // `!` and `important` (whitespace allowed between) end the value (§5.4.6 step 5).
    if (to - from >= 2 && tokens[to - 1].type === 'ident' && lower(tokens[to - 1].value) === 'important') {
      let bang = to - 2;
      while (bang > from && tokens[bang].type === 'whitespace') bang--;
      if (tokens[bang].type === 'delim' && tokens[bang].value === '!') {
        important = true;
        range = trimRange(tokens, from, bang);
        from = range[0];
        to = range[1];
      }
    }
    if (from >= to && StringPrototypeSlice(name, 0, 2) !== '--') return null;
    let parsed;
    if (ArrayPrototypeIndexOf(parsedProperties, name) >= 0) {
      parsed = parseValue(name, tokens, from, to);
      if (parsed === null) return null;
    }
    return { name, value: textOf(source, tokens, from, to), important, parsed };
  };
  const parseDeclarationList = (text) => {
    const source = preprocess(`${text}`);
    const tokens = tokenize(source);
    return consumeDeclarations(source, tokens, 0, tokens.length);
  };

  // ---- Media queries (MQ4 §3) -------------------------------------------------------------
  // A query: { not, type, condition } (condition a node or null), or null for "not all".
  // Condition nodes: { kind: 'not' | 'and' | 'or', terms } | { kind: 'feature', name, op, value, op2?, value2? }
  // | { kind: 'unknown' } (general-enclosed); values are { number, unit } | { ratio } | { ident }.
  const reservedTypes = ['not', 'and', 'or', 'only', 'layer'];
  const parseMediaQuery = (tokens, start, end) => {
    const at = { i: skipWhitespace(tokens, start, end) };
    const next = () => { at.i = skipWhitespace(tokens, at.i, end); return at.i < end ? tokens[at.i] : null; };
    const first = next();
    if (first === null) return null;
    if (first.type === 'ident') {
      let word = lower(first.value);
      let not = false;
      if (word === 'not' || word === 'only') {
        const after = tokens[skipWhitespace(tokens, at.i + 1, end)];
        if (after !== undefined && after.type === 'ident') {
          not = word === 'not';
          at.i = skipWhitespace(tokens, at.i + 1, end);
          word = lower(tokens[at.i].value);
        }
      }
      if (word !== 'not') {
        if (ArrayPrototypeIndexOf(reservedTypes, word) >= 0) return null;
        at.i++;
        let token = next();
        if (token === null) return { not, type: word, condition: null };
        if (token.type !== 'ident' || lower(token.value) !== 'and') return null;
        at.i++;
        const condition = parseCondition(tokens, at, end, false);
        if (condition === null || next() !== null) return null;
        return { not, type: word, condition };
      }
    }
    const condition = parseCondition(tokens, at, end, true);
    if (condition === null || next() !== null) return null;
    return { not: false, type: 'all', condition };
  };
  /// <media-condition> (or <media-condition-without-or> when `allowOr` is false).
  const parseCondition = (tokens, at, end, allowOr) => {
    at.i = skipWhitespace(tokens, at.i, end);
    if (at.i >= end) return null;
    const token = tokens[at.i];
    if (token.type === 'ident' && lower(token.value) === 'not') {
      at.i++;
      const term = parseInParens(tokens, at, end);
      return term === null ? null : { kind: 'not', terms: [term] };
    }
    const first = parseInParens(tokens, at, end);
    if (first === null) return null;
    const terms = [first];
    let kind = null;
    for (;;) {
      at.i = skipWhitespace(tokens, at.i, end);
      if (at.i >= end || tokens[at.i].type !== 'ident') break;
      const word = lower(tokens[at.i].value);
      if ((word !== 'and' && word !== 'or') || (word === 'or' && !allowOr) || (kind !== null && kind !== word)) break;
      kind = word;
      at.i++;
      const term = parseInParens(tokens, at, end);
      if (term === null) return null;
      ArrayPrototypePush(terms, term);
    }
    return kind === null ? first : { kind, terms };
  };
  const parseInParens = (tokens, at, end) => {
    at.i = skipWhitespace(tokens, at.i, end);
    if (at.i >= end) return null;
    const token = tokens[at.i];
    const after = skipValue(tokens, at.i, end);
    if (token.type === 'function') { at.i = after; return { kind: 'unknown' }; }
    if (token.type !== '(') return null;
    const innerStart = at.i + 1;
    at.i = after;
    return parseParenContent(tokens, innerStart, tokens[after - 1].type === ')' ? after - 1 : after);
  };
  /// The inside of `( ... )`: a nested condition, a feature, or general-enclosed.
  const parseParenContent = (tokens, start, end) => {
    const nested = { i: start };
    const condition = parseCondition(tokens, nested, end, true);
    if (condition !== null && skipWhitespace(tokens, nested.i, end) === end) return condition;
    return parseFeature(tokens, start, end) ?? { kind: 'unknown' };
  };
  const comparisons = ['<', '>', '=', '<=', '>='];
  /// <media-feature>: plain `(name: value)`, boolean `(name)`, or range (MQ4 §2.4.3).
  const parseFeature = (tokens, start, end) => {
    const parts = [];
    for (let i = skipWhitespace(tokens, start, end); i < end; i = skipWhitespace(tokens, i, end)) {
      const token = tokens[i];
      if (token.type === 'delim' && (token.value === '<' || token.value === '>' || token.value === '=')) {
        let op = token.value;
        if (op !== '=' && i + 1 < end && tokens[i + 1].type === 'delim' && tokens[i + 1].value === '=') { op += '='; i++; }
        ArrayPrototypePush(parts, { op });
        i++;
        continue;
      }
      if (token.type === 'colon') { ArrayPrototypePush(parts, { colon: true }); i++; continue; }
      // A ratio: number / number.
      if (token.type === 'number') {
        const slash = skipWhitespace(tokens, i + 1, end);
        if (slash < end && tokens[slash].type === 'delim' && tokens[slash].value === '/') {
          const second = skipWhitespace(tokens, slash + 1, end);
          if (second < end && tokens[second].type === 'number') {
            ArrayPrototypePush(parts, { value: { ratio: tokens[second].value === 0 ? Infinity : token.value / tokens[second].value } });
            i = second + 1;
            continue;
          }
          return null;
        }
      }
      if (token.type === 'number' || token.type === 'dimension') ArrayPrototypePush(parts, { value: { number: token.value, unit: token.type === 'dimension' ? lower(token.unit) : '' } });
      else if (token.type === 'ident') ArrayPrototypePush(parts, { value: { ident: lower(token.value) } });
      else return null;
      i++;
    }
    const isName = (part) => part !== undefined && part.value !== undefined && part.value.ident !== undefined;
    if (parts.length === 1 && isName(parts[0])) return { kind: 'feature', name: parts[0].value.ident, op: null };
    if (parts.length === 3 && isName(parts[0]) && parts[1].colon && parts[2].value !== undefined) {
      return { kind: 'feature', name: parts[0].value.ident, op: ':', value: parts[2].value };
    }
    const isOp = (part) => part !== undefined && part.op !== undefined;
    if (parts.length === 3 && isOp(parts[1]) && parts[0].value !== undefined && parts[2].value !== undefined) {
      // `name op value` or `value op name`.
      if (isName(parts[0]) && parts[2].value.ident === undefined) return { kind: 'feature', name: parts[0].value.ident, op: parts[1].op, value: parts[2].value };
      if (isName(parts[2])) return { kind: 'feature', name: parts[2].value.ident, op: flip(parts[1].op), value: parts[0].value };
      return null;
    }
    if (parts.length === 5 && isOp(parts[1]) && isOp(parts[3]) && isName(parts[2]) && parts[0].value !== undefined && parts[4].value !== undefined) {
      const a = parts[1].op, b = parts[3].op;
      const less = (op) => op === '<' || op === '<=';
      const greater = (op) => op === '>' || op === '>=';
      if (!((less(a) && less(b)) || (greater(a) && greater(b)))) return null;
      return { kind: 'feature', name: parts[2].value.ident, op: flip(a), value: parts[0].value, op2: b, value2: parts[4].value };
    }
    return null;
  };
  const flip = (op) => (op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : '=');

  /// MQ4 §3.1: a media query list; each invalid query becomes null ("not all").
  const parseMediaList = (text) => {
    const source = preprocess(`${text}`);
    const tokens = tokenize(source);
    return mediaListFromTokens(source, tokens, 0, tokens.length);
  };
  const mediaListFromTokens = (source, tokens, start, end) => {
    const range = trimRange(tokens, start, end);
    const queries = [];
    if (range[0] === range[1]) return queries;
    const parts = splitCommas(tokens, range[0], range[1]);
    for (let i = 0; i < parts.length; i++) {
      const query = trimRange(tokens, parts[i][0], parts[i][1]);
      ArrayPrototypePush(queries, { text: textOf(source, tokens, query[0], query[1]), query: parseMediaQuery(tokens, query[0], query[1]) });
    }
    return queries;
  };
  const serializeMediaList = (queries) => {
    const parts = [];
    for (let i = 0; i < queries.length; i++) ArrayPrototypePush(parts, queries[i].query === null ? 'not all' : queries[i].text);
    return ArrayPrototypeJoin(parts, ', ');
  };

  // ---- Media evaluation (MQ4 §2.4, MQ5 user preferences) ----------------------------------------
  const TRUE = 1, FALSE = 0, UNKNOWN = -1;
  const matchMediaList = (queries, environment) => {
    if (queries.length === 0) return true;
    for (let i = 0; i < queries.length; i++) {
      const query = queries[i].query;
      if (query === null) continue;
      const typeMatches = query.type === 'all' || query.type === 'screen';
      let result = typeMatches ? (query.condition === null ? TRUE : evaluate(query.condition, environment)) : FALSE;
      if (result === UNKNOWN) result = FALSE;
      if (query.not) result = result === TRUE ? FALSE : TRUE;
      if (result === TRUE) return true;
    }
    return false;
  };
  const evaluate = (node, environment) => {
    switch (node.kind) {
      case 'not': {
        const value = evaluate(node.terms[0], environment);
        return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
      }
      case 'and': {
        let result = TRUE;
        for (let i = 0; i < node.terms.length; i++) {
          const value = evaluate(node.terms[i], environment);
          if (value === FALSE) return FALSE;
          if (value === UNKNOWN) result = UNKNOWN;
        }
        return result;
      }
      case 'or': {
        let result = FALSE;
        for (let i = 0; i < node.terms.length; i++) {
          const value = evaluate(node.terms[i], environment);
          if (value === TRUE) return TRUE;
          if (value === UNKNOWN) result = UNKNOWN;
        }
        return result;
      }
      case 'feature': return evaluateFeature(node, environment);
      default: return UNKNOWN;
    }
  };
  /// A length in CSS px (font-relative units against the initial 16px font), or NaN.
  const lengthInPixels = (value, environment) => {
    if (value.number === undefined) return NaN;
    const n = value.number;
    switch (value.unit) {
      case '': return n === 0 ? 0 : NaN;
      case 'px': return n;
      case 'em': case 'rem': return n * 16;
      case 'ex': return n * 8;
      case 'ch': return n * 8;
      case 'vw': return (n * environment.width) / 100;
      case 'vh': return (n * environment.height) / 100;
      case 'vmin': return (n * MathMin(environment.width, environment.height)) / 100;
      case 'vmax': return (n * MathMax(environment.width, environment.height)) / 100;
      case 'in': return n * 96;
      case 'cm': return (n * 96) / 2.54;
      case 'mm': return (n * 96) / 25.4;
      case 'q': return (n * 96) / 101.6;
      case 'pt': return (n * 96) / 72;
      case 'pc': return n * 16;
      default: return NaN;
    }
  };
  const resolutionInDppx = (value) => {
    if (value.number === undefined) return NaN;
    switch (value.unit) {
      case 'dppx': case 'x': return value.number;
      case 'dpi': return value.number / 96;
      case 'dpcm': return (value.number * 2.54) / 96;
      default: return NaN;
    }
  };
  // Discrete features: the environment's one value (MQ4 §4, §5; MQ5 §11).
  const discreteFeatures = {
    __proto__: null,
    'prefers-color-scheme': 'light', 'prefers-reduced-motion': 'no-preference', 'prefers-contrast': 'no-preference',
    'prefers-reduced-transparency': 'no-preference', 'forced-colors': 'none', 'inverted-colors': 'none', hover: 'hover',
    'any-hover': 'hover', pointer: 'fine', 'any-pointer': 'fine', scripting: 'enabled', update: 'fast', 'overflow-block': 'scroll',
    'overflow-inline': 'scroll', 'display-mode': 'browser', 'color-gamut': 'srgb', 'dynamic-range': 'standard',
    'video-dynamic-range': 'standard',
  };
  // The values each discrete feature accepts: other idents are unknown, not false.
  const discreteValues = {
    __proto__: null,
    'prefers-color-scheme': ['light', 'dark'], 'prefers-reduced-motion': ['no-preference', 'reduce'],
    'prefers-contrast': ['no-preference', 'less', 'more', 'custom'], 'prefers-reduced-transparency': ['no-preference', 'reduce'],
    'forced-colors': ['none', 'active'], 'inverted-colors': ['none', 'inverted'], hover: ['none', 'hover'], 'any-hover': ['none', 'hover'],
    pointer: ['none', 'coarse', 'fine'], 'any-pointer': ['none', 'coarse', 'fine'], scripting: ['none', 'initial-only', 'enabled'],
    update: ['none', 'slow', 'fast'], 'overflow-block': ['none', 'scroll', 'paged'], 'overflow-inline': ['none', 'scroll'],
    'display-mode': ['fullscreen', 'standalone', 'minimal-ui', 'browser', 'picture-in-picture', 'window-controls-overlay'],
    'color-gamut': ['srgb', 'p3', 'rec2020'], 'dynamic-range': ['standard', 'high'], 'video-dynamic-range': ['standard', 'high'],
    orientation: ['portrait', 'landscape'],
  };
  // Values in a boolean context are false for these (MQ4 §2.4.1).
  const falseInBooleanContext = ['none', 'no-preference'];
  const compare = (actual, op, expected) => {
    if (expected !== expected) return UNKNOWN;
    switch (op) {
      case ':': case '=': return actual === expected ? TRUE : FALSE;
      case '<': return actual < expected ? TRUE : FALSE;
      case '<=': return actual <= expected ? TRUE : FALSE;
      case '>': return actual > expected ? TRUE : FALSE;
      case '>=': return actual >= expected ? TRUE : FALSE;
      default: return UNKNOWN;
    }
  };
  const evaluateFeature = (feature, environment) => {
    let name = feature.name;
    let op = feature.op;
    // min-/max- prefixes are plain-syntax only (MQ4 §2.4.3).
    if (op === ':' && (StringPrototypeSlice(name, 0, 4) === 'min-' || StringPrototypeSlice(name, 0, 4) === 'max-')) {
      op = StringPrototypeSlice(name, 0, 4) === 'min-' ? '>=' : '<=';
      name = StringPrototypeSlice(name, 4);
      if (discreteFeatures[name] !== undefined || name === 'orientation' || name === 'grid') return UNKNOWN;
    } else if (op === ':' || op === null) {
      if (StringPrototypeSlice(name, 0, 4) === 'min-' || StringPrototypeSlice(name, 0, 4) === 'max-') return UNKNOWN;
    }
    if (StringPrototypeSlice(name, 0, 8) === '-webkit-') {
      if (name !== '-webkit-device-pixel-ratio' && name !== '-webkit-min-device-pixel-ratio' && name !== '-webkit-max-device-pixel-ratio') return UNKNOWN;
      if (name !== '-webkit-device-pixel-ratio') {
        if (feature.op !== ':') return UNKNOWN;
        op = name === '-webkit-min-device-pixel-ratio' ? '>=' : '<=';
      }
      name = '-webkit-device-pixel-ratio';
    }
    const { width, height } = environment;
    let actual;
    let kind = 'number';
    switch (name) {
      case 'width': case 'device-width': actual = width; kind = 'length'; break;
      case 'height': case 'device-height': actual = height; kind = 'length'; break;
      case 'aspect-ratio': case 'device-aspect-ratio': actual = width / height; kind = 'ratio'; break;
      case 'resolution': actual = 1; kind = 'resolution'; break;
      case '-webkit-device-pixel-ratio': actual = 1; break;
      case 'color': actual = 8; break;
      case 'color-index': case 'monochrome': case 'grid': actual = 0; break;
      case 'orientation': actual = height >= width ? 'portrait' : 'landscape'; kind = 'ident'; break;
      default:
        if (discreteFeatures[name] === undefined) return UNKNOWN;
        actual = discreteFeatures[name];
        kind = 'ident';
    }
    if (op === null) {
      if (kind === 'ident') return ArrayPrototypeIndexOf(falseInBooleanContext, actual) >= 0 ? FALSE : TRUE;
      return actual !== 0 ? TRUE : FALSE;
    }
    if (kind === 'ident') {
      const value = feature.value.ident;
      if (op !== ':' || value === undefined || ArrayPrototypeIndexOf(discreteValues[name], value) < 0) return UNKNOWN;
      return actual === value ? TRUE : FALSE;
    }
    const measure = (value) => {
      if (kind === 'length') return lengthInPixels(value, environment);
      if (kind === 'resolution') return resolutionInDppx(value);
      if (kind === 'ratio') return value.ratio !== undefined ? value.ratio : value.number !== undefined && value.unit === '' ? value.number : NaN;
      return value.number !== undefined && value.unit === '' ? value.number : NaN;
    };
    // `value op name` was flipped at parse time into `name op' value`.
    let result = compare(actual, op, measure(feature.value));
    if (feature.op2 !== undefined && result === TRUE) result = compare(actual, feature.op2, measure(feature.value2));
    return result;
  };

  // ---- @supports (CSS Conditional 3 §6) -------------------------------------------------------
  /// Whether the condition [start, end) holds: declarations of the computed properties are checked
  /// against their grammar; other properties are taken as supported unless prefixed `-moz-`/`-ms-`/`-o-`.
  const supportsCondition = (source, tokens, start, end) => {
    const at = { i: start };
    const result = parseSupports(source, tokens, at, end);
    return result !== null && skipWhitespace(tokens, at.i, end) === end ? result : false;
  };
  const parseSupports = (source, tokens, at, end) => {
    at.i = skipWhitespace(tokens, at.i, end);
    if (at.i >= end) return null;
    const token = tokens[at.i];
    if (token.type === 'ident' && lower(token.value) === 'not') {
      at.i++;
      const term = supportsInParens(source, tokens, at, end);
      return term === null ? null : !term;
    }
    let result = supportsInParens(source, tokens, at, end);
    if (result === null) return null;
    let kind = null;
    for (;;) {
      at.i = skipWhitespace(tokens, at.i, end);
      if (at.i >= end || tokens[at.i].type !== 'ident') break;
      const word = lower(tokens[at.i].value);
      if ((word !== 'and' && word !== 'or') || (kind !== null && kind !== word)) return null;
      kind = word;
      at.i++;
      const term = supportsInParens(source, tokens, at, end);
      if (term === null) return null;
      result = word === 'and' ? result && term : result || term;
    }
    return result;
  };
  const supportsInParens = (source, tokens, at, end) => {
    at.i = skipWhitespace(tokens, at.i, end);
    if (at.i >= end) return null;
    const token = tokens[at.i];
    const after = skipValue(tokens, at.i, end);
    const innerEnd = tokens[after - 1].type === ')' ? after - 1 : after;
    const innerStart = at.i + 1;
    at.i = after;
    if (token.type === 'function') {
      if (lower(token.value) !== 'selector') return false;
      try {
        const inner = trimRange(tokens, innerStart, innerEnd);
        selectors.compile(textOf(source, tokens, inner[0], inner[1]));
        return true;
      } catch {
        return false;
      }
    }
    if (token.type !== '(') return null;
    const nested = { i: innerStart };
    const condition = parseSupports(source, tokens, nested, innerEnd);
    if (condition !== null && skipWhitespace(tokens, nested.i, innerEnd) === innerEnd) return condition;
    const range = trimRange(tokens, innerStart, innerEnd);
    const from = range[0], to = range[1];
    if (from >= to || tokens[from].type !== 'ident') return false;
    const declaration = consumeDeclaration(source, tokens, from, to);
    if (declaration === null) return false;
    const name = declaration.name;
    return !(StringPrototypeSlice(name, 0, 5) === '-moz-' || StringPrototypeSlice(name, 0, 4) === '-ms-' || StringPrototypeSlice(name, 0, 3) === '-o-');
  };

  // ---- Rules (§5.4.1 - §5.4.3) -----------------------------------------------------------------
  /// The style rule's selectors, one compiled complex selector each, or null when the list is invalid.
  const compileSelectors = (source, tokens, start, end, namespaces) => {
    const list = [];
    const parts = splitCommas(tokens, start, end);
    for (let i = 0; i < parts.length; i++) {
      const range = trimRange(tokens, parts[i][0], parts[i][1]);
      const from = range[0], to = range[1];
      if (from === to) return null;
      let compiled;
      try {
        compiled = selectors.compile(textOf(source, tokens, from, to), namespaces);
      } catch {
        return null;
      }
      const complex = compiled.complexes[0];
      ArrayPrototypePush(list, { compiled, packed: complex.packed, key: compiled.key, pseudoElement: complex.pseudoElement });
    }
    return list;
  };
  const ignoredBlocks = ['container', 'scope', 'document', '-moz-document'];
  /// §5.4.1: the rules of [start, end); `state` carries @namespace declarations and whether @import is still allowed.
  const consumeRules = (source, tokens, start, end, state, topLevel) => {
    const rules = [];
    let i = start;
    while (i < end) {
      const token = tokens[i];
      if (token.type === 'whitespace' || (topLevel && (token.type === 'CDO' || token.type === 'CDC'))) { i++; continue; }
      // Prelude up to a `{}` block (or, for at-rules, a `;`).
      const atRule = token.type === 'at-keyword';
      let j = atRule ? i + 1 : i;
      while (j < end && tokens[j].type !== '{' && !(atRule && tokens[j].type === 'semicolon')) j = skipValue(tokens, j, end);
      const preludeStart = atRule ? i + 1 : i;
      const preludeEnd = j;
      let blockStart = -1, blockEnd = -1;
      if (j < end && tokens[j].type === '{') {
        blockStart = j + 1;
        const after = skipBlock(tokens, j, end);
        blockEnd = tokens[after - 1].type === '}' ? after - 1 : after;
        j = after;
      } else if (j < end) {
        j++;
      }
      const text = textOf(source, tokens, i, j);
      i = j;
      if (!atRule) {
        if (blockStart < 0) continue;
        state.importsAllowed = false;
        const range = trimRange(tokens, preludeStart, preludeEnd);
        const from = range[0], to = range[1];
        const compiled = compileSelectors(source, tokens, from, to, state.namespaces);
        if (compiled === null) continue;
        ArrayPrototypePush(rules, {
          type: 'style', selectorText: textOf(source, tokens, from, to), selectors: compiled,
          declarations: consumeDeclarations(source, tokens, blockStart, blockEnd),
        });
        continue;
      }
      const name = lower(token.value);
      const range = trimRange(tokens, preludeStart, preludeEnd);
      const from = range[0], to = range[1];
      if (name === 'charset') continue;
      if (name === 'import') {
        if (!topLevel || !state.importsAllowed || blockStart >= 0 || from >= to) continue;
        const first = tokens[from];
        let href = null;
        if (first.type === 'string' || first.type === 'url') href = first.value;
        else if (first.type === 'function' && lower(first.value) === 'url') {
          const inner = skipWhitespace(tokens, from + 1, to);
          if (inner < to && tokens[inner].type === 'string') href = tokens[inner].value;
        }
        if (href === null) continue;
        let mediaFrom = skipValue(tokens, from, to);
        // `layer` and `supports()` conditions: layers are not ordered; an unsupported import is skipped.
        mediaFrom = skipWhitespace(tokens, mediaFrom, to);
        if (mediaFrom < to && ((tokens[mediaFrom].type === 'ident' && lower(tokens[mediaFrom].value) === 'layer') || (tokens[mediaFrom].type === 'function' && lower(tokens[mediaFrom].value) === 'layer'))) {
          mediaFrom = skipWhitespace(tokens, skipValue(tokens, mediaFrom, to), to);
        }
        if (mediaFrom < to && tokens[mediaFrom].type === 'function' && lower(tokens[mediaFrom].value) === 'supports') {
          const after = skipValue(tokens, mediaFrom, to);
          const condition = supportsCondition(source, tokens, mediaFrom + 1, tokens[after - 1].type === ')' ? after - 1 : after);
          if (!condition) continue;
          mediaFrom = after;
        }
        const media = mediaListFromTokens(source, tokens, mediaFrom, to);
        const rule = { type: 'import', href, media, mediaText: serializeMediaList(media), text };
        ArrayPrototypePush(rules, rule);
        ArrayPrototypePush(state.imports, rule);
        continue;
      }
      if (name === 'namespace') {
        if (!topLevel || blockStart >= 0 || from >= to) continue;
        let prefix = null;
        let at = from;
        if (tokens[at].type === 'ident') { prefix = tokens[at].value; at = skipWhitespace(tokens, at + 1, to); }
        const value = tokens[at];
        let uri = null;
        if (value !== undefined && (value.type === 'string' || value.type === 'url')) uri = value.value;
        else if (value !== undefined && value.type === 'function' && lower(value.value) === 'url') {
          const inner = skipWhitespace(tokens, at + 1, to);
          if (inner < to && tokens[inner].type === 'string') uri = tokens[inner].value;
        }
        if (uri === null) continue;
        if (state.namespaces === undefined) state.namespaces = { default: undefined, prefixes: new Map() };
        if (prefix === null) state.namespaces.default = uri;
        else MapPrototypeSet(state.namespaces.prefixes, prefix, uri);
        ArrayPrototypePush(rules, { type: 'namespace', prefix, uri, text });
        continue;
      }
      if (name === 'layer' && blockStart < 0) continue;
      state.importsAllowed = false;
      if (blockStart < 0 || ArrayPrototypeIndexOf(ignoredBlocks, name) >= 0) continue;
      if (name === 'media') {
        const media = mediaListFromTokens(source, tokens, from, to);
        const children = consumeRules(source, tokens, blockStart, blockEnd, state, false);
        ArrayPrototypePush(rules, { type: 'media', media, mediaText: serializeMediaList(media), rules: children });
      } else if (name === 'supports') {
        const matches = supportsCondition(source, tokens, from, to);
        const children = consumeRules(source, tokens, blockStart, blockEnd, state, false);
        ArrayPrototypePush(rules, { type: 'supports', conditionText: textOf(source, tokens, from, to), matches, rules: children });
      } else if (name === 'layer') {
        const children = consumeRules(source, tokens, blockStart, blockEnd, state, false);
        ArrayPrototypePush(rules, { type: 'layer', name: textOf(source, tokens, from, to), rules: children });
      } else {
        ArrayPrototypePush(rules, { type: 'other', name, text });
      }
    }
    return rules;
  };

  /// §5.3.3: the rules of a stylesheet, and its @import rules (also among the rules) in order.
  const parseStylesheet = (text, options = undefined) => {
    const source = preprocess(`${text}`);
    const tokens = tokenize(source);
    const state = { namespaces: options?.namespaces, importsAllowed: true, imports: [] };
    const rules = consumeRules(source, tokens, 0, tokens.length, state, true);
    return { rules, imports: state.imports };
  };

  // ---- Serialization (CSSOM §6.7.2, with values as written) -----------------------------------
  const serializeDeclarations = (declarations) => {
    const parts = [];
    for (let i = 0; i < declarations.length; i++) {
      const { name, value, important } = declarations[i];
      ArrayPrototypePush(parts, `${name}: ${value}${important ? ' !important' : ''};`);
    }
    return ArrayPrototypeJoin(parts, ' ');
  };
  const serializeRule = (rule) => {
    switch (rule.type) {
      case 'style': {
        const body = serializeDeclarations(rule.declarations);
        return `${rule.selectorText} {${body === '' ? '' : ` ${body}`} }`;
      }
      case 'media': case 'supports': case 'layer': {
        const prelude = rule.type === 'media' ? `@media ${rule.mediaText}` : rule.type === 'supports' ? `@supports ${rule.conditionText}` : `@layer ${rule.name}`;
        let inner = '';
        for (let i = 0; i < rule.rules.length; i++) inner += `\n  ${serializeRule(rule.rules[i])}`;
        return `${prelude} {${inner}\n}`;
      }
      case 'import': return `@import url(${JSONQuote(rule.href)})${rule.mediaText === '' ? '' : ` ${rule.mediaText}`};`;
      case 'namespace': return `@namespace ${rule.prefix === null ? '' : `${serializeIdentifier(rule.prefix)} `}url(${JSONQuote(rule.uri)});`;
      default: return StringPrototypeTrim(rule.text);
    }
  };
  const JSONQuote = (value) => runtime['css-syntax'].serializeString(value);

  return ObjectFreeze({
    parseStylesheet, parseDeclarationList, parseMediaList, matchMediaList, serializeMediaList, serializeRule, serializeDeclarations,
    VARIABLE,
  });
}
