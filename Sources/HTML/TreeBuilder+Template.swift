/// The "in template" insertion mode (HTML Standard §13.2.6.4.16).
extension TreeBuilder {
  func inTemplateMode(_ token: Token) {
    switch token {
    case .characters, .comment, .doctype:
      inBodyMode(token)
    case .startTag(let tag):
      let name = tag.localName
      switch name {
      case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
        inHeadMode(token)
      case .caption, .colgroup, .tbody, .tfoot, .thead:
        switchTemplateMode(to: .inTable, token)
      case .col:
        switchTemplateMode(to: .inColumnGroup, token)
      case .tr:
        switchTemplateMode(to: .inTableBody, token)
      case .td, .th:
        switchTemplateMode(to: .inRow, token)
      default:
        switchTemplateMode(to: .inBody, token)
      }
    case .endTag(let tag):
      if tag.localName == .template { inHeadMode(token) }
    case .endOfFile:
      guard hasTemplateOnStack else { return stopParsing() }
      popUntil(.template)
      clearFormattingToLastMarker()
      templateModes.removeLast()
      resetInsertionMode()
      reprocess(token)
    }
  }

  private func switchTemplateMode(to newMode: InsertionMode, _ token: Token) {
    templateModes.removeLast()
    templateModes.append(newMode)
    mode = newMode
    reprocess(token)
  }
}
