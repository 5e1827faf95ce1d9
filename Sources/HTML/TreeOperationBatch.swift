/// One batch of the tree-construction stream: the operation words and the text their string
/// operands point into (see `TreeOperation` for the format).
///
/// `text` holds UTF-8 bytes; every offset and length in `operations` counts UTF-16 code units of
/// that text, as JavaScript strings do, so the DOM runtime slices the decoded string directly.
/// A value type: a batch taken from the parser belongs to the caller.
public struct TreeOperationBatch: Sendable {
  /// The operation words, each `TreeOperation` followed by its operands.
  public var operations: [Int32] = []
  /// The UTF-8 bytes every string operand points into.
  public var text: [UInt8] = []
  /// The length of `text` in UTF-16 code units.
  public private(set) var textUTF16Count: Int32 = 0
  /// Where the last `text` or `fosterText` operation starts, while it is the last operation and
  /// its characters the last text, so that adjacent characters for the same place extend it.
  private var openTextOperation = -1

  public init() {}

  /// Whether the batch holds no operation.
  public var isEmpty: Bool { operations.isEmpty }

  /// The text as a string (what the DOM runtime receives as the batch's text).
  public var textString: String { String(decoding: text, as: UTF8.self) }

  /// Appends one operation word and its operands.
  mutating func append(_ operation: TreeOperation, _ operands: Int32...) {
    operations.append(operation.rawValue)
    operations.append(contentsOf: operands)
  }

  // The usual operand counts, without the variadic form's array.

  @inline(__always)
  mutating func append(_ operation: TreeOperation, _ first: Int32) {
    operations.append(operation.rawValue)
    operations.append(first)
  }

  @inline(__always)
  mutating func append(_ operation: TreeOperation, _ first: Int32, _ second: Int32) {
    operations.append(operation.rawValue)
    operations.append(first)
    operations.append(second)
  }

  @inline(__always)
  mutating func append(_ operation: TreeOperation, _ first: Int32, _ second: Int32, _ third: Int32) {
    operations.append(operation.rawValue)
    operations.append(first)
    operations.append(second)
    operations.append(third)
  }

  @inline(__always)
  mutating func append(_ operation: TreeOperation, _ first: Int32, _ second: Int32, _ third: Int32, _ fourth: Int32) {
    operations.append(operation.rawValue)
    operations.append(first)
    operations.append(second)
    operations.append(third)
    operations.append(fourth)
  }

  /// Appends operand words to the last operation (attribute lists).
  @inline(__always)
  mutating func appendOperand(_ word: Int32) {
    operations.append(word)
  }

  /// Appends a string to `text` and returns its offset and length in UTF-16 code units.
  mutating func appendString<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (offset: Int32, length: Int32) {
    if let result = bytes.withContiguousStorageIfAvailable({ appendString($0) }) { return result }
    return appendString(Array(bytes))
  }

  /// Appends a string to `text` and returns its offset and length in UTF-16 code units.
  @inline(__always)
  mutating func appendString(_ bytes: [UInt8]) -> (offset: Int32, length: Int32) {
    bytes.withUnsafeBufferPointer { appendString($0) }
  }

  /// Appends a string to `text` and returns its offset and length in UTF-16 code units.
  mutating func appendString(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int32, length: Int32) {
    let offset = textUTF16Count
    var units = 0
    var index = 0
    if let base = bytes.baseAddress {
      // ASCII eight bytes at a time: each byte is one code unit.
      let raw = UnsafeRawPointer(base)
      while index + 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          units &+= 8
        } else {
          for shift in stride(from: UInt64(0), to: 64, by: 8) {
            let byte = UInt8(truncatingIfNeeded: word >> shift)
            units &+= byte & 0xC0 != 0x80 ? (byte >= 0xF0 ? 2 : 1) : 0
          }
        }
        index &+= 8
      }
    }
    while index < bytes.count {
      // A lead byte starts one code unit; a four-byte sequence's lead starts a surrogate pair.
      let byte = bytes[index]
      units &+= byte & 0xC0 != 0x80 ? (byte >= 0xF0 ? 2 : 1) : 0
      index &+= 1
    }
    text.append(contentsOf: bytes)
    textUTF16Count &+= Int32(truncatingIfNeeded: units)
    return (offset, Int32(truncatingIfNeeded: units))
  }

  /// Appends characters at `place` (a `text` operation with `parent` and `reference`, or a
  /// `fosterText` operation when `operation` says so), extending the previous operation when it
  /// inserted at the same place just before.
  mutating func appendCharacters(
    _ operation: TreeOperation, _ first: Int32, _ second: Int32, _ bytes: ArraySlice<UInt8>
  ) {
    if openTextOperation >= 0, openTextOperation + 5 == operations.count,
      operations[openTextOperation] == operation.rawValue, operations[openTextOperation + 1] == first,
      operations[openTextOperation + 2] == second,
      operations[openTextOperation + 3] + operations[openTextOperation + 4] == textUTF16Count
    {
      let (_, length) = appendString(bytes)
      operations[openTextOperation + 4] += length
      return
    }
    let (offset, length) = appendString(bytes)
    openTextOperation = operations.count
    append(operation, first, second, offset, length)
  }
}
