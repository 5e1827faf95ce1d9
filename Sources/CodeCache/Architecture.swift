/// The processor architecture Caper was built for, under the names each consumer uses: the
/// code cache's ABI directories (`x86_64`, `arm64`, as Swift and Linux name them) and Node's
/// `process.arch` (`x64`, `arm64`).
public enum Architecture: String, Sendable {
  /// x86-64 (`x86_64`, Node's `x64`).
  case amd64 = "x86_64"
  case arm64
  case other

  public static let current: Architecture = {
    #if arch(x86_64)
    .amd64
    #elseif arch(arm64)
    .arm64
    #else
    .other
    #endif
  }()

  /// Node's name (`process.arch`, `os.arch()`).
  public var nodeName: String {
    switch self {
    case .amd64: "x64"
    case .arm64: "arm64"
    case .other: "unknown"
    }
  }
}
