import Runtime
import V8

/// The File API in the page realm: `Blob`, `File`, `FileReader` and the page's `blob:` URL store
/// (`URL.createObjectURL`, `URL.revokeObjectURL`), in `apis/blob.js` and `apis/file-reader.js`.
///
/// Entirely JavaScript: a blob's bytes stay in the page realm (a `Uint8Array` no page code can
/// reach); `FileReader` reads through tasks of the page's event loop (`EnvironmentSettingsAPI`).
/// `runtime.blob.resolveBlobURL(url)` gives fetch the Blob a `blob:` URL names, or null.
/// `Blob.prototype.stream()` is absent: V8 10.2's page realm has no `ReadableStream`.
enum FileAPI: PageAPI {
  static let scriptNames = ["blob", "file-reader"]

  static let `extension` = Extension(
    name: "file",
    scripts: scriptNames.map { Extension.Script(name: $0, source: Extension.resource("apis/\($0).js", in: .module)) })

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
