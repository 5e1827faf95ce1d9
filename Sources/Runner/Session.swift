import Expressions
import Foundation
import Gherkin
import Messages
import V8

/// Executes planned test cases on one support realm, emitting their events.
final class Session: @unchecked Sendable {
  let run: TestRun
  let realm: SupportRealm
  let library: SupportLibrary
  let engine: JavaScriptRegexEngine
  /// Where an attachment made now belongs.
  var attachmentTarget: (testCaseStartedId: String?, testStepId: String?, testRunHookStartedId: String?) = (nil, nil, nil)
  private let testRunStartedId: String
  private var matchersSet = false
  /// What each step text matched (definitions and arguments), found once per text.
  private var matchCache: [String: [(SupportLibrary.StepDefinitionEntry, [Argument])]] = [:]
  /// The World's `parameters`, read once.
  lazy var worldParameters: JSValue = (try? realm.context.evaluate("(\(run.options.worldParameters))")) ?? .object(JSObject())
  /// JSON of documents (by uri) and pickles (by id) handed to hooks, made once each.
  private var documentJSON: [String: String] = [:]
  private var pickleJSON: [String: String] = [:]
  /// Set when several workers run at once (`testCaseStarted.workerId`).
  let workerId: String?
  /// The steps running in one call now, if any (`StepBatch`).
  var batch: StepBatch?
  /// Steps run in batches unless BeforeStep/AfterStep hooks must run between them.
  lazy var batching = library.hooks(.beforeTestStep).isEmpty && library.hooks(.afterTestStep).isEmpty

  /// `--retry-tag-filter`, parsed when the options were checked (nil: every failed case may retry).
  let retryTags: TagExpression?

  init(
    run: TestRun, realm: SupportRealm, library: SupportLibrary, testRunStartedId: String, workerId: String?, retryTags: TagExpression?
  ) {
    self.retryTags = retryTags
    self.run = run
    self.realm = realm
    self.library = library
    engine = JavaScriptRegexEngine(regexp: realm.regexp)
    self.testRunStartedId = testRunStartedId
    self.workerId = workerId
    realm.onAttachment = { [unowned self] value in
      flushBatch()
      let encoding: Attachment.Encoding = value["contentEncoding"].stringValue == "BASE64" ? .base64 : .identity
      run.emit(.attachment(Attachment(
        body: value["body"].stringValue ?? "", contentEncoding: encoding, fileName: value["fileName"].stringValue,
        mediaType: value["mediaType"].stringValue ?? "text/plain", testCaseStartedId: attachmentTarget.testCaseStartedId,
        testStepId: attachmentTarget.testStepId, testRunHookStartedId: attachmentTarget.testRunHookStartedId,
        timestamp: run.timestamp())))
    }
  }

  /// A planned step: a hook or a pickle step with what matched it.
  struct PlannedStep {
    enum Kind {
      case hook(SupportLibrary.HookEntry)
      case step(PickleStep, [(SupportLibrary.StepDefinitionEntry, [Argument])])
    }
    let id: String
    let kind: Kind
  }

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

  struct Plan {
    let id: String
    let steps: [(message: TestStep, step: PlannedStep)]
  }

  /// Matches step texts not seen before against every definition, in one call into
  /// JavaScript (the definitions' regular expressions are JavaScript's); suites repeat step
  /// texts a lot (backgrounds, common steps), so matches are kept by text. Planning a whole
  /// suite calls this once with every text first.
  func match(_ texts: [String]) throws {
    if !matchersSet {
      let list: [JSValue] = library.steps.map { .object(JSObject([("source", .string($0.expression.regexSource)), ("flags", .string($0.expression.regexFlags))])) }
      do {
        _ = try realm.context.call(realm.function("setMatchers"), [.array(list)])
      } catch let error as JSError {
        // A definition whose regular expression JavaScript refuses: name it.
        let bad = library.steps.first { step in (try? realm.regexp.exec(step.expression.regexSource, flags: step.expression.regexFlags, in: "")) == nil }
        let at = bad?.message.sourceReference
        throw RunError(file: at?.uri, line: at?.location?.line, message: "step definition \(bad.map { "'\($0.message.pattern.source)'" } ?? ""): \(error.message)")
      }
      matchersSet = true
    }
    var seen = Set<String>()
    let unseen = texts.filter { matchCache[$0] == nil && seen.insert($0).inserted }
    if !unseen.isEmpty {
      let perText: [JSValue]
      do {
        guard case .array(let values) = try realm.context.call(realm.function("matchSteps"), [.array(unseen.map(JSValue.string))]) else {
          throw RunError(message: "Caper's runtime returned no step matches")
        }
        perText = values
      } catch let error as JSError {
        throw RunError(message: "matching steps failed in JavaScript: \(error)")
      }
      for (text, found) in zip(unseen, perText) {
        var matches: [(SupportLibrary.StepDefinitionEntry, [Argument])] = []
        if case .array(let entries) = found {
          for entry in entries {
            guard let index = entry[0].numberValue.map(Int.init), case .array(let groups) = entry[1] else { continue }
            let match = RegexMatch(groups: groups.map { group in
              guard case .array(let parts) = group, let value = parts[0].stringValue, let start = parts[1].numberValue, let end = parts[2].numberValue else { return nil }
              return RegexGroup(value: value, start: Int(start), end: Int(end))
            })
            let definition = library.steps[index]
            do {
              matches.append((definition, try definition.expression.arguments(from: match)))
            } catch {
              let at = definition.message.sourceReference
              throw RunError(file: at.uri, line: at.location?.line, message: "step definition '\(definition.message.pattern.source)' cannot take the arguments of '\(text)': \(error)")
            }
          }
        }
        matchCache[text] = matches
      }
    }
  }

  func plan(_ pickle: Pickle) throws -> Plan {
    let tags = Set(pickle.tags.map(\.name))
    var steps: [(message: TestStep, step: PlannedStep)] = []
    steps.reserveCapacity(pickle.steps.count + 2)
    let caseId = run.ids.next()
    for hook in library.hooks(.beforeTestCase) where hook.tags.evaluate(tags) {
      let id = run.ids.next()
      steps.append((TestStep(hookId: hook.id, id: id), PlannedStep(id: id, kind: .hook(hook))))
    }
    // Planning a suite matched every text first; a pickle planned on its own matches here.
    if pickle.steps.contains(where: { matchCache[$0.text] == nil }) { try match(pickle.steps.map(\.text)) }
    for pickleStep in pickle.steps {
      let id = run.ids.next()
      let matches = matchCache[pickleStep.text] ?? []
      let message = TestStep(
        id: id, pickleStepId: pickleStep.id, stepDefinitionIds: matches.map(\.0.id),
        stepMatchArgumentsLists: matches.map { StepMatchArgumentsList(stepMatchArguments: $0.1.map(Self.matchArgument)) })
      steps.append((message, PlannedStep(id: id, kind: .step(pickleStep, matches))))
    }
    for hook in library.hooks(.afterTestCase).reversed() where hook.tags.evaluate(tags) {
      let id = run.ids.next()
      steps.append((TestStep(hookId: hook.id, id: id), PlannedStep(id: id, kind: .hook(hook))))
    }
    return Plan(id: caseId, steps: steps)
  }

  static func matchArgument(_ argument: Argument) -> StepMatchArgument {
    StepMatchArgument(group: group(argument.group), parameterTypeName: argument.parameterType.name)
  }

  static func group(_ group: Group) -> StepMatchArgument.Group {
    StepMatchArgument.Group(children: group.children.isEmpty ? nil : group.children.map(Self.group), start: group.start, value: group.value)
  }

  /// Runs one test case (with its retries); true when it passed.
  func execute(_ plan: Plan, _ pickle: Pickle, _ document: GherkinDocument, skipAll: Bool) -> Bool {
    let retryAllowed = run.options.retry == 0 ? false : (retryTags?.evaluate(Set(pickle.tags.map(\.name))) ?? true)
    var attempt = 0
    while true {
      let startedId = run.ids.next()
      run.emit(.testCaseStarted(TestCaseStarted(attempt: attempt, id: startedId, testCaseId: plan.id, workerId: workerId, timestamp: run.timestamp())))
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
        run.emit(.testStepStarted(TestStepStarted(testCaseStartedId: startedId, testStepId: message.id, timestamp: run.timestamp())))
        attachmentTarget = (startedId, message.id, nil)
        let result = worldFailure.map { failure, took in
          TestStepResult(
            duration: TestRun.duration(took), message: failure.message, status: .failed,
            exception: ExceptionMessage(type: failure.exceptionType ?? "Error", message: failure.message, stackTrace: failure.stackTrace))
        } ?? execute(
          planned, pickle: pickle, document: document, startedId: startedId,
          skipping: skipping || !runsCode, worst: runsCode ? worst : .skipped,
          canRetry: attempt < run.options.retry && retryAllowed)
        if result.status != .passed { skipping = true }
        worst = TestStepResult.Status.worse(worst, result.status)
        run.emit(.testStepFinished(TestStepFinished(testCaseStartedId: startedId, testStepId: message.id, testStepResult: result, timestamp: run.timestamp())))
      }
      let retry = worst == .failed && attempt < run.options.retry && retryAllowed
      run.emit(.testCaseFinished(TestCaseFinished(testCaseStartedId: startedId, timestamp: run.timestamp(), willBeRetried: retry)))
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
      let argument: JSValue = .object(JSObject([
        ("pickle", .string(json(pickle))), ("gherkinDocument", .string(json(document))),
        ("testCaseStartedId", .string(startedId)),
        ("result", isBefore ? .undefined : .object(JSObject([("status", .string(worst.rawValue))]))),
        ("willBeRetried", .bool(!isBefore && worst == .failed && canRetry)),
      ]))
      let outcome = realm.outcome("runHook", [.number(Double(hook.runtimeId)), argument], timeout: hook.timeout ?? library.defaultTimeout)
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
        .object(JSObject([
          ("pickle", .string(json(pickle))), ("gherkinDocument", .string(json(document))),
          ("pickleStep", .string(Self.json(pickleStep))), ("testCaseStartedId", .string(startedId)),
          ("testStepId", .string(planned.id)),
          ("result", status.map { .object(JSObject([("status", .string($0.rawValue))])) } ?? .undefined),
        ]))
      }
      for hook in library.hooks(.beforeTestStep) where hook.tags.evaluate(tags) {
        let outcome = realm.outcome("runHook", [.number(Double(hook.runtimeId)), stepHookArgument(nil)], timeout: hook.timeout ?? library.defaultTimeout)
        if outcome.status != .passed { return result(Self.status(outcome), outcome) }
      }
      let outcome = realm.outcome(
        "runStep", [.number(Double(definition.runtimeId)), .array(values), docString, dataTable],
        timeout: definition.timeout ?? library.defaultTimeout)
      var final = result(Self.status(outcome), outcome)
      for hook in library.hooks(.afterTestStep).reversed() where hook.tags.evaluate(tags) {
        let after = realm.outcome("runHook", [.number(Double(hook.runtimeId)), stepHookArgument(final.status)], timeout: hook.timeout ?? library.defaultTimeout)
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
      docString = .object(JSObject([("content", .string(d.content)), ("mediaType", d.mediaType.map(JSValue.string) ?? .undefined)]))
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
      return .object(JSObject([("parameterTypeId", .number(Double(id))), ("groups", .array(groups.map { $0.map(JSValue.string) ?? .null }))]))
    }
  }

  func json(_ pickle: Pickle) -> String {
    if let known = pickleJSON[pickle.id] { return known }
    let text = Self.json(pickle as Pickle)
    pickleJSON[pickle.id] = text
    return text
  }

  func json(_ document: GherkinDocument) -> String {
    let key = document.uri ?? ""
    if let known = documentJSON[key] { return known }
    let text = Self.json(document as GherkinDocument)
    documentJSON[key] = text
    return text
  }

  /// A message as JSON text (hooks receive the pickle and document; the runtime parses them).
  static func json<T: Encodable>(_ value: T) -> String {
    (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
  }

  func runGlobalHook(_ hook: SupportLibrary.HookEntry, skip: Bool) -> TestStepResult.Status {
    let startedId = run.ids.next()
    let started = run.clock.now
    run.emit(.testRunHookStarted(TestRunHookStarted(id: startedId, testRunStartedId: testRunStartedId, hookId: hook.id, timestamp: run.timestamp())))
    attachmentTarget = (nil, nil, startedId)
    var status: TestStepResult.Status = .skipped
    var outcome: Outcome?
    if !skip {
      let o = realm.outcome("runHook", [.number(Double(hook.runtimeId)), .undefined], timeout: hook.timeout ?? library.defaultTimeout)
      status = Self.status(o)
      outcome = o
    }
    var exception: ExceptionMessage?
    if let outcome, outcome.status == .failed {
      exception = ExceptionMessage(type: outcome.exceptionType ?? "Error", message: outcome.message, stackTrace: outcome.stackTrace)
    }
    let result = TestStepResult(duration: TestRun.duration(run.clock.now - started), message: outcome?.message, status: status, exception: exception)
    attachmentTarget = (nil, nil, nil)
    run.emit(.testRunHookFinished(TestRunHookFinished(testRunHookStartedId: startedId, result: result, timestamp: run.timestamp())))
    return status
  }

  /// A suggestion message with JavaScript snippets for an undefined step.
  func suggest(_ step: PickleStep) {
    let generator = CucumberExpressionGenerator(registry: library.registry, engine: engine)
    let expressions = (try? generator.generate(step.text)) ?? []
    let keyword: String
    switch step.type {
    case .action?: keyword = "When"
    case .outcome?: keyword = "Then"
    default: keyword = "Given"
    }
    var extra: [String] = []
    if step.argument?.dataTable != nil { extra.append("dataTable") }
    if step.argument?.docString != nil { extra.append("docString") }
    let style = run.options.snippetInterface
    if style == .callback { extra.append("callback") }
    let function = style == .asyncAwait ? "async function" : "function"
    let body: String
    switch style {
    case .callback: body = "callback(null, 'pending');"
    case .promise: body = "return Promise.resolve('pending');"
    case .synchronous, .asyncAwait: body = "return 'pending';"
    }
    let snippets = expressions.map { expression in
      let parameters = (expression.parameterNames + extra).joined(separator: ", ")
      let pattern = expression.source.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
      return Suggestion.Snippet(
        language: "javascript",
        code: "\(keyword)('\(pattern)', \(function) (\(parameters)) {\n  // Write code here that turns the phrase above into concrete actions\n  \(body)\n});")
    }
    run.emit(.suggestion(Suggestion(id: run.ids.next(), pickleStepId: step.id, snippets: snippets)))
  }
}
