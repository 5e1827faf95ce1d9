Feature: cucumber-js projects
  A cucumber-js project (a features/ folder, step definitions requiring @cucumber/cucumber)
  runs unchanged.

  Scenario: a cucumber-js project with step_definitions
    Given a file named "features/belly.feature" with:
      """
      Feature: Belly
        Scenario Outline: eating <eat>
          Given there are <start> cucumbers
          When I eat <eat> cucumbers
          Then I should have <left> cucumbers

          Examples:
            | start | eat | left |
            | 12    | 5   | 7    |
            | 20    | 5   | 15   |
      """
    And a file named "features/step_definitions/steps.js" with:
      """
      const { Given, When, Then, Before, setDefaultTimeout } = require('@cucumber/cucumber');
      const assert = require('node:assert/strict');
      const { count } = require('../support/counter');
      setDefaultTimeout(2000);
      Before(function ({ pickle }) { this.name = pickle.name; });
      Given('there are {int} cucumbers', function (n) { this.cucumbers = count(n); });
      When('I eat {int} cucumbers', function (n) { this.cucumbers -= n; });
      Then('I should have {int} cucumbers', function (n) {
        assert.equal(this.cucumbers, n);
        assert.match(this.name, /^eating \d+$/);
      });
      """
    And a file named "features/support/counter.js" with:
      """
      module.exports = { count: (n) => Number(n) };
      """
    When I run caper
    Then it exits with 0
    And the output contains:
      """
      2 scenarios (2 passed)
      6 steps (6 passed)
      """

  Scenario: a step that never ends is stopped at its timeout and the next scenario runs
    Given a file named "features/loop.feature" with:
      """
      Feature: Loop
        Scenario: forever
          Given a step that never ends
        Scenario: after
          Given a step that ends
      """
    And a file named "features/steps.js" with:
      """
      const { Given } = require('@cucumber/cucumber');
      Given('a step that never ends', { timeout: 200 }, function () { while (true) {} });
      Given('a step that ends', function () {});
      """
    When I run caper
    Then it exits with 1
    And the output contains:
      """
      function timed out, ensure the promise resolves within 200 milliseconds
      """
    And the output contains:
      """
      2 scenarios (1 failed, 1 passed)
      """
