// Playwright's entry points in the support realm: `chromium`, `firefox` and `webkit` (BrowserType),
// Browser, BrowserContext, `devices`, `selectors`, `errors`, `expect` (from `playwright/expect.js`),
// registered as the modules `playwright`, `playwright-core`, `@playwright/test` and
// `playwright/test` (built-in modules come before `node_modules`, so a project that installed the
// real packages still gets Caper's).
//
// Lifetimes are Playwright's: a browser, context or page lives until it is closed (or its
// browser or context is); one made in `BeforeAll` serves every scenario of its worker. Every
// browser type launches the same simulated browser; `launch` accepts and ignores the options
// about a real browser (`headless`, `slowMo`, `channel`, `args`, `executablePath`, ...).
//
// Exports (for the runner): `defaultWorld` (the lazy `browser`, `context` and `page` of the
// default World, closed by `endScenario`), `evidence()` (every open page's URL, HTML, console
// messages and page errors), `takeSoftErrors()`.
(host, runtime) => {
  'use strict';
  const { JSONStringify, JSONParse, Error, TypeError, ObjectFreeze, ArrayPrototypePush, ArrayPrototypeSplice, ArrayPrototypeIndexOf,
    ArrayPrototypeSlice, ArrayIsArray, String, Number, RegExp, RegExpPrototypeExec, StringPrototypeReplace, StringPrototypeStartsWith,
    StringPrototypeEndsWith,
    Promise, ObjectAssign, ObjectKeys } = runtime.primordials;
  const { Page, Response, makePage, pageOf, initScriptSource } = runtime['playwright-page'];
  const { TimeoutError, warnOnce } = runtime['playwright-calls'];
  const { Locator } = runtime['playwright-locator'];
  const { setTestIdAttribute } = runtime['playwright-locator-selectors'];
  const network = runtime['playwright-network'];
  const { urlMatches } = network;
  const EventEmitter = runtime.modules.builtin('events');

  /// Contexts' options Caper applies, accepts, or accepts with a warning (README: "Browser contexts").
  const unsupported = ['locale', 'timezoneId', 'proxy', 'clientCertificates', 'recordHar'];

  class BrowserContext extends EventEmitter {
    #id;
    #browser;
    #options;
    #pages = [];
    #closed = false;
    #permissions = [];
    _timeout = undefined;
    _navigationTimeout = undefined;
    tracing = ObjectFreeze({ start: async () => {}, stop: async () => {}, startChunk: async () => {}, stopChunk: async () => {},
      group: async () => {}, groupEnd: async () => {} });
    constructor(browser, options = {}) {
      super();
      for (const key of ObjectKeys(options)) {
        if (options[key] !== undefined && ArrayPrototypeIndexOf(unsupported, key) >= 0) {
          warnOnce(`option ${key}`, `browser.newContext: the option '${key}' is accepted and not applied by Caper yet`);
        }
      }
      this.#browser = browser;
      this.#options = { ...options };
      this.#id = host.newContext(JSONStringify({ userAgent: options.userAgent, ignoreHTTPSErrors: options.ignoreHTTPSErrors,
        javaScriptEnabled: options.javaScriptEnabled, extraHTTPHeaders: options.extraHTTPHeaders, httpCredentials: options.httpCredentials,
        viewport: options.viewport ?? undefined }));
      host.setRouting(this.#id, (kind, pageId, requestId, data) => this.#network(kind, pageId, requestId, data));
      // Console arguments are kept (for `ConsoleMessage.args()`) once a `console` listener is added.
      this.on('newListener', (event) => { if (event === 'console') host.keepConsoleArguments(this.#id); });
      if (ArrayIsArray(options.permissions)) this.#permissions = ArrayPrototypeSlice(options.permissions);
      const state = options.storageState;
      if (state !== undefined && state !== null) {
        const parsed = typeof state === 'string' ? JSONParse(runtime.modules.builtin('fs').readFileSync(state, 'utf8')) : state;
        if (ArrayIsArray(parsed.cookies) && parsed.cookies.length > 0) host.addCookies(this.#id, JSONStringify(parsed.cookies));
        for (const origin of ArrayIsArray(parsed.origins) ? parsed.origins : []) {
          host.setLocalStorage(this.#id, String(origin.origin), JSONStringify(origin.localStorage ?? []));
        }
      }
    }
    get _id() { return this.#id; }
    // ---- Network: requests announced by RequestRouting, routes, the API request context ----
    #routes = [];
    #requests = new Map();
    #waitingRoutes = new Map();
    #request = null;
    get request() {
      if (this.#request === null) {
        this.#request = new network.APIRequestContext(this.#id, { baseURL: this.#options.baseURL,
          extraHTTPHeaders: this.#options.extraHTTPHeaders, ignoreHTTPSErrors: this.#options.ignoreHTTPSErrors });
      }
      return this.#request;
    }
    #network(kind, pageId, requestId, dataText) {
      const page = pageOf(pageId) ?? null;
      if (kind === 'request') {
        const data = JSONParse(dataText);
        const request = new network.Request(data, page);
        this.#requests.set(requestId, request);
        page?._queueEvent('request', request);
        const routes = network.matchingRoutes(data.url, [page?._routes ?? [], this.#routes]);
        if (routes.length === 0) return false;
        this.#waitingRoutes.set(requestId, routes);
        return true;
      }
      const request = this.#requests.get(requestId);
      if (kind === 'route') {
        this.#runRoutes(requestId, request);
        return undefined;
      }
      if (request === undefined) return undefined;
      this.#requests.delete(requestId);
      if (kind === 'response') {
        const response = new network.Response(JSONParse(dataText), request, () => network.bytesOf(host.responseBody(this.#id, requestId)));
        request._responded(response);
        page?._queueEvent('response', response);
        page?._queueEvent('requestfinished', request);
      } else if (kind === 'failed') {
        request._failed(JSONParse(dataText).errorText);
        page?._queueEvent('requestfailed', request);
      }
      return undefined;
    }
    /// Runs the matching routes' handlers in turn until one decides (`fallback` passes it on; after
    /// the last, the request continues). An error a handler throws is reported on stderr and the
    /// request continues.
    async #runRoutes(requestId, request) {
      const routes = this.#waitingRoutes.get(requestId) ?? [];
      this.#waitingRoutes.delete(requestId);
      for (const entry of routes) {
        if (entry.times !== undefined && entry.count >= entry.times) continue;
        entry.count++;
        const route = new network.Route(this.#id, requestId, request, this.request);
        try {
          await entry.handler(route, request);
        } catch (error) {
          runtime.modules.builtin('console').error(`caper: a route handler for ${request.url()} threw: ${error?.stack ?? error}`);
          if (!route._handled) host.routeContinue(this.#id, requestId, '{}');
          return;
        }
        if (route._handled || !route._fellBack) return;
      }
      host.routeContinue(this.#id, requestId, '{}');
    }
    async route(url, handler, options = {}) { ArrayPrototypePush(this.#routes, routeEntry(this.#options.baseURL, url, handler, options)); }
    async unroute(url, handler) { this.#routes = this.#routes.filter((entry) => !(entry.url === url && (handler === undefined || entry.handler === handler))); }
    async unrouteAll() { this.#routes = []; }
    async routeFromHAR() { throw new Error('browserContext.routeFromHAR is not supported by Caper yet'); }
    get _baseURL() { return this.#options.baseURL; }
    get _hasTouch() { return !!this.#options.hasTouch; }
    get _viewport() { return this.#options.viewport === null ? null : this.#options.viewport ?? { width: 1280, height: 720 }; }
    _resolve(url) {
      if (this.#options.baseURL === undefined) return url;
      try {
        return new URL(url, this.#options.baseURL).href;
      } catch {
        return url;
      }
    }
    _urlMatches(url, match) { return urlMatches(this.#options.baseURL, url, match); }
    _routeEntry(url, handler, options) { return routeEntry(this.#options.baseURL, url, handler, options); }
    browser() { return this.#browser; }
    pages() { return ArrayPrototypeSlice(this.#pages); }
    async newPage() { return this._newPage(); }
    _newPage() {
      if (this.#closed) throw new Error('browserContext.newPage: Target page, context or browser has been closed');
      const page = makePage(host.newPage(this.#id), this);
      for (const name of this.#bindings.keys()) host.exposeBinding(page._id, name);
      ArrayPrototypePush(this.#pages, page);
      this.emit('page', page);
      return page;
    }
    /// A popup a page of this context opened: its Page, announced with the context's `page` event.
    _adopt(id) {
      const page = makePage(id, this);
      if (ArrayPrototypeIndexOf(this.#pages, page) < 0) {
        for (const name of this.#bindings.keys()) host.exposeBinding(page._id, name);
        ArrayPrototypePush(this.#pages, page);
        this.emit('page', page);
      }
      return page;
    }
    _forget(page) {
      const at = ArrayPrototypeIndexOf(this.#pages, page);
      if (at >= 0) ArrayPrototypeSplice(this.#pages, at, 1);
    }
    async close() {
      if (this.#closed) return;
      this.#closed = true;
      for (const page of ArrayPrototypeSlice(this.#pages)) page._closedBy();
      this.#pages = [];
      host.closeContext(this.#id);
      this.#browser?._forget(this);
      this.emit('close', this);
    }
    isClosed() { return this.#closed; }
    setDefaultTimeout(timeout) { this._timeout = Number(timeout); }
    setDefaultNavigationTimeout(timeout) { this._navigationTimeout = Number(timeout); }
    async cookies(urls) {
      const list = urls === undefined ? [] : ArrayIsArray(urls) ? urls : [urls];
      return JSONParse(host.cookies(this.#id, JSONStringify(list)));
    }
    async addCookies(cookies) {
      if (!ArrayIsArray(cookies)) throw new TypeError('browserContext.addCookies: expected an array of cookies');
      for (const cookie of cookies) {
        if (cookie.url === undefined && (cookie.domain === undefined || cookie.path === undefined)) {
          throw new Error('browserContext.addCookies: Cookie should have a url or a domain/path pair');
        }
        if (cookie.url !== undefined && cookie.domain !== undefined) {
          throw new Error('browserContext.addCookies: Cookie should have either url or domain');
        }
      }
      host.addCookies(this.#id, JSONStringify(cookies));
    }
    /// `clearCookies({ name, domain, path })`: the cookies that match every filter given (a string
    /// or a RegExp each), or all of them.
    async clearCookies(options = {}) {
      const filters = ['name', 'domain', 'path'].filter((key) => options?.[key] !== undefined);
      if (filters.length === 0) {
        host.clearCookies(this.#id);
        return;
      }
      const matches = (pattern, value) => (pattern instanceof RegExp ? RegExpPrototypeExec(pattern, value) !== null : pattern === value);
      const all = JSONParse(host.cookies(this.#id, '[]'));
      const kept = all.filter((cookie) => !filters.every((key) => matches(options[key], cookie[key])));
      host.clearCookies(this.#id);
      if (kept.length > 0) host.addCookies(this.#id, JSONStringify(kept));
    }
    /// Playwright's storage state: the cookies, and each origin's local storage.
    async storageState(options) {
      const state = { cookies: await this.cookies(), origins: JSONParse(host.localStorage(this.#id)) };
      if (options?.path !== undefined) runtime.modules.builtin('fs').writeFileSync(String(options.path), JSONStringify(state, null, 2));
      return state;
    }
    async grantPermissions(permissions) { for (const permission of permissions) ArrayPrototypePush(this.#permissions, permission); }
    async clearPermissions() { this.#permissions = []; }
    async setExtraHTTPHeaders(headers) { host.setExtraHTTPHeaders(this.#id, JSONStringify(headers ?? {})); }
    async setGeolocation() {}
    async setOffline() {}
    async addInitScript(script, arg) { host.addInitScript('context', this.#id, initScriptSource(script, arg, 'browserContext.addInitScript')); }
    async exposeFunction(name, callback) { return this.exposeBinding(name, (source, ...args) => callback(...args)); }
    /// `exposeBinding(name, callback)` for every page of the context, those open and those to come.
    async exposeBinding(name, callback) {
      const key = String(name);
      if (this.#bindings.has(key)) throw new Error(`browserContext.exposeBinding: Function "${key}" has been already registered`);
      this.#bindings.set(key, callback);
      for (const page of this.#pages) host.exposeBinding(page._id, key);
    }
    #bindings = new Map();
    _binding(name) { return this.#bindings.get(name); }
    /// `waitForEvent('page' | 'close' | ..., predicate | { predicate, timeout })`: the pages' time passes meanwhile.
    async waitForEvent(event, options) {
      const predicate = typeof options === 'function' ? options : options?.predicate;
      const timeout = typeof options === 'object' && options?.timeout !== undefined ? Number(options.timeout) : (this._timeout ?? 30000);
      let received = null;
      const listener = async (value) => {
        if (received === null && (predicate === undefined || await predicate(value))) received = { value };
      };
      this.on(event, listener);
      try {
        const page = this.#pages[0];
        if (page === undefined) throw new Error(`browserContext.waitForEvent: Caper waits for '${event}' on a context with a page`);
        return await page._waitFor('browserContext.waitForEvent', timeout, async () => {
          for (const each of ArrayPrototypeSlice(this.#pages)) each._deliverEvents();
          return received;
        }, `waiting for event "${event}"`);
      } finally {
        this.off(event, listener);
      }
    }
    _evidence() {
      const found = [];
      for (const page of this.#pages) {
        const evidence = page._evidence();
        if (evidence !== null) ArrayPrototypePush(found, evidence);
      }
      return found;
    }
  }

  class Browser extends EventEmitter {
    #type;
    #contexts = [];
    #connected = true;
    constructor(type) {
      super();
      this.#type = type;
      ArrayPrototypePush(browsers, this);
    }
    browserType() { return this.#type; }
    version() { return 'caper'; }
    isConnected() { return this.#connected; }
    contexts() { return ArrayPrototypeSlice(this.#contexts); }
    async newContext(options = {}) { return this._newContext(options); }
    _newContext(options = {}) {
      if (!this.#connected) throw new Error('browser.newContext: Target page, context or browser has been closed');
      const context = new BrowserContext(this, options);
      ArrayPrototypePush(this.#contexts, context);
      return context;
    }
    /// A page in a context of its own, closed with the page (Playwright's `browser.newPage`).
    async newPage(options = {}) {
      const context = await this.newContext(options);
      const page = await context.newPage();
      page.once('close', () => { context.close(); });
      return page;
    }
    _forget(context) {
      const at = ArrayPrototypeIndexOf(this.#contexts, context);
      if (at >= 0) ArrayPrototypeSplice(this.#contexts, at, 1);
    }
    async close() {
      if (!this.#connected) return;
      for (const context of ArrayPrototypeSlice(this.#contexts)) await context.close();
      this.#connected = false;
      const at = ArrayPrototypeIndexOf(browsers, this);
      if (at >= 0) ArrayPrototypeSplice(browsers, at, 1);
      this.emit('disconnected', this);
    }
    async newBrowserCDPSession() { throw new Error('browser.newBrowserCDPSession: Caper has no Chrome DevTools Protocol'); }
    async startTracing() {}
    async stopTracing() { return runtime.modules.builtin('buffer').Buffer.alloc(0); }
  }
  const browsers = [];
  /// A route of `page.route` or `browserContext.route`: its URL pattern, handler and `times`.
  const routeEntry = (baseURL, url, handler, options) => ({
    url, handler, times: options?.times, count: 0, matches: (candidate) => urlMatches(baseURL, candidate, url),
  });

  class BrowserType {
    #name;
    constructor(name) { this.#name = name; }
    name() { return this.#name; }
    executablePath() { return ''; }
    async launch(options = {}) { return new Browser(this); }
    async launchPersistentContext(userDataDir, options = {}) {
      const browser = new Browser(this);
      return browser.newContext(options);
    }
    async connect() { throw new Error(`${this.#name}.connect: Caper runs its own simulated browser; there is nothing to connect to`); }
    async connectOverCDP() { throw new Error(`${this.#name}.connectOverCDP: Caper has no Chrome DevTools Protocol`); }
  }
  const chromium = new BrowserType('chromium');
  const firefox = new BrowserType('firefox');
  const webkit = new BrowserType('webkit');

  /// A few of Playwright's device descriptors (the options `newContext` takes for them).
  const desktop = (userAgent) => ({ userAgent, viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });
  const chromeUA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
  const devices = ObjectFreeze({
    'Desktop Chrome': { ...desktop(chromeUA), defaultBrowserType: 'chromium' },
    'Desktop Edge': { ...desktop(`${chromeUA} Edg/140.0.0.0`), defaultBrowserType: 'chromium' },
    'Desktop Firefox': { ...desktop('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:142.0) Gecko/20100101 Firefox/142.0'), defaultBrowserType: 'firefox' },
    'Desktop Safari': { ...desktop('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15'),
      defaultBrowserType: 'webkit' },
    'Pixel 5': { userAgent: 'Mozilla/5.0 (Linux; Android 11; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
      viewport: { width: 393, height: 727 }, deviceScaleFactor: 2.75, isMobile: true, hasTouch: true, defaultBrowserType: 'chromium' },
    'iPhone 13': { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      viewport: { width: 390, height: 664 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, defaultBrowserType: 'webkit' },
  });

  const selectorsAPI = ObjectFreeze({
    setTestIdAttribute: (name) => setTestIdAttribute(name),
    register: async () => { throw new Error('selectors.register: custom selector engines are not supported by Caper'); },
  });

  // ---- expect ----
  /// The page `expect.poll`/`toPass` let time pass on: the most recently made open page.
  const lastOpenPage = () => {
    for (let i = browsers.length - 1; i >= 0; i--) {
      const contexts = browsers[i].contexts();
      for (let j = contexts.length - 1; j >= 0; j--) {
        const open = contexts[j].pages();
        if (open.length > 0) return open[open.length - 1];
      }
    }
    return null;
  };
  /// The matcher an expression of the injected script stands for, as Playwright's call log names it.
  const matcherNames = { __proto__: null, 'to.be.attached': 'toBeAttached', 'to.be.detached': 'toBeAttached', 'to.be.checked': 'toBeChecked',
    'to.be.unchecked': 'toBeChecked', 'to.be.disabled': 'toBeDisabled', 'to.be.editable': 'toBeEditable', 'to.be.readonly': 'toBeEditable',
    'to.be.empty': 'toBeEmpty', 'to.be.enabled': 'toBeEnabled', 'to.be.focused': 'toBeFocused', 'to.be.hidden': 'toBeHidden',
    'to.be.visible': 'toBeVisible', 'to.have.attribute': 'toHaveAttribute', 'to.have.attribute.value': 'toHaveAttribute',
    'to.have.class': 'toHaveClass', 'to.have.class.array': 'toHaveClass', 'to.contain.class': 'toContainClass',
    'to.contain.class.array': 'toContainClass', 'to.have.css': 'toHaveCSS', 'to.have.id': 'toHaveId', 'to.have.text.array': 'toHaveText',
    'to.contain.text.array': 'toContainText', 'to.have.value': 'toHaveValue', 'to.have.values': 'toHaveValues', 'to.have.count': 'toHaveCount',
    'to.have.accessible.name': 'toHaveAccessibleName', 'to.have.accessible.description': 'toHaveAccessibleDescription',
    'to.have.accessible.error.message': 'toHaveAccessibleErrorMessage', 'to.have.role': 'toHaveRole', 'to.have.title': 'toHaveTitle',
    'to.have.url': 'toHaveURL', 'to.have.property': 'toHaveJSProperty', 'to.have.js.property': 'toHaveJSProperty' };
  const matcherNameOf = (expression, params) => {
    if (expression === 'to.have.text') return params.expectedText?.[0]?.matchSubstring ? 'toContainText' : 'toHaveText';
    return matcherNames[expression] ?? expression;
  };
  const expect = runtime.expect.makeExpect({
    kindOf: (value) => (value instanceof Locator ? 'locator' : value instanceof Page ? 'page'
      : value instanceof Response || (value !== null && typeof value === 'object' && typeof value.ok === 'function' && typeof value.status === 'function') ? 'response' : null),
    describe: (value) => (value instanceof Locator ? String(value) : 'page'),
    baseURL: (page) => page.context()?._baseURL,
    /// Retries one check in the page until it gives `matches === !isNot`, or `timeout` of the page's time passed.
    async expect(target, expression, params) {
      const page = target instanceof Locator ? target.page() : target;
      // Playwright's call log: the assertion, the wait, what the locator resolved to, the value.
      // A custom message (`expect(locator, message)`) takes the assertion's place in the first line.
      const title = params.customMessage ? params.customMessage : `Expect "${params.isNot ? 'not ' : ''}${matcherNameOf(expression, params)}"`;
      const log = [`${title}${target instanceof Locator ? ` ${String(target)}` : ''} with timeout ${params.timeout}ms`];
      if (target instanceof Locator) ArrayPrototypePush(log, `waiting for ${String(target)}`);
      const described = () => {
        if (last === null) return;
        if (last.count !== undefined) ArrayPrototypePush(log, `locator resolved to ${last.count} element${last.count === 1 ? '' : 's'}`);
        else if (last.preview !== undefined) ArrayPrototypePush(log, `locator resolved to ${last.preview}`);
        if (last.matches === !!params.isNot && !last.missing && (last.received === null || typeof last.received !== 'object')) {
          const shown = typeof last.received === 'string' ? last.received : JSONStringify(last.received);
          if (shown !== undefined) ArrayPrototypePush(log, `unexpected value "${shown}"`);
        }
      };
      let last = null;
      let failure = null;
      const once = () => (target instanceof Locator ? target._expectOnce(expression, params) : page._expectOnce(expression, params));
      try {
        await page._waitFor('expect', params.timeout, async () => {
          try {
            last = once();
          } catch (error) {
            // A strict mode violation or a bad argument fails the assertion at once.
            failure = error;
            return { value: undefined };
          }
          return last.matches !== !!params.isNot ? { value: undefined } : null;
        });
        if (failure !== null) {
          return { matches: !!params.isNot, received: undefined, log, timedOut: false, errorMessage: `Error: ${failure.message}` };
        }
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
        described();
        return { matches: last?.matches ?? !!params.isNot, received: last?.received, missing: last?.missing, log, timedOut: true,
          errorMessage: last?.missing && !StringPrototypeEndsWith(expression, '.array') && expression !== 'to.have.count'
            && last.received === undefined ? 'Error: element(s) not found' : undefined };
      }
      return { matches: last.matches, received: last.received, missing: last.missing, log, timedOut: false };
    },
    async pause(ms) {
      const page = lastOpenPage();
      if (page !== null) return page.waitForTimeout(ms);
      return new Promise((resolve) => { runtime.modules.builtin('timers').setTimeout(resolve, ms); });
    },
  });

  // ---- The default World's browser, context and page ----
  let worldBrowser = null;
  /// The contexts the default World opened for the running scenario (closed by `endScenario`).
  const scenarioContexts = [];
  /// What the default World's lazy `browser`, `context` and `page` give: one browser per worker,
  /// a context (with `baseURL` from the world parameters) and a page per scenario.
  const defaultWorld = ObjectFreeze({
    browser() {
      if (worldBrowser === null || !worldBrowser.isConnected()) worldBrowser = new Browser(chromium);
      return worldBrowser;
    },
    context(browser, parameters) {
      const baseURL = parameters?.baseURL ?? parameters?.baseUrl;
      const context = browser._newContext(baseURL === undefined ? {} : { baseURL: String(baseURL) });
      ArrayPrototypePush(scenarioContexts, context);
      return context;
    },
    page(context) { return context._newPage(); },
  });
  /// Closes what the default World opened for the scenario that ended (synchronously).
  const endScenario = () => {
    for (const context of ArrayPrototypeSplice(scenarioContexts, 0, scenarioContexts.length)) context.close();
  };
  /// The failure evidence of every open page: `{ url, html, console, errors }`.
  const evidence = () => {
    const found = [];
    for (const browser of browsers) {
      for (const context of browser.contexts()) for (const each of context._evidence()) ArrayPrototypePush(found, each);
    }
    return found;
  };

  const api = {
    chromium, firefox, webkit, devices, selectors: selectorsAPI, expect,
    errors: ObjectFreeze({ TimeoutError }),
    request: ObjectFreeze({
      /// Playwright's `request.newContext(options)`: an API request context with a cookie jar of its own.
      newContext: async (options = {}) => {
        const id = host.newContext(JSONStringify({ userAgent: options.userAgent, ignoreHTTPSErrors: options.ignoreHTTPSErrors,
          extraHTTPHeaders: options.extraHTTPHeaders, httpCredentials: options.httpCredentials }));
        const state = typeof options.storageState === 'string'
          ? JSONParse(runtime.modules.builtin('fs').readFileSync(options.storageState, 'utf8')) : options.storageState;
        if (ArrayIsArray(state?.cookies) && state.cookies.length > 0) host.addCookies(id, JSONStringify(state.cookies));
        return new network.APIRequestContext(id, options, () => host.closeContext(id));
      },
    }),
    // @playwright/test's test runner is not Caper's: its `test` tells so when called.
    test: ObjectAssign(() => { throw new Error("@playwright/test's test() runner is not available in Caper: write cucumber steps"); }, { expect }),
    _electron: undefined, _android: undefined,
  };
  api.default = api;
  for (const name of ['playwright', 'playwright-core', '@playwright/test', 'playwright/test']) runtime.modules.define(name, () => api);

  /// Delivers what every open page has to tell (console messages, page errors, network events, popups).
  const deliverEvents = () => {
    for (const browser of browsers) for (const context of browser.contexts()) for (const page of context.pages()) page._deliverEvents();
  };

  return { api, defaultWorld, endScenario, evidence, deliverEvents, takeSoftErrors: () => expect._takeSoftErrors?.() ?? [] };
}
