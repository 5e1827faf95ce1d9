// The scrape `page` (support realm): Caper's Page as a scrape script sees it, named and behaving
// as Playwright's Page where the names meet (`url()`, `title()`, `content()`, `evaluate`,
// `$eval`, `$$eval`, `response()`, `waitForTimeout`, `waitForFunction`, `waitForSelector`,
// `waitForLoadState`; the page-level actions `click`, `dblclick`, `hover`, `fill`, `type`, `press`,
// `check`, `uncheck`, `selectOption`, `setInputFiles`, `focus`; `goto`, `goBack`, `goForward`,
// `reload`, `waitForNavigation`; `on('dialog', handler)`), plus Caper's own `document` and `window`, the live page
// objects of the current document (a navigation gives the page a new document and realm). Functions given to `evaluate` run in the page realm: their source is compiled there
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
    FunctionPrototypeCall, Map, MapPrototypeGet, MapPrototypeSet, MapPrototypeDelete, Date, RegExp, BigInt, Promise, Number,
    StringPrototypeLastIndexOf, StringPrototypeToLowerCase, Uint8Array, MathMax, ArrayPrototypeIndexOf, ArrayPrototypeSplice } = runtime.primordials;
  const { makeEncoder, revive } = runtime['serialized-value'];

  /// Resolves after the event loop's next turn that ran something, the page waited on meanwhile:
  /// when nothing else is due, the page's virtual clock jumps to its next timer (rule 4).
  const pageTurn = (pageId) => new Promise((resolve) => { host.afterPageTurn(pageId, resolve); });

  /// The number of the page's current document (a navigation gives it the next).
  const documentOf = (pageId) => host.navigation(pageId)[3];
  /// Waits for what an entry point's `evaluate*` gave (the outcome's text, or a page function that
  /// gives it once settled) and returns the result, or throws what the page function threw; throws
  /// Playwright's error when a navigation replaced the document meanwhile.
  const settle = async (method, given, pageId, document = documentOf(pageId)) => {
    let text = given;
    while (typeof text === 'function') {
      if (documentOf(pageId) !== document) {
        throw new Error(`page.${method}: Execution context was destroyed, most likely because of a navigation`);
      }
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
    // Per document: a navigation gives the page a new realm, where the functions compile again.
    const document = host.navigation(pageId)[3];
    let functions = MapPrototypeGet(compiled, pageId);
    if (functions === undefined || functions.document !== document) {
      functions = new Map();
      functions.document = document;
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

  /// Playwright's action options as the input layer takes them (JSON: button, clickCount, modifiers, force, trial).
  const actionOptions = (options) => {
    if (options === undefined || options === null) return {};
    const { button, clickCount, modifiers, force, trial } = options;
    return { button, clickCount, modifiers, force, trial };
  };
  /// The MIME type Playwright gives a file by its extension (the common ones; else octet-stream).
  const mimeTypes = { __proto__: null, txt: 'text/plain', html: 'text/html', htm: 'text/html', css: 'text/css', js: 'text/javascript',
    json: 'application/json', csv: 'text/csv', xml: 'application/xml', pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg',
    jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp', zip: 'application/zip' };
  const mimeTypeOf = (name) => {
    const dot = StringPrototypeLastIndexOf(name, '.');
    return (dot < 0 ? undefined : mimeTypes[StringPrototypeToLowerCase(StringPrototypeSlice(name, dot + 1))]) ?? 'application/octet-stream';
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
    #response;
    #dialogHandlers = [];
    #responseDocument = 0;
    constructor(id) {
      this.#id = id;
      this.#response = null;
    }
    /// The entry points of the page's current document.
    get #entry() { return host.entry(this.#id)(); }
    url() { return this.#entry.url(); }
    async title() { return this.#entry.title(); }
    async content() { return this.#entry.content(); }
    /// The current document's response (null for a file, or a document that had none).
    response() {
      const current = host.response(this.#id);
      if (current === null) return null;
      if (this.#response === null || this.#responseDocument !== current[4]) {
        this.#response = new Response(current[0], current[1], current[2], current[3]);
        this.#responseDocument = current[4];
      }
      return this.#response;
    }
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
      // Across a navigation the wait goes on in the next document for what is left of it.
      let remaining = delay;
      for (;;) {
        const document = documentOf(this.#id);
        const start = this.#entry.now();
        let seen = start;
        let text = this.#entry.sleep(remaining);
        while (typeof text === 'function' && documentOf(this.#id) === document) {
          seen = this.#entry.now();
          const polled = text();
          if (typeof polled === 'string') text = polled;
          else await pageTurn(this.#id);
        }
        if (typeof text === 'string') return undefined;
        remaining = MathMax(0, remaining - (seen - start));
      }
    }
    /// Playwright's `waitForFunction(fn, arg, { timeout })`: runs the page's tasks one at a time
    /// until `fn(arg)` in the page gives a truthy value, and returns it; the timeout (default
    /// 30,000 ms, 0 for none) is on the page's clock.
    async waitForFunction(fn, arg, options) {
      if (typeof fn !== 'string') pageFunction(this.#id, fn, 'waitForFunction');
      // Compiled in the current document each time (a navigation gives the page a new realm).
      const check = () => (typeof fn === 'string' ? this.#entry.evaluateExpression(fn)
        : this.#entry.evaluate(pageFunction(this.#id, fn, 'waitForFunction'), argumentText(arg, 'waitForFunction')));
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
    /// Playwright's `waitForLoadState(state)`: 'domcontentloaded', 'load' (the default) or
    /// 'networkidle' (load, then no fetch for 500 ms of the page's time); `goto`'s 'commit' is
    /// the new document there at all.
    async waitForLoadState(state = 'load') {
      if (state !== 'commit' && state !== 'domcontentloaded' && state !== 'load' && state !== 'networkidle') {
        throw new Error('page.waitForLoadState: state: expected one of (load|domcontentloaded|networkidle|commit)');
      }
      await this.#waitFor('waitForLoadState', { timeout: 0 }, async () => (host.reached(this.#id, state) ? { value: undefined } : null));
    }
    // ---- Playwright's page-level actions (Caper's input layer: input/actions.js) ----
    async click(selector, options) { return this.#act('click', [selector, actionOptions(options)], options); }
    async dblclick(selector, options) { return this.#act('dblclick', [selector, actionOptions(options)], options); }
    async hover(selector, options) { return this.#act('hover', [selector, actionOptions(options)], options); }
    async fill(selector, value, options) { return this.#act('fill', [selector, value, actionOptions(options)], options); }
    async type(selector, text, options) { return this.#act('type', [selector, String(text)], options); }
    async press(selector, key, options) { return this.#act('press', [selector, String(key)], options); }
    async check(selector, options) { return this.#act('check', [selector, actionOptions(options)], options); }
    async uncheck(selector, options) { return this.#act('uncheck', [selector, actionOptions(options)], options); }
    async setChecked(selector, checked, options) { return this.#act('setChecked', [selector, !!checked, actionOptions(options)], options); }
    async focus(selector, options) { return this.#act('focus', [selector], options); }
    async selectOption(selector, values, options) {
      const given = values === null || values === undefined ? [] : ArrayIsArray(values) ? values : [values];
      const plain = [];
      for (const value of given) {
        if (value !== null && typeof value === 'object') {
          if (typeof value.evaluate === 'function' || typeof value.nodeType === 'number') {
            throw new TypeError('page.selectOption: element handles are not supported by caper scrape; give values or labels');
          }
          ArrayPrototypePush(plain, { value: value.value, label: value.label, index: value.index });
        } else {
          ArrayPrototypePush(plain, String(value));
        }
      }
      return this.#act('selectOption', [selector, plain, actionOptions(options)], options);
    }
    /// `files`: a path, `{ name, mimeType, buffer }` (a Buffer or Uint8Array), or a list of them.
    async setInputFiles(selector, files, options) {
      const given = files === null || files === undefined ? [] : ArrayIsArray(files) ? files : [files];
      const payloads = [];
      for (const file of given) {
        if (typeof file === 'string') {
          let bytes;
          try {
            bytes = runtime.fs.readBytes(file);
          } catch (error) {
            throw new Error(`page.setInputFiles: ${error?.message ?? error}`);
          }
          const name = StringPrototypeSlice(file, StringPrototypeLastIndexOf(file, '/') + 1);
          ArrayPrototypePush(payloads, { name, mimeType: mimeTypeOf(name), buffer: runtime.buffer.toBase64(bytes) });
        } else if (file !== null && typeof file === 'object') {
          ArrayPrototypePush(payloads, { name: String(file.name), mimeType: String(file.mimeType ?? ''),
            buffer: runtime.buffer.toBase64(file.buffer ?? new Uint8Array(0)) });
        } else {
          throw new TypeError('page.setInputFiles: a file is a path or { name, mimeType, buffer }');
        }
      }
      return this.#act('setInputFiles', [selector, payloads], options);
    }
    /// Tries the action after each turn of the page until it is done (its element there and
    /// actionable), then waits for the navigation it started, if any, to commit.
    async #act(method, args, options) {
      const timeout = options?.timeout === undefined ? 30000 : Number(options.timeout);
      const text = JSONStringify(args);
      const start = this.#entry.now();
      if (timeout > 0) this.#entry.sleep(timeout);
      let value;
      const document = host.navigation(this.#id)[3];
      for (;;) {
        const outcome = JSONParse(host.act(this.#id, method, text));
        if (ObjectPrototypeHasOwnProperty(outcome, 'error')) throw new Error(`page.${method}: ${outcome.error}`);
        if (!ObjectPrototypeHasOwnProperty(outcome, 'retry')) {
          value = outcome.ok;
          break;
        }
        if (timeout > 0 && this.#entry.now() - start >= timeout) {
          throw new Error(`page.${method}: Timeout ${timeout}ms exceeded.\n  - ${outcome.retry}`);
        }
        await pageTurn(this.#id);
      }
      this.#rethrowDialogError();
      // Playwright's actions do not fail with the navigation they start (a failed one leaves the
      // document; goto does fail).
      await this.#committed(method, Infinity);
      // A navigation the action started: its document has been parsed when the action returns.
      if (host.navigation(this.#id)[3] !== document) await this.waitForLoadState('domcontentloaded');
      await this.#runDueWork();
      return value ?? undefined;
    }
    /// Runs what the page has due now (queued tasks, timers due at its current time: a `setTimeout(0)`
    /// a listener set), as a browser does between two of Playwright's calls; its clock does not move.
    async #runDueWork() {
      for (let turns = 0; turns < 1000 && host.hasDueWork(this.#id); turns++) await pageTurn(this.#id);
    }
    /// An error a dialog handler threw while the action ran, thrown by the action.
    #rethrowDialogError() {
      if (this.#dialogError === undefined) return;
      const error = this.#dialogError;
      this.#dialogError = undefined;
      throw error;
    }
    #dialogError = undefined;
    /// Waits until no navigation is in flight (its document committed); throws when it failed.
    async #committed(method, failuresBefore = host.navigation(this.#id)[1]) {
      for (;;) {
        const [navigating, failures, last] = host.navigation(this.#id);
        if (failures > failuresBefore) throw new Error(`page.${method}: ${last}`);
        if (!navigating) return;
        await pageTurn(this.#id);
      }
    }

    // ---- Navigation ----
    /// Playwright's `goto(url, { waitUntil, timeout })`: gives the new document's response as
    /// far as Caper keeps it (null: only the first document's is kept).
    async goto(url, options) {
      const before = host.navigation(this.#id)[1];
      const document = documentOf(this.#id);
      const started = host.navigate(this.#id, 'goto', String(url));
      if (started !== true) throw new Error(`page.goto: ${started}`);
      await this.#navigated('goto', before, options);
      // A same-document navigation (a fragment) has no response.
      return documentOf(this.#id) === document ? null : this.response();
    }
    async goBack(options) { return this.#traverse('goBack', 'back', options); }
    async goForward(options) { return this.#traverse('goForward', 'forward', options); }
    async reload(options) {
      const before = host.navigation(this.#id)[1];
      host.navigate(this.#id, 'reload');
      await this.#navigated('reload', before, options);
      return this.response();
    }
    /// Playwright's `waitForNavigation({ waitUntil })`: the navigation in flight (or the next one a
    /// page task starts) committed and its document reached `waitUntil`.
    async waitForNavigation(options) {
      const before = host.navigation(this.#id)[1];
      await this.#waitFor('waitForNavigation', options, async () => (host.navigation(this.#id)[0] ? { value: true } : null));
      await this.#navigated('waitForNavigation', before, options);
      return null;
    }
    async #traverse(method, kind, options) {
      const before = host.navigation(this.#id)[1];
      const document = documentOf(this.#id);
      if (!host.navigate(this.#id, kind)) return null;
      await this.#navigated(method, before, options);
      // A traversal within the document has no response.
      return documentOf(this.#id) === document ? null : this.response();
    }
    async #navigated(method, failuresBefore, options) {
      await this.#committed(method, failuresBefore);
      await this.waitForLoadState(options?.waitUntil ?? 'load');
    }

    // ---- Dialogs ----
    /// `page.on('dialog', handler)`: the handler gets a Dialog (`type()`, `message()`,
    /// `defaultValue()`, `accept(promptText)`, `dismiss()`) and must answer it before it returns
    /// (Caper's dialogs block the page's script while they are open, as a browser's do); without
    /// a handler, or unanswered, a dialog is dismissed. Other events are not supported by caper scrape.
    on(event, handler) {
      if (event !== 'dialog') throw new Error(`page.on: caper scrape has no '${event}' event (only 'dialog')`);
      if (typeof handler !== 'function') throw new TypeError('page.on: the handler must be a function');
      ArrayPrototypePush(this.#dialogHandlers, handler);
      if (this.#dialogHandlers.length === 1) {
        host.onDialog(this.#id, (type, message, defaultValue) => {
          let answer = null;
          const dialog = ObjectFreeze({
            type: () => type, message: () => message, defaultValue: () => defaultValue,
            accept: async (text) => {
              if (answer !== null) throw new Error('Cannot accept dialog which is already handled!');
              answer = [true, text === undefined ? null : String(text)];
            },
            dismiss: async () => {
              if (answer !== null) throw new Error('Cannot dismiss dialog which is already handled!');
              answer = [false];
            },
          });
          for (const each of this.#dialogHandlers) {
            try {
              each(dialog);
            } catch (error) {
              if (this.#dialogError === undefined) this.#dialogError = error;
            }
          }
          return answer ?? [false];
        });
      }
      return this;
    }
    once(event, handler) { return this.on(event, handler); }
    /// Removes a handler `on` added.
    off(event, handler) {
      const at = ArrayPrototypeIndexOf(this.#dialogHandlers, handler);
      if (event === 'dialog' && at >= 0) ArrayPrototypeSplice(this.#dialogHandlers, at, 1);
      return this;
    }
    removeListener(event, handler) { return this.off(event, handler); }

    /// Checks `condition` after each turn of the page (rule 4) until it gives `{ value }`.
    async #waitFor(method, options, condition) {
      const timeout = options?.timeout === undefined ? 30000 : Number(options.timeout);
      // The time waited is counted on each document's clock in turn (a navigation starts another).
      let document = documentOf(this.#id);
      let start = this.#entry.now();
      let seen = start;
      let before = 0;
      // A page timer at the deadline: a page with nothing else to do jumps there, and the wait
      // ends with Playwright's timeout error instead of running dry.
      if (timeout > 0) this.#entry.sleep(timeout);
      for (;;) {
        if (documentOf(this.#id) !== document) {
          before += seen - start;
          document = documentOf(this.#id);
          start = seen = this.#entry.now();
          if (timeout > 0) this.#entry.sleep(MathMax(0, timeout - before));
        }
        const met = await condition();
        if (met !== null) return met.value;
        seen = this.#entry.now();
        if (timeout > 0 && before + seen - start >= timeout) throw new Error(`page.${method}: Timeout ${timeout}ms exceeded.`);
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
  async function runOn(fn, pageId, input) {
    const page = new Page(pageId);
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
    async run(fn, pageId, input) {
      try {
        return await runOn(fn, pageId, input);
      } finally {
        forget(pageId);
      }
    },
  };
}
