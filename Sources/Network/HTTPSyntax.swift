/// The code point classes and scanning steps of HTTP syntax that the Fetch and MIME Sniffing
/// standards share: HTTP whitespace, token code points, quoted strings, header value splitting.
///
/// Pure functions over Unicode scalars; no state.
enum HTTPSyntax {
  /// HTTP whitespace: TAB, LF, CR, SPACE (Fetch §2.2).
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == " "
  }

  /// HTTP tab or space.
  static func isTabOrSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar == " " }

  /// HTTP token code points: `!#$%&'*+-.^_`|~`, ASCII digits and letters (MIME Sniffing §2).
  static func isTokenCodePoint(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "_", "`", "|", "~": true
    case "0"..."9", "a"..."z", "A"..."Z": true
    default: false
    }
  }

  /// HTTP quoted-string token code points: TAB, U+0020–U+007E, U+0080–U+00FF.
  static func isQuotedStringTokenCodePoint(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || (0x20...0x7E).contains(scalar.value) || (0x80...0xFF).contains(scalar.value)
  }

  /// `string` with ASCII upper-case letters lowered and nothing else changed.
  static func asciiLowercase<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
    var result = String.UnicodeScalarView()
    for scalar in scalars {
      result.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
    }
    return String(result)
  }

  static func string(_ scalars: [Unicode.Scalar]) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  static func trimTrailingWhitespace(_ scalars: inout [Unicode.Scalar]) {
    while let last = scalars.last, isWhitespace(last) { scalars.removeLast() }
  }

  /// A header value split on commas outside quoted strings, each part stripped of tabs and
  /// spaces (Fetch §2.2.2 "get, decode, and split", from its step on the decoded value).
  static func splitHeaderValue(_ value: String) -> [String] {
    var scanner = Scanner(Array(value.unicodeScalars))
    var values: [String] = []
    var temporary: [Unicode.Scalar] = []
    while true {
      temporary += scanner.collect { $0 != "\"" && $0 != "," }
      if !scanner.isAtEnd, scanner.current == "\"" {
        temporary += scanner.collectQuotedString(extractValue: false)
        if !scanner.isAtEnd { continue }
      }
      var start = 0
      var end = temporary.count
      while start < end, isTabOrSpace(temporary[start]) { start += 1 }
      while end > start, isTabOrSpace(temporary[end - 1]) { end -= 1 }
      values.append(string(Array(temporary[start..<end])))
      temporary = []
      if scanner.isAtEnd { return values }
      scanner.advance()
    }
  }

  /// A position in a string of scalars, with the Infra standard's "collect a sequence of code
  /// points" and Fetch's "collect an HTTP quoted string".
  struct Scanner {
    let input: [Unicode.Scalar]
    var position = 0

    init(_ input: [Unicode.Scalar]) { self.input = input }

    var isAtEnd: Bool { position >= input.count }
    var current: Unicode.Scalar { input[position] }

    mutating func advance() { position += 1 }

    /// The scalars from the position while `predicate` holds; the position moves past them.
    mutating func collect(_ predicate: (Unicode.Scalar) -> Bool) -> [Unicode.Scalar] {
      let start = position
      while position < input.count, predicate(input[position]) { position += 1 }
      return Array(input[start..<position])
    }

    /// Collects a quoted string starting at `"` (Fetch §2.2 "collect an HTTP quoted string"):
    /// its unescaped value when `extractValue`, else the scalars as written, quotes included.
    mutating func collectQuotedString(extractValue: Bool) -> [Unicode.Scalar] {
      let start = position
      var value: [Unicode.Scalar] = []
      advance()
      while true {
        value += collect { $0 != "\"" && $0 != "\\" }
        if isAtEnd { break }
        let quoteOrBackslash = current
        advance()
        if quoteOrBackslash == "\\" {
          if isAtEnd {
            value.append("\\")
            break
          }
          value.append(current)
          advance()
        } else {
          break
        }
      }
      return extractValue ? value : Array(input[start..<min(position, input.count)])
    }
  }
}
