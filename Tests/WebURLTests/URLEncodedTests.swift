import Testing
import WebURL

/// WPT's `urlencoded-parser-data.json` and `percent-encoding.json`: application/x-www-form-urlencoded
/// parsing, and a query's percent-encoding in UTF-8.
@Suite struct URLEncodedTests {
  @Test func urlencodedParser() throws {
    var tally = ConformanceTally(file: "urlencoded-parser-data.json", knownMisses: [:])
    for test in try ConformanceTally.cases("urlencoded-parser-data.json") {
      let input = test["input"] as? String ?? ""
      let expected = (test["output"] as? [[String]] ?? []).map { ($0[0], $0[1]) }
      let parsed = URLSearchParams(input)
      let same = parsed.list.elementsEqual(expected) { $0.name == $1.0 && $0.value == $1.1 }
      tally.record(input.debugDescription, same ? [] : ["parsed as \(parsed.list)"])
    }
    tally.report()
  }

  /// Only the `utf-8` expectations apply: Ada encodes queries in UTF-8 alone; the legacy encodings
  /// (a document's encoding, for URLs parsed in its context) are not reached through it.
  @Test func percentEncodingInUTF8() throws {
    var tally = ConformanceTally(file: "percent-encoding.json (utf-8)", knownMisses: [:])
    for test in try ConformanceTally.cases("percent-encoding.json") {
      let input = test["input"] as? String ?? ""
      guard let expected = (test["output"] as? [String: String])?["utf-8"] else { continue }
      let search = URLRecord("https://example.com/?\(input)")?.search
      tally.record(input.debugDescription, search == "?" + expected ? [] : ["search \(search ?? "(no URL)")"])
    }
    tally.report()
  }
}
