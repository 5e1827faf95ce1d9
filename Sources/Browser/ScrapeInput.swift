/// One input of `caper scrape`: a saved page or a URL, named as the user gave it.
public struct ScrapeInput: Sendable, Equatable {
  public enum Location: Sendable, Equatable {
    /// A file path (relative to the current folder or absolute).
    case file(String)
    /// An `http:`, `https:`, `file:` or `data:` URL.
    case url(String)
  }

  /// What the output line's `"input"` says.
  public let name: String
  public let location: Location

  public init(name: String, location: Location) {
    self.name = name
    self.location = location
  }
}

/// What scraping one input gave: the script's result as JSON text, or the error, with the input
/// it belongs to.
public enum ScrapeOutcome: Sendable, Equatable {
  /// The JSON text of the script's result (`null` for undefined) and, for a plain-object
  /// result, its top-level fields in order as CSV cells.
  case result(json: String, fields: [ScrapeField])
  case failure(ScrapeFailure)
}

/// Why one input failed: the script threw, it had no default export, the file could not be read,
/// the host could not be reached, the time ran out.
///
/// `location` is `file:line:column` when the error came from the script's code.
public struct ScrapeFailure: Error, Sendable, Equatable {
  public var message: String
  public var stack: String?
  public var location: String?

  public init(message: String, stack: String? = nil, location: String? = nil) {
    self.message = message
    self.stack = stack
    self.location = location
  }
}

/// A top-level field of a plain-object result, as a CSV cell: a string as it is, null as empty,
/// other scalars as their text, arrays and objects as JSON.
public struct ScrapeField: Sendable, Equatable {
  public var name: String
  public var cell: String

  public init(name: String, cell: String) {
    self.name = name
    self.cell = cell
  }
}
