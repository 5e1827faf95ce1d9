import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// What `caper run` says when it cannot start, through the real binary: the message, the place
/// (the definition's file and line) and exit status 2.
@Suite struct RunErrorTests {
  let folder: TemporaryDirectory
  init() throws {
    folder = try TemporaryDirectory()
    _ = try folder.write("features/a.feature", "Feature: a\n  @fast\n  Scenario: one\n    Given a step\n")
  }

  func run(_ steps: String, _ arguments: [String] = []) throws -> ProcessResult {
    _ = try folder.write("features/steps.js", steps)
    return try CaperBinary.run(["run", "--no-cache"] + arguments, directory: folder.url)
  }

  static let fine = "const { Given } = require('@cucumber/cucumber');\nGiven('a step', () => {});\n"

  @Test func aMalformedRetryTagFilterIsAUsageError() throws {
    let result = try run(Self.fine, ["--retry", "1", "--retry-tag-filter", "@fast and"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--retry-tag-filter:"), "\(result.stderr)")
  }

  /// A number that does not fit its option is a usage error, never a crash or a silent wrap.
  @Test func numbersOutOfRangeAreUsageErrors() throws {
    for value in ["1e300", "2.5"] {
      _ = try folder.write("caper.json", "{\"default\": {\"retry\": \(value)}}")
      let result = try run(Self.fine)
      #expect(result.status == 2, "\(value): \(result.stderr)")
      #expect(result.stderr.contains("'retry' takes a whole number"), "\(value): \(result.stderr)")
    }
    _ = try folder.write("caper.json", "{}")
    let huge = try run(Self.fine, ["--cache-max-size", "9223372036854775807"])
    #expect(huge.status == 2)
    #expect(huge.stderr.contains("--cache-max-size takes a number of MiB, 1 or more and at most 1048576"), "\(huge.stderr)")
  }

  @Test func anInvalidStepExpressionNamesItsDefinition() throws {
    let result = try run("const { Given } = require('@cucumber/cucumber');\n\nGiven('a {int step', () => {});\n")
    #expect(result.status == 2)
    #expect(result.stderr.contains("features/steps.js:3: step definition 'a {int step':"), "\(result.stderr)")
  }

  @Test func anInvalidHookTagExpressionNamesItsHook() throws {
    let result = try run(Self.fine + "const { Before } = require('@cucumber/cucumber');\nBefore('@a or', () => {});\n")
    #expect(result.status == 2)
    #expect(result.stderr.contains("features/steps.js:4: hook tags '@a or':"), "\(result.stderr)")
  }

  @Test func anInvalidParameterTypeNameNamesItsDefinition() throws {
    let result = try run(
      Self.fine
        + "const { defineParameterType } = require('@cucumber/cucumber');\ndefineParameterType({ name: 'bad{name', regexp: /x/ });\n"
    )
    #expect(result.status == 2)
    #expect(result.stderr.contains("features/steps.js:4: parameter type 'bad{name':"), "\(result.stderr)")
  }

  @Test func aRegularExpressionJavaScriptRefusesNamesItsDefinition() throws {
    let result = try run(
      Self.fine
        + "const { When } = require('@cucumber/cucumber');\nWhen(new RegExp('a step'), () => {});\nWhen({ [Symbol.match]: 1, source: '(', flags: '' }, () => {});\n"
    )
    // A pattern that is neither a string nor a RegExp is refused where it is defined.
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("features/steps.js:5:1: TypeError: A step pattern must be a string or a RegExp"), "\(result.stderr)")
  }

  @Test func supportCodeThatThrowsWhileLoadingShowsWhereWithItsStack() throws {
    let result = try run("function setUp() {\n  throw new RangeError('no database');\n}\nsetUp();\n")
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("caper: features/steps.js:2:3: RangeError: no database\n"), "\(result.stderr)")
    #expect(result.stderr.contains("    at setUp ("), "\(result.stderr)")
    #expect(!result.stderr.contains("caper:cucumber") && !result.stderr.contains("caper:support"), "\(result.stderr)")
  }
}
