import Foundation
import V8

/// A part of a realm's runtime (after deno_core's `extension!`): host functions declared
/// together with the JavaScript that uses them, and the built-in module names it adds.
///
/// Guarantees: each script is a function expression `(host, runtime) => exports`, called once
/// when the realm is made (or when its startup snapshot is made), in order. `host` holds only
/// this extension's host functions and natives, by their names here; `runtime` holds the exports
/// of the scripts installed before, by script name (`runtime.modules`, `runtime.util`, ...). No
/// script reaches another through a global, and no host function is left on the global object.
/// Everything an extension declares is part of its realm template's hash, hence of the startup
/// snapshot's key.
public struct Extension: Sendable {
  /// A function the engine implements natively, without crossing into Swift.
  public enum Native: Sendable, Hashable {
    /// `host.<name>()`: milliseconds on the isolate's monotonic clock; `host.<name>(i)` also
    /// marks stage `i` (see `Context.callInStages`).
    case clock(String)
    /// `host.<name>()`: runs the calling realm's queued promise reactions now.
    case microtaskCheckpoint(String)
    /// `host.<name>(buffer)`: detaches an ArrayBuffer (a transfer's last step).
    case arrayBufferDetach(String)

    var name: String {
      switch self {
      case .clock(let name), .microtaskCheckpoint(let name), .arrayBufferDetach(let name): name
      }
    }
  }

  /// One script: `runtime.<name>` is what it returns.
  public struct Script: Sendable {
    public var name: String
    public var source: String
    /// Swift calls its exported functions (`Realm.function(name, ...)`); the others' exports stay
    /// in JavaScript (no reference is made for them when a realm starts).
    public var calledFromSwift: Bool

    public init(name: String, source: String, calledFromSwift: Bool = false) {
      self.name = name
      self.source = source
      self.calledFromSwift = calledFromSwift
    }
  }

  public var name: String
  /// The host functions' names as the scripts call them (`host.readFile`); their Swift bodies are
  /// given per realm (`Realm.init`, keyed `"<extension>.<name>"`).
  public var hostFunctions: [String]
  public var natives: [Native]
  public var scripts: [Script]
  /// The built-in module names the scripts register (`require('path')`, `node:path`).
  public var modules: [String]

  public init(name: String, hostFunctions: [String] = [], natives: [Native] = [], scripts: [Script], modules: [String] = []) {
    self.name = name
    self.hostFunctions = hostFunctions
    self.natives = natives
    self.scripts = scripts
    self.modules = modules
  }

  /// The text of a JavaScript resource of `bundle` (`JavaScript/<path>`); a missing resource is a
  /// build fault, not a user error.
  public static func resource(_ path: String, in bundle: Bundle) -> String {
    let file = URL(fileURLWithPath: path)
    let folder = file.deletingLastPathComponent().relativePath
    let subdirectory = folder == "." ? "JavaScript" : "JavaScript/" + folder
    guard
      let url = bundle.url(
        forResource: file.deletingPathExtension().lastPathComponent, withExtension: file.pathExtension, subdirectory: subdirectory
      ),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { preconditionFailure("Caper's runtime file \(path) is missing from the bundle") }
    return text
  }
}

extension Extension {
  /// The built-ins Caper's own JavaScript uses, captured before any other script runs
  /// (`runtime.primordials`, see `primordials.js`); every realm template installs it first.
  public static let primordials = Extension(
    name: "primordials", scripts: [Script(name: "primordials", source: resource("primordials.js", in: .module))])
}
