// Playwright's page-level selector methods (`page.click(selector, options)` and the rest) over
// the input layer, as Playwright 1.65 performs them on Chromium: the element is found with the
// selector (CSS for now; the first match), checked for actionability unless `force` (attached,
// visible: rendered and not `visibility: hidden`, enabled for the actions that need it,
// editable for `fill`), then acted on:
// - `click`/`dblclick`: modifiers pressed (Alt, Control, Meta, Shift, in that order), the mouse
//   moved onto the element, `clickCount` presses and releases of `button`, modifiers restored;
// - `hover`: the mouse moved onto it; `focus`: its focusing steps;
// - `fill`: text-editing's fill; `type`: focus, then each character as a key press;
//   `press`: focus, then the key press (`Shift+A` style combinations);
// - `check`/`uncheck`: a click when the state differs, which must change it;
// - `selectOption`: the options whose value or label match (or `{ value, label, index }`), set
//   from script with untrusted `input` and `change`, as Playwright's injected script does;
// - `setInputFiles`: the files (`{ name, mimeType, buffer }` with a base64 or byte buffer) selected
//   with untrusted `input` and `change`.
// `perform(name, args)` gives `{ ok: value }`, `{ retry: why }` when the element is not there or
// not actionable yet (Swift runs the page and tries again until the timeout), or `{ error }`.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const { ObjectFreeze, ArrayIsArray, ArrayPrototypePush, ArrayPrototypeIndexOf, String, Number, TypeError, Error, Uint8Array,
    StringPrototypeCharCodeAt, FunctionPrototypeCall, ObjectGetOwnPropertyDescriptor, DateNow } = runtime.primordials;
  const { DOCUMENT, TYPE, LOCAL, NAMESPACE, HTML_NS } = runtime.internals;
  const elements = runtime.elements;
  const events = runtime.events;
  const { Event } = events.interfaces;
  const selectors = runtime.selectors;
  const cascade = runtime.cascade;
  const pointer = runtime.pointer;
  const files = runtime['file-selection'];
  const { File } = runtime.blob.interfaces;

  let document = null;
  const install = (global, doc) => { document = doc; };

  const isHTML = (node, name) => node !== null && node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && node[LOCAL] === name;
  const isConnected = (node) => runtime.nodes.shadowIncludingRoot(node)[TYPE] === 9;
  const describe = (element) => `<${element[LOCAL]}>`;
  class Retry { constructor(why) { this.why = why; } }
  const retry = (why) => { throw new Retry(why); };

  const find = (selector) => {
    const element = selectors.querySelector(document, String(selector));
    if (element === null) retry(`waiting for locator('${selector}')`);
    return element;
  };
  /** Playwright's visibility without layout: rendered (no `display: none` on it or an ancestor) and not `visibility: hidden`. */
  const isVisible = (element) => cascade.isBeingRendered(element) && cascade.computedStyle(element).visibility !== 'hidden' &&
    cascade.computedStyle(element).visibility !== 'collapse';
  const isEditable = (element) => {
    if (isHTML(element, 'input') || isHTML(element, 'textarea')) return element.readOnly !== true && !elements.isDisabledControl(element);
    return elements.isEditingHost(element);
  };
  /** Playwright's actionability checks (`force` skips them but attachment). */
  const actionable = (element, checks, force) => {
    if (!isConnected(element)) retry('element is not attached to the DOM');
    if (force) return;
    if (ArrayPrototypeIndexOf(checks, 'visible') >= 0 && !isVisible(element)) retry('element is not visible');
    if (ArrayPrototypeIndexOf(checks, 'enabled') >= 0 && elements.isDisabledControl(element)) retry('element is not enabled');
    if (ArrayPrototypeIndexOf(checks, 'editable') >= 0 && !isEditable(element)) retry('element is not editable');
  };

  const MODIFIERS = ['Alt', 'Control', 'Meta', 'Shift'];
  const withModifiers = (modifiers, body) => {
    const keyboard = runtime.keyboard;
    const wanted = ArrayIsArray(modifiers) ? modifiers : [];
    const pressed = [];
    for (const key of safeArray(MODIFIERS)) {
      const name = key === 'Control' ? 'Control' : key;
      if (ArrayPrototypeIndexOf(wanted, key) >= 0 || (key === 'Control' && ArrayPrototypeIndexOf(wanted, 'ControlOrMeta') >= 0)) {
        keyboard.down(document, name);
        ArrayPrototypePush(pressed, name);
      }
    }
    try {
      body();
    } finally {
      for (const key of safeArray(pressed)) keyboard.up(document, key);
    }
  };

  const click = (selector, options = {}, clickCount = undefined) => {
    const element = find(selector);
    actionable(element, ['visible', 'enabled'], options.force);
    if (options.trial) return;
    const count = clickCount ?? Number(options.clickCount ?? 1);
    const button = options.button ?? 'left';
    withModifiers(options.modifiers, () => {
      pointer.move(element);
      for (let i = 1; i <= count; i++) {
        pointer.down(element, button, i);
        pointer.up(element, button, i);
      }
    });
  };

  /** Playwright's focus before `press` and `type`: an element not focused yet gets its caret at the start. */
  const focusElement = (element) => {
    if (document[elements.FOCUSED] === element) return;
    elements.focus(element, element[DOCUMENT]);
    const editing = runtime['text-editing'];
    if (document[elements.FOCUSED] === element && editing.selectionApplies(element)) editing.setSelection(element, 0, 0);
  };

  const setChecked = (selector, options, wanted) => {
    const element = find(selector);
    const type = isHTML(element, 'input') ? elements.inputType(element) : '';
    const state = type === 'checkbox' || type === 'radio' ? elements.checkedness(element)
      : element.getAttribute?.('role') === 'checkbox' ? element.getAttribute('aria-checked') === 'true' : null;
    if (state === null) throw new Error('Not a checkbox or radio button');
    if (state === wanted) return;
    click(selector, options);
    if (elements.checkedness(element) !== wanted) throw new Error('Clicking the checkbox did not change its state');
  };

  const fireUntrusted = (target, type) => events.dispatch(target, new Event(type, { bubbles: true, composed: true }));

  const selectOption = (selector, values, options = {}) => {
    const element = find(selector);
    if (!isHTML(element, 'select')) throw new Error('Element is not a <select> element');
    actionable(element, ['visible', 'enabled'], options.force);
    const wanted = values === null || values === undefined ? [] : ArrayIsArray(values) ? values : [values];
    const list = element.options;
    const chosen = [];
    for (const want of safeArray(wanted)) {
      let found = null;
      for (let i = 0; i < list.length && found === null; i++) {
        const option = list[i];
        if (typeof want === 'string' ? option.value === want || option.label === want
          : (want.value === undefined || option.value === want.value) && (want.label === undefined || option.label === want.label) &&
            (want.index === undefined || i === want.index)) found = option;
      }
      if (found === null) retry(`did not find some options`);
      ArrayPrototypePush(chosen, found);
    }
    if (chosen.length > 1 && !element.multiple) throw new Error('Error: Cannot select multiple options on a non-multiple select');
    for (let i = 0; i < list.length; i++) elements.setSelectedness(list[i], ArrayPrototypeIndexOf(chosen, list[i]) >= 0);
    fireUntrusted(element, 'input');
    fireUntrusted(element, 'change');
    const result = [];
    for (const option of safeArray(chosen)) ArrayPrototypePush(result, option.value);
    return result;
  };

  const base64Bytes = (text) => {
    const bytes = runtime.base64.forgivingBase64Decode(String(text));
    if (bytes === null) throw new TypeError('setInputFiles: the buffer is not valid base64');
    return bytes;
  };
  const setInputFiles = (selector, given) => {
    const element = find(selector);
    if (!isHTML(element, 'input')) throw new Error('Node is not an HTMLInputElement');
    if (elements.inputType(element) !== 'file') throw new Error('Not an input[type=file] element');
    const payloads = given === null || given === undefined ? [] : ArrayIsArray(given) ? given : [given];
    if (payloads.length > 1 && !element.multiple) throw new Error('Non-multiple file input can only accept single file');
    const chosen = [];
    for (const payload of safeArray(payloads)) {
      if (typeof payload !== 'object' || payload === null) throw new TypeError('setInputFiles: a file is { name, mimeType, buffer }');
      const bytes = typeof payload.buffer === 'string' ? base64Bytes(payload.buffer) : new Uint8Array(payload.buffer ?? []);
      ArrayPrototypePush(chosen, new File([bytes], String(payload.name), { type: String(payload.mimeType ?? ''), lastModified: DateNow() }));
    }
    files.setFiles(element, chosen);
    fireUntrusted(element, 'input');
    fireUntrusted(element, 'change');
  };

  const actions = {
    __proto__: null,
    click: (selector, options) => click(selector, options ?? {}),
    dblclick: (selector, options) => click(selector, options ?? {}, 2),
    hover: (selector, options = {}) => {
      const element = find(selector);
      actionable(element, ['visible'], options?.force);
      if (!options?.trial) withModifiers(options?.modifiers, () => pointer.move(element));
    },
    focus: (selector) => {
      const element = find(selector);
      elements.focus(element, element[DOCUMENT]);
    },
    fill: (selector, value, options = {}) => {
      const element = find(selector);
      actionable(element, ['visible', 'enabled', 'editable'], options?.force);
      runtime['text-editing'].fill(element, String(value));
    },
    type: (selector, text) => {
      focusElement(find(selector));
      runtime.keyboard.type(document, String(text));
    },
    press: (selector, key) => {
      focusElement(find(selector));
      runtime.keyboard.press(document, String(key));
    },
    check: (selector, options) => setChecked(selector, options ?? {}, true),
    uncheck: (selector, options) => setChecked(selector, options ?? {}, false),
    setChecked: (selector, checked, options) => setChecked(selector, options ?? {}, !!checked),
    selectOption: (selector, values, options) => selectOption(selector, values, options ?? {}),
    setInputFiles: (selector, given) => setInputFiles(selector, given),
  };

  /**
   * Runs the page-level action `name` with `args` (already parsed from JSON): `{ ok: value }`,
   * `{ retry: why }` or `{ error: message }`.
   */
  const perform = (name, args) => {
    const action = actions[name];
    if (action === undefined) return { error: `page.${name} is not an action Caper knows` };
    if (document === null) return { retry: 'the page has no document yet' };
    try {
      return { ok: FunctionPrototypeCall(action, null, ...safeArray(args)) };
    } catch (error) {
      if (error instanceof Retry) return { retry: error.why };
      const message = error !== null && typeof error === 'object' && typeof error.message === 'string' ? error.message : String(error);
      return { error: message };
    }
  };

  return ObjectFreeze({ install, perform });
}
