import Foundation
import Runtime
import V8

/// `alert`, `confirm` and `prompt` (HTML §8.9.1 simple dialogs): each dialog is recorded in
/// `PageEnvironment.dialogs` and answered at once, inside the page's call, by
/// `PageEnvironment.dialogHandler` when set, else dismissed (`confirm` gives false, `prompt`
/// null), as Playwright does with no dialog listener (`window-apis/dialogs.js`).
///
/// Host function (checked; hostile callers get a `HostError`): `open(kind, message,
/// defaultValue)` gives null for a dismissed dialog, else the accepted text (`confirm` and `alert`
/// ignore it). The handler runs synchronously on the isolate's thread: it must not wait on the
/// page's event loop (issue 13's rule 5).
enum DialogAPI: PageAPI {
  static let `extension` = Extension(
    name: "dialogs",
    hostFunctions: ["open"],
    scripts: [Extension.Script(name: "dialogs", source: Extension.resource("window-apis/dialogs.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "dialogs.open": { arguments in
        guard let kind = arguments.first?.stringValue.flatMap(Dialog.Kind.init(rawValue:)),
          let message = arguments.dropFirst().first?.stringValue
        else { throw HostError("open(kind, message, defaultValue)") }
        var dialog = Dialog(kind: kind, message: message, defaultValue: arguments.dropFirst(2).first?.stringValue ?? "")
        dialog.answer = environment.dialogHandler?(dialog) ?? .dismiss
        environment.dialogs.append(dialog)
        switch dialog.answer {
        case .dismiss: return .null
        case .accept(let text): return .string(text ?? dialog.defaultValue)
        }
      }
    ]
  }
}
