import Expressions
import Foundation
import Messages
import V8

/// What the support code defined, on the Swift side: step definitions with their compiled
/// expressions, hooks with their tag expressions, parameter types; and the messages that
/// announce them, in the order they were defined.
struct SupportLibrary {
  struct StepDefinitionEntry {
    let id: String
    let runtimeId: Int
    let expression: any StepExpression
    let message: StepDefinition
    let timeout: Swift.Duration?
  }

  struct HookEntry {
    let id: String
    let runtimeId: Int
    let kind: Hook.Kind
    let tags: TagExpression
    let message: Hook
    let timeout: Swift.Duration?
  }

  var steps: [StepDefinitionEntry] = []
  var hooks: [HookEntry] = []
  var registry = ParameterTypeRegistry()
  /// Custom parameter types by name: their runtime id for the transformer.
  var customTypes: [String: Int] = [:]
  /// A timeout as cucumber-js reads one: milliseconds, or a negative number for none (a step
  /// that may run as long as it likes, for example while debugging).
  static func duration(milliseconds: Double) -> Swift.Duration {
    milliseconds < 0 ? .seconds(100 * 365 * 24 * 3600) : .milliseconds(Int(milliseconds))
  }

  var defaultTimeout: Swift.Duration = .seconds(5)
  /// Definitions' messages (parameterType, stepDefinition, hook, undefinedParameterType) in
  /// definition order.
  var messages: [Envelope] = []

  /// Reads the runtime's description of the library.
  ///
  /// `uri` turns a file path into the URI
  /// written in messages.
  init(_ description: JSValue, ids: IdGenerator, uri: (String) -> String) throws {
    if let ms = description["defaultTimeout"].numberValue { defaultTimeout = Self.duration(milliseconds: ms) }
    func reference(_ value: JSValue) -> SourceReference {
      SourceReference(uri: uri(value["uri"].stringValue ?? ""), location: Location(line: Int(value["line"].numberValue ?? 0)))
    }
    func timeout(_ value: JSValue) -> Swift.Duration? { value["timeout"].numberValue.map(Self.duration(milliseconds:)) }
    func seq(_ value: JSValue) -> Double { value["seq"].numberValue ?? 0 }

    enum Kind { case parameterType, step, hook }
    var items: [(kind: Kind, value: JSValue)] = []
    items += Self.list(description["parameterTypes"]).map { (.parameterType, $0) }
    items += Self.list(description["steps"]).map { (.step, $0) }
    items += Self.list(description["hooks"]).map { (.hook, $0) }
    items.sort { seq($0.value) < seq($1.value) }

    /// A definition that cannot be used is reported at its own file and line.
    func located<T>(_ value: JSValue, _ what: String, _ body: () throws -> T) throws -> T {
      do {
        return try body()
      } catch let error as ExpressionError {
        let at = reference(value)
        throw RunError(file: at.uri, line: at.location?.line, message: "\(what): \(error.message)")
      }
    }

    // Parameter types first: expressions need them whatever the order of definition.
    for (kind, type) in items where kind == .parameterType {
      let name = type["name"].stringValue ?? ""
      try located(type, "parameter type '\(name)'") {
        try ParameterType.checkName(name)
        try registry.define(
          ParameterType(
            name: name, regexps: Self.list(type["regexps"]).compactMap(\.stringValue), transform: .custom,
            useForSnippets: type["useForSnippets"] != .bool(false),
            preferForRegexpMatch: type["preferForRegexpMatch"] == .bool(true)))
      }
      customTypes[name] = Int(type["id"].numberValue ?? 0)
    }

    for (kind, value) in items {
      switch kind {
      case .parameterType:
        messages.append(
          .parameterType(
            ParameterTypeMessage(
              id: ids.next(), name: value["name"].stringValue ?? "",
              regularExpressions: Self.list(value["regexps"]).compactMap(\.stringValue),
              preferForRegularExpressionMatch: value["preferForRegexpMatch"] == .bool(true),
              useForSnippets: value["useForSnippets"] != .bool(false), sourceReference: reference(value))))
      case .step:
        let pattern = value["pattern"]
        let source = pattern["source"].stringValue ?? ""
        let isRegex = pattern["type"].stringValue == "REGULAR_EXPRESSION"
        let expression: any StepExpression
        if isRegex {
          expression = RegularExpression(source, flags: pattern["flags"].stringValue ?? "", registry: registry)
        } else {
          let compiled = Result { () throws(ExpressionError) -> CucumberExpression in
            try CucumberExpression(source, registry: registry)
          }
          switch compiled {
          case .success(let e):
            expression = e
          case .failure(let error):
            guard let name = error.undefinedParameterType else {
              try located(value, "step definition '\(source)'") { throw error }
              continue
            }
            messages.append(.undefinedParameterType(UndefinedParameterType(expression: source, name: name)))
            continue
          }
        }
        let message = StepDefinition(
          id: ids.next(), pattern: .init(source: source, type: isRegex ? .regularExpression : .cucumberExpression),
          sourceReference: reference(value))
        messages.append(.stepDefinition(message))
        steps.append(
          StepDefinitionEntry(
            id: message.id, runtimeId: Int(value["id"].numberValue ?? 0), expression: expression, message: message,
            timeout: timeout(value)))
      case .hook:
        let kind = Hook.Kind(rawValue: value["type"].stringValue ?? "") ?? .beforeTestCase
        let tagSource = value["tags"].stringValue
        let message = Hook(
          id: ids.next(), name: value["name"].stringValue, sourceReference: reference(value), tagExpression: tagSource, type: kind
        )
        messages.append(.hook(message))
        hooks.append(
          HookEntry(
            id: message.id, runtimeId: Int(value["id"].numberValue ?? 0), kind: kind,
            tags: try located(value, "hook tags '\(tagSource ?? "")'") { try TagExpression.parse(tagSource ?? "") },
            message: message,
            timeout: timeout(value)))
      }
    }
  }

  static func list(_ value: JSValue) -> [JSValue] {
    if case .array(let items) = value { return items }
    return []
  }

  func hooks(_ kind: Hook.Kind) -> [HookEntry] { hooks.filter { $0.kind == kind } }
}
