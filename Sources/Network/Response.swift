/// The result of a fetch: the final response after redirects, with its body read in full.
///
/// A value type, `Sendable`. Any HTTP status is a response (a 404 included); failures to get one
/// are `NetworkError`s. `headers` are the final response's, in the order received, values
/// isomorphically decoded; the body is decoded from its `Content-Encoding` (gzip, br, zstd) when
/// libcurl supports it, while the `Content-Encoding` header stays as received.
public struct Response: Sendable, Equatable {
  /// Every URL fetched, the request's first and the final response's last (Fetch's URL list).
  public var urlList: [String]
  /// The status code, 200 for `file:` and `data:` URLs.
  public var status: Int
  /// The reason phrase of the status line (empty over HTTP/2, which has none).
  public var statusText: String
  /// The final response's headers, in order.
  public var headers: [Header]
  /// The body's bytes, content-decoded.
  public var body: [UInt8]
  /// When each phase ended.
  public var timing: FetchTiming

  public init(urlList: [String], status: Int, statusText: String, headers: [Header], body: [UInt8], timing: FetchTiming) {
    self.urlList = urlList
    self.status = status
    self.statusText = statusText
    self.headers = headers
    self.body = body
    self.timing = timing
  }

  /// The head, the body and the timing of a streamed fetch, put together.
  public init(head: ResponseHead, body: [UInt8], timing: FetchTiming) {
    self.init(
      urlList: head.urlList, status: head.status, statusText: head.statusText, headers: head.headers, body: body, timing: timing)
  }

  /// The response without its body.
  public var head: ResponseHead { ResponseHead(urlList: urlList, status: status, statusText: statusText, headers: headers) }

  /// The final URL, after redirects.
  public var url: String { urlList.last ?? "" }

  /// Whether the fetch followed at least one redirect.
  public var redirected: Bool { urlList.count > 1 }

  /// Whether the status is in 200–299.
  public var ok: Bool { (200...299).contains(status) }

  /// The MIME type extracted from the `Content-Type` headers (Fetch's "extract a MIME type"), or
  /// nil when there is none or none parses.
  public var contentType: MIMEType? { MIMEType.extract(from: headers) }

  /// The `charset` parameter of the content type, as written (a label, not yet resolved to an
  /// encoding), or nil.
  public var charset: String? { contentType?.parameter(named: "charset") }
}
