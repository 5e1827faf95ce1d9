import HTML
import Runtime
import V8

/// Dynamic markup insertion (HTML §8.4): `document.open()`, `close()`, `write()` and `writeln()`
/// over the parser of the page's document (`PageLoader`).
///
/// Host functions (hostile callers get a `HostError` or a harmless answer, never a trap):
/// `enterScript()` and `exitScript()` bracket the processing of a script of the parser (its
/// insertion point and script nesting level, §13.2.6.4.8); `write(text, process)` inserts text at
/// the insertion point and gives `[operations, text, pausedAtScript]` (a batch of tree
/// operations, and whether it ends at a written script's end tag), or false when the insertion
/// point is undefined; `resume()` goes on after such a script, up to the insertion point (the same
/// answer, or null); `open()` replaces the parser by a script-created one (false when it cannot);
/// `close(process)` ends that parser's input and, when `process`, gives the last batch (else null:
/// the parser ends once the pending parsing-blocking script has run). A page without a loader
/// (scripts off) writes nothing. Runs on the isolate's thread, inside the page's calls.
enum DynamicMarkupAPI: PageAPI {
  static let `extension` = Extension(
    name: "markup", hostFunctions: ["enterScript", "exitScript", "write", "resume", "open", "close"],
    scripts: [Extension.Script(name: "dynamic-markup", source: Extension.resource("scripting/dynamic-markup.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "markup.enterScript": { _ in
        environment.documentLoader?.enterScript()
        return .undefined
      },
      "markup.exitScript": { _ in
        environment.documentLoader?.exitScript()
        return .undefined
      },
      "markup.write": { arguments in
        guard let text = arguments.first?.stringValue else { throw HostError("write(text, process)") }
        let process = arguments.dropFirst().first == .bool(true)
        guard let written = environment.documentLoader?.write(text, process: process) else { return .bool(false) }
        return answer(written)
      },
      "markup.resume": { _ in
        guard let written = environment.documentLoader?.resumeWriting() else { return .null }
        return answer(written)
      },
      "markup.open": { _ in
        .bool(environment.documentLoader?.open() ?? false)
      },
      "markup.close": { arguments in
        let process = arguments.first == .bool(true)
        guard let batch = environment.documentLoader?.close(process: process) else { return .null }
        return batch.javaScriptValue
      },
    ]
  }

  /// `[operations, text, pausedAtScript]`.
  private static func answer(_ written: (batch: TreeOperationBatch, pausedAtScript: Bool)) -> JSValue {
    .array([.arrayBuffer(written.batch.operationBytes), .string(written.batch.textString), .bool(written.pausedAtScript)])
  }
}
