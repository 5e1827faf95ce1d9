import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// A test case's steps run in one call into JavaScript (`StepBatch`); these check that the
/// messages are what running them one by one gives: order, attachments, timeouts, async steps.
@Suite struct StepBatchTests {
  static let steps = """
    const { Given, Before, After } = require('caper');
    const now = () => Number(process.hrtime.bigint()) / 1e6;
    const busy = (ms) => { const end = now() + ms; while (now() < end) {} };
    Before(function () { this.log('before'); });
    Given('a quick step', function () {});
    Given('a step that attaches {string}', function (text) { this.attach(text); });
    Given('a step that busies itself for {int} ms', { timeout: 600 }, function (ms) { busy(ms); });
    Given('a step that never ends', { timeout: 600 }, function () { for (;;) {} });
    Given('a step that waits {int} ms', function (ms) { return new Promise((resolve) => setTimeout(resolve, ms)); });
    Given('a step that settles a promise later', function () { Promise.resolve().then(() => { this.settled = true; }); });
    Given('the promise has settled', function () { if (!this.settled) throw new Error('not settled'); });
    Given('a step without a timeout busies itself for {int} ms', { timeout: -1 }, function (ms) { busy(ms); });
    Given('a step without a timeout waits {int} ms', { timeout: -1 }, function (ms) { return new Promise((resolve) => setTimeout(resolve, ms)); });
    After(function () {});
    """

  struct Message {
    let type: String
    let body: [String: Any]
  }

  /// Runs one scenario and returns its messages from testCaseStarted to testCaseFinished.
  static func run(_ scenario: String, steps: String = steps) throws -> (messages: [Message], stepText: [String: String]) {
    let project = try TemporaryDirectory()
    try project.write("steps.js", steps)
    try project.write("batch.feature", "Feature: batch\n  Scenario: s\n" + scenario)
    let result = try CaperBinary.run(
      ["run", "batch.feature", "--require", "steps.js", "--format", "message"], directory: project.url)
    var messages: [Message] = []
    var pickleStepText: [String: String] = [:]
    var stepText: [String: String] = [:]
    for line in result.stdout.split(separator: "\n") {
      guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let (type, value) = object.first,
        let body = value as? [String: Any]
      else { continue }
      if type == "pickle", let steps = body["steps"] as? [[String: Any]] {
        for step in steps { pickleStepText[step["id"] as! String] = step["text"] as? String }
      }
      if type == "testCase", let steps = body["testSteps"] as? [[String: Any]] {
        for step in steps {
          stepText[step["id"] as! String] = (step["pickleStepId"] as? String).flatMap { pickleStepText[$0] } ?? "hook"
        }
      }
      if ["testCaseStarted", "testStepStarted", "testStepFinished", "attachment", "testCaseFinished"].contains(type) {
        messages.append(Message(type: type, body: body))
      }
    }
    return (messages, stepText)
  }

  /// `started TEXT`, `finished TEXT STATUS`, `attachment TEXT BODY` lines.
  static func story(_ run: (messages: [Message], stepText: [String: String])) -> [String] {
    run.messages.compactMap { m in
      let text = (m.body["testStepId"] as? String).flatMap { run.stepText[$0] } ?? "-"
      switch m.type {
      case "testStepStarted": return "started \(text)"
      case "testStepFinished":
        return "finished \(text) \((m.body["testStepResult"] as? [String: Any])?["status"] as? String ?? "?")"
      case "attachment": return "attachment \(text) \(m.body["body"] as? String ?? "")"
      default: return nil
      }
    }
  }

  static func seconds(_ m: Message, _ key: String = "timestamp") -> Double {
    let t = m.body[key] as? [String: Any] ?? [:]
    return (t["seconds"] as? Double ?? 0) + (t["nanos"] as? Double ?? 0) / 1e9
  }

  @Test func attachmentsBelongToTheStepThatMadeThem() throws {
    let run = try Self.run(
      "    Given a quick step\n    Given a step that attaches \"one\"\n    Given a quick step\n    Given a step that attaches \"two\"\n"
    )
    #expect(
      Self.story(run) == [
        "started hook", "attachment hook before", "finished hook PASSED",
        "started a quick step", "finished a quick step PASSED",
        "started a step that attaches \"one\"", "attachment a step that attaches \"one\" one",
        "finished a step that attaches \"one\" PASSED",
        "started a quick step", "finished a quick step PASSED",
        "started a step that attaches \"two\"", "attachment a step that attaches \"two\" two",
        "finished a step that attaches \"two\" PASSED",
        "started hook", "finished hook PASSED",
      ])
    // Timestamps never go back, and each attachment falls inside its step.
    let times = run.messages.map { Self.seconds($0) }
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 + 0.002 }, "\(times)")
  }

  @Test func eachStepKeepsItsOwnTimeout() throws {
    // 400 ms + 400 ms of synchronous work pass under a 600 ms timeout each; the endless step
    // fails at its own timeout and what follows is skipped.
    let started = Date()
    let run = try Self.run(
      "    Given a step that busies itself for 400 ms\n    Given a step that busies itself for 400 ms\n    Given a step that never ends\n    Given a quick step\n"
    )
    #expect(
      Self.story(run) == [
        "started hook", "attachment hook before", "finished hook PASSED",
        "started a step that busies itself for 400 ms", "finished a step that busies itself for 400 ms PASSED",
        "started a step that busies itself for 400 ms", "finished a step that busies itself for 400 ms PASSED",
        "started a step that never ends", "finished a step that never ends FAILED",
        "started a quick step", "finished a quick step SKIPPED",
        "started hook", "finished hook PASSED",
      ])
    let failed = run.messages.first { ($0.body["testStepResult"] as? [String: Any])?["status"] as? String == "FAILED" }
    #expect(
      (failed?.body["testStepResult"] as? [String: Any])?["message"] as? String
        == "function timed out, ensure the promise resolves within 600 milliseconds")
    let durations = run.messages.filter { $0.type == "testStepFinished" }.map { m in
      let d = (m.body["testStepResult"] as? [String: Any])?["duration"] as? [String: Any] ?? [:]
      return (d["seconds"] as? Double ?? 0) + (d["nanos"] as? Double ?? 0) / 1e9
    }
    #expect(durations[1] >= 0.4 && durations[2] >= 0.4, "\(durations)")
    #expect(durations[3] >= 0.59, "\(durations)")
    #expect(Date().timeIntervalSince(started) < 10)
  }

  @Test func promiseReactionsRunBetweenSteps() throws {
    // As in cucumber-js, which awaits each step: what a step left to the microtask queue has run
    // before the next step starts.
    let run = try Self.run("    Given a step that settles a promise later\n    Given the promise has settled\n")
    #expect(Self.story(run).contains("finished the promise has settled PASSED"), "\(Self.story(run))")
  }

  @Test func aNegativeTimeoutMeansNone() throws {
    let run = try Self.run(
      "    Given a step without a timeout busies itself for 20 ms\n    Given a step without a timeout waits 20 ms\n")
    #expect(
      Self.story(run).filter { $0.hasPrefix("finished a step") } == [
        "finished a step without a timeout busies itself for 20 ms PASSED",
        "finished a step without a timeout waits 20 ms PASSED",
      ])
  }

  /// In a batch, and one step at a time (a BeforeStep hook turns batching off).
  @Test(arguments: ["", "BeforeStep(function () {});"])
  func aWorldThatCannotBeMadeFailsTheFirstStep(extra: String) throws {
    let run = try Self.run(
      "    Given a quick step\n    Given a quick step\n",
      steps: """
        const { Given, setWorldConstructor, BeforeStep } = require('caper');
        setWorldConstructor(class { constructor() { throw new Error('no world today'); } });
        Given('a quick step', function () {});
        \(extra)
        """)
    #expect(
      Self.story(run) == [
        "started a quick step", "finished a quick step FAILED", "started a quick step", "finished a quick step SKIPPED",
      ])
    let result = run.messages.first { $0.type == "testStepFinished" }?.body["testStepResult"] as? [String: Any]
    #expect(result?["message"] as? String == "no world today")
    let stack = (result?["exception"] as? [String: Any])?["stackTrace"] as? String ?? ""
    #expect(stack.contains("steps.js:2") && !stack.contains("caper:"), "\(stack)")
  }

  @Test func anAsynchronousStepIsAwaitedAndTheRestStillRuns() throws {
    let run = try Self.run(
      "    Given a quick step\n    Given a step that waits 30 ms\n    Given a step that attaches \"after\"\n")
    #expect(
      Self.story(run) == [
        "started hook", "attachment hook before", "finished hook PASSED",
        "started a quick step", "finished a quick step PASSED",
        "started a step that waits 30 ms", "finished a step that waits 30 ms PASSED",
        "started a step that attaches \"after\"", "attachment a step that attaches \"after\" after",
        "finished a step that attaches \"after\" PASSED",
        "started hook", "finished hook PASSED",
      ])
    let finished = run.messages.filter { $0.type == "testStepFinished" }
    let waited = (finished[2].body["testStepResult"] as? [String: Any])?["duration"] as? [String: Any]
    let ms = ((waited?["seconds"] as? Double ?? 0) * 1000) + (waited?["nanos"] as? Double ?? 0) / 1e6
    #expect(ms >= 29 && ms < 5000, "the awaited step took \(ms) ms")
  }
}
