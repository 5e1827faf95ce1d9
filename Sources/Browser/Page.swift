import Foundation
import HTML
import Runtime
import V8

/// A page: a page realm beside the support realm that drives it, and the document loaded into
/// it.
///
/// Guarantees: the page realm is guarded (the support realm reaches into it, never the reverse),
/// on a virtual clock with HTML's timer rules, and refuses code generation asked by other realms.
/// The document is parsed in Swift and handed to the DOM runtime as tree-operation batches; page
/// scripts do not run yet. `entry` is the page realm's function that returns Caper's internal
/// entry points for the document (captured when the realm was made, so page code cannot replace
/// them). `close()` releases the realm. Used on the isolate's thread (calls hop there).
public final class Page: @unchecked Sendable {
  public let realm: Realm
  /// The page's `entry` function (`page/entry.js`).
  public let entry: JSReference

  /// What the page's host functions reach: its browser context, URL, errors and console.
  public let environment: PageEnvironment

  public init(beside support: Realm, document: LoadedDocument, browserContext: BrowserContext = BrowserContext()) throws {
    let environment = PageEnvironment(browserContext: browserContext, url: document.url)
    self.environment = environment
    realm = try Realm(template: DOMRuntime.template, beside: support, clock: .virtual, rules: .html) { realm in
      environment.made = realm
      return DOMRuntime.hostFunctions(environment)
    }
    let (batch, encoding) = DocumentParser.parse(document)
    _ = try realm.context.call(
      realm.function("entry", "load"),
      [
        .string(document.url), .string(document.contentType), .string(encoding), .arrayBuffer(batch.operationBytes),
        .string(batch.textString),
      ])
    entry = realm.function("entry", "entry")
  }

  public func close() {
    realm.loop.cancel(realm.context)
    realm.context.dispose()
  }
}
