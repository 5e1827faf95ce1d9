import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// cucumber-js projects as their users wrote them, run unchanged through the real binary: its
/// options and short forms, configuration files (CommonJS, ES modules, functions), string
/// profiles, globs, what Caper accepts but cannot do.
@Suite struct CucumberProjectTests {
  let project: TemporaryDirectory

  init() throws {
    project = try TemporaryDirectory()
    _ = try project.write(
      "features/greeting.feature",
      "Feature: greeting\n  @fast\n  Scenario: hello\n    Given a greeting\n\n  @slow\n  Scenario: bye\n    Given a greeting\n")
    _ = try project.write(
      "features/step_definitions/steps.js",
      "const { Given } = require('@cucumber/cucumber');\nGiven('a greeting', function () {});\n")
  }

  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
    try CaperBinary.run(["run", "--no-cache"] + arguments, environment: environment, directory: project.url)
  }

  @Test func anESModuleConfigurationHasTheDefaultProfileAndNamedOnes() throws {
    _ = try project.write("package.json", #"{ "type": "module" }"#)
    _ = try project.write(
      "features/step_definitions/steps.js", "import { Given } from '@cucumber/cucumber';\nGiven('a greeting', function () {});\n")
    _ = try project.write(
      "cucumber.js",
      """
      const common = { format: ['summary'] };
      export default { ...common, tags: '@fast' };
      export const ci = { ...common, tags: process.env.ONLY_SLOW ? '@slow' : '@fast or @slow' };
      """)
    let plain = try run([])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stdout.contains("1 scenario (1 passed)"), "\(plain.stdout)")
    let ci = try run(["-p", "ci"])
    #expect(ci.stdout.contains("2 scenarios (2 passed)"), "\(ci.stdout)\(ci.stderr)")
    let slow = try run(["--profile", "ci"], environment: ["ONLY_SLOW": "1"])
    #expect(slow.stdout.contains("1 scenario (1 passed)"), "\(slow.stdout)\(slow.stderr)")
  }

  @Test func anOlderESModuleConfigurationExportsItsProfilesAsDefault() throws {
    _ = try project.write("cucumber.mjs", "export default { default: '--format summary --tags @slow' };\n")
    let result = try run([])
    #expect(result.stdout.contains("1 scenario (1 passed)"), "\(result.stdout)\(result.stderr)")
  }

  @Test func aDefaultFunctionIsCalledForTheProfiles() throws {
    _ = try project.write(
      "cucumber.js",
      """
      module.exports = {
        default: async () => ({ default: { format: ['summary'] }, fast: { format: ['summary'], tags: '@fast' } }),
      };
      """)
    #expect(try run([]).stdout.contains("2 scenarios (2 passed)"))
    #expect(try run(["-p", "fast"]).stdout.contains("1 scenario (1 passed)"))
  }

  @Test func stringProfilesSplitAsAShellDoes() throws {
    _ = try project.write(
      "cucumber.js",
      #"module.exports = { default: `--format summary --tags "@fast and not @slow" --format-options '{"snippetInterface": "async-await"}'` };"#
    )
    let result = try run([])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("1 scenario (1 passed)"), "\(result.stdout)")
  }

  @Test func globsInPathsRequireAndProfiles() throws {
    _ = try project.write("features/more/other.feature", "Feature: other\n  Scenario: third\n    Given a greeting\n")
    let result = try run(["features/**/*.feature", "-r", "features/**/*.js", "-f", "summary"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("3 scenarios (3 passed)"), "\(result.stdout)")
    _ = try project.write(
      "cucumber.json",
      #"{ "default": { "paths": ["features/*/*.feature"], "require": ["features/step_definitions/*.js"], "format": ["summary"] } }"#
    )
    #expect(try run([]).stdout.contains("1 scenario (1 passed)"))
  }

  @Test func aFeatureNamedTwiceRunsOnce() throws {
    let absolute = project.url.appendingPathComponent("features/greeting.feature").path
    let result = try run(["features", absolute, "features/greeting.feature", "--format", "summary"])
    #expect(result.stdout.contains("2 scenarios (2 passed)"), "\(result.stdout)\(result.stderr)")
  }

  @Test func shortFormsAndAConfigFileByName() throws {
    _ = try project.write("config/ci.yaml", "default:\n  format: [summary]\n  tags: '@slow'\n")
    let result = try run(["-c", "config/ci.yaml", "-t", "@slow or @fast", "-d"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("1 scenario (1 skipped)"), "both tag expressions apply; dry run skips: \(result.stdout)")
    let missing = try run(["--config", "nowhere.js"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("--config nowhere.js: no such file"))
  }

  @Test func settingsCaperCannotHonourAreAcceptedWithANote() throws {
    _ = try project.write(
      "cucumber.json",
      #"{ "default": { "publishQuiet": true, "forceExit": true, "backtrace": true, "format": ["summary"], "requireModule": ["@babel/register"], "loader": ["./loader.mjs"] } }"#
    )
    let result = try run(["--publish", "--exit", "--plugin", "./plugin.js", "-b"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2 scenarios (2 passed)"))
    #expect(result.stderr.contains("publish: publishing to reports.cucumber.io is not supported; ignored"))
    #expect(result.stderr.contains("requireModule @babel/register:"))
    #expect(result.stderr.contains("loader ./loader.mjs:"))
    #expect(result.stderr.contains("plugin ./plugin.js:"))
  }

  @Test func requireModuleLoadsAPackageBeforeTheSupportCode() throws {
    _ = try project.write("node_modules/should-helper/package.json", #"{ "name": "should-helper", "main": "index.js" }"#)
    _ = try project.write("node_modules/should-helper/index.js", "globalThis.shouldHelperLoaded = true;\n")
    _ = try project.write(
      "features/step_definitions/steps.js",
      "const { Given } = require('@cucumber/cucumber');\nif (!globalThis.shouldHelperLoaded) throw new Error('not loaded first');\nGiven('a greeting', function () {});\n"
    )
    let result = try run(["--require-module", "should-helper", "-f", "summary"])
    #expect(result.status == 0, "\(result.stderr)")
    let missing = try run(["--require-module", "no-such-helper"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no-such-helper"), "\(missing.stderr)")
  }

  @Test func theOldPackageNameIsNamedInTheError() throws {
    _ = try project.write("features/step_definitions/steps.js", "const { Given } = require('cucumber');\n")
    let result = try run([])
    #expect(result.status == 2)
    #expect(result.stderr.contains("'@cucumber/cucumber'"), "\(result.stderr)")
  }

  @Test func versionHasItsShortForm() throws {
    let result = try CaperBinary.run(["-v"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("caper "))
  }

  @Test func configurationFilesAreFoundInCucumberJSOrder() throws {
    // cucumber-js (src/configuration/locate_file.ts) reads cucumber.js before cucumber.json.
    _ = try project.write("cucumber.json", #"{ "default": { "format": ["progress"] } }"#)
    _ = try project.write("cucumber.js", "module.exports = { default: { format: ['summary'], tags: '@fast' } };\n")
    let result = try run([])
    #expect(result.stdout.contains("1 scenario (1 passed)"), "\(result.stdout)\(result.stderr)")
  }
}
