import Runtime
import V8

/// Structured cloning and messaging within a page (HTML §2.7, §9.3, §9.4): `structuredClone`,
/// `window.postMessage` to the page itself, `MessageChannel` and `MessagePort`, in
/// `apis/structured-clone.js` and `apis/messaging.js`; and the constructors of what Caper does not
/// run (`WebSocket`, `Worker`, `SharedWorker`), which throw a NotSupportedError DOMException.
///
/// JavaScript and one native: a message's data is cloned when it is posted and its `message` event
/// is a task of the page's event loop (`EnvironmentSettingsAPI`), never a timer; a transferred
/// ArrayBuffer is detached by the native `detach` (V8 10.2 gives JavaScript no way to).
enum MessagingAPI: PageAPI {
  static let scriptNames = ["structured-clone", "messaging"]

  static let `extension` = Extension(
    name: "messaging", natives: [.arrayBufferDetach("detach")],
    scripts: scriptNames.map { Extension.Script(name: $0, source: Extension.resource("apis/\($0).js", in: .module)) })

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
