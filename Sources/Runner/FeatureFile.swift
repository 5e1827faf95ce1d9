import Foundation
import Gherkin
import Messages

/// A feature file as read and parsed: its source, then its document and pickles, or the parse
/// errors. Reading emits nothing, so it can happen while the support realm starts.
struct FeatureFile: Sendable {
  let source: Source
  let document: GherkinDocument?
  let problems: [GherkinError]
  let pickles: [Pickle]
  /// The `PATH:LINE` lines asked for (empty: all).
  let lines: [Int]

  /// Reads and parses every feature the options name, in order. A file that cannot be read or
  /// is not UTF-8 throws; parse errors are kept for the run to report.
  static func read(_ options: RunOptions, ids: IdGenerator, uri: (String) -> String) throws -> [FeatureFile] {
    var files: [FeatureFile] = []
    for argument in options.featurePaths {
      let target = ProjectFiles.parseFeatureArgument(argument)
      for file in try ProjectFiles.files(target.path, suffixes: ProjectFiles.featureSuffixes) {
        guard let data = FileManager.default.contents(atPath: file) else { throw RunError(file: file, message: "cannot be read") }
        guard let text = String(validating: data, as: UTF8.self) else { throw RunError(file: file, message: "not valid UTF-8") }
        let path = uri(ProjectFiles.absolute(file, from: options.baseDirectory))
        let source = Source(uri: path, data: text, mediaType: SourceMediaType(path: file))
        do {
          let document = try GherkinParser(language: options.language).parse(source, ids: ids)
          files.append(FeatureFile(source: source, document: document, problems: [], pickles: PickleCompiler(ids: ids).compile(document), lines: target.lines))
        } catch {
          files.append(FeatureFile(source: source, document: nil, problems: error.errors, pickles: [], lines: target.lines))
        }
      }
    }
    return files
  }
}
