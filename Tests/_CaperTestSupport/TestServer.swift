import Foundation

/// `Tests/NetworkTests/Fixtures/server.py` running as a child process on 127.0.0.1 (the network
/// tests' routes; `caper scrape`'s tests fetch pages from it too).
///
/// Started by `init` (which waits for its ports), stopped by `deinit` or, for the shared servers
/// below, when the test process exits: the server exits when its standard input closes.
public final class TestServer: @unchecked Sendable {
  /// Why the server did not start.
  public struct StartFailure: Error, CustomStringConvertible {
    public let description: String
  }

  private struct Ports: Decodable {
    let http: Int
    let https: Int?
    let closed: Int
  }

  /// The HTTP server the tests share (starting one per test would crowd two cores).
  public static let shared = Result { try TestServer() }
  /// The HTTP and HTTPS server the TLS tests share, with a self-signed certificate.
  public static let secure = Result { try TestServer(certificate: SelfSignedCertificate()) }

  private let process = Process()
  private let certificate: SelfSignedCertificate?
  private let input = Pipe()
  private let ports: Ports

  /// Starts the server; with `certificate`, it also serves HTTPS with that certificate.
  public init(certificate: SelfSignedCertificate? = nil) throws {
    self.certificate = certificate
    let script = Repository.root.appendingPathComponent("Tests/NetworkTests/Fixtures/server.py")
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
  public func url(_ path: String) -> String { "http://127.0.0.1:\(ports.http)\(path)" }

  /// `https://127.0.0.1:port` followed by `path` (a server started with a certificate).
  public func secureURL(_ path: String) -> String { "https://127.0.0.1:\(ports.https ?? 0)\(path)" }

  /// An `http:` URL on a port where nothing listens.
  public var refusingURL: String { "http://127.0.0.1:\(ports.closed)/" }
}
