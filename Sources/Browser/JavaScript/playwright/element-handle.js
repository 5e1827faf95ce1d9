// Playwright's JSHandle and ElementHandle in the support realm (playwright.dev/docs/api/class-jshandle
// and class-elementhandle). An ElementHandle holds its node in the page realm under a number
// (`entry.adopt`, selected again as `internal:handle=N`): its reads answer for a removed node, its
// actions check actionability as a locator's do, and a navigation away detaches it. A JSHandle
// holds a copy of a value brought back from the page. `argumentText` sends `evaluate`'s argument
// to the page, handles in it arriving as their nodes or values.
//
// Exports: `JSHandle`, `ElementHandle`, `argumentText`, `locateHandles`, `waitForHandle`.
(host, runtime) => {
  'use strict';
  const { JSONParse, JSONStringify, Error, TypeError, ArrayPrototypePush, ArrayIsArray,
    ObjectPrototypeHasOwnProperty, StringPrototypeStartsWith, Map, MapPrototypeSet, String, ArrayPrototypeMap,
    ArrayPrototypeIndexOf, ObjectKeys, ObjectFreeze } = runtime.primordials;
  const { makeEncoder } = runtime['serialized-value'];
  const { quote } = runtime['playwright-locator-selectors'];
  const { layoutError, injectedError, actionOptions, filePayloads, optionValues, screenshot, insideOf, entryAt,
    newLocator } = runtime['playwright-calls'];
  /// The ChildFrame at `path` (`playwright/frame.js`, installed after this file).
  const frameAt = (page, path) => runtime['playwright-frame'].frameAt(page, path);

  /// A locator of `page` for `selector` inside the frame `inside` enters ('' for the main frame).
  const insideLocator = (page, inside, selector) =>
    newLocator(page, inside === '' ? selector : `${inside} >> ${selector}`, `locator(${quote(selector)})`);
  /// Playwright's JSHandle, for a value already brought back from the page (`waitForFunction`'s,
  /// `evaluateHandle`'s, a console message's arguments): a copy of it, not a live reference.
  class JSHandle {
    #value;
    #disposed = false;
    constructor(value) { this.#value = value; }
    _value() { return this.#value; }
    _checkDisposed(method) { if (this.#disposed) throw new Error(`${method}: JSHandle is disposed`); }
    async jsonValue() { this._checkDisposed('jsHandle.jsonValue'); return this.#value; }
    async evaluate(fn, arg) { this._checkDisposed('jsHandle.evaluate'); return fn(this.#value, arg); }
    async evaluateHandle(fn, arg) { return new JSHandle(await this.evaluate(fn, arg)); }
    async getProperty(name) {
      this._checkDisposed('jsHandle.getProperty');
      const value = this.#value;
      return new JSHandle(value !== null && typeof value === 'object' ? value[name] : undefined);
    }
    async getProperties() {
      this._checkDisposed('jsHandle.getProperties');
      const properties = new Map();
      const value = this.#value;
      if (value !== null && typeof value === 'object') for (const key of ObjectKeys(value)) MapPrototypeSet(properties, key, new JSHandle(value[key]));
      return properties;
    }
    asElement() { return null; }
    async dispose() { this.#disposed = true; }
    toString() {
      const value = this.#value;
      if (ArrayIsArray(value)) return 'JSHandle@array';
      if (value !== null && typeof value === 'object') return 'JSHandle@object';
      if (value === 'ref: <Window>') return 'JSHandle@object';
      if (typeof value === 'string' && StringPrototypeStartsWith(value, 'ref: <')) return 'JSHandle@node';
      return `JSHandle@${String(value)}`;
    }
  }

  /// Playwright's ElementHandle: one node of a document of the page (the main frame's or a child
  /// frame's, `path` the frame ids down to it) that support code holds (`$`, `$$`,
  /// `waitForSelector`, `evaluateHandle`, `locator.elementHandle`). The page realm keeps the node
  /// under a number (selector-engine.js `adopt`): reads and `evaluate` go to the node itself (a
  /// node removed from its document still answers them, as in Playwright); actions reach it
  /// through the selector `internal:handle=<number>`, so they wait and check actionability as a
  /// locator's do, and throw "Element is not attached to the DOM" for a removed node. An
  /// `evaluate` argument that holds the handle arrives in the page as the node itself. A handle
  /// belongs to its document: once the page (or frame) navigated away, or after `dispose()`, its
  /// methods throw.
  class ElementHandle extends JSHandle {
    #page; #entry; #number; #path; #inside; #selector;
    /// `inside`: the selector prefix that enters the handle's frame ('' for the main frame).
    constructor(page, entry, number, node, path = [], inside = '') {
      super(node);
      this.#page = page;
      this.#entry = entry;
      this.#number = number;
      this.#path = path;
      this.#inside = inside;
      this.#selector = `internal:handle=${number}`;
    }
    /// The handle's document is still the one its frame shows.
    #inDocument(method) {
      this._checkDisposed(method);
      this.#page._ensureOpen(method);
      if (entryAt(this.#page, this.#path) !== this.#entry) throw new Error(`${method}: Element is not attached to the DOM`);
    }
    get _scope() { return { entry: this.#entry, path: this.#path }; }
    #read(method, name, argument) {
      this.#inDocument(method);
      const outcome = JSONParse(this.#entry.readNode(this._value(), name, argument === undefined ? '' : JSONStringify(argument)));
      if (ObjectPrototypeHasOwnProperty(outcome, 'error')) throw new Error(`${method}: ${injectedError(outcome.error)}`);
      return outcome.value;
    }
    #act(method, args, options) {
      this.#inDocument(`elementHandle.${method}`);
      if (!this.#entry.contains(this._value())) throw new Error(`elementHandle.${method}: Element is not attached to the DOM`);
      return this.#page._act(`elementHandle.${method}`, [this.#selector, ...args], options, '',
        () => ({ selector: this.#selector, path: this.#path }));
    }
    /// What `evaluate` sends for this handle as (part of) an argument to the document of `entry`.
    _argument(entry, method) {
      this._checkDisposed(method);
      if (entry !== this.#entry) throw new Error(`${method}: JSHandles can be evaluated only in the context they were created!`);
      return `{"h":${this.#number}}`;
    }
    asElement() { return this; }
    async ownerFrame() { return this.#path.length === 0 ? this.#page.mainFrame() : frameAt(this.#page, this.#path); }
    async contentFrame() { return null; }
    async evaluate(fn, arg) {
      this.#inDocument('elementHandle.evaluate');
      return this.#page._evaluateOn('elementHandle.evaluate', fn, this._value(), arg, this._scope);
    }
    async evaluateHandle(fn, arg) {
      this.#inDocument('elementHandle.evaluateHandle');
      return this.#page._evaluateHandleOn('elementHandle.evaluateHandle', fn, this._value(), arg, this._scope);
    }
    async getProperty(name) {
      return this.evaluateHandle((node, key) => node[key], String(name));
    }
    async getProperties() {
      const value = await this.evaluate((node) => { const own = {}; for (const key of Object.keys(node)) own[key] = node[key]; return own; });
      const properties = new Map();
      for (const key of ObjectKeys(value)) MapPrototypeSet(properties, key, new JSHandle(value[key]));
      return properties;
    }
    async jsonValue() { return this.evaluate((node) => node); }
    async $(selector) {
      this.#inDocument('elementHandle.$');
      const found = locateHandles(this.#page, this.#entry, this.#path, this.#inside, 'elementHandle.$', `${this.#selector} >> ${selector}`);
      return found.length === 0 ? null : found[0];
    }
    async $$(selector) {
      this.#inDocument('elementHandle.$$');
      return locateHandles(this.#page, this.#entry, this.#path, this.#inside, 'elementHandle.$$', `${this.#selector} >> ${selector}`);
    }
    async $eval(selector, fn, arg) {
      const found = await this.$(selector);
      if (found === null) throw new Error(`elementHandle.$eval: Failed to find element matching selector "${selector}"`);
      return this.#page._evaluateOn('elementHandle.$eval', fn, found._value(), arg, this._scope);
    }
    async $$eval(selector, fn, arg) {
      const found = await this.$$(selector);
      return this.#page._evaluateOn('elementHandle.$$eval', fn, ArrayPrototypeMap(found, (handle) => handle._value()), arg, this._scope);
    }
    async waitForSelector(selector, options) {
      this.#inDocument('elementHandle.waitForSelector');
      return waitForHandle(this.#page, 'elementHandle.waitForSelector', insideLocator(this.#page, this.#inside, `${this.#selector} >> ${selector}`),
        options);
    }
    async waitForElementState(state, options) {
      this.#inDocument('elementHandle.waitForElementState');
      const name = String(state);
      if (name === 'stable') return undefined;
      if (ArrayPrototypeIndexOf(['visible', 'hidden', 'enabled', 'disabled', 'editable'], name) < 0) {
        throw new Error('elementHandle.waitForElementState: state: expected one of (visible|hidden|stable|enabled|disabled|editable)');
      }
      await this.#page._waitFor('elementHandle.waitForElementState', options?.timeout ?? this.#page._timeout,
        async () => (this.#read('elementHandle.waitForElementState', 'state', name) ? { value: undefined } : null),
        `waiting for element to be ${name}`);
      return undefined;
    }
    // ---- Reads (at once: the node is there) ----
    async textContent() { return this.#read('elementHandle.textContent', 'textContent'); }
    async innerText() { return this.#read('elementHandle.innerText', 'innerText'); }
    async innerHTML() { return this.#read('elementHandle.innerHTML', 'innerHTML'); }
    async inputValue() { return this.#read('elementHandle.inputValue', 'inputValue'); }
    async getAttribute(name) { return this.#read('elementHandle.getAttribute', 'getAttribute', String(name)); }
    async isVisible() { return this.#read('elementHandle.isVisible', 'state', 'visible'); }
    async isHidden() { return this.#read('elementHandle.isHidden', 'state', 'hidden'); }
    async isEnabled() { return this.#read('elementHandle.isEnabled', 'state', 'enabled'); }
    async isDisabled() { return this.#read('elementHandle.isDisabled', 'state', 'disabled'); }
    async isEditable() { return this.#read('elementHandle.isEditable', 'state', 'editable'); }
    async isChecked() { return this.#read('elementHandle.isChecked', 'state', 'checked'); }
    async boundingBox() { throw layoutError('elementHandle.boundingBox'); }
    async screenshot(options) { return this.#page.screenshot(options); }
    async scrollIntoViewIfNeeded() { this.#inDocument('elementHandle.scrollIntoViewIfNeeded'); }
    // ---- Actions ----
    async click(options) { return this.#act('click', [actionOptions(options)], options); }
    async dblclick(options) { return this.#act('dblclick', [actionOptions(options)], options); }
    async tap(options) { return this.#act('tap', [actionOptions(options)], options); }
    async hover(options) { return this.#act('hover', [actionOptions(options)], options); }
    async fill(value, options) { return this.#act('fill', [value, actionOptions(options)], options); }
    async type(text, options) { return this.#act('type', [String(text)], options); }
    async press(key, options) { return this.#act('press', [String(key)], options); }
    async check(options) { return this.#act('check', [actionOptions(options)], options); }
    async uncheck(options) { return this.#act('uncheck', [actionOptions(options)], options); }
    async setChecked(checked, options) { return this.#act('setChecked', [!!checked, actionOptions(options)], options); }
    async focus() { return this.#act('focus', [], undefined); }
    async dispatchEvent(type, init) { return this.#act('dispatchEvent', [String(type), init ?? {}], undefined); }
    async selectOption(values, options) {
      return this.#act('selectOption', [optionValues(values, 'elementHandle.selectOption'), actionOptions(options)], options);
    }
    async selectText(options) { return this.#act('selectText', [actionOptions(options)], options); }
    async setInputFiles(files, options) { return this.#act('setInputFiles', [filePayloads(files, 'elementHandle.setInputFiles')], options); }
    toString() { return 'JSHandle@node'; }
  }
  /// The argument of `evaluate` as serialization text; a function or a symbol is refused. An
  /// ElementHandle of the document of `entry` arrives there as its node, a JSHandle as its value.
  const argumentText = (arg, method, entry = null) => {
    if (arg === undefined) return undefined;
    const unsupported = (type) => { throw new TypeError(`${method}: the argument holds a ${type}, which cannot be sent to the page`); };
    const encode = makeEncoder(unsupported, (value) => {
      if (value instanceof ElementHandle) return value._argument(entry, method);
      if (value instanceof JSHandle) return encode(value._value());
      return undefined;
    });
    return encode(arg);
  };

  /// ElementHandles of what `selector` (Playwright's syntax) matches now in the document of `entry`.
  const locateHandles = (page, entry, path, inside, method, selector) => {
    const found = entry.locate(String(selector), '', false);
    if (typeof found === 'string') throw new Error(`${method}: ${found}`);
    const handles = [];
    for (let i = 0; i < found.length; i++) ArrayPrototypePush(handles, new ElementHandle(page, entry, entry.adopt(found[i]), found[i], path, inside));
    return handles;
  };
  /// `waitForSelector` through `locator` (state, timeout from `options`): the ElementHandle of the
  /// element found, or null for 'detached' and 'hidden'.
  const waitForHandle = async (page, method, locator, options) => {
    const state = options?.state ?? 'visible';
    const found = await locator._waitForState(method, state, options?.timeout, false);
    if (found === null || found === undefined) return null;
    const scope = locator._scope(method);
    return new ElementHandle(page, scope.entry, scope.entry.adopt(found), found, scope.path, insideOf(locator._selector));
  };

  for (const made of [JSHandle, ElementHandle]) ObjectFreeze(made.prototype);

  return { JSHandle, ElementHandle, argumentText, locateHandles, waitForHandle };
}
