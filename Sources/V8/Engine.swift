internal import CV8
import Foundation

/// The process-wide V8 engine: the platform is initialised once, with its flags fixed before
/// initialisation, and never disposed (V8 cannot be initialised twice in one process).
///
/// Guarantees: `start(flags:)` succeeds at most once per process with a given set of flags; a
/// later call with other flags throws `EngineError.alreadyStarted` (tests that need other flags
/// run a child process). Anything that makes an isolate starts the engine first, with the flags in
/// `CAPER_V8_FLAGS` (space separated) when `start` was not called. Thread-safe.
public enum Engine {
  /// Starts V8 with `flags` (for example `["--max-lazy"]`).
  ///
  /// Idempotent for the same flags.
  public static func start(flags: [String] = []) throws {
    try state.withLock { started in
      if let current = started {
        guard current == flags else { throw EngineError.alreadyStarted(current: current, requested: flags) }
        return
      }
      var message: UnsafeMutablePointer<CChar>?
      let joined = flags.joined(separator: " ")
      guard cv8_engine_initialize(joined, hostCallbackTrampoline, moduleResolverTrampoline, &message) else {
        let text = message.map { String(cString: $0) } ?? "V8 did not start"
        free(message)
        throw EngineError.alreadyStarted(current: [], requested: flags, detail: text)
      }
      started = flags
    }
  }

  /// Starts the engine with `CAPER_V8_FLAGS` unless it runs already.
  static func ensureStarted() {
    if state.withLock({ $0 != nil }) { return }
    let fromEnvironment =
      ProcessInfo.processInfo.environment["CAPER_V8_FLAGS"]?
      .split(separator: " ").map(String.init) ?? []
    try? start(flags: fromEnvironment)
  }

  /// The flags V8 runs with (empty before start).
  public static var flags: [String] { state.withLock { $0 ?? [] } }

  /// The V8 version, for example `10.2.154.26-node.37`.
  public static var version: String {
    ensureStarted()
    return String(cString: cv8_engine_version())
  }

  /// V8's cached-data version tag: it changes with the V8 build and its flags, so every cache
  /// key includes it.
  ///
  /// Read after the flags are set.
  public static var cachedDataVersionTag: UInt32 {
    ensureStarted()
    return cv8_engine_cached_data_version_tag()
  }

  private static let state = LockedState<[String]?>(nil)
}

/// Why the engine could not start.
public enum EngineError: Error, CustomStringConvertible, Equatable {
  case alreadyStarted(current: [String], requested: [String], detail: String = "")

  public var description: String {
    switch self {
    case .alreadyStarted(let current, let requested, let detail):
      return "V8 already runs in this process with flags \(current) and cannot restart with \(requested)"
        + (detail.isEmpty ? "" : " (\(detail))") + "; run a child process for other flags"
    }
  }
}
