import Browser
import Foundation
import Testing
import V8

/// `localStorage` and `sessionStorage` (HTML §12.2): the Storage interface and its named
/// properties, the quota, storage per origin and per browser context, opaque origins refused, and
/// `storage` events between pages of one origin.
@Suite struct StorageTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  @Test func storageMethodsAndLength() throws {
    let page = try fixture.page("<p>storage</p>")
    let result = try page.evaluate(
      """
      localStorage.setItem('b', 2); localStorage.setItem('a', 'one');
      const before = [localStorage.length, localStorage.getItem('a'), localStorage.getItem('b'), localStorage.getItem('none')];
      localStorage.removeItem('b');
      const after = [localStorage.length, localStorage.key(0), localStorage.key(1)];
      localStorage.clear();
      JSON.stringify([before, after, localStorage.length, localStorage instanceof Storage, String(localStorage)])
      """)
    #expect(result == #"[[2,"one","2",null],[1,"a",null],0,true,"[object Storage]"]"#)
  }

  @Test func namedPropertiesGoThroughTheProxy() throws {
    let page = try fixture.page()
    let result = try page.evaluate(
      """
      localStorage.foo = 'x';
      localStorage.setItem('getItem', 'shadowed');
      const seen = ['foo' in localStorage, localStorage.foo, typeof localStorage.getItem, localStorage.getItem('getItem')];
      // WebIDL's named property visibility: an item named like a member is not an own property.
      const keys = Object.keys(localStorage);
      delete localStorage.foo;
      JSON.stringify([seen, keys, 'foo' in localStorage, localStorage.getItem('foo'), localStorage.length])
      """)
    #expect(result == #"[[true,"x","function","shadowed"],["foo"],false,null,1]"#)
  }

  @Test func setItemPastTheQuotaThrowsQuotaExceededError() throws {
    let page = try fixture.page()
    let result = try page.evaluate(
      """
      const big = 'x'.repeat(5 * 1024 * 1024 - 1);
      localStorage.setItem('k', big);
      let name = 'none';
      try { localStorage.setItem('k2', 'yy'); } catch (error) { name = error.name + '/' + error.code; }
      JSON.stringify([name, localStorage.length, localStorage.getItem('k').length, localStorage.getItem('k2')])
      """)
    #expect(result == #"["QuotaExceededError/22",1,5242879,null]"#)
  }

  @Test func localStorageIsPerOriginAndPerBrowserContext() throws {
    let context = BrowserContext()
    let first = try page(at: "https://one.test/a.html", in: context)
    let sameOrigin = try page(at: "https://one.test/other/b.html", in: context)
    let otherOrigin = try page(at: "https://two.test/a.html", in: context)
    let otherContext = try page(at: "https://one.test/a.html", in: BrowserContext())
    _ = try first.evaluate("localStorage.shared = 'yes'; sessionStorage.mine = 'first'")
    #expect(try sameOrigin.evaluate("JSON.stringify([localStorage.shared, sessionStorage.mine])") == #"["yes",null]"#)
    #expect(try otherOrigin.evaluate("localStorage.getItem('shared')") == .null)
    #expect(try otherContext.evaluate("localStorage.getItem('shared')") == .null)
    #expect(try first.evaluate("sessionStorage.getItem('mine')") == "first")
    #expect(context.storage.items(of: "https://one.test").map(\.key) == ["shared"])
  }

  @Test func opaqueOriginsAreRefusedAndFileIsAllowed() throws {
    let data = try fixture.page(url: "data:text/html,<p>x</p>")
    #expect(
      try data.evaluate("try { localStorage; 'none' } catch (error) { error.name + ': ' + error.message }")
        == "SecurityError: Failed to read the 'localStorage' property from 'Window': Storage is disabled inside 'data:' URLs.")
    let blank = try fixture.page(url: "about:blank")
    #expect(try blank.evaluate("try { sessionStorage; 'none' } catch (error) { error.name }") == "SecurityError")
    let file = try fixture.page(url: "file:///tmp/page.html")
    #expect(try file.evaluate("localStorage.setItem('a', 'b'); localStorage.getItem('a')") == "b")
  }

  @Test func otherPagesOfTheOriginHearStorageEvents() throws {
    let context = BrowserContext()
    let writer = try page(at: "https://one.test/writer.html", in: context)
    let reader = try page(at: "https://one.test/reader.html", in: context)
    let other = try page(at: "https://two.test/reader.html", in: context)
    _ = try reader.evaluate(
      "globalThis.heard = new Promise((resolve) => window.addEventListener('storage', resolve, { once: true }))")
    _ = try writer.evaluate(
      "window.addEventListener('storage', () => { globalThis.writerHeard = true }); localStorage.setItem('k', 'v1'); localStorage.k = 'v2'"
    )
    let event = try reader.awaitTasks(
      """
      const event = await heard;
      return JSON.stringify([event instanceof StorageEvent, event.key, event.oldValue, event.newValue, event.url,
        event.storageArea === localStorage, event.isTrusted]);
      """)
    #expect(event == #"[true,"k",null,"v1","https://one.test/writer.html",true,true]"#)
    _ = try writer.awaitTasks("await new Promise((resolve) => setTimeout(resolve, 10))")
    #expect(try writer.evaluate("globalThis.writerHeard === undefined") == true)
    _ = try other.evaluate("window.addEventListener('storage', () => { globalThis.heardOther = true })")
    _ = try other.awaitTasks("await new Promise((resolve) => setTimeout(resolve, 10))")
    #expect(try other.evaluate("globalThis.heardOther === undefined") == true)
  }

  private func page(at url: String, in context: BrowserContext) throws -> Page {
    try Page(
      beside: fixture.support, document: LoadedDocument(url: url, bytes: Array("<p>page</p>".utf8), contentType: "text/html"),
      browserContext: context)
  }
}

extension Page {
  /// Runs `body` as an async function in page code and gives what it settles to, running the
  /// page's tasks and timers meanwhile (virtual time jumps to the next timer).
  fileprivate func awaitTasks(_ body: String) throws -> JSValue {
    let promise = try evaluate("(async () => {\n\(body)\n})()")
    let deadline = ContinuousClock.now + .seconds(10)
    return try realm.context.awaitPromise(promise) { try realm.pump(until: deadline, waitingOn: realm.context) }
  }
}
