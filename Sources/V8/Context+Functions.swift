internal import CV8
import Foundation

/// A function compiled from a file's text (a CommonJS module body), with its code cache.
public struct CompiledFunction: Sendable {
  public let function: JSReference
  /// A cache produced at compile time (when asked and none was accepted).
  public let cachedData: [UInt8]?
  public let cacheRejected: Bool
}

extension Context {
  /// Compiles `source` as the body of a function taking `parameters`, without wrapping its text,
  /// so errors and stacks point at the file's own lines and columns.
  ///
  /// Cache semantics and the
  /// reentrancy rule as `compile(_:filename:cachedData:produceCache:)`.
  public func compileFunction(
    _ source: String, filename: String, parameters: [String], cachedData: [UInt8]? = nil, produceCache: Bool = false
  ) throws -> CompiledFunction {
    var source = source
    return try source.withUTF8 { bytes in
      try compileFunction(
        utf8: UnsafeRawBufferPointer(bytes), filename: filename, parameters: parameters, cachedData: cachedData,
        produceCache: produceCache)
    }
  }

  /// As `compileFunction(_:filename:parameters:cachedData:produceCache:)`, from the file's UTF-8
  /// bytes as read (V8 decodes them once; invalid sequences become U+FFFD).
  public func compileFunction(
    utf8 source: UnsafeRawBufferPointer, filename: String, parameters: [String], cachedData: [UInt8]? = nil,
    produceCache: Bool = false
  ) throws -> CompiledFunction {
    let zero: CChar = 0
    return try withUnsafePointer(to: zero) { empty in
      try compileFunction(filename: filename, parameters: parameters, cachedData: cachedData) {
        raw, filename, params, cache, ref, produced, rejected, error in
        cv8_context_compile_function(
          raw, source.baseAddress?.assumingMemoryBound(to: CChar.self) ?? empty, source.count, filename.base, filename.count,
          params.baseAddress, params.count, cachedData == nil ? nil : cache.baseAddress, cache.count, produceCache, ref, produced,
          rejected, error)
      }
    }
  }

  /// As `compileFunction(_:filename:parameters:cachedData:produceCache:)`, from text shared by
  /// every isolate (an external string here: no copy, no decoding).
  public func compileFunction(
    _ source: ScriptSource, filename: String, parameters: [String], cachedData: [UInt8]? = nil, produceCache: Bool = false
  ) throws -> CompiledFunction {
    try compileFunction(filename: filename, parameters: parameters, cachedData: cachedData) {
      raw, filename, params, cache, ref, produced, rejected, error in
      cv8_context_compile_function_source(
        raw, source.raw, filename.base, filename.count, params.baseAddress, params.count,
        cachedData == nil ? nil : cache.baseAddress,
        cache.count, produceCache, ref, produced, rejected, error)
    }
  }

  private func compileFunction(
    filename: String, parameters: [String], cachedData: [UInt8]?,
    _ shim: (
      OpaquePointer, UTF8Bytes, UnsafeBufferPointer<UnsafePointer<CChar>?>, UnsafeBufferPointer<UInt8>,
      UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<cv8_buffer>, UnsafeMutablePointer<Bool>,
      UnsafeMutablePointer<cv8_error>?
    ) -> cv8_status
  ) throws -> CompiledFunction {
    try withRaw { raw in
      var ref: OpaquePointer?
      var produced = cv8_buffer()
      var rejected = false
      defer { cv8_buffer_free(&produced) }
      let names = parameters.map { strdup($0) }
      defer { for name in names { free(name) } }
      try ShimCall.check { error in
        withUTF8(filename) { filename in
          names.map { UnsafePointer($0) }.withUnsafeBufferPointer { params in
            (cachedData ?? []).withUnsafeBufferPointer { cache in
              shim(raw, filename, params, cache, &ref, &produced, &rejected, error)
            }
          }
        }
      }
      let cache = produced.data == nil ? nil : Array(UnsafeRawBufferPointer(start: produced.data, count: produced.length))
      return CompiledFunction(function: JSReference(raw: ref!, context: self), cachedData: cache, cacheRejected: rejected)
    }
  }
}
