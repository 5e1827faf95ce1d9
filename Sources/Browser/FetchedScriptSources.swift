import CodeCache
import Foundation
import HTML
import Runtime
import V8

/// The text of fetched classic scripts, decoded and keyed once per process: a page that loads a
/// bundle its process has loaded before (a later visit, another page, another worker) gets the
/// same `ScriptSource` and code-cache key, without decoding, hashing or copying the text again.
///
/// Guarantees:
/// - An entry is reused only for the same URL and encoding and byte-for-byte the same response
///   body (compared in full, so a changed script is never served stale).
/// - The text is decoded as the Encoding Standard's "decode" says: a byte order mark chooses the
///   encoding, else the script's encoding; invalid sequences become U+FFFD per maximal subpart.
///   UTF-8 bodies are decoded straight into the source (one pass), others through
///   `EncodingDecoder`.
/// - The key is `ScriptLoader.classicKey` of the URL and the decoded text: the same key the page
///   would get by evaluating the text as a string.
/// - At most `capacity` bytes (bodies plus decoded text) are kept; the least recently used entries
///   go first. Thread-safe.
public final class FetchedScriptSources: @unchecked Sendable {
  public static let shared = FetchedScriptSources()

  /// A fetched script ready to compile.
  public struct Script: @unchecked Sendable {
    public let source: ScriptSource
    public let key: CodeCacheKey
    /// The URL its key was made with (the name it compiles under).
    public let url: String
  }

  private struct Entry {
    let body: [UInt8]
    let script: Script
    var lastUse: UInt64
    var size: Int { body.count + script.source.storageSize }
  }

  /// Bytes kept at most (bodies plus decoded text).
  public let capacity: Int
  private let lock = NSLock()
  private var entries: [String: Entry] = [:]
  private var size = 0
  private var uses: UInt64 = 0

  public init(capacity: Int = 256 << 20) { self.capacity = capacity }

  /// The script whose response body is `body`, fetched from `url` and decoded with `encoding`
  /// unless a byte order mark says otherwise.
  public func script(url: String, body: [UInt8], encoding: Encoding) -> Script {
    let name = encoding.name + "\u{0}" + url
    lock.lock()
    if var known = entries[name], Self.same(known.body, body) {
      uses += 1
      known.lastUse = uses
      entries[name] = known
      lock.unlock()
      return known.script
    }
    lock.unlock()
    let script = Self.decode(url: url, body: body, encoding: encoding)
    lock.lock()
    defer { lock.unlock() }
    uses += 1
    let entry = Entry(body: body, script: script, lastUse: uses)
    if let replaced = entries.updateValue(entry, forKey: name) { size -= replaced.size }
    size += entry.size
    while size > capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
      size -= oldest.value.size
      entries.removeValue(forKey: oldest.key)
    }
    return script
  }

  private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.count == b.count
      && a.withUnsafeBytes { a in b.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
      }
  }

  private static func decode(url: String, body: [UInt8], encoding: Encoding) -> Script {
    let sniffed = EncodingSniffer.byteOrderMark(body) ?? encoding
    if sniffed == .utf8 {
      let bomLength = body.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      let script = body.withUnsafeBytes { bytes in
        let text = UnsafeRawBufferPointer(rebasing: bytes[bomLength...])
        let source = ScriptSource(utf8: text)
        return source.isValidUTF8
          ? Script(source: source, key: ScriptLoader.classicKey(filename: url, utf8: text), url: url) : nil
      }
      if let script { return script }
    }
    // The decoder drops a byte order mark of its own encoding.
    let text = EncodingDecoder.decode(body, encoding: sniffed)
    return text.withUnsafeBytes { text in
      Script(source: ScriptSource(utf8: text), key: ScriptLoader.classicKey(filename: url, utf8: text), url: url)
    }
  }
}
