// ARIA roles, accessible names and states as Playwright's `getByRole` reads them (the groundwork of
// `page.getByRole`): the computed role (WAI-ARIA 1.2 §7.1 role attribute, HTML-AAM / ARIA in HTML
// implicit roles, §9 presentational role conflict resolution), the accessible name (Accessible Name
// and Description Computation 1.2 §4.3 with HTML-AAM's native text alternatives), the states
// `getByRole` filters on (aria-checked, -pressed, -selected, -expanded, -level, -disabled) and the
// "hidden from the accessibility tree" test (WAI-ARIA §8.3 aria-hidden, CSS display and visibility).
// Where the specs leave a choice, or Playwright departs from them, this follows Playwright's injected
// roleUtils.ts and roleSelectorEngine.ts, since those decide what a test's `getByRole` selects in
// Chromium (e.g. <th> without scope is a cell, <input type=file> a button, <search> has no role).
// Not modelled: ::before/::after content, aria-describedby, inert and modal dialogs.
//
// Installed after the DOM runtime (slots.js included) and the cascade. The tree is read through
// internal slots and the DOM runtime's functions only, so page code that replaces getters or
// prototypes cannot change a role or a name.
//
// Exports:
//   role(element) -> string | null
//   accessibleName(element, includeHidden = false) -> string
//   isHiddenForAria(element) -> boolean
//   matchesRole(element, role, options = {}) -> boolean
//   queryAllByRole(root, role, options = {}) -> Element[]
//   normalizeWhiteSpace(text) -> string
//   stateRoles -> { checked, pressed, selected, expanded, level }: the roles each state applies to
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSort, Error, Number, NumberIsInteger, NumberIsNaN, NumberNaN,
    ObjectCreate, ObjectFreeze, RegExpTest, Set, SetPrototypeAdd, SetPrototypeHas, String, StringPrototypeCharCodeAt,
    StringPrototypeIncludes, StringPrototypeSlice, StringPrototypeToLowerCase, StringPrototypeTrim,
  } = runtime.primordials;
  const { safeArray } = runtime['safe-array-iterator'];
  const { TYPE, PARENT, FIRST, NEXT, NAMESPACE, LOCAL, DATA, SHADOW, HOST, MODE, HTML_NS, SVG_NS } = runtime.internals;
  const { getAttributeOrNull, rootOf, following, getElementById, asciiLowercase } = runtime.nodes;
  const { inputType, labelControl, checkedness, isSelected, isIndeterminate, controlValue } = runtime.elements;
  const { computedStyle } = runtime.cascade;
  const { findSlot, findSlottables } = runtime.slots;

  /** A lookup table (no prototype) of `names`, built at install time before page code runs. */
  const table = (names) => {
    const result = ObjectCreate(null);
    for (let i = 0; i < names.length; i++) result[names[i]] = true;
    return ObjectFreeze(result);
  };
  const isHTML = (node, localName) => node !== null && node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && node[LOCAL] === localName;
  const attribute = (element, name) => getAttributeOrNull(element, name);
  const hasAttribute = (element, name) => getAttributeOrNull(element, name) !== null;
  const lowerAttribute = (element, name) => { const value = attribute(element, name); return value === null ? null : asciiLowercase(value); };
  /** The parent element, crossing from a shadow root to its host (the flat tree's ancestors, as Playwright's parentElementOrShadowHost). */
  const parentElement = (node) => {
    const parent = node[PARENT];
    if (parent === null) return null;
    if (parent[TYPE] === 1) return parent;
    if (parent[TYPE] === 11 && parent[HOST]) return parent[HOST];
    return null;
  };
  const openShadowRoot = (element) => { const shadow = element[SHADOW]; return shadow && shadow[MODE] === 'open' ? shadow : null; };
  /** The nearest inclusive ancestor (across shadow roots) for which `test` holds, or null. */
  const closest = (element, test) => {
    for (let node = element; node !== null; node = parentElement(node)) if (test(node)) return node;
    return null;
  };
  // ECMAScript's WhiteSpace and LineTerminator (what `\s` and String.prototype.trim match).
  const isSpace = (c) => (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
  /** The tokens of `text` split at single spaces, empty ones dropped (Playwright's getIdRefs and role tokens). */
  const spaceTokens = (text) => {
    const result = [];
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || StringPrototypeCharCodeAt(text, i) === 32) {
        const token = StringPrototypeTrim(StringPrototypeSlice(text, start, i));
        if (token !== '') ArrayPrototypePush(result, token);
        start = i + 1;
      }
    }
    return result;
  };
  /** accname's "flat string": runs of white space other than U+00A0 become one space (U+00A0 is kept), ends trimmed. */
  const flatString = (text) => {
    let out = '', space = false;
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (c !== 0xa0 && isSpace(c)) { space = true; continue; }
      if (space) { out += ' '; space = false; }
      out += text[i];
    }
    if (space) out += ' ';
    return StringPrototypeTrim(out);
  };
  /** Playwright's normalizeWhiteSpace, applied to names before matching: U+200B and U+00AD dropped, trimmed, every white space run one space. */
  const normalizeWhiteSpace = (text) => {
    let out = '', space = false;
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (c === 0x200b || c === 0xad) continue;
      if (isSpace(c)) { space = out !== ''; continue; }
      if (space) { out += ' '; space = false; }
      out += text[i];
    }
    return out;
  };
  const isBlank = (text) => StringPrototypeTrim(text) === '';

  // ---- Roles -------------------------------------------------------------------------------------
  // WAI-ARIA 1.2 §5.4 concrete roles (those Playwright's getByRole accepts).
  const validRoles = table(['alert', 'alertdialog', 'application', 'article', 'banner', 'blockquote', 'button', 'caption', 'cell',
    'checkbox', 'code', 'columnheader', 'combobox', 'complementary', 'contentinfo', 'definition', 'deletion', 'dialog', 'directory',
    'document', 'emphasis', 'feed', 'figure', 'form', 'generic', 'grid', 'gridcell', 'group', 'heading', 'img', 'insertion', 'link',
    'list', 'listbox', 'listitem', 'log', 'main', 'mark', 'marquee', 'math', 'meter', 'menu', 'menubar', 'menuitem',
    'menuitemcheckbox', 'menuitemradio', 'navigation', 'none', 'note', 'option', 'paragraph', 'presentation', 'progressbar', 'radio',
    'radiogroup', 'region', 'row', 'rowgroup', 'rowheader', 'scrollbar', 'search', 'searchbox', 'separator', 'slider', 'spinbutton',
    'status', 'strong', 'subscript', 'superscript', 'switch', 'tab', 'table', 'tablist', 'tabpanel', 'term', 'textbox', 'time',
    'timer', 'toolbar', 'tooltip', 'tree', 'treegrid', 'treeitem']);
  // WAI-ARIA 1.2 §6.4 global states and properties (without those whose global use 1.2 deprecates), each with the roles
  // that prohibit it (§5.2.8.6): their presence overrides role=none/presentation (§9.1).
  const namingProhibitedByLabel = table(['caption', 'code', 'deletion', 'emphasis', 'generic', 'insertion', 'paragraph',
    'presentation', 'strong', 'subscript', 'superscript']);
  const globalAriaAttributes = [['aria-atomic', null], ['aria-busy', null], ['aria-controls', null], ['aria-current', null],
    ['aria-describedby', null], ['aria-details', null], ['aria-dropeffect', null], ['aria-flowto', null], ['aria-grabbed', null],
    ['aria-hidden', null], ['aria-keyshortcuts', null], ['aria-label', namingProhibitedByLabel],
    ['aria-labelledby', namingProhibitedByLabel], ['aria-live', null], ['aria-owns', null], ['aria-relevant', null],
    ['aria-roledescription', table(['generic'])]];
  const hasGlobalAriaAttribute = (element, forRole = null) => {
    for (let i = 0; i < globalAriaAttributes.length; i++) {
      const [name, prohibited] = globalAriaAttributes[i];
      if ((prohibited === null || prohibited[forRole ?? ''] !== true) && hasAttribute(element, name)) return true;
    }
    return false;
  };
  /** A `tabindex` attribute whose value converts to a number (as Playwright tests it, so "" counts). */
  const hasTabIndex = (element) => { const value = attribute(element, 'tabindex'); return value !== null && !NumberIsNaN(Number(value)); };
  /** HTML-AAM "disabled": a disabled button, input, select, textarea, option or optgroup, or one inside a disabled fieldset. */
  const isNativelyDisabled = (element) => {
    if (element[NAMESPACE] !== HTML_NS || nativeControls[element[LOCAL]] !== true) return false;
    if (hasAttribute(element, 'disabled')) return true;
    for (let node = element[PARENT]; node !== null && node[TYPE] === 1; node = node[PARENT]) if (isHTML(node, 'fieldset') && hasAttribute(node, 'disabled')) return true;
    return false;
  };
  const nativeControls = table(['button', 'input', 'select', 'textarea', 'option', 'optgroup']);
  const isFocusable = (element) => {
    if (isNativelyDisabled(element)) return false;
    if (element[NAMESPACE] === HTML_NS) {
      const local = element[LOCAL];
      if (local === 'button' || local === 'details' || local === 'select' || local === 'textarea') return true;
      if ((local === 'a' || local === 'area') && hasAttribute(element, 'href')) return true;
      if (local === 'input' && !hasAttribute(element, 'hidden')) return true;
    }
    return hasTabIndex(element);
  };
  /** WAI-ARIA §7.1 (with Playwright's tokenising): the first token of `role` that names a concrete role, or null. */
  const explicitRole = (element) => {
    const value = attribute(element, 'role');
    if (value === null) return null;
    for (const token of safeArray(spaceTokens(value))) if (validRoles[token] === true) return token;
    return null;
  };
  const hasExplicitName = (element) => hasAttribute(element, 'aria-label') || hasAttribute(element, 'aria-labelledby');
  // HTML-AAM: header and footer are landmarks only outside sectioning content and sectioning roles.
  const sectioning = table(['article', 'aside', 'main', 'nav', 'section']);
  const sectioningRoles = table(['article', 'complementary', 'main', 'navigation', 'region']);
  const preventsLandmark = (node) => (node[NAMESPACE] === HTML_NS && sectioning[node[LOCAL]] === true && !hasAttribute(node, 'role')) ||
    sectioningRoles[attribute(node, 'role') ?? ''] === true;
  const cellRole = (cell) => {
    const tableElement = closest(cell, (node) => isHTML(node, 'table'));
    const explicit = tableElement === null ? null : explicitRole(tableElement);
    return explicit === 'grid' || explicit === 'treegrid' ? 'gridcell' : 'cell';
  };
  const inputTypeRoles = ObjectFreeze({
    __proto__: null, button: 'button', image: 'button', reset: 'button', submit: 'button', file: 'button', checkbox: 'checkbox', radio: 'radio',
    range: 'slider', number: 'spinbutton',
  });
  const selectSize = (select) => { const size = attribute(select, 'size'); const parsed = size === null ? null : runtime.elements.parseInteger(size); return parsed ?? 0; };
  // HTML-AAM §4 / ARIA in HTML element mappings, as Playwright's kImplicitRoleByTagName has them.
  const implicitRoles = ObjectFreeze({
    __proto__: null,
    a: (e) => (hasAttribute(e, 'href') ? 'link' : null),
    area: (e) => (hasAttribute(e, 'href') ? 'link' : null),
    article: () => 'article', aside: () => 'complementary', blockquote: () => 'blockquote', button: () => 'button',
    caption: () => 'caption', code: () => 'code', datalist: () => 'listbox', dd: () => 'definition', del: () => 'deletion',
    details: () => 'group', dfn: () => 'term', dialog: () => 'dialog', dt: () => 'term', em: () => 'emphasis', fieldset: () => 'group',
    figure: () => 'figure', hr: () => 'separator', html: () => 'document', ins: () => 'insertion',
    li: () => 'listitem', main: () => 'main', mark: () => 'mark', math: () => 'math', menu: () => 'list', meter: () => 'meter',
    nav: () => 'navigation', ol: () => 'list', optgroup: () => 'group', option: () => 'option', output: () => 'status',
    p: () => 'paragraph', progress: () => 'progressbar', strong: () => 'strong', sub: () => 'subscript',
    sup: () => 'superscript', table: () => 'table', tbody: () => 'rowgroup', thead: () => 'rowgroup', tfoot: () => 'rowgroup',
    textarea: () => 'textbox', time: () => 'time', tr: () => 'row', ul: () => 'list',
    h1: () => 'heading', h2: () => 'heading', h3: () => 'heading', h4: () => 'heading', h5: () => 'heading', h6: () => 'heading',
    form: (e) => (hasExplicitName(e) ? 'form' : null),
    section: (e) => (hasExplicitName(e) ? 'region' : null),
    header: (e) => (closest(e, preventsLandmark) !== null ? null : 'banner'),
    footer: (e) => (closest(e, preventsLandmark) !== null ? null : 'contentinfo'),
    img: (e) => (attribute(e, 'alt') === '' && !attribute(e, 'title') && !hasGlobalAriaAttribute(e) && !hasTabIndex(e) ? 'presentation' : 'img'),
    input: (e) => {
      const type = inputType(e);
      if (type === 'search') return hasAttribute(e, 'list') ? 'combobox' : 'searchbox';
      if (type === 'text' || type === 'email' || type === 'tel' || type === 'url') {
        const list = idReferences(e, 'list')[0];
        return list !== undefined && isHTML(list, 'datalist') ? 'combobox' : 'textbox';
      }
      if (type === 'hidden') return null;
      return inputTypeRoles[type] ?? 'textbox';
    },
    select: (e) => (hasAttribute(e, 'multiple') || selectSize(e) > 1 ? 'listbox' : 'combobox'),
    td: cellRole,
    th: (e) => {
      const scope = attribute(e, 'scope');
      if (scope === 'col') return 'columnheader';
      if (scope === 'row') return 'rowheader';
      return cellRole(e);
    },
  });
  // WAI-ARIA §9.1: the owned elements a presentational container takes along, by their parent's local name.
  const presentationParents = ObjectFreeze({
    __proto__: null, dd: ['dl', 'div'], div: ['dl'], dt: ['dl', 'div'], li: ['ol', 'ul'], tbody: ['table'], td: ['tr'],
    tfoot: ['table'], th: ['tr'], thead: ['table'], tr: ['thead', 'tbody', 'tfoot', 'table'],
  });
  const isOneOf = (list, value) => { for (let i = 0; i < list.length; i++) if (list[i] === value) return true; return false; };
  /** The element's implicit role, or the none/presentation of the container it is a required part of (a table's rows and cells, a list's items). */
  const implicitRole = (element) => {
    if (element[NAMESPACE] === SVG_NS && element[LOCAL] === 'svg') return 'img';
    if (element[NAMESPACE] !== HTML_NS) return null;
    const mapping = implicitRoles[element[LOCAL]];
    const implicit = mapping === undefined ? null : mapping(element);
    if (implicit === null) return null;
    for (let ancestor = element; ;) {
      const parent = parentElement(ancestor);
      const parents = ancestor[NAMESPACE] === HTML_NS ? presentationParents[ancestor[LOCAL]] : undefined;
      if (parents === undefined || parent === null || parent[NAMESPACE] !== HTML_NS || !isOneOf(parents, parent[LOCAL])) break;
      const parentExplicit = explicitRole(parent);
      if ((parentExplicit === 'none' || parentExplicit === 'presentation') && !hasPresentationConflict(parent, parentExplicit)) return parentExplicit;
      ancestor = parent;
    }
    return implicit;
  };
  const hasPresentationConflict = (element, forRole) => hasGlobalAriaAttribute(element, forRole) || isFocusable(element);
  /**
   * The element's computed role: its explicit role (§7.1), except that none/presentation yields to the
   * implicit role on a focusable element or one with a global ARIA attribute (§9.1 presentational role
   * conflict resolution); else its implicit role. Null when it has none.
   */
  const role = (element) => {
    if (element === null || element === undefined || element[TYPE] !== 1) return null;
    const explicit = explicitRole(element);
    if (explicit === null) return implicitRole(element);
    if (explicit === 'none' || explicit === 'presentation') {
      const implicit = implicitRole(element);
      if (hasPresentationConflict(element, implicit)) return implicit;
    }
    return explicit;
  };

  // ---- Hidden ------------------------------------------------------------------------------------
  const neverExposed = table(['style', 'script', 'noscript', 'template']);
  const isIgnored = (element) => element[NAMESPACE] === HTML_NS && neverExposed[element[LOCAL]] === true;
  const isVisibleText = (text) => !isBlank(text[DATA]);
  /**
   * Whether `element` is excluded from the accessibility tree (WAI-ARIA §8.3 "Excluded elements", as
   * Playwright's isElementHiddenForAria decides it): style/script/noscript/template; not being rendered
   * (display: none on it or an ancestor, the `hidden` attribute, a closed details, not connected) or a
   * `visibility` other than visible (an option in a select and a slot are exempt from the latter);
   * aria-hidden="true" on it or an ancestor; a light child of an open shadow host assigned to no slot.
   * An element with display: contents is hidden when none of its children is visible.
   */
  const isHiddenForAria = (element) => {
    if (isIgnored(element)) return true;
    const style = computedStyle(element);
    const isSlot = isHTML(element, 'slot');
    if (style !== null && style.display === 'contents' && !isSlot) {
      for (let child = element[FIRST]; child !== null; child = child[NEXT]) {
        if (child[TYPE] === 1 && !isHiddenForAria(child)) return false;
        if (child[TYPE] === 3 && isVisibleText(child) && style.rendered && style.visibility === 'visible') return false;
      }
      return true;
    }
    const isOptionInSelect = isHTML(element, 'option') && closest(element, (node) => isHTML(node, 'select')) !== null;
    if (!isOptionInSelect && !isSlot && !(style !== null && style.rendered && style.visibility === 'visible')) return true;
    return belongsToHidden(element);
  };
  /** Display none, aria-hidden="true" or not slotted, on `element` or an ancestor across shadow roots. */
  const belongsToHidden = (element) => {
    for (let node = element; node !== null; node = parentElement(node)) {
      const parent = node[PARENT];
      if (parent !== null && parent[TYPE] === 1 && openShadowRoot(parent) !== null && findSlot(node, true) === null) return true;
      const style = computedStyle(node);
      if (style === null || style.display === 'none' || lowerAttribute(node, 'aria-hidden') === 'true') return true;
    }
    return false;
  };

  // ---- Accessible name ---------------------------------------------------------------------------
  // WAI-ARIA §5.2.8.6 roles whose name authors cannot set: their accessible name is empty.
  const namingProhibited = table(['caption', 'code', 'definition', 'deletion', 'emphasis', 'generic', 'insertion', 'mark',
    'paragraph', 'presentation', 'strong', 'subscript', 'suggestion', 'superscript', 'term', 'time']);
  // WAI-ARIA §5.2.8.4 name from content, as Chromium applies it (w3c/aria#1821): these roles always,
  // the second list only below the element being named.
  const nameFromContent = table(['button', 'cell', 'checkbox', 'columnheader', 'gridcell', 'heading', 'link', 'menuitem',
    'menuitemcheckbox', 'menuitemradio', 'option', 'radio', 'row', 'rowheader', 'switch', 'tab', 'tooltip', 'treeitem']);
  const nameFromContentBelow = table(['', 'caption', 'code', 'contentinfo', 'definition', 'deletion', 'emphasis', 'insertion',
    'list', 'listitem', 'mark', 'none', 'paragraph', 'presentation', 'region', 'row', 'rowgroup', 'section', 'strong', 'subscript',
    'superscript', 'table', 'term', 'time']);
  const rangeRoles = table(['meter', 'progressbar', 'scrollbar', 'slider', 'spinbutton']);
  const placeholderTypes = table(['text', 'password', 'search', 'tel', 'email', 'url']);

  /** Playwright's getIdRefs: the first element (in `element`'s document or shadow root) with each space-separated ID, without repeats. */
  const idReferences = (element, name) => {
    const value = attribute(element, name);
    const result = [];
    if (value === null) return result;
    const root = rootOf(element);
    if (root[TYPE] !== 9 && root[TYPE] !== 11) return result;
    for (const id of safeArray(spaceTokens(value))) {
      const found = getElementById(root, id);
      if (found !== null && found !== undefined && !isOneOf(result, found)) ArrayPrototypePush(result, found);
    }
    return result;
  };
  /** The <label> elements labelling `control` (HTML §4.10.4 `labels`), in tree order. */
  const labelsOf = (control) => {
    const result = [];
    const root = rootOf(control);
    for (let node = root; node !== null; node = following(node, root)) if (isHTML(node, 'label') && labelControl(node) === control) ArrayPrototypePush(result, node);
    return result;
  };
  const firstChild = (element, test) => {
    for (let node = element[FIRST]; node !== null; node = node[NEXT]) if (node[TYPE] === 1 && test(node)) return node;
    return null;
  };
  const descendants = (element, test) => {
    const result = [];
    for (let node = element[FIRST]; node !== null; node = following(node, element)) if (node[TYPE] === 1 && test(node)) ArrayPrototypePush(result, node);
    return result;
  };
  const textContent = (element) => {
    let text = '';
    for (let node = element[FIRST]; node !== null; node = following(node, element)) if (node[TYPE] === 3 || node[TYPE] === 4) text += node[DATA];
    return text;
  };
  /** The options of one step: `traversal` says which reference is followed (its target hidden or not), `target` where the named element is. */
  const options = (base, changes) => {
    const result = { __proto__: null, includeHidden: base.includeHidden, visited: base.visited, labelledBy: base.labelledBy,
      label: base.label, native: base.native, target: base.target };
    for (const key of safeArray(['labelledBy', 'label', 'native', 'target'])) if (changes[key] !== undefined) result[key] = changes[key];
    return result;
  };
  const NONE = 0, VISIBLE = 1, HIDDEN = 2; // a followed reference: none, its target shown, its target hidden
  const reference = (element) => (isHiddenForAria(element) ? HIDDEN : VISIBLE);
  const fromLabels = (labels, base) => {
    const parts = [];
    for (const label of safeArray(labels)) {
      const text = textAlternative(label, options(base, { label: reference(label), native: NONE, labelledBy: NONE, target: null }));
      if (text !== '') ArrayPrototypePush(parts, text);
    }
    return ArrayPrototypeJoin(parts, ' ');
  };
  const fromChild = (element, localName, base) => {
    const child = firstChild(element, (node) => isHTML(node, localName));
    return child === null ? null : textAlternative(child, options(base, { native: reference(child) }));
  };

  /**
   * accname 1.2 §4.3.2 "compute the text alternative" of `element` (steps 2A–2I, with HTML-AAM §4.1's
   * native text alternatives in 2E and Playwright's deviations where browsers deviate from the spec).
   */
  const textAlternative = (element, current) => {
    const { visited } = current;
    if (SetPrototypeHas(visited, element)) return '';
    const child = options(current, { target: current.target === 'self' ? 'descendant' : current.target });

    // 2A: hidden and not reached through a reference whose target is itself hidden.
    if (!current.includeHidden) {
      const inHiddenReference = current.labelledBy === HIDDEN || current.label === HIDDEN || current.native === HIDDEN;
      if (isIgnored(element) || (!inHiddenReference && isHiddenForAria(element))) { SetPrototypeAdd(visited, element); return ''; }
    }

    // 2B: aria-labelledby, unless already following one.
    const labelledBy = idReferences(element, 'aria-labelledby');
    if (current.labelledBy === NONE) {
      const parts = [];
      for (const target of safeArray(labelledBy)) {
        ArrayPrototypePush(parts, textAlternative(target, options(current, { labelledBy: reference(target), label: NONE, native: NONE, target: null })));
      }
      const name = ArrayPrototypeJoin(parts, ' ');
      if (name !== '') return name;
    }
    const elementRole = role(element) ?? '';
    const local = element[NAMESPACE] === HTML_NS ? element[LOCAL] : null;

    // 2C: a control embedded in the label of another element contributes its value.
    if ((current.label !== NONE || current.labelledBy !== NONE || current.target === 'descendant') && !isOneOf(labelledBy, element)) {
      const value = embeddedValue(element, elementRole, local, child);
      if (value !== null) { SetPrototypeAdd(visited, element); return value; }
    }
    SetPrototypeAdd(visited, element);

    // 2D: aria-label.
    const ariaLabel = attribute(element, 'aria-label') ?? '';
    if (!isBlank(ariaLabel)) return ariaLabel;

    // 2E: the host language's text alternative.
    if (elementRole !== 'presentation' && elementRole !== 'none') {
      const native = nativeTextAlternative(element, local, labelledBy.length > 0, current, child);
      if (native !== null) return native;
    }

    // 2F: name from content (a summary always has it).
    if (nameFromContent[elementRole] === true || (current.target === 'descendant' && nameFromContentBelow[elementRole] === true) ||
        (local === 'summary' && elementRole !== 'presentation' && elementRole !== 'none') ||
        current.labelledBy !== NONE || current.label !== NONE || current.native !== NONE) {
      const name = contentText(element, child);
      if (current.target === 'self' ? !isBlank(name) : name !== '') return name;
    }

    // 2I: the tooltip attribute.
    if (elementRole !== 'presentation' && elementRole !== 'none') {
      const title = attribute(element, 'title') ?? '';
      if (!isBlank(title)) return title;
    }
    return '';
  };
  /** 2C: the value an embedded textbox, combobox, listbox or range contributes ('' for a menu); null for other elements. */
  const embeddedValue = (element, elementRole, local, child) => {
    if (elementRole === 'textbox') return local === 'input' || local === 'textarea' ? controlValue(element) : textContent(element);
    if (elementRole === 'combobox' || elementRole === 'listbox') {
      let selected;
      if (local === 'select') {
        const all = descendants(element, (node) => isHTML(node, 'option'));
        selected = [];
        for (const option of safeArray(all)) if (isSelected(option)) ArrayPrototypePush(selected, option);
        if (selected.length === 0 && all.length > 0) ArrayPrototypePush(selected, all[0]);
      } else {
        const listbox = elementRole === 'combobox' ? ownedElements(element, (node) => role(node) === 'listbox')[0] ?? null : element;
        selected = listbox === null ? [] : ownedElements(listbox, (node) => attribute(node, 'aria-selected') === 'true' && role(node) === 'option');
      }
      if (selected.length === 0 && local === 'input') return controlValue(element);
      const parts = [];
      for (const option of safeArray(selected)) ArrayPrototypePush(parts, textAlternative(option, child));
      return ArrayPrototypeJoin(parts, ' ');
    }
    if (rangeRoles[elementRole] === true) {
      if (hasAttribute(element, 'aria-valuetext')) return attribute(element, 'aria-valuetext');
      if (hasAttribute(element, 'aria-valuenow')) return attribute(element, 'aria-valuenow');
      return attribute(element, 'value') ?? '';
    }
    if (elementRole === 'menu') return '';
    return null;
  };
  /** The descendants of `element` and of the elements its aria-owns names (those included) that pass `test`. */
  const ownedElements = (element, test) => {
    const result = descendants(element, test);
    for (const owned of safeArray(idReferences(element, 'aria-owns'))) {
      if (test(owned)) ArrayPrototypePush(result, owned);
      for (const node of safeArray(descendants(owned, test))) ArrayPrototypePush(result, node);
    }
    return result;
  };
  /** 2E: HTML-AAM §4.1 and SVG-AAM's text alternatives; null to go on with 2F. */
  const nativeTextAlternative = (element, local, hasLabelledBy, current, child) => {
    if (element[NAMESPACE] === SVG_NS) {
      const title = firstChild(element, (node) => node[NAMESPACE] === SVG_NS && node[LOCAL] === 'title');
      return title === null ? null : textAlternative(title, options(child, { labelledBy: reference(title) }));
    }
    if (local === 'input') {
      const type = inputType(element);
      if (type === 'button' || type === 'submit' || type === 'reset') {
        const value = attribute(element, 'value') ?? '';
        if (!isBlank(value)) return value;
        if (type === 'submit') return 'Submit';
        if (type === 'reset') return 'Reset';
        return attribute(element, 'title') ?? '';
      }
      if (type === 'image') {
        const labels = labelsOf(element);
        if (labels.length > 0 && current.labelledBy === NONE) return fromLabels(labels, current);
        const alt = attribute(element, 'alt') ?? '';
        if (!isBlank(alt)) return alt;
        const title = attribute(element, 'title') ?? '';
        if (!isBlank(title)) return title;
        return 'Submit';
      }
    }
    if (!hasLabelledBy && local === 'button') {
      const labels = labelsOf(element);
      if (labels.length > 0) return fromLabels(labels, current);
      return null;
    }
    if (!hasLabelledBy && local === 'output') {
      const labels = labelsOf(element);
      if (labels.length > 0) return fromLabels(labels, current);
      return attribute(element, 'title') ?? '';
    }
    if (!hasLabelledBy && (local === 'textarea' || local === 'select' || local === 'input')) {
      const labels = labelsOf(element);
      if (labels.length > 0) return fromLabels(labels, current);
      const usePlaceholder = local === 'textarea' || (local === 'input' && placeholderTypes[inputType(element)] === true);
      const title = attribute(element, 'title') ?? '';
      if (!usePlaceholder || title !== '') return title;
      return attribute(element, 'placeholder') ?? '';
    }
    if (!hasLabelledBy && (local === 'fieldset' || local === 'figure')) {
      return fromChild(element, local === 'fieldset' ? 'legend' : 'figcaption', child) ?? attribute(element, 'title') ?? '';
    }
    if (local === 'img' || local === 'area') {
      const alt = attribute(element, 'alt') ?? '';
      if (!isBlank(alt)) return alt;
      return attribute(element, 'title') ?? '';
    }
    if (local === 'table') {
      const caption = fromChild(element, 'caption', child);
      if (caption !== null) return caption;
      const summary = attribute(element, 'summary') ?? '';
      if (summary !== '') return summary;
    }
    return null;
  };
  /**
   * 2F: the text alternatives of the children in the flat tree (a slot's assigned nodes, else the
   * unassigned children, the open shadow root's children and the aria-owns targets), elements that are
   * not display: inline, and <br>, set apart by spaces. ::before/::after content is not modelled.
   */
  const contentText = (element, child) => {
    let text = '';
    const visit = (node, skipSlotted) => {
      if (skipSlotted && node[PARENT] !== null && node[PARENT][TYPE] === 1 && openShadowRoot(node[PARENT]) !== null && findSlot(node, true) !== null) return;
      if (node[TYPE] === 1) {
        const style = computedStyle(node);
        const display = style === null ? 'inline' : style.display;
        const token = textAlternative(node, child);
        text += display !== 'inline' || isHTML(node, 'br') ? ' ' + token + ' ' : token;
      } else if (node[TYPE] === 3) text += node[DATA];
    };
    const assigned = isHTML(element, 'slot') ? findSlottables(element) : [];
    if (assigned.length > 0) {
      for (const node of safeArray(assigned)) visit(node, false);
      return text;
    }
    for (let node = element[FIRST]; node !== null; node = node[NEXT]) visit(node, true);
    const shadow = openShadowRoot(element);
    if (shadow !== null) for (let node = shadow[FIRST]; node !== null; node = node[NEXT]) visit(node, true);
    for (const owned of safeArray(idReferences(element, 'aria-owns'))) visit(owned, true);
    return text;
  };
  /**
   * The accessible name of `element` (accname 1.2 §4.3 with HTML-AAM §4.1) as a flat string: '' for
   * roles that prohibit naming, and for a hidden element unless `includeHidden`.
   */
  const accessibleName = (element, includeHidden = false) => {
    if (element === null || element === undefined || element[TYPE] !== 1) return '';
    if (namingProhibited[role(element) ?? ''] === true) return '';
    const start = { __proto__: null, includeHidden: !!includeHidden, visited: new Set(), labelledBy: NONE, label: NONE, native: NONE, target: 'self' };
    return flatString(textAlternative(element, start));
  };

  // ---- States ------------------------------------------------------------------------------------
  const checkedRoles = ['checkbox', 'menuitemcheckbox', 'option', 'radio', 'switch', 'menuitemradio', 'treeitem'];
  const pressedRoles = ['button'];
  const selectedRoles = ['gridcell', 'option', 'row', 'tab', 'rowheader', 'columnheader', 'treeitem'];
  const expandedRoles = ['application', 'button', 'checkbox', 'combobox', 'gridcell', 'link', 'listbox', 'menuitem', 'row',
    'rowheader', 'tab', 'treeitem', 'columnheader', 'menuitemcheckbox', 'menuitemradio', 'switch'];
  const levelRoles = ['heading', 'listitem', 'row', 'treeitem'];
  const disabledRoles = table(['application', 'button', 'composite', 'gridcell', 'group', 'input', 'link', 'menuitem', 'scrollbar',
    'separator', 'tab', 'checkbox', 'columnheader', 'combobox', 'grid', 'listbox', 'menu', 'menubar', 'menuitemcheckbox',
    'menuitemradio', 'option', 'radio', 'radiogroup', 'row', 'rowheader', 'searchbox', 'select', 'slider', 'spinbutton', 'switch',
    'tablist', 'textbox', 'toolbar', 'tree', 'treegrid', 'treeitem']);
  /** aria-checked (WAI-ARIA §6.6; HTML-AAM: a native checkbox's or radio's checkedness, mixed when indeterminate); false where it does not apply. */
  const checkedState = (element, elementRole) => {
    if (isHTML(element, 'input')) {
      if (isIndeterminate(element)) return 'mixed';
      const type = inputType(element);
      if (type === 'checkbox' || type === 'radio') return checkedness(element);
    }
    if (!isOneOf(checkedRoles, elementRole)) return false;
    const value = attribute(element, 'aria-checked');
    return value === 'true' ? true : value === 'mixed' ? 'mixed' : false;
  };
  /** aria-pressed on a button: true, 'mixed' or false. */
  const pressedState = (element, elementRole) => {
    if (elementRole !== 'button') return false;
    const value = attribute(element, 'aria-pressed');
    return value === 'true' ? true : value === 'mixed' ? 'mixed' : false;
  };
  /** aria-selected (an option's selectedness for <option>). */
  const selectedState = (element, elementRole) => {
    if (isHTML(element, 'option')) return isSelected(element);
    return isOneOf(selectedRoles, elementRole) && lowerAttribute(element, 'aria-selected') === 'true';
  };
  /** aria-expanded: true, false, or undefined when not set, which matches neither. */
  const expandedState = (element, elementRole) => {
    if (!isOneOf(expandedRoles, elementRole)) return undefined;
    const value = attribute(element, 'aria-expanded');
    return value === null ? undefined : value === 'true';
  };
  const headingLevels = ObjectFreeze({ __proto__: null, h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 });
  /** aria-level: a heading element's rank, else an integer aria-level ≥ 1 on a role that supports it, else 0. */
  const levelState = (element, elementRole) => {
    if (element[NAMESPACE] === HTML_NS && headingLevels[element[LOCAL]] !== undefined) return headingLevels[element[LOCAL]];
    if (!isOneOf(levelRoles, elementRole)) return 0;
    const value = attribute(element, 'aria-level');
    const level = value === null ? NumberNaN : Number(value);
    return NumberIsInteger(level) && level >= 1 ? level : 0;
  };
  /** aria-disabled: natively disabled, or the nearest aria-disabled true/false on it or an ancestor whose role supports it. */
  const disabledState = (element) => {
    if (isNativelyDisabled(element)) return true;
    for (let node = element; node !== null; node = parentElement(node)) {
      if (disabledRoles[role(node) ?? ''] !== true) continue;
      const value = lowerAttribute(node, 'aria-disabled');
      if (value === 'true') return true;
      if (value === 'false') return false;
    }
    return false;
  };

  // ---- getByRole ---------------------------------------------------------------------------------
  const quotedSorted = (list) => {
    const sorted = ArrayPrototypeSort(ArrayPrototypeSlice(list));
    let text = '';
    for (let i = 0; i < sorted.length; i++) text += (i > 0 ? ', ' : '') + '"' + sorted[i] + '"';
    return text;
  };
  const supportedRoles = ObjectFreeze({
    __proto__: null, checked: [checkedRoles, quotedSorted(checkedRoles)], pressed: [pressedRoles, quotedSorted(pressedRoles)],
    selected: [selectedRoles, quotedSorted(selectedRoles)], expanded: [expandedRoles, quotedSorted(expandedRoles)],
    level: [levelRoles, quotedSorted(levelRoles)],
  });
  const optionNames = ['name', 'exact', 'checked', 'pressed', 'selected', 'expanded', 'level', 'disabled', 'includeHidden'];
  /** The options read once into a fresh object; the role lowercased; Playwright's errors for an empty role or a state the role lacks. */
  const query = (queried, given) => {
    const read = ObjectCreate(null);
    if (given !== null && given !== undefined) for (let i = 0; i < optionNames.length; i++) read[optionNames[i]] = given[optionNames[i]];
    if (typeof read.name === 'string') read.name = normalizeWhiteSpace(read.name);
    read.role = asciiLowercase(String(queried));
    if (read.role === '') throw new Error('Role must not be empty');
    for (const key of safeArray(['checked', 'pressed', 'selected', 'expanded', 'level'])) {
      const roles = supportedRoles[key][0];
      const text = supportedRoles[key][1];
      if (read[key] !== undefined && !isOneOf(roles, read.role)) throw new Error(`"${key}" attribute is only supported for roles: ${text}`);
    }
    return read;
  };
  const matches = (element, read) => {
    const elementRole = role(element);
    if (elementRole !== read.role) return false;
    if (read.selected !== undefined && selectedState(element, elementRole) !== read.selected) return false;
    if (read.checked !== undefined && checkedState(element, elementRole) !== read.checked) return false;
    if (read.pressed !== undefined && pressedState(element, elementRole) !== read.pressed) return false;
    if (read.expanded !== undefined && expandedState(element, elementRole) !== read.expanded) return false;
    if (read.level !== undefined && levelState(element, elementRole) !== read.level) return false;
    if (read.disabled !== undefined && disabledState(element) !== read.disabled) return false;
    if (!read.includeHidden && isHiddenForAria(element)) return false;
    if (read.name !== undefined) {
      const name = normalizeWhiteSpace(accessibleName(element, !!read.includeHidden));
      if (typeof read.name === 'string') {
        if (read.exact === true) return name === read.name;
        return StringPrototypeIncludes(StringPrototypeToLowerCase(name), StringPrototypeToLowerCase(read.name));
      }
      return RegExpTest(read.name, name);
    }
    return true;
  };
  /**
   * Whether `element` is what Playwright's `getByRole(role, options)` selects: its computed role is
   * `role` (ASCII case-insensitive), each state option given equals its state, it is not hidden (unless
   * `includeHidden`), and its accessible name matches `name`: a string (white space normalised) as a
   * case-insensitive substring, or equal with `exact: true`; else a RegExp tested against the name.
   * Throws Playwright's Error for an empty role or a state option the role does not support.
   */
  const matchesRole = (element, queried, given = {}) => {
    const read = query(queried, given);
    return element !== null && element !== undefined && element[TYPE] === 1 && matches(element, read);
  };
  /**
   * The elements under `root` (a document, shadow root or element, not included) that `matchesRole`
   * accepts, in Playwright's order: the tree's elements in document order, then each open shadow tree
   * met (the root's own first) searched the same way.
   */
  const queryAllByRole = (root, queried, given = {}) => {
    const read = query(queried, given);
    const result = [];
    const search = (scope) => {
      const shadows = [];
      if (scope[TYPE] === 1 && openShadowRoot(scope) !== null) ArrayPrototypePush(shadows, openShadowRoot(scope));
      for (let node = scope[FIRST]; node !== null; node = following(node, scope)) {
        if (node[TYPE] !== 1) continue;
        if (matches(node, read)) ArrayPrototypePush(result, node);
        if (openShadowRoot(node) !== null) ArrayPrototypePush(shadows, openShadowRoot(node));
      }
      for (const shadow of safeArray(shadows)) search(shadow);
    };
    search(root);
    return result;
  };

  /** The roles each ARIA state applies to (WAI-ARIA 1.2, as roleUtils.ts lists them); shared with locator-evaluation.js. */
  const stateRoles = ObjectFreeze({ __proto__: null, checked: ObjectFreeze(checkedRoles), pressed: ObjectFreeze(pressedRoles),
    selected: ObjectFreeze(selectedRoles), expanded: ObjectFreeze(expandedRoles), level: ObjectFreeze(levelRoles) });
  return ObjectFreeze({ role, accessibleName, isHiddenForAria, matchesRole, queryAllByRole, normalizeWhiteSpace, stateRoles });
}
