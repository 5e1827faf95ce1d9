import Gherkin
import Messages
import Testing

/// Behaviour beyond the conformance files: languages, errors, ids.
@Suite struct GherkinParserTests {
  func parse(_ text: String, uri: String = "f.feature") throws(GherkinErrors) -> GherkinDocument {
    try GherkinParser().parse(Source(uri: uri, data: text, mediaType: .gherkinPlain), ids: .incrementing())
  }

  @Test func allEightyLanguagesLoad() throws {
    #expect(GherkinDialect.languages.count == 80)
    let french = try #require(GherkinDialect.named("fr"))
    #expect(french.feature.contains("Fonctionnalité"))
    let document = try parse("# language: fr\nFonctionnalité: F\n  Scénario: S\n    Soit un pas\n")
    #expect(document.feature?.language == "fr")
    #expect(document.feature?.children.first?.scenario?.steps.first?.keywordType == .context)
  }

  @Test func errorsAreCollectedNotStoppedAtTheFirst() throws {
    let errors = try #require(throws: GherkinErrors.self) {
      try parse("nonsense\nFeature: F\n  Scenario: S\n    Given x\n  more nonsense\n")
    }
    #expect(errors.errors.count == 2)
    #expect(errors.errors[0].location == Location(line: 1, column: 1))
    #expect(errors.errors[1].description.hasPrefix("(5:3): expected: #EOF, #TableRow, #DocStringSeparator, #StepLine"))
  }

  @Test func atMostElevenErrorsAreKept() throws {
    let text = "Feature: F\n  Scenario: S\n    Given x\n" + (1...30).map { "  junk \($0)\n" }.joined()
    let errors = try #require(throws: GherkinErrors.self) { try parse(text) }
    #expect(errors.errors.count == 11)
  }

  @Test func uniqueIdsDifferBetweenGenerators() {
    let a = IdGenerator.unique()
    let b = IdGenerator.unique()
    let first = a.next()
    #expect(first != b.next())
    #expect(first != a.next())
    #expect(first.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
  }

  @Test func picklesExpandOutlinesAndInheritTags() throws {
    let document = try parse(
      """
      @f
      Feature: F
        Background:
          Given a background
        @s
        Scenario Outline: eat <n>
          When I eat <n>
          @e
          Examples:
            | n |
            | 1 |
            | 2 |
      """)
    let pickles = PickleCompiler(ids: .incrementing()).compile(document)
    #expect(pickles.map(\.name) == ["eat 1", "eat 2"])
    #expect(pickles[0].steps.map(\.text) == ["a background", "I eat 1"])
    #expect(pickles[0].steps.map(\.type) == [.context, .action])
    #expect(pickles[1].tags.map(\.name) == ["@f", "@s", "@e"])
    #expect(pickles[1].location == Location(line: 12, column: 7))
  }
}
