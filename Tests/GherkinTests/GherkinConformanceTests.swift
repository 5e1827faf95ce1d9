import Foundation
import Gherkin
import Messages
import Testing
import _CaperTestSupport

/// cucumber/gherkin's own test data (v42): every good file's tokens, AST, pickles and source,
/// and every bad file's errors, compared after key-order-insensitive JSON normalisation.
@Suite struct GherkinConformanceTests {
  static let good = Conformance.files(in: "gherkin/good", endingWith: [".feature", ".feature.md"])
  static let bad = Conformance.files(in: "gherkin/bad", endingWith: [".feature"])

  static func source(_ folder: String, _ name: String) throws -> Source {
    var data = try Conformance.read("gherkin/\(folder)/\(name)")
    // The `.crlf.` inputs have CRLF line endings upstream (their expected sources say so); a
    // checkout may have turned them into LF, so put them back.
    if name.contains(".crlf."), !data.contains("\r") { data = data.replacingOccurrences(of: "\n", with: "\r\n") }
    return Source(uri: "../testdata/\(folder)/\(name)", data: data, mediaType: SourceMediaType(path: name))
  }

  static func envelopes(_ source: Source, source includeSource: Bool = false, ast: Bool, pickles: Bool) throws -> [NSObject] {
    var stream = GherkinStream(ids: .incrementing())
    stream.includeSource = includeSource
    stream.includeGherkinDocument = ast
    stream.includePickles = pickles
    let writer = NDJSONWriter()
    let text = try stream.envelopes(for: source).map { String(decoding: try writer.line($0), as: UTF8.self) }.joined()
    return try Conformance.jsonLines(text)
  }

  @Test func theDataIsThere() {
    #expect(Self.good.count == 55, "50 .feature and 5 .feature.md inputs")
    #expect(Self.bad.count == 12)
  }

  @Test(arguments: good)
  func tokens(name: String) throws {
    let expected = try Conformance.read("gherkin/good/\(name).tokens")
    let actual = try GherkinParser().tokens(try Self.source("good", name))
    #expect(actual == expected, "\(name).tokens")
  }

  @Test(arguments: good)
  func ast(name: String) throws {
    let expected = try Conformance.jsonLines(try Conformance.read("gherkin/good/\(name).ast.ndjson"))
    let actual = try Self.envelopes(try Self.source("good", name), ast: true, pickles: false)
    #expect(actual == expected, "\(name).ast.ndjson")
  }

  @Test(arguments: good)
  func pickles(name: String) throws {
    let expected = try Conformance.jsonLines(try Conformance.read("gherkin/good/\(name).pickles.ndjson"))
    let actual = try Self.envelopes(try Self.source("good", name), ast: false, pickles: true)
    #expect(actual == expected, "\(name).pickles.ndjson")
  }

  @Test(arguments: good)
  func source(name: String) throws {
    let expected = try Conformance.jsonLines(try Conformance.read("gherkin/good/\(name).source.ndjson"))
    let actual = try Self.envelopes(try Self.source("good", name), source: true, ast: false, pickles: false)
    #expect(actual == expected, "\(name).source.ndjson")
  }

  @Test(arguments: bad)
  func errors(name: String) throws {
    let expected = try Conformance.jsonLines(try Conformance.read("gherkin/bad/\(name).errors.ndjson"))
    let actual = try Self.envelopes(try Self.source("bad", name), ast: true, pickles: true)
    #expect(actual == expected, "\(name).errors.ndjson")
  }
}
