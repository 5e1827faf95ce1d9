/// A fetch that ended without a response: the URL it failed on and why.
///
/// The Fetch standard's network error, with its cause kept. An HTTP error status (404, 500) is not
/// a network error but a `Response`. `url` is the URL being fetched when it failed: the request's
/// URL, or the redirect target it had reached. Messages from libcurl are kept as libcurl wrote
/// them; rendering for users happens at the command line.
public struct NetworkError: Error, Sendable, Equatable {
  /// Why a fetch failed.
  public enum Cause: Sendable, Equatable {
    /// The URL could not be parsed.
    case invalidURL
    /// The URL's scheme is not one Caper fetches (`http`, `https`, `file`, `data`, `about:blank`).
    case unsupportedScheme(String)
    /// The host name did not resolve (DNS failure).
    case unknownHost
    /// The host refused the connection (nothing listens on the port).
    case connectionRefused
    /// The connection failed for another reason; libcurl's message.
    case connectionFailed(String)
    /// The TLS handshake or the certificate's verification failed; libcurl's message.
    case tls(String)
    /// The request's timeout passed before the response was complete.
    case timeout
    /// More than 20 redirects.
    case tooManyRedirects
    /// A redirect status came for a request whose redirect mode is `.error`.
    case redirectNotAllowed
    /// A redirect's `Location` is not a URL Caper follows (unparsable, or not HTTP(S)).
    case invalidRedirect(String)
    /// A `file:` URL names no file.
    case fileNotFound
    /// A `file:` URL names something that cannot be read (a folder, no permission); the reason.
    case fileUnreadable(String)
    /// A `data:` URL the data: URL processor rejects (no comma, bad base64).
    case invalidDataURL
    /// The URL's port is one Fetch blocks for HTTP(S) (`BadPort`): the port.
    case badPort(Int)
    /// The fetch was aborted through its `FetchController` or by cancelling its task.
    case aborted
    /// Another transfer failure; libcurl's message.
    case transfer(String)
  }

  /// The URL being fetched when the fetch failed.
  public let url: String
  /// Why it failed.
  public let cause: Cause

  public init(url: String, cause: Cause) {
    self.url = url
    self.cause = cause
  }
}
