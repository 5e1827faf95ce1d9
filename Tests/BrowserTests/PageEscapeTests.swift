import Browser
import Foundation
import Runtime
import Testing
import _CaperTestSupport

/// The escape suite's DOM cases: a hostile page neither fools the scrape `page` nor gets hold of
/// a support-realm object.
///
/// Code evaluated in a page (what a hostile page's own scripts will do once they run) overrides
/// prototypes, getters and built-ins; the `page` keeps reporting the document as it is, and every
/// function or object the page catches belongs to the page realm.
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
}
