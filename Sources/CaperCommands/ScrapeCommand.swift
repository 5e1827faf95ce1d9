import ArgumentParser
import Browser
import Foundation
import Runtime

/// `caper scrape SCRIPT [INPUT...]`: loads each input (a saved page, a folder of them, a glob, a
/// URL, or `-` for a list on stdin) into Caper's browser and prints what SCRIPT's default export
/// `async (page, input) => value` returns, one JSON line per input, in input order.
///
/// Every input is attempted; one that fails gives an `error` object and exit status 1 at the end;
/// usage errors (a script that does not load or has no default export, a glob that matches
/// nothing, an option out of range) exit 2. The script's console goes to stderr, and with
/// `--console` the pages' console too: stdout holds results only.
struct ScrapeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scrape",
    abstract: "Run a script over saved pages or URLs and print what it returns as JSON lines.",
    discussion: """
      SCRIPT is a CommonJS or ES module whose default export is `async (page, input) => value`.
      `page` follows Playwright's Page where the names meet (url(), title(), content(), evaluate(fn, arg),
      $eval, $$eval, response()) and adds `document` and `window`, the live page objects.
      """
  )

  @Argument(help: "The script: a module whose default export is async (page, input) => value.")
  var script: String

  @Argument(help: "Pages: files, folders (their .html, .htm and .xhtml files), globs, URLs, or - for a list on stdin.")
  var inputs: [String] = []

  @Option(help: "Output format: jsonl, json or csv.")
  var format: String = "jsonl"

  @Option(help: "Pages scraped at once, each by its own worker.")
  var concurrency: Int = 1

  @Option(help: "Seconds one input may take (loading, the script, its promise) before it fails.")
  var timeout: Double = 30

  @Flag(
    name: [.customLong("ignore-https-errors"), .customLong("insecure")], help: "Accept invalid TLS certificates (test servers).")
  var ignoreHTTPSErrors = false

  @Flag(inversion: .prefixedNo, help: "Run the pages' scripts (--no-scripts: the documents alone, as parsed).")
  var scripts = true

  @Option(
    name: .customLong("wait-until"),
    help:
      "How far a page loads before the script runs: load, domcontentloaded, networkidle or idle (load fired, nothing in flight, no timer due soon)."
  )
  var waitUntil: String = "idle"

  @Flag(
    name: .customLong("fail-on-page-errors"),
    help: "A page's uncaught error fails its input (else it is only reported on stderr).")
  var failOnPageErrors = false

  @Flag(help: "Print the pages' console messages on stderr, as `INPUT: console.TYPE: TEXT (LOCATION)`.")
  var console = false

  @OptionGroup var cache: CodeCacheOptions

  func validate() throws {
    guard ScrapeOutput.Format(rawValue: format) != nil else {
      throw ValidationError("--format must be one of: \(ScrapeOutput.Format.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    _ = try SecondsOption.duration(timeout, option: "--timeout")
    guard Page.LoadState(rawValue: waitUntil) != nil else {
      throw ValidationError("--wait-until must be one of: \(Page.LoadState.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    let list = try ScrapeInputs.expand(
      inputs, standardInput: { String(data: FileHandle.standardInput.readDataToEndOfFile(), encoding: .utf8) })
    guard !list.isEmpty else {
      throw CommandFailure(message: "caper scrape: no inputs (give files, folders, globs, URLs or -)", status: ExitStatus.usage)
    }
    guard FileManager.default.isReadableFile(atPath: script) else {
      let why = FileManager.default.fileExists(atPath: script) ? "permission denied" : "no such file"
      throw CommandFailure(message: "caper scrape: cannot read the script \(script) (\(why))", status: ExitStatus.usage)
    }
    let options = Scraper.Options(
      timeout: try SecondsOption.duration(timeout, option: "--timeout"), ignoreHTTPSErrors: ignoreHTTPSErrors,
      environment: ProcessInfo.processInfo.environment, arguments: [CommandLine.arguments[0], script], scripts: scripts,
      waitUntil: Page.LoadState(rawValue: waitUntil) ?? .idle, failOnPageErrors: failOnPageErrors,
      console: console)
    // One startup snapshot holds the support realm (context 0) and the page realm (context 1).
    let templates = [ScrapeRuntime.template, DOMRuntime.template]
    let stores = cache.runStores(templates: templates, log: CodeCacheOptions.debugLog)
    defer { stores.flush() }
    let sink: ConsoleSink = { _, text in FileHandle.standardError.write(Data(text.utf8)) }
    let workerCount = min(concurrency, list.count)
    let scriptPath = URL(fileURLWithPath: script).path
    let scrapers: [Scraper]
    do {
      scrapers = try (0..<workerCount).map { _ in
        try Scraper(
          script: scriptPath, options: options, console: sink,
          caches: RealmCaches(store: stores.memory, snapshot: stores.snapshot, templates: templates))
      }
    } catch let failure as ScrapeFailure {
      throw CommandFailure(
        message: "caper scrape: \(failure.location.map { "\($0): " } ?? "")\(failure.message)", status: ExitStatus.usage)
    }
    let output = ScrapeOutput(
      format: ScrapeOutput.Format(rawValue: format)!,
      write: { text in
        FileHandle.standardOutput.write(Data(text.utf8))
      },
      warn: { FileHandle.standardError.write(Data($0.utf8)) })
    let queue = ScrapeQueue(count: list.count, output: output, progress: ScrapeProgress(total: list.count))
    DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
      let scraper = scrapers[worker]
      while let index = queue.take() {
        let input = list[index]
        let outcome: ScrapeOutcome
        // The document is fetched in the browser context its page lives in (its cookies).
        let context = Scraper.makeBrowserContext(options)
        do throws(ScrapeFailure) {
          let document = try DocumentLoader.load(input, options: options, browserContext: context)
          outcome = scraper.scrape(input, document: document, browserContext: context)
        } catch {
          outcome = .failure(error)
        }
        queue.finish(index, input, outcome)
      }
    }
    queue.progress.finish()
    output.finish()
    if output.failures > 0 { throw ExitCode(ExitStatus.failure) }
  }
}

/// The inputs handed out to the workers one at a time, and their outcomes written in order, under
/// one lock.
final class ScrapeQueue: @unchecked Sendable {
  private let lock = NSLock()
  private let count: Int
  private var next = 0
  private let output: ScrapeOutput
  let progress: ScrapeProgress

  init(count: Int, output: ScrapeOutput, progress: ScrapeProgress) {
    self.count = count
    self.output = output
    self.progress = progress
  }

  /// The next input's index, or nil when every input is handed out.
  func take() -> Int? {
    lock.withLock {
      guard next < count else { return nil }
      defer { next += 1 }
      return next
    }
  }

  func finish(_ index: Int, _ input: ScrapeInput, _ outcome: ScrapeOutcome) {
    lock.withLock {
      output.record(index, input, outcome)
      progress.advance()
    }
  }
}

/// A progress bar on stderr, only when stderr is a terminal (never in CI logs or pipes).
final class ScrapeProgress {
  private let total: Int
  private var done = 0
  private let shown = isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil

  init(total: Int) { self.total = total }

  func advance() {
    done += 1
    guard shown else { return }
    let width = 30
    let filled = total == 0 ? width : done * width / total
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandle.standardError.write(Data("\rscrape [\(bar)] \(done)/\(total)".utf8))
  }

  func finish() {
    if shown && done > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}
