/// The "in body" insertion mode (HTML Standard §13.2.6.4.7) and the "text" mode (§13.2.6.4.8).
extension TreeBuilder {
  static let closesPElement: LocalNameSet = [
    .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset, .figcaption,
    .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol, .p, .search, .section, .summary, .ul,
  ]

  static let closedByEndTag: LocalNameSet = [
    .address, .article, .aside, .blockquote, .button, .center, .details, .dialog, .dir, .div, .dl, .fieldset,
    .figcaption, .figure, .footer, .header, .hgroup, .listing, .main, .menu, .nav, .ol, .pre, .search, .section,
    .select, .summary, .ul,
  ]

  static let headings: LocalNameSet = [.h1, .h2, .h3, .h4, .h5, .h6]

  func inBodyMode(_ token: Token) {
    switch token {
    case .characters(let bytes):
      inBodyCharacters(bytes)
    case .comment(let data):
      insertComment(data)
    case .doctype:
      break
    case .startTag(let tag):
      inBodyStartTag(tag)
    case .endTag(let tag):
      inBodyEndTag(tag)
    case .endOfFile:
      if !templateModes.isEmpty { return inTemplateMode(token) }
      stopParsing()
    }
  }

  func inBodyCharacters(_ bytes: [UInt8]) {
    if bytes.contains(0) {
      let kept = bytes.filter { $0 != 0 }
      if !kept.isEmpty { inBodyCharacters(kept) }
      return
    }
    reconstructFormatting()
    insertCharacters(bytes[...])
    if framesetOK && bytes.contains(where: { !Self.isWhitespace($0) }) { framesetOK = false }
  }

  func stopParsing() {
    while !stack.isEmpty { pop() }
    stopped = true
  }

  func inBodyStartTag(_ tag: Tag) {
    let name = tag.localName
    switch name {
    case .html:
      if hasTemplateOnStack { return }
      addMissingAttributes(tag, to: stack[0])
    case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
      inHeadMode(.startTag(tag))
    case .body:
      guard stack.count > 1, stack[1].is(.body), !hasTemplateOnStack else { return }
      framesetOK = false
      addMissingAttributes(tag, to: stack[1])
    case .frameset:
      guard stack.count > 1, stack[1].is(.body), framesetOK else { return }
      batch.append(.remove, stack[1].node)
      while stack.count > 1 { pop() }
      insertElement(for: tag)
      mode = .inFrameset
    case _ where Self.closesPElement.contains(name):
      closePElementInButtonScope()
      insertElement(for: tag)
    case .h1, .h2, .h3, .h4, .h5, .h6:
      closePElementInButtonScope()
      if currentNode.namespace == .html && currentNode.localName.isHeading { pop() }
      insertElement(for: tag)
    case .pre, .listing:
      closePElementInButtonScope()
      insertElement(for: tag)
      ignoreLineFeed = true
      framesetOK = false
    case .form:
      let inTemplate = hasTemplateOnStack
      if formElement != nil && !inTemplate { return }
      closePElementInButtonScope()
      let element = insertElement(for: tag)
      if !inTemplate { formElement = element }
    case .li, .dd, .dt:
      framesetOK = false
      var index = stack.count - 1
      while index >= 0 {
        let node = stack[index]
        if name == .li ? node.is(.li) : (node.is(.dd) || node.is(.dt)) {
          generateImpliedEndTags(except: node.localName)
          popUntil(node.localName)
          break
        }
        if isSpecial(node) && !node.is(.address) && !node.is(.div) && !node.is(.p) { break }
        index -= 1
      }
      closePElementInButtonScope()
      insertElement(for: tag)
    case .plaintext:
      closePElementInButtonScope()
      insertElement(for: tag)
      directive = .switchTo(.plaintext)
    case .button:
      if hasElementInScope(.button) {
        generateImpliedEndTags()
        popUntil(.button)
      }
      reconstructFormatting()
      insertElement(for: tag)
      framesetOK = false
    case .a:
      if let index = formatting.lastIndex(where: { $0.element == nil || $0.element?.is(.a) == true }),
        let element = formatting[index].element
      {
        if !adoptionAgency(nameKey: element.nameKey, localName: .a) { anyOtherEndTag(element.nameKey) }
        if let stale = formattingIndex(of: element.node) { formatting.remove(at: stale) }
        removeFromStack(element.node)
      }
      reconstructFormatting()
      let element = insertElement(for: tag)
      pushFormatting(element, tag)
    case .b, .big, .code, .em, .font, .i, .s, .small, .strike, .strong, .tt, .u:
      reconstructFormatting()
      let element = insertElement(for: tag)
      pushFormatting(element, tag)
    case .nobr:
      reconstructFormatting()
      if hasElementInScope(.nobr) {
        if !adoptionAgency(nameKey: nameID(tag.name), localName: .nobr) { anyOtherEndTag(nameID(tag.name)) }
        reconstructFormatting()
      }
      let element = insertElement(for: tag)
      pushFormatting(element, tag)
    case .applet, .marquee, .object:
      reconstructFormatting()
      insertElement(for: tag)
      insertMarker()
      framesetOK = false
    case .table:
      if quirksMode != .quirks { closePElementInButtonScope() }
      insertElement(for: tag)
      framesetOK = false
      mode = .inTable
    case .area, .br, .embed, .img, .keygen, .wbr:
      reconstructFormatting()
      insertElement(for: tag)
      pop()
      framesetOK = false
    case .input:
      if context?.is(.select) == true { return }
      if hasElementInScope(.select) { popUntil(.select) }
      reconstructFormatting()
      insertElement(for: tag)
      pop()
      if !Self.isHiddenInput(tag) { framesetOK = false }
    case .param, .source, .track:
      insertElement(for: tag)
      pop()
    case .hr:
      closePElementInButtonScope()
      if hasElementInScope(.select) { generateImpliedEndTags() }
      insertElement(for: tag)
      pop()
      framesetOK = false
    case .image:
      var renamed = tag
      renamed.name = Array("img".utf8)
      inBodyStartTag(renamed)
    case .textarea:
      insertElement(for: tag)
      ignoreLineFeed = true
      directive = .switchTo(.rcdata)
      originalMode = mode
      framesetOK = false
      mode = .text
    case .xmp:
      closePElementInButtonScope()
      reconstructFormatting()
      framesetOK = false
      parseGenericText(tag, .rawtext)
    case .iframe:
      framesetOK = false
      parseGenericText(tag, .rawtext)
    case .noembed:
      parseGenericText(tag, .rawtext)
    case .noscript where scripting:
      parseGenericText(tag, .rawtext)
    case .select:
      if context?.is(.select) == true { return }
      if hasElementInScope(.select) {
        popUntil(.select)
        return
      }
      reconstructFormatting()
      insertElement(for: tag)
      framesetOK = false
    case .option:
      if hasElementInScope(.select) {
        generateImpliedEndTags(except: .optgroup)
      } else if currentNode.is(.option) {
        pop()
      }
      reconstructFormatting()
      insertElement(for: tag)
    case .optgroup:
      if hasElementInScope(.select) {
        generateImpliedEndTags()
      } else if currentNode.is(.option) {
        pop()
      }
      reconstructFormatting()
      insertElement(for: tag)
    case .rb, .rtc:
      if hasElementInScope(.ruby) { generateImpliedEndTags() }
      insertElement(for: tag)
    case .rp, .rt:
      if hasElementInScope(.ruby) { generateImpliedEndTags(except: .rtc) }
      insertElement(for: tag)
    case .math:
      reconstructFormatting()
      insertElement(for: tag, in: .mathML)
      if tag.selfClosing { pop() }
    case .svg:
      reconstructFormatting()
      insertElement(for: tag, in: .svg)
      if tag.selfClosing { pop() }
    case .caption, .col, .colgroup, .frame, .head, .tbody, .td, .tfoot, .th, .thead, .tr:
      break
    default:
      reconstructFormatting()
      insertElement(for: tag)
    }
  }

  static func isHiddenInput(_ tag: Tag) -> Bool {
    guard let type = tag.attributes.first(where: { $0.name == Array("type".utf8) }) else { return false }
    return type.value.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } == Array("hidden".utf8)
  }

  func addMissingAttributes(_ tag: Tag, to element: OpenElement) {
    guard !tag.attributes.isEmpty else { return }
    let names = tag.attributes.map { nameID($0.name) }
    batch.append(.addMissingAttributes, element.node, Int32(tag.attributes.count))
    for (index, attribute) in tag.attributes.enumerated() {
      let (offset, length) = batch.appendString(attribute.value)
      batch.appendOperand(0)
      batch.appendOperand(names[index])
      batch.appendOperand(offset)
      batch.appendOperand(length)
    }
  }

  func inBodyEndTag(_ tag: Tag) {
    let name = tag.localName
    switch name {
    case .template:
      inHeadMode(.endTag(tag))
    case .body:
      guard hasElementInScope(.body) else { return }
      mode = .afterBody
    case .html:
      guard hasElementInScope(.body) else { return }
      mode = .afterBody
      reprocess(.endTag(tag))
    case _ where Self.closedByEndTag.contains(name):
      guard hasElementInScope(name) else { return }
      generateImpliedEndTags()
      popUntil(name)
    case .form:
      if !hasTemplateOnStack {
        let node = formElement
        formElement = nil
        guard let node, hasNodeInScope(node.node) else { return }
        generateImpliedEndTags()
        removeFromStack(node.node)
      } else {
        guard hasElementInScope(.form) else { return }
        generateImpliedEndTags()
        popUntil(.form)
      }
    case .p:
      if !hasElementInScope(.p, .button) { insertElement(named: "p") }
      closePElement()
    case .li:
      guard hasElementInScope(.li, .listItem) else { return }
      generateImpliedEndTags(except: .li)
      popUntil(.li)
    case .dd, .dt:
      guard hasElementInScope(name) else { return }
      generateImpliedEndTags(except: name)
      popUntil(name)
    case .h1, .h2, .h3, .h4, .h5, .h6:
      guard hasElementInScope(oneOf: Self.headings) else { return }
      generateImpliedEndTags()
      popUntil(oneOf: Self.headings)
    case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u:
      let key = nameID(tag.name)
      if !adoptionAgency(nameKey: key, localName: name) { anyOtherEndTag(key) }
    case .applet, .marquee, .object:
      guard hasElementInScope(name) else { return }
      generateImpliedEndTags()
      popUntil(name)
      clearFormattingToLastMarker()
    case .br:
      inBodyStartTag(Tag(name: tag.name))
    default:
      anyOtherEndTag(nameID(tag.name))
    }
  }

  /// The "any other end tag" rules of "in body".
  func anyOtherEndTag(_ key: Int32) {
    var index = stack.count - 1
    while index >= 0 {
      let node = stack[index]
      if node.namespace == .html && node.nameKey == key {
        generateImpliedEndTags(except: node.localName)
        popUntil(node: node.node)
        return
      }
      if isSpecial(node) { return }
      index -= 1
    }
  }

  // MARK: Text (§13.2.6.4.8)

  func textMode(_ token: Token) {
    switch token {
    case .characters(let bytes):
      insertCharacters(bytes[...])
    case .endOfFile:
      pop()
      mode = originalMode
      reprocess(token)
    case .endTag:
      let element = pop()
      mode = originalMode
      if element.is(.script) {
        batch.append(.pop, element.node)
        if scripting && context == nil { directive = .pause }
      }
    default:
      break
    }
  }
}
