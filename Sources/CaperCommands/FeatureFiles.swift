import Foundation
import Messages

/// Finds and reads feature files, with errors that name the file.
enum FeatureFiles {
  struct Problem: Error, CustomStringConvertible {
    let description: String
  }

  static let suffixes = [".feature", ".feature.md"]

  /// `path` itself when it is a file; the feature files below it, sorted, when it is a folder.
  static func find(_ path: String) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw Problem(description: "\(path): no such file or folder")
    }
    guard isDirectory.boolValue else { return [path] }
    let base = path.hasSuffix("/") ? String(path.dropLast()) : path
    let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
      .filter { name in suffixes.contains { name.hasSuffix($0) } }
      .sorted()
      .map { "\(base)/\($0)" }
    if found.isEmpty {
      throw Problem(description: "\(path): no feature files (*.feature, *.feature.md) in this folder")
    }
    return found
  }

  /// The file as a Gherkin source (its flavour from its name).
  static func read(_ path: String) throws -> Source {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Problem(description: "\(path): cannot be read")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      let offset = Self.firstInvalidUTF8(data)
      let line = data.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count + 1
      throw Problem(description: "\(path):\(line): not valid UTF-8 (byte \(offset + 1)); save the file as UTF-8")
    }
    return Source(uri: path, data: text, mediaType: SourceMediaType(path: path))
  }

  /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
  private static func firstInvalidUTF8(_ data: Data) -> Int {
    let bytes = [UInt8](data)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
      guard length > 0, i + length <= bytes.count,
        String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
      else { return i }
      i += length
    }
    return i
  }
}
