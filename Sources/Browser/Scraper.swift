import Foundation
import Runtime
import V8

/// One scrape worker: a support realm of `ScrapeRuntime.template` in an isolate of its own,
/// holding the user's script, and a new page realm beside it for every input.
///
/// Guarantees: the script loads once (CommonJS or ES module, through the code cache); its default
/// export is called as `fn(page, input)` for each input and awaited, with `timeout` covering the
/// call, its promise and the page's loading together (an endless loop is terminated and the next
/// input goes on; a page's task runs for at most 10 s or `timeout`, whichever is shorter, and a
/// stopped task that used up the time fails the input). Each input's page is in the browser
/// context its document was fetched through. After an input, its page's console messages (with
/// `console`) and one warning for a navigation the page asked for go to the console sink. A
/// failure of one input is its outcome, never a thrown error. Each page realm is
/// released after its input's result, so memory stays bounded over any number of inputs. One
/// input at a time; thread-safe (calls hop to the isolate's thread).
public final class Scraper: @unchecked Sendable {
  public struct Options: Sendable {
    public var timeout: Duration
    public var ignoreHTTPSErrors: Bool
    public var environment: [String: String]
    public var arguments: [String]
    /// Whether the pages' scripts run (`--no-scripts`: the document alone, as parsed).
    public var scripts: Bool
    /// How far a page loads before the script is called (`--wait-until`).
    public var waitUntil: Page.LoadState
    /// Whether a page error fails the input (`--fail-on-page-errors`); else it is only reported.
    public var failOnPageErrors: Bool
    /// Whether the page's console messages go to stderr after its input (`--console`).
    public var console: Bool

    public init(
      timeout: Duration = .seconds(30), ignoreHTTPSErrors: Bool = false, environment: [String: String] = [:],
      arguments: [String] = [], scripts: Bool = true, waitUntil: Page.LoadState = .idle, failOnPageErrors: Bool = false,
      console: Bool = false
    ) {
      self.console = console
      self.timeout = timeout
      self.ignoreHTTPSErrors = ignoreHTTPSErrors
      self.environment = environment
      self.arguments = arguments
      self.scripts = scripts
      self.waitUntil = waitUntil
      self.failOnPageErrors = failOnPageErrors
    }
  }

  let support: Realm
  private let node: NodeRuntime
  private let options: Options
  private let console: ConsoleSink
  /// The script's default export.
  private let function: JSReference
  /// The input's page while its input runs (the `playwright` host functions find it here), and
  /// the page realms made ahead for the inputs (its pool).
  private let registry: PageRegistry

  /// Loads `script`; throws a `ScrapeFailure` when it does not load or has no default export
  /// that is a function (a usage error of the whole run).
  public init(script: String, options: Options, console: @escaping ConsoleSink, caches: RealmCaches = RealmCaches()) throws {
    self.options = options
    self.console = console
    let node = NodeRuntime(console: console)
    let registry = PageRegistry()
    self.registry = registry
    support = try Realm(template: ScrapeRuntime.template, caches: caches) { realm in
      node.hostFunctions(for: realm).merging(PlaywrightRuntime.hostFunctions(for: realm, registry: registry)) { $1 }
    }
    self.node = node
    registry.attach(to: support)
    try node.start(environment: options.environment, arguments: options.arguments)
    let exported: JSValue
    do {
      exported = try node.importFile(script).value
    } catch let error as JSError {
      throw ScrapeFailure(message: error.message, stack: error.stack, location: Self.userLocation(of: error))
    }
    switch exported {
    case .function(let f): function = f
    case .object(let object):
      guard case .function(let f)? = object["default"] else {
        throw ScrapeFailure(message: "\(script) has no default export: export a function `async (page, input) => value`")
      }
      function = f
    default:
      throw ScrapeFailure(message: "\(script) has no default export: export a function `async (page, input) => value`")
    }
    support.loader.produceDeferred()
  }

  /// The browser context of one input (Playwright's `browser.newContext()` per input, so no
  /// cookie or storage crosses between inputs): `options`' TLS option and timeout for each fetch,
  /// and a task limit of the default 10 s or `timeout`, whichever is shorter.
  public static func makeBrowserContext(_ options: Options) -> BrowserContext {
    let taskTimeout = min(BrowserContext.Options().taskTimeout ?? options.timeout, options.timeout)
    return BrowserContext(
      options: .init(ignoreHTTPSErrors: options.ignoreHTTPSErrors, timeout: options.timeout, taskTimeout: taskTimeout))
  }

  /// Scrapes one loaded document: a new page realm in `browserContext` (the one its document was
  /// fetched through; by default a new one, `makeBrowserContext`), the script's function on it,
  /// the page released after.
  public func scrape(_ input: ScrapeInput, document: LoadedDocument, browserContext: BrowserContext? = nil) -> ScrapeOutcome {
    let started = ContinuousClock.now
    // The page's tasks the watchdog stopped, named in a timeout's message.
    var stops: [PageError] = []
    /// The failure of an input that outlasted `--timeout`, in one wording whatever it waited for.
    func timedOut(_ input: ScrapeInput, waitingFor wait: String) -> ScrapeFailure {
      var message = "\(input.name): timed out after \(Self.seconds(options.timeout)) (--timeout) waiting for \(wait)"
      if let stop = stops.first { message += "; \(stop.location.map { "at \($0), " } ?? "")\(stop.message)" }
      return ScrapeFailure(message: message)
    }
    do {
      let context = browserContext ?? Self.makeBrowserContext(options)
      let console = self.console
      let page: Page
      do {
        page = try Page(
          beside: support, document: document, browserContext: context, scripts: options.scripts, waitUntil: options.waitUntil,
          timeout: options.timeout, pool: registry.pool, followsNavigations: false
        ) { error in
          if PageWatchdog.stopped(error) { stops.append(error) }
          console(.err, "\(input.name): page error: \(error)\n")
        }
      } catch let failure as PageLoadError {
        guard ContinuousClock.now - started >= options.timeout else {
          return .failure(ScrapeFailure(message: failure.description))
        }
        return .failure(timedOut(input, waitingFor: "the page to reach \(options.waitUntil.rawValue)"))
      }
      let id = registry.add(page)
      // The navigations the page asked for while it loaded are not followed (the result is of the
      // document asked for); those after, while the script acts on it, are.
      let unfollowed = page.environment.navigations.first
      page.followsNavigations = true
      defer {
        if options.console { Self.report(page.consoleMessages, of: input, to: console) }
        if let navigation = unfollowed { console(.err, Self.notFollowed(navigation, of: input)) }
        registry.remove(id)
        page.close()
      }
      // A task the watchdog stopped may have spent the whole time.
      guard ContinuousClock.now - started < options.timeout else {
        return .failure(timedOut(input, waitingFor: "the page to reach \(options.waitUntil.rawValue)"))
      }
      /// `--fail-on-page-errors`: the page's errors so far (while it loaded, then while the script acted on it).
      func pageErrors() -> ScrapeOutcome? {
        guard options.failOnPageErrors, let first = page.errors.first else { return nil }
        let count = page.errors.count
        return .failure(
          ScrapeFailure(message: "\(count) page error\(count == 1 ? "" : "s") (--fail-on-page-errors); the first: \(first)"))
      }
      if let failure = pageErrors() { return failure }
      let value = try support.context.callAwaiting(
        support.function("scrape", "run"), [.function(function), .number(Double(id)), .string(input.name)],
        timeout: options.timeout - (ContinuousClock.now - started)
      ) { try support.pump(until: .now + .milliseconds(50)) }
      support.loader.produceDeferred()
      if let failure = pageErrors() { return failure }
      return Self.outcome(of: value)
    } catch let error as JSError {
      if error.kind == .timeout {
        // Before the deadline, a timeout means the loop ran dry with the script's promise pending.
        guard ContinuousClock.now - started < options.timeout else {
          return .failure(timedOut(input, waitingFor: "the script's result"))
        }
        return .failure(
          ScrapeFailure(
            message:
              "\(input.name): the script's promise never settled: nothing was left to run that could settle it (the page has no task, timer or request left: a wait with no timeout, or a promise nothing resolves)"
          ))
      }
      return .failure(ScrapeFailure(message: error.message, stack: error.stack, location: Self.userLocation(of: error)))
    } catch let failure as ScrapeFailure {
      return .failure(failure)
    } catch let failure as PageLoadError {
      return .failure(ScrapeFailure(message: failure.description))
    } catch {
      return .failure(ScrapeFailure(message: "\(error)"))
    }
  }

  /// The warning for an input whose page asked to navigate (the first such request): Caper does
  /// not perform navigations to another document yet.
  static func notFollowed(_ navigation: NavigationRequest, of input: ScrapeInput) -> String {
    "\(input.name): the page asked to navigate to \(navigation.url) (\(navigation.how)) while it loaded; caper scrape "
      + "does not follow a page's own navigations before the script runs: the result is from the first document\n"
  }

  /// Writes the page's console messages to `console` (stderr), one line each:
  /// `input: console.type: text (location)`.
  static func report(_ messages: [ConsoleMessage], of input: ScrapeInput, to console: ConsoleSink) {
    for message in messages {
      let place = message.location.map { " (\($0))" } ?? ""
      console(.err, "\(input.name): console.\(message.type): \(message.text)\(place)\n")
    }
  }

  private static func outcome(of value: JSValue) -> ScrapeOutcome {
    if case .array(let parts) = value, parts.count == 2, let json = parts[0].stringValue, case .array(let fields) = parts[1] {
      return .result(
        json: json,
        fields: fields.compactMap { field in
          guard let name = field[0].stringValue, let cell = field[1].stringValue else { return nil }
          return ScrapeField(name: name, cell: cell)
        })
    }
    return .failure(
      ScrapeFailure(
        message: value["message"].stringValue ?? "the script failed", stack: value["stack"].stringValue,
        location: value["location"].stringValue))
  }

  /// Where the error is, as `file:line`, unless that is inside Caper's own runtime (`caper:`
  /// files): a syntax error in the script names the script in its message instead.
  static func userLocation(of error: JSError) -> String? {
    guard let location = error.location, !location.file.hasPrefix("caper:") else { return nil }
    return "\(location.file):\(location.line)"
  }

  static func seconds(_ duration: Duration) -> String {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
  }
}
