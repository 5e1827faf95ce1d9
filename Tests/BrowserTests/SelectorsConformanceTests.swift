import Foundation
import Testing
import _CaperTestSupport

/// WPT's Selectors API vectors end to end: the fixture page parsed by Caper's HTML parser, built
/// by the DOM runtime in a page realm, and every vector run there as page code through
/// `querySelectorAll`, `querySelector` and `matches` in the four contexts of the upstream harness
/// (HTML cases; the XHTML fixture is not in the data).
@Suite struct SelectorsConformanceTests {
  @Test func everyVectorInEveryContext() throws {
    let fixture = try PageFixture()
    let html = try Conformance.read("selectors/ParentNode-querySelector-All-content.html")
    let page = try fixture.page(html, url: "http://web-platform.test/dom/nodes/ParentNode-querySelector-All-content.html#target")
    _ = try page.evaluate(try Conformance.read("selectors/selectors.js"), filename: "selectors.js")
    let harness = try String(
      contentsOf: #require(Bundle.module.url(forResource: "selectors-wpt-page", withExtension: "js", subdirectory: "Resources")),
      encoding: .utf8)
    let report = try #require(try page.evaluate(harness, filename: "selectors-wpt-page.js").stringValue)
    let result = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
    let counts = try #require(result["counts"] as? [String: [String: Int]])
    var total = 0
    for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
      print("selectors \(key): \(count["pass"]!)/\(count["total"]!)")
      total += count["total"]!
    }
    let failures = result["failures"] as? [String] ?? []
    #expect(total > 1400, "the vectors ran")
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(30).joined(separator: "\n"))")
  }
}
