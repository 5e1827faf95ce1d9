import Synchronization

/// Fetches requests: `http:` and `https:` through libcurl on the process's one network thread,
/// `file:`, `data:` and `about:blank` without it.
///
/// `Sendable`; `start` may be called from any thread and returns at once. Its completion runs on
/// the network thread, exactly once, possibly before `start` returns (a request libcurl refuses):
/// it must only hand the result on (post it to an isolate's event loop, resume a continuation) and
/// never run JavaScript or block, since every fetch in the process waits while it runs. A
/// request's `timeout` is kept by libcurl on the network thread, whatever the caller's thread is
/// doing. `fetch(_:)` is the async form, aborting the fetch when its task is cancelled. libcurl's
/// cookie engine stays off: a request's `CookieJar`, when it has one, gives and takes the cookies
/// of each hop. Proxies come from the
/// environment (`http_proxy`, `https_proxy`, `no_proxy`), read by libcurl.
public final class Fetcher: Sendable {
  private let thread: NetworkThread

  public init() { thread = .shared }

  /// Starts fetching `request`; `completion` gets the response or the network error.
  @discardableResult
  public func start(
    _ request: Request, completion: @escaping @Sendable (Result<Response, NetworkError>) -> Void
  ) -> FetchController {
    let id = thread.makeID()
    let scheme = Self.scheme(of: request.url)
    switch scheme {
    case "http", "https":
      thread.add(Transfer(id: id, request: request, completion: completion))
    default:
      // A file is read on a dispatch queue, not the network thread, so no transfer waits on a disk.
      thread.answer(
        NetworkThread.LocalFetch(
          id: id, url: request.url, produce: { Self.schemeFetch(request, scheme: scheme) }, completion: completion))
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
