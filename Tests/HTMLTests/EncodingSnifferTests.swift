import Foundation
import Testing
import _CaperTestSupport

@testable import HTML

/// html5lib-tests' encoding cases (`encoding/*.dat`), and the sniffer's steps beyond them.
///
/// Each case gives a document's bytes and the encoding a browser ends up with, with no transport-layer
/// charset and a windows-1252 default. Most are settled by `EncodingSniffer.sniff` on the first 1,024
/// bytes. Cases whose `<meta>` lies past those bytes are settled by the tree builder's "change the
/// encoding": the document decoded in the sniffed encoding goes through `HTMLParser`, whose
/// `declaredEncoding` (the first `<meta>` the "in head" rules inserted) `changeTheEncoding` then
/// acts on, as `DocumentParser` does. The counts print per file. `encoding/scripted/` needs a script's `document.write` and is run with the DOM's tests;
/// `encoding/chardet/` is a sample for statistical detection, which Caper does not do (the standard
/// makes it optional).
@Suite struct EncodingSnifferTests {
  struct Case {
    let data: [UInt8]
    let expected: String
  }

  /// Cases of an html5lib encoding file, read as bytes (the files hold BOMs and invalid UTF-8).
  static func cases(_ file: String) throws -> [Case] {
    let bytes = try [UInt8](Data(contentsOf: Conformance.directory.appendingPathComponent("html5lib-tests/encoding/\(file)")))
    var lines: [ArraySlice<UInt8>] = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    var result: [Case] = []
    var index = 0
    while index < lines.count {
      guard Array(lines[index]) == Array("#data".utf8) else {
        index += 1
        continue
      }
      var data: [UInt8] = []
      index += 1
      var first = true
      while index < lines.count, Array(lines[index]) != Array("#encoding".utf8) {
        if !first { data.append(0x0A) }
        data += lines[index]
        first = false
        index += 1
      }
      index += 1
      let expected = index < lines.count ? String(decoding: lines[index], as: UTF8.self) : ""
      result.append(Case(data: data, expected: expected))
      index += 1
    }
    return result
  }

  @Test(arguments: ["tests1.dat", "tests2.dat", "test-yahoo-jp.dat"])
  func html5libEncodingFile(_ file: String) throws {
    let cases = try Self.cases(file)
    var bySniffing = 0
    var byChangingTheEncoding = 0
    var failures: [String] = []
    for (number, testCase) in cases.enumerated() {
      guard let expected = Encoding(label: testCase.expected) else {
        failures.append("#\(number + 1): expected label \(testCase.expected) names no encoding")
        continue
      }
      let (sniffed, confidence) = EncodingSniffer.sniff(prefix: testCase.data, transportCharset: nil)
      if sniffed == expected {
        bySniffing += 1
        continue
      }
      var final = sniffed
      let parser = HTMLParser(scripting: false)
      parser.append(EncodingDecoder.decode(testCase.data, encoding: sniffed))
      parser.finish()
      if confidence == .tentative, let declared = parser.declaredEncoding {
        switch EncodingSniffer.changeTheEncoding(current: sniffed, confidence: confidence, to: declared, decodedOnlyASCII: false)
        {
        case .keep: break
        case .switchDecoder(let encoding), .reparse(let encoding): final = encoding
        }
      }
      if final == expected {
        byChangingTheEncoding += 1
      } else {
        let shown = String(decoding: testCase.data.prefix(80), as: UTF8.self).replacingOccurrences(of: "\n", with: "\\n")
        failures.append("#\(number + 1): got \(final.name), expected \(expected.name): \(shown)")
      }
    }
    let passed = bySniffing + byChangingTheEncoding
    print(
      "html5lib encoding/\(file): \(passed)/\(cases.count) passed (\(bySniffing) by sniffing the first 1,024 bytes, "
        + "\(byChangingTheEncoding) by changing the encoding at a later <meta>)")
    for failure in failures { print("  FAIL \(failure)") }
    #expect(!cases.isEmpty)
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }

  @Test func byteOrderMarkWinsOverEverything() {
    let utf16LE: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00]
    #expect(EncodingSniffer.sniff(prefix: utf16LE, transportCharset: "iso-8859-2") == (.utf16LE, .certain))
    #expect(EncodingSniffer.sniff(prefix: [0xFE, 0xFF, 0x00, 0x3C], transportCharset: nil) == (.utf16BE, .certain))
    let utf8 = [0xEF, 0xBB, 0xBF] + Array("<meta charset=koi8-r>".utf8)
    #expect(EncodingSniffer.sniff(prefix: utf8, transportCharset: nil) == (.utf8, .certain))
  }

  @Test func transportCharsetIsCertainAndBogusOnesAreIgnored() {
    let page = Array("<meta charset=koi8-r>".utf8)
    #expect(EncodingSniffer.sniff(prefix: page, transportCharset: " Shift_JIS ") == (.shiftJIS, .certain))
    #expect(EncodingSniffer.sniff(prefix: page, transportCharset: "no-such-charset") == (.koi8R, .tentative))
    #expect(EncodingSniffer.sniff(prefix: Array("<p>".utf8), transportCharset: nil) == (.windows1252, .tentative))
    #expect(EncodingSniffer.sniff(prefix: Array("<p>".utf8), defaultEncoding: .utf8) == (.utf8, .tentative))
  }

  @Test func prescanMapsUTF16AndXUserDefined() {
    #expect(EncodingSniffer.prescan(Array("<meta charset=x-user-defined>".utf8)) == .windows1252)
    #expect(EncodingSniffer.prescan(Array("<meta charset=utf-16le>".utf8)) == .utf8)
    #expect(EncodingSniffer.prescan(Array("<meta http-equiv=content-type content='text/html;charset=utf-16'>".utf8)) == .utf8)
  }

  @Test func prescanReadsAnXMLDeclaration() {
    #expect(EncodingSniffer.prescan(Array("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><p>".utf8)) == .iso8859Part2)
    #expect(EncodingSniffer.prescan(Array("<?xml version='1.0' encoding = 'utf-16'?>".utf8)) == .utf8)
    #expect(EncodingSniffer.prescan(Array("<?xml version='1.0'?><x encoding='koi8-r'>".utf8)) == nil)
    // A <meta> later on wins over the declaration.
    #expect(EncodingSniffer.prescan(Array("<?xml encoding='koi8-r'?><meta charset=euc-kr>".utf8)) == .eucKR)
    #expect(EncodingSniffer.prescan([0x3C, 0x00, 0x3F, 0x00, 0x78, 0x00]) == .utf16LE)
  }

  @Test func extractsTheEncodingFromAMetaContentValue() {
    #expect(EncodingSniffer.extractEncoding(fromMetaContent: Array("text/html; charset=koi8-r".utf8)) == .koi8R)
    #expect(EncodingSniffer.extractEncoding(fromMetaContent: Array("charset = \"euc-jp\"".utf8)) == .eucJP)
    #expect(EncodingSniffer.extractEncoding(fromMetaContent: Array("charsetx; charset=gbk;x".utf8)) == .gbk)
    #expect(EncodingSniffer.extractEncoding(fromMetaContent: Array("charset='big5".utf8)) == nil)
    #expect(EncodingSniffer.extractEncoding(fromMetaContent: Array("text/html".utf8)) == nil)
  }

  @Test func metaAttributesFromTheTreeBuilder() {
    func attribute(_ name: String, _ value: String) -> Attribute { Attribute(name: Array(name.utf8), value: Array(value.utf8)) }
    #expect(EncodingSniffer.encoding(fromMetaAttributes: [attribute("charset", "Shift_JIS")]) == .shiftJIS)
    let pragma = [attribute("http-equiv", "Content-Type"), attribute("content", "text/html; charset=euc-kr")]
    #expect(EncodingSniffer.encoding(fromMetaAttributes: pragma) == .eucKR)
    #expect(EncodingSniffer.encoding(fromMetaAttributes: [attribute("content", "text/html; charset=euc-kr")]) == nil)
    #expect(EncodingSniffer.encoding(fromMetaAttributes: [attribute("charset", "bogus")]) == nil)
  }

  @Test func declaredEncodingIsTheFirstMetaTheTreeBuilderInsertsThatNamesOne() {
    func declared(_ markup: String) -> Encoding? {
      let parser = HTMLParser(scripting: false)
      parser.append(Array(markup.utf8))
      parser.finish()
      return parser.declaredEncoding
    }
    let pragma = "<meta http-equiv=Content-Type content='text/html; charset=koi8-r'>"
    #expect(declared("<meta charset=bogus>\(pragma)<meta charset=euc-kr>") == .koi8R)
    #expect(declared("<meta content='text/html; charset=koi8-r'><meta charset=euc-kr>") == .eucKR)
    // A `<meta>` in the body goes through the "in head" rules too.
    #expect(declared("<p>text</p><meta charset=shift_jis>") == .shiftJIS)
    // Not in a comment, nor in a title's text, nor in a fragment.
    #expect(declared("<!-- <meta charset=euc-kr> --><title><meta charset=euc-kr></title>") == nil)
    let fragment = HTMLParser(fragmentContext: (localName: "div", namespace: .html), scripting: false)
    fragment.append(Array("<meta charset=euc-kr>".utf8))
    fragment.finish()
    #expect(fragment.declaredEncoding == nil)
  }

  @Test func changingTheEncoding() {
    typealias Change = EncodingSniffer.EncodingChange
    #expect(EncodingSniffer.changeTheEncoding(current: .utf8, confidence: .certain, to: .koi8R, decodedOnlyASCII: true) == .keep)
    #expect(
      EncodingSniffer.changeTheEncoding(current: .windows1252, confidence: .tentative, to: .windows1252, decodedOnlyASCII: false)
        == .keep)
    #expect(
      EncodingSniffer.changeTheEncoding(current: .windows1252, confidence: .tentative, to: .utf16LE, decodedOnlyASCII: true)
        == .switchDecoder(.utf8))
    #expect(
      EncodingSniffer.changeTheEncoding(current: .windows1252, confidence: .tentative, to: .xUserDefined, decodedOnlyASCII: false)
        == .keep)
    #expect(
      EncodingSniffer.changeTheEncoding(current: .windows1252, confidence: .tentative, to: .shiftJIS, decodedOnlyASCII: false)
        == .reparse(.shiftJIS))
    #expect(
      EncodingSniffer.changeTheEncoding(current: .windows1252, confidence: .tentative, to: .iso2022JP, decodedOnlyASCII: true)
        == .reparse(.iso2022JP))
  }
}
