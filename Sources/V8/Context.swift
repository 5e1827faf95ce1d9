internal import CV8
import Foundation

/// A JavaScript realm (its own global object) inside an isolate: the support context of a worker,
/// later a page's realm beside it.
///
/// Guarantees: every method runs on the isolate's thread (hopping there when called elsewhere).
/// `dispose()` is idempotent and disposes the context's scripts and references first: afterwards
/// they throw `JSError.Kind.disposed` ("context disposed"), while a script's `cachedData` stays
/// readable. A JavaScript exception never crashes the process: it comes back as a `JSError`.
public final class Context: @unchecked Sendable {
  public let isolate: Isolate
  /// nil once disposed. Read and written on the isolate's thread only.
  private var raw: OpaquePointer?
  private var hostFunctionIDs: [UInt64] = []

  /// `snapshot`: the isolate's startup snapshot context instead of a plain one.
  init(isolate: Isolate, snapshot: Bool = false) throws {
    self.isolate = isolate
    raw = try isolate.sync { cv8_context_new_from_snapshot(isolate.raw, snapshot) }
    guard raw != nil else { throw JSError(kind: .invalid, message: "the isolate was not made from a startup snapshot") }
    let table = isolate.hostFunctions
    let me = self
    try isolate.sync { table.register(me, raw: raw!) }
  }

  deinit {
    let raw = raw
    let table = isolate.hostFunctions
    let ids = hostFunctionIDs
    isolate.thread.async {
      table.remove(ids)
      if let raw {
        table.unregister(raw: raw)
        cv8_context_dispose(raw)
      }
    }
  }

  /// Disposes the context, its scripts and references. Idempotent.
  public func dispose() {
    try? isolate.sync {
      guard let raw else { return }
      self.raw = nil
      isolate.hostFunctions.remove(hostFunctionIDs)
      isolate.hostFunctions.unregister(raw: raw)
      hostFunctionIDs = []
      cv8_context_dispose(raw)
    }
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
      let id = isolate.hostFunctions.add(function, context: self)
      hostFunctionIDs.append(id)
      try ShimCall.check { error in
        withUTF8(name) { name in cv8_context_define_function(raw, name.base, name.count, id, error) }
      }
    }
  }

  /// In a context made from a startup snapshot (`Isolate(snapshot:)`): gives the snapshot's host
  /// functions their Swift bodies, one per name in `StartupSnapshot.hostFunctions` order, and
  /// returns the value the snapshot kept. Once per isolate.
  public func startFromSnapshot(_ functions: [HostFunction]) throws -> JSValue {
    try withRaw { raw in
      for (i, function) in functions.enumerated() {
        let id = HostFunctionTable.snapshotBase + UInt64(i)
        guard isolate.hostFunctions.bind(id, function, context: self) else {
          throw JSError(kind: .invalid, message: "the snapshot's host functions are bound by another context of this isolate")
        }
        hostFunctionIDs.append(id)
      }
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
