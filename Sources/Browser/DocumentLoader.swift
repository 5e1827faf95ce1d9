import Foundation
import Network

/// Reads what a scrape input names into a `LoadedDocument`: a saved page from disk (`file:`
/// URLs too), or a page fetched over the network.
///
/// Guarantees: a file that cannot be read, a binary file (bytes no text has, per the MIME
/// Sniffing Standard's binary data bytes, in its first 1,445 bytes) and an unreachable host are
/// `ScrapeFailure`s naming the input; an HTTP error status is not a failure (the page is still
/// loaded; `response.status` says it). Thread-safe.
public enum DocumentLoader {
  public static func load(_ input: ScrapeInput, options: Scraper.Options) throws(ScrapeFailure) -> LoadedDocument {
    switch input.location {
    case .file(let path): return try file(path)
    case .url(let url):
      if url.lowercased().hasPrefix("file:") {
        guard let path = URL(string: url)?.path, !path.isEmpty else { throw ScrapeFailure(message: "\(url): not a file URL") }
        return try file(path)
      }
      return try fetch(url, options: options)
    }
  }

  /// Fetches `url` over the network layer, waiting on the calling thread (never the isolate's).
  static func fetch(_ url: String, options: Scraper.Options) throws(ScrapeFailure) -> LoadedDocument {
    let request = Request(url: url, timeout: options.timeout, ignoreHTTPSErrors: options.ignoreHTTPSErrors)
    let done = DispatchSemaphore(value: 0)
    let outcome = LockedResult()
    Fetcher().start(request) { result in
      outcome.set(result)
      done.signal()
    }
    done.wait()
    switch outcome.get()! {
    case .failure(let error): throw ScrapeFailure(message: "\(error.url): \(describe(error.cause))")
    case .success(let response):
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
    case .aborted: "aborted"
    case .transfer(let why): why
    }
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
