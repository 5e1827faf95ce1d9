// The scrape `page` (support realm): Caper's Page as a scrape script sees it, named and behaving
// as Playwright's Page where the names meet (`url()`, `title()`, `content()`, `evaluate`,
// `$eval`, `$$eval`, `response()`), plus Caper's own `document` and `window`, the live page
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
    FunctionPrototypeCall, Map, MapPrototypeGet, MapPrototypeSet, Date, RegExp, BigInt, Promise } = runtime.primordials;
  // Node's timers are installed before this script runs; support code may replace the global later.
  const setImmediate = globalThis.setImmediate;

  const { makeEncoder, revive } = runtime['serialized-value'];

  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  /// Waits for what an entry point's `evaluate*` gave (the outcome's text, or a page function that
  /// gives it once settled) and returns the result, or throws what the page function threw.
  const settle = async (method, given) => {
    let text = given;
    while (typeof text === 'function') {
      const polled = text();
      if (typeof polled === 'string') text = polled;
      else await nextTurn();
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
  const pageFunction = (pageId, fn, method) => {
    if (typeof fn !== 'function') throw new TypeError(`page.${method}: expected a function`);
    const source = FunctionPrototypeToString(fn);
    try {
      return host.compile(pageId, `(${source})`);
    } catch (error) {
      const prefixed = StringPrototypeStartsWith(source, 'async ') ? `async function ${StringPrototypeSlice(source, 6)}` : `function ${source}`;
      try {
        return host.compile(pageId, `(${prefixed})`);
      } catch {
        throw new Error(`page.${method}: the function cannot be compiled in the page (a native or bound function?): ${error.message}`);
      }
    }
  };

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
    #url;
    #response;
    constructor(id, entry, url, response) {
      this.#id = id;
      this.#entry = entry;
      this.#url = url;
      this.#response = response;
    }
    url() { return this.#url; }
    async title() { return this.#entry.title(); }
    async content() { return this.#entry.content(); }
    response() { return this.#response; }
    /// The live Document of the page realm.
    get document() { return this.#entry.document; }
    /// The page realm's global object.
    get window() { return this.#entry.window; }
    async evaluate(fn, arg) {
      if (typeof fn === 'string') return settle('evaluate', this.#entry.evaluateExpression(fn));
      const compiled = pageFunction(this.#id, fn, 'evaluate');
      return settle('evaluate', this.#entry.evaluate(compiled, argumentText(arg, 'evaluate')));
    }
    async $eval(selector, fn, arg) {
      const element = this.#entry.querySelector(selector);
      if (element === null) throw new Error(`page.$eval: Error: failed to find element matching selector "${selector}"`);
      const compiled = pageFunction(this.#id, fn, '$eval');
      return settle('$eval', this.#entry.evaluateOn(compiled, element, argumentText(arg, '$eval')));
    }
    async $$eval(selector, fn, arg) {
      const elements = this.#entry.querySelectorAll(selector);
      const compiled = pageFunction(this.#id, fn, '$$eval');
      return settle('$$eval', this.#entry.evaluateOn(compiled, elements, argumentText(arg, '$$eval')));
    }
    async $(selector) { return this.#entry.querySelector(selector); }
    async $$(selector) { return this.#entry.querySelectorAll(selector); }
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

  return {
    /// Runs the script's function on one input: `[json, fields]` with the JSON text of its
    /// result (`null` for undefined) and, for a plain-object result, its top-level fields as
    /// `[name, cell]` (a string as it is, null as '', other scalars as text, the rest as JSON);
    /// or `{ message, stack, location }` when it threw.
    async run(fn, pageId, entry, url, response, input) { // entry: the page realm's function giving its entry points
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
    },
  };
}
