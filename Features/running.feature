Feature: Running features
  Caper runs Gherkin features against JavaScript step definitions, the way cucumber-js does,
  and says how the run went through its exit status and its reports.

  Background:
    Given a file named "Features/cukes.feature" with:
      """
      Feature: Cukes
        Scenario: eating
          Given I have 42 cukes in my belly
          When I eat 2
          Then I have 40 left
      """

  Scenario: a passing run exits 0 and prints its progress
    Given a file named "Support/steps/cukes.js" with:
      """
      const { Given, When, Then } = require('caper');
      const assert = require('assert');
      Given('I have {int} cukes in my belly', function (n) { this.cukes = n; });
      When('I eat {int}', async function (n) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        this.cukes -= n;
      });
      Then('I have {int} left', function (n) { assert.strictEqual(this.cukes, n); });
      """
    When I run caper
    Then it exits with 0
    And the output contains:
      """
      ...

      1 scenario (1 passed)
      3 steps (3 passed)
      """

  Scenario: a failing assertion exits 1 and names the step's file and line
    Given a file named "Support/steps/cukes.js" with:
      """
      const { Given, When, Then } = require('caper');
      const assert = require('assert');
      Given('I have {int} cukes in my belly', function (n) { this.cukes = n; });
      When('I eat {int}', function (n) { this.cukes -= n; });
      Then('I have {int} left', function (n) {
        assert.strictEqual(this.cukes, n + 1);
      });
      """
    When I run caper
    Then it exits with 1
    And the output contains:
      """
      ✖ Step: I have 40 left # Support/steps/cukes.js:5
      """
    And the output contains:
      """
      AssertionError: Expected values to be strictly equal:
      """
    And the output contains:
      """
      40 !== 41
      """
    And the output contains:
      """
      Support/steps/cukes.js:6:10)
      """

  Scenario: an undefined step gets a snippet
    Given a file named "Support/steps/cukes.js" with:
      """
      const { Given } = require('caper');
      Given('I have {int} cukes in my belly', function () {});
      """
    When I run caper
    Then it exits with 1
    And the output contains:
      """
      When('I eat {int}', function (int) {
      """

  Scenario: a syntax error in support code exits 2 before any scenario
    Given a file named "Support/steps/cukes.js" with:
      """
      const { Given } = require('caper');
      Given('I have {int} cukes in my belly', function () {
      """
    When I run caper
    Then it exits with 2
    And the error output contains:
      """
      Support/steps/cukes.js:2:
      """
    And the error output contains:
      """
      SyntaxError: Unexpected end of input
      """

  Scenario: a module Caper does not have names itself and where it was required
    Given a file named "Support/steps/cukes.js" with:
      """
      const { Given } = require('caper');
      const http2 = require('http2');
      """
    When I run caper
    Then it exits with 2
    And the error output contains:
      """
      Caper has no built-in module 'http2' and none is installed (required at
      """

  Scenario: a missing feature path exits 2 and names it
    Given a file named "Support/steps/cukes.js" with:
      """
      require('caper');
      """
    When I run caper with "Features/nope.feature"
    Then it exits with 2
    And the error output contains:
      """
      Features/nope.feature: no such file or folder
      """

  Scenario: the message formatter writes Cucumber Messages
    Given a file named "Support/steps/cukes.js" with:
      """
      const { Given, When, Then } = require('caper');
      Given('I have {int} cukes in my belly', function () {});
      When('I eat {int}', function () {});
      Then('I have {int} left', function () {});
      """
    When I run caper with "--format message:out/messages.ndjson"
    Then it exits with 0
    And the file "out/messages.ndjson" holds 1 "testCase" message
    And the file "out/messages.ndjson" holds 3 "testStepFinished" messages
    And the run in "out/messages.ndjson" passed
