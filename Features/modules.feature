Feature: Support code modules
  Support code is CommonJS or ES modules, with the Node built-ins step definitions use.

  Background:
    Given a file named "Features/count.feature" with:
      """
      Feature: Count
        Scenario: counting
          Given the counter is bumped 3 times
          Then the counter says 3
      """

  Scenario: ES modules with imports, top-level await, dynamic import and CommonJS interop
    Given a file named "Support/steps/steps.mjs" with:
      """
      import { Given, Then } from 'caper';
      import assert from 'node:assert/strict';
      import { bump, count } from './counter.mjs';
      import helper from './helper.cjs';
      const settings = await Promise.resolve({ step: 1 });
      Given('the counter is bumped {int} times', async function (n) {
        const { times } = await import('./times.mjs');
        times(n, () => bump(settings.step));
        assert.equal(helper.name, 'helper');
      });
      Then('the counter says {int}', function (n) {
        assert.equal(count, n);
        assert.ok(import.meta.url.endsWith('/Support/steps/steps.mjs'));
      });
      """
    And a file named "Support/steps/counter.mjs" with:
      """
      export let count = 0;
      export function bump(by) { count += by; }
      """
    And a file named "Support/steps/times.mjs" with:
      """
      export const times = (n, f) => { for (let i = 0; i < n; i++) f(); };
      """
    And a file named "Support/steps/helper.cjs" with:
      """
      module.exports = { name: 'helper' };
      """
    When I run caper
    Then it exits with 0
    And the output contains:
      """
      1 scenario (1 passed)
      """

  Scenario: a syntax error in an ES module names the file and line
    Given a file named "Support/steps/steps.mjs" with:
      """
      import { Given } from 'caper';
      export const = 1;
      """
    When I run caper
    Then it exits with 2
    And the error output contains:
      """
      Support/steps/steps.mjs:2:
      """

  Scenario: Node built-ins
    Given a file named "Support/steps/steps.js" with:
      """
      const { Given, Then } = require('caper');
      const assert = require('assert');
      const path = require('node:path');
      const util = require('util');
      const EventEmitter = require('events');
      const fs = require('fs');
      const { URL } = require('url');
      let total = 0;
      Given('the counter is bumped {int} times', async function (n) {
        const emitter = new EventEmitter();
        emitter.on('bump', () => { total += 1; });
        for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(() => { emitter.emit('bump'); resolve(); }, 1));
      });
      Then('the counter says {int}', function (n) {
        assert.strictEqual(total, n);
        assert.strictEqual(path.join('/a', 'b', '../c.txt'), '/a/c.txt');
        assert.strictEqual(util.format('%s=%d %j', 'x', 42, { a: 1 }), 'x=42 {"a":1}');
        assert.deepStrictEqual(Buffer.from('héllo').toString('base64'), 'aMOpbGxv');
        assert.ok(fs.readFileSync('Features/count.feature', 'utf8').startsWith('Feature: Count'));
        assert.ok(fs.existsSync('Support/steps/steps.js'));
        assert.strictEqual(new URL('https://example.com/a/b?c=1').searchParams.get('c'), '1');
        assert.strictEqual(typeof process.env.PATH, 'string');
        assert.throws(() => assert.deepStrictEqual({ a: [1] }, { a: [2] }), /strictly deep-equal/);
      });
      """
    When I run caper
    Then it exits with 0
