import Foundation

/// One Cucumber Messages envelope: exactly one message, written as `{"kind": {...}}`.
///
/// Envelopes are the only contract between Gherkin, the runner and the formatters.
public enum Envelope: Hashable, Sendable {
  case source(Source)
  case gherkinDocument(GherkinDocument)
  case pickle(Pickle)
  case parseError(ParseError)
  case meta(Meta)
  case stepDefinition(StepDefinition)
  case hook(Hook)
  case parameterType(ParameterTypeMessage)
  case undefinedParameterType(UndefinedParameterType)
  case suggestion(Suggestion)
  case testRunStarted(TestRunStarted)
  case testRunFinished(TestRunFinished)
  case testRunHookStarted(TestRunHookStarted)
  case testRunHookFinished(TestRunHookFinished)
  case testCase(TestCase)
  case testCaseStarted(TestCaseStarted)
  case testCaseFinished(TestCaseFinished)
  case testStepStarted(TestStepStarted)
  case testStepFinished(TestStepFinished)
  case attachment(Attachment)
}

extension Envelope: Codable {
  private enum Key: String, CodingKey {
    case source, gherkinDocument, pickle, parseError
    case meta, stepDefinition, hook, parameterType, undefinedParameterType, suggestion, testRunStarted, testRunFinished,
      testRunHookStarted, testRunHookFinished, testCase, testCaseStarted, testCaseFinished, testStepStarted, testStepFinished,
      attachment
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    switch self {
    case .source(let m): try container.encode(m, forKey: .source)
    case .gherkinDocument(let m): try container.encode(m, forKey: .gherkinDocument)
    case .pickle(let m): try container.encode(m, forKey: .pickle)
    case .parseError(let m): try container.encode(m, forKey: .parseError)
    case .meta(let m): try container.encode(m, forKey: .meta)
    case .stepDefinition(let m): try container.encode(m, forKey: .stepDefinition)
    case .hook(let m): try container.encode(m, forKey: .hook)
    case .parameterType(let m): try container.encode(m, forKey: .parameterType)
    case .undefinedParameterType(let m): try container.encode(m, forKey: .undefinedParameterType)
    case .suggestion(let m): try container.encode(m, forKey: .suggestion)
    case .testRunStarted(let m): try container.encode(m, forKey: .testRunStarted)
    case .testRunFinished(let m): try container.encode(m, forKey: .testRunFinished)
    case .testRunHookStarted(let m): try container.encode(m, forKey: .testRunHookStarted)
    case .testRunHookFinished(let m): try container.encode(m, forKey: .testRunHookFinished)
    case .testCase(let m): try container.encode(m, forKey: .testCase)
    case .testCaseStarted(let m): try container.encode(m, forKey: .testCaseStarted)
    case .testCaseFinished(let m): try container.encode(m, forKey: .testCaseFinished)
    case .testStepStarted(let m): try container.encode(m, forKey: .testStepStarted)
    case .testStepFinished(let m): try container.encode(m, forKey: .testStepFinished)
    case .attachment(let m): try container.encode(m, forKey: .attachment)
    }
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    guard let key = container.allKeys.first, container.allKeys.count == 1 else {
      throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "an envelope holds exactly one message"))
    }
    switch key {
    case .source: self = .source(try container.decode(Source.self, forKey: key))
    case .gherkinDocument: self = .gherkinDocument(try container.decode(GherkinDocument.self, forKey: key))
    case .pickle: self = .pickle(try container.decode(Pickle.self, forKey: key))
    case .parseError: self = .parseError(try container.decode(ParseError.self, forKey: key))
    case .meta: self = .meta(try container.decode(Meta.self, forKey: key))
    case .stepDefinition: self = .stepDefinition(try container.decode(StepDefinition.self, forKey: key))
    case .hook: self = .hook(try container.decode(Hook.self, forKey: key))
    case .parameterType: self = .parameterType(try container.decode(ParameterTypeMessage.self, forKey: key))
    case .undefinedParameterType: self = .undefinedParameterType(try container.decode(UndefinedParameterType.self, forKey: key))
    case .suggestion: self = .suggestion(try container.decode(Suggestion.self, forKey: key))
    case .testRunStarted: self = .testRunStarted(try container.decode(TestRunStarted.self, forKey: key))
    case .testRunFinished: self = .testRunFinished(try container.decode(TestRunFinished.self, forKey: key))
    case .testRunHookStarted: self = .testRunHookStarted(try container.decode(TestRunHookStarted.self, forKey: key))
    case .testRunHookFinished: self = .testRunHookFinished(try container.decode(TestRunHookFinished.self, forKey: key))
    case .testCase: self = .testCase(try container.decode(TestCase.self, forKey: key))
    case .testCaseStarted: self = .testCaseStarted(try container.decode(TestCaseStarted.self, forKey: key))
    case .testCaseFinished: self = .testCaseFinished(try container.decode(TestCaseFinished.self, forKey: key))
    case .testStepStarted: self = .testStepStarted(try container.decode(TestStepStarted.self, forKey: key))
    case .testStepFinished: self = .testStepFinished(try container.decode(TestStepFinished.self, forKey: key))
    case .attachment: self = .attachment(try container.decode(Attachment.self, forKey: key))
    }
  }
}

/// Writes envelopes as NDJSON: one compact JSON object per line, keys sorted.
public struct NDJSONWriter {
  private let encoder: JSONEncoder

  public init() {
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  }

  /// The envelope as one line of JSON, with its newline.
  public func line(_ envelope: Envelope) throws -> Data {
    var data = try encoder.encode(envelope)
    data.append(UInt8(ascii: "\n"))
    return data
  }
}
