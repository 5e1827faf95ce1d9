import Foundation
import Runtime
import V8

/// Page realms made ahead of need beside one support realm: a navigation takes the one made
/// ahead (from the startup snapshot, its Web APIs installed) and the next is made in a task of the
/// loop, at the top level, while the page loads (issue 13: "after a navigation the next realm is
/// already made").
///
/// Guarantees: a realm is handed out once and never reused after its page closes; the realm made
/// ahead has run no page code and belongs to no browser context until taken. `drain()` disposes
/// it. Used on the isolate's thread.
public final class PagePool: @unchecked Sendable {
  public let support: Realm
  private var ready: (realm: Realm, environment: PageEnvironment)?
  private var refillQueued = false
  /// How many realms were taken ready (made ahead) and how many were made on demand.
  public private(set) var takenReady = 0
  public private(set) var madeOnDemand = 0

  public init(support: Realm) { self.support = support }

  /// A page realm and its environment for a page of `browserContext` at `url`.
  func take(browserContext: BrowserContext, url: String) throws -> (Realm, PageEnvironment) {
    defer { queueRefill() }
    if let made = ready {
      ready = nil
      takenReady += 1
      made.environment.browserContext = browserContext
      made.environment.url = url
      made.environment.sessionHistory = SessionHistory(first: DocumentRequest(url: url), document: 1)
      made.environment.timeOrigin = Date().timeIntervalSince1970 * 1000
      return made
    }
    madeOnDemand += 1
    return try Self.make(beside: support, browserContext: browserContext, url: url)
  }

  /// A page realm beside `support` with an environment of its own.
  static func make(
    beside support: Realm, browserContext: BrowserContext, url: String, sharing clock: RealmClock? = nil
  ) throws -> (Realm, PageEnvironment) {
    let environment = PageEnvironment(browserContext: browserContext, url: url)
    environment.clockZero = clock?.now ?? 0
    let realm = try Realm(template: DOMRuntime.template, beside: support, clock: .virtual, sharing: clock, rules: .html) {
      realm in
      environment.made = realm
      return DOMRuntime.hostFunctions(environment)
    }
    return (realm, environment)
  }

  private func queueRefill() {
    guard ready == nil, !refillQueued else { return }
    refillQueued = true
    support.loop.post(to: support.context) { [weak self] in
      guard let self else { return }
      self.refillQueued = false
      guard self.ready == nil else { return }
      self.ready = try? Self.make(beside: self.support, browserContext: BrowserContext(), url: "about:blank")
    }
  }

  /// Disposes the realm made ahead.
  public func drain() {
    if let made = ready {
      made.realm.loop.cancel(made.realm.context)
      made.realm.context.dispose()
    }
    ready = nil
  }
}
