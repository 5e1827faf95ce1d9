// Tests of the forms scripts (Sources/Browser/JavaScript/forms: form-data-set.js,
// constraint-validation.js, form-submission.js) loaded as a page realm loads them (with
// input/file-selection.js for file inputs), and stand-ins for the rest of the page: tasks queue
// until flushed, `runtime.navigation.navigate` records requests, `runtime.activation.click`
// dispatches a trusted click then the activation behavior.
// Every input-forms and input-validation probe (and input-history/form-post-back) is replayed:
// its form markup and script are taken from the probe page, its actions run as Playwright would,
// and the submit/formdata/invalid/reset/focus/blur events, the case's own log lines and the
// request submitted are compared with Chromium's recorded log (Support/site/expected).
// Run: node forms-tests.js — prints each failure, then the passed and failed counts; the exit
// code is non-zero when any test failed.
'use strict';
process.env.DOM_FILES = 'safe-array-iterator,dom-exception,events,nodes,collections,tree-operations,serialization,css-style-declaration,elements,traversal,window,url';
const fs = require('fs');
const path = require('path');
const { loadRuntime, testHost, testCases } = require('./dom-harness.js');

const { test, equal, run } = testCases();
function throws(body, name, message) {
  try { body(); } catch (error) {
    if (error && error.name === name && (message === undefined || error.message === message)) return;
    throw new Error(`expected ${name} ${JSON.stringify(message)}, got ${error && error.name}: ${error && error.message}`);
  }
  throw new Error(`expected ${name}, nothing was thrown`);
}

const host = {
  ...testHost(),
  encode: (text) => new Uint8Array(Buffer.from(text, 'utf8')),
  decode: (bytes) => Buffer.from(bytes).toString('utf8'),
  start() { return 1; },
  abort() {},
};
const runtime = loadRuntime(host);
if (runtime.selectorsError) throw runtime.selectorsError;
const sources = path.resolve(__dirname, '../../../Sources/Browser/JavaScript');
const site = path.resolve(__dirname, '../../../Support/site');
const install = (name, file) => {
  runtime[name] = (0, eval)(fs.readFileSync(path.join(sources, file), 'utf8'))(Object.freeze({ ...host }), runtime) || {};
};
runtime.clock = { epochNow: () => 1234 };
runtime.settings = { origin: () => 'http://127.0.0.1:8000' };
runtime.crypto = { uuidV4: () => '00000000-0000-4000-8000-000000000000' };
install('encoding', 'apis/encoding.js');
install('blob', 'apis/blob.js');
install('form-data', 'apis/form-data.js');
install('fetch', 'fetch/fetch.js');

// The lead's parts, as stand-ins: page tasks, navigation, trusted clicks.
const tasks = [];
const flush = () => { while (tasks.length > 0) tasks.shift()(); };
runtime['script-elements'] = { queueTask: (task) => tasks.push(task) };
const navigations = [];
runtime.navigation = { navigate: (document, request) => navigations.push({ document, request }), planned: () => {} };
/** A trusted click (detail 1, or init.detail), the checkbox/radio pre-activation, then the activation behavior. */
const click = (element, init = {}) => {
  const { MouseEvent, Event } = runtime.events;
  const type = element.localName === 'input' ? element.type : '';
  const wasChecked = element.checked;
  if (type === 'checkbox') element.checked = !wasChecked;
  else if (type === 'radio') element.checked = true;
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: init.detail ?? 1 });
  const notCanceled = runtime.events.fire(element, event);
  if (type === 'checkbox' || type === 'radio') {
    if (!notCanceled) element.checked = wasChecked;
    else if (element.checked !== wasChecked) {
      runtime.events.fire(element, new Event('input', { bubbles: true, composed: true }));
      runtime.events.fire(element, new Event('change', { bubbles: true }));
    }
  }
  if (notCanceled) runtime['form-submission'].activationBehavior(element, event);
};
runtime.activation = { click };
install('form-data-set', 'forms/form-data-set.js');
install('constraint-validation', 'forms/constraint-validation.js');
install('form-submission', 'forms/form-submission.js');
install('file-selection', 'input/file-selection.js');
const { setFiles } = runtime['file-selection'];
const { FormData } = runtime['form-data'].interfaces;
const { File } = runtime.blob.interfaces;
const { FormDataEvent } = runtime['form-data-set'].interfaces;
const { ValidityState } = runtime['constraint-validation'].interfaces;
const submission = runtime['form-submission'];
const { markUserEdit } = runtime['constraint-validation'];

/** The probe log's way of naming a target. */
const describe = (node) => {
  if (node === null || node === undefined) return 'null';
  if (node.nodeType === 9) return '#document';
  if (node.nodeType !== 1) return node.nodeName;
  if (node.id) return `${node.localName}#${node.id}`;
  if (node.getAttribute('name')) return `${node.localName}[name=${node.getAttribute('name')}]`;
  if (node.getAttribute('type')) return `${node.localName}[type=${node.getAttribute('type')}]`;
  return node.localName;
};
const page = (body, url = 'http://127.0.0.1:8000/probes/test.html') =>
  runtime.window.parseHTMLDocument(`<!doctype html><html><head></head><body>${body}</body></html>`, url);
const $ = (document, selector) => (selector[0] === '#' ? document.getElementById(selector.slice(1)) : document.querySelector(selector));
/** A new page with `body`, its form events logged as the probes log them (without `active=`). */
const loggedPage = (body, url) => {
  const document = page(body, url);
  const log = [];
  const watched = [];
  for (const type of ['submit', 'formdata', 'invalid', 'reset', 'focus', 'blur']) {
    document.addEventListener(type, (event) => {
      let line = `${type} ${describe(event.target)} ${event.isTrusted ? 'trusted' : 'untrusted'}`;
      if (type === 'submit') line += ` submitter=${describe(event.submitter)}`;
      if (type === 'focus' || type === 'blur') line += ` related=${describe(event.relatedTarget)}`;
      watched.push({ event, at: log.length });
      log.push(line);
    }, true);
  }
  const lines = () => {
    const out = log.slice();
    for (const { event, at } of watched) if (event.defaultPrevented) out[at] += ' prevented';
    return out;
  };
  return { document, log, lines };
};

/** A sent request as the probe server records it (multipart boundary as BOUNDARY, body as text). */
const recorded = ({ request }) => {
  const url = new URL(request.url);
  let body = request.body === null ? '' : Buffer.from(request.body).toString('utf8');
  let contentType = request.contentType;
  if (contentType !== null && contentType.startsWith('multipart/form-data; boundary=')) {
    const boundary = contentType.slice('multipart/form-data; boundary='.length);
    equal(/^----WebKitFormBoundary[A-Za-z0-9]{16}$/.test(boundary), true, `boundary ${boundary}`);
    body = body.split(boundary).join('BOUNDARY');
    contentType = 'multipart/form-data; boundary=BOUNDARY';
  }
  return { body, contentType, method: request.method, target: url.pathname + url.search };
};

// ---- Replaying the probes ----------------------------------------------------------------------
const STANDARD = /^(\w+) \S+ (trusted|untrusted)\b/;
const COMPARED = new Set(['submit', 'formdata', 'invalid', 'reset', 'focus', 'blur']);
/** The lines of Chromium's log a replay reproduces: form events, focus moves and the case's own lines, up to the next document. */
const expectedLines = (log) => {
  const lines = [];
  for (const line of log.slice(1)) {
    if (line.startsWith('navigated ') || line.startsWith('pagehide ')) break;
    const standard = STANDARD.exec(line);
    if (standard === null) lines.push(line);
    else if (COMPARED.has(standard[1])) lines.push(line.replace(/ active=\S+/, ''));
  }
  return lines;
};

/**
 * Replays `<area>/<name>.html`: its markup (the lines after its comment, before its actions) and
 * its inline script, then its actions, each followed by the page's tasks; stops at the first
 * navigation. Returns { lines, navigations, expected }.
 */
const replay = (area, name) => {
  const html = fs.readFileSync(path.join(site, 'probes', area, `${name}.html`), 'utf8');
  const expected = JSON.parse(fs.readFileSync(path.join(site, 'expected', area, `${name}.json`), 'utf8')).log;
  const lines = html.split('\n');
  const start = lines.findIndex((line) => line.includes('-->')) + 1;
  const actionsAt = lines.findIndex((line) => line.startsWith('<script type="application/json" id="actions">'));
  const markup = lines.slice(start, actionsAt).filter((line) => !line.startsWith('<script src=')).join('\n');
  const actions = JSON.parse(/<script type="application\/json" id="actions">(.*)<\/script>/.exec(lines[actionsAt])[1]);
  const script = /<script>\n([\s\S]*?)<\/script>/.exec(html);
  const url = `http://127.0.0.1:8000/probes/${area}/${name}.html`;
  const { document, log, lines: logged } = loggedPage(markup, url);
  const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  const caseLog = (...parts) => log.push(parts.map(text).join(' '));
  const timeout = (callback) => tasks.push(callback);
  if (script !== null) {
    new Function('document', 'window', 'log', 'describe', 'fetch', 'setTimeout', 'FormData', 'history', script[1])(
      document, {}, caseLog, describe, () => {}, timeout, FormData, { length: 2 });
  }
  navigations.length = 0;
  const focus = (element) => runtime.elements.focus(element, document);
  /** A user edit: the new value, then a trusted `input` event. */
  const edit = (element, value, data) => {
    element.value = value;
    markUserEdit(element);
    runtime.events.fire(element, new runtime.events.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data }));
  };
  const perform = {
    click: (element) => { focus(element); click(element); },
    check: (element) => { if (!element.checked) perform.click(element); },
    uncheck: (element) => { if (element.checked) perform.click(element); },
    focus,
    fill: (element, value) => { focus(element); edit(element, value, value); },
    type: (element, value) => {
      focus(element);
      for (const character of value) {
        if (element.maxLength >= 0 && element.value.length >= element.maxLength) continue;
        edit(element, element.value + character, character);
      }
    },
    press: (element, key) => {
      focus(element);
      equal(key, 'Enter');
      if (element.localName === 'input' && !['submit', 'image', 'reset', 'button', 'checkbox', 'radio'].includes(element.type)) {
        submission.implicitSubmission(element);
      } else click(element, { detail: 0 });
    },
    selectOption: (element, value) => { element.value = value; },
    setInputFiles: (element, { name, mimeType, buffer }) => {
      setFiles(element, [new File([Buffer.from(buffer, 'base64')], name, { type: mimeType })]);
    },
  };
  for (const [action, selector, ...rest] of actions) {
    if (action === 'goBack') break;
    perform[action]($(document, selector), ...rest);
    flush();
    if (navigations.length > 0) break;
  }
  return { lines: logged(), navigations: navigations.slice(), expected };
};
/** The request of Chromium's log (its first), or the /delay navigation a case checks instead, as `recorded` gives it. */
const expectedRequest = (expected) => {
  const line = expected.find((entry) => entry.startsWith('request '));
  if (line !== undefined) {
    const { body, contentType, method, target } = JSON.parse(line.slice('request '.length));
    return { body, contentType, method, target };
  }
  const navigated = expected.filter((entry) => entry.startsWith('navigated '));
  return navigated.length < 2 ? null : { body: '', contentType: null, method: 'GET', target: navigated[1].slice('navigated '.length) };
};
const replayTest = (area, name) => test(`${area}/${name} as Chromium`, () => {
  const { lines, navigations: sent, expected } = replay(area, name);
  equal(lines.join('\n'), expectedLines(expected).join('\n'), 'the log:');
  const request = expectedRequest(expected);
  equal(sent.length, request === null ? 0 : 1, 'navigations');
  if (request !== null) equal(JSON.stringify(recorded(sent[0])), JSON.stringify(request), 'the request:');
});
for (const area of ['input-forms', 'input-validation']) {
  for (const file of fs.readdirSync(path.join(site, 'probes', area)).sort()) {
    if (file.endsWith('.html')) replayTest(area, file.slice(0, -'.html'.length));
  }
}
replayTest('input-history', 'form-post-back');

// ---- The entry list and its encodings ----------------------------------------------------------
const entriesOf = (form, submitter = null) => JSON.stringify([...new FormData(form, submitter)].map(([name, value]) =>
  [name, typeof value === 'string' ? value : `File(${value.name},${value.type},${value.size})`]));

test('new FormData(form, submitter): entries in tree order, the submitter, files, _charset_, image coordinates', () => {
  const document = page('<form id="f"><input name="a" value="1"><input type="file" name="f"><input type="hidden" name="_CHARSET_">' +
    '<textarea name="t">x\r\ny</textarea><select name="m" multiple><option selected>p</option><option selected disabled>q</option>' +
    '<optgroup><option selected value="r">R</option></optgroup></select><button name="b" value="v">b</button>' +
    '<input type="image" name="img"><input type="submit" name="s"><datalist><input name="inList" value="z"></datalist>' +
    '<object name="o"></object><output name="out">o</output></form>');
  const form = $(document, '#f');
  equal(entriesOf(form), '[["a","1"],["f","File(,application/octet-stream,0)"],["_CHARSET_","UTF-8"],["t","x\\ny"],["m","p"],["m","r"]]');
  equal(entriesOf(form, $(document, 'button')), entriesOf(form).replace(/]$/, ',["b","v"]]'));
  equal(entriesOf(form, $(document, 'input[type=image]')), entriesOf(form).replace(/]$/, ',["img.x","0"],["img.y","0"]]'));
  equal(entriesOf(form, $(document, 'input[type=submit]')), entriesOf(form).replace(/]$/, ',["s","Submit"]]'), 'Chromium\'s default label');
  const file = $(document, 'input[type=file]');
  setFiles(file, [new File(['ab'], 'a.txt', { type: 'text/plain' }), new File(['c'], 'b.bin')]);
  equal(entriesOf(form).includes('["f","File(a.txt,text/plain,2)"],["f","File(b.bin,,1)"]'), true);
});

test('new FormData(form, submitter) checks the submitter as Chromium does; a formdata listener cannot nest it', () => {
  const document = page('<form id="f"><input name="a" value="1"><button type="button" id="plain">p</button></form>' +
    '<form id="g"><button id="other">o</button></form>');
  const form = $(document, '#f');
  const context = "Failed to construct 'FormData'";
  throws(() => new FormData(form, {}), 'TypeError', `${context}: parameter 2 is not of type 'HTMLElement'.`);
  throws(() => new FormData(form, $(document, '#plain')), 'TypeError', `${context}: The specified element is not a submit button.`);
  throws(() => new FormData(form, $(document, '#other')), 'NotFoundError', `${context}: The specified element is not owned by this form element.`);
  let nested = null;
  form.addEventListener('formdata', (event) => {
    equal(event instanceof FormDataEvent, true);
    equal(event.bubbles && !event.cancelable && event.isTrusted, true);
    try { new FormData(form); } catch (error) { nested = `${error.name}: ${error.message}`; }
    event.formData.append('added', 'yes');
  });
  equal(entriesOf(form), '[["a","1"],["added","yes"]]');
  equal(nested, `InvalidStateError: ${context}: The form is constructing entry list.`);
});

test('FormDataEvent: its constructor needs a FormData; formData is a getter of the prototype', () => {
  throws(() => new FormDataEvent('formdata'), 'TypeError', "Failed to construct 'FormDataEvent': 2 arguments required, but only 1 present.");
  throws(() => new FormDataEvent('formdata', {}), 'TypeError',
    "Failed to construct 'FormDataEvent': Failed to read the 'formData' property from 'FormDataEventInit': Required member is undefined.");
  throws(() => new FormDataEvent('formdata', { formData: {} }), 'TypeError',
    "Failed to construct 'FormDataEvent': Failed to read the 'formData' property from 'FormDataEventInit': Failed to convert value to 'FormData'.");
  const formData = new FormData();
  const event = new FormDataEvent('x', { formData, bubbles: true });
  equal(event.formData, formData);
  equal(event.bubbles, true);
  equal(event.isTrusted, false);
  equal(Object.prototype.toString.call(event), '[object FormDataEvent]');
  throws(() => Object.getOwnPropertyDescriptor(FormDataEvent.prototype, 'formData').get.call({}), 'TypeError');
});

test('the encodings: names and values with newlines, quotes and non-ASCII', () => {
  const sets = runtime['form-data-set'];
  const file = new File(['hi'], 'a"b\nc.txt', { type: 'text/x' });
  const list = [['n\ra', 'v\nb'], ['é "q"', '1+1 = 2&'], ['f', file]];
  const pairs = sets.namePairs(list);
  equal(JSON.stringify(pairs), JSON.stringify([['n\r\na', 'v\r\nb'], ['é "q"', '1+1 = 2&'], ['f', 'a"b\r\nc.txt']]));
  equal(sets.urlencoded(pairs), 'n%0D%0Aa=v%0D%0Ab&%C3%A9+%22q%22=1%2B1+%3D+2%26&f=a%22b%0D%0Ac.txt');
  equal(sets.textPlain(pairs), 'n\r\na=v\r\nb\r\né "q"=1+1 = 2&\r\nf=a"b\r\nc.txt\r\n');
  const { body, contentType } = sets.multipart(list);
  const boundary = contentType.slice('multipart/form-data; boundary='.length);
  equal(Buffer.from(body).toString('utf8').split(boundary).join('B'),
    '--B\r\nContent-Disposition: form-data; name="n%0D%0Aa"\r\n\r\nv\r\nb\r\n' +
    '--B\r\nContent-Disposition: form-data; name="é %22q%22"\r\n\r\n1+1 = 2&\r\n' +
    '--B\r\nContent-Disposition: form-data; name="f"; filename="a%22b%0D%0Ac.txt"\r\nContent-Type: text/x\r\n\r\nhi\r\n--B--\r\n');
});

test('dirname: the direction of the field (dir, dir=auto from the value, the parent\'s), only for text fields and textarea', () => {
  const document = page('<form id="f" dir="rtl"><input name="a" dirname="a.d"><input name="b" dir="auto" value="abc" dirname="b.d">' +
    '<input name="c" dir="auto" value="\u05d0\u05d1" dirname="c.d"><textarea name="t" dir="ltr" dirname="t.d"></textarea>' +
    '<input type="checkbox" checked name="x" dirname="x.d"><input type="tel" name="p" dirname="p.d"></form>');
  equal(entriesOf($(document, '#f')),
    '[["a",""],["a.d","rtl"],["b","abc"],["b.d","ltr"],["c","\u05d0\u05d1"],["c.d","rtl"],["t",""],["t.d","ltr"],["x","on"],["p",""],["p.d","ltr"]]');
});

// ---- Submission ---------------------------------------------------------------------------------
test('requestSubmit: TypeError and NotFoundError for a bad submitter; validation before the submit event', () => {
  const { document, lines } = loggedPage('<form id="f" action="/t"><input name="a" required><input type="reset" id="r">' +
    '<button id="sub">s</button></form><form id="g"><button id="other">o</button></form>');
  const form = $(document, '#f');
  const context = "Failed to execute 'requestSubmit' on 'HTMLFormElement'";
  throws(() => form.requestSubmit({}), 'TypeError', `${context}: parameter 1 is not of type 'HTMLElement'.`);
  throws(() => form.requestSubmit($(document, '#r')), 'TypeError', `${context}: The specified element is not a submit button.`);
  throws(() => form.requestSubmit($(document, '#other')), 'NotFoundError', `${context}: The specified element is not owned by this form element.`);
  navigations.length = 0;
  form.requestSubmit();
  flush();
  equal(lines().join('|'), 'invalid input[name=a] trusted|focus input[name=a] trusted related=null');
  equal(navigations.length, 0);
  form.querySelector('input').value = 'x';
  form.requestSubmit();
  flush();
  equal(lines().slice(2).join('|'), 'submit form#f trusted submitter=null|formdata form#f trusted');
  equal(navigations.length, 1);
  equal(navigations[0].request.url, 'http://127.0.0.1:8000/t?a=x');
});

test('submit(): no submit event, no validation, the form\'s own attributes; a second submission in the same task replaces the first', () => {
  const { document, lines } = loggedPage('<form id="f" action="/one#frag" method="GET"><input name="a" required></form>');
  const form = $(document, '#f');
  navigations.length = 0;
  form.submit();
  form.setAttribute('action', '/two?old=1#x');
  form.submit();
  flush();
  equal(lines().join('|'), 'formdata form#f trusted|formdata form#f trusted');
  equal(navigations.length, 1);
  equal(JSON.stringify(navigations[0].request),
    '{"url":"http://127.0.0.1:8000/two?a=#x","method":"GET","body":null,"contentType":null,"target":"","historyHandling":"push"}');
});

test('the submitter\'s formmethod POST with formenctype text/plain sends the urlencoded body Chromium does; multipart is kept', () => {
  const document = page('<form id="f" action="/t"><input name="a" value="1 2"><button id="plain" formmethod="post" formenctype="text/plain">p</button>' +
    '<button id="multi" formmethod="post" formenctype="multipart/form-data">m</button></form>' +
    '<form id="g" action="/t" method="post"><input name="a" value="1 2"><button id="g1" formenctype="text/plain">p</button></form>');
  navigations.length = 0;
  click($(document, '#plain'));
  flush();
  equal(JSON.stringify(recorded(navigations[0])), '{"body":"a=1+2","contentType":"text/plain","method":"POST","target":"/t"}');
  click($(document, '#multi'));
  flush();
  equal(recorded(navigations[1]).contentType, 'multipart/form-data; boundary=BOUNDARY');
  click($(document, '#g1'));
  flush();
  equal(JSON.stringify(recorded(navigations[2])), '{"body":"a=1 2\\r\\n","contentType":"text/plain","method":"POST","target":"/t"}');
});

test('targets, javascript: and data: actions, an action that does not parse, a disconnected form', () => {
  const document = page('<base target="frame1"><form id="f" action="javascript:void(0)"><input name="a" value="1">' +
    '<button id="b" formtarget="_self">b</button><button id="c">c</button><button id="d" formaction="http://[bad">d</button>' +
    '<button id="e" formaction="data:text/plain,x" formtarget="named">e</button><button id="p" formaction="data:text/plain,x" formmethod="post">p</button></form>');
  navigations.length = 0;
  click($(document, '#b'));
  click($(document, '#c'));
  flush();
  equal(navigations.length, 1, 'the second submission replaced the first planned one');
  equal(navigations[0].request.url, 'javascript:void(0)');
  equal(navigations[0].request.target, 'frame1');
  click($(document, '#b'));
  flush();
  equal(navigations[1].request.target, '');
  click($(document, '#d'));
  flush();
  equal(navigations.length, 2, 'an action that does not parse');
  click($(document, '#e'));
  flush();
  equal(`${navigations[2].request.url} ${navigations[2].request.target}`, 'data:text/plain,x?a=1 named');
  click($(document, '#p'));
  flush();
  equal(`${navigations[3].request.url} ${navigations[3].request.method}`, 'data:text/plain,x GET');
  const form = $(document, '#f');
  form.remove();
  form.submit();
  flush();
  equal(navigations.length, 4, 'a disconnected form cannot navigate');
});

test('method=dialog closes the nearest dialog with the submitter\'s value; an image button gives its coordinate', () => {
  const document = page('<dialog id="d" open><form method="dialog"><input name="a" value="1"><button id="ok" value="yes">ok</button>' +
    '<input type="image" id="img"></form></dialog>');
  const dialog = $(document, '#d');
  let closes = 0;
  dialog.addEventListener('close', () => closes++);
  navigations.length = 0;
  click($(document, '#ok'));
  flush();
  equal(`${dialog.open} ${dialog.returnValue} ${closes} ${navigations.length}`, 'false yes 1 0');
  dialog.setAttribute('open', '');
  click($(document, '#img'), { detail: 0 });
  equal(`${dialog.open} ${dialog.returnValue}`, 'false 0,0');
});

test('implicit submission: a disabled default button blocks it; Enter in a checkbox clicks the first enabled submit button', () => {
  const document = page('<form id="f" action="/t"><input name="q" id="q"><button disabled id="first">1</button><button id="second" name="b" value="2">2</button>' +
    '<input type="checkbox" id="c" name="c" checked></form><form id="g"><input id="lone"><input type="checkbox"></form><input id="free">');
  navigations.length = 0;
  equal(submission.implicitSubmission($(document, '#q')), false);
  equal(submission.implicitSubmission($(document, '#free')), false, 'no form owner');
  equal(submission.implicitSubmission($(document, '#c')), true);
  flush();
  equal(recorded(navigations[0]).target, '/t?q=&b=2&c=on');
  equal(submission.implicitSubmission($(document, '#lone')), true, 'one field');
  flush();
  equal(navigations.length, 2);
});

test('activationBehavior: which elements it handles; an image button clicked with a pointer takes the click\'s offset', () => {
  const document = page('<form id="f" action="/t"><button type="button" id="plain">p</button><button type="reset" id="r">r</button>' +
    '<input type="image" name="i" id="img"><input type="button" id="ib"><a id="link" href="/x">x</a></form><button id="orphan">o</button>');
  const { MouseEvent } = runtime.events;
  const click = (id, init) => submission.activationBehavior($(document, id), new MouseEvent('click', init));
  equal(click('#plain'), false);
  equal(click('#ib'), false);
  equal(click('#link'), false);
  equal(click('#orphan'), true, 'a submit button without form owner');
  equal(click('#r'), true);
  navigations.length = 0;
  equal(click('#img', { detail: 1, offsetX: 7.8, offsetY: 3 }), true);
  flush();
  equal(recorded(navigations[0]).target, '/t?i.x=7&i.y=3');
});

test('reset: the reset event (cancelable, trusted), dirty values, checkedness and selectedness back; form.reset() is locked while it runs', () => {
  const { document, lines } = loggedPage('<form id="f"><input id="a" value="d"><input type="checkbox" id="c"><textarea id="t">T</textarea>' +
    '<select id="s"><option>x</option><option selected>y</option></select><input type="file" id="file"></form>');
  const form = $(document, '#f');
  const [a, c, t, s, file] = ['#a', '#c', '#t', '#s', '#file'].map((id) => $(document, id));
  a.value = 'typed'; c.checked = true; t.value = 'new'; s.value = 'x';
  setFiles(file, [new File(['x'], 'x.txt')]);
  let nested = 0;
  const again = () => { nested++; form.reset(); };
  form.addEventListener('reset', again);
  form.reset();
  equal(`${a.value} ${c.checked} ${t.value} ${s.value} ${file.files.length} ${nested}`, 'd false T y 0 1');
  form.removeEventListener('reset', again);
  a.value = 'again';
  form.addEventListener('reset', (event) => event.preventDefault());
  submission.reset(form);
  equal(a.value, 'again', 'a canceled reset');
  equal(lines().join('|'), 'reset form#f trusted|reset form#f trusted prevented');
});

// ---- Constraint validation ----------------------------------------------------------------------
const flagsOf = (element) => {
  const flags = [];
  for (const key in element.validity) if (element.validity[key] === true) flags.push(key);
  return flags.join(',');
};
test('ValidityState: its flags in WebIDL order, [SameObject], not constructible', () => {
  const document = page('<input id="a">');
  const a = $(document, '#a');
  equal(Object.keys(ValidityState.prototype).join(','),
    'valueMissing,typeMismatch,patternMismatch,tooLong,tooShort,rangeUnderflow,rangeOverflow,stepMismatch,badInput,customError,valid');
  equal(a.validity, a.validity);
  equal(a.validity instanceof ValidityState, true);
  throws(() => new ValidityState(), 'TypeError', 'Illegal constructor');
  throws(() => Object.getOwnPropertyDescriptor(ValidityState.prototype, 'valid').get.call({}), 'TypeError');
  equal(flagsOf(a), 'valid');
});

test('willValidate: disabled, readonly, datalist, hidden/reset/button inputs and non-submit buttons are barred', () => {
  const document = page('<form id="f"><input id="t"><input id="ro" readonly><input type="checkbox" readonly id="rc"><input disabled id="d">' +
    '<fieldset disabled><input id="fs"><legend><input id="lg"></legend></fieldset><datalist><input id="dl"></datalist>' +
    '<input type="hidden" id="h"><input type="reset" id="r"><input type="button" id="ib"><input type="submit" id="s"><input type="image" id="i">' +
    '<button id="b"></button><button type="reset" id="br"></button><select id="sel"></select><textarea id="ta" readonly></textarea>' +
    '<output id="o"></output><fieldset id="fset"></fieldset><object id="ob"></object></form>');
  const candidates = [...document.querySelectorAll('[id]')].filter((e) => 'willValidate' in e && e.willValidate).map((e) => e.id);
  equal(candidates.join(','), 't,rc,lg,s,i,b,sel');
  equal($(document, '#lg').willValidate, true, 'inside a disabled fieldset\'s first legend');
});

test('valueMissing, typeMismatch, patternMismatch and Chromium\'s validationMessage', () => {
  const document = page('<form id="f"><input id="t" required><input type="checkbox" required id="c"><input type="radio" name="r" required id="r1">' +
    '<input type="radio" name="r" id="r2"><input type="file" required id="file"><select required id="s"><option value="">-</option><option>v</option></select>' +
    '<textarea required id="ta"></textarea><input type="email" id="e" multiple><input type="url" id="u"><input id="p" pattern="[a-z]+">' +
    '<input id="pv" pattern="[(]"><input type="range" required id="range"></form>');
  const get = (id) => $(document, id);
  const messages = ['#t', '#c', '#r1', '#r2', '#file', '#s', '#ta'].map((id) => `${flagsOf(get(id))}:${get(id).validationMessage}`);
  equal(messages.join('|'), ['Please fill out this field.', 'Please check this box if you want to proceed.', 'Please select one of these options.',
    'Please select one of these options.', 'Please select a file.', 'Please select an item in the list.', 'Please fill out this field.']
    .map((message) => `valueMissing:${message}`).join('|'));
  equal(flagsOf(get('#range')), 'valid', 'a range always has a value');
  const e = get('#e');
  for (const [value, message] of [['a@b.c, x@y', ''], ['nope', "Please include an '@' in the email address. 'nope' is missing an '@'."],
    ['@b', "Please enter a part followed by '@'. '@b' is incomplete."], ['a@', "Please enter a part following '@'. 'a@' is incomplete."],
    ['a b@c', "A part followed by '@' should not contain the symbol ' '."], ['a@b_c', "A part following '@' should not contain the symbol '_'."],
    ['a@b..c', "'.' is used at a wrong position in 'b..c'."]]) {
    e.value = value;
    equal(e.validationMessage, message, value);
    equal(e.validity.typeMismatch, message !== '', value);
  }
  const u = get('#u');
  u.value = 'nope';
  equal(`${flagsOf(u)}:${u.validationMessage}`, 'typeMismatch:Please enter a URL.');
  u.value = 'mailto:x';
  equal(flagsOf(u), 'valid');
  const p = get('#p');
  p.value = 'abc1';
  equal(`${flagsOf(p)}:${p.validationMessage}`, 'patternMismatch:Please match the requested format.');
  p.value = 'abc';
  equal(flagsOf(p), 'valid');
  get('#pv').value = 'x';
  equal(flagsOf(get('#pv')), 'valid', 'a pattern the v flag rejects is ignored');
  get('#t').disabled = true;
  equal(`${get('#t').validity.valueMissing} ${get('#t').validationMessage === ''}`, 'false true', 'a disabled control');
});

test('tooLong and tooShort only after a user edit; customError and setCustomValidity', () => {
  const document = page('<input id="a" minlength="3" maxlength="4" value="ab"><textarea id="t" maxlength="2"></textarea>');
  const a = $(document, '#a');
  equal(flagsOf(a), 'valid', 'the default value');
  a.value = 'x';
  equal(flagsOf(a), 'valid', 'a value script set');
  markUserEdit(a);
  equal(`${flagsOf(a)}:${a.validationMessage}`, 'tooShort:Please lengthen this text to 3 characters or more (you are currently using 1 character).');
  a.value = 'abcdef';
  equal(flagsOf(a), 'valid');
  markUserEdit(a);
  equal(`${flagsOf(a)}:${a.validationMessage}`,
    'tooLong:Please shorten this text to 4 characters or less (you are currently using 6 characters).');
  const t = $(document, '#t');
  t.value = 'abc';
  markUserEdit(t);
  equal(flagsOf(t), 'tooLong');
  t.setCustomValidity('bad');
  equal(`${flagsOf(t)}:${t.validationMessage}`, 'tooLong,customError:bad');
  t.setCustomValidity('');
  throws(() => t.setCustomValidity(), 'TypeError', "Failed to execute 'setCustomValidity' on 'HTMLTextAreaElement': 1 argument required, but only 0 present.");
  const fieldset = document.createElement('fieldset');
  fieldset.setCustomValidity('x');
  equal(`${fieldset.willValidate} ${fieldset.validity.customError} ${fieldset.validity.valid} ${fieldset.checkValidity()}`, 'false true false true');
});

test('number, date, month, week, time and datetime-local: range, step and Chromium\'s messages', () => {
  const document = page('<input type="number" id="n" min="1" max="10" step="3"><input type="number" id="f" step="0.1"><input type="number" id="n2" min="1" max="3" step="3">' +
    '<input type="date" id="d" min="2024-01-10" step="7"><input type="month" id="m" max="2024-02"><input type="week" id="w" min="2024-W02">' +
    '<input type="time" id="t" step="900"><input type="datetime-local" id="dt" max="2024-01-01T10:00"><input type="number" id="any" step="any" value="0.123">');
  const check = (id, value, expected) => {
    const element = $(document, id);
    element.value = value;
    equal(`${flagsOf(element)}:${element.validationMessage}`, expected, `${id} ${value}`);
  };
  check('#n', '12', 'rangeOverflow,stepMismatch:Value must be less than or equal to 10.');
  check('#n', '0', 'rangeUnderflow,stepMismatch:Value must be greater than or equal to 1.');
  check('#n', '5', 'stepMismatch:Please enter a valid value. The two nearest valid values are 4 and 7.');
  check('#n', '9', 'stepMismatch:Please enter a valid value. The two nearest valid values are 7 and 10.');
  check('#n2', '2', 'stepMismatch:Please enter a valid value. The nearest valid value is 1.');
  check('#n', '7', 'valid:');
  check('#f', '0.3', 'valid:');
  check('#f', '0.35', 'stepMismatch:Please enter a valid value. The two nearest valid values are 0.3 and 0.4.');
  check('#d', '2024-01-17', 'valid:');
  check('#d', '2024-01-18', 'stepMismatch:Please enter a valid value. The two nearest valid values are 2024-01-17 and 2024-01-24.');
  check('#d', '2024-01-03', 'rangeUnderflow:Value must be 2024-01-10 or later.');
  check('#m', '2024-03', 'rangeOverflow:Value must be 2024-02 or earlier.');
  check('#w', '2024-W01', 'rangeUnderflow:Value must be 2024-W02 or later.');
  check('#w', '2024-W03', 'valid:');
  check('#t', '10:15', 'valid:');
  check('#t', '10:20', 'stepMismatch:Please enter a valid value. The two nearest valid values are 10:15 and 10:30.');
  check('#dt', '2024-01-01T10:01', 'rangeOverflow:Value must be 2024-01-01T10:00 or earlier.');
  check('#any', '0.123', 'valid:');
});

test('checkValidity and reportValidity on a control and a form: invalid events, focus only for reportValidity and uncanceled events', () => {
  const { document, lines } = loggedPage('<form id="f"><input id="a" required><input id="b" required><button id="go">go</button></form>');
  const form = $(document, '#f');
  $(document, '#a').addEventListener('invalid', (event) => event.preventDefault());
  equal(form.checkValidity(), false);
  equal(lines().join('|'), 'invalid input#a trusted prevented|invalid input#b trusted');
  equal(document.activeElement.localName, 'body');
  equal(form.reportValidity(), false);
  equal(document.activeElement.id, 'b', 'the first unhandled control');
  equal($(document, '#a').reportValidity(), false);
  equal(document.activeElement.id, 'b', 'a canceled invalid event');
  equal($(document, '#go').checkValidity(), true);
  throws(() => runtime.elements.interfaces.HTMLFormElement.prototype.checkValidity.call($(document, '#a')), 'TypeError',
    "Failed to execute 'checkValidity' on 'HTMLFormElement': Illegal invocation");
});

run({ before: () => { tasks.length = 0; } });
