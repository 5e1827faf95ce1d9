import Foundation

/// A program run to its end with its output captured: what `child_process.spawnSync` runs for
/// support code (and the tests, for the built `caper`).
///
/// Guarantees: stdin is the given input or empty, stdout and stderr are captured whole; a child
/// that writes much to either, or reads its input late, never blocks (stdin and stderr go through
/// files, stdout through a pipe read to its end). Synchronous: the caller's thread waits.
public enum ChildProcess {
  public struct Result: Sendable {
    /// The exit status (the signal's number when `signal` is set).
    public var status: Int32
    /// The signal that ended the program, when one did.
    public var signal: Int32?
    public var stdout: Data
    public var stderr: Data
  }

  /// Runs `executable` with `arguments`; `environment` replaces the inherited one when given.
  ///
  /// `started` gets the program's process id once it runs (to signal it from another thread).
  /// Throws when the program cannot be started.
  public static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil, input: Data? = nil,
    started: ((Int32) -> Void)? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("caper-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let errPath = scratch.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: errPath.path, contents: nil)
    let err = try FileHandle(forWritingTo: errPath)
    defer { try? err.close() }
    if let input {
      let inPath = scratch.appendingPathComponent("stdin")
      FileManager.default.createFile(atPath: inPath.path, contents: input)
      process.standardInput = try FileHandle(forReadingFrom: inPath)
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    started?(process.processIdentifier)
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil,
      stdout: stdout, stderr: FileManager.default.contents(atPath: errPath.path) ?? Data())
  }
}
