import Runtime
import V8

/// The page realm's iframes (`scripting/frames.js`): each iframe's document in a frame of its own
/// (`NestedBrowsingContext`), made in a task.
///
/// Host functions (all checked; hostile callers get a `HostError`): `openFrame(url, srcdoc,
/// isSrcdoc, callback)` starts a frame for the iframe and returns its id (`callback` is the
/// parent's link the frame calls: see `frames.js`); `closeFrame(id)` closes it (an unknown id does
/// nothing). Neither makes nor disposes a realm inside the call.
enum FramesAPI: PageAPI {
  static let `extension` = Extension(
    name: "frames", hostFunctions: ["openFrame", "closeFrame"],
    scripts: [
      Extension.Script(name: "frames", source: Extension.resource("scripting/frames.js", in: .module), calledFromSwift: true)
    ])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "frames.openFrame": { arguments in
        guard let url = arguments.first?.stringValue, let srcdoc = arguments.dropFirst().first?.stringValue,
          case .bool(let isSrcdoc)? = arguments.dropFirst(2).first, case .function(let callback)? = arguments.dropFirst(3).first
        else { throw HostError("openFrame(url, srcdoc, isSrcdoc, callback)") }
        let navigables = environment.childNavigables
        let id = navigables.nextID()
        navigables.frames[id] = NestedBrowsingContext(
          id: id, url: url, srcdoc: isSrcdoc ? srcdoc : nil, parent: environment, callback: callback)
        return .number(Double(id))
      },
      "frames.closeFrame": { arguments in
        guard let id = arguments.first?.numberValue, id.isFinite, id >= 1, id < 9e15 else { throw HostError("closeFrame(id)") }
        environment.childNavigables.frames.removeValue(forKey: Int(id))?.close()
        return .undefined
      },
    ]
  }
}
