import Browser
import Foundation
import Runtime
import Testing
import V8
import _CaperTestSupport

/// The escape suite's DOM, network and storage cases: a hostile page neither fools the scrape
/// `page` nor gets hold of a support-realm object, a file it may not load, or another origin's or
/// browser context's cookies and storage.
///
/// Code evaluated in a page (what a hostile page's own scripts will do once they run) overrides
/// prototypes, getters and built-ins; the `page` keeps reporting the document as it is, and every
/// function or object the page catches belongs to the page realm. Over the network the page gets
/// what Chrome gives a page: `file:` only as a `file:` document's scripts and images, cookies and
/// `localStorage` of its own origin in its own browser context.
@Suite struct PageEscapeTests {
  let folder: TemporaryDirectory
  init() throws { folder = try TemporaryDirectory() }

  static let document = "<!doctype html><title>Real title</title><ul><li>one<li>two</ul><p id=note>note"

  /// Runs `script` (a CommonJS scrape script) over `html` and gives its result's JSON object.
  func scrape(_ script: String, html: String = Self.document) throws -> [String: Any] {
    let path = try folder.write("script.js", script)
    let scraper = try Scraper(script: path, options: Scraper.Options(timeout: .seconds(10)), console: { _, _ in })
    let outcome = scraper.scrape(
      ScrapeInput(name: "page.html", location: .file("page.html")),
      document: LoadedDocument(url: "https://example.test/page.html", bytes: Array(html.utf8), contentType: "text/html"))
    guard case .result(let json, _) = outcome else {
      Issue.record("the script failed: \(outcome)")
      return [:]
    }
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  /// What the scrape `page` reports, read once before and once after `hostile` runs in the page.
  static func beforeAndAfter(_ hostile: String) -> String {
    """
    const report = async (page) => ({
      title: await page.title(),
      items: await page.$$eval('li', (items) => items.length),
      note: await page.$eval('#note', (p) => p.id),
      content: await page.content(),
      value: await page.evaluate(() => ({ list: [1, 'two'], nested: { ok: true } })),
      later: await page.evaluate(async () => 42),
    });
    module.exports = async (page) => {
      const before = await report(page);
      await page.evaluate(() => { \(hostile) });
      return { before, after: await report(page) };
    };
    """
  }

  @Test func overriddenPrototypesAndBuiltInsDoNotChangeWhatThePageReports() throws {
    let result = try scrape(
      Self.beforeAndAfter(
        """
        Object.prototype.__defineGetter__('title', function () { return 'forged'; });
        for (const type of [Document, Element, DocumentFragment]) {
          type.prototype.querySelectorAll = () => [];
          type.prototype.querySelector = () => null;
        }
        Object.defineProperty(Document.prototype, 'title', { get() { return 'forged'; }, configurable: true });
        Object.defineProperty(Node.prototype, 'textContent', { get() { return 'forged'; }, configurable: true });
        Object.defineProperty(Element.prototype, 'localName', { get() { return 'forged'; }, configurable: true });
        Node.prototype.constructor = function Forged() {};
        JSON.stringify = () => '"forged"';
        JSON.parse = () => 'forged';
        Object.keys = () => ['forged'];
        Array.prototype.push = function () { return 0; };
        Array.prototype.join = function () { return 'forged'; };
        Array.prototype[Symbol.iterator] = function* () { yield 'forged'; };
        String.prototype.toLowerCase = function () { return 'forged'; };
        String.prototype.slice = function () { return 'forged'; };
        RegExp.prototype.exec = function () { return null; };
        Map.prototype.get = function () { return undefined; };
        Map.prototype.set = function () { return this; };
        Function.prototype.call = function () { return 'forged'; };
        Function.prototype.apply = function () { return 'forged'; };
        Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'forged', configurable: true, writable: true });
        Object.defineProperty(Object.prototype, 'v', { get() { return 'forged'; }, configurable: true });
        """))
    let before = try #require(result["before"] as? NSDictionary)
    #expect(before["title"] as? String == "Real title")
    #expect(before["items"] as? Int == 2)
    #expect(result["after"] as? NSDictionary == before)
  }

  @Test func aReplacedPromiseThenCannotForgeResults() throws {
    let result = try scrape(
      Self.beforeAndAfter(
        """
        const then = Promise.prototype.then;
        Promise.prototype.then = function (resolve, reject) { return then.call(this, () => resolve('forged'), reject); };
        Object.defineProperty(Promise.prototype, 'constructor', { get() { return function Forged() {}; }, configurable: true });
        Object.defineProperty(Object.prototype, 'then', { get() { return undefined; }, configurable: true });
        """))
    let before = try #require(result["before"] as? NSDictionary)
    #expect(before["later"] as? Int == 42)
    #expect(result["after"] as? NSDictionary == before)
  }

  @Test func noSupportRealmFunctionReachesThePage() throws {
    // The page collects every function it can reach while the scrape page works with it
    // (getters run by support code, stack frames, thenables' resolvers, an error's accessors),
    // then tries each one's realm and its Function constructor.
    let result = try scrape(
      """
      module.exports = async (page) => {
        await page.evaluate(() => {
          window.caught = [];
          const keep = window.keep = (what, value) => { if (typeof value === 'function' || (value && typeof value === 'object')) caught.push([what, value]); };
          const spy = function () { try { keep('caller', arguments.callee.caller); } catch (e) {} return 'spied'; };
          for (const [type, name] of [[Document.prototype, 'title'], [Node.prototype, 'textContent'], [Element.prototype, 'id']]) {
            Object.defineProperty(type, name, { get: spy, configurable: true });
          }
          Error.prepareStackTrace = (error, frames) => {
            for (const frame of frames) { keep('frame function', frame.getFunction()); keep('frame this', frame.getThis()); }
            return 'prepared';
          };
          Object.defineProperty(Object.prototype, 'stack', { get() { keep('stack this', this); return ''; }, configurable: true });
        });
        const probes = [];
        probes.push(page.document.title, page.document.body.textContent, page.document.querySelector('li').id);
        probes.push(await page.evaluate(() => ({ then(resolve, reject) { keep('resolve', resolve); keep('reject', reject); resolve(1); } })));
        await page.evaluate(() => { throw Object.defineProperty(new Error('x'), 'message', { get() { keep('message this', this); return 'm'; } }); })
          .catch((error) => probes.push(error.message));
        await page.evaluate(() => Promise.reject(new Error('rejected'))).catch((error) => probes.push(error.message));
        return {
          probes,
          caught: await page.evaluate(() => caught.length),
          // An object of this realm ends its prototype chain at this realm's Object.prototype.
          foreign: await page.evaluate(() => caught.filter(([, value]) => {
            let last = value;
            while (Object.getPrototypeOf(last) !== null) last = Object.getPrototypeOf(last);
            return last !== Object.prototype;
          }).map(([what]) => what)),
          escaped: await page.evaluate(() => caught.filter(([, value]) => {
            try { return typeof value.constructor.constructor('return typeof process')() !== 'undefined' && typeof process !== 'undefined'; }
            catch (e) { return false; }
          }).map(([what]) => what)),
        };
      };
      """)
    #expect(
      result["probes"] as? [AnyHashable] == [
        "spied", "spied", "spied", 1, "page.evaluate: Error: m", "page.evaluate: Error: rejected",
      ])
    #expect(result["foreign"] as? [String] == [], "every function and object the page got is its own")
    #expect(result["escaped"] as? [String] == [])
  }

  @Test func errorsAndValuesFromThePageAreRebuiltInTheSupportRealm() throws {
    let result = try scrape(
      """
      module.exports = async (page) => {
        const error = await page.evaluate(() => { throw new TypeError('bad'); }).catch((e) => e);
        const value = await page.evaluate(() => ({ list: [1], date: new Date(0), error: new Error('inside') }));
        return {
          errorIsOurs: Object.getPrototypeOf(error) === Error.prototype,
          message: error.message,
          listIsOurs: Array.isArray(value.list) && Object.getPrototypeOf(value.list) === Array.prototype,
          dateIsOurs: value.date instanceof Date,
          innerErrorIsOurs: value.error instanceof Error && value.error.message === 'inside',
          proto: await page.evaluate((arg) => [Object.getPrototypeOf(arg) === Object.prototype, Object.hasOwn(arg, '__proto__')],
            JSON.parse('{"__proto__": {"polluted": true}}')),
        };
      };
      """)
    #expect(result["errorIsOurs"] as? Bool == true)
    #expect(result["message"] as? String == "page.evaluate: TypeError: bad")
    #expect(result["listIsOurs"] as? Bool == true)
    #expect(result["dateIsOurs"] as? Bool == true)
    #expect(result["innerErrorIsOurs"] as? Bool == true)
    #expect(result["proto"] as? [Bool] == [true, true], "a __proto__ key crosses as a plain field, the prototype untouched")
  }

  // MARK: Network and storage

  /// A page of `browserContext` at `url` with `html`, loaded to `load`.
  func page(_ html: String, url: String, in browserContext: BrowserContext = BrowserContext()) throws -> Page {
    try Page(
      beside: PageFixture().support, document: LoadedDocument(url: url, bytes: Array(html.utf8), contentType: "text/html"),
      browserContext: browserContext, waitUntil: .load)
  }

  /// What the async function `body` gives in `page`, its event loop running meanwhile.
  func run(_ body: String, in page: Page) throws -> JSValue {
    let context = page.realm.context
    let promise = try context.evaluate("(async () => {\n\(body)\n})()", filename: "test.js")
    return try context.awaitPromise(promise, timeout: .seconds(20)) {
      try page.realm.loop.turn(until: .now + .milliseconds(50), waitingOn: context)
    }
  }

  /// Page code that tries `file:` through every network route of a page and gives what each did.
  static let fileRoutes = """
    const attempt = async (f) => { try { return String(await f()).slice(0, 20); } catch (e) { return 'refused ' + e.name; } };
    const xhr = (url, async) => new Promise((resolve, reject) => {
      const x = new XMLHttpRequest();
      x.open('GET', url, async);
      x.onload = () => resolve(x.responseText);
      x.onerror = () => reject(new TypeError('xhr error'));
      x.send();
      if (!async) resolve(x.responseText);
    });
    const element = (name, url) => new Promise((resolve) => {
      const e = document.createElement(name);
      e.onload = () => resolve('loaded');
      e.onerror = () => resolve('error event');
      e.src = url;
      document.body.append(e);
    });
    return [
      await attempt(() => fetch(TARGET).then((r) => r.text())),
      await attempt(() => fetch(TARGET, { mode: 'no-cors' }).then((r) => r.text())),
      await attempt(() => xhr(TARGET, true)),
      await attempt(() => xhr(TARGET, false)),
      await element('script', TARGET_SCRIPT),
      await element('img', TARGET),
      typeof window.secret,
    ];
    """

  @Test func anHTTPPageReachesNoFile() throws {
    let secret = try folder.write("secret.js", "window.secret = 'stolen';")
    let target = URL(fileURLWithPath: secret).absoluteString
    let page = try page("<!doctype html><body>", url: "https://example.test/page.html")
    defer { page.close() }
    let routes = Self.fileRoutes.replacingOccurrences(of: "TARGET_SCRIPT", with: "'\(target)'")
      .replacingOccurrences(of: "TARGET", with: "'\(target)'")
    #expect(
      try run(routes, in: page)
        == .array([
          .string("refused TypeError"), .string("refused TypeError"), .string("refused TypeError"),
          .string("refused NetworkError"), .string("error event"), .string("error event"), .string("undefined"),
        ]))
  }

  @Test func aFilePageLoadsFileScriptsAndImagesButCannotFetchFiles() throws {
    let secret = try folder.write("secret.js", "window.secret = 'loaded as a script';")
    let target = URL(fileURLWithPath: secret).absoluteString
    let pagePath = try folder.write("page.html", "<!doctype html><body>")
    let page = try page("<!doctype html><body>", url: URL(fileURLWithPath: pagePath).absoluteString)
    defer { page.close() }
    let routes = Self.fileRoutes.replacingOccurrences(of: "TARGET_SCRIPT", with: "'secret.js'")
      .replacingOccurrences(of: "TARGET", with: "'\(target)'")
    // Chrome: a file: document's origin is opaque, so fetch and XHR of file: fail; its scripts and
    // images load.
    #expect(
      try run(routes, in: page)
        == .array([
          .string("refused TypeError"), .string("refused TypeError"), .string("refused TypeError"),
          .string("refused NetworkError"), .string("loaded"), .string("loaded"), .string("string"),
        ]))
  }

  @Test func noProcessEnvironmentOrHostPowerIsReachable() throws {
    let page = try page("<!doctype html><body>", url: "https://example.test/page.html")
    defer { page.close() }
    let reached = try run(
      """
      const names = ['process', 'require', 'module', 'Buffer', 'global', 'Deno', 'Bun', '__caperHost', 'host', 'primordials'];
      const found = names.filter((name) => typeof globalThis[name] !== 'undefined');
      const compiled = [
        ['Function', () => Function('return typeof process')()],
        ['AsyncFunction', () => (async () => {}).constructor('return typeof process')()],
        ['GeneratorFunction', () => (function* () {}).constructor('yield typeof process')().next().value],
      ];
      for (const [name, run] of compiled) {
        try { if ((await run()) !== 'undefined') found.push('process through ' + name); } catch (e) {}
      }
      try { if (typeof eval('process') !== 'undefined') found.push('process through eval'); } catch (e) {}
      try { await import('fs'); found.push('fs'); } catch (e) {}
      try { await import('node:child_process'); found.push('child_process'); } catch (e) {}
      return found;
      """, in: page)
    #expect(reached == .array([]))
  }

  @Test func noOtherOriginsOrContextsCookiesOrStorage() throws {
    let server = try TestServer.shared.get()
    let numeric = server.url("/page")
    let named = numeric.replacingOccurrences(of: "127.0.0.1", with: "localhost")
    let context = BrowserContext()
    let first = try page("<!doctype html><body>", url: numeric, in: context)
    defer { first.close() }
    _ = try run(
      """
      document.cookie = 'script=1; path=/';
      localStorage.setItem('key', 'first origin');
      sessionStorage.setItem('key', 'first origin');
      await fetch('/set-cookie?c=server%3D1%3B%20Path%3D/');
      return document.cookie;
      """, in: first)
    #expect(try first.evaluate("document.cookie") == .string("script=1; server=1"))

    // Another origin of the same browser context: the same server, named `localhost`.
    let second = try page("<!doctype html><body>", url: named, in: context)
    defer { second.close() }
    let seen = try run(
      """
      const echo = await (await fetch('/echo')).json();
      const sent = echo.headers.filter(([name]) => name.toLowerCase() === 'cookie');
      let crossRead;
      try { crossRead = await (await fetch('\(server.url("/echo"))', { credentials: 'include' })).text(); }
      catch (e) { crossRead = 'refused ' + e.name; }
      const opaque = await fetch('\(server.url("/echo"))', { mode: 'no-cors', credentials: 'include' });
      return [document.cookie, localStorage.length, sessionStorage.length, sent.length, crossRead, opaque.type, (await opaque.text()).length];
      """, in: second)
    #expect(
      seen
        == .array([.string(""), .number(0), .number(0), .number(0), .string("refused TypeError"), .string("opaque"), .number(0)]))

    // The first origin in another browser context.
    let other = try page("<!doctype html><body>", url: numeric, in: BrowserContext())
    defer { other.close() }
    let echoed = try run(
      """
      const echo = await (await fetch('/echo')).json();
      return [document.cookie, localStorage.length, echo.headers.filter(([name]) => name.toLowerCase() === 'cookie').length];
      """, in: other)
    #expect(echoed == .array([.string(""), .number(0), .number(0)]))
  }
}
