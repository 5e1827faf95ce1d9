import Foundation
import Messages

/// `html`: one self-contained report file (no network, no CDN): the run's summary and duration,
/// features, rules, scenarios and steps with statuses, durations, doc strings, data tables,
/// errors with stacks, snippets for undefined steps, attachments (text, JSON, images inline,
/// links; a failing page's HTML snapshot in a sandboxed frame, collapsed), tags; filters by status
/// and tag, text search, and the slowest scenarios and steps.
///
/// The view's state lives in the URL
/// fragment (`#status=failed&tag=@smoke&q=login`), so a link reproduces it.
///
/// Reads only the message stream, so it works on merged shards (`caper merge --format html:...`).
/// The page is `Resources/report.html` with the run as JSON in it (`</` and `<!--` escaped).
public final class HTMLFormatter: Formatter {
  private let output: FormatterOutput
  private let model = RunModel()

  public init(output: FormatterOutput) { self.output = output }

  public func handle(_ envelope: Envelope) { model.handle(envelope) }

  public func finish() throws {
    let data = try JSONSerialization.data(withJSONObject: Self.run(model), options: [.sortedKeys, .withoutEscapingSlashes])
    // Neither `</` nor `<!--` may appear inside the script element: `<!--` puts the tokenizer in
    // script data escaped state, where a page snapshot's `<script` would swallow the end tag.
    let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
      .replacingOccurrences(of: "<!--", with: "\\u003c!--")
    guard let url = Bundle.module.url(forResource: "report", withExtension: "html"),
      let template = try? String(contentsOf: url, encoding: .utf8)
    else { throw FormatterError(message: "the html report's page is missing from Caper's bundle") }
    output.write(template.replacingOccurrences(of: "/*CAPER_RUN*/null", with: json))
    output.flush()
  }

  /// The run as the page reads it.
  static func run(_ model: RunModel) -> [String: Any] {
    var features: [String: [String: Any]] = [:]
    var featureOrder: [String] = []
    var scenarios: [[String: Any]] = []
    model.forEachExecuted { testCase, pickle, startedId in
      if features[pickle.uri] == nil, let feature = model.feature(of: pickle) {
        featureOrder.append(pickle.uri)
        features[pickle.uri] = [
          "uri": pickle.uri, "keyword": feature.keyword, "name": feature.name,
          "description": feature.description.trimmingCharacters(in: .whitespacesAndNewlines),
          "tags": feature.tags.map(\.name),
        ]
      }
      var steps: [[String: Any]] = []
      var duration = 0.0
      for (step, result) in model.results(startedId, testCase) {
        duration += RunModel.seconds(result.duration)
        var entry: [String: Any] = [
          "status": result.status.rawValue.lowercased(), "duration": RunModel.seconds(result.duration),
        ]
        if let hookId = step.hookId {
          let hook = model.hooks[hookId]
          // Hooks that passed are left out of the page, as cucumber's own report does.
          if result.status == .passed { continue }
          entry["keyword"] = model.describe(hook)
          entry["text"] = ""
        } else if let pickleStep = pickle.steps.first(where: { $0.id == step.pickleStepId }) {
          let astStep = pickleStep.astNodeIds.first.flatMap { model.astStep($0, in: pickle) }
          entry["keyword"] = astStep?.keyword ?? ""
          entry["text"] = pickleStep.text
          if let definition = step.stepDefinitionIds?.first.flatMap({ model.stepDefinitions[$0] }),
            step.stepDefinitionIds?.count == 1
          {
            entry["location"] = "\(definition.sourceReference.uri ?? ""):\(definition.sourceReference.location?.line ?? 0)"
          }
          if result.status == .undefined,
            let code = model.suggestions[pickleStep.id].flatMap({ SnippetText.combined($0.snippets) })
          {
            entry["snippet"] = code
          }
          if let docString = pickleStep.argument?.docString { entry["docString"] = docString.content }
          if let table = pickleStep.argument?.dataTable { entry["dataTable"] = table.rows.map { $0.cells.map(\.value) } }
        }
        if result.status == .failed || result.status == .ambiguous || result.status == .pending || result.status == .undefined {
          entry["error"] = result.exception?.stackTrace ?? result.message ?? ""
        }
        let attachments = (model.attachments[startedId]?[step.id] ?? []).map { attachment -> [String: Any] in
          [
            "mediaType": attachment.mediaType, "body": attachment.body,
            "base64": attachment.contentEncoding == .base64, "fileName": attachment.fileName ?? "",
          ]
        }
        if !attachments.isEmpty { entry["attachments"] = attachments }
        steps.append(entry)
      }
      scenarios.append([
        "feature": pickle.uri, "rule": model.rule(of: pickle)?.name ?? "", "name": pickle.name,
        "keyword": model.scenario(of: pickle)?.keyword ?? "Scenario", "line": pickle.location?.line ?? 0,
        "tags": pickle.tags.map(\.name), "status": model.status(of: startedId, testCase).rawValue.lowercased(),
        "duration": duration, "steps": steps,
      ])
    }
    let hooks = model.failedRunHooks.map { hook, result -> [String: Any] in
      ["name": model.describe(hook), "error": result.exception?.stackTrace ?? result.message ?? "failed"]
    }
    var started = ""
    if let stamp = model.runStarted {
      started = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(stamp.seconds)))
    }
    return [
      "features": featureOrder.compactMap { features[$0] }, "scenarios": scenarios, "failedHooks": hooks,
      "duration": model.durationSeconds, "started": started, "success": model.runFinished?.success ?? false,
    ]
  }
}
