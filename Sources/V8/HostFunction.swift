internal import CV8
import Foundation

/// A Swift closure JavaScript can call. It runs on the isolate's thread, inside the caller's
/// JavaScript frame, and may call back into its context (compile, run, evaluate, call); a Swift
/// error it throws becomes a JavaScript `Error` with the error's description as message.
public typealias HostFunction = @Sendable (_ arguments: [JSValue]) throws -> JSValue

/// The host functions of one isolate, by id. Touched only on the isolate's thread.
final class HostFunctionTable: @unchecked Sendable {
  struct Entry {
    let function: HostFunction
    weak var context: Context?
  }

  private var entries: [UInt64: Entry] = [:]
  private var nextID: UInt64 = 1
  /// The isolate's module loader (ES modules).
  var moduleResolver: ModuleResolver?
  private struct WeakContext { weak var context: Context? }
  private var contexts: [OpaquePointer: WeakContext] = [:]

  func register(_ context: Context, raw: OpaquePointer) { contexts[raw] = WeakContext(context: context) }
  func unregister(raw: OpaquePointer) { contexts[raw] = nil }
  func context(for raw: OpaquePointer) -> Context? { contexts[raw]?.context }

  func add(_ function: @escaping HostFunction, context: Context) -> UInt64 {
    defer { nextID += 1 }
    entries[nextID] = Entry(function: function, context: context)
    return nextID
  }

  /// Ids of host functions a startup snapshot holds: `snapshotBase + i` for its i-th name.
  static let snapshotBase: UInt64 = 1 << 40

  /// Binds `function` to an id a snapshot's context already calls; false when it is taken
  /// (another context of this isolate bound it).
  func bind(_ id: UInt64, _ function: @escaping HostFunction, context: Context) -> Bool {
    guard entries[id] == nil else { return false }
    entries[id] = Entry(function: function, context: context)
    return true
  }

  func remove(_ ids: [UInt64]) {
    for id in ids { entries[id] = nil }
  }

  /// Called by the shim's trampoline: decode, call, encode. Returns the trampoline's status code.
  func invoke(
    _ id: UInt64, arguments: UnsafeRawBufferPointer, result: UnsafeMutablePointer<cv8_buffer>
  ) -> Int32 {
    guard let entry = entries[id], let context = entry.context else {
      return fail("host function \(id) is gone (its context was disposed)", result)
    }
    do {
      guard case .array(let values) = try WireFormat.decode(arguments, context: context) else {
        return fail("malformed arguments", result)
      }
      let value = try entry.function(values)
      result.pointee = Self.buffer(WireFormat.encode(value))
      return 0
    } catch let error as JSError where error.kind == .terminated || error.kind == .heapLimit {
      return 2
    } catch let error as JSError {
      return fail(error.description, result)
    } catch {
      return fail(String(describing: error), result)
    }
  }

  private func fail(_ message: String, _ result: UnsafeMutablePointer<cv8_buffer>) -> Int32 {
    result.pointee = Self.buffer(Array(message.utf8))
    return 1
  }

  private static func buffer(_ bytes: [UInt8]) -> cv8_buffer {
    let data = malloc(max(bytes.count, 1))!.assumingMemoryBound(to: UInt8.self)
    if !bytes.isEmpty {
      bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: bytes.count) }
    }
    return cv8_buffer(data: data, length: bytes.count)
  }
}

/// The one C entry point for every host function (the shim's trampoline calls it).
let hostCallbackTrampoline: cv8_host_callback = { data, id, arguments, length, result in
  let table = Unmanaged<HostFunctionTable>.fromOpaque(data!).takeUnretainedValue()
  return table.invoke(id, arguments: UnsafeRawBufferPointer(start: arguments, count: length), result: result!)
}
