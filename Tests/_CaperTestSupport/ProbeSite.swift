import Foundation

/// `Support/site/server.py`, the probe site's fixture server, running as a child process on
/// 127.0.0.1: the probe pages and their dynamic routes (delays, sequencing, cookies, redirects).
///
/// Started by `init`, which waits for the URL file the server writes; the server exits with
/// this process (it watches its parent and its standard input). One shared instance.
public final class ProbeSite: @unchecked Sendable {
  public static let shared = Result { try ProbeSite() }

  private let process = Process()
  private let input = Pipe()
  /// The base URL, ending in `/`.
  public let baseURL: String
  private let runs = NSLock()

  /// Runs `body` alone among the users of the server's shared state (the sequencing marks, the
  /// recorded form requests): suites that reset them run their probes one at a time.
  public func exclusively<T>(_ body: () throws -> T) rethrows -> T {
    runs.lock()
    defer { runs.unlock() }
    return try body()
  }

  public init() throws {
    let script = Repository.root.appendingPathComponent("Support/site/server.py")
    let urlFile = FileManager.default.temporaryDirectory.appendingPathComponent("caper-probe-site-\(UUID().uuidString)")
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", script.path, "--url-file", urlFile.path, "--parent", String(ProcessInfo.processInfo.processIdentifier),
    ]
    process.standardInput = input
    try process.run()
    let deadline = Date().addingTimeInterval(20)
    var url: String?
    while url == nil && Date() < deadline {
      if let text = try? String(contentsOf: urlFile, encoding: .utf8), text.hasSuffix("/") {
        url = text
      } else {
        Thread.sleep(forTimeInterval: 0.02)
      }
    }
    guard let url else { throw TestServer.StartFailure(description: "Support/site/server.py wrote no URL in 20 s") }
    try? FileManager.default.removeItem(at: urlFile)
    baseURL = url
  }

  deinit {
    try? input.fileHandleForWriting.close()
    process.terminate()
    process.waitUntilExit()
  }

  /// The probes with a recorded Chromium log: `(area/case, expected log)`, sorted; the load-only
  /// probes, or with `input` the input probes (`input-*`, issue 14), which run Playwright actions.
  public static func expectations(input: Bool = false) throws -> [(name: String, log: [String])] {
    let folder = Repository.root.appendingPathComponent("Support/site/expected")
    var found: [(String, [String])] = []
    for area in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where area.hasPrefix("input-") == input
    {
      let areaFolder = folder.appendingPathComponent(area)
      guard let cases = try? FileManager.default.contentsOfDirectory(atPath: areaFolder.path) else { continue }
      for file in cases.sorted() where file.hasSuffix(".json") {
        let data = try Data(contentsOf: areaFolder.appendingPathComponent(file))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let log = object["log"] as? [String]
        else { continue }
        found.append(("\(area)/\(file.dropLast(5))", log))
      }
    }
    return found
  }
}
