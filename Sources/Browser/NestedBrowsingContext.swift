import Foundation
import Network
import Runtime
import V8

/// A frame: the document an `<iframe>` holds (HTML §7.3.1 "child navigable"), loaded with its
/// scripts into a page realm of its own beside the page's support realm, with its own
/// `PageEnvironment` and `PageLoader` in the parent's browser context.
///
/// Guarantees: the realm is made in a task of the loop (never inside the host call that asked
/// for it), from the document the frame fetched through its parent's network (the parent's
/// cookies, `Referer` and virtual-time hold), or from `srcdoc`, or empty (`about:blank`). A frame
/// and its same-origin ancestors admit each other's code (`Context.admit`), both ways; the support
/// realm reaches it as it reaches the page. A cross-origin URL (a `file:` one included, Chrome's
/// opaque file origin) is not loaded: the frame gets an `about:blank` document and a console
/// warning says why, so a cross-origin document never shares a realm boundary with its parent.
/// The frame's errors are the page's errors; its dialogs go to the page's handler. It runs on
/// its page's virtual clock (one time for both; its own time origin) with HTML's timer rules. `close()` (the iframe removed or navigated,
/// or the page closed) closes its own frames, cancels its realm's tasks and disposes it, in a
/// task. Used on the isolate's thread.
final class NestedBrowsingContext: @unchecked Sendable {
  let id: Int
  private weak var parent: PageEnvironment?
  /// The parent's callback (`frames.js`): 'attached', 'element', 'loaded'.
  private let callback: JSReference
  private let origin: String?
  private(set) var realm: Realm?
  private(set) var environment: PageEnvironment?
  private var loader: PageLoader?
  private var closed = false

  /// Starts a frame of `parent` for `url` (or the `srcdoc` markup): its document is fetched or
  /// made, and its realm made, in tasks from here on.
  init(id: Int, url: String, srcdoc: String?, parent: PageEnvironment, callback: JSReference) {
    self.id = id
    self.parent = parent
    self.callback = callback
    let navigables = parent.childNavigables
    let parentOrigin = navigables.origin(of: parent.url)
    let loop = parent.realm.loop
    let context = parent.realm.context
    if let srcdoc {
      origin = parentOrigin
      let document = LoadedDocument(url: "about:srcdoc", bytes: Array(srcdoc.utf8), contentType: "text/html")
      loop.post(to: context) { [weak self] in self?.start(document) }
      return
    }
    let blank = LoadedDocument(url: "about:blank", bytes: [], contentType: "text/html")
    if url.lowercased().hasPrefix("about:") {
      origin = parentOrigin
      loop.post(to: context) { [weak self] in self?.start(blank) }
      return
    }
    guard let own = navigables.origin(of: url), own == parentOrigin else {
      origin = parentOrigin
      parent.consoleMessages.append(
        ConsoleMessage(
          type: "warning", text: "Caper does not load cross-origin frames: the iframe for \(url) stays about:blank",
          location: parent.url))
      loop.post(to: context) { [weak self] in self?.start(blank) }
      return
    }
    origin = own
    var request = Request(url: url)
    request.headers = [Header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    parent.fetch(request) { [weak self] result in
      guard let self else { return }
      switch result {
      case .success(let response) where navigables.origin(of: response.url) == own:
        let type = response.contentType
        self.start(
          LoadedDocument(
            url: response.url, bytes: response.body, contentType: type?.essence ?? "text/html",
            transportCharset: type?.parameter(named: "charset")))
      case .success(let response):
        self.parent?.consoleMessages.append(
          ConsoleMessage(
            type: "warning", text: "Caper does not load cross-origin frames: \(url) redirected to \(response.url)",
            location: self.parent?.url))
        self.start(blank)
      case .failure:
        self.start(blank)
      }
    }
  }

  /// Makes the frame's realm and begins loading `document` into it (a task at the top level).
  private func start(_ document: LoadedDocument) {
    guard !closed, let parent, let support = parent.childNavigables.support else { return }
    do {
      let (realm, environment) = try PagePool.make(
        beside: support, browserContext: parent.browserContext, url: document.url,
        sharing: parent.realm.loop.clock(of: parent.realm.context))
      // Its time origin on the page's timeline (the page's clock may be ahead of real time), and
      // the page's clock controls (Playwright's `setSystemTime`, `setFixedTime`).
      environment.timeOrigin = parent.timeOrigin + parent.now
      environment.systemTimeOffset = parent.systemTimeOffset
      environment.fixedTime = parent.fixedTime
      environment.onError = { [weak parent] error in parent?.report(error) }
      environment.dialogHandler = parent.dialogHandler
      environment.childNavigables.support = support
      environment.childNavigables.parent = parent
      environment.childNavigables.inheritedOrigin = origin
      self.environment = environment
      self.realm = realm
      var top = parent
      var ancestor: PageEnvironment? = parent
      while let same = ancestor {
        if same.childNavigables.origin(of: same.url) == origin {
          try realm.context.admit(same.realm.context)
          try same.realm.context.admit(realm.context)
        }
        top = same
        ancestor = same.childNavigables.parent
      }
      loader = try PageLoader(document, realm: realm, environment: environment)
      _ = try realm.context.call(
        realm.function("frames", "adopt"),
        [
          .reference(try parent.realm.context.globalObject()), .reference(try top.realm.context.globalObject()),
          .function(callback),
        ])
    } catch {
      parent.report(
        PageError(name: "Error", message: "the frame \(document.url) could not be made: \(error)", stack: "", location: nil))
    }
  }

  /// Closes the frame: at once it loads nothing more; its frames, then its realm, are cancelled and
  /// disposed now when `immediately` (the page closes, from Swift), else in a task (page code asked:
  /// the frame's own script may be running, removing its own iframe).
  func close(immediately: Bool = false) {
    guard !closed else { return }
    closed = true
    guard realm != nil else { return }
    if immediately {
      dispose()
    } else {
      realm?.loop.post(to: nil) { [self] in dispose() }
    }
  }

  private func dispose() {
    guard let realm else { return }
    environment?.childNavigables.closeAll(immediately: true)
    environment?.parserUnblocked = nil
    loader = nil
    realm.loop.cancel(realm.context)
    realm.context.dispose()
  }
}
