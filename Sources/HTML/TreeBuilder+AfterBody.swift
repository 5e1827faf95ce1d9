/// The insertion modes after the body: "after body", "in frameset", "after frameset", "after after
/// body" and "after after frameset" (HTML Standard §13.2.6.4.17-21).
extension TreeBuilder {
  func afterBodyMode(_ token: Token) {
    var token = token
    switch token {
    case .characters(let bytes):
      let (whitespace, rest) = splitWhitespace(bytes)
      if !whitespace.isEmpty { inBodyMode(.characters(Array(whitespace))) }
      guard let rest else { return }
      token = rest
    case .comment(let data):
      return insertComment(data, inside: stack[0].target)
    case .doctype:
      return
    case .startTag(let tag) where tag.localName == .html:
      return inBodyMode(token)
    case .endTag(let tag) where tag.localName == .html:
      if context == nil { mode = .afterAfterBody }
      return
    case .endOfFile:
      return stopParsing()
    default:
      break
    }
    mode = .inBody
    reprocess(token)
  }

  func inFramesetMode(_ token: Token) {
    switch token {
    case .characters(let bytes):
      insertWhitespaceOnly(bytes)
    case .comment(let data):
      insertComment(data)
    case .startTag(let tag):
      switch tag.localName {
      case .html:
        inBodyMode(token)
      case .frameset:
        insertElement(for: tag)
      case .frame:
        insertElement(for: tag)
        pop()
      case .noframes:
        inHeadMode(token)
      default:
        break
      }
    case .endTag(let tag) where tag.localName == .frameset:
      guard !(stack.count == 1 && currentNode.is(.html)) else { return }
      pop()
      if context == nil && !currentNode.is(.frameset) { mode = .afterFrameset }
    case .endOfFile:
      stopParsing()
    default:
      break
    }
  }

  /// Inserts only the whitespace characters of a run (the frameset modes ignore the others).
  private func insertWhitespaceOnly(_ bytes: [UInt8]) {
    if bytes.allSatisfy(Self.isWhitespace) { return insertCharacters(bytes[...]) }
    let whitespace = bytes.filter(Self.isWhitespace)
    insertCharacters(whitespace[...])
  }

  func afterFramesetMode(_ token: Token) {
    switch token {
    case .characters(let bytes):
      insertWhitespaceOnly(bytes)
    case .comment(let data):
      insertComment(data)
    case .startTag(let tag):
      switch tag.localName {
      case .html: inBodyMode(token)
      case .noframes: inHeadMode(token)
      default: break
      }
    case .endTag(let tag) where tag.localName == .html:
      mode = .afterAfterFrameset
    case .endOfFile:
      stopParsing()
    default:
      break
    }
  }

  func afterAfterBodyMode(_ token: Token) {
    var token = token
    switch token {
    case .comment(let data):
      return insertComment(data, inside: 0)
    case .doctype:
      return inBodyMode(token)
    case .characters(let bytes):
      let (whitespace, rest) = splitWhitespace(bytes)
      if !whitespace.isEmpty { inBodyMode(.characters(Array(whitespace))) }
      guard let rest else { return }
      token = rest
    case .startTag(let tag) where tag.localName == .html:
      return inBodyMode(token)
    case .endOfFile:
      return stopParsing()
    default:
      break
    }
    mode = .inBody
    reprocess(token)
  }

  func afterAfterFramesetMode(_ token: Token) {
    switch token {
    case .comment(let data):
      insertComment(data, inside: 0)
    case .doctype:
      inBodyMode(token)
    case .characters(let bytes):
      let whitespace = bytes.filter(Self.isWhitespace)
      if !whitespace.isEmpty { inBodyMode(.characters(whitespace)) }
    case .startTag(let tag):
      switch tag.localName {
      case .html: inBodyMode(token)
      case .noframes: inHeadMode(token)
      default: break
      }
    case .endOfFile:
      stopParsing()
    default:
      break
    }
  }
}
