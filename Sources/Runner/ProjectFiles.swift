import Foundation
import Messages

/// Finds feature and support files the way cucumber-js does: folders are searched recursively,
/// files sorted by path; `path:LINE` keeps its line numbers.
public enum ProjectFiles {
  public static let featureSuffixes = [".feature", ".feature.md"]
  public static let supportSuffixes = [".js", ".cjs", ".mjs"]
  /// TypeScript support files, included when a TypeScript hook is configured.
  public static let typeScriptSuffixes = [".ts", ".cts", ".mts"]
  /// Declaration files: types only, never loaded.
  static let declarationSuffixes = [".d.ts", ".d.cts", ".d.mts"]

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
  ///
  /// A `path` with
  /// glob characters (`*`, `**`, `?`, `[...]`, `{a,b}`) stands for the files and folders it
  /// matches, as cucumber-js's globs do (none matching is no error). Files a glob matches may
  /// also end with one of `namedSuffixes` (cucumber-js loads a named TypeScript file without a
  /// hook; only folders are searched by extension).
  public static func files(
    _ path: String, suffixes: [String], namedSuffixes: [String] = [], excluding excluded: [String] = []
  ) throws -> [String] {
    if Glob.isPattern(path) {
      var seen = Set<String>()
      return try Glob.matches(path).flatMap { match -> [String] in
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: match, isDirectory: &isDirectory)
        if isDirectory.boolValue { return try files(match, suffixes: suffixes, excluding: excluded) }
        let named = (suffixes + namedSuffixes).contains(where: match.hasSuffix)
        return named && !declarationSuffixes.contains(where: match.hasSuffix) ? [match] : []
      }.filter { seen.insert($0).inserted }
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw RunError(file: path, message: "no such file or folder")
    }
    guard isDirectory.boolValue else { return [path] }
    let base = path.hasSuffix("/") ? String(path.dropLast()) : path
    let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
      .filter { name in suffixes.contains { name.hasSuffix($0) } && !declarationSuffixes.contains { name.hasSuffix($0) } }
      .filter { name in !name.split(separator: "/").contains("node_modules") && !excluded.contains { name.hasPrefix($0) } }
      .sorted()
      .map { "\(base)/\($0)" }
    return found
  }

  /// A feature file as a Gherkin source named `uri` (its flavour from its name).
  ///
  /// Throws a
  /// `RunError` naming the file (and the line of the first byte that is not UTF-8).
  public static func featureSource(_ path: String, uri: String? = nil) throws -> Source {
    guard let data = FileManager.default.contents(atPath: path) else { throw RunError(file: path, message: "cannot be read") }
    guard let text = String(validating: data, as: UTF8.self) else {
      let offset = firstInvalidUTF8(data)
      let line = data.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count + 1
      throw RunError(file: path, line: line, message: "not valid UTF-8 (byte \(offset + 1)); save the file as UTF-8")
    }
    return Source(uri: uri ?? path, data: text, mediaType: SourceMediaType(path: path))
  }

  /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
  private static func firstInvalidUTF8(_ data: Data) -> Int {
    let bytes = [UInt8](data)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
      guard length > 0, i + length <= bytes.count, String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else {
        return i
      }
      i += length
    }
    return i
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
