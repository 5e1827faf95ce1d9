import HTML
import Runtime
import V8

/// The Encoding Standard's API in the page realm (§7: `TextEncoder`, `TextDecoder`) and HTML's
/// `atob`/`btoa` (§8.3), in `apis/encoding.js` and `apis/base64.js`.
///
/// UTF-8 and UTF-16 are decoded in JavaScript; the legacy encodings cross here, to the HTML
/// module's `EncodingDecoder`. Host functions (all checked; hostile callers get a `HostError`):
/// `encodingForLabel(label)` is the name of the encoding a label names (Encoding Standard §4.2
/// "get an encoding") or null; `decodeLegacy(handle, name, bytes, stream, fatal)` decodes a chunk
/// of the stream `handle` (0 starts a new one) and returns `[handle, text, failed]`: `handle` is 0
/// once the stream ended (`stream` false, or a fatal error), `failed` is true when `fatal` and the
/// bytes hold an error (the standard's decoder "returns error"). Streams are per page and live
/// until they end; at most `LegacyStreams.limit` are open at once.
enum EncodingAPI: PageAPI {
  static let scriptNames = ["encoding", "base64"]

  static let `extension` = Extension(
    name: "encoding",
    hostFunctions: ["encodingForLabel", "decodeLegacy"],
    scripts: scriptNames.map { Extension.Script(name: $0, source: Extension.resource("apis/\($0).js", in: .module)) })

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    let streams = LegacyStreams()
    return [
      "encoding.encodingForLabel": { arguments in
        guard let label = arguments.first?.stringValue else { throw HostError("encodingForLabel(label)") }
        return Encoding(label: label).map { .string($0.name) } ?? .null
      },
      "encoding.decodeLegacy": { arguments in
        guard arguments.count == 5, let handle = arguments[0].numberValue, let name = arguments[1].stringValue,
          let encoding = Encoding(rawValue: name), case .bytes(let bytes) = arguments[2], case .bool(let stream) = arguments[3],
          case .bool(let fatal) = arguments[4]
        else { throw HostError("decodeLegacy(handle, name, bytes, stream, fatal)") }
        return try streams.decode(handle: handle, encoding: encoding, bytes: bytes, stream: stream, fatal: fatal)
      },
    ]
  }
}

/// The open legacy-encoding streams of one page's `TextDecoder`s, by handle.
///
/// Touched only on the page's isolate thread (host functions run there).
final class LegacyStreams: @unchecked Sendable {
  /// The most streams a page may keep open at once (each holds a decoder's few bytes of state).
  static let limit = 4096

  private struct Stream {
    let decoder: EncodingDecoder
    /// The last bytes fed, for gb18030's four-byte U+FFFD (0x84 0x31 0xA4 0x37), which is no error.
    var recent: [UInt8] = []
  }

  private var streams: [Int: Stream] = [:]
  private var nextHandle = 1

  /// Decodes `bytes` as the next chunk of stream `handle` (0: a new stream of `encoding`).
  func decode(handle: Double, encoding: Encoding, bytes: [UInt8], stream: Bool, fatal: Bool) throws -> JSValue {
    var key = 0
    var current: Stream
    if handle == 0 {
      guard streams.count < Self.limit else { throw HostError("decodeLegacy: too many open streams") }
      current = Stream(decoder: EncodingDecoder(encoding: encoding))
    } else {
      guard handle.isFinite, handle >= 1, handle < 9e15, let found = streams[Int(handle)], found.decoder.encoding == encoding
      else {
        throw HostError("decodeLegacy: no such stream")
      }
      key = Int(handle)
      current = found
    }
    // The stream is taken out while it decodes; it goes back only if it goes on.
    if key != 0 { streams[key] = nil }
    guard let text = fatal ? Self.decodeFatal(&current, bytes) : current.decoder.decode(bytes) else {
      return Self.result(handle: 0, text: [], failed: true)
    }
    if !stream {
      let end = current.decoder.finish()
      if fatal, Self.containsReplacement(end) { return Self.result(handle: 0, text: [], failed: true) }
      return Self.result(handle: 0, text: text + end, failed: false)
    }
    if key == 0 {
      key = nextHandle
      nextHandle += 1
    }
    streams[key] = current
    return Self.result(handle: key, text: text, failed: false)
  }

  private static func result(handle: Int, text: [UInt8], failed: Bool) -> JSValue {
    .array([.number(Double(handle)), .string(String(decoding: text, as: UTF8.self)), .bool(failed)])
  }

  /// Decodes with error detection: the decoders write U+FFFD for each error, and no legacy encoding
  /// but gb18030 (and GBK, its decoder) can encode U+FFFD itself; those are fed byte by byte.
  private static func decodeFatal(_ stream: inout Stream, _ bytes: [UInt8]) -> [UInt8]? {
    let encoding = stream.decoder.encoding
    guard encoding == .gb18030 || encoding == .gbk else {
      let output = stream.decoder.decode(bytes)
      return containsReplacement(output) ? nil : output
    }
    var output: [UInt8] = []
    for byte in bytes {
      stream.recent.append(byte)
      if stream.recent.count > 4 { stream.recent.removeFirst() }
      let piece = stream.decoder.decode(CollectionOfOne(byte))
      if containsReplacement(piece), !(piece == [0xEF, 0xBF, 0xBD] && stream.recent == [0x84, 0x31, 0xA4, 0x37]) { return nil }
      output += piece
    }
    return output
  }

  /// Whether UTF-8 `bytes` hold U+FFFD (EF BF BD, which in valid UTF-8 is nothing else).
  static func containsReplacement(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 3 else { return false }
    for index in 0...(bytes.count - 3) where bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD {
      return true
    }
    return false
  }
}
