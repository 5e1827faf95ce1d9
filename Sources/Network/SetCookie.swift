import Foundation

/// A `Set-Cookie` string parsed as RFC 6265bis §5.6 parses it: a name, a value and the attributes
/// the user agent recognizes, in order.
///
/// A value type. Parsing never throws: a string the algorithm ignores entirely is nil, an attribute
/// it ignores is left out. `Max-Age` is kept as its delta (the jar turns it into an expiry with
/// its own clock); `Expires` is already a date; both are capped at the cookie age limit by the jar.
/// Strings are bytes one code point per byte (isomorphic), so lengths count octets.
struct SetCookie: Equatable {
  /// One recognized cookie-av.
  enum Attribute: Equatable {
    case expires(Date)
    case maxAge(Int)
    /// Lower-cased, without a leading dot; never empty.
    case domain(String)
    /// The attribute's value, or nil when it must be the default-path (empty or not `/`-led).
    case path(String?)
    case secure
    case httpOnly
    case sameSite(Cookie.SameSite)
  }

  var name: String
  var value: String
  var attributes: [Attribute]

  /// The longest name and value together, and the longest attribute value, in octets (§5.6).
  static let nameValueLimit = 4096
  static let attributeValueLimit = 1024

  /// Parses `string`, or nil when the algorithm ignores the whole string.
  init?(_ string: String) {
    let scalars = Array(string.unicodeScalars)
    guard !scalars.contains(where: Self.isControl) else { return nil }
    let firstSemicolon = scalars.firstIndex(of: ";") ?? scalars.endIndex
    let nameValuePair = scalars[..<firstSemicolon]
    if let equals = nameValuePair.firstIndex(of: "=") {
      name = Self.trimmed(nameValuePair[..<equals])
      value = Self.trimmed(nameValuePair[(equals + 1)...])
    } else {
      name = ""
      value = Self.trimmed(nameValuePair)
    }
    guard Self.octets(name) + Self.octets(value) <= Self.nameValueLimit else { return nil }
    attributes = []
    var unparsed = scalars[firstSemicolon...]
    while !unparsed.isEmpty {
      unparsed = unparsed.dropFirst()
      let end = unparsed.firstIndex(of: ";") ?? unparsed.endIndex
      let cookieAV = unparsed[..<end]
      unparsed = unparsed[end...]
      let attributeName: String
      let attributeValue: String
      if let equals = cookieAV.firstIndex(of: "=") {
        attributeName = Self.trimmed(cookieAV[..<equals])
        attributeValue = Self.trimmed(cookieAV[(equals + 1)...])
      } else {
        attributeName = Self.trimmed(cookieAV)
        attributeValue = ""
      }
      guard Self.octets(attributeValue) <= Self.attributeValueLimit else { continue }
      if let attribute = Self.attribute(named: attributeName.lowercased(), value: attributeValue) {
        attributes.append(attribute)
      }
    }
  }

  /// The attribute a cookie-av stands for, or nil when it is ignored (§5.6.1–5.6.7).
  private static func attribute(named name: String, value: String) -> Attribute? {
    switch name {
    case "expires":
      return CookieDate.parse(value).map { .expires($0) }
    case "max-age":
      guard let first = value.unicodeScalars.first, first == "-" || ("0"..."9").contains(first) else { return nil }
      let digits = value.unicodeScalars.dropFirst(first == "-" ? 1 : 0)
      guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
      // Saturates rather than overflows: any delta past the age limit is the age limit.
      let magnitude = digits.reduce(0) { total, digit in min(Int(Int32.max), total * 10 + Int(digit.value - 48)) }
      return .maxAge(first == "-" ? -magnitude : magnitude)
    case "domain":
      guard !value.isEmpty else { return nil }
      let domain = value.hasPrefix(".") ? String(value.dropFirst()) : value
      return .domain(HTTPSyntax.asciiLowercase(domain.unicodeScalars))
    case "path":
      return .path(value.hasPrefix("/") ? value : nil)
    case "secure":
      return .secure
    case "httponly":
      return .httpOnly
    case "samesite":
      switch value.lowercased() {
      case "none": return .sameSite(.none)
      case "strict": return .sameSite(.strict)
      case "lax": return .sameSite(.lax)
      default: return .sameSite(.default)
      }
    default:
      return nil
    }
  }

  /// %x00-08 / %x0A-1F / %x7F: control characters but horizontal tab.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x00...0x08).contains(scalar.value) || (0x0A...0x1F).contains(scalar.value) || scalar.value == 0x7F
  }

  /// Without leading and trailing spaces and tabs (WSP).
  private static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var slice = scalars
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return HTTPSyntax.string(Array(slice))
  }

  /// Octets of an isomorphic string; a string with code points past U+00FF counts as UTF-8.
  static func octets(_ string: String) -> Int {
    string.unicodeScalars.allSatisfy { $0.value <= 0xFF } ? string.unicodeScalars.count : string.utf8.count
  }
}
