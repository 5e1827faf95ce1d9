extension EncodingDecoder {
  /// Runs the UTF-8 decoder (Encoding Standard §8.1.1) over a chunk.
  ///
  /// Valid runs are copied in bulk, each
  /// maximal invalid subpart becomes one U+FFFD, and a sequence cut by the chunk's end waits in
  /// `pending` (or becomes U+FFFD when `final`). A leading byte order mark is removed.
  func decodeUTF8(_ chunk: UnsafeBufferPointer<UInt8>, final: Bool) -> [UInt8] {
    guard pending.isEmpty else {
      let joined = pending + Array(chunk)
      pending = []
      return joined.withUnsafeBufferPointer { decodeUTF8($0, final: final) }
    }
    var start = 0
    if atStart {
      let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
      if chunk.count < 3, chunk.elementsEqual(byteOrderMark.prefix(chunk.count)), !final {
        pending = Array(chunk)
        return []
      }
      if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { start = 3 }
      if chunk.count > 0 { atStart = false }
    }
    guard let base = chunk.baseAddress else { return [] }
    let count = chunk.count
    var output: [UInt8] = []
    var runStart = start
    var index = start
    func flushRun(to end: Int) {
      if end > runStart { output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: end - runStart)) }
    }
    while index < count {
      if base[index] < 0x80 {
        while index + 8 <= count,
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
        }
        while index < count, base[index] < 0x80 { index += 1 }
        continue
      }
      hasDecodedOnlyASCII = false
      let byte = base[index]
      var needed = 0
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch byte {
      case 0xC2...0xDF: needed = 1
      case 0xE0:
        needed = 2
        lower = 0xA0
      case 0xE1...0xEC, 0xEE, 0xEF: needed = 2
      case 0xED:
        needed = 2
        upper = 0x9F
      case 0xF0:
        needed = 3
        lower = 0x90
      case 0xF1...0xF3: needed = 3
      case 0xF4:
        needed = 3
        upper = 0x8F
      default:
        flushRun(to: index)
        Self.append(0xFFFD, to: &output)
        index += 1
        runStart = index
        continue
      }
      var seen = 1
      var valid = true
      while seen <= needed {
        guard index + seen < count else {
          flushRun(to: index)
          if final {
            Self.append(0xFFFD, to: &output)
          } else {
            pending = Array(UnsafeBufferPointer(start: base + index, count: count - index))
          }
          return output
        }
        let continuation = base[index + seen]
        if continuation < (seen == 1 ? lower : 0x80) || continuation > (seen == 1 ? upper : 0xBF) {
          valid = false
          break
        }
        seen += 1
      }
      if valid {
        index += needed + 1
      } else {
        flushRun(to: index)
        Self.append(0xFFFD, to: &output)
        index += seen
        runStart = index
      }
    }
    if runStart == 0 && index == count && output.isEmpty { return Array(chunk) }
    flushRun(to: count)
    return output
  }
}
