internal import CV8

/// A JavaScript value that stays inside V8 (a function, a promise, or any object asked for by
/// reference); Swift holds it by reference and can hand it to any context of its isolate.
///
/// Guarantees: the value stays alive while this object does (a persistent handle), and is
/// released on the isolate's thread after this object goes (once the current job there ends), whatever thread drops it. Once its
/// context is disposed, using it throws `JSError.Kind.disposed`. Two references are equal when
/// they are the same handle.
public final class JSReference: @unchecked Sendable, Hashable {
  let raw: OpaquePointer
  /// The context the value came from.
  public let context: Context

  init(raw: OpaquePointer, context: Context) {
    self.raw = raw
    self.context = context
  }

  deinit {
    let raw = raw
    // Never inline: a reference returned from a host function is read by the shim after the
    // Swift value holding it is gone (`IsolateThread.release`).
    context.isolate.thread.release { cv8_ref_free(raw) }
  }

  /// Produces a code cache for a function made by `Context.compileFunction`; after it has run,
  /// the cache includes its lazily compiled inner functions.
  ///
  /// Inside a host callback it throws
  /// `JSError.Kind.reentrancy` and produces nothing.
  public func createFunctionCache() throws -> [UInt8] {
    try context.withRaw { _ in try ShimCall.bytes { result, error in cv8_ref_create_function_cache(raw, result, error) } }
  }

  /// The value copied into Swift (as any result: objects by their own enumerable keys).
  public func value() throws -> JSValue {
    try context.withRaw { _ in try ShimCall.value(in: context) { result, error in cv8_ref_value(raw, result, error) } }
  }

  public static func == (lhs: JSReference, rhs: JSReference) -> Bool { lhs === rhs }
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
