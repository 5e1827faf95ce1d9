import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// Hooks receive the test case's pickle and Gherkin document (cucumber-js's
/// `ITestCaseHookParameter`), whether its steps run in one call (`StepBatch`) or one by one (with
/// BeforeStep/AfterStep hooks), across several documents, and every hook of a test case gets the
/// same objects.
@Suite struct HookArgumentTests {
  static let hooks = """
    const { Given, Before, After } = require('caper');
    let before = null;
    Before(function ({ pickle, gherkinDocument, testCaseStartedId, result, willBeRetried }) {
      before = { pickle, gherkinDocument };
      this.log(`Before ${gherkinDocument.feature.name} / ${pickle.name} (${gherkinDocument.uri}) ` +
        `${typeof testCaseStartedId} ${result} ${willBeRetried}`);
    });
    Given('a step', function () {});
    After(function ({ pickle, gherkinDocument, result, willBeRetried }) {
      const same = pickle === before.pickle && gherkinDocument === before.gherkinDocument;
      this.log(`After ${gherkinDocument.feature.name} / ${pickle.name} ${result.status} ${willBeRetried} same: ${same}`);
    });
    """

  static let stepHooks = """
    const { BeforeStep, AfterStep } = require('caper');
    BeforeStep(function ({ pickle, gherkinDocument, pickleStep }) {
      this.log(`BeforeStep ${gherkinDocument.feature.name} / ${pickle.name}: ${pickleStep.text}`);
    });
    AfterStep(function ({ gherkinDocument, result }) {
      this.log(`AfterStep ${gherkinDocument.feature.name} ${result.status}`);
    });
    """

  /// The attachments' bodies, in order, of a run over two documents of two scenarios each.
  static func logs(stepHooks: Bool) throws -> [String] {
    let project = try TemporaryDirectory()
    try project.write("support/hooks.js", hooks)
    if stepHooks { try project.write("support/step-hooks.js", Self.stepHooks) }
    for name in ["first", "second"] {
      try project.write(
        "features/\(name).feature",
        "Feature: \(name)\n  Scenario: \(name) one\n    Given a step\n  Scenario: \(name) two\n    Given a step\n")
    }
    let result = try CaperBinary.run(
      ["run", "features", "--require", "support", "--format", "message"], directory: project.url)
    return try result.stdout.split(separator: "\n").compactMap { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return (object?["attachment"] as? [String: Any])?["body"] as? String
    }
  }

  @Test func batchedStepsHandEachHookItsOwnPickleAndDocument() throws {
    #expect(
      try Self.logs(stepHooks: false) == [
        "Before first / first one (features/first.feature) string undefined undefined",
        "After first / first one PASSED false same: true",
        "Before first / first two (features/first.feature) string undefined undefined",
        "After first / first two PASSED false same: true",
        "Before second / second one (features/second.feature) string undefined undefined",
        "After second / second one PASSED false same: true",
        "Before second / second two (features/second.feature) string undefined undefined",
        "After second / second two PASSED false same: true",
      ])
  }

  @Test func stepHooksGetThePickleStepAndTheSameDocument() throws {
    let logs = try Self.logs(stepHooks: true)
    #expect(logs.count == 16)
    #expect(
      Array(logs.suffix(4)) == [
        "Before second / second two (features/second.feature) string undefined undefined",
        "BeforeStep second / second two: a step",
        "AfterStep second PASSED",
        "After second / second two PASSED false same: true",
      ])
    #expect(logs.filter { $0.hasPrefix("BeforeStep first / first one") }.count == 1)
  }
}
