import Foundation
import V8

extension EventLoop {
  /// How long one task of a realm may run, and who hears of a task stopped for running longer.
  struct TaskBound {
    /// Asked as each task starts (nil: unbounded), so the limit may change over the realm's life.
    let limit: () -> Duration?
    let report: (RunawayScript) -> Void
  }

  /// Bounds every task of `context`'s realm (its timers and the tasks posted to it) by the
  /// per-task watchdog: a task whose JavaScript runs longer than `limit()` is stopped, `report`
  /// hears where it was, and the loop goes on (later tasks run, the realm stays usable).
  ///
  /// A host function of the realm that runs JavaScript of its own (a page's script) may bound it
  /// separately through `watchdog`: the task's time does not run out while it runs.
  public func boundTasks(of context: Context, limit: @escaping () -> Duration?, report: @escaping (RunawayScript) -> Void) {
    taskBounds[ObjectIdentifier(context)] = TaskBound(limit: limit, report: report)
  }

  /// Runs a task of `realm` (nil: a task of no realm), under the watchdog when its realm is
  /// bounded; a stopped task is reported, not thrown.
  func runTask(of realm: ObjectIdentifier?, _ body: () throws -> Void) throws {
    guard let realm, let bound = taskBounds[realm], let limit = bound.limit() else { return try body() }
    do {
      try watchdog.run(limit: limit, body)
    } catch let runaway as RunawayScript {
      bound.report(runaway)
    }
  }
}
