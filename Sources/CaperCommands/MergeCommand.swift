import ArgumentParser
import Formatters
import Foundation
import Messages
import Runtime

/// `caper merge`: combines the message streams of several shards into one run's reports.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge the Cucumber Messages of several shards into the reports of one run.",
    discussion: "Each FILE is what `caper run --shard I/N --format message:FILE` wrote. Exit status 1 when the merged run failed."
  )

  @Argument(help: "Message files (NDJSON) of the shards.")
  var files: [String]

  @Option(name: .customLong("format"), help: "A formatter, NAME[:FILE], as for caper run; repeatable (default progress).")
  var formats: [String] = []

  func validate() throws {
    if files.isEmpty { throw ValidationError("name the message files to merge") }
  }

  func run() throws {
    let decoder = JSONDecoder()
    var shards: [[Envelope]] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CommandFailure(message: "caper: \(file): no such file", status: ExitStatus.usage)
      }
      var envelopes: [Envelope] = []
      for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
        do {
          envelopes.append(try decoder.decode(Envelope.self, from: Data(line)))
        } catch {
          throw CommandFailure(
            message: "caper: \(file):\(number + 1): not a Cucumber Messages envelope", status: ExitStatus.usage)
        }
      }
      shards.append(envelopes)
    }
    let merged = RunMerger.merge(shards)
    var unwritable: [String] = []
    let cwd = FileManager.default.currentDirectoryPath
    let formatters = try ReportFormats.make(
      formats, directory: cwd, custom: { try CustomFormatter(name: $0, directory: cwd, options: [:], caches: RealmCaches()) },
      unwritable: &unwritable)
    for problem in unwritable { FileHandle.standardError.write(Data((problem + "\n").utf8)) }
    for envelope in merged {
      for formatter in formatters { formatter.handle(envelope) }
    }
    for formatter in formatters {
      do { try formatter.finish() } catch { FileHandle.standardError.write(Data("caper: \(error)\n".utf8)) }
    }
    if !unwritable.isEmpty { throw CommandFailure(message: "", status: ExitStatus.usage) }
    var passed = false
    if case .testRunFinished(let finished)? = merged.last { passed = finished.success }
    if !passed { throw CommandFailure(message: "", status: ExitStatus.failure) }
  }
}
