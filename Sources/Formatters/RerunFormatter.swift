import Messages

/// `rerun`: the `file:line`s of scenarios that did not pass, one file per line
/// (`features/a.feature:3:12`); `caper run @rerun.txt` runs just those again.
public final class RerunFormatter: Formatter {
  private let output: FormatterOutput
  private let model = RunModel()

  public init(output: FormatterOutput) { self.output = output }

  public func handle(_ envelope: Envelope) { model.handle(envelope) }

  public func finish() throws {
    var lines: [String: [Int]] = [:]
    var order: [String] = []
    for (testCase, pickle, startedId) in model.executed
    where ![.passed, .skipped].contains(model.status(of: startedId, testCase)) {
      if lines[pickle.uri] == nil { order.append(pickle.uri) }
      lines[pickle.uri, default: []].append(pickle.location?.line ?? 0)
    }
    output.write(order.map { uri in ([uri] + lines[uri]!.map(String.init)).joined(separator: ":") }.joined(separator: "\n"))
    output.flush()
  }
}
