import Foundation
import Testing
import _CaperTestSupport

/// The outcome of one conformance file: every case run, the misses checked against a list of known
/// misses, each with its reason.
///
/// A case that fails and is not listed is an issue; so is a listed case that now passes (the list
/// must shrink when Ada catches up). `report()` prints `file: passed/total` and the misses.
struct ConformanceTally {
  let file: String
  /// Known misses: case identity to the reason (the spec change Ada 2.7.8 predates).
  let knownMisses: [String: String]
  private(set) var total = 0
  private(set) var misses: [(id: String, detail: String)] = []

  init(file: String, knownMisses: [String: String]) {
    self.file = file
    self.knownMisses = knownMisses
  }

  var passed: Int { total - misses.count }

  /// Records one case: `failures` lists what differed from the expectation (empty when it passed).
  mutating func record(_ id: String, _ failures: [String]) {
    total += 1
    if !failures.isEmpty { misses.append((id, failures.joined(separator: "; "))) }
  }

  /// Prints the count and the misses, and records an issue for every miss not known and every
  /// known miss that passed or was not run.
  func report(sourceLocation: SourceLocation = #_sourceLocation) {
    print("\(file): \(passed)/\(total) passed")
    let missed = Set(misses.map(\.id))
    for miss in misses {
      if let reason = knownMisses[miss.id] {
        print("  known miss \(miss.id): \(miss.detail) [\(reason)]")
      } else {
        Issue.record("\(file): \(miss.id): \(miss.detail)", sourceLocation: sourceLocation)
      }
    }
    for id in knownMisses.keys.sorted() where !missed.contains(id) {
      Issue.record("\(file): known miss \(id) did not miss; remove it from the list", sourceLocation: sourceLocation)
    }
  }

  /// The cases of a conformance JSON file (`url/NAME`): its objects, comments (bare strings) left out.
  ///
  /// A lone surrogate escape becomes U+FFFD first, as the `URL` constructor's USVString conversion
  /// does (and as a Swift string must: it holds only scalar values).
  static func cases(_ name: String) throws -> [[String: Any]] {
    let text = try Conformance.read("url/\(name)")
    let lone = try NSRegularExpression(
      pattern:
        #"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"#)
    let scalarText = lone.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: #"\\uFFFD"#)
    let data = Data(scalarText.utf8)
    let array = try #require(try JSONSerialization.jsonObject(with: data) as? [Any])
    return array.compactMap { $0 as? [String: Any] }
  }

  /// A JSON value as a Swift string (`nil` for JSON null or a missing key).
  static func string(_ value: Any?) -> String? { value as? String }
}
