import Foundation
import HTML
import Testing
import _CaperTestSupport

/// Every case of html5lib-tests' `tree-construction/*.dat` (not `scripted/`), parsed through the
/// tokenizer and tree builder and dumped from the operation stream.
@Suite struct TreeConstructionTests {
  static let folder = "html5lib-tests/tree-construction"

  /// Cases where html5lib-tests and the current HTML Standard disagree: `file#index` and why.
  static let exclusions: [String: String] = [:]

  static var files: [String] { Conformance.files(in: folder, endingWith: [".dat"]) }

  /// Parses `data` as the case says and returns the dump.
  static func dump(_ data: String, fragmentContext: String?, scripting: Bool) -> String {
    let parser: HTMLParser
    if let fragmentContext {
      let namespace: TreeBuilder.Namespace
      let localName: Substring
      if fragmentContext.hasPrefix("svg ") {
        (namespace, localName) = (.svg, fragmentContext.dropFirst(4))
      } else if fragmentContext.hasPrefix("math ") {
        (namespace, localName) = (.mathML, fragmentContext.dropFirst(5))
      } else {
        (namespace, localName) = (.html, fragmentContext[...])
      }
      parser = HTMLParser(fragmentContext: (String(localName), namespace), scripting: scripting)
    } else {
      parser = HTMLParser(scripting: scripting)
    }
    let tree = TreeConstructionTree()
    var progress = parser.append(Array(data.utf8))
    while progress == .pausedAtScript {
      tree.apply(parser.takeBatch())
      progress = parser.resume()
    }
    progress = parser.finish()
    while progress == .pausedAtScript {
      tree.apply(parser.takeBatch())
      progress = parser.resume()
    }
    tree.apply(parser.takeBatch())
    return tree.dump()
  }

  @Test(arguments: files)
  func file(_ name: String) throws {
    let cases = TreeConstructionCase.read(try Conformance.read("\(Self.folder)/\(name)"))
    #expect(!cases.isEmpty)
    let result = TreeConstructionCase.run(cases, file: name, exclusions: Self.exclusions) { testCase, scripting in
      Self.dump(testCase.data, fragmentContext: testCase.fragmentContext, scripting: scripting)
    }
    let (passed, failures) = (result.passed, result.failures)
    print("tree-construction \(name): \(passed)/\(cases.count) passed")
    for failure in failures { print(failure) }
    #expect(failures.isEmpty, "\(name): \(failures.count) of \(cases.count) cases fail")
  }
}
