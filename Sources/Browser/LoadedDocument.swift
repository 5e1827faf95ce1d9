/// A document's bytes as they arrived, with where they came from: what a page is loaded from.
public struct LoadedDocument: Sendable {
  /// The document's URL (`file:` for a saved page).
  public var url: String
  public var bytes: [UInt8]
  /// The MIME type's essence from `Content-Type` (or from the file's extension), lowercased.
  public var contentType: String
  /// The `charset` parameter of `Content-Type`, when the transport gave one.
  public var transportCharset: String?
  /// The HTTP response, for pages fetched over HTTP; nil for files.
  public var response: Response?
  /// `document.referrer`: the `Referer` the navigation's request was sent with (per the referring
  /// document's policy), nil for none.
  public var referrer: String?

  /// The final response of a fetch: its URL after redirects, status and headers.
  public struct Response: Sendable {
    public var url: String
    public var status: Int
    public var statusText: String
    /// Names lowercased, in order; repeated headers joined with ", " as Playwright gives them.
    public var headers: [(name: String, value: String)]

    public init(url: String, status: Int, statusText: String, headers: [(name: String, value: String)]) {
      self.url = url
      self.status = status
      self.statusText = statusText
      self.headers = headers
    }
  }

  public init(url: String, bytes: [UInt8], contentType: String, transportCharset: String? = nil, response: Response? = nil) {
    self.url = url
    self.bytes = bytes
    self.contentType = contentType
    self.transportCharset = transportCharset
    self.response = response
  }
}
