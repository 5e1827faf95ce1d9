/// What a streamed fetch (`Fetcher.stream`) reports as it happens: the response's head, its body
/// in chunks, then the end.
///
/// Reports come in this order, each on the network thread: at most one `response`, then any
/// number of `bodyChunk`s (only after a `response`), then exactly one `end`, which is the last.
/// An `end` with a network error may come before the head (nothing answered: a refused
/// connection, too many redirects) or after it (the connection broke, the timeout passed, the
/// fetch was aborted while the body was coming). Fetch's processResponse,
/// processResponseBodyChunk and processResponseEndOfBody, in one stream of values.
public enum FetchProgress: Sendable, Equatable {
  /// The final response's head: redirects were followed and its headers are all in.
  case response(ResponseHead)
  /// The next bytes of the body, content-decoded, in the order they arrived. Never empty.
  case bodyChunk([UInt8])
  /// The fetch is over: the body is complete (when each phase ended), or a network error stopped it.
  case end(Result<FetchTiming, NetworkError>)
}
