import Foundation

/// A temporary folder, removed when the value goes.
public final class TemporaryDirectory: @unchecked Sendable {
  public let url: URL
  public init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("caper-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `contents` to `name` inside the folder and returns its path.
  @discardableResult
  public func write(_ name: String, _ contents: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: file)
    return file.path
  }
}
