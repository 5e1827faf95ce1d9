import Browser
import Foundation
import Runtime
import Testing
import V8

/// Page realms come warm: the next one is made in a task while a page loads, and never reused.
@Suite struct PagePoolTests {
  @Test func theNextPageRealmIsMadeWhileAPageLoadsAndEachIsNew() throws {
    let fixture = try PageFixture()
    let pool = PagePool(support: fixture.support)
    defer { pool.drain() }
    let document = LoadedDocument(
      url: "https://example.test/", bytes: Array("<script>window.mark = 1</script>".utf8), contentType: "text/html")
    let first = try Page(beside: fixture.support, document: document, pool: pool)
    #expect(pool.madeOnDemand == 1)
    first.close()
    // The first page's load turned the loop: the realm for the next navigation is ready.
    let second = try Page(beside: fixture.support, document: document, pool: pool)
    defer { second.close() }
    #expect(pool.takenReady == 1)
    #expect(try second.evaluate("window.mark") == 1)
    #expect(try second.evaluate("location.href") == "https://example.test/")
  }
}
