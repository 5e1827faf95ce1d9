import Foundation
import HTML
import Runtime
import V8

/// A page: a top-level traversable (a tab) showing one document at a time, each in its own page
/// realm beside the support realm that drives it, with its scripts running (or, with `scripts:
/// false`, the document alone).
///
/// A navigation to another document (`Page+Navigation.swift`) replaces `realm`, `entry` and
/// `environment` with the new document's; `history` spans them all. Playwright's page-level
/// actions are in `Page+Actions.swift`.
///
/// Guarantees: the page realm is guarded (the support realm reaches into it, never the reverse),
/// on a virtual clock with HTML's timer rules, and refuses code generation asked by other realms.
/// The document is parsed in Swift and handed to the DOM runtime as tree-operation batches; with
/// scripts, the parser stops at parsing-blocking scripts and the page's event loop runs its
/// tasks (`PageLoader`). `init` returns once the document reached `waitUntil` (Playwright's
/// `goto`), or throws a `PageLoadError` after `timeout`. `entry` is the page realm's function
/// that returns Caper's internal entry points for the document (captured when the realm was made,
/// so page code cannot replace them). Page errors never throw: they are in `errors`.
/// `close()` cancels the realm's tasks and releases it. Used on the isolate's thread (calls hop
/// there).
public final class Page: @unchecked Sendable {
  /// How far a page's loading must get (Playwright's `waitUntil`, plus Caper's `idle`).
  public enum LoadState: String, Sendable, CaseIterable {
    /// `DOMContentLoaded` has fired.
    case domcontentloaded
    /// The `load` event has fired.
    case load
    /// `load` has fired and no fetch has been in flight for 500 ms of the page's time.
    case networkidle
    /// `load` has fired, no fetch is in flight and no timer is due within the idle horizon
    /// (`Page.idleHorizon`), or the page has run `Page.idleBudget` past `load` (a page that polls).
    case idle
  }

  /// How far ahead of the page's clock a timer keeps a page from being idle (milliseconds).
  public static let idleHorizon = 500.0
  /// How long past `load` a page that keeps timers due counts as idle anyway (milliseconds of
  /// its virtual time).
  public static let idleBudget = 10_000.0

  /// The realm of the document the page shows now (each document gets a new one).
  public private(set) var realm: Realm
  /// The page's `entry` function (`page/entry.js`) in that realm; asking for it shows a deferred
  /// `about:blank` (see `pendingBlank`) first.
  public var entry: JSReference {
    showPendingBlank()
    return entryFunction
  }
  private var entryFunction: JSReference
  /// The `about:blank` a new page shows, while it is not made yet.
  ///
  /// A page opened to be navigated at once (`newPage` then `goto`) hands its realm, untouched, to
  /// the document it navigates to instead of using one realm for each (one realm fewer per page).
  /// Anything that reads or acts on the document (`entry`, actions, frames, bindings) shows it first.
  private(set) var pendingBlank: LoadedDocument?
  /// What the current document's host functions reach: its browser context, URL, errors and console.
  public private(set) var environment: PageEnvironment
  private var loader: PageLoader?
  /// The page's time when `load` was first seen.
  private var loadedAt: Double?
  /// The page's session history (HTML §7.4): Playwright's `about:blank` entry first, then the
  /// documents it showed.
  public let history: SessionHistory
  public let browserContext: BrowserContext
  let support: Realm
  let pool: PagePool?
  /// Whether the documents' scripts run (`scripts: false`: each document is parsed with scripting off).
  var runsScripts: Bool
  /// Whether the navigations to other documents the page asks for are performed.
  ///
  /// Links, forms, `location`, history traversal; else they are only recorded (`caper scrape`
  /// leaves those a page asks for while it loads). `goto`, `goBack`, `goForward` and `reload`
  /// always navigate.
  public var followsNavigations: Bool
  let onError: ((PageError) -> Void)?
  let sessionStorage = SessionStorage()
  /// The number of the current document (its session history entries carry it).
  public internal(set) var documentNumber = 1
  /// The navigation in flight (HTML: the navigable's ongoing navigation), if any.
  var ongoingNavigation: OngoingNavigation?
  var nextNavigationID = 1
  /// The dialogs, page errors and console messages of the documents the page showed before the current one.
  var earlierDialogs: [Dialog] = []
  var earlierErrors: [PageError] = []
  var earlierConsoleMessages: [ConsoleMessage] = []
  /// The current document's response (nil for a file, or a document made from text).
  public internal(set) var response: LoadedDocument.Response?
  /// The popups the page opened (`window.open`, `target=_blank` links: Playwright's `popup`
  /// event), each a page of the same browser context, closed with it.
  public internal(set) var popups: [Page] = []
  /// The page's downloads, in the order they finished (each also in its context's `downloads`).
  public internal(set) var downloads: [Download] = []
  /// The viewport of the page's documents in CSS pixels.
  ///
  /// What `@media`, `matchMedia` and `innerWidth` answer from; nil: the context's, else
  /// 1280x720. Setting it applies to the current document at once.
  public var viewport: (width: Int, height: Int)? {
    didSet { applyViewport(to: realm) }
  }
  /// The names `expose` gave every document of the page, in order.
  public internal(set) var bindingNames: [String] = []
  /// Sources `addInitScript` runs in every later document, in order.
  public internal(set) var initScripts: [String] = []
  /// Where the page's binding calls go: `(name, call, argumentsText)`, answered by `settleBinding`.
  public var onBindingCall: ((String, Int, String) -> Void)?
  var bindingCalls: [Int: (WeakRealm, Int)] = [:]
  var nextBindingCall = 1
  /// Navigations that failed (their URL and why), in order.
  public internal(set) var navigationFailures: [PageLoadError] = []
  /// Answers the page's dialogs (every document's), synchronously; nil dismisses them.
  public var dialogHandler: ((Dialog) -> DialogAnswer)? {
    didSet { environment.dialogHandler = dialogHandler }
  }
  /// The dialogs of every document the page showed, in order.
  public var dialogs: [Dialog] { earlierDialogs + environment.dialogs }
  /// The page errors of every document the page showed, in order.
  public var errors: [PageError] { earlierErrors + environment.errors }
  /// The console messages of every document the page showed, in order.
  public var consoleMessages: [ConsoleMessage] { earlierConsoleMessages + environment.consoleMessages }

  public init(
    beside support: Realm, document: LoadedDocument, browserContext: BrowserContext = BrowserContext(), scripts: Bool = true,
    waitUntil: LoadState = .load, timeout: Duration = .seconds(30), pool: PagePool? = nil, followsNavigations: Bool = true,
    deferringBlank: Bool = false, onError: ((PageError) -> Void)? = nil
  ) throws {
    self.support = support
    self.pool = pool
    self.browserContext = browserContext
    runsScripts = scripts
    self.followsNavigations = followsNavigations
    self.onError = onError
    // A page opened on about:blank (Playwright's `newPage`, a popup) shows that first entry itself.
    let blank = document.url == "about:blank"
    history = SessionHistory(first: DocumentRequest(url: "about:blank"), document: blank ? 1 : 0)
    if !blank { history.push(url: document.url, document: 1, request: DocumentRequest(url: document.url)) }
    response = document.response
    (realm, environment) =
      try pool?.take(browserContext: browserContext, url: document.url)
      ?? PagePool.make(beside: support, browserContext: browserContext, url: document.url)
    entryFunction = realm.function("entry", "entry")
    configure(environment)
    guard scripts else {
      if deferringBlank && blank {
        pendingBlank = document
        return
      }
      // Scripting disabled: the parser's scripting flag is off (a `<noscript>` holds markup).
      try loadWithoutScripts(document)
      return
    }
    do {
      loader = try PageLoader(document, realm: realm, environment: environment)
      try waitForLoadState(waitUntil, timeout: timeout)
    } catch {
      // A page that did not load is closed here: nothing of it may run later (a response of its
      // own arriving while another page loads).
      close()
      throw error
    }
  }

  /// Gives a new document's environment what the page keeps across documents.
  func configure(_ environment: PageEnvironment) {
    environment.page = self
    environment.onError = onError
    environment.childNavigables.support = support
    environment.sessionHistory = history
    environment.documentNumber = documentNumber
    environment.sessionStorage = sessionStorage
    environment.dialogHandler = dialogHandler
    environment.startNavigation = { [weak self] request in
      guard let self, self.followsNavigations else { return }
      self.navigate(request)
    }
    environment.startTraversal = { [weak self] position in
      guard let self, self.followsNavigations else { return }
      self.traverse(to: position)
    }
    environment.startPopup = { [weak self] url in
      guard let self, self.followsNavigations else { return }
      self.openPopup(url)
    }
    environment.startDownload = { [weak self] url, name in self?.download(url, suggestedFilename: name) }
  }

  /// Shows `document` in a new page realm in place of the current one (already unloaded): the
  /// realm comes from the pool, the loader starts parsing it as tasks.
  func replaceDocument(with document: LoadedDocument) throws {
    // The clock controls (`clock.install({ time })`, `setFixedTime`) carry over to the new
    // document: its `Date` goes on from what the old one read.
    let controlled = environment.systemTimeOffset != 0 || environment.fixedTime != nil
    let (dateNow, fixedTime) = (environment.dateNow, environment.fixedTime)
    earlierDialogs += environment.dialogs
    earlierErrors += environment.errors
    earlierConsoleMessages += environment.consoleMessages
    response = document.response
    if pendingBlank != nil {
      // The about:blank was never shown: its realm, untouched but for the deadlines of the waits
      // that ran meanwhile (cleared here), takes the new document.
      pendingBlank = nil
      _ = try? realm.context.call(realm.function("entry", "unschedule"))
      environment.url = document.url
      environment.documentNumber = documentNumber
      environment.timeOrigin = Date().timeIntervalSince1970 * 1000
    } else {
      closeDocument()
      (realm, environment) =
        try pool?.take(browserContext: browserContext, url: document.url)
        ?? PagePool.make(beside: support, browserContext: browserContext, url: document.url)
      entryFunction = realm.function("entry", "entry")
      configure(environment)
    }
    if controlled {
      environment.fixedTime = fixedTime
      environment.systemTimeOffset = dateNow - environment.timeOrigin - environment.now
    }
    loadedAt = nil
    guard runsScripts else {
      try loadWithoutScripts(document)
      return
    }
    loader = try PageLoader(document, realm: realm, environment: environment)
  }

  /// Shows the deferred `about:blank`, if any.
  func showPendingBlank() {
    guard let document = pendingBlank else { return }
    pendingBlank = nil
    try? loadWithoutScripts(document)
  }

  /// Parses `document` with scripting off into the current realm (no event loop: it is loaded at once).
  private func loadWithoutScripts(_ document: LoadedDocument) throws {
    let (batch, encoding) = DocumentParser.parse(document, scripting: false)
    environment.characterSet = encoding
    _ = try realm.context.call(
      realm.function("entry", "load"),
      [
        .string(document.url), .string(document.contentType), .string(encoding), .arrayBuffer(batch.operationBytes),
        .string(batch.textString),
      ])
  }

  /// Runs the page's event loop until its loading reached `state` (Playwright's
  /// `waitForLoadState`), one task at a time, jumping its virtual clock to its next timer when
  /// nothing else is due.
  ///
  /// Throws `PageLoadError` after `timeout`, or when nothing is left to run before `state`.
  public func waitForLoadState(_ state: LoadState, timeout: Duration = .seconds(30)) throws {
    let deadline = ContinuousClock.now + timeout
    while try !reached(state) {
      guard ContinuousClock.now < deadline else {
        throw PageLoadError(url: environment.url, reason: "timed out after \(timeout) waiting for \(state.rawValue)")
      }
      guard try realm.loop.turn(until: deadline, waitingOn: realm.context) else {
        if try reached(state) { return }
        throw PageLoadError(url: environment.url, reason: "the page stopped before \(state.rawValue): nothing was left to run")
      }
      realm.loader.produceDeferred()
    }
  }

  /// Whether the current document reached `state` (and no navigation is in flight).
  public func hasReached(_ state: LoadState) throws -> Bool { try reached(state) }

  /// Whether the page has work due at its current time: queued tasks, or a timer due now.
  ///
  /// A `setTimeout(0)` a listener set, for instance. Running it does not move the page's clock.
  public var hasDueWork: Bool {
    if realm.loop.hasPendingTasks(of: realm.context) { return true }
    guard let due = realm.loop.nextTimerDue(in: realm.context), let clock = realm.loop.clock(of: realm.context) else {
      return false
    }
    return due <= clock.now
  }

  private func reached(_ state: LoadState) throws -> Bool {
    // A navigation in flight: its document is the one whose state counts.
    if isNavigating { return false }
    // A document parsed with scripting off (or an about:blank not made yet) is loaded as soon as it is there.
    if !runsScripts || pendingBlank != nil { return true }
    let stage = try realm.context.call(realm.function("entry", "loadState")).numberValue ?? 0
    switch state {
    case .domcontentloaded: return stage >= 1
    case .load: return stage >= 2
    case .networkidle, .idle:
      guard stage >= 2, environment.fetchesInFlight == 0, !realm.loop.hasPendingTasks(of: realm.context),
        let clock = realm.loop.clock(of: realm.context)
      else { return false }
      let loaded = loadedAt ?? clock.now
      loadedAt = loaded
      if clock.now - loaded >= Self.idleBudget { return true }
      if state == .networkidle { return clock.now - (environment.lastFetchEnded ?? loaded) >= 500 || idleTimers(clock) }
      return idleTimers(clock)
    }
  }

  /// Whether no timer of the page is due within the idle horizon.
  private func idleTimers(_ clock: RealmClock) -> Bool {
    guard let due = realm.loop.nextTimerDue(in: realm.context) else { return true }
    return due - clock.now > Self.idleHorizon
  }

  public func close() {
    for popup in popups { popup.close() }
    popups = []
    ongoingNavigation?.controller?.abort()
    ongoingNavigation = nil
    closeDocument()
  }

  /// Closes the current document's realm: its frames, tasks and context.
  private func closeDocument() {
    environment.startNavigation = nil
    environment.startTraversal = nil
    environment.startPopup = nil
    environment.startDownload = nil
    environment.childNavigables.closeAll(immediately: true)
    environment.parserUnblocked = nil
    loader = nil
    realm.loop.cancel(realm.context)
    realm.context.dispose()
  }
}

/// A page that did not finish loading: its URL and why.
public struct PageLoadError: Error, CustomStringConvertible, Sendable {
  public var url: String
  public var reason: String
  /// Chromium's name for a network failure (`net::ERR_CONNECTION_REFUSED`), when it was one.
  public var networkError: String?

  public init(url: String, reason: String, networkError: String? = nil) {
    self.url = url
    self.reason = reason
    self.networkError = networkError
  }

  public var description: String { "\(url): \(reason)" }
}
