import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// The Node built-ins real support code needs, through the binary: `global`, `performance`,
/// `structuredClone`, `crypto` (over swift-crypto), asynchronous `child_process`, the writing
/// `fs` functions and streams; and real packages that need them (Debian's uuid 8.3, a stand-in
/// with chai 4's shape).
@Suite struct NodeBuiltInsTests {

  static let steps = """
    const { Given } = require('@cucumber/cucumber');
    const assert = require('assert');
    Given('the globals', () => {
      assert.strictEqual(global, globalThis);
      assert.ok(performance.now() > 0 && performance.timeOrigin > 0);
      const a = { d: new Date(5), m: new Map([[1, { x: 1 }]]), s: new Set([1]), bytes: new Uint8Array([1, 2]) };
      a.self = a;
      const c = structuredClone(a);
      assert.ok(c !== a && c.self === c && c.d.getTime() === 5 && c.m.get(1).x === 1 && c.s.has(1) && c.bytes[1] === 2);
      assert.throws(() => structuredClone({ f() {} }), { name: 'DataCloneError' });
      // node:assert/strict compares strictly; plain assert's equal stays loose.
      const strict = require('assert/strict');
      assert.strictEqual(require('node:assert').strict, strict);
      assert.throws(() => strict.equal(1, '1'), { message: /strictly equal/ });
      assert.throws(() => strict.deepEqual({ a: 1 }, { a: '1' }), { code: 'ERR_ASSERTION' });
      strict.notEqual(1, '1');
      assert.equal(1, '1');
      assert.throws(() => assert.notDeepEqual({ a: 1 }, { a: 1 }), { operator: 'notDeepEqual' });
      assert.throws(() => assert.ifError(new Error('given')), { message: 'given' });
      assert.ifError(null);
    });
    Given('crypto', () => {
      const crypto = require('node:crypto');
      assert.strictEqual(crypto.createHash('sha256').update('abc').digest('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      assert.strictEqual(crypto.createHash('sha512').update('').digest('hex').slice(0, 16), 'cf83e1357eefb8bd');
      assert.strictEqual(crypto.createHash('md5').update('a').update('bc').digest('base64'), 'kAFQmDzST7DWlj99KOF/cg==');
      assert.strictEqual(crypto.createHash('sha1').update(Buffer.from('abc')).digest().length, 20);
      assert.strictEqual(
        crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'),
        'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
      assert.match(crypto.randomUUID(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.notStrictEqual(crypto.randomBytes(16).toString('hex'), crypto.randomBytes(16).toString('hex'));
      assert.ok(crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')));
      const view = crypto.webcrypto.getRandomValues(new Uint32Array(4));
      assert.strictEqual(view.length, 4);
      assert.strictEqual(typeof globalThis.crypto.randomUUID(), 'string');
    });
    Given('exec runs two programs at once while a timer ticks', async () => {
      const { exec, execFile, execSync, spawn } = require('child_process');
      const util = require('util');
      const start = Date.now();
      let ticks = 0;
      const timer = setInterval(() => ticks++, 100);
      const run = util.promisify(exec);
      const [a, b] = await Promise.all([run('sleep 1; echo one'), run('sleep 1; echo two')]);
      clearInterval(timer);
      assert.strictEqual(a.stdout, 'one\\n');
      assert.strictEqual(b.stdout, 'two\\n');
      assert.ok(Date.now() - start < 1800, `took ${Date.now() - start} ms`);
      assert.ok(ticks >= 5, `the timer ticked ${ticks} times`);
      await assert.rejects(run('echo out; echo err 1>&2; exit 3'), (e) => e.code === 3 && e.stderr === 'err\\n' && e.stdout === 'out\\n');
      const files = await new Promise((resolve, reject) => execFile('ls', ['/'], (e, out) => (e ? reject(e) : resolve(out))));
      assert.ok(files.split('\\n').includes('tmp'));
      assert.strictEqual(execSync('printf "%s" "$NAME"', { env: { NAME: 'caper', PATH: process.env.PATH }, encoding: 'utf8' }), 'caper');
      assert.strictEqual(execSync('cat', { input: 'piped', encoding: 'utf8' }), 'piped');
      const child = spawn('sh', ['-c', 'echo spawned']);
      let seen = '';
      child.stdout.on('data', (chunk) => { seen += chunk; });
      const code = await new Promise((resolve) => child.on('close', resolve));
      assert.strictEqual(code, 0);
      assert.strictEqual(seen, 'spawned\\n');
      const sleeper = spawn('sleep', ['30']);
      const ended = new Promise((resolve) => sleeper.on('close', (status, signal) => resolve([status, signal])));
      setTimeout(() => assert.strictEqual(sleeper.kill(), true), 50);
      assert.deepStrictEqual(await ended, [null, 'SIGTERM']);
      assert.strictEqual(sleeper.killed, true);
      assert.strictEqual(sleeper.kill(), false);
      const missing = spawn('no-such-program-here');
      await new Promise((resolve) => missing.on('error', (e) => { assert.strictEqual(e.code, 'ENOENT'); resolve(); }));
    });
    Given('fs writes', async () => {
      const fs = require('fs'), path = require('path'), os = require('os');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caper-'));
      const f = path.join(dir, 'a.txt');
      fs.writeFileSync(f, 'one');
      fs.appendFileSync(f, ' two');
      fs.copyFileSync(f, f + '.copy');
      fs.renameSync(f + '.copy', f + '.moved');
      assert.strictEqual(fs.readFileSync(f + '.moved', 'utf8'), 'one two');
      fs.unlinkSync(f + '.moved');
      assert.ok(!fs.existsSync(f + '.moved'));
      fs.mkdirSync(path.join(dir, 'a/b'), { recursive: true });
      assert.ok(fs.statSync(path.join(dir, 'a/b')).isDirectory());
      await fs.promises.writeFile(f, 'p');
      await fs.promises.appendFile(f, 'q');
      assert.strictEqual(await fs.promises.readFile(f, 'utf8'), 'pq');
      await new Promise((resolve, reject) => fs.writeFile(f, 'cb', (e) => (e ? reject(e) : resolve())));
      assert.strictEqual(fs.readFileSync(f, 'utf8'), 'cb');
      await new Promise((resolve) => { const w = fs.createWriteStream(path.join(dir, 'w.txt')); w.write('x'); w.end('y', resolve); });
      assert.strictEqual(fs.readFileSync(path.join(dir, 'w.txt'), 'utf8'), 'xy');
      assert.throws(() => fs.readFileSync(path.join(dir, 'none')), { code: 'ENOENT' });
      fs.rmSync(dir, { recursive: true, force: true });
      assert.ok(!fs.existsSync(dir));
    });
    Given('streams pipe', async () => {
      const { Readable, PassThrough, Writable, pipeline } = require('stream');
      const seen = [];
      const sink = new Writable({ write(chunk, encoding, done) { seen.push(String(chunk)); done(); } });
      await new Promise((resolve, reject) => pipeline(Readable.from(['a', 'b']), new PassThrough(), sink, (e) => (e ? reject(e) : resolve())));
      assert.deepStrictEqual(seen, ['a', 'b']);
    });
    Given('the uuid package works', () => {
      const { v4, v5, validate, version } = require('uuid');
      const id = v4();
      assert.ok(validate(id) && version(id) === 4);
      // The value node 18 gives for the same call.
      assert.strictEqual(v5('hello', v5.URL), '074171de-bc84-5ea4-b636-1135477620e1');
    });
    Given('a chai-like package loads', () => {
      const { expect } = require('chai');
      expect(2 + 2).to.equal(4);
    });
    """

  @Test func supportCodeGetsTheBuiltInsItNeeds() throws {
    let project = try TemporaryDirectory()
    _ = try project.write(
      "features/built-ins.feature",
      """
      Feature: built-ins
        Scenario: all
          Given the globals
          And crypto
          And exec runs two programs at once while a timer ticks
          And fs writes
          And streams pipe
          And the uuid package works
          And a chai-like package loads
      """)
    _ = try project.write("features/steps.js", Self.steps)
    // uuid 8.3 from Debian's node-uuid (Support/scripts/fetch-bundles, run by the test command).
    let uuid = Repository.bundles.appendingPathComponent("node_modules/uuid")
    #expect(FileManager.default.fileExists(atPath: uuid.path), "run Support/scripts/fetch-bundles first")
    try FileManager.default.createDirectory(
      at: project.url.appendingPathComponent("node_modules"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: uuid, to: project.url.appendingPathComponent("node_modules/uuid"))
    // chai 4's shape: a package whose main requires its lib, which reaches `global`.
    _ = try project.write("node_modules/chai/package.json", #"{ "name": "chai", "version": "4.3.7", "main": "./index" }"#)
    _ = try project.write("node_modules/chai/index.js", "module.exports = require('./lib/chai');\n")
    _ = try project.write(
      "node_modules/chai/lib/chai.js",
      """
      var used = [];
      exports.version = '4.3.7';
      exports.use = function (fn) { if (!~used.indexOf(fn)) { fn(exports, {}); used.push(fn); } return exports; };
      global.chaiExports = exports;
      exports.expect = function (actual) {
        return { to: { equal: function (expected) { if (actual !== expected) throw new Error('expected ' + actual + ' to equal ' + expected); } } };
      };
      """)
    let result = try CaperBinary.run(["run", "--no-cache", "--format", "summary"], directory: project.url)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("7 steps (7 passed)"), "\(result.stdout)")
  }
}
