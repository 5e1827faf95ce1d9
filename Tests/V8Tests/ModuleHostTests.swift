import Testing
import V8
import _CaperTestSupport

/// What a host that fetches a module graph before linking needs of the V8 layer: a module's
/// static requests, its namespace by reference, and an `import()` handler per context.
@Suite struct ModuleHostTests {
  @Test func requestsAreTheStaticSpecifiersInSourceOrder() throws {
    let context = try Isolate().makeContext()
    let module = try context.compileModule(
      "import a from './a.mjs';\nexport { b } from 'bare';\nimport './a.mjs';\nconst later = () => import('./dynamic.mjs');",
      filename: "https://example.test/main.mjs")
    #expect(try module.requests() == ["./a.mjs", "bare"])
    #expect(try context.compileModule("export default 1;", filename: "https://example.test/leaf.mjs").requests() == [])
  }

  @Test func theNamespaceReferenceIsTheObjectItself() throws {
    let context = try Isolate().makeContext()
    let module = try context.compileModule("export default 42; export const name = 'n';", filename: "https://example.test/m.mjs")
    #expect(throws: JSError.self) { _ = try module.namespaceReference() }
    _ = try context.awaitPromise(try module.evaluate())
    let namespace = try module.namespaceReference()
    guard case .function(let describe) = try context.evaluate("(ns) => [Object.prototype.toString.call(ns), Object.keys(ns)]")
    else {
      Issue.record("no function")
      return
    }
    #expect(try context.call(describe, [.reference(namespace)]) == ["[object Module]", ["default", "name"]])
  }

  @Test func anImportHandlerGivesImportItsPromise() throws {
    let context = try Isolate().makeContext()
    let handler = try context.evaluateReference(
      """
      globalThis.asked = [];
      globalThis.settle = null;
      (specifier, referrer) => {
        asked.push([specifier, referrer]);
        if (specifier === 'throws') throw new TypeError('refused');
        if (specifier === 'plain') return 7;
        return new Promise((resolve) => { settle = resolve; });
      }
      """)
    try context.setDynamicImportHandler(handler)
    _ = try context.compile(
      """
      globalThis.results = [];
      import('later').then((v) => results.push(v));
      import('throws').catch((e) => results.push(e.name + ': ' + e.message));
      import('plain').then((v) => results.push(v));
      """, filename: "https://example.test/page.js"
    ).run()
    try context.performMicrotasks()
    #expect(
      try context.evaluate("asked") == [
        ["later", "https://example.test/page.js"], ["throws", "https://example.test/page.js"],
        ["plain", "https://example.test/page.js"],
      ])
    #expect(try context.evaluate("results") == ["TypeError: refused", 7])
    _ = try context.evaluate("settle('done')")
    try context.performMicrotasks()
    #expect(try context.evaluate("results") == ["TypeError: refused", 7, "done"])
  }

  @Test func withoutAHandlerImportGoesBackToTheResolver() throws {
    let context = try Isolate().makeContext()
    context.moduleResolver = { context, specifier, _ in
      try context.compileModule("export default 'resolved';", filename: specifier)
    }
    let handler = try context.evaluateReference("() => 'handled'")
    try context.setDynamicImportHandler(handler)
    try context.setDynamicImportHandler(nil)
    let module = try context.compileModule("export const got = (await import('/x.mjs')).default;", filename: "/main.mjs")
    _ = try context.awaitPromise(try module.evaluate())
    #expect(try module.namespace()["got"] == "resolved")
  }

  @Test func aModuleNamedByAURLHasOnlyItsURLInImportMeta() throws {
    let context = try Isolate().makeContext()
    let module = try context.compileModule(
      "export const meta = Object.keys(import.meta); export const url = import.meta.url;", filename: "https://example.test/m.mjs")
    _ = try context.awaitPromise(try module.evaluate())
    #expect(try module.namespace()["meta"] == ["url"])
    #expect(try module.namespace()["url"] == "https://example.test/m.mjs")
  }

  @Test func aHandlerThatIsNotAFunctionIsRefused() throws {
    let context = try Isolate().makeContext()
    let value = try context.evaluateReference("({})")
    #expect(throws: JSError.self) { try context.setDynamicImportHandler(value) }
  }
}
