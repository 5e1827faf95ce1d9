import Foundation

/// What a finished child process printed and how it exited.
public struct ProcessResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs programs as child processes: the built `caper`, or anything on the PATH.
///
/// Tests that need
/// other V8 flags go through here, since the engine starts once per process.
public enum ChildProcess {
  /// The folder holding the built products (`caper`, `caper-bench`) beside the test bundle.
  public static var productsDirectory: URL {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.pathComponents.count > 1 {
      url.deleteLastPathComponent()
      if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("caper").path) { return url }
    }
    fatalError("the caper binary was not found beside \(CommandLine.arguments[0]); run `swift build` first")
  }

  /// Runs the built `caper` with `arguments`.
  public static func caper(
    _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
  ) throws -> ProcessResult {
    try run(productsDirectory.appendingPathComponent("caper"), arguments, environment: environment, directory: directory)
  }

  public static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = directory }
    // stdout through a pipe, stderr into a file: a child filling either never blocks.
    let out = Pipe()
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("caper-stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errFile) }
    let err = try FileHandle(forWritingTo: errFile)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try err.close()
    let errData = FileManager.default.contents(atPath: errFile.path) ?? Data()
    return ProcessResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

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
