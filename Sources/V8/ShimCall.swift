internal import CV8
import Foundation

/// One call into the shim: hands it an error slot and a result buffer, and turns what comes back
/// into a Swift value or a thrown `JSError`.
///
/// Frees every buffer the shim allocated.
enum ShimCall {
  static func value(
    in context: Context, _ body: (UnsafeMutablePointer<cv8_buffer>, UnsafeMutablePointer<cv8_error>) -> cv8_status
  ) throws -> JSValue {
    var buffer = cv8_buffer()
    defer { cv8_buffer_free(&buffer) }
    try check { body(&buffer, $0) }
    return try WireFormat.decode(UnsafeRawBufferPointer(start: buffer.data, count: buffer.length), context: context)
  }

  static func bytes(_ body: (UnsafeMutablePointer<cv8_buffer>, UnsafeMutablePointer<cv8_error>) -> cv8_status) throws -> [UInt8] {
    var buffer = cv8_buffer()
    defer { cv8_buffer_free(&buffer) }
    try check { body(&buffer, $0) }
    return Array(UnsafeRawBufferPointer(start: buffer.data, count: buffer.length))
  }

  /// Runs `body` and throws the error it reports.
  static func check(_ body: (UnsafeMutablePointer<cv8_error>) -> cv8_status) throws {
    var error = cv8_error()
    let status = body(&error)
    defer { cv8_error_clear(&error) }
    if status != CV8_OK { throw jsError(status, error) }
  }

  /// The Swift error for a shim error (also used for rejected promises, status CV8_OK there).
  static func jsError(_ status: cv8_status, _ error: cv8_error) -> JSError {
    func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }
    let kind: JSError.Kind
    switch status {
    case CV8_ERR_SYNTAX: kind = .syntax
    case CV8_ERR_TERMINATED: kind = .terminated
    case CV8_ERR_HEAP_LIMIT: kind = .heapLimit
    case CV8_ERR_REENTRANCY: kind = .reentrancy
    case CV8_ERR_DISPOSED: kind = .disposed
    case CV8_ERR_CONVERSION: kind = .conversion
    case CV8_ERR_INVALID: kind = .invalid
    default: kind = .exception
    }
    var location: SourceLocation?
    if let file = string(error.filename), error.line > 0 {
      location = SourceLocation(file: file, line: Int(error.line), column: Int(error.column))
    }
    let name = string(error.name).flatMap { $0.isEmpty ? nil : $0 }
    return JSError(
      kind: kind, name: name, message: string(error.message) ?? "", stack: string(error.stack),
      location: location)
  }
}
