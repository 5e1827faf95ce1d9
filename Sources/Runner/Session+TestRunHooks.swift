import Expressions
import Foundation
import Gherkin
import Messages
import V8

/// BeforeAll and AfterAll hooks (every one runs, even after one fails).
extension Session {
  /// Runs the BeforeAll hooks (every one, even after one fails); false when one failed.
  func beforeAll() -> Bool {
    var passed = true
    for hook in library.hooks(.beforeTestRun) where runGlobalHook(hook, skip: run.options.dryRun) == .failed {
      passed = false
    }
    return passed
  }

  /// Runs the AfterAll hooks in reverse order of definition; false when one failed.
  func afterAll() -> Bool {
    var passed = true
    for hook in library.hooks(.afterTestRun).reversed() where runGlobalHook(hook, skip: run.options.dryRun) == .failed {
      passed = false
    }
    return passed
  }

  func runGlobalHook(_ hook: SupportLibrary.HookEntry, skip: Bool) -> TestStepResult.Status {
    let startedId = run.ids.next()
    let started = run.clock.now
    run.emit(
      .testRunHookStarted(
        TestRunHookStarted(id: startedId, testRunStartedId: testRunStartedId, hookId: hook.id, timestamp: run.timestamp())))
    attachmentTarget = (nil, nil, startedId)
    var status: TestStepResult.Status = .skipped
    var outcome: Outcome?
    if !skip {
      let o = realm.outcome(
        "runHook", [.number(Double(hook.runtimeId)), .undefined], timeout: hook.timeout ?? library.defaultTimeout)
      status = Self.status(o)
      outcome = o
    }
    var exception: ExceptionMessage?
    if let outcome, outcome.status == .failed {
      exception = ExceptionMessage(
        type: outcome.exceptionType ?? "Error", message: outcome.message, stackTrace: outcome.stackTrace)
    }
    let result = TestStepResult(
      duration: TestRun.duration(run.clock.now - started), message: outcome?.message, status: status, exception: exception)
    attachmentTarget = (nil, nil, nil)
    run.emit(
      .testRunHookFinished(TestRunHookFinished(testRunHookStartedId: startedId, result: result, timestamp: run.timestamp())))
    return status
  }
}
