import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// Caper's own JavaScript survives support code that overwrites the built-ins it would use:
/// step matching, hooks, data tables, attachments, timers, failures and the reports still work.
@Suite struct HostileSupportCodeTests {
  static let feature = """
    Feature: hostile support code
      Background:
        Given a step with 3 cukes

      @tagged
      Scenario: steps, hooks, attachments, timers
        When I attach "hello"
        And I wait 5 ms
        Then a data table:
          | a | b |
          | 1 | 2 |
        And the count is 3

      Scenario Outline: outlines <n>
        Given a step with <n> cukes
        Examples:
          | n |
          | 1 |

      Scenario: a failure is still reported
        Then it fails with "expected failure"

      Scenario: an undefined step still gets a snippet
        Then nobody defined this
    """

  static let steps = """
    const { Given, When, Then, Before, After, BeforeAll, AfterStep, defineParameterType } = require('@cucumber/cucumber');
    BeforeAll(function () {});
    Before({ tags: '@tagged' }, function () { this.tagged = true; });
    Before(function () { this.count = 0; });
    After(function () { this.attach('after'); });
    Given('a step with {int} cukes', function (n) { this.count += n; });
    When('I attach {string}', function (text) {
      this.attach(text, 'text/plain');
      this.attach(Buffer.from('bytes'), 'application/octet-stream');
      this.log('logged');
    });
    When(/^I wait (\\d+) ms$/, (ms) => new Promise((resolve) => setTimeout(resolve, Number(ms))));
    Then('a data table:', function (table) { if (table.hashes()[0].a !== '1' || table.raw().length !== 2) throw new Error('table'); });
    Then('the count is {int}', function (n) { if (this.count !== n || !this.tagged) throw new Error(`count ${this.count}`); });
    Then('it fails with {string}', (message) => { throw new Error(message); });
    // What hostile support code overwrites, after defining its steps.
    const boom = (name) => function () { throw new Error(`user code's ${name} was called by Caper`); };
    RegExp.prototype.exec = boom('RegExp.prototype.exec');
    RegExp.prototype.test = boom('RegExp.prototype.test');
    RegExp.prototype[Symbol.replace] = boom('RegExp.prototype[Symbol.replace]');
    Array.prototype.map = boom('Array.prototype.map');
    Array.prototype.forEach = boom('Array.prototype.forEach');
    Array.prototype.filter = boom('Array.prototype.filter');
    Array.prototype.push = boom('Array.prototype.push');
    Array.prototype.join = boom('Array.prototype.join');
    Array.prototype.slice = boom('Array.prototype.slice');
    JSON.stringify = boom('JSON.stringify');
    JSON.parse = boom('JSON.parse');
    Promise.prototype.then = boom('Promise.prototype.then');
    Object.keys = boom('Object.keys');
    Object.assign = boom('Object.assign');
    Object.fromEntries = boom('Object.fromEntries');
    String.prototype.split = boom('String.prototype.split');
    String.prototype.replace = boom('String.prototype.replace');
    Function.prototype.call = boom('Function.prototype.call');
    Function.prototype.apply = boom('Function.prototype.apply');
    """

  @Test func theRunAndItsReportsAreUnharmed() throws {
    let project = try TemporaryDirectory()
    _ = try project.write("features/hostile.feature", Self.feature)
    _ = try project.write("features/steps.js", Self.steps)
    let result = try CaperBinary.run(
      ["run", "--no-cache", "--format", "message", "--format", "summary:summary.txt"], directory: project.url)
    #expect(result.status == 1, "one scenario fails, one is undefined: \(result.stderr)")
    var statuses: [String: Int] = [:]
    var attachments: [String] = []
    var suggestions = 0
    for line in result.stdout.split(separator: "\n") {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      if let finished = object["testStepFinished"] as? [String: Any], let step = finished["testStepResult"] as? [String: Any] {
        statuses[step["status"] as? String ?? "", default: 0] += 1
        if step["status"] as? String == "FAILED" { #expect(step["message"] as? String == "expected failure") }
      }
      if let attachment = object["attachment"] as? [String: Any] { attachments.append(attachment["body"] as? String ?? "") }
      if object["suggestion"] != nil { suggestions += 1 }
    }
    #expect(statuses == ["PASSED": 18, "FAILED": 1, "UNDEFINED": 1], "\(statuses)")
    #expect(attachments.filter { $0 != "after" } == ["hello", "Ynl0ZXM=", "logged"])
    #expect(attachments.filter { $0 == "after" }.count == 4)
    #expect(suggestions == 1)
    let summary = try String(contentsOf: project.url.appendingPathComponent("summary.txt"), encoding: .utf8)
    #expect(summary.contains("4 scenarios (1 failed, 1 undefined, 2 passed)"), "\(summary)")
    #expect(!result.stderr.contains("was called by Caper") && !result.stdout.contains("was called by Caper"))
  }
}
