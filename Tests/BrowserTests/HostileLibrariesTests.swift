import Browser
import Foundation
import Testing
import V8
import _CaperTestSupport

/// Pages that rewrite built-ins do not break Caper: Debian's Prototype.js 1.7.3, MooTools 1.4.5
/// and core-js 3.26 are loaded into a page (as a page's first script would be), then the DOM,
/// Selectors, events, timers on the virtual clock and Caper's own entry points (`page/entry.js`:
/// serialization of values, `content()`) are checked to give what they give without the library.
///
/// Prototype.js replaces `Array.from`, extends `Element.prototype` and `Event`, and wraps
/// `Element`; MooTools replaces `Element`, `Event`, `Function.prototype.bind` and adds methods to
/// every native prototype; core-js (its full entry, every module of Debian's CommonJS package
/// bundled here into one script) replaces whatever it finds non-conforming, from `Promise` and
/// `Symbol` helpers to `URL`, `structuredClone` and the typed arrays' methods.
@Suite struct HostileLibrariesTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  static let document = """
    <!doctype html><html><head><title>Hostile</title></head><body><ul id=list><li class=item>one</li><li class=item>two</li>\
    </ul><p id=note>note</p><div id=box class="a b"></div></body></html>
    """

  /// `document` as the HTML serializer writes it back.
  static let content = """
    <!DOCTYPE html><html><head><title>Hostile</title></head><body><ul id="list"><li class="item">one</li><li class="item">two</li>\
    </ul><p id="note">note</p><div id="box" class="a b"></div></body></html>
    """

  enum Library: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case prototype, mootools, coreJS

    var testDescription: String { rawValue }

    /// Where the page loads it from (its stack traces name it).
    var url: String { "https://example.test/\(rawValue).js" }

    /// Page code that uses the library itself on Caper's DOM, and what it gives (proof that it loaded and works).
    var probe: (expression: String, expected: String) {
      switch self {
      case .prototype:
        (
          """
          [Prototype.Version, $$('li.item').length, $('note').update('<b>u</b>').innerHTML, $('box').addClassName('z').hasClassName('z'),
            new Element('div', { id: 'made' }).id, (() => { let n = 0; $('note').observe('click', () => { n += 1; }); $('note').click();
            return n; })(), $A(document.getElementsByTagName('li')).length].join()
          """,
          "1.7.3,2,<b>u</b>,true,made,1,2"
        )
      case .mootools:
        (
          """
          [MooTools.version, $$('li.item').length, $('note').set('html', '<i>m</i>').get('html'),
            new Element('div', { id: 'made', text: 'hi' }).get('text'), $('box').addClass('z').hasClass('z'),
            (() => { let n = 0; $('note').addEvent('click', () => { n += 1; }); $('note').fireEvent('click'); $('note').click();
            return n; })()].join()
          """,
          "1.4.5,2,<i>m</i>,hi,true,2"
        )
      case .coreJS:
        (
          """
          [globalThis['__core-js_shared__'].versions[0].version, [3, 1, 2].toSorted().join(''), Object.groupBy([1, 2], (x) => x % 2)[1],
            new URL('https://example.test/a?b=c').searchParams.get('b'), Array.from(new Set([1, 1, 2])).length].join()
          """,
          "3.26.1,123,1,c,2"
        )
      }
    }

    /// Its source as a page would load it.
    func source() throws -> String {
      switch self {
      case .prototype: try String(contentsOfFile: "/usr/share/javascript/prototype/prototype.js", encoding: .utf8)
      case .mootools: try String(contentsOfFile: "/usr/share/javascript/mootools/mootools.js", encoding: .utf8)
      case .coreJS: try HostileLibrariesTests.coreJS.get()
      }
    }
  }

  /// core-js's full entry (every polyfill, installed globally), made once.
  static let coreJS = Result { try commonJSBundle(root: "/usr/share/nodejs/core-js", entry: "index.js") }

  /// One script that runs the CommonJS module `entry` of the package at `root`, as a bundler's
  /// global build does.
  ///
  /// Every module it requires is included (relative requests only; resolution: the path, then
  /// `.js`, then `/index.js`). Debian ships core-js as CommonJS only.
  static func commonJSBundle(root: String, entry: String) throws -> String {
    let request = try NSRegularExpression(pattern: #"require\('(\.{1,2}/[^']+)'\)"#)
    var modules: [String: String] = [:]
    var resolutions: [String: [String: String]] = [:]
    var pending = [entry]
    let manager = FileManager.default
    func resolve(_ request: String, from module: String) throws -> String {
      var parts = module.split(separator: "/").dropLast().map(String.init)
      for part in request.split(separator: "/") {
        if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
      }
      let path = parts.joined(separator: "/")
      for candidate in [path, path + ".js", path + "/index.js"] {
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: root + "/" + candidate, isDirectory: &isFolder), !isFolder.boolValue { return candidate }
      }
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: root + "/" + path])
    }
    while let module = pending.popLast() {
      if modules[module] != nil { continue }
      let text = try String(contentsOfFile: root + "/" + module, encoding: .utf8)
      modules[module] = text
      var table: [String: String] = [:]
      for match in request.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        let name = String(text[Range(match.range(at: 1), in: text)!])
        let resolved = try resolve(name, from: module)
        table[name] = resolved
        if modules[resolved] == nil { pending.append(resolved) }
      }
      resolutions[module] = table
    }
    func literal(_ value: Any) throws -> String {
      String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }
    var bundle = "(function () {\nvar definitions = Object.create(null);\n"
    for (name, text) in modules.sorted(by: { $0.key < $1.key }) {
      bundle +=
        "definitions[\(try literal([name]).dropFirst().dropLast())] = function (module, exports, require) {\n\(text)\n};\n"
    }
    bundle += """
      var resolutions = \(try literal(resolutions));
      var cache = Object.create(null);
      function load(name) {
        if (name in cache) return cache[name].exports;
        var module = { exports: {} };
        cache[name] = module;
        definitions[name].call(module.exports, module, module.exports, function (request) { return load(resolutions[name][request]); });
        return module.exports;
      }
      load(\(try literal([entry]).dropFirst().dropLast()));
      })();
      """
    return bundle
  }

  /// Page code that exercises the DOM, Selectors and events, and gives one `label=value` line each.
  static let domScript = """
    (() => {
      let out = '';
      const log = (label, value) => { out += label + '=' + String(value) + '\\n'; };
      const list = document.getElementById('list');
      log('items', document.querySelectorAll('li.item').length);
      log('note', document.querySelector('#note').textContent);
      log('nth-child', document.querySelector('li:nth-child(2)').textContent);
      log('not', document.querySelectorAll('body > :not(ul)').length);
      log('attribute', document.querySelectorAll('[class~=a]').length);
      log('matches', document.getElementById('note').matches('body > p#note'));
      log('closest', document.querySelector('li').closest('ul').id);
      log('getElementsByTagName', document.getElementsByTagName('li').length);
      const box = document.getElementById('box');
      box.innerHTML = '<b>bold</b><i>it</i>';
      log('innerHTML', box.innerHTML);
      log('children', box.children.length);
      const span = document.createElement('span');
      span.textContent = 'new <text>';
      span.setAttribute('data-x', '1');
      box.appendChild(span);
      log('outerHTML', span.outerHTML);
      log('textContent', box.textContent);
      box.classList.add('c');
      box.classList.remove('a');
      box.classList.toggle('d');
      log('classList', box.className + '|' + box.classList.contains('b') + '|' + box.classList.length);
      let events = '';
      const handler = (event) => { events += event.type + ':' + event.eventPhase + ':' + (event.target === span) + ';'; };
      box.addEventListener('click', handler);
      document.body.addEventListener('click', () => { events += 'body;'; });
      span.addEventListener('custom', (event) => { events += 'custom:' + event.detail + ';'; });
      span.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      span.click();
      span.dispatchEvent(new CustomEvent('custom', { detail: 7 }));
      box.removeEventListener('click', handler);
      span.click();
      log('events', events);
      list.removeChild(list.firstElementChild);
      log('removeChild', list.children.length + '|' + list.textContent);
      const clone = box.cloneNode(true);
      log('cloneNode', clone.outerHTML);
      log('insertAdjacentHTML', (box.insertAdjacentHTML('beforeend', '<em>e</em>'), box.lastChild.tagName));
      return out;
    })()
    """

  /// What `domScript` gives in a page without a library, line by line.
  static let expectedDOM = [
    "items=2", "note=note", "nth-child=two", "not=2", "attribute=1", "matches=true", "closest=list", "getElementsByTagName=2",
    "innerHTML=<b>bold</b><i>it</i>", "children=2", #"outerHTML=<span data-x="1">new &lt;text&gt;</span>"#,
    "textContent=bolditnew <text>", "classList=b c d|true|3",
    "events=click:3:true;body;click:3:true;body;custom:7;body;", "removeChild=1|two",
    #"cloneNode=<div id="box" class="b c d"><b>bold</b><i>it</i><span data-x="1">new &lt;text&gt;</span></div>"#,
    "insertAdjacentHTML=EM",
  ]

  /// A page without a library, then one with each.
  static let everyPage: [Library?] = [nil] + Library.allCases

  /// A page with `library` loaded (nil: none) as its first script.
  func page(with library: Library?) throws -> Page {
    let page = try fixture.page(Self.document)
    if let library { _ = try page.evaluate(try library.source(), filename: library.url) }
    return page
  }

  @Test func theChecksHoldWithoutALibrary() throws {
    let page = try page(with: nil)
    defer { page.close() }
    let lines = try #require(try page.evaluate(Self.domScript).stringValue).split(separator: "\n").map(String.init)
    #expect(lines == Self.expectedDOM)
  }

  @Test(arguments: Library.allCases)
  func theDOMSelectorsAndEventsKeepWorking(_ library: Library) throws {
    let page = try page(with: library)
    defer { page.close() }
    let lines = try #require(try page.evaluate(Self.domScript).stringValue).split(separator: "\n").map(String.init)
    #expect(lines == Self.expectedDOM)
  }

  @Test(arguments: Library.allCases)
  func theLibraryLoadsAndWorksOnCapersDOM(_ library: Library) throws {
    let page = try page(with: library)
    defer { page.close() }
    #expect(try page.evaluate(library.probe.expression).stringValue == library.probe.expected)
  }

  /// Timers and intervals on the page's virtual clock: due order, the interval cleared after three
  /// ticks, `Date.now()` advanced by the delays (virtual time jumps; nothing waits for real).
  @Test(arguments: Self.everyPage)
  func timersRunInVirtualTime(_ library: Library?) throws {
    let page = try page(with: library)
    defer { page.close() }
    let promise = try page.evaluate(
      """
      (async () => await new Promise((resolve) => {
        let log = '';
        const start = Date.now();
        setTimeout(() => { log += 'timeout:' + (Date.now() - start >= 1200) + ';'; }, 1200);
        let ticks = 0;
        const id = setInterval(() => {
          ticks += 1;
          log += 'tick' + ticks + ';';
          if (ticks === 3) {
            clearInterval(id);
            setTimeout(() => resolve(log + 'elapsed:' + (Date.now() - start >= 3500)), 2000);
          }
        }, 500);
      }))()
      """)
    let deadline = ContinuousClock.now + .seconds(10)
    let log = try page.realm.context.awaitPromise(promise) { try page.realm.pump(until: deadline, waitingOn: page.realm.context) }
    #expect(log.stringValue == "tick1;tick2;timeout:true;tick3;elapsed:true")
  }

  /// Caper's entry points, called from the support realm as the scrape `page` calls them: the
  /// title, a query, values serialized out of the page (`evaluateExpression`), a page function
  /// called with an argument serialized in (`evaluate`), and the document's markup (`content`).
  @Test(arguments: Self.everyPage)
  func caperEntryPointsKeepWorking(_ library: Library?) throws {
    let page = try page(with: library)
    defer { page.close() }
    guard
      case .function(let pageFunction) = try page.evaluate(
        "(argument) => ({ sum: argument.a[0] + argument.a[1], note: document.querySelector('#note').textContent })")
    else {
      Issue.record("the page function did not evaluate to a function")
      return
    }
    guard
      case .function(let read) = try fixture.support.context.evaluate(
        """
        (entry, pageFunction) => {
          const points = entry();
          return JSON.stringify([
            points.title(),
            points.querySelectorAll('li').length,
            points.evaluateExpression("({ list: [1, 'two'], nested: { ok: true }, when: new Date(0), nothing: undefined })"),
            points.evaluate(pageFunction, '{"o":[{"k":"a","v":{"a":[2,3],"id":2}}],"id":1}'),
            points.content(),
          ]);
        }
        """)
    else {
      Issue.record("the support function did not evaluate to a function")
      return
    }
    let json = try #require(try fixture.support.context.call(read, [.function(page.entry), .function(pageFunction)]).stringValue)
    let results = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])
    #expect(results.count == 5)
    #expect(results.first as? String == "Hostile")
    #expect(results.dropFirst().first as? Int == 2)
    #expect(
      results.dropFirst(2).first as? String
        == #"{"value":{"o":[{"k":"list","v":{"a":[1,"two"],"id":2}},{"k":"nested","v":{"o":[{"k":"ok","v":true}],"id":3}},{"k":"when","v":{"d":"1970-01-01T00:00:00.000Z"}},{"k":"nothing","v":{"v":"undefined"}}],"id":1}}"#
    )
    #expect(results.dropFirst(3).first as? String == #"{"value":{"o":[{"k":"sum","v":5},{"k":"note","v":"note"}],"id":1}}"#)
    #expect(results.last as? String == Self.content)
  }

  /// `caper scrape` over a page whose first script was the library: the scrape `page` reports the
  /// document, queries, evaluates and serializes as it does without one.
  @Test(arguments: Self.everyPage)
  func caperScrapeKeepsWorking(_ library: Library?) throws {
    let folder = try TemporaryDirectory()
    let libraryPath = try folder.write("library.js", try library?.source() ?? "")
    let script = try folder.write(
      "script.js",
      """
      const fs = require('fs');
      module.exports = async (page) => {
        await page.evaluate(fs.readFileSync(\(String(decoding: try JSONSerialization.data(withJSONObject: [libraryPath]), as: UTF8.self).dropFirst().dropLast()), 'utf8'));
        return {
          title: await page.title(),
          items: await page.$$eval('li', (items) => items.map((item) => item.textContent)),
          note: await page.$eval('#note', (p, suffix) => p.id + suffix, '!'),
          value: await page.evaluate(() => ({ list: [1, 'two'], nested: { ok: true } })),
          later: await page.evaluate(async () => 42),
          content: await page.content(),
        };
      };
      """)
    let scraper = try Scraper(script: script, options: Scraper.Options(timeout: .seconds(20)), console: { _, _ in })
    let outcome = scraper.scrape(
      ScrapeInput(name: "page.html", location: .file("page.html")),
      document: LoadedDocument(url: "https://example.test/page.html", bytes: Array(Self.document.utf8), contentType: "text/html"))
    guard case .result(let json, _) = outcome else {
      Issue.record("the scrape failed: \(outcome)")
      return
    }
    let result = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
    let expected: NSDictionary = [
      "title": "Hostile", "items": ["one", "two"], "note": "note!", "value": ["list": [1, "two"], "nested": ["ok": true]],
      "later": 42, "content": Self.content,
    ]
    #expect(result == expected)
  }
}
