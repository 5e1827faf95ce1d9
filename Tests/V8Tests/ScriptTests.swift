import Testing
import V8
import _CaperTestSupport

@Suite struct ScriptTests {
  let context: Context

  init() throws { context = try Isolate().makeContext() }

  @Test func compileAndRunTwice() throws {
    _ = try context.evaluate("globalThis.count = 0")
    let script = try context.compile("count += 1; count * 10", filename: "count.js")
    #expect(try script.run() == 10)
    #expect(try script.run() == 20)
    #expect(script.cachedData == nil)
    #expect(script.cacheRejected == false)
  }

  @Test func parseErrorNamesTheFile() throws {
    let error = try #require(throws: JSError.self) {
      try context.compile("let a = 1;\nlet b = ;", filename: "broken.js")
    }
    #expect(error.kind == .syntax)
    #expect(error.name == "SyntaxError")
    #expect(error.location == SourceLocation(file: "broken.js", line: 2, column: 9))
    #expect(error.description.hasPrefix("broken.js:2:9: SyntaxError: Unexpected token"))
  }

  @Test func runtimeErrorFromRun() throws {
    let script = try context.compile(
      "function boom() {\n  throw new TypeError('no ' + 'way');\n}\nboom();", filename: "boom.js")
    let error = try #require(throws: JSError.self) { try script.run() }
    #expect(error.kind == .exception)
    #expect(error.name == "TypeError")
    #expect(error.message == "no way")
    #expect(error.location == SourceLocation(file: "boom.js", line: 2, column: 3))
    #expect(error.stack?.contains("at boom (boom.js:2:9)") == true)
    #expect(error.stack?.contains("at boom.js:4:1") == true)
  }

  @Test func thrownNonErrorValue() throws {
    let error = try #require(throws: JSError.self) { try context.evaluate("throw 42", filename: "t.js") }
    #expect(error.kind == .exception)
    #expect(error.name == nil)
    #expect(error.message == "42")
    #expect(error.location?.line == 1)
  }

  @Test func disposeIsIdempotentAndRunAfterDisposeThrows() throws {
    let script = try context.compile("1 + 1", filename: "two.js")
    #expect(try script.run() == 2)
    script.dispose()
    script.dispose()
    let error = try #require(throws: JSError.self) { try script.run() }
    #expect(error.kind == .disposed)
    #expect(error.message == "script disposed")
    #expect(throws: JSError.self) { try script.createCachedData() }
  }

  @Test func disposingTheContextDisposesItsScripts() throws {
    let script = try context.compile("'kept'", filename: "kept.js", produceCache: true)
    let cache = try #require(script.cachedData)
    #expect(context.liveScriptCount == 1)
    context.dispose()
    context.dispose()
    #expect(context.isDisposed)
    let error = try #require(throws: JSError.self) { try script.run() }
    #expect(error.kind == .disposed)
    #expect(error.message == "context disposed")
    #expect(script.cachedData == cache)
    #expect(throws: JSError.self) { try context.evaluate("1") }
  }

  @Test func contextsAreSeparateRealms() throws {
    let other = try context.isolate.makeContext()
    _ = try context.evaluate("globalThis.secret = 'support'")
    #expect(try other.evaluate("typeof secret") == "undefined")
    #expect(try context.evaluate("secret") == "support")
  }

  @Test func disposedScriptsReleaseTheirHandles() throws {
    let isolate = context.isolate
    func used() throws -> Int {
      try isolate.lowMemoryNotification()
      return try isolate.heapStatistics().usedHeapSize
    }
    let before = try used()
    // Each script holds its 32 KiB source and a 32 KiB string literal on the heap.
    var scripts: [Script] = []
    for i in 0..<60 {
      let literal = String(repeating: "x\(i % 10)", count: 16 << 10)
      scripts.append(try context.compile("'\(literal)'.length", filename: "big\(i).js"))
      #expect(try scripts[i].run() == .number(Double(32 << 10)))
    }
    let held = try used()
    #expect(context.liveScriptCount == 60)
    for script in scripts { script.dispose() }
    #expect(context.liveScriptCount == 0)
    let released = try used()
    #expect(held - before > 2 << 20, "60 scripts with 32 KiB literals should hold over 2 MiB")
    #expect(released - before < (held - before) / 4, "disposed scripts should release their heap")
  }
}

@Suite struct ContextLifetimeTests {
  @Test func aContextWithHostFunctionsIsReleased() throws {
    weak var weakContext: Context?
    weak var weakIsolate: Isolate?
    do {
      let context = try Isolate().makeContext()
      try context.define(
        "twice",
        withContext: { context, arguments in
          try context.evaluate("\(arguments[0].numberValue ?? 0) * 2")
        })
      #expect(try context.evaluate("twice(21)") == 42)
      weakContext = context
      weakIsolate = context.isolate
    }
    #expect(weakContext == nil)
    #expect(weakIsolate == nil)
  }

  @Test func disposeBreaksACapturingClosure() throws {
    weak var weakContext: Context?
    do {
      let context = try Isolate().makeContext()
      try context.define("self") { _ in try context.evaluate("1") }
      #expect(try context.evaluate("self()") == 1)
      context.dispose()
      weakContext = context
    }
    #expect(weakContext == nil)
  }
}

@Suite struct CompiledFunctionTests {
  @Test func aModuleBodyKeepsItsOwnLinesAndColumns() throws {
    let context = try Isolate().makeContext()
    let compiled = try context.compileFunction(
      "module.exports = (x) => x + 1;\nexports.where = () => { throw new Error('here') };",
      filename: "/src/m.js", parameters: ["exports", "require", "module"])
    _ = try context.evaluate("globalThis.m = { exports: {} }")
    guard case .object = try context.evaluate("m") else {
      Issue.record("no module")
      return
    }
    _ = try context.evaluate("globalThis.run = (f) => { f(m.exports, null, m); return m.exports(41) }")
    guard case .function(let run) = try context.evaluate("run") else {
      Issue.record("no run")
      return
    }
    #expect(try context.call(run, [.function(compiled.function)]) == 42)
    let error = try #require(throws: JSError.self) {
      try context.compileFunction("let x = ;", filename: "/src/bad.js", parameters: [])
    }
    #expect(error.location == SourceLocation(file: "/src/bad.js", line: 1, column: 9))
  }

  @Test func functionCachesAreProducedAndAccepted() throws {
    let source = "return [1, 2, 3].map((n) => n * 2).join(',')"
    let first = try Isolate().makeContext().compileFunction(source, filename: "f.js", parameters: [], produceCache: true)
    let cache = try #require(first.cachedData)
    let context = try Isolate().makeContext()
    let second = try context.compileFunction(source, filename: "f.js", parameters: [], cachedData: cache)
    #expect(second.cacheRejected == false)
    #expect(try context.call(second.function) == "2,4,6")
    #expect(throws: JSError.self) {
      try context.define("inside") { _ in
        _ = try context.compileFunction(source, filename: "g.js", parameters: [], produceCache: true)
        return .undefined
      }
      _ = try context.evaluate("inside()")
    }
  }
}

@Suite struct ModuleTests {
  /// A tiny in-memory module graph: name -> source.
  static func context(_ files: [String: String]) throws -> Context {
    let isolate = try Isolate()
    let context = try isolate.makeContext()
    let compiled = LockedState<[String: Module]>([:])
    context.moduleResolver = { context, specifier, _ in
      if let module = compiled.withLock { $0 }[specifier] { return module }
      guard let source = files[specifier] else { throw JSError(kind: .invalid, message: "no module \(specifier)") }
      let module = try context.compileModule(source, filename: specifier)
      compiled.withLock { $0[specifier] = module }
      return module
    }
    return context
  }

  @Test func importsExportsAndTopLevelAwait() throws {
    let context = try Self.context([
      "/a.mjs": "import { double } from '/b.mjs';\nexport const value = double(await Promise.resolve(21));",
      "/b.mjs": "export const double = (x) => x * 2;",
    ])
    let module = try context.compileModule("import { value } from '/a.mjs'; export default value;", filename: "/main.mjs")
    _ = try context.awaitPromise(try module.evaluate())
    #expect(try module.namespace()["default"] == 42)
  }

  @Test func cyclesAndLiveBindings() throws {
    let context = try Self.context([
      "/counter.mjs":
        "import { report } from '/report.mjs';\nexport let count = 0;\nexport function bump() { count += 1; return report(); }",
      "/report.mjs": "import { count } from '/counter.mjs';\nexport function report() { return count; }",
    ])
    let module = try context.compileModule(
      "import { bump, count } from '/counter.mjs';\nconst seen = [count, bump(), bump(), count];\nexport { seen };",
      filename: "/main.mjs")
    _ = try context.awaitPromise(try module.evaluate())
    #expect(try module.namespace()["seen"] == [0, 1, 2, 2])
  }

  @Test func dynamicImportAndImportMeta() throws {
    let context = try Self.context(["/lazy.mjs": "export const where = import.meta.url;"])
    let module = try context.compileModule(
      "export const loaded = await import('/lazy.mjs');\nexport const missing = await import('/none.mjs').catch((e) => e.message);",
      filename: "/main.mjs")
    _ = try context.awaitPromise(try module.evaluate())
    #expect(try module.namespace()["loaded"]["where"] == "file:///lazy.mjs")
    #expect(try module.namespace()["missing"].stringValue?.contains("no module /none.mjs") == true)
  }

  @Test func syntaxErrorsNameTheModule() throws {
    let context = try Self.context([:])
    let error = try #require(throws: JSError.self) { try context.compileModule("export const = 1;", filename: "/bad.mjs") }
    #expect(error.kind == .syntax)
    #expect(error.location?.file == "/bad.mjs")
  }

  @Test func syntheticModulesExportAnObjectsKeys() throws {
    let context = try Self.context([:])
    guard case .function(let getter) = try context.evaluate("() => ({ a: 1, b: 'two' })") else {
      Issue.record("no getter")
      return
    }
    let synthetic = try context.syntheticModule(name: "lib", exports: getter)
    context.moduleResolver = { _, _, _ in synthetic }
    let module = try context.compileModule(
      "import lib, { a, b } from 'lib'; export const all = [a, b, lib.a];", filename: "/m.mjs")
    _ = try context.awaitPromise(try module.evaluate())
    #expect(try module.namespace()["all"] == [1, "two", 1])
  }

  @Test func resolvingCountsAsAHostCallback() throws {
    let depth = LockedState(-1)
    let isolate = try Isolate()
    let context = try isolate.makeContext()
    context.moduleResolver = { context, specifier, _ in
      depth.withLock { $0 = context.isolate.hostCallDepth }
      #expect(throws: JSError.self) { _ = try context.compile("1", filename: "x.js", produceCache: true) }
      return try context.compileModule("export default 1;", filename: specifier)
    }
    let module = try context.compileModule("import x from '/x.mjs'; export default x;", filename: "/m.mjs")
    _ = try context.awaitPromise(try module.evaluate())
    #expect(depth.withLock { $0 } == 1)
  }
}
