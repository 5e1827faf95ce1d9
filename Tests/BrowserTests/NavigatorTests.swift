import Browser
import Foundation
import Network
import Testing
import V8

/// `navigator`, `matchMedia` and the viewport, `screen`, and the observers that report
/// everything in view (`IntersectionObserver`, `ResizeObserver`).
@Suite struct NavigatorTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  @Test func navigatorDescribesChromeUnderAutomation() throws {
    let context = BrowserContext(options: BrowserContext.Options(userAgent: "Mozilla/5.0 CaperTest/1.0"))
    let page = try Page(
      beside: fixture.support, document: LoadedDocument(url: "https://example.test/", bytes: [], contentType: "text/html"),
      browserContext: context)
    let result = try page.evaluate(
      """
      JSON.stringify([navigator.userAgent, navigator.appVersion, navigator.platform, navigator.language, navigator.languages,
        navigator.onLine, navigator.cookieEnabled, navigator.webdriver, navigator.vendor, navigator.hardwareConcurrency > 0,
        navigator instanceof Navigator, String(navigator), navigator.languages === navigator.languages])
      """)
    #expect(
      result
        == #"["Mozilla/5.0 CaperTest/1.0","5.0 CaperTest/1.0","Linux x86_64","en-US",["en-US"],true,true,true,"Google Inc.",true,true,"[object Navigator]",true]"#
    )
    let defaultPage = try fixture.page()
    #expect(try defaultPage.evaluate("navigator.userAgent") == .string(Request.defaultUserAgent))
  }

  @Test func matchMediaAnswersFromTheViewport() throws {
    let page = try fixture.page()
    let result = try page.evaluate(
      """
      const queries = ['(min-width: 1024px)', '(max-width: 1279px)', '(width: 1280px) and (height: 720px)', '(orientation: landscape)',
        '(prefers-color-scheme: light)', '(prefers-color-scheme: dark)', '(prefers-reduced-motion: no-preference)', 'screen', 'print',
        'not print', 'only screen and (min-width: 600px)', 'print, (max-width: 2000px)', '(width > 1300px)'];
      const list = matchMedia('(min-width: 600px)');
      let listener = typeof list.addListener === 'function' && typeof list.addEventListener === 'function';
      JSON.stringify([queries.map((q) => matchMedia(q).matches), list.media, list instanceof MediaQueryList, listener,
        innerWidth, innerHeight, outerWidth, outerHeight, devicePixelRatio, screen.width, screen.height, screen.colorDepth])
      """)
    #expect(
      result
        == "[[true,false,true,true,true,false,true,true,false,true,true,true,false],\"(min-width: 600px)\",true,true,1280,720,1280,720,1,1280,720,24]"
    )
  }

  @Test func intersectionObserverReportsEveryTargetInViewOnce() throws {
    let page = try fixture.page("<div id=a></div><div id=b></div>")
    let result = try page.awaitTasks(
      """
      const calls = [];
      let synchronous = true;
      const done = new Promise((resolve) => {
        const observer = new IntersectionObserver((entries, self) => {
          calls.push([synchronous, self === observer, entries.map((e) => [e.target.id, e.isIntersecting, e.intersectionRatio,
            e.rootBounds.width, e.rootBounds.height, e.boundingClientRect.width])]);
          resolve();
        }, { threshold: [0, 0.5] });
        observer.observe(document.getElementById('a'));
        observer.observe(document.getElementById('b'));
        observer.observe(document.getElementById('a'));
      });
      synchronous = false;
      await done;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return JSON.stringify(calls);
      """)
    #expect(result == #"[[false,true,[["a",true,1,1280,720,0],["b",true,1,1280,720,0]]]]"#)
  }

  @Test func resizeObserverReportsTheCascadesContentBox() throws {
    let page = try fixture.page(
      "<style>#sized { width: 200px; height: 50px } #hidden { display: none; width: 10px }</style><div id=sized></div><div id=auto></div><div id=hidden></div>"
    )
    let result = try page.awaitTasks(
      """
      const entries = await new Promise((resolve) => {
        const observer = new ResizeObserver((entries) => resolve(entries));
        for (const id of ['sized', 'auto', 'hidden']) observer.observe(document.getElementById(id));
      });
      return JSON.stringify(entries.map((e) => [e.target.id, e.contentRect.width, e.contentRect.height, e.contentBoxSize[0].inlineSize,
        e.borderBoxSize[0].blockSize]));
      """)
    #expect(result == #"[["sized",200,50,200,50],["auto",0,0,0,0],["hidden",0,0,0,0]]"#)
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
