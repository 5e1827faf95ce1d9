internal import CV8
import Foundation

/// A V8 isolate: its own heap, pinned to one dedicated thread for its whole life.
///
/// Guarantees:
/// - Every use runs on the isolate's thread (`IsolateThread`): methods called from another thread
///   hop there and wait; host callbacks, already on it, call back in directly.
/// - V8's stack limit is set for that thread, so runaway recursion is a `RangeError`, not a crash.
/// - The heap limit is enforced: a script that reaches it is stopped with `JSError.Kind.heapLimit`
///   and the isolate keeps working.
/// - `terminate()` may be called from any thread; it stops the running script (a
///   `JSError.Kind.terminated`) and does nothing when no script runs.
/// - `hostCallDepth` is the reentrancy counter kept by the shim's single callback trampoline.
/// - The isolate is disposed when the last reference to it (every context holds one) goes.
public final class Isolate: @unchecked Sendable {
  /// Bytes of the thread's stack kept free of JavaScript for host code.
  static let stackReserve = 1 << 20

  let thread: IsolateThread
  /// Made on the isolate thread; used only there (and by `terminate`, under `terminateLock`).
  let raw: OpaquePointer
  /// The isolate's live contexts, for the shim's callbacks.
  let contexts = ContextRegistry()
  /// Fires the deadlines of timeouts on this isolate.
  let deadlines = DeadlineKeeper()
  private let terminateLock = NSLock()
  private var disposed = false

  /// Makes an isolate.
  ///
  /// `heapLimit` (bytes) caps the JavaScript heap; nil keeps V8's default.
  /// With `snapshot`, `makeSnapshotContext()` makes contexts that start as the snapshot's.
  public init(heapLimit: Int? = nil, snapshot: StartupSnapshot? = nil) throws {
    Engine.ensureStarted()
    thread = IsolateThread(name: "caper.isolate")
    let data = Unmanaged.passUnretained(contexts).toOpaque()
    let made = try thread.sync {
      (snapshot?.bytes ?? []).withUnsafeBufferPointer {
        cv8_isolate_new(heapLimit ?? 0, IsolateThread.stackSize - (128 << 10), Self.stackReserve, data, $0.baseAddress, $0.count)
      }
    }
    guard let made else {
      thread.stop {}
      throw JSError(kind: .invalid, message: "V8 could not make an isolate")
    }
    raw = made
  }

  deinit {
    deadlines.stop()
    let raw = raw
    terminateLock.withLock { disposed = true }
    thread.stop { cv8_isolate_dispose(raw) }
  }

  /// Runs `body` on the isolate's thread (directly when already there) and returns its result.
  public func sync<T>(_ body: () throws -> T) throws -> T {
    try thread.sync(body)
  }

  /// True when called on the isolate's own thread.
  public var isCurrentThread: Bool { thread.isCurrent }

  /// Frees the references whose Swift holders are gone, and so what only they kept alive.
  ///
  /// Call on the isolate's thread between tasks, never while a host function's result is being
  /// handed back; elsewhere it does nothing. The event loop calls it at each turn.
  public func releaseDroppedReferences() {
    guard thread.isCurrent else { return }
    thread.runReleases()
  }

  /// Makes a new context (a realm with its own globals, security token and microtask queue) in
  /// this isolate: a plain one by default, also in an isolate made from a startup snapshot.
  public func makeContext(_ options: Context.Options = Context.Options()) throws -> Context {
    try Context(isolate: self, options: options)
  }

  /// Makes a context that starts as the startup snapshot's context `index` (`init(snapshot:)`);
  /// see `Context.startFromSnapshot`.
  ///
  /// Throws when the snapshot has no such context.
  public func makeSnapshotContext(index: Int = 0, guarded: Bool = false, ownCodeGeneration: Bool = false) throws -> Context {
    try Context(
      isolate: self, options: Context.Options(snapshotIndex: index, guarded: guarded, ownCodeGeneration: ownCodeGeneration))
  }

  /// Stops the running script from any thread.
  ///
  /// Does nothing when no script runs.
  public func terminate() {
    whileAlive { cv8_isolate_terminate($0) }
  }

  /// Stops the call into JavaScript at `depth` (see `entryDepth`) and what it called, from any
  /// thread: that call fails with `JSError.Kind.terminated` and its caller goes on (host code of
  /// an outer realm gets an error it can throw to its JavaScript).
  func terminate(atDepth depth: Int) {
    whileAlive { cv8_isolate_terminate_at($0, Int32(depth)) }
  }

  /// How many calls into JavaScript are on the isolate's stack (0 at the top level).
  ///
  /// On the
  /// isolate's thread.
  var entryDepth: Int { Int(cv8_isolate_entry_depth(raw)) }

  /// Runs `body` with the shim isolate from any thread, unless it is disposed (for what the
  /// shim allows off the isolate's thread: termination, marks).
  func whileAlive(_ body: (OpaquePointer) -> Void) {
    terminateLock.withLock {
      if !disposed { body(raw) }
    }
  }

  /// How many host callbacks are on the stack now (0 at the top level).
  public var hostCallDepth: Int {
    (try? sync { Int(cv8_isolate_host_depth(raw)) }) ?? 0
  }

  /// The microtask checkpoint: runs every context's queued promise reactions, in the order the
  /// contexts were made, until none is left; then V8's platform tasks.
  public func performMicrotasks() throws {
    try sync { cv8_isolate_perform_microtasks(raw) }
  }

  /// Asks V8 for a full garbage collection, as under memory pressure.
  public func lowMemoryNotification() throws {
    try sync { cv8_isolate_low_memory_notification(raw) }
  }

  /// The heap's current size and limit.
  public func heapStatistics() throws -> HeapStatistics {
    try sync {
      var stats = cv8_heap_stats()
      cv8_isolate_heap_stats(raw, &stats)
      return HeapStatistics(
        totalHeapSize: stats.total_heap_size, usedHeapSize: stats.used_heap_size,
        heapSizeLimit: stats.heap_size_limit, externalMemory: stats.external_memory,
        mallocedMemory: stats.malloced_memory, nativeContexts: stats.number_of_native_contexts)
    }
  }

  /// Checks that the caller is on the isolate's thread: every call into the shim goes through it.
  func checkThread() {
    precondition(thread.isCurrent, "an isolate was used off its own thread")
  }
}

/// The size of an isolate's heap, in bytes.
public struct HeapStatistics: Sendable, Equatable {
  public var totalHeapSize: Int
  public var usedHeapSize: Int
  public var heapSizeLimit: Int
  public var externalMemory: Int
  public var mallocedMemory: Int
  public var nativeContexts: Int
}
