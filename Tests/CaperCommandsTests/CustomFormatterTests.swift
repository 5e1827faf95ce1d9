import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// Custom formatters with cucumber-js's API, through the real binary: a class extending
/// `Formatter` from a path (the event broadcaster, `log`, the event data collector,
/// `formatterHelpers`, the snippet builder), a formatter plugin from a package in node_modules
/// (an ES module, `on('message')`, `write`, its options, an asynchronous cleanup), once per run
/// also with `--parallel`, and the errors: an unknown name, a formatter that throws.
@Suite struct CustomFormatterTests {
  let project: TemporaryDirectory

  init() throws {
    project = try TemporaryDirectory()
    _ = try project.write(
      "features/shop.feature",
      """
      Feature: shop
        Scenario: buying
          Given a step
          When an undefined step
        Scenario: failing
          Given a failing step
        Scenario: again
          Given a step
      """)
    _ = try project.write(
      "features/step_definitions/steps.js",
      """
      const { Given } = require('@cucumber/cucumber');
      Given('a step', function () { this.attach('hello'); });
      Given('a failing step', function () { throw new Error('boom'); });
      """)
    _ = try project.write(
      "reports/simple.js",
      """
      const { Formatter, formatterHelpers, Status } = require('@cucumber/cucumber');
      class SimpleFormatter extends Formatter {
        constructor(options) {
          super(options);
          this.log(`report of a run with ${options.supportCodeLibrary.stepDefinitions.length} step definitions\\n`);
          options.eventBroadcaster.on('envelope', (envelope) => {
            if (envelope.testCaseFinished) this.logTestCaseFinished(envelope.testCaseFinished);
            else if (envelope.testRunFinished) this.log(`finished: success ${envelope.testRunFinished.success}\\n`);
          });
        }
        logTestCaseFinished(testCaseFinished) {
          const attempt = this.eventDataCollector.getTestCaseAttempt(testCaseFinished.testCaseStartedId);
          this.log(`${attempt.gherkinDocument.feature.name} / ${attempt.pickle.name}: ${attempt.worstTestStepResult.status}\\n`);
          const parsed = formatterHelpers.parseTestCaseAttempt({
            cwd: this.cwd, snippetBuilder: this.snippetBuilder, supportCodeLibrary: this.supportCodeLibrary, testCaseAttempt: attempt,
          });
          for (const step of parsed.testSteps) {
            const at = step.actionLocation ? ' ' + formatterHelpers.formatLocation(step.actionLocation, this.cwd) : '';
            this.log(`  ${step.keyword}${step.text} - ${Status[step.result.status]}${at} (${step.attachments.length} attachments)\\n`);
            if (step.snippet) this.log(step.snippet + '\\n');
          }
        }
      }
      module.exports = SimpleFormatter;
      """)
    _ = try project.write(
      "node_modules/count-formatter/package.json", #"{ "name": "count-formatter", "type": "module", "exports": "./index.js" }"#)
    _ = try project.write(
      "node_modules/count-formatter/index.js",
      """
      export default {
        type: 'formatter',
        optionsKey: 'count',
        formatter({ on, write, options }) {
          const seen = new Set();
          let finished = 0;
          on('message', (envelope) => {
            seen.add(JSON.stringify(envelope));
            if (envelope.testCaseFinished) finished++;
          });
          return async () => {
            await new Promise((resolve) => setTimeout(resolve, 10));
            write(`${options.label}: ${finished} test cases finished, ${seen.size} distinct envelopes\\n`);
          };
        },
      };
      """)
  }

  func run(_ arguments: [String]) throws -> ProcessResult {
    try CaperBinary.run(["run", "--no-cache"] + arguments, directory: project.url)
  }

  @Test func aFormatterClassFromAPathWritesToStdout() throws {
    let result = try run(["-f", "./reports/simple.js"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "shop / buying: UNDEFINED\n  Given a step - PASSED features/step_definitions/steps.js:2 (1 attachments)\n  When an undefined step - UNDEFINED (0 attachments)\nWhen('an undefined step', function () {"
      ), "\(result.stdout)")
    #expect(
      result.stdout.contains("shop / failing: FAILED\n  Given a failing step - FAILED features/step_definitions/steps.js:3"))
    // Made once the support code is known, as cucumber-js makes formatters; what the constructor
    // logs is kept.
    #expect(result.stdout.hasPrefix("report of a run with 2 step definitions\n"), "\(result.stdout)")
    #expect(result.stdout.hasSuffix("finished: success false\n"), "\(result.stdout)")
    // The same from shards' messages merged.
    _ = try run(["-f", "message:reports/run.ndjson"])
    let merged = try CaperBinary.run(["merge", "reports/run.ndjson", "--format", "./reports/simple.js"], directory: project.url)
    #expect(merged.stdout == result.stdout, "\(merged.stdout)\(merged.stderr)")
  }

  @Test func aFormatterPluginFromAPackageGetsItsOptionsOnceAlsoInParallel() throws {
    for extra in [[], ["--parallel", "2"]] {
      let result = try run(
        ["-f", "summary", "-f", "count-formatter:reports/count.txt", "--format-options", #"{"count": {"label": "cases"}}"#]
          + extra)
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stdout.contains("3 scenarios"), "\(result.stdout)")
      let report = try String(contentsOf: project.url.appendingPathComponent("reports/count.txt"), encoding: .utf8)
      #expect(report.hasPrefix("cases: 3 test cases finished, "), "\(report)")
      let distinct = Int(report.split(separator: ",")[1].split(separator: " ")[0]) ?? 0
      let messages = try run(["-f", "message"]).stdout.split(separator: "\n").count
      // Every envelope once: as many distinct envelopes as the message formatter writes lines.
      #expect(distinct == messages, "\(report) vs \(messages) messages")
    }
  }

  @Test func anUnknownFormatterIsNamedAndNoReportIsTouched() throws {
    _ = try project.write("reports/keep.json", "kept")
    let result = try run(["-f", "json:reports/keep.json", "-f", "no-such-formatter"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown formatter 'no-such-formatter'"), "\(result.stderr)")
    let pretty = try run(["-f", "@cucumber/pretty-formatter"])
    #expect(pretty.stderr.contains("Caper has it built in: --format pretty"), "\(pretty.stderr)")
    let kept = try String(contentsOf: project.url.appendingPathComponent("reports/keep.json"), encoding: .utf8)
    #expect(kept == "kept")
    let missing = try run(["-f", "./reports/missing.js"])
    #expect(missing.status == 2)
    #expect(
      missing.stderr.contains("formatter './reports/missing.js': Error: Cannot find module './reports/missing.js'"),
      "\(missing.stderr)")
    #expect(!missing.stderr.contains("caper:support"), "no frame of Caper's own: \(missing.stderr)")
  }

  @Test func aFormatterThatThrowsIsNamedAndTheOtherReportsAreWritten() throws {
    _ = try project.write(
      "reports/broken.js",
      """
      const { Formatter } = require('@cucumber/cucumber');
      module.exports = class extends Formatter {
        constructor(options) {
          super(options);
          options.eventBroadcaster.on('envelope', (e) => { if (e.testCaseFinished) throw new Error('formatter bug'); });
        }
      };
      """)
    let result = try run(["-f", "./reports/broken.js:reports/broken.txt", "-f", "json:reports/run.json"])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("formatter './reports/broken.js' failed"), "\(result.stderr)")
    #expect(result.stderr.contains("formatter bug"), "\(result.stderr)")
    let json = try String(contentsOf: project.url.appendingPathComponent("reports/run.json"), encoding: .utf8)
    #expect(json.contains("\"failing\"") && json.contains("\"buying\""), "\(json.prefix(300))")
  }

  @Test func outlineRowsFileURLsAndImportConditions() throws {
    _ = try project.write(
      "features/outline/outline.feature",
      """
      Feature: outline
        Scenario Outline: row <n>
          Given a step

          Examples:
            | n |
            | 1 |
            | 2 |
      """)
    _ = try project.write(
      "node_modules/@acme/reporter/package.json",
      #"{ "name": "@acme/reporter", "type": "module", "exports": { ".": { "import": "./index.mjs", "require": "./index.cjs" } } }"#
    )
    _ = try project.write("node_modules/@acme/reporter/index.cjs", "module.exports = 'the require entry';\n")
    _ = try project.write(
      "node_modules/@acme/reporter/index.mjs",
      """
      import { Formatter, formatterHelpers } from '@cucumber/cucumber';
      export default class extends Formatter {
        constructor(options) {
          super(options);
          options.eventBroadcaster.on('envelope', ({ testCaseFinished }) => {
            if (!testCaseFinished) return;
            const attempt = this.eventDataCollector.getTestCaseAttempt(testCaseFinished.testCaseStartedId);
            const parsed = formatterHelpers.parseTestCaseAttempt({ cwd: this.cwd, testCaseAttempt: attempt });
            const at = formatterHelpers.PickleParser.getPickleLocation(attempt);
            this.log(`${formatterHelpers.formatLocation(parsed.testCase.sourceLocation, this.cwd)} ${at.line}\n`);
          });
        }
      }
      """)
    let result = try run([
      "features/outline", "-f", "@acme/reporter", "-f", "file://\(project.url.path)/reports/simple.js:reports/simple.txt",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "features/outline/outline.feature:7 7\nfeatures/outline/outline.feature:8 8\n", "\(result.stdout)")
    let simple = try String(contentsOf: project.url.appendingPathComponent("reports/simple.txt"), encoding: .utf8)
    #expect(simple.contains("outline / row 1: PASSED"), "\(simple)")
  }
}
