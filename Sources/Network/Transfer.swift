internal import CCurl
import Foundation

/// One HTTP(S) fetch across its redirects: a libcurl easy handle per request of the chain.
///
/// Created on any thread, then used only on the network thread (`NetworkThread` asserts it), hence
/// `@unchecked Sendable`. The network thread owns it while it is in flight; libcurl's callbacks
/// reach it through an unretained pointer that is valid because the thread holds it until the
/// easy handle is cleaned up. Redirects are followed here, not by libcurl, so that each hop is a
/// request of its own (Fetch §4.4): the method and body change as browsers change them, every
/// URL is recorded, each hop gets its own `Cookie` and `Referer`, and the request's cookie jar
/// stores every response's `Set-Cookie` (a redirect's included) as soon as that response's headers
/// are in.
///
/// It reports as `FetchProgress` says: the final response's head once its headers are in (a
/// redirect's or an interim 1xx response's head is never reported, nor a redirect's body), each
/// chunk libcurl writes, then one end. Nothing of the body is kept here; `bodyLimit`, when set,
/// only counts.
final class Transfer: @unchecked Sendable {
  /// What a finished request of the chain leads to.
  enum Outcome {
    /// The fetch is over: the body is complete, or a network error stopped it.
    case finished(Result<FetchTiming, NetworkError>)
    /// A redirect is to be followed: make a handle for the next request.
    case redirected
  }

  /// The most redirects followed (Fetch §4.4 step 9; browsers agree).
  static let redirectLimit = 20
  /// The most bytes of one response's body (after decoding) Caper keeps of a whole response
  /// (`Fetcher.start`).
  ///
  /// A larger body fails the fetch with a network error as soon as it passes the limit, so a
  /// 100 MB response never holds more than this in memory. Whole bodies are values (a document, a
  /// script, a fetch's `ArrayBuffer`); 64 MiB is far above any real page or bundle. Streamed
  /// fetches (`Fetcher.stream`) have no limit: their consumer decides what it keeps.
  static let bodyLimit = 64 << 20

  let id: UInt64
  let request: Request
  /// The most body bytes the fetch may deliver before it fails, or nil for no limit.
  let bodyLimit: Int?
  private let report: @Sendable (FetchProgress) -> Void

  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private let deadline: ContinuousClock.Instant?
  private var hopStart: ContinuousClock.Instant
  private(set) var currentURL: String
  private var method: String
  private var headers: [Header]
  private var body: [UInt8]?
  private var urlList: [String]
  private var redirectCount = 0
  /// The request's referrer as this hop computed it (Fetch's main fetch replaces the request's
  /// referrer with its result, so a later hop starts from there), or nil for no referrer.
  private var referrer: String?
  private var referrerPolicy: ReferrerPolicy

  private(set) var easy: UnsafeMutableRawPointer?
  private var headerList: UnsafeMutablePointer<curl_slist>?
  private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
  private var status = 0
  private var statusText = ""
  private var responseHeaders: [Header] = []
  /// The current request's headers are all in (the blank line after the last non-interim ones).
  private var headersComplete = false
  /// The final response's head was reported: body chunks are reported from then on.
  private var headReported = false
  /// The transfer reported its end.
  private var ended = false
  /// Body bytes delivered so far.
  private var bodyCount = 0
  /// The body passed `bodyLimit`: libcurl's write error means that.
  private var bodyTooLarge = false

  init(id: UInt64, request: Request, bodyLimit: Int?, report: @escaping @Sendable (FetchProgress) -> Void) {
    self.id = id
    self.request = request
    self.bodyLimit = bodyLimit
    self.report = report
    let now = ContinuousClock.now
    start = now
    hopStart = now
    deadline = request.timeout.map { now + $0 }
    currentURL = request.url
    method = request.method
    headers = request.headers
    body = request.body
    urlList = [request.url]
    referrerPolicy = request.referrerPolicy
    referrer = request.referrer.flatMap { referrerPolicy.referrer($0, for: request.url) }
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
  }

  deinit {
    release()
    errorBuffer.deallocate()
  }

  /// Frees the current easy handle and its header list; the handle must be out of the multi handle.
  func release() {
    if let easy { curl_easy_cleanup(easy) }
    if let headerList { curl_slist_free_all(headerList) }
    easy = nil
    headerList = nil
  }

  /// A configured easy handle for the current request of the chain, or why there cannot be one.
  func makeHandle() -> Result<UnsafeMutableRawPointer, NetworkError> {
    release()
    guard let easy = curl_easy_init() else { return .failure(error(.transfer("curl_easy_init failed"))) }
    self.easy = easy
    status = 0
    statusText = ""
    responseHeaders = []
    headersComplete = false
    bodyCount = 0
    bodyTooLarge = false
    errorBuffer[0] = 0
    hopStart = clock.now
    do {
      try configure(easy)
      return .success(easy)
    } catch {
      return .failure(error)
    }
  }

  private func configure(_ easy: UnsafeMutableRawPointer) throws(NetworkError) {
    let this = Unmanaged.passUnretained(self).toOpaque()
    let address = currentURL.firstIndex(of: "#").map { String(currentURL[..<$0]) } ?? currentURL
    try set(ccurl_easy_setopt_string(easy, CURLOPT_URL, address))
    try set(ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
    try set(ccurl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
    try set(ccurl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
    // Every encoding this libcurl decodes, offered and decoded.
    try set(ccurl_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""))
    try set(ccurl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0))
    try set(ccurl_easy_setopt_long(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1))
    try set(ccurl_easy_setopt_callback(easy, CURLOPT_WRITEFUNCTION, receiveBody))
    try set(ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, this))
    try set(ccurl_easy_setopt_callback(easy, CURLOPT_HEADERFUNCTION, receiveHeader))
    try set(ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, this))
    if let deadline {
      let remaining = deadline - clock.now
      guard remaining > .zero else { throw error(.timeout) }
      let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
      try set(ccurl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, Int(milliseconds))))
    }
    if request.ignoreHTTPSErrors {
      try set(ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 0))
      try set(ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 0))
    }
    try configureMethod(easy)
    try configureHeaders(easy)
  }

  private func configureMethod(_ easy: UnsafeMutableRawPointer) throws(NetworkError) {
    switch method {
    case "GET":
      try set(ccurl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1))
      return
    case "HEAD":
      try set(ccurl_easy_setopt_long(easy, CURLOPT_NOBODY, 1))
      return
    case "POST":
      break
    default:
      try set(ccurl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method))
    }
    guard method == "POST" || body != nil else { return }
    let bytes = body ?? []
    try set(ccurl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)))
    // Copied by libcurl; an empty body still needs a non-null pointer, else libcurl reads stdin.
    let code =
      bytes.isEmpty
      ? ccurl_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
      : bytes.withUnsafeBytes {
        ccurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress))
      }
    try set(code)
  }

  private func configureHeaders(_ easy: UnsafeMutableRawPointer) throws(NetworkError) {
    var lines = headers
    if !lines.contains(named: "User-Agent") { lines.append(Header("User-Agent", Request.defaultUserAgent)) }
    if !lines.contains(named: "Accept") { lines.append(Header("Accept", Request.defaultAccept)) }
    if !lines.contains(named: "Accept-Language") { lines.append(Header("Accept-Language", Request.defaultAcceptLanguage)) }
    if request.referrer != nil {
      lines.remove(named: "Referer")
      if let referrer { lines.append(Header("Referer", referrer)) }
    }
    if let jar = request.cookieJar {
      let cookies = jar.cookieString(for: currentURL, method: method, urlList: urlList, context: request.sameSiteContext)
      if !cookies.isEmpty {
        let given = lines.value(named: "Cookie")
        lines.remove(named: "Cookie")
        lines.append(Header("Cookie", given.map { $0 + "; " + cookies } ?? cookies))
      }
    }
    var list: UnsafeMutablePointer<curl_slist>?
    for header in lines {
      // libcurl reads `Name:` as "remove the header"; `Name;` sends it with an empty value.
      var line = Self.isomorphicEncode(header.name) + Array((header.value.isEmpty ? ";" : ": ").utf8)
      line += Self.isomorphicEncode(header.value)
      line.append(0)
      list = line.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { curl_slist_append(list, $0.baseAddress) }
      }
    }
    // Headers libcurl would add that browsers do not send.
    list = curl_slist_append(list, "Expect:")
    if body != nil || method == "POST", !headers.contains(named: "Content-Type") {
      list = curl_slist_append(list, "Content-Type:")
    }
    headerList = list
    try set(ccurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list))
  }

  private func set(_ code: CURLcode) throws(NetworkError) {
    guard code == CURLE_OK else { throw error(.transfer(String(cString: curl_easy_strerror(code)))) }
  }

  private func error(_ cause: NetworkError.Cause) -> NetworkError { NetworkError(url: currentURL, cause: cause) }

  /// Reports the end of the fetch, once (later calls do nothing): the last report.
  func end(_ result: Result<FetchTiming, NetworkError>) {
    guard !ended else { return }
    ended = true
    report(.end(result))
  }

  /// Ends the current request of the chain, whose handle is out of the multi handle, with
  /// libcurl's result: the end of the fetch (its head reported first), or a redirect to follow.
  func finish(_ code: CURLcode) -> Outcome {
    let hopEnd = clock.now
    guard let easy else { return .finished(.failure(error(.transfer("no transfer")))) }
    guard code == CURLE_OK else { return .finished(.failure(error(for: code, easy: easy))) }
    _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
    if !headersComplete { headersEnded() }
    if Self.redirectStatuses.contains(status) {
      switch request.redirect {
      case .manual:
        break
      case .error:
        return .finished(.failure(error(.redirectNotAllowed)))
      case .follow:
        var target: UnsafePointer<CChar>?
        _ = ccurl_easy_getinfo_string(easy, CURLINFO_REDIRECT_URL, &target)
        if let target {
          return followRedirect(to: String(cString: target), status: status)
        } else if let location = responseHeaders.value(named: "Location") {
          return .finished(.failure(error(.invalidRedirect(location))))
        }
      }
    }
    let secureConnection = duration(easy, CURLINFO_APPCONNECT_TIME_T)
    let timing = FetchTiming(
      redirect: hopStart - start, domainLookup: duration(easy, CURLINFO_NAMELOOKUP_TIME_T),
      connect: duration(easy, CURLINFO_CONNECT_TIME_T), secureConnection: secureConnection == .zero ? nil : secureConnection,
      responseStart: duration(easy, CURLINFO_STARTTRANSFER_TIME_T),
      responseEnd: duration(easy, CURLINFO_TOTAL_TIME_T), total: hopEnd - start)
    if !headReported { reportHead() }
    return .finished(.success(timing))
  }

  /// Redirect statuses (Fetch's redirect status).
  static let redirectStatuses: Set = [301, 302, 303, 307, 308]

  /// The current request's headers are in: its cookies are stored and, unless a redirect is to
  /// be followed (or refused), its head is the final response's.
  private func headersEnded() {
    headersComplete = true
    if let jar = request.cookieJar {
      for header in responseHeaders where header.hasName("Set-Cookie") {
        jar.setCookie(header.value, from: currentURL, urlList: urlList, context: request.sameSiteContext)
      }
    }
    if Self.redirectStatuses.contains(status) {
      switch request.redirect {
      case .manual: break
      case .error: return
      case .follow: if responseHeaders.value(named: "Location") != nil { return }
      }
    }
    reportHead()
  }

  private func reportHead() {
    headReported = true
    report(.response(ResponseHead(urlList: urlList, status: status, statusText: statusText, headers: responseHeaders)))
  }

  /// Fetch §4.4 HTTP-redirect fetch, from its location URL on.
  private func followRedirect(to target: String, status: Int) -> Outcome {
    var location = target
    if !location.contains("#"), let hash = currentURL.firstIndex(of: "#") { location += currentURL[hash...] }
    let scheme = location.prefix { $0 != ":" }.lowercased()
    guard scheme == "http" || scheme == "https" else { return .finished(.failure(error(.invalidRedirect(location)))) }
    guard redirectCount < Self.redirectLimit else { return .finished(.failure(error(.tooManyRedirects))) }
    if let port = BadPort.blocking(location) { return .finished(.failure(NetworkError(url: location, cause: .badPort(port)))) }
    redirectCount += 1
    if ((status == 301 || status == 302) && method == "POST") || (status == 303 && method != "GET" && method != "HEAD") {
      method = "GET"
      body = nil
      for name in ["Content-Encoding", "Content-Language", "Content-Location", "Content-Type"] { headers.remove(named: name) }
    }
    if Self.origin(of: currentURL) != Self.origin(of: location) { headers.remove(named: "Authorization") }
    if let policy = responseHeaders.value(named: "Referrer-Policy").flatMap(ReferrerPolicy.init(header:)) {
      referrerPolicy = policy
    }
    referrer = referrer.flatMap { referrerPolicy.referrer($0, for: location) }
    currentURL = location
    urlList.append(location)
    return .redirected
  }

  private func duration(_ easy: UnsafeMutableRawPointer, _ info: CURLINFO) -> Duration {
    var microseconds: curl_off_t = 0
    _ = ccurl_easy_getinfo_off_t(easy, info, &microseconds)
    return .microseconds(microseconds)
  }

  private func error(for code: CURLcode, easy: UnsafeMutableRawPointer) -> NetworkError {
    let message = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
    switch code {
    case CURLE_WRITE_ERROR where bodyTooLarge:
      return error(
        .transfer("the response body is larger than \((bodyLimit ?? 0) >> 20) MB, the most Caper keeps of one response"))
    case CURLE_COULDNT_RESOLVE_HOST:
      return error(.unknownHost)
    case CURLE_COULDNT_CONNECT:
      var osError = 0
      _ = ccurl_easy_getinfo_long(easy, CURLINFO_OS_ERRNO, &osError)
      return error(osError == Int(ECONNREFUSED) ? .connectionRefused : .connectionFailed(message))
    case CURLE_OPERATION_TIMEDOUT:
      return error(.timeout)
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
      CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
      CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
      CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CLIENTCERT:
      return error(.tls(message))
    case CURLE_UNSUPPORTED_PROTOCOL:
      return error(.unsupportedScheme(currentURL.prefix { $0 != ":" }.lowercased()))
    case CURLE_URL_MALFORMAT:
      return error(.invalidURL)
    default:
      return error(.transfer(message))
    }
  }

  // MARK: libcurl's callbacks, on the network thread inside curl_multi_perform

  fileprivate func receive(headerLine bytes: UnsafeRawBufferPointer) {
    var line = bytes[...]
    while let last = line.last, last == 0x0A || last == 0x0D { line.removeLast() }
    if line.starts(with: Array("HTTP/".utf8)) {
      // A new response (after an interim 1xx one): only the last one's headers are kept.
      responseHeaders = []
      let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
      status = parts.count >= 2 ? Int(Self.isomorphicDecode(parts[1])) ?? 0 : 0
      statusText = parts.count == 3 ? Self.isomorphicDecode(parts[2]) : ""
      return
    }
    guard !line.isEmpty else {
      // The blank line after a head; an interim response's (1xx) is followed by another.
      if !(100...199).contains(status) && !headersComplete { headersEnded() }
      return
    }
    if line.first == 0x20 || line.first == 0x09, !responseHeaders.isEmpty {
      // An obsolete folded continuation line.
      let folded = Self.isomorphicDecode(Self.trimmingTabsAndSpaces(line))
      responseHeaders[responseHeaders.count - 1].value += " " + folded
      return
    }
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
    let name = Self.isomorphicDecode(line[..<colon])
    let value = Self.isomorphicDecode(Self.trimmingTabsAndSpaces(line[(colon + 1)...]))
    responseHeaders.append(Header(name, value))
  }

  /// Reports body bytes of the final response (a redirect's are dropped); false once the body
  /// would pass `bodyLimit` (libcurl then stops the transfer).
  fileprivate func receive(bodyBytes bytes: UnsafeRawBufferPointer) -> Bool {
    if !headersComplete { headersEnded() }
    guard headReported, !bytes.isEmpty else { return true }
    bodyCount += bytes.count
    if let bodyLimit, bodyCount > bodyLimit {
      bodyTooLarge = true
      return false
    }
    report(.bodyChunk([UInt8](bytes)))
    return true
  }

  private static func trimmingTabsAndSpaces(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
    var result = bytes
    while let first = result.first, first == 0x20 || first == 0x09 { result.removeFirst() }
    while let last = result.last, last == 0x20 || last == 0x09 { result.removeLast() }
    return result
  }

  /// Bytes as code points U+0000–U+00FF (Infra's isomorphic decode).
  static func isomorphicDecode<C: Collection<UInt8>>(_ bytes: C) -> String {
    var view = String.UnicodeScalarView()
    for byte in bytes { view.append(Unicode.Scalar(byte)) }
    return String(view)
  }

  /// Code points up to U+00FF as one byte each (Infra's isomorphic encode); a string with higher
  /// code points, which Fetch's header values cannot hold, is sent as UTF-8.
  static func isomorphicEncode(_ string: String) -> [UInt8] {
    let scalars = string.unicodeScalars
    guard scalars.allSatisfy({ $0.value <= 0xFF }) else { return Array(string.utf8) }
    return scalars.map { UInt8($0.value) }
  }

  /// Scheme, host and port, the parts of an origin that redirects compare.
  static func origin(of url: String) -> String? {
    guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else { return nil }
    let port = components.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
    return "\(scheme)://\(components.host?.lowercased() ?? ""):\(port)"
  }
}

private let receiveBody: ccurl_data_function = { buffer, size, count, userdata in
  let length = size * count
  guard let buffer, let userdata else { return length }
  let kept = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue().receive(
    bodyBytes: UnsafeRawBufferPointer(start: buffer, count: length))
  // Anything but `length` makes libcurl stop with CURLE_WRITE_ERROR.
  return kept ? length : 0
}

private let receiveHeader: ccurl_data_function = { buffer, size, count, userdata in
  let length = size * count
  guard let buffer, let userdata else { return length }
  Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue().receive(
    headerLine: UnsafeRawBufferPointer(start: buffer, count: length))
  return length
}
