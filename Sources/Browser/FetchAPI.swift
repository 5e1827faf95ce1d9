import Foundation
import HTML
import Network
import Runtime
import V8
import WebURL

/// `fetch`, `Headers`, `Request`, `Response` and `XMLHttpRequest` of the page realm (Fetch
/// Standard §5–§6, XMLHttpRequest Standard): the JavaScript in `fetch/`, and the one path by which
/// page code reaches the network, `FetchAPI.fetch`.
///
/// What Swift enforces, whatever the page's JavaScript asked: forbidden request headers are never
/// sent; a `file:` URL (or any scheme but `http`, `https` and `data`) is a network error, as from a
/// Chrome page; a cross-origin response reaches the page only through CORS (Fetch §4.9, the
/// response's `Access-Control-Allow-Origin`, and `Access-Control-Allow-Credentials` when
/// credentials are included) or as an opaque response for `no-cors`; `Set-Cookie` never reaches
/// the page. A cross-origin `cors` request that is not CORS-safelisted is preceded by its CORS
/// preflight (§4.8, `CORSPreflight`; no preflight cache) and sent only when the answer allows it.
///
/// Host functions (hostile callers get a `HostError`): `start(request, callback)` starts an
/// asynchronous fetch and returns its id (a number), or a network error's message when the request
/// is refused before the network (then `callback` is never called); `abort(id)` aborts a fetch of
/// this page still in flight (Fetch §5.6 step 12, the abort algorithm of the request's signal: the
/// network request stops, the page's clock is released, and `callback` gets a network error, which
/// the page ignores once it settled the fetch itself; an unknown or finished id does nothing);
/// `callback(result)` runs later as a task
/// of the page with the response (`[type, status, statusText, headers, body, urlList]`, headers
/// flat `[name, value, ...]`, body an `ArrayBuffer`) or a message string for a network error;
/// with `start(request, callback, true)` it first gets the head once the headers are in
/// (`[type, status, statusText, headers, null, urlList, true]`, Fetch's processResponse), unless
/// the whole response came at once.
/// `startSync(request, timeoutMilliseconds)` fetches while the isolate's thread waits (no task of
/// the event loop runs meanwhile: synchronous XHR) and returns the same result. `request` is
/// `[url, method, headers, body, redirect, mode, credentials]` and optionally `referrer`
/// (`about:client`, `no-referrer` or a URL) and `referrerPolicy` (`''` or a policy), `body` a
/// `Uint8Array` or null.
/// `decode(bytes, label)` decodes bytes in the encoding `label` names (UTF-8 when none; a byte
/// order mark wins, as the Encoding Standard's decode); `encode(string)` is UTF-8.
enum FetchAPI: PageAPI {
  static let scriptNames = ["fetch", "xml-http-request"]

  static let `extension` = Extension(
    name: "fetch",
    hostFunctions: ["start", "abort", "startSync", "decode", "encode"],
    scripts: scriptNames.map { Extension.Script(name: $0, source: Extension.resource("fetch/\($0).js", in: .module)) })

  /// A request's mode (Fetch §2.2.5): what a cross-origin response must pass.
  enum Mode: String, Sendable {
    case sameOrigin = "same-origin"
    case noCORS = "no-cors"
    case cors
  }

  /// A request's credentials mode (Fetch §2.2.5): whether cookies go with it.
  enum Credentials: String, Sendable {
    case omit
    case sameOrigin = "same-origin"
    case include
  }

  /// A response's type as the page sees it (Fetch §2.2.6 filtered responses).
  enum ResponseType: String, Sendable {
    case basic
    case cors
    case opaque
    case opaqueRedirect = "opaqueredirect"
  }

  /// A fetch a page makes: the network request and the Fetch Standard's modes around it.
  struct PageRequest: Sendable {
    var request: Request
    var mode: Mode
    var credentials: Credentials
    /// The request's own referrer policy (`fetch`'s `referrerPolicy`); nil for the empty one, the
    /// document's then applying.
    var referrerPolicy: ReferrerPolicy? = nil
    /// Whether its CORS preflight passed (so it is not asked again).
    var preflighted = false
  }

  /// Why a page's fetch failed: a network error, or a response the page may not read.
  struct Failure: Error, Sendable {
    /// What the console says (Chrome's wording for CORS), or the network error's cause.
    var message: String
  }

  /// The response as the page may see it: the filtered headers, its type, and (for an opaque
  /// response) nothing else.
  struct PageResponse: Sendable {
    var type: ResponseType
    var response: Response
  }

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    let inFlight = FetchesInFlight()
    let functions: [String: HostFunction] = [
      "fetch.start": { arguments in
        let request = try pageRequest(arguments.first)
        guard case .function(let callback)? = arguments.dropFirst().first else { throw HostError("start(request, callback)") }
        let id = inFlight.nextID()
        let wantsHead = arguments.dropFirst(2).first == .bool(true)
        let started = fetch(
          request, for: environment,
          processResponse: wantsHead
            ? { head in _ = try? environment.realm.context.call(callback, [javaScriptValue(head, bodyToFollow: true)]) } : nil,
          started: { controller in inFlight.controllers[id] = controller },
          completion: { result in
            inFlight.controllers[id] = nil
            _ = try? environment.realm.context.call(callback, [javaScriptValue(result)])
          })
        switch started {
        case .failure(let refusal): return .string(refusal.message)
        case .success(let controller):
          inFlight.controllers[id] = controller
          return .number(Double(id))
        }
      },
      "fetch.abort": { arguments in
        guard let id = arguments.first?.numberValue, id.isFinite, id >= 1, id < 9e15 else { throw HostError("abort(id)") }
        inFlight.controllers.removeValue(forKey: Int(id))?.abort()
        return .undefined
      },
      "fetch.startSync": { arguments in
        let request = try pageRequest(arguments.first)
        let timeout = arguments.dropFirst().first?.numberValue ?? 0
        return javaScriptValue(fetchSynchronously(request, for: environment, timeout: timeout > 0 ? .milliseconds(timeout) : nil))
      },
    ]
    return functions.merging(textHostFunctions()) { $1 }
  }

  /// The bodies of `decode` and `encode`, which need no page: a support realm's fetch has them too
  /// (`SupportFetchAPI`).
  static func textHostFunctions() -> [String: HostFunction] {
    [
      "fetch.decode": { arguments in
        let bytes: [UInt8]
        switch arguments.first {
        case .bytes(let value)?, .arrayBuffer(let value)?: bytes = value
        default: throw HostError("decode(bytes, label)")
        }
        let encoding =
          EncodingSniffer.byteOrderMark(bytes) ?? arguments.dropFirst().first?.stringValue.flatMap { Encoding(label: $0) }
          ?? .utf8
        return .string(String(decoding: EncodingDecoder.decode(bytes, encoding: encoding), as: UTF8.self))
      },
      "fetch.encode": { arguments in
        guard let text = arguments.first?.stringValue else { throw HostError("encode(string)") }
        return .bytes(Array(text.utf8))
      },
    ]
  }

  /// Starts `pageRequest` for the page of `environment`, its completion a later task of the page.
  ///
  /// Returns the controller that aborts it, or the failure, without calling `completion`, when the
  /// request is refused before the network (a scheme a page may not fetch, a cross-origin
  /// `same-origin` request).
  ///
  /// The path every fetch of a page takes (scripts, stylesheets and the cookie jar are to come
  /// through here too).
  static func fetch(
    _ pageRequest: PageRequest, for environment: PageEnvironment,
    processResponse: ((Result<PageResponse, Failure>) -> Void)? = nil,
    started: ((FetchController) -> Void)? = nil,
    completion: @escaping (Result<PageResponse, Failure>) -> Void
  ) -> Result<FetchController, Failure> {
    let origin = pageOrigin(environment)
    let request: Request
    switch prepare(pageRequest, origin: origin) {
    case .failure(let failure): return .failure(failure)
    case .success(let prepared): request = prepared
    }
    if let unsafe = preflightNeeded(pageRequest, origin: origin) {
      // Fetch §4.8: the OPTIONS request first; the request itself only when its answer allows it.
      let preflight = CORSPreflight.request(for: request, unsafeHeaderNames: unsafe, origin: origin)
      return .success(
        environment.fetch(preflight, sendingCookies: false, referrerPolicy: pageRequest.referrerPolicy) { result in
          if let failure = preflightFailure(result, of: pageRequest, unsafe: unsafe, origin: origin, environment: environment) {
            completion(.failure(failure))
            return
          }
          var allowed = pageRequest
          allowed.preflighted = true
          if case .success(let controller) = fetch(
            allowed, for: environment, processResponse: processResponse, started: started, completion: completion)
          {
            started?(controller)
          }
        })
    }
    return .success(
      environment.fetch(
        request, sendingCookies: sendsCookies(pageRequest, origin: origin), referrerPolicy: pageRequest.referrerPolicy,
        processResponse: processResponse.map { handOn in
          { head in
            handOn(
              filter(
                .success(Response(head: head, body: [], timing: FetchTiming())), of: pageRequest, origin: origin,
                environment: environment))
          }
        }
      ) { result in
        completion(filter(result, of: pageRequest, origin: origin, environment: environment))
      })
  }

  /// Fetches `pageRequest` while the calling thread waits (synchronous XHR): no task of the page's
  /// event loop runs meanwhile and its virtual clock stands still.
  static func fetchSynchronously(
    _ pageRequest: PageRequest, for environment: PageEnvironment, timeout: Duration?
  ) -> Result<PageResponse, Failure> {
    let origin = pageOrigin(environment)
    var request: Request
    switch prepare(pageRequest, origin: origin) {
    case .failure(let failure): return .failure(failure)
    case .success(let prepared): request = prepared
    }
    request.timeout = timeout
    if let unsafe = preflightNeeded(pageRequest, origin: origin) {
      var preflight = CORSPreflight.request(for: request, unsafeHeaderNames: unsafe, origin: origin)
      preflight.timeout = timeout
      preflight = environment.prepared(preflight, sendingCookies: false, referrerPolicy: pageRequest.referrerPolicy)
      if let failure = preflightFailure(
        waitFor(preflight, in: environment), of: pageRequest, unsafe: unsafe, origin: origin, environment: environment)
      {
        return .failure(failure)
      }
    }
    request = environment.prepared(
      request, sendingCookies: sendsCookies(pageRequest, origin: origin), referrerPolicy: pageRequest.referrerPolicy)
    return filter(waitFor(request, in: environment), of: pageRequest, origin: origin, environment: environment)
  }

  /// Fetches `request` while the calling thread waits.
  private static func waitFor(_ request: Request, in environment: PageEnvironment) -> Result<Response, NetworkError> {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox()
    environment.browserContext.fetcher.start(request) { result in
      box.result = result
      done.signal()
    }
    done.wait()
    return box.result!
  }

  /// Fetch §4.9 CORS check: why a cross-origin response's headers do not let `origin` read it
  /// (Chrome's wording), or nil when they do.
  static func corsProblem(_ headers: [Header], origin: String, credentialed: Bool) -> String? {
    let allowOrigin = headers.value(named: "Access-Control-Allow-Origin")
    if allowOrigin == nil { return "No 'Access-Control-Allow-Origin' header is present on the requested resource." }
    if allowOrigin == "*" && credentialed {
      return
        "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."
    }
    if allowOrigin != "*" && allowOrigin != origin {
      return
        "The 'Access-Control-Allow-Origin' header has a value '\(allowOrigin ?? "")' that is not equal to the supplied origin."
    }
    if credentialed && headers.value(named: "Access-Control-Allow-Credentials") != "true" {
      return
        "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."
    }
    return nil
  }

  /// The unsafe header names of a cross-origin `cors` request that needs a CORS preflight, or nil.
  static func preflightNeeded(_ pageRequest: PageRequest, origin: String) -> [String]? {
    guard pageRequest.mode == .cors, !pageRequest.preflighted, let url = WebURL.URLRecord(pageRequest.request.url),
      url.protocol == "http:" || url.protocol == "https:", origin == "null" || url.origin != origin
    else { return nil }
    var request = pageRequest.request
    request.headers.removeAll { isForbiddenRequestHeader($0.name) }
    return CORSPreflight.unsafeHeaderNames(of: request)
  }

  /// Why the preflight's `result` blocks the request (reported on the console as Chrome does), or nil.
  static func preflightFailure(
    _ result: Result<Response, NetworkError>, of pageRequest: PageRequest, unsafe: [String], origin: String,
    environment: PageEnvironment
  ) -> Failure? {
    let problem: String
    switch result {
    case .failure(let error): return Failure(message: "\(error.cause) (\(error.url))")
    case .success(let response):
      guard
        let found = CORSPreflight.problem(
          with: response, for: pageRequest.request, unsafeHeaderNames: unsafe, origin: origin,
          credentialed: pageRequest.credentials == .include)
      else { return nil }
      problem = found
    }
    let message =
      "Access to fetch at '\(pageRequest.request.url)' from origin '\(origin)' has been blocked by CORS policy: \(problem)"
    environment.consoleMessages.append(ConsoleMessage(type: "error", text: message, location: nil))
    return Failure(message: message)
  }

  /// The serialized origin of the page's document, `null` for an opaque one (`file:`, `about:blank`).
  static func pageOrigin(_ environment: PageEnvironment) -> String {
    WebURL.URLRecord(environment.url)?.origin ?? "null"
  }

  /// The request as it goes to the network (Fetch §4.1 main fetch, as far as Caper goes), or why
  /// it may not.
  static func prepare(_ pageRequest: PageRequest, origin: String) -> Result<Request, Failure> {
    var request = pageRequest.request
    guard let url = WebURL.URLRecord(request.url) else {
      return .failure(Failure(message: "Failed to parse URL from \(request.url)"))
    }
    let scheme = String(url.protocol.dropLast())
    if scheme == "data" { return .success(request) }
    guard scheme == "http" || scheme == "https" else {
      return .failure(Failure(message: "Fetch API cannot load \(request.url). URL scheme \"\(scheme)\" is not supported."))
    }
    request.headers.removeAll { isForbiddenRequestHeader($0.name) }
    let sameOrigin = origin != "null" && url.origin == origin
    if !sameOrigin {
      switch pageRequest.mode {
      case .sameOrigin:
        return .failure(
          Failure(
            message:
              "Fetch API cannot load \(request.url). Request mode is \"same-origin\" but the URL's origin is not same as the request origin \(origin)."
          ))
      case .noCORS:
        guard ["GET", "HEAD", "POST"].contains(request.method) else {
          return .failure(Failure(message: "'\(request.method)' is unsupported in no-cors mode."))
        }
      case .cors:
        request.headers.append(Header("Origin", origin))
      }
    } else if request.method != "GET" && request.method != "HEAD" {
      request.headers.append(Header("Origin", origin))
    }
    return .success(request)
  }

  /// Whether the request's credentials mode lets cookies go with it.
  ///
  /// Fetch §4.6: `include`, or `same-origin` for a same-origin URL. `PageEnvironment.fetch` gives
  /// every asynchronous fetch the context's jar today, whatever this says.
  static func sendsCookies(_ pageRequest: PageRequest, origin: String) -> Bool {
    switch pageRequest.credentials {
    case .omit: false
    case .include: true
    case .sameOrigin: origin != "null" && WebURL.URLRecord(pageRequest.request.url)?.origin == origin
    }
  }

  /// The response the page may see: CORS checked and headers filtered (Fetch §4.1 main fetch
  /// steps 12–14, §4.9 CORS check), or the failure.
  static func filter(
    _ result: Result<Response, NetworkError>, of pageRequest: PageRequest, origin: String, environment: PageEnvironment
  ) -> Result<PageResponse, Failure> {
    let response: Response
    switch result {
    case .failure(let error): return .failure(Failure(message: "\(error.cause) (\(error.url))"))
    case .success(let value): response = value
    }
    if pageRequest.request.redirect == .manual && [301, 302, 303, 307, 308].contains(response.status) {
      return .success(PageResponse(type: .opaqueRedirect, response: response))
    }
    let crossOrigin = response.urlList.contains { url in
      guard let record = WebURL.URLRecord(url), record.protocol != "data:" else { return false }
      return origin == "null" || record.origin != origin
    }
    var filtered = response
    guard crossOrigin else {
      filtered.headers.removeAll { $0.hasName("Set-Cookie") || $0.hasName("Set-Cookie2") }
      return .success(PageResponse(type: .basic, response: filtered))
    }
    if pageRequest.mode == .noCORS { return .success(PageResponse(type: .opaque, response: filtered)) }
    let credentialed = pageRequest.credentials == .include
    let problem = corsProblem(response.headers, origin: origin, credentialed: credentialed)
    if let problem {
      let message =
        "Access to fetch at '\(pageRequest.request.url)' from origin '\(origin)' has been blocked by CORS policy: \(problem)"
      environment.consoleMessages.append(ConsoleMessage(type: "error", text: message, location: nil))
      return .failure(Failure(message: message))
    }
    let exposed = Set(
      (response.headers.value(named: "Access-Control-Expose-Headers") ?? "").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      })
    let safelisted: Set = [
      "cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma",
    ]
    filtered.headers = response.headers.filter { header in
      let name = header.name.lowercased()
      if name == "set-cookie" || name == "set-cookie2" { return false }
      return safelisted.contains(name) || exposed.contains(name) || (!credentialed && exposed.contains("*"))
    }
    return .success(PageResponse(type: .cors, response: filtered))
  }

  /// Fetch §2.2.2 forbidden request-headers (by name; `X-HTTP-Method` overrides are always dropped).
  static func isForbiddenRequestHeader(_ name: String) -> Bool {
    let name = name.lowercased()
    return forbiddenRequestHeaders.contains(name) || name.hasPrefix("proxy-") || name.hasPrefix("sec-")
  }

  static let forbiddenRequestHeaders: Set = [
    "accept-charset", "accept-encoding", "access-control-request-headers", "access-control-request-method", "connection",
    "content-length", "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "set-cookie", "te",
    "trailer", "transfer-encoding", "upgrade", "via", "x-http-method", "x-http-method-override", "x-method-override",
  ]

  /// Reads `[url, method, headers, body, redirect, mode, credentials]` from the page's JavaScript.
  static func pageRequest(_ value: JSValue?) throws -> PageRequest {
    guard case .array(let fields)? = value, fields.count == 7 || fields.count == 9, let url = fields[0].stringValue,
      let method = fields[1].stringValue,
      case .array(let flatHeaders) = fields[2], flatHeaders.count % 2 == 0,
      let redirect = fields[4].stringValue, let modeName = fields[5].stringValue, let mode = Mode(rawValue: modeName),
      let credentialsName = fields[6].stringValue, let credentials = Credentials(rawValue: credentialsName)
    else { throw HostError("request: [url, method, headers, body, redirect, mode, credentials]") }
    var headers: [Header] = []
    for index in stride(from: 0, to: flatHeaders.count, by: 2) {
      guard let name = flatHeaders[index].stringValue, let value = flatHeaders[index + 1].stringValue else {
        throw HostError("headers: [name, value, ...]")
      }
      headers.append(Header(name, value))
    }
    let body: [UInt8]?
    switch fields[3] {
    case .bytes(let bytes), .arrayBuffer(let bytes): body = bytes
    case .null, .undefined: body = nil
    default: throw HostError("body: a Uint8Array or null")
    }
    let redirectMode: RedirectMode
    switch redirect {
    case "follow": redirectMode = .follow
    case "error": redirectMode = .error
    case "manual": redirectMode = .manual
    default: throw HostError("redirect: follow, error or manual")
    }
    var request = Request(url: url, method: method, headers: headers, body: body, redirect: redirectMode)
    var referrerPolicy: ReferrerPolicy?
    if fields.count == 9 {
      guard let referrer = fields[7].stringValue, let policy = fields[8].stringValue else {
        throw HostError("request: [..., referrer, referrerPolicy]")
      }
      if !policy.isEmpty {
        guard let known = ReferrerPolicy(rawValue: policy) else { throw HostError("referrerPolicy: \(policy)") }
        referrerPolicy = known
      }
      // Fetch §4.1 main fetch: "no-referrer" sends none; a URL (the Request constructor kept it
      // only when same-origin with the document) is the referrer; "about:client" the document.
      if referrer == "no-referrer" {
        referrerPolicy = .noReferrer
      } else if referrer != "about:client" {
        request.referrer = referrer
      }
    }
    return PageRequest(request: request, mode: mode, credentials: credentials, referrerPolicy: referrerPolicy)
  }

  /// The result as the page's JavaScript reads it: `[type, status, statusText, headers, body,
  /// urlList]` or a network error's message.
  static func javaScriptValue(_ result: Result<PageResponse, Failure>, bodyToFollow: Bool = false) -> JSValue {
    switch result {
    case .failure(let failure): return .string(failure.message)
    case .success(let page):
      let response = page.response
      var fields: [JSValue] = [
        .string(page.type.rawValue), .number(Double(response.status)), .string(response.statusText),
        .array(response.headers.flatMap { [JSValue.string($0.name), .string($0.value)] }),
        bodyToFollow ? .null : .arrayBuffer(response.body), .array(response.urlList.map { .string($0) }),
      ]
      if bodyToFollow { fields.append(true) }
      return .array(fields)
    }
  }

  /// Carries a synchronous fetch's result from the network thread to the waiting thread (the
  /// semaphore orders the write before the read).
  private final class ResultBox: @unchecked Sendable {
    var result: Result<Response, NetworkError>?
  }
}
