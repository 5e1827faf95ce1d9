import Foundation
import Runtime
import V8

/// One scrape worker: a support realm of `ScrapeRuntime.template` in an isolate of its own,
/// holding the user's script, and a new page realm beside it for every input.
///
/// Guarantees: the script loads once (CommonJS or ES module, through the code cache); its default
/// export is called as `fn(page, input)` for each input and awaited, with `timeout` covering the
/// call, its promise and the page's loading (an endless loop is terminated and the next input
/// goes on). A failure of one input is its outcome, never a thrown error. Each page realm is
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

    public init(
      timeout: Duration = .seconds(30), ignoreHTTPSErrors: Bool = false, environment: [String: String] = [:],
      arguments: [String] = [], scripts: Bool = true, waitUntil: Page.LoadState = .idle, failOnPageErrors: Bool = false
    ) {
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
  /// The page realms made ahead for the inputs.
  private let pool: PagePool
  /// The script's default export.
  private let function: JSReference
  /// Pages by id while their input runs (the `compile` and `afterPageTurn` host functions find
  /// their page here).
  private let pages = LockedState<[Int: Page]>([:])
  private var nextPageId = 1

  /// Loads `script`; throws a `ScrapeFailure` when it does not load or has no default export
  /// that is a function (a usage error of the whole run).
  public init(script: String, options: Options, console: @escaping ConsoleSink, caches: RealmCaches = RealmCaches()) throws {
    self.options = options
    self.console = console
    let node = NodeRuntime(console: console)
    let pages = self.pages
    support = try Realm(template: ScrapeRuntime.template, caches: caches) { realm in
      var bodies = node.hostFunctions(for: realm)
      bodies["scrape.compile"] = { arguments in
        guard let id = arguments.first?.numberValue, let source = arguments.dropFirst().first?.stringValue,
          let page = pages.withLock({ $0[Int(id)] })
        else { throw HostError("page.evaluate: the page is closed") }
        return .function(try page.realm.context.evaluateReference(source, filename: "caper:evaluate"))
      }
      bodies["scrape.afterPageTurn"] = { [weak realm] arguments in
        guard let id = arguments.first?.numberValue, case .function(let callback)? = arguments.dropFirst().first else {
          throw HostError("afterPageTurn(pageId, callback)")
        }
        guard let page = pages.withLock({ $0[Int(id)] }), let realm else { throw HostError("the page is closed") }
        let context = realm.context
        page.realm.loop.afterTurn(awaiting: page.realm.context) { _ = try? context.call(callback) }
        return .undefined
      }
      return bodies
    }
    self.node = node
    pool = PagePool(support: support)
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

  /// Scrapes one loaded document: a new page realm, the script's function on it, the page
  /// released after.
  public func scrape(_ input: ScrapeInput, document: LoadedDocument) -> ScrapeOutcome {
    let id = nextPageId
    nextPageId += 1
    let started = ContinuousClock.now
    do {
      // Each input in a fresh browser context: no cookie or storage crosses between inputs.
      let context = BrowserContext(options: .init(ignoreHTTPSErrors: options.ignoreHTTPSErrors, timeout: options.timeout))
      let console = self.console
      let page = try Page(
        beside: support, document: document, browserContext: context, scripts: options.scripts, waitUntil: options.waitUntil,
        timeout: options.timeout, pool: pool
      ) { error in console(.err, "\(input.name): page error: \(error)\n") }
      pages.withLock { $0[id] = page }
      defer {
        pages.withLock { $0[id] = nil }
        page.close()
      }
      if options.failOnPageErrors, let first = page.environment.errors.first {
        let count = page.environment.errors.count
        return .failure(
          ScrapeFailure(message: "\(count) page error\(count == 1 ? "" : "s") (--fail-on-page-errors); the first: \(first)"))
      }
      let response: JSValue =
        document.response.map { r in
          .object(
            JSObject([
              ("url", .string(r.url)), ("status", .number(Double(r.status))), ("statusText", .string(r.statusText)),
              ("headers", .object(JSObject(r.headers.map { ($0.name, JSValue.string($0.value)) }))),
            ]))
        } ?? .null
      let value = try support.context.callAwaiting(
        support.function("scrape", "run"),
        [.function(function), .number(Double(id)), .function(page.entry), .string(document.url), response, .string(input.name)],
        timeout: options.timeout
      ) { try support.pump(until: .now + .milliseconds(50)) }
      support.loader.produceDeferred()
      return Self.outcome(of: value)
    } catch let error as JSError {
      if error.kind == .timeout {
        // Before the deadline, a timeout means the loop ran dry with the script's promise pending.
        guard ContinuousClock.now - started < options.timeout else {
          return .failure(ScrapeFailure(message: "timed out after \(Self.seconds(options.timeout)) (--timeout)"))
        }
        return .failure(
          ScrapeFailure(message: "the script's promise never settled: nothing was left to run that could settle it"))
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
