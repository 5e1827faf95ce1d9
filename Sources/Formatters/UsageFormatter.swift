import Foundation
import Messages

/// `usage` and `usage-json`: each step definition, where it is, the steps it matched and how
/// long they took, slowest mean first (unused definitions last).
public final class UsageFormatter: Formatter {
  public enum Style { case table, json }
  private let output: FormatterOutput
  private let style: Style
  private let model = RunModel()
  private var durations: [String: Double] = [:]  // testCaseStartedId/testStepId

  public init(output: FormatterOutput, style: Style) {
    self.output = output
    self.style = style
  }

  public func handle(_ envelope: Envelope) { model.handle(envelope) }

  struct Use {
    var text: String
    var uri: String
    var line: Int
    var duration: Double?
  }

  public func finish() throws {
    var uses: [String: [Use]] = [:]
    for (testCase, pickle, startedId) in model.executed {
      for step in testCase.testSteps {
        guard let ids = step.stepDefinitionIds, ids.count == 1,
          let pickleStep = pickle.steps.first(where: { $0.id == step.pickleStepId })
        else { continue }
        let result = model.result(startedId, step.id)
        let line = pickleStep.astNodeIds.first.flatMap { model.astStep($0, in: pickle) }?.location.line ?? 0
        let duration = result.flatMap { $0.status == .passed || $0.status == .failed ? RunModel.seconds($0.duration) : nil }
        uses[ids[0], default: []].append(Use(text: pickleStep.text, uri: pickle.uri, line: line, duration: duration))
      }
    }
    let rows = model.stepDefinitionOrder.compactMap { id -> (StepDefinition, [Use], Double?)? in
      guard let definition = model.stepDefinitions[id] else { return nil }
      let matched = uses[id] ?? []
      let timed = matched.compactMap(\.duration)
      return (definition, matched, timed.isEmpty ? nil : timed.reduce(0, +) / Double(timed.count))
    }.sorted { a, b in (a.2 ?? -1) > (b.2 ?? -1) }
    switch style {
    case .json:
      let json: [[String: Any]] = rows.map { definition, matched, mean in
        var entry: [String: Any] = [
          "pattern": definition.pattern.source,
          "patternType": definition.pattern.type == .regularExpression ? "RegularExpression" : "CucumberExpression",
          "uri": definition.sourceReference.uri ?? "", "line": definition.sourceReference.location?.line ?? 0,
          "matches": matched.map { use -> [String: Any] in
            var m: [String: Any] = ["text": use.text, "uri": use.uri, "line": use.line]
            if let d = use.duration { m["duration"] = ["seconds": Int(d), "nanos": Int((d - d.rounded(.down)) * 1e9)] }
            return m
          },
        ]
        if let mean { entry["meanDuration"] = ["seconds": Int(mean), "nanos": Int((mean - mean.rounded(.down)) * 1e9)] }
        return entry
      }
      output.write(Data(try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])))
      output.write("\n")
    case .table:
      guard !rows.isEmpty else {
        output.write("No step definitions\n")
        break
      }
      func ms(_ seconds: Double?) -> String { seconds.map { String(format: "%.2fms", $0 * 1000) } ?? "-" }
      var table = BoxTable(header: ["Pattern / Text", "Duration", "Location"])
      for (definition, matched, mean) in rows {
        let pattern = definition.pattern.type == .regularExpression ? "/\(definition.pattern.source)/" : definition.pattern.source
        var texts = [pattern]
        var durations = [matched.isEmpty ? "UNUSED" : ms(mean)]
        var locations = ["\(definition.sourceReference.uri ?? ""):\(definition.sourceReference.location?.line ?? 0)"]
        for use in matched.prefix(5) {
          texts.append("  " + use.text)
          durations.append(ms(use.duration))
          locations.append("\(use.uri):\(use.line)")
        }
        if matched.count > 5 { texts.append("  \(matched.count - 5) more") }
        table.append([texts.joined(separator: "\n"), durations.joined(separator: "\n"), locations.joined(separator: "\n")])
      }
      output.write(table.text + "\n")
    }
    output.flush()
  }
}
