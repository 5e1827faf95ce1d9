import HTML
import V8

/// Bytes to a batch of tree operations, as a browser turns a response into a document: the
/// encoding sniffed (BOM, the transport's charset, the `<meta>` prescan, windows-1252), the
/// bytes decoded to text, the text parsed by the HTML Standard's rules.
///
/// Guarantees: never fails (browsers accept any bytes: invalid sequences become U+FFFD, any
/// markup gives a tree). Pure functions of their input; thread-safe.
enum DocumentParser {
  /// The decoded document's batch and the encoding's canonical name (`document.characterSet`).
  ///
  /// Scripting is enabled by default, as in a browser (a `<noscript>` holds text), although page
  /// scripts do not run yet.
  static func parse(_ document: LoadedDocument, scripting: Bool = true) -> (batch: TreeOperationBatch, encoding: String) {
    let (encoding, _) = EncodingSniffer.sniff(prefix: document.bytes.prefix(1024), transportCharset: document.transportCharset)
    let text = EncodingDecoder.decode(document.bytes, encoding: encoding)
    let parser = HTMLParser(scripting: scripting)
    // Page scripts do not run yet: the parser goes on at once after each script end tag.
    var progress = parser.append(text)
    while progress == .pausedAtScript { progress = parser.resume() }
    progress = parser.finish()
    while progress == .pausedAtScript { progress = parser.resume() }
    return (parser.takeBatch(), encoding.name)
  }

  /// A fragment parsed in the context of an element (HTML §13.4): what `innerHTML` and
  /// `insertAdjacentHTML` apply.
  static func parseFragment(
    _ markup: String, contextLocalName: String, namespace: TreeBuilder.Namespace, quirksMode: TreeBuilder.QuirksMode,
    scripting: Bool
  ) -> TreeOperationBatch {
    let parser = HTMLParser(
      fragmentContext: (localName: contextLocalName, namespace: namespace), quirksMode: quirksMode, scripting: scripting)
    parser.append(Array(markup.utf8))
    parser.finish()
    return parser.takeBatch()
  }

  /// A string parsed as a whole document (`DOMParser` with `text/html`).
  static func parseDocument(_ markup: String, scripting: Bool = false) -> TreeOperationBatch {
    let parser = HTMLParser(scripting: scripting)
    var progress = parser.append(Array(markup.utf8))
    while progress == .pausedAtScript { progress = parser.resume() }
    progress = parser.finish()
    while progress == .pausedAtScript { progress = parser.resume() }
    return parser.takeBatch()
  }
}

extension TreeOperationBatch {
  /// The batch as the DOM runtime receives it: `[operations, text]`, the words as an
  /// `ArrayBuffer` of little-endian 32-bit integers.
  var javaScriptValue: JSValue {
    .array([.arrayBuffer(operationBytes), .string(textString)])
  }

  /// The operation words as little-endian bytes.
  var operationBytes: [UInt8] {
    operations.withUnsafeBytes { raw in
      var bytes = [UInt8](raw)
      if Int32(1).littleEndian != 1 {
        for i in stride(from: 0, to: bytes.count, by: 4) { bytes[i..<i + 4].reverse() }
      }
      return bytes
    }
  }
}
