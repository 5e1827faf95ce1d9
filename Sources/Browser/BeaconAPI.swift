import Runtime
import V8

/// `navigator.sendBeacon` (Beacon §3.2, `apis/beacon.js`): a keepalive POST through the page's own
/// `fetch`, so it goes through `FetchAPI`'s host functions (cookies, CORS, the network thread).
///
/// Installed after `FetchAPI` and `NavigatorAPI`, whose `fetch` and `Navigator` it uses. No
/// response reaches the page; bodies over 64 KiB are refused (`false`). No host functions.
enum BeaconAPI: PageAPI {
  static let `extension` = Extension(
    name: "beacon",
    scripts: [Extension.Script(name: "beacon", source: Extension.resource("apis/beacon.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
