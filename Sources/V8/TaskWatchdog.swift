internal import CV8
import Foundation

/// A per-task watchdog of an isolate (the host boundary's guard for tasks of an event loop): the
/// JavaScript a run enters may go on for at most the run's limit; past it, that JavaScript is
/// stopped and the run throws `RunawayScript`, saying where the code was.
///
/// Guarantees:
/// - `run` is called on the isolate's thread; the deadlines are kept by the isolate's deadline
///   thread (`DeadlineKeeper`), so a run costs a lock and no timer of its own.
/// - The stop happens inside the running JavaScript (a V8 interrupt): it records the stack's top
///   frames, then terminates the call into JavaScript at the run's entry depth, so the caller of
///   the run goes on and the isolate stays usable. A run whose JavaScript ended before the stop
///   took effect returns normally.
/// - A run inside another (a page script a task runs through a host function) is bounded on its
///   own and stopped alone: while it runs, the enclosing run's time does not run out, and once it
///   ends, the enclosing run has its full limit again from that moment.
public final class TaskWatchdog: @unchecked Sendable {
  /// One run on the stack of runs.
  private final class Run: @unchecked Sendable {
    let depth: Int
    let limit: Duration
    var deadline: ContinuousClock.Instant
    var token = 0
    /// Runs inside this one, still going.
    var inner = 0
    /// The stop asked of the isolate once the deadline passed (a `cv8_stop`).
    var stop: OpaquePointer?
    var done = false

    init(depth: Int, limit: Duration) {
      self.depth = depth
      self.limit = limit
      deadline = .now + limit
    }
  }

  private let isolate: Isolate
  private let lock = NSLock()
  private var runs: [Run] = []

  public init(isolate: Isolate) { self.isolate = isolate }

  /// Runs `body`; JavaScript it enters (at the next entry depth: what `body` calls and what that
  /// calls) is stopped once it has run for `limit`.
  ///
  /// Throws `RunawayScript` when it was stopped, else what `body` throws.
  public func run<T>(limit: Duration, _ body: () throws -> T) throws -> T {
    let run = Run(depth: try isolate.sync { isolate.entryDepth + 1 }, limit: limit)
    lock.withLock {
      runs.last?.inner += 1
      runs.append(run)
      arm(run)
    }
    let result = Result { try body() }
    let stop = lock.withLock { () -> OpaquePointer? in
      run.done = true
      isolate.deadlines.disarm(run.token)
      runs.removeLast()
      if let outer = runs.last {
        outer.inner -= 1
        outer.deadline = max(outer.deadline, .now + outer.limit)
        isolate.deadlines.disarm(outer.token)
        arm(outer)
      }
      defer { run.stop = nil }
      return run.stop
    }
    if let stop {
      var frames = cv8_buffer()
      defer { cv8_buffer_free(&frames) }
      if cv8_stop_cancel(stop, &frames) {
        let text = frames.data.map { String(decoding: UnsafeBufferPointer(start: $0, count: frames.length), as: UTF8.self) } ?? ""
        throw RunawayScript(limit: limit, frames: text.split(separator: "\n").compactMap { RunawayScript.location(String($0)) })
      }
    }
    return try result.get()
  }

  /// Arms `run`'s deadline; called under `lock`.
  private func arm(_ run: Run) {
    run.token = isolate.deadlines.arm(run.deadline) { [weak self, weak run] in
      if let self, let run { self.deadlinePassed(run) }
    }
  }

  /// On the deadline thread: stops the run unless it ended, a run inside it is going (its end
  /// arms this one again), or its deadline moved.
  private func deadlinePassed(_ run: Run) {
    lock.withLock {
      guard !run.done, run.stop == nil, run.inner == 0 else { return }
      guard run.deadline <= .now else {
        arm(run)
        return
      }
      isolate.whileAlive { raw in run.stop = cv8_isolate_stop_at(raw, Int32(run.depth)) }
    }
  }
}

/// JavaScript that a `TaskWatchdog` stopped: it ran past its limit (an endless loop, say).
///
/// `frames` are where it was when stopped, innermost first (the scripts' names as compiled, with
/// 1-based lines and columns); empty when V8 gave no frame.
public struct RunawayScript: Error, Sendable, Equatable, CustomStringConvertible {
  public var limit: Duration
  public var frames: [SourceLocation]

  public init(limit: Duration, frames: [SourceLocation]) {
    self.limit = limit
    self.frames = frames
  }

  public var description: String {
    let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
    let amount = seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    return (frames.first.map { "\($0): " } ?? "") + "a script ran for more than \(amount) and was stopped"
  }

  /// `file:line:column`, read from the end (a URL has colons of its own).
  static func location(_ text: String) -> SourceLocation? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 3, let column = Int(parts[parts.count - 1]), let line = Int(parts[parts.count - 2]) else { return nil }
    return SourceLocation(file: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
  }
}
