import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// Errors nobody caught in support code, as Node reports them and cucumber-js fails the step
/// running then: a timer's callback that throws, a rejection nobody handles (Node's default
/// "throw" mode makes it an uncaught exception), unless an 'unhandledRejection' listener takes it.
@Suite struct UncaughtErrorsTests {
  static let feature = """
    Feature: Errors nobody caught
      Scenario: a timer throws
        Given a timer throws "from a timer"
      Scenario: a rejection is not handled
        Given a rejection is not handled
      Scenario: a listener takes unhandled rejections
        Given an unhandledRejection listener is set
        And a rejection is not handled
        Then the listener got "nobody handled this"
      Scenario: a rejection handled later in the same turn is handled
        Given a rejection is handled before the turn ends
    """

  static let steps = """
    const { Given, Then } = require('@cucumber/cucumber');
    const assert = require('assert');
    const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    Given('a timer throws {string}', async function (text) {
      setTimeout(() => { throw new Error(text); }, 5);
      await later(20);
    });
    Given('a rejection is not handled', async function () {
      Promise.reject(new Error('nobody handled this'));
      await later(5);
    });
    Given('an unhandledRejection listener is set', function () {
      this.reasons = [];
      this.listener = (reason) => this.reasons.push(reason.message);
      process.on('unhandledRejection', this.listener);
    });
    Then('the listener got {string}', function (text) {
      process.off('unhandledRejection', this.listener);
      assert.deepStrictEqual(this.reasons, [text]);
    });
    Given('a rejection is handled before the turn ends', async function () {
      const rejected = Promise.reject(new Error('handled'));
      await Promise.resolve();
      rejected.catch(() => {});
      await later(5);
    });
    """

  @Test func theRunningStepFailsWithTheError() throws {
    let project = try TemporaryDirectory()
    _ = try project.write("features/errors.feature", Self.feature)
    _ = try project.write("features/steps.js", Self.steps)
    let result = try CaperBinary.run(["run", "--no-cache", "--format", "summary"], directory: project.url)
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("4 scenarios (2 failed, 2 passed)"), "\(result.stdout)")
    #expect(result.stdout.contains("Error: from a timer"), "\(result.stdout)")
    #expect(result.stdout.contains("Error: nobody handled this"), "\(result.stdout)")
    #expect(!result.stderr.contains("Uncaught"), "\(result.stderr)")
  }
}
