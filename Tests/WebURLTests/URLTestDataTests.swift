import Testing
import WebURL

/// WPT's `urltestdata.json`: parsing with and without a base, failures, every getter.
@Suite struct URLTestDataTests {
  /// Cases Ada 2.7.8 (the Ada in Debian's libnode) parses as an older URL Standard did, keyed
  /// `input <base>`.
  static let knownMisses: [String: String] = {
    var misses: [String: String] = [:]
    let opaquePath =
      "URL Standard 2025-03 (whatwg/url#844): an opaque path's last space before ? or # is percent-encoded (ada #925)"
    for input in [
      "non-special:opaque  ?hi", "non-special:opaque  #hi", "non-special:opaque \t\t  \t#hi", "non-special:opaque \t\t  #hi",
      "non-special:opaque\t\t  \r #hi",
    ] {
      misses["\(input.debugDescription) <no base>"] = opaquePath
    }
    let asciiDomain =
      "URL Standard 2026-06 (whatwg/url#914, WPT #60476): an ASCII domain whose ToASCII fails is kept, lowercased"
    for input in [
      "http://a.b.c.xn--pokxncvks", "http://10.0.0.xn--pokxncvks", "http://a.b.c.XN--pokxncvks", "http://a.b.c.Xn--pokxncvks",
      "http://10.0.0.XN--pokxncvks", "http://10.0.0.xN--pokxncvks", "file://xn--/p", "https://xn--/",
    ] {
      misses["\(input.debugDescription) <no base>"] = asciiDomain
    }
    let caret = "URL Standard 2025-03 (whatwg/url#846): U+005E (^) joined the path percent-encode set (ada #908)"
    for input in ["foo://host/ !\"$%&'()*+,-./:;<=>@[\\]^_`{|}~", "wss://host/ !\"$%&'()*+,-./:;<=>@[\\]^_`{|}~"] {
      misses["\(input.debugDescription) <no base>"] = caret
    }
    return misses
  }()

  @Test func urlTestData() throws {
    var tally = ConformanceTally(file: "urltestdata.json", knownMisses: Self.knownMisses)
    for test in try ConformanceTally.cases("urltestdata.json") {
      let input = test["input"] as? String ?? ""
      let base = test["base"] as? String
      let id = "\(input.debugDescription) <\(base ?? "no base")>"
      tally.record(id, Self.check(test, input: input, base: base))
    }
    tally.report()
  }

  /// What differs between the parse of `input` and the case's expectation.
  static func check(_ test: [String: Any], input: String, base: String?) -> [String] {
    let parsed = URLRecord(input, base: base)
    if test["failure"] as? Bool == true {
      var failures: [String] = []
      if let parsed { failures.append("parsed as \(parsed.href)") }
      if URLRecord.canParse(input, base: base) { failures.append("canParse is true") }
      return failures
    }
    guard let url = parsed else { return ["failed to parse"] }
    var failures: [String] = []
    if !URLRecord.canParse(input, base: base) { failures.append("canParse is false") }
    let components = url.components
    let actual: [String: String] = [
      "href": components.href, "origin": components.origin, "protocol": components.protocol,
      "username": components.username, "password": components.password, "host": components.host,
      "hostname": components.hostname, "port": components.port, "pathname": components.pathname,
      "search": components.search, "hash": components.hash,
      "searchParams": url.searchParams.description,
    ]
    for key in actual.keys.sorted() {
      guard let expected = test[key] as? String else { continue }
      if actual[key] != expected { failures.append("\(key) \(actual[key]!.debugDescription) != \(expected.debugDescription)") }
    }
    return failures
  }
}
