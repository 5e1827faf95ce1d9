internal import CV8
import Foundation

/// A startup snapshot: the heap of a context after some scripts ran (Caper's own runtime, never
/// user code), from which contexts start without running them again.
///
/// Guarantees: the scripts run once, when the snapshot is made, in an isolate of their own; they
/// may define things but must not call host functions then (those have no Swift body yet). A
/// context made from it (`Isolate(snapshot:)`, `makeSnapshotContext()`) holds the same globals, and its host functions call
/// the Swift bodies given to `Context.startFromSnapshot`, by position in `hostFunctions`. The
/// bytes are only valid for the libnode and V8 flags that made them: store them under the code
/// cache's ABI directory.
public struct StartupSnapshot: Sendable {
  public let bytes: [UInt8]
  /// The host functions' global names, in the order their bodies are bound.
  public let hostFunctions: [String]

  public init(bytes: [UInt8], hostFunctions: [String]) {
    self.bytes = bytes
    self.hostFunctions = hostFunctions
  }

  /// Makes a snapshot: a context with the named host functions, a native clock `clock` (see
  /// `Context.defineClock`) and a microtask checkpoint `microtasks` (see
  /// `Context.defineMicrotaskCheckpoint`), then `scripts` run in order; the last one's value is
  /// what `Context.startFromSnapshot` returns.
  public static func make(
    hostFunctions: [String], clock: String?, microtasks: String? = nil, scripts: [(source: String, filename: String)]
  ) throws -> StartupSnapshot {
    Engine.ensureStarted()
    // V8 runs the scripts on this thread: give it an isolate thread's stack.
    let thread = IsolateThread(name: "caper.snapshot")
    defer { thread.stop {} }
    let bytes = try thread.sync { () throws -> [UInt8] in
      let natives = [clock ?? "", microtasks ?? ""]
      let names = (hostFunctions + natives + scripts.map(\.filename) + scripts.map(\.source)).map { strdup($0) }
      defer { names.forEach { free($0) } }
      let n = hostFunctions.count
      let hostNames = Array(names[0..<n]).map { UnsafePointer($0) }
      let clockName = clock == nil ? nil : UnsafePointer(names[n])
      let checkpointName = microtasks == nil ? nil : UnsafePointer(names[n + 1])
      let fileNames = Array(names[(n + 2)..<(n + 2 + scripts.count)]).map { UnsafePointer($0) }
      let sources = Array(names[(n + 2 + scripts.count)...]).map { UnsafePointer($0) }
      let lengths = scripts.map { $0.source.utf8.count }
      let ids = hostFunctions.indices.map { HostFunctionTable.snapshotBase + UInt64($0) }
      var blob = cv8_buffer()
      try ShimCall.check { error in
        cv8_snapshot_create(
          hostNames, ids, hostFunctions.count, clockName, checkpointName, sources, lengths, fileNames, scripts.count, &blob, error)
      }
      defer { cv8_buffer_free(&blob) }
      return Array(UnsafeBufferPointer(start: blob.data, count: blob.length))
    }
    return StartupSnapshot(bytes: bytes, hostFunctions: hostFunctions)
  }
}
