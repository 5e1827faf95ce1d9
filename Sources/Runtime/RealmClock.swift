import Foundation
import V8

/// A realm's clock, in milliseconds from when it was made: real (the support realm, as Node
/// runs), or virtual (a page and its frames), which the event loop moves only to the next due
/// timer when nothing else is due, so a page that waits costs no real time.
///
/// Guarantees: `now` never goes back; a virtual clock never moves while its realm's code runs
/// (only the loop advances it, between tasks). Touched on its isolate's thread only.
public final class RealmClock: @unchecked Sendable {
  public enum Kind: Sendable, Equatable {
    case real
    case virtual
  }

  public let kind: Kind
  /// A real clock's zero, on the clock of `ProgressMark.now` (nanoseconds).
  private let zero: Int64
  private var virtualNow = 0.0
  /// Since when a virtual clock runs at the real rate (a realm on it held, or the loop blocked);
  /// kept on the clock, so realms that share it (a page and its frames) move it once.
  var realRateSince: ContinuousClock.Instant?

  /// A clock of `kind`; a real one counts from `zero` (nanoseconds on the clock of
  /// `ProgressMark.now`; by default now).
  ///
  /// Give a realm's real clock its isolate's `clockOrigin`,
  /// so its timers and its JavaScript's native clock (`host.now()`) read the same time.
  public init(_ kind: Kind, zero: Int64? = nil) {
    self.kind = kind
    self.zero = zero ?? ProgressMark.now
  }

  /// Milliseconds since the clock's zero (real) or as far as the loop has moved it (virtual).
  public var now: Double {
    switch kind {
    case .real: Double(ProgressMark.now - zero) / 1e6
    case .virtual: virtualNow
    }
  }

  /// Moves a virtual clock forward to `time` (never back), rounded up to a grid of 1/1024 ms.
  ///
  /// On that grid a reading plus a whole number of milliseconds is exact in floating point, so a
  /// timer set `t` ms from now fires when the clock reads exactly `t` ms later (never
  /// 999.9999999 ms for a 1000 ms timer, as an arbitrary fraction would give).
  func advance(to time: Double) {
    precondition(kind == .virtual, "only a virtual clock is moved")
    virtualNow = max(virtualNow, (time * 1024).rounded(.up) / 1024)
  }

  /// The real instant at which a real clock reads `time`.
  func instant(at time: Double) -> ContinuousClock.Instant {
    .now + .nanoseconds(Int64((time * 1e6).rounded(.up)) - (ProgressMark.now - zero))
  }
}

/// Which timer rules a realm follows.
public enum TimerRules: Sendable, Equatable {
  /// Node's: at least 1 ms, no nesting clamp (the support realm, as cucumber-js runs).
  case node
  /// HTML's: negative delays are 0, and from the sixth nested level a delay under 4 ms is 4 ms
  /// (the timer initialization steps of the HTML Standard, 8.6 Timers).
  case html
}
