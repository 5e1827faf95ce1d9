/// What to run and how (the command line and configuration end up here).
public struct RunOptions: Sendable {
  public enum Order: Sendable, Equatable {
    case defined, reverse
    /// Shuffled by a seeded generator: the same seed gives the same order on every machine.
    case random(seed: UInt64)
  }

  /// Feature files or folders; `path:LINE` selects the scenarios and example rows at LINE.
  public var featurePaths: [String]
  /// Support files or folders (CommonJS `.js`/`.cjs`).
  public var supportPaths: [String]
  /// Undefined and pending steps fail the run (cucumber-js's default).
  public var strict = true
  /// Failed test cases run again up to this many times.
  public var retry = 0
  public var order: Order = .defined
  /// JSON text handed to the World as `parameters`.
  public var worldParameters = "{}"
  public var environment: [String: String] = [:]
  public var arguments: [String] = []
  /// The folder URIs are written relative to.
  public var baseDirectory: String
  /// Tag expressions a scenario must all match (`--tags`, ANDed).
  public var tagExpressions: [String] = []
  /// Regular expressions (JavaScript) of which a scenario's name must match one (`--name`).
  public var namePatterns: [String] = []
  /// Report every step without running it (undefined and ambiguous steps are still found).
  public var dryRun = false
  /// After the first failed scenario, skip the rest.
  public var failFast = false
  /// Only scenarios matching this tag expression are retried.
  public var retryTagFilter = ""
  /// The language of feature files without a `# language:` line.
  public var language = "en"
  /// Workers running test cases at once (each an isolate on its own thread); 0 or 1 is serial.
  public var parallel = 0

  public init(featurePaths: [String], supportPaths: [String], baseDirectory: String) {
    self.featurePaths = featurePaths
    self.supportPaths = supportPaths
    self.baseDirectory = baseDirectory
  }
}

/// Why a run could not start: a missing path, a feature that does not parse, support code that
/// does not load. Carries the file and line where there is one.
public struct RunError: Error, Sendable, CustomStringConvertible {
  public var file: String?
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(file: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    guard let file else { return message }
    var place = file
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    return "\(place): \(message)"
  }
}
