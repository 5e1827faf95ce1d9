/// The Infra standard's forgiving-base64 decode (§4.6), which `data:` URLs and `atob` use.
///
/// ASCII whitespace is ignored, padding is optional, and leftover bits are dropped; anything
/// else that is not base64 fails.
enum ForgivingBase64 {
  /// The bytes `data` encodes (data's bytes taken as code points, isomorphic decoding), or nil
  /// for failure.
  static func decode(_ data: [UInt8]) -> [UInt8]? {
    var input = data.filter { !($0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D || $0 == 0x20) }
    if input.count % 4 == 0 {
      if input.last == UInt8(ascii: "=") { input.removeLast() }
      if input.last == UInt8(ascii: "=") { input.removeLast() }
    }
    if input.count % 4 == 1 { return nil }
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 3 / 4)
    var buffer: UInt32 = 0
    var bits = 0
    for byte in input {
      guard let value = sextet(byte) else { return nil }
      buffer = buffer << 6 | UInt32(value)
      bits += 6
      if bits == 24 {
        output.append(UInt8(truncatingIfNeeded: buffer >> 16))
        output.append(UInt8(truncatingIfNeeded: buffer >> 8))
        output.append(UInt8(truncatingIfNeeded: buffer))
        buffer = 0
        bits = 0
      }
    }
    if bits == 12 {
      output.append(UInt8(truncatingIfNeeded: buffer >> 4))
    } else if bits == 18 {
      output.append(UInt8(truncatingIfNeeded: buffer >> 10))
      output.append(UInt8(truncatingIfNeeded: buffer >> 2))
    }
    return output
  }

  private static func sextet(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"): 62
    case UInt8(ascii: "/"): 63
    default: nil
    }
  }
}
