import Foundation

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
  private let origin = ContinuousClock.now
  private var virtualNow = 0.0

  public init(_ kind: Kind) { self.kind = kind }

  /// Milliseconds since the clock was made (real) or as far as the loop has moved it (virtual).
  public var now: Double {
    switch kind {
    case .real:
      let elapsed = ContinuousClock.now - origin
      return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    case .virtual:
      return virtualNow
    }
  }

  /// Moves a virtual clock forward to `time` (never back).
  func advance(to time: Double) {
    precondition(kind == .virtual, "only a virtual clock is moved")
    virtualNow = max(virtualNow, time)
  }

  /// The real instant at which a real clock reads `time`.
  func instant(at time: Double) -> ContinuousClock.Instant {
    origin + .microseconds(Int64((time * 1000).rounded(.up)))
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
