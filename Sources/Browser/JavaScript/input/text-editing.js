// Text editing as a user does it in Chromium: the selection of text controls (input types text,
// search, url, tel, password, email, number, and textarea) with HTML's "APIs for the text control
// selections" (selectionStart/End/Direction, setSelectionRange, select, setRangeText), the edits at
// the selection (inserted text, line breaks, deletions, caret moves, select all) with their
// `beforeinput` and `input` events (Input Events Level 2), `maxlength` and line breaks as Chromium's
// TextFieldInputType/HTMLTextAreaElement truncate inserted text, `change` when an edited control
// commits its value (HTML "common input element events": on blur, through `runtime.elements.unfocusing`,
// and on Enter), plain-text editing at the end of a contenteditable editing host, and Playwright's
// `fill` (injectedScript.ts `fill` and `selectText`, server dom.ts `_fill`).
//
// A control's state lives in internal slots: SELECTION holds the selection and the text the user
// sees (which may differ from the sanitized value, e.g. "1e" typed into a number input), keyed by
// the value it belongs to, so a value changed any other way (reset, a non-dirty default value)
// clamps the selection; BEFORE_EDIT holds the value before the first user edit since the last
// commit (Chromium's value_before_first_user_edit_), which decides whether `change` fires.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypePush, FunctionPrototypeCall, MathMax, MathMin, Number, NumberIsNaN, ObjectDefineProperty,
    ObjectFreeze, ObjectGetOwnPropertyDescriptor, RegExpTest, String, StringPrototypeCharCodeAt, StringPrototypeIndexOf,
    StringPrototypeLastIndexOf, StringPrototypeSlice, StringPrototypeTrim, Symbol, Error, TypeError,
  } = runtime.primordials;
  const { safeArray } = runtime['safe-array-iterator'];
  const { TYPE, DOCUMENT, PARENT, FIRST, LAST, NEXT, PREV, LOCAL, NAMESPACE, DATA, VERSION, HTML_NS } = runtime.internals;
  const { makeError } = runtime['dom-exception'];
  const nodes = runtime.nodes;
  const { getAttributeOrNull, createText, createElement, preInsert, removeNode, replaceAll, replaceData } = nodes;
  const elements = runtime.elements;
  const { VALUE_STATE, inputType, controlValue, isDisabledControl, parseInteger, HTMLInputElement, HTMLTextAreaElement } = elements;
  const events = runtime.events;
  const { Event, InputEvent, DEFAULT_VIEW } = events;

  const SELECTION = Symbol('textSelection');
  const BEFORE_EDIT = Symbol('valueBeforeFirstUserEdit');
  /** Slot of an editing host: its whole content is selected (Control+A, `fill`), so the next edit replaces it. */
  const ALL_SELECTED = Symbol('allSelected');

  /** Input types whose selection the IDL attributes and setSelectionRange/setRangeText expose. */
  const SELECTION_TYPES = ['text', 'search', 'url', 'tel', 'password'];
  /** Input types a user types into (Chromium's text fields); `select()` selects their text. */
  const TEXT_FIELD_TYPES = ['text', 'search', 'url', 'tel', 'password', 'email', 'number'];

  const isHTML = (node, localName) => node !== null && node[TYPE] === 1 && node[LOCAL] === localName && node[NAMESPACE] === HTML_NS;
  /** Whether `element` is a text control: a textarea or an input of a text field type. */
  const isTextControl = (element) => isHTML(element, 'textarea') ||
    (isHTML(element, 'input') && ArrayPrototypeIndexOf(TEXT_FIELD_TYPES, inputType(element)) >= 0);
  const selectionApplies = (element) => isHTML(element, 'textarea') ||
    (isHTML(element, 'input') && ArrayPrototypeIndexOf(SELECTION_TYPES, inputType(element)) >= 0);
  const viewOf = (node) => node[DOCUMENT][DEFAULT_VIEW] ?? null;

  // ---- Contenteditable (HTML §6.8.1) ----------------------------------------------------------
  /** The element's own contenteditable state: true, false, or null (inherit). */
  const ownEditable = (element) => {
    const value = getAttributeOrNull(element, 'contenteditable');
    if (value === null) return null;
    const lower = nodes.asciiLowercase(value);
    if (lower === '' || lower === 'true' || lower === 'plaintext-only') return true;
    return lower === 'false' ? false : null;
  };
  const isEditable = (element) => {
    for (let node = element; node !== null && node[TYPE] === 1; node = node[PARENT]) {
      if (node[NAMESPACE] !== HTML_NS) continue;
      const state = ownEditable(node);
      if (state !== null) return state;
    }
    return false;
  };
  /** The editing host of an editable `element`: its outermost ancestor-or-self whose parent is not editable. */
  const editingHostOf = (element) => {
    if (element === null || element[TYPE] !== 1 || !isEditable(element)) return null;
    let hostElement = element;
    while (hostElement[PARENT] !== null && hostElement[PARENT][TYPE] === 1 && isEditable(hostElement[PARENT])) hostElement = hostElement[PARENT];
    return hostElement;
  };
  /** What a user's edit at the focused `element` changes: an enabled, writable text control, or the editing host; else null. */
  const editTarget = (element) => {
    if (element === null || element[TYPE] !== 1) return null;
    if (isTextControl(element)) {
      if (isDisabledControl(element) || getAttributeOrNull(element, 'readonly') !== null) return null;
      return element;
    }
    return editingHostOf(element);
  };

  // ---- Selection state ----------------------------------------------------------------------
  /** The control's selection, clamped to its value when the value changed other than by an edit or the setter. */
  const stateOf = (element) => {
    const value = controlValue(element);
    let state = element[SELECTION];
    if (state === undefined) {
      // Chromium on Linux treats every selection as directional: "forward" from the start.
      state = { start: 0, end: 0, direction: 'forward', text: value, value };
      ObjectDefineProperty(element, SELECTION, { value: state, writable: true, configurable: true });
    } else if (state.value !== value) {
      state.text = value;
      state.value = value;
      if (state.end > value.length) state.end = value.length;
      if (state.start > state.end) state.start = state.end;
    }
    return state;
  };
  const queueSelectEvent = (element) => {
    const queue = runtime.settings?.queueTask;
    if (typeof queue !== 'function') return;
    queue(() => events.fire(element, new Event('select', { __proto__: null, bubbles: true })));
  };
  /**
   * HTML "set the selection range" as Chromium does it: offsets past the end point at the end, a
   * start after the end collapses to the end, a missing or "none" direction becomes "forward"
   * (Linux); a change queues a `select` event. Applies to every text control (email and number too).
   */
  const setSelection = (element, start, end, direction = 'none') => {
    const state = stateOf(element);
    const length = state.text.length;
    end = MathMin(end, length);
    start = MathMin(start, end);
    direction = direction === 'backward' ? 'backward' : 'forward';
    if (state.start === start && state.end === end && state.direction === direction) return;
    state.start = start;
    state.end = end;
    state.direction = direction;
    queueSelectEvent(element);
  };
  /** The control's selection: `{ start, end, direction }` in code units of its value. */
  const selection = (element) => {
    const state = stateOf(element);
    return { start: state.start, end: state.end, direction: state.direction };
  };
  /** Chromium's `select()`: selects all of a text field or textarea, then focuses it (no effect on other inputs). */
  const select = (element) => {
    if (!isTextControl(element)) return;
    setSelection(element, 0, stateOf(element).text.length);
    runtime.elements.focus(element, element[DOCUMENT]);
  };
  /** A user's select-all (Control+A): the whole text of a text control, or the whole content of an editing host. */
  const selectAll = (target) => {
    if (!isTextControl(target)) {
      ObjectDefineProperty(target, ALL_SELECTED, { value: true, writable: true, configurable: true });
      return;
    }
    const state = stateOf(target);
    state.start = 0;
    state.end = state.text.length;
    state.direction = 'forward';
    // A selection the user makes fires `select` at once (Chromium's TextControlElement::SelectionChanged).
    if (state.end > 0) events.fire(target, new Event('select', { __proto__: null, bubbles: true }));
  };
  /** The value setter's steps (HTML §4.10.5.4 "value" mode, §4.10.11 textarea): a changed value moves the caret to the end. */
  const valueSet = (element, oldValue) => {
    if (!isTextControl(element)) return;
    const state = stateOf(element);
    if (state.value === oldValue) return;
    state.start = state.end = state.text.length;
    state.direction = 'forward';
  };

  // ---- Values of edits -------------------------------------------------------------------------
  /** The value sanitization algorithm (HTML §4.10.5.1), elements.js's, for the input's type. */
  const sanitize = (element, text) => runtime.elements.sanitize(inputType(element), text, element);
  /** Replaces the control's text by `text` with the selection `start`..`end`, as a user edit sets the dirty value. */
  const storeEdit = (element, text, start, end) => {
    const state = stateOf(element);
    if (element[BEFORE_EDIT] === undefined) ObjectDefineProperty(element, BEFORE_EDIT, { value: state.value, writable: true, configurable: true });
    const value = isHTML(element, 'input') ? sanitize(element, text) : text;
    ObjectDefineProperty(element, VALUE_STATE, { value, writable: true, configurable: true });
    element[DOCUMENT][VERSION]++;
    // tooLong and tooShort apply to a value the user edited (forms/constraint-validation.js).
    runtime['constraint-validation']?.markUserEdit(element);
    state.text = text;
    state.value = controlValue(element);
    state.start = start;
    state.end = end;
    state.direction = 'forward';
    // Chromium's CheckIfValueWasReverted: editing back to the committed value leaves nothing to commit.
    if (element[BEFORE_EDIT] === state.value) element[BEFORE_EDIT] = undefined;
  };
  /** The `maxlength` of a control, or -1 (HTML §4.10.18.4: a valid non-negative integer). */
  const maxLengthOf = (element) => {
    const value = getAttributeOrNull(element, 'maxlength');
    const parsed = value === null ? null : parseInteger(value);
    return parsed === null || parsed < 0 ? -1 : parsed;
  };
  /** At most `length` code units of `text`, never splitting a surrogate pair (Chromium's LimitLength). */
  const limitLength = (text, length) => {
    if (text.length <= length) return text;
    const code = length > 0 ? StringPrototypeCharCodeAt(text, length - 1) : 0;
    return StringPrototypeSlice(text, 0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
  };
  /** CR and CRLF as LF (a textarea's API value). */
  const normalizeLineBreaks = (text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (c === 13) { out += '\n'; if (StringPrototypeCharCodeAt(text, i + 1) === 10) i++; } else out += text[i];
    }
    return out;
  };
  /**
   * What of `text` a control accepts at its selection (Chromium's HandleBeforeTextInsertedEvent):
   * a single-line field drops trailing line breaks and turns the others into spaces, a number field
   * keeps only "0123456789.Ee-+", a textarea turns CR and CRLF into LF; then what fits `maxlength`.
   */
  const acceptedText = (element, text) => {
    const state = stateOf(element);
    let out = '';
    if (isHTML(element, 'textarea')) out = normalizeLineBreaks(text);
    else {
      let length = text.length;
      while (length > 0 && (StringPrototypeCharCodeAt(text, length - 1) === 10 || StringPrototypeCharCodeAt(text, length - 1) === 13)) length--;
      const number = inputType(element) === 'number';
      for (let i = 0; i < length; i++) {
        const c = StringPrototypeCharCodeAt(text, i);
        if (c === 13) { out += ' '; if (StringPrototypeCharCodeAt(text, i + 1) === 10) i++; } else if (c === 10) out += ' ';
        else if (!number || StringPrototypeIndexOf('0123456789.Ee-+', text[i]) >= 0) out += text[i];
      }
    }
    const maxLength = maxLengthOf(element);
    if (maxLength < 0) return out;
    const base = state.text.length - (state.end - state.start);
    return limitLength(out, maxLength > base ? maxLength - base : 0);
  };

  // ---- Events ---------------------------------------------------------------------------------
  /** Fires a trusted `beforeinput` (cancelable) or `input` at `target`; returns false when it was canceled. */
  const fireInput = (target, type, inputType, data) => events.fire(target, new InputEvent(type, {
    __proto__: null, inputType, data, bubbles: true, cancelable: type === 'beforeinput', composed: true, view: viewOf(target),
  }));
  /**
   * HTML "common input element events" commit: when the control's value differs from its value
   * before the user's first edit since the last commit, fires a trusted `change` (bubbles).
   * Returns whether it fired.
   */
  const commit = (element) => {
    const before = element[BEFORE_EDIT];
    if (before === undefined) return false;
    element[BEFORE_EDIT] = undefined;
    if (!isTextControl(element) || before === controlValue(element)) return false;
    events.fire(element, new Event('change', { __proto__: null, bubbles: true }));
    return true;
  };
  // Blur commits (Chromium's TextControlElement::SetFocused(false)), before `blur` fires.
  runtime.elements.unfocusing = commit;

  // ---- Contenteditable edits: plain text at the end of the host ---------------------------------
  const lastLeaf = (root) => {
    let node = root;
    while (node[LAST] !== null) node = node[LAST];
    return node;
  };
  const VOID = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'];
  /** Appends `text` where a caret at the end of the host's content types it (a lone placeholder <br> gives way). */
  const appendToHost = (hostElement, text) => {
    const document = hostElement[DOCUMENT];
    if (hostElement[ALL_SELECTED] === true) {
      hostElement[ALL_SELECTED] = false;
      replaceAll(createText(document, text), hostElement);
      return;
    }
    const leaf = lastLeaf(hostElement);
    if (leaf[TYPE] === 3) { replaceData(leaf, leaf[DATA].length, 0, text); return; }
    if (leaf === hostElement || leaf[TYPE] !== 1) { preInsert(createText(document, text), hostElement, null); return; }
    const parent = leaf[PARENT];
    if (isHTML(leaf, 'br') && leaf[PREV] === null && leaf[NEXT] === null && parent !== hostElement) {
      preInsert(createText(document, text), parent, leaf);
      removeNode(leaf);
    } else if (leaf[NAMESPACE] === HTML_NS && ArrayPrototypeIndexOf(VOID, leaf[LOCAL]) >= 0) {
      preInsert(createText(document, text), parent, leaf[NEXT]);
    } else preInsert(createText(document, text), leaf, null);
  };
  /** Chromium's paragraph separator at the end of a host: a new <div> holding a placeholder <br>. */
  const appendParagraph = (hostElement) => {
    const document = hostElement[DOCUMENT];
    if (hostElement[ALL_SELECTED] === true) { hostElement[ALL_SELECTED] = false; replaceAll(null, hostElement); }
    const div = createElement(document, HTML_NS, null, 'div');
    preInsert(createElement(document, HTML_NS, null, 'br'), div, null);
    preInsert(div, hostElement, null);
  };
  /** The deletion a Delete makes in a host whose caret is at its end: all of a selected-all content, else none. */
  const hostForwardDeletion = (hostElement) => {
    if (hostElement[ALL_SELECTED] !== true || hostElement[FIRST] === null) return null;
    return () => { hostElement[ALL_SELECTED] = false; replaceAll(null, hostElement); };
  };
  /** The deletion a Backspace at the end of the host makes, as a function; null when there is nothing to delete. */
  const hostBackwardDeletion = (hostElement) => {
    if (hostElement[ALL_SELECTED] === true) return hostForwardDeletion(hostElement);
    // The last piece of content: a non-empty text, or an element without children (a <br>, an empty paragraph).
    let leaf = lastLeaf(hostElement);
    while (leaf !== hostElement && !(leaf[TYPE] === 3 ? leaf[DATA].length > 0 : leaf[FIRST] === null)) {
      leaf = leaf[PREV] !== null ? lastLeaf(leaf[PREV]) : leaf[PARENT];
    }
    if (leaf === hostElement) return null;
    const removeEmptied = (node) => {
      let parent = node[PARENT];
      removeNode(node);
      while (parent !== hostElement && parent[FIRST] === null) { const next = parent[PARENT]; removeNode(parent); parent = next; }
    };
    if (leaf[TYPE] !== 3) return () => removeEmptied(leaf);
    return () => {
      const data = leaf[DATA];
      const from = previousOffset(data, data.length);
      const parent = leaf[PARENT];
      if (from > 0) replaceData(leaf, from, data.length - from, '');
      else if (parent !== hostElement && leaf[PREV] === null && leaf[NEXT] === null) {
        // An emptied paragraph keeps a placeholder <br>, as Chromium leaves it; the next Backspace removes it.
        preInsert(createElement(hostElement[DOCUMENT], HTML_NS, null, 'br'), parent, leaf);
        removeNode(leaf);
      } else removeNode(leaf);
    };
  };

  // ---- Offsets ----------------------------------------------------------------------------------
  const isLead = (c) => c >= 0xd800 && c <= 0xdbff;
  const isTrail = (c) => c >= 0xdc00 && c <= 0xdfff;
  /** The offset one code point before `offset`. */
  const previousOffset = (text, offset) => {
    if (offset <= 0) return 0;
    const pair = offset >= 2 && isTrail(StringPrototypeCharCodeAt(text, offset - 1)) && isLead(StringPrototypeCharCodeAt(text, offset - 2));
    return pair ? offset - 2 : offset - 1;
  };
  /** The offset one code point after `offset`. */
  const nextOffset = (text, offset) => {
    if (offset >= text.length) return text.length;
    return isLead(StringPrototypeCharCodeAt(text, offset)) && isTrail(StringPrototypeCharCodeAt(text, offset + 1)) ? offset + 2 : offset + 1;
  };
  const isWordCharacter = (text, offset) => RegExpTest(/^[\p{L}\p{N}\p{M}_]/u, StringPrototypeSlice(text, offset, offset + 2));
  /** The start of the word before `offset` (Control+ArrowLeft, Control+Backspace). */
  const wordStartBefore = (text, offset) => {
    while (offset > 0 && !isWordCharacter(text, previousOffset(text, offset))) offset = previousOffset(text, offset);
    while (offset > 0 && isWordCharacter(text, previousOffset(text, offset))) offset = previousOffset(text, offset);
    return offset;
  };
  /** The end of the word after `offset` (Control+ArrowRight, Control+Delete: Chromium on Linux stops at the word's end). */
  const wordEndAfter = (text, offset) => {
    while (offset < text.length && !isWordCharacter(text, offset)) offset = nextOffset(text, offset);
    while (offset < text.length && isWordCharacter(text, offset)) offset = nextOffset(text, offset);
    return offset;
  };
  const lineStartOf = (text, offset) => (offset === 0 ? 0 : StringPrototypeLastIndexOf(text, '\n', offset - 1) + 1);
  const lineEndOf = (text, offset) => {
    const at = StringPrototypeIndexOf(text, '\n', offset);
    return at < 0 ? text.length : at;
  };

  // ---- User edits ------------------------------------------------------------------------------
  /**
   * A user's text insertion at the selection of `target` (an edit target: a writable text control
   * or an editing host). Fires a cancelable `beforeinput` (inputType insertText, data `text`); unless
   * canceled, inserts what the control accepts (line breaks, `maxlength`) and fires `input`. With
   * `lines` (Playwright's insertText, Chromium's TypingCommand::InsertText), text with line breaks
   * in a textarea or host fires one `input` per line and one (data null) per break, after the
   * whole edit. Returns whether the content changed.
   */
  const insertText = (target, text, { lines = false } = { __proto__: null }) => {
    if (!fireInput(target, 'beforeinput', 'insertText', text)) return false;
    if (!isTextControl(target)) return insertIntoHost(target, text, lines);
    const accepted = acceptedText(target, text);
    if (accepted === '') return false;
    replaceSelection(target, accepted);
    for (const data of safeArray(inputPieces(accepted, lines && isHTML(target, 'textarea')))) fireInput(target, 'input', 'insertText', data);
    return true;
  };
  /** Replaces a text control's selection by `text` as a user edit, the caret after it. */
  const replaceSelection = (element, text) => {
    const state = stateOf(element);
    const caret = state.start + text.length;
    storeEdit(element, StringPrototypeSlice(state.text, 0, state.start) + text + StringPrototypeSlice(state.text, state.end), caret, caret);
  };
  /** The `data` of each `input` event an insertion fires: the text, or its lines and (null) breaks. */
  const inputPieces = (text, split) => {
    if (!split || StringPrototypeIndexOf(text, '\n') < 0) return [text];
    const pieces = [];
    let from = 0;
    for (let at = StringPrototypeIndexOf(text, '\n'); at >= 0; at = StringPrototypeIndexOf(text, '\n', from)) {
      if (at > from) ArrayPrototypePush(pieces, StringPrototypeSlice(text, from, at));
      ArrayPrototypePush(pieces, null);
      from = at + 1;
    }
    if (from < text.length) ArrayPrototypePush(pieces, StringPrototypeSlice(text, from));
    return pieces;
  };
  const insertIntoHost = (hostElement, text, lines) => {
    if (text === '') return false;
    const pieces = inputPieces(text, true);
    for (const piece of safeArray(pieces)) {
      if (piece === null) appendParagraph(hostElement);
      else appendToHost(hostElement, piece);
    }
    if (!lines) { fireInput(hostElement, 'input', 'insertText', text); return true; }
    for (const piece of safeArray(pieces)) fireInput(hostElement, 'input', 'insertText', piece);
    return true;
  };
  /**
   * Enter (Shift+Enter in a host): `beforeinput` insertLineBreak, then a line break at the selection
   * of a textarea or at the end of a host, and `input`. A single-line field gets the `beforeinput`
   * only (Chromium inserts nothing there). Returns whether the content changed.
   */
  const insertLineBreak = (target) => {
    if (!fireInput(target, 'beforeinput', 'insertLineBreak', null)) return false;
    if (isHTML(target, 'textarea')) {
      if (acceptedText(target, '\n') === '') return false;
      replaceSelection(target, '\n');
    } else if (isTextControl(target)) return false;
    else {
      if (target[ALL_SELECTED] === true) { target[ALL_SELECTED] = false; replaceAll(null, target); }
      preInsert(createElement(target[DOCUMENT], HTML_NS, null, 'br'), target, null);
    }
    fireInput(target, 'input', 'insertLineBreak', null);
    return true;
  };
  /** Enter in an editing host: `beforeinput` insertParagraph, a new paragraph at the end, `input`. */
  const insertParagraph = (hostElement) => {
    if (!fireInput(hostElement, 'beforeinput', 'insertParagraph', null)) return false;
    appendParagraph(hostElement);
    fireInput(hostElement, 'input', 'insertParagraph', null);
    return true;
  };
  /**
   * Backspace (`word`: Control+Backspace) or Delete (`forward`; Control+Delete): deletes the
   * selection, else the code point (word) before or after the caret, with `beforeinput` and
   * `input` (deleteContentBackward/Forward, deleteWordBackward/Forward, data null). Nothing to
   * delete fires nothing. A host deletes at its end (its whole content when all is selected).
   */
  const deleteContent = (target, forward, word) => {
    const inputType = `delete${word ? 'Word' : 'Content'}${forward ? 'Forward' : 'Backward'}`;
    if (!isTextControl(target)) {
      const deletion = forward ? hostForwardDeletion(target) : hostBackwardDeletion(target);
      if (deletion === null || !fireInput(target, 'beforeinput', inputType, null)) return false;
      deletion();
      fireInput(target, 'input', inputType, null);
      return true;
    }
    const state = stateOf(target);
    const text = state.text;
    let from = state.start, to = state.end;
    if (from === to) {
      if (forward) to = word ? wordEndAfter(text, to) : nextOffset(text, to);
      else from = word ? wordStartBefore(text, from) : previousOffset(text, from);
    }
    if (from === to) return false;
    if (!fireInput(target, 'beforeinput', inputType, null)) return false;
    storeEdit(target, StringPrototypeSlice(text, 0, from) + StringPrototypeSlice(text, to), from, from);
    fireInput(target, 'input', inputType, null);
    return true;
  };
  /** Backspace at `target` (`word`: Control+Backspace, deleteWordBackward); see deleteContent. */
  const deleteBackward = (target, { word = false } = { __proto__: null }) => deleteContent(target, false, word);
  /** Delete at `target` (`word`: Control+Delete, deleteWordForward); see deleteContent. */
  const deleteForward = (target, { word = false } = { __proto__: null }) => deleteContent(target, true, word);
  /**
   * A caret move (no events): `where` is 'left', 'right', 'wordLeft', 'wordRight', 'lineStart',
   * 'lineEnd', 'up', 'down', 'start' or 'end'; `extend` (Shift) moves the selection's focus end
   * and keeps its anchor. A single-line field's up/down go to its start/end, as Chromium's do. In a
   * host the caret stays at the end of its content: a move only ends a select-all.
   */
  const moveCaret = (target, where, { extend = false } = { __proto__: null }) => {
    if (!isTextControl(target)) {
      if (target[ALL_SELECTED] === true) target[ALL_SELECTED] = false;
      return;
    }
    const state = stateOf(target);
    const text = state.text;
    const multiline = isHTML(target, 'textarea');
    const backward = state.direction === 'backward';
    const anchor = backward ? state.end : state.start;
    let focus = backward ? state.start : state.end;
    if (!extend && state.start !== state.end && (where === 'left' || where === 'right')) {
      focus = where === 'left' ? state.start : state.end;
    } else {
      // A move without Shift starts from the selection's edge in its direction.
      const towardStart = where === 'wordLeft' || where === 'lineStart' || where === 'up';
      if (!extend && state.start !== state.end) focus = towardStart ? state.start : state.end;
      switch (where) {
        case 'left': focus = previousOffset(text, focus); break;
        case 'right': focus = nextOffset(text, focus); break;
        case 'wordLeft': focus = wordStartBefore(text, focus); break;
        case 'wordRight': focus = wordEndAfter(text, focus); break;
        case 'lineStart': focus = multiline ? lineStartOf(text, focus) : 0; break;
        case 'lineEnd': focus = multiline ? lineEndOf(text, focus) : text.length; break;
        case 'start': focus = 0; break;
        case 'end': focus = text.length; break;
        case 'up': case 'down': focus = multiline ? verticalMove(text, focus, where === 'up') : (where === 'up' ? 0 : text.length); break;
        default: throw new TypeError(`Unknown caret move "${where}"`);
      }
    }
    if (!extend) {
      state.start = state.end = focus;
      state.direction = 'forward';
      return;
    }
    state.start = MathMin(anchor, focus);
    state.end = MathMax(anchor, focus);
    state.direction = focus < anchor ? 'backward' : 'forward';
    if (state.start !== state.end) events.fire(target, new Event('select', { __proto__: null, bubbles: true }));
  };
  /** The offset on the line above or below, at the same column (code units; Caper has no layout, so no wrapped lines). */
  const verticalMove = (text, offset, up) => {
    const start = lineStartOf(text, offset);
    const column = offset - start;
    if (up) {
      if (start === 0) return 0;
      const previousStart = lineStartOf(text, start - 1);
      return MathMin(previousStart + column, start - 1);
    }
    const end = lineEndOf(text, offset);
    if (end === text.length) return text.length;
    return MathMin(end + 1 + column, lineEndOf(text, end + 1));
  };

  // ---- The selection IDL members (HTML "APIs for the text control selections") ----------------------
  const notApplicable = (element, member) => makeError('InvalidStateError',
    `Failed to ${member} on 'HTMLInputElement': The input element's type ('${inputType(element)}') does not support selection.`);
  const toUnsigned = (value) => (value === null ? 0 : value >>> 0);
  /** WebIDL's brand check: `self` is an input or textarea. */
  const control = (self) => {
    if (typeof self === 'object' && self !== null && (isHTML(self, 'input') || isHTML(self, 'textarea'))) return self;
    throw new TypeError('Illegal invocation');
  };
  const selectionMembers = {
    select() { select(control(this)); },
    get selectionStart() { return selectionApplies(control(this)) ? stateOf(this).start : null; },
    set selectionStart(value) {
      if (!selectionApplies(control(this))) throw notApplicable(this, "set the 'selectionStart' property");
      const state = stateOf(this);
      const start = toUnsigned(value);
      setSelection(this, start, MathMax(start, state.end), state.direction);
    },
    get selectionEnd() { return selectionApplies(control(this)) ? stateOf(this).end : null; },
    set selectionEnd(value) {
      if (!selectionApplies(control(this))) throw notApplicable(this, "set the 'selectionEnd' property");
      const state = stateOf(this);
      const end = toUnsigned(value);
      setSelection(this, MathMin(end, state.start), end, state.direction);
    },
    get selectionDirection() { return selectionApplies(control(this)) ? stateOf(this).direction : null; },
    set selectionDirection(value) {
      if (!selectionApplies(control(this))) throw notApplicable(this, "set the 'selectionDirection' property");
      const state = stateOf(this);
      setSelection(this, state.start, state.end, String(value));
    },
    setSelectionRange(start, end, direction = undefined) {
      if (!selectionApplies(control(this))) throw notApplicable(this, "execute 'setSelectionRange'");
      setSelection(this, start >>> 0, end >>> 0, direction === undefined ? 'none' : String(direction));
    },
    setRangeText(replacement, start = undefined, end = undefined, selectMode = 'preserve') {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'setRangeText': 1 argument required, but only 0 present.");
      // WebIDL overloads: (replacement) and (replacement, start, end, selectMode).
      if (arguments.length === 2) {
        throw new TypeError("Failed to execute 'setRangeText': No function was found that matched the signature provided.");
      }
      if (!selectionApplies(control(this))) throw notApplicable(this, "execute 'setRangeText'");
      const whole = arguments.length === 1;
      setRangeText(this, String(replacement), whole ? null : start >>> 0, whole ? null : end >>> 0, String(selectMode));
    },
  };
  /** HTML setRangeText(replacement, start, end, selectMode) (`start` null: the selection), as Chromium's TextControlElement::setRangeText. */
  const setRangeText = (element, replacement, start, end, selectMode) => {
    if (ArrayPrototypeIndexOf(['select', 'start', 'end', 'preserve'], selectMode) < 0) {
      throw new TypeError(`Failed to execute 'setRangeText': The provided value '${selectMode}' is not a valid enum value of type ` +
        'SelectionMode.');
    }
    const state = stateOf(element);
    if (start === null) { start = state.start; end = state.end; }
    if (start > end) {
      throw makeError('IndexSizeError', `The provided start value (${start}) is larger than the provided end value (${end}).`);
    }
    const text = state.text;
    start = MathMin(start, text.length);
    end = MathMin(end, text.length);
    let selectionStart = state.start, selectionEnd = state.end;
    const newEnd = start + replacement.length;
    const edited = StringPrototypeSlice(text, 0, start) + replacement + StringPrototypeSlice(text, end);
    const value = isHTML(element, 'input') ? sanitize(element, edited) : normalizeLineBreaks(edited);
    ObjectDefineProperty(element, VALUE_STATE, { value, writable: true, configurable: true });
    element[DOCUMENT][VERSION]++;
    state.text = value;
    state.value = controlValue(element);
    if (selectMode === 'select') { selectionStart = start; selectionEnd = newEnd; }
    else if (selectMode === 'start') selectionStart = selectionEnd = start;
    else if (selectMode === 'end') selectionStart = selectionEnd = newEnd;
    else {
      const delta = replacement.length - (end - start);
      if (selectionStart > end) selectionStart += delta; else if (selectionStart > start) selectionStart = start;
      if (selectionEnd > end) selectionEnd += delta; else if (selectionEnd > start) selectionEnd = newEnd;
    }
    setSelection(element, selectionStart, selectionEnd);
  };
  nodes.mixin(selectionMembers, HTMLInputElement, HTMLTextAreaElement);

  // ---- Playwright's fill -------------------------------------------------------------------------
  const SET_VALUE_TYPES = ['color', 'date', 'time', 'datetime-local', 'month', 'range', 'week'];
  const TYPE_INTO_TYPES = ['', 'email', 'number', 'password', 'search', 'tel', 'text', 'url'];
  const setInputValue = ObjectGetOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  /**
   * Playwright's `fill(value)` on `element` (an input, textarea or editing host; actionability is the
   * caller's): number inputs refuse non-numbers; color/date-like inputs get the value from script
   * with untrusted `input` and `change`; otherwise the text is selected, the element focused, and
   * the value goes in as `keyboard.insertText(value)` (one beforeinput/input pair), or '' as a
   * Delete press. Throws Playwright's errors for elements it cannot fill.
   */
  const fill = (element, value) => {
    value = String(value);
    const document = element[DOCUMENT];
    if (isHTML(element, 'input')) {
      const type = inputType(element);
      if (ArrayPrototypeIndexOf(TYPE_INTO_TYPES, type) < 0 && ArrayPrototypeIndexOf(SET_VALUE_TYPES, type) < 0) {
        throw new Error(`Input of type "${type}" cannot be filled`);
      }
      if (type === 'number') {
        value = StringPrototypeTrim(value);
        if (NumberIsNaN(Number(value))) throw new Error('Cannot type text into input[type=number]');
      }
      if (ArrayPrototypeIndexOf(SET_VALUE_TYPES, type) >= 0) {
        value = StringPrototypeTrim(value);
        runtime.elements.focus(element, document);
        FunctionPrototypeCall(setInputValue, element, value);
        if (controlValue(element) !== value) throw new Error('Malformed value');
        events.dispatch(element, new Event('input', { __proto__: null, bubbles: true, composed: true }));
        events.dispatch(element, new Event('change', { __proto__: null, bubbles: true }));
        return;
      }
      select(element);
      runtime.elements.focus(element, document);
    } else if (isHTML(element, 'textarea')) {
      const length = stateOf(element).text.length;
      setSelection(element, 0, length, stateOf(element).direction);
      runtime.elements.focus(element, document);
    } else if (element[TYPE] === 1 && isEditable(element)) {
      // Selecting an editable element's contents focuses its editing host, whose content the text replaces.
      const hostElement = editingHostOf(element);
      ObjectDefineProperty(hostElement, ALL_SELECTED, { value: true, writable: true, configurable: true });
      runtime.elements.focus(hostElement, document);
    } else throw new Error('Element is not an <input>, <textarea> or [contenteditable] element');
    if (value !== '') runtime.keyboard.insertText(document, value);
    else runtime.keyboard.press(document, 'Delete');
  };

  return ObjectFreeze({
    isTextControl, selectionApplies, editTarget, editingHostOf,
    selection, setSelection, select, selectAll, valueSet,
    insertText, insertLineBreak, insertParagraph, deleteBackward, deleteForward, moveCaret, commit, fill,
  });
}
