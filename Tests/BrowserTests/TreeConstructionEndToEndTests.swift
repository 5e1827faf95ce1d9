import Browser
import Foundation
import Testing
import V8
import _CaperTestSupport

/// html5lib-tests' tree-construction cases end to end, as a page gets them: parsed in Swift, streamed as tree operations, built
/// by the DOM runtime in a page realm and dumped in the html5lib format by JavaScript there.
///
/// Documents go through the document parser; fragments through `innerHTML` on the context element, in the window's document when
/// the case asks for scripting and in a document without a browsing context when it does not. Unmarked cases run both ways. The
/// `scripted/` folder needs page scripts (the next issue's loader).
@Suite struct TreeConstructionEndToEndTests {
  static let folder = "html5lib-tests/tree-construction"
  /// Cases where the current HTML Standard and html5lib-tests disagree: none so far.
  static let exclusions: [String: String] = [:]
  static var files: [String] { Conformance.files(in: folder, endingWith: [".dat"]) }

  /// One page realm for every case of a file (each case builds a new document or element there).
  static func dump(_ page: Page, _ testCase: TreeConstructionCase, scripting: Bool) throws -> String {
    var context: JSValue = .null
    var namespace = 0.0
    if let fragment = testCase.fragmentContext {
      let parts = fragment.split(separator: " ")
      switch parts.first {
      case "svg" where parts.count == 2: (context, namespace) = (.string(String(parts[1])), 1)
      case "math" where parts.count == 2: (context, namespace) = (.string(String(parts[1])), 2)
      default: context = .string(fragment)
      }
    }
    let value = try page.realm.context.call(
      page.realm.function("entry", "html5libTree"), [.string(testCase.data), .bool(scripting), context, .number(namespace)])
    return value.stringValue ?? "(no dump: \(value))"
  }

  @Test(arguments: files)
  func file(_ name: String) throws {
    let fixture = try PageFixture()
    let page = try fixture.page("", url: "about:blank")
    let cases = TreeConstructionCase.read(try Conformance.read("\(Self.folder)/\(name)"))
    #expect(!cases.isEmpty)
    let result = try TreeConstructionCase.run(cases, file: name, exclusions: Self.exclusions) { testCase, scripting in
      try Self.dump(page, testCase, scripting: scripting)
    }
    let (passed, failures) = (result.passed, result.failures)
    print("tree-construction end to end \(name): \(passed)/\(cases.count) passed")
    for failure in failures.prefix(5) { print(failure) }
    #expect(failures.isEmpty, "\(name): \(failures.count) of \(cases.count) cases fail end to end")
  }
}
