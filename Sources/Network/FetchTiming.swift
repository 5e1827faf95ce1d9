/// When the phases of a fetch ended, for the Resource Timing and Navigation Timing APIs.
///
/// Durations are measured on a monotonic clock. `redirect` runs from the fetch's start to the
/// start of the final request; the connection marks are offsets from the start of that final
/// request, as libcurl measures them (a reused connection has zero lookup and connect times;
/// `secureConnection` is nil without TLS). Fetches of `file:`, `data:` and `about:` have zero marks.
public struct FetchTiming: Sendable, Equatable {
  /// Time spent on redirects before the final request started.
  public var redirect: Duration
  /// End of the final request's domain lookup.
  public var domainLookup: Duration
  /// End of the final request's TCP connection.
  public var connect: Duration
  /// End of the final request's TLS handshake, or nil when there was none.
  public var secureConnection: Duration?
  /// Arrival of the final response's first byte.
  public var responseStart: Duration
  /// Arrival of the final response's last byte.
  public var responseEnd: Duration
  /// The whole fetch, redirects included.
  public var total: Duration

  public init(
    redirect: Duration = .zero, domainLookup: Duration = .zero, connect: Duration = .zero,
    secureConnection: Duration? = nil, responseStart: Duration = .zero, responseEnd: Duration = .zero,
    total: Duration = .zero
  ) {
    self.redirect = redirect
    self.domainLookup = domainLookup
    self.connect = connect
    self.secureConnection = secureConnection
    self.responseStart = responseStart
    self.responseEnd = responseEnd
    self.total = total
  }
}
