extension TokenizerStateMachine {
  /// Tokenizes the input given so far, handing tokens to the sink, until the input runs out
  /// (`.needsInput`), the sink pauses (`.paused`) or the end-of-file token is emitted
  /// (`.finished`).
  mutating func run() -> TokenizerStop {
    pauseRequested = false
    // The state machine reads from a local reference to the bytes: `run` never changes them,
    // and reading through `self` would overlap with the writes to the tokenizer's other parts.
    let bytes = input.bytes
    return bytes.withUnsafeBufferPointer { buffer in
      while true {
        if pauseRequested {
          pauseRequested = false
          return .paused
        }
        if current == .done { return .finished }
        if input.position >= input.end && !input.endIsEndOfFile && current != .numericCharacterReferenceEnd {
          flushText()
          return .needsInput
        }
        if !step(buffer) {
          flushText()
          return .needsInput
        }
      }
    }
  }

  /// Runs the current state on the next input character (or the end of file); false when the
  /// state must look further ahead than the input given so far.
  private mutating func step(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    let end = self.input.end
    var position = self.input.position
    let c: Int
    if position < end {
      c = Int(input[position])
      position += 1
    } else {
      c = endOfFile
    }
    self.input.position = position

    switch current {
    case .data:
      switch c {
      case ampersand:
        returnState = .data
        current = .characterReference
      case lessThanSign: current = .tagOpen
      case endOfFile: emitEndOfFile()
      default:
        // U+0000 goes through: the tree builder decides (§13.2.6.4.7).
        scanText(input, from: position - 1, to: end) { $0 == ampersand || $0 == lessThanSign }
      }

    case .rcdata:
      switch c {
      case ampersand:
        returnState = .rcdata
        current = .characterReference
      case lessThanSign: current = .rcdataLessThanSign
      case null: appendReplacementCharacter(to: &text)
      case endOfFile: emitEndOfFile()
      default: scanText(input, from: position - 1, to: end) { $0 == ampersand || $0 == lessThanSign || $0 == null }
      }

    case .rawtext, .scriptData:
      switch c {
      case lessThanSign: current = current == .rawtext ? .rawtextLessThanSign : .scriptDataLessThanSign
      case null: appendReplacementCharacter(to: &text)
      case endOfFile: emitEndOfFile()
      default: scanText(input, from: position - 1, to: end) { $0 == lessThanSign || $0 == null }
      }

    case .plaintext:
      switch c {
      case null: appendReplacementCharacter(to: &text)
      case endOfFile: emitEndOfFile()
      default: scanText(input, from: position - 1, to: end) { $0 == null }
      }

    case .tagOpen:
      switch c {
      case exclamationMark: current = .markupDeclarationOpen
      case solidus: current = .endTagOpen
      case asciiUpperAlpha, asciiLowerAlpha:
        startTag(isEndTag: false)
        reconsume(c, in: .tagName)
      case questionMark:
        emptyKeepingCapacity(&commentData)
        reconsume(c, in: .bogusComment)
      case endOfFile:
        text.append(UInt8(lessThanSign))
        emitEndOfFile()
      default:
        text.append(UInt8(lessThanSign))
        reconsume(c, in: .data)
      }

    case .endTagOpen:
      switch c {
      case asciiUpperAlpha, asciiLowerAlpha:
        startTag(isEndTag: true)
        reconsume(c, in: .tagName)
      case greaterThanSign: current = .data
      case endOfFile:
        text.append(UInt8(lessThanSign))
        text.append(UInt8(solidus))
        emitEndOfFile()
      default:
        emptyKeepingCapacity(&commentData)
        reconsume(c, in: .bogusComment)
      }

    case .tagName:
      switch c {
      case tab, lineFeed, formFeed, space: current = .beforeAttributeName
      case solidus: current = .selfClosingStartTag
      case greaterThanSign:
        current = .data
        emitTag()
      case null: appendReplacementCharacter(to: &tagName)
      case endOfFile: emitEndOfFile()
      default:
        self.input.position = scanName(input, from: position - 1, to: end, into: &tagName) {
          $0 == solidus || $0 == greaterThanSign
        }
      }

    case .rcdataLessThanSign, .rawtextLessThanSign:
      let textState: State = current == .rcdataLessThanSign ? .rcdata : .rawtext
      if c == solidus {
        emptyKeepingCapacity(&temporaryBuffer)
        current = current == .rcdataLessThanSign ? .rcdataEndTagOpen : .rawtextEndTagOpen
      } else {
        text.append(UInt8(lessThanSign))
        reconsume(c, in: textState)
      }

    case .rcdataEndTagOpen, .rawtextEndTagOpen, .scriptDataEndTagOpen, .scriptDataEscapedEndTagOpen:
      if isASCIIAlpha(c) {
        startTag(isEndTag: true)
        reconsume(c, in: endTagNameState(after: current))
      } else {
        text.append(UInt8(lessThanSign))
        text.append(UInt8(solidus))
        reconsume(c, in: textState(afterEndTagOpen: current))
      }

    case .rcdataEndTagName, .rawtextEndTagName, .scriptDataEndTagName, .scriptDataEscapedEndTagName:
      switch c {
      case tab, lineFeed, formFeed, space, solidus, greaterThanSign:
        if !isAppropriateEndTag {
          endTagNameIsText(c)
        } else if c == greaterThanSign {
          current = .data
          emitTag()
        } else {
          current = c == solidus ? .selfClosingStartTag : .beforeAttributeName
        }
      case asciiUpperAlpha:
        tagName.append(UInt8(c + 0x20))
        temporaryBuffer.append(UInt8(c))
      case asciiLowerAlpha:
        tagName.append(UInt8(c))
        temporaryBuffer.append(UInt8(c))
      default: endTagNameIsText(c)
      }

    case .scriptDataLessThanSign:
      switch c {
      case solidus:
        emptyKeepingCapacity(&temporaryBuffer)
        current = .scriptDataEndTagOpen
      case exclamationMark:
        current = .scriptDataEscapeStart
        text.append(UInt8(lessThanSign))
        text.append(UInt8(exclamationMark))
      default:
        text.append(UInt8(lessThanSign))
        reconsume(c, in: .scriptData)
      }

    case .scriptDataEscapeStart, .scriptDataEscapeStartDash:
      if c == hyphenMinus {
        current = current == .scriptDataEscapeStart ? .scriptDataEscapeStartDash : .scriptDataEscapedDashDash
        text.append(UInt8(hyphenMinus))
      } else {
        reconsume(c, in: .scriptData)
      }

    case .scriptDataEscaped:
      switch c {
      case hyphenMinus:
        current = .scriptDataEscapedDash
        text.append(UInt8(hyphenMinus))
      case lessThanSign: current = .scriptDataEscapedLessThanSign
      case null: appendReplacementCharacter(to: &text)
      case endOfFile: emitEndOfFile()
      default: scanText(input, from: position - 1, to: end) { $0 == hyphenMinus || $0 == lessThanSign || $0 == null }
      }

    case .scriptDataEscapedDash, .scriptDataEscapedDashDash:
      switch c {
      case hyphenMinus:
        current = .scriptDataEscapedDashDash
        text.append(UInt8(hyphenMinus))
      case lessThanSign: current = .scriptDataEscapedLessThanSign
      case greaterThanSign where current == .scriptDataEscapedDashDash:
        current = .scriptData
        text.append(UInt8(greaterThanSign))
      case null:
        current = .scriptDataEscaped
        appendReplacementCharacter(to: &text)
      case endOfFile: emitEndOfFile()
      default:
        current = .scriptDataEscaped
        text.append(UInt8(c))
      }

    case .scriptDataEscapedLessThanSign:
      switch c {
      case solidus:
        emptyKeepingCapacity(&temporaryBuffer)
        current = .scriptDataEscapedEndTagOpen
      case asciiUpperAlpha, asciiLowerAlpha:
        emptyKeepingCapacity(&temporaryBuffer)
        text.append(UInt8(lessThanSign))
        reconsume(c, in: .scriptDataDoubleEscapeStart)
      default:
        text.append(UInt8(lessThanSign))
        reconsume(c, in: .scriptDataEscaped)
      }

    case .scriptDataDoubleEscapeStart, .scriptDataDoubleEscapeEnd:
      let isStart = current == .scriptDataDoubleEscapeStart
      switch c {
      case tab, lineFeed, formFeed, space, solidus, greaterThanSign:
        let isScript = temporaryBuffer.elementsEqual("script".utf8)
        current = isStart == isScript ? .scriptDataDoubleEscaped : .scriptDataEscaped
        text.append(UInt8(c))
      case asciiUpperAlpha:
        temporaryBuffer.append(UInt8(c + 0x20))
        text.append(UInt8(c))
      case asciiLowerAlpha:
        temporaryBuffer.append(UInt8(c))
        text.append(UInt8(c))
      default:
        reconsume(c, in: isStart ? .scriptDataEscaped : .scriptDataDoubleEscaped)
      }

    case .scriptDataDoubleEscaped:
      switch c {
      case hyphenMinus:
        current = .scriptDataDoubleEscapedDash
        text.append(UInt8(hyphenMinus))
      case lessThanSign:
        current = .scriptDataDoubleEscapedLessThanSign
        text.append(UInt8(lessThanSign))
      case null: appendReplacementCharacter(to: &text)
      case endOfFile: emitEndOfFile()
      default: scanText(input, from: position - 1, to: end) { $0 == hyphenMinus || $0 == lessThanSign || $0 == null }
      }

    case .scriptDataDoubleEscapedDash, .scriptDataDoubleEscapedDashDash:
      switch c {
      case hyphenMinus:
        current = .scriptDataDoubleEscapedDashDash
        text.append(UInt8(hyphenMinus))
      case lessThanSign:
        current = .scriptDataDoubleEscapedLessThanSign
        text.append(UInt8(lessThanSign))
      case greaterThanSign where current == .scriptDataDoubleEscapedDashDash:
        current = .scriptData
        text.append(UInt8(greaterThanSign))
      case null:
        current = .scriptDataDoubleEscaped
        appendReplacementCharacter(to: &text)
      case endOfFile: emitEndOfFile()
      default:
        current = .scriptDataDoubleEscaped
        text.append(UInt8(c))
      }

    case .scriptDataDoubleEscapedLessThanSign:
      if c == solidus {
        emptyKeepingCapacity(&temporaryBuffer)
        current = .scriptDataDoubleEscapeEnd
        text.append(UInt8(solidus))
      } else {
        reconsume(c, in: .scriptDataDoubleEscaped)
      }

    case .beforeAttributeName:
      switch c {
      case tab, lineFeed, formFeed, space: break
      case solidus, greaterThanSign, endOfFile: reconsume(c, in: .afterAttributeName)
      case equalsSign:
        startAttribute()
        attributeName.append(UInt8(equalsSign))
        current = .attributeName
      default:
        startAttribute()
        reconsume(c, in: .attributeName)
      }

    case .attributeName:
      switch c {
      case tab, lineFeed, formFeed, space, solidus, greaterThanSign, endOfFile: reconsume(c, in: .afterAttributeName)
      case equalsSign: current = .beforeAttributeValue
      case null: appendReplacementCharacter(to: &attributeName)
      default:
        self.input.position = scanName(input, from: position - 1, to: end, into: &attributeName) {
          $0 == solidus || $0 == greaterThanSign || $0 == equalsSign
        }
      }

    case .afterAttributeName:
      switch c {
      case tab, lineFeed, formFeed, space: break
      case solidus: current = .selfClosingStartTag
      case equalsSign: current = .beforeAttributeValue
      case greaterThanSign:
        current = .data
        emitTag()
      case endOfFile: emitEndOfFile()
      default:
        startAttribute()
        reconsume(c, in: .attributeName)
      }

    case .beforeAttributeValue:
      switch c {
      case tab, lineFeed, formFeed, space: break
      case quotationMark: current = .attributeValueDoubleQuoted
      case apostrophe: current = .attributeValueSingleQuoted
      case greaterThanSign:
        current = .data
        emitTag()
      default: reconsume(c, in: .attributeValueUnquoted)
      }

    case .attributeValueDoubleQuoted, .attributeValueSingleQuoted:
      let quote = current == .attributeValueDoubleQuoted ? quotationMark : apostrophe
      switch c {
      case quote: current = .afterAttributeValueQuoted
      case ampersand:
        returnState = current
        current = .characterReference
      case null: appendReplacementCharacter(to: &attributeValue)
      case endOfFile: emitEndOfFile()
      default:
        scanValue(input, from: position - 1, to: end) { $0 == quote || $0 == ampersand || $0 == null }
      }

    case .attributeValueUnquoted:
      switch c {
      case tab, lineFeed, formFeed, space: current = .beforeAttributeName
      case ampersand:
        returnState = .attributeValueUnquoted
        current = .characterReference
      case greaterThanSign:
        current = .data
        emitTag()
      case null: appendReplacementCharacter(to: &attributeValue)
      case endOfFile: emitEndOfFile()
      default:
        scanValue(input, from: position - 1, to: end) {
          $0 <= space && ($0 == tab || $0 == lineFeed || $0 == formFeed || $0 == space || $0 == null)
            || $0 == ampersand || $0 == greaterThanSign
        }
      }

    case .afterAttributeValueQuoted:
      switch c {
      case tab, lineFeed, formFeed, space: current = .beforeAttributeName
      case solidus: current = .selfClosingStartTag
      case greaterThanSign:
        current = .data
        emitTag()
      case endOfFile: emitEndOfFile()
      default: reconsume(c, in: .beforeAttributeName)
      }

    case .selfClosingStartTag:
      switch c {
      case greaterThanSign:
        tagIsSelfClosing = true
        current = .data
        emitTag()
      case endOfFile: emitEndOfFile()
      default: reconsume(c, in: .beforeAttributeName)
      }

    case .bogusComment:
      switch c {
      case greaterThanSign:
        current = .data
        emitComment()
      case endOfFile:
        emitComment()
        emitEndOfFile()
      case null: appendReplacementCharacter(to: &commentData)
      default: scanComment(input, from: position - 1, to: end) { $0 == greaterThanSign || $0 == null }
      }

    case .markupDeclarationOpen:
      // Nothing is consumed until the lookahead decides.
      self.input.position -= c == endOfFile ? 0 : 1
      return markupDeclarationOpen(input)

    case .commentStart:
      switch c {
      case hyphenMinus: current = .commentStartDash
      case greaterThanSign:
        current = .data
        emitComment()
      default: reconsume(c, in: .comment)
      }

    case .commentStartDash:
      switch c {
      case hyphenMinus: current = .commentEnd
      case greaterThanSign:
        current = .data
        emitComment()
      case endOfFile:
        emitComment()
        emitEndOfFile()
      default:
        commentData.append(UInt8(hyphenMinus))
        reconsume(c, in: .comment)
      }

    case .comment:
      switch c {
      case lessThanSign:
        commentData.append(UInt8(lessThanSign))
        current = .commentLessThanSign
      case hyphenMinus: current = .commentEndDash
      case null: appendReplacementCharacter(to: &commentData)
      case endOfFile:
        emitComment()
        emitEndOfFile()
      default:
        scanComment(input, from: position - 1, to: end) { $0 == lessThanSign || $0 == hyphenMinus || $0 == null }
      }

    case .commentLessThanSign:
      switch c {
      case exclamationMark:
        commentData.append(UInt8(exclamationMark))
        current = .commentLessThanSignBang
      case lessThanSign: commentData.append(UInt8(lessThanSign))
      default: reconsume(c, in: .comment)
      }

    case .commentLessThanSignBang:
      if c == hyphenMinus {
        current = .commentLessThanSignBangDash
      } else {
        reconsume(c, in: .comment)
      }

    case .commentLessThanSignBangDash:
      if c == hyphenMinus {
        current = .commentLessThanSignBangDashDash
      } else {
        reconsume(c, in: .commentEndDash)
      }

    case .commentLessThanSignBangDashDash:
      // A nested comment is only a parse error.
      reconsume(c, in: .commentEnd)

    case .commentEndDash:
      switch c {
      case hyphenMinus: current = .commentEnd
      case endOfFile:
        emitComment()
        emitEndOfFile()
      default:
        commentData.append(UInt8(hyphenMinus))
        reconsume(c, in: .comment)
      }

    case .commentEnd:
      switch c {
      case greaterThanSign:
        current = .data
        emitComment()
      case exclamationMark: current = .commentEndBang
      case hyphenMinus: commentData.append(UInt8(hyphenMinus))
      case endOfFile:
        emitComment()
        emitEndOfFile()
      default:
        commentData.append(UInt8(hyphenMinus))
        commentData.append(UInt8(hyphenMinus))
        reconsume(c, in: .comment)
      }

    case .commentEndBang:
      switch c {
      case hyphenMinus:
        commentData.append(contentsOf: [UInt8(hyphenMinus), UInt8(hyphenMinus), UInt8(exclamationMark)])
        current = .commentEndDash
      case greaterThanSign:
        current = .data
        emitComment()
      case endOfFile:
        emitComment()
        emitEndOfFile()
      default:
        commentData.append(contentsOf: [UInt8(hyphenMinus), UInt8(hyphenMinus), UInt8(exclamationMark)])
        reconsume(c, in: .comment)
      }

    case .doctype:
      switch c {
      case tab, lineFeed, formFeed, space: current = .beforeDoctypeName
      case greaterThanSign: reconsume(c, in: .beforeDoctypeName)
      case endOfFile:
        doctype = Doctype(forceQuirks: true)
        emitDoctype()
        emitEndOfFile()
      default: reconsume(c, in: .beforeDoctypeName)
      }

    case .beforeDoctypeName:
      switch c {
      case tab, lineFeed, formFeed, space: break
      case greaterThanSign:
        doctype = Doctype(forceQuirks: true)
        current = .data
        emitDoctype()
      case endOfFile:
        doctype = Doctype(forceQuirks: true)
        emitDoctype()
        emitEndOfFile()
      default:
        doctype = Doctype(name: [])
        reconsume(c, in: .doctypeName)
      }

    case .doctypeName:
      switch c {
      case tab, lineFeed, formFeed, space: current = .afterDoctypeName
      case greaterThanSign:
        current = .data
        emitDoctype()
      case asciiUpperAlpha: doctype.name!.append(UInt8(c + 0x20))
      case null: appendReplacementCharacter(to: &doctype.name!)
      case endOfFile:
        doctype.forceQuirks = true
        emitDoctype()
        emitEndOfFile()
      default: doctype.name!.append(UInt8(c))
      }

    case .afterDoctypeName:
      switch c {
      case tab, lineFeed, formFeed, space: break
      case greaterThanSign:
        current = .data
        emitDoctype()
      case endOfFile:
        doctype.forceQuirks = true
        emitDoctype()
        emitEndOfFile()
      default:
        self.input.position -= 1
        return afterDoctypeName(input)
      }

    case .afterDoctypePublicKeyword, .afterDoctypeSystemKeyword,
      .beforeDoctypePublicIdentifier, .beforeDoctypeSystemIdentifier:
      let isPublic = current == .afterDoctypePublicKeyword || current == .beforeDoctypePublicIdentifier
      let isKeyword = current == .afterDoctypePublicKeyword || current == .afterDoctypeSystemKeyword
      switch c {
      case tab, lineFeed, formFeed, space:
        if isKeyword { current = isPublic ? .beforeDoctypePublicIdentifier : .beforeDoctypeSystemIdentifier }
      case quotationMark, apostrophe:
        let doubleQuoted = c == quotationMark
        if isPublic {
          doctype.publicIdentifier = []
          current = doubleQuoted ? .doctypePublicIdentifierDoubleQuoted : .doctypePublicIdentifierSingleQuoted
        } else {
          doctype.systemIdentifier = []
          current = doubleQuoted ? .doctypeSystemIdentifierDoubleQuoted : .doctypeSystemIdentifierSingleQuoted
        }
      case greaterThanSign:
        doctype.forceQuirks = true
        current = .data
        emitDoctype()
      case endOfFile:
        doctype.forceQuirks = true
        emitDoctype()
        emitEndOfFile()
      default:
        doctype.forceQuirks = true
        reconsume(c, in: .bogusDoctype)
      }

    case .doctypePublicIdentifierDoubleQuoted, .doctypePublicIdentifierSingleQuoted,
      .doctypeSystemIdentifierDoubleQuoted, .doctypeSystemIdentifierSingleQuoted:
      let isPublic = current == .doctypePublicIdentifierDoubleQuoted || current == .doctypePublicIdentifierSingleQuoted
      let quote =
        current == .doctypePublicIdentifierDoubleQuoted || current == .doctypeSystemIdentifierDoubleQuoted
        ? quotationMark : apostrophe
      switch c {
      case quote: current = isPublic ? .afterDoctypePublicIdentifier : .afterDoctypeSystemIdentifier
      case greaterThanSign:
        doctype.forceQuirks = true
        current = .data
        emitDoctype()
      case endOfFile:
        doctype.forceQuirks = true
        emitDoctype()
        emitEndOfFile()
      case null:
        if isPublic {
          appendReplacementCharacter(to: &doctype.publicIdentifier!)
        } else {
          appendReplacementCharacter(to: &doctype.systemIdentifier!)
        }
      default:
        if isPublic {
          doctype.publicIdentifier!.append(UInt8(c))
        } else {
          doctype.systemIdentifier!.append(UInt8(c))
        }
      }

    case .afterDoctypePublicIdentifier, .betweenDoctypePublicAndSystemIdentifiers:
      switch c {
      case tab, lineFeed, formFeed, space: current = .betweenDoctypePublicAndSystemIdentifiers
      case greaterThanSign:
        current = .data
        emitDoctype()
      case quotationMark:
        doctype.systemIdentifier = []
        current = .doctypeSystemIdentifierDoubleQuoted
      case apostrophe:
        doctype.systemIdentifier = []
        current = .doctypeSystemIdentifierSingleQuoted
      case endOfFile:
        doctype.forceQuirks = true
        emitDoctype()
        emitEndOfFile()
      default:
        doctype.forceQuirks = true
        reconsume(c, in: .bogusDoctype)
      }

    case .afterDoctypeSystemIdentifier:
      switch c {
      case tab, lineFeed, formFeed, space: break
      case greaterThanSign:
        current = .data
        emitDoctype()
      case endOfFile:
        doctype.forceQuirks = true
        emitDoctype()
        emitEndOfFile()
      default:
        // Unlike the other DOCTYPE errors, this one leaves the force-quirks flag alone.
        reconsume(c, in: .bogusDoctype)
      }

    case .bogusDoctype:
      switch c {
      case greaterThanSign:
        current = .data
        emitDoctype()
      case endOfFile:
        emitDoctype()
        emitEndOfFile()
      default: break
      }

    case .cdataSection:
      switch c {
      case rightSquareBracket: current = .cdataSectionBracket
      case endOfFile: emitEndOfFile()
      default: scanText(input, from: position - 1, to: end) { $0 == rightSquareBracket }
      }

    case .cdataSectionBracket:
      if c == rightSquareBracket {
        current = .cdataSectionEnd
      } else {
        text.append(UInt8(rightSquareBracket))
        reconsume(c, in: .cdataSection)
      }

    case .cdataSectionEnd:
      switch c {
      case rightSquareBracket: text.append(UInt8(rightSquareBracket))
      case greaterThanSign: current = .data
      default:
        text.append(UInt8(rightSquareBracket))
        text.append(UInt8(rightSquareBracket))
        reconsume(c, in: .cdataSection)
      }

    case .characterReference, .namedCharacterReference, .ambiguousAmpersand, .numericCharacterReference,
      .hexadecimalCharacterReferenceStart, .decimalCharacterReferenceStart, .hexadecimalCharacterReference,
      .decimalCharacterReference, .numericCharacterReferenceEnd:
      return characterReference(c, input)

    case .done:
      break
    }
    return true
  }

  /// Switches to `state`, which will read the current input character again (nothing to give
  /// back at the end of file).
  mutating func reconsume(_ c: Int, in state: State) {
    if c != endOfFile { input.position -= 1 }
    current = state
  }

  /// The text state an end tag open or end tag name state came from.
  private func textState(afterEndTagOpen state: State) -> State {
    switch state {
    case .rcdataEndTagOpen, .rcdataEndTagName: .rcdata
    case .rawtextEndTagOpen, .rawtextEndTagName: .rawtext
    case .scriptDataEndTagOpen, .scriptDataEndTagName: .scriptData
    default: .scriptDataEscaped
    }
  }

  /// The end tag name state that follows an end tag open state.
  private func endTagNameState(after state: State) -> State {
    switch state {
    case .rcdataEndTagOpen: .rcdataEndTagName
    case .rawtextEndTagOpen: .rawtextEndTagName
    case .scriptDataEndTagOpen: .scriptDataEndTagName
    default: .scriptDataEscapedEndTagName
    }
  }

  /// An end tag name state's "anything else": what looked like an end tag is text after all.
  private mutating func endTagNameIsText(_ c: Int) {
    text.append(UInt8(lessThanSign))
    text.append(UInt8(solidus))
    text.append(contentsOf: temporaryBuffer)
    reconsume(c, in: textState(afterEndTagOpen: current))
  }

  // MARK: - Runs of bytes

  /// Emits the bytes from `start` up to the first one `stops` accepts (or `end`) as characters.
  private mutating func scanText(
    _ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, stopsAt stops: (Int) -> Bool
  ) {
    let stop = firstStop(input, from: start, to: end, stops)
    text.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<stop]))
    self.input.position = stop
  }

  /// Appends the bytes from `start` up to the first one `stops` accepts (or `end`) to the
  /// current attribute value.
  private mutating func scanValue(
    _ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, stopsAt stops: (Int) -> Bool
  ) {
    let stop = firstStop(input, from: start, to: end, stops)
    attributeValue.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<stop]))
    self.input.position = stop
  }

  /// Appends the bytes from `start` up to the first one `stops` accepts (or `end`) to the
  /// current comment.
  private mutating func scanComment(
    _ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, stopsAt stops: (Int) -> Bool
  ) {
    let stop = firstStop(input, from: start, to: end, stops)
    commentData.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<stop]))
    self.input.position = stop
  }

  private func firstStop(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ stops: (Int) -> Bool) -> Int {
    var stop = start + 1
    while stop < end && !stops(Int(input[stop])) { stop += 1 }
    return stop
  }

  // MARK: - Lookahead

  /// The markup declaration open state (§13.2.5.42), at its first character.
  private mutating func markupDeclarationOpen(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    switch lookahead(input, for: "--", caseInsensitive: false) {
    case .match:
      self.input.position += 2
      emptyKeepingCapacity(&commentData)
      current = .commentStart
      return true
    case .needsInput: return false
    case .mismatch: break
    }
    switch lookahead(input, for: "doctype", caseInsensitive: true) {
    case .match:
      self.input.position += 7
      current = .doctype
      return true
    case .needsInput: return false
    case .mismatch: break
    }
    switch lookahead(input, for: "[CDATA[", caseInsensitive: false) {
    case .match:
      self.input.position += 7
      if sink.acceptsCDATA {
        current = .cdataSection
      } else {
        emptyKeepingCapacity(&commentData)
        commentData.append(contentsOf: "[CDATA[".utf8)
        current = .bogusComment
      }
      return true
    case .needsInput: return false
    case .mismatch: break
    }
    emptyKeepingCapacity(&commentData)
    current = .bogusComment
    return true
  }

  /// The after DOCTYPE name state's "anything else" (§13.2.5.56), at its first character.
  private mutating func afterDoctypeName(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    let keywords: [(StaticString, State)] = [("public", .afterDoctypePublicKeyword), ("system", .afterDoctypeSystemKeyword)]
    for (keyword, next) in keywords {
      switch lookahead(input, for: keyword, caseInsensitive: true) {
      case .match:
        self.input.position += 6
        current = next
        return true
      case .needsInput: return false
      case .mismatch: continue
      }
    }
    doctype.forceQuirks = true
    current = .bogusDoctype
    return true
  }

  private enum Lookahead {
    case match, mismatch, needsInput
  }

  /// Whether the next characters are `word` (lowercase when `caseInsensitive`), or whether that
  /// is still undecided until more input arrives.
  private func lookahead(_ input: UnsafeBufferPointer<UInt8>, for word: StaticString, caseInsensitive: Bool) -> Lookahead {
    let start = self.input.position
    let end = self.input.end
    var index = 0
    let count = word.utf8CodeUnitCount
    let letters = word.utf8Start
    while index < count {
      if start + index >= end { return self.input.endIsEndOfFile ? .mismatch : .needsInput }
      var byte = input[start + index]
      if caseInsensitive && byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
      if byte != letters[index] { return .mismatch }
      index += 1
    }
    return .match
  }
}

/// Appends a tag or attribute name's bytes, lowercased, up to ASCII whitespace, U+0000 or a
/// byte `stops` accepts (or `end`), and returns where it stopped.
private func scanName(
  _ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into name: inout [UInt8],
  stopsAt stops: (Int) -> Bool
) -> Int {
  var stop = start
  var hasUpper = false
  while stop < end {
    let byte = Int(input[stop])
    if byte <= space && (byte == tab || byte == lineFeed || byte == formFeed || byte == space || byte == null) {
      break
    }
    if stops(byte) { break }
    if asciiUpperAlpha.contains(byte) { hasUpper = true }
    stop += 1
  }
  if hasUpper {
    for byte in input[start..<stop] {
      name.append(asciiUpperAlpha.contains(Int(byte)) ? byte + 0x20 : byte)
    }
  } else {
    name.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<stop]))
  }
  return stop
}

/// Appends U+FFFD REPLACEMENT CHARACTER as UTF-8.
private func appendReplacementCharacter(to bytes: inout [UInt8]) {
  bytes.append(0xEF)
  bytes.append(0xBF)
  bytes.append(0xBD)
}

/// Whether `c` is an ASCII letter.
private func isASCIIAlpha(_ c: Int) -> Bool {
  (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
}

// The characters the state machine tells apart, as the `Int` each step reads (`endOfFile` past the
// end of the input).
private let endOfFile = -1
private let null = 0x00
private let tab = 0x09
private let lineFeed = 0x0A
private let formFeed = 0x0C
private let space = 0x20
private let exclamationMark = 0x21
private let quotationMark = 0x22
private let ampersand = 0x26
private let apostrophe = 0x27
private let hyphenMinus = 0x2D
private let solidus = 0x2F
private let lessThanSign = 0x3C
private let equalsSign = 0x3D
private let greaterThanSign = 0x3E
private let questionMark = 0x3F
private let rightSquareBracket = 0x5D
private let asciiUpperAlpha = 0x41...0x5A
private let asciiLowerAlpha = 0x61...0x7A
