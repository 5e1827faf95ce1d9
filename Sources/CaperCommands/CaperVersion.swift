import Runner
import V8

/// Caper's own version and the engine facts a bug report needs.
public enum CaperVersion {
  public static var caper: String { TestRun.version }

  /// `caper 0.1.0`, then the V8 version and the cached-data version tag, one per line.
  public static var versionText: String {
    """
    caper \(caper)
    V8 \(Engine.version)
    cached-data tag \(Engine.cachedDataVersionTag)
    """
  }
}
