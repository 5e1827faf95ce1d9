import ArgumentParser
import Formatters
import Foundation
import Messages
import Runner
import Runtime

/// `caper run`: runs feature files against JavaScript step definitions, like cucumber-js.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run Gherkin features against JavaScript step definitions.",
    discussion: """
      Without PATHS, a Caper project runs Features/ with support code from Support/steps/; a
      cucumber-js project (a features/ folder) runs features/ with the .js/.cjs/.mjs files under it.
      PATH:LINE runs the scenario or example row at LINE; @FILE runs the file:line list a rerun
      report wrote. Options also come from the configuration file (caper.json, caper.yaml,
      caper.yml, or cucumber.json/.yaml/.yml/.js/.cjs/.mjs): its `default` profile, or those named
      with --profile; the command line is said on top of them. Exit status: 0 when everything
      passed, 1 when a scenario failed (or was undefined or pending under --strict), 2 when the
      run could not start (usage, configuration, a missing path, a feature that does not parse,
      support code that does not load) or a report could not be written.
      """
  )

  @Argument(help: "Feature files or folders; FILE:LINE selects a scenario; @FILE reads them from a rerun file.")
  var paths: [String] = []

  @Option(name: [.customShort("r"), .customLong("require")], help: "Support code to load (file, folder or glob); repeatable.")
  var requires: [String] = []

  @Option(
    name: [.customShort("i"), .customLong("import")],
    help:
      "Support code to load (file or folder); ES modules are .mjs files or .js files in a \"type\": \"module\" package. Repeatable."
  )
  var imports: [String] = []

  @Option(
    name: [.customShort("f"), .customLong("format")],
    help:
      "A formatter, NAME[:FILE]: progress (default), progress-bar, pretty, summary, message, json, junit, rerun, usage, usage-json, snippets. Repeatable."
  )
  var formats: [String] = []

  @Option(
    name: .customLong("format-options"),
    help:
      "JSON options for the formatters: colorsEnabled, snippetInterface (synchronous, async-await, callback, promise), junit.suiteName; e.g. {\"colorsEnabled\": false, \"junit\": {\"suiteName\": \"x\"}}."
  )
  var formatOptions: String?

  @Option(
    name: [.customShort("p"), .customLong("profile")],
    help: "A profile of the configuration file to use (repeatable; default: the `default` profile)."
  )
  var profiles: [String] = []

  @Flag(inversion: .prefixedNo, help: "Fail the run on undefined and pending steps (default: on).")
  var strict: Bool?

  @Option(help: "Run failed scenarios again up to N times.")
  var retry: Int?

  @Option(name: .customLong("retry-tag-filter"), help: "Only retry scenarios whose tags match this tag expression.")
  var retryTagFilter: String?

  @Option(help: "The order scenarios run in: defined, reverse, or random[:SEED] (the seed is printed so a run can be repeated).")
  var order: String?

  @Option(
    name: [.customShort("t"), .customLong("tags")],
    help: "Only scenarios whose tags match this tag expression; repeatable (all must match).")
  var tagExpressions: [String] = []

  @Option(
    name: .customLong("name"), help: "Only scenarios whose name matches this regular expression; repeatable (any may match).")
  var names: [String] = []

  @Flag(
    name: [.customShort("d"), .customLong("dry-run")],
    help: "Report every step without running it (finds undefined and ambiguous steps).")
  var dryRun = false

  @Flag(name: .customLong("fail-fast"), help: "Skip the remaining scenarios after the first failure.")
  var failFast = false

  @Flag(
    name: .customLong("fail-on-page-errors"),
    help: "Fail the step during which a page had an uncaught error (else page errors are attached and counted only).")
  var failOnPageErrors = false

  @Option(name: .customLong("world-parameters"), help: "A JSON object handed to the World as `parameters`.")
  var worldParameters: String?

  @Option(help: "Run scenarios on N workers at once (an isolate on its own thread each).")
  var parallel: Int?

  @Option(
    help:
      "Run this node's part of the suite, I/N (I from 1); without it, from the CI's variables (GitLab, Buildkite, Kubernetes with CAPER_SHARD_TOTAL)."
  )
  var shard: String?

  @Option(help: "The language of feature files without a '# language:' line (default en).")
  var language: String?

  @Flag(name: .customLong("i18n-languages"), help: "List the languages Gherkin knows, and exit.")
  var listLanguages = false

  @Option(name: .customLong("i18n-keywords"), help: "List the Gherkin keywords of a language, and exit.")
  var keywordsLanguage: String?

  @Option(
    name: [.customShort("c"), .customLong("config")],
    help: "The configuration file (default: the first of caper.json ... cucumber.mjs that exists).")
  var configFile: String?

  @Flag(
    name: [.customShort("b"), .customLong("backtrace")],
    help: "Show full stacks (Caper's own frames are always left out; your code's are all shown).")
  var backtrace = false

  @Flag(name: [.customLong("exit"), .customLong("force-exit")], help: "Exit when the run is done (Caper always does).")
  var forceExit = false

  @Option(name: .customLong("require-module"), help: "A module to require before the support code (e.g. chai); repeatable.")
  var requireModules: [String] = []

  @Option(name: [.customShort("l"), .customLong("loader")], help: "A Node loader (accepted; TypeScript files load without one).")
  var loaders: [String] = []

  @Option(name: .customLong("plugin"), help: "A cucumber-js plugin (accepted and ignored, with a note on stderr).")
  var plugins: [String] = []

  @Option(name: .customLong("plugin-options"), help: "JSON options for plugins (accepted and ignored).")
  var pluginOptions: String?

  @Flag(name: .customLong("publish"), help: "Publish to reports.cucumber.io (not supported: ignored, with a note on stderr).")
  var publish = false

  @Flag(name: .customLong("publish-quiet"), help: "Do not mention publishing (accepted; Caper never does).")
  var publishQuiet = false

  @OptionGroup var cache: CodeCacheOptions

  nonisolated(unsafe) static var keptUntilExit: Any?

  @Flag(name: .customLong("cache-stats"), help: "Print the code cache's counters at the end of the run.")
  var cacheStats = false

  static func jsonObject(_ text: String, option: String) throws -> [String: Any] {
    guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
      throw ValidationError("\(option) takes a JSON object, not \(text)")
    }
    return object
  }

  /// What the command line says (nothing for what it leaves out).
  func commandLine() throws -> RunConfiguration {
    var c = RunConfiguration()
    c.paths = paths
    c.require = requires
    c.import = imports
    c.format = formats
    c.name = names
    c.tags = tagExpressions
    c.formatOptions = try formatOptions.map { try Self.jsonObject($0, option: "--format-options") } ?? [:]
    c.worldParameters = try worldParameters.map { try Self.jsonObject($0, option: "--world-parameters") } ?? [:]
    c.strict = strict
    c.retry = retry
    c.order = order
    c.dryRun = dryRun ? true : nil
    c.failFast = failFast ? true : nil
    c.failOnPageErrors = failOnPageErrors ? true : nil
    c.retryTagFilter = retryTagFilter
    c.parallel = parallel
    c.shard = shard
    c.language = language
    c.backtrace = backtrace ? true : nil
    c.forceExit = forceExit ? true : nil
    c.requireModule = requireModules
    c.loader = loaders
    c.plugin = plugins
    c.pluginOptions = try pluginOptions.map { try Self.jsonObject($0, option: "--plugin-options") } ?? [:]
    c.publish = publish ? true : nil
    c.publishQuiet = publishQuiet ? true : nil
    return c
  }

  static func order(_ text: String) -> RunOptions.Order? {
    switch text {
    case "defined": return .defined
    case "reverse": return .reverse
    case "random": return .random(seed: UInt64.random(in: 0...999_999))
    default:
      guard text.hasPrefix("random:"), let seed = UInt64(text.dropFirst("random:".count)) else { return nil }
      return .random(seed: seed)
    }
  }

  /// Modules that teach Node TypeScript: Caper transpiles TypeScript itself (with the project's
  /// `typescript` package), so with one of these folders of support code include .ts files.
  static let typeScriptHooks: Set<String> = [
    "ts-node/register", "ts-node/register/transpile-only", "ts-node/esm", "ts-node/esm/transpile-only", "tsx", "tsx/cjs",
    "tsx/esm", "esbuild-register", "@swc/register", "@swc-node/register", "@swc-node/register/esm",
  ]
  /// Modules that only teach Node newer JavaScript: V8 runs it as it is.
  static let javaScriptHooks: Set<String> = ["@babel/register"]

  /// What Caper accepts but cannot do, said once each on stderr.
  static func ignored(_ config: RunConfiguration) -> [String] {
    var notes: [String] = []
    for hook in config.requireModule where javaScriptHooks.contains(hook) {
      notes.append("requireModule \(hook): not needed, V8 runs the code as it is; ignored")
    }
    for loader in config.loader where !typeScriptHooks.contains(loader) {
      notes.append("loader \(loader): Node loaders are not run here; ignored")
    }
    for plugin in config.plugin { notes.append("plugin \(plugin): cucumber-js plugins are not supported; ignored") }
    if config.publish == true {
      notes.append("publish: publishing to reports.cucumber.io is not supported; ignored (the reports are written locally)")
    }
    return notes
  }

  func validate() throws {
    if let order, Self.order(order) == nil {
      throw ValidationError("--order takes defined, reverse or random[:SEED], not \(order)")
    }
    if let shard, RunOptions.Shard(shard) == nil { throw ValidationError("--shard takes I/N with 1 <= I <= N, not \(shard)") }
    if let retry, retry < 0 { throw ValidationError("--retry takes a number of 0 or more") }
    _ = try commandLine()
  }

  func run() throws {
    if listLanguages {
      print(Languages.table())
      return
    }
    if let keywordsLanguage {
      guard let table = Languages.keywords(keywordsLanguage) else {
        throw CommandFailure(
          message: "caper: Gherkin has no language '\(keywordsLanguage)' (see --i18n-languages)", status: ExitStatus.usage)
      }
      print(table)
      return
    }
    let cwd = FileManager.default.currentDirectoryPath
    var config =
      try ConfigurationFile.load(in: cwd, file: configFile, profiles: profiles) { arguments in
        do {
          return try RunCommand.parse(arguments).commandLine()
        } catch {
          throw CommandFailure(
            message: "caper: profile options \(arguments.joined(separator: " ")): \(RunCommand.message(for: error))",
            status: ExitStatus.usage)
        }
      } ?? RunConfiguration()
    config.merge(try commandLine())
    try run(config, in: cwd)
  }

  private func run(_ config: RunConfiguration, in cwd: String) throws {
    let fm = FileManager.default
    let caperProject = fm.fileExists(atPath: cwd + "/Features") || fm.fileExists(atPath: cwd + "/Support/steps")
    // `@rerun.txt` stands for the `file:line`s the rerun formatter wrote; as in cucumber-js the `@`
    // is part of the file's name (`--format rerun:@rerun.txt`); a file without it is read too.
    var featurePaths: [String] = []
    var onlyRerunFiles = !config.paths.isEmpty
    for path in config.paths {
      guard path.hasPrefix("@") else {
        featurePaths.append(path)
        onlyRerunFiles = false
        continue
      }
      guard
        let text = (try? String(contentsOfFile: path, encoding: .utf8))
          ?? (try? String(contentsOfFile: String(path.dropFirst()), encoding: .utf8))
      else {
        throw CommandFailure(message: "caper: \(path): no such rerun file", status: ExitStatus.usage)
      }
      featurePaths += text.split(whereSeparator: \.isWhitespace).map(String.init)
    }
    // Empty rerun files run nothing (and the reports are still written).
    if featurePaths.isEmpty && !onlyRerunFiles { featurePaths = [caperProject ? "Features" : "features"] }
    var supportPaths = config.require + config.import
    if supportPaths.isEmpty {
      supportPaths = [caperProject ? "Support/steps" : "features"].filter { fm.fileExists(atPath: cwd + "/" + $0) }
    }
    guard let order = Self.order(config.order ?? "defined") else {
      throw CommandFailure(
        message: "caper: order takes defined, reverse or random[:SEED], not \(config.order!)", status: ExitStatus.usage)
    }
    var shardValue: RunOptions.Shard?
    if let shard = config.shard {
      guard let parsed = RunOptions.Shard(shard) else {
        throw CommandFailure(message: "caper: shard takes I/N, not \(shard)", status: ExitStatus.usage)
      }
      shardValue = parsed
    }
    let strict = config.strict ?? true
    var snippetInterface = RunOptions.SnippetInterface.synchronous
    if let style = config.formatOptions["snippetInterface"] {
      guard let name = style as? String, let known = RunOptions.SnippetInterface(rawValue: name) else {
        let names = RunOptions.SnippetInterface.allCases.map(\.rawValue).joined(separator: ", ")
        throw CommandFailure(
          message: "caper: format option snippetInterface takes \(names), not \(style)", status: ExitStatus.usage)
      }
      snippetInterface = known
    }

    var unwritable: [String] = []
    let stores = cache.runStores(log: CodeCacheOptions.debugLog)
    let caches = RealmCaches(store: stores.memory, snapshot: stores.snapshot, templates: CodeCacheOptions.runTemplates)
    let formatters = try ReportFormats.make(
      config.format, options: config.formatOptions, strict: strict, directory: cwd,
      custom: { try CustomFormatter(name: $0, directory: cwd, options: config.formatOptions, caches: caches) },
      unwritable: &unwritable)
    for problem in unwritable { FileHandle.standardError.write(Data((problem + "\n").utf8)) }

    var options = RunOptions(featurePaths: featurePaths, supportPaths: supportPaths, baseDirectory: cwd)
    for note in Self.ignored(config) { FileHandle.standardError.write(Data("caper: \(note)\n".utf8)) }
    options.requireModules = config.requireModule.filter {
      !Self.typeScriptHooks.contains($0) && !Self.javaScriptHooks.contains($0)
    }
    options.typeScript = (config.requireModule + config.loader).contains(where: Self.typeScriptHooks.contains)
    options.strict = strict
    options.snippetInterface = snippetInterface
    options.retry = config.retry ?? 0
    options.order = order
    if case .random(let seed) = order {
      FileHandle.standardError.write(Data("caper: random order with seed \(seed) (repeat with --order random:\(seed))\n".utf8))
    }
    let parameters = try JSONSerialization.data(withJSONObject: config.worldParameters)
    options.worldParameters = String(decoding: parameters, as: UTF8.self)
    options.environment = ProcessInfo.processInfo.environment
    options.arguments = CommandLine.arguments
    options.tagExpressions = config.tags
    options.namePatterns = config.name
    options.dryRun = config.dryRun ?? false
    options.failFast = config.failFast ?? false
    options.failOnPageErrors = config.failOnPageErrors ?? false
    options.retryTagFilter = config.retryTagFilter ?? ""
    options.language = config.language ?? "en"
    options.parallel = config.parallel ?? 0
    options.shard = shardValue ?? RunOptions.Shard.fromEnvironment(ProcessInfo.processInfo.environment)
    // Support realms start from a startup snapshot of Caper's runtime, kept in the code cache
    // (`CAPER_NO_SNAPSHOT=1`: plain contexts, for comparison).
    options.cacheLog = CodeCacheOptions.debugLog
    // Support code's console output goes to the terminal, as in cucumber-js.
    options.console = Console.standardStreams
    options.caches = caches
    let testRun = TestRun(options: options) { envelope in
      for formatter in formatters { formatter.handle(envelope) }
    }
    let passed: Bool
    defer { stores.flush() }
    do {
      passed = try testRun.run()
    } catch {
      // The reports of what ran are still written; the error is rendered by the command line.
      finish(formatters)
      throw error
    }
    let reportsFailed = !finish(formatters)
    // The run's messages and models are freed by the process's exit, not one by one.
    RunCommand.keptUntilExit = (testRun, formatters)
    if cacheStats {
      stores.flush()
      var statistics = stores.statistics
      statistics.deferredProductions += testRun.deferredProductions
      statistics.secondsSaved += testRun.secondsSaved
      let place = stores.disk.map { "code cache: \($0.directory)" } ?? "code cache: memory only (no disk cache)"
      FileHandle.standardError.write(Data((place + "\n" + statistics.report + "\n").utf8))
    }
    if !unwritable.isEmpty || reportsFailed { throw CommandFailure(message: "", status: ExitStatus.usage) }
    if !passed { throw CommandFailure(message: "", status: ExitStatus.failure) }
  }

  /// Finishes every formatter; false when one failed (each failure is said on stderr).
  @discardableResult
  private func finish(_ formatters: [Formatters.Formatter]) -> Bool {
    var finished = true
    for formatter in formatters {
      do { try formatter.finish() } catch {
        finished = false
        FileHandle.standardError.write(Data("caper: \(error)\n".utf8))
      }
    }
    return finished
  }
}
