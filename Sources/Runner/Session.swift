import Expressions
import Foundation
import Gherkin
import Messages
import V8

/// Executes planned test cases on one support realm, emitting their events.
///
/// Its work is split by
/// idea: planning (`Session+Planning`), a test case with its retries (`Session+TestCase`), one
/// step or hook (`Session+Step`), a batch of steps in one call (`StepBatch`), the test run's own
/// hooks (`Session+TestRunHooks`), snippets for undefined steps (`Snippet`).
final class Session: @unchecked Sendable {
  let run: TestRun
  let realm: SupportRealm
  let library: SupportLibrary
  let engine: JavaScriptRegexEngine
  /// Where an attachment made now belongs.
  var attachmentTarget: (testCaseStartedId: String?, testStepId: String?, testRunHookStartedId: String?) = (nil, nil, nil)
  let testRunStartedId: String
  var matchersSet = false
  /// What each step text matched (definitions and arguments), found once per text.
  var matchCache: [String: [(SupportLibrary.StepDefinitionEntry, [Argument])]] = [:]
  /// The World's `parameters`, read once.
  lazy var worldParameters: JSValue = (try? realm.context.evaluate("(\(run.options.worldParameters))")) ?? .object(JSObject())
  /// The uris of the documents this realm has been handed (`hookArgument`), and the JSON of
  /// pickles (by id) handed to hooks, made once each.
  var documentsSent: Set<String> = []
  var pickleJSON: [String: String] = [:]
  /// Set when several workers run at once (`testCaseStarted.workerId`).
  let workerId: String?
  /// The steps running in one call now, if any (`StepBatch`).
  var batch: StepBatch?
  /// Steps run in batches unless BeforeStep/AfterStep hooks must run between them.
  lazy var batching = library.hooks(.beforeTestStep).isEmpty && library.hooks(.afterTestStep).isEmpty

  /// `--retry-tag-filter`, parsed when the options were checked (nil: every failed case may retry).
  let retryTags: TagExpression?

  init(
    run: TestRun, realm: SupportRealm, library: SupportLibrary, testRunStartedId: String, workerId: String?,
    retryTags: TagExpression?
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
      run.emit(
        .attachment(
          Attachment(
            body: value["body"].stringValue ?? "", contentEncoding: encoding, fileName: value["fileName"].stringValue,
            mediaType: value["mediaType"].stringValue ?? "text/plain", testCaseStartedId: attachmentTarget.testCaseStartedId,
            testStepId: attachmentTarget.testStepId, testRunHookStartedId: attachmentTarget.testRunHookStartedId,
            timestamp: run.timestamp())))
    }
  }
}
