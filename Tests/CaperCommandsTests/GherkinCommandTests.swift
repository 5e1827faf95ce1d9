import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// `caper gherkin` as a user runs it, including bad input.
@Suite struct GherkinCommandTests {
  let folder: TemporaryDirectory
  init() throws { folder = try TemporaryDirectory() }

  func envelopes(_ stdout: String) throws -> [[String: Any]] {
    try stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
  }

  @Test func printsSourceDocumentAndPickles() throws {
    let file = try folder.write("a.feature", "Feature: A\n  Scenario: one\n    Given a step\n")
    let result = try CaperBinary.run(["gherkin", "--predictable-ids", file])
    #expect(result.status == 0)
    let lines = try envelopes(result.stdout)
    #expect(lines.map { $0.keys.first! } == ["source", "gherkinDocument", "pickle"])
    let pickle = lines[2]["pickle"] as! [String: Any]
    #expect(pickle["name"] as? String == "one")
    #expect(pickle["id"] as? String == "3", "step 0, scenario 1, pickle step 2, pickle 3")
  }

  @Test func optionsLeaveMessagesOut() throws {
    let file = try folder.write("a.feature", "Feature: A\n  Scenario: one\n    Given a step\n")
    let result = try CaperBinary.run(["gherkin", "--no-source", "--no-ast", file])
    #expect(try envelopes(result.stdout).map { $0.keys.first! } == ["pickle"])
    let id = ((try envelopes(result.stdout)[0]["pickle"]) as! [String: Any])["id"] as! String
    #expect(id.count == 36, "unique ids are UUID-shaped, got \(id)")
  }

  @Test func tokensFlagPrintsTheTokenStream() throws {
    let file = try folder.write("t.feature", "Feature: T\n\n  Scenario: s\n    Given x\n")
    let result = try CaperBinary.run(["gherkin", "--tokens", file])
    #expect(
      result.stdout
        == "(1:1)FeatureLine:()Feature/T/\n(2:1)Empty://\n(3:3)ScenarioLine:()Scenario/s/\n(4:5)StepLine:(Context)Given /x/\nEOF\n"
    )
  }

  @Test func aFolderIsSearchedForFeatures() throws {
    try folder.write("sub/b.feature", "Feature: B\n")
    try folder.write("a.feature.md", "# Feature: A\n")
    try folder.write("notes.txt", "not a feature")
    let result = try CaperBinary.run(["gherkin", "--no-ast", "--no-pickles", folder.url.path])
    let uris = try envelopes(result.stdout).map { (($0["source"] as! [String: Any])["uri"] as! String) }
    #expect(uris.map { ($0 as NSString).lastPathComponent } == ["a.feature.md", "b.feature"])
  }

  @Test func parseErrorsNameTheFileAndLineAndExitOne() throws {
    let file = try folder.write("bad.feature", "Feature: Bad\n  Scenario: s\n    Given x\n  oops\n    | a |\n    | b | c |\n")
    let result = try CaperBinary.run(["gherkin", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("caper: \(file):6:5: inconsistent cell count within the table"))
    let kinds = try envelopes(result.stdout).map { $0.keys.first! }
    #expect(kinds.first == "source")
    #expect(kinds.dropFirst().allSatisfy { $0 == "parseError" })
  }

  @Test func anUnknownLanguageIsAParseError() throws {
    let file = try folder.write("lang.feature", "# language: xx-nope\nFeature: F\n")
    let result = try CaperBinary.run(["gherkin", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(file):1:1: Language not supported: xx-nope"))
  }

  @Test func aFileThatIsNotUTF8NamesTheFileAndLine() throws {
    let file = folder.url.appendingPathComponent("latin1.feature")
    try Data("Feature: F\n  Scenario: caf".utf8 + [0xE9] + Array("\n".utf8)).write(to: file)
    let good = try folder.write("good.feature", "Feature: G\n")
    let result = try CaperBinary.run(["gherkin", "--no-ast", "--no-pickles", file.path, good])
    #expect(result.status == 2)
    #expect(result.stderr.contains("caper: \(file.path):2: not valid UTF-8"))
    #expect(result.stdout.contains("good.feature"), "the other files are still processed")
  }

  @Test func aMissingFileAndAnEmptyFolderAreClearErrors() throws {
    let missing = folder.url.appendingPathComponent("none.feature").path
    var result = try CaperBinary.run(["gherkin", missing])
    #expect(result.status == 2)
    #expect(result.stderr == "caper: \(missing): no such file or folder\n")
    let empty = folder.url.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    result = try CaperBinary.run(["gherkin", empty.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(empty.path): no feature files"))
    #expect(try CaperBinary.run(["gherkin"]).status == 2)
  }
}
