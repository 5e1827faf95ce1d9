/// The messages of a test run (Cucumber Messages protocol 33): what ran, when, and how it
/// ended. Field names and optionality follow the schema.

public struct Timestamp: Codable, Hashable, Sendable {
  public var seconds: Int64
  public var nanos: Int32
  public init(seconds: Int64, nanos: Int32) {
    self.seconds = seconds
    self.nanos = nanos
  }
}

public struct Duration: Codable, Hashable, Sendable {
  public var seconds: Int64
  public var nanos: Int32
  public init(seconds: Int64, nanos: Int32) {
    self.seconds = seconds
    self.nanos = nanos
  }
}

public struct Meta: Codable, Hashable, Sendable {
  public struct Product: Codable, Hashable, Sendable {
    public var name: String
    public var version: String?
    public init(name: String, version: String? = nil) {
      self.name = name
      self.version = version
    }
  }
  public var protocolVersion: String
  public var implementation: Product
  public var runtime: Product
  public var os: Product
  public var cpu: Product
  public init(protocolVersion: String, implementation: Product, runtime: Product, os: Product, cpu: Product) {
    self.protocolVersion = protocolVersion
    self.implementation = implementation
    self.runtime = runtime
    self.os = os
    self.cpu = cpu
  }
}

public struct StepDefinition: Codable, Hashable, Sendable {
  public struct Pattern: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
      case cucumberExpression = "CUCUMBER_EXPRESSION"
      case regularExpression = "REGULAR_EXPRESSION"
    }
    public var source: String
    public var type: Kind
    public init(source: String, type: Kind) {
      self.source = source
      self.type = type
    }
  }
  public var id: String
  public var pattern: Pattern
  public var sourceReference: SourceReference
  public init(id: String, pattern: Pattern, sourceReference: SourceReference) {
    self.id = id
    self.pattern = pattern
    self.sourceReference = sourceReference
  }
}

public struct Hook: Codable, Hashable, Sendable {
  public enum Kind: String, Codable, Hashable, Sendable {
    case beforeTestRun = "BEFORE_TEST_RUN"
    case afterTestRun = "AFTER_TEST_RUN"
    case beforeTestCase = "BEFORE_TEST_CASE"
    case afterTestCase = "AFTER_TEST_CASE"
    case beforeTestStep = "BEFORE_TEST_STEP"
    case afterTestStep = "AFTER_TEST_STEP"
  }
  public var id: String
  public var name: String?
  public var sourceReference: SourceReference
  public var tagExpression: String?
  public var type: Kind?
  public init(id: String, name: String?, sourceReference: SourceReference, tagExpression: String?, type: Kind?) {
    self.id = id
    self.name = name
    self.sourceReference = sourceReference
    self.tagExpression = tagExpression
    self.type = type
  }
}

public struct ParameterTypeMessage: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var regularExpressions: [String]
  public var preferForRegularExpressionMatch: Bool
  public var useForSnippets: Bool
  public var sourceReference: SourceReference?
  public init(
    id: String, name: String, regularExpressions: [String], preferForRegularExpressionMatch: Bool, useForSnippets: Bool,
    sourceReference: SourceReference?
  ) {
    self.id = id
    self.name = name
    self.regularExpressions = regularExpressions
    self.preferForRegularExpressionMatch = preferForRegularExpressionMatch
    self.useForSnippets = useForSnippets
    self.sourceReference = sourceReference
  }
}

public struct UndefinedParameterType: Codable, Hashable, Sendable {
  public var expression: String
  public var name: String
  public init(expression: String, name: String) {
    self.expression = expression
    self.name = name
  }
}

public struct Suggestion: Codable, Hashable, Sendable {
  public struct Snippet: Codable, Hashable, Sendable {
    public var language: String
    public var code: String
    public init(language: String, code: String) {
      self.language = language
      self.code = code
    }
  }
  public var id: String
  public var pickleStepId: String
  public var snippets: [Snippet]
  public init(id: String, pickleStepId: String, snippets: [Snippet]) {
    self.id = id
    self.pickleStepId = pickleStepId
    self.snippets = snippets
  }
}

public struct TestRunStarted: Codable, Hashable, Sendable {
  public var timestamp: Timestamp
  public var id: String?
  public init(timestamp: Timestamp, id: String?) {
    self.timestamp = timestamp
    self.id = id
  }
}

public struct TestRunFinished: Codable, Hashable, Sendable {
  public var message: String?
  public var success: Bool
  public var timestamp: Timestamp
  public var exception: ExceptionMessage?
  public var testRunStartedId: String?
  public init(
    message: String? = nil, success: Bool, timestamp: Timestamp, exception: ExceptionMessage? = nil, testRunStartedId: String?
  ) {
    self.message = message
    self.success = success
    self.timestamp = timestamp
    self.exception = exception
    self.testRunStartedId = testRunStartedId
  }
}

public struct ExceptionMessage: Codable, Hashable, Sendable {
  public var type: String
  public var message: String?
  public var stackTrace: String?
  public init(type: String, message: String?, stackTrace: String?) {
    self.type = type
    self.message = message
    self.stackTrace = stackTrace
  }
}

public struct TestRunHookStarted: Codable, Hashable, Sendable {
  public var id: String
  public var testRunStartedId: String
  public var hookId: String
  public var workerId: String?
  public var timestamp: Timestamp
  public init(id: String, testRunStartedId: String, hookId: String, workerId: String? = nil, timestamp: Timestamp) {
    self.id = id
    self.testRunStartedId = testRunStartedId
    self.hookId = hookId
    self.workerId = workerId
    self.timestamp = timestamp
  }
}

public struct TestRunHookFinished: Codable, Hashable, Sendable {
  public var testRunHookStartedId: String
  public var result: TestStepResult
  public var timestamp: Timestamp
  public init(testRunHookStartedId: String, result: TestStepResult, timestamp: Timestamp) {
    self.testRunHookStartedId = testRunHookStartedId
    self.result = result
    self.timestamp = timestamp
  }
}

public struct TestCase: Codable, Hashable, Sendable {
  public var id: String
  public var pickleId: String
  public var testSteps: [TestStep]
  public var testRunStartedId: String?
  public init(id: String, pickleId: String, testSteps: [TestStep], testRunStartedId: String?) {
    self.id = id
    self.pickleId = pickleId
    self.testSteps = testSteps
    self.testRunStartedId = testRunStartedId
  }
}

public struct TestStep: Codable, Hashable, Sendable {
  public var hookId: String?
  public var id: String
  public var pickleStepId: String?
  public var stepDefinitionIds: [String]?
  public var stepMatchArgumentsLists: [StepMatchArgumentsList]?
  public init(
    hookId: String? = nil, id: String, pickleStepId: String? = nil, stepDefinitionIds: [String]? = nil,
    stepMatchArgumentsLists: [StepMatchArgumentsList]? = nil
  ) {
    self.hookId = hookId
    self.id = id
    self.pickleStepId = pickleStepId
    self.stepDefinitionIds = stepDefinitionIds
    self.stepMatchArgumentsLists = stepMatchArgumentsLists
  }
}

public struct StepMatchArgumentsList: Codable, Hashable, Sendable {
  public var stepMatchArguments: [StepMatchArgument]
  public init(stepMatchArguments: [StepMatchArgument]) { self.stepMatchArguments = stepMatchArguments }
}

public struct StepMatchArgument: Codable, Hashable, Sendable {
  public struct Group: Codable, Hashable, Sendable {
    public var children: [Group]?
    public var start: Int?
    public var value: String?
    public init(children: [Group]?, start: Int?, value: String?) {
      self.children = children
      self.start = start
      self.value = value
    }
  }
  public var group: Group
  public var parameterTypeName: String?
  public init(group: Group, parameterTypeName: String?) {
    self.group = group
    self.parameterTypeName = parameterTypeName
  }
}

public struct TestCaseStarted: Codable, Hashable, Sendable {
  public var attempt: Int
  public var id: String
  public var testCaseId: String
  public var workerId: String?
  public var timestamp: Timestamp
  public init(attempt: Int, id: String, testCaseId: String, workerId: String? = nil, timestamp: Timestamp) {
    self.attempt = attempt
    self.id = id
    self.testCaseId = testCaseId
    self.workerId = workerId
    self.timestamp = timestamp
  }
}

public struct TestCaseFinished: Codable, Hashable, Sendable {
  public var testCaseStartedId: String
  public var timestamp: Timestamp
  public var willBeRetried: Bool
  public init(testCaseStartedId: String, timestamp: Timestamp, willBeRetried: Bool) {
    self.testCaseStartedId = testCaseStartedId
    self.timestamp = timestamp
    self.willBeRetried = willBeRetried
  }
}

public struct TestStepStarted: Codable, Hashable, Sendable {
  public var testCaseStartedId: String
  public var testStepId: String
  public var timestamp: Timestamp
  public init(testCaseStartedId: String, testStepId: String, timestamp: Timestamp) {
    self.testCaseStartedId = testCaseStartedId
    self.testStepId = testStepId
    self.timestamp = timestamp
  }
}

public struct TestStepFinished: Codable, Hashable, Sendable {
  public var testCaseStartedId: String
  public var testStepId: String
  public var testStepResult: TestStepResult
  public var timestamp: Timestamp
  public init(testCaseStartedId: String, testStepId: String, testStepResult: TestStepResult, timestamp: Timestamp) {
    self.testCaseStartedId = testCaseStartedId
    self.testStepId = testStepId
    self.testStepResult = testStepResult
    self.timestamp = timestamp
  }
}

public struct TestStepResult: Codable, Hashable, Sendable {
  public enum Status: String, Codable, Hashable, Sendable, CaseIterable {
    case unknown = "UNKNOWN"
    case passed = "PASSED"
    case skipped = "SKIPPED"
    case pending = "PENDING"
    case undefined = "UNDEFINED"
    case ambiguous = "AMBIGUOUS"
    case failed = "FAILED"

    /// How bad a status is, as cucumber-js ranks them: a test case's status is its worst step's.
    public var severity: Int {
      switch self {
      case .unknown: return 0
      case .passed: return 1
      case .skipped: return 2
      case .pending: return 3
      case .undefined: return 4
      case .ambiguous: return 5
      case .failed: return 6
      }
    }

    /// The worse of two statuses (the first when they are equally bad).
    public static func worse(_ a: Status, _ b: Status) -> Status { a.severity >= b.severity ? a : b }
  }
  public var duration: Duration
  public var message: String?
  public var status: Status
  public var exception: ExceptionMessage?
  public init(duration: Duration, message: String? = nil, status: Status, exception: ExceptionMessage? = nil) {
    self.duration = duration
    self.message = message
    self.status = status
    self.exception = exception
  }
}

public struct Attachment: Codable, Hashable, Sendable {
  public enum Encoding: String, Codable, Hashable, Sendable {
    case identity = "IDENTITY"
    case base64 = "BASE64"
  }
  public var body: String
  public var contentEncoding: Encoding
  public var fileName: String?
  public var mediaType: String
  public var testCaseStartedId: String?
  public var testStepId: String?
  public var url: String?
  public var testRunStartedId: String?
  public var testRunHookStartedId: String?
  public var timestamp: Timestamp?
  public init(
    body: String, contentEncoding: Encoding, fileName: String? = nil, mediaType: String, testCaseStartedId: String? = nil,
    testStepId: String? = nil, url: String? = nil, testRunStartedId: String? = nil, testRunHookStartedId: String? = nil,
    timestamp: Timestamp? = nil
  ) {
    self.body = body
    self.contentEncoding = contentEncoding
    self.fileName = fileName
    self.mediaType = mediaType
    self.testCaseStartedId = testCaseStartedId
    self.testStepId = testStepId
    self.url = url
    self.testRunStartedId = testRunStartedId
    self.testRunHookStartedId = testRunHookStartedId
    self.timestamp = timestamp
  }
}
