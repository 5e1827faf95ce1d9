import Expressions
import Foundation
import Gherkin
import Messages
import V8

/// A test case with its retries, as cucumber-js runs it: a step that does not pass skips the rest
/// (undefined and ambiguous steps are still reported), After hooks always run.
extension Session {
  /// Runs one test case (with its retries); true when it passed.
  func execute(_ plan: Plan, _ pickle: Pickle, _ document: GherkinDocument, skipAll: Bool) -> Bool {
    let retryAllowed = run.options.retry == 0 ? false : (retryTags?.evaluate(Set(pickle.tags.map(\.name))) ?? true)
    var attempt = 0
    while true {
      let startedId = run.ids.next()
      run.emit(
        .testCaseStarted(
          TestCaseStarted(attempt: attempt, id: startedId, testCaseId: plan.id, workerId: workerId, timestamp: run.timestamp())))
      attachmentTarget = (startedId, nil, nil)
      let runsCode = !run.options.dryRun && !skipAll
      var began = false
      var worst: TestStepResult.Status = .passed
      var skipping = false
      var index = 0
      while index < plan.steps.count {
        // The common case: what follows runs in one call while it passes synchronously.
        if runsCode && !skipping && batching {
          let ran = runBatch(
            plan, from: index, begin: !began, pickle: pickle, document: document, startedId: startedId,
            worst: &worst, skipping: &skipping)
          if ran > 0 {
            began = true
            index += ran
            continue
          }
        }
        var worldFailure: (outcome: Outcome, took: Swift.Duration)?
        if runsCode && !began {
          began = true
          let before = run.clock.now
          do {
            _ = try realm.context.call(realm.function("beginTestCase"), [worldParameters])
          } catch {
            // The World could not be made: the first step fails with the reason.
            worldFailure = (SupportRealm.failure(error, timeout: .zero), run.clock.now - before)
          }
        }
        let (message, planned) = plan.steps[index]
        index += 1
        run.emit(
          .testStepStarted(TestStepStarted(testCaseStartedId: startedId, testStepId: message.id, timestamp: run.timestamp())))
        attachmentTarget = (startedId, message.id, nil)
        let result =
          worldFailure.map { failure, took in
            TestStepResult(
              duration: TestRun.duration(took), message: failure.message, status: .failed,
              exception: ExceptionMessage(
                type: failure.exceptionType ?? "Error", message: failure.message, stackTrace: failure.stackTrace))
          }
          ?? execute(
            planned, pickle: pickle, document: document, startedId: startedId,
            skipping: skipping || !runsCode, worst: runsCode || run.options.dryRun ? worst : .skipped,
            canRetry: attempt < run.options.retry && retryAllowed)
        // A dry run skips every hook and defined step; undefined and ambiguous ones still show.
        if !(run.options.dryRun && result.status == .skipped) {
          if result.status != .passed { skipping = true }
          worst = TestStepResult.Status.worse(worst, result.status)
        }
        run.emit(
          .testStepFinished(
            TestStepFinished(
              testCaseStartedId: startedId, testStepId: message.id, testStepResult: result, timestamp: run.timestamp())))
      }
      // What the default World opened for the scenario (its Playwright context and page) closes.
      if began { _ = try? realm.context.call(realm.function("endTestCase")) }
      let retry = worst == .failed && attempt < run.options.retry && retryAllowed
      run.emit(
        .testCaseFinished(TestCaseFinished(testCaseStartedId: startedId, timestamp: run.timestamp(), willBeRetried: retry)))
      attachmentTarget = (nil, nil, nil)
      if !retry { return Self.passes(worst, strict: run.options.strict) }
      attempt += 1
    }
  }

  static func passes(_ status: TestStepResult.Status, strict: Bool) -> Bool {
    switch status {
    case .passed, .skipped, .unknown: return true
    case .pending, .undefined: return !strict
    case .failed, .ambiguous: return false
    }
  }
}
