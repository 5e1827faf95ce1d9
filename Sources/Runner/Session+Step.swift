import Expressions
import Foundation
import Gherkin
import Messages
import V8

/// One step or hook outside a batch: BeforeStep and AfterStep hooks around a step, its outcome.
extension Session {
  func execute(
    _ planned: PlannedStep, pickle: Pickle, document: GherkinDocument, startedId: String, skipping: Bool,
    worst: TestStepResult.Status, canRetry: Bool
  ) -> TestStepResult {
    let started = run.clock.now
    func result(_ status: TestStepResult.Status, _ outcome: Outcome? = nil) -> TestStepResult {
      var exception: ExceptionMessage?
      if let outcome, let type = outcome.exceptionType {
        exception = ExceptionMessage(type: type, message: outcome.message, stackTrace: outcome.stackTrace)
      }
      return TestStepResult(
        duration: TestRun.duration(run.clock.now - started), message: outcome?.message, status: status, exception: exception)
    }
    switch planned.kind {
    case .hook(let hook):
      let isBefore = hook.kind == .beforeTestCase
      if isBefore && skipping { return result(.skipped) }
      if run.options.dryRun { return result(.skipped) }
      var argument = hookArgument(pickle, document, startedId: startedId)
      // After hooks also get the result so far and whether it will be retried (cucumber-js 10+).
      if !isBefore {
        argument["result"] = .object(JSObject([("status", .string(worst.rawValue))]))
        argument["willBeRetried"] = .bool(worst == .failed && canRetry)
      }
      let outcome = realm.outcome(
        "runHook", [.number(Double(hook.runtimeId)), .object(argument)], timeout: hook.timeout ?? library.defaultTimeout)
      return result(Self.status(outcome), outcome)
    case .step(let pickleStep, let matches):
      // After a step that skipped itself, everything is skipped; after a failure, undefined and
      // ambiguous steps are still reported as such.
      if skipping && worst == .skipped { return result(.skipped) }
      if matches.isEmpty {
        suggest(pickleStep)
        return result(.undefined)
      }
      // The matching definitions are in the test case's stepDefinitionIds (formatters list them).
      if matches.count > 1 { return result(.ambiguous) }
      if skipping { return result(.skipped) }
      let (definition, arguments) = matches[0]
      let values = arguments.map(argumentValue)
      let (docString, dataTable) = Self.stepArgument(pickleStep)
      // BeforeStep hooks, the step, AfterStep hooks: the first that does not pass decides.
      let tags = Set(pickle.tags.map(\.name))
      func stepHookArgument(_ status: TestStepResult.Status?) -> JSValue {
        var argument = hookArgument(pickle, document, startedId: startedId)
        argument["pickleStep"] = .string(Self.json(pickleStep))
        argument["testStepId"] = .string(planned.id)
        argument["result"] = status.map { .object(JSObject([("status", .string($0.rawValue))])) }
        return .object(argument)
      }
      for hook in library.hooks(.beforeTestStep) where hook.tags.evaluate(tags) {
        let outcome = realm.outcome(
          "runHook", [.number(Double(hook.runtimeId)), stepHookArgument(nil)], timeout: hook.timeout ?? library.defaultTimeout)
        if outcome.status != .passed { return result(Self.status(outcome), outcome) }
      }
      let outcome = realm.outcome(
        "runStep", [.number(Double(definition.runtimeId)), .array(values), docString, dataTable],
        timeout: definition.timeout ?? library.defaultTimeout)
      var final = result(Self.status(outcome), outcome)
      for hook in library.hooks(.afterTestStep).reversed() where hook.tags.evaluate(tags) {
        let after = realm.outcome(
          "runHook", [.number(Double(hook.runtimeId)), stepHookArgument(final.status)],
          timeout: hook.timeout ?? library.defaultTimeout)
        if after.status != .passed && final.status == .passed { final = result(Self.status(after), after) }
      }
      return final
    }
  }

  static func status(_ outcome: Outcome) -> TestStepResult.Status {
    switch outcome.status {
    case .passed: return .passed
    case .failed: return .failed
    case .pending: return .pending
    case .skipped: return .skipped
    }
  }

  /// A step's doc string and data table as the runtime's `runStep` takes them (undefined when
  /// absent).
  static func stepArgument(_ step: PickleStep) -> (docString: JSValue, dataTable: JSValue) {
    var docString: JSValue = .undefined
    var dataTable: JSValue = .undefined
    if let d = step.argument?.docString {
      docString = .object(
        JSObject([("content", .string(d.content)), ("mediaType", d.mediaType.map(JSValue.string) ?? .undefined)]))
    }
    if let t = step.argument?.dataTable {
      dataTable = .array(t.rows.map { .array($0.cells.map { .string($0.value) }) })
    }
    return (docString, dataTable)
  }

  func argumentValue(_ argument: Argument) -> JSValue {
    switch argument.value {
    case .null: return .null
    case .string(let s): return .string(s)
    case .number(let n): return .number(n)
    case .custom(let groups):
      let id = library.customTypes[argument.parameterType.name ?? ""] ?? 0
      return .object(
        JSObject([("parameterTypeId", .number(Double(id))), ("groups", .array(groups.map { $0.map(JSValue.string) ?? .null }))]))
    }
  }

  func json(_ pickle: Pickle) -> String {
    if let known = pickleJSON[pickle.id] { return known }
    let text = Self.json(pickle as Pickle)
    pickleJSON[pickle.id] = text
    return text
  }

  /// What every hook of a test case is handed: the pickle as JSON text, the document's uri, its
  /// JSON text only the first time this session's realm is handed it (the runtime keeps it), and
  /// the test case's started id.
  func hookArgument(_ pickle: Pickle, _ document: GherkinDocument, startedId: String) -> JSObject {
    let uri = document.uri ?? ""
    var argument = JSObject([("pickle", .string(json(pickle))), ("gherkinDocumentUri", .string(uri))])
    if documentsSent.insert(uri).inserted { argument["gherkinDocument"] = .string(Self.json(document)) }
    argument["testCaseStartedId"] = .string(startedId)
    return argument
  }

  /// A message as JSON text (hooks receive the pickle and document; the runtime parses them).
  static func json<T: Encodable>(_ value: T) -> String {
    (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
  }

  /// A suggestion message with JavaScript snippets for an undefined step.
  func suggest(_ step: PickleStep) {
    let generator = CucumberExpressionGenerator(registry: library.registry, engine: engine)
    let expressions = (try? generator.generate(step.text)) ?? []
    let snippets = Snippet(interface: run.options.snippetInterface).snippets(for: step, expressions: expressions)
    run.emit(.suggestion(Suggestion(id: run.ids.next(), pickleStepId: step.id, snippets: snippets)))
  }
}
