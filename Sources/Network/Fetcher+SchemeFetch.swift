import Foundation

extension Fetcher {
  /// The response to a URL answered without the network, or the network error.
  ///
  /// Fetch §4.2 scheme fetch for `about:blank`, `data:` (the data: URL processor) and `file:` (the
  /// file read whole). Runs on a dispatch queue, never the network thread (it may block on a disk); a
  /// missing or unreadable file is a network error.
  static func schemeFetch(_ request: Request, scheme: String?) -> Result<Response, NetworkError> {
    let url = request.url
    switch scheme {
    case "about":
      guard url.split(separator: "#", maxSplits: 1).first?.lowercased() == "about:blank" else {
        return .failure(NetworkError(url: url, cause: .unsupportedScheme("about")))
      }
      return .success(response(url, headers: [Header("Content-Type", "text/html;charset=utf-8")], body: []))
    case "data":
      guard let data = DataURL(url) else { return .failure(NetworkError(url: url, cause: .invalidDataURL)) }
      return .success(response(url, headers: [Header("Content-Type", data.mimeType.description)], body: data.body))
    case "file":
      return fileFetch(url)
    case let scheme?:
      return .failure(NetworkError(url: url, cause: .unsupportedScheme(scheme)))
    case nil:
      return .failure(NetworkError(url: url, cause: .invalidURL))
    }
  }

  private static func fileFetch(_ url: String) -> Result<Response, NetworkError> {
    guard let fileURL = URL(string: url), fileURL.isFileURL else { return .failure(NetworkError(url: url, cause: .invalidURL)) }
    let path = fileURL.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(NetworkError(url: url, cause: .fileNotFound))
    }
    guard !isDirectory.boolValue else { return .failure(NetworkError(url: url, cause: .fileUnreadable("is a directory"))) }
    do {
      let data = try Data(contentsOf: fileURL)
      let extensionName = fileURL.pathExtension.lowercased()
      let headers = fileContentTypes[extensionName].map { [Header("Content-Type", $0)] } ?? []
      return .success(response(url, headers: headers, body: [UInt8](data)))
    } catch {
      return .failure(NetworkError(url: url, cause: .fileUnreadable(error.localizedDescription)))
    }
  }

  private static func response(_ url: String, headers: [Header], body: [UInt8]) -> Response {
    Response(urlList: [url], status: 200, statusText: "OK", headers: headers, body: body, timing: FetchTiming())
  }

  /// Content types of files by extension, as browsers give them to local files; others have none
  /// (and are sniffed by whoever reads them).
  private static let fileContentTypes: [String: String] = [
    "html": "text/html", "htm": "text/html", "xhtml": "application/xhtml+xml", "xml": "text/xml",
    "svg": "image/svg+xml", "css": "text/css", "js": "text/javascript", "mjs": "text/javascript",
    "json": "application/json", "txt": "text/plain", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
    "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon", "wasm": "application/wasm", "pdf": "application/pdf",
  ]
}
