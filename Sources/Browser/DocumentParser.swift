import HTML
import V8

/// Bytes to a batch of tree operations, as a browser turns a response into a document: the
/// encoding sniffed (BOM, the transport's charset, the `<meta>` prescan, windows-1252), the
/// bytes decoded to text, the text parsed by the HTML Standard's rules; a document of an XML
/// MIME type (`application/xhtml+xml`, `image/svg+xml`, `text/xml`, ...) parsed as XML by
/// libxml2 instead (`XMLDocumentParser`: not well-formed gives Chromium's `parsererror`).
///
/// Guarantees: never fails (browsers accept any bytes: invalid sequences become U+FFFD, any
/// markup gives a tree). Pure functions of their input; thread-safe.
enum DocumentParser {
  /// The decoded document's batch and the encoding's canonical name (`document.characterSet`).
  ///
  /// Scripting is enabled by default, as in a browser (a `<noscript>` holds text), although page
  /// scripts do not run yet.
  static func parse(_ document: LoadedDocument, scripting: Bool = true) -> (batch: TreeOperationBatch, encoding: String) {
    if isXMLMIMEType(document.contentType) {
      let output = XMLDocumentParser.parse(document.bytes, transportCharset: document.transportCharset)
      return (output.batch, output.characterSet)
    }
    let (encoding, confidence) = sniff(document)
    let parser = parseHTML(document.bytes, encoding: encoding, scripting: scripting)
    // "Change the encoding" (HTML §13.2.3.4): a `<meta>` declaring another encoding while the
    // confidence is tentative makes a browser navigate again; Caper has all the bytes and parses
    // them again in that encoding, with confidence certain. The whole document is decoded before
    // parsing, so step 5's switch of the decoder midway is a reparse too.
    if confidence == .tentative, let declared = parser.declaredEncoding {
      switch EncodingSniffer.changeTheEncoding(current: encoding, confidence: confidence, to: declared, decodedOnlyASCII: false) {
      case .keep: break
      case .switchDecoder(let changed), .reparse(let changed):
        return (parseHTML(document.bytes, encoding: changed, scripting: scripting).takeBatch(), changed.name)
      }
    }
    return (parser.takeBatch(), encoding.name)
  }

  /// The encoding an HTML document is decoded in before parsing, and its confidence (HTML
  /// §13.2.3.2: BOM, transport charset, the `<meta>` prescan, windows-1252).
  static func sniff(_ document: LoadedDocument) -> (Encoding, EncodingSniffer.Confidence) {
    var (encoding, confidence) = EncodingSniffer.sniff(
      prefix: document.bytes.prefix(1024), transportCharset: document.transportCharset)
    // The standard lets a browser autodetect where nothing declares the encoding (§13.2.3.2 step
    // 8); Chromium's detector reads a saved page that is valid UTF-8 as UTF-8, and so does Caper.
    if confidence == .tentative, document.url.hasPrefix("file:"), EncodingSniffer.prescan(document.bytes.prefix(1024)) == nil,
      isUTF8WithNonASCII(document.bytes)
    {
      encoding = .utf8
    }
    return (encoding, confidence)
  }

  /// Whether `bytes` are well-formed UTF-8 with at least one non-ASCII character.
  static func isUTF8WithNonASCII(_ bytes: [UInt8]) -> Bool {
    guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }

  /// A parser that has parsed all of `bytes` decoded in `encoding`.
  private static func parseHTML(_ bytes: [UInt8], encoding: Encoding, scripting: Bool) -> HTMLParser {
    let parser = HTMLParser(scripting: scripting)
    // Page scripts do not run yet: the parser goes on at once after each script end tag.
    var progress = parser.append(EncodingDecoder.decode(bytes, encoding: encoding))
    while progress == .pausedAtScript { progress = parser.resume() }
    progress = parser.finish()
    while progress == .pausedAtScript { progress = parser.resume() }
    return parser
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

extension DocumentParser {
  /// A string parsed as an XML document (`DOMParser` with an XML type): UTF-8 whatever its XML
  /// declaration says, as the string is already text.
  static func parseXMLDocument(_ markup: String) -> TreeOperationBatch {
    XMLDocumentParser.parse(Array(markup.utf8), transportCharset: "UTF-8").batch
  }

  /// Whether a MIME type's essence (lowercased) is an XML MIME type (MIME Sniffing §4.6): `text/xml`,
  /// `application/xml`, or a subtype ending in `+xml`; such documents are XML documents.
  static func isXMLMIMEType(_ essence: String) -> Bool {
    essence == "text/xml" || essence == "application/xml" || essence.hasSuffix("+xml")
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
