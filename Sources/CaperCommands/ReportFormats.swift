import Foundation
import Formatters

/// Turns `--format NAME[:FILE]` options into formatters, each writing to its file or stdout.
enum ReportFormats {
  static let names = ["progress", "message"]

  static func make(_ specs: [String]) throws -> [Formatters.Formatter] {
    var formatters: [Formatters.Formatter] = []
    for spec in specs.isEmpty ? ["progress"] : specs {
      let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
      let output: FormatterOutput
      do {
        output = parts.count > 1 ? try FormatterOutput.file(parts[1]) : .standardOutput
      } catch {
        throw CommandFailure(message: "caper: \(error)", status: ExitStatus.usage)
      }
      switch parts[0] {
      case "progress": formatters.append(ProgressFormatter(output: output))
      case "message": formatters.append(MessageFormatter(output: output))
      default:
        throw CommandFailure(message: "caper: unknown formatter '\(parts[0])' (\(names.joined(separator: ", ")))", status: ExitStatus.usage)
      }
    }
    return formatters
  }
}
