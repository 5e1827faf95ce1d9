Feature: Parallel workers
  --parallel N runs scenarios on N workers at once, each an isolate on its own thread.

  Background:
    Given a file named "Features/meet.feature" with:
      """
      Feature: Meeting
        Scenario: Alice
          Given "alice" waits at the barrier for "bob"
        Scenario: Bob
          Given "bob" waits at the barrier for "alice"
      """
    And a file named "Support/steps/barrier.js" with:
      """
      const { Given, BeforeAll } = require('caper');
      const fs = require('fs');
      const arrived = [];
      BeforeAll(function () { arrived.push(process.pid); });
      Given('{string} waits at the barrier for {string}', { timeout: 3000 }, async function (me, other) {
        fs.writeFileSync(`barrier-${me}`, 'here');
        while (!fs.existsSync(`barrier-${other}`)) await new Promise((resolve) => setTimeout(resolve, 10));
      });
      """

  Scenario: two scenarios meet at a barrier only when they run at once
    When I run caper with "--parallel 2"
    Then it exits with 0
    And the output contains:
      """
      2 scenarios (2 passed)
      """

  Scenario: run one after the other, the first waits in vain
    When I run caper
    Then it exits with 1
    And the output contains:
      """
      function timed out, ensure the promise resolves within 3000 milliseconds
      """

  Scenario: a parallel run reports the same as a serial one
    Given a file named "Features/meet.feature" with:
      """
      Feature: Counting
        Scenario Outline: number <n>
          Given "<n>" waits at the barrier for "<n>"
          Examples:
            | n |
            | 1 |
            | 2 |
            | 3 |
            | 4 |
            | 5 |
      """
    When I run caper with "--parallel 2 --format message:parallel.ndjson"
    Then it exits with 0
    When I run caper with "--format message:serial.ndjson"
    Then it exits with 0
    And the file "parallel.ndjson" holds 5 "testCaseFinished" messages
    And the run in "parallel.ndjson" passed
    And the messages in "parallel.ndjson" are those in "serial.ndjson", but for the global hooks
