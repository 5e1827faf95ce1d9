import Foundation

/// The public conformance data in `../shared/conformance` (beside the repository), or
/// `CAPER_CONFORMANCE_DIR`.
public enum Conformance {
  public static let directory: URL = {
    if let path = ProcessInfo.processInfo.environment["CAPER_CONFORMANCE_DIR"] { return URL(fileURLWithPath: path) }
    return Repository.root.deletingLastPathComponent().appendingPathComponent("shared/conformance")
  }()

  /// Files directly in `folder` (relative to the data) whose names end with one of `suffixes`,
  /// sorted by name.
  public static func files(in folder: String, endingWith suffixes: [String]) -> [String] {
    let url = directory.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted()
  }

  public static func read(_ relativePath: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
  }

  public static func exists(_ relativePath: String) -> Bool {
    FileManager.default.fileExists(atPath: directory.appendingPathComponent(relativePath).path)
  }

  /// NDJSON lines parsed into JSON values, for key-order-insensitive comparison.
  public static func jsonLines(_ text: String) throws -> [NSObject] {
    try text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
      try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) as! NSObject
    }
  }
}
