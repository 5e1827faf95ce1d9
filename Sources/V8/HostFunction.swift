internal import CV8
import Foundation

/// A Swift closure JavaScript can call.
///
/// It runs on the isolate's thread, inside the caller's
/// JavaScript frame, and may call back into its context (compile, run, evaluate, call); a Swift
/// error it throws becomes a JavaScript `Error` with the error's description as message.
public typealias HostFunction = @Sendable (_ arguments: [JSValue]) throws -> JSValue

/// The live contexts of one isolate by their shim handle, so the shim's callbacks (host functions,
/// module loading) reach the Swift `Context` they belong to.
///
/// Touched only on the isolate's thread.
final class ContextRegistry: @unchecked Sendable {
  private struct WeakContext { weak var context: Context? }
  private var contexts: [OpaquePointer: WeakContext] = [:]

  func register(_ context: Context, raw: OpaquePointer) { contexts[raw] = WeakContext(context: context) }
  func unregister(raw: OpaquePointer) { contexts[raw] = nil }
  func context(for raw: OpaquePointer) -> Context? { contexts[raw]?.context }
}

/// One context's host functions by id: those of its snapshot context at 0, 1, ...
///
/// (bound by
/// `Context.startFromSnapshot`), those defined later from `firstDefinedID` on. Touched only on
/// the isolate's thread.
struct HostFunctions {
  static let firstDefinedID: UInt64 = 1 << 32
  private var entries: [UInt64: HostFunction] = [:]
  private var nextID = firstDefinedID

  mutating func add(_ function: @escaping HostFunction) -> UInt64 {
    defer { nextID += 1 }
    entries[nextID] = function
    return nextID
  }

  mutating func bind(_ id: UInt64, _ function: @escaping HostFunction) { entries[id] = function }
  mutating func removeAll() { entries = [:] }

  /// Called by the shim's trampoline: decode, call, encode.
  ///
  /// Returns the trampoline's status code.
  func invoke(
    _ id: UInt64, in context: Context, arguments: UnsafeRawBufferPointer, result: UnsafeMutablePointer<cv8_buffer>
  ) -> Int32 {
    guard let function = entries[id] else { return Self.fail("host function \(id) is not bound in this context", result) }
    do {
      guard case .array(let values) = try WireFormat.decode(arguments, context: context) else {
        return Self.fail("malformed arguments", result)
      }
      let value = try function(values)
      result.pointee = Self.buffer(WireFormat.encode(value))
      return 0
    } catch let error as JSError where error.kind == .terminated || error.kind == .heapLimit {
      return 2
    } catch let error as JSError {
      return Self.fail(error.description, result)
    } catch {
      return Self.fail(String(describing: error), result)
    }
  }

  static func fail(_ message: String, _ result: UnsafeMutablePointer<cv8_buffer>) -> Int32 {
    result.pointee = buffer(Array(message.utf8))
    return 1
  }

  static func buffer(_ bytes: [UInt8]) -> cv8_buffer {
    let data = malloc(max(bytes.count, 1))!.assumingMemoryBound(to: UInt8.self)
    if !bytes.isEmpty {
      bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: bytes.count) }
    }
    return cv8_buffer(data: data, length: bytes.count)
  }
}

/// The one C entry point for every host function (the shim's trampoline calls it with the
/// function's own context).
let hostCallbackTrampoline: cv8_host_callback = { data, context, id, arguments, length, result in
  let registry = Unmanaged<ContextRegistry>.fromOpaque(data!).takeUnretainedValue()
  guard let owner = registry.context(for: context!) else {
    return HostFunctions.fail("the host function's context is gone", result!)
  }
  return owner.hostFunctions.invoke(
    id, in: owner, arguments: UnsafeRawBufferPointer(start: arguments, count: length), result: result!)
}
