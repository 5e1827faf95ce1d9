/// The table insertion modes: "in table", "in table text", "in caption", "in column group",
/// "in table body", "in row" and "in cell" (HTML Standard §13.2.6.4.9-15).
extension TreeBuilder {
  func inTableMode(_ token: Token) {
    switch token {
    case .characters:
      switch currentNode.namespace == .html ? currentNode.localName : .other {
      case .table, .tbody, .template, .tfoot, .thead, .tr:
        pendingTableCharacters.removeAll(keepingCapacity: true)
        pendingTableCharactersHaveNonWhitespace = false
        originalMode = mode
        mode = .inTableText
        return reprocess(token)
      default:
        break
      }
    case .comment(let data):
      return insertComment(data)
    case .doctype:
      return
    case .startTag(let tag):
      switch tag.localName {
      case .caption:
        clearStackBackToTableContext()
        insertMarker()
        insertElement(for: tag)
        mode = .inCaption
        return
      case .colgroup:
        clearStackBackToTableContext()
        insertElement(for: tag)
        mode = .inColumnGroup
        return
      case .col:
        clearStackBackToTableContext()
        insertElement(named: "colgroup")
        mode = .inColumnGroup
        return reprocess(token)
      case .tbody, .tfoot, .thead:
        clearStackBackToTableContext()
        insertElement(for: tag)
        mode = .inTableBody
        return
      case .td, .th, .tr:
        clearStackBackToTableContext()
        insertElement(named: "tbody")
        mode = .inTableBody
        return reprocess(token)
      case .table:
        guard hasElementInScope(.table, .table) else { return }
        popUntil(.table)
        resetInsertionMode()
        return reprocess(token)
      case .style, .script, .template:
        return inHeadMode(token)
      case .input where Self.isHiddenInput(tag):
        insertElement(for: tag)
        pop()
        return
      case .form:
        if hasTemplateOnStack || formElement != nil { return }
        formElement = insertElement(for: tag)
        pop()
        return
      default:
        break
      }
    case .endTag(let tag):
      switch tag.localName {
      case .table:
        guard hasElementInScope(.table, .table) else { return }
        popUntil(.table)
        resetInsertionMode()
        return
      case .body, .caption, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr:
        return
      case .template:
        return inHeadMode(token)
      default:
        break
      }
    case .endOfFile:
      return inBodyMode(token)
    }
    fosterParenting = true
    inBodyMode(token)
    fosterParenting = false
  }

  func clearStackBackToTableContext() {
    while !(currentNode.is(.table) || currentNode.is(.template) || currentNode.is(.html)) { pop() }
  }

  func clearStackBackToTableBodyContext() {
    while !(currentNode.is(.tbody) || currentNode.is(.tfoot) || currentNode.is(.thead) || currentNode.is(.template)
      || currentNode.is(.html))
    {
      pop()
    }
  }

  func clearStackBackToTableRowContext() {
    while !(currentNode.is(.tr) || currentNode.is(.template) || currentNode.is(.html)) { pop() }
  }

  func inTableTextMode(_ token: Token) {
    if case .characters(let bytes) = token {
      for byte in bytes where byte != 0 {
        pendingTableCharacters.append(byte)
        if !Self.isWhitespace(byte) { pendingTableCharactersHaveNonWhitespace = true }
      }
      return
    }
    if pendingTableCharactersHaveNonWhitespace {
      // "Anything else" of "in table": foster parented through "in body".
      fosterParenting = true
      inBodyCharacters(pendingTableCharacters)
      fosterParenting = false
    } else {
      insertCharacters(pendingTableCharacters[...])
    }
    pendingTableCharacters.removeAll(keepingCapacity: true)
    pendingTableCharactersHaveNonWhitespace = false
    mode = originalMode
    reprocess(token)
  }

  func inCaptionMode(_ token: Token) {
    switch token {
    case .endTag(let tag) where tag.localName == .caption:
      closeCaption()
      return
    case .startTag(let tag):
      switch tag.localName {
      case .caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr:
        guard closeCaption() else { return }
        return reprocess(token)
      default:
        break
      }
    case .endTag(let tag):
      switch tag.localName {
      case .table:
        guard closeCaption() else { return }
        return reprocess(token)
      case .body, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr:
        return
      default:
        break
      }
    default:
      break
    }
    inBodyMode(token)
  }

  /// The end tag `caption` rules; false when no caption is in table scope.
  @discardableResult
  func closeCaption() -> Bool {
    guard hasElementInScope(.caption, .table) else { return false }
    generateImpliedEndTags()
    popUntil(.caption)
    clearFormattingToLastMarker()
    mode = .inTable
    return true
  }

  func inColumnGroupMode(_ token: Token) {
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
      case .html: return inBodyMode(token)
      case .col:
        insertElement(for: tag)
        pop()
        return
      case .template: return inHeadMode(token)
      default: break
      }
    case .endTag(let tag):
      switch tag.localName {
      case .colgroup:
        guard currentNode.is(.colgroup) else { return }
        pop()
        mode = .inTable
        return
      case .col: return
      case .template: return inHeadMode(token)
      default: break
      }
    case .endOfFile:
      return inBodyMode(token)
    }
    guard currentNode.is(.colgroup) else { return }
    pop()
    mode = .inTable
    reprocess(token)
  }

  func inTableBodyMode(_ token: Token) {
    switch token {
    case .startTag(let tag):
      switch tag.localName {
      case .tr:
        clearStackBackToTableBodyContext()
        insertElement(for: tag)
        mode = .inRow
        return
      case .th, .td:
        clearStackBackToTableBodyContext()
        insertElement(named: "tr")
        mode = .inRow
        return reprocess(token)
      case .caption, .col, .colgroup, .tbody, .tfoot, .thead:
        guard hasElementInScope(oneOf: [.tbody, .thead, .tfoot], .table) else { return }
        clearStackBackToTableBodyContext()
        pop()
        mode = .inTable
        return reprocess(token)
      default:
        break
      }
    case .endTag(let tag):
      let name = tag.localName
      switch name {
      case .tbody, .tfoot, .thead:
        guard hasElementInScope(name, .table) else { return }
        clearStackBackToTableBodyContext()
        pop()
        mode = .inTable
        return
      case .table:
        guard hasElementInScope(oneOf: [.tbody, .thead, .tfoot], .table) else { return }
        clearStackBackToTableBodyContext()
        pop()
        mode = .inTable
        return reprocess(token)
      case .body, .caption, .col, .colgroup, .html, .td, .th, .tr:
        return
      default:
        break
      }
    default:
      break
    }
    inTableMode(token)
  }

  func inRowMode(_ token: Token) {
    switch token {
    case .startTag(let tag):
      switch tag.localName {
      case .th, .td:
        clearStackBackToTableRowContext()
        insertElement(for: tag)
        mode = .inCell
        insertMarker()
        return
      case .caption, .col, .colgroup, .tbody, .tfoot, .thead, .tr:
        guard closeRow() else { return }
        return reprocess(token)
      default:
        break
      }
    case .endTag(let tag):
      let name = tag.localName
      switch name {
      case .tr:
        closeRow()
        return
      case .table:
        guard closeRow() else { return }
        return reprocess(token)
      case .tbody, .tfoot, .thead:
        guard hasElementInScope(name, .table), closeRow() else { return }
        return reprocess(token)
      case .body, .caption, .col, .colgroup, .html, .td, .th:
        return
      default:
        break
      }
    default:
      break
    }
    inTableMode(token)
  }

  /// The end tag `tr` rules; false when no tr is in table scope.
  @discardableResult
  func closeRow() -> Bool {
    guard hasElementInScope(.tr, .table) else { return false }
    clearStackBackToTableRowContext()
    pop()
    mode = .inTableBody
    return true
  }

  func inCellMode(_ token: Token) {
    switch token {
    case .endTag(let tag):
      let name = tag.localName
      switch name {
      case .td, .th:
        guard hasElementInScope(name, .table) else { return }
        generateImpliedEndTags()
        popUntil(name)
        clearFormattingToLastMarker()
        mode = .inRow
        return
      case .body, .caption, .col, .colgroup, .html:
        return
      case .table, .tbody, .tfoot, .thead, .tr:
        guard hasElementInScope(name, .table) else { return }
        closeCell()
        return reprocess(token)
      default:
        break
      }
    case .startTag(let tag):
      switch tag.localName {
      case .caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr:
        guard hasElementInScope(oneOf: [.td, .th], .table) else { return }
        closeCell()
        return reprocess(token)
      default:
        break
      }
    default:
      break
    }
    inBodyMode(token)
  }

  /// "Close the cell" (§13.2.6.4.15).
  func closeCell() {
    generateImpliedEndTags()
    popUntil(oneOf: [.td, .th])
    clearFormattingToLastMarker()
    mode = .inRow
  }
}
