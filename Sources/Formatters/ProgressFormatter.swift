import Foundation
import Messages

/// `progress`: one character per step as it finishes (`.` passed, `F` failed, `-` skipped,
/// `U` undefined, `P` pending, `A` ambiguous), then the failures and undefined steps with
/// snippets, then counts of scenarios and steps and the time taken, as cucumber-js prints them.
public final class ProgressFormatter: Formatter {
  private let output: FormatterOutput
  private var pickles: [String: Pickle] = [:]
  private var testCases: [String: TestCase] = [:]
  private var started: [String: String] = [:]  // testCaseStartedId -> testCaseId
  private var stepDefinitions: [String: StepDefinition] = [:]
  private var suggestions: [String: Suggestion] = [:]  // pickleStepId
  private var caseResults: [String: (testCaseId: String, worst: TestStepResult.Status, willBeRetried: Bool)] = [:]
  private var stepCounts: [TestStepResult.Status: Int] = [:]
  private var problems: [String] = []
  private var order: [String] = []
  private var runStart: Timestamp?
  private var runEnd: Timestamp?

  public init(output: FormatterOutput) { self.output = output }

  static func character(_ status: TestStepResult.Status) -> String {
    switch status {
    case .passed: return "."
    case .failed: return "F"
    case .skipped: return "-"
    case .undefined: return "U"
    case .pending: return "P"
    case .ambiguous: return "A"
    case .unknown: return "?"
    }
  }

  public func handle(_ envelope: Envelope) {
    switch envelope {
    case .pickle(let p): pickles[p.id] = p
    case .testCase(let t): testCases[t.id] = t
    case .stepDefinition(let d): stepDefinitions[d.id] = d
    case .suggestion(let s): suggestions[s.pickleStepId] = s
    case .testRunStarted(let m): runStart = m.timestamp
    case .testRunFinished(let m): runEnd = m.timestamp
    case .testCaseStarted(let s):
      started[s.id] = s.testCaseId
      if !order.contains(s.testCaseId) { order.append(s.testCaseId) }
    case .testStepFinished(let f):
      output.write(Self.character(f.testStepResult.status))
      guard let caseId = started[f.testCaseStartedId], let testCase = testCases[caseId] else { return }
      let isHook = testCase.testSteps.first { $0.id == f.testStepId }?.hookId != nil
      var entry = caseResults[caseId] ?? (caseId, .passed, false)
      entry.worst = Self.worse(entry.worst, f.testStepResult.status)
      caseResults[caseId] = entry
      if !isHook { stepCounts[f.testStepResult.status, default: 0] += 1 }
      if [.failed, .undefined, .pending, .ambiguous].contains(f.testStepResult.status) {
        problems.append(describe(testCase, f))
      }
    case .testCaseFinished(let f):
      if let caseId = started[f.testCaseStartedId], var entry = caseResults[caseId] {
        entry.willBeRetried = f.willBeRetried
        caseResults[caseId] = entry
        if f.willBeRetried { stepCounts = [:]; caseResults[caseId] = (caseId, .passed, false) }
      }
    default: break
    }
  }

  private func describe(_ testCase: TestCase, _ finished: TestStepFinished) -> String {
    let pickle = pickles[testCase.pickleId]
    let step = testCase.testSteps.first { $0.id == finished.testStepId }
    let pickleStep = pickle?.steps.first { $0.id == step?.pickleStepId }
    var text = "Scenario: \(pickle?.name ?? "") # \(pickle?.uri ?? ""):\(pickle?.location?.line ?? 0)\n"
    let what = pickleStep.map { "Step: \($0.text)" } ?? "Hook"
    let result = finished.testStepResult
    switch result.status {
    case .undefined:
      text += "   ? \(what)\n       Undefined. Implement with the following snippet:\n\n"
      for snippet in (pickleStep.flatMap { suggestions[$0.id] }?.snippets.prefix(1) ?? []) {
        text += snippet.code.split(separator: "\n", omittingEmptySubsequences: false).map { "         " + $0 }.joined(separator: "\n") + "\n"
      }
    case .pending:
      text += "   ? \(what)\n       Pending\(result.message.map { ": \($0)" } ?? "")\n"
    case .ambiguous:
      let candidates = (step?.stepDefinitionIds ?? []).compactMap { stepDefinitions[$0] }.map {
        "         \($0.pattern.source) - \($0.sourceReference.uri ?? ""):\($0.sourceReference.location?.line ?? 0)"
      }
      text += "   ✖ \(what)\n       Multiple step definitions match:\n\(candidates.joined(separator: "\n"))\n"
    default:
      let definition = step?.stepDefinitionIds?.first.flatMap { stepDefinitions[$0] }
      let location = definition.map { " # \($0.sourceReference.uri ?? ""):\($0.sourceReference.location?.line ?? 0)" } ?? ""
      text += "   ✖ \(what)\(location)\n"
      let detail = result.exception?.stackTrace ?? result.message ?? "failed"
      text += detail.split(separator: "\n", omittingEmptySubsequences: false).map { "       " + $0 }.joined(separator: "\n") + "\n"
    }
    return text
  }

  static let order: [TestStepResult.Status] = [.unknown, .passed, .skipped, .pending, .undefined, .ambiguous, .failed]

  static func worse(_ a: TestStepResult.Status, _ b: TestStepResult.Status) -> TestStepResult.Status {
    order.firstIndex(of: a)! >= order.firstIndex(of: b)! ? a : b
  }

  static func counts(_ counts: [TestStepResult.Status: Int], noun: String) -> String {
    let total = counts.values.reduce(0, +)
    let parts = [TestStepResult.Status.failed, .ambiguous, .undefined, .pending, .skipped, .passed].compactMap { status in
      counts[status].map { "\($0) \(status.rawValue.lowercased())" }
    }
    return "\(total) \(noun)\(total == 1 ? "" : "s")" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
  }

  public func finish() throws {
    output.write("\n\n")
    if !problems.isEmpty {
      output.write("Failures:\n\n")
      for (i, problem) in problems.enumerated() { output.write("\(i + 1)) \(problem)\n") }
    }
    var scenarios: [TestStepResult.Status: Int] = [:]
    for id in order { if let r = caseResults[id] { scenarios[r.worst, default: 0] += 1 } }
    output.write(Self.counts(scenarios, noun: "scenario") + "\n")
    output.write(Self.counts(stepCounts, noun: "step") + "\n")
    func seconds(_ t: Timestamp?) -> Double { t.map { Double($0.seconds) + Double($0.nanos) / 1e9 } ?? 0 }
    let seconds = runStart == nil || runEnd == nil ? 0 : max(0, seconds(runEnd) - seconds(runStart))
    output.write(String(format: "%dm%06.3fs\n", Int(seconds) / 60, seconds.truncatingRemainder(dividingBy: 60)))
    output.flush()
  }
}
