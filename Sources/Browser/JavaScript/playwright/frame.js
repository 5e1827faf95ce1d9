// Playwright's Frame in the support realm (playwright.dev/docs/api/class-frame). The main frame
// gives the page's document methods under Frame's names; a child frame (an iframe's document,
// `page.frames()`, `frame.childFrames()`) is reached as a frame locator is: through its iframe
// element, held as a handle in the parent's document (`internal:handle=N >>
// internal:control=enter-frame`), so its locators find it again each time.
//
// Exports: `Frame`, `ChildFrame`, `childFramesOf(page, frame, entry, path, inside)`,
// `frameAt(page, path)`.
(host, runtime) => {
  'use strict';
  const { JSONParse, Error, ArrayPrototypePush, String, ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypeSlice, ObjectFreeze } = runtime.primordials;
  const { quote, locatorMethods } = runtime['playwright-locator-selectors'];
  const { settle, pageFunction, actionOptions, filePayloads, optionValues, entryAt, newLocator, newFrameLocator } =
    runtime['playwright-calls'];
  const { ElementHandle, JSHandle, argumentText, locateHandles, waitForHandle } = runtime['playwright-element-handle'];

  /// The ChildFrame at `path`, or null.
  const frameAt = (page, path) => {
    for (const frame of page.frames()) {
      const at = frame._path?.() ?? [];
      if (at.length === path.length && ArrayPrototypeJoin(at, '/') === ArrayPrototypeJoin(path, '/')) return frame;
    }
    return null;
  };
  /// Playwright's Frame. The main frame gives the page's document methods under Frame's names; a
  /// child frame (an iframe's document, `page.frames()`, `frame.childFrames()`) is reached as a
  /// frame locator is: through its iframe element, held as a handle in the parent's document
  /// (`internal:handle=N >> internal:control=enter-frame`), so its locators find it again each
  /// time. A child frame whose iframe left its document, or whose document changed, is detached.
  class Frame {
    #page;
    constructor(page) { this.#page = page; }
    page() { return this.#page; }
    name() { return ''; }
    url() { return this.#page.url(); }
    parentFrame() { return null; }
    childFrames() { return childFramesOf(this.#page, this, this.#page._entry(), [], ''); }
    isDetached() { return this.#page.isClosed(); }
    async title() { return this.#page.title(); }
    async content() { return this.#page.content(); }
    async goto(url, options) { return this.#page.goto(url, options); }
    async evaluate(fn, arg) { return this.#page.evaluate(fn, arg); }
    async waitForSelector(selector, options) { return this.#page.waitForSelector(selector, options); }
    async waitForLoadState(state, options) { return this.#page.waitForLoadState(state, options); }
    async waitForURL(url, options) { return this.#page.waitForURL(url, options); }
    async setContent(html, options) { return this.#page.setContent(html, options); }
    locator(selector, options) { return this.#page.locator(selector, options); }
    frameLocator(selector) { return this.#page.frameLocator(selector); }
  }

  /// An iframe's document as a Frame (see Frame): `path` is the frame ids from the main document
  /// down, `inside` the selector prefix that enters it.
  class ChildFrame {
    #page; #parent; #path; #inside; #name; #entry; #owner;
    /// `owner`: the handle number of the iframe element in the parent's document.
    constructor(page, parent, path, inside, name, entry, owner) {
      this.#page = page;
      this.#parent = parent;
      this.#path = path;
      this.#inside = inside;
      this.#name = name;
      this.#entry = entry;
      this.#owner = owner;
    }
    /// The frame's current entry points, or null once it is detached (its document replaced too).
    #current() {
      if (this.#page.isClosed()) return null;
      return entryAt(this.#page, this.#path) === this.#entry ? this.#entry : null;
    }
    #attached(method) {
      const entry = this.#current();
      if (entry === null) throw new Error(`${method}: Frame was detached`);
      return entry;
    }
    page() { return this.#page; }
    _inside() { return this.#inside; }
    _path() { return this.#path; }
    name() { return this.#name; }
    url() { return this.#current()?.url() ?? this.#entry.url(); }
    parentFrame() { return this.#parent; }
    childFrames() {
      const entry = this.#current();
      return entry === null ? [] : childFramesOf(this.#page, this, entry, this.#path, this.#inside);
    }
    isDetached() { return this.#current() === null; }
    async title() { return this.#attached('frame.title').title(); }
    async content() { return this.#attached('frame.content').content(); }
    async evaluate(fn, arg) {
      const entry = this.#attached('frame.evaluate');
      return this.#page._evaluateIn('frame.evaluate', fn, arg, { entry, path: this.#path });
    }
    async frameElement() {
      const parentPath = ArrayPrototypeSlice(this.#path, 0, -1);
      const parentEntry = entryAt(this.#page, parentPath);
      const parentInside = this.#parent instanceof ChildFrame ? this.#parent._inside() : '';
      return new ElementHandle(this.#page, parentEntry, this.#owner, parentEntry.handleNode(this.#owner), parentPath, parentInside);
    }
    async evaluateHandle(fn, arg) {
      const entry = this.#attached('frame.evaluateHandle');
      const made = pageFunction(this.#page._id, fn, 'frame.evaluateHandle', this.#path);
      const value = await settle('frame.evaluateHandle', entry.evaluateHandle(made, argumentText(arg, 'frame.evaluateHandle', entry)), this.#page._id,
        undefined, (number) => new ElementHandle(this.#page, entry, number, entry.handleNode(number), this.#path, this.#inside));
      return value instanceof ElementHandle ? value : new JSHandle(value);
    }
    async $(selector) {
      const found = locateHandles(this.#page, this.#attached('frame.$'), this.#path, this.#inside, 'frame.$', selector);
      return found.length === 0 ? null : found[0];
    }
    async $$(selector) { return locateHandles(this.#page, this.#attached('frame.$$'), this.#path, this.#inside, 'frame.$$', selector); }
    async $eval(selector, fn, arg) {
      const found = await this.$(selector);
      if (found === null) throw new Error(`frame.$eval: Failed to find element matching selector "${selector}"`);
      return found.evaluate(fn, arg);
    }
    async $$eval(selector, fn, arg) {
      const entry = this.#attached('frame.$$eval');
      const found = await this.$$(selector);
      return this.#page._evaluateOn('frame.$$eval', fn, ArrayPrototypeMap(found, (handle) => handle._value()), arg, { entry, path: this.#path });
    }
    /// A page-level action (the first match of `selector`) in this frame's document.
    _act(method, args, options) {
      this.#attached(method);
      const selector = String(args[0]);
      return this.#page._act(method, args, options, '', () => this.locator(selector)._scope(method));
    }
    locator(selector, options) {
      return newLocator(this.#page, `${this.#inside} >> ${selector}`, `frame(${quote(this.#name || this.url())}).locator(${quote(selector)})`)
        .filter(options);
    }
    frameLocator(selector) { return newFrameLocator(this.#page, `${this.#inside} >> ${selector}`, `locator(${quote(selector)})`); }
    async waitForSelector(selector, options) {
      this.#attached('frame.waitForSelector');
      return waitForHandle(this.#page, 'frame.waitForSelector', this.locator(selector), options);
    }
    async waitForLoadState() { this.#attached('frame.waitForLoadState'); }
    async goto() { throw new Error('frame.goto: navigating a child frame is not supported by Caper; navigate the page, or set the iframe\'s src'); }
    async setContent() { throw new Error('frame.setContent: not supported by Caper in a child frame'); }
    async waitForFunction() { throw new Error('frame.waitForFunction: not supported by Caper in a child frame; use expect.poll with frame.evaluate'); }
  }
  // A child frame's page-level selector methods: actions on the first match, reads of it.
  for (const name of ['click', 'dblclick', 'tap', 'hover', 'check', 'uncheck', 'focus']) {
    ChildFrame.prototype[name] = function (selector, options) { return this._act(`frame.${name}`, [selector, actionOptions(options)], options); };
  }
  ChildFrame.prototype.fill = function (selector, value, options) { return this._act('frame.fill', [selector, value, actionOptions(options)], options); };
  ChildFrame.prototype.type = function (selector, text, options) { return this._act('frame.type', [selector, String(text)], options); };
  ChildFrame.prototype.press = function (selector, key, options) { return this._act('frame.press', [selector, String(key)], options); };
  ChildFrame.prototype.setChecked = function (selector, checked, options) {
    return this._act('frame.setChecked', [selector, !!checked, actionOptions(options)], options);
  };
  ChildFrame.prototype.selectOption = function (selector, values, options) {
    return this._act('frame.selectOption', [selector, optionValues(values, 'frame.selectOption'), actionOptions(options)], options);
  };
  ChildFrame.prototype.dispatchEvent = function (selector, type, init, options) {
    return this._act('frame.dispatchEvent', [selector, String(type), init ?? {}], options);
  };
  ChildFrame.prototype.setInputFiles = function (selector, files, options) {
    return this._act('frame.setInputFiles', [selector, filePayloads(files, 'frame.setInputFiles')], options);
  };
  for (const name of ['textContent', 'innerText', 'innerHTML', 'inputValue']) {
    ChildFrame.prototype[name] = function (selector, options) { return this.locator(selector)._read(`frame.${name}`, name, undefined, options, false); };
  }
  ChildFrame.prototype.getAttribute = function (selector, attribute, options) {
    return this.locator(selector)._read('frame.getAttribute', 'getAttribute', String(attribute), options, false);
  };
  for (const [name, state] of [['isVisible', 'visible'], ['isHidden', 'hidden']]) {
    ChildFrame.prototype[name] = function (selector) { return this.locator(selector)._state(`frame.${name}`, state, false); };
  }
  for (const [name, state] of [['isEnabled', 'enabled'], ['isDisabled', 'disabled'], ['isEditable', 'editable'], ['isChecked', 'checked']]) {
    ChildFrame.prototype[name] = function (selector, options) { return this.locator(selector)._stateWaiting(`frame.${name}`, state, options, false); };
  }
  // The main frame's: the page's own.
  for (const name of ['click', 'dblclick', 'tap', 'hover', 'check', 'uncheck', 'focus', 'fill', 'type', 'press', 'setChecked', 'selectOption',
    'dispatchEvent', 'setInputFiles', 'textContent', 'innerText', 'innerHTML', 'inputValue', 'getAttribute', 'isVisible', 'isHidden', 'isEnabled',
    'isDisabled', 'isEditable', 'isChecked', '$', '$$', '$eval', '$$eval', 'evaluateHandle', 'waitForFunction', 'waitForTimeout']) {
    if (Frame.prototype[name] === undefined) Frame.prototype[name] = function (...args) { return this.page()[name](...args); };
  }
  /// The child frames of `frame` (whose document's entry points are `entry`), in tree order: the
  /// iframes of its document that hold a document now.
  function childFramesOf(page, frame, entry, path, inside) {
    const frames = [];
    const owners = entry.locate('iframe, frame', '', false);
    if (typeof owners === 'string') return frames;
    for (let i = 0; i < owners.length; i++) {
      const id = entry.frameId(owners[i]);
      if (id === 0) continue;
      const childPath = [...path, id];
      const childEntry = entryAt(page, childPath);
      if (childEntry === null) continue;
      const owner = entry.adopt(owners[i]);
      const enter = `${inside === '' ? '' : `${inside} >> `}internal:handle=${owner} >> internal:control=enter-frame`;
      const name = JSONParse(entry.readNode(owners[i], 'getAttribute', '"name"')).value ?? '';
      ArrayPrototypePush(frames, new ChildFrame(page, frame, childPath, enter, name, childEntry, owner));
    }
    return frames;
  }
  for (const name of ['getByRole', 'getByText', 'getByLabel', 'getByPlaceholder', 'getByAltText', 'getByTitle', 'getByTestId']) {
    Frame.prototype[name] = function (...args) { return this.page()[name](...args); };
    ChildFrame.prototype[name] = function (...args) {
      return locatorMethods((s, d) => newLocator(this.page(), `${this._inside()} >> ${s}`, d))[name](...args);
    };
  }

  for (const made of [Frame, ChildFrame]) ObjectFreeze(made.prototype);

  return { Frame, ChildFrame, childFramesOf, frameAt };
}
