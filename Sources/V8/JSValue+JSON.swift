/// JSON text for a value, the way `JSON.stringify` writes it, with readable choices where it
/// would lose information: byte arrays as arrays of numbers, errors as `{name, message}`, BigInt
/// as its digits in a string, dates as ISO 8601 strings. Functions, promises and `undefined`
/// inside objects are left out, inside arrays written as null. Top-level `undefined` gives nil.
extension JSValue {
  public var jsonText: String? {
    var out = ""
    guard write(to: &out) else { return nil }
    return out
  }

  @discardableResult
  private func write(to out: inout String) -> Bool {
    switch self {
    case .undefined, .function, .promise, .reference: return false
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += JSValue.jsonNumber(n)
    case .string(let s): JSValue.writeQuoted(s, to: &out)
    case .bigint(let digits): JSValue.writeQuoted(digits, to: &out)
    case .date(let ms): JSValue.writeQuoted(JSValue.isoDate(ms), to: &out)
    case .bytes(let bytes), .arrayBuffer(let bytes):
      out += "[" + bytes.map(String.init).joined(separator: ",") + "]"
    case .error(let name, let message, _):
      JSValue.object(JSObject([("name", .string(name)), ("message", .string(message))])).write(to: &out)
    case .array(let elements):
      out += "["
      for (i, element) in elements.enumerated() {
        if i > 0 { out += "," }
        if !element.write(to: &out) { out += "null" }
      }
      out += "]"
    case .object(let object):
      out += "{"
      var first = true
      for (key, value) in object.entries where value.jsonText != nil || value.isJSONNull {
        if !first { out += "," }
        first = false
        JSValue.writeQuoted(key, to: &out)
        out += ":"
        value.write(to: &out)
      }
      out += "}"
    }
    return true
  }

  private var isJSONNull: Bool { self == .null }

  static func jsonNumber(_ n: Double) -> String {
    guard n.isFinite else { return "null" }
    if n == n.rounded(), abs(n) < 1e21 { return String(Int64(n)) }
    var text = "\(n)"
    // Swift writes exponents as e-07 / e+21; JavaScript as e-7 / e+21.
    if let e = text.firstIndex(of: "e") {
      let mantissa = text[..<e]
      var exponent = text[text.index(after: e)...]
      let sign = exponent.first == "-" ? "-" : "+"
      exponent = exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" }
      text = "\(mantissa)e\(sign)\(exponent.isEmpty ? "0" : String(exponent))"
    }
    return text
  }

  static func writeQuoted(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case _ where scalar.value < 0x20:
        out +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }

  /// `Date.prototype.toISOString` for milliseconds since the epoch (proleptic Gregorian, UTC).
  static func isoDate(_ ms: Double) -> String {
    guard ms.isFinite else { return "Invalid Date" }
    let totalMs = Int64(ms)
    var days = totalMs >= 0 ? totalMs / 86_400_000 : (totalMs - 86_399_999) / 86_400_000
    let msOfDay = totalMs - days * 86_400_000
    // Civil-from-days (Howard Hinnant's algorithm).
    days += 719_468
    let era = (days >= 0 ? days : days - 146_096) / 146_097
    let doe = days - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ v: Int64, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    let yearText = (0...9999).contains(year) ? pad(year, 4) : (year < 0 ? "-" : "+") + pad(abs(year), 6)
    return "\(yearText)-\(pad(month, 2))-\(pad(day, 2))T\(pad(msOfDay / 3_600_000, 2)):"
      + "\(pad(msOfDay / 60_000 % 60, 2)):\(pad(msOfDay / 1000 % 60, 2)).\(pad(msOfDay % 1000, 3))Z"
  }
}
