import Foundation
import Runtime
import V8

/// The Web Storage of one browser context (HTML §12.2): a local storage area per origin, shared
/// by every page of the context, and the pages that hear each other's changes as `storage` events.
///
/// Guarantees: what one context stores is never seen by another, nor one origin's by another
/// origin's pages. Each area holds at most `quota` (5 MiB, counted in UTF-16 code units of keys
/// and values). Thread-safe: pages of one context in different isolates share it through its
/// lock; a `storage` event is posted as a task to each other listening page's own event loop
/// (HTML §12.2.1 "broadcast": every other window of the origin, never the one that made the
/// change), dropped when that page was closed first. `Sendable`.
public final class WebStorage: @unchecked Sendable {
  /// The most one origin's area may hold, in UTF-16 code units of its keys and values.
  public static let quota = 5 * 1024 * 1024

  /// A page that hears changes made by the other pages of its origin.
  private struct Listener {
    let origin: String
    weak var page: PageEnvironment?
    let loop: EventLoop
    let context: Context
    let callback: JSReference
  }

  private let lock = NSLock()
  private var areas: [String: StorageArea] = [:]
  private var listeners: [Listener] = []

  public init() {}

  /// The local storage of `origin` (an origin's serialization; `file://` for every `file:` page),
  /// keys in order.
  public func items(of origin: String) -> [(key: String, value: String)] {
    lock.withLock { areas[origin]?.all ?? [] }
  }

  /// The origins whose local storage holds something, sorted (Playwright's `storageState` origins).
  public var origins: [String] { lock.withLock { areas.filter { !$0.value.all.isEmpty }.keys.sorted() } }

  /// Sets `items` in the local storage of `origin` (Playwright's `storageState` option); an item
  /// over the quota is left out.
  public func setItems(_ items: [(key: String, value: String)], of origin: String) {
    withArea(origin) { area in for (key, value) in items { _ = area.set(key, value) } }
  }

  /// Runs `body` on the local storage area of `origin` under the lock.
  func withArea<Result>(_ origin: String, _ body: (StorageArea) throws -> Result) rethrows -> Result {
    try lock.withLock {
      let area = areas[origin] ?? StorageArea(quota: Self.quota)
      areas[origin] = area
      return try body(area)
    }
  }

  /// Makes `page` hear the changes other pages make to `origin`'s local storage: `callback` is
  /// called in the page's realm, as a task, with `[key, oldValue, newValue, url]` (null for what
  /// is absent; all null for `clear()`).
  func listen(_ page: PageEnvironment, origin: String, callback: JSReference) {
    let listener = Listener(origin: origin, page: page, loop: page.realm.loop, context: page.realm.context, callback: callback)
    lock.withLock {
      listeners.removeAll { $0.page == nil || $0.page === page }
      listeners.append(listener)
    }
  }

  /// Tells every other page listening to `origin` of a change `source` made at `url`.
  func broadcast(from source: PageEnvironment, origin: String, key: String?, oldValue: String?, newValue: String?, url: String) {
    let targets = lock.withLock {
      listeners.removeAll { $0.page == nil }
      return listeners.filter { $0.origin == origin && $0.page !== source }
    }
    let text = { (value: String?) in value.map(JSValue.string) ?? .null }
    let arguments: [JSValue] = [text(key), text(oldValue), text(newValue), .string(url)]
    for target in targets {
      let (context, callback) = (target.context, target.callback)
      target.loop.post(to: context) { _ = try? context.call(callback, arguments) }
    }
  }
}
