import Browser
import Foundation
import Runner

/// The inputs of `caper scrape` in the order the user gave them: files, folders (their `*.html`,
/// `*.htm` and `*.xhtml` files, recursively, sorted), globs, URLs, and `-` for a list read from
/// standard input (one file or URL per line).
///
/// Guarantees: nothing is read here but folder listings and standard input; a path that does not
/// exist stays an input (it fails on its own, and the others run). A glob that matches nothing is
/// a usage error, as a shell would say.
enum ScrapeInputs {
  static let pageExtensions: Set<String> = ["html", "htm", "xhtml"]

  static func expand(_ arguments: [String], standardInput: () -> String?) throws -> [ScrapeInput] {
    var inputs: [ScrapeInput] = []
    for argument in arguments {
      if argument == "-" {
        let lines = (standardInput() ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        for line in lines where !line.isEmpty && !line.hasPrefix("#") { inputs += try expand([line], standardInput: { nil }) }
      } else if isURL(argument) {
        inputs.append(ScrapeInput(name: argument, location: .url(argument)))
      } else if Glob.isPattern(argument), !FileManager.default.fileExists(atPath: argument) {
        let matches = try Glob.matches(argument)
        guard !matches.isEmpty else {
          throw CommandFailure(message: "caper scrape: no file matches \(argument)", status: ExitStatus.usage)
        }
        inputs += matches.map { ScrapeInput(name: $0, location: .file($0)) }
      } else if isFolder(argument) {
        inputs += pages(in: argument).map { ScrapeInput(name: $0, location: .file($0)) }
      } else {
        inputs.append(ScrapeInput(name: argument, location: .file(argument)))
      }
    }
    return inputs
  }

  static func isURL(_ text: String) -> Bool {
    let lower = text.lowercased()
    return ["http://", "https://", "file:", "data:"].contains { lower.hasPrefix($0) }
  }

  static func isFolder(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
  }

  /// The pages under `folder`, recursively, sorted by path.
  static func pages(in folder: String) -> [String] {
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    var found: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: base)
    while let relative = enumerator?.nextObject() as? String {
      let ext = (relative as NSString).pathExtension.lowercased()
      if pageExtensions.contains(ext) { found.append(base + "/" + relative) }
    }
    return found.sorted()
  }
}
