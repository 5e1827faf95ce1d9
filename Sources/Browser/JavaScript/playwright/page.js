// Playwright's Page in the support realm (playwright.dev/docs/api/class-page), with its Dialog,
// ConsoleMessage, Download and Response, over a page of the registry (`PlaywrightRuntime`'s host
// functions, by number).
//
// Waiting follows Caper's virtual time: a wait runs the page's tasks one turn at a time
// (`host.afterPageTurn`) and checks again after each, so it stops at the first instant of the
// page's clock at which its condition holds; its timeout is on that clock (a page timer at the
// deadline lets a page with nothing else to do jump there and fail at once).
//
// Functions given to `evaluate` run in the page realm: their source is compiled there
// (`host.compile`); the argument and the result cross as text in Playwright's serialization format
// (`shared/serialized-value.js`), rebuilt on the other side with that side's objects, so no
// support-realm object reaches page code (`playwright/calls.js`). Frames are
// `playwright/frame.js`'s, handles `playwright/element-handle.js`'s; locators
// (`playwright/locator.js`) act and read through `Page._act`, `_evaluateOn` and `_waitFor`.
//
// Exports: `Page`, `Response`, `ConsoleMessage`, `Dialog`, `hooks`, `pageOf(id)`,
// `makePage(id, context)`, `initScriptSource(script, arg, method)`.
(host, runtime) => {
  'use strict';
  const { JSONParse, JSONStringify, Error, TypeError, FunctionPrototypeToString, ObjectFreeze, ArrayPrototypePush,
    ArrayIsArray, ObjectPrototypeHasOwnProperty, StringPrototypeStartsWith, StringPrototypeSlice, Map,
    MapPrototypeGet, MapPrototypeSet, MapPrototypeDelete, Number, String, StringPrototypeToLowerCase,
    MathMax, ArrayPrototypeJoin, ArrayPrototypeMap, RegExpPrototypeExec, SplitString, Date, DatePrototypeGetTime,
    DateParse, ArrayPrototypeIndexOf, StringPrototypeIncludes, ObjectKeys } = runtime.primordials;
  const { makeEncoder, decode } = runtime['serialized-value'];
  const { quote, locatorMethods, filterParts, locatorSelector } = runtime['playwright-locator-selectors'];
  const { TimeoutError, layoutError, injectedError, isSelectorError, StringPrototypeIndexOfDot, pageTurn, documentOf, settle,
    pageFunction, forgetFunctions, actionOptions, filePayloads, optionValues, warnOnce, screenshot, newLocator, newFrameLocator } =
    runtime['playwright-calls'];
  const { ElementHandle, JSHandle, argumentText, locateHandles, waitForHandle } = runtime['playwright-element-handle'];
  const { Frame, frameAt } = runtime['playwright-frame'];

  /// The source `addInitScript(script, arg)` runs: a function called with `arg`, a string, `{ path }` or `{ content }`.
  const initScriptSource = (script, arg, method) => {
    if (typeof script === 'function') return `(${FunctionPrototypeToString(script)})(${arg === undefined ? '' : JSONStringify(arg)})`;
    if (typeof script === 'string') return script;
    if (script !== null && typeof script === 'object') {
      if (script.path !== undefined) {
        return `${runtime.modules.builtin('fs').readFileSync(String(script.path), 'utf8')}\n//# sourceURL=${String(script.path)}`;
      }
      if (script.content !== undefined) return String(script.content);
    }
    throw new TypeError(`${method}: expected a function, a string, { path } or { content }`);
  };
  const EventEmitter = () => runtime.modules.builtin('events');

  const hooks = { __proto__: null, pageError: null };
  // ---- Pages by number ----
  const pages = new Map();
  const pageOf = (id) => MapPrototypeGet(pages, id);

  /// Playwright's ConsoleMessage.
  class ConsoleMessage {
    #type; #text; #location; #page; #arguments;
    constructor(type, text, location, page, argumentsText = null) {
      this.#type = type;
      this.#text = text;
      this.#location = location;
      this.#page = page;
      this.#arguments = argumentsText;
    }
    type() { return this.#type === 'warn' ? 'warning' : this.#type; }
    text() { return this.#text; }
    /// The call's arguments as JSHandles of their values when it was made (copies, not live
    /// references; a node is "ref: <Node>"); kept once a `console` listener was added.
    args() {
      if (this.#arguments === null || this.#arguments === undefined) return [];
      const values = decode(this.#arguments);
      return ArrayIsArray(values) ? ArrayPrototypeMap(values, (value) => new JSHandle(value)) : [];
    }
    page() { return this.#page; }
    location() {
      const match = RegExpPrototypeExec(/^(.*):(\d+):(\d+)$/, this.#location);
      return match === null ? { url: this.#location, lineNumber: 0, columnNumber: 0 }
        : { url: match[1], lineNumber: Number(match[2]) - 1, columnNumber: Number(match[3]) - 1 };
    }
    toString() { return this.#text; }
  }

  /// Playwright's Dialog: answered synchronously by the handlers (Caper's dialogs block the page's
  /// script while they are open, as a browser's do); unanswered, it is dismissed.
  class Dialog {
    #type; #message; #defaultValue; #page; answer = null;
    constructor(type, message, defaultValue, page) {
      this.#type = type;
      this.#message = message;
      this.#defaultValue = defaultValue;
      this.#page = page;
    }
    type() { return this.#type; }
    message() { return this.#message; }
    defaultValue() { return this.#defaultValue; }
    page() { return this.#page; }
    async accept(promptText) {
      if (this.answer !== null) throw new Error('Cannot accept dialog which is already handled!');
      this.answer = [true, promptText === undefined ? null : String(promptText)];
    }
    async dismiss() {
      if (this.answer !== null) throw new Error('Cannot dismiss dialog which is already handled!');
      this.answer = [false];
    }
  }

  /// The page events Caper never emits, and why.
  const eventCause = { __proto__: null, crash: 'renderer process', filechooser: 'native file dialog (use setInputFiles)',
    frameattached: 'frame events yet (use page.frames())', framedetached: 'frame events yet (use page.frames())', websocket: 'WebSocket',
    worker: 'Web Workers' };
  const neverEmitted = ObjectKeys(eventCause);

  /// Playwright's Download: a file the page downloaded (a `download` link, an attachment response),
  /// already whole in the context's download folder when the event is emitted.
  class Download {
    #page; #url; #suggestedFilename; #path; #failure;
    constructor(page, url, suggestedFilename, path, failure) {
      this.#page = page;
      this.#url = url;
      this.#suggestedFilename = suggestedFilename;
      this.#path = path;
      this.#failure = failure;
    }
    page() { return this.#page; }
    url() { return this.#url; }
    suggestedFilename() { return this.#suggestedFilename; }
    async path() {
      if (this.#path === null) throw new Error(`download.path: ${this.#failure ?? 'the download has no file'}`);
      return this.#path;
    }
    async failure() { return this.#failure; }
    async saveAs(path) {
      if (this.#path === null) throw new Error(`download.saveAs: ${this.#failure ?? 'the download has no file'}`);
      runtime.modules.builtin('fs').copyFileSync(this.#path, String(path));
    }
    async delete() {
      if (this.#path !== null) runtime.modules.builtin('fs').rmSync(this.#path, { force: true });
    }
    async cancel() {}
    async createReadStream() { return runtime.modules.builtin('fs').createReadStream(await this.path()); }
  }

  class Response {
    #url; #status; #statusText; #headers; #page;
    constructor(url, status, statusText, headers, page) {
      this.#url = url;
      this.#status = status;
      this.#statusText = statusText;
      this.#headers = headers;
      this.#page = page;
    }
    url() { return this.#url; }
    status() { return this.#status; }
    statusText() { return this.#statusText; }
    ok() { return this.#status === 0 || (this.#status >= 200 && this.#status <= 299); }
    /// Header names lowercased, as Playwright gives them; repeated headers joined with ', '.
    headers() { return { ...this.#headers }; }
    async allHeaders() { return this.headers(); }
    headerValue(name) { return this.#headers[StringPrototypeToLowerCase(String(name))] ?? null; }
    frame() { return this.#page.mainFrame(); }
    async text() { return this.#page.content(); }
  }

  class Page extends EventEmitter() {
    #id;
    #context;
    #closed = false;
    #response = null;
    #responseDocument = 0;
    #consoleSeen = 0;
    #errorsSeen = 0;
    #popupsSeen = 0;
    #downloadsSeen = 0;
    #dialogError = undefined;
    #defaultTimeout = undefined;
    #defaultNavigationTimeout = undefined;
    #mainFrame = null;
    keyboard;
    mouse;
    touchscreen;
    clock;
    constructor(id, context) {
      super();
      this.#id = id;
      this.#context = context;
      MapPrototypeSet(pages, id, this);
      // Console arguments are kept (for `ConsoleMessage.args()`) once a `console` listener is added;
      // a listener for an event Caper never emits gets one warning.
      this.on('newListener', (event) => {
        if (event === 'console' && context) host.keepConsoleArguments(context._id);
        if (ArrayPrototypeIndexOf(neverEmitted, event) >= 0) {
          warnOnce(`event ${event}`, `page.on('${event}'): Caper never emits this event (it has no ${eventCause[event]})`);
        }
      });
      host.onDialog(id, (type, message, defaultValue) => this.#dialog(type, message, defaultValue));
      host.onBindingCall(id, (name, call, argumentsText) => { this.#bindingCalled(name, call, argumentsText); });
      // The keyboard acts on the focused element: no selector, its action named in full.
      const act = (method, args) => this.#act(method, args, undefined, '', null, method);
      this.keyboard = ObjectFreeze({
        press: async (key) => act('keyboard.press', [String(key)]),
        type: async (text) => act('keyboard.type', [String(text)]),
        down: async (key) => act('keyboard.down', [String(key)]),
        up: async (key) => act('keyboard.up', [String(key)]),
        insertText: async (text) => act('keyboard.insertText', [String(text)]),
      });
      const needsLayout = (name) => async () => { throw layoutError(`mouse.${name}`); };
      this.mouse = ObjectFreeze({ click: needsLayout('click'), dblclick: needsLayout('dblclick'), move: needsLayout('move'),
        down: needsLayout('down'), up: needsLayout('up'), wheel: needsLayout('wheel') });
      this.touchscreen = ObjectFreeze({ tap: async () => { throw layoutError('touchscreen.tap'); } });
      // Playwright's Clock over the page's virtual clock: time already passes only when the page
      // waits, so `install` has nothing to take over; `runFor` and `fastForward` let the time pass.
      const duration = (ticks, method) => {
        if (typeof ticks === 'number') return ticks;
        const parts = SplitString(String(ticks), ':');
        let ms = 0;
        for (const part of parts) ms = ms * 60 + Number(part);
        if (!(ms >= 0)) throw new TypeError(`clock.${method}: expected milliseconds or "mm:ss"`);
        return ms * 1000;
      };
      /// An instant as Playwright's clock takes it: a Date, milliseconds since the epoch, or a date string.
      const instant = (time) => (typeof time === 'number' ? time : time instanceof Date ? DatePrototypeGetTime(time) : DateParse(String(time)));
      const control = async (method, value) => {
        host.clock(this.#id, method, value);
        await this.#runDueWork();
        this._deliverEvents();
      };
      this.clock = ObjectFreeze({
        install: async (options) => { if (options?.time !== undefined) await control('setSystemTime', instant(options.time)); },
        runFor: async (ticks) => control('runFor', duration(ticks, 'runFor')),
        fastForward: async (ticks) => control('fastForward', duration(ticks, 'fastForward')),
        pauseAt: async (time) => control('pauseAt', instant(time)),
        resume: async () => control('resume', 0),
        setFixedTime: async (time) => control('setFixedTime', instant(time)),
        setSystemTime: async (time) => control('setSystemTime', instant(time)),
      });
    }
    get _id() { return this.#id; }
    get #entry() {
      if (this.#closed) throw new Error(`${this.#calling}: Target page, context or browser has been closed`);
      return host.entry(this.#id)();
    }
    /// The method called last, for the error of a call on a closed page.
    #calling = 'page';
    /// Throws Playwright's error for a call on a closed page, named after `method`.
    _ensureOpen(method) {
      this.#calling = method;
      if (this.#closed) throw new Error(`${method}: Target page, context or browser has been closed`);
    }
    context() { return this.#context; }
    isClosed() { return this.#closed; }
    url() { return this.#closed ? '' : this.#entry.url(); }
    async title() { this.#calling = 'page.title'; return this.#entry.title(); }
    async content() { this.#calling = 'page.content'; return this.#entry.content(); }
    mainFrame() {
      if (this.#mainFrame === null) this.#mainFrame = new Frame(this);
      return this.#mainFrame;
    }
    /// Every frame of the page: the main frame, then its descendants depth first.
    frames() {
      const all = [];
      const visit = (frame) => {
        ArrayPrototypePush(all, frame);
        for (const child of frame.childFrames()) visit(child);
      };
      if (!this.#closed) visit(this.mainFrame());
      return all;
    }
    /// The first frame with `name` (a string, or `{ name }`) or whose URL matches `{ url }` (a
    /// string, glob, RegExp or predicate, as `waitForURL`'s); null when none.
    frame(selector) {
      const wanted = typeof selector === 'string' ? { name: selector } : selector ?? {};
      for (const frame of this.frames()) {
        if (wanted.name !== undefined && frame.name() === String(wanted.name)) return frame;
        if (wanted.url !== undefined && (this.#context?._urlMatches(frame.url(), wanted.url) ?? frame.url() === String(wanted.url))) return frame;
      }
      return null;
    }
    async opener() { return this.#opener; }
    #opener = null;
    async bringToFront() {}
    setDefaultTimeout(timeout) { this.#defaultTimeout = Number(timeout); }
    setDefaultNavigationTimeout(timeout) { this.#defaultNavigationTimeout = Number(timeout); }
    get _timeout() { return this.#defaultTimeout ?? this.#context?._timeout ?? 30000; }
    get _navigationTimeout() { return this.#defaultNavigationTimeout ?? this.#context?._navigationTimeout ?? this._timeout; }
    viewportSize() { return this.#viewport ?? this.#context?._viewport ?? { width: 1280, height: 720 }; }
    #viewport = null;
    async setViewportSize(size) {
      const width = Number(size?.width);
      const height = Number(size?.height);
      if (!(width > 0) || !(height > 0)) throw new TypeError('page.setViewportSize: expected { width, height }');
      this.#viewport = { width, height };
      host.setViewportSize(this.#id, width, height);
    }
    /// Caper's own: the current document's response (null for a document that had none).
    response() { return this._currentResponse(); }
    _currentResponse() {
      const current = host.response(this.#id);
      if (current === null) return null;
      if (this.#response === null || this.#responseDocument !== current[4]) {
        this.#response = new Response(current[0], current[1], current[2], current[3], this);
        this.#responseDocument = current[4];
      }
      return this.#response;
    }

    // ---- Evaluation ----
    async evaluate(fn, arg) {
      this._ensureOpen('page.evaluate');
      try {
        if (typeof fn === 'string') return await this.#evaluated(settle('page.evaluate', this.#entry.evaluateExpression(fn), this.#id));
        const made = pageFunction(this.#id, fn, 'page.evaluate');
        return await this.#evaluated(settle('page.evaluate', this.#entry.evaluate(made, argumentText(arg, 'page.evaluate', this.#entry)), this.#id));
      } finally {
        this._deliverEvents();
      }
    }
    /// `evaluateHandle`: the result's elements as ElementHandles; any other value comes back as a
    /// JSHandle holding a copy of it (not a live reference, as Playwright's would be).
    async evaluateHandle(fn, arg) {
      this._ensureOpen('page.evaluateHandle');
      try {
        const entry = this.#entry;
        const made = typeof fn === 'string' ? null : pageFunction(this.#id, fn, 'page.evaluateHandle');
        const run = made === null ? () => entry.evaluateExpression(fn) : () => entry.evaluateHandle(made, argumentText(arg, 'page.evaluateHandle', entry));
        const value = await this.#evaluated(settle('page.evaluateHandle', run(), this.#id, undefined, (number) => this._handle(entry, number)));
        return value instanceof ElementHandle ? value : new JSHandle(value);
      } finally {
        this._deliverEvents();
      }
    }
    async $eval(selector, fn, arg) {
      const found = this._locateHandles('page.$eval', selector);
      if (found.length === 0) throw new Error(`page.$eval: Failed to find element matching selector "${selector}"`);
      return this._evaluateOn('page.$eval', fn, found[0]._value(), arg);
    }
    async $$eval(selector, fn, arg) {
      return this._evaluateOn('page.$$eval', fn, ArrayPrototypeMap(this._locateHandles('page.$$eval', selector), (handle) => handle._value()), arg);
    }
    /// The ElementHandle of the node adopted as `number` in `entry`'s document (a frame's at `path`).
    _handle(entry, number, path = []) {
      const inside = path.length === 0 ? '' : frameAt(this, path)?._inside() ?? '';
      return new ElementHandle(this, entry, number, entry.handleNode(number), path, inside);
    }
    /// ElementHandles of what `selector` (Playwright's syntax) matches now in the main frame.
    _locateHandles(method, selector) {
      this._ensureOpen(method);
      return locateHandles(this, this.#entry, [], '', method, selector);
    }
    /// `fn(arg)` in the document of `scope` (`{ entry, path }`: a frame's).
    async _evaluateIn(method, fn, arg, scope) {
      this._ensureOpen(method);
      const made = pageFunction(this.#id, fn, method, scope.path);
      try {
        return await this.#evaluated(settle(method, scope.entry.evaluate(made, argumentText(arg, method, scope.entry)), this.#id));
      } finally {
        this._deliverEvents();
      }
    }
    /// `fn(target, arg)` in the page (target: page objects the caller found there).
    async _evaluateOn(method, fn, target, arg, scope = null) {
      this._ensureOpen(method);
      const path = scope?.path ?? [];
      const made = pageFunction(this.#id, fn, method, path);
      const entry = path.length === 0 ? this.#entry : scope.entry;
      return this.#evaluated(settle(method, entry.evaluateOn(made, target, argumentText(arg, method, entry)), this.#id));
    }
    /// `fn(target, arg)` in the page, its result's nodes as ElementHandles (else a JSHandle of a copy).
    async _evaluateHandleOn(method, fn, target, arg, scope) {
      this._ensureOpen(method);
      const made = pageFunction(this.#id, fn, method, scope.path);
      const value = await this.#evaluated(settle(method, scope.entry.evaluateHandleOn(made, target, argumentText(arg, method, scope.entry)),
        this.#id, undefined, (number) => this._handle(scope.entry, number, scope.path)));
      return value instanceof ElementHandle ? value : new JSHandle(value);
    }
    async $(selector) {
      const found = this._locateHandles('page.$', selector);
      return found.length === 0 ? null : found[0];
    }
    async $$(selector) { return this._locateHandles('page.$$', selector); }
    /// Caper's own: the live Document and window of the page realm.
    get document() { return this.#entry.document; }
    get window() { return this.#entry.window; }
    async addInitScript(script, arg) { host.addInitScript('page', this.#id, initScriptSource(script, arg, 'page.addInitScript')); }
    async exposeFunction(name, callback) { return this.exposeBinding(name, (source, ...args) => callback(...args)); }
    /// `exposeBinding(name, callback)`: `window[name](...args)` in the page's documents calls
    /// `callback({ page, context, frame }, ...args)` here, its arguments and result cloned.
    async exposeBinding(name, callback) {
      if (typeof callback !== 'function') throw new TypeError('page.exposeBinding: callback: expected a function');
      const key = String(name);
      if (MapPrototypeGet(this.#bindings, key) !== undefined) {
        throw new Error(`page.exposeBinding: Function "${key}" has been already registered`);
      }
      MapPrototypeSet(this.#bindings, key, callback);
      host.exposeBinding(this.#id, key);
    }
    #bindings = new Map();
    async #bindingCalled(name, call, argumentsText) {
      const callback = MapPrototypeGet(this.#bindings, name) ?? this.#context?._binding(name);
      try {
        if (callback === undefined) throw new Error(`no binding named ${name}`);
        const args = decode(argumentsText);
        const value = await callback({ page: this, context: this.#context, frame: this.mainFrame() }, ...args);
        const encoded = makeEncoder((type) => { throw new TypeError(`the result holds a ${type}, which cannot be sent to the page`); },
          () => undefined)(value);
        host.settleBinding(this.#id, call, true, `{"value":${encoded ?? '{"v":"undefined"}'}}`);
      } catch (error) {
        host.settleBinding(this.#id, call, false, String(error?.message ?? error));
      }
    }
    /// The page's routes (`RequestRouting` asks them before the context's).
    _routes = [];
    async route(url, handler, options = {}) {
      if (this.#context === null) throw new Error('page.route is not supported by caper scrape');
      ArrayPrototypePush(this._routes, this.#context._routeEntry(url, handler, options));
    }
    async unroute(url, handler) {
      const kept = [];
      for (const entry of this._routes) if (!(entry.url === url && (handler === undefined || entry.handler === handler))) ArrayPrototypePush(kept, entry);
      this._routes = kept;
    }
    async unrouteAll() { this._routes = []; }
    async routeFromHAR() { throw new Error('page.routeFromHAR is not supported by Caper yet'); }
    get request() { return this.#context.request; }
    async screenshot(options) { return screenshot(options, 'page.screenshot'); }
    async pdf() { throw layoutError('page.pdf'); }

    // ---- Locators ----
    locator(selector, options) {
      const filters = filterParts(options, this);
      const inner = typeof selector === 'string' ? selector : locatorSelector(selector, 'locator');
      return newLocator(this, `${inner}${filters.selector}`,
        `locator(${typeof selector === 'string' ? quote(selector) : String(selector)}${filters.description ? `, ${filters.description}` : ''})`);
    }
    frameLocator(selector) { return newFrameLocator(this, selector, `locator(${quote(selector)})`); }

    // ---- Waiting ----
    async waitForTimeout(ms) {
      const delay = Number(ms);
      if (!(delay >= 0)) throw new TypeError('page.waitForTimeout: expected a number of milliseconds');
      let remaining = delay;
      for (;;) {
        const document = documentOf(this.#id);
        const start = this.#entry.now();
        let seen = start;
        let text = this.#entry.sleep(remaining);
        while (typeof text === 'function' && documentOf(this.#id) === document) {
          seen = this.#now();
          const polled = text();
          if (typeof polled === 'string') text = polled;
          else await this._turn();
        }
        if (typeof text === 'string') {
          this._deliverEvents();
          return undefined;
        }
        remaining = MathMax(0, remaining - (seen - start));
      }
    }
    async waitForFunction(fn, arg, options) {
      if (typeof fn !== 'string') pageFunction(this.#id, fn, 'page.waitForFunction');
      const check = () => (typeof fn === 'string' ? this.#entry.evaluateExpression(fn)
        : this.#entry.evaluate(pageFunction(this.#id, fn, 'page.waitForFunction'), argumentText(arg, 'page.waitForFunction', this.#entry)));
      const value = await this._waitFor('page.waitForFunction', options?.timeout ?? this._timeout, async () => {
        const value = await settle('page.waitForFunction', check(), this.#id);
        return value ? { value } : null;
      });
      return new JSHandle(value);
    }
    /// `waitForSelector(selector, { state })`: 'attached', 'detached', 'visible' (the default) or 'hidden'.
    async waitForSelector(selector, options) {
      const state = options?.state ?? 'visible';
      return waitForHandle(this, 'page.waitForSelector', this.locator(selector), { ...options, state });
    }
    async waitForLoadState(state = 'load', options) { return this.#loadState('page.waitForLoadState', state, options); }
    /// Waits for the load state `state` in the name of `method` (a navigation's timeout is its own).
    async #loadState(method, state, options, waitingFor = undefined) {
      if (state !== 'commit' && state !== 'domcontentloaded' && state !== 'load' && state !== 'networkidle') {
        throw new Error(`${method}: state: expected one of (load|domcontentloaded|networkidle|commit)`);
      }
      await this._waitFor(method, options?.timeout ?? this._navigationTimeout,
        async () => (host.reached(this.#id, state) ? { value: undefined } : null), waitingFor);
    }
    async waitForURL(url, options) {
      const timeout = options?.timeout ?? this._navigationTimeout;
      try {
        await this._waitFor('page.waitForURL', timeout,
          async () => ((this.#context?._urlMatches(this.url(), url) ?? this.url() === String(url)) ? { value: undefined } : null));
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
        // Playwright words this wait's log in its older block form.
        const rule = '='.repeat(27);
        throw new TimeoutError(`page.waitForURL: Timeout ${timeout}ms exceeded.\n${rule} logs ${rule}\n` +
          `waiting for navigation to "${url}" until "${options?.waitUntil ?? 'load'}"\n${'='.repeat(60)}`);
      }
      await this.waitForLoadState(options?.waitUntil ?? 'load', options);
    }
    /// `waitForEvent(event, predicate | { predicate, timeout })`: the next event emitted that the predicate accepts.
    async waitForEvent(event, options) {
      const predicate = typeof options === 'function' ? options : options?.predicate;
      const timeout = typeof options === 'object' && options?.timeout !== undefined ? options.timeout : this._timeout;
      let received = null;
      const listener = async (value) => {
        if (received === null && (predicate === undefined || await predicate(value))) received = { value };
      };
      this.on(event, listener);
      try {
        return await this._waitFor('page.waitForEvent', timeout, async () => {
          this._deliverEvents();
          return received;
        }, `waiting for event "${event}"`);
      } finally {
        this.off(event, listener);
      }
    }
    /// `waitForRequest(url | predicate, { timeout })`: the next request whose URL matches.
    async waitForRequest(match, options) { return this.#waitForNetwork('request', 'page.waitForRequest', match, options); }
    /// `waitForResponse(url | predicate, { timeout })`: the next response whose URL matches.
    async waitForResponse(match, options) { return this.#waitForNetwork('response', 'page.waitForResponse', match, options); }
    async #waitForNetwork(event, method, match, options) {
      const accepts = typeof match === 'function' ? match : (value) => this.#context._urlMatches(value.url(), match);
      try {
        return await this.waitForEvent(event, { predicate: accepts, timeout: options?.timeout ?? this._timeout });
      } catch (error) {
        if (error instanceof TimeoutError) {
          throw new TimeoutError(`${method}: Timeout ${options?.timeout ?? this._timeout}ms exceeded while waiting for event "${event}"`);
        }
        throw error;
      }
    }

    // ---- Page-level selector actions (non-strict: the first match) ----
    async click(selector, options) { return this.#act('page.click', [selector, actionOptions(options)], options); }
    async dblclick(selector, options) { return this.#act('page.dblclick', [selector, actionOptions(options)], options); }
    async tap(selector, options) { return this.#act('page.tap', [selector, actionOptions(options)], options); }
    async hover(selector, options) { return this.#act('page.hover', [selector, actionOptions(options)], options); }
    async fill(selector, value, options) { return this.#act('page.fill', [selector, value, actionOptions(options)], options); }
    async type(selector, text, options) { return this.#act('page.type', [selector, String(text)], options); }
    async press(selector, key, options) { return this.#act('page.press', [selector, String(key)], options); }
    async check(selector, options) { return this.#act('page.check', [selector, actionOptions(options)], options); }
    async uncheck(selector, options) { return this.#act('page.uncheck', [selector, actionOptions(options)], options); }
    async setChecked(selector, checked, options) { return this.#act('page.setChecked', [selector, !!checked, actionOptions(options)], options); }
    async focus(selector, options) { return this.#act('page.focus', [selector], options); }
    async dispatchEvent(selector, type, init, options) { return this.#act('page.dispatchEvent', [selector, String(type), init ?? {}], options); }
    async selectOption(selector, values, options) {
      return this.#act('page.selectOption', [selector, optionValues(values, 'page.selectOption'), actionOptions(options)], options);
    }
    async setInputFiles(selector, files, options) {
      return this.#act('page.setInputFiles', [selector, filePayloads(files, 'page.setInputFiles')], options);
    }
    async textContent(selector, options) { return this.locator(selector)._read('page.textContent', 'textContent', undefined, options, false); }
    async innerText(selector, options) { return this.locator(selector)._read('page.innerText', 'innerText', undefined, options, false); }
    async innerHTML(selector, options) { return this.locator(selector)._read('page.innerHTML', 'innerHTML', undefined, options, false); }
    async inputValue(selector, options) { return this.locator(selector)._read('page.inputValue', 'inputValue', undefined, options, false); }
    async getAttribute(selector, name, options) {
      return this.locator(selector)._read('page.getAttribute', 'getAttribute', String(name), options, false);
    }
    async isVisible(selector) { return this.locator(selector)._state('page.isVisible', 'visible', false); }
    async isHidden(selector) { return this.locator(selector)._state('page.isHidden', 'hidden', false); }
    async isEnabled(selector, options) { return this.locator(selector)._stateWaiting('page.isEnabled', 'enabled', options, false); }
    async isDisabled(selector, options) { return this.locator(selector)._stateWaiting('page.isDisabled', 'disabled', options, false); }
    async isEditable(selector, options) { return this.locator(selector)._stateWaiting('page.isEditable', 'editable', options, false); }
    async isChecked(selector, options) { return this.locator(selector)._stateWaiting('page.isChecked', 'checked', options, false); }

    /// Tries the action after each turn of the page until it is done (its element there and
    /// actionable), then waits for the navigation it started, if any, to commit and be parsed.
    /// `locator`: a strict locator's description ('' for a page method).
    async #act(method, args, options, locator = '', scopeOf = null, action = undefined) {
      this._ensureOpen(method);
      const timeout = options?.timeout === undefined ? this._timeout : Number(options.timeout);
      const name = action ?? StringPrototypeSlice(method, StringPrototypeIndexOfDot(method) + 1);
      const start = this.#now();
      if (timeout > 0) this.#schedule(timeout);
      let value;
      const document = documentOf(this.#id);
      // Playwright's call log: the wait for the locator (a page method's selector as
      // `locator('#id')`), then each attempt's steps (a line repeated by a later attempt is not
      // written again).
      if (action === undefined && locator === '' && scopeOf === null && typeof args[0] !== 'string') {
        throw new TypeError(`${method}: selector: expected string, got ${args[0] === null ? 'null' : typeof args[0]}`);
      }
      // An ElementHandle's action (`internal:handle=N`) has no wait for a locator, as Playwright's.
      const handleAction = typeof args[0] === 'string' && StringPrototypeStartsWith(args[0], 'internal:handle=');
      const waitedFor = locator !== '' ? locator : action === undefined && !handleAction && typeof args[0] === 'string' ? `locator('${args[0]}')` : '';
      const log = waitedFor === '' ? [] : [`waiting for ${waitedFor}`];
      const logged = (lines) => { for (const line of lines ?? []) if (ArrayPrototypeIndexOf(log, line) < 0) ArrayPrototypePush(log, line); };
      const callLog = (lines) => `\nCall log:\n${ArrayPrototypeJoin(ArrayPrototypeMap(lines, (line) => `  - ${line}\n`), '')}`;
      for (;;) {
        // A locator in a frame: its selector inside the frame's document, found again at each try.
        const scope = scopeOf === null ? { selector: action === undefined ? args[0] : undefined, path: [] } : scopeOf();
        let outcome;
        if (scope === null) {
          outcome = { retry: `waiting for ${locator}` };
        } else {
          if (scope.selector !== undefined) args[0] = scope.selector;
          outcome = JSONParse(host.act(this.#id, name, JSONStringify(args), locator, scope.path));
        }
        if (ObjectPrototypeHasOwnProperty(outcome, 'error')) {
          logged(outcome.log);
          const error = injectedError(outcome.error);
          const bare = log.length === 0 || isSelectorError(error) || StringPrototypeIncludes(error, '\nCall log:');
          throw new Error(`${method}: ${error}${bare ? '' : callLog(log)}`);
        }
        if (!ObjectPrototypeHasOwnProperty(outcome, 'retry')) {
          value = outcome.ok;
          break;
        }
        logged(outcome.log);
        logged([outcome.retry]);
        if (timeout > 0 && this.#now() - start >= timeout) {
          throw new TimeoutError(`${method}: Timeout ${timeout}ms exceeded.${callLog(log)}`);
        }
        const before = this.#now();
        await this._turn();
        const waited = this.#now() - before;
        if (outcome.attempting) logged(waited > 0 ? [`retrying ${outcome.attempting} action`, `waiting ${waited}ms`] : [`retrying ${outcome.attempting} action`]);
      }
      this.#rethrowDialogError();
      // Playwright's actions do not fail with the navigation they start (a failed one leaves the document).
      await this.#committed(method, Infinity);
      if (documentOf(this.#id) !== document) await this.waitForLoadState('domcontentloaded');
      await this.#runDueWork();
      this._deliverEvents();
      return value ?? undefined;
    }
    _act(method, args, options, locator, scopeOf) { return this.#act(method, args, options, locator, scopeOf); }
    /// Runs what the page has due now (queued tasks, timers due at its current time), as a browser
    /// does between two of Playwright's calls; its clock does not move.
    async #runDueWork() {
      for (let turns = 0; turns < 1000 && host.hasDueWork(this.#id); turns++) await pageTurn(this.#id);
    }
    /// What `outcome` (an evaluation) gives, unless a dialog it opened had a handler that threw:
    /// then that error, as for an action.
    async #evaluated(outcome) {
      const value = await outcome;
      this.#rethrowDialogError();
      return value;
    }
    #rethrowDialogError() {
      if (this.#dialogError === undefined) return;
      const error = this.#dialogError;
      this.#dialogError = undefined;
      throw error;
    }
    #dialog(type, message, defaultValue) {
      const dialog = new Dialog(type, message, defaultValue, this);
      if (this.listenerCount('dialog') === 0 && (this.#context === null || this.#context.listenerCount('dialog') === 0)) return [false];
      try {
        this.emit('dialog', dialog);
        this.#context?.emit('dialog', dialog);
      } catch (error) {
        if (this.#dialogError === undefined) this.#dialogError = error;
      }
      return dialog.answer ?? [false];
    }
    /// Waits until no navigation is in flight (its document committed), at most the navigation
    /// timeout; throws when it failed.
    async #committed(method, failuresBefore = host.navigation(this.#id)[1], timeout = this._navigationTimeout,
      waitingFor = 'waiting for the navigation to commit') {
      await this._waitFor(method, timeout, async () => {
        const [navigating, failures, last] = host.navigation(this.#id);
        if (failures > failuresBefore) throw new Error(`${method}: ${last}\nCall log:\n  - ${waitingFor}\n`);
        return navigating ? null : { value: undefined };
      }, waitingFor);
    }

    // ---- Navigation ----
    async goto(url, options) {
      this._ensureOpen('page.goto');
      const target = this.#context?._resolve(String(url)) ?? String(url);
      const before = host.navigation(this.#id)[1];
      const document = documentOf(this.#id);
      const waiting = `navigating to "${target}", waiting until "${options?.waitUntil ?? 'load'}"`;
      const started = host.navigate(this.#id, 'goto', target);
      if (started !== true) throw new Error(`page.goto: ${started}\nCall log:\n  - ${waiting}\n`);
      await this.#navigated('page.goto', before, options, waiting);
      if (documentOf(this.#id) !== document) return this._currentResponse();
      // A fragment navigation: its `hashchange` and what its listeners queued run before goto returns.
      await this.#runDueWork();
      this._deliverEvents();
      return null;
    }
    async goBack(options) { return this.#traverse('page.goBack', 'back', options); }
    async goForward(options) { return this.#traverse('page.goForward', 'forward', options); }
    async reload(options) {
      this._ensureOpen('page.reload');
      const before = host.navigation(this.#id)[1];
      host.navigate(this.#id, 'reload');
      await this.#navigated('page.reload', before, options);
      return this._currentResponse();
    }
    async setContent(html, options) {
      this._ensureOpen('page.setContent');
      host.setContent(this.#id, String(html));
      await this.waitForLoadState(options?.waitUntil ?? 'load', options);
      this._deliverEvents();
    }
    async waitForNavigation(options) {
      const before = host.navigation(this.#id)[1];
      await this._waitFor('page.waitForNavigation', options?.timeout ?? this._navigationTimeout,
        async () => (host.navigation(this.#id)[0] ? { value: true } : null));
      await this.#navigated('page.waitForNavigation', before, options);
      return this._currentResponse();
    }
    async #traverse(method, kind, options) {
      this._ensureOpen(method);
      const before = host.navigation(this.#id)[1];
      const document = documentOf(this.#id);
      if (!host.navigate(this.#id, kind)) return null;
      await this.#navigated(method, before, options);
      return documentOf(this.#id) === document ? null : this._currentResponse();
    }
    async #navigated(method, failuresBefore, options, waitingFor = undefined) {
      await this.#committed(method, failuresBefore, options?.timeout ?? this._navigationTimeout, waitingFor);
      await this.#loadState(method, options?.waitUntil ?? 'load', { timeout: options?.timeout }, waitingFor);
      this._deliverEvents();
    }

    // ---- Events and closing ----
    /// Emits what happened in the page since the last call: console messages, page errors, popups.
    /// Events that happened while the page ran (network events announced by the context), emitted
    /// at the next delivery.
    #queued = [];
    _queueEvent(name, value) { ArrayPrototypePush(this.#queued, [name, value]); }
    /// The document the page's navigation events were given for, and how far: 1 domcontentloaded, 2 load.
    #eventDocument = null;
    #eventStage = 0;
    _deliverEvents() {
      if (this.#closed) return;
      // The main frame's `framenavigated` (a document after the first), `domcontentloaded` and
      // `load`, once per document.
      const document = documentOf(this.#id);
      if (document !== this.#eventDocument) {
        if (this.#eventDocument !== null) this.emit('framenavigated', this.mainFrame());
        this.#eventDocument = document;
        this.#eventStage = 0;
      }
      if (this.#eventStage < 1 && host.reached(this.#id, 'domcontentloaded')) {
        this.#eventStage = 1;
        this.emit('domcontentloaded', this);
      }
      if (this.#eventStage < 2 && host.reached(this.#id, 'load')) {
        this.#eventStage = 2;
        this.emit('load', this);
      }
      while (this.#queued.length > 0) {
        const queued = this.#queued;
        this.#queued = [];
        for (const [name, value] of queued) {
          this.emit(name, value);
          this.#context?.emit(name, value);
        }
      }
      const [messages, errors] = host.events(this.#id, this.#consoleSeen, this.#errorsSeen);
      this.#consoleSeen += messages.length;
      this.#errorsSeen += errors.length;
      for (const [type, text, location, argumentsText] of messages) {
        const message = new ConsoleMessage(type, text, location, this, argumentsText);
        this.emit('console', message);
        this.#context?.emit('console', message);
      }
      for (const [name, message, stack] of errors) {
        const error = new Error(message);
        error.name = name;
        error.stack = stack;
        hooks.pageError?.(error, this);
        this.emit('pageerror', error);
        this.#context?.emit('weberror', { page: () => this, error: () => error });
      }
      const downloads = host.downloads(this.#id, this.#downloadsSeen);
      this.#downloadsSeen += downloads.length;
      for (const [url, suggestedFilename, path, failure] of downloads) this.emit('download', new Download(this, url, suggestedFilename, path, failure));
      if (this.#context === null) return;
      const popups = host.popups(this.#id);
      for (; this.#popupsSeen < popups.length; this.#popupsSeen++) {
        const popup = this.#context._adopt(popups[this.#popupsSeen]);
        popup._openedBy(this);
        this.emit('popup', popup);
      }
    }
    /// One turn of the page's event loop (see `pageTurn`), then its events delivered.
    async _turn() {
      await pageTurn(this.#id);
      this._deliverEvents();
    }
    /// Checks `condition` after each turn of the page until it gives `{ value }`; the timeout is
    /// counted on each document's clock in turn (a navigation starts another). `waitingFor`: the
    /// timeout's call log, a line or a function giving its lines.
    async _waitFor(method, timeout, condition, waitingFor = undefined) {
      this._ensureOpen(method);
      const limit = Number(timeout);
      let document = documentOf(this.#id);
      let start = this.#now();
      let seen = start;
      let before = 0;
      if (limit > 0) this.#schedule(limit);
      for (;;) {
        if (documentOf(this.#id) !== document) {
          before += seen - start;
          document = documentOf(this.#id);
          start = seen = this.#now();
          if (limit > 0) this.#schedule(MathMax(0, limit - before));
        }
        const met = await condition();
        if (met !== null) return met.value;
        seen = this.#now();
        if (limit > 0 && before + seen - start >= limit) {
          const lines = typeof waitingFor === 'function' ? waitingFor() : waitingFor ? [waitingFor] : [];
          throw new TimeoutError(`${method}: Timeout ${limit}ms exceeded.${lines.length === 0 ? ''
            : `\nCall log:\n${ArrayPrototypeJoin(ArrayPrototypeMap(lines, (line) => `  - ${line}\n`), '')}`}`);
        }
        await this._turn();
      }
    }
    /// One check of a page-level web-first expectation (`to.have.title`, `to.have.url`).
    _expectOnce(expression, params) {
      const outcome = JSONParse(this.#entry.expect('', '', String(expression), JSONStringify(params)));
      if (ObjectPrototypeHasOwnProperty(outcome, 'error')) throw new Error(outcome.error);
      return outcome;
    }
    _openedBy(page) { if (this.#opener === null) this.#opener = page; }
    /// Milliseconds on the page's clock.
    _now() { return this.#now(); }
    /// The current document's realm clock, without making a deferred about:blank (`host.realmClock`).
    #clockDocument = null;
    #clockFunctions = null;
    #clock() {
      const document = documentOf(this.#id);
      if (this.#clockFunctions === null || this.#clockDocument !== document) {
        this.#clockFunctions = host.realmClock(this.#id);
        this.#clockDocument = document;
      }
      return this.#clockFunctions;
    }
    #now() { return this.#clock()[0](); }
    #schedule(ms) { this.#clock()[1](ms); }
    _entry() { return this.#entry; }
    async close() {
      if (this.#closed) return;
      this._deliverEvents();
      this.#closed = true;
      // Nothing of the page's realm stays referenced from here (its functions would keep it alive).
      this.#clockFunctions = null;
      forgetFunctions(this.#id);
      MapPrototypeDelete(pages, this.#id);
      host.closePage(this.#id);
      this.#context?._forget(this);
      this.emit('close', this);
    }
    /// Marks the page closed when its context or browser closed it.
    _closedBy() {
      if (this.#closed) return;
      this.#closed = true;
      this.#clockFunctions = null;
      forgetFunctions(this.#id);
      MapPrototypeDelete(pages, this.#id);
      this.emit('close', this);
    }
    /// Caper's failure evidence: the page's URL, HTML as the DOM stands, console messages and page errors.
    _evidence() {
      if (this.#closed) return null;
      const entry = this.#entry;
      const [messages, errors] = host.events(this.#id, 0, 0);
      return { url: entry.url(), html: entry.snapshot(), console: messages, errors };
    }
  }
  for (const name of ['getByRole', 'getByText', 'getByLabel', 'getByPlaceholder', 'getByAltText', 'getByTitle', 'getByTestId']) {
    Page.prototype[name] = function (...args) { return locatorMethods((s, d) => newLocator(this, s, d))[name](...args); };
  }

  for (const made of [Page, Response, ConsoleMessage, Dialog, Download]) ObjectFreeze(made.prototype);

  return {
    /// `pageError(error, page)`: every page error as it is delivered (the runner attaches it).
    hooks,
    Page, Response, ConsoleMessage, Dialog, pageOf, initScriptSource,
    /// The Page object of page `id` in `context` (a BrowserContext object, or null).
    makePage: (id, context) => pageOf(id) ?? new Page(id, context),
  };
}
