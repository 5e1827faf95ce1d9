internal import CV8
import Foundation

/// An ES module compiled in a context (static `import`/`export`, top-level await, cycles and live
/// bindings are V8's own).
///
/// Its imports are resolved by its context's `moduleResolver`, which V8
/// calls as a host callback (so the reentrancy rule counts it).
///
/// Guarantees: the module lives as long as its context; `evaluate()` links it and returns the
/// promise of its evaluation; syntax errors name the module's file, line and column.
public final class Module: @unchecked Sendable {
  let raw: OpaquePointer
  public let context: Context
  public let name: String
  public let cachedData: [UInt8]?
  public let cacheRejected: Bool

  init(raw: OpaquePointer, context: Context, name: String, cachedData: [UInt8]?, cacheRejected: Bool) {
    self.raw = raw
    self.context = context
    self.name = name
    self.cachedData = cachedData
    self.cacheRejected = cacheRejected
  }

  /// Whether the module has been evaluated, as a root or as another's import.
  ///
  /// True once its top level ran or threw; false once its context is disposed. On the isolate's thread.
  public var hasRun: Bool { !context.isDisposed && cv8_module_has_run(raw) }

  /// Links the module's imports and runs it; the result is the promise of its evaluation.
  public func evaluate() throws -> JSValue {
    try context.withRaw { _ in try ShimCall.value(in: context) { result, error in cv8_module_evaluate(raw, result, error) } }
  }

  /// Produces a code cache now; after evaluation it includes the functions compiled lazily.
  ///
  /// Inside a host callback it throws `JSError.Kind.reentrancy` and produces nothing.
  public func createCachedData() throws -> [UInt8] {
    try context.withRaw { _ in try ShimCall.bytes { result, error in cv8_module_create_cached_data(raw, result, error) } }
  }

  /// The module's namespace (its exports), once linked.
  public func namespace() throws -> JSValue {
    try context.withRaw { _ in try ShimCall.value(in: context) { result, error in cv8_module_namespace(raw, result, error) } }
  }

  /// The module's namespace object itself (not a copy), once linked: handed back to JavaScript, it
  /// is the object `import()` gives.
  public func namespaceReference() throws -> JSReference {
    try context.withRaw { _ in
      var ref: OpaquePointer?
      try ShimCall.check { error in cv8_module_namespace_ref(raw, &ref, error) }
      return JSReference(raw: ref!, context: context)
    }
  }

  /// The specifiers the module imports statically, in source order (a host that fetches the
  /// module graph before linking reads them; empty for a synthetic module).
  public func requests() throws -> [String] {
    let value = try context.withRaw { _ in
      try ShimCall.value(in: context) { result, error in cv8_module_requests(raw, result, error) }
    }
    guard case .array(let elements) = value else { return [] }
    return elements.compactMap(\.stringValue)
  }
}

/// Finds the module for `specifier` imported from `referrer` (a file name; empty for the entry).
public typealias ModuleResolver = @Sendable (_ context: Context, _ specifier: String, _ referrer: String) throws -> Module

extension Context {
  /// Compiles an ES module named `filename` (cache semantics as `compileFunction`).
  public func compileModule(
    _ source: String, filename: String, cachedData: [UInt8]? = nil, produceCache: Bool = false
  ) throws -> Module {
    try withRaw { raw in
      var module: OpaquePointer?
      var produced = cv8_buffer()
      var rejected = false
      defer { cv8_buffer_free(&produced) }
      try ShimCall.check { error in
        withUTF8(source, filename) { source, filename in
          (cachedData ?? []).withUnsafeBufferPointer { cache in
            cv8_context_compile_module(
              raw, source.base, source.count, filename.base, filename.count, cachedData == nil ? nil : cache.baseAddress,
              cache.count, produceCache, &module, &produced, &rejected, error)
          }
        }
      }
      let cache = produced.data == nil ? nil : Array(UnsafeRawBufferPointer(start: produced.data, count: produced.length))
      return Module(raw: module!, context: self, name: filename, cachedData: cache, cacheRejected: rejected)
    }
  }

  /// A module exporting the own enumerable keys of what `exports` returns when called (and the
  /// value itself as `default`): how CommonJS modules, JSON and built-ins are imported.
  public func syntheticModule(name: String, exports: JSReference) throws -> Module {
    try withRaw { raw in
      var module: OpaquePointer?
      try ShimCall.check { error in
        withUTF8(name) { name in cv8_context_synthetic_module(raw, name.base, name.count, exports.raw, &module, error) }
      }
      return Module(raw: module!, context: self, name: name, cachedData: nil, cacheRejected: false)
    }
  }
}

extension Context {
  /// Makes `import()` in this context call `handler` (a function of this context) with the
  /// specifier and the importing script's name, and give the promise it returns, instead of
  /// resolving at once through `moduleResolver`: a host that fetches modules asynchronously (a
  /// page) settles that promise later.
  ///
  /// `nil` goes back to the resolver. The context keeps the handler until it is disposed.
  public func setDynamicImportHandler(_ handler: JSReference?) throws {
    try withRaw { raw in try ShimCall.check { error in cv8_context_set_import_handler(raw, handler?.raw, error) } }
  }
}

/// The C entry point V8's module callbacks reach (through the shim).
let moduleResolverTrampoline: cv8_module_resolver = {
  data, context, specifier, specifierLength, referrer, referrerLength, failure in
  let registry = Unmanaged<ContextRegistry>.fromOpaque(data!).takeUnretainedValue()
  let spec = String(decoding: UnsafeRawBufferPointer(start: specifier, count: specifierLength), as: UTF8.self)
  let from = String(decoding: UnsafeRawBufferPointer(start: referrer, count: referrerLength), as: UTF8.self)
  do {
    guard let owner = registry.context(for: context!), let resolver = owner.resolver else {
      throw JSError(kind: .invalid, message: "no module loader for import '\(spec)'")
    }
    let module = try resolver(owner, spec, from)
    return module.raw
  } catch {
    let message = Array(((error as? JSError)?.description ?? String(describing: error)).utf8)
    let buffer = malloc(max(message.count, 1))!.assumingMemoryBound(to: UInt8.self)
    if !message.isEmpty { message.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: message.count) } }
    failure!.pointee = cv8_buffer(data: buffer, length: message.count)
    return nil
  }
}
