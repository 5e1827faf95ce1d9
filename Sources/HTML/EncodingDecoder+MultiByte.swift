extension EncodingDecoder {
  /// Handles one byte with the CJK decoder of `kind` (Encoding Standard §§10-13).
  ///
  /// Where the standard says
  /// "restore byte to ioQueue", the byte is handled again after the error's U+FFFD, which is the same
  /// as reading it next.
  func multiByte(_ byte: UInt8, into output: inout [UInt8]) {
    switch kind {
    case .gb18030: gb18030(byte, into: &output)
    case .big5: big5(byte, into: &output)
    case .eucJP: eucJP(byte, into: &output)
    case .iso2022JP: iso2022JP(byte, into: &output)
    case .shiftJIS: shiftJIS(byte, into: &output)
    case .eucKR: eucKR(byte, into: &output)
    default: break
    }
  }

  /// The end of the queue for the CJK decoders: U+FFFD for a sequence left unfinished.
  func multiByteEndOfQueue(into output: inout [UInt8]) {
    if case .iso2022JP = kind {
      switch iso2022JPState {
      case .trailingByte:
        iso2022JPState = .leadingByte
        Self.append(0xFFFD, to: &output)
      case .escapeStart:
        iso2022JPOutput = false
        iso2022JPState = iso2022JPOutputState
        Self.append(0xFFFD, to: &output)
      case .escape:
        let leading = lead
        lead = 0
        iso2022JPOutput = false
        iso2022JPState = iso2022JPOutputState
        Self.append(0xFFFD, to: &output)
        iso2022JP(leading, into: &output)
        multiByteEndOfQueue(into: &output)
      default: break
      }
      return
    }
    if lead != 0 || second != 0 || third != 0 {
      lead = 0
      second = 0
      third = 0
      usesJIS0212 = false
      Self.append(0xFFFD, to: &output)
    }
  }

  private static func isASCII(_ byte: UInt8) -> Bool { byte < 0x80 }

  /// An error: U+FFFD, then `restored` bytes handled again.
  private func error(restoring restored: [UInt8] = [], into output: inout [UInt8]) {
    Self.append(0xFFFD, to: &output)
    for byte in restored { multiByte(byte, into: &output) }
  }

  // MARK: gb18030 (§10.2.1), also GBK's decoder

  private func gb18030(_ byte: UInt8, into output: inout [UInt8]) {
    if third != 0 {
      guard (0x30...0x39).contains(byte) else {
        let restored = [second, third, byte]
        lead = 0
        second = 0
        third = 0
        error(restoring: restored, into: &output)
        return
      }
      let pointer =
        (((Int(lead) - 0x81) * 10 + Int(second) - 0x30) * 126 + Int(third) - 0x81) * 10 + Int(byte) - 0x30
      lead = 0
      second = 0
      third = 0
      let codePoint: UInt32 =
        switch pointer {
        case 0..<39_420: EncodingIndex.gb18030Ranges[pointer]
        case 189_000...1_237_575: UInt32(0x10000 + pointer - 189_000)
        default: 0
        }
      if codePoint == 0 { error(into: &output) } else { Self.append(codePoint, to: &output) }
      return
    }
    if second != 0 {
      if (0x81...0xFE).contains(byte) {
        third = byte
        return
      }
      let restored = [second, byte]
      lead = 0
      second = 0
      error(restoring: restored, into: &output)
      return
    }
    if lead != 0 {
      if (0x30...0x39).contains(byte) {
        second = byte
        return
      }
      let leading = Int(lead)
      lead = 0
      if (0x40...0x7E).contains(byte) || (0x80...0xFE).contains(byte) {
        let codePoint = EncodingIndex.gb18030[(leading - 0x81) * 190 + Int(byte) - (byte < 0x7F ? 0x40 : 0x41)]
        if codePoint != 0 {
          Self.append(codePoint, to: &output)
          return
        }
      }
      error(restoring: Self.isASCII(byte) ? [byte] : [], into: &output)
      return
    }
    switch byte {
    case 0x00...0x7F: output.append(byte)
    case 0x80: Self.append(0x20AC, to: &output)
    case 0x81...0xFE: lead = byte
    default: error(into: &output)
    }
  }

  // MARK: Big5 (§11.1.1)

  private func big5(_ byte: UInt8, into output: inout [UInt8]) {
    if lead != 0 {
      let leading = Int(lead)
      lead = 0
      if (0x40...0x7E).contains(byte) || (0xA1...0xFE).contains(byte) {
        let pointer = (leading - 0x81) * 157 + Int(byte) - (byte < 0x7F ? 0x40 : 0x62)
        switch pointer {
        case 1133, 1135, 1164, 1166:
          Self.append(pointer < 1164 ? 0x00CA : 0x00EA, to: &output)
          Self.append(pointer == 1133 || pointer == 1164 ? 0x0304 : 0x030C, to: &output)
          return
        default:
          let codePoint = EncodingIndex.big5[pointer]
          if codePoint != 0 {
            Self.append(codePoint, to: &output)
            return
          }
        }
      }
      error(restoring: Self.isASCII(byte) ? [byte] : [], into: &output)
      return
    }
    switch byte {
    case 0x00...0x7F: output.append(byte)
    case 0x81...0xFE: lead = byte
    default: error(into: &output)
    }
  }

  // MARK: EUC-JP (§12.1.1)

  private func eucJP(_ byte: UInt8, into output: inout [UInt8]) {
    if lead == 0x8E, (0xA1...0xDF).contains(byte) {
      lead = 0
      Self.append(0xFF61 - 0xA1 + UInt32(byte), to: &output)
      return
    }
    if lead == 0x8F, (0xA1...0xFE).contains(byte) {
      usesJIS0212 = true
      lead = byte
      return
    }
    if lead != 0 {
      let leading = Int(lead)
      lead = 0
      var codePoint: UInt32 = 0
      if (0xA1...0xFE).contains(leading), (0xA1...0xFE).contains(byte) {
        let pointer = (leading - 0xA1) * 94 + Int(byte) - 0xA1
        codePoint = usesJIS0212 ? EncodingIndex.jis0212[pointer] : EncodingIndex.jis0208[pointer]
      }
      usesJIS0212 = false
      if codePoint != 0 {
        Self.append(codePoint, to: &output)
        return
      }
      error(restoring: Self.isASCII(byte) ? [byte] : [], into: &output)
      return
    }
    switch byte {
    case 0x00...0x7F: output.append(byte)
    case 0x8E, 0x8F, 0xA1...0xFE: lead = byte
    default: error(into: &output)
    }
  }

  // MARK: ISO-2022-JP (§12.2.1)

  private func iso2022JP(_ byte: UInt8, into output: inout [UInt8]) {
    switch iso2022JPState {
    case .ascii, .roman, .katakana, .leadingByte:
      if byte == 0x1B {
        iso2022JPState = .escapeStart
        return
      }
      iso2022JPOutput = false
      switch (iso2022JPState, byte) {
      case (.ascii, 0x00...0x7F) where byte != 0x0E && byte != 0x0F:
        output.append(byte)
      case (.roman, 0x5C): Self.append(0x00A5, to: &output)
      case (.roman, 0x7E): Self.append(0x203E, to: &output)
      case (.roman, 0x00...0x7F) where byte != 0x0E && byte != 0x0F:
        output.append(byte)
      case (.katakana, 0x21...0x5F): Self.append(0xFF61 - 0x21 + UInt32(byte), to: &output)
      case (.leadingByte, 0x21...0x7E):
        lead = byte
        iso2022JPState = .trailingByte
      default: Self.append(0xFFFD, to: &output)
      }
    case .trailingByte:
      if byte == 0x1B {
        iso2022JPState = .escapeStart
        Self.append(0xFFFD, to: &output)
        return
      }
      iso2022JPState = .leadingByte
      if (0x21...0x7E).contains(byte) {
        let codePoint = EncodingIndex.jis0208[(Int(lead) - 0x21) * 94 + Int(byte) - 0x21]
        Self.append(codePoint == 0 ? 0xFFFD : codePoint, to: &output)
      } else {
        Self.append(0xFFFD, to: &output)
      }
    case .escapeStart:
      if byte == 0x24 || byte == 0x28 {
        lead = byte
        iso2022JPState = .escape
        return
      }
      iso2022JPOutput = false
      iso2022JPState = iso2022JPOutputState
      Self.append(0xFFFD, to: &output)
      iso2022JP(byte, into: &output)
    case .escape:
      let leading = lead
      lead = 0
      var state: ISO2022JPState?
      switch (leading, byte) {
      case (0x28, 0x42): state = .ascii
      case (0x28, 0x4A): state = .roman
      case (0x28, 0x49): state = .katakana
      case (0x24, 0x40), (0x24, 0x42): state = .leadingByte
      default: break
      }
      if let state {
        iso2022JPState = state
        iso2022JPOutputState = state
        let hadOutput = iso2022JPOutput
        iso2022JPOutput = true
        if hadOutput { Self.append(0xFFFD, to: &output) }
        return
      }
      iso2022JPOutput = false
      iso2022JPState = iso2022JPOutputState
      Self.append(0xFFFD, to: &output)
      iso2022JP(leading, into: &output)
      iso2022JP(byte, into: &output)
    }
  }

  // MARK: Shift_JIS (§13.1.1)

  private func shiftJIS(_ byte: UInt8, into output: inout [UInt8]) {
    if lead != 0 {
      let leading = Int(lead)
      lead = 0
      if (0x40...0x7E).contains(byte) || (0x80...0xFC).contains(byte) {
        let pointer = (leading - (leading < 0xA0 ? 0x81 : 0xC1)) * 188 + Int(byte) - (byte < 0x7F ? 0x40 : 0x41)
        if (8836...10_715).contains(pointer) {
          Self.append(UInt32(0xE000 - 8836 + pointer), to: &output)
          return
        }
        let codePoint = EncodingIndex.jis0208[pointer]
        if codePoint != 0 {
          Self.append(codePoint, to: &output)
          return
        }
      }
      error(restoring: Self.isASCII(byte) ? [byte] : [], into: &output)
      return
    }
    switch byte {
    case 0x00...0x80: Self.append(UInt32(byte), to: &output)
    case 0xA1...0xDF: Self.append(0xFF61 - 0xA1 + UInt32(byte), to: &output)
    case 0x81...0x9F, 0xE0...0xFC: lead = byte
    default: error(into: &output)
    }
  }

  // MARK: EUC-KR (§14.1.1)

  private func eucKR(_ byte: UInt8, into output: inout [UInt8]) {
    if lead != 0 {
      let leading = Int(lead)
      lead = 0
      if (0x41...0xFE).contains(byte) {
        let codePoint = EncodingIndex.eucKR[(leading - 0x81) * 190 + Int(byte) - 0x41]
        if codePoint != 0 {
          Self.append(codePoint, to: &output)
          return
        }
      }
      error(restoring: Self.isASCII(byte) ? [byte] : [], into: &output)
      return
    }
    switch byte {
    case 0x00...0x7F: output.append(byte)
    case 0x81...0xFE: lead = byte
    default: error(into: &output)
    }
  }
}
