import Foundation
import Testing
import _CaperTestSupport

@testable import HTML

/// The label table against the Encoding Standard's `encodings.json`, and label matching.
@Suite struct EncodingTests {
  @Test func everyLabelOfTheStandardNamesItsEncoding() throws {
    let data = try Data(contentsOf: Conformance.directory.appendingPathComponent("encoding/encodings.json"))
    let groups = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    var labels = 0
    var names = 0
    for group in groups {
      for entry in try #require(group["encodings"] as? [[String: Any]]) {
        let name = try #require(entry["name"] as? String)
        names += 1
        #expect(Encoding(rawValue: name)?.name == name)
        for label in try #require(entry["labels"] as? [String]) {
          labels += 1
          #expect(Encoding(label: label)?.name == name, "label \(label)")
          #expect(Encoding(label: "\t \(label.uppercased())\n\u{0C}\r")?.name == name, "label \(label) padded, uppercase")
        }
      }
    }
    print("encoding labels: \(labels) labels of \(names) encodings checked")
    #expect(names == Encoding.allCases.count)
    #expect(labels == Encoding.labels.count)
  }

  @Test func whatIsNotALabel() {
    #expect(Encoding(label: "utf-8x") == nil)
    #expect(Encoding(label: "") == nil)
    #expect(Encoding(label: "utf\u{0B}8") == nil)
    // Only ASCII whitespace is trimmed, and only ASCII letters fold.
    #expect(Encoding(label: "\u{A0}utf-8") == nil)
    #expect(Encoding(label: "utf-8\u{0B}") == nil)
    #expect(Encoding(label: "\u{212A}oi8-r") == nil)
    #expect(Encoding(labelBytes: [0x20, 0x55, 0x54, 0x46, 0x38]) == .utf8)
  }
}
