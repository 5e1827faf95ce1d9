import Foundation
import Runtime

/// What a finished `caper` printed (as UTF-8 text) and how it exited.
public struct ProcessResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// The built `caper`, run as a user runs it: a child process (through Runtime's `ChildProcess`).
///
/// Tests that need other V8 flags go through here too, since the engine starts once per process.
public enum CaperBinary {
  /// The folder holding the built products (`caper`, `caper-bench`) beside the test bundle.
  public static var productsDirectory: URL {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.pathComponents.count > 1 {
      url.deleteLastPathComponent()
      if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("caper").path) { return url }
    }
    fatalError("the caper binary was not found beside \(CommandLine.arguments[0]); run `swift build` first")
  }

  /// Runs the built `caper` with `arguments`, the test's environment plus `environment`, and
  /// `input` on its standard input (empty without it).
  public static func run(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil, input: Data? = nil)
    throws -> ProcessResult
  {
    let result = try ChildProcess.run(
      productsDirectory.appendingPathComponent("caper"), arguments,
      environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, directory: directory, input: input)
    return ProcessResult(
      status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
      stderr: String(decoding: result.stderr, as: UTF8.self))
  }
}
