internal import CV8
import Foundation

/// A startup snapshot: the heaps of one or more contexts after some scripts ran (Caper's own
/// runtimes, never user code), from which contexts start without running them again.
///
/// Guarantees: the scripts run once, when the snapshot is made, in an isolate of their own; they
/// may define things but must not call host functions then (those have no Swift body yet).
/// Context `i` of the snapshot (`Isolate(snapshot:)`, `makeSnapshotContext(index: i)`) holds the
/// globals its scripts made, and its host functions call the Swift bodies that context is given
/// by `Context.startFromSnapshot`, by position in `contexts[i].hostFunctions`; two contexts made
/// from one snapshot context each call their own. The bytes are only valid for the libnode, the
/// Caper build and the V8 flags that made them: store them under the code cache's ABI directory.
public struct StartupSnapshot: Sendable {
  /// What one context of a snapshot holds.
  public struct ContextSpec: Sendable {
    /// Host functions' global names, in the order their bodies are bound.
    public var hostFunctions: [String]
    /// A native clock (see `Context.defineClock`), when named.
    public var clock: String?
    /// A native microtask checkpoint (see `Context.defineMicrotaskCheckpoint`), when named.
    public var microtasks: String?
    /// A native ArrayBuffer detach (see `Context.defineArrayBufferDetach`), when named.
    public var arrayBufferDetach: String?
    /// Run in order; the last one's value is what `Context.startFromSnapshot` returns.
    public var scripts: [(source: String, filename: String)]
    /// The global admits only admitted contexts (see `Context.Options.guarded`).
    public var guarded: Bool

    public init(
      hostFunctions: [String] = [], clock: String? = nil, microtasks: String? = nil,
      scripts: [(source: String, filename: String)] = [], guarded: Bool = false
    ) {
      self.hostFunctions = hostFunctions
      self.clock = clock
      self.microtasks = microtasks
      self.scripts = scripts
      self.guarded = guarded
    }
  }

  public let bytes: [UInt8]
  /// Each context's host functions, by the context's index.
  public let hostFunctions: [[String]]

  public init(bytes: [UInt8], hostFunctions: [[String]]) {
    self.bytes = bytes
    self.hostFunctions = hostFunctions
  }

  /// Makes a snapshot holding `contexts`, in order, at indexes from 0.
  public static func make(contexts: [ContextSpec]) throws -> StartupSnapshot {
    Engine.ensureStarted()
    // V8 runs the scripts on this thread: give it an isolate thread's stack.
    let thread = IsolateThread(name: "caper.snapshot")
    defer { thread.stop {} }
    let bytes = try thread.sync { () throws -> [UInt8] in
      let builder = cv8_snapshot_builder_new()
      var finished = false
      defer { if !finished { cv8_snapshot_builder_free(builder) } }
      for spec in contexts {
        try ShimCall.check { cv8_snapshot_builder_begin_context(builder, spec.guarded, $0) }
        for (id, name) in spec.hostFunctions.enumerated() {
          try ShimCall.check { cv8_snapshot_builder_define_function(builder, name, UInt64(id), $0) }
        }
        if let clock = spec.clock { try ShimCall.check { cv8_snapshot_builder_define_clock(builder, clock, $0) } }
        if let microtasks = spec.microtasks {
          try ShimCall.check { cv8_snapshot_builder_define_microtask_checkpoint(builder, microtasks, $0) }
        }
        if let detach = spec.arrayBufferDetach {
          try ShimCall.check { cv8_snapshot_builder_define_array_buffer_detach(builder, detach, $0) }
        }
        for (source, filename) in spec.scripts {
          try ShimCall.check { error in
            withUTF8(source) { source in cv8_snapshot_builder_run(builder, source.base, source.count, filename, error) }
          }
        }
      }
      var blob = cv8_buffer()
      finished = true
      try ShimCall.check { cv8_snapshot_builder_finish(builder, &blob, $0) }
      defer { cv8_buffer_free(&blob) }
      return Array(UnsafeBufferPointer(start: blob.data, count: blob.length))
    }
    return StartupSnapshot(bytes: bytes, hostFunctions: contexts.map(\.hostFunctions))
  }

  /// Makes a snapshot of one context (index 0).
  public static func make(
    hostFunctions: [String], clock: String?, microtasks: String? = nil, scripts: [(source: String, filename: String)]
  ) throws -> StartupSnapshot {
    try make(contexts: [ContextSpec(hostFunctions: hostFunctions, clock: clock, microtasks: microtasks, scripts: scripts)])
  }
}
