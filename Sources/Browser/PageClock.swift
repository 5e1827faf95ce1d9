import Foundation
import Runtime

/// A page's clock controls, as Playwright's `page.clock` names them: what the page's `Date`
/// reads (`setSystemTime`, `setFixedTime`) and how its virtual time moves (`fastForward`,
/// `runFor`, `pauseAt`, `resume`).
///
/// Guarantees: times are milliseconds (durations) or milliseconds since the Unix epoch (instants);
/// the page's virtual clock only moves forward, and never while page JavaScript runs (these are
/// called by the driver between tasks). While paused, the page's timers fire only through
/// `runFor`, `fastForward` or `pauseAt`, and waits do not move its clock. Used on the isolate's
/// thread.
public struct PageClock {
  let environment: PageEnvironment

  /// What the page's `Date` reads now, in milliseconds since the epoch.
  public var now: Double { environment.dateNow }

  /// The page's virtual time since its time origin (`performance.now()`), in milliseconds.
  public var elapsed: Double { environment.realm.loop.clock(of: environment.realm.context)?.now ?? 0 }

  /// Makes `Date` read `time` from now on, without firing timers (Playwright's `setSystemTime`).
  public func setSystemTime(_ time: Double) {
    environment.fixedTime = nil
    environment.systemTimeOffset += time - environment.dateNow
  }

  /// Makes `Date` read `time` until changed; timers keep running (Playwright's `setFixedTime`).
  public func setFixedTime(_ time: Double) { environment.fixedTime = time }

  /// Jumps `milliseconds` ahead, firing each timer due meanwhile at most once (Playwright's
  /// `fastForward`).
  public func fastForward(_ milliseconds: Double) throws {
    try environment.realm.loop.runTimers(
      of: environment.realm.context, until: elapsed + max(0, milliseconds), once: true)
    environment.realm.loader.produceDeferred()
  }

  /// Runs `milliseconds` of the page's time, firing every timer due meanwhile in order (intervals
  /// as often as they fall due; Playwright's `runFor`).
  public func runFor(_ milliseconds: Double) throws {
    try environment.realm.loop.runTimers(of: environment.realm.context, until: elapsed + max(0, milliseconds))
    environment.realm.loader.produceDeferred()
  }

  /// Jumps to the instant `time` (milliseconds since the epoch), firing due timers at most once,
  /// and pauses there (Playwright's `pauseAt`).
  public func pauseAt(_ time: Double) throws {
    try fastForward(time - environment.dateNow)
    environment.realm.loop.setPaused(true, environment.realm.context)
  }

  /// Lets the page's time run again (Playwright's `resume`).
  public func resume() { environment.realm.loop.setPaused(false, environment.realm.context) }
}

extension Page {
  /// The page's clock controls.
  public var clock: PageClock { PageClock(environment: environment) }
}
