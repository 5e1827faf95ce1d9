import Foundation
import Network

/// Reads what a scrape input names into a `LoadedDocument`: a saved page from disk (`file:`
/// URLs too), or a page fetched over the network.
///
/// Guarantees: a file that cannot be read, a binary file (bytes no text has, per the MIME
/// Sniffing Standard's binary data bytes, in its first 1,445 bytes) and an unreachable host are
/// `ScrapeFailure`s naming the input; an HTTP error status is not a failure (the page is still
/// loaded; `response.status` says it). A URL is fetched as a browser navigates to it, through
/// the browser context the page will live in: its fetcher, `User-Agent` and TLS option, and its
/// cookie jar, sent and stored on every hop of the redirect chain (a top-level navigation, so
/// `SameSite=Lax` cookies go too). Thread-safe.
public enum DocumentLoader {
  /// Loads `input`; a URL is fetched through `browserContext` (by default a new context made with
  /// `options`, as `Scraper.makeBrowserContext` makes it).
  public static func load(
    _ input: ScrapeInput, options: Scraper.Options, browserContext: BrowserContext? = nil
  ) throws(ScrapeFailure) -> LoadedDocument {
    switch input.location {
    case .file(let path): return try file(path)
    case .url(let url):
      if url.lowercased().hasPrefix("file:") {
        guard let path = URL(string: url)?.path, !path.isEmpty else { throw ScrapeFailure(message: "\(url): not a file URL") }
        return try file(path)
      }
      return try fetch(url, options: options, browserContext: browserContext ?? Scraper.makeBrowserContext(options))
    }
  }

  /// Fetches `url` through `browserContext`, waiting on the calling thread (never the isolate's).
  static func fetch(_ url: String, options: Scraper.Options, browserContext: BrowserContext) throws(ScrapeFailure)
    -> LoadedDocument
  {
    let request = navigationRequest(url, options: options, browserContext: browserContext)
    let done = DispatchSemaphore(value: 0)
    let outcome = LockedResult()
    browserContext.fetcher.start(request) { result in
      outcome.set(result)
      done.signal()
    }
    done.wait()
    switch outcome.get()! {
    case .failure(let error) where error.cause == .timeout:
      throw ScrapeFailure(
        message: "\(url): timed out after \(Scraper.seconds(options.timeout)) (--timeout) waiting for the response")
    case .failure(let error): throw ScrapeFailure(message: "\(error.url): \(describe(error.cause))")
    case .success(let response): return document(from: response)
    }
  }

  /// The document a navigation's response gives: its final URL, bytes, MIME type and charset,
  /// and the response's status and headers (names lowercased, repeated ones joined with ", ").
  static func document(from response: Response) -> LoadedDocument {
    let type = response.contentType
    var headers: [(name: String, value: String)] = []
    for header in response.headers {
      let name = header.name.lowercased()
      if let index = headers.firstIndex(where: { $0.name == name }) {
        headers[index].value += ", " + header.value
      } else {
        headers.append((name, header.value))
      }
    }
    return LoadedDocument(
      url: response.url, bytes: response.body, contentType: type?.essence ?? "text/html",
      transportCharset: type?.parameter(named: "charset"),
      response: LoadedDocument.Response(
        url: response.url, status: response.status, statusText: response.statusText, headers: headers))
  }

  /// The request of a navigation to `url` in `browserContext`: its `User-Agent`, TLS option and
  /// cookie jar, no referrer, no site for cookies (the browser starts it), top-level.
  static func navigationRequest(_ url: String, options: Scraper.Options, browserContext: BrowserContext) -> Request {
    let context = browserContext.options
    return Request(
      url: url, headers: [Header("User-Agent", context.userAgent)], timeout: options.timeout,
      ignoreHTTPSErrors: options.ignoreHTTPSErrors || context.ignoreHTTPSErrors, cookieJar: browserContext.cookies,
      isTopLevelNavigation: true)
  }

  static func describe(_ cause: NetworkError.Cause) -> String {
    switch cause {
    case .invalidURL: "not a valid URL"
    case .unsupportedScheme(let scheme): "the \(scheme): scheme is not supported"
    case .unknownHost: "unknown host (DNS lookup failed)"
    case .connectionRefused: "connection refused"
    case .connectionFailed(let why): "connection failed: \(why)"
    case .tls(let why): "TLS failure: \(why) (--ignore-https-errors accepts invalid certificates)"
    case .timeout: "timed out"
    case .tooManyRedirects: "more than 20 redirects"
    case .redirectNotAllowed: "redirected, and redirects are not followed"
    case .invalidRedirect(let location): "redirected to an invalid URL: \(location)"
    case .fileNotFound: "no such file"
    case .fileUnreadable(let why): "cannot read the file: \(why)"
    case .invalidDataURL: "not a valid data: URL"
    case .badPort(let port): "port \(port) is blocked (the Fetch Standard's bad ports)"
    case .aborted: "aborted"
    case .transfer(let why): why
    }
  }

  /// Chromium's network error name for a failure (`net::ERR_CONNECTION_REFUSED`), as Playwright's
  /// navigation errors give it.
  static func chromiumError(_ cause: NetworkError.Cause) -> String {
    let name =
      switch cause {
      case .invalidURL, .invalidRedirect: "ERR_INVALID_URL"
      case .unsupportedScheme: "ERR_UNKNOWN_URL_SCHEME"
      case .unknownHost: "ERR_NAME_NOT_RESOLVED"
      case .connectionRefused: "ERR_CONNECTION_REFUSED"
      case .connectionFailed: "ERR_CONNECTION_FAILED"
      case .tls: "ERR_CERT_AUTHORITY_INVALID"
      case .timeout: "ERR_TIMED_OUT"
      case .tooManyRedirects: "ERR_TOO_MANY_REDIRECTS"
      case .redirectNotAllowed: "ERR_UNSAFE_REDIRECT"
      case .fileNotFound: "ERR_FILE_NOT_FOUND"
      case .fileUnreadable: "ERR_ACCESS_DENIED"
      case .invalidDataURL: "ERR_INVALID_URL"
      case .badPort: "ERR_UNSAFE_PORT"
      case .aborted: "ERR_ABORTED"
      case .transfer: "ERR_FAILED"
      }
    return "net::\(name)"
  }

  static func file(_ path: String) throws(ScrapeFailure) -> LoadedDocument {
    let url = URL(fileURLWithPath: path)
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: url))
    } catch {
      throw ScrapeFailure(message: "\(path): cannot read the file (\(reason(error)))")
    }
    if let offset = binaryByte(in: bytes) {
      throw ScrapeFailure(
        message: "\(path): a binary file, not a page (byte 0x\(String(bytes[offset], radix: 16)) at offset \(offset))")
    }
    let type = fileTypes[url.pathExtension.lowercased()] ?? "text/html"
    return LoadedDocument(url: url.absoluteString, bytes: bytes, contentType: type)
  }

  /// A saved file's MIME type by its extension, as a browser types `file:` URLs; HTML otherwise.
  static let fileTypes = [
    "xhtml": "application/xhtml+xml", "xht": "application/xhtml+xml", "svg": "image/svg+xml", "xml": "application/xml",
  ]

  /// The offset of the first binary data byte in the resource header (MIME Sniffing §7.1), unless
  /// a UTF-16 byte order mark says the text has zero bytes by nature.
  static func binaryByte(in bytes: [UInt8]) -> Int? {
    if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return nil }
    for (offset, byte) in bytes.prefix(1445).enumerated() {
      switch byte {
      case 0x00...0x08, 0x0B, 0x0E...0x1A, 0x1C...0x1F: return offset
      default: continue
      }
    }
    return nil
  }

  static func reason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
      let text = String(validatingCString: strerror(Int32(underlying.code)))
    {
      return text
    }
    if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError { return "no such file" }
    return nsError.localizedDescription
  }
}

/// The one result a fetch's completion hands over to the waiting thread.
private final class LockedResult: @unchecked Sendable {
  private let lock = NSLock()
  private var result: Result<Response, NetworkError>?
  func set(_ value: Result<Response, NetworkError>) { lock.withLock { result = value } }
  func get() -> Result<Response, NetworkError>? { lock.withLock { result } }
}
