// The scrape `page` (support realm): Caper's Page as a scrape script sees it, named and behaving
// as Playwright's Page where the names meet (`url()`, `title()`, `content()`, `evaluate`,
// `$eval`, `$$eval`, `response()`), plus Caper's own `document` and `window`, the live page
// objects. Functions given to `evaluate` run in the page realm: their source is compiled there
// (`host.compile`), arguments cross as clones made there, results come back as JSON values, so
// no support-realm object ever reaches page code.
(host, runtime) => {
  'use strict';
  const { JSONParse, JSONStringify, Error, TypeError, FunctionPrototypeToString, ObjectFreeze, SplitString, StringPrototypeTrim,
    RegExpPrototypeExec, ArrayPrototypeSlice, ArrayPrototypePush, ArrayIsArray, ObjectKeys, String } = runtime.primordials;

  // Values cross as JSON text: undefined stays undefined (Playwright's evaluate gives undefined).
  const toPage = (entry, value) => (value === undefined ? undefined : entry.parseJSON(JSONStringify(value)));
  const fromPage = (entry, value) => {
    const text = entry.stringifyJSON(value);
    return text === undefined ? undefined : JSONParse(text);
  };

  const pageFunction = (pageId, fn, method) => {
    if (typeof fn === 'function') return host.compile(pageId, `(${FunctionPrototypeToString(fn)})`);
    if (typeof fn === 'string') return host.compile(pageId, `(() => (${fn}))`);
    throw new TypeError(`page.${method}: expected a function or an expression string`);
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
      const compiled = pageFunction(this.#id, fn, 'evaluate');
      return fromPage(this.#entry, await compiled(toPage(this.#entry, arg)));
    }
    async $eval(selector, fn, arg) {
      const element = this.#entry.querySelector(selector);
      if (element === null) throw new Error(`page.$eval: Error: failed to find element matching selector "${selector}"`);
      const compiled = pageFunction(this.#id, fn, '$eval');
      return fromPage(this.#entry, await compiled(element, toPage(this.#entry, arg)));
    }
    async $$eval(selector, fn, arg) {
      const elements = this.#entry.querySelectorAll(selector);
      const compiled = pageFunction(this.#id, fn, '$$eval');
      return fromPage(this.#entry, await compiled(elements, toPage(this.#entry, arg)));
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

  return {
    /// Runs the script's function on one input: `[json, fields]` with the JSON text of its
    /// result (`null` for undefined) and, for a plain-object result, its top-level fields as
    /// `[name, cell]` (a string as it is, null as '', other scalars as text, the rest as JSON);
    /// or `{ message, stack, location }` when it threw.
    async run(fn, pageId, entry, url, response, input) { // entry: the page realm's function giving its entry points
      const page = new Page(pageId, entry(), url,
        response ? new Response(response.url, response.status, response.statusText, response.headers) : null);
      try {
        const value = await fn(page, input);
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
        const message = error !== null && typeof error === 'object' && typeof error.message === 'string' ? error.message : String(error);
        const stack = error !== null && typeof error === 'object' && typeof error.stack === 'string' ? error.stack : message;
        return { message, stack, location: location(error) };
      }
    },
  };
}
