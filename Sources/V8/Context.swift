internal import CV8
import Foundation

/// A JavaScript realm (its own global object) inside an isolate: the support realm of a worker,
/// a page's realm beside it.
///
/// Guarantees: every method runs on the isolate's thread (hopping there when called elsewhere).
/// Each context has its own security token, microtask queue, host functions and module resolver.
/// Another context's code reaches a `guarded` context's global only once `admit`ted (one way);
/// a context with `ownCodeGeneration` refuses `eval`/`new Function` asked by another context's
/// code. `dispose()` is idempotent and disposes the context's scripts and references first:
/// afterwards they throw `JSError.Kind.disposed` ("context disposed"), while a script's
/// `cachedData` stays readable. A JavaScript exception never crashes the process: it comes back
/// as a `JSError`.
public final class Context: @unchecked Sendable {
  /// How a context is made.
  public struct Options: Sendable, Equatable {
    /// The isolate's startup snapshot context at this index instead of a plain context.
    public var snapshotIndex: Int?
    /// Only this context's own code and admitted contexts reach its global (see `admit`).
    ///
    /// A
    /// snapshot context is guarded when it was made so (`StartupSnapshot.ContextSpec.guarded`).
    public var guarded: Bool
    /// Code generation from strings (`eval`, `new Function`) only for this context's own code.
    public var ownCodeGeneration: Bool

    public init(snapshotIndex: Int? = nil, guarded: Bool = false, ownCodeGeneration: Bool = false) {
      self.snapshotIndex = snapshotIndex
      self.guarded = guarded
      self.ownCodeGeneration = ownCodeGeneration
    }
  }

  public let isolate: Isolate
  public let options: Options
  /// nil once disposed.
  ///
  /// Read and written on the isolate's thread only.
  private var raw: OpaquePointer?
  /// This context's host functions; touched on the isolate's thread only.
  var hostFunctions = HostFunctions()
  /// How this context's ES modules find what they import (see `ModuleResolver`).
  public var moduleResolver: ModuleResolver? {
    get { (try? isolate.sync { resolver }) ?? nil }
    set { try? isolate.sync { resolver = newValue } }
  }
  /// Touched on the isolate's thread only.
  var resolver: ModuleResolver?
  /// This context's promise rejection tracker (see `trackPromiseRejections`); touched on the
  /// isolate's thread only.
  var rejectionTracker: PromiseRejectionTracker?

  init(isolate: Isolate, options: Options) throws {
    self.isolate = isolate
    self.options = options
    raw = try isolate.sync {
      var shim = cv8_context_options(
        snapshot_index: Int32(options.snapshotIndex ?? -1), guarded: options.guarded,
        own_code_generation: options.ownCodeGeneration)
      return cv8_context_new(isolate.raw, &shim)
    }
    guard let raw else {
      throw JSError(kind: .invalid, message: "the isolate's startup snapshot has no context \(options.snapshotIndex ?? -1)")
    }
    let registry = isolate.contexts
    let me = self
    try isolate.sync { registry.register(me, raw: raw) }
  }

  deinit {
    let raw = raw
    let registry = isolate.contexts
    isolate.thread.async {
      if let raw {
        registry.unregister(raw: raw)
        cv8_context_dispose(raw)
      }
    }
  }

  /// Disposes the context, its scripts and references.
  ///
  /// Idempotent.
  public func dispose() {
    try? isolate.sync {
      guard let raw else { return }
      self.raw = nil
      isolate.contexts.unregister(raw: raw)
      hostFunctions.removeAll()
      resolver = nil
      rejectionTracker = nil
      cv8_context_dispose(raw)
    }
  }

  /// Lets `other`'s code reach this context's guarded global (reading, writing, calling what it
  /// holds).
  ///
  /// One way: nothing changes for `other`'s own global.
  public func admit(_ other: Context) throws {
    precondition(other.isolate === isolate, "contexts of different isolates never meet")
    try withRaw { raw in try other.withRaw { cv8_context_admit(raw, $0) } }
  }

  /// The global object, by reference.
  public func globalObject() throws -> JSReference {
    try withRaw { raw in JSReference(raw: cv8_context_global(raw)!, context: self) }
  }

  /// Compiles and runs `source` and returns its completion value by reference (any value: an
  /// object stays in V8 and can be handed to any context of the isolate).
  public func evaluateReference(_ source: String, filename: String = "<eval>") throws -> JSReference {
    try withRaw { raw in
      var ref: OpaquePointer?
      try ShimCall.check { error in
        withUTF8(source, filename) { source, filename in
          cv8_context_evaluate_reference(raw, source.base, source.count, filename.base, filename.count, &ref, error)
        }
      }
      return JSReference(raw: ref!, context: self)
    }
  }

  /// Runs this context's queued promise reactions now (only this context's queue; also while
  /// another context's code waits in a host function).
  public func performMicrotasks() throws {
    try withRaw { cv8_context_perform_microtasks($0) }
  }

  /// How many microtask checkpoints found this context's queue with work to run: a count that only
  /// grows, so a change says promise reactions of this realm ran (0 once disposed).
  public var microtaskWork: UInt64 { (try? withRaw { cv8_context_microtask_work($0) }) ?? 0 }

  /// Stops running this context's promise reactions: its queue is dropped with the context.
  public func cancelMicrotasks() throws {
    try withRaw { cv8_context_cancel_microtasks($0) }
  }

  public var isDisposed: Bool { (try? isolate.sync { raw == nil }) ?? true }

  /// Runs `body` with the live context pointer on the isolate's thread.
  func withRaw<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
    try isolate.sync {
      isolate.checkThread()
      guard let raw else { throw JSError(kind: .disposed, message: "context disposed") }
      return try body(raw)
    }
  }

  /// Compiles and runs `source` as a classic script; returns its completion value.
  public func evaluate(_ source: String, filename: String = "<eval>") throws -> JSValue {
    try withRaw { raw in
      try ShimCall.value(in: self) { result, error in
        withUTF8(source, filename) { source, filename in
          cv8_context_evaluate(raw, source.base, source.count, filename.base, filename.count, result, error)
        }
      }
    }
  }

  /// Compiles `source` as a classic script, consuming `cachedData` when given and producing a
  /// cache when `produceCache` is set and no supplied cache was accepted.
  ///
  /// Inside a host callback, `produceCache: true` throws `JSError.Kind.reentrancy` and compiles
  /// nothing (the reentrancy rule); compiling without producing is allowed there.
  public func compile(
    _ source: String, filename: String, cachedData: [UInt8]? = nil, produceCache: Bool = false
  ) throws -> Script {
    // A large text decodes faster through ScriptSource than through V8's UTF-8 decoder, and is
    // then held once instead of copied onto the heap.
    if source.utf8.count >= Self.externalSourceThreshold {
      return try compile(ScriptSource(source), filename: filename, cachedData: cachedData, produceCache: produceCache)
    }
    return try compile(filename: filename, cachedData: cachedData, produceCache: produceCache) {
      raw, filename, cache, cacheCount, script, error in
      withUTF8(source) { source in
        cv8_context_compile(
          raw, source.base, source.count, filename.base, filename.count, cache, cacheCount,
          produceCache, script, error)
      }
    }
  }

  /// Compiles a shared `ScriptSource` (no copy of the text in this isolate); otherwise the same
  /// as `compile(_:filename:cachedData:produceCache:)`.
  public func compile(
    _ source: ScriptSource, filename: String, cachedData: [UInt8]? = nil, produceCache: Bool = false
  ) throws -> Script {
    try compile(filename: filename, cachedData: cachedData, produceCache: produceCache) {
      raw, filename, cache, cacheCount, script, error in
      cv8_context_compile_source(
        raw, source.raw, filename.base, filename.count, cache, cacheCount, produceCache, script, error)
    }
  }

  static let externalSourceThreshold = 64 << 10

  private func compile(
    filename: String, cachedData: [UInt8]?, produceCache: Bool,
    _ shim: (
      OpaquePointer, UTF8Bytes, UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<OpaquePointer?>,
      UnsafeMutablePointer<cv8_error>
    ) -> cv8_status
  ) throws -> Script {
    try withRaw { raw in
      var script: OpaquePointer?
      try ShimCall.check { error in
        withUTF8(filename) { name in
          (cachedData ?? []).withUnsafeBufferPointer { cache in
            shim(raw, name, cachedData == nil ? nil : cache.baseAddress, cache.count, &script, error)
          }
        }
      }
      var produced = cv8_buffer()
      var cache: [UInt8]?
      if cv8_script_take_cached_data(script, &produced) {
        cache = Array(UnsafeRawBufferPointer(start: produced.data, count: produced.length))
        cv8_buffer_free(&produced)
      }
      return Script(
        raw: script!, context: self, filename: filename, cachedData: cache,
        cacheRejected: cv8_script_cache_rejected(script))
    }
  }

  /// Defines a global function `name` that calls `function`.
  ///
  /// The context keeps `function` until it is disposed: a closure that captures the context
  /// strongly keeps both alive until `dispose()`. Use `define(_:withContext:)` to be handed the
  /// context instead.
  public func define(_ name: String, _ function: @escaping HostFunction) throws {
    try withRaw { raw in
      let id = hostFunctions.add(function)
      try ShimCall.check { error in
        withUTF8(name) { name in cv8_context_define_function(raw, name.base, name.count, id, error) }
      }
    }
  }

  /// In a context made from a snapshot context: gives that context's host functions their Swift
  /// bodies, one per name of its `StartupSnapshot.ContextSpec.hostFunctions`, in order, and
  /// returns the value it kept.
  ///
  /// Each context made from the same snapshot context binds its own.
  public func startFromSnapshot(_ functions: [HostFunction]) throws -> JSValue {
    try withRaw { raw in
      for (i, function) in functions.enumerated() { hostFunctions.bind(UInt64(i), function) }
      return try ShimCall.value(in: self) { result, error in cv8_context_snapshot_value(raw, result, error) }
    }
  }

  /// Defines a global function `name` whose body is handed this context with the arguments, so
  /// it need not capture the context (which would keep it alive until `dispose()`).
  public func define(
    _ name: String, withContext function: @escaping @Sendable (Context, [JSValue]) throws -> JSValue
  ) throws {
    try define(name) { [unowned self] arguments in try function(self, arguments) }
  }

  /// Sets the global property `name` to `value`.
  public func setGlobal(_ name: String, _ value: JSValue) throws {
    try withRaw { raw in
      let wire = WireFormat.encode(value)
      try ShimCall.check { error in
        withUTF8(name) { name in
          wire.withUnsafeBufferPointer { cv8_context_set_global(raw, name.base, name.count, $0.baseAddress, $0.count, error) }
        }
      }
    }
  }

  /// Calls `function` with `arguments` (`this` is undefined) and returns what it returns.
  public func call(_ function: JSReference, _ arguments: [JSValue] = []) throws -> JSValue {
    try withRaw { raw in
      let wire = WireFormat.encode(arguments: arguments)
      return try ShimCall.value(in: self) { result, error in
        wire.withUnsafeBufferPointer { cv8_context_call(raw, function.raw, $0.baseAddress, $0.count, result, error) }
      }
    }
  }

  /// The number of live scripts compiled in this context (for leak checks).
  public var liveScriptCount: Int {
    (try? withRaw { Int(cv8_context_live_scripts($0)) }) ?? 0
  }
}

/// A UTF-8 view with a base pointer that is never nil (an empty string gets a valid pointer).
struct UTF8Bytes {
  let base: UnsafePointer<CChar>
  let count: Int
}

func withUTF8<T>(_ string: String, _ body: (UTF8Bytes) throws -> T) rethrows -> T {
  var string = string
  return try string.withUTF8 { buffer in
    try buffer.withMemoryRebound(to: CChar.self) { chars in
      if let base = chars.baseAddress { return try body(UTF8Bytes(base: base, count: chars.count)) }
      let zero: CChar = 0
      return try withUnsafePointer(to: zero) { try body(UTF8Bytes(base: $0, count: 0)) }
    }
  }
}

func withUTF8<T>(_ a: String, _ b: String, _ body: (UTF8Bytes, UTF8Bytes) throws -> T) rethrows -> T {
  try withUTF8(a) { a in try withUTF8(b) { b in try body(a, b) } }
}
