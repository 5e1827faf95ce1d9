import Foundation
import Messages

/// What the envelopes of a run say, gathered for formatters that report at the end: features,
/// pickles, test cases and their latest attempt's step results, definitions, attachments.
///
/// Only reads envelopes; knows nothing of the runner.
final class RunModel {
  var sources: [String] = []  // uris in order
  var documents: [String: GherkinDocument] = [:]
  var pickles: [String: Pickle] = [:]
  var pickleOrder: [String] = []
  var testCases: [String: TestCase] = [:]
  var stepDefinitions: [String: StepDefinition] = [:]
  var stepDefinitionOrder: [String] = []
  var hooks: [String: Hook] = [:]
  var suggestions: [String: Suggestion] = [:]
  /// The test case of each attempt (by testCaseStartedId).
  var started: [String: String] = [:]
  /// The latest attempt's testCaseStartedId of each test case (a retried attempt is replaced).
  var latestAttempt: [String: String] = [:]
  var caseOrder: [String] = []
  private var caseSeen = Set<String>()
  /// The results of each attempt's steps (by testCaseStartedId) in the order they finished.
  ///
  /// A handful each: a list is cheaper to fill than a dictionary per attempt.
  private var results: [String: [(stepId: String, result: TestStepResult)]] = [:]
  /// The attachments of each attempt's steps (by testCaseStartedId, then testStepId).
  var attachments: [String: [String: [Attachment]]] = [:]
  var runStarted: Timestamp?
  var runFinished: TestRunFinished?
  /// The hook of each BeforeAll or AfterAll run (by testRunHookStartedId).
  private var runHookStarted: [String: String] = [:]
  /// The BeforeAll and AfterAll hooks that did not pass, in the order they finished.
  var failedRunHooks: [(hook: Hook?, result: TestStepResult)] = []

  func handle(_ envelope: Envelope) {
    switch envelope {
    case .source(let m): sources.append(m.uri)
    case .gherkinDocument(let m): if let uri = m.uri { documents[uri] = m }
    case .pickle(let m):
      pickles[m.id] = m
      pickleOrder.append(m.id)
    case .testCase(let m): testCases[m.id] = m
    case .stepDefinition(let m):
      stepDefinitions[m.id] = m
      stepDefinitionOrder.append(m.id)
    case .hook(let m): hooks[m.id] = m
    case .suggestion(let m): suggestions[m.pickleStepId] = m
    case .testRunStarted(let m): runStarted = m.timestamp
    case .testRunFinished(let m): runFinished = m
    case .testRunHookStarted(let m): runHookStarted[m.id] = m.hookId
    case .testRunHookFinished(let m) where m.result.status == .failed:
      failedRunHooks.append((runHookStarted[m.testRunHookStartedId].flatMap { hooks[$0] }, m.result))
    case .testCaseStarted(let m):
      started[m.id] = m.testCaseId
      latestAttempt[m.testCaseId] = m.id
      if caseSeen.insert(m.testCaseId).inserted { caseOrder.append(m.testCaseId) }
    case .testStepFinished(let m): results[m.testCaseStartedId, default: []].append((m.testStepId, m.testStepResult))
    case .attachment(let m):
      if let startedId = m.testCaseStartedId, let stepId = m.testStepId {
        attachments[startedId, default: [:]][stepId, default: []].append(m)
      }
    default: break
    }
  }

  /// A hook as a user names it: its keyword and where it is defined (`Before # steps.js:3`).
  func describe(_ hook: Hook?) -> String {
    guard let hook else { return "Hook" }
    let keyword: String
    switch hook.type {
    case .beforeTestRun: keyword = "BeforeAll"
    case .afterTestRun: keyword = "AfterAll"
    case .beforeTestCase: keyword = "Before"
    case .afterTestCase: keyword = "After"
    case .beforeTestStep: keyword = "BeforeStep"
    case .afterTestStep: keyword = "AfterStep"
    case nil: keyword = "Hook"
    }
    let name = hook.name.map { " (\($0))" } ?? ""
    return "\(keyword)\(name) # \(hook.sourceReference.uri ?? ""):\(hook.sourceReference.location?.line ?? 0)"
  }

  /// Each test case that ran, with its latest attempt, handed over without copying.
  func forEachExecuted(_ body: (TestCase, Pickle, String) -> Void) {
    for id in caseOrder {
      guard let testCase = testCases[id], let pickle = pickles[testCase.pickleId], let startedId = latestAttempt[id] else {
        continue
      }
      body(testCase, pickle, startedId)
    }
  }

  /// An attempt's step results in the test case's order, with the attempt's status (the worst),
  /// matched by position first (steps finish in order), by id otherwise.
  func forEachResult(_ startedId: String, _ testCase: TestCase, _ body: (TestStep, TestStepResult) -> Void)
    -> TestStepResult.Status
  {
    let finished = results[startedId] ?? []
    var worst = TestStepResult.Status.passed
    var next = 0
    for step in testCase.testSteps {
      let result: TestStepResult?
      if next < finished.count && finished[next].stepId == step.id {
        result = finished[next].result
        next += 1
      } else {
        result = finished.first { $0.stepId == step.id }?.result
      }
      guard let result else { continue }
      worst = TestStepResult.Status.worse(worst, result.status)
      body(step, result)
    }
    return worst
  }

  /// Each test case that ran, with its latest attempt.
  var executed: [(testCase: TestCase, pickle: Pickle, startedId: String)] {
    caseOrder.compactMap { id in
      guard let testCase = testCases[id], let pickle = pickles[testCase.pickleId], let startedId = latestAttempt[id] else {
        return nil
      }
      return (testCase, pickle, startedId)
    }
  }

  /// The result of a step in an attempt (nil when it did not finish).
  func result(_ startedId: String, _ stepId: String) -> TestStepResult? {
    results[startedId]?.first { $0.stepId == stepId }?.result
  }

  /// An attempt's results by step, in the test case's order (steps that did not finish left out).
  func results(_ startedId: String, _ testCase: TestCase) -> [(step: TestStep, result: TestStepResult)] {
    var list: [(step: TestStep, result: TestStepResult)] = []
    _ = forEachResult(startedId, testCase) { list.append(($0, $1)) }
    return list
  }

  /// An attempt's status: its worst step's (steps that did not finish count as passed).
  func status(of startedId: String, _ testCase: TestCase) -> TestStepResult.Status {
    forEachResult(startedId, testCase) { _, _ in }
  }

  /// The scenario (and, for an outline row, the row) a pickle came from.
  func location(of pickle: Pickle) -> Int { pickle.location?.line ?? 0 }

  func feature(of pickle: Pickle) -> Feature? { documents[pickle.uri]?.feature }

  /// The Gherkin step a pickle step came from (for its keyword and line).
  func astStep(_ id: String, in pickle: Pickle) -> Step? {
    guard let feature = feature(of: pickle) else { return nil }
    func search(_ steps: [Step]) -> Step? { steps.first { $0.id == id } }
    for child in feature.children {
      if let found = child.background.flatMap({ search($0.steps) }) ?? child.scenario.flatMap({ search($0.steps) }) {
        return found
      }
      for ruleChild in child.rule?.children ?? [] {
        if let found = ruleChild.background.flatMap({ search($0.steps) }) ?? ruleChild.scenario.flatMap({ search($0.steps) }) {
          return found
        }
      }
    }
    return nil
  }

  /// The scenario a pickle came from.
  ///
  /// The rule a pickle's scenario belongs to, if any.
  func rule(of pickle: Pickle) -> Rule? {
    guard let feature = feature(of: pickle), let id = pickle.astNodeIds.first else { return nil }
    return feature.children.compactMap(\.rule).first { $0.children.contains { $0.scenario?.id == id } }
  }

  func scenario(of pickle: Pickle) -> Scenario? {
    guard let feature = feature(of: pickle), let id = pickle.astNodeIds.first else { return nil }
    for child in feature.children {
      if let s = child.scenario, s.id == id { return s }
      for ruleChild in child.rule?.children ?? [] where ruleChild.scenario?.id == id { return ruleChild.scenario }
    }
    return nil
  }

  var durationSeconds: Double {
    guard let start = runStarted, let end = runFinished?.timestamp else { return 0 }
    return max(0, Double(end.seconds - start.seconds) + Double(end.nanos - start.nanos) / 1e9)
  }

  static func seconds(_ d: Duration) -> Double { Double(d.seconds) + Double(d.nanos) / 1e9 }
}
