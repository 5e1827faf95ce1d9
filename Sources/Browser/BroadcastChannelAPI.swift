import Runtime
import V8

/// `BroadcastChannel` of the page realm (HTML §9.5, `apis/broadcast-channel.js`).
///
/// Messages reach the other open channels of the same name and origin in the same page realm, as
/// tasks of its event loop, structured-cloned when posted; frames and other pages of the browser
/// context have their own realms and are not reached. Installed after `MessagingAPI` (its
/// structured clone) and `EnvironmentSettingsAPI` (tasks, origin). No host functions.
enum BroadcastChannelAPI: PageAPI {
  static let `extension` = Extension(
    name: "broadcastChannel",
    scripts: [Extension.Script(name: "broadcast-channel", source: Extension.resource("apis/broadcast-channel.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
