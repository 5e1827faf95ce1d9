/// The HTML Standard's tree construction stage (§13.2.6): receives tokens and writes the
/// tree-operation stream (`TreeOperation`) into batches.
///
/// It keeps only the parser's own state: the stack of open elements, the list of active
/// formatting elements, the insertion modes, the head and form element pointers, and node ids.
/// Every decision that needs the DOM's state is an operation the DOM runtime resolves. Nothing
/// recurses with the input: 100,000 nested tags use heap memory only, and elements deeper than
/// `maximumDepth` are inserted beside their parent, as Chromium does. Not thread-safe: one parse
/// on one thread at a time.
public final class TreeBuilder: TokenSink {
  /// The insertion modes of §13.2.4.1.
  enum InsertionMode {
    case initial, beforeHTML, beforeHead, inHead, inHeadNoscript, afterHead, inBody, text, inTable, inTableText
    case inCaption, inColumnGroup, inTableBody, inRow, inCell, inTemplate, afterBody, inFrameset, afterFrameset
    case afterAfterBody, afterAfterFrameset
  }

  /// An element's namespace, with the operand value of the tree-operation stream.
  public enum Namespace: Int32, Sendable {
    case html = 0
    case svg = 1
    case mathML = 2
  }

  /// One entry of the stack of open elements (§13.2.4.3).
  struct OpenElement {
    /// The element's node id.
    var node: Int32
    /// Where its children go: the node itself, or a template's contents.
    var target: Int32
    /// The node the element was appended to (-1 when foster parented), for the depth limit.
    var parent: Int32
    var localName: LocalName
    var namespace: Namespace
    /// The interned id of the tag name as the tokenizer produced it (lowercase).
    var nameKey: Int32
    /// Whether it is an HTML integration point (a MathML `annotation-xml` with an HTML encoding, or
    /// SVG `foreignObject`, `desc`, `title`).
    var isHTMLIntegrationPoint: Bool

    func `is`(_ name: LocalName) -> Bool { namespace == .html && localName == name }
  }

  /// An entry of the list of active formatting elements (§13.2.4.4): a marker (`element` nil) or
  /// an element with the token it was created for.
  struct FormattingEntry {
    var element: OpenElement?
    var tag: Tag
  }

  /// How deep the stack of open elements gets before elements are inserted beside their parent.
  public static let maximumDepth = 512

  var batch = TreeOperationBatch()
  var mode: InsertionMode = .initial
  var originalMode: InsertionMode = .initial
  var templateModes: [InsertionMode] = []
  var stack: [OpenElement] = []
  var formatting: [FormattingEntry] = []
  var headElement: OpenElement?
  var formElement: OpenElement?
  var framesetOK = true
  var fosterParenting = false
  var ignoreLineFeed = false
  var pendingTableCharacters: [UInt8] = []
  var pendingTableCharactersHaveNonWhitespace = false
  var directive: TokenDirective = .proceed
  /// How many HTML elements of each name are on the stack of open elements, so that the scope
  /// checks of an absent name cost nothing however deep the stack is.
  var openCounts = [Int32](repeating: 0, count: LocalName.count)
  /// Whether each node id is on the stack of open elements, indexed by node id.
  var onStack: [Bool] = [false]
  var nextNode: Int32 = 1
  /// `createElement`'s scratch buffer: each attribute's namespace and name id.
  var attributeNameBuffer: [(Int32, Int32)] = []
  /// Per-parse name ids, by name.
  var nameIDs = NameIDTable()
  let scripting: Bool
  /// The context element of fragment parsing, nil for a document.
  let context: OpenElement?
  var quirksMode: QuirksMode = .noQuirks
  /// Whether end of file was processed.
  public internal(set) var stopped = false
  /// The encoding the first `<meta>` the "in head" rules inserted declares, nil when none has.
  ///
  /// A `<meta charset>` or `<meta http-equiv=content-type>` (§13.2.6.4.4): what "change the
  /// encoding" (§13.2.3.4) acts on while the confidence is tentative. Documents only, not fragments.
  public internal(set) var declaredEncoding: Encoding?

  /// The document's mode (§13.2.6.4.1), with the stream's operand value.
  public enum QuirksMode: Int32, Sendable {
    case noQuirks = 0
    case quirks = 1
    case limitedQuirks = 2
  }

  /// A builder for a document; node 0 is the document.
  public init(scripting: Bool) {
    self.scripting = scripting
    self.context = nil
  }

  /// A builder for the fragment parsing algorithm (§13.4) with a context element of `localName` in
  /// `namespace`; node 0 receives the fragment's nodes.
  public init(fragmentContextLocalName localName: [UInt8], namespace: Namespace, quirksMode: QuirksMode, scripting: Bool) {
    self.scripting = scripting
    let lowercase = localName.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    let local = LocalName.named(lowercase)
    self.context = OpenElement(
      node: -1, target: -1, parent: -1, localName: local, namespace: namespace, nameKey: -1,
      isHTMLIntegrationPoint: namespace == .svg && (local == .foreignObject || local == .desc || local == .title))
    self.quirksMode = quirksMode
    onStack = [true]
    let html = nameID(Array("html".utf8))
    stack.append(
      OpenElement(
        node: 0, target: 0, parent: -1, localName: .html, namespace: .html, nameKey: html, isHTMLIntegrationPoint: false))
    openCounts[Int(LocalName.html.rawValue)] = 1
    if context?.is(.template) == true { templateModes.append(.inTemplate) }
    resetInsertionMode()
  }

  /// The tokenizer state fragment parsing starts in for this context element (§13.4 step 4).
  public var initialTokenizerState: TokenizerState {
    guard let context, context.namespace == .html else { return .data }
    switch context.localName {
    case .title, .textarea: return .rcdata
    case .style, .xmp, .iframe, .noembed, .noframes: return .rawtext
    case .script: return .scriptData
    case .noscript: return scripting ? .rawtext : .data
    case .plaintext: return .plaintext
    default: return .data
    }
  }

  /// Takes the operations written so far, leaving an empty batch.
  public func takeBatch() -> TreeOperationBatch {
    let taken = batch
    batch = TreeOperationBatch()
    return taken
  }

  // MARK: TokenSink

  public func process(_ token: Token) -> TokenDirective {
    directive = .proceed
    if ignoreLineFeed {
      ignoreLineFeed = false
      if case .characters(let bytes) = token, bytes.first == 0x0A {
        if bytes.count > 1 { dispatch(.characters(Array(bytes.dropFirst()))) }
        return directive
      }
    }
    dispatch(token)
    return directive
  }

  public var acceptsCDATA: Bool {
    guard let node = adjustedCurrentNode else { return false }
    return node.namespace != .html
  }

  // MARK: Dispatch (§13.2.6)

  var adjustedCurrentNode: OpenElement? {
    if let context, stack.count == 1 { return context }
    return stack.last
  }

  func dispatch(_ token: Token) {
    guard let node = adjustedCurrentNode, node.namespace != .html else { return process(token, in: mode) }
    switch token {
    case .startTag(let tag):
      if node.namespace == .mathML && isMathMLTextIntegrationPoint(node.localName) {
        let local = tag.localName
        if local != .mglyph && local != .malignmark { return process(token, in: mode) }
      }
      if node.namespace == .mathML && node.localName == .annotationXML && tag.localName == .svg {
        return process(token, in: mode)
      }
      if node.isHTMLIntegrationPoint { return process(token, in: mode) }
    case .characters:
      if node.namespace == .mathML && isMathMLTextIntegrationPoint(node.localName) { return process(token, in: mode) }
      if node.isHTMLIntegrationPoint { return process(token, in: mode) }
    case .endOfFile:
      return process(token, in: mode)
    default:
      break
    }
    processForeignContent(token)
  }

  func isMathMLTextIntegrationPoint(_ name: LocalName) -> Bool {
    switch name {
    case .mi, .mo, .mn, .ms, .mtext: true
    default: false
    }
  }

  func process(_ token: Token, in mode: InsertionMode) {
    switch mode {
    case .initial: initialMode(token)
    case .beforeHTML: beforeHTMLMode(token)
    case .beforeHead: beforeHeadMode(token)
    case .inHead: inHeadMode(token)
    case .inHeadNoscript: inHeadNoscriptMode(token)
    case .afterHead: afterHeadMode(token)
    case .inBody: inBodyMode(token)
    case .text: textMode(token)
    case .inTable: inTableMode(token)
    case .inTableText: inTableTextMode(token)
    case .inCaption: inCaptionMode(token)
    case .inColumnGroup: inColumnGroupMode(token)
    case .inTableBody: inTableBodyMode(token)
    case .inRow: inRowMode(token)
    case .inCell: inCellMode(token)
    case .inTemplate: inTemplateMode(token)
    case .afterBody: afterBodyMode(token)
    case .inFrameset: inFramesetMode(token)
    case .afterFrameset: afterFramesetMode(token)
    case .afterAfterBody: afterAfterBodyMode(token)
    case .afterAfterFrameset: afterAfterFramesetMode(token)
    }
  }

  /// Processes the token again in the current insertion mode.
  func reprocess(_ token: Token) {
    process(token, in: mode)
  }
}
