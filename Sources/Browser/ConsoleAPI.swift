import Foundation
import Runtime
import V8

/// The page's `console` (the Console Standard, as Chrome shows it): each message recorded in
/// `PageEnvironment.consoleMessages` with Playwright's type, Chrome's text formatting and the
/// `URL:line:column` of the calling page code (`window-apis/console.js`).
///
/// Host functions (checked; hostile callers get a `HostError`): `message(type, text, location,
/// argumentsText?)` records one message (an empty location is none; the arguments' serialization
/// when kept), `keepsArguments()` says whether the browser context keeps them.
enum ConsoleAPI: PageAPI {
  static let `extension` = Extension(
    name: "console",
    hostFunctions: ["message", "keepsArguments"],
    scripts: [Extension.Script(name: "console", source: Extension.resource("window-apis/console.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "console.message": { arguments in
        guard let type = arguments.first?.stringValue, let text = arguments.dropFirst().first?.stringValue else {
          throw HostError("message(type, text, location)")
        }
        let location = arguments.dropFirst(2).first?.stringValue ?? ""
        environment.consoleMessages.append(
          ConsoleMessage(
            type: type, text: text, location: location.isEmpty ? nil : location,
            arguments: arguments.dropFirst(3).first?.stringValue))
        return .undefined
      },
      "console.keepsArguments": { _ in .bool(environment.browserContext.keepsConsoleArguments) },
    ]
  }
}
