import CodeCache
import Foundation
import V8

/// The way every script of one isolate is compiled: through the code cache.
///
/// Guarantees:
/// - A cache is looked up by the script's kind and content; an accepted cache skips the
///   compile, a rejected one is replaced.
/// - Caches are produced after the script has run (so they hold the functions compiled lazily
///   while running) and only at the top level: a script compiled inside a host callback (a
///   `require()` or `import()` in a step) compiles consume-only and its production waits in a
///   queue until `produceDeferred()` runs at the top level. The V8 layer's reentrancy refusal is
///   never hit.
/// - Each script is produced at most once per loader.
/// - Not thread-safe: use it on its isolate's thread only.
public final class ScriptLoader: @unchecked Sendable {
  public let store: (any CodeCacheStore)?
  let isolate: Isolate
  private var pending: [Production] = []
  private var produced: Set<CodeCacheKey> = []
  /// Classic scripts already compiled in this isolate (V8 keeps them in its compilation cache).
  private var compiledHere: Set<CodeCacheKey> = []
  /// Compiles V8's in-isolate compilation cache served; never counted as store hits.
  public private(set) var isolateCacheHits = 0
  private let log: (@Sendable (String) -> Void)?
  /// Counted here (the store cannot know): productions that waited for the top level.
  public private(set) var deferredProductions = 0
  /// Estimated seconds saved by hits: measured cold compile time minus cached compile time.
  public private(set) var secondsSaved = 0.0

  /// Files' text shared with the other loaders of the process.
  public let sources: SharedSources

  public init(
    isolate: Isolate, store: (any CodeCacheStore)?, sources: SharedSources = .shared, log: (@Sendable (String) -> Void)? = nil
  ) {
    self.isolate = isolate
    self.sources = sources
    self.store = store
    self.log = log
  }

  /// Compiles and runs a classic script (Caper's runtime files); its cache is produced after it ran.
  public func evaluate(_ source: String, filename: String, in context: Context) throws -> JSValue {
    try evaluateClassic(key: CodeCacheKey(kind: .classic, source: Self.namePart(filename) + source), filename: filename) {
      try context.compile(source, filename: filename, cachedData: $0)
    }
  }

  /// Compiles and runs a classic script from a shared source (a page's fetched script, decoded
  /// once per process), under `key` (from `classicKey(filename:utf8:)`); otherwise the same as
  /// `evaluate(_:filename:in:)`.
  public func evaluate(_ source: ScriptSource, key: CodeCacheKey, filename: String, in context: Context) throws -> JSValue {
    try evaluateClassic(key: key, filename: filename) { try context.compile(source, filename: filename, cachedData: $0) }
  }

  /// Compiles (`compileWith(cache)`, nil for no cache) and runs a classic script keyed `key`.
  private func evaluateClassic(key: CodeCacheKey, filename: String, compileWith: ([UInt8]?) throws -> Script) throws -> JSValue {
    if compiledHere.contains(key) {
      // V8's in-isolate compilation cache serves it: not a verified cache hit, nothing to load.
      isolateCacheHits += 1
      return try compileWith(nil).run()
    }
    compiledHere.insert(key)
    let (script, nanos) = try compile(key, filename, compileWith)
    let value = try script.run()
    if let nanos { queue(key, filename, nanos, produce: { try script.createCachedData() }) }
    produceIfTopLevel()
    return value
  }

  /// The key `evaluate(_:filename:in:)` gives a classic script named `filename` whose text is the
  /// UTF-8 `utf8`.
  public static func classicKey(filename: String, utf8: UnsafeRawBufferPointer) -> CodeCacheKey {
    CodeCacheKey(kind: .classic, prefix: namePart(filename), utf8: utf8)
  }

  /// Compiles a CommonJS module body held in memory (the function's cache is produced after it
  /// has run).
  ///
  /// Files go through `compileFunction(file:parameters:in:)`.
  public func compileFunction(_ source: String, filename: String, parameters: [String], in context: Context) throws -> JSReference
  {
    let key = CodeCacheKey(kind: .function, source: Self.functionPrefix(filename, parameters) + source)
    let (compiled, nanos) = try compile(key, filename) { cache in
      try context.compileFunction(source, filename: filename, parameters: parameters, cachedData: cache)
    }
    let function = compiled.function
    if let nanos { queue(key, filename, nanos, produce: { try function.createFunctionCache() }) }
    return function
  }

  /// Compiles the file at `path` as a function body (a CommonJS module), from the process's
  /// shared copy of its text.
  ///
  /// Throws `JSError` "Cannot read" when the file cannot be read.
  public func compileFunction(file path: String, parameters: [String], in context: Context) throws -> JSReference {
    let prefix = Self.functionPrefix(path, parameters)
    guard let entry = sources.entry(path: path, kind: .function, prefix: prefix, digests: store?.fileDigests) else {
      throw JSError(kind: .exception, message: "Cannot read \(path)")
    }
    let (compiled, nanos) = try compile(entry.key, path) { cache in
      try context.compileFunction(entry.source, filename: path, parameters: parameters, cachedData: cache)
    }
    let function = compiled.function
    if let nanos { queue(entry.key, path, nanos, produce: { try function.createFunctionCache() }) }
    return function
  }

  /// Compiles an ES module (its cache is produced once it has been evaluated, at the top level;
  /// a module whose context is disposed first is never produced).
  public func compileModule(_ source: String, filename: String, in context: Context, file: FileDigests.Identity? = nil) throws
    -> Module
  {
    let name = Self.namePart(filename)
    let key =
      file.flatMap { file in
        store?.fileDigests?.key(kind: .module, path: filename, variant: name, identity: file) {
          CodeCacheKey(kind: .module, source: name + source)
        }
      } ?? CodeCacheKey(kind: .module, source: name + source)
    let (module, nanos) = try compile(key, filename) { cache in
      try context.compileModule(source, filename: filename, cachedData: cache)
    }
    if let nanos {
      let ready = { module.context.isDisposed || module.hasRun }
      queue(key, filename, nanos, ready: ready, produce: { try module.createCachedData() })
    }
    return module
  }

  /// Produces the queued caches; call at the top level (between steps, after loading).
  ///
  /// Returns
  /// how many were stored.
  @discardableResult
  public func produceDeferred() -> Int {
    guard !pending.isEmpty, isolate.hostCallDepth == 0 else { return 0 }
    let work = pending.filter { $0.ready() }
    pending.removeAll { $0.ready() }
    var stored = 0
    for item in work where !produced.contains(item.key) {
      produced.insert(item.key)
      guard let bytes = try? item.produce(), !bytes.isEmpty else { continue }
      store?.store(item.key, Self.frame(item.compileNanos, bytes))
      log?("cache produced \(item.key) (\(bytes.count) bytes)")
      stored += 1
    }
    return stored
  }

  /// How many productions wait for the top level.
  public var pendingCount: Int { pending.count }

  // MARK: Internals

  /// What of a script's name goes into its key: nothing where V8 gives a consumed cache the
  /// name it is compiled under; the name itself where V8 keeps the producer's name (V8 10.2,
  /// libnode 18: stacks, `import.meta` and relative `import()` would point at the file that made
  /// the cache).
  ///
  /// Probed once per process.
  static func namePart(_ name: String) -> String {
    CacheOrigin.keepsProducerName ? "name:" + name + "\n" : ""
  }

  /// What precedes a function body in its key: its name where needed, and its parameters.
  static func functionPrefix(_ name: String, _ parameters: [String]) -> String {
    namePart(name) + parameters.joined(separator: ",") + "\n"
  }

  /// Compiles with the cached bytes when there are some.
  ///
  /// Returns the compiled value and, when
  /// a cache should be produced for it, the cold compile time measured.
  private func compile<T: CompiledScript>(_ key: CodeCacheKey, _ filename: String, _ body: ([UInt8]?) throws -> T) throws -> (
    T, UInt64?
  ) {
    log?("compile \(filename) as \(key)")
    let cached = store?.load(key).flatMap(Self.unframe)
    let start = DispatchTime.now().uptimeNanoseconds
    let compiled = try body(cached?.bytes)
    let nanos = DispatchTime.now().uptimeNanoseconds - start
    log?(
      String(
        format: "compiled %@ in %.1f ms (%@)", filename, Double(nanos) / 1e6,
        cached == nil ? "no cache" : compiled.cacheRejected ? "cache rejected" : "cache accepted"))
    guard let cached else { return (compiled, nanos) }
    if compiled.cacheRejected {
      store?.reject(key)
      log?("cache rejected by V8 \(key); recompiled")
      return (compiled, nanos)
    }
    secondsSaved += max(0, Double(cached.compileNanos) - Double(nanos)) / 1e9
    return (compiled, nil)
  }

  /// A cache to produce: when `ready` says so, at the top level.
  private struct Production {
    let key: CodeCacheKey
    let compileNanos: UInt64
    let ready: () -> Bool
    let produce: () throws -> [UInt8]
  }

  private func queue(
    _ key: CodeCacheKey, _ filename: String, _ nanos: UInt64, ready: @escaping () -> Bool = { true },
    produce: @escaping () throws -> [UInt8]
  ) {
    guard store != nil, !produced.contains(key) else { return }
    if isolate.hostCallDepth > 0 {
      deferredProductions += 1
      log?("cache production deferred to the top level \(key) (\(filename))")
    }
    pending.append(Production(key: key, compileNanos: nanos, ready: ready, produce: produce))
  }

  private func produceIfTopLevel() {
    if isolate.hostCallDepth == 0 { produceDeferred() }
  }

  /// The loader's payload: the cold compile time (u64, for the time-saved estimate), then V8's bytes.
  static func frame(_ nanos: UInt64, _ bytes: [UInt8]) -> [UInt8] {
    withUnsafeBytes(of: nanos.littleEndian) { Array($0) } + bytes
  }

  static func unframe(_ payload: [UInt8]) -> (compileNanos: UInt64, bytes: [UInt8])? {
    guard payload.count > 8 else { return nil }
    let nanos = payload.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    return (nanos, Array(payload[8...]))
  }
}

/// What the loader needs to know of a compile result.
protocol CompiledScript { var cacheRejected: Bool { get } }
extension Script: CompiledScript {}
extension Module: CompiledScript {}
extension CompiledFunction: CompiledScript {}
