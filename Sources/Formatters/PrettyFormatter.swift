import Foundation
import Messages

/// `pretty`: each scenario as it finishes, in Gherkin with the status of every step (✔ ✖ ? -),
/// where its definition is, data tables, doc strings, attachments under their step (one line
/// each, see `AttachmentText`) and errors with their stacks; then the summary.
///
/// Colour on a terminal (not with `NO_COLOR` or
/// `{"colorsEnabled": false}`).
public final class PrettyFormatter: Formatter {
  private let output: FormatterOutput
  private let model = RunModel()
  private let colors: Bool
  private var printedFeatures = Set<String>()
  private var printedRules = Set<String>()

  public init(output: FormatterOutput, colors: Bool) {
    self.output = output
    self.colors = colors
  }

  func paint(_ text: String, _ status: TestStepResult.Status) -> String {
    guard colors else { return text }
    let code: String
    switch status {
    case .passed: code = "32"
    case .failed, .ambiguous: code = "31"
    case .pending, .undefined: code = "33"
    case .skipped, .unknown: code = "36"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  /// A feature's or rule's description as written, each line indented (nothing when empty).
  static func description(_ text: String, indent: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    guard lines.contains(where: { !$0.isEmpty }) else { return "" }
    return lines.map { indent + $0 }.joined(separator: "\n") + "\n"
  }

  static func mark(_ status: TestStepResult.Status) -> String {
    switch status {
    case .passed: return "✔"
    case .failed, .ambiguous: return "✖"
    case .pending, .undefined: return "?"
    case .skipped, .unknown: return "-"
    }
  }

  public func handle(_ envelope: Envelope) {
    model.handle(envelope)
    guard case .testCaseFinished(let finished) = envelope, !finished.willBeRetried,
      let testCaseId = model.started[finished.testCaseStartedId], let testCase = model.testCases[testCaseId],
      let pickle = model.pickles[testCase.pickleId]
    else { return }
    var out = ""
    if printedFeatures.insert(pickle.uri).inserted, let feature = model.feature(of: pickle) {
      out +=
        "\(feature.tags.isEmpty ? "" : feature.tags.map(\.name).joined(separator: " ") + "\n")\(feature.keyword ?? "Feature"): \(feature.name)\n"
      out += Self.description(feature.description, indent: "  ") + "\n"
    }
    if let rule = model.rule(of: pickle), printedRules.insert(rule.id).inserted {
      if !rule.tags.isEmpty { out += "  " + rule.tags.map(\.name).joined(separator: " ") + "\n" }
      out += "  \(rule.keyword): \(rule.name)\n" + Self.description(rule.description, indent: "    ") + "\n"
    }
    let scenario = model.scenario(of: pickle)
    if !pickle.tags.isEmpty { out += "  " + pickle.tags.map(\.name).joined(separator: " ") + "\n" }
    out += "  \(scenario?.keyword ?? "Scenario"): \(pickle.name) # \(pickle.uri):\(pickle.location?.line ?? 0)\n"
    for step in testCase.testSteps {
      guard let result = model.result(finished.testCaseStartedId, step.id) else { continue }
      if let hookId = step.hookId {
        if result.status != .passed && result.status != .skipped {
          let hook = model.hooks[hookId]
          out +=
            "    "
            + paint(
              "\(Self.mark(result.status)) \(model.describe(hook))",
              result.status) + "\n"
          out += details(result)
        }
        continue
      }
      guard let pickleStep = pickle.steps.first(where: { $0.id == step.pickleStepId }) else { continue }
      let keyword = pickleStep.astNodeIds.first.flatMap { model.astStep($0, in: pickle) }?.keyword ?? ""
      var line = "\(Self.mark(result.status)) \(keyword)\(pickleStep.text)"
      if let definition = step.stepDefinitionIds?.first.flatMap({ model.stepDefinitions[$0] }), step.stepDefinitionIds?.count == 1
      {
        line += " # \(definition.sourceReference.uri ?? ""):\(definition.sourceReference.location?.line ?? 0)"
      }
      out += "    " + paint(line, result.status) + "\n"
      if let table = pickleStep.argument?.dataTable {
        let widths = (0..<(table.rows.first?.cells.count ?? 0)).map { c in table.rows.map { $0.cells[c].value.count }.max() ?? 0 }
        for row in table.rows {
          out +=
            "      | "
            + row.cells.enumerated().map { $1.value.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
              separator: " | ") + " |\n"
        }
      }
      if let docString = pickleStep.argument?.docString {
        out +=
          "      \"\"\"\(docString.mediaType ?? "")\n"
          + docString.content.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(
            separator: "\n") + "\n      \"\"\"\n"
      }
      for attachment in model.attachments[finished.testCaseStartedId]?[step.id] ?? [] {
        for line in AttachmentText.lines(attachment) { out += "      \(line)\n" }
      }
      out += details(result)
    }
    output.write(out + "\n")
  }

  private func details(_ result: TestStepResult) -> String {
    switch result.status {
    case .failed:
      let text = result.exception?.stackTrace ?? result.message ?? "failed"
      return text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + paint(String($0), .failed) }.joined(
        separator: "\n") + "\n"
    case .undefined: return "      " + paint("Undefined", .undefined) + "\n"
    case .pending: return "      " + paint("Pending\(result.message.map { ": \($0)" } ?? "")", .pending) + "\n"
    case .ambiguous: return "      " + paint("Ambiguous: more than one step definition matches", .ambiguous) + "\n"
    default: return ""
    }
  }

  public func finish() throws {
    output.write(Summary.text(model))
    output.flush()
  }
}
