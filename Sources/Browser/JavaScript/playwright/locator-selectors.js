// The selector strings of Playwright's locators, with their descriptions: `getByRole(...)` is
// `internal:role=button[name="Go"i]` described as `getByRole('button', { name: 'Go' })`, the
// filters of `locator(selector, options)` and `filter(options)` (Playwright's
// packages/playwright-core/src/utils/isomorphic/locatorUtils.ts and locatorGenerators.ts). Pure
// string building: resolving a selector is the page's (`playwright/selector-engine.js`).
//
// Exports: `quote(text)`, `locatorMethods(make)` (the `getBy*` methods over `make(selector,
// description)`), `filterParts(options, page)`, `keepSelector(locator, selector)`,
// `locatorSelector(value, option)`, `setTestIdAttribute(name)`.
(host, runtime) => {
  'use strict';
  const { JSONStringify, Error, TypeError, ArrayPrototypePush, ArrayPrototypeJoin, StringPrototypeReplace, RegExp, String,
    WeakMap, WeakMapPrototypeGet, WeakMapPrototypeSet } = runtime.primordials;
  const quote = (text) => `'${StringPrototypeReplace(StringPrototypeReplace(String(text), /\\/g, '\\\\'), /'/g, "\\'")}'`;
  const escapeRegex = (re) => StringPrototypeReplace(StringPrototypeReplace(String(re), /(^|[^\\])(\\\\)*(["'`])/g, '$1$2\\$3'), />>/g, '\\>\\>');
  const isRegExp = (value) => value instanceof RegExp || (value !== null && typeof value === 'object' && typeof value.source === 'string' && typeof value.flags === 'string');
  const textSelector = (text, exact) => (isRegExp(text) ? escapeRegex(text) : `${JSONStringify(String(text))}${exact ? 's' : 'i'}`);
  const attributeSelector = (value, exact) => (isRegExp(value) ? escapeRegex(value)
    : `"${StringPrototypeReplace(StringPrototypeReplace(String(value), /\\/g, '\\\\'), /"/g, '\\"')}"${exact ? 's' : 'i'}`);
  const textArgument = (text, exact) => (isRegExp(text) ? String(text) : exact ? `${quote(text)}, { exact: true }` : quote(text));
  /// The attribute `getByTestId` matches (`selectors.setTestIdAttribute`).
  let testIdAttribute = 'data-testid';

  const roleSelector = (role, options = {}) => {
    let props = '';
    const add = (name, value) => { props += `[${name}=${value}]`; };
    if (options.checked !== undefined) add('checked', String(options.checked));
    if (options.disabled !== undefined) add('disabled', String(options.disabled));
    if (options.selected !== undefined) add('selected', String(options.selected));
    if (options.expanded !== undefined) add('expanded', String(options.expanded));
    if (options.includeHidden !== undefined) add('include-hidden', String(options.includeHidden));
    if (options.level !== undefined) add('level', String(options.level));
    if (options.name !== undefined) add('name', attributeSelector(options.name, !!options.exact));
    if (options.pressed !== undefined) add('pressed', String(options.pressed));
    return `internal:role=${role}${props}`;
  };
  const roleDescription = (role, options = {}) => {
    const parts = [];
    if (options.checked !== undefined) ArrayPrototypePush(parts, `checked: ${options.checked}`);
    if (options.disabled !== undefined) ArrayPrototypePush(parts, `disabled: ${options.disabled}`);
    if (options.selected !== undefined) ArrayPrototypePush(parts, `selected: ${options.selected}`);
    if (options.expanded !== undefined) ArrayPrototypePush(parts, `expanded: ${options.expanded}`);
    if (options.includeHidden !== undefined) ArrayPrototypePush(parts, `includeHidden: ${options.includeHidden}`);
    if (options.level !== undefined) ArrayPrototypePush(parts, `level: ${options.level}`);
    if (options.name !== undefined) ArrayPrototypePush(parts, `name: ${isRegExp(options.name) ? String(options.name) : quote(options.name)}`);
    if (options.exact) ArrayPrototypePush(parts, 'exact: true');
    if (options.pressed !== undefined) ArrayPrototypePush(parts, `pressed: ${options.pressed}`);
    return parts.length === 0 ? `getByRole(${quote(role)})` : `getByRole(${quote(role)}, { ${ArrayPrototypeJoin(parts, ', ')} })`;
  };

  /// The `getBy*` methods, shared by Page, Frame, FrameLocator and Locator: `make(selector, description)`.
  const locatorMethods = (make) => ({
    getByRole: (role, options = {}) => make(roleSelector(role, options), roleDescription(role, options)),
    getByText: (text, options = {}) => make(`internal:text=${textSelector(text, !!options.exact)}`, `getByText(${textArgument(text, options.exact)})`),
    getByLabel: (text, options = {}) => make(`internal:label=${textSelector(text, !!options.exact)}`, `getByLabel(${textArgument(text, options.exact)})`),
    getByPlaceholder: (text, options = {}) => make(`internal:attr=[placeholder=${attributeSelector(text, !!options.exact)}]`,
      `getByPlaceholder(${textArgument(text, options.exact)})`),
    getByAltText: (text, options = {}) => make(`internal:attr=[alt=${attributeSelector(text, !!options.exact)}]`,
      `getByAltText(${textArgument(text, options.exact)})`),
    getByTitle: (text, options = {}) => make(`internal:attr=[title=${attributeSelector(text, !!options.exact)}]`,
      `getByTitle(${textArgument(text, options.exact)})`),
    getByTestId: (id) => make(`internal:testid=[${testIdAttribute}=${attributeSelector(id, true)}]`,
      `getByTestId(${isRegExp(id) ? String(id) : quote(id)})`),
  });

  /// The filter selectors of `locator(selector, options)` and `filter(options)`, with their descriptions.
  /// `page`: the page of the locator filtered; a `has` or `hasNot` locator of another page throws
  /// Playwright's error.
  const filterParts = (options, page) => {
    const inner = (locator, option) => {
      const selector = locatorSelector(locator, option);
      if (locator.page() !== page) throw new Error(`Inner "${option}" locator must belong to the same frame.`);
      return selector;
    };
    let selector = '';
    const described = [];
    if (options === undefined || options === null) return { selector, description: '' };
    if (options.hasText !== undefined) {
      selector += ` >> internal:has-text=${textSelector(options.hasText, false)}`;
      ArrayPrototypePush(described, `hasText: ${isRegExp(options.hasText) ? String(options.hasText) : quote(options.hasText)}`);
    }
    if (options.hasNotText !== undefined) {
      selector += ` >> internal:has-not-text=${textSelector(options.hasNotText, false)}`;
      ArrayPrototypePush(described, `hasNotText: ${isRegExp(options.hasNotText) ? String(options.hasNotText) : quote(options.hasNotText)}`);
    }
    if (options.has !== undefined) {
      selector += ` >> internal:has=${JSONStringify(inner(options.has, 'has'))}`;
      ArrayPrototypePush(described, `has: ${String(options.has)}`);
    }
    if (options.hasNot !== undefined) {
      selector += ` >> internal:has-not=${JSONStringify(inner(options.hasNot, 'hasNot'))}`;
      ArrayPrototypePush(described, `hasNot: ${String(options.hasNot)}`);
    }
    if (options.visible !== undefined) {
      selector += ` >> visible=${options.visible ? 'true' : 'false'}`;
      ArrayPrototypePush(described, `visible: ${!!options.visible}`);
    }
    return { selector, description: described.length === 0 ? '' : `{ ${ArrayPrototypeJoin(described, ', ')} }` };
  };

  /// Locators' selectors, kept out of reach of user code.
  const selectors = new WeakMap();
  const keepSelector = (locator, selector) => { WeakMapPrototypeSet(selectors, locator, selector); };
  /// The selector of the Locator `value` (an option's, `has`, `hasNot`, `or`, `and`), else a TypeError.
  const locatorSelector = (value, option) => {
    const selector = WeakMapPrototypeGet(selectors, value);
    if (selector === undefined) throw new TypeError(`${option}: expected a Locator`);
    return selector;
  };

  return {
    quote, locatorMethods, filterParts, keepSelector, locatorSelector,
    setTestIdAttribute: (name) => { testIdAttribute = String(name); },
  };
}
