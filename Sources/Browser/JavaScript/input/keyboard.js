// Playwright's Keyboard over the US layout (server/input.ts, usKeyboardLayout.ts) as Chromium
// receives it: `down`, `up`, `press('Shift+A')`, `type` and `insertText`, with the held modifiers
// and pressed keys of a document. Each key dispatches what Chromium does (UI Events §5.7 and its
// legacy keyCode/charCode/which): a trusted `keydown` at the focused element (else the body); unless
// canceled, the keydown default actions (editing commands, Tab and Shift+Tab sequential focus
// navigation per HTML §6.6.5, Enter on a link, Space arming a button); a `keypress` for a key with
// text (Playwright sends none while Control, Alt or Meta is held), whose default inserts the text
// into the focused text control or editing host (text-editing.js: `beforeinput`, the edit, `input`)
// or handles Enter (a line break, `change` and implicit submission, a button's click); and a
// `keyup`, whose default clicks a button armed by Space. Keyboard clicks go through
// `runtime.activation.click` with detail 0, button 0, buttons 0 and the held modifiers.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSplice, ArrayPrototypeSort, Map, MapPrototypeGet, MapPrototypeHas,
    MapPrototypeSet, ObjectDefineProperty, ObjectFreeze, String, StringPrototypeCharCodeAt, StringPrototypeSlice,
    StringPrototypeToUpperCase, Symbol, Error,
  } = runtime.primordials;
  const { safeArray } = runtime['safe-array-iterator'];
  const { TYPE, DOCUMENT, PARENT, FIRST, NEXT, LOCAL, NAMESPACE, SHADOW, HTML_NS } = runtime.internals;
  const nodes = runtime.nodes;
  const { getAttributeOrNull } = nodes;
  const elements = runtime.elements;
  const { FOCUSED, inputType, isDisabledControl, parseInteger } = elements;
  const events = runtime.events;
  const { KeyboardEvent, DEFAULT_VIEW } = events;
  const editing = runtime['text-editing'];

  // ---- The US layout --------------------------------------------------------------------------
  // A description: { code, key, keyCode (Chromium's windowsVirtualKeyCode: Playwright's
  // keyCodeWithoutLocation), text, location, shifted (the description with Shift held, or null) }.
  const layout = new Map();
  const describeKey = (code, keyCode, key, location, text) => ({ code, key, keyCode, text, location, shifted: null });
  /** One key: its code, keyCode and key; its key and keyCode with Shift; its location; its text when its key has none. */
  const defineKey = (code, keyCode, key, shiftKey = '', location = 0, shiftKeyCode = 0, text = '') => {
    const description = describeKey(code, keyCode, key, location, key.length === 1 && key !== '\u0000' ? key : text);
    if (shiftKey !== '') description.shifted = describeKey(code, shiftKeyCode || keyCode, shiftKey, location, shiftKey);
    MapPrototypeSet(layout, code, description);
    // Keys by their character (never from the keypad), unshifted and shifted, as Playwright's layout closure maps them.
    if (location !== 0) return;
    const plain = describeKey(code, keyCode, key, location, description.text);
    if (key.length === 1) MapPrototypeSet(layout, key, plain);
    if (shiftKey !== '') MapPrototypeSet(layout, shiftKey, description.shifted);
  };
  const alias = (name, code) => {
    const description = MapPrototypeGet(layout, code);
    MapPrototypeSet(layout, name, describeKey(code, description.keyCode, description.key, description.location, description.text));
  };
  defineKey('Escape', 27, 'Escape');
  for (let n = 1; n <= 12; n++) defineKey(`F${n}`, 111 + n, `F${n}`);
  defineKey('Backquote', 192, '`', '~');
  const digitShifts = ')!@#$%^&*(';
  for (let n = 0; n <= 9; n++) defineKey(`Digit${n}`, 48 + n, String(n), digitShifts[n]);
  for (let n = 0; n < 26; n++) {
    const letter = String.fromCharCode(97 + n);
    defineKey(`Key${StringPrototypeToUpperCase(letter)}`, 65 + n, letter, StringPrototypeToUpperCase(letter));
  }
  for (const [code, keyCode, key, shiftKey] of safeArray([
    ['Minus', 189, '-', '_'], ['Equal', 187, '=', '+'], ['Backslash', 220, '\\', '|'], ['BracketLeft', 219, '[', '{'],
    ['BracketRight', 221, ']', '}'], ['Semicolon', 186, ';', ':'], ['Quote', 222, '\'', '"'], ['Comma', 188, ',', '<'],
    ['Period', 190, '.', '>'], ['Slash', 191, '/', '?'],
  ])) defineKey(code, keyCode, key, shiftKey);
  defineKey('Space', 32, ' ');
  defineKey('Enter', 13, 'Enter', '', 0, 0, '\r');
  for (const [code, keyCode] of safeArray([
    ['Backspace', 8], ['Tab', 9], ['CapsLock', 20], ['ContextMenu', 93], ['PrintScreen', 44], ['ScrollLock', 145], ['Pause', 19],
    ['PageUp', 33], ['PageDown', 34], ['Insert', 45], ['Delete', 46], ['Home', 36], ['End', 35], ['ArrowLeft', 37], ['ArrowUp', 38],
    ['ArrowRight', 39], ['ArrowDown', 40], ['AltGraph', 225], ['NumLock', 144], ['AudioVolumeMute', 173], ['AudioVolumeDown', 174],
    ['AudioVolumeUp', 175], ['MediaTrackNext', 176], ['MediaTrackPrevious', 177], ['MediaPlayPause', 179],
  ])) defineKey(code, keyCode, code);
  for (const [side, location] of safeArray([['Left', 1], ['Right', 2]])) {
    defineKey(`Shift${side}`, 16, 'Shift', '', location);
    defineKey(`Control${side}`, 17, 'Control', '', location);
    defineKey(`Alt${side}`, 18, 'Alt', '', location);
    defineKey(`Meta${side}`, side === 'Left' ? 91 : 92, 'Meta', '', location);
  }
  // The keypad, NumLock off: navigation keys, their digits with Shift.
  for (const [code, keyCode, key, shiftKey, shiftKeyCode] of safeArray([
    ['NumpadDivide', 111, '/', '', 0], ['NumpadMultiply', 106, '*', '', 0], ['NumpadSubtract', 109, '-', '', 0],
    ['NumpadAdd', 107, '+', '', 0], ['Numpad7', 36, 'Home', '7', 103], ['Numpad8', 38, 'ArrowUp', '8', 104],
    ['Numpad9', 33, 'PageUp', '9', 105], ['Numpad4', 37, 'ArrowLeft', '4', 100], ['Numpad5', 12, 'Clear', '5', 101],
    ['Numpad6', 39, 'ArrowRight', '6', 102], ['Numpad1', 35, 'End', '1', 97], ['Numpad2', 40, 'ArrowDown', '2', 98],
    ['Numpad3', 34, 'PageDown', '3', 99], ['Numpad0', 45, 'Insert', '0', 96], ['NumpadDecimal', 46, '\u0000', '.', 110],
  ])) defineKey(code, keyCode, key, shiftKey, 3, shiftKeyCode);
  defineKey('NumpadEnter', 13, 'Enter', '', 3, 0, '\r');
  alias('Shift', 'ShiftLeft');
  alias('Control', 'ControlLeft');
  alias('Alt', 'AltLeft');
  alias('Meta', 'MetaLeft');
  alias('\n', 'Enter');
  alias('\r', 'Enter');

  const MODIFIERS = ['Alt', 'Control', 'Meta', 'Shift'];
  /** Playwright's smart modifier: ControlOrMeta is Control off macOS (Caper presents Linux Chromium). */
  const resolveModifier = (name) => (name === 'ControlOrMeta' ? 'Control' : name);

  // ---- Per-document keyboard state -----------------------------------------------------------------
  const KEYBOARD = Symbol('keyboard');
  /** The held modifiers, the codes of pressed keys, and the element a Space keydown armed. */
  const stateOf = (document) => {
    let state = document[KEYBOARD];
    if (state === undefined) {
      state = { modifiers: { Alt: false, Control: false, Meta: false, Shift: false }, pressed: [], armed: null };
      ObjectDefineProperty(document, KEYBOARD, { value: state, configurable: true });
    }
    return state;
  };
  /** The held modifiers as event init members: `{ altKey, ctrlKey, metaKey, shiftKey }`. */
  const modifierState = (document) => {
    const held = stateOf(document).modifiers;
    return { altKey: held.Alt, ctrlKey: held.Control, metaKey: held.Meta, shiftKey: held.Shift };
  };
  /** Playwright's _keyDescriptionForString: the shifted key with Shift held; no text while a modifier other than Shift is. */
  const descriptionOf = (state, name) => {
    let description = MapPrototypeGet(layout, resolveModifier(name));
    if (description === undefined) throw new Error(`Unknown key: "${name}"`);
    const held = state.modifiers;
    if (held.Shift && description.shifted !== null) description = description.shifted;
    if (held.Alt || held.Control || held.Meta) return { ...description, text: '' };
    return description;
  };

  // ---- Targets -----------------------------------------------------------------------------------
  const isHTML = (node, localName) => node !== null && node[TYPE] === 1 && node[LOCAL] === localName && node[NAMESPACE] === HTML_NS;
  const { isConnected } = runtime.elements;
  /** Where key events go: the focused element, else the body (the document element, the document without one). */
  const focusTarget = (document) => {
    const focused = document[FOCUSED] ?? null;
    if (focused !== null && focused[DOCUMENT] === document && isConnected(focused)) return focused;
    const root = nodes.documentElement(document);
    if (root === null) return document;
    for (let node = root[FIRST]; node !== null; node = node[NEXT]) if (isHTML(node, 'body') || isHTML(node, 'frameset')) return node;
    return root;
  };
  const isInput = (element, types) => isHTML(element, 'input') && ArrayPrototypeIndexOf(types, inputType(element)) >= 0;
  const BUTTON_TYPES = ['submit', 'reset', 'button', 'image', 'file', 'color'];
  /** Elements Chromium clicks on Enter's keypress (HTMLButtonElement, BaseButtonInputType, KeyboardClickableInputTypeView, summary). */
  const clicksOnEnter = (element) => isHTML(element, 'button') || isHTML(element, 'summary') || isInput(element, BUTTON_TYPES);
  /** Elements a Space keydown arms and its keyup clicks (buttons, checkboxes and radios, summary). */
  const clicksOnSpace = (element) => clicksOnEnter(element) || isInput(element, ['checkbox', 'radio']);
  const isLink = (element) => (isHTML(element, 'a') || isHTML(element, 'area')) && getAttributeOrNull(element, 'href') !== null;
  /** A keyboard click: trusted, detail 0, no button, the held modifiers (Chromium's DispatchSimulatedClick). */
  const keyboardClick = (document, element) => {
    if (isDisabledControl(element)) return;
    runtime.activation.click(element, { detail: 0, button: 0, buttons: 0, pointerType: '', ...modifierState(document) });
  };

  // ---- Sequential focus navigation (HTML §6.6.5) ------------------------------------------------------
  /** An element's place in the sequential navigation order: its tabindex value, or -1 when Tab skips it. */
  const navigationIndex = (element) => {
    if (!elements.isFocusable(element)) return -1;
    const attribute = getAttributeOrNull(element, 'tabindex');
    const parsed = attribute === null ? null : parseInteger(attribute);
    const index = parsed !== null ? parsed : elements.isEditingHost(element) ? 0 : elements.tabIndexOf(element);
    if (index < 0) return -1;
    const cascade = runtime.cascade;
    if (cascade !== undefined) {
      const style = cascade.computedStyle(element);
      if (style === null || !style.rendered || style.visibility === 'hidden' || style.visibility === 'collapse') return -1;
    }
    return index;
  };
  /**
   * The element Tab (Shift+Tab: `backward`) moves focus to from the focused element: positive
   * tabindex values first in ascending order, then 0 in tree order (shadow trees after their
   * host), wrapping around as headless Chromium does; an element outside the order (tabindex -1)
   * is placed by tree order among the tabindex-0 ones. Null when nothing can take focus.
   */
  const navigationTarget = (document, backward) => {
    const focused = focusTarget(document);
    const current = focused === document[FOCUSED] ? focused : null;
    const candidates = [];
    let order = 0, currentOrder = -1;
    const visit = (parent) => {
      for (let node = parent[FIRST]; node !== null; node = node[NEXT]) {
        if (node[TYPE] !== 1) continue;
        order++;
        if (node === current) currentOrder = order;
        const index = navigationIndex(node);
        if (index >= 0) ArrayPrototypePush(candidates, { element: node, group: index > 0 ? index : Infinity, order });
        if (node[SHADOW] != null) visit(node[SHADOW]);
        visit(node);
      }
    };
    visit(document);
    if (candidates.length === 0) return null;
    keepOneRadioPerGroup(candidates, current, backward);
    ArrayPrototypeSort(candidates, (a, b) => a.group - b.group || a.order - b.order);
    if (currentOrder < 0) return (backward ? candidates[candidates.length - 1] : candidates[0]).element;
    const index = navigationIndex(current);
    const here = { group: index > 0 ? index : Infinity, order: currentOrder };
    const compare = (a) => a.group - here.group || a.order - here.order;
    if (backward) {
      for (let i = candidates.length - 1; i >= 0; i--) if (compare(candidates[i]) < 0) return candidates[i].element;
      return candidates[candidates.length - 1].element;
    }
    for (let i = 0; i < candidates.length; i++) if (compare(candidates[i]) > 0) return candidates[i].element;
    return candidates[0].element;
  };
  /** A radio button's group (HTML §4.10.5.1.16): its name, form owner and tree; null outside a group. */
  const radioGroupOf = (element) => {
    if (!isHTML(element, 'input') || elements.inputType(element) !== 'radio') return null;
    const name = getAttributeOrNull(element, 'name');
    return name === null || name === '' ? null : { name, form: elements.formOwner(element), root: runtime.nodes.rootOf(element) };
  };
  const sameGroup = (a, b) => a !== null && b !== null && a.name === b.name && a.form === b.form && a.root === b.root;
  /**
   * Chromium's radio groups in the navigation order: one tab stop per group, the checked radio,
   * or without one the first (the last going backward); the focused radio's own group is passed.
   */
  const keepOneRadioPerGroup = (candidates, current, backward) => {
    const currentGroup = current === null ? null : radioGroupOf(current);
    const kept = [];
    for (let i = 0; i < candidates.length; i++) {
      const group = radioGroupOf(candidates[i].element);
      if (group === null) { ArrayPrototypePush(kept, candidates[i]); continue; }
      if (sameGroup(group, currentGroup) && candidates[i].element !== current) continue;
      let members = 0, checked = null, first = null, last = null;
      for (let j = 0; j < candidates.length; j++) {
        if (!sameGroup(radioGroupOf(candidates[j].element), group)) continue;
        members++;
        if (first === null) first = candidates[j];
        last = candidates[j];
        if (elements.checkedness(candidates[j].element)) checked = candidates[j];
      }
      const stop = checked ?? (backward ? last : first);
      if (members === 1 || candidates[i] === stop || candidates[i].element === current) ArrayPrototypePush(kept, candidates[i]);
    }
    candidates.length = 0;
    for (let i = 0; i < kept.length; i++) ArrayPrototypePush(candidates, kept[i]);
  };
  /** Arrow keys in a radio group (Chromium): the next (previous) enabled radio of the group, wrapping, is focused and clicked. */
  const RADIO_STEPS = { __proto__: null, ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
  const radioArrow = (document, target, key) => {
    const group = radioGroupOf(target);
    if (group === null) return false;
    const members = [];
    for (let node = group.root; node !== null; node = runtime.nodes.following(node, group.root)) {
      if (node[TYPE] === 1 && (node === target || (sameGroup(radioGroupOf(node), group) && !elements.isDisabledControl(node)))) {
        ArrayPrototypePush(members, node);
      }
    }
    if (members.length < 2) return true;
    const at = ArrayPrototypeIndexOf(members, target);
    const next = members[(at + RADIO_STEPS[key] + members.length) % members.length];
    runtime.elements.focus(next, document);
    keyboardClick(document, next);
    return true;
  };
  /** Tab's default action: focus the next (previous) element; a text field focused this way gets all its text selected (Chromium). */
  const navigate = (document, backward) => {
    const target = navigationTarget(document, backward);
    if (target === null || target === document[FOCUSED]) return;
    runtime.elements.focus(target, document);
    if (document[FOCUSED] === target && isHTML(target, 'input') && editing.isTextControl(target)) {
      editing.setSelection(target, 0, Infinity);
    }
  };

  // ---- Default actions ---------------------------------------------------------------------------
  const CARET_KEYS = { __proto__: null, ArrowLeft: ['left', 'wordLeft'], ArrowRight: ['right', 'wordRight'], ArrowUp: ['up', 'up'],
    ArrowDown: ['down', 'down'], Home: ['lineStart', 'start'], End: ['lineEnd', 'end'] };
  /** The editing commands of a keydown in the focused text control or editing host (Chromium's Linux key bindings). */
  const editingCommand = (document, key, held) => {
    const target = editing.editTarget(focusTarget(document));
    if (target === null || held.Alt || held.Meta) return;
    const moves = CARET_KEYS[key];
    if (moves !== undefined) editing.moveCaret(target, moves[held.Control ? 1 : 0], { extend: held.Shift });
    else if (key === 'Backspace') editing.deleteBackward(target, { word: held.Control });
    else if (key === 'Delete' && !held.Shift) editing.deleteForward(target, { word: held.Control });
    else if (key === 'a' && held.Control && !held.Shift) editing.selectAll(target);
  };
  /** The keydown's default actions at `target`; returns true when they suppress the keypress (Enter on a link). */
  const keydownDefault = (document, target, description, state) => {
    const key = description.key;
    const held = state.modifiers;
    if (key === 'Tab' && !held.Control && !held.Alt && !held.Meta) { navigate(document, held.Shift); return false; }
    if (key === 'Enter' && isLink(target)) { keyboardClick(document, target); return true; }
    if (key === ' ' && clicksOnSpace(target)) state.armed = target;
    if (RADIO_STEPS[key] !== undefined && !held.Control && !held.Alt && !held.Meta && !held.Shift && radioArrow(document, target, key)) {
      return false;
    }
    editingCommand(document, key, held);
    return false;
  };
  /** Enter's keypress default (HTMLInputElement/HTMLTextAreaElement/editing host/button default event handlers). */
  const enterDefault = (document, target, held) => {
    const edit = editing.editTarget(focusTarget(document));
    if (isHTML(target, 'input') && editing.isTextControl(target)) {
      if (edit === target) editing.insertLineBreak(target);
      editing.commit(target);
      runtime['form-submission']?.implicitSubmission(target);
    } else if (isHTML(target, 'textarea')) {
      if (edit === target) editing.insertLineBreak(target);
    } else if (clicksOnEnter(target)) keyboardClick(document, target);
    else if (isHTML(target, 'input')) runtime['form-submission']?.implicitSubmission(target);
    else if (edit !== null) {
      if (held.Shift) editing.insertLineBreak(edit);
      else editing.insertParagraph(edit);
    }
  };
  const keypressDefault = (document, target, description, state) => {
    if (description.text === '\r') { enterDefault(document, target, state.modifiers); return; }
    const edit = editing.editTarget(focusTarget(document));
    if (edit !== null) editing.insertText(edit, description.text);
  };

  // ---- Key events -------------------------------------------------------------------------------------
  const keyEvent = (document, type, description, keyCode, charCode, repeat) => new KeyboardEvent(type, {
    __proto__: null, key: description.key, code: description.code, location: description.location, repeat, keyCode, charCode,
    which: keyCode || charCode, ...modifierState(document), bubbles: true, cancelable: true, composed: true,
    view: document[DEFAULT_VIEW] ?? null,
  });
  /** Playwright's keyboard.down(key): a keydown (repeat when the key is already down), its defaults, and a keypress for a key with text. */
  const down = (document, key) => {
    const state = stateOf(document);
    const description = descriptionOf(state, key);
    const repeat = ArrayPrototypeIndexOf(state.pressed, description.code) >= 0;
    if (!repeat) ArrayPrototypePush(state.pressed, description.code);
    if (ArrayPrototypeIndexOf(MODIFIERS, description.key) >= 0) state.modifiers[description.key] = true;
    const target = focusTarget(document);
    const notCanceled = events.fire(target, keyEvent(document, 'keydown', description, description.keyCode, 0, repeat));
    if (!notCanceled) return;
    if (keydownDefault(document, target, description, state) || description.text === '') return;
    const code = StringPrototypeCharCodeAt(description.text, 0);
    const pressTarget = focusTarget(document);
    const keypress = keyEvent(document, 'keypress', description, code, code, repeat);
    if (events.fire(pressTarget, keypress)) keypressDefault(document, pressTarget, description, state);
  };
  /** Playwright's keyboard.up(key): releases the key (and its modifier) and dispatches keyup; Space clicks what its keydown armed. */
  const up = (document, key) => {
    const state = stateOf(document);
    const description = descriptionOf(state, key);
    if (ArrayPrototypeIndexOf(MODIFIERS, description.key) >= 0) state.modifiers[description.key] = false;
    const at = ArrayPrototypeIndexOf(state.pressed, description.code);
    if (at >= 0) ArrayPrototypeSplice(state.pressed, at, 1);
    const target = focusTarget(document);
    const notCanceled = events.fire(target, keyEvent(document, 'keyup', description, description.keyCode, 0, false));
    if (description.key !== ' ') return;
    const armed = state.armed;
    state.armed = null;
    if (notCanceled && armed === target) keyboardClick(document, target);
  };
  /** Playwright's key string split: '+' separates keys, except a '+' that starts a key ("Control++"). */
  const splitKeys = (keys) => {
    const parts = [];
    let building = '';
    for (let i = 0; i < keys.length; i++) {
      const c = keys[i];
      if (c === '+' && building !== '') { ArrayPrototypePush(parts, building); building = ''; } else building += c;
    }
    ArrayPrototypePush(parts, building);
    return parts;
  };
  /** Playwright's keyboard.press('Control+Shift+A'): the keys down in order, then up in reverse order. */
  const press = (document, keys) => {
    const parts = splitKeys(String(keys));
    for (let i = 0; i < parts.length; i++) down(document, parts[i]);
    for (let i = parts.length - 1; i >= 0; i--) up(document, parts[i]);
  };
  /**
   * Playwright's keyboard.insertText(text): no key events, one beforeinput/input pair (an input per
   * line in a textarea) at the focused text control or editing host.
   */
  const insertText = (document, text) => {
    text = String(text);
    if (text === '') return;
    const target = editing.editTarget(focusTarget(document));
    if (target !== null) editing.insertText(target, text, { lines: true });
  };
  /** Playwright's keyboard.type(text): each character the layout has is pressed, any other inserted. */
  const type = (document, text) => {
    text = String(text);
    for (let i = 0; i < text.length;) {
      const c = StringPrototypeCharCodeAt(text, i);
      const end = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
      const character = StringPrototypeSlice(text, i, end);
      i = end;
      if (MapPrototypeHas(layout, character)) press(document, character);
      else insertText(document, character);
    }
  };

  return ObjectFreeze({ down, up, press, type, insertText, modifierState, navigate });
}
