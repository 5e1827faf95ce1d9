import Foundation
import Network
import Runtime
import V8

/// What a page realm's host functions reach in Swift: the realm, its browser context, the
/// document's URL, and where page errors and console messages go (HTML's environment settings
/// object, as far as Swift needs one).
///
/// Guarantees: the host functions of every page-realm extension get the same environment; they
/// run on the isolate's thread, and so do the completions `fetch` posts. A page's fetch holds its
/// virtual clock at the real rate until the response arrives (virtual-time rule 2), and a
/// completion is dropped when the page is closed first. Not `Sendable` in use: touched on the
/// isolate's thread only.
public final class PageEnvironment: @unchecked Sendable {
  public let browserContext: BrowserContext
  /// The page realm (host functions run only once it is made).
  public var realm: Realm {
    guard let made else { preconditionFailure("the page realm is not made yet") }
    return made
  }
  /// Set once the page realm is made; the page owns the realm.
  unowned(unsafe) var made: Realm?
  /// The document's URL.
  public internal(set) var url: String
  /// Uncaught errors and unhandled rejections of the page, in order.
  public internal(set) var errors: [PageError] = []
  /// The page's console messages, in order.
  public internal(set) var consoleMessages: [ConsoleMessage] = []
  /// The URLs of the navigations to another document the page asked for, in order (`location`,
  /// `reload()`, a history traversal out of this document): the loader acts on them (`LocationAPI`).
  public internal(set) var navigationRequests: [String] = []
  /// URLs the page asked `window.open` for, in order (`LocationAPI`).
  public internal(set) var openRequests: [String] = []
  /// The page's `alert`, `confirm` and `prompt` dialogs, in order (`DialogAPI`).
  public internal(set) var dialogs: [Dialog] = []
  /// Answers each dialog, synchronously, inside the page's call; nil dismisses every dialog.
  public var dialogHandler: ((Dialog) -> DialogAnswer)?
  /// Called for each page error as it happens (the scrape command prints them).
  public var onError: ((PageError) -> Void)?
  /// Fetches in flight (their completions not yet run).
  public private(set) var fetchesInFlight = 0

  init(browserContext: BrowserContext, url: String) {
    self.browserContext = browserContext
    self.url = url
  }

  /// Starts fetching `request` for the page; `completion` runs later as a task of the page's
  /// event loop, at the top level (never inside the caller), unless the page was closed.
  ///
  /// The browser context's options apply (`User-Agent`, TLS, timeout).
  public func fetch(_ request: Request, completion: @escaping (Result<Response, NetworkError>) -> Void) {
    var request = request
    if !request.headers.contains(where: { $0.name.lowercased() == "user-agent" }) {
      request.headers.append(Header("User-Agent", browserContext.options.userAgent))
    }
    if browserContext.options.ignoreHTTPSErrors { request.ignoreHTTPSErrors = true }
    if request.timeout == nil { request.timeout = browserContext.options.timeout }
    let loop = realm.loop
    let context = realm.context
    fetchesInFlight += 1
    loop.hold(context)
    loop.expectTask()
    let box = CompletionBox(completion)
    let environment = WeakEnvironment(self)
    browserContext.fetcher.start(request) { result in
      loop.post(to: context, fulfilling: true) {
        loop.release(context)
        environment.value?.fetchesInFlight -= 1
        box.completion(result)
      }
    }
  }

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

  public init(name: String, message: String, stack: String, location: String?) {
    self.name = name
    self.message = message
    self.stack = stack
    self.location = location
  }

  public var description: String {
    (location.map { "\($0): " } ?? "") + (name.isEmpty ? "" : "\(name): ") + message
  }
}

/// A message the page wrote to its console (Playwright's `ConsoleMessage`): its type (`log`,
/// `error`, `warning`, ...), text, and the `URL:line:column` of the call.
public struct ConsoleMessage: Sendable, Equatable {
  public var type: String
  public var text: String
  public var location: String?

  public init(type: String, text: String, location: String?) {
    self.type = type
    self.text = text
    self.location = location
  }
}
