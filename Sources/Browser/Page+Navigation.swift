import Foundation
import Network
import Runtime
import V8
import WebURL

/// A navigation of a page to another document, in flight: HTML §7.4.2 "navigate" from the fetch
/// to "finalize a cross-document navigation".
struct OngoingNavigation {
  let id: Int
  let request: NavigationRequest
  /// The session history position it traverses to, for a traversal.
  let traversal: Int?
  var controller: FetchController?
}

/// The page as a top-level traversable (HTML §7.3.1): navigations to other documents, history
/// traversal across documents, reload, and Playwright's `goto`, `goBack`, `goForward`, `reload`
/// and `waitForNavigation`.
///
/// Guarantees: a navigation fetches its document through the current document's environment (the
/// browser context's cookies, `User-Agent`, the referrer per the document's policy; the page's
/// clock held until the headers, virtual-time rule 2), with the request's method and body (a form's
/// POST; a 301/302/303 turns it into a GET, `Network`'s redirect rules). When the response is in,
/// at the top level of the event loop (never inside a page's task), the old document is unloaded
/// (`pagehide`, `unload`), its realm closed, and the new document loads in a new realm from the
/// pool with the history updated (push, replace, reload, or the traversed position). One navigation
/// at a time: a later one aborts the earlier. A navigation that fails (a network error, or as in
/// Chromium an HTTP error status with an empty body: `net::ERR_HTTP_RESPONSE_CODE_FAILURE`) keeps
/// the current document and is recorded in `navigationFailures`. Caper never resubmits a POST on reload or traversal:
/// it loads the entry's URL with GET and says so in the page's console. Isolate's thread.
extension Page {
  /// Starts `request` (a link, a form, a script setting `location`); the new document commits later.
  func navigate(_ request: NavigationRequest, traversal: Int? = nil) {
    ongoingNavigation?.controller?.abort()
    let id = nextNavigationID
    nextNavigationID += 1
    var fetched = Request(url: request.url, method: request.method, body: request.body)
    if let type = request.contentType { fetched.headers.append(Header("Content-Type", type)) }
    if request.method == "POST", let origin = URLRecord(environment.url)?.origin {
      fetched.headers.append(Header("Origin", origin))
    }
    fetched.isTopLevelNavigation = true
    fetched.siteForCookies = request.url
    fetched.referrer = request.referrer ?? ""
    ongoingNavigation = OngoingNavigation(id: id, request: request, traversal: traversal)
    let loop = realm.loop
    // about:blank is no fetch (HTML §7.4.2.2: an empty document without a response).
    if request.url == "about:blank" {
      loop.post(to: nil) { [weak self] in
        self?.finish(id, document: LoadedDocument(url: "about:blank", bytes: [], contentType: "text/html"), redirected: false)
      }
      return
    }
    let controller = environment.fetch(fetched) { [weak self] result in
      // The commit closes the realm this completion runs in: it runs at the loop's top level.
      loop.post(to: nil) { [weak self] in self?.finish(id, result) }
    }
    if ongoingNavigation?.id == id { ongoingNavigation?.controller = controller }
  }

  private func finish(_ id: Int, _ result: Result<Response, NetworkError>) {
    guard let navigation = ongoingNavigation, navigation.id == id else { return }
    ongoingNavigation = nil
    switch result {
    case .failure(let error):
      navigationFailures.append(
        PageLoadError(
          url: navigation.request.url, reason: DocumentLoader.describe(error.cause),
          networkError: DocumentLoader.chromiumError(error.cause)))
    case .success(let response) where response.status >= 400 && response.body.isEmpty:
      // Chromium shows its own error page for an HTTP error without a body: the navigation fails.
      navigationFailures.append(
        PageLoadError(
          url: navigation.request.url, reason: "HTTP \(response.status) with an empty body",
          networkError: "net::ERR_HTTP_RESPONSE_CODE_FAILURE"))
    case .success(let response) where Self.isAttachment(response):
      // HTML §7.4.2.2 step "handle as a download": the document stays.
      save(response, suggestedFilename: "")
    case .success(let response):
      ongoingNavigation = navigation
      finish(id, document: DocumentLoader.document(from: response), redirected: response.redirected)
    }
  }

  /// Commits the navigation's new document (HTML §7.4.6.1 "finalize a cross-document navigation"):
  /// the old document unloaded, the history updated, the new one loading in a new realm.
  private func finish(_ id: Int, document fetched: LoadedDocument, redirected: Bool) {
    guard let navigation = ongoingNavigation, navigation.id == id else { return }
    ongoingNavigation = nil
    var document = fetched
    // The Referer the request was sent with, as the document's policy made it (Fetch §4.1).
    document.referrer = navigation.request.referrer.flatMap {
      (environment.referrerPolicy ?? .strictOriginWhenCrossOrigin).referrer($0, for: navigation.request.url)
    }
    if pendingBlank == nil { _ = try? realm.context.call(realm.function("entry", "unload")) }
    documentNumber += 1
    let request = DocumentRequest(
      url: navigation.request.url, method: redirected ? "GET" : navigation.request.method,
      body: redirected ? nil : navigation.request.body, contentType: navigation.request.contentType,
      referrer: navigation.request.referrer)
    if let position = navigation.traversal {
      history.move(to: position)
      history.renumber(document: history.current.document, as: documentNumber)
    } else {
      switch navigation.request.historyHandling {
      case .push: history.push(url: document.url, document: documentNumber, request: request)
      case .replace: history.replace(url: document.url, document: documentNumber, request: request)
      case .reload: history.replace(url: document.url, document: documentNumber, request: history.current.request)
      }
    }
    do {
      try replaceDocument(with: document)
    } catch {
      navigationFailures.append(PageLoadError(url: document.url, reason: "\(error)"))
    }
  }

  /// Whether a response is to be downloaded (`Content-Disposition: attachment`).
  static func isAttachment(_ response: Response) -> Bool {
    response.headers.contains { $0.name.lowercased() == "content-disposition" && $0.value.lowercased().hasPrefix("attachment") }
  }

  /// Downloads `url` as a link with `download` does (HTML §4.6.5): fetched through the document's
  /// environment, saved in the browser context's download folder, recorded in its `downloads`.
  func download(_ url: String, suggestedFilename: String) {
    var request = Request(url: url)
    request.referrer = environment.url
    let loop = realm.loop
    environment.fetch(request) { [weak self] result in
      loop.post(to: nil) { [weak self] in
        guard let self else { return }
        switch result {
        case .success(let response): self.save(response, suggestedFilename: suggestedFilename)
        case .failure(let error):
          self.record(
            Download(
              url: url, suggestedFilename: Self.filename(suggested: suggestedFilename, response: nil, url: url), path: nil,
              failure: DocumentLoader.describe(error.cause)))
        }
      }
    }
  }

  /// Records a download of the page, in the page's and its context's lists.
  private func record(_ download: Download) {
    downloads.append(download)
    browserContext.record(download)
  }

  /// Writes a downloaded response to a file of the context and records it.
  func save(_ response: Response, suggestedFilename: String) {
    let name = Self.filename(suggested: suggestedFilename, response: response, url: response.url)
    do {
      let file = try browserContext.downloadFile()
      try Data(response.body).write(to: file)
      record(Download(url: response.url, suggestedFilename: name, path: file.path, failure: nil))
    } catch {
      record(Download(url: response.url, suggestedFilename: name, path: nil, failure: "\(error)"))
    }
  }

  /// The suggested file name: the `download` attribute's, else the `Content-Disposition` header's
  /// `filename`, else the URL's last path segment, else `download` (path separators removed).
  static func filename(suggested: String, response: Response?, url: String) -> String {
    var name = suggested
    if name.isEmpty, let header = response?.headers.last(where: { $0.name.lowercased() == "content-disposition" })?.value,
      let range = header.range(of: "filename=")
    {
      name = String(header[range.upperBound...].prefix { $0 != ";" }).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
    }
    if name.isEmpty, let last = URLRecord(url)?.pathname.split(separator: "/").last {
      name = String(last).removingPercentEncoding ?? String(last)
    }
    name = name.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_")
    return name.isEmpty ? "download" : name
  }

  /// Opens a popup for `url` (`window.open`, a `target=_blank` link): a new page of the same
  /// browser context, made at the top level of the loop, that navigates to `url`.
  func openPopup(_ url: String) {
    let loop = realm.loop
    loop.post(to: nil) { [weak self] in
      guard let self else { return }
      // The popup's initial about:blank document has nothing to run: made without the event loop.
      let blank = LoadedDocument(url: "about:blank", bytes: [], contentType: "text/html")
      guard
        let popup = try? Page(
          beside: self.support, document: blank, browserContext: self.browserContext, scripts: false, pool: self.pool,
          onError: self.onError)
      else { return }
      popup.runsScripts = self.runsScripts
      self.popups.append(popup)
      guard url != "about:blank" else { return }
      var request = NavigationRequest(url: url, how: "a popup was opened", historyHandling: .replace)
      request.referrer = self.environment.url
      popup.navigate(request)
    }
  }

  /// Traverses the history to `position` (HTML §7.4.6.1 "traverse the history by a delta"): within
  /// the current document as a task (`popstate`, `hashchange`), else by loading the entry's
  /// document again.
  func traverse(to position: Int) {
    let entry = history.entries[position]
    guard entry.document != documentNumber else {
      showPendingBlank()
      history.move(to: position)
      let (realm, environment, entryID, url) = (realm, environment, entry.id, entry.url)
      // The page counts as navigating until the traversal's task ran (`goBack` returns after it).
      environment.plannedNavigations += 1
      realm.loop.post(to: realm.context) {
        environment.plannedNavigations = max(0, environment.plannedNavigations - 1)
        _ = try? realm.context.call(realm.function("entry", "restoreEntry"), [.number(Double(entryID)), .string(url)])
      }
      return
    }
    navigate(request(reloading: entry, how: "the history was traversed"), traversal: position)
  }

  /// The request that loads `entry`'s document again: its URL with GET (a POST is not resubmitted;
  /// the console says so).
  func request(reloading entry: SessionHistory.Entry, how: String) -> NavigationRequest {
    if entry.request.method == "POST" {
      earlierConsoleMessages.append(
        ConsoleMessage(
          type: "warning",
          text: "\(entry.url) was the result of a form's POST: Caper does not resubmit it, and loads the URL with GET",
          location: nil))
    }
    var request = NavigationRequest(url: entry.url, how: how, historyHandling: .reload)
    request.referrer = entry.request.referrer
    return request
  }

  // MARK: Playwright's navigation methods

  /// Whether a navigation is in flight (its document not committed yet) or planned as a task.
  public var isNavigating: Bool { ongoingNavigation != nil || environment.plannedNavigations > 0 }

  /// Starts Playwright's `page.goto(url)`.
  ///
  /// A navigation to `url` (resolved against the current URL) as the browser starts one (no
  /// referrer). Throws `PageLoadError` for a URL that is not valid.
  public func startGoto(_ url: String) throws {
    guard let resolved = URLRecord(url, base: environment.url) ?? URLRecord(url) else {
      throw PageLoadError(url: url, reason: "not a valid URL")
    }
    // A URL that differs from the document's only in its fragment: a same-document navigation
    // (HTML §7.4.2.3.3 "navigate to a fragment": `popstate`, `hashchange`, no request).
    let withoutFragment = { (href: String) in href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0] }
    if resolved.href.contains("#"), withoutFragment(resolved.href) == withoutFragment(environment.url) {
      showPendingBlank()
      _ = try realm.context.call(realm.function("entry", "navigateWithinDocument"), [.string(resolved.href)])
      return
    }
    navigate(NavigationRequest(url: resolved.href, how: "page.goto"))
  }

  /// Playwright's `page.setContent(html)`: the page shows `html` as a new document at its URL.
  ///
  /// The navigation in flight, if any, is dropped; the current document is unloaded and its realm
  /// closed; the history entry stays (its document is the new one). The new document loads as
  /// tasks: the caller waits for the load state it wants.
  public func setContent(_ html: String) throws {
    ongoingNavigation?.controller?.abort()
    ongoingNavigation = nil
    if pendingBlank == nil { _ = try? realm.context.call(realm.function("entry", "unload")) }
    documentNumber += 1
    history.renumber(document: history.current.document, as: documentNumber)
    try replaceDocument(with: LoadedDocument(url: environment.url, bytes: Array(html.utf8), contentType: "text/html"))
  }

  /// Starts a traversal of the history by `delta` entries (`goBack` is -1); false when there is no such entry.
  public func startTraversal(by delta: Int) -> Bool {
    guard let position = history.position(moving: delta) else { return false }
    traverse(to: position)
    return true
  }

  /// Starts loading the current entry's document again (Playwright's `page.reload()`).
  public func startReload() {
    navigate(request(reloading: history.current, how: "page.reload"))
  }

  /// Playwright's `page.goto(url)`: navigates to `url` and waits for the new document.
  ///
  /// Waits until it reached `waitUntil`. Throws `PageLoadError` when the navigation fails or times out.
  public func goto(_ url: String, waitUntil: LoadState = .load, timeout: Duration = .seconds(30)) throws {
    try startGoto(url)
    try waitForNavigation(waitUntil: waitUntil, timeout: timeout)
  }

  /// Playwright's `page.goBack()`: the previous entry; false when there is none.
  @discardableResult
  public func goBack(waitUntil: LoadState = .load, timeout: Duration = .seconds(30)) throws -> Bool {
    guard startTraversal(by: -1) else { return false }
    try waitForNavigation(waitUntil: waitUntil, timeout: timeout)
    return true
  }

  /// Playwright's `page.goForward()`: the next entry; false when there is none.
  @discardableResult
  public func goForward(waitUntil: LoadState = .load, timeout: Duration = .seconds(30)) throws -> Bool {
    guard startTraversal(by: 1) else { return false }
    try waitForNavigation(waitUntil: waitUntil, timeout: timeout)
    return true
  }

  /// Playwright's `page.reload()`: loads the current entry's document again.
  public func reload(waitUntil: LoadState = .load, timeout: Duration = .seconds(30)) throws {
    startReload()
    try waitForNavigation(waitUntil: waitUntil, timeout: timeout)
  }

  /// Waits for the navigation in flight, if any, to commit and its document to reach `state`.
  ///
  /// Playwright's `waitForNavigation` after the action that started it. Throws the navigation's
  /// `PageLoadError` when it failed.
  public func waitForNavigation(waitUntil: LoadState = .load, timeout: Duration = .seconds(30)) throws {
    let failures = navigationFailures.count
    try waitForLoadState(waitUntil, timeout: timeout)
    if navigationFailures.count > failures, let failure = navigationFailures.last { throw failure }
  }
}
