Feature: Formatters
  Every formatter reads the run's messages only; several can write at once, each to its file.

  Background:
    Given a file named "Features/cart.feature" with:
      """
      Feature: Cart
        @smoke
        Scenario: adding
          Given the cart has 2 items
          Then the cart shows 2 items
        Scenario: broken
          Given the cart has 1 items
          Then the cart shows 3 items
        Scenario: unwritten
          Given a step nobody wrote
      """
    And a file named "Support/steps/cart.js" with:
      """
      const { Given, Then } = require('caper');
      const assert = require('assert');
      Given('the cart has {int} items', function (n) { this.items = this.items ?? n; this.log(`cart: ${n}`); });
      Then('the cart shows {int} items', function (n) { assert.strictEqual(this.items, n); });
      """

  Scenario: pretty shows each scenario's steps with their statuses
    When I run caper with "--format pretty"
    Then it exits with 1
    And the output contains:
      """
      Feature: Cart

        @smoke
        Scenario: adding # Features/cart.feature:3
          ✔ Given the cart has 2 items # Support/steps/cart.js:3
            cart: 2
          ✔ Then the cart shows 2 items # Support/steps/cart.js:4
      """
    And the output contains:
      """
          ✖ Then the cart shows 3 items # Support/steps/cart.js:4
      """

  Scenario: reports to files at once, and a rerun file that runs just the failures again
    When I run caper with "--format summary --format junit:reports/junit.xml --format json:reports/cucumber.json --format rerun:@rerun.txt --format usage-json:reports/usage.json"
    Then it exits with 1
    And the output contains:
      """
      3 scenarios (1 failed, 1 undefined, 1 passed)
      """
    And the file "reports/junit.xml" contains:
      """
      <testsuite name="caper" tests="3" failures="2" errors="0" skipped="0"
      """
    And the file "reports/cucumber.json" contains:
      """
      "error_message" : "AssertionError
      """
    And the file "@rerun.txt" contains:
      """
      Features/cart.feature:6:9
      """
    And the file "reports/usage.json" contains:
      """
      "pattern" : "the cart has {int} items"
      """
    When I run caper with "@@rerun.txt --format progress"
    Then it exits with 1
    And the output contains:
      """
      2 scenarios (1 failed, 1 undefined)
      """

  Scenario: snippets for the undefined steps
    When I run caper with "--format snippets"
    Then it exits with 1
    And the output contains:
      """
      Given('a step nobody wrote', function () {
      """

  Scenario: snippets in the style the format options ask for
    When I run caper with the options:
      """
      --format
      snippets
      --format-options
      {"snippetInterface": "async-await"}
      """
    Then it exits with 1
    And the output contains:
      """
      Given('a step nobody wrote', async function () {
      """
    When I run caper with the options:
      """
      --format
      snippets
      --format-options
      {"snippetInterface": "callback"}
      """
    Then the output contains:
      """
      Given('a step nobody wrote', function (callback) {
        // Write code here that turns the phrase above into concrete actions
        callback(null, 'pending');
      """

  Scenario: an unknown snippet style is a usage error
    When I run caper with the options:
      """
      --format-options
      {"snippetInterface": "generator"}
      """
    Then it exits with 2
    And the error output contains:
      """
      format option snippetInterface takes synchronous, async-await, callback, promise, not generator
      """

  Scenario: a report that cannot be written loses none of the others
    When I run caper with "--format message:/proc/nope/messages.ndjson --format junit:reports/junit.xml"
    Then it exits with 2
    And the error output contains:
      """
      cannot write the report /proc/nope/messages.ndjson
      """
    And the file "reports/junit.xml" contains:
      """
      tests="3"
      """
