// Tests of the keyboard and text editing (Sources/Browser/JavaScript/input/keyboard.js and
// input/text-editing.js), loaded as a page realm loads them, with stand-ins for what the lead's
// scripts provide (runtime.activation's click, runtime['form-submission']'s implicit submission).
// Most tests replay an input probe (Support/site/probes/input-<area>/<case>.html): its markup and
// inline scripts, its actions as Playwright's page methods do them, and a logger writing
// input-log.js's lines; the log must equal the recorded Chromium log
// (Support/site/expected/input-<area>/<case>.json) without the lines of what is not simulated here
// (pointer and mouse events, navigations, `formdata`).
// Run: node keyboard-tests.js — prints each failure, then the passed and failed counts; the exit
// code is non-zero when any test failed.
'use strict';
const fs = require('fs');
const path = require('path');
const { loadRuntime, simpleMarkupBatch, testHost, testCases } = require('./dom-harness.js');

const { test, equal, run } = testCases();
function throwsDOM(body, name) {
  try { body(); } catch (error) {
    if (error && error.name === name) return;
    throw new Error(`expected ${name}, got ${error && error.name}: ${error && error.message}`);
  }
  throw new Error(`expected ${name}, nothing was thrown`);
}

const root = path.resolve(__dirname, '../../..');
const sources = path.join(root, 'Sources/Browser/JavaScript');
const host = testHost();
const runtime = loadRuntime(host);
if (runtime.selectorsError) throw runtime.selectorsError;
const install = (name, file) => {
  runtime[name] = (0, eval)(fs.readFileSync(path.join(sources, file), 'utf8'))(Object.freeze({ ...host }), runtime) || {};
};
// `select` events are queued as tasks; the tests run them when they look for them.
const tasks = [];
runtime.settings = { queueTask: (callback, ...args) => tasks.push(() => callback(...args)) };

// Stand-in for input/activation.js: a trusted click with the checkbox/radio pre-activation and,
// for submit buttons, a `submit` event with the submitter.
const { elements, events } = runtime;
const isSubmitButton = (element) => (element.localName === 'button' && element.type === 'submit') ||
  (element.localName === 'input' && (element.type === 'submit' || element.type === 'image'));
const fireSubmit = (form, submitter) => events.fire(form, new events.SubmitEvent('submit', { bubbles: true, cancelable: true, submitter }));
runtime.activation = {
  click(element, init) {
    const type = element.localName === 'input' ? element.type : '';
    const toggles = type === 'checkbox' || type === 'radio';
    const was = toggles ? elements.checkedness(element) : false;
    if (type === 'checkbox') elements.setCheckedness(element, !was);
    else if (type === 'radio') elements.setCheckedness(element, true);
    const event = new events.PointerEvent('click', { bubbles: true, cancelable: true, composed: true, ...init });
    const notCanceled = events.fire(element, event);
    if (toggles) {
      if (!notCanceled) elements.setCheckedness(element, was);
      else {
        events.fire(element, new events.Event('input', { bubbles: true, composed: true }));
        events.fire(element, new events.Event('change', { bubbles: true }));
      }
    }
    if (notCanceled && isSubmitButton(element) && elements.formOwner(element) !== null) fireSubmit(elements.formOwner(element), element);
  },
};
// Stand-in for forms/form-submission.js: HTML §4.10.21.2 implicit submission.
const BLOCKING = ['text', 'search', 'url', 'tel', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number'];
runtime['form-submission'] = {
  implicitSubmission(element) {
    const form = elements.formOwner(element);
    if (form === null) return;
    const controls = [...form.elements];
    const button = controls.find(isSubmitButton);
    if (button !== undefined) { runtime.activation.click(button, { detail: 0, button: 0, buttons: 0 }); return; }
    if (controls.filter((control) => control.localName === 'input' && BLOCKING.includes(control.type)).length > 1) return;
    fireSubmit(form, null);
  },
};
install('text-editing', 'input/text-editing.js');
install('keyboard', 'input/keyboard.js');
const editing = runtime['text-editing'];
const { keyboard } = runtime;

/** A document of `body` markup, with a logger writing input-log.js's lines into `entries`. */
function page(body) {
  const document = runtime.nodes.createDocument({ type: 'html', url: 'https://example.com/page.html' });
  const [operations, text] = simpleMarkupBatch(`<html><head></head><body>${body}</body></html>`, { document: true });
  runtime['tree-operations'].applyBatch(runtime['tree-operations'].createParseSession(document), operations, text);
  const entries = [];
  const watched = [];
  const describe = (node) => {
    if (node === null || node === undefined) return 'null';
    if (node === document) return '#document';
    if (node.nodeType !== 1) return node.nodeName;
    if (node.id) return `${node.localName}#${node.id}`;
    const name = node.getAttribute('name');
    if (name) return `${node.localName}[name=${name}]`;
    const type = node.getAttribute('type');
    return type ? `${node.localName}[type=${type}]` : node.localName;
  };
  const mods = (event) => 'mods=' + ['alt', 'ctrl', 'meta', 'shift'].filter((name) => event[`${name}Key`]).join('+');
  const controlState = (target) => {
    if (!target || target.nodeType !== 1) return null;
    if (target.localName === 'input' && (target.type === 'checkbox' || target.type === 'radio')) return `checked=${target.checked}`;
    if (target.localName === 'input' || target.localName === 'textarea') return `value=${JSON.stringify(target.value)}`;
    if (target.isContentEditable) return `text=${JSON.stringify(target.textContent)}`;
    return null;
  };
  const MOUSE = ['mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu'];
  const KEYS = ['keydown', 'keypress', 'keyup'];
  const FOCUS = ['focus', 'blur', 'focusin', 'focusout'];
  for (const type of [...MOUSE, ...KEYS, 'beforeinput', 'input', ...FOCUS, 'change', 'submit']) {
    document.addEventListener(type, (event) => {
      const parts = [type, describe(event.target), event.isTrusted ? 'trusted' : 'untrusted'];
      if (MOUSE.includes(type)) parts.push(`button=${event.button}`, `buttons=${event.buttons}`, `detail=${event.detail}`, mods(event));
      else if (KEYS.includes(type)) {
        parts.push(`key=${JSON.stringify(event.key)}`, `code=${event.code}`, `location=${event.location}`, `repeat=${event.repeat}`,
          `keyCode=${event.keyCode}`, `charCode=${event.charCode}`, `which=${event.which}`, mods(event));
      } else if (type === 'beforeinput' || type === 'input') {
        if (event.inputType !== undefined) parts.push(`inputType=${event.inputType}`, `data=${JSON.stringify(event.data)}`);
      } else if (FOCUS.includes(type)) parts.push(`related=${describe(event.relatedTarget)}`);
      else if (type === 'submit') parts.push(`submitter=${describe(event.submitter)}`);
      if (type === 'input' || type === 'change') {
        const state = controlState(event.target);
        if (state !== null) parts.push(state);
      }
      parts.push(`active=${describe(document.activeElement)}`);
      watched.push({ event, at: entries.length });
      entries.push(parts.join(' '));
    }, true);
  }
  const log = (...parts) => entries.push(parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '));
  /** The log, with `prevented` marks as input-log.js writes them. */
  const lines = () => {
    const out = [...entries];
    for (const { event, at } of watched) if (event.defaultPrevented) out[at] += ' prevented';
    return out;
  };
  return { document, log, describe, lines, $: (selector) => document.querySelector(selector) };
}

/** Playwright's page methods, as its injected script and server do them (focusNode, selectText, fill, Keyboard). */
function act(context, [name, selector, argument]) {
  const { document } = context;
  const element = context.$(selector);
  const focusNode = (resetSelection) => {
    const wasFocused = document.activeElement === element;
    elements.focus(element, document);
    if (resetSelection && !wasFocused && element.localName === 'input') {
      try { element.setSelectionRange(0, 0); } catch { /* Some inputs do not allow selection. */ }
    }
  };
  switch (name) {
    case 'focus': focusNode(false); break;
    case 'fill': editing.fill(element, argument); break;
    case 'press': focusNode(true); keyboard.press(document, argument); break;
    case 'type': focusNode(true); keyboard.type(document, argument); break;
    case 'click': {
      // What of a mouse click the keyboard cases need: mousedown (its listeners), then focus moves
      // to the nearest focusable inclusive ancestor unless mousedown was canceled.
      const down = new events.MouseEvent('mousedown', { bubbles: true, cancelable: true, detail: 1 });
      element.dispatchEvent(down);
      if (!down.defaultPrevented) {
        let target = element;
        while (target !== null && target.nodeType === 1 && !elements.isFocusable(target)) target = target.parentNode;
        elements.focus(target !== null && target.nodeType === 1 ? target : null, document);
      }
      break;
    }
    default: throw new Error(`unsupported action ${name}`);
  }
}

/** Lines neither side of the comparison has here: pointer and mouse events, navigations, form data. */
const simulated = (line) => !/^(navigated|pageshow|pagehide|pointer\w+|mouse\w+|formdata|request|dialog)( |$)/.test(line) &&
  !/^click .* detail=1 /.test(line);

/** Replays the probe `area/name` and compares its log with Chromium's. */
function probe(area, name) {
  test(`${area}/${name} logs what Chromium logged`, () => {
    const html = fs.readFileSync(path.join(root, `Support/site/probes/${area}/${name}.html`), 'utf8');
    const actions = JSON.parse(/<script type="application\/json" id="actions">([\s\S]*?)<\/script>/.exec(html)[1]);
    const scripts = [...html.matchAll(/^<script>\n([\s\S]*?)^<\/script>$/gm)].map((match) => match[1]);
    const body = html.split('\n').filter((line) => !/^(<!doctype|<meta|<title>|<script|<!--)/i.test(line) && line !== '' &&
      !scripts.some((script) => script.includes(line))).join('');
    const context = page(body);
    // The probe's own scripts, with input-log.js's `log` and `describe`; no network here.
    for (const script of scripts) new Function('document', 'log', 'describe', 'fetch', script)(context.document, context.log, context.describe, () => {});
    for (const action of actions) act(context, action);
    const expected = JSON.parse(fs.readFileSync(path.join(root, `Support/site/expected/${area}/${name}.json`), 'utf8')).log.filter(simulated);
    const actual = context.lines().filter(simulated);
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (expected[i] !== actual[i]) {
        throw new Error(`line ${i + 1}:\n  expected ${expected[i]}\n  actual   ${actual[i]}\n  log so far:\n    ${actual.slice(0, i + 1).join('\n    ')}`);
      }
    }
  });
}
for (const name of ['backspace', 'beforeinput-prevent', 'contenteditable-type', 'control-a', 'delete-forward', 'fill-replaces',
  'fill-textarea', 'home-end-insert', 'keycodes-punctuation', 'keydown-prevent', 'maxlength-typing', 'press-enter-no-form',
  'selection-replace', 'shift-letter', 'special-keys', 'textarea-enter', 'type-text']) probe('input-keyboard', name);
for (const name of ['change-on-blur', 'contenteditable-focus', 'negative-tabindex-click', 'shift-tab', 'tab-order', 'tab-skips-disabled']) {
  probe('input-focus', name);
}
for (const name of ['enter-on-button', 'enter-on-link', 'space-on-button', 'space-on-checkbox']) probe('input-defaults', name);
for (const name of ['implicit-submission', 'implicit-no-button', 'image-button-keyboard']) probe('input-forms', name);

// ---- The selection APIs ---------------------------------------------------------------------------
test('selectionStart/End/Direction: initial caret at 0, forward; setters as HTML and Chromium define them', () => {
  const { $ } = page('<input id="q" value="hello"><textarea id="t">ab\ncd</textarea>');
  const q = $('#q');
  equal(q.selectionStart, 0); equal(q.selectionEnd, 0); equal(q.selectionDirection, 'forward');
  q.selectionEnd = 3;
  equal(`${q.selectionStart},${q.selectionEnd}`, '0,3');
  q.selectionStart = 4;
  equal(`${q.selectionStart},${q.selectionEnd}`, '4,4', 'start past the end moves the end');
  q.setSelectionRange(1, 99, 'backward');
  equal(`${q.selectionStart},${q.selectionEnd},${q.selectionDirection}`, '1,5,backward');
  q.setSelectionRange(4, 2);
  equal(`${q.selectionStart},${q.selectionEnd},${q.selectionDirection}`, '2,2,forward', 'start after end collapses to end; none is forward');
  q.selectionDirection = 'none';
  equal(q.selectionDirection, 'forward');
  const t = $('#t');
  t.setSelectionRange(1, 4);
  equal(`${t.selectionStart},${t.selectionEnd}`, '1,4');
});

test('selection members on inputs without selection: null, and setting throws InvalidStateError', () => {
  const { $ } = page('<input id="e" type="email" value="a@b"><input id="c" type="checkbox">');
  for (const selector of ['#e', '#c']) {
    const input = $(selector);
    equal(input.selectionStart, null); equal(input.selectionEnd, null); equal(input.selectionDirection, null);
    throwsDOM(() => { input.selectionStart = 1; }, 'InvalidStateError');
    throwsDOM(() => input.setSelectionRange(0, 1), 'InvalidStateError');
    throwsDOM(() => input.setRangeText('x'), 'InvalidStateError');
  }
  $('#c').select(); // select() does nothing where it does not apply
});

test('the selection members check their receiver; a number field keeps the text typed so far', () => {
  const { HTMLInputElement } = elements;
  try {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'selectionStart').get.call({});
    throw new Error('no error');
  } catch (error) { equal(error instanceof TypeError && error.message, 'Illegal invocation'); }
  const { $, document } = page('<input id="n" type="number">');
  elements.focus($('#n'), document);
  keyboard.type(document, '1e');
  equal($('#n').value, '', '"1e" is not a valid number yet');
  keyboard.type(document, '5');
  equal($('#n').value, '1e5');
});

test('the value setter moves the caret to the end when the value changes, not otherwise', () => {
  const { $ } = page('<input id="q" value="hello"><textarea id="t">x</textarea>');
  const q = $('#q');
  q.setSelectionRange(1, 2);
  q.value = 'hello';
  equal(`${q.selectionStart},${q.selectionEnd}`, '1,2');
  q.value = 'hi there';
  equal(`${q.selectionStart},${q.selectionEnd}`, '8,8');
  const t = $('#t');
  t.value = 'a\r\nb';
  equal(`${t.selectionStart},${t.selectionEnd},${JSON.stringify(t.value)}`, '3,3,"a\\nb"');
});

test('a value changed another way (defaultValue of a clean input) clamps the selection', () => {
  const { $ } = page('<input id="q" value="hello">');
  const q = $('#q');
  q.setSelectionRange(3, 5);
  q.defaultValue = 'ab';
  equal(`${q.selectionStart},${q.selectionEnd}`, '2,2');
});

test('setRangeText replaces a range and adjusts the selection by selectMode', () => {
  const { $ } = page('<input id="q" value="abcdef">');
  const q = $('#q');
  q.setSelectionRange(4, 6);
  q.setRangeText('XY', 1, 3);
  equal(q.value, 'aXYdef'); equal(`${q.selectionStart},${q.selectionEnd}`, '4,6', 'preserve keeps a selection after the range');
  q.setRangeText('123', 0, 1, 'select');
  equal(q.value, '123XYdef'); equal(`${q.selectionStart},${q.selectionEnd}`, '0,3');
  q.setRangeText('-', 3, 5, 'end');
  equal(q.value, '123-def'); equal(`${q.selectionStart},${q.selectionEnd}`, '4,4');
  q.setSelectionRange(1, 2);
  q.setRangeText('ZZ');
  equal(q.value, '1ZZ3-def'); equal(`${q.selectionStart},${q.selectionEnd}`, '1,3');
  throwsDOM(() => q.setRangeText('x', 3, 1), 'IndexSizeError');
});

test('select() selects all, focuses, and queues a select event', () => {
  const { $, document } = page('<input id="q" value="abc">');
  const selects = [];
  document.addEventListener('select', (event) => selects.push(`${event.target.id} ${event.isTrusted} ${event.bubbles}`));
  tasks.length = 0;
  $('#q').select();
  equal(document.activeElement, $('#q'));
  equal(`${$('#q').selectionStart},${$('#q').selectionEnd}`, '0,3');
  equal(tasks.length, 1);
  tasks.shift()();
  equal(selects.join('|'), 'q true true');
});

// ---- Editing ---------------------------------------------------------------------------------------
test('Backspace and Delete remove the selection; nothing to delete fires nothing', () => {
  const { $, document, lines } = page('<input id="q" value="abcd">');
  const q = $('#q');
  elements.focus(q, document);
  keyboard.press(document, 'Backspace');
  equal(q.value, 'abcd');
  equal(lines().some((line) => line.startsWith('beforeinput')), false);
  q.setSelectionRange(1, 3);
  keyboard.press(document, 'Delete');
  equal(q.value, 'ad'); equal(q.selectionStart, 1);
});

test('Control+Backspace and Control+Delete delete words; Control+arrows move by word', () => {
  const { $, document, lines } = page('<input id="q" value="one two three">');
  const q = $('#q');
  elements.focus(q, document);
  q.setSelectionRange(13, 13);
  keyboard.press(document, 'Control+Backspace');
  equal(q.value, 'one two ');
  equal(lines().find((line) => line.startsWith('beforeinput')), 'beforeinput input#q trusted inputType=deleteWordBackward data=null active=input#q');
  keyboard.press(document, 'Control+ArrowLeft');
  equal(q.selectionStart, 4);
  keyboard.press(document, 'Control+ArrowRight');
  equal(q.selectionStart, 7);
  keyboard.press(document, 'Home');
  keyboard.press(document, 'Control+Delete');
  equal(q.value, ' two ');
});

test('Shift+arrows and Shift+Home extend the selection from its anchor', () => {
  const { $, document } = page('<input id="q" value="abcdef">');
  const q = $('#q');
  elements.focus(q, document);
  q.setSelectionRange(3, 3);
  keyboard.press(document, 'Shift+ArrowRight');
  keyboard.press(document, 'Shift+ArrowRight');
  equal(`${q.selectionStart},${q.selectionEnd},${q.selectionDirection}`, '3,5,forward');
  keyboard.press(document, 'Shift+Home');
  equal(`${q.selectionStart},${q.selectionEnd},${q.selectionDirection}`, '0,3,backward');
  keyboard.press(document, 'ArrowRight');
  equal(`${q.selectionStart},${q.selectionEnd}`, '3,3', 'an arrow collapses a selection to its end');
});

test('textarea: ArrowUp/Down keep the column, Home/End go to the line edges', () => {
  const { $, document } = page('<textarea id="t">abcd\nef\nghij</textarea>');
  const t = $('#t');
  elements.focus(t, document);
  t.setSelectionRange(3, 3);
  keyboard.press(document, 'ArrowDown');
  equal(t.selectionStart, 7, 'clamped to the shorter line');
  keyboard.press(document, 'ArrowDown');
  equal(t.selectionStart, 10);
  keyboard.press(document, 'Home');
  equal(t.selectionStart, 8);
  keyboard.press(document, 'ArrowUp');
  equal(t.selectionStart, 5);
  keyboard.press(document, 'End');
  equal(t.selectionStart, 7);
  keyboard.press(document, 'Control+End');
  equal(t.selectionStart, 12);
});

test('typed text: a number field keeps number characters, email trims its value, readonly takes nothing', () => {
  const { $, document, lines } = page('<input id="n" type="number"><input id="e" type="email"><input id="r" readonly value="x">');
  elements.focus($('#n'), document);
  keyboard.type(document, '1a2');
  equal($('#n').value, '12');
  elements.focus($('#e'), document);
  keyboard.type(document, ' a@b ');
  equal($('#e').value, 'a@b');
  const before = lines().length;
  elements.focus($('#r'), document);
  keyboard.type(document, 'y');
  equal($('#r').value, 'x');
  equal(lines().slice(before).filter((line) => /^(beforeinput|input) /.test(line)).length, 0);
});

test('insertText into an input turns line breaks into spaces and keeps maxlength', () => {
  const { $, document, lines } = page('<input id="q" maxlength="6">');
  elements.focus($('#q'), document);
  keyboard.insertText(document, 'ab\ncd\r\nefgh\n');
  equal($('#q').value, 'ab cd ');
  equal(lines().filter((line) => line.startsWith('input ')).join('|'), 'input input#q trusted inputType=insertText data="ab cd " value="ab cd " active=input#q');
});

test('type: characters outside the layout are inserted without key events; Enter types a newline', () => {
  const { $, document, lines } = page('<textarea id="t"></textarea>');
  elements.focus($('#t'), document);
  keyboard.type(document, 'é\n');
  equal($('#t').value, 'é\n');
  equal(lines().filter((line) => !line.startsWith('focus')).map((line) => line.split(' ')[0]).join(','),
    'beforeinput,input,keydown,keypress,beforeinput,input,keyup');
});

test('Control+A then Backspace in a contenteditable host empties it; Enter adds a paragraph', () => {
  const { $, document, lines } = page('<div id="ed" contenteditable="true">x<b>y</b></div>');
  const ed = $('#ed');
  elements.focus(ed, document);
  keyboard.press(document, 'Control+a');
  keyboard.press(document, 'Backspace');
  equal(ed.innerHTML, '');
  keyboard.type(document, 'ab');
  keyboard.press(document, 'Enter');
  keyboard.type(document, 'c');
  equal(ed.innerHTML, 'ab<div>c</div>');
  keyboard.press(document, 'Backspace');
  keyboard.press(document, 'Backspace');
  equal(ed.innerHTML, 'ab');
  equal(lines().filter((line) => line.startsWith('input ')).map((line) => line.split(' ')[3]).join(','),
    'inputType=deleteContentBackward,inputType=insertText,inputType=insertText,inputType=insertParagraph,inputType=insertText,' +
    'inputType=deleteContentBackward,inputType=deleteContentBackward');
});

test('fill on a contenteditable replaces its content; fill refuses what Playwright refuses', () => {
  const { $, document } = page('<div id="ed" contenteditable="">old <i>text</i></div><input id="c" type="checkbox"><input id="n" type="number"><p id="p">x</p>');
  editing.fill($('#ed'), 'new');
  equal($('#ed').innerHTML, 'new');
  equal(document.activeElement, $('#ed'));
  const fails = (body, message) => {
    try { body(); } catch (error) { equal(error.message, message); return; }
    throw new Error(`expected "${message}"`);
  };
  fails(() => editing.fill($('#c'), 'x'), 'Input of type "checkbox" cannot be filled');
  fails(() => editing.fill($('#n'), 'abc'), 'Cannot type text into input[type=number]');
  fails(() => editing.fill($('#p'), 'x'), 'Element is not an <input>, <textarea> or [contenteditable] element');
});

test('fill on a date input sets the value from script: untrusted input and change', () => {
  const { $, lines } = page('<input id="d" type="date">');
  editing.fill($('#d'), ' 2024-01-02 ');
  equal($('#d').value, '2024-01-02');
  equal(lines().filter((line) => /^(input|change) /.test(line)).join('|'),
    'input input#d untrusted value="2024-01-02" active=input#d|change input#d untrusted value="2024-01-02" active=input#d');
});

test('change: an edit reverted to the committed value fires no change; Enter commits once', () => {
  const { $, document, lines } = page('<input id="a" value="x"><input id="b">');
  elements.focus($('#a'), document);
  keyboard.press(document, 'End');
  keyboard.type(document, 'y');
  keyboard.press(document, 'Backspace');
  elements.focus($('#b'), document);
  equal(lines().some((line) => line.startsWith('change')), false);
  keyboard.type(document, 'z');
  keyboard.press(document, 'Enter');
  elements.focus($('#a'), document);
  equal(lines().filter((line) => line.startsWith('change')).join('|'), 'change input#b trusted value="z" active=input#b');
});

// ---- The keyboard ------------------------------------------------------------------------------------
test('down twice repeats; modifiers are held between down and up; ControlOrMeta is Control', () => {
  const { $, document, lines } = page('<input id="q">');
  elements.focus($('#q'), document);
  keyboard.down(document, 'ControlOrMeta');
  equal(keyboard.modifierState(document).ctrlKey, true);
  keyboard.down(document, 'a');
  keyboard.down(document, 'a');
  keyboard.up(document, 'a');
  keyboard.up(document, 'Control');
  equal(JSON.stringify(keyboard.modifierState(document)), '{"altKey":false,"ctrlKey":false,"metaKey":false,"shiftKey":false}');
  equal(lines().filter((line) => line.startsWith('key')).map((line) => `${line.split(' ')[0]}:${line.split(' ')[6]}`).join(','),
    'keydown:repeat=false,keydown:repeat=false,keydown:repeat=true,keyup:repeat=false,keyup:repeat=false');
});

test('an unknown key throws Playwright\'s error; "Control++" presses +', () => {
  const { document, lines } = page('<input id="q">');
  try { keyboard.press(document, 'NoSuchKey'); throw new Error('no error'); } catch (error) { equal(error.message, 'Unknown key: "NoSuchKey"'); }
  keyboard.press(document, 'Shift++');
  equal(lines().filter((line) => line.startsWith('keydown')).map((line) => line.split(' ')[3]).join(','), 'key="Shift",key="+"');
});

test('Tab from nothing focused goes to the first in order; Shift+Tab to the last; Tab selects a text field', () => {
  const { $, document } = page('<input id="a" value="abc"><a id="l" href="#">l</a><button id="b" tabindex="3">b</button>');
  keyboard.press(document, 'Tab');
  equal(document.activeElement, $('#b'));
  keyboard.press(document, 'Tab');
  equal(document.activeElement, $('#a'));
  equal(`${$('#a').selectionStart},${$('#a').selectionEnd}`, '0,3');
  elements.focus(null, document);
  keyboard.press(document, 'Shift+Tab');
  equal(document.activeElement, $('#l'));
  keyboard.press(document, 'Tab');
  equal(document.activeElement, $('#b'), 'wraps around');
});

test('Space on a button whose keyup is canceled does not click', () => {
  const { $, document, lines } = page('<button id="b">b</button>');
  elements.focus($('#b'), document);
  $('#b').addEventListener('keyup', (event) => event.preventDefault());
  keyboard.press(document, ' ');
  equal(lines().some((line) => line.startsWith('click')), false);
});

run();
