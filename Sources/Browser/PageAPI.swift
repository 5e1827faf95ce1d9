import Runtime
import V8

/// A Web API of the page realm: an extension (its JavaScript, its host functions' names) and the
/// Swift bodies of those host functions for one page.
///
/// Guarantees expected of a conformer: the bodies assume hostile callers (every argument is
/// checked; a bad one throws a `HostError`, never traps), reach only what `environment` gives the
/// page, and return data made for the page. Its scripts export `interfaces` (installed on the
/// window) and `install(global, document)` (called when the window is made), after the DOM's.
protocol PageAPI {
  static var `extension`: Extension { get }
  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction]
}
