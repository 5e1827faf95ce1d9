extension TokenizerStateMachine {
  /// The character reference states (§13.2.5.72-80) on the input character `c` (already
  /// consumed; -1 at the end of file); false when the named character reference state must see
  /// more input than has arrived.
  mutating func characterReference(_ c: Int, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
    switch current {
    case .characterReference:
      emptyKeepingCapacity(&temporaryBuffer)
      temporaryBuffer.append(ampersand)
      if isASCIIAlphanumeric(c) {
        reconsume(c, in: .namedCharacterReference)
      } else if c == Int(numberSign) {
        temporaryBuffer.append(numberSign)
        current = .numericCharacterReference
      } else {
        flushCodePointsConsumedAsCharacterReference()
        reconsume(c, in: returnState)
      }

    case .namedCharacterReference:
      // Only reached by reconsuming an alphanumeric, which the table search reads again.
      self.input.position -= 1
      return namedCharacterReference(input)

    case .ambiguousAmpersand:
      if isASCIIAlphanumeric(c) {
        if returnState.isAttributeValue {
          attributeValue.append(UInt8(c))
        } else {
          text.append(UInt8(c))
        }
      } else {
        // `;` after the alphanumerics is only an unknown-named-character-reference parse error.
        reconsume(c, in: returnState)
      }

    case .numericCharacterReference:
      characterReferenceCode = 0
      if c == Int(latinSmallLetterX) || c == Int(latinCapitalLetterX) {
        temporaryBuffer.append(UInt8(c))
        current = .hexadecimalCharacterReferenceStart
      } else {
        reconsume(c, in: .decimalCharacterReferenceStart)
      }

    case .hexadecimalCharacterReferenceStart, .decimalCharacterReferenceStart:
      let isHexadecimal = current == .hexadecimalCharacterReferenceStart
      if (isHexadecimal ? hexadecimalDigitValue(c) : decimalDigitValue(c)) != nil {
        reconsume(c, in: isHexadecimal ? .hexadecimalCharacterReference : .decimalCharacterReference)
      } else {
        // absence-of-digits-in-numeric-character-reference: the text stays as it was.
        flushCodePointsConsumedAsCharacterReference()
        reconsume(c, in: returnState)
      }

    case .hexadecimalCharacterReference, .decimalCharacterReference:
      let isHexadecimal = current == .hexadecimalCharacterReference
      if let digit = isHexadecimal ? hexadecimalDigitValue(c) : decimalDigitValue(c) {
        // Saturates just above the largest code point: any larger value is as out of range.
        characterReferenceCode = min(characterReferenceCode * (isHexadecimal ? 16 : 10) + digit, 0x11_0000)
      } else if c == Int(semicolon) {
        current = .numericCharacterReferenceEnd
      } else {
        // missing-semicolon-after-character-reference
        reconsume(c, in: .numericCharacterReferenceEnd)
      }

    case .numericCharacterReferenceEnd:
      // This state consumes nothing.
      if c >= 0 { self.input.position -= 1 }
      emptyKeepingCapacity(&temporaryBuffer)
      EncodingDecoder.append(codePoint(forNumericCharacterReference: characterReferenceCode), to: &temporaryBuffer)
      flushCodePointsConsumedAsCharacterReference()
      current = returnState

    default:
      preconditionFailure("\(current) is not a character reference state")
    }
    return true
  }

  /// The named character reference state (§13.2.5.73), at the first character after `&`.
  private mutating func namedCharacterReference(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    let table = NamedCharacterReferences.shared
    let start = self.input.position
    let end = self.input.end
    let atEndOfFile = self.input.endIsEndOfFile
    let last = lastNamedReference
    if last.index >= 0 && start + last.length <= end && table.name(last.index, isAt: start, in: input) {
      self.input.position = start + last.length
      emptyKeepingCapacity(&temporaryBuffer)
      temporaryBuffer.append(contentsOf: table.replacement(last.index))
      flushCodePointsConsumedAsCharacterReference()
      current = returnState
      return true
    }
    let match = table.longestMatch(in: input, from: start, to: end)
    if match.length > 0 && table.endsWithSemicolon(match.index) { lastNamedReference = (match.index, match.length) }
    if match.inputEndedEarly && !atEndOfFile { return false }
    guard match.length > 0 else {
      flushCodePointsConsumedAsCharacterReference()
      current = .ambiguousAmpersand
      return true
    }
    let afterMatch = start + match.length
    if returnState.isAttributeValue && !table.endsWithSemicolon(match.index) {
      // For historical reasons, `&not=` and `&notx` stay as written in an attribute value.
      if afterMatch >= end && !atEndOfFile { return false }
      let next = afterMatch < end ? Int(input[afterMatch]) : -1
      if next == Int(equalsSign) || isASCIIAlphanumeric(next) {
        temporaryBuffer.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<afterMatch]))
        self.input.position = afterMatch
        flushCodePointsConsumedAsCharacterReference()
        current = returnState
        return true
      }
    }
    // Without its semicolon, a legacy name is a missing-semicolon-after-character-reference
    // parse error, and still a reference.
    self.input.position = afterMatch
    emptyKeepingCapacity(&temporaryBuffer)
    temporaryBuffer.append(contentsOf: table.replacement(match.index))
    flushCodePointsConsumedAsCharacterReference()
    current = returnState
    return true
  }

  /// §13.2.5: appends the temporary buffer to the current attribute's value when the return
  /// state is an attribute value state, else emits it as characters.
  private mutating func flushCodePointsConsumedAsCharacterReference() {
    if returnState.isAttributeValue {
      attributeValue.append(contentsOf: temporaryBuffer)
    } else {
      text.append(contentsOf: temporaryBuffer)
    }
  }
}

/// The code point a numeric character reference stands for (§13.2.5.80): U+FFFD for zero,
/// values beyond U+10FFFF and surrogates; the Windows-1252 meaning for C1 controls the table
/// lists; the value itself otherwise (noncharacters and other controls are only parse errors).
private func codePoint(forNumericCharacterReference code: UInt32) -> UInt32 {
  if code == 0 || code > 0x10_FFFF || (0xD800...0xDFFF).contains(code) { return 0xFFFD }
  if (0x80...0x9F).contains(code) {
    let replacement = c1ControlReplacements[Int(code - 0x80)]
    if replacement != 0 { return UInt32(replacement) }
  }
  return code
}

/// §13.2.5.80's table: what a numeric reference to each code point 0x80-0x9F stands for, 0 for
/// those the table does not list (they stay as they are).
private let c1ControlReplacements: [UInt16] = [
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
]

private func isASCIIAlphanumeric(_ c: Int) -> Bool {
  (0x30...0x39).contains(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
}

private func decimalDigitValue(_ c: Int) -> UInt32? {
  (0x30...0x39).contains(c) ? UInt32(c - 0x30) : nil
}

private func hexadecimalDigitValue(_ c: Int) -> UInt32? {
  if (0x30...0x39).contains(c) { return UInt32(c - 0x30) }
  let lower = c | 0x20
  return (0x61...0x66).contains(lower) ? UInt32(lower - 0x61 + 10) : nil
}

private let ampersand = UInt8(ascii: "&")
private let numberSign = UInt8(ascii: "#")
private let semicolon = UInt8(ascii: ";")
private let equalsSign = UInt8(ascii: "=")
private let latinCapitalLetterX = UInt8(ascii: "X")
private let latinSmallLetterX = UInt8(ascii: "x")

extension NamedCharacterReferences {
  /// Whether name `index` is at `start` in `input` (which holds all its bytes).
  fileprivate func name(_ index: Int, isAt start: Int, in input: UnsafeBufferPointer<UInt8>) -> Bool {
    let nameStart = Int(nameStarts[index])
    let length = Int(nameStarts[index + 1]) - nameStart
    var offset = 0
    while offset < length {
      if input[start + offset] != names[nameStart + offset] { return false }
      offset += 1
    }
    return true
  }
}
