import ArgumentParser
import Foundation
import Formatters
import Messages
import Runner

/// `caper run`: runs feature files against JavaScript step definitions, like cucumber-js.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run Gherkin features against JavaScript step definitions.",
    discussion: """
      Without PATHS, a Caper project runs Features/ with support code from Support/steps/; a
      cucumber-js project (a features/ folder) runs features/ with the .js/.cjs files under it.
      PATH:LINE runs the scenario or example row at LINE. Exit status: 0 when everything passed,
      1 when a scenario failed (or was undefined or pending under --strict), 2 when the run could
      not start (a missing path, a feature that does not parse, support code that does not load).
      """
  )

  @Argument(help: "Feature files or folders; FILE:LINE selects a scenario; @FILE reads them from a rerun file.")
  var paths: [String] = []

  @Option(name: .customLong("require"), help: "Support code to load (file or folder, CommonJS); repeatable.")
  var requires: [String] = []

  @Option(name: .customLong("import"), help: "Support code to load (file or folder); ES modules are .mjs files or .js files in a \"type\": \"module\" package. Repeatable.")
  var imports: [String] = []

  @Option(name: .customLong("format"), help: "A formatter, NAME[:FILE]: progress (default), progress-bar, pretty, summary, message, json, junit, rerun, usage, usage-json, snippets. Repeatable.")
  var formats: [String] = []

  @Flag(inversion: .prefixedNo, help: "Fail the run on undefined and pending steps.")
  var strict = true

  @Option(help: "Run failed scenarios again up to N times.")
  var retry = 0

  @Option(help: "The order scenarios run in: defined, reverse, or random[:SEED] (the seed is printed so a run can be repeated).")
  var order = "defined"

  @Option(name: .customLong("tags"), help: "Only scenarios whose tags match this tag expression; repeatable (all must match).")
  var tagExpressions: [String] = []

  @Option(name: .customLong("name"), help: "Only scenarios whose name matches this regular expression; repeatable (any may match).")
  var names: [String] = []

  @Flag(name: .customLong("dry-run"), help: "Report every step without running it (finds undefined and ambiguous steps).")
  var dryRun = false

  @Flag(name: .customLong("fail-fast"), help: "Skip the remaining scenarios after the first failure.")
  var failFast = false

  @Option(name: .customLong("retry-tag-filter"), help: "Only retry scenarios whose tags match this tag expression.")
  var retryTagFilter = ""

  @Option(help: "Run scenarios on N workers at once (an isolate on its own thread each).")
  var parallel = 0

  @Option(help: "Run this node's part of the suite, I/N (I from 1); without it, from the CI's variables (GitLab, Buildkite, Kubernetes with CAPER_SHARD_TOTAL).")
  var shard: String?

  @Option(help: "The language of feature files without a '# language:' line (default en).")
  var language = "en"

  @Flag(name: .customLong("i18n-languages"), help: "List the languages Gherkin knows, and exit.")
  var listLanguages = false

  @Option(name: .customLong("i18n-keywords"), help: "List the Gherkin keywords of a language, and exit.")
  var keywordsLanguage: String?

  @Option(name: .customLong("format-options"), help: "JSON options for the formatters (e.g. {\"colorsEnabled\": false}).")
  var formatOptions = "{}"

  @Option(name: .customLong("world-parameters"), help: "JSON handed to the World as `parameters`.")
  var worldParameters = "{}"

  /// The `--order` option as the runner takes it; nil when malformed.
  var runOrder: RunOptions.Order? {
    switch order {
    case "defined": return .defined
    case "reverse": return .reverse
    case "random": return .random(seed: UInt64.random(in: 0...999_999))
    default:
      guard order.hasPrefix("random:"), let seed = UInt64(order.dropFirst("random:".count)) else { return nil }
      return .random(seed: seed)
    }
  }

  func validate() throws {
    if let shard, RunOptions.Shard(shard) == nil { throw ValidationError("--shard takes I/N with 1 <= I <= N, not \(shard)") }
    guard runOrder != nil else { throw ValidationError("--order takes defined, reverse or random[:SEED], not \(order)") }
    guard (try? JSONSerialization.jsonObject(with: Data(formatOptions.utf8))) is [String: Any] else {
      throw ValidationError("--format-options takes a JSON object, not \(formatOptions)")
    }
    guard retry >= 0 else { throw ValidationError("--retry takes a number of 0 or more") }
    guard (try? JSONSerialization.jsonObject(with: Data(worldParameters.utf8))) is [String: Any] else {
      throw ValidationError("--world-parameters takes a JSON object, not \(worldParameters)")
    }
  }

  func run() throws {
    if listLanguages {
      print(Languages.table())
      return
    }
    if let keywordsLanguage {
      guard let table = Languages.keywords(keywordsLanguage) else {
        throw CommandFailure(message: "caper: Gherkin has no language '\(keywordsLanguage)' (see --i18n-languages)", status: ExitStatus.usage)
      }
      print(table)
      return
    }
    let cwd = FileManager.default.currentDirectoryPath
    let fm = FileManager.default
    let caperProject = fm.fileExists(atPath: cwd + "/Features") || fm.fileExists(atPath: cwd + "/Support/steps")
    // `@rerun.txt` stands for the `file:line`s the rerun formatter wrote.
    var featurePaths: [String] = []
    for path in paths {
      guard path.hasPrefix("@") else { featurePaths.append(path); continue }
      guard let text = try? String(contentsOfFile: String(path.dropFirst()), encoding: .utf8) else {
        throw CommandFailure(message: "caper: \(path.dropFirst()): no such rerun file", status: ExitStatus.usage)
      }
      featurePaths += text.split(whereSeparator: \.isWhitespace).map(String.init)
      if featurePaths.isEmpty { return }
    }
    if featurePaths.isEmpty { featurePaths = [caperProject ? "Features" : "features"] }
    var supportPaths = requires + imports
    if supportPaths.isEmpty {
      supportPaths = caperProject ? ["Support/steps"].filter { fm.fileExists(atPath: cwd + "/" + $0) } : ["features"].filter { fm.fileExists(atPath: cwd + "/" + $0) }
    }

    let formatOptionValues = (try? JSONSerialization.jsonObject(with: Data(formatOptions.utf8))) as? [String: Any] ?? [:]
    var unwritable: [String] = []
    let formatters = try ReportFormats.make(formats, options: formatOptionValues, strict: strict, unwritable: &unwritable)
    for problem in unwritable { FileHandle.standardError.write(Data((problem + "\n").utf8)) }

    var options = RunOptions(featurePaths: featurePaths, supportPaths: supportPaths, baseDirectory: cwd)
    options.strict = strict
    options.retry = retry
    options.order = runOrder ?? .defined
    if case .random(let seed) = options.order {
      FileHandle.standardError.write(Data("caper: random order with seed \(seed) (repeat with --order random:\(seed))\n".utf8))
    }
    options.tagExpressions = tagExpressions
    options.namePatterns = names
    options.dryRun = dryRun
    options.failFast = failFast
    options.retryTagFilter = retryTagFilter
    options.language = language
    options.parallel = parallel
    options.shard = shard.flatMap(RunOptions.Shard.init) ?? RunOptions.Shard.fromEnvironment(ProcessInfo.processInfo.environment)
    options.worldParameters = worldParameters
    options.environment = ProcessInfo.processInfo.environment
    options.arguments = CommandLine.arguments
    let testRun = TestRun(options: options) { envelope in formatters.forEach { $0.handle(envelope) } }
    let passed: Bool
    do {
      passed = try testRun.run()
    } catch let error as RunError {
      finish(formatters)
      throw CommandFailure(message: "caper: \(error)", status: ExitStatus.usage)
    }
    finish(formatters)
    if !unwritable.isEmpty { throw CommandFailure(message: "", status: ExitStatus.usage) }
    if !passed { throw CommandFailure(message: "", status: ExitStatus.failure) }
  }

  private func finish(_ formatters: [Formatters.Formatter]) {
    for formatter in formatters {
      do { try formatter.finish() } catch { FileHandle.standardError.write(Data("caper: \(error)\n".utf8)) }
    }
  }
}
