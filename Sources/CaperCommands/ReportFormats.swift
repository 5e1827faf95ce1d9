import Formatters
import Foundation

/// Turns `--format NAME[:FILE]` options into formatters, each writing to its file or stdout.
enum ReportFormats {
  static let names = [
    "progress", "progress-bar", "pretty", "summary", "message", "json", "junit", "rerun", "usage", "usage-json", "snippets",
  ]

  /// `options` is `--format-options` (JSON): `colorsEnabled`, `junit.suiteName`; `strict` is
  /// the run's.
  ///
  /// The formatters; a report file that cannot be opened is left out and reported in
  /// `unwritable` (the others still run), an unknown name is a usage error.
  static func make(
    _ specs: [String], options: [String: Any] = [:], strict: Bool = true, unwritable: inout [String]
  ) throws -> [Formatters.Formatter] {
    var formatters: [Formatters.Formatter] = []
    for spec in specs.isEmpty ? ["progress"] : specs {
      let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
      guard names.contains(parts[0]) else {
        throw CommandFailure(
          message: "caper: unknown formatter '\(parts[0])' (\(names.joined(separator: ", ")))", status: ExitStatus.usage)
      }
      let output: FormatterOutput
      do {
        output = parts.count > 1 ? try FormatterOutput.file(parts[1]) : .standardOutput
      } catch {
        unwritable.append("caper: \(error)")
        continue
      }
      let toTerminal = parts.count == 1 && isatty(STDOUT_FILENO) == 1
      let colors = (options["colorsEnabled"] as? Bool) ?? (toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
      switch parts[0] {
      case "progress": formatters.append(ProgressFormatter(output: output))
      case "progress-bar": formatters.append(ProgressBarFormatter(output: output, terminal: toTerminal))
      case "pretty": formatters.append(PrettyFormatter(output: output, colors: colors))
      case "summary": formatters.append(SummaryFormatter(output: output))
      case "message": formatters.append(MessageFormatter(output: output))
      case "json": formatters.append(JSONFormatter(output: output))
      case "junit":
        let suite = (options["junit"] as? [String: Any])?["suiteName"] as? String ?? "caper"
        formatters.append(JUnitFormatter(output: output, strict: strict, suiteName: suite))
      case "rerun": formatters.append(RerunFormatter(output: output))
      case "usage": formatters.append(UsageFormatter(output: output, style: .table))
      case "usage-json": formatters.append(UsageFormatter(output: output, style: .json))
      case "snippets": formatters.append(SnippetsFormatter(output: output))
      default:
        throw CommandFailure(
          message: "caper: unknown formatter '\(parts[0])' (\(names.joined(separator: ", ")))", status: ExitStatus.usage)
      }
    }
    return formatters
  }
}
