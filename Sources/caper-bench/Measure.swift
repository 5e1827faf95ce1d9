import Foundation

/// Timing helpers: medians over repeated runs, printed in milliseconds.
enum Measure {
  static let clock = ContinuousClock()

  /// Runs `body` `runs` times (after one warm-up run when `warmUp`) and returns the median.
  static func median(runs: Int, warmUp: Bool = true, _ body: () throws -> Duration) rethrows -> Duration {
    if warmUp { _ = try body() }
    var samples: [Duration] = []
    for _ in 0..<runs { samples.append(try body()) }
    samples.sort()
    return samples[samples.count / 2]
  }

  /// The time `body` takes.
  static func time(_ body: () throws -> Void) rethrows -> Duration {
    let start = clock.now
    try body()
    return clock.now - start
  }

  static func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
  }

  static func seconds(_ d: Duration) -> Double { milliseconds(d) / 1000 }

  static func format(_ d: Duration) -> String { String(format: "%9.2f ms", milliseconds(d)) }

  static func ratio(_ baseline: Duration, _ d: Duration) -> String {
    String(format: "%7.2fx", milliseconds(baseline) / max(milliseconds(d), 1e-9))
  }
}
