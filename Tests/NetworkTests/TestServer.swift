import Foundation
import _CaperTestSupport

/// `Fixtures/server.py` running as a child process on 127.0.0.1.
///
/// Started by `init` (which waits for its ports), stopped by `deinit` or, for the shared servers
/// below, when the test process exits: the server exits when its standard input closes.
final class TestServer: @unchecked Sendable {
  /// Why the server did not start.
  struct StartFailure: Error, CustomStringConvertible {
    let description: String
  }

  private struct Ports: Decodable {
    let http: Int
    let https: Int?
    let closed: Int
  }

  /// The HTTP server the tests share (starting one per test would crowd two cores).
  static let shared = Result { try TestServer() }
  /// The HTTP and HTTPS server the TLS tests share, with a self-signed certificate.
  static let secure = Result { try TestServer(certificate: SelfSignedCertificate()) }

  private let process = Process()
  private let certificate: SelfSignedCertificate?
  private let input = Pipe()
  private let ports: Ports

  /// Starts the server; with `certificate`, it also serves HTTPS with that certificate.
  init(certificate: SelfSignedCertificate? = nil) throws {
    self.certificate = certificate
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/server.py")
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", script.path]
      + (certificate.map { ["--certificate", $0.certificatePath, "--key", $0.keyPath] } ?? [])
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { throw StartFailure(description: "server.py exited before printing its ports") }
      line.append(chunk)
    }
    ports = try JSONDecoder().decode(Ports.self, from: line)
  }

  deinit {
    try? input.fileHandleForWriting.close()
    process.terminate()
    process.waitUntilExit()
  }

  /// `http://127.0.0.1:port` followed by `path`.
  func url(_ path: String) -> String { "http://127.0.0.1:\(ports.http)\(path)" }

  /// `https://127.0.0.1:port` followed by `path` (a server started with a certificate).
  func secureURL(_ path: String) -> String { "https://127.0.0.1:\(ports.https ?? 0)\(path)" }

  /// An `http:` URL on a port where nothing listens.
  var refusingURL: String { "http://127.0.0.1:\(ports.closed)/" }
}
