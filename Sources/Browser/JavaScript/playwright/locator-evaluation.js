// Locator evaluation in the page realm: what Playwright's injected script does for a locator once
// its selector string is built (injectedScript.ts's strict mode, previewNode, elementState and
// expect; frames.ts's reads and its rules for an expect that matched no element; selectorGenerator.ts
// and locatorGenerators.ts for the "aka" locators of a strict-mode violation; ariaSnapshot.ts and
// ariaSnapshotRenderer.ts for `ariaSnapshot()`), without layout: visibility is the selector engine's
// isElementVisible, and every element is "stable".
//
// Installed after the DOM runtime, the cascade, `aria` and `selector-engine`. The tree is read
// through internal slots and the runtime modules' functions, built-ins through runtime.primordials,
// so page code that replaces prototypes, getters or globals changes no answer (but 'to.have.property',
// which reads the page's own JavaScript property, as Playwright does in the main world).
// Every value returned is a primitive or an object/array without prototype; the JSON variants
// stringify with the captured JSON.stringify, for the support realm.
//
// Errors carry Playwright's texts (the source file is named where each is thrown).
//
// Exports:
//   resolve(root, selector, description, strict) -> Element[]   (strict: throws the strict mode violation)
//   preview(node) -> string                                 injectedScript's previewNode
//   generateSelector(element) -> string                     selectorGenerator's selector (internal:* engines)
//   asLocator(selector) -> string                           the JavaScript locator text of a generated selector
//   setTestIdAttribute(name)                                the attribute getByTestId uses (default data-testid)
//   elementState(element, state) -> boolean                 visible hidden enabled disabled editable checked
//                                                           unchecked mixed indeterminate focused stable attached
//   read(element, name, arg) -> string | null               textContent innerText innerHTML inputValue getAttribute ariaSnapshot
//   ariaSnapshot(element) -> string                         Playwright's aria snapshot YAML (mode 'default')
//   expect(elements, expression, params, document) -> { matches, received, missing }
//   expectJSON(elements, expression, params, document) -> string   readJSON(element, name, arg) -> string
(host, runtime) => {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSort, ArrayPrototypeSplice, Error,
    JSONStringify, Map, MapPrototypeGet, MapPrototypeSet, MathMin, Number, NumberIsInteger, NumberIsNaN, NumberNaN,
    NumberPrototypeToString, ObjectCreate, ObjectFreeze, ObjectKeys, ObjectPrototypeHasOwnProperty,
    ObjectSetPrototypeOf, ReflectGet, RegExp, RegExpPrototypeExec, RegExpTest, SplitString, String, StringPrototypeCharCodeAt,
    StringPrototypeEndsWith, StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeRepeat, StringPrototypeSlice,
    StringPrototypeStartsWith, StringPrototypeToLocaleLowerCase, StringPrototypeToLowerCase, StringPrototypeToUpperCase,
    StringPrototypeTrim, StringPrototypeTrimEnd, StringPrototypeTrimStart, JSONParse,
  } = runtime.primordials;
  const { safeArray } = runtime['safe-array-iterator'];
  const { TYPE, DOCUMENT, PARENT, FIRST, NEXT, LOCAL, NAMESPACE, QUALIFIED, ATTRIBUTES, VALUE, DATA, SHADOW, MODE, HOST, URL, HTML_NS,
    SVG_NS } = runtime.internals;
  const { getAttributeOrNull, descendantText, childTextContent, nodeName, following, getElementById, documentElement } = runtime.nodes;
  const elements = runtime.elements;
  const { inputType, checkedness, isIndeterminate, labelControl, isSelected, controlValue, stripAndCollapse, FOCUSED } = elements;
  const cascade = runtime.cascade;
  const engine = runtime['selector-engine'];
  const aria = runtime.aria;
  const { querySelectorAll, isElementVisible } = engine;
  const normalizeWhiteSpace = aria.normalizeWhiteSpace;

  const ELEMENT = 1;
  const TEXT = 3;
  const DOCUMENT_NODE = 9;
  const FRAGMENT = 11;
  const fail = (message) => { throw new Error(message); };

  // ---- Plain values for the support realm ------------------------------------------------------------
  const record = (fields) => ObjectSetPrototypeOf(fields, null);
  const list = (items) => ObjectSetPrototypeOf(items, null);
  /** A copy of a page value that JSON can carry: primitives; arrays and plain objects without prototypes (depth-limited). */
  const plain = (value, depth = 0) => {
    if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
    if (depth > 8) return null;
    if (ArrayIsArray(value)) {
      const out = [];
      for (let i = 0; i < value.length; i++) { const item = plain(value[i], depth + 1); ArrayPrototypePush(out, item === undefined ? null : item); }
      return list(out);
    }
    const out = ObjectCreate(null);
    for (const key of safeArray(ObjectKeys(value))) { const item = plain(value[key], depth + 1); if (item !== undefined) out[key] = item; }
    return out;
  };

  // ---- Tree helpers --------------------------------------------------------------------------------
  const isElement = (node) => node !== null && node !== undefined && node[TYPE] === ELEMENT;
  const isHTML = (node, name) => isElement(node) && node[NAMESPACE] === HTML_NS && node[LOCAL] === name;
  const isOneOfHTML = (node, names) => isElement(node) && node[NAMESPACE] === HTML_NS && ArrayPrototypeIndexOf(names, node[LOCAL]) >= 0;
  const hasAttribute = (element, name) => getAttributeOrNull(element, name) !== null;
  const lowerAttribute = (element, name) => { const value = getAttributeOrNull(element, name); return value === null ? null : StringPrototypeToLowerCase(value); };
  const role = (element) => aria.role(element);
  const parentElement = (node) => { const parent = node[PARENT]; return isElement(parent) ? parent : null; };
  /** Playwright's parentElementOrShadowHost. */
  const parentOrHost = (node) => {
    const parent = node[PARENT];
    if (parent === null || parent === undefined) return null;
    if (parent[TYPE] === ELEMENT) return parent;
    if (parent[TYPE] === FRAGMENT && parent[HOST]) return parent[HOST];
    return null;
  };
  const closest = (element, test) => {
    for (let node = element; node !== null; node = parentElement(node)) if (test(node)) return node;
    return null;
  };
  const contains = (ancestor, node) => {
    for (let at = node; at !== null && at !== undefined; at = at[PARENT]) if (at === ancestor) return true;
    return false;
  };
  const isConnected = (node) => elements.isConnected(node);
  const hasRole = (element, roles) => ArrayPrototypeIndexOf(roles, hasAttribute(element, 'role') ? lowerAttribute(element, 'role') : '') >= 0;
  /** HTMLElement.isContentEditable: in an editing host, not below a contenteditable=false. */
  const isContentEditable = (element) => {
    for (let node = element; node !== null; node = parentElement(node)) {
      const value = getAttributeOrNull(node, 'contenteditable');
      if (value === null) continue;
      const lowered = StringPrototypeToLowerCase(value);
      if (lowered === 'false') return false;
      if (lowered === '' || lowered === 'true' || lowered === 'plaintext-only') return true;
    }
    return false;
  };
  const isSpace = (c) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
  /** `text.split(/\s+/).filter(Boolean)`. */
  const words = (text) => {
    const result = [];
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const space = i === text.length || isSpace(StringPrototypeCharCodeAt(text, i));
      if (space && start >= 0) { ArrayPrototypePush(result, StringPrototypeSlice(text, start, i)); start = -1; } else if (!space && start < 0) start = i;
    }
    return result;
  };
  /** Every occurrence of `from` in `text` replaced by `to` (no RegExp, so no Symbol.replace lookup). */
  const replaceAll = (text, from, to) => ArrayPrototypeJoin(SplitString(text, from), to);

  /** injectedScript's retarget(node, behavior). */
  const retarget = (node, behavior) => {
    let element = isElement(node) ? node : parentElement(node);
    if (element === null) return null;
    if (behavior === 'none') return element;
    const isControl = (e) => isOneOfHTML(e, ['input', 'textarea', 'select']);
    if (!isControl(element) && !isContentEditable(element)) {
      const test = behavior === 'button-link'
        ? (e) => isHTML(e, 'button') || isHTML(e, 'a') || hasRole(e, ['button', 'link'])
        : (e) => isHTML(e, 'button') || hasRole(e, ['button', 'checkbox', 'radio']);
      element = closest(element, test) ?? element;
    }
    if (behavior === 'follow-label') {
      const interactive = isOneOfHTML(element, ['a', 'input', 'textarea', 'button', 'select']) || hasRole(element, ['link', 'button', 'checkbox', 'radio']);
      if (!interactive && !isContentEditable(element)) {
        const label = closest(element, (e) => isHTML(e, 'label'));
        const control = label === null ? null : labelControl(label);
        if (control !== null && control !== undefined) element = control;
      }
    }
    return element;
  };

  // ---- States (roleUtils.ts) -----------------------------------------------------------------------------
  const { checked: kAriaCheckedRoles, pressed: kAriaPressedRoles, selected: kAriaSelectedRoles, expanded: kAriaExpandedRoles,
    level: kAriaLevelRoles } = aria.stateRoles;
  const kAriaReadonlyRoles = ['checkbox', 'combobox', 'grid', 'gridcell', 'listbox', 'radiogroup', 'slider', 'spinbutton', 'textbox',
    'columnheader', 'rowheader', 'searchbox', 'switch', 'treegrid'];
  const kAriaDisabledRoles = ['application', 'button', 'composite', 'gridcell', 'group', 'input', 'link', 'menuitem', 'scrollbar',
    'separator', 'tab', 'checkbox', 'columnheader', 'combobox', 'grid', 'listbox', 'menu', 'menubar', 'menuitemcheckbox',
    'menuitemradio', 'option', 'radio', 'radiogroup', 'row', 'rowheader', 'searchbox', 'select', 'slider', 'spinbutton', 'switch',
    'tablist', 'textbox', 'toolbar', 'tree', 'treegrid', 'treeitem'];
  const roleIn = (element, roles) => ArrayPrototypeIndexOf(roles, role(element) ?? '') >= 0;
  /** getChecked: true, false, 'mixed' (allowMixed) or 'error' (not a checkbox or radio). */
  const getChecked = (element, allowMixed) => {
    const input = isHTML(element, 'input');
    if (allowMixed && input && isIndeterminate(element)) return 'mixed';
    if (input) {
      const type = inputType(element);
      if (type === 'checkbox' || type === 'radio') return checkedness(element);
    }
    if (roleIn(element, kAriaCheckedRoles)) {
      const checked = getAttributeOrNull(element, 'aria-checked');
      if (checked === 'true') return true;
      if (allowMixed && checked === 'mixed') return 'mixed';
      return false;
    }
    return 'error';
  };
  const getReadonly = (element) => {
    if (isOneOfHTML(element, ['input', 'textarea', 'select'])) return hasAttribute(element, 'readonly');
    if (roleIn(element, kAriaReadonlyRoles)) return getAttributeOrNull(element, 'aria-readonly') === 'true';
    if (isContentEditable(element)) return false;
    return 'error';
  };
  const belongsToDisabledFieldSet = (element) => {
    const fieldset = closest(element, (e) => isHTML(e, 'fieldset') && hasAttribute(e, 'disabled'));
    if (fieldset === null) return false;
    let legend = null;
    for (let child = fieldset[FIRST]; child !== null && legend === null; child = child[NEXT]) if (isHTML(child, 'legend')) legend = child;
    return legend === null || !contains(legend, element);
  };
  const isNativelyDisabled = (element) => {
    if (!isOneOfHTML(element, ['button', 'input', 'select', 'textarea', 'option', 'optgroup'])) return false;
    if (hasAttribute(element, 'disabled')) return true;
    if (isHTML(element, 'option') && closest(element, (e) => isHTML(e, 'optgroup') && hasAttribute(e, 'disabled')) !== null) return true;
    return belongsToDisabledFieldSet(element);
  };
  const hasAriaDisabledInChain = (element) => {
    for (let node = element; node !== null; node = parentOrHost(node)) {
      const value = lowerAttribute(node, 'aria-disabled') ?? '';
      if (value === 'true') return true;
      if (value === 'false') return false;
    }
    return false;
  };
  /** roleUtils' getAriaDisabled. */
  const getAriaDisabled = (element) => isNativelyDisabled(element) || (roleIn(element, kAriaDisabledRoles) && hasAriaDisabledInChain(element));
  const getAriaExpanded = (element) => {
    if (!roleIn(element, kAriaExpandedRoles)) return undefined;
    const value = getAttributeOrNull(element, 'aria-expanded');
    return value === 'true' ? true : value === 'false' ? false : undefined;
  };
  const headingLevels = ObjectFreeze({ __proto__: null, h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 });
  const getAriaLevel = (element) => {
    if (element[NAMESPACE] === HTML_NS && headingLevels[element[LOCAL]] !== undefined) return headingLevels[element[LOCAL]];
    if (roleIn(element, kAriaLevelRoles)) {
      const value = getAttributeOrNull(element, 'aria-level');
      const level = value === null ? NumberNaN : Number(value);
      if (NumberIsInteger(level) && level >= 1) return level;
    }
    return 0;
  };
  const getAriaPressed = (element) => {
    if (!roleIn(element, kAriaPressedRoles)) return false;
    const value = getAttributeOrNull(element, 'aria-pressed');
    return value === 'true' ? true : value === 'mixed' ? 'mixed' : false;
  };
  const getAriaSelected = (element) => {
    if (isHTML(element, 'option')) return isSelected(element);
    return roleIn(element, kAriaSelectedRoles) && lowerAttribute(element, 'aria-selected') === 'true';
  };
  const isFocused = (element) => {
    const document = element[DOCUMENT];
    return document !== null && document !== undefined && document[FOCUSED] === element;
  };

  /** injectedScript's elementState: `{ matches, received }`, with its errors. */
  const stateResult = (node, state) => {
    const element = retarget(node, state === 'visible' || state === 'hidden' ? 'none' : 'follow-label');
    if (element === null || !isConnected(element)) {
      if (state === 'hidden') return { matches: true, received: 'hidden' };
      return { matches: false, received: 'error:notconnected' };
    }
    if (state === 'visible' || state === 'hidden') {
      const visible = isElementVisible(element);
      return { matches: state === 'visible' ? visible : !visible, received: visible ? 'visible' : 'hidden' };
    }
    if (state === 'disabled' || state === 'enabled') {
      const disabled = getAriaDisabled(element);
      return { matches: state === 'disabled' ? disabled : !disabled, received: disabled ? 'disabled' : 'enabled' };
    }
    if (state === 'editable') {
      const disabled = getAriaDisabled(element);
      const readonly = getReadonly(element);
      // injectedScript.ts elementState
      if (readonly === 'error') fail('Element is not an <input>, <textarea>, <select> or [contenteditable] and does not have a role allowing [aria-readonly]');
      return { matches: !disabled && !readonly, received: disabled ? 'disabled' : readonly ? 'readOnly' : 'editable' };
    }
    if (state === 'checked' || state === 'unchecked') {
      const checked = getChecked(element, false);
      if (checked === 'error') fail('Not a checkbox or radio button'); // injectedScript.ts elementState
      return { matches: (state === 'checked') === checked, received: checked ? 'checked' : 'unchecked' };
    }
    if (state === 'indeterminate' || state === 'mixed') {
      const checked = getChecked(element, true);
      if (checked === 'error') fail('Not a checkbox or radio button');
      return { matches: checked === 'mixed', received: checked === true ? 'checked' : checked === false ? 'unchecked' : 'mixed' };
    }
    if (state === 'focused') { const focused = isFocused(element); return { matches: focused, received: focused ? 'focused' : 'inactive' }; }
    if (state === 'stable' || state === 'attached') return { matches: true, received: 'attached' };
    return fail(`Unexpected element state "${state}"`);
  };
  const elementState = (element, state) => {
    const name = String(state);
    if (name === 'attached') return isElement(element) && isConnected(element);
    return stateResult(element, name).matches;
  };

  // ---- previewNode (injectedScript.ts) ------------------------------------------------------------------
  const autoClosingTags = ['AREA', 'BASE', 'BR', 'COL', 'COMMAND', 'EMBED', 'HR', 'IMG', 'INPUT', 'KEYGEN', 'LINK', 'MENUITEM', 'META', 'PARAM',
    'SOURCE', 'TRACK', 'WBR'];
  const booleanAttributes = ['checked', 'selected', 'disabled', 'readonly', 'multiple'];
  const oneLine = (text) => replaceAll(replaceAll(text, '\n', '\u21b5'), '\t', '\u21c6');
  /** stringUtils' trimStringWithEllipsis: at most `cap` code points, the last an ellipsis when cut. */
  const trimWithEllipsis = (input, cap) => {
    if (input.length <= cap) return input;
    const points = [];
    for (let i = 0; i < input.length; i++) {
      const c = StringPrototypeCharCodeAt(input, i);
      const paired = c >= 0xd800 && c <= 0xdbff && i + 1 < input.length && (StringPrototypeCharCodeAt(input, i + 1) & 0xfc00) === 0xdc00;
      ArrayPrototypePush(points, StringPrototypeSlice(input, i, paired ? i + 2 : i + 1));
      if (paired) i++;
    }
    if (points.length > cap) return ArrayPrototypeJoin(ArrayPrototypeSlice(points, 0, cap - 1), '') + '\u2026';
    return input;
  };
  const preview = (node) => {
    if (node[TYPE] === TEXT) return oneLine(`#text=${node[DATA] ?? ''}`);
    const lowerName = StringPrototypeToLowerCase(nodeName(node));
    if (node[TYPE] !== ELEMENT) return oneLine(`<${lowerName} />`);
    const attrs = [];
    for (const attribute of safeArray(node[ATTRIBUTES])) {
      const name = attribute[QUALIFIED];
      const value = attribute[VALUE];
      if (name === 'style') continue;
      ArrayPrototypePush(attrs, !value && ArrayPrototypeIndexOf(booleanAttributes, name) >= 0 ? ` ${name}` : ` ${name}="${value}"`);
    }
    ArrayPrototypeSort(attrs, (a, b) => a.length - b.length);
    const attrText = trimWithEllipsis(ArrayPrototypeJoin(attrs, ''), 500);
    if (ArrayPrototypeIndexOf(autoClosingTags, nodeName(node)) >= 0) return oneLine(`<${lowerName}${attrText}/>`);
    let count = 0;
    let onlyText = true;
    for (let child = node[FIRST]; child !== null; child = child[NEXT]) { count++; if (child[TYPE] !== TEXT) onlyText = false; }
    if (count > 5) onlyText = false;
    const text = onlyText ? descendantText(node) : (count > 0 ? '\u2026' : '');
    return oneLine(`<${lowerName}${attrText}>${trimWithEllipsis(text, 50)}</${lowerName}>`);
  };

  // ---- Selector generation (selectorGenerator.ts) -------------------------------------------------------
  let testIdAttributeName = 'data-testid';
  const setTestIdAttribute = (name) => { testIdAttributeName = String(name); };
  const kTextScoreRange = 10;
  const kExactPenalty = kTextScoreRange / 2;
  const kTestIdScore = 1;
  const kOtherTestIdScore = 2;
  const kBeginPenalizedScore = 50;
  const kRoleWithNameScore = 100;
  const kPlaceholderScore = 120;
  const kLabelScore = 140;
  const kAltTextScore = 160;
  const kTextScore = 180;
  const kTitleScore = 200;
  const kTextScoreRegex = 250;
  const kEndPenalizedScore = 300;
  const kCSSIdScore = 500;
  const kRoleWithoutNameScore = 510;
  const kCSSInputTypeNameScore = 520;
  const kCSSTagNameScore = 530;
  const kNthScore = 10000;
  const kCSSFallbackScore = 10000000;

  const token = (engine, selector, score, extra) => ({ __proto__: null, engine, selector, score, extra: extra ?? null });
  /** stringUtils' escapeForAttributeSelector / escapeForTextSelector for strings. */
  const attributeValue = (value, exact) => `"${replaceAll(replaceAll(value, '\\', '\\\\'), '"', '\\"')}"${exact ? 's' : 'i'}`;
  const textValue = (text, exact) => `${JSONStringify(text)}${exact ? 's' : 'i'}`;
  const quoteCSSAttributeValue = (text) => `"${replaceAll(replaceAll(text, '\\', '\\\\'), '"', '\\"')}"`;
  const regexSpecials = '.*+?^${}()|[]\\';
  const escapeRegExp = (text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) out += (StringPrototypeIndexOf(regexSpecials, text[i]) >= 0 ? '\\' : '') + text[i];
    return out;
  };
  /** `/^text$/` as escapeRegexForSelector writes it (quotes after an even run of backslashes escaped, `>>` escaped). */
  const exactTextRegex = (text) => {
    const literal = `/^${replaceAll(escapeRegExp(text), '/', '\\/')}$/`;
    let out = '';
    let backslashes = 0;
    for (let i = 0; i < literal.length; i++) {
      const c = literal[i];
      if ((c === '"' || c === "'" || c === '`') && backslashes % 2 === 0) out += '\\';
      backslashes = c === '\\' ? backslashes + 1 : 0;
      out += c;
    }
    return replaceAll(out, '>>', '\\>\\>');
  };
  const penalize = (tokens) => {
    for (const t of safeArray(tokens)) {
      if (t.score > kBeginPenalizedScore && t.score < kEndPenalizedScore) t.score += MathMin(kTextScoreRange, (t.selector.length / 10) | 0);
    }
  };
  const leadingNumber = /^([\d.,]+)[^.,\w]/;
  const trailingNumber = /[^.,\w]([\d.,]+)$/;
  const wordBoundary = /^(.*)\b(.+?)$/;
  const trimWordBoundary = (text, maxLength) => {
    if (text.length <= maxLength) return text;
    const cut = StringPrototypeSlice(text, 0, maxLength);
    const match = RegExpPrototypeExec(wordBoundary, cut);
    return match === null ? '' : StringPrototypeTrimEnd(match[1]);
  };
  const suitableTextAlternatives = (text) => {
    let result = [];
    const leading = RegExpPrototypeExec(leadingNumber, text);
    if (leading !== null && leading[1].length > 0) {
      const alt = trimWordBoundary(StringPrototypeTrimStart(StringPrototypeSlice(text, leading[1].length)), 80);
      ArrayPrototypePush(result, { text: alt, scoreBonus: alt.length <= 30 ? 2 : 1 });
    }
    const trailing = RegExpPrototypeExec(trailingNumber, text);
    if (trailing !== null && trailing[1].length > 0) {
      const alt = trimWordBoundary(StringPrototypeTrimEnd(StringPrototypeSlice(text, 0, text.length - trailing[1].length)), 80);
      ArrayPrototypePush(result, { text: alt, scoreBonus: alt.length <= 30 ? 2 : 1 });
    }
    if (text.length <= 30) {
      ArrayPrototypePush(result, { text, scoreBonus: 0 });
    } else {
      ArrayPrototypePush(result, { text: trimWordBoundary(text, 80), scoreBonus: 0 });
      ArrayPrototypePush(result, { text: trimWordBoundary(text, 30), scoreBonus: 1 });
    }
    const kept = [];
    for (const r of safeArray(result)) if (r.text) ArrayPrototypePush(kept, r);
    result = kept;
    if (result.length === 0) ArrayPrototypePush(result, { text: StringPrototypeSlice(text, 0, 80), scoreBonus: 0 });
    return result;
  };
  const escapeNodeName = (element) => {
    const name = StringPrototypeToLowerCase(nodeName(element));
    let out = '';
    for (let i = 0; i < name.length; i++) out += (name[i] === ':' || name[i] === '.' ? '\\' : '') + name[i];
    return out;
  };
  const cssEscapeCharacter = (s, i) => {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 0) return '\ufffd';
    if ((c >= 1 && c <= 0x1f) || (c >= 0x30 && c <= 0x39 && (i === 0 || (i === 1 && StringPrototypeCharCodeAt(s, 0) === 0x2d)))) return '\\' + NumberPrototypeToString(c, 16) + ' ';
    if (i === 0 && c === 0x2d && s.length === 1) return '\\' + s[i];
    if (c >= 0x80 || c === 0x2d || c === 0x5f || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return s[i];
    return '\\' + s[i];
  };
  const escapeClassName = (name) => { let out = ''; for (let i = 0; i < name.length; i++) out += cssEscapeCharacter(name, i); return out; };
  const idPattern = /^[a-zA-Z][a-zA-Z0-9\-_]+$/;
  const makeSelectorForId = (id) => (RegExpTest(idPattern, id) ? '#' + id : `[id=${quoteCSSAttributeValue(id)}]`);
  const isGuidLike = (id) => {
    let last;
    let transitions = 0;
    for (let i = 0; i < id.length; ++i) {
      const c = id[i];
      if (c === '-' || c === '_') continue;
      const type = c >= 'a' && c <= 'z' ? 'lower' : c >= 'A' && c <= 'Z' ? 'upper' : c >= '0' && c <= '9' ? 'digit' : 'other';
      if (type === 'lower' && last === 'upper') { last = type; continue; }
      if (last && last !== type) ++transitions;
      last = type;
    }
    return transitions >= id.length / 4;
  };
  const privateUseOnly = /^\p{Co}+$/u;
  const joinTokens = (tokens) => {
    const parts = [];
    let lastEngine = '';
    for (const { engine: name, selector } of safeArray(tokens)) {
      if (parts.length > 0 && (lastEngine !== 'css' || name !== 'css' || StringPrototypeStartsWith(selector, ':nth-match('))) ArrayPrototypePush(parts, '>>');
      lastEngine = name;
      ArrayPrototypePush(parts, name === 'css' ? selector : `${name}=${selector}`);
    }
    return ArrayPrototypeJoin(parts, ' ');
  };
  const combineScores = (tokens) => {
    let score = 0;
    for (let i = 0; i < tokens.length; i++) score += tokens[i].score * (tokens.length - i);
    return score;
  };
  const concat = (a, b) => { const out = ArrayPrototypeSlice(a); for (const x of safeArray(b)) ArrayPrototypePush(out, x); return out; };
  const textOf = (element) => normalizeWhiteSpace(engine.elementText(element));
  /**
   * WAI-ARIA 1.2 aria-errormessage, as Playwright's toHaveAccessibleErrorMessage reads it: while
   * the element is invalid (`aria-invalid` present and not "false"), the text of the elements its
   * `aria-errormessage` names, joined by spaces; else ''.
   */
  const accessibleErrorMessage = (element) => {
    const invalid = getAttributeOrNull(element, 'aria-invalid');
    if (invalid === null || invalid === 'false') return '';
    const ids = getAttributeOrNull(element, 'aria-errormessage');
    if (ids === null) return '';
    const parts = [];
    let id = '';
    const take = () => {
      if (id === '') return;
      const target = getElementById(runtime.nodes.rootOf(element), id);
      if (target !== null) ArrayPrototypePush(parts, normalizeWhiteSpace(descendantText(target)));
      id = '';
    };
    for (let i = 0; i < ids.length; i++) {
      const c = ids[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r') take();
      else id += c;
    }
    take();
    return ArrayPrototypeJoin(parts, ' ');
  };

  const buildNoTextCandidates = (element, options) => {
    const candidates = [];
    for (const attr of safeArray(['data-testid', 'data-test-id', 'data-test'])) {
      const value = getAttributeOrNull(element, attr);
      if (attr !== testIdAttributeName && value) ArrayPrototypePush(candidates, token('css', `[${attr}=${quoteCSSAttributeValue(value)}]`, kOtherTestIdScore));
    }
    const id = getAttributeOrNull(element, 'id');
    if (id && !isGuidLike(id)) ArrayPrototypePush(candidates, token('css', makeSelectorForId(id), kCSSIdScore));
    ArrayPrototypePush(candidates, token('css', escapeNodeName(element), kCSSTagNameScore));
    const testId = getAttributeOrNull(element, testIdAttributeName);
    if (testId) ArrayPrototypePush(candidates, token('internal:testid', `[${testIdAttributeName}=${attributeValue(testId, true)}]`, kTestIdScore));
    if (isOneOfHTML(element, ['input', 'textarea'])) {
      const placeholder = getAttributeOrNull(element, 'placeholder');
      if (placeholder) {
        ArrayPrototypePush(candidates, token('internal:attr', `[placeholder=${attributeValue(placeholder, true)}]`, kPlaceholderScore + kExactPenalty));
        for (const alt of safeArray(suitableTextAlternatives(placeholder))) {
          ArrayPrototypePush(candidates, token('internal:attr', `[placeholder=${attributeValue(alt.text, false)}]`, kPlaceholderScore - alt.scoreBonus));
        }
      }
    }
    for (const label of safeArray(engine.elementLabels(element, !!options.noText))) {
      ArrayPrototypePush(candidates, token('internal:label', textValue(label, true), kLabelScore + kExactPenalty));
      for (const alt of safeArray(suitableTextAlternatives(label))) ArrayPrototypePush(candidates, token('internal:label', textValue(alt.text, false), kLabelScore - alt.scoreBonus));
    }
    const ariaRole = role(element);
    if (ariaRole && ariaRole !== 'none' && ariaRole !== 'presentation') ArrayPrototypePush(candidates, token('internal:role', ariaRole, kRoleWithoutNameScore));
    const name = getAttributeOrNull(element, 'name');
    if (name && isOneOfHTML(element, ['button', 'form', 'fieldset', 'frame', 'iframe', 'input', 'keygen', 'object', 'output', 'select', 'textarea', 'map', 'meta', 'param'])) {
      ArrayPrototypePush(candidates, token('css', `${escapeNodeName(element)}[name=${quoteCSSAttributeValue(name)}]`, kCSSInputTypeNameScore));
    }
    const type = getAttributeOrNull(element, 'type');
    if (isOneOfHTML(element, ['input', 'textarea']) && type !== 'hidden' && type) {
      ArrayPrototypePush(candidates, token('css', `${escapeNodeName(element)}[type=${quoteCSSAttributeValue(type)}]`, kCSSInputTypeNameScore));
    }
    if (isOneOfHTML(element, ['input', 'textarea', 'select']) && type !== 'hidden') ArrayPrototypePush(candidates, token('css', escapeNodeName(element), kCSSInputTypeNameScore + 1));
    penalize(candidates);
    return candidates;
  };
  const buildTextCandidates = (element, isTargetNode, options) => {
    if (isHTML(element, 'select')) return [];
    const candidates = [];
    if (!options.noText) {
      const title = getAttributeOrNull(element, 'title');
      if (title) {
        ArrayPrototypePush(candidates, [token('internal:attr', `[title=${attributeValue(title, true)}]`, kTitleScore + kExactPenalty)]);
        for (const alt of safeArray(suitableTextAlternatives(title))) ArrayPrototypePush(candidates, [token('internal:attr', `[title=${attributeValue(alt.text, false)}]`, kTitleScore - alt.scoreBonus)]);
      }
      const alt = getAttributeOrNull(element, 'alt');
      if (alt && isOneOfHTML(element, ['applet', 'area', 'img', 'input'])) {
        ArrayPrototypePush(candidates, [token('internal:attr', `[alt=${attributeValue(alt, true)}]`, kAltTextScore + kExactPenalty)]);
        for (const a of safeArray(suitableTextAlternatives(alt))) ArrayPrototypePush(candidates, [token('internal:attr', `[alt=${attributeValue(a.text, false)}]`, kAltTextScore - a.scoreBonus)]);
      }
    }
    const text = options.noText ? '' : textOf(element);
    const alternatives = text ? suitableTextAlternatives(text) : [];
    if (text) {
      if (isTargetNode) {
        if (text.length <= 80) ArrayPrototypePush(candidates, [token('internal:text', textValue(text, true), kTextScore + kExactPenalty)]);
        for (const alt of safeArray(alternatives)) ArrayPrototypePush(candidates, [token('internal:text', textValue(alt.text, false), kTextScore - alt.scoreBonus)]);
      }
      const cssToken = token('css', escapeNodeName(element), kCSSTagNameScore);
      for (const alt of safeArray(alternatives)) ArrayPrototypePush(candidates, [cssToken, token('internal:has-text', textValue(alt.text, false), kTextScore - alt.scoreBonus)]);
      if (isTargetNode && text.length <= 80) ArrayPrototypePush(candidates, [cssToken, token('internal:has-text', exactTextRegex(text), kTextScoreRegex)]);
    }
    const ariaRole = role(element);
    if (ariaRole && ariaRole !== 'none' && ariaRole !== 'presentation') {
      // Approximation of accessibleName.derivedFromContent: the name equals the element's own text.
      const fullName = normalizeWhiteSpace(aria.accessibleName(element, false));
      const ariaName = options.noText && fullName === text ? '' : fullName;
      if (ariaName && !RegExpTest(privateUseOnly, ariaName)) {
        ArrayPrototypePush(candidates, [token('internal:role', `${ariaRole}[name=${attributeValue(ariaName, true)}]`, kRoleWithNameScore + kExactPenalty)]);
        for (const alt of safeArray(suitableTextAlternatives(ariaName))) {
          ArrayPrototypePush(candidates, [token('internal:role', `${ariaRole}[name=${attributeValue(alt.text, false)}]`, kRoleWithNameScore - alt.scoreBonus)]);
        }
      } else {
        const roleToken = token('internal:role', ariaRole, kRoleWithoutNameScore);
        for (const alt of safeArray(alternatives)) ArrayPrototypePush(candidates, [roleToken, token('internal:has-text', textValue(alt.text, false), kTextScore - alt.scoreBonus)]);
        if (!options.noText && isTargetNode && text.length <= 80) ArrayPrototypePush(candidates, [roleToken, token('internal:has-text', exactTextRegex(text), kTextScoreRegex)]);
      }
    }
    for (const group of safeArray(candidates)) penalize(group);
    return candidates;
  };
  const queryAll = (selector, root) => {
    try {
      return querySelectorAll(root, selector);
    } catch {
      return [];
    }
  };
  const generateSelectorFor = (cache, element, options) => {
    const root = element[DOCUMENT];
    if (documentElement(root) === element) return [token('css', 'html', 1)];
    let result = null;
    const update = (candidate) => { if (result === null || combineScores(candidate) < combineScores(result)) result = candidate; };
    const candidates = [];
    for (const candidate of safeArray(buildTextCandidates(element, !options.isRecursive, options))) ArrayPrototypePush(candidates, { candidate, isText: true });
    for (const t of safeArray(buildNoTextCandidates(element, options))) ArrayPrototypePush(candidates, { candidate: [t], isText: false });
    ArrayPrototypeSort(candidates, (a, b) => combineScores(a.candidate) - combineScores(b.candidate));
    for (const { candidate, isText } of safeArray(candidates)) {
      const found = queryAll(joinTokens(candidate), root);
      const index = ArrayPrototypeIndexOf(found, element);
      if (index < 0) continue;
      if (found.length === 1) { update(candidate); break; }
      if (index > 5) continue;
      update(concat(candidate, [token('nth', String(index), kNthScore)]));
      if (options.isRecursive) continue;
      for (let parent = parentOrHost(element); parent !== null; parent = parentOrHost(parent)) {
        const filtered = [];
        for (const e of safeArray(found)) if (e !== parent && containsCrossShadow(parent, e)) ArrayPrototypePush(filtered, e);
        const newIndex = ArrayPrototypeIndexOf(filtered, element);
        if (filtered.length > 5 || newIndex === -1 || (newIndex === index && filtered.length > 1)) continue;
        const inParent = filtered.length === 1 ? candidate : concat(candidate, [token('nth', String(newIndex), kNthScore)]);
        if (result !== null && combineScores(concat([token('', '', 1)], inParent)) >= combineScores(result)) continue;
        const noText = !!options.noText || isText;
        const map = noText ? cache.disallowText : cache.allowText;
        let parentTokens = MapPrototypeGet(map, parent);
        if (parentTokens === undefined) {
          parentTokens = generateSelectorFor(cache, parent, { noText, isRecursive: true }) ?? cssFallback(parent);
          MapPrototypeSet(map, parent, parentTokens);
        }
        if (parentTokens) update(concat(parentTokens, inParent));
      }
    }
    return result;
  };
  const containsCrossShadow = (ancestor, node) => {
    for (let at = node; at !== null; at = parentOrHost(at)) if (at === ancestor) return true;
    return false;
  };
  const childElements = (parent) => {
    const result = [];
    for (let child = parent[FIRST]; child !== null; child = child[NEXT]) if (isElement(child)) ArrayPrototypePush(result, child);
    return result;
  };
  const classNames = (element) => {
    const result = [];
    for (const name of safeArray(words(getAttributeOrNull(element, 'class') ?? ''))) if (ArrayPrototypeIndexOf(result, name) < 0) ArrayPrototypePush(result, name);
    return result;
  };
  /** selectorGenerator's cssFallback: ids, then classes, then nth-child, up the ancestors until unique. */
  const cssFallback = (target) => {
    const root = target[DOCUMENT];
    const tokens = [];
    const uniqueCSSSelector = (prefix) => {
      const path = ArrayPrototypeSlice(tokens);
      const selector = ArrayPrototypeJoin(prefix ? concat([prefix], path) : path, ' > ');
      const found = queryAll(selector, root);
      return found[0] === target ? selector : undefined;
    };
    const makeStrict = (selector) => {
      const t = token('css', selector, kCSSFallbackScore);
      const found = queryAll(selector, root);
      if (found.length === 1) return [t];
      return [t, token('nth', String(ArrayPrototypeIndexOf(found, target)), kNthScore)];
    };
    for (let element = target; element !== null && element !== root; element = parentOrHost(element)) {
      let best = '';
      const id = getAttributeOrNull(element, 'id');
      if (id) {
        const t = makeSelectorForId(id);
        const selector = uniqueCSSSelector(t);
        if (selector) return makeStrict(selector);
        best = t;
      }
      const parent = element[PARENT];
      const classes = classNames(element);
      for (let i = 0; i < classes.length; ++i) {
        let t = '';
        for (let j = 0; j <= i; j++) t += '.' + escapeClassName(classes[j]);
        const selector = uniqueCSSSelector(t);
        if (selector) return makeStrict(selector);
        if (!best && parent !== null && queryAll(t, parent).length === 1) best = t;
      }
      if (parent !== null) {
        const siblings = childElements(parent);
        let sameTagIndex = -1;
        let count = 0;
        for (const sibling of safeArray(siblings)) {
          if (nodeName(sibling) === nodeName(element)) { if (sibling === element) sameTagIndex = count; count++; }
        }
        const t = sameTagIndex === 0 ? escapeNodeName(element) : `${escapeNodeName(element)}:nth-child(${1 + ArrayPrototypeIndexOf(siblings, element)})`;
        const selector = uniqueCSSSelector(t);
        if (selector) return makeStrict(selector);
        if (!best) best = t;
      } else if (!best) {
        best = escapeNodeName(element);
      }
      ArrayPrototypeSplice(tokens, 0, 0, best);
    }
    return makeStrict(uniqueCSSSelector());
  };
  const isInteractive = (e) => isOneOfHTML(e, ['button', 'select', 'input', 'a']) || hasRole(e, ['button', 'checkbox', 'radio', 'link']);
  /** The best tokens for `element` (selectorGenerator's generateSelector without options). */
  const generateTokens = (target) => {
    let element = target;
    if (!isOneOfHTML(element, ['input', 'textarea', 'select']) && !isContentEditable(element)) {
      for (let node = element; node !== null; node = parentOrHost(node)) {
        if (isInteractive(node)) { if (isElementVisible(node)) element = node; break; }
      }
    }
    const cache = { allowText: new Map(), disallowText: new Map() };
    return generateSelectorFor(cache, element, { noText: false, isRecursive: false }) ?? cssFallback(element);
  };
  const generateSelector = (element) => joinTokens(generateTokens(element));

  // ---- asLocator (locatorGenerators.ts's JavaScriptLocatorFactory) -------------------------------------
  /** stringUtils' escapeWithQuotes(text, "'"). */
  const quote = (text) => {
    const json = JSONStringify(text);
    return "'" + replaceAll(replaceAll(StringPrototypeSlice(json, 1, -1), '\\"', '"'), "'", "\\'") + "'";
  };
  /** normalizeEscapedRegexQuotes: a backslash before a quote after an even run of backslashes is dropped. */
  const regexSourceString = (literal) => {
    let out = '';
    let backslashes = 0;
    for (let i = 0; i < literal.length; i++) {
      const c = literal[i];
      if (c === '\\' && backslashes % 2 === 0 && (literal[i + 1] === '"' || literal[i + 1] === "'" || literal[i + 1] === '`')) { backslashes = 0; continue; }
      backslashes = c === '\\' ? backslashes + 1 : 0;
      out += c;
    }
    return out;
  };
  const regexLiteral = /^\/(.*)\/([igm]*)$/;
  /** detectExact: `{ exact, text }` or `{ regex }` (the regex literal's text) for a text body. */
  const detectExact = (body) => {
    if (RegExpTest(regexLiteral, body)) return { regex: replaceAll(body, '\\>\\>', '>>') };
    if (StringPrototypeEndsWith(body, '"')) return { exact: true, text: JSONParse(body) };
    if (StringPrototypeEndsWith(body, '"s')) return { exact: true, text: JSONParse(StringPrototypeSlice(body, 0, -1)) };
    if (StringPrototypeEndsWith(body, '"i')) return { exact: false, text: JSONParse(StringPrototypeSlice(body, 0, -1)) };
    return { exact: false, text: body };
  };
  const textArgument = (detected) => (detected.regex !== undefined ? regexSourceString(detected.regex) : quote(detected.text));
  const withExact = (method, detected) => {
    if (detected.regex !== undefined) return `${method}(${regexSourceString(detected.regex)})`;
    return detected.exact ? `${method}(${quote(detected.text)}, { exact: true })` : `${method}(${quote(detected.text)})`;
  };
  const attributeArgument = (value) => (value instanceof RegExp ? { regex: `/${value.source}/${value.flags}` } : { text: value });
  /** One part of a selector as a locator call. */
  const partLocator = (name, body, next) => {
    switch (name) {
      case 'nth': return body === '0' ? 'first()' : body === '-1' ? 'last()' : `nth(${body})`;
      case 'visible': return `filter({ visible: ${body === 'true' ? 'true' : 'false'} })`;
      case 'internal:text': return withExact('getByText', detectExact(body));
      case 'internal:label': return withExact('getByLabel', detectExact(body));
      case 'internal:role': {
        const parsed = engine.parseAttributeSelector(body, true);
        const attrs = [];
        let exact;
        let nameValue;
        const rest = [];
        for (const attr of safeArray(parsed.attributes)) {
          if (attr.name === 'name') { exact = attr.caseSensitive; nameValue = attr.value; continue; }
          if (attr.name === 'description') continue;
          const value = attr.name === 'level' && typeof attr.value === 'string' ? +attr.value : attr.value;
          ArrayPrototypePush(rest, `${attr.name === 'include-hidden' ? 'includeHidden' : attr.name}: ${typeof value === 'string' ? quote(value) : value}`);
        }
        if (nameValue instanceof RegExp) ArrayPrototypePush(attrs, `name: ${regexSourceString(`/${nameValue.source}/${nameValue.flags}`)}`);
        else if (typeof nameValue === 'string') ArrayPrototypePush(attrs, `name: ${quote(nameValue)}`);
        if (exact && typeof nameValue === 'string') ArrayPrototypePush(attrs, 'exact: true');
        for (const r of safeArray(rest)) ArrayPrototypePush(attrs, r);
        return `getByRole(${quote(parsed.name)}${attrs.length ? `, { ${ArrayPrototypeJoin(attrs, ', ')} }` : ''})`;
      }
      case 'internal:testid': {
        const { value } = engine.parseAttributeSelector(body, true).attributes[0];
        return `getByTestId(${textArgument(attributeArgument(value))})`;
      }
      case 'internal:attr': {
        const { name: attrName, value, caseSensitive } = engine.parseAttributeSelector(body, true).attributes[0];
        const detected = attributeArgument(value);
        detected.exact = !!caseSensitive;
        if (attrName === 'placeholder') return withExact('getByPlaceholder', detected);
        if (attrName === 'alt') return withExact('getByAltText', detected);
        if (attrName === 'title') return withExact('getByTitle', detected);
        return `locator(${quote(`${name}=${body}`)})`;
      }
      case 'internal:has-text': {
        const detected = detectExact(body);
        if (!detected.exact) return `filter({ hasText: ${textArgument(detected)} })`;
        return `locator(${quote(`${name}=${body}`)})`;
      }
      default:
        if (next !== undefined && next.name === 'internal:has-text') {
          const detected = detectExact(next.body);
          if (!detected.exact) return `locator(${quote(body)}).filter({ hasText: ${textArgument(detected)} })`;
        }
        return `locator(${quote(name === 'css' ? body : `${name}=${body}`)})`;
    }
  };
  /** The JavaScript locator for a selector of the kinds generateSelector makes (`>>`-separated parts). */
  const asLocator = (selector) => {
    const pieces = SplitString(String(selector), ' >> ');
    const parts = [];
    for (const piece of safeArray(pieces)) {
      const equals = StringPrototypeIndexOf(piece, '=');
      const engineName = equals > 0 ? StringPrototypeSlice(piece, 0, equals) : '';
      if (engineName === 'nth' || engineName === 'visible' || StringPrototypeStartsWith(engineName, 'internal:')) {
        ArrayPrototypePush(parts, { name: engineName, body: StringPrototypeSlice(piece, equals + 1) });
      } else {
        ArrayPrototypePush(parts, { name: 'css', body: piece });
      }
    }
    const calls = [];
    try {
      for (let i = 0; i < parts.length; i++) {
        const next = parts[i + 1];
        ArrayPrototypePush(calls, partLocator(parts[i].name, parts[i].body, next));
        if (parts[i].name === 'css' && next !== undefined && next.name === 'internal:has-text' && !detectExact(next.body).exact) i++;
      }
    } catch {
      return String(selector);
    }
    return ArrayPrototypeJoin(calls, '.');
  };

  // ---- Strict mode (injectedScript's strictModeViolationError) -------------------------------------------
  const strictModeViolation = (description, matches) => {
    let lines = '';
    const shown = MathMin(matches.length, 10);
    for (let i = 0; i < shown; i++) {
      let aka;
      try { aka = asLocator(generateSelector(matches[i])); } catch { aka = ''; }
      lines += `\n    ${i + 1}) ${preview(matches[i])} aka ${aka}`;
    }
    if (shown < matches.length) lines += '\n    ...';
    return new Error(`strict mode violation: ${description} resolved to ${matches.length} elements:${lines}\n`);
  };
  const resolve = (root, selector, description, strict) => {
    const found = querySelectorAll(root, String(selector));
    if (strict && found.length > 1) throw strictModeViolation(String(description), found);
    return found;
  };

  // ---- Reads -----------------------------------------------------------------------------------------------
  const selectOptions = (select) => {
    const result = [];
    for (let child = select[FIRST]; child !== null; child = child[NEXT]) {
      if (isHTML(child, 'option')) ArrayPrototypePush(result, child);
      else if (isHTML(child, 'optgroup')) for (let inner = child[FIRST]; inner !== null; inner = inner[NEXT]) if (isHTML(inner, 'option')) ArrayPrototypePush(result, inner);
    }
    return result;
  };
  const optionValue = (option) => getAttributeOrNull(option, 'value') ?? stripAndCollapse(descendantText(option));
  const controlValueOf = (element) => {
    if (isHTML(element, 'select')) {
      for (const option of safeArray(selectOptions(element))) if (isSelected(option)) return optionValue(option);
      return '';
    }
    return controlValue(element);
  };
  const read = (element, name, arg) => {
    switch (String(name)) {
      case 'textContent': return descendantText(element);
      case 'innerText': return cascade.innerText(element);
      case 'innerHTML': return runtime.serialization.serializeChildren(element);
      case 'inputValue': {
        const target = retarget(element, 'follow-label');
        // frames.ts inputValue
        if (target === null || !isOneOfHTML(target, ['input', 'textarea', 'select'])) fail('Node is not an <input>, <textarea> or <select> element');
        return controlValueOf(target);
      }
      case 'getAttribute': return getAttributeOrNull(element, String(arg));
      case 'ariaSnapshot': return ariaSnapshot(element);
      default: return fail(`Unknown read "${name}"`);
    }
  };

  // ---- Aria snapshot (ariaSnapshot.ts generateAriaTree in mode 'default', ariaSnapshotRenderer.ts) -------
  const ariaNode = (roleName, name) => ({ __proto__: null, role: roleName, name, children: [], props: { __proto__: null }, checked: undefined,
    disabled: undefined, expanded: undefined, invalid: undefined, level: undefined, pressed: undefined, selected: undefined });
  const toAriaNode = (element) => {
    if (isOneOfHTML(element, ['iframe', 'frame'])) return ariaNode('iframe', '');
    const elementRole = role(element);
    if (!elementRole || elementRole === 'presentation' || elementRole === 'none') return null;
    const node = ariaNode(elementRole, normalizeWhiteSpace(aria.accessibleName(element, false)));
    if (ArrayPrototypeIndexOf(kAriaCheckedRoles, elementRole) >= 0) { const checked = getChecked(element, true); node.checked = checked === 'error' ? false : checked; }
    if (ArrayPrototypeIndexOf(kAriaDisabledRoles, elementRole) >= 0) node.disabled = getAriaDisabled(element);
    if (ArrayPrototypeIndexOf(kAriaExpandedRoles, elementRole) >= 0) node.expanded = getAriaExpanded(element);
    if (ArrayPrototypeIndexOf(kAriaLevelRoles, elementRole) >= 0) node.level = getAriaLevel(element);
    if (ArrayPrototypeIndexOf(kAriaPressedRoles, elementRole) >= 0) node.pressed = getAriaPressed(element);
    if (ArrayPrototypeIndexOf(kAriaSelectedRoles, elementRole) >= 0) node.selected = getAriaSelected(element);
    // aria-invalid (WAI-ARIA 1.2: "true", "grammar" and "spelling" are invalid; "false" and others not).
    const invalid = getAttributeOrNull(element, 'aria-invalid');
    if (invalid === 'true' || invalid === 'grammar' || invalid === 'spelling') node.invalid = true;
    if (isOneOfHTML(element, ['input', 'textarea'])) {
      const type = isHTML(element, 'input') ? inputType(element) : 'textarea';
      if (type !== 'checkbox' && type !== 'radio' && type !== 'file') node.children = [controlValue(element)];
    }
    return node;
  };
  const generateAriaTree = (rootElement) => {
    const visited = new Map();
    const root = ariaNode('fragment', '');
    const visit = (parentNode, node, parentVisible) => {
      if (MapPrototypeGet(visited, node) !== undefined) return;
      MapPrototypeSet(visited, node, true);
      if (node[TYPE] === TEXT && node[DATA]) {
        if (parentVisible && parentNode.role !== 'textbox') ArrayPrototypePush(parentNode.children, node[DATA]);
        return;
      }
      if (node[TYPE] !== ELEMENT) return;
      if (aria.isHiddenForAria(node)) return;
      const owned = [];
      const owns = getAttributeOrNull(node, 'aria-owns');
      if (owns !== null) {
        for (const id of safeArray(words(owns))) {
          const target = getElementById(rootElement[DOCUMENT], id);
          if (target !== null && target !== undefined) ArrayPrototypePush(owned, target);
        }
      }
      const child = toAriaNode(node);
      if (child !== null) ArrayPrototypePush(parentNode.children, child);
      processElement(child ?? parentNode, node, owned, true);
    };
    const processElement = (target, element, owned, visible) => {
      const style = cascade.computedStyle(element);
      const display = (style !== null && style.display) || 'inline';
      const block = display !== 'inline' || isHTML(element, 'br') ? ' ' : '';
      if (block) ArrayPrototypePush(target.children, block);
      if (isHTML(element, 'slot') && runtime.slots !== undefined) {
        const assigned = runtime.slots.findSlottables(element);
        if (assigned.length > 0) {
          for (const node of safeArray(assigned)) visit(target, node, visible);
        } else {
          for (let node = element[FIRST]; node !== null; node = node[NEXT]) visit(target, node, visible);
        }
      } else {
        for (let node = element[FIRST]; node !== null; node = node[NEXT]) {
          if (runtime.slots !== undefined && runtime.slots.findSlot(node, true) !== null) continue;
          visit(target, node, visible);
        }
        const shadow = element[SHADOW];
        if (shadow !== null && shadow !== undefined && shadow[MODE] === 'open') for (let node = shadow[FIRST]; node !== null; node = node[NEXT]) visit(target, node, visible);
      }
      for (const node of safeArray(owned)) visit(target, node, visible);
      if (block) ArrayPrototypePush(target.children, block);
      if (target.children.length === 1 && target.name === target.children[0]) target.children = [];
      if (target.role === 'link' && hasAttribute(element, 'href')) target.props.url = getAttributeOrNull(element, 'href');
      if (target.role === 'textbox' && hasAttribute(element, 'placeholder') && getAttributeOrNull(element, 'placeholder') !== target.name) {
        target.props.placeholder = getAttributeOrNull(element, 'placeholder');
      }
    };
    visit(root, rootElement, true);
    mergeStrings(root);
    return root;
  };
  /** The distiller's mergeStringChildren, bottom-up: adjacent strings joined and normalised, empties dropped, a lone name repeat dropped. */
  const mergeStrings = (node) => {
    const children = [];
    let buffer = '';
    let buffered = false;
    const flush = () => {
      if (!buffered) return;
      const text = normalizeWhiteSpace(buffer);
      if (text) ArrayPrototypePush(children, text);
      buffer = '';
      buffered = false;
    };
    for (const child of safeArray(node.children)) {
      if (typeof child === 'string') { buffer += child; buffered = true; } else { mergeStrings(child); flush(); ArrayPrototypePush(children, child); }
    }
    flush();
    node.children = children;
    if (node.children.length === 1 && node.children[0] === node.name) node.children = [];
  };
  // yaml.ts
  const needsQuotesPatterns = [/^\s|\s$/, /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/, /^-/, /[\n:](\s|$)/, /\s#/, /[\n\r]/, /^[&*\],?!>|@"'#%]/, /[{}`]/, /^\[/];
  const yamlWords = ['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null'];
  const yamlNeedsQuotes = (text) => {
    if (text.length === 0) return true;
    for (const pattern of safeArray(needsQuotesPatterns)) if (RegExpTest(pattern, text)) return true;
    return !NumberIsNaN(Number(text)) || ArrayPrototypeIndexOf(yamlWords, StringPrototypeToLowerCase(text)) >= 0;
  };
  const yamlEscapeKey = (text) => (yamlNeedsQuotes(text) ? `'${replaceAll(text, "'", "''")}'` : text);
  const yamlEscapeValue = (text) => {
    if (!yamlNeedsQuotes(text)) return text;
    let out = '"';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      const code = StringPrototypeCharCodeAt(text, i);
      if (c === '\\') out += '\\\\';
      else if (c === '"') out += '\\"';
      else if (c === '\b') out += '\\b';
      else if (c === '\f') out += '\\f';
      else if (c === '\n') out += '\\n';
      else if (c === '\r') out += '\\r';
      else if (c === '\t') out += '\\t';
      else if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) out += '\\x' + (code < 16 ? '0' : '') + NumberPrototypeToString(code, 16);
      else out += c;
    }
    return out + '"';
  };
  const renderAriaYaml = (root) => {
    const lines = [];
    const indent = (depth) => StringPrototypeRepeat('  ', depth);
    const visitText = (text, depth) => { const escaped = yamlEscapeValue(text); if (escaped) ArrayPrototypePush(lines, indent(depth) + '- text: ' + escaped); };
    const key = (node) => {
      let text = node.role;
      if (node.name && node.name.length <= 900) {
        const name = node.name;
        text += ' ' + (StringPrototypeStartsWith(name, '/') && StringPrototypeEndsWith(name, '/') ? name : JSONStringify(name));
      }
      if (node.checked === 'mixed') text += ' [checked=mixed]';
      if (node.checked === true) text += ' [checked]';
      if (node.disabled) text += ' [disabled]';
      if (node.expanded) text += ' [expanded]';
      if (node.invalid) text += ' [invalid]';
      if (node.level) text += ` [level=${node.level}]`;
      if (node.pressed === 'mixed') text += ' [pressed=mixed]';
      if (node.pressed === true) text += ' [pressed]';
      if (node.selected === true) text += ' [selected]';
      return text;
    };
    const visit = (node, depth) => {
      const escapedKey = indent(depth) + '- ' + yamlEscapeKey(key(node));
      const props = [];
      if (node.props.url !== undefined) ArrayPrototypePush(props, ['url', node.props.url]);
      if (node.props.placeholder !== undefined) ArrayPrototypePush(props, ['placeholder', node.props.placeholder]);
      const single = node.children.length === 1 && typeof node.children[0] === 'string' ? node.children[0] : undefined;
      if (single === undefined && props.length === 0 && node.children.length === 0) {
        ArrayPrototypePush(lines, escapedKey);
      } else if (single !== undefined && props.length === 0) {
        ArrayPrototypePush(lines, escapedKey + ': ' + yamlEscapeValue(single));
      } else {
        ArrayPrototypePush(lines, escapedKey + ':');
        for (let i = 0; i < props.length; i++) ArrayPrototypePush(lines, indent(depth + 1) + '- /' + props[i][0] + ': ' + yamlEscapeValue(props[i][1]));
        if (single !== undefined) visitText(single, depth + 1);
        else for (const child of safeArray(node.children)) if (typeof child === 'string') visitText(child, depth + 1); else visit(child, depth + 1);
      }
    };
    for (const child of safeArray(root.children)) {
      if (typeof child === 'string') visitText(child, 0);
      else visit(child, 0);
    }
    return ArrayPrototypeJoin(lines, '\n');
  };
  const ariaSnapshot = (element) => renderAriaYaml(generateAriaTree(element));

  // ---- Expect (injectedScript's expect, expectSingleElement, expectArray; frames.ts _expectInternal) -------
  /** injectedScript's ExpectedTextMatcher for one FrameExpectParams expectedText entry. */
  const textMatcher = (expected) => {
    const normalizeSpace = !!expected.normalizeWhiteSpace;
    const ignoreCase = expected.ignoreCase;
    const normalize = (s) => {
      if (!s) return s;
      let out = s;
      if (normalizeSpace) out = normalizeWhiteSpace(out);
      if (ignoreCase) out = StringPrototypeToLocaleLowerCase(out);
      return out;
    };
    const string = expected.matchSubstring ? undefined : normalize(expected.string);
    const substring = expected.matchSubstring ? normalize(expected.string) : undefined;
    let regex;
    if (expected.regexSource) {
      let flags = '';
      const given = expected.regexFlags ?? '';
      for (let i = 0; i < given.length; i++) if (StringPrototypeIndexOf(flags, given[i]) < 0 && !(given[i] === 'i' && ignoreCase === false)) flags += given[i];
      if (ignoreCase === true && StringPrototypeIndexOf(flags, 'i') < 0) flags += 'i';
      regex = new RegExp(expected.regexSource, flags);
    }
    const matches = (received) => {
      const text = regex === undefined ? normalize(received) : received;
      if (string !== undefined) return text === string;
      if (substring !== undefined) return StringPrototypeIncludes(text, substring);
      if (regex !== undefined) return RegExpTest(regex, text);
      return false;
    };
    const matchesClassList = (classAttribute, partial) => {
      if (partial) {
        // injectedScript.ts ExpectedTextMatcher.matchesClassList
        if (regex !== undefined) fail('Partial matching does not support regular expressions. Please provide a string value.');
        const present = words(classAttribute);
        for (const name of safeArray(words(string ?? ''))) if (ArrayPrototypeIndexOf(present, name) < 0) return false;
        return true;
      }
      return matches(classAttribute);
    };
    return { matches, matchesClassList };
  };
  const expectedTexts = (params) => {
    const given = params.expectedText;
    if (given === undefined || given === null) return undefined;
    const result = [];
    for (let i = 0; i < given.length; i++) ArrayPrototypePush(result, given[i]);
    return result;
  };
  const matchSequentially = (expected, received, test) => {
    let m = 0;
    let r = 0;
    while (m < expected.length && r < received.length) {
      if (test(textMatcher(expected[m]), received[r])) ++m;
      ++r;
    }
    return m === expected.length;
  };
  const elementTextForExpect = (element, useInnerText) => (useInnerText ? read(element, 'innerText') : engine.elementText(element));
  const expectArray = (found, expression, params) => {
    if (expression === 'to.have.count') return { matches: found.length === params.expectedNumber, received: found.length };
    const expected = expectedTexts(params);
    if (expected === undefined) fail('Expected text is not provided for ' + expression);
    if (expression === 'to.have.class.array' || expression === 'to.contain.class.array') {
      const received = [];
      for (const element of safeArray(found)) ArrayPrototypePush(received, getAttributeOrNull(element, 'class') ?? '');
      if (received.length !== expected.length) return { matches: false, received: list(received) };
      const partial = expression === 'to.contain.class.array';
      return { matches: matchSequentially(expected, received, (matcher, r) => matcher.matchesClassList(r, partial)), received: list(received) };
    }
    if (expression !== 'to.contain.text.array' && expression !== 'to.have.text.array') fail('Unknown expect matcher: ' + expression);
    const received = [];
    for (const element of safeArray(found)) ArrayPrototypePush(received, elementTextForExpect(element, !!params.useInnerText));
    if (expression === 'to.have.text.array' && received.length !== expected.length) return { matches: false, received: list(received) };
    return { matches: matchSequentially(expected, received, (matcher, r) => matcher.matches(r)), received: list(received) };
  };
  const documentTitle = (document) => {
    for (let node = document[FIRST]; node !== null; node = following(node, document)) {
      if (isElement(node) && node[LOCAL] === 'title' && (node[NAMESPACE] === HTML_NS || node[NAMESPACE] === SVG_NS)) return stripAndCollapse(childTextContent(node));
    }
    return '';
  };
  /** getComputedStyle(element).getPropertyValue(property), read from the cascade's record. */
  const computedFields = { __proto__: null, 'display': 'display', 'visibility': 'visibility', 'opacity': 'opacity', 'pointer-events': 'pointerEvents',
    'content-visibility': 'contentVisibility', 'white-space': 'whiteSpace', 'text-transform': 'textTransform', 'float': 'float', 'position': 'position' };
  const cssValue = (element, property) => {
    const style = cascade.computedStyle(element);
    if (style === null) return '';
    const name = StringPrototypeStartsWith(property, '--') ? property : StringPrototypeToLowerCase(property);
    const field = computedFields[name];
    if (field !== undefined) return field === 'opacity' ? NumberPrototypeToString(style[field]) : style[field];
    const declared = style.declared === undefined || style.declared === null ? undefined : style.declared[name];
    return declared === undefined || declared === null ? '' : declared.value ?? '';
  };
  const deepEquals = (a, b) => {
    if (a === b) return true;
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      if (ArrayIsArray(a) !== ArrayIsArray(b)) return false;
      if (ArrayIsArray(a)) {
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; ++i) if (!deepEquals(a[i], b[i])) return false;
        return true;
      }
      const keys = ObjectKeys(a);
      if (keys.length !== ObjectKeys(b).length) return false;
      for (const key of safeArray(keys)) if (!ObjectPrototypeHasOwnProperty(b, key) || !deepEquals(a[key], b[key])) return false;
      return true;
    }
    return typeof a === 'number' && typeof b === 'number' && NumberIsNaN(a) && NumberIsNaN(b);
  };
  const expectSingleElement = (element, expression, params, document) => {
    if (expression === 'to.have.title') {
      const received = documentTitle(document);
      return { received, matches: textMatcher(expectedTexts(params)[0]).matches(received) };
    }
    if (expression === 'to.have.url') {
      const received = document[URL];
      return { received, matches: textMatcher(expectedTexts(params)[0]).matches(received) };
    }
    let result;
    if (expression === 'to.have.attribute') {
      const present = hasAttribute(element, String(params.expressionArg));
      result = { matches: present, received: present ? 'attribute present' : 'attribute not present' };
    } else if (expression === 'to.be.checked') {
      const value = params.expectedValue ?? {};
      const checked = value.checked;
      if (value.indeterminate) {
        if (checked !== undefined) fail('Can\'t assert indeterminate and checked at the same time'); // injectedScript.ts expectSingleElement
        result = stateResult(element, 'indeterminate');
      } else {
        result = stateResult(element, checked === false ? 'unchecked' : 'checked');
      }
    } else if (expression === 'to.be.unchecked') {
      result = stateResult(element, 'unchecked');
    } else if (expression === 'to.be.disabled') {
      result = stateResult(element, 'disabled');
    } else if (expression === 'to.be.editable') {
      result = stateResult(element, 'editable');
    } else if (expression === 'to.be.readonly') {
      result = stateResult(element, 'editable');
      result.matches = !result.matches;
    } else if (expression === 'to.be.empty') {
      if (isOneOfHTML(element, ['input', 'textarea'])) {
        const value = controlValue(element);
        result = { matches: !value, received: value ? 'notEmpty' : 'empty' };
      } else {
        const text = StringPrototypeTrim(descendantText(element));
        result = { matches: !text, received: text ? 'notEmpty' : 'empty' };
      }
    } else if (expression === 'to.be.enabled') {
      result = stateResult(element, 'enabled');
    } else if (expression === 'to.be.focused') {
      const focused = isFocused(element);
      result = { matches: focused, received: focused ? 'focused' : 'inactive' };
    } else if (expression === 'to.be.hidden') {
      result = stateResult(element, 'hidden');
    } else if (expression === 'to.be.visible') {
      result = stateResult(element, 'visible');
    } else if (expression === 'to.be.attached') {
      result = { matches: true, received: 'attached' };
    } else if (expression === 'to.be.detached') {
      result = { matches: false, received: 'attached' };
    }
    if (result !== undefined) {
      if (result.received === 'error:notconnected') fail('Element is not connected'); // injectedScript.ts expectSingleElement
      return result;
    }
    if (expression === 'to.have.property' || expression === 'to.have.js.property') {
      let target = element;
      const properties = SplitString(String(params.expressionArg), '.');
      for (let i = 0; i < properties.length - 1; i++) {
        if (typeof target !== 'object' || target === null || !(properties[i] in target)) return { received: undefined, matches: false };
        target = ReflectGet(target, properties[i]);
      }
      const received = target === null || target === undefined ? undefined : ReflectGet(target, properties[properties.length - 1]);
      return { received: plain(received), matches: deepEquals(received, params.expectedValue) };
    }
    if (expression === 'to.have.values') {
      const target = retarget(element, 'follow-label');
      if (!isHTML(target, 'select') || !hasAttribute(target, 'multiple')) fail('Not a select element with a multiple attribute'); // injectedScript.ts
      const received = [];
      for (const option of safeArray(selectOptions(target))) if (isSelected(option)) ArrayPrototypePush(received, optionValue(option));
      const expected = expectedTexts(params) ?? [];
      if (received.length !== expected.length) return { received: list(received), matches: false };
      let all = true;
      for (let i = 0; i < received.length; i++) if (!textMatcher(expected[i]).matches(received[i])) all = false;
      return { received: list(received), matches: all };
    }
    let received;
    if (expression === 'to.have.attribute.value') {
      const value = getAttributeOrNull(element, String(params.expressionArg));
      if (value === null) return { received: null, matches: false };
      received = value;
    } else if (expression === 'to.have.class' || expression === 'to.contain.class') {
      const expected = expectedTexts(params);
      if (expected === undefined) fail('Expected text is not provided for ' + expression);
      const classAttribute = getAttributeOrNull(element, 'class') ?? '';
      return { received: classAttribute, matches: textMatcher(expected[0]).matchesClassList(classAttribute, expression === 'to.contain.class') };
    } else if (expression === 'to.have.css') {
      received = cssValue(element, String(params.expressionArg));
    } else if (expression === 'to.have.id') {
      received = getAttributeOrNull(element, 'id') ?? '';
    } else if (expression === 'to.have.text' || expression === 'to.contain.text') {
      received = elementTextForExpect(element, !!params.useInnerText);
    } else if (expression === 'to.have.accessible.name') {
      received = aria.accessibleName(element, false);
    } else if (expression === 'to.have.accessible.description') {
      received = engine.accessibleDescription(element, false);
    } else if (expression === 'to.have.accessible.error.message') {
      received = accessibleErrorMessage(element);
    } else if (expression === 'to.have.role') {
      received = role(element) || '';
    } else if (expression === 'to.have.value') {
      const target = retarget(element, 'follow-label');
      if (!isOneOfHTML(target, ['input', 'textarea', 'select'])) fail('Not an input element'); // injectedScript.ts expectSingleElement
      received = controlValueOf(target);
    }
    const expected = expectedTexts(params);
    if (received !== undefined && expected !== undefined) return { received, matches: textMatcher(expected[0]).matches(received) };
    return fail('Unknown expect matcher: ' + expression);
  };
  /**
   * `{ matches, received, missing }` for one poll of `expect(locator).<expression>`: `elements` as
   * resolved (strictly for single-element expressions); with none, frames.ts's rules for what
   * still passes, and `missing: true` where Playwright reports "element(s) not found".
   */
  const expect = (elementList, expression, params, document) => {
    const name = String(expression);
    const given = [];
    if (elementList !== null && elementList !== undefined) for (let i = 0; i < elementList.length; i++) ArrayPrototypePush(given, elementList[i]);
    const isNot = !!params.isNot;
    const isArray = name === 'to.have.count' || StringPrototypeEndsWith(name, '.array');
    let core;
    let missing = false;
    if (isArray) {
      core = expectArray(given, name, params);
    } else if (given.length > 0 || name === 'to.have.title' || name === 'to.have.url') {
      core = expectSingleElement(given[0], name, params, document);
    } else {
      let matches;
      if (!isNot && name === 'to.be.hidden') matches = true;
      else if (isNot && name === 'to.be.visible') matches = false;
      else if (!isNot && name === 'to.be.detached') matches = true;
      else if (isNot && name === 'to.be.attached') matches = false;
      else { matches = isNot; missing = true; }
      core = { matches, received: undefined };
    }
    const result = record({ matches: !!core.matches, missing });
    if (core.received !== undefined) result.received = core.received;
    return result;
  };
  const expectJSON = (elementList, expression, params, document) => JSONStringify(expect(elementList, expression, params, document));
  const readJSON = (element, name, arg) => {
    const value = read(element, name, arg);
    return JSONStringify(value === undefined ? null : value);
  };

  return ObjectFreeze({
    resolve, preview, generateSelector, asLocator, setTestIdAttribute, elementState, read, ariaSnapshot, expect, expectJSON, readJSON,
  });
}
