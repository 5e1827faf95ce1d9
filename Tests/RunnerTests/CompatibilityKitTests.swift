import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// The Cucumber Compatibility Kit: each sample runs with its own feature(s) and the step
/// definitions in `CCK/<sample>.js` (written from the kit's README, as cucumber-js users would),
/// through `caper run --format message`, and the stream is compared with the kit's expected
/// NDJSON only.
///
/// Compared: the number, type and order of messages and their stable content. Ignored, as the
/// kit's README says: `meta`; ids (compared by consistent renaming, not dropped); timestamps and
/// durations; `sourceReference` (file paths and lines of step definitions and hooks) and
/// exception stack traces; file URIs are compared by file name; snippets by their number (the
/// kit's are TypeScript, Caper's JavaScript).
@Suite struct CompatibilityKitTests {
  static let excluded: [String: String] = [
    // Its `--error` argument makes the reference runner throw from inside itself; Caper has no
    // switch to fake an internal error.
    "test-run-exception": "needs the reference runner's --error switch"
  ]
  static let samples = Conformance.files(in: "cck", endingWith: [""]).filter {
    Conformance.exists("cck/\($0)/\($0).ndjson") && excluded[$0] == nil
  }
  static let steps = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CCK")

  @Test func theKitIsThere() {
    #expect(Self.samples.count + Self.excluded.count == 46)
  }

  @Test(arguments: samples)
  func sample(name: String) throws {
    let folder = Conformance.directory.appendingPathComponent("cck/\(name)")
    var arguments = ["run", ".", "--require", Self.steps.appendingPathComponent("\(name).js").path, "--format", "message"]
    if let extra = try? String(contentsOf: folder.appendingPathComponent("\(name).arguments.txt"), encoding: .utf8) {
      arguments += extra.split(whereSeparator: \.isWhitespace).map(String.init)
    }
    let result = try CaperBinary.run(arguments, directory: folder)
    #expect(result.stderr.isEmpty, "\(name): \(result.stderr)")
    let actual = Self.normalize(try Conformance.jsonLines(result.stdout))
    let expected = Self.normalize(try Conformance.jsonLines(try Conformance.read("cck/\(name)/\(name).ndjson")))
    #expect(actual.count == expected.count, "\(name): \(actual.count) messages, expected \(expected.count)")
    for (i, (a, e)) in zip(actual, expected).enumerated() where a != e {
      Issue.record("\(name): message \(i) differs:\n  actual   \(Self.describe(a))\n  expected \(Self.describe(e))")
      break
    }
  }

  static func describe(_ value: NSObject) -> String {
    (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
      ?? "\(value)"
  }

  static let ignoredKeys: Set<String> = ["timestamp", "duration", "sourceReference", "stackTrace"]

  static func isIdKey(_ key: String) -> Bool { key == "id" || key.hasSuffix("Id") || key.hasSuffix("Ids") }

  /// Drops meta, ignored fields; renames ids in order of first appearance; URIs by file name.
  static func normalize(_ envelopes: [NSObject]) -> [NSObject] {
    var ids: [String: String] = [:]
    func rename(_ id: String) -> String {
      if let known = ids[id] { return known }
      let name = "id\(ids.count)"
      ids[id] = name
      return name
    }
    func walk(_ value: Any, key: String?) -> Any {
      if let object = value as? [String: Any] {
        var out: [String: Any] = [:]
        for k in object.keys.sorted() where !ignoredKeys.contains(k) {
          if k == "snippets", let list = object[k] as? [Any] {
            out[k] = list.count
            continue
          }
          out[k] = walk(object[k]!, key: k)
        }
        return out
      }
      if let list = value as? [Any] { return list.map { walk($0, key: key) } }
      if let text = value as? String, let key {
        if isIdKey(key) { return rename(text) }
        if key == "uri" { return (text as NSString).lastPathComponent }
      }
      return value
    }
    return envelopes.compactMap { envelope in
      guard let object = envelope as? [String: Any], object["meta"] == nil else { return nil }
      return walk(object, key: nil) as? NSObject
    }
  }
}
