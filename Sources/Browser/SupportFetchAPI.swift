import Foundation
import Network
import Runtime
import V8
import WebURL

/// Node 18's `fetch`, `Headers`, `Request` and `Response` for a Node-compatible support realm,
/// with the `Event`, `EventTarget`, `AbortController`, `AbortSignal` and `DOMException` globals
/// they need: the page realm's own scripts (`dom/events.js`, `fetch/fetch.js`), installed after
/// `NodeRuntime.extension` by `fetch/node-globals.js`, over this extension's host functions.
///
/// What differs from a page's fetch is what differs in Node (undici): no CORS, no cookies, no
/// forbidden request headers, no `Referer`, absolute URLs only, responses of type `basic` (a
/// `manual` redirect gives the redirect response itself); `http:`, `https:` and `data:` URLs (any
/// other scheme is a network error, as in Node); a request without them gets undici's
/// `User-Agent: undici`, `Accept-Language: *` and `Sec-Fetch-Mode: cors`; TLS is verified unless
/// the environment has `NODE_TLS_REJECT_UNAUTHORIZED=0`. A network error rejects with `TypeError:
/// fetch failed` whose `cause` carries Node's message and `code` (`connect ECONNREFUSED
/// 127.0.0.1:8080`, `ECONNREFUSED`). `Blob`, `File` and `FormData` are the page realm's
/// (`apis/blob.js`, `apis/form-data.js`), so a step can post a `FormData` as multipart/form-data
/// or a `Blob` as its bytes, and read `formData()` and `blob()`; what blob.js reads of a page's
/// clock, settings and crypto comes from `fetch/node-file-environment.js`. Not there: response
/// bodies as streams.
///
/// Host functions: `start(request, callback)` (the request as `FetchAPI.pageRequest` reads it)
/// returns an id for `abort(id)`, or a refusal's message; `callback(response)` or
/// `callback(message, code)` runs later as a task of the realm's event loop (`EventLoop.post`, the
/// loop told to expect it), at the top level, never inside the caller; `abort(id)` stops a fetch
/// in flight (its task still comes, with a network error the script ignores once it rejected);
/// `decode` and `encode` are the page's (`FetchAPI.textHostFunctions`). All run on the realm's
/// isolate thread; the network thread only posts.
///
/// The scripts take the names `internals`, `safe-array-iterator`, `dom-exception`, `events`,
/// `encoding`, `node-file-environment`, `blob`, `form-data`, `fetch` and `node-globals` in the
/// realm's `runtime`: the DOM's `events` there replaces the empty export of Node's `events.js`
/// (`require('events')` is unchanged); `encoding` gives blob.js its byte helpers only (its
/// `TextDecoder` is not installed, so its legacy-encoding host functions are never called).
public enum SupportFetchAPI {
  /// The scripts in install order: the DOM's events and what they need, the body types, fetch, the globals.
  static let scriptPaths = [
    ("internals", "dom/internals.js"), ("safe-array-iterator", "dom/safe-array-iterator.js"),
    ("dom-exception", "dom/dom-exception.js"), ("events", "dom/events.js"), ("encoding", "apis/encoding.js"),
    ("node-file-environment", "fetch/node-file-environment.js"), ("blob", "apis/blob.js"), ("form-data", "apis/form-data.js"),
    ("fetch", "fetch/fetch.js"), ("node-globals", "fetch/node-globals.js"),
  ]

  public static let `extension` = Extension(
    name: "fetch", hostFunctions: ["start", "abort", "decode", "encode"], natives: [.clock("now")],
    scripts: scriptPaths.map { Extension.Script(name: $0.0, source: Extension.resource($0.1, in: .module)) })

  /// The Swift bodies of the extension's host functions for `realm`, keyed `fetch.<name>`.
  public static func hostFunctions(for realm: Realm, fetcher: Fetcher = Fetcher()) -> [String: HostFunction] {
    let inFlight = FetchesInFlight()
    let verifiesTLS = ProcessInfo.processInfo.environment["NODE_TLS_REJECT_UNAUTHORIZED"] != "0"
    let functions: [String: HostFunction] = [
      "fetch.start": { [weak realm] arguments in
        guard let realm else { throw HostError("the realm is gone") }
        var request = try FetchAPI.pageRequest(arguments.first).request
        guard case .function(let callback)? = arguments.dropFirst().first else { throw HostError("start(request, callback)") }
        if let refusal = refusal(of: request.url) { return .string(refusal) }
        for (name, value) in [("User-Agent", "undici"), ("Accept-Language", "*"), ("Sec-Fetch-Mode", "cors")]
        where !request.headers.contains(named: name) {
          request.headers.append(Header(name, value))
        }
        request.ignoreHTTPSErrors = !verifiesTLS
        let id = inFlight.nextID()
        let loop = realm.loop
        let context = realm.context
        loop.expectTask()
        inFlight.controllers[id] = fetcher.start(request) { result in
          loop.post(to: context, fulfilling: true) {
            inFlight.controllers[id] = nil
            _ = try? context.call(callback, callbackArguments(result))
          }
        }
        return .number(Double(id))
      },
      "fetch.abort": { arguments in
        guard let id = arguments.first?.numberValue, id.isFinite, id >= 1, id < 9e15 else { throw HostError("abort(id)") }
        inFlight.controllers.removeValue(forKey: Int(id))?.abort()
        return .undefined
      },
    ]
    return functions.merging(FetchAPI.textHostFunctions()) { $1 }
  }

  /// Why Node's fetch fails `url` before the network (undici's messages), or nil for a URL it
  /// fetches.
  static func refusal(of url: String) -> String? {
    guard let record = WebURL.URLRecord(url) else { return "Invalid URL" }
    switch record.protocol {
    case "http:", "https:", "data:": return nil
    case "file:": return "not implemented... yet..."
    case "about:": return "about scheme is not supported"
    default: return "unknown scheme"
    }
  }

  /// What the script's callback gets: `[response]` (see `FetchAPI.javaScriptValue`), or `[message,
  /// code]` for a network error.
  static func callbackArguments(_ result: Result<Response, NetworkError>) -> [JSValue] {
    switch result {
    case .success(let response):
      return [FetchAPI.javaScriptValue(.success(FetchAPI.PageResponse(type: .basic, response: response)))]
    case .failure(let error):
      let cause = nodeCause(error)
      return [.string(cause.message)] + (cause.code.map { [JSValue.string($0)] } ?? [])
    }
  }

  /// The error Node's fetch gives as the `cause` of `TypeError: fetch failed`: its message and,
  /// for a system error, its `code`.
  static func nodeCause(_ error: NetworkError) -> (message: String, code: String?) {
    let url = WebURL.URLRecord(error.url)
    let hostname = (url?.hostname ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    let port = url.map { $0.port.isEmpty ? ($0.protocol == "https:" ? "443" : "80") : $0.port } ?? ""
    switch error.cause {
    case .connectionRefused: return ("connect ECONNREFUSED \(hostname):\(port)", "ECONNREFUSED")
    case .unknownHost: return ("getaddrinfo ENOTFOUND \(hostname)", "ENOTFOUND")
    case .timeout: return ("Connect Timeout Error", "UND_ERR_CONNECT_TIMEOUT")
    case .tooManyRedirects: return ("redirect count exceeded", nil)
    case .redirectNotAllowed: return ("unexpected redirect", nil)
    case .invalidRedirect(let location): return ("invalid redirect: \(location)", nil)
    case .invalidDataURL: return ("failed to fetch the data URL", nil)
    case .unsupportedScheme(let scheme): return (scheme == "file" ? "not implemented... yet..." : "unknown scheme", nil)
    case .badPort: return ("bad port", nil)
    case .aborted: return ("This operation was aborted", "ABORT_ERR")
    case .invalidURL: return ("Invalid URL", "ERR_INVALID_URL")
    case .connectionFailed(let message), .tls(let message), .transfer(let message): return (message, nil)
    case .fileNotFound, .fileUnreadable: return ("not implemented... yet...", nil)
    }
  }

}
