import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// Reports and runtime semantics as cucumber-js gives them, through the real binary: `--format`
/// targets, rerun files, dry runs, failing BeforeAll hooks, hooks' `error`, the public module's
/// exports.
@Suite struct CucumberReportsTests {
  let project: TemporaryDirectory

  init() throws {
    project = try TemporaryDirectory()
    _ = try project.write(
      "features/a.feature",
      """
      Feature: reports
        Some words about the feature.

        Scenario: passes
          Given a step that passes

        Rule: a rule
          Scenario: fails
            Given a step that fails
      """)
    _ = try project.write(
      "features/step_definitions/steps.js",
      """
      const { Given } = require('@cucumber/cucumber');
      Given('a step that passes', function () {});
      Given('a step that fails', function () { throw new Error('it failed'); });
      """)
  }

  func run(_ arguments: [String]) throws -> ProcessResult {
    try CaperBinary.run(["run", "--no-cache"] + arguments, directory: project.url)
  }

  func read(_ name: String) throws -> String {
    try String(contentsOf: project.url.appendingPathComponent(name), encoding: .utf8)
  }

  @Test func formatTargetsAsCucumberJSParsesThem() throws {
    let result = try run(["--format", #""json":"reports/a:b.json""#, "-f", "summary:reports/summary.txt"])
    #expect(result.status == 1)
    #expect(try read("reports/a:b.json").hasPrefix("["), "a quoted file name keeps its colon")
    #expect(try read("reports/summary.txt").contains("2 scenarios (1 failed, 1 passed)"))
    // With only report files, progress goes to stdout.
    #expect(result.stdout.contains("2 scenarios (1 failed, 1 passed)"), "\(result.stdout)")
  }

  @Test func anUnknownFormatterTruncatesNoReport() throws {
    _ = try project.write("reports/keep.txt", "earlier report")
    let result = try run(["--format", "summary:reports/keep.txt", "--format", "nonsense"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown formatter 'nonsense'"))
    #expect(try read("reports/keep.txt") == "earlier report")
  }

  @Test func theLastFormatterWithoutAFileWritesToStdout() throws {
    // As cucumber-js: a profile's stdout formatter gives way to the command line's.
    _ = try project.write("cucumber.json", #"{ "default": { "format": ["progress", "summary:reports/s.txt"] } }"#)
    let result = try run(["--format", "pretty", "--format", "summary"])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("Failures:"), "only the summary, no progress dots: \(result.stdout)")
    #expect(try read("reports/s.txt").contains("2 scenarios"))
  }

  @Test func rerunFilesKeepTheirAt() throws {
    let first = try run(["--format", "rerun:@rerun.txt", "--format", "summary"])
    #expect(first.status == 1)
    #expect(try read("@rerun.txt") == "features/a.feature:8")
    let again = try run(["@rerun.txt", "--format", "summary"])
    #expect(again.stdout.contains("1 scenario (1 failed)"), "\(again.stdout)\(again.stderr)")
    // An empty rerun file runs nothing, and the reports are still written.
    _ = try project.write("@rerun.txt", "")
    let none = try run(["@rerun.txt", "--format", "summary", "--format", "junit:reports/junit.xml"])
    #expect(none.status == 0, "\(none.stderr)")
    #expect(none.stdout.contains("0 scenarios"))
    #expect(try read("reports/junit.xml").contains("tests=\"0\""))
  }

  @Test func aDryRunReportsUndefinedAndAmbiguousStepsWithSnippets() throws {
    _ = try project.write(
      "features/b.feature",
      "Feature: b\n  Scenario: c\n    Given a step that passes\n    And nobody wrote this\n    And twice defined\n")
    _ = try project.write(
      "features/step_definitions/more.js",
      "const { Given } = require('@cucumber/cucumber');\nGiven('twice defined', () => {});\nGiven(/^twice defined$/, () => {});\n"
    )
    let result = try run(["--dry-run", "features/b.feature", "--format", "summary", "--format", "snippets:reports/snippets.txt"])
    #expect(result.status == 1, "undefined and ambiguous steps fail a strict run")
    #expect(result.stdout.contains("3 steps (1 ambiguous, 1 undefined, 1 skipped)"), "\(result.stdout)")
    #expect(try read("reports/snippets.txt").contains("Given('nobody wrote this', function ()"))
  }

  @Test func aFailingBeforeAllIsShownWithItsPlace() throws {
    _ = try project.write(
      "features/step_definitions/hooks.js",
      "const { BeforeAll } = require('@cucumber/cucumber');\nBeforeAll(function () {\n  throw new Error('no server');\n});\n")
    let result = try run(["features/a.feature:4", "--format", "progress", "--format", "junit:reports/junit.xml"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("BeforeAll # features/step_definitions/hooks.js:2"), "\(result.stdout)")
    #expect(result.stdout.contains("no server"), "\(result.stdout)")
    let junit = try read("reports/junit.xml")
    #expect(junit.contains("classname=\"hooks\" name=\"BeforeAll # features/step_definitions/hooks.js:2\""), "\(junit)")
    #expect(junit.contains("no server"))
  }

  @Test func prettyPrintsRulesAndDescriptions() throws {
    let result = try run(["--format", "pretty", "--format-options", #"{"colorsEnabled": false}"#])
    #expect(result.stdout.contains("Feature: reports\n  Some words about the feature.\n"), "\(result.stdout)")
    #expect(result.stdout.contains("  Rule: a rule\n"), "\(result.stdout)")
  }

  @Test func afterHooksReceiveTheErrorAndTheModuleExportsWorldAndContext() throws {
    _ = try project.write(
      "features/step_definitions/hooks.js",
      """
      const { After, AfterStep, Before, BeforeAll, defineParameterType, world, context, version, Formatter, setParallelCanAssign, supportCodeLibraryBuilder } = require('@cucumber/cucumber');
      const seen = [];
      BeforeAll(function () { seen.push('context ' + (context.parameters !== undefined)); });
      Before(function () { this.name = 'the world'; });
      AfterStep(function ({ result, error }) { if (result.status === 'FAILED') seen.push('step error ' + error.message); });
      After(function ({ result, error }) {
        if (result.status === 'FAILED') {
          seen.push('case error ' + error.message);
          if (seen.join('|') !== 'context true|step error it failed|case error it failed') throw new Error(seen.join('|'));
        }
        if (world.name !== 'the world') throw new Error('world proxy: ' + world.name);
        if (typeof version !== 'string') throw new Error('version');
        if (new Formatter({ cwd: '/here' }).cwd !== '/here') throw new Error('Formatter');
        try { supportCodeLibraryBuilder.reset(); throw new Error('no error'); } catch (e) { if (!/not available in Caper/.test(e.message)) throw e; }
        setParallelCanAssign(() => true);
      });
      """)
    let result = try run(["--format", "summary"])
    #expect(result.stdout.contains("2 scenarios (1 failed, 1 passed)"), "\(result.stdout)\(result.stderr)")
    #expect(!result.stdout.contains("After #"), "the After hooks passed: \(result.stdout)")
    #expect(result.stderr.contains("setParallelCanAssign: Caper assigns scenarios to workers in order"), "\(result.stderr)")
  }

  @Test func jsonAgreesWithCucumberJSFieldByField() throws {
    _ = try project.write(
      "features/json.feature",
      """
      @feature-tag
      Feature: Json Report
        Rule: The Rule
          Scenario Outline: Outlined <n>
            Given a step that passes
            And a doc string:
              \"\"\"
              text
              \"\"\"
            And a table:
              | a | b |
            @examples-tag
            Examples:
              | n |
              | 1 |
      """)
    _ = try project.write(
      "features/step_definitions/json.js",
      "const { Given } = require('@cucumber/cucumber');\nGiven('a doc string:', (s) => {});\nGiven('a table:', (t) => {});\n")
    _ = try run(["features/json.feature", "--format", "json:reports/r.json"])
    let data = try Data(contentsOf: project.url.appendingPathComponent("reports/r.json"))
    let features = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    let element = try #require((features.first?["elements"] as? [[String: Any]])?.first)
    #expect(element["id"] as? String == "json-report;the-rule;outlined-1")
    #expect(element["line"] as? Int == 15, "the example row's line")
    let tags = try #require(element["tags"] as? [[String: Any]])
    #expect(tags.map { $0["name"] as? String } == ["@feature-tag", "@examples-tag"])
    #expect(tags.map { $0["line"] as? Int } == [1, 12])
    let steps = try #require(element["steps"] as? [[String: Any]])
    let docString = try #require((steps[1]["arguments"] as? [[String: Any]])?.first)
    #expect(docString["content"] as? String == "text" && docString["line"] as? Int == 7)
    let table = try #require((steps[2]["arguments"] as? [[String: Any]])?.first)
    #expect((table["rows"] as? [[String: Any]])?.first?["cells"] as? [String] == ["a", "b"])
    #expect((steps[0]["arguments"] as? [Any])?.isEmpty == true)
  }

  @Test func snippetsPrintTheAlternativesCucumberJSPrints() throws {
    _ = try project.write("features/c.feature", "Feature: c\n  Scenario: d\n    Given I have 12 cukes\n")
    let result = try run(["features/c.feature", "--format", "snippets"])
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "Given('I have {int} cukes', function (int) {\n// Given('I have {float} cukes', function (float) {\n  // Write code here"),
      "\(result.stdout)")
  }

  @Test func exitStatusesAsCucumberJSGivesThem() throws {
    _ = try project.write("features/broken.feature", "Feature: broken\n  Scenario: x\n    Given a step that passes\n  Oops\n")
    let parse = try run(["--format", "progress", "--format", "message:reports/m.ndjson"])
    #expect(parse.status == 1, "features that do not parse fail the run")
    #expect(parse.stderr.contains("features/broken.feature:4:3: parse error:"), "\(parse.stderr)")
    #expect(!parse.stdout.contains("0 scenarios"), "a run that never started counts nothing: \(parse.stdout)")
    #expect(try read("reports/m.ndjson").contains("\"parseError\""))
    try FileManager.default.removeItem(at: project.url.appendingPathComponent("features/broken.feature"))
    let rerun = try run(["@nowhere.txt"])
    #expect(rerun.status == 2)
    #expect(rerun.stderr.contains("@nowhere.txt: no such rerun file"))
    let tags = try run(["--tags", "@a and"])
    #expect(tags.status == 2)
    #expect(!tags.stdout.contains("0 scenarios"))
  }
}
