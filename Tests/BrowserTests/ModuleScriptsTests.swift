import Browser
import CodeCache
import Foundation
import Runtime
import Testing
import V8

/// Module scripts in pages (HTML §8.1.4, §8.1.5): static imports fetched once each and evaluated
/// depth first, deferred like `defer` scripts, `async` modules, `import()` from classic and module
/// scripts, `import.meta.url`, import maps, errors reported with their URL, and every module
/// compiled through the code cache.
@Suite struct ModuleScriptsTests {
  /// A folder of files (in subfolders too) for one test, removed after.
  final class Site {
    let folder: URL
    init(_ files: [String: String]) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("caper-module-scripts-\(UUID().uuidString)")
      for (name, text) in files {
        let file = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
      }
    }
    deinit { try? FileManager.default.removeItem(at: folder) }
    func url(_ name: String) -> String { folder.appendingPathComponent(name).absoluteString }
    func document(_ name: String) throws -> LoadedDocument {
      LoadedDocument(
        url: url(name), bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name))), contentType: "text/html")
    }
  }

  /// The page's `log` array once `window.finished` (a promise the page sets) settled, or right away.
  static func log(_ page: Page) throws -> [String] {
    _ = try page.realm.context.awaitPromise(try page.evaluate("window.finished ?? null")) {
      try page.realm.pump(until: .now + .seconds(5), waitingOn: page.realm.context)
    }
    guard case .array(let entries) = try page.evaluate("log") else { return [] }
    return entries.compactMap(\.stringValue)
  }

  @Test func staticImportsEvaluateDepthFirstEachModuleOnceAndModulesDeferInDocumentOrder() throws {
    let site = try Site([
      "page.html": """
      <!doctype html><script>var log = []; document.addEventListener('DOMContentLoaded', () => log.push('DOMContentLoaded'));</script>
      <script type="module">import { a } from './lib/a.mjs'; log.push('main ' + a + ' ' + document.readyState + ' ' + typeof this);</script>
      <script defer src="deferred.js"></script>
      <script type="module" src="lib/b.mjs"></script>
      <script type="module" async>log.push('async module');</script>
      <script>log.push('classic ' + document.readyState);</script>
      """,
      "deferred.js": "log.push('defer ' + document.currentScript.getAttribute('src'));",
      "lib/a.mjs": "import { b } from './b.mjs';\nimport { c } from '../c.mjs';\nlog.push('a ' + b + c);\nexport const a = 'A';",
      "lib/b.mjs": "import { c } from '../c.mjs';\nlog.push('b ' + c + ' ' + document.currentScript);\nexport const b = 'B';",
      "c.mjs": "log.push('c ' + import.meta.url.endsWith('/c.mjs'));\nexport const c = 'C';",
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    let log = try Self.log(page)
    #expect(log.first == "classic loading")
    #expect(log.contains("async module"))
    // Each module once; the deferred list keeps document order: the inline module, defer, the src module.
    #expect(
      log.filter { $0 != "async module" } == [
        "classic loading", "c true", "b C null", "a BC", "main A interactive undefined", "defer deferred.js", "DOMContentLoaded",
      ])
    #expect(page.environment.errors.isEmpty)
  }

  @Test func dynamicImportFromClassicAndModuleScriptsGivesOneNamespace() throws {
    let site = try Site([
      "page.html": """
      <script>var log = []; window.fromClassic = import('./d.mjs'); log.push('classic');</script>
      <script type="module">
      const [a, b] = await Promise.all([window.fromClassic, import('./d.mjs')]);
      log.push([a === b, a.default, Object.prototype.toString.call(a)].join(' '));
      window.missing = import('./nowhere.mjs').catch((e) => log.push(e.name + ' ' + e.message.startsWith('Failed to fetch dynamically imported module')));
      window.bare = import('bare').catch((e) => log.push(e.name + ' bare'));
      window.finished = Promise.all([window.missing, window.bare]);
      </script>
      """,
      "d.mjs": "log.push('d evaluated');\nexport default 42;",
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    let log = try Self.log(page)
    #expect(Array(log.prefix(3)) == ["classic", "d evaluated", "true 42 [object Module]"])
    #expect(Set(log.dropFirst(3)) == ["TypeError true", "TypeError bare"])
  }

  @Test func importMapsMapBareSpecifiersPrefixesAndScopes() throws {
    let site = try Site([
      "page.html": """
      <script>var log = [];</script>
      <script type="importmap">
      { "imports": { "lib": "./vendor/lib.mjs", "pkg/": "./vendor/pkg/", "blocked": null },
        "scopes": { "./vendor/": { "lib": "./vendor/scoped-lib.mjs" } } }
      </script>
      <script type="importmap">{ "imports": { "lib": "./ignored.mjs", "other": "./vendor/other.mjs" } }</script>
      <script type="importmap">{ not json</script>
      <script type="module">
      import lib from 'lib';
      import { util } from 'pkg/util.mjs';
      import other from 'other';
      log.push(lib, util, other);
      window.finished = import('blocked').catch((e) => log.push(e.name));
      </script>
      """,
      "vendor/lib.mjs": "export default 'lib';",
      "vendor/scoped-lib.mjs": "export default 'scoped lib';",
      "vendor/pkg/util.mjs": "import lib from 'lib';\nexport const util = 'util sees ' + lib;",
      "vendor/other.mjs": "export default 'other';",
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    #expect(try Self.log(page) == ["lib", "util sees scoped lib", "other", "TypeError"])
    // The map that is not JSON is reported; the page goes on.
    #expect(page.environment.errors.map(\.name) == ["SyntaxError"])
    #expect(page.environment.consoleMessages.contains { $0.type == "warning" && $0.text.contains("\"lib\"") })
  }

  @Test func errorsAreReportedWithTheModulesURLAndThePageGoesOn() throws {
    let site = try Site([
      "page.html": """
      <script>var log = [];</script>
      <script type="module" src="broken.mjs" onload="log.push('load broken')" onerror="log.push('error broken')"></script>
      <script type="module" src="missing.mjs" onload="log.push('load missing')" onerror="log.push('error missing')"></script>
      <script type="module" src="imports-missing.mjs" onerror="log.push('error imports-missing')"></script>
      <script type="module">import 'unmapped';</script>
      <script type="module">import { nothing } from './throws.mjs';</script>
      <script type="module" src="throws.mjs"></script>
      <script>log.push('classic after');</script>
      """,
      "broken.mjs": "export const ok = 1;\nexport const = ;\n",
      "imports-missing.mjs": "import './missing.mjs';",
      "throws.mjs": "log.push('throws runs');\n\nthrow new RangeError('at the top level');",
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    let log = try Self.log(page)
    #expect(log.first == "classic after")
    #expect(
      Set(log.dropFirst()) == ["load broken", "error missing", "error imports-missing", "throws runs"])
    let errors = page.environment.errors
    let syntax = errors.first { $0.name == "SyntaxError" && $0.location?.hasPrefix(site.url("broken.mjs") + ":2:") == true }
    #expect(syntax != nil, "\(errors)")
    #expect(errors.contains { $0.name == "TypeError" && $0.message.contains("\"unmapped\"") })
    // The import of an export the module lacks fails to link: a SyntaxError, at its line in the
    // document (an inline module's lines are the document's, as a classic script's).
    #expect(
      errors.contains {
        $0.name == "SyntaxError" && $0.message.contains("nothing")
          && $0.location?.hasPrefix(site.url("page.html") + ":6:") == true
      }, "\(errors)")
    #expect(
      errors.contains { $0.name == "RangeError" && $0.location?.hasPrefix(site.url("throws.mjs") + ":3:") == true })
  }

  @Test func nomoduleClassicScriptsDoNotRunAndModuleScriptsIgnoreIt() throws {
    let page = try PageFixture().page(
      """
      <script>var log = [];</script><script nomodule>log.push('nomodule');</script>
      <script type="module" nomodule>log.push('module');</script><script>log.push('classic');</script>
      """)
    defer { page.close() }
    #expect(try Self.log(page) == ["classic", "module"])
  }

  @Test func modulesCompileThroughTheCodeCache() throws {
    let store = MemoryCodeCache()
    let site = try Site([
      "page.html": "<script type=\"module\">import { value } from './m.mjs'; window.value = value;</script>",
      "m.mjs": "export const value = (() => { let s = 0; for (let i = 0; i < 10; i++) s += i; return s; })();",
    ])
    func load() throws -> Page {
      let support = try Realm(template: RealmTemplate(name: "test-support", extensions: []), caches: RealmCaches(store: store)) {
        _ in [:]
      }
      return try Page(beside: support, document: try site.document("page.html"))
    }
    let first = try load()
    #expect(try first.evaluate("value") == 45)
    first.close()
    #expect(store.statistics.stores >= 2)
    let hits = store.statistics.hits
    let second = try load()
    defer { second.close() }
    #expect(try second.evaluate("value") == 45)
    #expect(store.statistics.hits >= hits + 2)
  }
}
