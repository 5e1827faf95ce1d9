import Formatters
import Foundation
import Messages
import Runner
import Runtime
import V8

/// A formatter written in JavaScript with cucumber-js's custom formatter API (`--format
/// ./my-formatter.js` or a package in node_modules), in a realm of its own (`FormatterRealm`).
///
/// Guarantees: every envelope reaches it once, in order, in batches (at the latest when a test
/// case finishes, and at the end); its output goes to its `FormatterOutput`. The first error it
/// throws stops its envelopes and is reported by `finish`, naming the formatter. Used on the
/// thread that runs the formatters.
final class CustomFormatter: Formatters.Formatter {
  /// Where the formatter's writes go: kept until its output is opened (a constructor may
  /// already write, a report's header for one), then written there.
  final class Sink: @unchecked Sendable {
    private var pending: [String] = []
    var output: FormatterOutput? {
      didSet {
        guard let output else { return }
        for text in pending { output.write(text) }
        pending.removeAll()
      }
    }

    func write(_ text: String) {
      if let output { output.write(text) } else { pending.append(text) }
    }
  }

  let name: String
  let sink: Sink
  private let realm: FormatterRealm
  private let writer = NDJSONWriter()
  private var batch = Data()
  private var batched = 0
  private var failure: Error?

  /// Loads and constructs the formatter `name` (a path, or a package name) as a file in
  /// `directory` would require it.
  ///
  /// Throws a `CommandFailure` naming it when it cannot.
  init(name: String, directory: String, options: [String: Any], caches: RealmCaches) throws {
    self.name = name
    let sink = Sink()
    self.sink = sink
    let optionsText = (try? JSONSerialization.data(withJSONObject: options)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    do {
      realm = try FormatterRealm(
        specifier: name, directory: directory, options: optionsText, environment: ProcessInfo.processInfo.environment,
        caches: caches, console: Console.standardStreams, write: { text in sink.write(text) })
    } catch let error as JSError where error.location?.file.hasPrefix("caper:") ?? false {
      // Thrown inside Caper's runtime (the module was not found, the export is no formatter):
      // the message alone.
      throw CommandFailure(
        message: "caper: formatter '\(name)': \(error.name.map { "\($0): " } ?? "")\(error.message)", status: ExitStatus.usage)
    } catch {
      throw CommandFailure(message: "caper: formatter '\(name)': \(error)", status: ExitStatus.usage)
    }
  }

  func handle(_ envelope: Envelope) {
    guard failure == nil, let line = try? writer.line(envelope) else { return }
    batch.append(line)
    batched += 1
    switch envelope {
    case .testCaseFinished, .testRunFinished: deliver()
    default: if batched >= 256 { deliver() }
    }
  }

  private func deliver() {
    guard failure == nil, !batch.isEmpty else { return }
    do {
      try realm.receive(String(decoding: batch, as: UTF8.self))
    } catch {
      failure = error
    }
    batch.removeAll(keepingCapacity: true)
    batched = 0
  }

  func finish() throws {
    deliver()
    if failure == nil {
      do { try realm.finish() } catch { failure = error }
    }
    sink.output?.flush()
    if let failure { throw FormatterError(message: "formatter '\(name)' failed: \(failure)") }
  }
}
