import Foundation

/// One Cucumber Messages envelope: exactly one message, written as `{"kind": {...}}`.
/// Envelopes are the only contract between Gherkin, the runner and the formatters.
public enum Envelope: Hashable, Sendable {
  case source(Source)
  case gherkinDocument(GherkinDocument)
  case pickle(Pickle)
  case parseError(ParseError)
}

extension Envelope: Codable {
  private enum Key: String, CodingKey {
    case source, gherkinDocument, pickle, parseError
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    switch self {
    case .source(let m): try container.encode(m, forKey: .source)
    case .gherkinDocument(let m): try container.encode(m, forKey: .gherkinDocument)
    case .pickle(let m): try container.encode(m, forKey: .pickle)
    case .parseError(let m): try container.encode(m, forKey: .parseError)
    }
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    guard let key = container.allKeys.first, container.allKeys.count == 1 else {
      throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "an envelope holds exactly one message"))
    }
    switch key {
    case .source: self = .source(try container.decode(Source.self, forKey: key))
    case .gherkinDocument: self = .gherkinDocument(try container.decode(GherkinDocument.self, forKey: key))
    case .pickle: self = .pickle(try container.decode(Pickle.self, forKey: key))
    case .parseError: self = .parseError(try container.decode(ParseError.self, forKey: key))
    }
  }
}

/// Writes envelopes as NDJSON: one compact JSON object per line, keys sorted.
public struct NDJSONWriter {
  private let encoder: JSONEncoder

  public init() {
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  }

  /// The envelope as one line of JSON, with its newline.
  public func line(_ envelope: Envelope) throws -> Data {
    var data = try encoder.encode(envelope)
    data.append(UInt8(ascii: "\n"))
    return data
  }
}
