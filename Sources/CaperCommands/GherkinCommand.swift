import ArgumentParser
import Foundation
import Gherkin
import Messages
import Runner

/// `caper gherkin`: parses feature files and prints Cucumber Messages envelopes as NDJSON
/// (source, gherkinDocument, pickle, parseError), like the reference `gherkin` executables.
struct GherkinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gherkin",
    abstract: "Parse Gherkin files and print Cucumber Messages (NDJSON), or their tokens.",
    discussion: """
      Each PATH is a .feature or .feature.md file, or a folder searched for them. Parse errors are
      printed as parseError messages and on stderr as FILE:LINE:COLUMN: message; the exit status is
      then 1. A file that cannot be read (missing, not UTF-8) or a folder without features exits 2.
      """
  )

  @Flag(name: .customLong("no-source"), help: "Leave out the source messages.")
  var noSource = false

  @Flag(name: .customLong("no-ast"), help: "Leave out the gherkinDocument messages.")
  var noAst = false

  @Flag(name: .customLong("no-pickles"), help: "Leave out the pickle messages.")
  var noPickles = false

  @Flag(name: .customLong("predictable-ids"), help: "Number ids 0, 1, 2, ... instead of unique ids.")
  var predictableIds = false

  @Flag(help: "Print the token stream (the conformance .tokens format) instead of messages.")
  var tokens = false

  @Argument(help: "Feature files or folders.")
  var paths: [String]

  func validate() throws {
    if paths.isEmpty { throw ValidationError("name at least one feature file or folder") }
  }

  func run() throws {
    var stream = GherkinStream(ids: predictableIds ? .incrementing() : .unique())
    stream.includeSource = !noSource
    stream.includeGherkinDocument = !noAst
    stream.includePickles = !noPickles
    let writer = NDJSONWriter()
    let out = FileHandle.standardOutput
    var problems: [String] = []
    var status: Int32 = 0

    for path in paths {
      let files: [String]
      do {
        files = try ProjectFiles.files(path, suffixes: ProjectFiles.featureSuffixes)
        if files.isEmpty { throw RunError(file: path, message: "no feature files (*.feature, *.feature.md) in this folder") }
      } catch {
        problems.append("caper: \(error)")
        status = ExitStatus.usage
        continue
      }
      for file in files {
        let source: Source
        do {
          source = try ProjectFiles.featureSource(file)
        } catch {
          problems.append("caper: \(error)")
          status = ExitStatus.usage
          continue
        }
        if tokens {
          do {
            out.write(Data(try GherkinParser().tokens(source).utf8))
          } catch {
            problems += error.errors.map { "caper: \(file):\(Self.place($0.location)): \($0.message)" }
            status = max(status, ExitStatus.failure)
          }
          continue
        }
        for envelope in stream.envelopes(for: source) {
          out.write(try writer.line(envelope))
          if case .parseError(let error) = envelope {
            let location = error.source.location.map(Self.place) ?? "1"
            // The message reads "(line:column): what"; the file's place is printed before it.
            let message = error.message.range(of: "): ").map { error.message[$0.upperBound...] } ?? error.message[...]
            problems.append("caper: \(file):\(location): \(message)")
            status = max(status, ExitStatus.failure)
          }
        }
      }
    }
    if !problems.isEmpty {
      throw CommandFailure(message: problems.joined(separator: "\n"), status: status)
    }
  }

  static func place(_ location: Location) -> String {
    location.column.map { "\(location.line):\($0)" } ?? "\(location.line)"
  }
}
