import Foundation
import Messages

/// A formatter reads the run's envelopes, in order, and writes bytes; it never sees the runner.
public protocol Formatter: AnyObject {
  func handle(_ envelope: Envelope)
  /// Called once after the last envelope; flushes what it buffered.
  func finish() throws
}

/// Where a formatter writes: standard output or a file (created, truncated).
public final class FormatterOutput: @unchecked Sendable {
  private let handle: FileHandle
  private var buffer = Data()
  public let path: String?

  public static let standardOutput = FormatterOutput(handle: .standardOutput, path: nil)

  init(handle: FileHandle, path: String?) {
    self.handle = handle
    self.path = path
  }

  /// Opens `path` for writing; the error names the file.
  public static func file(_ path: String) throws -> FormatterOutput {
    let url = URL(fileURLWithPath: path)
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
      throw FormatterError(message: "cannot write the report \(path)")
    }
    return FormatterOutput(handle: handle, path: path)
  }

  public func write(_ text: String) { write(Data(text.utf8)) }

  public func write(_ data: Data) {
    buffer.append(data)
    if buffer.count > 64 << 10 { flush() }
  }

  public func flush() {
    guard !buffer.isEmpty else { return }
    handle.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

public struct FormatterError: Error, CustomStringConvertible {
  public var message: String
  public init(message: String) { self.message = message }
  public var description: String { message }
}
