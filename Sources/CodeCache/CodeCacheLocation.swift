import Foundation

/// Where the disk cache lives, and whether there is one: `--no-cache` / `CAPER_NO_CACHE=1`
/// disable it; otherwise `--cache-dir`, else `CAPER_CACHE_DIR`, else `$XDG_CACHE_HOME/caper`,
/// else `~/.cache/caper`.
public enum CodeCacheLocation: Equatable, Sendable {
  case disabled
  case directory(String)

  public static func resolve(
    explicit: String? = nil, disabled: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> CodeCacheLocation {
    if disabled { return .disabled }
    if let flag = environment["CAPER_NO_CACHE"], !flag.isEmpty, flag != "0", flag.lowercased() != "false" { return .disabled }
    if let explicit, !explicit.isEmpty { return .directory(explicit) }
    if let dir = environment["CAPER_CACHE_DIR"], !dir.isEmpty { return .directory(dir) }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return .directory(xdg + "/caper") }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return .directory(home + "/.cache/caper")
  }

  public var path: String? {
    if case .directory(let path) = self { return path }
    return nil
  }
}
