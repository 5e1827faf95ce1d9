import CLibXML2
import Formatters
import Foundation
import Messages
import Testing
import _CaperTestSupport

/// The JUnit report validates against the JUnit XML format that Jenkins' JUnit plugin and
/// GitLab's test reports read (`junit.xsd` beside this file), checked with libxml2.
@Suite struct JUnitFormatterTests {
  static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("junit.xsd")

  static func validate(_ xml: String) throws -> [String] {
    let parser = try #require(xmlSchemaNewParserCtxt(schema.path))
    defer { xmlSchemaFreeParserCtxt(parser) }
    let parsed = try #require(xmlSchemaParse(parser))
    defer { xmlSchemaFree(parsed) }
    let validator = try #require(xmlSchemaNewValidCtxt(parsed))
    defer { xmlSchemaFreeValidCtxt(validator) }
    let document = try #require(xmlReadMemory(xml, Int32(xml.utf8.count), "report.xml", "UTF-8", 0))
    defer { xmlFreeDoc(document) }
    let result = xmlSchemaValidateDoc(validator, document)
    return result == 0 ? [] : ["libxml2 reported \(result) validity problems"]
  }

  func render(_ statuses: [TestStepResult.Status], strict: Bool = true) throws -> String {
    let folder = try TemporaryDirectory()
    let path = folder.url.appendingPathComponent("junit.xml").path
    let formatter = JUnitFormatter(output: try FormatterOutput.file(path), strict: strict)
    ProgressFormatterTests.stream(statuses).forEach(formatter.handle)
    try formatter.finish()
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test func aPassingRunIsValid() throws {
    let xml = try render([.passed, .passed])
    #expect(try Self.validate(xml) == [])
    #expect(xml.contains(#"<testsuite name="caper" tests="1" failures="0" errors="0" skipped="0""#))
    #expect(xml.contains(#"<testcase classname="f.feature" name="S""#))
  }

  @Test func failuresCarryTheMessageAndStack() throws {
    let xml = try render([.passed, .failed, .skipped])
    #expect(try Self.validate(xml) == [])
    #expect(xml.contains(#"<failure type="Error" message="boom"><![CDATA[Error: boom"#))
    #expect(xml.contains(#"failures="1""#))
  }

  @Test func pendingIsAFailureWhenStrictAndSkippedOtherwise() throws {
    let strict = try render([.pending])
    #expect(strict.contains("<failure"))
    let lenient = try render([.pending], strict: false)
    #expect(lenient.contains("<skipped/>"))
    #expect(try Self.validate(lenient) == [])
  }

  @Test func theSchemaRejectsWhatReadersWouldNot() throws {
    #expect(try Self.validate(#"<testsuite name="x" tests="1" failures="0" errors="0" time="abc"/>"#) != [])
    #expect(
      try Self.validate(
        #"<testsuite tests="1" failures="0" errors="0" time="1"><testcase name="a" classname="b" time="0"/></testsuite>"#) != [])
  }

  @Test func markupAndControlCharactersInMessagesAreEscaped() throws {
    let nasty = "a < b & \"c\" ]]> \u{1} end"
    let envelopes = ProgressFormatterTests.stream([.failed]).map { envelope -> Envelope in
      guard case .testStepFinished(var finished) = envelope else { return envelope }
      finished.testStepResult.message = nasty
      finished.testStepResult.exception = ExceptionMessage(type: "Error", message: nasty, stackTrace: nasty)
      return .testStepFinished(finished)
    }
    let folder = try TemporaryDirectory()
    let path = folder.url.appendingPathComponent("junit.xml").path
    let formatter = JUnitFormatter(output: try FormatterOutput.file(path))
    envelopes.forEach(formatter.handle)
    try formatter.finish()
    let xml = try String(contentsOfFile: path, encoding: .utf8)
    #expect(try Self.validate(xml) == [])
    #expect(xml.contains(#"message="a &lt; b &amp; &quot;c&quot; ]]&gt; \#u{FFFD} end""#))
  }
}
