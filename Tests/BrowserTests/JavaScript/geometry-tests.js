// Tests of the layout-free CSSOM View members and the small APIs beside them
// (Sources/Browser/JavaScript/window-apis/geometry.js, cssom-view.js, css-namespace.js,
// apis/beacon.js, apis/broadcast-channel.js), loaded into a vm realm as a page realm loads them,
// with a fake `host`. Run: node geometry-tests.js — prints each failure, then the passed and
// failed counts; the exit code is non-zero when any test failed.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { loadRuntime, simpleMarkupBatch, testHost, testCases } = require('./dom-harness.js');

const { test, equal, run } = testCases();
function same(actual, expected, message = '') { equal(JSON.stringify(actual), JSON.stringify(expected), message); }

const sources = path.resolve(__dirname, '../../../Sources/Browser/JavaScript');

/**
 * A page realm (a vm context) with the DOM, the cascade and the scripts under test installed,
 * `markup` as its document at https://example.com/dir/page.html; `tasks` are the queued tasks,
 * `fetches` the requests fetch.js handed to `host.start`
 * ([url, method, headers, body, redirect, mode, credentials]).
 */
function newPage(markup) {
  const context = vm.createContext({});
  const tasks = [];
  const fetches = [];
  const host = {
    ...testHost(),
    encode: (text) => new Uint8Array(Buffer.from(text, 'utf8')),
    decode: (bytes) => Buffer.from(bytes).toString('utf8'),
    // fetch.js's network crossing: the request as Swift gets it, recorded; it never completes.
    start(request) {
      fetches.push(request);
      return fetches.length;
    },
    abort() {},
  };
  const runtime = loadRuntime(host, { context });
  const install = (name, file) => {
    const source = fs.readFileSync(path.join(sources, file), 'utf8');
    runtime[name] = vm.runInContext(source, context, { filename: file })(Object.freeze({ ...host }), runtime) || {};
  };
  // What the scripts under test read of the settings, messaging, fetch and navigator scripts, fixed for the tests.
  const pageOrigin = vm.runInContext('(origin) => () => origin', context)('https://example.com');
  runtime.settings = { queueTask: (callback, ...args) => tasks.push(() => callback(...args)), origin: pageOrigin };
  runtime.clock = { epochNow: () => 1234 };
  runtime.crypto = { uuidV4: () => '00000000-0000-4000-8000-000000000000' };
  install('url', 'dom/url.js');
  install('encoding', 'apis/encoding.js');
  install('blob', 'apis/blob.js');
  install('structured-clone', 'apis/structured-clone.js');
  install('fetch', 'fetch/fetch.js');
  install('navigator', 'window-apis/navigator.js');
  install('geometry', 'window-apis/geometry.js');
  install('cssom-view', 'window-apis/cssom-view.js');
  install('css-namespace', 'window-apis/css-namespace.js');
  install('beacon', 'apis/beacon.js');
  install('broadcast-channel', 'apis/broadcast-channel.js');
  const document = runtime.nodes.createDocument({ type: 'html', url: 'https://example.com/dir/page.html' });
  const [operations, text] = simpleMarkupBatch(markup, { document: true });
  runtime['tree-operations'].applyBatch(runtime['tree-operations'].createParseSession(document), operations, text);
  const global = vm.runInContext('globalThis', context);
  runtime.window.createWindow(global, document);
  const run = (code) => vm.runInContext(code, context);
  const runTasks = () => { while (tasks.length > 0) tasks.shift()(); };
  return { run, runTasks, tasks, fetches, runtime, document };
}

const page = `<!doctype html><html><head><style>
  .gone { display: none }
  .contents { display: contents }
  .relative { position: relative }
  .fixed { position: fixed }
  .absolute { position: absolute }
</style></head><body>
  <div id="shown"><span id="inner">text</span></div>
  <div class="gone"><p id="under-gone">x</p></div>
  <div id="contents" class="contents"><i id="in-contents">c</i></div>
  <div id="positioned" class="relative"><div><b id="in-positioned">b</b></div></div>
  <table id="table"><tbody><tr><td id="cell"><em id="in-cell">e</em><em id="absolute-in-cell" class="absolute">a</em></td></tr></tbody></table>
  <div id="fixed" class="fixed">f</div>
  <details id="closed"><summary>s</summary><p id="in-closed">hidden</p></details>
  <div id="hidden-attribute" hidden>h</div>
</body></html>`;

// ---- getClientRects, getBoundingClientRect ------------------------------------------------------
test('getClientRects is one zero DOMRect for an element with a box and empty without one', () => {
  const { run } = newPage(page);
  same(run(`['shown', 'inner', 'under-gone', 'contents', 'in-contents', 'in-closed', 'hidden-attribute', 'fixed']
    .map((id) => document.getElementById(id).getClientRects().length)`), [1, 1, 0, 0, 1, 0, 0, 1]);
  same(run(`const rects = document.getElementById('shown').getClientRects();
    [rects instanceof DOMRectList, rects[0] instanceof DOMRect, rects.item(0) === rects[0], rects.item(1), [...rects].length,
     JSON.stringify(rects[0]), Object.prototype.toString.call(rects)]`),
  [true, true, true, null, 1, '{"x":0,"y":0,"width":0,"height":0,"top":0,"right":0,"bottom":0,"left":0}', '[object DOMRectList]']);
  equal(run('document.createElement("div").getClientRects().length'), 0, 'not connected:');
});
test('getClientRects follows the cascade as it changes', () => {
  const { run } = newPage(page);
  same(run(`const element = document.getElementById('shown');
    const before = element.getClientRects().length;
    element.style.display = 'none';
    const hidden = element.getClientRects().length;
    element.style.display = '';
    [before, hidden, element.getClientRects().length]`), [1, 0, 1]);
});
test('getBoundingClientRect is a new zero DOMRect, with or without a box', () => {
  const { run } = newPage(page);
  same(run(`const a = document.getElementById('shown').getBoundingClientRect();
    const b = document.getElementById('under-gone').getBoundingClientRect();
    a.x = 5;
    [a instanceof DOMRect, a.x, document.getElementById('shown').getBoundingClientRect().x, b.width, b.height, b.top, b.left]`),
  [true, 5, 0, 0, 0, 0, 0]);
});
test("jQuery's :visible test follows display: none", () => {
  const { run } = newPage(page);
  same(run(`const visible = (elem) => !!(elem.offsetWidth || elem.offsetHeight || elem.getClientRects().length);
    ['shown', 'under-gone', 'hidden-attribute', 'in-closed'].map((id) => visible(document.getElementById(id)))`), [true, false, false, false]);
});

// ---- offsetParent and the sizes -------------------------------------------------------------------
test('offsetParent follows CSSOM View §7: positioned ancestor, td/th/table for static elements, body, null', () => {
  const { run } = newPage(page);
  same(run(`const parent = (id) => { const p = document.getElementById(id).offsetParent; return p === null ? null : p.id || p.localName; };
    [parent('inner'), parent('in-positioned'), parent('in-cell'), parent('absolute-in-cell'), parent('cell'), parent('fixed'),
     parent('under-gone'), parent('contents'), document.body.offsetParent, document.documentElement.offsetParent,
     document.createElement('div').offsetParent]`),
  ['body', 'positioned', 'cell', 'body', 'table', null, null, null, null, null, null]);
});
test('offset, client and scroll sizes are 0; the root element measures the viewport', () => {
  const { run } = newPage(page);
  same(run(`const e = document.getElementById('shown');
    [e.offsetTop, e.offsetLeft, e.offsetWidth, e.offsetHeight, e.clientTop, e.clientLeft, e.clientWidth, e.clientHeight,
     e.scrollWidth, e.scrollHeight, document.body.clientWidth]`), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  same(run(`const root = document.documentElement;
    [root.clientWidth, root.clientHeight, root.scrollWidth, root.scrollHeight, root.clientTop]`), [1280, 720, 1280, 720, 0]);
});

// ---- Scrolling ------------------------------------------------------------------------------------
test('scrollTop and scrollLeft stay 0 when set; scrollTo, scrollBy and scroll accept both forms and move nothing', () => {
  const { run } = newPage(page);
  same(run(`const e = document.getElementById('shown');
    let scrolls = 0;
    e.addEventListener('scroll', () => scrolls++);
    window.addEventListener('scroll', () => scrolls++);
    e.scrollTop = 120; e.scrollLeft = 40;
    e.scrollTo(10, 20); e.scrollTo({ top: 5, left: 6, behavior: 'smooth' }); e.scrollBy({ top: 1 }); e.scroll(); e.scrollIntoView();
    e.scrollIntoView({ block: 'center' }); e.scrollIntoView(false);
    window.scrollTo(0, 500); window.scrollBy({ top: 10 }); window.scroll({ left: 3 });
    [e.scrollTop, e.scrollLeft, window.scrollX, window.scrollY, window.pageXOffset, window.pageYOffset, scrolls]`),
  [0, 0, 0, 0, 0, 0, 0]);
  same(run(`const errors = [];
    for (const call of [() => window.scrollTo(1), () => window.scrollTo({ behavior: 'fast' }), () => document.body.scrollIntoView({ block: 'middle' }),
      () => document.elementFromPoint(1)]) {
      try { call(); errors.push('none'); } catch (error) { errors.push(error.constructor.name); }
    }
    errors`), ['TypeError', 'TypeError', 'TypeError', 'TypeError']);
  same(run(`let converted = 0; document.body.scrollTop = { valueOf() { converted++; return 3; } }; window.scrollY = 7; [converted, window.scrollY]`), [1, 7]);
});
test('elementFromPoint is null and elementsFromPoint empty', () => {
  const { run } = newPage(page);
  same(run('[document.elementFromPoint(0, 0), document.elementsFromPoint(10, 10).length]'), [null, 0]);
});

// ---- Geometry interfaces ----------------------------------------------------------------------------
test('DOMRect, DOMRectReadOnly, DOMPoint follow the Geometry Interfaces', () => {
  const { run } = newPage(page);
  same(run(`const r = new DOMRect(10, 20, -5, 8);
    const ro = DOMRectReadOnly.fromRect({ x: 1, width: 2 });
    const p = DOMPoint.fromPoint({ y: 3 });
    let illegal = ''; try { new DOMRectList(); } catch (error) { illegal = error.message; }
    r.width = -6;
    [r.left, r.right, r.top, r.bottom, ro.x, ro.right, ro instanceof DOMRect, Object.getOwnPropertyDescriptor(DOMRectReadOnly.prototype, 'x').set,
     JSON.stringify(p), new DOMPointReadOnly(1, 2).w, new DOMRect() instanceof DOMRectReadOnly, illegal, String(new DOMRect(NaN).left)]`),
  [4, 10, 20, 28, 1, 3, false, undefined, '{"x":0,"y":3,"z":0,"w":1}', 1, true, 'Illegal constructor', 'NaN']);
});

test("Caper's answers survive a page that overwrites the built-ins and globals they could use", () => {
  const { run } = newPage(page);
  same(run(`Array.prototype[Symbol.iterator] = function () { throw new Error('iterator'); };
    Array.prototype.push = () => { throw new Error('push'); };
    Math.min = Math.max = () => 42;
    globalThis.DOMRect = function () { throw new Error('DOMRect'); };
    Object.defineProperty(Object.prototype, 'top', { get() { throw new Error('top'); }, configurable: true });
    const element = document.getElementById('in-positioned');
    const rects = element.getClientRects();
    window.scrollTo(0, 10);
    [rects.length, rects[0].left, element.getBoundingClientRect().bottom, element.offsetParent.id, CSS.supports('display', 'grid'),
     document.getElementById('under-gone').getClientRects().length]`), [1, 0, 0, 'positioned', true, 0]);
});

// ---- CSS ------------------------------------------------------------------------------------------
test('CSS.escape serializes an identifier', () => {
  const { run } = newPage(page);
  same(run(`[CSS.escape('a b'), CSS.escape('1x'), CSS.escape('-2'), CSS.escape('-'), CSS.escape('\\0'), CSS.escape('é#.'), CSS.escape(5)]`),
    ['a\\ b', '\\31 x', '-\\32 ', '\\-', '\ufffd', 'é\\#\\.', '\\35 ']);
  same(run(`[Object.getPrototypeOf(CSS) === Object.prototype, String(CSS), typeof CSS.supports, CSS.supports.length, Object.keys(CSS).join()]`),
    [true, '[object CSS]', 'function', 1, 'escape,supports']);
});
test('CSS.supports answers as @supports does, both forms', () => {
  const { run } = newPage(page);
  same(run(`[CSS.supports('display', 'grid'), CSS.supports('display', 'nonsense'), CSS.supports('DISPLAY', 'flex'),
     CSS.supports('color', 'red'), CSS.supports('-moz-appearance', 'none'), CSS.supports('--custom', 'anything'),
     CSS.supports('display', 'block !important'), CSS.supports('display', 'block; color: red'), CSS.supports('display', '')]`),
  [true, false, true, true, false, true, false, false, false]);
  same(run(`[CSS.supports('display: grid'), CSS.supports('(display: grid) and (not (display: nope))'), CSS.supports('display: nope'),
     CSS.supports('selector(a > b)'), CSS.supports('(display: grid) {} a { color: red'), CSS.supports('not (display: flex)')]`),
  [true, true, false, true, false, false]);
});

// ---- navigator.sendBeacon ----------------------------------------------------------------------------
test('sendBeacon queues a POST through fetch and answers true; false over 64 KiB', async () => {
  const { run, fetches } = newPage(page);
  same(run(`[navigator.sendBeacon('/collect?a=1', 'hello'), navigator.sendBeacon('https://other.test/x'),
     navigator.sendBeacon('/big', new Uint8Array(64 * 1024 + 1)), navigator.sendBeacon('/json', new Blob(['{}'], { type: 'application/json' }))]`),
  [true, true, false, true]);
  await new Promise((resolve) => setImmediate(resolve));
  const type = (headers) => { const at = headers.findIndex((name) => name.toLowerCase() === 'content-type'); return at < 0 ? null : headers[at + 1]; };
  same(fetches.map(([url, method, headers, body, , mode, credentials]) => [method, url, credentials, mode, type(headers), body === null ? null : Buffer.from(body).toString()]), [
    ['POST', 'https://example.com/collect?a=1', 'include', 'no-cors', 'text/plain;charset=UTF-8', 'hello'],
    ['POST', 'https://other.test/x', 'include', 'no-cors', null, ''],
    ['POST', 'https://example.com/json', 'include', 'cors', 'application/json', '{}'],
  ]);
  same(run(`const errors = [];
    for (const url of ['ftp://example.com/', 'http://[bad']) { try { navigator.sendBeacon(url); } catch (error) { errors.push(error.constructor.name); } }
    errors`), ['TypeError', 'TypeError']);
});
test('sendBeacon ignores a page that overwrote fetch and prototypes', async () => {
  const { run, fetches } = newPage(page);
  run(`window.fetch = () => { throw new Error('page fetch'); };
    Object.defineProperty(Object.prototype, 'mode', { get() { return 'same-origin'; }, configurable: true });
    Object.defineProperty(Object.prototype, 'body', { get() { return 'from the prototype'; }, configurable: true });`);
  equal(run("navigator.sendBeacon('/after', 'x')"), true);
  await new Promise((resolve) => setImmediate(resolve));
  equal(fetches.length, 1);
  equal(fetches[0][5], 'no-cors');
  equal(Buffer.from(fetches[0][3]).toString(), 'x');
});

// ---- BroadcastChannel ---------------------------------------------------------------------------------
test('BroadcastChannel delivers clones to the other channels of its name, as tasks, in creation order', () => {
  const { run, runTasks, tasks } = newPage(page);
  run(`globalThis.log = [];
    globalThis.a = new BroadcastChannel('news');
    globalThis.b = new BroadcastChannel('news');
    globalThis.c = new BroadcastChannel('news');
    globalThis.other = new BroadcastChannel('sport');
    globalThis.payload = { n: 1, list: [1, 2] };
    b.onmessage = (event) => log.push(['b', event.data.n, event.data === payload, event.origin, event instanceof MessageEvent]);
    c.addEventListener('message', (event) => { event.data.n = 99; log.push(['c', event.data.n]); });
    other.onmessage = () => log.push(['other']);
    a.onmessage = () => log.push(['a (the sender)']);
    a.postMessage(payload);`);
  equal(tasks.length, 2, 'one task per destination:');
  same(run('log'), [], 'nothing before the tasks run:');
  runTasks();
  same(run('log'), [['b', 1, false, 'https://example.com', true], ['c', 99]]);
  equal(run('payload.n'), 1);
});
test('A closed BroadcastChannel neither sends nor receives', () => {
  const { run, runTasks } = newPage(page);
  same(run(`globalThis.log = [];
    const a = new BroadcastChannel('x'), b = new BroadcastChannel('x');
    b.onmessage = (event) => log.push(event.data);
    a.postMessage('queued before close');
    b.close();
    a.close();
    const errors = [];
    try { a.postMessage('after'); } catch (error) { errors.push(error.name); }
    try { a.postMessage(() => {}); } catch (error) { errors.push(error.name); }
    [a.name, errors]`), ['x', ['InvalidStateError', 'InvalidStateError']]);
  runTasks();
  same(run('log'), []);
});

run();
