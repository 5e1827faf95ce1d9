import Foundation
import Gherkin
import Messages
import V8

/// A feature file as read and parsed: its source, then its document and pickles, or the parse
/// errors.
///
/// Reading emits nothing, so it can happen while the support realm starts.
struct FeatureFile: Sendable {
  let source: Source
  let document: GherkinDocument?
  let problems: [GherkinError]
  let pickles: [Pickle]
  /// The `PATH:LINE` lines asked for (empty: all).
  let lines: [Int]

  /// Reads and parses every feature the options name, in order, on all cores.
  ///
  /// A file that
  /// cannot be read or is not UTF-8 throws (the first such in order); parse errors are kept for
  /// the run to report. Each file's ids are counted under its own prefix (its place in the
  /// list), so they are the same on every machine that lists the same files.
  static func read(_ options: RunOptions, uri: (String) -> String) throws -> [FeatureFile] {
    // A file named twice (overlapping folders, a relative and an absolute path) is read once,
    // with the lines of every mention (none: all of it).
    var targets: [(path: String, lines: [Int])] = []
    var index: [String: Int] = [:]
    for argument in options.featurePaths {
      let target = ProjectFiles.parseFeatureArgument(argument)
      for file in try ProjectFiles.files(target.path, suffixes: ProjectFiles.featureSuffixes) {
        let key = ProjectFiles.absolute(file, from: options.baseDirectory)
        if let known = index[key] {
          targets[known].lines = targets[known].lines.isEmpty || target.lines.isEmpty ? [] : targets[known].lines + target.lines
        } else {
          index[key] = targets.count
          targets.append((file, target.lines))
        }
      }
    }
    let files = targets
    let uris = files.map { uri(ProjectFiles.absolute($0.path, from: options.baseDirectory)) }
    let results = LockedState([Result<FeatureFile, any Error>](repeating: .failure(CancellationError()), count: files.count))
    let language = options.language
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      let parsed = Result {
        try read(files[i].path, uri: uris[i], lines: files[i].lines, language: language, ids: .incrementing(prefix: "\(i):"))
      }
      results.withLock { $0[i] = parsed }
    }
    return try results.withLock { $0 }.map { try $0.get() }
  }

  static func read(_ file: String, uri path: String, lines: [Int], language: String, ids: IdGenerator) throws -> FeatureFile {
    let source = try ProjectFiles.featureSource(file, uri: path)
    do {
      let document = try GherkinParser(language: language).parse(source, ids: ids)
      return FeatureFile(
        source: source, document: document, problems: [], pickles: PickleCompiler(ids: ids).compile(document), lines: lines)
    } catch {
      return FeatureFile(source: source, document: nil, problems: error.errors, pickles: [], lines: lines)
    }
  }
}
