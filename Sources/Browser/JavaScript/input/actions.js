// Playwright's page-level selector methods (`page.click(selector, options)` and the rest) over
// the input layer, as Playwright 1.65 performs them on Chromium: the element is found with the
// selector (Playwright's syntax, playwright/selector-engine.js; the first match), checked for
// actionability unless `force` (attached; visible: rendered, not `visibility: hidden`, not an
// empty inline box; enabled for the actions that need it; editable for `fill`; receiving pointer
// events), then acted on (`fill`, `check`, `selectOption`, `setInputFiles` through a label to its
// control):
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
    StringPrototypeCharCodeAt, StringPrototypeToLowerCase, FunctionPrototypeCall, ObjectGetOwnPropertyDescriptor, ObjectKeys,
    ObjectSetPrototypeOf, DateNow, JSONStringify, StringPrototypeStartsWith } = runtime.primordials;
  const { DOCUMENT, TYPE, LOCAL, NAMESPACE, HTML_NS, FIRST, NEXT, DATA, PARENT } = runtime.internals;
  const elements = runtime.elements;
  const events = runtime.events;
  const { Event } = events.interfaces;
  const selectors = runtime.selectors;
  const cascade = runtime.cascade;
  const pointer = runtime.pointer;
  const files = runtime['file-selection'];
  const { File } = runtime.blob.interfaces;
  const { getAttributeOrNull } = runtime.nodes;
  const { optionsOf } = runtime['form-data-set'];
  const { HTMLOptionElement } = elements.interfaces;
  const optionValue = ObjectGetOwnPropertyDescriptor(HTMLOptionElement.prototype, 'value').get;
  const optionLabel = ObjectGetOwnPropertyDescriptor(HTMLOptionElement.prototype, 'label').get;

  let document = null;
  const install = (global, doc) => { document = doc; };

  const isHTML = (node, name) => node !== null && node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && node[LOCAL] === name;
  const { isConnected } = runtime.elements;
  const describe = (element) => `<${element[LOCAL]}>`;
  /** The options of an action called without any: reads give undefined, whatever `Object.prototype` holds. */
  const NO_OPTIONS = ObjectFreeze({ __proto__: null });
  class Retry { constructor(why) { this.why = why; } }
  const retry = (why) => { throw new Retry(why); };

  /** The strict locator the running action was called on (its description), or '' for a page method. */
  let strictLocator = '';
  /**
   * Playwright's call log of the running action after the wait for its element ("locator
   * resolved to ...", "attempting click action", ...), and the action it is attempting (whose
   * retries the log names).
   */
  let log = [];
  let attempting = null;
  const note = (line) => { ArrayPrototypePush(log, line); };
  /**
   * Playwright's `_retryAction` steps before the action itself: "attempting <action> action",
   * the wait for the element's states (`waitingFor`: "visible, enabled and stable"), then the
   * actionability `checks`.
   */
  const attempt = (action, waitingFor, element, checks, force) => {
    attempting = action;
    note(`attempting ${action} action`);
    if (!force) note(`waiting for element to be ${waitingFor}`);
    actionable(element, checks, force);
  };
  /**
   * The element `selector` matches: the first (a page method), or the only one (a locator: more
   * throws Playwright's strict mode violation, `playwright/locator-evaluation.js`).
   */
  const find = (selector) => {
    if (strictLocator !== '') {
      const evaluation = runtime['locator-evaluation'];
      const found = evaluation.resolve(document, String(selector), strictLocator, true);
      if (found.length === 0) retry(`waiting for ${strictLocator}`);
      note(`locator resolved to ${evaluation.preview(found[0])}`);
      return found[0];
    }
    const element = runtime['selector-engine'].querySelector(document, String(selector));
    if (element === null) retry(`waiting for locator('${selector}')`);
    // An ElementHandle's own node (`internal:handle=N`) is not "resolved": Playwright logs nothing.
    if (!StringPrototypeStartsWith(String(selector), 'internal:handle=')) note(`locator resolved to ${runtime['locator-evaluation'].preview(element)}`);
    return element;
  };
  /**
   * Playwright's visibility without layout: rendered (no `display: none` on it or an ancestor),
   * not `visibility: hidden`/`collapse`, and not an empty inline box (an inline element with no
   * text and no element inside has no size). Hit-testing is not done: an element under another
   * (an overlay) counts as receiving the click.
   */
  const isVisible = (element) => {
    if (!cascade.isBeingRendered(element)) return false;
    const style = cascade.computedStyle(element);
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    if (style.display !== 'inline' || !isHTML(element, element[LOCAL]) || replacedNames[element[LOCAL]]) return true;
    for (let node = element[FIRST]; node !== null; node = node[NEXT]) {
      if (node[TYPE] === 1 || (node[TYPE] === 3 && node[DATA] !== '')) return true;
    }
    return false;
  };
  /** Inline elements that have a box of their own without content (replaced elements, form controls). */
  const replacedNames = { __proto__: null, img: true, input: true, select: true, textarea: true, button: true, video: true,
    audio: true, canvas: true, iframe: true, embed: true, object: true, svg: true, br: true };
  /**
   * Playwright's "receives events" without hit-testing: no `pointer-events: none` (inherited from
   * its ancestors) and not inert (HTML §6.3: an `inert` inclusive ancestor).
   */
  const receivesEvents = (element) => cascade.computedStyle(element).pointerEvents !== 'none' && !elements.isInert(element);
  /**
   * Playwright's "editable" state (injectedScript's elementState, in locator-evaluation.js): not
   * disabled and not read-only; an element that can be neither throws, as Playwright's does.
   */
  const isEditable = (element) => runtime['locator-evaluation'].elementState(element, 'editable');
  /** Playwright's actionability checks (`force` skips them but attachment). */
  const actionable = (element, checks, force) => {
    if (!isConnected(element)) retry('element is not attached to the DOM');
    if (force) return;
    if (ArrayPrototypeIndexOf(checks, 'visible') >= 0 && !isVisible(element)) retry('element is not visible');
    if (ArrayPrototypeIndexOf(checks, 'receives') >= 0 && !receivesEvents(element)) retry('element does not receive pointer events');
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

  const click = (selector, options = NO_OPTIONS, clickCount = undefined, action = 'click') => {
    const element = find(selector);
    attempt(action, 'visible, enabled and stable', element, ['visible', 'enabled', 'receives'], options.force);
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

  /**
   * Playwright's "follow-label" retargeting: an element that is not itself a control, a link or
   * editable, inside a `label` with a control, stands for that control (`fill`, `check`,
   * `selectOption`, `setInputFiles` on a label act on its control).
   */
  const followLabel = (element) => {
    if (element[NAMESPACE] === HTML_NS && ArrayPrototypeIndexOf(['a', 'input', 'textarea', 'button', 'select'], element[LOCAL]) >= 0) {
      return element;
    }
    const role = getAttributeOrNull(element, 'role');
    if (role !== null && ArrayPrototypeIndexOf(['link', 'button', 'checkbox', 'switch', 'radio'], role) >= 0) return element;
    for (let node = element; node !== null && node[TYPE] === 1; node = node[PARENT] ?? null) {
      if (elements.isEditingHost(node)) return element;
    }
    for (let node = element; node !== null && node[TYPE] === 1; node = node[PARENT] ?? null) {
      if (isHTML(node, 'label')) return elements.labelControl(node) ?? element;
    }
    return element;
  };

  const setChecked = (selector, options, wanted) => {
    const element = followLabel(find(selector));
    const type = isHTML(element, 'input') ? elements.inputType(element) : '';
    const state = type === 'checkbox' || type === 'radio' ? elements.checkedness(element)
      : getAttributeOrNull(element, 'role') === 'checkbox' ? getAttributeOrNull(element, 'aria-checked') === 'true' : null;
    if (state === null) throw new Error('Not a checkbox or radio button');
    if (state === wanted) return;
    if (!wanted && type === 'radio') {
      throw new Error('Cannot uncheck radio button. Radio buttons can only be unchecked by selecting another radio button in the same group.');
    }
    click(selector, options);
    if ((type === 'checkbox' || type === 'radio' ? elements.checkedness(element)
      : getAttributeOrNull(element, 'aria-checked') === 'true') !== wanted) throw new Error('Clicking the checkbox did not change its state');
  };

  const fireUntrusted = (target, type) => events.dispatch(target, new Event(type, { __proto__: null, bubbles: true, composed: true }));
  const isMultiple = (element) => getAttributeOrNull(element, 'multiple') !== null;

  const selectOption = (selector, values, options = NO_OPTIONS) => {
    const element = followLabel(find(selector));
    attempt('select option', 'visible and enabled', element, ['visible', 'enabled'], options.force);
    if (!isHTML(element, 'select')) throw new Error('Element is not a <select> element');
    const wanted = values === null || values === undefined ? [] : ArrayIsArray(values) ? values : [values];
    const list = optionsOf(element);
    const chosen = [];
    for (const want of safeArray(wanted)) {
      let found = null;
      for (let i = 0; i < list.length && found === null; i++) {
        const option = list[i];
        const value = FunctionPrototypeCall(optionValue, option);
        const label = FunctionPrototypeCall(optionLabel, option);
        if (typeof want === 'string' ? value === want || label === want
          : (want.value === undefined || value === want.value) && (want.label === undefined || label === want.label) &&
            (want.index === undefined || i === want.index)) found = option;
      }
      if (found === null) retry(`did not find some options`);
      if (elements.isDisabledControl(found)) retry('option being selected is not enabled');
      ArrayPrototypePush(chosen, found);
    }
    // A single select takes the first of several (Playwright 1.65 on Chromium).
    if (chosen.length > 1 && !isMultiple(element)) chosen.length = 1;
    for (let i = 0; i < list.length; i++) elements.setSelectedness(list[i], ArrayPrototypeIndexOf(chosen, list[i]) >= 0);
    fireUntrusted(element, 'input');
    fireUntrusted(element, 'change');
    const result = [];
    for (const option of safeArray(chosen)) ArrayPrototypePush(result, FunctionPrototypeCall(optionValue, option));
    // Serialized for Swift: no `toJSON` of the page's Array.prototype or Object.prototype is looked up.
    return ObjectSetPrototypeOf(result, null);
  };

  const base64Bytes = (text) => {
    const bytes = runtime.base64.forgivingBase64Decode(String(text));
    if (bytes === null) throw new TypeError('setInputFiles: the buffer is not valid base64');
    return bytes;
  };
  /** The bytes of a list of numbers, read by index (a Uint8Array made from the list would run the page's Array iterator). */
  const byteArray = (list) => {
    const bytes = new Uint8Array(list.length);
    for (let i = 0; i < list.length; i++) bytes[i] = list[i];
    return bytes;
  };
  /** File API §4.1 a File's type, as its constructor gives it: lowercased, or '' with a character outside U+0020-U+007E. */
  const fileType = (type) => {
    for (let i = 0; i < type.length; i++) {
      const unit = StringPrototypeCharCodeAt(type, i);
      if (unit < 0x20 || unit > 0x7e) return '';
    }
    return StringPrototypeToLowerCase(type);
  };
  /**
   * Playwright's setInputFiles: each payload becomes a File (made as its constructor makes one,
   * without running the constructor's WebIDL conversions through the page's built-ins).
   */
  const setInputFiles = (selector, given) => {
    const element = followLabel(find(selector));
    if (!isHTML(element, 'input')) throw new Error('Node is not an HTMLInputElement');
    // Playwright 1.65 with Chromium resolves on an input of another type and changes nothing.
    if (elements.inputType(element) !== 'file') return;
    const payloads = given === null || given === undefined ? [] : ArrayIsArray(given) ? given : [given];
    if (payloads.length > 1 && !isMultiple(element)) throw new Error('Non-multiple file input can only accept single file');
    const chosen = [];
    for (const payload of safeArray(payloads)) {
      if (typeof payload !== 'object' || payload === null) throw new TypeError('setInputFiles: a file is { name, mimeType, buffer }');
      const bytes = typeof payload.buffer === 'string' ? base64Bytes(payload.buffer) : byteArray(payload.buffer ?? []);
      const file = { name: String(payload.name), lastModified: DateNow() };
      ArrayPrototypePush(chosen, runtime.blob.makeBlob(bytes, fileType(String(payload.mimeType ?? '')), File.prototype, file));
    }
    files.setFiles(element, chosen);
    fireUntrusted(element, 'input');
    fireUntrusted(element, 'change');
  };

  const actions = {
    __proto__: null,
    click: (selector, options) => click(selector, options ?? NO_OPTIONS),
    dblclick: (selector, options) => click(selector, options ?? NO_OPTIONS, 2, 'dblclick'),
    hover: (selector, options = NO_OPTIONS) => {
      const element = find(selector);
      attempt('hover', 'visible and stable', element, ['visible', 'receives'], options?.force);
      if (!options?.trial) withModifiers(options?.modifiers, () => pointer.move(element));
    },
    focus: (selector) => {
      const element = find(selector);
      elements.focus(element, element[DOCUMENT]);
    },
    fill: (selector, value, options = NO_OPTIONS) => {
      if (typeof value !== 'string') throw new TypeError(`value: expected string, got ${typeof value}`);
      const element = followLabel(find(selector));
      note(`fill(${JSONStringify(value)})`);
      attempt('fill', 'visible, enabled and editable', element, ['visible', 'enabled', 'editable'], options?.force);
      if (!isHTML(element, 'input') && !isHTML(element, 'textarea') && !elements.isEditingHost(element)) {
        throw new Error('Error: Element is not an <input>, <textarea> or [contenteditable] element');
      }
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
    check: (selector, options) => setChecked(selector, options ?? NO_OPTIONS, true),
    uncheck: (selector, options) => setChecked(selector, options ?? NO_OPTIONS, false),
    setChecked: (selector, checked, options) => setChecked(selector, options ?? NO_OPTIONS, !!checked),
    selectOption: (selector, values, options) => selectOption(selector, values, options ?? NO_OPTIONS),
    setInputFiles: (selector, given) => setInputFiles(selector, given),
    blur: (selector) => {
      const element = find(selector);
      if (document[elements.FOCUSED] === element) elements.focus(null, document);
    },
    clear: (selector, options = NO_OPTIONS) => actions.fill(selector, '', options),
    /** `locator.dispatchEvent(type, init)`: an untrusted event of the plain Event interface, bubbling. */
    dispatchEvent: (selector, type, init = NO_OPTIONS) => {
      const element = find(selector);
      events.dispatch(element, new Event(String(type), { __proto__: null, bubbles: init?.bubbles ?? true,
        cancelable: init?.cancelable ?? true, composed: init?.composed ?? true }));
    },
    /** `locator.dragTo(target)` without coordinates: move onto the source, press, move onto the target, release. */
    dragTo: (selector, target, options = NO_OPTIONS) => {
      const source = find(selector);
      actionable(source, ['visible', 'receives'], options?.force);
      const saved = strictLocator;
      let destination;
      try {
        strictLocator = options?.targetLocator ?? '';
        destination = find(target);
      } finally {
        strictLocator = saved;
      }
      actionable(destination, ['visible', 'receives'], options?.force);
      if (options?.trial) return;
      pointer.move(source);
      pointer.down(source, 'left', 1);
      pointer.move(destination);
      pointer.up(destination, 'left', 1);
    },
    /** `locator.tap()`: Playwright's touch tap, dispatched here as a click (Caper has no touch input). */
    tap: (selector, options) => click(selector, options ?? NO_OPTIONS, undefined, 'tap'),
    /** `locator.selectText()`: focuses the element and selects all of its text. */
    selectText: (selector, options = NO_OPTIONS) => {
      const element = followLabel(find(selector));
      actionable(element, ['visible'], options?.force);
      elements.focus(element, element[DOCUMENT]);
      const editing = runtime['text-editing'];
      if (editing.selectionApplies(element)) editing.setSelection(element, 0, elements.controlValue(element).length);
    },
    // ---- page.keyboard: on the focused element (or the body) ----
    'keyboard.press': (key) => runtime.keyboard.press(document, String(key)),
    'keyboard.type': (text) => runtime.keyboard.type(document, String(text)),
    'keyboard.down': (key) => runtime.keyboard.down(document, String(key)),
    'keyboard.up': (key) => runtime.keyboard.up(document, String(key)),
    'keyboard.insertText': (text) => runtime.keyboard.insertText(document, String(text)),
  };

  /**
   * A JSON value parsed in this realm with its objects' prototype null: an option Swift did not
   * give reads undefined, never an accessor the page put on `Object.prototype`.
   */
  const detached = (value) => {
    if (value === null || typeof value !== 'object') return value;
    if (ArrayIsArray(value)) {
      const array = [];
      for (let i = 0; i < value.length; i++) ArrayPrototypePush(array, detached(value[i]));
      return array;
    }
    const object = { __proto__: null };
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) object[keys[i]] = detached(value[keys[i]]);
    return object;
  };

  /**
   * Runs the page-level action `name` with `args` (already parsed from JSON): `{ ok: value }`,
   * `{ retry: why }` or `{ error: message }`, objects without a prototype (their serialization
   * looks up no `toJSON` of the page's).
   */
  const perform = (name, args, locator = '') => {
    const action = actions[name];
    if (action === undefined) return { __proto__: null, error: `page.${name} is not an action Caper knows` };
    if (document === null) return { __proto__: null, retry: 'the page has no document yet' };
    strictLocator = locator;
    log = [];
    attempting = null;
    try {
      return { __proto__: null, ok: FunctionPrototypeCall(action, null, ...safeArray(detached(args))) };
    } catch (error) {
      if (error instanceof Retry) return { __proto__: null, retry: error.why, log, attempting };
      const message = error !== null && typeof error === 'object' && typeof error.message === 'string' ? error.message : String(error);
      return { __proto__: null, error: message, log };
    }
  };

  return ObjectFreeze({ install, perform });
}
