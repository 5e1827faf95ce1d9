// Tests of XHR's FormData (Sources/Browser/JavaScript/apis/form-data.js) and of FormData bodies
// in fetch.js (multipart/form-data encoding, `formData()` of multipart and urlencoded bodies),
// loaded as a page realm loads them, with a fake `host` whose `start` records the request.
// Run: node form-data-tests.js — prints each failure, then the passed and failed counts; the exit
// code is non-zero when any test failed.
'use strict';
process.env.DOM_FILES = 'safe-array-iterator,dom-exception,events,nodes,collections,tree-operations,serialization,css-style-declaration,elements,traversal,window,url';
const fs = require('fs');
const path = require('path');
const { loadRuntime, testHost, testCases } = require('./dom-harness.js');

const { test, equal, run } = testCases();
function throwsType(body, message) {
  try { body(); } catch (error) {
    if (error instanceof TypeError && (message === undefined || error.message === message)) return;
    throw new Error(`expected TypeError ${JSON.stringify(message)}, got ${error && error.name}: ${error && error.message}`);
  }
  throw new Error('expected a TypeError, nothing was thrown');
}

/** What `host.start` was given, newest last. */
const started = [];
const host = {
  ...testHost(),
  encode: (text) => new Uint8Array(Buffer.from(text, 'utf8')),
  decode: (bytes) => Buffer.from(bytes).toString('utf8'),
  start(request, callback) {
    started.push(request);
    return started.length;
  },
  abort() {},
};
const runtime = loadRuntime(host, { selectors: false });
const sources = path.resolve(__dirname, '../../../Sources/Browser/JavaScript');
const install = (name, file) => {
  runtime[name] = (0, eval)(fs.readFileSync(path.join(sources, file), 'utf8'))(Object.freeze({ ...host }), runtime) || {};
};
// What blob.js reads of the settings, crypto and clock scripts, fixed for the tests.
runtime.clock = { epochNow: () => 1234 };
runtime.settings = { origin: () => 'https://example.com' };
runtime.crypto = { uuidV4: () => '00000000-0000-4000-8000-000000000000' };
install('encoding', 'apis/encoding.js');
install('blob', 'apis/blob.js');
install('form-data', 'apis/form-data.js');
install('fetch', 'fetch/fetch.js');
const { FormData } = runtime['form-data'].interfaces;
const { Blob, File } = runtime.blob.interfaces;
const { Request, Response } = runtime.fetch.interfaces;
const { nodes } = runtime;

test('append, get, getAll, has, delete keep the entry list in order', () => {
  const fd = new FormData();
  fd.append('a', '1');
  fd.append('b', 2);
  fd.append('a', '3');
  equal(fd.get('a'), '1');
  equal(fd.get('b'), '2');
  equal(fd.get('missing'), null);
  equal(fd.getAll('a').join(','), '1,3');
  equal(fd.getAll('missing').length, 0);
  equal(fd.has('b'), true);
  fd.delete('a');
  equal(fd.has('a'), false);
  equal([...fd.keys()].join(','), 'b');
});

test('set replaces the first entry of a name and removes the others', () => {
  const fd = new FormData();
  for (const [name, value] of [['a', '1'], ['b', '2'], ['a', '3'], ['c', '4'], ['a', '5']]) fd.append(name, value);
  fd.set('a', 'x');
  equal(JSON.stringify([...fd]), '[["a","x"],["b","2"],["c","4"]]');
  fd.set('d', 'y');
  equal(JSON.stringify([...fd.entries()]), '[["a","x"],["b","2"],["c","4"],["d","y"]]');
});

test('names and string values are USVStrings', () => {
  const fd = new FormData();
  fd.append('\uD800n', 'v\uDC00');
  equal(fd.get('\uFFFDn'), 'v\uFFFD');
  equal(fd.has('\uD800n'), true);
  throwsType(() => fd.append(Symbol('s'), 'v'));
});

test('a Blob becomes a File named "blob", or the filename given; a File is renamed by a filename', () => {
  const fd = new FormData();
  const blob = new Blob(['abc'], { type: 'text/plain' });
  const file = new File(['xyz'], 'original.txt', { type: 'text/x', lastModified: 99 });
  fd.append('blob', blob);
  fd.append('named', blob, 'chosen.bin');
  fd.append('file', file);
  fd.set('renamed', file, 'other.txt');
  const [b, n, f, r] = fd.getAll('blob').concat(fd.getAll('named'), fd.getAll('file'), fd.getAll('renamed'));
  equal(b instanceof File, true);
  equal(b.name, 'blob');
  equal(b.type, 'text/plain');
  equal(b.size, 3);
  equal(b.lastModified, 1234);
  equal(n.name, 'chosen.bin');
  equal(f, file, 'a File without a filename is kept');
  equal(r === file, false);
  equal(r.name, 'other.txt');
  equal(r.lastModified, 99);
  equal(r.type, 'text/x');
  throwsType(() => fd.append('x', 'text', 'name.txt'), "Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'.");
});

test('argument counts, brand checks and the constructor', () => {
  const fd = new FormData(undefined);
  throwsType(() => fd.append('a'), "Failed to execute 'append' on 'FormData': 2 arguments required, but only 1 present.");
  throwsType(() => fd.get(), "Failed to execute 'get' on 'FormData': 1 argument required, but only 0 present.");
  throwsType(() => FormData.prototype.get.call({}, 'a'), "Failed to execute 'get' on 'FormData': Illegal invocation");
  throwsType(() => new FormData({}), "Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
  const document = nodes.createDocument({ type: 'html', url: 'https://example.com/' });
  const form = document.createElement('form');
  // Without the forms scripts (forms/form-data-set.js, tested in forms-tests.js) a form is refused.
  throwsType(() => new FormData(form), "Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
  class Sub extends FormData {}
  const sub = new Sub();
  sub.append('k', 'v');
  equal(sub.get('k'), 'v');
});

test('iterators are live, tagged, and forEach passes value, name, object', () => {
  const fd = new FormData();
  fd.append('a', '1');
  const iterator = fd[Symbol.iterator]();
  equal(Object.prototype.toString.call(fd), '[object FormData]');
  equal(Object.prototype.toString.call(iterator), '[object FormData Iterator]');
  equal(FormData.prototype[Symbol.iterator], FormData.prototype.entries);
  equal(iterator.next().value.join('='), 'a=1');
  fd.append('b', '2');
  equal(iterator.next().value.join('='), 'b=2');
  equal(iterator.next().done, true);
  const seen = [];
  const self = {};
  fd.forEach(function (value, name, object) { seen.push(`${name}=${value}`, object === fd, this === self); }, self);
  equal(seen.join(','), 'a=1,true,true,b=2,true,true');
  equal([...fd.values()].join(','), '1,2');
  equal(Object.keys(FormData.prototype).includes('append'), true, 'methods are enumerable');
});

test('Caper does not go through what a page can overwrite', () => {
  const fd = new FormData();
  fd.append('a', '1');
  const saved = [Array.prototype[Symbol.iterator], FormData.prototype.entries, Array.prototype.push];
  Array.prototype[Symbol.iterator] = function () { throw new Error('page iterator'); };
  FormData.prototype.entries = () => { throw new Error('page entries'); };
  Array.prototype.push = () => { throw new Error('page push'); };
  try {
    fd.append('b', '2');
    const body = new Response(fd).headers.get('content-type');
    equal(body.startsWith('multipart/form-data; boundary='), true);
    equal(fd.getAll('b')[0], '2');
  } finally {
    Array.prototype[Symbol.iterator] = saved[0];
    FormData.prototype.entries = saved[1];
    Array.prototype.push = saved[2];
  }
});

/** The text of a request's body bytes (latin-1, so file bytes keep their values). */
const latin1 = (bytes) => Buffer.from(bytes).toString('latin1');

test('fetch sends multipart/form-data with the files\' bytes, names and types', () => {
  const fd = new FormData();
  fd.append('text', 'line1\nline2\r\n"q"');
  fd.append('na"me\n', 'v');
  fd.append('file', new File([new Uint8Array([0, 255, 13, 10])], 'bytes.bin', { type: 'application/x-custom' }));
  fd.append('untyped', new Blob(['x']));
  runtime.fetch.install(globalThis, null);
  globalThis.fetch('https://example.com/upload', { method: 'POST', body: fd });
  const [url, method, headers, bytes] = started[started.length - 1];
  equal(url, 'https://example.com/upload');
  equal(method, 'POST');
  const type = headers[headers.findIndex((name) => name.toLowerCase() === 'content-type') + 1];
  const match = /^multipart\/form-data; boundary=(----WebKitFormBoundary[A-Za-z0-9]{16})$/.exec(type);
  equal(match !== null, true, `content type ${type}`);
  const b = match[1];
  equal(latin1(bytes), [
    `--${b}\r\nContent-Disposition: form-data; name="text"\r\n\r\nline1\r\nline2\r\n"q"\r\n`,
    `--${b}\r\nContent-Disposition: form-data; name="na%22me%0D%0A"\r\n\r\nv\r\n`,
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="bytes.bin"\r\nContent-Type: application/x-custom\r\n\r\n\x00\xff\r\n\r\n`,
    `--${b}\r\nContent-Disposition: form-data; name="untyped"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n`,
    `--${b}--\r\n`,
  ].join(''));
});

/** Settles `promise` (the body's tasks are microtasks) and gives [value, error]. */
const settle = async (promise) => { try { return [await promise, null]; } catch (error) { return [null, error]; } };

test('new Response(formData).formData() round-trips strings and files', async () => {
  const fd = new FormData();
  fd.append('é name', 'välue\r\nnext');
  fd.append('quote"d', 'x');
  fd.append('file', new File([new Uint8Array([1, 2, 3, 13, 10, 45, 45])], 'a "b".bin', { type: 'Image/PNG' }));
  fd.append('empty', '');
  const [parsed, error] = await settle(new Response(fd).formData());
  equal(error, null);
  equal(parsed instanceof FormData, true);
  equal(JSON.stringify([...parsed.keys()]), JSON.stringify(['é name', 'quote"d', 'file', 'empty']));
  equal(parsed.get('é name'), 'välue\r\nnext');
  equal(parsed.get('empty'), '');
  const file = parsed.get('file');
  equal(file instanceof File, true);
  equal(file.name, 'a "b".bin');
  equal(file.type, 'image/png');
  equal([...new Uint8Array(await file.arrayBuffer())].join(','), '1,2,3,13,10,45,45');
});

test('Request.formData() reads multipart and urlencoded bodies; other types reject', async () => {
  const fd = new FormData();
  fd.append('k', 'v');
  const [fromRequest] = await settle(new Request('https://example.com/', { method: 'POST', body: fd }).formData());
  equal(fromRequest.get('k'), 'v');
  const [urlencoded] = await settle(new Response('a=1&b=%C3%A9&a=2', { headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' } }).formData());
  equal(JSON.stringify([...urlencoded]), '[["a","1"],["b","é"],["a","2"]]');
  const quoted = '--X Y\r\nContent-Disposition: form-data; name="f"; filename="t.txt"\r\n\r\nhi\r\n--X Y--\r\n';
  const [parsed] = await settle(new Response(quoted, { headers: { 'Content-Type': 'Multipart/Form-Data; charset=utf-8; boundary="X Y"' } }).formData());
  equal(parsed.get('f').type, 'text/plain', 'a file part without Content-Type');
  equal(await parsed.get('f').text(), 'hi');
  for (const [body, type] of [['x', 'text/plain'], ['--a\r\nbroken', 'multipart/form-data; boundary=a'], ['x', 'multipart/form-data']]) {
    const [, error] = await settle(new Response(body, { headers: { 'Content-Type': type } }).formData());
    equal(error instanceof TypeError, true, `${type}: ${JSON.stringify(body)}`);
    equal(error.message, "Failed to execute 'formData' on 'Response': Failed to fetch");
  }
});

run();
