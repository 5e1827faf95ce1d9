/// The parts of an absolute, already serialized URL that cookies and referrers look at.
///
/// A value type over a URL that a URL parser has serialized (the `Request`'s URLs, a `Location`
/// resolved by libcurl, a document's URL): it splits, it does not validate or normalize beyond
/// lower-casing the scheme and host. Hosts keep an IPv6 address's brackets.
struct URLRecord: Sendable, Equatable {
  var scheme: String
  var username: String
  var password: String
  /// The host, lower-cased; empty for URLs without one (`data:`, `about:blank`).
  var host: String
  /// The port as written, or nil for the scheme's default.
  var port: Int?
  /// The path, `/` at least for URLs with a host.
  var path: String
  /// The query without its `?`, or nil.
  var query: String?
  /// The fragment without its `#`, or nil.
  var fragment: String?

  /// Splits `url`, or nil when it does not start with a scheme.
  init?(_ url: String) {
    guard let scheme = Fetcher.scheme(of: url) else { return nil }
    self.scheme = scheme
    var rest = Substring(url.dropFirst(scheme.count + 1))
    if let hash = rest.firstIndex(of: "#") {
      fragment = String(rest[rest.index(after: hash)...])
      rest = rest[..<hash]
    }
    if let question = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: question)...])
      rest = rest[..<question]
    }
    username = ""
    password = ""
    host = ""
    guard rest.hasPrefix("//") else {
      path = String(rest)
      return
    }
    rest = rest.dropFirst(2)
    let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
    var authority = rest[..<authorityEnd]
    path = rest[authorityEnd...].isEmpty ? "/" : String(rest[authorityEnd...])
    if let at = authority.lastIndex(of: "@") {
      let userinfo = authority[..<at]
      if let colon = userinfo.firstIndex(of: ":") {
        username = String(userinfo[..<colon])
        password = String(userinfo[userinfo.index(after: colon)...])
      } else {
        username = String(userinfo)
      }
      authority = authority[authority.index(after: at)...]
    }
    let hostEnd = authority.hasPrefix("[") ? (authority.firstIndex(of: "]").map { authority.index(after: $0) }) : nil
    let portColon = authority[(hostEnd ?? authority.startIndex)...].firstIndex(of: ":")
    host = String(authority[..<(portColon ?? authority.endIndex)]).lowercased()
    port = portColon.flatMap { Int(authority[authority.index(after: $0)...]) }
  }

  /// The port, or the scheme's default (80 for `http`, 443 for `https`), or nil.
  var effectivePort: Int? { port ?? (scheme == "http" ? 80 : scheme == "https" ? 443 : nil) }

  /// Whether the URL's scheme has hosts and tuple origins here (`http`, `https`).
  var isHTTP: Bool { scheme == "http" || scheme == "https" }

  /// Whether `other` has the same origin: scheme, host and port (HTML's same origin, tuple origins).
  func isSameOrigin(as other: URLRecord) -> Bool {
    isHTTP && scheme == other.scheme && host == other.host && effectivePort == other.effectivePort
  }

  /// The origin serialized (`https://example.com:8443`), or nil for an opaque origin.
  var serializedOrigin: String? {
    guard isHTTP else { return nil }
    return "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
  }

  /// Whether the host is an IPv4 or IPv6 address rather than a domain.
  var hostIsIPAddress: Bool {
    host.hasPrefix("[")
      || (!host.isEmpty && host.split(separator: ".", omittingEmptySubsequences: false).count == 4
        && host.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber })
  }

  /// Whether the URL is potentially trustworthy (Secure Contexts §3.1–3.2): `https`, `wss`, `file`,
  /// `data:` and `about:blank`, and loopback hosts (127.0.0.0/8, `::1`, `localhost` and
  /// `*.localhost`, which Chrome resolves to loopback only).
  var isPotentiallyTrustworthy: Bool {
    switch scheme {
    case "https", "wss", "file", "data": return true
    case "about": return path == "blank" || path == "srcdoc"
    default:
      if host == "[::1]" || host == "localhost" || host.hasSuffix(".localhost") { return true }
      return hostIsIPAddress && !host.hasPrefix("[") && host.hasPrefix("127.")
    }
  }

  /// The URL serialized again, without its fragment when `excludingFragment`.
  func serialized(excludingFragment: Bool = false) -> String {
    var result = scheme + ":"
    if isHTTP || !host.isEmpty {
      result += "//"
      if !username.isEmpty || !password.isEmpty {
        result += username + (password.isEmpty ? "" : ":" + password) + "@"
      }
      result += host + (port.map { ":\($0)" } ?? "")
    }
    result += path
    if let query { result += "?" + query }
    if !excludingFragment, let fragment { result += "#" + fragment }
    return result
  }
}
