import Foundation
import Testing
import _CaperTestSupport

@testable import HTML

/// html5lib-tests' tokenizer cases (`tokenizer/*.test`, format in its README): every case in each
/// of its initial states, with its last start tag, compared token by token after coalescing
/// adjacent characters.
///
/// Each case runs twice: the input given whole, and given one byte at a time with a `run()` after
/// each byte (chunks split inside UTF-8 sequences, between CR and LF, inside every lookahead), both
/// of which must give the expected tokens. The cases' parse error lists are not compared: the
/// tokenizer does not report parse errors, as browsers do not surface them. `xmlViolation.test` is
/// left out: its outputs assume the coercion of an HTML DOM into an XML infoset (§13.2.9), which
/// Caper's DOM does not do. Lone surrogates of `doubleEscaped` cases, which UTF-8 text cannot hold,
/// are given as their generalized UTF-8 three-byte form, which the tokenizer passes through like any
/// non-ASCII byte.
@Suite struct TokenizerConformanceTests {
  static let files = Conformance.files(in: "html5lib-tests/tokenizer", endingWith: [".test"])
    .filter { $0 != "xmlViolation.test" }

  @Test(arguments: files)
  func file(_ name: String) throws {
    let json =
      try JSONSerialization.jsonObject(
        with: Data(Conformance.read("html5lib-tests/tokenizer/\(name)").utf8)) as! [String: Any]
    let cases = json["tests"] as! [[String: Any]]
    var runs = 0
    var failures: [String] = []
    for testCase in cases {
      let doubleEscaped = testCase["doubleEscaped"] as? Bool ?? false
      let input = Self.bytes(testCase["input"] as! String, doubleEscaped: doubleEscaped)
      let expected = (testCase["output"] as! [[Any]]).map { Self.token($0, doubleEscaped: doubleEscaped) }
      let lastStartTag = (testCase["lastStartTag"] as? String).map { Array($0.utf8) }
      for stateName in testCase["initialStates"] as? [String] ?? ["Data state"] {
        for byteByByte in [false, true] {
          runs += 1
          let actual = Self.tokenize(input, in: stateName, lastStartTag: lastStartTag, byteByByte: byteByByte)
          if actual != expected {
            failures.append(
              "\(testCase["description"]!) [\(stateName)\(byteByByte ? ", byte by byte" : "")]: "
                + "expected \(expected), got \(actual)")
          }
        }
      }
    }
    print("html5lib-tests tokenizer/\(name): \(runs - failures.count)/\(runs) runs pass (\(cases.count) cases)")
    #expect(runs > 0)
    #expect(failures.isEmpty, "\(failures.count) of \(runs) runs fail:\n\(failures.joined(separator: "\n"))")
  }

  /// A token as the tests' format tells them apart: attributes in name order, characters
  /// coalesced.
  enum Recorded: Equatable, CustomStringConvertible {
    case doctype(name: [UInt8]?, publicIdentifier: [UInt8]?, systemIdentifier: [UInt8]?, correct: Bool)
    case startTag(name: [UInt8], attributes: [Attribute], selfClosing: Bool)
    case endTag(name: [UInt8])
    case comment([UInt8])
    case characters([UInt8])

    var description: String {
      func text(_ bytes: [UInt8]?) -> String {
        bytes.map { String(decoding: $0, as: UTF8.self).debugDescription } ?? "null"
      }
      switch self {
      case .doctype(let name, let publicIdentifier, let systemIdentifier, let correct):
        return "DOCTYPE(\(text(name)), \(text(publicIdentifier)), \(text(systemIdentifier)), \(correct))"
      case .startTag(let name, let attributes, let selfClosing):
        let list = attributes.map { "\(text($0.name))=\(text($0.value))" }.joined(separator: " ")
        return "StartTag(\(text(name)) [\(list)]\(selfClosing ? " /" : ""))"
      case .endTag(let name): return "EndTag(\(text(name)))"
      case .comment(let data): return "Comment(\(text(data)))"
      case .characters(let data): return "Character(\(text(data)))"
      }
    }
  }

  /// Collects tokens; `<![CDATA[` is never a CDATA section here, as for HTML content.
  final class Recorder: TokenSink {
    var tokens: [Recorded] = []
    var sawEndOfFile = false
    let acceptsCDATA = false

    func process(_ token: Token) -> TokenDirective {
      switch token {
      case .doctype(let doctype):
        tokens.append(
          .doctype(
            name: doctype.name, publicIdentifier: doctype.publicIdentifier, systemIdentifier: doctype.systemIdentifier,
            correct: !doctype.forceQuirks))
      case .startTag(let tag):
        let sorted = tag.attributes.sorted { $0.name.lexicographicallyPrecedes($1.name) }
        tokens.append(.startTag(name: tag.name, attributes: sorted, selfClosing: tag.selfClosing))
      case .endTag(let tag): tokens.append(.endTag(name: tag.name))
      case .comment(let data): tokens.append(.comment(data))
      case .characters(let data):
        if case .characters(let previous) = tokens.last {
          tokens[tokens.count - 1] = .characters(previous + data)
        } else {
          tokens.append(.characters(data))
        }
      case .endOfFile: sawEndOfFile = true
      }
      return .proceed
    }
  }

  static func tokenize(_ input: [UInt8], in stateName: String, lastStartTag: [UInt8]?, byteByByte: Bool) -> [Recorded] {
    let recorder = Recorder()
    var tokenizer = Tokenizer(sink: recorder)
    switch stateName {
    case "Data state": tokenizer.state = .data
    case "PLAINTEXT state": tokenizer.state = .plaintext
    case "RCDATA state": tokenizer.state = .rcdata
    case "RAWTEXT state": tokenizer.state = .rawtext
    case "Script data state": tokenizer.state = .scriptData
    // Only the tree builder's "adjusted current node" leads there, so it is no public state.
    case "CDATA section state": tokenizer.machine.current = .cdataSection
    default: Issue.record("unknown initial state \(stateName)")
    }
    tokenizer.lastStartTagName = lastStartTag
    if byteByByte {
      for byte in input {
        tokenizer.append(CollectionOfOne(byte))
        #expect(tokenizer.run() == .needsInput)
      }
    } else {
      tokenizer.append(input)
    }
    tokenizer.finish()
    #expect(tokenizer.run() == .finished)
    #expect(recorder.sawEndOfFile)
    return recorder.tokens
  }

  static func token(_ array: [Any], doubleEscaped: Bool) -> Recorded {
    func text(_ value: Any) -> [UInt8]? {
      (value as? String).map { bytes($0, doubleEscaped: doubleEscaped) }
    }
    switch array[0] as! String {
    case "DOCTYPE":
      return .doctype(
        name: text(array[1]), publicIdentifier: text(array[2]), systemIdentifier: text(array[3]),
        correct: array[4] as! Bool)
    case "StartTag":
      let attributes = (array[2] as! [String: String]).map { Attribute(name: text($0.key)!, value: text($0.value)!) }
        .sorted { $0.name.lexicographicallyPrecedes($1.name) }
      return .startTag(name: text(array[1])!, attributes: attributes, selfClosing: array.count > 3 && array[3] as! Bool)
    case "EndTag": return .endTag(name: text(array[1])!)
    case "Comment": return .comment(text(array[1])!)
    default: return .characters(text(array[1])!)
    }
  }

  /// A test string's bytes; with `doubleEscaped`, `\uHHHH` stands for that code unit, and lone
  /// surrogates are written in generalized UTF-8.
  static func bytes(_ string: String, doubleEscaped: Bool) -> [UInt8] {
    guard doubleEscaped else { return Array(string.utf8) }
    var units: [UInt32] = []
    let scalars = Array(string.unicodeScalars)
    var index = 0
    while index < scalars.count {
      if scalars[index] == "\\", index + 5 < scalars.count, scalars[index + 1] == "u",
        let unit = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16)
      {
        units.append(unit)
        index += 6
      } else {
        units.append(scalars[index].value)
        index += 1
      }
    }
    var bytes: [UInt8] = []
    index = 0
    while index < units.count {
      var value = units[index]
      // A high surrogate followed by a low one is one code point.
      if (0xD800..<0xDC00).contains(value), index + 1 < units.count, (0xDC00..<0xE000).contains(units[index + 1]) {
        value = 0x1_0000 + ((value - 0xD800) << 10) + (units[index + 1] - 0xDC00)
        index += 1
      }
      switch value {
      case 0..<0x80: bytes.append(UInt8(value))
      case 0x80..<0x800: bytes += [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
      case 0x800..<0x1_0000:
        bytes += [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
      default:
        bytes += [
          UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F),
          UInt8(0x80 | value & 0x3F),
        ]
      }
      index += 1
    }
    return bytes
  }
}
