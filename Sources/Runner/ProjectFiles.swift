import Foundation

/// Finds feature and support files the way cucumber-js does: folders are searched recursively,
/// files sorted by path; `path:LINE` keeps its line numbers.
public enum ProjectFiles {
  public static let featureSuffixes = [".feature", ".feature.md"]
  public static let supportSuffixes = [".js", ".cjs", ".mjs"]

  /// A feature argument: the path and the lines it selects (empty: all).
  public struct FeaturePath: Sendable, Equatable {
    public var path: String
    public var lines: [Int]
  }

  public static func parseFeatureArgument(_ argument: String) -> FeaturePath {
    var parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    var lines: [Int] = []
    while parts.count > 1, let line = Int(parts[parts.count - 1]) {
      lines.insert(line, at: 0)
      parts.removeLast()
    }
    return FeaturePath(path: parts.joined(separator: ":"), lines: lines)
  }

  /// The files under `path` (or `path` itself) ending with one of `suffixes`, sorted.
  public static func files(_ path: String, suffixes: [String], excluding excluded: [String] = []) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw RunError(file: path, message: "no such file or folder")
    }
    guard isDirectory.boolValue else { return [path] }
    let base = path.hasSuffix("/") ? String(path.dropLast()) : path
    let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
      .filter { name in suffixes.contains { name.hasSuffix($0) } }
      .filter { name in !name.split(separator: "/").contains("node_modules") && !excluded.contains { name.hasPrefix($0) } }
      .sorted()
      .map { "\(base)/\($0)" }
    return found
  }

  /// An absolute, normalised path.
  public static func absolute(_ path: String, from base: String) -> String {
    let full = path.hasPrefix("/") ? path : base + "/" + path
    return URL(fileURLWithPath: full).standardizedFileURL.path
  }

  /// `path` relative to `base` when it is inside it, else unchanged.
  public static func relative(_ path: String, to base: String) -> String {
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
