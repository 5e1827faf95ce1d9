import Foundation
import _CaperTestSupport

/// `Tests/BrowserTests/Fixtures/fetch-server.py` running as a child process on 127.0.0.1: the
/// routes the fetch and XMLHttpRequest tests use, on two ports (two origins, for CORS).
///
/// Started by `init` (which waits for its ports), stopped by `deinit` or, for the shared server,
/// when the test process exits: the server exits when its standard input closes.
final class FetchTestServer: @unchecked Sendable {
  struct StartFailure: Error, CustomStringConvertible {
    let description: String
  }

  private struct Ports: Decodable {
    let http: Int
    let other: Int
  }

  /// The server the tests share (starting one per test would crowd two cores).
  static let shared = Result { try FetchTestServer() }

  private let process = Process()
  private let input = Pipe()
  private let ports: Ports

  init() throws {
    let script = Repository.root.appendingPathComponent("Tests/BrowserTests/Fixtures/fetch-server.py")
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path]
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { throw StartFailure(description: "fetch-server.py exited before printing its ports") }
      line.append(chunk)
    }
    ports = try JSONDecoder().decode(Ports.self, from: line)
  }

  deinit {
    try? input.fileHandleForWriting.close()
    process.terminate()
    process.waitUntilExit()
  }

  /// `http://127.0.0.1:port` followed by `path`: the page's origin in the tests.
  func url(_ path: String) -> String { "http://127.0.0.1:\(ports.http)\(path)" }

  /// The same routes on the other port: another origin.
  func otherURL(_ path: String) -> String { "http://127.0.0.1:\(ports.other)\(path)" }

  /// The other origin, serialized.
  var otherOrigin: String { "http://127.0.0.1:\(ports.other)" }

  /// The page's origin, serialized.
  var origin: String { "http://127.0.0.1:\(ports.http)" }
}
