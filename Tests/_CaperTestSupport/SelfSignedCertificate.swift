import Foundation

/// A certificate for 127.0.0.1 signed by its own key, made with `openssl req -x509`.
///
/// No system trusts it, so a client that verifies TLS must refuse it. The files live in a
/// temporary folder removed with the value.
public final class SelfSignedCertificate: @unchecked Sendable {
  private let folder: TemporaryDirectory
  public let certificatePath: String
  public let keyPath: String

  public init() throws {
    folder = try TemporaryDirectory()
    certificatePath = folder.url.appendingPathComponent("certificate.pem").path
    keyPath = folder.url.appendingPathComponent("key.pem").path
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    openssl.arguments = [
      "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", keyPath, "-out", certificatePath, "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1",
    ]
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    guard openssl.terminationStatus == 0 else { throw TestServer.StartFailure(description: "openssl req failed") }
  }
}
