Feature: The code cache
  Every script a run compiles is cached on disk after it has run; the next run uses the caches
  instead of compiling again, and a broken or unwritable cache never stops a run.

  Background:
    Given a file named "Features/sum.feature" with:
      """
      Feature: Sum
        Scenario: adding
          When I add 2 and 3 with a library
          Then the sum is 5
      """
    And a file named "Support/steps/sum.js" with:
      """
      const { When, Then } = require('caper');
      const assert = require('assert');
      When('I add {int} and {int} with a library', function (a, b) {
        this.sum = require('../../lib/sum.js')(a, b);
      });
      Then('the sum is {int}', function (expected) { assert.strictEqual(this.sum, expected); });
      """
    And a file named "lib/sum.js" with:
      """
      module.exports = (a, b) => a + b;
      """

  Scenario: a second run compiles from the caches of the first
    When I run caper with "--cache-dir cache --cache-stats"
    Then it exits with 0
    And the error output contains:
      """
      code cache: 0 hits
      """
    When I run caper with "--cache-dir cache --cache-stats"
    Then it exits with 0
    And the error output contains:
      """
      0 misses (0 absent, 0 key, 0 corrupt), 0 rejected, 0 deferred, 0 stored
      """

  Scenario: switched off, nothing is read or written
    When I run caper with "--cache-dir cache --cache-stats --no-cache"
    Then it exits with 0
    And the error output contains:
      """
      code cache: memory only (no disk cache)
      """

  Scenario: an unwritable cache directory warns once and the run goes on
    When I run caper with "--cache-dir lib/sum.js/cache"
    Then it exits with 0
    And the error output contains:
      """
      caper: warning: code cache directory
      """

  Scenario: support realms start from a snapshot of Caper's runtime made by an earlier run
    When I run caper with "--cache-dir cache" and the environment "CAPER_DEBUG=cache"
    Then it exits with 0
    And the error output contains:
      """
      snapshot: made
      """
    When I run caper with "--cache-dir cache" and the environment "CAPER_DEBUG=cache"
    Then it exits with 0
    And the error output contains:
      """
      (from the snapshot)
      """
    When I run caper with "--cache-dir cache" and the environment "CAPER_DEBUG=cache CAPER_NO_SNAPSHOT=1"
    Then it exits with 0
    And the error output does not contain:
      """
      (from the snapshot)
      """
