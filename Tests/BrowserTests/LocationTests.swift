import Browser
import Foundation
import Testing
import V8

/// `location`, `history` and `window.open` (HTML §7.2.3, §7.2.4): the URL's components,
/// same-document navigations (fragments, `pushState`, traversal) with their events and timing,
/// and navigations to other documents recorded for the loader.
@Suite struct LocationTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  @Test func locationGivesTheDocumentURLsComponents() throws {
    let page = try fixture.page(url: "https://example.test:8443/dir/page.html?q=1#top")
    let result = try page.evaluate(
      """
      JSON.stringify([location.href, location.protocol, location.host, location.hostname, location.port, location.pathname,
        location.search, location.hash, location.origin, String(location), document.location === location, location instanceof Location,
        Object.getOwnPropertyDescriptor(location, 'href').configurable])
      """)
    let expected: [Any] = [
      "https://example.test:8443/dir/page.html?q=1#top", "https:", "example.test:8443", "example.test", "8443", "/dir/page.html",
      "?q=1",
      "#top", "https://example.test:8443", "https://example.test:8443/dir/page.html?q=1#top", true, true, false,
    ]
    let json = try #require(result.stringValue)
    let values = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSArray)
    #expect(values == expected as NSArray)
  }

  @Test func settingTheHashIsASameDocumentNavigation() throws {
    let page = try fixture.page("<a id=link href='#b'>b</a>", url: "https://example.test/page.html")
    let result = try page.awaitTasks(
      """
      const log = [];
      window.addEventListener('popstate', (event) => log.push('popstate ' + JSON.stringify(event.state)));
      const hashchange = new Promise((resolve) => window.addEventListener('hashchange', (event) => {
        log.push('hashchange ' + event.oldURL + ' ' + event.newURL + ' ' + (event instanceof HashChangeEvent));
        resolve();
      }));
      location.hash = 'a';
      log.push('after set ' + document.URL + ' ' + history.length + ' ' + location.hash);
      await hashchange;
      log.push('link ' + document.getElementById('link').href);
      return log.join('\\n');
      """)
    #expect(
      result
        == """
        popstate null
        after set https://example.test/page.html#a 3 #a
        hashchange https://example.test/page.html https://example.test/page.html#a true
        link https://example.test/page.html#b
        """)
    #expect(page.environment.url == "https://example.test/page.html#a")
    #expect(page.environment.navigationRequests.isEmpty)
  }

  @Test func pushStateAndReplaceStateChangeTheURLWithoutEvents() throws {
    let page = try fixture.page("<a id=link href='next.html'>n</a>", url: "https://example.test/app/")
    let result = try page.awaitTasks(
      """
      let events = 0;
      window.addEventListener('popstate', () => events++);
      window.addEventListener('hashchange', () => events++);
      const state = { page: 2, list: [1, 2], when: new Date(0) };
      history.pushState(state, '', '/app/items/2');
      const pushed = [document.URL, location.pathname, history.length, history.state.page, history.state !== state,
        history.state.when instanceof Date, document.getElementById('link').href];
      history.replaceState(null, '', '?tab=1#x');
      const replaced = [document.URL, history.length, history.state];
      const failures = [];
      try { history.pushState(null, '', 'https://other.test/'); } catch (error) { failures.push(error.name); }
      try { history.pushState(() => 1, ''); } catch (error) { failures.push(error.name); }
      await new Promise((resolve) => setTimeout(resolve, 5));
      return JSON.stringify([pushed, replaced, failures, events, document.URL]);
      """)
    #expect(
      result
        == #"[["https://example.test/app/items/2","/app/items/2",3,2,true,true,"https://example.test/app/items/next.html"],["https://example.test/app/items/2?tab=1#x",3,null],["SecurityError","DataCloneError"],0,"https://example.test/app/items/2?tab=1#x"]"#
    )
    #expect(page.environment.url == "https://example.test/app/items/2?tab=1#x")
  }

  @Test func traversalFiresPopstateAndHashchangeAsTasks() throws {
    let page = try fixture.page(url: "https://example.test/page.html")
    let result = try page.awaitTasks(
      """
      const log = [];
      history.pushState({ n: 1 }, '', '#one');
      history.pushState({ n: 2 }, '', '#two');
      window.addEventListener('popstate', (event) => log.push('popstate ' + JSON.stringify(event.state) + ' ' + location.hash));
      window.addEventListener('hashchange', (event) => log.push('hashchange ' + event.newURL));
      const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
      history.back();
      log.push('after back ' + location.hash);
      await settle();
      history.go(-1);
      await settle();
      history.forward();
      await settle();
      history.go(-5);
      await settle();
      log.push('end ' + location.hash + ' ' + history.length + ' ' + JSON.stringify(history.state));
      return log.join('\\n');
      """)
    #expect(
      result
        == """
        after back #two
        popstate {"n":1} #one
        hashchange https://example.test/page.html#one
        popstate null 
        hashchange https://example.test/page.html
        popstate {"n":1} #one
        hashchange https://example.test/page.html#one
        end #one 4 {"n":1}
        """)
  }

  @Test func navigationsToOtherDocumentsAreRecorded() throws {
    let page = try fixture.page(url: "https://example.test/dir/page.html")
    _ = try page.evaluate(
      """
      location.href = 'other.html';
      location.assign('/assigned?x=1');
      location.replace('https://elsewhere.test/');
      location.reload();
      history.go(0);
      location.pathname = '/path';
      window.location = 'set-on-window.html';
      location.href = 'javascript:void 0';
      """)
    #expect(
      page.environment.navigationRequests == [
        "https://example.test/dir/other.html", "https://example.test/assigned?x=1", "https://elsewhere.test/",
        "https://example.test/dir/page.html", "https://example.test/dir/page.html", "https://example.test/path",
        "https://example.test/dir/set-on-window.html",
      ])
    #expect(try page.evaluate("document.URL") == "https://example.test/dir/page.html")
    #expect(
      try page.evaluate("try { location.assign('http://[bad'); 'none' } catch (error) { error.name }") == "SyntaxError")
  }

  @Test func windowOpenIsRecordedAndReturnsNull() throws {
    let page = try fixture.page(url: "https://example.test/dir/page.html")
    #expect(try page.evaluate("window.open('popup.html', '_blank')") == .null)
    #expect(page.environment.openRequests == ["https://example.test/dir/popup.html"])
    #expect(page.environment.consoleMessages.last?.type == "warning")
    #expect(page.environment.consoleMessages.last?.text.contains("https://example.test/dir/popup.html") == true)
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
