/// A MIME type record: a type, a subtype and ordered parameters, as the MIME Sniffing standard
/// parses and serializes it.
///
/// `init?(_:)` is §4.4 "parse a MIME type" (nil for failure); `description` is §4.5 "serialize a
/// MIME type"; `extract(from:)` is the Fetch standard's "extract a MIME type" from a header list.
/// Type, subtype and parameter names are ASCII-lowercased; parameter values keep their case.
public struct MIMEType: Sendable, Equatable, CustomStringConvertible {
  /// One parameter: a lowercase name and its value.
  public struct Parameter: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// The type, for example `text`.
  public var type: String
  /// The subtype, for example `html`.
  public var subtype: String
  /// The parameters in the order parsed; each name occurs once.
  public var parameters: [Parameter]

  public init(type: String, subtype: String, parameters: [Parameter] = []) {
    self.type = type
    self.subtype = subtype
    self.parameters = parameters
  }

  /// `type/subtype`.
  public var essence: String { "\(type)/\(subtype)" }

  /// The value of the parameter named `name` (lowercase), or nil.
  public func parameter(named name: String) -> String? { parameters.first { $0.name == name }?.value }

  /// Sets the parameter `name` to `value`, in place when it exists, else last.
  public mutating func setParameter(named name: String, to value: String) {
    if let index = parameters.firstIndex(where: { $0.name == name }) {
      parameters[index].value = value
    } else {
      parameters.append(Parameter(name: name, value: value))
    }
  }

  /// Parses `string` as a MIME type (MIME Sniffing §4.4), or returns nil when it is not one.
  public init?(_ string: String) {
    let input = Array(string.unicodeScalars)
    var start = 0
    var end = input.count
    while start < end, HTTPSyntax.isWhitespace(input[start]) { start += 1 }
    while end > start, HTTPSyntax.isWhitespace(input[end - 1]) { end -= 1 }
    var scanner = HTTPSyntax.Scanner(Array(input[start..<end]))

    let type = scanner.collect { $0 != "/" }
    guard !type.isEmpty, type.allSatisfy(HTTPSyntax.isTokenCodePoint), !scanner.isAtEnd else { return nil }
    scanner.advance()
    var subtype = scanner.collect { $0 != ";" }
    HTTPSyntax.trimTrailingWhitespace(&subtype)
    guard !subtype.isEmpty, subtype.allSatisfy(HTTPSyntax.isTokenCodePoint) else { return nil }

    self.type = HTTPSyntax.asciiLowercase(type)
    self.subtype = HTTPSyntax.asciiLowercase(subtype)
    self.parameters = []

    while !scanner.isAtEnd {
      scanner.advance()
      _ = scanner.collect(HTTPSyntax.isWhitespace)
      let name = HTTPSyntax.asciiLowercase(scanner.collect { $0 != ";" && $0 != "=" })
      if !scanner.isAtEnd {
        if scanner.current == ";" { continue }
        scanner.advance()
      }
      if scanner.isAtEnd { break }
      var value: [Unicode.Scalar]
      if scanner.current == "\"" {
        value = scanner.collectQuotedString(extractValue: true)
        _ = scanner.collect { $0 != ";" }
      } else {
        value = scanner.collect { $0 != ";" }
        HTTPSyntax.trimTrailingWhitespace(&value)
        if value.isEmpty { continue }
      }
      if !name.isEmpty, name.unicodeScalars.allSatisfy(HTTPSyntax.isTokenCodePoint),
        value.allSatisfy(HTTPSyntax.isQuotedStringTokenCodePoint), parameter(named: name) == nil
      {
        parameters.append(Parameter(name: name, value: HTTPSyntax.string(value)))
      }
    }
  }

  /// The MIME type serialized (MIME Sniffing §4.5): values that are not tokens are quoted.
  public var description: String {
    var result = essence
    for parameter in parameters {
      result += ";\(parameter.name)="
      let value = parameter.value
      if !value.isEmpty, value.unicodeScalars.allSatisfy(HTTPSyntax.isTokenCodePoint) {
        result += value
      } else {
        var quoted = "\""
        for scalar in value.unicodeScalars {
          if scalar == "\"" || scalar == "\\" { quoted += "\\" }
          quoted.unicodeScalars.append(scalar)
        }
        result += quoted + "\""
      }
    }
    return result
  }

  /// The MIME type of a header list's `Content-Type` headers (Fetch §3.1.7 "extract a MIME
  /// type"), or nil when there is no such header or no value parses.
  ///
  /// Values are split on commas outside quoted strings; the last that parses (and is not `*/*`)
  /// wins, keeping an earlier `charset` of the same essence when it has none.
  public static func extract(from headers: [Header]) -> MIMEType? {
    guard let combined = headers.value(named: "Content-Type") else { return nil }
    var charset: String?
    var essence: String?
    var mimeType: MIMEType?
    for value in HTTPSyntax.splitHeaderValue(combined) {
      guard var candidate = MIMEType(value), candidate.essence != "*/*" else { continue }
      if candidate.essence != essence {
        charset = candidate.parameter(named: "charset")
        essence = candidate.essence
      } else if candidate.parameter(named: "charset") == nil, let charset {
        candidate.setParameter(named: "charset", to: charset)
      }
      mimeType = candidate
    }
    return mimeType
  }
}
