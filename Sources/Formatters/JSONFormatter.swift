import Foundation
import Messages

/// `json`: Cucumber JSON, the report format that cucumber-html-reporter, the Jenkins Cucumber
/// plugin and other report tools read: features with their scenarios ("elements"), steps with
/// `result.status`, `result.duration` in nanoseconds and `error_message`, hooks as hidden
/// Before/After steps, attachments as `embeddings`, doc strings and data tables as `arguments`.
///
/// Field by field as cucumber-js's `json` formatter writes them (src/formatter/json_formatter.ts):
/// ids are names with spaces as dashes, lowercased, `feature;rule;scenario`; a scenario's line is
/// its example row's for an outline; a tag's line is where it is written (feature, rule, scenario
/// or examples).
public final class JSONFormatter: Formatter {
  private let output: FormatterOutput
  private let model = RunModel()

  public init(output: FormatterOutput) { self.output = output }

  public func handle(_ envelope: Envelope) { model.handle(envelope) }

  /// cucumber-js's `convertNameToId`: spaces as dashes, lowercased.
  static func slug(_ text: String) -> String {
    text.replacingOccurrences(of: " ", with: "-").lowercased()
  }

  public func finish() throws {
    var features: [String: [String: Any]] = [:]
    var elements: [String: [[String: Any]]] = [:]
    var order: [String] = []
    for (testCase, pickle, startedId) in model.executed {
      let feature = model.feature(of: pickle)
      if features[pickle.uri] == nil {
        order.append(pickle.uri)
        features[pickle.uri] = [
          "uri": pickle.uri, "id": Self.slug(feature?.name ?? pickle.uri), "keyword": feature?.keyword ?? "Feature",
          "name": feature?.name ?? "", "description": feature?.description ?? "", "line": feature?.location.line ?? 1,
          "tags": (feature?.tags ?? []).map { ["name": $0.name, "line": $0.location.line] },
        ]
      }
      let scenario = model.scenario(of: pickle)
      var steps: [[String: Any]] = []
      for step in testCase.testSteps {
        let result = model.result(startedId, step.id)
        var entry: [String: Any] = [:]
        var resultJSON: [String: Any] = ["status": (result?.status ?? .unknown).rawValue.lowercased()]
        if let result {
          resultJSON["duration"] = Int(RunModel.seconds(result.duration) * 1e9)
          if let message = result.exception?.stackTrace ?? result.message, result.status == .failed {
            resultJSON["error_message"] = message
          }
        }
        entry["result"] = resultJSON
        if let hookId = step.hookId {
          let hook = model.hooks[hookId]
          entry["keyword"] = hook?.type == .afterTestCase ? "After" : "Before"
          entry["hidden"] = true
        } else if let pickleStep = pickle.steps.first(where: { $0.id == step.pickleStepId }) {
          let astStep = pickleStep.astNodeIds.first.flatMap { model.astStep($0, in: pickle) }
          entry["keyword"] = astStep?.keyword ?? ""
          entry["name"] = pickleStep.text
          entry["line"] = astStep?.location.line ?? 0
          if let definition = step.stepDefinitionIds?.first.flatMap({ model.stepDefinitions[$0] }),
            step.stepDefinitionIds?.count == 1
          {
            entry["match"] = [
              "location": "\(definition.sourceReference.uri ?? ""):\(definition.sourceReference.location?.line ?? 0)"
            ]
          }
          if let docString = pickleStep.argument?.docString {
            entry["arguments"] = [["content": docString.content, "line": astStep?.docString?.location.line ?? 0]]
          } else if let table = pickleStep.argument?.dataTable {
            entry["arguments"] = [["rows": table.rows.map { ["cells": $0.cells.map(\.value)] }]]
          } else {
            entry["arguments"] = [Any]()
          }
        }
        let embeddings = (model.attachments[startedId]?[step.id] ?? []).map { attachment -> [String: Any] in
          let data = attachment.contentEncoding == .base64 ? attachment.body : Data(attachment.body.utf8).base64EncodedString()
          var embedding: [String: Any] = ["data": data, "mime_type": attachment.mediaType]
          // cucumber-js writes data and mime_type only; a file name (a page snapshot's
          // `page <url>.html`) is kept as `name`, as cucumber-jvm's JsonFormatter writes it.
          if let name = attachment.fileName, !name.isEmpty { embedding["name"] = name }
          return embedding
        }
        if !embeddings.isEmpty { entry["embeddings"] = embeddings }
        steps.append(entry)
      }
      // Where each tag is written: the feature, the rule, the scenario or its examples.
      let rule = model.rule(of: pickle)
      let written =
        (feature?.tags ?? []) + (rule?.tags ?? []) + (scenario?.tags ?? []) + (scenario?.examples.flatMap(\.tags) ?? [])
      let tags = pickle.tags.map { tag -> [String: Any] in
        ["name": tag.name, "line": written.first { $0.id == tag.astNodeId }?.location.line ?? 0]
      }
      let id = ([feature?.name ?? ""] + (rule.map { [$0.name] } ?? []) + [pickle.name]).map(Self.slug).joined(separator: ";")
      elements[pickle.uri, default: []].append([
        "id": id, "keyword": scenario?.keyword ?? "Scenario",
        "name": pickle.name, "description": scenario?.description ?? "", "line": pickle.location?.line ?? 0,
        "type": "scenario", "tags": tags, "steps": steps,
      ])
    }
    let json = order.map { uri -> [String: Any] in
      var feature = features[uri]!
      feature["elements"] = elements[uri] ?? []
      return feature
    }
    output.write(
      Data(try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])))
    output.write("\n")
    output.flush()
  }
}
