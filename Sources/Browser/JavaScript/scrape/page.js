// `caper scrape`'s runner (support realm): calls the script's function with the input's page, a
// Playwright Page (`playwright/page.js`: Playwright's names and behaviour, plus Caper's own
// `document` and `window`, the live page objects of the current document), and shapes what it
// gives as a JSON line's text and fields, or as a failure.
(host, runtime) => {
  'use strict';
  const { JSONStringify, SplitString, StringPrototypeTrim, RegExpPrototypeExec, ArrayPrototypeSlice, ArrayPrototypePush, ArrayIsArray,
    ObjectKeys, String } = runtime.primordials;
  const { makePage } = runtime['playwright-page'];

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
    const page = makePage(pageId, null);
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
      const outcome = await runOn(fn, pageId, input);
      makePage(pageId, null)._closedBy();
      return outcome;
    },
  };
}
