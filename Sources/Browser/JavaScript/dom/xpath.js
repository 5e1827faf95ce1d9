// XPath 1.0 (W3C Recommendation, 1999) over Caper's DOM, and the DOM Standard's XPath interfaces
// (§8: XPathEvaluator, XPathExpression, XPathResult; Document's evaluate, createExpression,
// createNSResolver), with HTML's rules for HTML documents (HTML §"Interactions with XPath and
// XSLT": an unprefixed name test matches elements of the HTML namespace by their lowercased name).
//
// Expressions are tokenized (§3.7, with its rules for `*` and operator names), parsed into a tree
// once (`createExpression` keeps it) and evaluated against the tree's internal slots, never through
// getters or methods a page can override. Node-sets are arrays in document order without
// duplicates; the full library of §4 (node-set, string, boolean and number functions) is there;
// variables are not (no binding API reaches them), nor the namespace axis (it selects nothing).
// Adjacent text nodes are separate nodes (as browsers have them). Errors: an expression that does
// not parse throws a DOMException "SyntaxError"; a prefix the resolver does not know,
// "NamespaceError"; reading a result as the wrong type, TypeError.
//
// Exports:
//   interfaces: { XPathResult, XPathExpression, XPathEvaluator }
//   select(expression, contextNode) -> Node[]   the nodes an expression selects, in document order
//                                               (the selector engine's `xpath=`); throws as above
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeSort, Error, Map, MapPrototypeGet, MapPrototypeSet, MathCeil, MathFloor, MathRound, Number,
    NumberIsInteger, NumberIsNaN, ObjectDefineProperty, ObjectFreeze, RegExpTest, Set, SetPrototypeAdd, SetPrototypeHas, String,
    StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeStartsWith, StringPrototypeToLowerCase,
    StringPrototypeSplit, StringPrototypeTrim, Symbol, TypeError,
  } = runtime.primordials;
  const { TYPE, DOCUMENT, PARENT, FIRST, NEXT, PREV, NAMESPACE, PREFIX, LOCAL, QUALIFIED, ATTRIBUTES, VALUE, OWNER, DATA, NAME,
    HTML_DOCUMENT, HTML_NS, XML_NS } = runtime.internals;
  const nodes = runtime.nodes;
  const { makeError } = runtime['dom-exception'];

  // ---- Tokens (§3.7) -------------------------------------------------------------------------------
  const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  const isDigit = (c) => c >= 0x30 && c <= 0x39;
  const isNameStart = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0xc0;
  const isNameChar = (c) => isNameStart(c) || isDigit(c) || c === 0x2d || c === 0x2e || c === 0xb7;
  const operatorNames = new Set(['and', 'or', 'mod', 'div']);
  const nodeTypes = new Set(['comment', 'text', 'processing-instruction', 'node']);
  const syntaxError = (expression) =>
    makeError('SyntaxError', `Failed to execute 'evaluate' on 'Document': The string '${expression}' is not a valid XPath expression.`);

  /// Tokens: { t: kind, v: value }. Kinds: 'op' (punctuation and operators), 'name' (a NameTest or
  /// a QName before `(` or `::`), 'lit', 'num', 'var', 'opname' (and, or, mod, div as operators).
  const tokenize = (expression) => {
    const tokens = [];
    const text = expression;
    let i = 0;
    const previousAllowsOperator = () => {
      if (tokens.length === 0) return false;
      const last = tokens[tokens.length - 1];
      if (last.t === 'opname') return false;
      if (last.t === 'op') return last.v === ')' || last.v === ']' || last.v === '.' || last.v === '..';
      return true;
    };
    while (i < text.length) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (isSpace(c)) { i++; continue; }
      const two = StringPrototypeSlice(text, i, i + 2);
      if (two === '//' || two === '::' || two === '..' || two === '!=' || two === '<=' || two === '>=') {
        ArrayPrototypePush(tokens, { t: 'op', v: two });
        i += 2;
        continue;
      }
      if (c === 0x2e && !isDigit(StringPrototypeCharCodeAt(text, i + 1))) { ArrayPrototypePush(tokens, { t: 'op', v: '.' }); i++; continue; }
      if (c === 0x22 || c === 0x27) {
        const end = StringPrototypeIndexOf(text, text[i], i + 1);
        if (end < 0) throw syntaxError(expression);
        ArrayPrototypePush(tokens, { t: 'lit', v: StringPrototypeSlice(text, i + 1, end) });
        i = end + 1;
        continue;
      }
      if (isDigit(c) || c === 0x2e) {
        let end = i;
        while (end < text.length && isDigit(StringPrototypeCharCodeAt(text, end))) end++;
        if (StringPrototypeCharCodeAt(text, end) === 0x2e) {
          end++;
          while (end < text.length && isDigit(StringPrototypeCharCodeAt(text, end))) end++;
        }
        ArrayPrototypePush(tokens, { t: 'num', v: Number(StringPrototypeSlice(text, i, end)) });
        i = end;
        continue;
      }
      if (c === 0x2a) {
        ArrayPrototypePush(tokens, previousAllowsOperator() ? { t: 'op', v: '*' } : { t: 'name', v: '*' });
        i++;
        continue;
      }
      if (StringPrototypeIndexOf('()[]@,/|+-=<>', text[i]) >= 0) { ArrayPrototypePush(tokens, { t: 'op', v: text[i] }); i++; continue; }
      if (c === 0x24 || isNameStart(c)) {
        const variable = c === 0x24;
        let end = variable ? i + 1 : i;
        const readNCName = () => {
          if (!isNameStart(StringPrototypeCharCodeAt(text, end))) throw syntaxError(expression);
          while (end < text.length && isNameChar(StringPrototypeCharCodeAt(text, end))) end++;
        };
        readNCName();
        // A QName (prefix:local) or a NameTest (prefix:*); not the `::` of an axis.
        if (text[end] === ':' && text[end + 1] !== ':') {
          end++;
          if (text[end] === '*') end++;
          else readNCName();
        }
        const name = StringPrototypeSlice(text, variable ? i + 1 : i, end);
        i = end;
        if (variable) ArrayPrototypePush(tokens, { t: 'var', v: name });
        else if (previousAllowsOperator() && SetPrototypeHas(operatorNames, name)) ArrayPrototypePush(tokens, { t: 'opname', v: name });
        else ArrayPrototypePush(tokens, { t: 'name', v: name });
        continue;
      }
      throw syntaxError(expression);
    }
    return tokens;
  };

  // ---- Parser (§2, §3) -----------------------------------------------------------------------------
  const axes = new Set(['ancestor', 'ancestor-or-self', 'attribute', 'child', 'descendant', 'descendant-or-self', 'following',
    'following-sibling', 'namespace', 'parent', 'preceding', 'preceding-sibling', 'self']);
  const parse = (expression) => {
    const tokens = tokenize(expression);
    let at = 0;
    const peek = (offset = 0) => tokens[at + offset];
    const isOp = (value, offset = 0) => peek(offset)?.t === 'op' && peek(offset).v === value;
    const isOpName = (value) => peek()?.t === 'opname' && peek().v === value;
    const fail = () => { throw syntaxError(expression); };
    const expect = (value) => { if (!isOp(value)) fail(); at++; };

    const binary = (next, operators, names = false) => () => {
      let left = next();
      for (;;) {
        const token = peek();
        if (token === undefined || !(names ? token.t === 'opname' : token.t === 'op') || !SetPrototypeHas(operators, token.v)) return left;
        at++;
        left = { k: 'binary', op: token.v, left, right: next() };
      }
    };
    const orExpr = () => binary(andExpr, new Set(['or']), true)();
    const andExpr = () => binary(equalityExpr, new Set(['and']), true)();
    const equalityExpr = () => binary(relationalExpr, new Set(['=', '!=']))();
    const relationalExpr = () => binary(additiveExpr, new Set(['<', '>', '<=', '>=']))();
    const additiveExpr = () => binary(multiplicativeExpr, new Set(['+', '-']))();
    const multiplicativeExpr = () => {
      let left = unaryExpr();
      for (;;) {
        if (isOp('*')) { at++; left = { k: 'binary', op: '*', left, right: unaryExpr() }; continue; }
        if (isOpName('div') || isOpName('mod')) { const op = peek().v; at++; left = { k: 'binary', op, left, right: unaryExpr() }; continue; }
        return left;
      }
    };
    const unaryExpr = () => {
      if (isOp('-')) { at++; return { k: 'negate', operand: unaryExpr() }; }
      return unionExpr();
    };
    const unionExpr = () => {
      let left = pathExpr();
      while (isOp('|')) { at++; left = { k: 'union', left, right: pathExpr() }; }
      return left;
    };
    const startsFilter = () => {
      const token = peek();
      if (token === undefined) return false;
      if (token.t === 'lit' || token.t === 'num' || token.t === 'var' || isOp('(')) return true;
      return token.t === 'name' && isOp('(', 1) && !SetPrototypeHas(nodeTypes, token.v);
    };
    const pathExpr = () => {
      if (!startsFilter()) return locationPath();
      let filter = primaryExpr();
      const predicates = [];
      while (isOp('[')) ArrayPrototypePush(predicates, predicate());
      if (predicates.length > 0) filter = { k: 'filter', primary: filter, predicates };
      if (isOp('/') || isOp('//')) {
        const steps = [];
        if (peek().v === '//') ArrayPrototypePush(steps, descendantOrSelf());
        at++;
        relativeSteps(steps);
        return { k: 'path', filter, absolute: false, steps };
      }
      return filter;
    };
    const descendantOrSelf = () => ({ axis: 'descendant-or-self', test: { type: 'node' }, predicates: [] });
    const locationPath = () => {
      const steps = [];
      if (isOp('/')) {
        at++;
        const next = peek();
        const startsStep = next !== undefined && (next.t === 'name' || isOp('@') || isOp('.') || isOp('..'));
        if (startsStep) relativeSteps(steps);
        return { k: 'path', filter: null, absolute: true, steps };
      }
      if (isOp('//')) {
        at++;
        ArrayPrototypePush(steps, descendantOrSelf());
        relativeSteps(steps);
        return { k: 'path', filter: null, absolute: true, steps };
      }
      relativeSteps(steps);
      return { k: 'path', filter: null, absolute: false, steps };
    };
    const relativeSteps = (steps) => {
      ArrayPrototypePush(steps, step());
      for (;;) {
        if (isOp('/')) { at++; ArrayPrototypePush(steps, step()); continue; }
        if (isOp('//')) { at++; ArrayPrototypePush(steps, descendantOrSelf()); ArrayPrototypePush(steps, step()); continue; }
        return;
      }
    };
    const step = () => {
      if (isOp('.')) { at++; return { axis: 'self', test: { type: 'node' }, predicates: [] }; }
      if (isOp('..')) { at++; return { axis: 'parent', test: { type: 'node' }, predicates: [] }; }
      let axis = 'child';
      if (isOp('@')) {
        at++;
        axis = 'attribute';
      } else if (peek()?.t === 'name' && isOp('::', 1)) {
        axis = peek().v;
        if (!SetPrototypeHas(axes, axis)) fail();
        at += 2;
      }
      const token = peek();
      if (token === undefined || token.t !== 'name') fail();
      at++;
      let test;
      if (SetPrototypeHas(nodeTypes, token.v) && isOp('(')) {
        at++;
        let literal = null;
        if (token.v === 'processing-instruction' && peek()?.t === 'lit') { literal = peek().v; at++; }
        expect(')');
        test = { type: token.v, literal };
      } else {
        test = { type: 'name', name: token.v };
      }
      const predicates = [];
      while (isOp('[')) ArrayPrototypePush(predicates, predicate());
      return { axis, test, predicates };
    };
    const predicate = () => {
      expect('[');
      const inner = orExpr();
      expect(']');
      return inner;
    };
    const primaryExpr = () => {
      const token = peek();
      if (token.t === 'lit') { at++; return { k: 'literal', value: token.v }; }
      if (token.t === 'num') { at++; return { k: 'number', value: token.v }; }
      if (token.t === 'var') { at++; return { k: 'variable', name: token.v }; }
      if (isOp('(')) {
        at++;
        const inner = orExpr();
        expect(')');
        return inner;
      }
      at += 2;
      const args = [];
      if (!isOp(')')) {
        ArrayPrototypePush(args, orExpr());
        while (isOp(',')) { at++; ArrayPrototypePush(args, orExpr()); }
      }
      expect(')');
      if (functions[token.v] === undefined) fail();
      return { k: 'call', name: token.v, args };
    };
    if (tokens.length === 0) fail();
    const tree = orExpr();
    if (at !== tokens.length) fail();
    return tree;
  };

  // ---- The data model (§5) over the DOM --------------------------------------------------------------
  const isHTMLDocument = (node) => {
    const document = node[TYPE] === 9 ? node : node[DOCUMENT];
    return document !== null && document !== undefined && document[HTML_DOCUMENT] === true;
  };
  const parentOf = (node) => (node[TYPE] === 2 ? node[OWNER] ?? null : node[PARENT] ?? null);
  const rootOf = (node) => {
    let root = node;
    for (let up = parentOf(root); up !== null; up = parentOf(up)) root = up;
    return root;
  };
  /// The nodes of the model among `node`'s children (no document type node).
  const childrenOf = (node) => {
    const result = [];
    if (node[TYPE] === 2) return result;
    for (let child = node[FIRST] ?? null; child !== null; child = child[NEXT]) if (child[TYPE] !== 10) ArrayPrototypePush(result, child);
    return result;
  };
  const stringValue = (node) => {
    switch (node[TYPE]) {
      case 2: return node[VALUE];
      case 3: case 4: case 7: case 8: return node[DATA];
      default: return nodes.descendantText(node);
    }
  };
  /// Document order: the position of every node of `root`'s tree (attributes after their element).
  const orderOf = (root) => {
    const order = new Map();
    let count = 0;
    const visit = (node) => {
      MapPrototypeSet(order, node, count++);
      if (node[TYPE] === 1) {
        const attributes = node[ATTRIBUTES];
        for (let i = 0; i < attributes.length; i++) MapPrototypeSet(order, attributes[i], count++);
      }
      for (let child = node[FIRST] ?? null; child !== null; child = child[NEXT]) visit(child);
    };
    visit(root);
    return order;
  };
  const inDocumentOrder = (list, context) => {
    if (list.length < 2) return list;
    const order = context.order ?? (context.order = orderOf(rootOf(list[0])));
    const unique = [];
    const seen = new Set();
    for (let i = 0; i < list.length; i++) if (!SetPrototypeHas(seen, list[i])) { SetPrototypeAdd(seen, list[i]); ArrayPrototypePush(unique, list[i]); }
    return ArrayPrototypeSort(unique, (a, b) => (MapPrototypeGet(order, a) ?? 0) - (MapPrototypeGet(order, b) ?? 0));
  };

  // ---- Axes (§2.2) in their own order (reverse axes nearest first) ----------------------------------
  const descendants = (node, into) => {
    const children = childrenOf(node);
    for (let i = 0; i < children.length; i++) {
      ArrayPrototypePush(into, children[i]);
      descendants(children[i], into);
    }
    return into;
  };
  const axisNodes = (axis, node) => {
    switch (axis) {
      case 'child': return childrenOf(node);
      case 'descendant': return descendants(node, []);
      case 'descendant-or-self': return descendants(node, [node]);
      case 'self': return [node];
      case 'parent': { const up = parentOf(node); return up === null ? [] : [up]; }
      case 'ancestor': case 'ancestor-or-self': {
        const result = axis === 'ancestor' ? [] : [node];
        for (let up = parentOf(node); up !== null; up = parentOf(up)) ArrayPrototypePush(result, up);
        return result;
      }
      case 'attribute': {
        const result = [];
        if (node[TYPE] === 1) for (let i = 0; i < node[ATTRIBUTES].length; i++) ArrayPrototypePush(result, node[ATTRIBUTES][i]);
        return result;
      }
      case 'following-sibling': case 'preceding-sibling': {
        const result = [];
        if (node[TYPE] === 2) return result;
        const step = axis === 'following-sibling' ? NEXT : PREV;
        for (let sibling = node[step] ?? null; sibling !== null; sibling = sibling[step]) if (sibling[TYPE] !== 10) ArrayPrototypePush(result, sibling);
        return result;
      }
      case 'following': {
        const result = [];
        const start = node[TYPE] === 2 ? node[OWNER] : node;
        if (start === null) return result;
        if (node[TYPE] === 2) descendants(start, result);
        for (let at = start; at !== null; at = parentOf(at)) {
          if (at[TYPE] === 2) continue;
          for (let sibling = at[NEXT] ?? null; sibling !== null; sibling = sibling[NEXT]) {
            if (sibling[TYPE] === 10) continue;
            ArrayPrototypePush(result, sibling);
            descendants(sibling, result);
          }
        }
        return result;
      }
      case 'preceding': {
        const result = [];
        const start = node[TYPE] === 2 ? node[OWNER] : node;
        if (start === null) return result;
        const ancestors = new Set();
        for (let up = parentOf(start); up !== null; up = parentOf(up)) SetPrototypeAdd(ancestors, up);
        // Every node before `start` in document order that is not an ancestor, nearest first.
        const before = [];
        const visit = (at) => {
          if (at === start) return true;
          if (at !== rootOf(start) && !SetPrototypeHas(ancestors, at)) ArrayPrototypePush(before, at);
          const children = childrenOf(at);
          for (let i = 0; i < children.length; i++) if (visit(children[i])) return true;
          return false;
        };
        visit(rootOf(start));
        for (let i = before.length - 1; i >= 0; i--) ArrayPrototypePush(result, before[i]);
        return result;
      }
      default: return [];
    }
  };
  const reverseAxes = new Set(['ancestor', 'ancestor-or-self', 'preceding', 'preceding-sibling']);

  // ---- Node tests (§2.3) -----------------------------------------------------------------------------
  const matchesTest = (test, node, axis, context) => {
    const type = node[TYPE];
    switch (test.type) {
      case 'node': return true;
      case 'text': return type === 3 || type === 4;
      case 'comment': return type === 8;
      case 'processing-instruction': return type === 7 && (test.literal === null || node[NAME] === test.literal);
      default: break;
    }
    const principal = axis === 'attribute' ? 2 : 1;
    if (type !== principal) return false;
    const name = test.name;
    if (name === '*') return true;
    const colon = StringPrototypeIndexOf(name, ':');
    if (colon >= 0) {
      const namespace = context.resolve(StringPrototypeSlice(name, 0, colon));
      const local = StringPrototypeSlice(name, colon + 1);
      return node[NAMESPACE] === namespace && (local === '*' || node[LOCAL] === local);
    }
    if (principal === 1 && node[NAMESPACE] === HTML_NS && isHTMLDocument(node)) return node[LOCAL] === StringPrototypeToLowerCase(name);
    return node[NAMESPACE] === null && node[LOCAL] === name;
  };

  // ---- Values and conversions (§3, §4) ---------------------------------------------------------------
  const isNodeSet = (value) => typeof value === 'object' && value !== null;
  /// normalize-space(): runs of XML whitespace become one space, none at the ends.
  const normalizeSpace = (text) => {
    let out = '';
    let pending = false;
    for (let i = 0; i < text.length; i++) {
      if (isSpace(StringPrototypeCharCodeAt(text, i))) { pending = out !== ''; continue; }
      if (pending) out += ' ';
      pending = false;
      out += text[i];
    }
    return out;
  };
  const toStringValue = (value) => {
    if (isNodeSet(value)) return value.length === 0 ? '' : stringValue(value[0]);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'number') return numberToString(value);
    return value;
  };
  const numberToString = (value) => {
    if (NumberIsNaN(value)) return 'NaN';
    if (value === 1 / 0) return 'Infinity';
    if (value === -1 / 0) return '-Infinity';
    if (value === 0) return '0';
    if (NumberIsInteger(value) && (value >= 1e21 || value <= -1e21)) return BigIntString(value);
    return String(value);
  };
  const BigIntString = (value) => runtime.primordials.BigIntPrototypeToString(runtime.primordials.BigInt(value));
  const numberPattern = /^[\x20\x09\x0a\x0d]*-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[\x20\x09\x0a\x0d]*$/;
  const toNumber = (value) => {
    if (typeof value === 'number') return value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    const text = toStringValue(value);
    return RegExpTest(numberPattern, text) ? Number(StringPrototypeTrim(text)) : 0 / 0;
  };
  const toBoolean = (value) => {
    if (isNodeSet(value)) return value.length > 0;
    if (typeof value === 'number') return value !== 0 && !NumberIsNaN(value);
    if (typeof value === 'string') return value.length > 0;
    return value;
  };
  const compareAtoms = (op, a, b) => {
    if (op === '=' || op === '!=') {
      let equal;
      if (typeof a === 'boolean' || typeof b === 'boolean') equal = toBoolean(a) === toBoolean(b);
      else if (typeof a === 'number' || typeof b === 'number') equal = toNumber(a) === toNumber(b);
      else equal = toStringValue(a) === toStringValue(b);
      return op === '=' ? equal : !equal;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    switch (op) {
      case '<': return x < y;
      case '>': return x > y;
      case '<=': return x <= y;
      default: return x >= y;
    }
  };
  /// §3.4: a comparison where either side may be a node-set.
  const compare = (op, a, b) => {
    if (isNodeSet(a) && isNodeSet(b)) {
      for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (compareAtoms(op, stringValue(a[i]), stringValue(b[j]))) return true;
      return false;
    }
    if (isNodeSet(a) || isNodeSet(b)) {
      const set = isNodeSet(a) ? a : b;
      const other = isNodeSet(a) ? b : a;
      if (typeof other === 'boolean') return isNodeSet(a) ? compareAtoms(op, toBoolean(set), other) : compareAtoms(op, other, toBoolean(set));
      for (let i = 0; i < set.length; i++) {
        const atom = typeof other === 'number' ? toNumber(stringValue(set[i])) : stringValue(set[i]);
        if (isNodeSet(a) ? compareAtoms(op, atom, other) : compareAtoms(op, other, atom)) return true;
      }
      return false;
    }
    return compareAtoms(op, a, b);
  };

  // ---- The core function library (§4) ---------------------------------------------------------------
  const argument = (args, i, context, convert) => convert(evaluate(args[i], context));
  const contextString = (args, context) => (args.length === 0 ? stringValue(context.node) : argument(args, 0, context, toStringValue));
  const nodeSetArgument = (args, i, context) => {
    const value = evaluate(args[i], context);
    if (!isNodeSet(value)) throw new TypeError('The argument is not a node-set.');
    return value;
  };
  const nameOf = (node, qualified) => {
    const type = node[TYPE];
    if (type === 1 || type === 2) {
      if (!qualified) return node[LOCAL];
      return type === 1 && node[NAMESPACE] === HTML_NS && isHTMLDocument(node) ? node[LOCAL] : node[QUALIFIED];
    }
    return type === 7 ? node[NAME] : '';
  };
  const functions = {
    __proto__: null,
    last: (args, context) => context.size,
    position: (args, context) => context.position,
    count: (args, context) => nodeSetArgument(args, 0, context).length,
    id: (args, context) => {
      const value = evaluate(args[0], context);
      let ids = '';
      if (isNodeSet(value)) for (let i = 0; i < value.length; i++) ids += ` ${stringValue(value[i])}`;
      else ids = toStringValue(value);
      const root = rootOf(context.node);
      const found = [];
      const words = StringPrototypeSplit(normalizeSpace(ids), ' ');
      for (let i = 0; i < words.length; i++) {
        if (words[i] === '') continue;
        const element = nodes.getElementById(root, words[i]);
        if (element !== null) ArrayPrototypePush(found, element);
      }
      return inDocumentOrder(found, context);
    },
    'local-name': (args, context) => {
      const set = args.length === 0 ? [context.node] : nodeSetArgument(args, 0, context);
      return set.length === 0 ? '' : nameOf(set[0], false);
    },
    'namespace-uri': (args, context) => {
      const set = args.length === 0 ? [context.node] : nodeSetArgument(args, 0, context);
      return set.length === 0 ? '' : set[0][NAMESPACE] ?? '';
    },
    name: (args, context) => {
      const set = args.length === 0 ? [context.node] : nodeSetArgument(args, 0, context);
      return set.length === 0 ? '' : nameOf(set[0], true);
    },
    string: (args, context) => contextString(args, context),
    concat: (args, context) => {
      if (args.length < 2) throw new TypeError('concat() needs two arguments at least.');
      let out = '';
      for (let i = 0; i < args.length; i++) out += argument(args, i, context, toStringValue);
      return out;
    },
    'starts-with': (args, context) => StringPrototypeStartsWith(argument(args, 0, context, toStringValue), argument(args, 1, context, toStringValue)),
    contains: (args, context) => StringPrototypeIndexOf(argument(args, 0, context, toStringValue), argument(args, 1, context, toStringValue)) >= 0,
    'substring-before': (args, context) => {
      const text = argument(args, 0, context, toStringValue);
      const at = StringPrototypeIndexOf(text, argument(args, 1, context, toStringValue));
      return at < 0 ? '' : StringPrototypeSlice(text, 0, at);
    },
    'substring-after': (args, context) => {
      const text = argument(args, 0, context, toStringValue);
      const part = argument(args, 1, context, toStringValue);
      const at = StringPrototypeIndexOf(text, part);
      return at < 0 ? '' : StringPrototypeSlice(text, at + part.length);
    },
    substring: (args, context) => {
      const text = argument(args, 0, context, toStringValue);
      const start = MathRound(argument(args, 1, context, toNumber));
      const end = args.length > 2 ? start + MathRound(argument(args, 2, context, toNumber)) : 1 / 0;
      let out = '';
      // §4.2: the characters whose position p (from 1) has start <= p < end (NaN excludes all).
      for (let p = 1; p <= text.length; p++) if (p >= start && p < end) out += text[p - 1];
      return out;
    },
    'string-length': (args, context) => contextString(args, context).length,
    'normalize-space': (args, context) => normalizeSpace(contextString(args, context)),
    translate: (args, context) => {
      const text = argument(args, 0, context, toStringValue);
      const from = argument(args, 1, context, toStringValue);
      const to = argument(args, 2, context, toStringValue);
      let out = '';
      for (let i = 0; i < text.length; i++) {
        const at = StringPrototypeIndexOf(from, text[i]);
        if (at < 0) out += text[i];
        else if (at < to.length) out += to[at];
      }
      return out;
    },
    boolean: (args, context) => argument(args, 0, context, toBoolean),
    not: (args, context) => !argument(args, 0, context, toBoolean),
    true: () => true,
    false: () => false,
    lang: (args, context) => {
      const wanted = StringPrototypeToLowerCase(argument(args, 0, context, toStringValue));
      for (let node = context.node; node !== null; node = parentOf(node)) {
        if (node[TYPE] !== 1) continue;
        const attributes = node[ATTRIBUTES];
        for (let i = 0; i < attributes.length; i++) {
          const attribute = attributes[i];
          if (attribute[LOCAL] === 'lang' && (attribute[NAMESPACE] === XML_NS || (attribute[NAMESPACE] === null && attribute[PREFIX] === null))) {
            const lang = StringPrototypeToLowerCase(attribute[VALUE]);
            return lang === wanted || StringPrototypeStartsWith(lang, `${wanted}-`);
          }
        }
      }
      return false;
    },
    number: (args, context) => (args.length === 0 ? toNumber(stringValue(context.node)) : argument(args, 0, context, toNumber)),
    sum: (args, context) => {
      let total = 0;
      const set = nodeSetArgument(args, 0, context);
      for (let i = 0; i < set.length; i++) total += toNumber(stringValue(set[i]));
      return total;
    },
    floor: (args, context) => MathFloor(argument(args, 0, context, toNumber)),
    ceiling: (args, context) => MathCeil(argument(args, 0, context, toNumber)),
    round: (args, context) => {
      const value = argument(args, 0, context, toNumber);
      return NumberIsNaN(value) || value === 1 / 0 || value === -1 / 0 ? value : MathFloor(value + 0.5);
    },
  };

  // ---- Evaluation ------------------------------------------------------------------------------------
  /// Filters `list` (in its axis's order) by `predicates`, each seeing positions in that order.
  const filtered = (list, predicates, context) => {
    let current = list;
    for (let p = 0; p < predicates.length; p++) {
      const predicate = predicates[p];
      const kept = [];
      for (let i = 0; i < current.length; i++) {
        const value = evaluate(predicate, { ...context, node: current[i], position: i + 1, size: current.length });
        if (typeof value === 'number' ? value === i + 1 : toBoolean(value)) ArrayPrototypePush(kept, current[i]);
      }
      current = kept;
    }
    return current;
  };
  const evaluatePath = (expression, context) => {
    let current;
    if (expression.filter !== null) {
      current = evaluate(expression.filter, context);
      if (!isNodeSet(current)) throw new TypeError('The expression does not give a node-set.');
    } else {
      current = [expression.absolute ? rootOf(context.node) : context.node];
    }
    for (let s = 0; s < expression.steps.length; s++) {
      const step = expression.steps[s];
      const next = [];
      for (let n = 0; n < current.length; n++) {
        const candidates = axisNodes(step.axis, current[n]);
        const matching = [];
        for (let i = 0; i < candidates.length; i++) if (matchesTest(step.test, candidates[i], step.axis, context)) ArrayPrototypePush(matching, candidates[i]);
        const selected = filtered(matching, step.predicates, context);
        for (let i = 0; i < selected.length; i++) ArrayPrototypePush(next, selected[i]);
      }
      current = inDocumentOrder(next, context);
    }
    return current;
  };
  const evaluate = (expression, context) => {
    switch (expression.k) {
      case 'literal': return expression.value;
      case 'number': return expression.value;
      case 'variable': throw makeError('NamespaceError', `The variable $${expression.name} is not bound.`);
      case 'negate': return -toNumber(evaluate(expression.operand, context));
      case 'call': return functions[expression.name](expression.args, context);
      case 'path': return evaluatePath(expression, context);
      case 'filter': {
        const set = evaluate(expression.primary, context);
        if (!isNodeSet(set)) throw new TypeError('Only a node-set can have predicates.');
        return filtered(set, expression.predicates, context);
      }
      case 'union': {
        const left = evaluate(expression.left, context);
        const right = evaluate(expression.right, context);
        if (!isNodeSet(left) || !isNodeSet(right)) throw new TypeError('The operands of | must be node-sets.');
        const both = [];
        for (let i = 0; i < left.length; i++) ArrayPrototypePush(both, left[i]);
        for (let i = 0; i < right.length; i++) ArrayPrototypePush(both, right[i]);
        return inDocumentOrder(both, context);
      }
      case 'binary': {
        const { op } = expression;
        if (op === 'or') return toBoolean(evaluate(expression.left, context)) || toBoolean(evaluate(expression.right, context));
        if (op === 'and') return toBoolean(evaluate(expression.left, context)) && toBoolean(evaluate(expression.right, context));
        const left = evaluate(expression.left, context);
        const right = evaluate(expression.right, context);
        switch (op) {
          case '+': return toNumber(left) + toNumber(right);
          case '-': return toNumber(left) - toNumber(right);
          case '*': return toNumber(left) * toNumber(right);
          case 'div': return toNumber(left) / toNumber(right);
          case 'mod': return toNumber(left) % toNumber(right);
          default: return compare(op, left, right);
        }
      }
      default: throw new Error(`XPath: unknown expression ${expression.k}`);
    }
  };
  const contextFor = (node, resolver) => ({
    node, position: 1, size: 1, order: null,
    resolve: (prefix) => {
      let namespace = null;
      if (prefix === 'xml') namespace = XML_NS;
      else if (typeof resolver === 'function') namespace = resolver(prefix);
      else if (resolver !== null && resolver !== undefined && typeof resolver.lookupNamespaceURI === 'function') namespace = resolver.lookupNamespaceURI(prefix);
      if (namespace === null || namespace === undefined || namespace === '') {
        throw makeError('NamespaceError', `The prefix '${prefix}' is not bound to a namespace.`);
      }
      return String(namespace);
    },
  });
  const checkNode = (node, method) => {
    if (node === null || typeof node !== 'object' || typeof node[TYPE] !== 'number') {
      throw new TypeError(`Failed to execute '${method}': parameter 2 is not of type 'Node'.`);
    }
  };

  // ---- XPathResult (DOM §8.3) ---------------------------------------------------------------------------
  const S = { type: Symbol('resultType'), value: Symbol('value'), nodes: Symbol('nodes'), index: Symbol('index'), version: Symbol('version'),
    document: Symbol('document') };
  let constructing = false;
  const types = ['ANY_TYPE', 'NUMBER_TYPE', 'STRING_TYPE', 'BOOLEAN_TYPE', 'UNORDERED_NODE_ITERATOR_TYPE', 'ORDERED_NODE_ITERATOR_TYPE',
    'UNORDERED_NODE_SNAPSHOT_TYPE', 'ORDERED_NODE_SNAPSHOT_TYPE', 'ANY_UNORDERED_NODE_TYPE', 'FIRST_ORDERED_NODE_TYPE'];
  const wrongType = (name) => { throw new TypeError(`Failed to read the '${name}' property from 'XPathResult': The result type is not ${name === 'numberValue' ? 'a number' : name === 'stringValue' ? 'a string' : name === 'booleanValue' ? 'a boolean' : name === 'singleNodeValue' ? 'a single node' : name === 'snapshotLength' ? 'a snapshot' : 'an iterator'}.`); };
  class XPathResult {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    get resultType() { return this[S.type]; }
    get numberValue() { if (this[S.type] !== 1) wrongType('numberValue'); return this[S.value]; }
    get stringValue() { if (this[S.type] !== 2) wrongType('stringValue'); return this[S.value]; }
    get booleanValue() { if (this[S.type] !== 3) wrongType('booleanValue'); return this[S.value]; }
    get singleNodeValue() { if (this[S.type] !== 8 && this[S.type] !== 9) wrongType('singleNodeValue'); return this[S.nodes][0] ?? null; }
    get invalidIteratorState() {
      return (this[S.type] === 4 || this[S.type] === 5) && this[S.document] !== null && this[S.document][runtime.internals.VERSION] !== this[S.version];
    }
    get snapshotLength() { if (this[S.type] !== 6 && this[S.type] !== 7) wrongType('snapshotLength'); return this[S.nodes].length; }
    iterateNext() {
      if (this[S.type] !== 4 && this[S.type] !== 5) wrongType('iterateNext');
      if (this.invalidIteratorState) throw makeError('InvalidStateError', "Failed to execute 'iterateNext' on 'XPathResult': The document has mutated since the result was returned.");
      return this[S.nodes][this[S.index]++] ?? null;
    }
    snapshotItem(index) {
      if (this[S.type] !== 6 && this[S.type] !== 7) wrongType('snapshotItem');
      return this[S.nodes][Number(index)] ?? null;
    }
  }
  for (let i = 0; i < types.length; i++) {
    ObjectDefineProperty(XPathResult, types[i], { value: i, enumerable: true });
    ObjectDefineProperty(XPathResult.prototype, types[i], { value: i, enumerable: true });
  }
  const makeResult = (value, type, node) => {
    let resultType = Number(type) >>> 0;
    if (resultType > 9) throw makeError('NotSupportedError', `The result type '${type}' is not supported.`);
    if (resultType === 0) resultType = isNodeSet(value) ? 4 : typeof value === 'number' ? 1 : typeof value === 'string' ? 2 : 3;
    constructing = true;
    const result = new XPathResult();
    constructing = false;
    result[S.type] = resultType;
    if (resultType === 1) result[S.value] = toNumber(value);
    else if (resultType === 2) result[S.value] = toStringValue(value);
    else if (resultType === 3) result[S.value] = toBoolean(value);
    else {
      if (!isNodeSet(value)) throw new TypeError("Failed to execute 'evaluate': The result is not a node set, and therefore cannot be converted to the desired type.");
      result[S.nodes] = value;
      result[S.index] = 0;
      const document = node[TYPE] === 9 ? node : node[DOCUMENT] ?? null;
      result[S.document] = document;
      result[S.version] = document === null ? 0 : document[runtime.internals.VERSION];
    }
    return result;
  };

  // ---- XPathExpression, XPathEvaluator (DOM §8.1, §8.2) ------------------------------------------------
  const TREE = Symbol('tree');
  const RESOLVER = Symbol('resolver');
  class XPathExpression {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    evaluate(contextNode, type = 0, result = null) {
      checkNode(contextNode, 'evaluate');
      return makeResult(evaluate(this[TREE], contextFor(contextNode, this[RESOLVER])), type, contextNode);
    }
  }
  const createExpression = (expression, resolver = null) => {
    const tree = parse(String(expression));
    constructing = true;
    const made = new XPathExpression();
    constructing = false;
    made[TREE] = tree;
    made[RESOLVER] = resolver;
    return made;
  };
  const evaluatorMembers = {
    createExpression(expression, resolver = null) { return createExpression(expression, resolver); },
    createNSResolver(nodeResolver) { return nodeResolver; },
    evaluate(expression, contextNode, resolver = null, type = 0, result = null) {
      checkNode(contextNode, 'evaluate');
      return createExpression(expression, resolver).evaluate(contextNode, type, result);
    },
  };
  class XPathEvaluator {}
  nodes.mixin(evaluatorMembers, XPathEvaluator, nodes.interfaces.Document);

  /// The nodes `expression` selects from `contextNode`, in document order (Caper's own callers:
  /// the selector engine's `xpath=`); a non-node-set result selects nothing.
  const select = (expression, contextNode) => {
    const value = evaluate(parse(String(expression)), contextFor(contextNode, null));
    return isNodeSet(value) ? value : [];
  };

  const interfaces = { XPathResult, XPathExpression, XPathEvaluator };
  for (const name in interfaces) ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  return ObjectFreeze({ ...interfaces, interfaces: ObjectFreeze(interfaces), select });
}
