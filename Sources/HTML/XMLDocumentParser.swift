internal import CLibXML2

/// XML documents parsed by libxml2 into the tree-operation stream, as a browser's XML parser
/// builds a document (HTML §13.5 "Parsing XML documents"; the details of Chromium's
/// `XMLDocumentParser`, which is libxml2 too).
///
/// The bytes are decoded by libxml2 (byte order mark, XML declaration), unless the transport
/// gives a charset it knows: that one wins. Namespaces are resolved: elements and attributes get
/// their namespace, prefix and local name (`elementNS` operations), namespace declarations stay
/// attributes in the XMLNS namespace, the declarations first as in Chromium. Character references,
/// the predefined entities and general entities declared in the internal subset are expanded
/// (libxml2's amplification and depth limits apply: `XML_PARSE_HUGE` is off, so a billion laughs
/// fails as a fatal error); nothing is loaded from outside the document: no external DTD, no
/// external entity, no network (`XML_PARSE_NONET`, no `XML_PARSE_NOENT`, no `XML_PARSE_DTDLOAD`).
///
/// A document with errors is what Chromium gives: the tree up to the first fatal error, with a
/// `parsererror` element (XHTML namespace) inserted as the first child of the document element,
/// holding "error on line L at column C: message" for each error (an `html`/`body` wrapper when
/// there is no document element or it is SVG). Node id 0 is the document. Thread-safe: each call
/// parses with its own libxml2 context.
public enum XMLDocumentParser {
  /// What a parse gives.
  public struct Output: Sendable {
    /// The tree operations that build the document (node 0).
    public var batch: TreeOperationBatch
    /// The encoding the bytes were decoded with, by its WHATWG name when it has one
    /// (`document.characterSet`).
    public var characterSet: String
    /// The lines of the `parsererror` element, empty for a well-formed document.
    public var errorMessages: String
  }

  /// Parses `bytes` as an XML document; `transportCharset`, when libxml2 knows it, overrides the
  /// byte order mark and the XML declaration.
  public static func parse(_ bytes: [UInt8], transportCharset: String? = nil) -> Output {
    _ = initialized
    let sink = XMLTreeSink()
    // libxml2 needs a pointer even for no bytes (it reports "Document is empty").
    let input = bytes.isEmpty ? [0] : bytes
    var characterSet: String?
    let started = input.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { buffer in
        guard let parser = xmlCreateMemoryParserCtxt(buffer.baseAddress, Int32(clamping: bytes.count)) else { return false }
        defer {
          if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
          parser.pointee.myDoc = nil
          xmlFreeParserCtxt(parser)
        }
        // The context's own handler (libxml2 frees it with the context) becomes Caper's.
        parser.pointee.sax.pointee = saxHandler
        var options = Int32(XML_PARSE_NONET.rawValue)
        if let transportCharset, let encoding = encodingHandler(transportCharset) {
          xmlSwitchToEncoding(parser, encoding.handler)
          options |= Int32(XML_PARSE_IGNORE_ENC.rawValue)
          characterSet = encoding.name
        }
        xmlCtxtUseOptions(parser, options)
        parser.pointee._private = Unmanaged.passUnretained(sink).toOpaque()
        withExtendedLifetime(sink) { _ = xmlParseDocument(parser) }
        if characterSet == nil { characterSet = detectedEncoding(parser) }
        return true
      }
    }
    // libxml2 makes no context for no bytes; its message for an empty document.
    if !started { sink.error(level: XML_ERR_FATAL, line: 1, column: 1, message: "Document is empty\n") }
    sink.finish()
    return Output(batch: sink.batch, characterSet: characterSet ?? "UTF-8", errorMessages: sink.messages)
  }

  /// Frees what libxml2 allocated, with its deallocator.
  static func free(_ pointer: UnsafeMutableRawPointer) {
    var deallocate: xmlFreeFunc?
    xmlMemGet(&deallocate, nil, nil, nil)
    deallocate?(pointer)
  }

  /// libxml2's global state, set up once before any parse (`xmlInitParser` is not thread-safe).
  private static let initialized: Void = xmlInitParser()

  /// The SAX2 handler: Caper's callbacks build the stream; libxml2's own keep the internal
  /// subset's entity declarations (in the context's scratch document) and look entities up.
  nonisolated(unsafe) private static let saxHandler: xmlSAXHandler = {
    var handler = xmlSAXHandler()
    handler.initialized = UInt32(XML_SAX2_MAGIC)
    handler.startDocument = xmlSAX2StartDocument
    handler.internalSubset = { context, name, externalID, systemID in
      XMLDocumentParser.sink(context)?.doctype(name: name, publicID: externalID, systemID: systemID)
      xmlSAX2InternalSubset(context, name, externalID, systemID)
    }
    handler.entityDecl = xmlSAX2EntityDecl
    handler.getEntity = xmlSAX2GetEntity
    handler.getParameterEntity = xmlSAX2GetParameterEntity
    handler.startElementNs = { context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
      guard let context, let sink = XMLDocumentParser.sink(context), let localName else { return }
      sink.startElement(
        parser: context.assumingMemoryBound(to: xmlParserCtxt.self), localName: localName, prefix: prefix, uri: uri,
        namespaces: UnsafeBufferPointer(start: namespaces, count: 2 * Int(namespaceCount)),
        attributes: UnsafeBufferPointer(start: attributes, count: 5 * Int(attributeCount)))
    }
    handler.endElementNs = { context, _, _, _ in sink(context)?.endElement() }
    handler.characters = { context, characters, length in sink(context)?.characters(characters, length) }
    handler.ignorableWhitespace = handler.characters
    handler.cdataBlock = { context, characters, length in sink(context)?.cdataSection(characters, length) }
    handler.comment = { context, data in
      guard let context, !XMLDocumentParser.inSubset(context) else { return }
      XMLDocumentParser.sink(context)?.comment(data)
    }
    handler.processingInstruction = { context, target, data in
      guard let context, !XMLDocumentParser.inSubset(context) else { return }
      XMLDocumentParser.sink(context)?.processingInstruction(target: target, data: data)
    }
    handler.serror = { context, error in
      guard let error, let sink = XMLDocumentParser.sink(context) else { return }
      sink.error(
        level: error.pointee.level, line: Int(error.pointee.line), column: Int(error.pointee.int2),
        message: error.pointee.message.map { String(cString: $0) } ?? "")
    }
    return handler
  }()

  /// The sink of the parse `context` belongs to (entity contents are parsed in a child context
  /// that shares it).
  private static func sink(_ context: UnsafeMutableRawPointer?) -> XMLTreeSink? {
    guard let context, let sink = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
    return Unmanaged<XMLTreeSink>.fromOpaque(sink).takeUnretainedValue()
  }

  /// Whether libxml2 is inside the DTD (its comments and processing instructions are not nodes).
  private static func inSubset(_ context: UnsafeMutableRawPointer) -> Bool {
    context.assumingMemoryBound(to: xmlParserCtxt.self).pointee.inSubset != 0
  }

  /// libxml2's decoder for a transport charset, and the name the document reports.
  private static func encodingHandler(_ label: String) -> (handler: xmlCharEncodingHandlerPtr, name: String)? {
    let name = Encoding(label: label)?.name ?? label
    if let handler = xmlFindCharEncodingHandler(name) ?? xmlFindCharEncodingHandler(label) { return (handler, name) }
    return nil
  }

  /// The encoding libxml2 decoded with: the XML declaration's, or UTF-16 by its byte order mark.
  private static func detectedEncoding(_ parser: xmlParserCtxtPtr) -> String? {
    let declared = parser.pointee.encoding ?? parser.pointee.input?.pointee.encoding
    guard let declared else { return nil }
    let label = String(cString: declared)
    return Encoding(label: label)?.name ?? label.uppercased()
  }
}

/// The state of one XML parse: the stream so far, the open elements, the errors.
private final class XMLTreeSink {
  var batch = TreeOperationBatch()
  var messages = ""
  private var nextNode: Int32 = 1
  /// Per open element: its id and where its children go (a template's contents).
  private var openElements: [(node: Int32, childParent: Int32)] = []
  private var documentElement: (node: Int32, isSVG: Bool)?
  private var names: [String: Int32] = [:]
  private var strings: [String: (offset: Int32, length: Int32)] = [:]
  /// The last `text` operation's word index, while it is the last operation.
  private var openText = -1
  private var sawError = false
  private var errorCount = 0
  private var lastErrorPosition: (line: Int, column: Int)?

  static let htmlNamespace = "http://www.w3.org/1999/xhtml"
  static let svgNamespace = "http://www.w3.org/2000/svg"
  static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

  private var currentParent: Int32 { openElements.last?.childParent ?? 0 }

  private func newNode() -> Int32 {
    defer { nextNode += 1 }
    return nextNode
  }

  /// The id of a local name, defined by a `name` operation on first use.
  private func nameID(_ name: String) -> Int32 {
    if let id = names[name] { return id }
    let id = Int32(names.count)
    names[name] = id
    let (offset, length) = batch.appendString(name.utf8)
    batch.append(.name, id, offset, length)
    return id
  }

  /// A namespace or prefix in the text, written once per parse (a missing one is -1, 0).
  private func sharedString(_ value: UnsafePointer<xmlChar>?) -> (offset: Int32, length: Int32) {
    guard let value else { return (-1, 0) }
    return sharedString(String(cString: value))
  }

  private func sharedString(_ string: String) -> (offset: Int32, length: Int32) {
    if let location = strings[string] { return location }
    let location = batch.appendString(string.utf8)
    strings[string] = location
    return location
  }

  private func insert(_ node: Int32) {
    openText = -1
    batch.append(.append, currentParent, node)
  }

  func doctype(name: UnsafePointer<xmlChar>?, publicID: UnsafePointer<xmlChar>?, systemID: UnsafePointer<xmlChar>?) {
    let text = { (value: UnsafePointer<xmlChar>?) -> (Int32, Int32) in
      guard let value else { return (-1, 0) }
      return self.batch.appendString(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
    }
    let (nameOffset, nameLength) = text(name)
    let (publicOffset, publicLength) = text(publicID)
    let (systemOffset, systemLength) = text(systemID)
    openText = -1
    batch.append(.doctype, nameOffset, nameLength, publicOffset, publicLength, systemOffset, systemLength)
  }

  func startElement(
    parser: xmlParserCtxtPtr, localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
    namespaces: UnsafeBufferPointer<UnsafePointer<xmlChar>?>, attributes: UnsafeBufferPointer<UnsafePointer<xmlChar>?>
  ) {
    let local = String(cString: localName)
    let namespace = uri.map { String(cString: $0) }
    let node = newNode()
    let localID = nameID(local)
    var words: [Int32] = []
    words.reserveCapacity(7 * (namespaces.count / 2 + attributes.count / 5))
    let xmlns = sharedString(Self.xmlnsNamespace)
    let xmlnsPrefix = sharedString("xmlns")
    // Namespace declarations first (Chromium's order): xmlns="..." and xmlns:p="...".
    for index in stride(from: 0, to: namespaces.count, by: 2) {
      let (valueOffset, valueLength) = batch.appendString(bytes(namespaces[index + 1]))
      if let declared = namespaces[index] {
        let (prefixOffset, prefixLength) = xmlnsPrefix
        words += [
          xmlns.offset, xmlns.length, prefixOffset, prefixLength, nameID(String(cString: declared)), valueOffset, valueLength,
        ]
      } else {
        words += [xmlns.offset, xmlns.length, -1, 0, nameID("xmlns"), valueOffset, valueLength]
      }
    }
    for index in stride(from: 0, to: attributes.count, by: 5) {
      guard let attributeName = attributes[index], let start = attributes[index + 3], let end = attributes[index + 4] else {
        continue
      }
      let attributeNamespace = sharedString(attributes[index + 2])
      let attributePrefix = sharedString(attributes[index + 1])
      let value = UnsafeBufferPointer(start: start, count: end - start)
      let (valueOffset, valueLength): (Int32, Int32)
      // Without entity substitution libxml2 leaves '&' as "&#38;" and entity references as they
      // were in attribute values, for the tree builder to decode; so does this one.
      if value.contains(UInt8(ascii: "&")),
        let decoded = xmlStringLenDecodeEntities(parser, start, Int32(value.count), Int32(XML_SUBSTITUTE_REF), 0, 0, 0)
      {
        (valueOffset, valueLength) = batch.appendString(UnsafeBufferPointer(start: decoded, count: Int(xmlStrlen(decoded))))
        XMLDocumentParser.free(decoded)
      } else {
        (valueOffset, valueLength) = batch.appendString(value)
      }
      words += [
        attributeNamespace.offset, attributeNamespace.length, attributePrefix.offset, attributePrefix.length,
        nameID(String(cString: attributeName)), valueOffset, valueLength,
      ]
    }
    let elementNamespace = sharedString(uri)
    let elementPrefix = sharedString(prefix)
    openText = -1
    batch.append(
      .elementNS, node, elementNamespace.offset, elementNamespace.length, elementPrefix.offset, elementPrefix.length, localID,
      Int32(words.count / 7))
    for word in words { batch.appendOperand(word) }
    insert(node)
    if openElements.isEmpty && documentElement == nil { documentElement = (node, namespace == Self.svgNamespace) }
    var childParent = node
    if local == "template" && namespace == Self.htmlNamespace {
      childParent = newNode()
      batch.append(.templateContents, node, childParent)
    }
    openElements.append((node, childParent))
  }

  func endElement() {
    guard let (node, _) = openElements.popLast() else { return }
    openText = -1
    batch.append(.pop, node)
  }

  func characters(_ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let characters, length > 0, !openElements.isEmpty else { return }
    appendText(UnsafeBufferPointer(start: characters, count: Int(length)))
  }

  private func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
    let parent = currentParent
    if openText >= 0, openText + 5 == batch.operations.count, batch.operations[openText + 1] == parent,
      batch.operations[openText + 3] + batch.operations[openText + 4] == batch.textUTF16Count
    {
      batch.operations[openText + 4] += batch.appendString(bytes).length
      return
    }
    let (offset, length) = batch.appendString(bytes)
    openText = batch.operations.count
    batch.append(.text, parent, -1, offset, length)
  }

  func cdataSection(_ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard !openElements.isEmpty else { return }
    let (offset, count) = batch.appendString(UnsafeBufferPointer(start: characters, count: characters == nil ? 0 : Int(length)))
    let node = newNode()
    batch.append(.cdataSection, node, offset, count)
    insert(node)
  }

  func comment(_ data: UnsafePointer<xmlChar>?) {
    let (offset, length) = batch.appendString(bytes(data))
    let node = newNode()
    batch.append(.comment, node, offset, length)
    insert(node)
  }

  func processingInstruction(target: UnsafePointer<xmlChar>?, data: UnsafePointer<xmlChar>?) {
    let (targetOffset, targetLength) = batch.appendString(bytes(target))
    let (dataOffset, dataLength) = batch.appendString(bytes(data))
    let node = newNode()
    batch.append(.processingInstruction, node, targetOffset, targetLength, dataOffset, dataLength)
    insert(node)
  }

  /// Records an error as Chromium's `XMLErrors` does (libxml2 reports fatal errors as errors):
  /// up to 25, each on another line and column than the one before; warnings are listed but alone
  /// give no `parsererror`.
  func error(level: xmlErrorLevel, line: Int, column: Int, message: String) {
    if level != XML_ERR_WARNING { sawError = true }
    let samePlace = lastErrorPosition.map { $0.line == line || $0.column == column } ?? false
    guard errorCount < 25 && !samePlace else { return }
    messages += "\(level == XML_ERR_WARNING ? "warning" : "error") on line \(line) at column \(column): \(message)"
    lastErrorPosition = (line, column)
    errorCount += 1
  }

  /// Ends the stream: the `parsererror` block when there were errors.
  func finish() {
    guard sawError else {
      messages = ""
      return
    }
    openText = -1
    let html = sharedString(Self.htmlNamespace)
    let element = { (localName: String, attributes: [(String, String)]) -> Int32 in
      let node = self.newNode()
      let localID = self.nameID(localName)
      let attributeWords = attributes.flatMap { name, value -> [Int32] in
        let (offset, length) = self.batch.appendString(value.utf8)
        return [-1, 0, -1, 0, self.nameID(name), offset, length]
      }
      self.batch.append(.elementNS, node, html.offset, html.length, -1, 0, localID, Int32(attributes.count))
      for word in attributeWords { self.batch.appendOperand(word) }
      return node
    }
    let text = { (parent: Int32, data: String) in
      let (offset, length) = self.batch.appendString(data.utf8)
      self.batch.append(.text, parent, -1, offset, length)
    }
    let report = element(
      "parsererror",
      [
        (
          "style",
          "display: block; white-space: pre; border: 2px solid #c77; padding: 0 1em 0 1em; margin: 1em; background-color: #fdd; color: black"
        )
      ])
    let heading = element("h3", [])
    batch.append(.append, report, heading)
    text(heading, "This page contains the following errors:")
    let fixed = element("div", [("style", "font-family:monospace;font-size:12px")])
    batch.append(.append, report, fixed)
    text(fixed, messages)
    let footer = element("h3", [])
    batch.append(.append, report, footer)
    text(footer, "Below is a rendering of the page up to the first error.")

    guard let (root, isSVG) = documentElement else {
      let htmlElement = element("html", [])
      let body = element("body", [])
      batch.append(.append, htmlElement, body)
      batch.append(.append, 0, htmlElement)
      batch.append(.append, body, report)
      return
    }
    if isSVG {
      // The SVG root moves into an HTML body, after the report.
      let htmlElement = element("html", [])
      let head = element("head", [])
      let style = element("style", [])
      text(style, "html { display: contents }")
      batch.append(.append, head, style)
      batch.append(.append, htmlElement, head)
      let body = element("body", [])
      batch.append(.append, htmlElement, body)
      batch.append(.remove, root)
      batch.append(.append, body, root)
      batch.append(.append, 0, htmlElement)
      batch.append(.insertBefore, body, report, root)
      return
    }
    // The report becomes the document element's first child: its children move out and back.
    let holder = element("parsererror", [])
    batch.append(.moveChildren, root, holder)
    batch.append(.append, root, report)
    batch.append(.moveChildren, holder, root)
  }

  private func bytes(_ string: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
    guard let string else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: string, count: Int(xmlStrlen(string)))
  }
}
