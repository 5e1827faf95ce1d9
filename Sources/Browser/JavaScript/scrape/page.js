// The scrape `page` (support realm): Caper's Page as a scrape script sees it, named and behaving
// as Playwright's Page where the names meet (`url()`, `title()`, `content()`, `evaluate`,
// `$eval`, `$$eval`, `response()`, `waitForTimeout`, `waitForFunction`, `waitForSelector`,
// `waitForLoadState`), plus Caper's own `document` and `window`, the live page
// objects. Functions given to `evaluate` run in the page realm: their source is compiled there
// (`host.compile`); the argument and the result cross as text in Playwright's serialization
// format (`shared/serialized-value.js`), rebuilt on the other side with that side's objects, so
// no support-realm object ever reaches page code and no page object's method runs to carry a
// result back.
(host, runtime) => {
  'use strict';
  const { JSONParse, JSONStringify, Error, TypeError, FunctionPrototypeToString, ObjectFreeze, SplitString, StringPrototypeTrim,
    RegExpPrototypeExec, ArrayPrototypeSlice, ArrayPrototypePush, ArrayIsArray, ObjectKeys, String, ObjectIs, NumberIsNaN,
    ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, ObjectPrototypeHasOwnProperty, ObjectPrototypeToString,
    BigIntPrototypeToString, DatePrototypeGetTime, DatePrototypeToISOString, StringPrototypeStartsWith, StringPrototypeSlice,
    FunctionPrototypeCall, Map, MapPrototypeGet, MapPrototypeSet, MapPrototypeDelete, Date, RegExp, BigInt, Promise, Number } = runtime.primordials;
  const { makeEncoder, revive } = runtime['serialized-value'];

  /// Resolves after the event loop's next turn that ran something, the page waited on meanwhile:
  /// when nothing else is due, the page's virtual clock jumps to its next timer (rule 4).
  const pageTurn = (pageId) => new Promise((resolve) => { host.afterPageTurn(pageId, resolve); });

  /// Waits for what an entry point's `evaluate*` gave (the outcome's text, or a page function that
  /// gives it once settled) and returns the result, or throws what the page function threw.
  const settle = async (method, given, pageId) => {
    let text = given;
    while (typeof text === 'function') {
      const polled = text();
      if (typeof polled === 'string') text = polled;
      else await pageTurn(pageId);
    }
    const outcome = JSONParse(text);
    if (ObjectPrototypeHasOwnProperty(outcome, 'value')) return revive(outcome.value, new Map());
    if (ObjectPrototypeHasOwnProperty(outcome, 'unserializable')) {
      throw new Error(`page.${method}: the result cannot be sent back from the page: ${outcome.unserializable}`);
    }
    const { n, m } = outcome.error;
    throw new Error(`page.${method}: ${n === '' ? m : `${n}: ${m}`}`);
  };

  /// The argument of `evaluate` as serialization text; a function or a symbol is what Playwright
  /// refuses to send.
  const argumentText = (arg, method) => {
    if (arg === undefined) return undefined;
    const unsupported = (type) => {
      throw new TypeError(`page.${method}: the argument holds a ${type}, which cannot be sent to the page`);
    };
    return makeEncoder(unsupported, () => undefined)(arg);
  };

  /// `fn` compiled in the page realm: a function's source as it is, or, for a method
  /// (`{ f() {} }.f`), as a function expression, as Playwright does.
  /// Functions compiled per page, by their source: a script that evaluates the same function in a
  /// loop compiles it once (the page's function is stateless: it is called afresh each time).
  const compiled = new Map();
  const pageFunction = (pageId, fn, method) => {
    if (typeof fn !== 'function') throw new TypeError(`page.${method}: expected a function`);
    const source = FunctionPrototypeToString(fn);
    let functions = MapPrototypeGet(compiled, pageId);
    if (functions === undefined) {
      functions = new Map();
      MapPrototypeSet(compiled, pageId, functions);
    }
    const known = MapPrototypeGet(functions, source);
    if (known !== undefined) return known;
    let made;
    try {
      made = host.compile(pageId, `(${source})`);
    } catch (error) {
      const prefixed = StringPrototypeStartsWith(source, 'async ') ? `async function ${StringPrototypeSlice(source, 6)}` : `function ${source}`;
      try {
        made = host.compile(pageId, `(${prefixed})`);
      } catch {
        throw new Error(`page.${method}: the function cannot be compiled in the page (a native or bound function?): ${error.message}`);
      }
    }
    MapPrototypeSet(functions, source, made);
    return made;
  };
  /// Forgets a closed page's functions.
  const forget = (pageId) => { MapPrototypeDelete(compiled, pageId); };

  class Response {
    #url;
    #status;
    #statusText;
    #headers;
    constructor(url, status, statusText, headers) {
      this.#url = url;
      this.#status = status;
      this.#statusText = statusText;
      this.#headers = headers;
    }
    url() { return this.#url; }
    status() { return this.#status; }
    statusText() { return this.#statusText; }
    ok() { return this.#status === 0 || (this.#status >= 200 && this.#status <= 299); }
    /// Header names lowercased, as Playwright gives them; repeated headers joined with ', '.
    headers() { return { ...this.#headers }; }
    headerValue(name) { return this.#headers[String(name).toLowerCase()] ?? null; }
  }

  class Page {
    #id;
    #entry;
    #response;
    constructor(id, entry, url, response) {
      this.#id = id;
      this.#entry = entry;
      this.#response = response;
    }
    url() { return this.#entry.url(); }
    async title() { return this.#entry.title(); }
    async content() { return this.#entry.content(); }
    response() { return this.#response; }
    /// The live Document of the page realm.
    get document() { return this.#entry.document; }
    /// The page realm's global object.
    get window() { return this.#entry.window; }
    async evaluate(fn, arg) {
      if (typeof fn === 'string') return settle('evaluate', this.#entry.evaluateExpression(fn), this.#id);
      const compiled = pageFunction(this.#id, fn, 'evaluate');
      return settle('evaluate', this.#entry.evaluate(compiled, argumentText(arg, 'evaluate')), this.#id);
    }
    async $eval(selector, fn, arg) {
      const element = this.#entry.querySelector(selector);
      if (element === null) throw new Error(`page.$eval: Error: failed to find element matching selector "${selector}"`);
      const compiled = pageFunction(this.#id, fn, '$eval');
      return settle('$eval', this.#entry.evaluateOn(compiled, element, argumentText(arg, '$eval')), this.#id);
    }
    async $$eval(selector, fn, arg) {
      const elements = this.#entry.querySelectorAll(selector);
      const compiled = pageFunction(this.#id, fn, '$$eval');
      return settle('$$eval', this.#entry.evaluateOn(compiled, elements, argumentText(arg, '$$eval')), this.#id);
    }
    async $(selector) { return this.#entry.querySelector(selector); }
    /// The live elements in an array of this realm (the page's own array could be replaced).
    async $$(selector) {
      const found = this.#entry.querySelectorAll(selector);
      const elements = [];
      for (let i = 0; i < found.length; i++) ArrayPrototypePush(elements, found[i]);
      return elements;
    }
    /// Playwright's `waitForTimeout`: `ms` pass on the page's clock, its tasks and timers due
    /// meanwhile run (virtual time: no real waiting).
    async waitForTimeout(ms) {
      const delay = Number(ms);
      if (!(delay >= 0)) throw new TypeError('page.waitForTimeout: expected a number of milliseconds');
      return settle('waitForTimeout', this.#entry.sleep(delay), this.#id);
    }
    /// Playwright's `waitForFunction(fn, arg, { timeout })`: runs the page's tasks one at a time
    /// until `fn(arg)` in the page gives a truthy value, and returns it; the timeout (default
    /// 30,000 ms, 0 for none) is on the page's clock.
    async waitForFunction(fn, arg, options) {
      const compiled = typeof fn === 'string' ? null : pageFunction(this.#id, fn, 'waitForFunction');
      const check = () => (compiled === null ? this.#entry.evaluateExpression(fn)
        : this.#entry.evaluate(compiled, argumentText(arg, 'waitForFunction')));
      return this.#waitFor('waitForFunction', options, async () => {
        const value = await settle('waitForFunction', check(), this.#id);
        return value ? { value } : null;
      });
    }
    /// Playwright's `waitForSelector(selector, { state, timeout })`: `state` 'attached' (the
    /// default here: Caper has no layout to decide 'visible') or 'detached'; gives the element, or
    /// null for 'detached'.
    async waitForSelector(selector, options) {
      const state = options?.state ?? 'attached';
      if (state !== 'attached' && state !== 'detached') {
        throw new Error(`page.waitForSelector: state '${state}' is not supported by caper scrape (attached or detached)`);
      }
      return this.#waitFor('waitForSelector', options, async () => {
        const element = this.#entry.querySelector(selector);
        if (state === 'attached') return element === null ? null : { value: element };
        return element === null ? { value: null } : null;
      });
    }
    /// Playwright's `waitForLoadState(state)`: 'domcontentloaded' or 'load' (the default).
    async waitForLoadState(state = 'load') {
      const stage = state === 'domcontentloaded' ? 1 : state === 'load' ? 2 : 0;
      if (stage === 0) throw new Error(`page.waitForLoadState: state '${state}' is not supported by caper scrape (load or domcontentloaded)`);
      await this.#waitFor('waitForLoadState', { timeout: 0 }, async () => (this.#entry.loadState() >= stage ? { value: undefined } : null));
    }
    /// Checks `condition` after each turn of the page (rule 4) until it gives `{ value }`.
    async #waitFor(method, options, condition) {
      const timeout = options?.timeout === undefined ? 30000 : Number(options.timeout);
      const start = this.#entry.now();
      // A page timer at the deadline: a page with nothing else to do jumps there, and the wait
      // ends with Playwright's timeout error instead of running dry.
      if (timeout > 0) this.#entry.sleep(timeout);
      for (;;) {
        const met = await condition();
        if (met !== null) return met.value;
        if (timeout > 0 && this.#entry.now() - start >= timeout) throw new Error(`page.${method}: Timeout ${timeout}ms exceeded.`);
        await pageTurn(this.#id);
      }
    }
  }
  ObjectFreeze(Page.prototype);
  ObjectFreeze(Response.prototype);

  const location = (error) => {
    const stack = typeof error?.stack === 'string' ? error.stack : '';
    for (const line of ArrayPrototypeSlice(SplitString(stack, '\n'), 1)) {
      const match = RegExpPrototypeExec(/\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?$/, StringPrototypeTrim(line));
      if (match) return `${match[1]}:${match[2]}:${match[3]}`;
    }
    return null;
  };

  /// A thrown value as `{ message, stack, location }` (any value can be thrown; an error of the
  /// page realm too).
  const failure = (error) => {
    const isObject = error !== null && typeof error === 'object';
    let text;
    try {
      text = String(error);
    } catch {
      text = 'a value that has no text';
    }
    const message = isObject && typeof error.message === 'string' ? error.message : text;
    const stack = isObject && typeof error.stack === 'string' ? error.stack : message;
    return { message, stack, location: location(error) };
  };

  /// Runs the script's function on one page (see `run`).
  async function runOn(fn, pageId, entry, url, response, input) {
    const page = new Page(pageId, entry(), url,
      response ? new Response(response.url, response.status, response.statusText, response.headers) : null);
    let value;
    try {
      value = await fn(page, input);
    } catch (error) {
      return failure(error);
    }
    try {
      const text = JSONStringify(value === undefined ? null : value);
      const fields = [];
      if (value !== null && typeof value === 'object' && !ArrayIsArray(value)) {
        for (const key of ObjectKeys(value)) {
          const field = value[key];
          const cell = field === null || field === undefined ? '' : typeof field === 'string' ? field
            : typeof field === 'object' ? (JSONStringify(field) ?? '') : String(field);
          ArrayPrototypePush(fields, [key, cell]);
        }
      }
      return [text === undefined ? 'null' : text, fields];
    } catch (error) {
      const { message, stack } = failure(error);
      return { message: `the script's result cannot be written as JSON: ${message}`, stack, location: null };
    }
  }

  return {
    /// Runs the script's function on one input: `[json, fields]` with the JSON text of its
    /// result (`null` for undefined) and, for a plain-object result, its top-level fields as
    /// `[name, cell]` (a string as it is, null as '', other scalars as text, the rest as JSON);
    /// or `{ message, stack, location }` when it threw.
    async run(fn, pageId, entry, url, response, input) { // entry: the page realm's function giving its entry points
      try {
        return await runOn(fn, pageId, entry, url, response, input);
      } finally {
        forget(pageId);
      }
    },
  };
}
