import Runtime
import V8

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
  /// Modules required before the support code, from the base directory (`requireModule`).
  public var requireModules: [String] = []
  /// Whether folders of support code include TypeScript files (.ts, .cts, .mts; never .d.ts), as
  /// cucumber-js's do once a `requireModule` hook such as ts-node/register registers them.
  public var typeScript = false
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
  /// A page's uncaught error fails the step during which it happened (`--fail-on-page-errors`);
  /// else page errors are attached to the step and counted in the summary only, as Playwright
  /// leaves them.
  public var failOnPageErrors = false
  /// Only scenarios matching this tag expression are retried.
  public var retryTagFilter = ""
  /// The language of feature files without a `# language:` line.
  public var language = "en"
  /// Workers running test cases at once (each an isolate on its own thread); 0 or 1 is serial.
  public var parallel = 0
  /// This node's part of the suite: pickles sorted by `uri:line`, every `total`-th from `index`
  /// (1-based), so every node computes the same split.
  public var shard: Shard?
  /// The style of the snippets suggested for undefined steps (`--format-options
  /// '{"snippetInterface": ...}'`, as in cucumber-js).
  public var snippetInterface: SnippetInterface = .synchronous
  /// Where compiled scripts' code caches are kept (nil: none).
  ///
  /// The code cache and the support runtime's startup snapshot realms start from.
  public var caches = RealmCaches()
  /// Called with one line per cache decision (`CAPER_DEBUG=cache`).
  public var cacheLog: (@Sendable (String) -> Void)?
  /// Where support code's console output goes (the command decides; by default it is dropped:
  /// the library never prints).
  public var console: ConsoleSink = { _, _ in }

  /// cucumber-js's snippet styles.
  public enum SnippetInterface: String, Sendable, CaseIterable {
    /// `function (...) { return 'pending'; }` (the default)
    case synchronous
    /// `async function (...) { return 'pending'; }`
    case asyncAwait = "async-await"
    /// `function (..., callback) { callback(null, 'pending'); }`
    case callback
    /// `function (...) { return Promise.resolve('pending'); }`
    case promise
  }

  public struct Shard: Sendable, Equatable {
    public var index: Int
    public var total: Int
    public init(index: Int, total: Int) {
      self.index = index
      self.total = total
    }

    /// `I/N` (I from 1).
    public init?(_ text: String) {
      let parts = text.split(separator: "/")
      guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
      self.init(index: i, total: n)
    }

    /// From the CI's own variables: GitLab (1-based), Buildkite (0-based), Kubernetes Indexed
    /// Jobs (0-based, total from CAPER_SHARD_TOTAL).
    public static func fromEnvironment(_ env: [String: String]) -> Shard? {
      func int(_ key: String) -> Int? { env[key].flatMap { Int($0) } }
      if let i = int("CI_NODE_INDEX"), let n = int("CI_NODE_TOTAL"), n > 1, (1...n).contains(i) {
        return Shard(index: i, total: n)
      }
      if let i = int("BUILDKITE_PARALLEL_JOB"), let n = int("BUILDKITE_PARALLEL_JOB_COUNT"), n > 1, (0..<n).contains(i) {
        return Shard(index: i + 1, total: n)
      }
      if let i = int("JOB_COMPLETION_INDEX"), let n = int("CAPER_SHARD_TOTAL"), n > 1, (0..<n).contains(i) {
        return Shard(index: i + 1, total: n)
      }
      return nil
    }
  }

  public init(featurePaths: [String], supportPaths: [String], baseDirectory: String) {
    self.featurePaths = featurePaths
    self.supportPaths = supportPaths
    self.baseDirectory = baseDirectory
  }
}

/// Why a run could not start: a missing path, a feature that does not parse, support code that
/// does not load, a definition that cannot be used.
///
/// Carries the file, line and column where there
/// is one, and the underlying error (a `JSError` keeps its stack); the commands layer renders it.
public struct RunError: Error, Sendable, CustomStringConvertible {
  public var file: String?
  public var line: Int?
  public var column: Int?
  public var message: String
  public var cause: (any Error & Sendable)?
  /// The run failed rather than could not start (feature files that do not parse, as cucumber-js
  /// reports them with exit status 1); otherwise a usage or load error (exit status 2).
  public var isFailure: Bool

  public init(
    file: String? = nil, line: Int? = nil, column: Int? = nil, message: String, cause: (any Error & Sendable)? = nil,
    isFailure: Bool = false
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.cause = cause
    self.isFailure = isFailure
  }

  /// `file:line:column: message`.
  public var description: String {
    guard let file else { return message }
    var place = file
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    return "\(place): \(message)"
  }
}
