import Browser
import Foundation
import Runtime
import V8

/// A support realm with nothing but the primordials, and pages made beside it, for tests of
/// what the page realm does.
final class PageFixture: @unchecked Sendable {
  let support: Realm

  init() throws {
    support = try Realm(template: RealmTemplate(name: "test-support", extensions: [])) { _ in [:] }
  }

  /// A page loaded from `html` (UTF-8 unless `bytes` are given), at `url`.
  func page(
    _ html: String = "", url: String = "https://example.test/page.html", bytes: [UInt8]? = nil, contentType: String = "text/html"
  )
    throws -> Page
  {
    try Page(beside: support, document: LoadedDocument(url: url, bytes: bytes ?? Array(html.utf8), contentType: contentType))
  }

  /// A page loaded from `document`, with its scripts.
  func page(document: LoadedDocument) throws -> Page { try Page(beside: support, document: document) }
}

extension Page {
  /// Runs `source` as page code (an expression or a script) and gives its completion value.
  func evaluate(_ source: String, filename: String = "test.js") throws -> JSValue {
    try realm.context.evaluate(source, filename: filename)
  }
}
