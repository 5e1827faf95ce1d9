import Foundation
import Network
import Runtime
import V8
import WebURL

/// What a page realm's host functions reach in Swift: the realm, its browser context, the
/// document's URL, and where page errors and console messages go (HTML's environment settings
/// object, as far as Swift needs one).
///
/// Guarantees: the host functions of every page-realm extension get the same environment; they
/// run on the isolate's thread, and so do the completions `fetch` posts. A page's fetch holds its
/// virtual clock, and its ancestors' for a frame, at the real rate until the response's headers
/// arrive (virtual-time rule 2), and a completion is dropped when the page is closed first. Not `Sendable` in use: touched on the
/// isolate's thread only.
public final class PageEnvironment: @unchecked Sendable {
  public internal(set) var browserContext: BrowserContext
  /// The page realm (host functions run only once it is made).
  public var realm: Realm {
    guard let made else { preconditionFailure("the page realm is not made yet") }
    return made
  }
  /// The page showing this document (nil for a frame's: see `topLevelPage`); set by `Page`.
  weak var page: Page?
  /// The page this document, or the frame it is in, belongs to.
  var topLevelPage: Page? {
    var environment = self
    while let parent = environment.childNavigables.parent { environment = parent }
    return environment.page
  }
  /// Set once the page realm is made; the page owns the realm.
  unowned(unsafe) var made: Realm?
  /// The document's URL.
  public internal(set) var url: String
  /// The page's time origin, in milliseconds since the Unix epoch (`performance.timeOrigin`).
  public internal(set) var timeOrigin = Date().timeIntervalSince1970 * 1000
  /// Added to what `Date` reads (Playwright's `clock.setSystemTime`), in milliseconds.
  var systemTimeOffset = 0.0
  /// What `Date` reads while set (Playwright's `clock.setFixedTime`), in milliseconds since the epoch.
  var fixedTime: Double?

  /// The current time as the page's `Date` reads it, in whole milliseconds since the Unix epoch:
  /// the time origin plus the page's virtual time, moved by the clock controls.
  public var dateNow: Double {
    if let fixedTime { return fixedTime.rounded(.down) }
    return (timeOrigin + now + systemTimeOffset).rounded(.down)
  }
  /// The document's referrer policy (its policy container's, HTML §7.1.6): from its response's
  /// `Referrer-Policy` header, then from each `<meta name=referrer>` inserted (HTML §4.2.5.3);
  /// nil is none, which fetches read as the default, `strict-origin-when-cross-origin`.
  public internal(set) var referrerPolicy: ReferrerPolicy?
  /// The reading of the realm's clock when this document's time began: 0 for a page, the page's
  /// time for a frame (which runs on its page's clock).
  var clockZero = 0.0
  /// Milliseconds since this document's time origin, on the page's virtual clock
  /// (`performance.now()`).
  public var now: Double { (realm.loop.clock(of: realm.context)?.now ?? clockZero) - clockZero }
  /// The document's encoding (`document.characterSet`): what its scripts are decoded in when
  /// neither the response nor the element says.
  public internal(set) var characterSet = "UTF-8"
  /// Uncaught errors and unhandled rejections of the page, in order.
  public internal(set) var errors: [PageError] = []
  /// The page's console messages, in order.
  public internal(set) var consoleMessages: [ConsoleMessage] = []
  /// The navigations to another document the page asked for, in order, with how it asked for each
  /// (`location`, `reload()`, a history traversal out of this document, a link, a meta refresh;
  /// `LocationAPI`): the loader acts on them.
  public internal(set) var navigations: [NavigationRequest] = []
  /// Their URLs.
  public var navigationRequests: [String] { navigations.map(\.url) }
  /// The session history of the navigable the document is in, shared with the documents before
  /// and after it there (`Page` gives each of its documents its own; a frame has one of its own).
  public internal(set) var sessionHistory: SessionHistory
  /// The document's number in its navigable: its session history entries carry it.
  public internal(set) var documentNumber = 1
  /// The session storage of the page the document is in (shared across its navigations).
  var sessionStorage = SessionStorage()
  /// Starts a navigation of the document's navigable to another document (set by the `Page`
  /// showing it; without one, navigations are only recorded in `navigations`).
  var startNavigation: ((NavigationRequest) -> Void)?
  /// Traverses the navigable's history to the entry at a position, in another document (set with
  /// `startNavigation`).
  var startTraversal: ((Int) -> Void)?
  /// Opens a popup for a URL (`window.open`, a `target=_blank` link; set by the `Page`).
  var startPopup: ((String) -> Void)?
  /// Downloads a URL with a suggested file name (a link with `download`; set by the `Page`).
  var startDownload: ((String, String) -> Void)?
  /// Navigations the document planned as tasks that have not run yet (a form's submission, HTML
  /// §4.10.21.3 "plan to navigate"): the page counts as navigating meanwhile.
  var plannedNavigations = 0
  /// URLs the page asked `window.open` for, in order (`LocationAPI`).
  public internal(set) var openRequests: [String] = []
  /// The page's `alert`, `confirm` and `prompt` dialogs, in order (`DialogAPI`).
  public internal(set) var dialogs: [Dialog] = []
  /// Answers each dialog, synchronously, inside the page's call; nil dismisses every dialog.
  public var dialogHandler: ((Dialog) -> DialogAnswer)?
  /// Called for each page error as it happens (the scrape command prints them).
  public var onError: ((PageError) -> Void)?
  /// Called when the script that blocked the parser has run (`PageLoader` goes on).
  var parserUnblocked: (() -> Void)?
  /// The frames of the document's iframes (`FramesAPI`), closed with the page.
  let childNavigables = ChildNavigables()
  /// The loader of the page's document, whose parser `document.write` reaches (`DynamicMarkupAPI`).
  weak var documentLoader: PageLoader?
  /// Fetches in flight (their completions not yet run).
  public private(set) var fetchesInFlight = 0
  /// The page's time when its last fetch completed.
  public private(set) var lastFetchEnded: Double?

  init(browserContext: BrowserContext, url: String) {
    self.browserContext = browserContext
    self.url = url
    sessionHistory = SessionHistory(first: DocumentRequest(url: url), document: 1)
  }

  /// `request` as the page sends it: the browser context's `User-Agent`, TLS option and timeout,
  /// the document as referrer and site for cookies, and the context's cookie jar unless
  /// `sendingCookies` is false (`credentials: 'omit'`).
  ///
  /// `referrerPolicy` is the request's own (`fetch`'s `referrerPolicy` option); nil is the empty
  /// policy, for which the document's `referrerPolicy` applies (Fetch §4.1 main fetch step 8),
  /// and the default policy without one.
  public func prepared(_ request: Request, sendingCookies: Bool = true, referrerPolicy: ReferrerPolicy? = nil) -> Request {
    var request = request
    let options = browserContext.options
    if !request.headers.contains(where: { $0.name.lowercased() == "user-agent" }) {
      request.headers.append(Header("User-Agent", options.userAgent))
    }
    if options.ignoreHTTPSErrors { request.ignoreHTTPSErrors = true }
    request.timeout = [request.timeout, options.timeout].compactMap { $0 }.min()
    request.cookieJar = sendingCookies ? browserContext.cookies : nil
    if request.referrer == nil && !url.hasPrefix("about:") { request.referrer = url }
    request.referrerPolicy = referrerPolicy ?? self.referrerPolicy ?? .strictOriginWhenCrossOrigin
    if request.siteForCookies == nil { request.siteForCookies = url }
    for header in browserContext.extraHTTPHeaders ?? options.extraHTTPHeaders
    where !request.headers.contains(where: { $0.name.lowercased() == header.name.lowercased() }) {
      request.headers.append(header)
    }
    if let credentials = options.httpCredentials,
      credentials.origin.map({ URLRecord(request.url)?.origin == $0 }) ?? true,
      !request.headers.contains(where: { $0.name.lowercased() == "authorization" })
    {
      let token = Data("\(credentials.username):\(credentials.password)".utf8).base64EncodedString()
      request.headers.append(Header("Authorization", "Basic \(token)"))
    }
    return request
  }

  /// Starts fetching `request` (as `prepared` makes it, with the request's own `referrerPolicy`)
  /// for the page; `completion` runs later as a
  /// task of the page's event loop, at the top level (never inside the caller), unless the page
  /// was closed.
  ///
  /// The page's clock is held (runs at the real rate, never jumps) until the response's headers
  /// are in and then at most `bodyGrace` more, or until the fetch ends: a body still being read
  /// after that does not hold it (virtual-time rule 2). `processResponse`, when given, gets the head then, as a task of the
  /// page, before `completion` (not at all when the head and the end came together, or the fetch
  /// failed first). Returns the controller that aborts it.
  @discardableResult
  public func fetch(
    _ request: Request, sendingCookies: Bool = true, referrerPolicy: ReferrerPolicy? = nil,
    processResponse: ((ResponseHead) -> Void)? = nil, completion: @escaping (Result<Response, NetworkError>) -> Void
  ) -> FetchController {
    let request = prepared(request, sendingCookies: sendingCookies, referrerPolicy: referrerPolicy)
    let loop = realm.loop
    let context = realm.context
    fetchesInFlight += 1
    // Rule 2 is for "a request of the page or its frames": a frame's fetch holds its ancestors' clocks too.
    var held = [context]
    var ancestor = childNavigables.parent
    while let parent = ancestor {
      held.append(parent.realm.context)
      ancestor = parent.childNavigables.parent
    }
    for each in held { loop.hold(each) }
    loop.expectTask()
    let box = CompletionBox(completion)
    let environment = WeakEnvironment(self)
    let hold = HeldClock(loop: loop, contexts: held)
    let headBox = HeadBox(processResponse)
    let routing = browserContext.routing
    let fetcher = browserContext.fetcher
    let head: @Sendable (ResponseHead) -> Void = { head in
      loop.post(to: context) {
        if environment.value != nil { headBox.processResponse?(head) }
      }
      // The body no longer holds the clock, but not at once: a body that follows its headers
      // within `bodyGrace` (most do, in the next TCP segment) arrives before a jump, as in a browser.
      DispatchQueue.global().asyncAfter(deadline: .now() + Self.bodyGrace) { loop.post(to: context) { hold.release() } }
    }
    let finish: @Sendable (Result<Response, NetworkError>, Int?) -> Void = { result, routed in
      loop.post(to: context, fulfilling: true) {
        hold.release()
        environment.value?.fetchEnded()
        if let routed { routing?.finished(routed, result) }
        box.completion(result)
      }
    }
    guard let routing else {
      return fetcher.start(request, processResponse: head, completion: { finish($0, nil) })
    }
    return routing.intercept(
      request, from: self,
      start: { request, id in fetcher.start(request, processResponse: head, completion: { finish($0, id) }) },
      fulfill: { response, id in
        head(response.head)
        finish(.success(response), id)
      },
      fail: { error, id in finish(.failure(error), id) })
  }

  /// How long after a response's headers its body still holds the page's clock (real time).
  static let bodyGrace: DispatchTimeInterval = .milliseconds(100)

  /// Fetches a subresource of the document (a script, an image, a stylesheet): a `file:` URL only for a `file:` document, as Chrome treats `file:` as an opaque origin; the `Referer` of the document.
  ///
  /// `completion` runs as `fetch`'s does.
  public func fetchSubresource(_ url: String, completion: @escaping (Result<Response, NetworkError>) -> Void) {
    if url.lowercased().hasPrefix("file:") && !self.url.lowercased().hasPrefix("file:") {
      let loop = realm.loop
      let box = CompletionBox(completion)
      loop.post(to: realm.context) { box.completion(.failure(NetworkError(url: url, cause: .unsupportedScheme("file")))) }
      return
    }
    var request = Request(url: url)
    request.headers = [Header("Accept", "*/*")]
    fetch(request, completion: completion)
  }

  private func fetchEnded() {
    fetchesInFlight -= 1
    lastFetchEnded = realm.loop.clock(of: realm.context)?.now
  }

  /// Fetched scripts waiting to run, by handle (`fetchScript` keeps, `runScript` takes).
  private var scripts: [Int: FetchedScriptSources.Script] = [:]
  private var nextScript = 1

  /// Keeps a fetched script in Swift; returns its handle.
  func keepScript(_ script: FetchedScriptSources.Script) -> Int {
    defer { nextScript += 1 }
    scripts[nextScript] = script
    return nextScript
  }

  /// Takes the script kept under `handle` (once).
  func takeScript(_ handle: Int) -> FetchedScriptSources.Script? { scripts.removeValue(forKey: handle) }

  /// Records an uncaught error of the page.
  func report(_ error: PageError) {
    errors.append(error)
    onError?(error)
  }
}

/// A weak reference to the environment that crosses to the network thread and back.
private final class WeakEnvironment: @unchecked Sendable {
  weak var value: PageEnvironment?
  init(_ value: PageEnvironment) { self.value = value }
}

/// One `hold` of a page's clock and its ancestors' (a frame's fetch), released once (at the
/// response's head, or at the end when none came); used on the isolate's thread only.
private final class HeldClock: @unchecked Sendable {
  private let loop: EventLoop
  private let contexts: [Context]
  private var held = true

  init(loop: EventLoop, contexts: [Context]) {
    self.loop = loop
    self.contexts = contexts
  }

  func release() {
    guard held else { return }
    held = false
    for context in contexts { loop.release(context) }
  }
}

/// Carries a `processResponse` closure to the isolate's thread (it only runs there).
private final class HeadBox: @unchecked Sendable {
  let processResponse: ((ResponseHead) -> Void)?
  init(_ processResponse: ((ResponseHead) -> Void)?) { self.processResponse = processResponse }
}

/// Carries a completion closure to the isolate's thread (it only runs there).
private final class CompletionBox: @unchecked Sendable {
  let completion: (Result<Response, NetworkError>) -> Void
  init(_ completion: @escaping (Result<Response, NetworkError>) -> Void) { self.completion = completion }
}

/// An uncaught exception or unhandled promise rejection of a page (Playwright's `pageerror`): the
/// error's name, message and stack, and where it was thrown as `URL:line:column`.
public struct PageError: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  public var message: String
  public var stack: String
  /// `URL:line:column` of the throw, when known.
  public var location: String?
  /// An unhandled promise rejection (its reason is the error) rather than an uncaught exception.
  public var inPromise: Bool

  public init(name: String, message: String, stack: String, location: String?, inPromise: Bool = false) {
    self.name = name
    self.message = message
    self.stack = stack
    self.location = location
    self.inPromise = inPromise
  }

  /// `URL:line:column: Name: message`; a rejection says `Uncaught (in promise)` first, as Chrome
  /// prints it.
  public var description: String {
    (location.map { "\($0): " } ?? "") + (inPromise ? "Uncaught (in promise) " : "") + (name.isEmpty ? "" : "\(name): ") + message
  }
}

/// A message the page wrote to its console (Playwright's `ConsoleMessage`): its type (`log`,
/// `error`, `warning`, ...), text, and the `URL:line:column` of the call.
public struct ConsoleMessage: Sendable, Equatable {
  public var type: String
  public var text: String
  public var location: String?
  /// The call's arguments in `shared/serialized-value.js`'s serialization (an array), when the
  /// browser context keeps them (`BrowserContext.keepsConsoleArguments`).
  public var arguments: String?

  public init(type: String, text: String, location: String?, arguments: String? = nil) {
    self.type = type
    self.text = text
    self.location = location
    self.arguments = arguments
  }
}
