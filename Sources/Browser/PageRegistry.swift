import Foundation
import Network
import Runtime
import V8

/// The browser contexts and pages a support realm's Playwright objects (`playwright/*.js`) address
/// by number, and the host functions of the `playwright` extension that reach them.
///
/// Guarantees: a number names one context or page for the registry's life and is never reused; a
/// closed page or context is gone from the registry (its number then gives "the page is closed"
/// / "the context is closed"). Pages are made beside `support`, in its isolate, taking their realms
/// from `pool`; every call happens on that isolate's thread (host functions run there).
/// Popups a page opened get a number when first asked for (`popups`). Closing a context closes its
/// pages. Not thread-safe beyond that one thread; `@unchecked Sendable` so host closures can hold it.
public final class PageRegistry: @unchecked Sendable {
  /// A page's number and the context it is in.
  struct Entry {
    let page: Page
    let context: Int
  }

  /// A context's options beyond `BrowserContext.Options`: whether its pages run scripts.
  struct ContextEntry {
    let context: BrowserContext
    let scripts: Bool
  }

  /// The support realm pages are made beside, and the pool of their realms (set by `attach`).
  public private(set) var support: Realm?
  public private(set) var pool: PagePool?
  private var pages: [Int: Entry] = [:]
  private var contexts: [Int: ContextEntry] = [:]
  /// The numbers given to popups, by page identity.
  private var popupNumbers: [ObjectIdentifier: Int] = [:]
  private var next = 1
  /// Where page errors of pages made here are reported as they happen (nil: only kept by the page).
  public var onPageError: ((PageError) -> Void)?

  /// A registry whose pages will be made beside the support realm given to `attach` (the realm's
  /// host functions hold the registry before the realm exists).
  public init() {}

  /// Makes pages beside `support` from now on, with realms from `pool` (by default a new one).
  public func attach(to support: Realm, pool: PagePool? = nil) {
    self.support = support
    self.pool = pool ?? PagePool(support: support)
  }

  private func number() -> Int {
    defer { next += 1 }
    return next
  }

  /// Registers a page made elsewhere (`caper scrape`'s input page) in `context`; gives its number.
  public func add(_ page: Page, context: Int = 0) -> Int {
    let id = number()
    pages[id] = Entry(page: page, context: context)
    return id
  }

  /// Forgets page `id` without closing it (its owner closes it).
  public func remove(_ id: Int) { pages[id] = nil }

  public func page(_ id: Int) -> Page? { pages[id]?.page }

  /// The number `page` is registered under, if it is.
  public func number(of page: Page) -> Int? { pages.first { $0.value.page === page }?.key }

  /// A new browser context with `options`; gives its number.
  public func newContext(_ options: BrowserContext.Options, scripts: Bool = true) -> Int {
    let id = number()
    contexts[id] = ContextEntry(context: BrowserContext(options: options), scripts: scripts)
    return id
  }

  /// A new page of context `contextId` showing `about:blank` (Playwright's `newPage`).
  public func newPage(in contextId: Int) throws -> Int {
    guard let entry = contexts[contextId] else { throw HostError("the browser context is closed") }
    guard let support else { throw HostError("the registry has no support realm") }
    let blank = LoadedDocument(url: "about:blank", bytes: [], contentType: "text/html")
    // The about:blank is made only when something reads it: a page navigated at once hands its
    // realm to the document it navigates to.
    let page = try Page(
      beside: support, document: blank, browserContext: entry.context, scripts: false, pool: pool, deferringBlank: true,
      onError: onPageError)
    page.runsScripts = entry.scripts
    return add(page, context: contextId)
  }

  /// Closes page `id` (and its popups); nothing when it is closed already.
  public func closePage(_ id: Int) {
    guard let entry = pages.removeValue(forKey: id) else { return }
    for popup in entry.page.popups {
      if let number = popupNumbers.removeValue(forKey: ObjectIdentifier(popup)) { pages[number] = nil }
    }
    entry.page.close()
  }

  /// Closes context `id` and every page in it.
  public func closeContext(_ id: Int) {
    for (number, entry) in pages where entry.context == id { closePage(number) }
    // The routing holds the support realm's callback, which holds the context's JavaScript object:
    // dropped here, since the BrowserContext may outlive its entry (a closed page's environment).
    contexts[id]?.context.routing?.close()
    contexts[id]?.context.routing = nil
    contexts[id] = nil
  }

  /// Closes every page and context (the support realm's end).
  public func closeAll() {
    for number in pages.keys.sorted() { closePage(number) }
    contexts = [:]
  }

  /// The numbers of the popups page `id` opened, in order (each registered in the page's context).
  func popups(of id: Int) -> [Int] {
    guard let entry = pages[id] else { return [] }
    return entry.page.popups.map { popup in
      if let known = popupNumbers[ObjectIdentifier(popup)] { return known }
      let number = add(popup, context: entry.context)
      popupNumbers[ObjectIdentifier(popup)] = number
      return number
    }
  }

  func context(_ id: Int) throws -> BrowserContext {
    guard let entry = contexts[id] else { throw HostError("the browser context is closed") }
    return entry.context
  }
}
