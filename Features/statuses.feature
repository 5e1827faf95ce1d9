Feature: Statuses, strictness and the World
  Steps pass, fail, are pending, skipped, undefined or ambiguous, with cucumber-js's rules, and
  the run's exit status follows them.

  Background:
    Given a file named "Features/shop.feature" with:
      """
      Feature: Shop
        Scenario: buying
          Given these prices:
            | item  | price |
            | apple | 2     |
            | pear  | 3     |
          When I buy an apple
          Then the receipt says 2
      """

  Scenario: data tables as hashes and the world's parameters
    Given a file named "Support/steps/shop.js" with:
      """
      const { Given, When, Then } = require('caper');
      const assert = require('assert');
      Given('these prices:', function (table) {
        this.prices = Object.fromEntries(table.hashes().map((row) => [row.item, Number(row.price)]));
        assert.deepStrictEqual(table.rows(), [['apple', '2'], ['pear', '3']]);
      });
      When('I buy an {word}', function (item) { this.total = this.prices[item] * this.parameters.quantity; });
      Then('the receipt says {int}', function (total) { assert.strictEqual(this.total, total); });
      """
    When I run caper with the options:
      """
      --world-parameters
      {"quantity": 1}
      """
    Then it exits with 0

  Scenario: a pending step fails the run unless --no-strict
    Given a file named "Support/steps/shop.js" with:
      """
      const { Given, When, Then } = require('caper');
      Given('these prices:', function () { return 'pending'; });
      When('I buy an {word}', function () {});
      Then('the receipt says {int}', function () {});
      """
    When I run caper
    Then it exits with 1
    When I run caper with "--no-strict"
    Then it exits with 0
    And the output contains:
      """
      1 scenario (1 pending)
      3 steps (1 pending, 2 skipped)
      """

  Scenario: an ambiguous step lists every matching definition
    Given a file named "Support/steps/shop.js" with:
      """
      const { Given, When, Then } = require('caper');
      Given('these prices:', function () {});
      When('I buy an {word}', function () {});
      When(/^I buy an (.*)$/, function () {});
      Then('the receipt says {int}', function () {});
      """
    When I run caper
    Then it exits with 1
    And the output contains:
      """
      Multiple step definitions match:
               I buy an {word} - Support/steps/shop.js:3
               ^I buy an (.*)$ - Support/steps/shop.js:4
      """

  Scenario: an exception while loading support code exits 2
    Given a file named "Support/steps/shop.js" with:
      """
      const { Given } = require('caper');
      throw new Error('the database is not configured');
      """
    When I run caper
    Then it exits with 2
    And the error output contains:
      """
      Support/steps/shop.js:2:1: Error: the database is not configured
      """

  Scenario: packages from node_modules
    Given a file named "node_modules/pricing/package.json" with:
      """
      { "name": "pricing", "exports": { ".": { "require": "./lib/index.js" } } }
      """
    And a file named "node_modules/pricing/lib/index.js" with:
      """
      exports.total = (prices, item) => prices[item];
      """
    And a file named "Support/steps/shop.js" with:
      """
      const { Given, When, Then } = require('caper');
      const assert = require('assert');
      const { total } = require('pricing');
      Given('these prices:', function (table) { this.prices = table.rowsHash(); });
      When('I buy an {word}', function (item) { this.total = Number(total(this.prices, item)); });
      Then('the receipt says {int}', function (n) {
        assert.strictEqual(this.total, n);
        assert.strictEqual(require.resolve('pricing'), process.cwd() + '/node_modules/pricing/lib/index.js');
      });
      """
    When I run caper
    Then it exits with 0
