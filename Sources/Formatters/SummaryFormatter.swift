import Foundation
import Messages

/// `summary`: at the end, the failures (with their stacks) and undefined steps (with snippets),
/// then counts of scenarios and steps (and of the Playwright page errors attached) and the time the run took.
public final class SummaryFormatter: Formatter {
  private let output: FormatterOutput
  private let model = RunModel()

  public init(output: FormatterOutput) { self.output = output }

  public func handle(_ envelope: Envelope) { model.handle(envelope) }

  public func finish() throws {
    output.write(Summary.text(model))
    output.flush()
  }
}

/// The end-of-run text `progress` and `summary` share.
enum Summary {
  /// The file name Caper gives a page error's attachment (`page error <url>`).
  static let pageErrorPrefix = "page error "

  static func text(_ model: RunModel) -> String {
    // A run that never started (features that do not parse, support code that does not load)
    // has nothing to count.
    guard model.runStarted != nil else { return "" }
    // A BeforeAll or AfterAll that failed first: nothing else may say why the run failed.
    var problems: [String] = model.failedRunHooks.map { hook, result in
      "\(model.describe(hook))\n   ✖ failed\n" + indent(result.exception?.stackTrace ?? result.message ?? "failed", "       ")
        + "\n"
    }
    var scenarios: [TestStepResult.Status: Int] = [:]
    var steps: [TestStepResult.Status: Int] = [:]
    model.forEachExecuted { testCase, pickle, startedId in
      let status = model.forEachResult(startedId, testCase) { step, result in
        if step.hookId == nil { steps[result.status, default: 0] += 1 }
        switch result.status {
        case .failed, .undefined, .pending, .ambiguous:
          problems.append(describe(model, pickle, step, result, attachments: model.attachments[startedId]?[step.id] ?? []))
        default: break
        }
      }
      scenarios[status, default: 0] += 1
    }
    var out = ""
    if !problems.isEmpty {
      out += "Failures:\n\n"
      for (i, problem) in problems.enumerated() { out += "\(i + 1)) \(problem)\n" }
    }
    out += counts(scenarios, noun: "scenario") + "\n" + counts(steps, noun: "step") + "\n"
    // Caper attaches each uncaught error of a Playwright page to the step it happened in.
    let pageErrors = model.attachments.values.reduce(0) { sum, steps in
      sum + steps.values.reduce(0) { $0 + $1.filter { $0.fileName?.hasPrefix(pageErrorPrefix) == true }.count }
    }
    if pageErrors > 0 { out += "\(pageErrors) page error\(pageErrors == 1 ? "" : "s") (attached to their steps)\n" }
    let seconds = model.durationSeconds
    out += String(format: "%dm%06.3fs\n", Int(seconds) / 60, seconds.truncatingRemainder(dividingBy: 60))
    return out
  }

  /// A problem as the failure listing shows it; the step's attachments (a failing Playwright
  /// step's page URL, HTML snapshot and console) follow, one line each.
  static func describe(
    _ model: RunModel, _ pickle: Pickle, _ step: TestStep, _ result: TestStepResult, attachments: [Attachment] = []
  ) -> String {
    let pickleStep = pickle.steps.first { $0.id == step.pickleStepId }
    var text = "Scenario: \(pickle.name) # \(pickle.uri):\(pickle.location?.line ?? 0)\n"
    let what = pickleStep.map { "Step: \($0.text)" } ?? model.describe(step.hookId.flatMap { model.hooks[$0] })
    switch result.status {
    case .undefined:
      text += "   ? \(what)\n       Undefined. Implement with the following snippet:\n\n"
      if let code = pickleStep.flatMap({ model.suggestions[$0.id] }).flatMap({ SnippetText.combined($0.snippets) }) {
        text += indent(code, "         ") + "\n"
      }
    case .pending:
      text += "   ? \(what)\n       Pending\(result.message.map { ": \($0)" } ?? "")\n"
    case .ambiguous:
      let candidates = (step.stepDefinitionIds ?? []).compactMap { model.stepDefinitions[$0] }.map {
        "         \($0.pattern.source) - \($0.sourceReference.uri ?? ""):\($0.sourceReference.location?.line ?? 0)"
      }
      text += "   ✖ \(what)\n       Multiple step definitions match:\n\(candidates.joined(separator: "\n"))\n"
    default:
      let definition = step.stepDefinitionIds?.first.flatMap { model.stepDefinitions[$0] }
      let location = definition.map { " # \($0.sourceReference.uri ?? ""):\($0.sourceReference.location?.line ?? 0)" } ?? ""
      text += "   ✖ \(what)\(location)\n" + indent(result.exception?.stackTrace ?? result.message ?? "failed", "       ") + "\n"
    }
    for attachment in attachments {
      for line in AttachmentText.lines(attachment) { text += "       \(line)\n" }
    }
    return text
  }

  static func indent(_ text: String, _ prefix: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
  }

  static func counts(_ counts: [TestStepResult.Status: Int], noun: String) -> String {
    let total = counts.values.reduce(0, +)
    let parts = [TestStepResult.Status.failed, .ambiguous, .undefined, .pending, .skipped, .passed].compactMap { status in
      counts[status].map { "\($0) \(status.rawValue.lowercased())" }
    }
    return "\(total) \(noun)\(total == 1 ? "" : "s")" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
  }
}
