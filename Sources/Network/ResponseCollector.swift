/// Puts a streamed fetch's reports together into one `Response` for `Fetcher.start`.
///
/// Used on the network thread only (the reports of one fetch arrive there in order), hence
/// `@unchecked Sendable`. Calls `processResponse`, when given, with the head at the end of the
/// network thread's pass in which it arrived, unless the fetch ended in that same pass (its owner
/// then gets the whole response at once, never a head alone just before it), and `completion`
/// once, at the end: with the head, every chunk in order and the timing, or with the network
/// error.
final class ResponseCollector: @unchecked Sendable {
  private let processResponse: (@Sendable (ResponseHead) -> Void)?
  private let completion: @Sendable (Result<Response, NetworkError>) -> Void
  private var head: ResponseHead?
  private var body: [UInt8] = []
  private var ended = false

  init(
    processResponse: (@Sendable (ResponseHead) -> Void)? = nil,
    completion: @escaping @Sendable (Result<Response, NetworkError>) -> Void
  ) {
    self.processResponse = processResponse
    self.completion = completion
  }

  func receive(_ progress: FetchProgress) {
    switch progress {
    case .response(let head):
      self.head = head
      guard let processResponse else { return }
      NetworkThread.shared.atEndOfPass { [self] in
        if !ended { processResponse(head) }
      }
    case .bodyChunk(let chunk):
      // A body of one chunk (a file, a data: URL) is taken as it is, not copied.
      if body.isEmpty { body = chunk } else { body += chunk }
    case .end(.failure(let error)):
      ended = true
      completion(.failure(error))
    case .end(.success(let timing)):
      ended = true
      let head = head ?? ResponseHead(urlList: [], status: 0, statusText: "", headers: [])
      completion(.success(Response(head: head, body: body, timing: timing)))
      body = []
    }
  }
}
