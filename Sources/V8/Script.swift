internal import CV8

/// A compiled classic script, bound to the context that compiled it; `run()` may be called many
/// times.
///
/// Guarantees (the semantics of mini_racer's `Context#compile`): `cachedData` is nil when a
/// supplied cache was accepted, and set after a fresh compile or a rejection when a cache was
/// asked for; `cacheRejected` tells V8 refused the supplied cache. `dispose()` releases the V8
/// handle and is idempotent; `run()` afterwards throws "script disposed", and after the context
/// is disposed "context disposed", while `cachedData` stays readable.
public final class Script: @unchecked Sendable {
  public let context: Context
  public let filename: String
  /// The cache produced at compile time (see the type's guarantees).
  public let cachedData: [UInt8]?
  /// True when V8 rejected the supplied cache (wrong V8, flags or source length, or corrupt).
  public let cacheRejected: Bool
  private let raw: OpaquePointer

  init(raw: OpaquePointer, context: Context, filename: String, cachedData: [UInt8]?, cacheRejected: Bool) {
    self.raw = raw
    self.context = context
    self.filename = filename
    self.cachedData = cachedData
    self.cacheRejected = cacheRejected
  }

  deinit {
    let raw = raw
    context.isolate.thread.async { cv8_script_free(raw) }
  }

  /// Runs the script in its context and returns the completion value.
  public func run() throws -> JSValue {
    try context.isolate.sync {
      try ShimCall.value(in: context) { result, error in cv8_script_run(raw, result, error) }
    }
  }

  /// Produces a code cache now.
  ///
  /// After the script has run, it includes the functions compiled
  /// lazily while running, which makes a later first call faster than a compile-time cache.
  /// Inside a host callback it throws `JSError.Kind.reentrancy` and produces nothing.
  public func createCachedData() throws -> [UInt8] {
    try context.isolate.sync {
      try ShimCall.bytes { result, error in cv8_script_create_cached_data(raw, result, error) }
    }
  }

  /// Releases the script's V8 handle.
  ///
  /// Idempotent.
  public func dispose() {
    try? context.isolate.sync { cv8_script_dispose(raw) }
  }
}
