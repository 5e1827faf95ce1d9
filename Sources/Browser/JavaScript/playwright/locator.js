// Playwright's Locator and FrameLocator in the support realm (playwright.dev/docs/api/class-locator
// and class-framelocator): a selector on a page, resolved each time it is used, strict for actions
// and reads (`playwright/locator-evaluation.js` in the page throws the strict mode violation); its
// selector strings are `playwright/locator-selectors.js`'s. Actions, reads and waits go through the
// page (`playwright/page.js`: `Page._act`, `_evaluateOn`, `_waitFor`, ...).
//
// Exports: `Locator`, `FrameLocator`.
(host, runtime) => {
  'use strict';
  const { ArrayPrototypeMap, ArrayPrototypePush, Error, JSONParse, JSONStringify, Number, ObjectFreeze,
    ObjectPrototypeHasOwnProperty, SplitString, String } = runtime.primordials;
  const { quote, locatorMethods, filterParts, keepSelector, locatorSelector } = runtime['playwright-locator-selectors'];
  const { FRAME_SEPARATOR, locateIn, actionOptions, filePayloads, injectedError, insideOf, layoutError, optionValues, screenshot } =
    runtime['playwright-calls'];
  const { ElementHandle } = runtime['playwright-element-handle'];

  /// Playwright's FrameLocator: locators inside an iframe's document, written after the iframe's
  /// selector and `internal:control=enter-frame` as Playwright writes them (`owner` is the
  /// iframe's locator description).
  class FrameLocator {
    #page; #selector; #owner;
    constructor(page, selector, owner) {
      this.#page = page;
      this.#selector = selector;
      this.#owner = owner;
    }
    get _inside() { return `${this.#selector} >> internal:control=enter-frame`; }
    get _description() { return `${this.#owner}.contentFrame()`; }
    locator(selector) { return new Locator(this.#page, `${this._inside} >> ${selector}`, `${this._description}.locator(${quote(selector)})`); }
    owner() { return new Locator(this.#page, this.#selector, this.#owner); }
    frameLocator(selector) {
      return new FrameLocator(this.#page, `${this._inside} >> ${selector}`, `${this._description}.locator(${quote(selector)})`);
    }
    first() { return new FrameLocator(this.#page, `${this.#selector} >> nth=0`, `${this.#owner}.first()`); }
    last() { return new FrameLocator(this.#page, `${this.#selector} >> nth=-1`, `${this.#owner}.last()`); }
    nth(index) { return new FrameLocator(this.#page, `${this.#selector} >> nth=${Number(index)}`, `${this.#owner}.nth(${Number(index)})`); }
  }
  for (const name of ['getByRole', 'getByText', 'getByLabel', 'getByPlaceholder', 'getByAltText', 'getByTitle', 'getByTestId']) {
    FrameLocator.prototype[name] = function (...args) {
      const page = this.owner().page();
      return locatorMethods((s, d) => new Locator(page, `${this._inside} >> ${s}`, `${this._description}.${d}`))[name](...args);
    };
  }

  /// Playwright's Locator: a selector on a page, resolved each time it is used (strict for actions and reads).
  class Locator {
    #page;
    #selector;
    #description;
    constructor(page, selector, description) {
      this.#page = page;
      this.#selector = selector;
      this.#description = description;
      keepSelector(this, selector);
    }
    page() { return this.#page; }
    toString() { return this.#description; }
    get _selector() { return this.#selector; }
    /// The document the locator's elements are in, after entering its frames (`internal:control=
    /// enter-frame`): `{ entry, selector, path }`, or null while a frame on the way is not there.
    /// A frame's selector that fails (two iframes for a strict locator) throws `method`'s error.
    _scope(method) {
      let entry = this.#page._entry();
      const parts = SplitString(this.#selector, FRAME_SEPARATOR);
      if (parts.length === 1) return { entry, selector: this.#selector, path: [] };
      const path = [];
      for (let i = 0; i < parts.length - 1; i++) {
        const frames = locateIn(entry, parts[i], this.#description, true, method);
        if (frames.length === 0) return null;
        const id = entry.frameId(frames[0]);
        if (id === 0) return null;
        ArrayPrototypePush(path, id);
        const made = host.frameEntry(this.#page._id, path);
        if (made === null) return null;
        entry = made();
        if (entry === null || entry === undefined) return null;
      }
      return { entry, selector: parts[parts.length - 1], path };
    }
    #derive(selector, description) { return new Locator(this.#page, `${this.#selector} >> ${selector}`, `${this.#description}.${description}`); }
    locator(selector, options) {
      const filters = filterParts(options, this.#page);
      const inner = typeof selector === 'string' ? selector : `internal:chain=${JSONStringify(locatorSelector(selector, 'locator'))}`;
      return this.#derive(`${inner}${filters.selector}`,
        `locator(${typeof selector === 'string' ? quote(selector) : String(selector)}${filters.description ? `, ${filters.description}` : ''})`);
    }
    frameLocator(selector) {
      return new FrameLocator(this.#page, `${this.#selector} >> ${selector}`, `${this.#description}.locator(${quote(selector)})`);
    }
    contentFrame() { return new FrameLocator(this.#page, this.#selector, this.#description); }
    /// `describe(text)`: the same locator, named `text` in errors and logs.
    describe(text) { return new Locator(this.#page, this.#selector, String(text)); }
    first() { return this.#derive('nth=0', 'first()'); }
    last() { return this.#derive('nth=-1', 'last()'); }
    nth(index) { return this.#derive(`nth=${Number(index)}`, `nth(${Number(index)})`); }
    filter(options) {
      const filters = filterParts(options, this.#page);
      if (filters.selector === '') return this;
      return new Locator(this.#page, `${this.#selector}${filters.selector}`, `${this.#description}.filter(${filters.description})`);
    }
    and(other) { return this.#derive(`internal:and=${JSONStringify(this.#sameFrame(other, 'and'))}`, `and(${String(other)})`); }
    or(other) { return this.#derive(`internal:or=${JSONStringify(this.#sameFrame(other, 'or'))}`, `or(${String(other)})`); }
    /// The selector of `other` (a Locator of this page, else Playwright's error).
    #sameFrame(other, option) {
      const selector = locatorSelector(other, option);
      if (other.page() !== this.#page) throw new Error('Locators must belong to the same frame.');
      return selector;
    }
    async count() {
      this.#page._ensureOpen('locator.count');
      const scope = this._scope('locator.count');
      return scope === null ? 0 : locateIn(scope.entry, scope.selector, this.#description, false, 'locator.count').length;
    }
    async all() {
      const count = await this.count();
      const all = [];
      for (let i = 0; i < count; i++) ArrayPrototypePush(all, this.nth(i));
      return all;
    }

    // ---- Actions (strict) ----
    #act(method, args, options) {
      return this.#page._act(`locator.${method}`, [this.#selector, ...args], options, this.#description, () => this._scope(`locator.${method}`));
    }
    async click(options) { return this.#act('click', [actionOptions(options)], options); }
    async dblclick(options) { return this.#act('dblclick', [actionOptions(options)], options); }
    async tap(options) {
      if (!this.#page.context()?._hasTouch) throw new Error('locator.tap: The page does not support tap. Use hasTouch context option to enable touch support.');
      return this.#act('tap', [actionOptions(options)], options);
    }
    async hover(options) { return this.#act('hover', [actionOptions(options)], options); }
    async fill(value, options) { return this.#act('fill', [value, actionOptions(options)], options); }
    async clear(options) { return this.#act('clear', [actionOptions(options)], options); }
    async press(key, options) { return this.#act('press', [String(key)], options); }
    async pressSequentially(text, options) { return this.#act('type', [String(text)], options); }
    async type(text, options) { return this.#act('type', [String(text)], options); }
    async check(options) { return this.#act('check', [actionOptions(options)], options); }
    async uncheck(options) { return this.#act('uncheck', [actionOptions(options)], options); }
    async setChecked(checked, options) { return this.#act('setChecked', [!!checked, actionOptions(options)], options); }
    async focus(options) { return this.#act('focus', [], options); }
    async blur(options) { return this.#act('blur', [], options); }
    async dispatchEvent(type, init, options) { return this.#act('dispatchEvent', [String(type), init ?? {}], options); }
    async selectOption(values, options) {
      return this.#act('selectOption', [optionValues(values, 'locator.selectOption'), actionOptions(options)], options);
    }
    async setInputFiles(files, options) { return this.#act('setInputFiles', [filePayloads(files, 'locator.setInputFiles')], options); }
    async dragTo(target, options) {
      const { force, trial } = options ?? {};
      return this.#act('dragTo', [locatorSelector(target, 'dragTo'), { force, trial, targetLocator: String(target) }], options);
    }
    async scrollIntoViewIfNeeded(options) { await this._waitForState('locator.scrollIntoViewIfNeeded', 'attached', options?.timeout, true); }
    /// Nothing to show without a screen; resolves to what Playwright's protocol answer gives (`{}`).
    async highlight() { return {}; }
    async selectText(options) { return this.#act('selectText', [actionOptions(options)], options); }
    async boundingBox() { throw layoutError('locator.boundingBox'); }
    async screenshot(options) { return screenshot(options, 'locator.screenshot'); }
    /// The one element (strict), waited for as `waitFor({ state: 'attached' })`, as an ElementHandle.
    async elementHandle(options) {
      await this._waitForState('locator.elementHandle', 'attached', options?.timeout, true);
      const scope = this._scope('locator.elementHandle');
      const element = locateIn(scope.entry, scope.selector, this.#description, true, 'locator.elementHandle')[0];
      return new ElementHandle(this.#page, scope.entry, scope.entry.adopt(element), element, scope.path, insideOf(this.#selector));
    }
    /// Every element it matches now, as ElementHandles.
    async elementHandles() {
      const scope = this._scope('locator.elementHandles');
      if (scope === null) return [];
      return ArrayPrototypeMap(locateIn(scope.entry, scope.selector, this.#description, false, 'locator.elementHandles'),
        (element) => new ElementHandle(this.#page, scope.entry, scope.entry.adopt(element), element, scope.path, insideOf(this.#selector)));
    }
    /// `evaluateHandle(fn, arg)` on the one element.
    async evaluateHandle(fn, arg, options) {
      await this._read('locator.evaluateHandle', 'state', 'attached', options);
      const scope = this._scope('locator.evaluateHandle');
      return this.#page._evaluateHandleOn('locator.evaluateHandle', fn, locateIn(scope.entry, scope.selector, this.#description, true, 'locator.evaluateHandle')[0], arg, scope);
    }

    // ---- Reads ----
    /// Waits for the one element (strict; the first match for `strict` false) and reads `name` of it.
    async _read(method, name, argument, options, strict = true) {
      this.#page._ensureOpen(method);
      const timeout = options?.timeout ?? this.#page._timeout;
      return this.#page._waitFor(method, timeout, async () => {
        const scope = this._scope(method);
        if (scope === null) return null;
        const outcome = JSONParse(scope.entry.read(scope.selector, strict ? this.#description : '', name,
          argument === undefined ? '' : JSONStringify(argument)));
        if (ObjectPrototypeHasOwnProperty(outcome, 'error')) {
          throw new Error(`${method}: ${injectedError(outcome.error, strict ? `waiting for ${this.#description}` : '')}`);
        }
        return outcome.missing ? null : { value: outcome.value };
      }, `waiting for ${this.#description}`);
    }
    /// An element state now, without waiting (false when there is no element).
    async _state(method, state, strict = true) {
      this.#page._ensureOpen(method);
      const scope = this._scope(method);
      if (scope === null) return state === 'hidden';
      const outcome = JSONParse(scope.entry.read(scope.selector, strict ? this.#description : '', 'state', JSONStringify(state)));
      if (ObjectPrototypeHasOwnProperty(outcome, 'error')) {
        throw new Error(`${method}: ${injectedError(outcome.error, strict ? `checking visibility of ${this.#description}` : '')}`);
      }
      if (outcome.missing) return state === 'hidden';
      return outcome.value;
    }
    async _stateWaiting(method, state, options, strict = true) { return this._read(method, 'state', state, options, strict); }
    async textContent(options) { return this._read('locator.textContent', 'textContent', undefined, options); }
    async innerText(options) { return this._read('locator.innerText', 'innerText', undefined, options); }
    async innerHTML(options) { return this._read('locator.innerHTML', 'innerHTML', undefined, options); }
    async inputValue(options) { return this._read('locator.inputValue', 'inputValue', undefined, options); }
    async getAttribute(name, options) { return this._read('locator.getAttribute', 'getAttribute', String(name), options); }
    async ariaSnapshot(options) { return this._read('locator.ariaSnapshot', 'ariaSnapshot', undefined, options); }
    async isVisible() { return this._state('locator.isVisible', 'visible'); }
    async isHidden() { return this._state('locator.isHidden', 'hidden'); }
    async isEnabled(options) { return this._stateWaiting('locator.isEnabled', 'enabled', options); }
    async isDisabled(options) { return this._stateWaiting('locator.isDisabled', 'disabled', options); }
    async isEditable(options) { return this._stateWaiting('locator.isEditable', 'editable', options); }
    async isChecked(options) { return this._stateWaiting('locator.isChecked', 'checked', options); }
    async allTextContents() { return this.#readAll('textContent'); }
    async allInnerTexts() { return this.#readAll('innerText'); }
    async #readAll(name) {
      const scope = this._scope(`locator.all${name === 'innerText' ? 'InnerTexts' : 'TextContents'}`);
      if (scope === null) return [];
      const outcome = JSONParse(scope.entry.readAll(scope.selector, name));
      if (ObjectPrototypeHasOwnProperty(outcome, 'error')) throw new Error(`locator.all${name === 'innerText' ? 'InnerTexts' : 'TextContents'}: ${outcome.error}`);
      return outcome.value;
    }
    async evaluate(fn, arg, options) {
      await this._read('locator.evaluate', 'state', 'attached', options);
      const scope = this._scope('locator.evaluate');
      return this.#page._evaluateOn('locator.evaluate', fn, locateIn(scope.entry, scope.selector, this.#description, true, 'locator.evaluate')[0], arg, scope);
    }
    async evaluateAll(fn, arg) {
      const scope = this._scope('locator.evaluateAll');
      if (scope === null) return this.#page._evaluateOn('locator.evaluateAll', fn, [], arg);
      return this.#page._evaluateOn('locator.evaluateAll', fn, locateIn(scope.entry, scope.selector, this.#description, false, 'locator.evaluateAll'), arg, scope);
    }
    /// `waitFor({ state })`: 'attached', 'detached', 'visible' (the default) or 'hidden'.
    async waitFor(options) { await this._waitForState('locator.waitFor', options?.state ?? 'visible', options?.timeout, true); }
    async _waitForState(method, state, timeout, strict) {
      if (state !== 'attached' && state !== 'detached' && state !== 'visible' && state !== 'hidden') {
        throw new Error(`${method}: state: expected one of (attached|detached|visible|hidden)`);
      }
      const waiting = { attached: '', detached: ' to be detached', visible: ' to be visible', hidden: ' to be hidden' }[state];
      // Playwright's call log: the wait, then what the locator resolved to when it was there but
      // not in the state ("locator resolved to hidden <button ...>").
      let resolved = null;
      const log = () => (resolved === null ? [`waiting for ${this.#description}${waiting}`]
        : [`waiting for ${this.#description}${waiting}`, `locator resolved to ${resolved}`]);
      return this.#page._waitFor(method, timeout ?? this.#page._timeout, async () => {
        const scope = this._scope(method);
        const outcome = scope === null ? { missing: true }
          : JSONParse(scope.entry.read(scope.selector, strict ? this.#description : '', 'state', JSONStringify('visible')));
        if (ObjectPrototypeHasOwnProperty(outcome, 'error')) {
          throw new Error(`${method}: ${injectedError(outcome.error, strict ? `waiting for ${this.#description}${waiting}` : '')}`);
        }
        const attached = !outcome.missing;
        const visible = attached && outcome.value === true;
        const met = state === 'attached' ? attached : state === 'detached' ? !attached : state === 'visible' ? visible : !visible;
        if (!met) {
          resolved = attached && outcome.preview !== undefined ? `${visible ? 'visible' : 'hidden'} ${outcome.preview}` : null;
          return null;
        }
        // The live element for `page.waitForSelector` (Caper gives page objects, not ElementHandles).
        return { value: attached && (state === 'attached' || state === 'visible')
          ? locateIn(scope.entry, scope.selector, strict ? this.#description : '', strict, method)[0] : null };
      }, log);
    }
    /// One evaluation of a web-first expectation (`playwright/expect.js`'s adapter), in the page.
    _expectOnce(expression, params) {
      const scope = this._scope('');
      const outcome = JSONParse((scope?.entry ?? this.#page._entry()).expect(scope === null ? null : scope.selector, this.#description,
        String(expression), JSONStringify(params)));
      if (ObjectPrototypeHasOwnProperty(outcome, 'error')) throw new Error(outcome.error);
      return outcome;
    }
  }
  for (const name of ['getByRole', 'getByText', 'getByLabel', 'getByPlaceholder', 'getByAltText', 'getByTitle', 'getByTestId']) {
    Locator.prototype[name] = function (...args) {
      return locatorMethods((s, d) => new Locator(this.page(), `${this._selector} >> ${s}`, `${String(this)}.${d}`))[name](...args);
    };
  }
  for (const made of [FrameLocator, Locator]) ObjectFreeze(made.prototype);

  return { Locator, FrameLocator };
}
