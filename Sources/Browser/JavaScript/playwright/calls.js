// What Playwright's page, frame, handle and locator calls share in the support realm: Playwright's
// errors (`TimeoutError`, the layout error, an injected script's error), functions given to
// `evaluate` compiled in the page realm (`host.compile`, once per page, document and frame) and
// their outcomes brought back (`settle`, in Playwright's serialization format), actions' options as
// the input layer takes them, the screenshot placeholder, one-time warnings, and the entry points
// of a frame's document.
//
// Exports: every constant and function below the primordials, by name (listed at the end).
(host, runtime) => {
  'use strict';
  const { JSONParse, Error, TypeError, FunctionPrototypeToString, ArrayPrototypePush, ArrayIsArray,
    ObjectPrototypeHasOwnProperty, StringPrototypeStartsWith, StringPrototypeSlice, Map, MapPrototypeGet,
    MapPrototypeSet, MapPrototypeDelete, Promise, String, StringPrototypeLastIndexOf, Uint8Array, ArrayPrototypeJoin,
    SplitString, Set } = runtime.primordials;
  const { revive } = runtime['serialized-value'];
  /// Playwright's Locator and FrameLocator (`playwright/locator.js`, installed last).
  const newLocator = (page, selector, description) => new runtime['playwright-locator'].Locator(page, selector, description);
  const newFrameLocator = (page, selector, owner) => new runtime['playwright-locator'].FrameLocator(page, selector, owner);

  /// Playwright's `errors.TimeoutError`.
  class TimeoutError extends Error {
    constructor(message) {
      super(message);
      this.name = 'TimeoutError';
    }
  }

  /// The error of a call that needs layout (coordinates, boxes, pixels), which Caper does not compute.
  const layoutError = (method) => new Error(`${method}: Caper has no layout: this call needs boxes or pixels, which a ` +
    'simulated browser without rendering does not compute (see the README, "Driving pages: Playwright\'s API")');

  /// Resolves after the event loop's next turn that ran something, the page waited on meanwhile.
  const pageTurn = (id) => new Promise((resolve) => { host.afterPageTurn(id, resolve); });
  /// The number of the page's current document (a navigation gives it the next).
  const documentOf = (id) => host.navigation(id)[3];

  /// Waits for what an entry point's `evaluate*` gave and returns the result, or throws what the
  /// page function threw; throws Playwright's error when a navigation replaced the document.
  const settle = async (method, given, id, document = documentOf(id), handle = null) => {
    let text = given;
    while (typeof text === 'function') {
      if (documentOf(id) !== document) throw new Error(`${method}: Execution context was destroyed, most likely because of a navigation`);
      const polled = text();
      if (typeof polled === 'string') text = polled;
      else await pageTurn(id);
    }
    const outcome = JSONParse(text);
    if (ObjectPrototypeHasOwnProperty(outcome, 'value')) return revive(outcome.value, new Map(), handle);
    if (ObjectPrototypeHasOwnProperty(outcome, 'unserializable')) {
      throw new Error(`${method}: the result cannot be sent back from the page: ${outcome.unserializable}`);
    }
    const { n, m } = outcome.error;
    throw new Error(`${method}: ${n === '' ? m : `${n}: ${m}`}`);
  };

  /// Functions compiled per page and document, by their source (a loop evaluating one function compiles it once).
  const compiled = new Map();
  /// Forgets the functions compiled for page `id` (it closed).
  const forgetFunctions = (id) => { MapPrototypeDelete(compiled, id); };
  const pageFunction = (id, fn, method, path = []) => {
    if (typeof fn !== 'function') throw new TypeError(`${method}: expected a function`);
    const source = FunctionPrototypeToString(fn);
    // Per frame: a function compiled in a frame's realm is kept under the frame's path.
    const key = path.length === 0 ? source : `${ArrayPrototypeJoin(path, '/')}\n${source}`;
    const document = documentOf(id);
    let functions = MapPrototypeGet(compiled, id);
    if (functions === undefined || functions.document !== document) {
      functions = new Map();
      functions.document = document;
      MapPrototypeSet(compiled, id, functions);
    }
    const known = MapPrototypeGet(functions, key);
    if (known !== undefined) return known;
    let made;
    try {
      made = host.compile(id, `(${source})`, path);
    } catch (error) {
      // A method (`{ f() {} }.f`) compiles as a function expression, as Playwright does.
      const prefixed = StringPrototypeStartsWith(source, 'async ') ? `async function ${StringPrototypeSlice(source, 6)}` : `function ${source}`;
      try {
        made = host.compile(id, `(${prefixed})`, path);
      } catch {
        throw new Error(`${method}: the function cannot be compiled in the page (a native or bound function?): ${error.message}`);
      }
    }
    MapPrototypeSet(functions, key, made);
    return made;
  };

  /// Playwright's action options as the input layer takes them.
  const actionOptions = (options) => {
    if (options === undefined || options === null) return {};
    if (options.position !== undefined) throw layoutError('position');
    const { button, clickCount, modifiers, force, trial } = options;
    return { button, clickCount, modifiers, force, trial };
  };
  /// The MIME type Playwright gives a file by its extension (`playwright/network.js`).
  const mimeTypeOf = (name) => runtime['playwright-network'].mimeTypeOf(name);
  /// `setInputFiles`' files as the input layer takes them: `{ name, mimeType, buffer }` in base64.
  const filePayloads = (files, method) => {
    const given = files === null || files === undefined ? [] : ArrayIsArray(files) ? files : [files];
    const payloads = [];
    for (const file of given) {
      if (typeof file === 'string') {
        let bytes;
        try {
          bytes = runtime.fs.readBytes(file);
        } catch (error) {
          throw new Error(`${method}: ${error?.message ?? error}`);
        }
        const name = StringPrototypeSlice(file, StringPrototypeLastIndexOf(file, '/') + 1);
        ArrayPrototypePush(payloads, { name, mimeType: mimeTypeOf(name), buffer: runtime.buffer.toBase64(bytes) });
      } else if (file !== null && typeof file === 'object') {
        ArrayPrototypePush(payloads, { name: String(file.name), mimeType: String(file.mimeType ?? ''),
          buffer: runtime.buffer.toBase64(file.buffer ?? new Uint8Array(0)) });
      } else {
        throw new TypeError(`${method}: a file is a path or { name, mimeType, buffer }`);
      }
    }
    return payloads;
  };
  /// `selectOption`'s values as the input layer takes them.
  const optionValues = (values, method) => {
    const given = values === null || values === undefined ? [] : ArrayIsArray(values) ? values : [values];
    const plain = [];
    for (const value of given) {
      if (value !== null && typeof value === 'object') {
        if (typeof value.evaluate === 'function') throw new TypeError(`${method}: element handles are not supported by Caper; give values or labels`);
        ArrayPrototypePush(plain, { value: value.value, label: value.label, index: value.index });
      } else {
        ArrayPrototypePush(plain, String(value));
      }
    }
    return plain;
  };


  const warned = new Set();
  /// One warning per kind for the whole run, on stderr.
  const warnOnce = (key, text) => {
    if (warned.has(key)) return;
    warned.add(key);
    runtime.modules.builtin('console').warn(`caper: ${text}`);
  };
  /// A 1x1 transparent PNG: what `screenshot()` gives without layout.
  const PLACEHOLDER_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  /// `screenshot(options)`: the placeholder PNG (written to `path`), with one warning per run.
  const screenshot = (options, method) => {
    warnOnce('screenshot', `${method}() gives a 1x1 placeholder PNG: Caper has no layout to render pixels ` +
      '(failure evidence attaches the page\'s HTML instead)');
    const bytes = runtime.buffer.fromBase64(PLACEHOLDER_PNG);
    if (options?.path !== undefined) {
      // Its folder is made first, as Playwright's screenshot does (a failure hook's `screenshots/…`).
      const path = String(options.path);
      const fs = runtime.modules.builtin('fs');
      fs.mkdirSync(runtime.modules.builtin('path').dirname(path), { recursive: true });
      fs.writeFileSync(path, bytes);
    }
    return runtime.modules.builtin('buffer').Buffer.from(bytes);
  };

  const FRAME_SEPARATOR = ' >> internal:control=enter-frame >> ';
  /// An error the page-side code threw, as Playwright words errors of its injected script
  /// (`Error: ...`); a selector's parse error stays as it is.
  const injectedError = (message, logLine = '') => {
    const text = String(message);
    if (isSelectorError(text) || StringPrototypeStartsWith(text, 'Cannot uncheck')) return text;
    const error = StringPrototypeStartsWith(text, 'Error: ') ? text : `Error: ${text}`;
    // A locator's call log starts with the wait for it.
    return logLine === '' ? error : `${error}\nCall log:\n  - ${logLine}\n`;
  };
  /// A selector's parse error (it comes without a call log, as Playwright's).
  const isSelectorError = (text) => StringPrototypeStartsWith(text, 'Unexpected token') || StringPrototypeStartsWith(text, 'Unknown engine') ||
    StringPrototypeStartsWith(text, 'Error while parsing') || StringPrototypeStartsWith(text, 'Unknown key');
  const StringPrototypeIndexOfDot = (text) => {
    for (let i = 0; i < text.length; i++) if (text[i] === '.') return i;
    return -1;
  };
  /// `entry.locate(selector, description, strict)` for `method`: the elements (a page-realm array),
  /// or Playwright's error (`locator.click: Error: strict mode violation: ...`; with `method` '',
  /// the page's message alone) when the page could not resolve the selector.
  const locateIn = (entry, selector, description, strict, method) => {
    const found = entry.locate(selector, description, strict);
    if (typeof found === 'string') throw new Error(method === '' ? found : `${method}: ${injectedError(found)}`);
    return found;
  };
  /// The entry points of the document the frame at `path` shows now (the main frame's for []), or null.
  const entryAt = (page, path) => {
    if (path.length === 0) return page._entry();
    const made = host.frameEntry(page._id, path);
    const entry = made === null ? null : made();
    return entry ?? null;
  };
  /// The prefix of a locator's selector that enters its frame ('' for the main frame).
  const insideOf = (selector) => {
    const parts = SplitString(selector, FRAME_SEPARATOR);
    if (parts.length === 1) return '';
    return StringPrototypeSlice(selector, 0, selector.length - parts[parts.length - 1].length - 4);
  };

  return {
    TimeoutError, layoutError, injectedError, isSelectorError, StringPrototypeIndexOfDot, pageTurn, documentOf, settle, pageFunction,
    forgetFunctions, locateIn, actionOptions, filePayloads, optionValues, warnOnce, screenshot, FRAME_SEPARATOR, insideOf, entryAt, newLocator,
    newFrameLocator,
  };
}
