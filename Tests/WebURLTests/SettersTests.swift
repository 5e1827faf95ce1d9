import Foundation
import Testing
import WebURL
import _CaperTestSupport

/// WPT's `setters_tests.json`: each `URL` setter applied to a parsed URL, then the getters read.
@Suite struct SettersTests {
  /// Cases Ada 2.7.8 handles as an older URL Standard did, keyed `attribute: href <- new_value`.
  static let knownMisses: [String: String] = {
    var misses: [String: String] = [:]
    let opaquePath =
      "URL Standard 2025-03 (whatwg/url#844): an opaque path's last space before ? or # is percent-encoded (ada #925)"
    for (attribute, href) in [
      ("hash", "data:space" + String(repeating: " ", count: 130) + "#fragment"), ("hash", "sc:space    #fragment"),
      ("hash", "data:space  ?query#fragment"), ("hash", "sc:space  ?query#fragment"), ("search", "data:space ?query"),
      ("search", "sc:space ?query"), ("search", "data:space  ?query#fragment"), ("search", "sc:space  ?query#fragment"),
    ] {
      misses["\(attribute): \(href.debugDescription) <- \"\""] = opaquePath
    }
    let asciiDomain =
      "URL Standard 2026-06 (whatwg/url#914, WPT #60476): an ASCII domain whose ToASCII fails is kept, lowercased"
    misses[#"host: "https://example.com/" <- "xn--""#] = asciiDomain
    misses[#"hostname: "https://example.com/" <- "xn--""#] = asciiDomain
    misses["pathname: \"a:/\" <- \(Self.everyASCII.debugDescription)"] =
      "URL Standard 2025-03 (whatwg/url#846): U+005E (^) joined the path percent-encode set (ada #908)"
    misses[#"host: "foo://path/to" <- ":80""#] =
      "Ada bug, tested since WPT #53458 (2025-06): a host of only a port must fail (fixed in ada #963)"
    misses[#"port: "https://domain.com:3000" <- "\n\n\t\t""#] =
      "Ada bug, tested since WPT #53420 (2025-06): a port of only tabs and newlines leaves the port (fixed in ada #961)"
    misses[#"pathname: "foo://path/to" <- "/..""#] =
      "Ada bug, tested since 2025-07: '..' at the root of a non-special path with a host keeps '/' (fixed in ada #978)"
    return misses
  }()

  /// The pathname case's value: C0 controls, every printable ASCII character, DEL and some non-ASCII.
  static let everyASCII = "\0\u{01}\t\n\r\u{1F} !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\u{7F}\u{80}\u{81}Éé"

  @Test func setters() throws {
    let data = Data(try Conformance.read("url/setters_tests.json").utf8)
    let groups = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var tally = ConformanceTally(file: "setters_tests.json", knownMisses: Self.knownMisses)
    for attribute in groups.keys.sorted() where attribute != "comment" {
      for test in groups[attribute] as? [[String: Any]] ?? [] {
        let href = test["href"] as? String ?? ""
        let newValue = test["new_value"] as? String ?? ""
        let id = "\(attribute): \(href.debugDescription) <- \(newValue.debugDescription)"
        tally.record(id, Self.check(test, attribute: attribute, href: href, newValue: newValue))
      }
    }
    tally.report()
  }

  /// What differs from the case's expectation after setting `attribute` to `newValue`.
  static func check(_ test: [String: Any], attribute: String, href: String, newValue: String) -> [String] {
    guard var url = URLRecord(href) else { return ["\(href) does not parse"] }
    switch attribute {
    case "protocol": url.protocol = newValue
    case "username": url.username = newValue
    case "password": url.password = newValue
    case "host": url.host = newValue
    case "hostname": url.hostname = newValue
    case "port": url.port = newValue
    case "pathname": url.pathname = newValue
    case "search": url.search = newValue
    case "hash": url.hash = newValue
    case "href": try? url.setHref(newValue)
    default: return ["unknown attribute \(attribute)"]
    }
    let components = url.components
    let actual: [String: String] = [
      "href": components.href, "origin": components.origin, "protocol": components.protocol,
      "username": components.username, "password": components.password, "host": components.host,
      "hostname": components.hostname, "port": components.port, "pathname": components.pathname,
      "search": components.search, "hash": components.hash,
    ]
    let expected = test["expected"] as? [String: String] ?? [:]
    return expected.keys.sorted().compactMap { key in
      guard let value = actual[key] else { return "unknown getter \(key)" }
      return value == expected[key] ? nil : "\(key) \(value.debugDescription) != \(expected[key]!.debugDescription)"
    }
  }
}
