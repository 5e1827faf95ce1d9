import Crypto
import Runtime
import V8

/// The Web Cryptography API in the page realm (`crypto.getRandomValues`, `crypto.randomUUID`,
/// `crypto.subtle.digest`), in `apis/crypto.js`.
///
/// Host functions (all checked; hostile callers get a `HostError`): `randomBytes(count)` is a
/// `Uint8Array` of `count` bytes (0 to 65,536, the API's quota) from the system's cryptographically
/// secure generator (`SystemRandomNumberGenerator`); `digest(name, bytes)` is the `ArrayBuffer` of
/// the SHA-1, SHA-256, SHA-384 or SHA-512 digest of `bytes` (swift-crypto), `name` as the Web
/// Cryptography API registers it (`SHA-256`).
enum CryptoAPI: PageAPI {
  static let `extension` = Extension(
    name: "crypto",
    hostFunctions: ["randomBytes", "digest"],
    scripts: [Extension.Script(name: "crypto", source: Extension.resource("apis/crypto.js", in: .module))])

  /// The most bytes `getRandomValues` fills at once (Web Cryptography API §10.1.1).
  static let quota = 65536

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "crypto.randomBytes": { arguments in
        guard let count = arguments.first?.numberValue, count >= 0, count <= Double(quota), count == count.rounded() else {
          throw HostError("randomBytes(count)")
        }
        return .bytes(randomBytes(Int(count)))
      },
      "crypto.digest": { arguments in
        guard arguments.count == 2, let name = arguments[0].stringValue, case .bytes(let bytes) = arguments[1],
          let digest = digest(name, bytes)
        else { throw HostError("digest(name, bytes)") }
        return .arrayBuffer(digest)
      },
    ]
  }

  /// `count` bytes from the system's cryptographically secure generator.
  static func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + 8)
    while bytes.count < count {
      withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
    }
    return Array(bytes.prefix(count))
  }

  /// The digest of `bytes` by the algorithm named `name`, or nil for another name.
  static func digest(_ name: String, _ bytes: [UInt8]) -> [UInt8]? {
    switch name {
    case "SHA-1": Array(Insecure.SHA1.hash(data: bytes))
    case "SHA-256": Array(SHA256.hash(data: bytes))
    case "SHA-384": Array(SHA384.hash(data: bytes))
    case "SHA-512": Array(SHA512.hash(data: bytes))
    default: nil
    }
  }
}
