import Network
import Runtime
import V8

/// `EventSource` of the page realm (HTML §9.2 server-sent events): the JavaScript in
/// `apis/event-source.js` (the interface, the reconnection, the interpretation of the event
/// stream), and the event streams themselves through the network layer's streamed fetch.
///
/// What Swift guarantees: a stream is a CORS request of the page (`FetchAPI.prepare` and its
/// CORS check of the response's head, `Accept: text/event-stream`, `Cache-Control: no-cache`,
/// cookies by the credentials mode) and does not hold the page's clock (virtual-time rule 2: an
/// open stream may last forever); its body is handed to the page as it arrives, decoded as UTF-8
/// (a character split across chunks is kept whole), each chunk a task of the page; the streams of
/// a page are aborted when its realm is disposed (the page closed).
///
/// Host functions (hostile callers get a `HostError`): `connect(url, credentials, lastEventID,
/// callback)` starts a stream and returns its id (a number), or a message string when the request
/// is refused before the network (then `callback` is never called). `callback` runs as tasks of
/// the page: `('response', status, mimeTypeEssence, finalURL)` once the head is in,
/// `('data', text)` for each chunk, then `('end', null)` when the body ended or `('end', message)`
/// for a network error; or, instead of the head, `('blocked', message)` for a response CORS
/// blocks (the stream is stopped). Nothing comes after `abort(id)`, which stops a stream of this
/// page (an unknown or ended id does nothing).
enum EventSourceAPI: PageAPI {
  static let `extension` = Extension(
    name: "eventSource",
    hostFunctions: ["connect", "abort"],
    scripts: [Extension.Script(name: "event-source", source: Extension.resource("apis/event-source.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    let streams = Streams()
    return [
      "eventSource.connect": { arguments in
        guard let url = arguments.first?.stringValue, let credentialsName = arguments.dropFirst().first?.stringValue,
          let credentials = FetchAPI.Credentials(rawValue: credentialsName), credentials != .omit,
          let lastEventID = arguments.dropFirst(2).first?.stringValue,
          case .function(let callback)? = arguments.dropFirst(3).first
        else { throw HostError("connect(url, credentials, lastEventID, callback)") }
        let id = streams.nextID()
        switch connect(url, credentials: credentials, lastEventID: lastEventID, for: environment, streams: streams, id: id) {
        case .failure(let refusal):
          return .string(refusal.message)
        case .success(let start):
          start(callback)
          return .number(Double(id))
        }
      },
      "eventSource.abort": { arguments in
        guard let id = arguments.first?.numberValue, id.isFinite, id >= 1, id < 9e15 else { throw HostError("abort(id)") }
        streams.abort(Int(id))
        return .undefined
      },
    ]
  }

  /// Prepares the stream's request (HTML §9.2.2 constructor steps 6–14, §9.2.3 reestablishing
  /// steps 5.3–5.4); returns what starts it with its callback, or why it may not be made.
  private static func connect(
    _ url: String, credentials: FetchAPI.Credentials, lastEventID: String, for environment: PageEnvironment, streams: Streams,
    id: Int
  ) -> Result<(JSReference) -> Void, FetchAPI.Failure> {
    var headers = [Header("Accept", "text/event-stream"), Header("Cache-Control", "no-cache")]
    if !lastEventID.isEmpty { headers.append(Header("Last-Event-ID", lastEventID)) }
    let pageRequest = FetchAPI.PageRequest(request: Request(url: url, headers: headers), mode: .cors, credentials: credentials)
    let origin = FetchAPI.pageOrigin(environment)
    let request: Request
    switch FetchAPI.prepare(pageRequest, origin: origin) {
    case .failure(let failure): return .failure(failure)
    case .success(let prepared):
      request = environment.prepared(prepared, sendingCookies: FetchAPI.sendsCookies(pageRequest, origin: origin))
    }
    let fetcher = environment.browserContext.fetcher
    return .success { callback in
      let loop = environment.realm.loop
      let context = environment.realm.context
      let stream = Stream(callback: callback)
      let page = Weak(environment)
      let open = Weak(streams)
      // An open stream keeps the loop from reporting that nothing is left, without holding the clock.
      loop.expectTask()
      // `streams` weakly: the network thread holds this closure while the stream is open, and
      // `streams` must go with the page's host functions (its `deinit` aborts the stream).
      let controller = fetcher.stream(request) { progress in
        let ends: Bool
        if case .end = progress { ends = true } else { ends = false }
        loop.post(to: context, fulfilling: ends) {
          guard let environment = page.value, let streams = open.value, streams.isOpen(id) else { return }
          if ends { streams.ended(id) }
          if !stream.receive(progress, pageRequest: pageRequest, origin: origin, environment: environment) { streams.abort(id) }
        }
      }
      streams.opened(id, controller)
    }
  }

  /// The streams of one page in flight, by the id its JavaScript holds; aborts them all when the
  /// page's host functions are dropped (its realm disposed).
  ///
  /// Touched on the isolate's thread only (its `deinit` too: the context drops its host functions there).
  private final class Streams: @unchecked Sendable {
    private var controllers: [Int: FetchController] = [:]
    private var lastID = 0

    deinit { for controller in controllers.values { controller.abort() } }

    func nextID() -> Int {
      lastID += 1
      return lastID
    }

    func opened(_ id: Int, _ controller: FetchController) { controllers[id] = controller }
    func isOpen(_ id: Int) -> Bool { controllers[id] != nil }
    func ended(_ id: Int) { controllers[id] = nil }
    func abort(_ id: Int) { controllers.removeValue(forKey: id)?.abort() }
  }

  /// One stream's callback and the bytes of a character not yet complete; used on the isolate's
  /// thread only, in the order the network reported.
  private final class Stream: @unchecked Sendable {
    let callback: JSReference
    private var pending: [UInt8] = []

    init(callback: JSReference) { self.callback = callback }

    /// Hands `progress` to the page's callback; false when the stream is to stop (CORS blocked it).
    func receive(_ progress: FetchProgress, pageRequest: FetchAPI.PageRequest, origin: String, environment: PageEnvironment)
      -> Bool
    {
      let context = environment.realm.context
      switch progress {
      case .response(let head):
        let checked = FetchAPI.filter(
          .success(Response(head: head, body: [], timing: FetchTiming())), of: pageRequest, origin: origin,
          environment: environment)
        if case .failure(let failure) = checked {
          _ = try? context.call(callback, [.string("blocked"), .string(failure.message)])
          return false
        }
        _ = try? context.call(
          callback,
          [.string("response"), .number(Double(head.status)), .string(head.contentType?.essence ?? ""), .string(head.url)])
      case .bodyChunk(let bytes):
        let text = decode(bytes)
        if !text.isEmpty { _ = try? context.call(callback, [.string("data"), .string(text)]) }
      case .end(let result):
        if !pending.isEmpty {
          // A character cut off by the end of the body: U+FFFD, as UTF-8 decode makes it.
          _ = try? context.call(callback, [.string("data"), .string(String(decoding: pending, as: UTF8.self))])
          pending = []
        }
        switch result {
        case .success: _ = try? context.call(callback, [.string("end"), .null])
        case .failure(let error): _ = try? context.call(callback, [.string("end"), .string("\(error.cause) (\(error.url))")])
        }
      }
      return true
    }

    /// `bytes` after the pending ones, decoded as UTF-8 up to the last complete character; the
    /// bytes of an incomplete last character wait for the next chunk.
    private func decode(_ bytes: [UInt8]) -> String {
      let all = pending + bytes
      var end = all.count
      // A lead byte among the last three whose sequence runs past the end starts an incomplete character.
      for back in 1...min(3, all.count) {
        let byte = all[all.count - back]
        if byte & 0xC0 == 0x80 { continue }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        if length > back { end = all.count - back }
        break
      }
      pending = Array(all[end...])
      return String(decoding: all[..<end], as: UTF8.self)
    }
  }

  /// A weak reference that crosses to the network thread and back (read on the isolate's thread only).
  private final class Weak<Value: AnyObject>: @unchecked Sendable {
    weak var value: Value?
    init(_ value: Value) { self.value = value }
  }
}
