import Expressions
import Foundation
import Messages

/// The code of a step definition for an undefined step, in cucumber-js's snippet syntax and the
/// chosen interface (synchronous, async-await, callback, promise).
struct Snippet {
  let interface: RunOptions.SnippetInterface

  /// The snippets for `step`, one per expression the generator offers.
  func snippets(for step: PickleStep, expressions: [CucumberExpressionGenerator.Generated]) -> [Suggestion.Snippet] {
    let keyword: String
    switch step.type {
    case .action?: keyword = "When"
    case .outcome?: keyword = "Then"
    default: keyword = "Given"
    }
    var extra: [String] = []
    if step.argument?.dataTable != nil { extra.append("dataTable") }
    if step.argument?.docString != nil { extra.append("docString") }
    if interface == .callback { extra.append("callback") }
    let function = interface == .asyncAwait ? "async function" : "function"
    let body: String
    switch interface {
    case .callback: body = "callback(null, 'pending');"
    case .promise: body = "return Promise.resolve('pending');"
    case .synchronous, .asyncAwait: body = "return 'pending';"
    }
    return expressions.map { expression in
      let parameters = (expression.parameterNames + extra).joined(separator: ", ")
      let pattern = expression.source.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
      return Suggestion.Snippet(
        language: "javascript",
        code:
          "\(keyword)('\(pattern)', \(function) (\(parameters)) {\n  // Write code here that turns the phrase above into concrete actions\n  \(body)\n});"
      )
    }
  }
}
