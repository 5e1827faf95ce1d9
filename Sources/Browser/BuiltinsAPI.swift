import Runtime
import V8

/// The built-ins later than the page realm's engine (V8 10.2, Chrome 102's) that current pages
/// assume, as polyfills installed on the realm's own intrinsics (`builtins/later-builtins.js`).
///
/// Guarantees: no host functions; the script runs once, while the startup snapshot is made, and
/// defines `Array.prototype.toSorted/toReversed/toSpliced/with` and the same on
/// `%TypedArray%.prototype` (ECMA-262 §23.1.3, §23.2.3), `Object.groupBy`, `Map.groupBy`,
/// `Promise.withResolvers`, `Array.fromAsync`, the `Set.prototype` set-like methods (§24.2.4) and
/// `String.prototype.isWellFormed/toWellFormed` as the specification defines them (names, lengths,
/// non-enumerable, not constructors). They call only built-ins captured before any page code
/// runs, so a page that replaces prototype methods does not change what they do. Installed first
/// among the Web APIs, so every later script and every page sees them.
enum BuiltinsAPI: PageAPI {
  static let `extension` = Extension(
    name: "builtins",
    scripts: [Extension.Script(name: "later-builtins", source: Extension.resource("builtins/later-builtins.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
