/// The insertion modes before the body: "initial" with quirks-mode determination, "before html",
/// "before head", "in head", "in head noscript" and "after head" (HTML Standard §13.2.6.4.1-6).
extension TreeBuilder {
  /// Splits a characters token into its leading whitespace and the rest (nil when none is left).
  func splitWhitespace(_ bytes: [UInt8]) -> (whitespace: ArraySlice<UInt8>, rest: Token?) {
    let count = Self.whitespacePrefixLength(bytes)
    if count == bytes.count { return (bytes[...], nil) }
    return (bytes[..<count], .characters(count == 0 ? bytes : Array(bytes[count...])))
  }

  func initialMode(_ token: Token) {
    var token = token
    switch token {
    case .characters(let bytes):
      guard let rest = splitWhitespace(bytes).rest else { return }
      token = rest
    case .comment(let data):
      return insertComment(data, inside: 0)
    case .doctype(let doctype):
      let name = doctype.name.map { batch.appendString($0) } ?? (-1, 0)
      let publicID = doctype.publicIdentifier.map { batch.appendString($0) } ?? (-1, 0)
      let systemID = doctype.systemIdentifier.map { batch.appendString($0) } ?? (-1, 0)
      batch.append(.doctype, name.0, name.1, publicID.0, publicID.1, systemID.0, systemID.1)
      quirksMode = Self.quirksMode(of: doctype)
      batch.append(.mode, quirksMode.rawValue)
      mode = .beforeHTML
      return
    default:
      break
    }
    quirksMode = .quirks
    batch.append(.mode, quirksMode.rawValue)
    mode = .beforeHTML
    reprocess(token)
  }

  func beforeHTMLMode(_ token: Token) {
    var token = token
    switch token {
    case .doctype:
      return
    case .comment(let data):
      return insertComment(data, inside: 0)
    case .characters(let bytes):
      guard let rest = splitWhitespace(bytes).rest else { return }
      token = rest
    case .startTag(let tag) where tag.localName == .html:
      createRoot(tag)
      mode = .beforeHead
      return
    case .endTag(let tag):
      switch tag.localName {
      case .head, .body, .html, .br: break
      default: return
      }
    default:
      break
    }
    createRoot(Tag(name: Array("html".utf8)))
    mode = .beforeHead
    reprocess(token)
  }

  private func createRoot(_ tag: Tag) {
    var element = createElement(for: tag, in: .html)
    batch.append(.append, 0, element.node)
    element.parent = 0
    push(element)
  }

  func beforeHeadMode(_ token: Token) {
    var token = token
    switch token {
    case .characters(let bytes):
      guard let rest = splitWhitespace(bytes).rest else { return }
      token = rest
    case .comment(let data):
      return insertComment(data)
    case .doctype:
      return
    case .startTag(let tag):
      switch tag.localName {
      case .html:
        return inBodyMode(token)
      case .head:
        headElement = insertElement(for: tag)
        mode = .inHead
        return
      default:
        break
      }
    case .endTag(let tag):
      switch tag.localName {
      case .head, .body, .html, .br: break
      default: return
      }
    default:
      break
    }
    headElement = insertElement(named: "head")
    mode = .inHead
    reprocess(token)
  }

  func inHeadMode(_ token: Token) {
    var token = token
    switch token {
    case .characters(let bytes):
      let (whitespace, rest) = splitWhitespace(bytes)
      insertCharacters(whitespace)
      guard let rest else { return }
      token = rest
    case .comment(let data):
      return insertComment(data)
    case .doctype:
      return
    case .startTag(let tag):
      switch tag.localName {
      case .html:
        return inBodyMode(token)
      case .base, .basefont, .bgsound, .link, .meta:
        insertElement(for: tag)
        pop()
        if tag.localName == .meta && declaredEncoding == nil && context == nil {
          // The first `<meta>` that declares an encoding is the one "change the encoding" acts on
          // (§13.2.6.4.4): after it the confidence is certain.
          declaredEncoding = EncodingSniffer.encoding(fromMetaAttributes: tag.attributes)
        }
        return
      case .title:
        return parseGenericText(tag, .rcdata)
      case .noframes, .style:
        return parseGenericText(tag, .rawtext)
      case .noscript:
        if scripting { return parseGenericText(tag, .rawtext) }
        insertElement(for: tag)
        mode = .inHeadNoscript
        return
      case .script:
        insertElement(for: tag)
        directive = .switchTo(.scriptData)
        originalMode = mode
        mode = .text
        return
      case .template:
        insertTemplate(for: tag)
        insertMarker()
        framesetOK = false
        mode = .inTemplate
        templateModes.append(.inTemplate)
        return
      case .head:
        return
      default:
        break
      }
    case .endTag(let tag):
      switch tag.localName {
      case .head:
        pop()
        mode = .afterHead
        return
      case .body, .html, .br:
        break
      case .template:
        return endTemplate()
      default:
        return
      }
    default:
      break
    }
    pop()
    mode = .afterHead
    reprocess(token)
  }

  /// The "in head" rules for an end tag `template`.
  func endTemplate() {
    guard hasTemplateOnStack else { return }
    generateImpliedEndTags(thoroughly: true)
    popUntil(.template)
    clearFormattingToLastMarker()
    templateModes.removeLast()
    resetInsertionMode()
  }

  /// "The generic raw text element parsing algorithm" and "the generic RCDATA element parsing
  /// algorithm" (§13.2.6.2).
  func parseGenericText(_ tag: Tag, _ state: TokenizerState) {
    insertElement(for: tag)
    directive = .switchTo(state)
    originalMode = mode
    mode = .text
  }

  func inHeadNoscriptMode(_ token: Token) {
    var token = token
    switch token {
    case .doctype:
      return
    case .startTag(let tag):
      switch tag.localName {
      case .html:
        return inBodyMode(token)
      case .basefont, .bgsound, .link, .meta, .noframes, .style:
        return inHeadMode(token)
      case .head, .noscript:
        return
      default:
        break
      }
    case .endTag(let tag):
      switch tag.localName {
      case .noscript:
        pop()
        mode = .inHead
        return
      case .br:
        break
      default:
        return
      }
    case .characters(let bytes):
      let (whitespace, rest) = splitWhitespace(bytes)
      insertCharacters(whitespace)
      guard let rest else { return }
      token = rest
    case .comment:
      return inHeadMode(token)
    case .endOfFile:
      break
    }
    pop()
    mode = .inHead
    reprocess(token)
  }

  func afterHeadMode(_ token: Token) {
    var token = token
    switch token {
    case .characters(let bytes):
      let (whitespace, rest) = splitWhitespace(bytes)
      insertCharacters(whitespace)
      guard let rest else { return }
      token = rest
    case .comment(let data):
      return insertComment(data)
    case .doctype:
      return
    case .startTag(let tag):
      switch tag.localName {
      case .html:
        return inBodyMode(token)
      case .body:
        insertElement(for: tag)
        framesetOK = false
        mode = .inBody
        return
      case .frameset:
        insertElement(for: tag)
        mode = .inFrameset
        return
      case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
        guard let headElement else { return }
        push(headElement)
        inHeadMode(token)
        removeFromStack(headElement.node)
        return
      case .head:
        return
      default:
        break
      }
    case .endTag(let tag):
      switch tag.localName {
      case .template: return inHeadMode(token)
      case .body, .html, .br: break
      default: return
      }
    default:
      break
    }
    insertElement(named: "body")
    mode = .inBody
    reprocess(token)
  }

  // MARK: Quirks mode (§13.2.6.4.1)

  static func quirksMode(of doctype: Doctype) -> QuirksMode {
    if doctype.forceQuirks || doctype.name != Array("html".utf8) { return .quirks }
    let publicID = doctype.publicIdentifier.map(lowercased)
    let systemID = doctype.systemIdentifier.map(lowercased)
    if let publicID {
      if quirksPublicIdentifiers.contains(publicID) { return .quirks }
      for prefix in quirksPublicPrefixes where publicID.starts(with: prefix) { return .quirks }
    }
    if systemID == Array("http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd".utf8) { return .quirks }
    if let publicID {
      for prefix in html401Prefixes where publicID.starts(with: prefix) { return systemID == nil ? .quirks : .limitedQuirks }
      for prefix in limitedQuirksPublicPrefixes where publicID.starts(with: prefix) { return .limitedQuirks }
    }
    return .noQuirks
  }

  private static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
    bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
  }

  private static let quirksPublicIdentifiers: Set<[UInt8]> = Set(
    ["-//w3o//dtd w3 html strict 3.0//en//", "-/w3c/dtd html 4.0 transitional/en", "html"].map { Array($0.utf8) })

  private static let html401Prefixes: [[UInt8]] = [
    "-//w3c//dtd html 4.01 frameset//", "-//w3c//dtd html 4.01 transitional//",
  ].map { Array($0.utf8) }

  private static let limitedQuirksPublicPrefixes: [[UInt8]] = [
    "-//w3c//dtd xhtml 1.0 frameset//", "-//w3c//dtd xhtml 1.0 transitional//",
  ].map { Array($0.utf8) }

  private static let quirksPublicPrefixes: [[UInt8]] = [
    "+//Silmaril//dtd html Pro v0r11 19970101//", "-//AS//DTD HTML 3.0 asWedit + extensions//",
    "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//", "-//IETF//DTD HTML 2.0 Level 1//",
    "-//IETF//DTD HTML 2.0 Level 2//", "-//IETF//DTD HTML 2.0 Strict Level 1//", "-//IETF//DTD HTML 2.0 Strict Level 2//",
    "-//IETF//DTD HTML 2.0 Strict//", "-//IETF//DTD HTML 2.0//", "-//IETF//DTD HTML 2.1E//", "-//IETF//DTD HTML 3.0//",
    "-//IETF//DTD HTML 3.2 Final//", "-//IETF//DTD HTML 3.2//", "-//IETF//DTD HTML 3//", "-//IETF//DTD HTML Level 0//",
    "-//IETF//DTD HTML Level 1//", "-//IETF//DTD HTML Level 2//", "-//IETF//DTD HTML Level 3//",
    "-//IETF//DTD HTML Strict Level 0//", "-//IETF//DTD HTML Strict Level 1//", "-//IETF//DTD HTML Strict Level 2//",
    "-//IETF//DTD HTML Strict Level 3//", "-//IETF//DTD HTML Strict//", "-//IETF//DTD HTML//",
    "-//Metrius//DTD Metrius Presentational//", "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML//", "-//Microsoft//DTD Internet Explorer 2.0 Tables//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//", "-//Microsoft//DTD Internet Explorer 3.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 3.0 Tables//", "-//Netscape Comm. Corp.//DTD HTML//",
    "-//Netscape Comm. Corp.//DTD Strict HTML//", "-//O'Reilly and Associates//DTD HTML 2.0//",
    "-//O'Reilly and Associates//DTD HTML Extended 1.0//", "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
    "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
    "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
    "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//", "-//Spyglass//DTD HTML 2.0 Extended//",
    "-//Sun Microsystems Corp.//DTD HotJava HTML//", "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
    "-//W3C//DTD HTML 3 1995-03-24//", "-//W3C//DTD HTML 3.2 Draft//", "-//W3C//DTD HTML 3.2 Final//",
    "-//W3C//DTD HTML 3.2//", "-//W3C//DTD HTML 3.2S Draft//", "-//W3C//DTD HTML 4.0 Frameset//",
    "-//W3C//DTD HTML 4.0 Transitional//", "-//W3C//DTD HTML Experimental 19960712//",
    "-//W3C//DTD HTML Experimental 970421//", "-//W3C//DTD W3 HTML//", "-//W3O//DTD W3 HTML 3.0//",
    "-//WebTechs//DTD Mozilla HTML 2.0//", "-//WebTechs//DTD Mozilla HTML//",
  ].map { Array($0.lowercased().utf8) }
}
