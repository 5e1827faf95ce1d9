import Expressions
import Runner
import Testing

/// Step patterns match with JavaScript's RegExp (in V8), where it differs from ICU/Foundation:
/// these pin the JavaScript behaviour cucumber-js users rely on.
@Suite struct JavaScriptSemanticsTests {
  let engine: JavaScriptRegexEngine
  init() throws { engine = try JavaScriptRegexEngine() }
  let registry = ParameterTypeRegistry()

  func matches(_ pattern: String, _ text: String, flags: String = "") throws -> Bool {
    try engine.exec(pattern, flags: flags, in: text, from: 0) != nil
  }

  @Test func digitsAreASCIIOnly() throws {
    #expect(try matches(#"^\d+$"#, "123"))
    #expect(try !matches(#"^\d+$"#, "١٢٣"), "Arabic-Indic digits are not \\d in JavaScript")
    #expect(try !matches(#"^\d+$"#, "١٢٣", flags: "u"))
    let int = try CucumberExpression("I have {int} cukes", registry: registry)
    #expect(try int.match("I have ٣ cukes", engine: engine) == nil)
  }

  @Test func wordCharactersAndBoundariesAreASCIIOnly() throws {
    #expect(try !matches(#"^\w+$"#, "café"), "\\w does not match é")
    #expect(try matches(#"caf\b"#, "café"), "\\b sees a boundary before é")
    #expect(try !matches(#"^\w+$"#, "café", flags: "iu"), "not even with u and i")
  }

  @Test func whitespaceIncludesUnicodeSpaces() throws {
    #expect(try matches(#"^a\sb$"#, "a\u{00A0}b"))
    #expect(try matches(#"^a\sb$"#, "a\u{3000}b"))
    #expect(try matches(#"^a\sb$"#, "a\u{FEFF}b"), "JavaScript counts the BOM as whitespace")
  }

  @Test func caseInsensitiveAndUnicodeEscapes() throws {
    #expect(try matches("^STRASSE$", "strasse", flags: "i"))
    #expect(try !matches("^STRASSE$", "straße", flags: "i"), "no full case folding")
    #expect(try matches(#"^\u{1F600}$"#, "😀", flags: "u"))
    #expect(try matches(#"^\p{Lu}$"#, "É", flags: "u"))
    #expect(try matches(#"^.$"#, "😀", flags: "u"))
    #expect(try !matches(#"^.$"#, "😀"), "without u, . is one UTF-16 unit")
  }

  @Test func groupOffsetsCountUTF16Units() throws {
    let match = try #require(try engine.exec("(b)", flags: "", in: "😀b", from: 0))
    #expect(match.groups[1] == RegexGroup(value: "b", start: 2, end: 3))
  }

  @Test func aBadPatternIsAJavaScriptSyntaxError() throws {
    #expect(throws: (any Error).self) { try matches("(unclosed", "x") }
  }
}
