/// The input stream of the HTML parser (HTML Standard §13.2.3.5): decoded text as UTF-8 bytes,
/// with newlines normalized, that the tokenizer consumes from a position.
///
/// Text arrives in chunks that may split anywhere, even inside a UTF-8 sequence or between a CR
/// and its LF: every CR LF pair and every lone CR becomes one LF, and a trailing incomplete UTF-8
/// sequence is held back until the chunk that completes it, so the bytes before `end` are always
/// whole characters. `document.write` text enters at the insertion point (§13.2.4.1 of the
/// script's parser: "insert input into the input stream just before the insertion point"), which
/// then also bounds what the tokenizer may consume. Consumed bytes are dropped from time to time,
/// so positions are only stable between two appends. A value type, used by one thread at a time.
struct InputStream {
  /// The preprocessed text not yet dropped; the tokenizer reads `bytes[position..<end]`.
  private(set) var bytes: [UInt8] = []
  /// Where the next input character starts.
  var position = 0
  /// Whether the end of the input has been announced: past the last byte is the end of file.
  private(set) var isComplete = false
  /// Where `document.write` inserts text, when defined; the tokenizer stops there.
  private(set) var insertionPoint: Int?
  /// How far `textPosition(at:)` has counted lines.
  ///
  /// `bytes[..<countedUpTo]` are counted (dropped bytes included): `countedLines` newlines in
  /// them, and `countedColumn` UTF-16 code units after the last one. Counted when asked and
  /// before consumed bytes are dropped (once per byte in all, with no allocation).
  private var countedUpTo = 0
  private var countedLines = 0
  private var countedColumn = 0
  /// The insertion points of the scripts whose processing encloses the current one, innermost
  /// last (§13.2.6.4.8's "old insertion point"); text inserted before them moves them along.
  private var enclosingInsertionPoints: [Int?] = []
  /// Whether the last byte appended was a CR, so that an LF starting the next chunk is dropped.
  private var lastAppendedCR = false
  /// The start of an incomplete UTF-8 sequence that ended the last chunk.
  private var heldBack: [UInt8] = []

  /// The end of what the tokenizer may consume now: the insertion point, else the end of the text.
  var end: Int { insertionPoint ?? bytes.count }

  /// Whether `end` is the end of file: the input is complete and no insertion point stops it.
  var endIsEndOfFile: Bool { isComplete && insertionPoint == nil }

  /// The line (from 1) and column (UTF-16 code units before it on its line, from 0) of the byte at
  /// `target`, counting the text consumed so far (text `document.write` inserted before it too).
  ///
  /// Requires `target` at or after the last position asked about (the tokenizer's position only
  /// moves forward); it counts only the bytes since then, so asking at every script start tag
  /// costs one pass over the document in all.
  mutating func textPosition(at target: Int) -> (line: Int, column: Int) {
    count(upTo: target)
    return (countedLines + 1, countedColumn)
  }

  private mutating func count(upTo target: Int) {
    guard target > countedUpTo else { return }
    let start = countedUpTo
    bytes.withUnsafeBufferPointer { buffer in
      let end = min(target, buffer.count)
      // Newlines by a plain count (which the compiler vectorizes); the column only over the text
      // after the last one.
      var lines = 0
      for index in start..<end where buffer[index] == 0x0A { lines += 1 }
      var lineStart = start
      if lines > 0 {
        lineStart = end
        while buffer[lineStart - 1] != 0x0A { lineStart -= 1 }
        countedLines += lines
        countedColumn = 0
      }
      for index in lineStart..<end where buffer[index] & 0xC0 != 0x80 {
        // A lead byte of four is a character outside the BMP: two UTF-16 code units.
        countedColumn += buffer[index] >= 0xF0 ? 2 : 1
      }
    }
    countedUpTo = target
  }

  /// Appends a chunk of decoded text at the end of the input.
  mutating func append(_ chunk: some Collection<UInt8>) {
    precondition(!isComplete, "text appended after the end of the input")
    dropConsumedBytes()
    if heldBack.isEmpty {
      appendNormalizingNewlines(chunk)
    } else {
      let completed = heldBack + chunk
      heldBack = []
      appendNormalizingNewlines(completed)
    }
    holdBackIncompleteSequence()
  }

  /// Marks the end of the input: the tokenizer emits the end-of-file token after the last byte.
  mutating func finish() {
    if !heldBack.isEmpty {
      // Not valid UTF-8; the bytes go through rather than vanish.
      bytes.append(contentsOf: heldBack)
      heldBack = []
    }
    isComplete = true
  }

  /// Defines the insertion point just before the next input character (the parser does this
  /// around a script's `document.write` calls).
  mutating func setInsertionPoint() {
    insertionPoint = position
  }

  /// Makes the insertion point undefined again: the tokenizer may consume up to the end.
  mutating func removeInsertionPoint() {
    insertionPoint = nil
  }

  /// Keeps the insertion point as the old one and defines it just before the next input
  /// character (the steps around a script's processing, §13.2.6.4.8).
  mutating func enterInsertionPoint() {
    enclosingInsertionPoints.append(insertionPoint)
    insertionPoint = position
  }

  /// Gives the insertion point back the value `enterInsertionPoint()` kept.
  mutating func exitInsertionPoint() {
    guard let old = enclosingInsertionPoints.popLast() else {
      preconditionFailure("an insertion point restored that was not kept")
    }
    insertionPoint = old
  }

  /// Inserts text just before the insertion point, which stays after it; the text is
  /// preprocessed on its own.
  mutating func insertAtInsertionPoint(_ text: some Collection<UInt8>) {
    guard let point = insertionPoint else {
      preconditionFailure("text inserted with no insertion point")
    }
    var normalized: [UInt8] = []
    normalized.reserveCapacity(text.count)
    var afterCR = false
    for byte in text {
      if byte == 0x0D {
        normalized.append(0x0A)
        afterCR = true
      } else {
        if !(byte == 0x0A && afterCR) { normalized.append(byte) }
        afterCR = false
      }
    }
    bytes.insert(contentsOf: normalized, at: point)
    insertionPoint = point + normalized.count
    for index in enclosingInsertionPoints.indices {
      if let enclosing = enclosingInsertionPoints[index], enclosing >= point {
        enclosingInsertionPoints[index] = enclosing + normalized.count
      }
    }
  }

  private mutating func appendNormalizingNewlines(_ chunk: some Collection<UInt8>) {
    var afterCR = lastAppendedCR
    let hasCR = chunk.withContiguousStorageIfAvailable(containsCarriageReturn) ?? chunk.contains(0x0D)
    if !hasCR {
      if afterCR, chunk.first == 0x0A {
        bytes.append(contentsOf: chunk.dropFirst())
      } else {
        bytes.append(contentsOf: chunk)
      }
      if !chunk.isEmpty { lastAppendedCR = false }
      return
    }
    bytes.reserveCapacity(bytes.count + chunk.count)
    for byte in chunk {
      if byte == 0x0D {
        bytes.append(0x0A)
        afterCR = true
      } else {
        if !(byte == 0x0A && afterCR) { bytes.append(byte) }
        afterCR = false
      }
    }
    lastAppendedCR = afterCR
  }

  /// Moves an incomplete UTF-8 sequence at the end of `bytes` to `heldBack`.
  private mutating func holdBackIncompleteSequence() {
    var start = bytes.count
    // A sequence is at most four bytes: its lead byte is among the last four.
    while start > 0 && bytes.count - start < 4 {
      let byte = bytes[start - 1]
      if byte < 0x80 { return }
      start -= 1
      if byte >= 0xC0 {
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        if bytes.count - start < length {
          heldBack = Array(bytes[start...])
          bytes.removeSubrange(start...)
        }
        return
      }
    }
  }

  /// Drops the consumed bytes once they are most of the buffer, so a long stream keeps a bounded
  /// buffer without moving bytes on every chunk.
  private mutating func dropConsumedBytes() {
    guard position >= 1 << 16, position * 2 >= bytes.count else { return }
    count(upTo: position)
    countedUpTo -= position
    bytes.removeSubrange(0..<position)
    if let point = insertionPoint { insertionPoint = point - position }
    enclosingInsertionPoints = enclosingInsertionPoints.map { $0.map { $0 - position } }
    position = 0
  }
}

/// Whether `bytes` holds a CR, eight bytes at a time.
private func containsCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  guard let base = bytes.baseAddress else { return false }
  let raw = UnsafeRawPointer(base)
  let count = bytes.count
  var index = 0
  let ones: UInt64 = 0x0101_0101_0101_0101
  let highs: UInt64 = 0x8080_8080_8080_8080
  while index + 8 <= count {
    // A zero byte of `word ^ CRs` is a CR ("has a zero byte": (v - ones) & ~v & highs).
    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (ones &* 0x0D)
    if (word &- ones) & ~word & highs != 0 { return true }
    index += 8
  }
  while index < count {
    if base[index] == 0x0D { return true }
    index += 1
  }
  return false
}
