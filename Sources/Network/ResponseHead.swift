/// A response without its body: the final response's status and headers, after redirects, as
/// they are known once its headers have arrived (what Fetch's "process response" sees).
///
/// A value type, `Sendable`. The fields mean what `Response`'s fields of the same names mean.
public struct ResponseHead: Sendable, Equatable {
  /// Every URL fetched, the request's first and the final response's last (Fetch's URL list).
  public var urlList: [String]
  /// The status code, 200 for `file:` and `data:` URLs.
  public var status: Int
  /// The reason phrase of the status line (empty over HTTP/2, which has none).
  public var statusText: String
  /// The final response's headers, in order.
  public var headers: [Header]

  public init(urlList: [String], status: Int, statusText: String, headers: [Header]) {
    self.urlList = urlList
    self.status = status
    self.statusText = statusText
    self.headers = headers
  }

  /// The final URL, after redirects.
  public var url: String { urlList.last ?? "" }

  /// Whether the status is in 200–299.
  public var ok: Bool { (200...299).contains(status) }

  /// The MIME type extracted from the `Content-Type` headers (Fetch's "extract a MIME type"), or
  /// nil when there is none or none parses.
  public var contentType: MIMEType? { MIMEType.extract(from: headers) }
}
