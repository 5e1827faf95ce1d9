import Runtime
import V8

/// What the page realm's Web APIs need of HTML's environment settings object (§8.1.3.1), in
/// `apis/settings.js`: its event loop to queue tasks on, its origin, whether it is a secure context.
///
/// Host function (checked; hostile callers get a `HostError`): `queueTask(callback)` posts
/// `callback` as a task of the page's event loop (`EventLoop.post`): it runs at a later turn, at
/// the top level, after the tasks posted before it, and is dropped when the page is closed first.
/// Never a timer, so virtual time does not move for it.
enum EnvironmentSettingsAPI: PageAPI {
  static let `extension` = Extension(
    name: "settings",
    hostFunctions: ["queueTask"],
    scripts: [Extension.Script(name: "settings", source: Extension.resource("apis/settings.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "settings.queueTask": { arguments in
        guard case .function(let callback)? = arguments.first else { throw HostError("queueTask(callback)") }
        let context = environment.realm.context
        environment.realm.loop.post(to: context) { _ = try? context.call(callback) }
        return .undefined
      }
    ]
  }
}
