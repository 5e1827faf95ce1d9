import Formatters
import Foundation

/// Turns `--format NAME[:FILE]` options into formatters, each writing to its file or stdout.
enum ReportFormats {
  static let names = [
    "progress", "progress-bar", "pretty", "summary", "message", "json", "junit", "html", "rerun", "usage", "usage-json",
    "snippets",
  ]

  /// A `--format` value as cucumber-js splits it: `NAME`, `NAME:FILE`, or either part in double
  /// quotes (`"NAME":"FILE"`, so a file may hold a colon).
  static func target(_ spec: String) -> (name: String, file: String?) {
    if spec.hasPrefix("file://") {
      // A formatter's file URL: its own colon is not the separator.
      let rest = spec.dropFirst("file://".count)
      guard let colon = rest.firstIndex(of: ":") else { return (spec, nil) }
      return ("file://" + rest[..<colon], String(rest[rest.index(after: colon)...]))
    }
    if spec.hasPrefix("\""), let close = spec.dropFirst().firstIndex(of: "\"") {
      let name = String(spec[spec.index(after: spec.startIndex)..<close])
      var rest = spec[spec.index(after: close)...]
      guard rest.hasPrefix(":") else { return (name, nil) }
      rest = rest.dropFirst()
      let file =
        rest.hasPrefix("\"") && rest.hasSuffix("\"") && rest.count >= 2 ? String(rest.dropFirst().dropLast()) : String(rest)
      return (name, file)
    }
    let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return (spec, nil) }
    let file =
      parts[1].hasPrefix("\"") && parts[1].hasSuffix("\"") && parts[1].count >= 2
      ? String(parts[1].dropFirst().dropLast()) : parts[1]
    return (parts[0], file)
  }

  /// `options` is `--format-options` (JSON): `colorsEnabled`, `junit.suiteName`; `strict` is
  /// the run's.
  ///
  /// The formatters, as cucumber-js makes them: every name is checked before any report file is
  /// opened (an unknown one is a usage error and truncates nothing); one writes to stdout, the
  /// last given without a file (`progress` when none is); `progress-bar` elsewhere than a
  /// terminal is `progress`. A report file that cannot be opened is left out and
  /// reported in `unwritable` (the others still run).
  ///
  /// A name that is not built in is a custom formatter when it is a path (`./x.js`, `/x.mjs`) or
  /// a package installed in a node_modules folder above `directory`; `custom` loads it (before any
  /// report file is opened; its failure is the error).
  static func make(
    _ specs: [String], options: [String: Any] = [:], strict: Bool = true, directory: String = "",
    custom: ((String) throws -> CustomFormatter)? = nil, unwritable: inout [String]
  ) throws -> [Formatters.Formatter] {
    var targets = specs.map(target)
    var customs: [String: CustomFormatter] = [:]
    for (name, _) in targets where !names.contains(name) && customs[name] == nil {
      guard isCustom(name, from: directory), let custom else {
        // cucumber-js's separate formatter packages that Caper has built in.
        let builtIn = [
          "@cucumber/pretty-formatter": "pretty", "@cucumber/html-formatter": "html", "@cucumber/junit-xml-formatter": "junit",
        ]
        let hint = builtIn[name].map { "; Caper has it built in: --format \($0)" } ?? ""
        throw CommandFailure(
          message:
            "caper: unknown formatter '\(name)' (built in: \(names.joined(separator: ", ")); or a path or an installed package)\(hint)",
          status: ExitStatus.usage)
      }
      customs[name] = try custom(name)
    }
    // As cucumber-js (src/api/convert_configuration.ts): the last formatter without a file writes
    // to stdout (the command line's over a profile's; progress when none), and a file named twice
    // gets the later formatter.
    let stdout = targets.last { $0.file == nil }?.name ?? "progress"
    var byFile: [String: Int] = [:]
    for (i, target) in targets.enumerated() { if let file = target.file { byFile[file] = i } }
    targets =
      [(stdout, nil)] + targets.enumerated().filter { i, target in target.file.map { byFile[$0] == i } ?? false }.map(\.element)
    var formatters: [Formatters.Formatter] = []
    for (name, file) in targets {
      let output: FormatterOutput
      do {
        output = try file.map { try FormatterOutput.file($0) } ?? .standardOutput
      } catch {
        unwritable.append("caper: \(error)")
        continue
      }
      let toTerminal = file == nil && isatty(STDOUT_FILENO) == 1
      let colors = (options["colorsEnabled"] as? Bool) ?? (toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
      if let formatter = customs[name] {
        formatter.sink.output = output
        formatters.append(formatter)
        continue
      }
      switch name {
      case "progress": formatters.append(ProgressFormatter(output: output))
      case "progress-bar":
        formatters.append(toTerminal ? ProgressBarFormatter(output: output, terminal: true) : ProgressFormatter(output: output))
      case "pretty": formatters.append(PrettyFormatter(output: output, colors: colors))
      case "summary": formatters.append(SummaryFormatter(output: output))
      case "message": formatters.append(MessageFormatter(output: output))
      case "json": formatters.append(JSONFormatter(output: output))
      case "html": formatters.append(HTMLFormatter(output: output))
      case "junit":
        let suite = (options["junit"] as? [String: Any])?["suiteName"] as? String ?? "caper"
        formatters.append(JUnitFormatter(output: output, strict: strict, suiteName: suite))
      case "rerun": formatters.append(RerunFormatter(output: output))
      case "usage": formatters.append(UsageFormatter(output: output, style: .table))
      case "usage-json": formatters.append(UsageFormatter(output: output, style: .json))
      default: formatters.append(SnippetsFormatter(output: output))
      }
    }
    return formatters
  }

  /// Whether `name` is a path or a package installed in a node_modules folder at or above
  /// `directory` (as cucumber-js resolves a formatter it does not know).
  static func isCustom(_ name: String, from directory: String) -> Bool {
    if name.hasPrefix(".") || name.hasPrefix("/") || name.hasPrefix("file://") { return true }
    let package = name.split(separator: "/").prefix(name.hasPrefix("@") ? 2 : 1).joined(separator: "/")
    var folder = URL(fileURLWithPath: directory.isEmpty ? FileManager.default.currentDirectoryPath : directory)
    while true {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("node_modules/\(package)").path) { return true }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return false }
      folder = parent
    }
  }
}
