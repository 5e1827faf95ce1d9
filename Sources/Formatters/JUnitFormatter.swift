import Foundation
import Messages

/// `junit`: JUnit XML in the Ant/Surefire format that Jenkins' JUnit plugin and GitLab's test
/// reports read: one `<testsuite>` with a `<testcase>` per scenario (classname: the feature),
/// `<failure>` for failed and ambiguous ones (and undefined or pending ones under `strict`),
/// `<skipped>` otherwise when they did not pass, the steps and their statuses in `<system-out>`
/// followed by the steps' attachments (a failing page's URL and console, see `lines`); a failed
/// BeforeAll or AfterAll hook is a failed `<testcase>` of class `hooks`.
public final class JUnitFormatter: Formatter {
  private let output: FormatterOutput
  private let strict: Bool
  private let suiteName: String
  private let model = RunModel()

  public init(output: FormatterOutput, strict: Bool = true, suiteName: String = "caper") {
    self.output = output
    self.strict = strict
    self.suiteName = suiteName
  }

  public func handle(_ envelope: Envelope) { model.handle(envelope) }

  public func finish() throws {
    var cases: [String] = []
    var failures = 0
    var skipped = 0
    // A BeforeAll or AfterAll that failed is a failed test case of its own (CI shows why).
    for (hook, result) in model.failedRunHooks {
      failures += 1
      let message = result.message ?? "failed"
      cases.append(
        "    <testcase classname=\"hooks\" name=\"\(Self.escape(model.describe(hook)))\" time=\"\(String(format: "%.3f", RunModel.seconds(result.duration)))\">\n"
          + "      <failure type=\"\(Self.escape(result.exception?.type ?? "Error"))\" message=\"\(Self.escape(message))\">\(Self.cdata(result.exception?.stackTrace ?? message))</failure>\n    </testcase>"
      )
    }
    for (testCase, pickle, startedId) in model.executed {
      let results = model.results(startedId, testCase)
      let time = results.reduce(0.0) { $0 + RunModel.seconds($1.1.duration) }
      let status = model.status(of: startedId, testCase)
      var body = ""
      let failing = status == .failed || status == .ambiguous || (strict && (status == .undefined || status == .pending))
      if failing {
        failures += 1
        let result = results.first { $0.1.status == status }?.1
        let message = result?.message ?? status.rawValue.lowercased()
        let type = result?.exception?.type ?? status.rawValue.lowercased()
        body +=
          "      <failure type=\"\(Self.escape(type))\" message=\"\(Self.escape(message))\">\(Self.cdata(result?.exception?.stackTrace ?? message))</failure>\n"
      } else if status != .passed {
        skipped += 1
        body += "      <skipped/>\n"
      }
      let steps = results.compactMap { step, result -> String? in
        guard let pickleStep = pickle.steps.first(where: { $0.id == step.pickleStepId }) else { return nil }
        let keyword = pickleStep.astNodeIds.first.flatMap { model.astStep($0, in: pickle) }?.keyword ?? ""
        let label = "\(keyword)\(pickleStep.text)"
        return label + String(repeating: ".", count: max(3, 76 - label.count)) + result.status.rawValue.lowercased()
      }
      let attachments = results.flatMap { step, _ in model.attachments[startedId]?[step.id] ?? [] }
      let out = attachments.isEmpty ? steps : steps + [""] + attachments.flatMap(Self.lines)
      body += "      <system-out>\(Self.cdata(out.joined(separator: "\n")))</system-out>\n"
      let classname = model.feature(of: pickle)?.name ?? pickle.uri
      cases.append(
        "    <testcase classname=\"\(Self.escape(classname))\" name=\"\(Self.escape(pickle.name))\" time=\"\(String(format: "%.3f", time))\">\n\(body)    </testcase>"
      )
    }
    let timestamp =
      model.runStarted.map { ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval($0.seconds))) } ?? ""
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
    xml +=
      "  <testsuite name=\"\(Self.escape(suiteName))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(String(format: "%.3f", model.durationSeconds))\" timestamp=\"\(timestamp)\">\n"
    xml += cases.map { $0 + "\n" }.joined()
    xml += "  </testsuite>\n</testsuites>\n"
    output.write(xml)
    output.flush()
  }

  /// An attachment in `<system-out>`, where cucumber-js's junit formatter
  /// (@cucumber/junit-xml-formatter) writes only the steps and drops attachments: links and
  /// logs as written, text (a failing page's console) under its name, anything else (a page's
  /// HTML snapshot, images) as one line; CI shows system-out as plain text.
  static func lines(_ attachment: Attachment) -> [String] {
    switch attachment.mediaType {
    case "text/uri-list", "text/x.cucumber.log+plain", "text/plain":
      guard let text = AttachmentText.text(attachment) else { break }
      let body = text.split(separator: "\n", omittingEmptySubsequences: attachment.mediaType == "text/uri-list").map(String.init)
      guard attachment.mediaType == "text/plain" else { return body }
      return ["\(attachment.fileName ?? "text/plain"):"] + body.map { "  " + $0 }
    default: break
    }
    return [AttachmentText.summary(attachment)]
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\r": out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func cdata(_ text: String) -> String {
    let clean = String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" ? "\u{FFFD}" : $0 }))
    return "<![CDATA[" + clean.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
  }
}
