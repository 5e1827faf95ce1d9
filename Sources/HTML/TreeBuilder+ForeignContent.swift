/// "The rules for parsing tokens in foreign content" (HTML Standard §13.2.6.5): SVG and MathML
/// elements, and the breakout back to HTML.
extension TreeBuilder {
  static let breakoutNames: LocalNameSet = [
    .b, .big, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .em, .embed, .h1, .h2, .h3, .h4, .h5, .h6,
    .head, .hr, .i, .img, .li, .listing, .menu, .meta, .nobr, .ol, .p, .pre, .ruby, .s, .small, .span, .strong,
    .strike, .sub, .sup, .table, .tt, .u, .ul, .var,
  ]

  func processForeignContent(_ token: Token) {
    switch token {
    case .characters(var bytes):
      if bytes.contains(0) {
        var replaced: [UInt8] = []
        replaced.reserveCapacity(bytes.count + 8)
        for byte in bytes {
          if byte == 0 { replaced.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { replaced.append(byte) }
        }
        if framesetOK && bytes.contains(where: { $0 != 0 && !Self.isWhitespace($0) }) { framesetOK = false }
        bytes = replaced
      } else if framesetOK && bytes.contains(where: { !Self.isWhitespace($0) }) {
        framesetOK = false
      }
      insertCharacters(bytes[...])
    case .comment(let data):
      insertComment(data)
    case .doctype:
      break
    case .startTag(let tag):
      let name = tag.localName
      if Self.breakoutNames.contains(name) || (name == .font && tag.attributes.contains(where: Self.isFontBreakoutAttribute)) {
        return breakOut(token)
      }
      let namespace = adjustedCurrentNode?.namespace ?? .html
      insertElement(for: tag, in: namespace)
      if tag.selfClosing {
        let element = pop()
        if element.namespace == .svg && element.localName == .script { batch.append(.pop, element.node) }
      }
    case .endTag(let tag):
      let name = tag.localName
      if name == .br || name == .p { return breakOut(token) }
      let key = nameID(tag.name)
      if currentNode.namespace == .svg && currentNode.localName == .script && tag.localName == .script {
        let element = pop()
        batch.append(.pop, element.node)
        return
      }
      var index = stack.count - 1
      while index > 0 {
        let node = stack[index]
        if node.nameKey == key {
          popUntil(node: node.node)
          return
        }
        index -= 1
        if stack[index].namespace == .html { return process(token, in: mode) }
      }
    case .endOfFile:
      process(token, in: mode)
    }
  }

  /// Pops to an HTML element or an integration point, then reprocesses the token in HTML content.
  private func breakOut(_ token: Token) {
    while !(currentNode.namespace == .html
      || (currentNode.namespace == .mathML && isMathMLTextIntegrationPoint(currentNode.localName))
      || currentNode.isHTMLIntegrationPoint)
    {
      pop()
    }
    reprocess(token)
  }

  private static func isFontBreakoutAttribute(_ attribute: Attribute) -> Bool {
    attribute.name == Array("color".utf8) || attribute.name == Array("face".utf8) || attribute.name == Array("size".utf8)
  }
}
