import Foundation
import Messages
import V8

/// The steps of a test case that run in one call into JavaScript (`runSteps`): hooks and steps
/// with exactly one definition, while each passes synchronously.
///
/// Crossing into V8 once per test
/// case instead of once per step is most of what a trivial scenario costs.
///
/// Guarantees: the messages are those of running the steps one by one, in the same order. Each
/// step keeps its own timeout, measured from its own start (JavaScript marks it on the native
/// clock). A step's start and finish times come from the durations JavaScript measured, laid
/// end to end from the call's start; an attachment made during the batch first emits the steps
/// before it, so it belongs to its own step.
final class StepBatch {
  let startedId: String
  /// The ids of the plan's steps this batch runs, in order.
  let steps: [String]
  private let run: TestRun
  /// The wall clock and the realm's clock (`SupportRealm.clockOrigin`) read together.
  private let wall = Date().timeIntervalSince1970
  private let monotonic = ProgressMark.now
  private let clockOrigin: Int64
  /// Wall-clock seconds when the first step started (once JavaScript said), and milliseconds of
  /// the steps laid end to end from there.
  private var base: Double
  private var offset = 0.0
  private var startsEmitted = 0
  private var finishesEmitted = 0

  init(run: TestRun, startedId: String, steps: [String], clockOrigin: Int64) {
    self.run = run
    self.startedId = startedId
    self.steps = steps
    self.clockOrigin = clockOrigin
    base = wall
  }

  /// Where the first step started, in milliseconds of the realm's clock (negative: unknown).
  func anchor(_ first: Double) {
    guard first >= 0, startsEmitted == 0 else { return }
    base = wall + Double(clockOrigin + Int64(first * 1e6) - monotonic) / 1e9
  }

  /// Emits the steps that passed (their durations in milliseconds) not emitted yet.
  func passed(_ times: [Double]) {
    while finishesEmitted < min(times.count, steps.count) {
      let k = finishesEmitted
      start(k)
      offset += times[k]
      run.emit(
        .testStepFinished(
          TestStepFinished(
            testCaseStartedId: startedId, testStepId: steps[k],
            testStepResult: TestStepResult(duration: Self.duration(times[k]), status: .passed), timestamp: timestamp())))
      finishesEmitted = k + 1
    }
  }

  /// Emits the start of step `k` (once).
  func start(_ k: Int) {
    guard startsEmitted <= k, k < steps.count else { return }
    run.emit(.testStepStarted(TestStepStarted(testCaseStartedId: startedId, testStepId: steps[k], timestamp: timestamp())))
    startsEmitted = k + 1
  }

  /// Emits the end of step `k`, which did not pass synchronously.
  func finished(_ k: Int, _ result: TestStepResult, now: Bool) {
    start(k)
    run.emit(
      .testStepFinished(
        TestStepFinished(
          testCaseStartedId: startedId, testStepId: steps[k], testStepResult: result,
          timestamp: now ? run.timestamp() : timestamp(after: Self.milliseconds(result.duration)))))
    finishesEmitted = k + 1
  }

  private func timestamp(after extra: Double = 0) -> Timestamp {
    let seconds = base + (offset + extra) / 1000
    let whole = seconds.rounded(.down)
    return Timestamp(seconds: Int64(whole), nanos: Int32(min(999_999_999, (seconds - whole) * 1e9)))
  }

  static func duration(_ milliseconds: Double) -> Messages.Duration {
    let ns = Int64(max(0, milliseconds) * 1e6)
    return Messages.Duration(seconds: ns / 1_000_000_000, nanos: Int32(ns % 1_000_000_000))
  }

  static func milliseconds(_ duration: Messages.Duration) -> Double {
    Double(duration.seconds) * 1000 + Double(duration.nanos) / 1e6
  }
}

extension Session {
  /// A planned step as an op of `runSteps` with its timeout, or nil when it cannot run in a
  /// batch (undefined or ambiguous: those are reported without running code).
  func batchOp(_ planned: PlannedStep) -> (op: JSValue, timeout: Swift.Duration)? {
    switch planned.kind {
    case .hook(let hook):
      return (
        .array([.number(hook.kind == .beforeTestCase ? 1 : 2), .number(Double(hook.runtimeId))]),
        hook.timeout ?? library.defaultTimeout
      )
    case .step(let pickleStep, let matches):
      guard matches.count == 1 else { return nil }
      let (definition, arguments) = matches[0]
      let (docString, dataTable) = Self.stepArgument(pickleStep)
      return (
        .array([.number(0), .number(Double(definition.runtimeId)), .array(arguments.map(argumentValue)), docString, dataTable]),
        definition.timeout ?? library.defaultTimeout
      )
    }
  }

  /// Runs the plan's steps from `first` in one call while they pass synchronously, emitting their
  /// messages; returns how many steps it reported (0 when the first cannot run in a batch).
  func runBatch(
    _ plan: Plan, from first: Int, begin: Bool, pickle: Pickle, document: GherkinDocument, startedId: String,
    worst: inout TestStepResult.Status, skipping: inout Bool
  ) -> Int {
    var ops: [JSValue] = []
    var timeouts: [Swift.Duration] = []
    var index = first
    while index < plan.steps.count, let (op, timeout) = batchOp(plan.steps[index].step) {
      ops.append(op)
      timeouts.append(timeout)
      index += 1
    }
    guard !ops.isEmpty else { return 0 }
    let context: JSValue =
      ops.contains { $0[0] != .number(0) }
      ? .object(hookArgument(pickle, document, startedId: startedId)) : .undefined
    let batch = StepBatch(
      run: run, startedId: startedId, steps: plan.steps[first..<index].map(\.message.id), clockOrigin: realm.clockOrigin)
    self.batch = batch
    defer { self.batch = nil }
    let started = run.clock.now
    // Stopped inside a step (its timeout, the heap limit, a World that cannot be made): the steps
    // before it passed, and it failed.
    func stopped(by error: any Error) -> Int {
      let times = batchTimes(batch, end: true)
      batch.passed(times)
      let k = min(times.count, ops.count - 1)
      let outcome = SupportRealm.failure(error, timeout: timeouts[k])
      let elapsed = (run.clock.now - started).milliseconds - times.reduce(0, +)
      finish(batch, k, outcome, took: elapsed, now: true, worst: &worst, skipping: &skipping)
      return k + 1
    }
    let value: JSValue
    do {
      value = try realm.context.callInStages(
        realm.function("runSteps"), [.bool(begin), begin ? worldParameters : .undefined, .array(ops), context], timeouts: timeouts
      )
    } catch {
      return stopped(by: error)
    }
    guard case .array(let parts) = value, parts.count == 5, case .array(let timeValues) = parts[1] else {
      return stopped(by: JSError(kind: .invalid, message: "Caper's runtime returned no step results (\(value))"))
    }
    let times = timeValues.map { $0.numberValue ?? 0 }
    batch.anchor(parts[0].numberValue ?? -1)
    batch.passed(times)
    if parts[2] == .number(0) { return times.count }
    // The step that did not pass synchronously: an outcome, or a promise still running.
    let k = times.count
    let took = parts[3].numberValue ?? 0
    if case .promise = parts[2] {
      batch.start(k)
      attachmentTarget = (startedId, batch.steps[k], nil)
      self.batch = nil
      // Measured on the realm's clock from the step's own start: time the thread spent elsewhere
      // between the step's return and the wait still counts.
      let started = parts[4].numberValue ?? 0
      let elapsed = { Double(ProgressMark.now - self.realm.clockOrigin) / 1e6 - started }
      let outcome = realm.settle(parts[2], timeout: timeouts[k], left: max(.zero, timeouts[k] - .milliseconds(elapsed())))
      let total = max(took, elapsed())
      finish(batch, k, outcome, took: total, now: true, worst: &worst, skipping: &skipping)
    } else {
      finish(batch, k, Outcome(parts[2]), took: took, now: false, worst: &worst, skipping: &skipping)
    }
    return k + 1
  }

  private func finish(
    _ batch: StepBatch, _ k: Int, _ outcome: Outcome, took: Double, now: Bool,
    worst: inout TestStepResult.Status, skipping: inout Bool
  ) {
    let status = Self.status(outcome)
    var exception: ExceptionMessage?
    if let type = outcome.exceptionType {
      exception = ExceptionMessage(type: type, message: outcome.message, stackTrace: outcome.stackTrace)
    }
    batch.finished(
      k, TestStepResult(duration: StepBatch.duration(took), message: outcome.message, status: status, exception: exception),
      now: now)
    if status != .passed { skipping = true }
    worst = TestStepResult.Status.worse(worst, status)
  }

  /// The durations of the running batch's steps that passed so far (anchoring the batch).
  func batchTimes(_ batch: StepBatch, end: Bool = false) -> [Double] {
    guard case .array(let progress)? = try? realm.context.call(realm.function("batchProgress"), [.bool(end)]),
      progress.count == 2,
      case .array(let values) = progress[1]
    else { return [] }
    batch.anchor(progress[0].numberValue ?? -1)
    return values.map { $0.numberValue ?? 0 }
  }

  /// Before an attachment made during a batch: the steps before it are emitted, and the
  /// attachment goes to the step running now.
  func flushBatch() {
    guard let batch else { return }
    let times = batchTimes(batch)
    batch.passed(times)
    batch.start(times.count)
    if times.count < batch.steps.count { attachmentTarget = (batch.startedId, batch.steps[times.count], nil) }
  }
}
