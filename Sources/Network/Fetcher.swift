import Synchronization

/// Fetches requests: `http:` and `https:` through libcurl on the process's one network thread,
/// `file:`, `data:` and `about:blank` without it.
///
/// `Sendable`; `start` and `stream` may be called from any thread and return at once. `start`
/// gives the whole response (its body at most `Transfer.bodyLimit`), `stream` reports the head,
/// the body chunk by chunk and the end as they happen (`FetchProgress`), keeping nothing. Their
/// callbacks run on the network thread, in order, possibly before the call returns (a request
/// libcurl refuses): they must only hand results on (post them to an isolate's event loop, resume
/// a continuation, count bytes) and never run JavaScript or block, since every fetch in the
/// process waits while one runs. A
/// request's `timeout` is kept by libcurl on the network thread, whatever the caller's thread is
/// doing. `fetch(_:)` is the async form, aborting the fetch when its task is cancelled. libcurl's
/// cookie engine stays off: a request's `CookieJar`, when it has one, gives and takes the cookies
/// of each hop. Proxies come from the
/// environment (`http_proxy`, `https_proxy`, `no_proxy`), read by libcurl.
public final class Fetcher: Sendable {
  private let thread: NetworkThread

  public init() { thread = .shared }

  /// Starts fetching `request`; `completion` gets the response or the network error.
  ///
  /// `processResponse`, when given, gets the final response's head as soon as its headers are in
  /// (Fetch's processResponse), before `completion`; a fetch that fails before a response never
  /// calls it.
  @discardableResult
  public func start(
    _ request: Request, processResponse: (@Sendable (ResponseHead) -> Void)? = nil,
    completion: @escaping @Sendable (Result<Response, NetworkError>) -> Void
  ) -> FetchController {
    let collector = ResponseCollector(processResponse: processResponse, completion: completion)
    return start(request, bodyLimit: Transfer.bodyLimit) { collector.receive($0) }
  }

  /// Starts fetching `request`; `progress` gets the final response's head once its headers are in,
  /// then each chunk of its body as it arrives, then the end (`FetchProgress`).
  ///
  /// The body has no size limit and nothing of it is kept here: a consumer that drops chunks keeps
  /// memory bounded whatever the body's size. `file:`, `data:` and `about:blank` report their head,
  /// one chunk and their end.
  @discardableResult
  public func stream(_ request: Request, progress: @escaping @Sendable (FetchProgress) -> Void) -> FetchController {
    start(request, bodyLimit: nil, report: progress)
  }

  private func start(
    _ request: Request, bodyLimit: Int?, report: @escaping @Sendable (FetchProgress) -> Void
  ) -> FetchController {
    let id = thread.makeID()
    let scheme = Self.scheme(of: request.url)
    switch scheme {
    case "http", "https":
      if let port = BadPort.blocking(request.url) {
        // Fetch's main fetch: a request to a bad port is a network error, sent nowhere.
        let url = request.url
        thread.answer(
          NetworkThread.LocalFetch(
            id: id, url: url, produce: { .failure(NetworkError(url: url, cause: .badPort(port))) }, report: report))
        break
      }
      thread.add(Transfer(id: id, request: request, bodyLimit: bodyLimit, report: report))
    default:
      // A file is read on a dispatch queue, not the network thread, so no transfer waits on a disk.
      thread.answer(
        NetworkThread.LocalFetch(id: id, url: request.url, produce: { Self.schemeFetch(request, scheme: scheme) }, report: report)
      )
    }
    return FetchController(id: id, thread: thread)
  }

  /// Fetches `request`, aborting the fetch when the calling task is cancelled.
  public func fetch(_ request: Request) async throws(NetworkError) -> Response {
    let cancellation = Mutex(Cancellation())
    let result: Result<Response, NetworkError> = await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let controller = start(request) { continuation.resume(returning: $0) }
        let cancelled = cancellation.withLock { state in
          state.controller = controller
          return state.cancelled
        }
        if cancelled { controller.abort() }
      }
    } onCancel: {
      let controller = cancellation.withLock { state in
        state.cancelled = true
        return state.controller
      }
      controller?.abort()
    }
    return try result.get()
  }

  /// Whether the task was cancelled and the fetch's controller, whichever comes first.
  private struct Cancellation {
    var cancelled = false
    var controller: FetchController?
  }

  /// The URL's scheme, lowercased, or nil when the URL does not start with one and a `:` (an
  /// ASCII letter, then letters, digits, `+`, `-` and `.`, as the URL Standard's scheme state).
  static func scheme(of url: String) -> String? {
    guard let colon = url.firstIndex(of: ":") else { return nil }
    let scheme = url[..<colon].unicodeScalars
    func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    guard let first = scheme.first, isLetter(first),
      scheme.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
    else { return nil }
    return String(scheme).lowercased()
  }
}
