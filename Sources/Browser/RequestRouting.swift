import Foundation
import Network
import Runtime
import V8

/// Playwright's view of a browser context's network: every request of its pages (and their
/// frames) is announced to the support realm, which may route it (`page.route`,
/// `browserContext.route`); a routed request waits for its route's decision (continue, fulfill,
/// abort), and every request's end is announced (`response` / `requestfailed`).
///
/// Guarantees: `announce(kind, pageId, requestId, dataText)` is called on the isolate's thread:
/// `request` synchronously while the request starts (its JSON: `url`, `method`, `headers` with
/// lowercased names, `postData` in base64 or null, `resourceType`, `isNavigationRequest`; the
/// announcement gives `true` when a route takes the request), `route` in a task of its own once a
/// routed request waits, and `response` (`url`, `status`, `statusText`, `headers`) or `failed`
/// (`errorText`) in the task that completes the fetch. A decision for a request that is no longer
/// waiting (decided already, or aborted by its page) does nothing and gives false. Response bodies
/// are kept until the context closes (`body`). Used on the isolate's thread only.
public final class RequestRouting: @unchecked Sendable {
  /// A request waiting for its route's decision.
  private struct Pending {
    let request: Request
    let start: (Request, Int) -> FetchController
    let fulfill: (Response, Int) -> Void
    let fail: (NetworkError, Int) -> Void
  }

  /// The support realm's listener: `(kind, pageId, requestId, dataText) -> value`.
  public typealias Announce = (_ kind: String, _ pageId: Int, _ requestId: Int, _ data: String) -> JSValue

  private let announce: Announce
  /// The registry number of the page an environment (or a frame's) belongs to.
  private let pageNumber: (Page) -> Int?
  private var pending: [Int: Pending] = [:]
  /// The fetches of routed requests that went on to the network, by request id.
  private var continued: [Int: FetchController] = [:]
  private var bodies: [Int: [UInt8]] = [:]
  private var pages: [Int: Int] = [:]
  private var next = 1

  public init(pageNumber: @escaping (Page) -> Int?, announce: @escaping Announce) {
    self.pageNumber = pageNumber
    self.announce = announce
  }

  /// Starts `request` of the page `environment` shows: announced, then either started with
  /// `start` or held for its route's decision (`fulfill` and `fail` complete it without the network).
  func intercept(
    _ request: Request, from environment: PageEnvironment, start: @escaping (Request, Int) -> FetchController,
    fulfill: @escaping (Response, Int) -> Void, fail: @escaping (NetworkError, Int) -> Void
  ) -> FetchController {
    let id = next
    next += 1
    guard let page = environment.topLevelPage, let number = pageNumber(page) else { return start(request, id) }
    pages[id] = number
    let routed = announce("request", number, id, Self.describe(request))
    guard routed == .bool(true) else { return start(request, id) }
    pending[id] = Pending(request: request, start: start, fulfill: fulfill, fail: fail)
    let loop = environment.realm.loop
    loop.post(to: nil) { [weak self] in _ = self?.announce("route", number, id, "{}") }
    return FetchController { [weak self] in
      loop.post(to: nil) { [weak self] in self?.abortWaiting(id) }
    }
  }

  /// The page aborted a request (a navigation away, `AbortController`): a waiting one fails now.
  private func abortWaiting(_ id: Int) {
    if let waiting = pending.removeValue(forKey: id) {
      waiting.fail(NetworkError(url: waiting.request.url, cause: .aborted), id)
    } else {
      continued[id]?.abort()
    }
  }

  /// A fetch announced here completed (on the network or by a route).
  func finished(_ id: Int, _ result: Result<Response, NetworkError>) {
    continued[id] = nil
    guard let number = pages[id] else { return }
    switch result {
    case .success(let response):
      bodies[id] = response.body
      let fields: [(key: String, value: JSValue)] = [
        ("url", .string(response.url)), ("status", .number(Double(response.status))),
        ("statusText", .string(response.statusText)), ("headers", Self.headers(response.headers)),
      ]
      _ = announce("response", number, id, Self.json(fields))
    case .failure(let error):
      // Chromium's error name, as Playwright's `request.failure().errorText` gives it.
      let errorText: String
      if case .connectionFailed(let reason) = error.cause, reason.hasPrefix("net::") {
        errorText = reason
      } else {
        errorText = DocumentLoader.chromiumError(error.cause)
      }
      _ = announce("failed", number, id, Self.json([(key: "errorText", value: .string(errorText))]))
    }
  }

  /// `route.continue(overrides)`: the waiting request goes to the network, with `url`, `method`,
  /// `headers` (replacing all of them) and `postData` (bytes) changed where given.
  @discardableResult
  public func proceed(_ id: Int, url: String?, method: String?, headers: [Header]?, postData: [UInt8]?) -> Bool {
    guard let waiting = pending.removeValue(forKey: id) else { return false }
    var request = waiting.request
    if let url { request.url = url }
    if let method { request.method = method }
    if let headers { request.headers = headers }
    if let postData { request.body = postData }
    continued[id] = waiting.start(request, id)
    return true
  }

  /// `route.fulfill(...)`: the waiting request gets `response` without the network.
  @discardableResult
  public func fulfill(_ id: Int, status: Int, statusText: String, headers: [Header], body: [UInt8]) -> Bool {
    guard let waiting = pending.removeValue(forKey: id) else { return false }
    waiting.fulfill(
      Response(
        urlList: [waiting.request.url], status: status, statusText: statusText, headers: headers, body: body,
        timing: FetchTiming()), id)
    return true
  }

  /// `route.abort(errorCode)`: the waiting request fails.
  @discardableResult
  public func abort(_ id: Int, reason: String) -> Bool {
    guard let waiting = pending.removeValue(forKey: id) else { return false }
    waiting.fail(NetworkError(url: waiting.request.url, cause: .connectionFailed(reason)), id)
    return true
  }

  /// The body of a request's response, once it completed (nil before, or for a failed one).
  public func body(_ id: Int) -> [UInt8]? { bodies[id] }

  /// Forgets what was kept (the context closed).
  public func close() {
    for id in pending.keys.sorted() { abortWaiting(id) }
    bodies = [:]
    pages = [:]
  }

  private static func describe(_ request: Request) -> String {
    let accept = request.headers.last { $0.name.lowercased() == "accept" }?.value ?? ""
    let type =
      request.isTopLevelNavigation
      ? "document"
      : accept.hasPrefix("text/html")
        ? "document"
        : accept.hasPrefix("text/css")
          ? "stylesheet"
          : accept.hasPrefix("image/") ? "image" : "fetch"
    let fields: [(key: String, value: JSValue)] = [
      ("url", .string(request.url)), ("method", .string(request.method)), ("headers", headers(request.headers)),
      ("postData", request.body.map { .string(Data($0).base64EncodedString()) } ?? .null), ("resourceType", .string(type)),
      ("isNavigationRequest", .bool(request.isTopLevelNavigation)),
    ]
    return json(fields)
  }

  /// Names lowercased and sorted; a repeated header joined with ", " (Playwright's `headers()`).
  private static func headers(_ list: [Header]) -> JSValue {
    var names: [String] = []
    var joined: [String: String] = [:]
    for header in list {
      let name = header.name.lowercased()
      if let earlier = joined[name] {
        joined[name] = "\(earlier), \(header.value)"
      } else {
        names.append(name)
        joined[name] = header.value
      }
    }
    return .object(JSObject(names.sorted().map { (key: $0, value: .string(joined[$0] ?? "")) }))
  }

  /// An announcement's data: a JSON object of `fields`, in order (this runs for every request,
  /// so it writes the text directly rather than through Foundation's serialization).
  private static func json(_ fields: [(key: String, value: JSValue)]) -> String {
    JSValue.object(JSObject(fields)).jsonText ?? "{}"
  }
}
