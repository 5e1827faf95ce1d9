import Browser
import Foundation
import Network
import Runtime
import Testing
import V8
import _CaperTestSupport

/// The input probes of `Support/site/probes/input-*` (issue 14) replayed through Caper's `Page`:
/// each case's Playwright actions run through the page-level methods, then its log (and the form
/// requests the server got) is compared with the one recorded from Chromium driven by real
/// Playwright (`Support/scripts/record-input-probes`), following the steps of the probes README
/// ("Input probes").
///
/// Every case must match but those listed in `Support/site/expected/caper-differences.txt`, which
/// must still differ. The test prints how many match per area.
@Suite struct InputProbeTests {
  /// Runs one case as the recorder does and gives its log, or why there is none.
  static func run(_ name: String, site: ProbeSite, support: Realm) -> Result<[String], ProbeConformanceTests.ProbeFailure> {
    _ = try? get(site.baseURL + "seq/reset")
    _ = try? get(site.baseURL + "form-requests/reset")
    let url = site.baseURL + "probes/\(name).html"
    do {
      let context = BrowserContext()
      let document = try DocumentLoader.load(
        ScrapeInput(name: name, location: .url(url)), options: Scraper.Options(), browserContext: context)
      let page = try Page(beside: support, document: document, browserContext: context, timeout: .seconds(20))
      defer { page.close() }
      let actionsText =
        try page.realm.context.evaluate("document.getElementById('actions')?.textContent ?? '[]'").stringValue ?? "[]"
      let actions = try JSONSerialization.jsonObject(with: Data(actionsText.utf8)) as? [[Any]] ?? []
      var notes: [String] = []
      for action in actions {
        guard let method = action.first as? String else { continue }
        do {
          try perform(method, Array(action.dropFirst()), on: page)
        } catch {
          let message = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
          let line = "action-error \(method) \(message.replacingOccurrences(of: "page.\(method): ", with: ""))"
          settle(page)
          if (try? page.realm.context.call(
            page.realm.context.evaluateReference("(line) => window.log(line)", filename: "probe"), [.string(line)])) == nil
          {
            notes.append(line)
          }
        }
        settle(page)
      }
      var log = try done(page)
      log += notes
      log += page.dialogs.map { "dialog \($0.kind.rawValue) \($0.message)" }
      let requests = try get(site.baseURL + "form-requests")
      for request in try JSONSerialization.jsonObject(with: requests) as? [[String: Any]] ?? [] {
        log.append(normalized("request " + String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)))
      }
      return .success(log)
    } catch {
      return .failure(ProbeConformanceTests.ProbeFailure(reason: "\(error)"))
    }
  }

  /// The body of a GET of `url` (the fixture server's own routes), waited for.
  static func get(_ url: String) throws -> Data {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var outcome: Result<Response, NetworkError>?
    Fetcher().start(Request(url: url)) { result in
      outcome = result
      done.signal()
    }
    done.wait()
    return Data(try outcome!.get().body)
  }

  /// One action of a case's list through the page's Playwright-named method.
  static func perform(_ method: String, _ arguments: [Any], on page: Page) throws {
    switch method {
    case "goto": try page.goto(arguments.first as? String ?? "", timeout: .seconds(5))
    case "goBack": try page.goBack(timeout: .seconds(5))
    case "goForward": try page.goForward(timeout: .seconds(5))
    case "reload": try page.reload(timeout: .seconds(5))
    default: try page.perform(method, arguments, timeout: .seconds(5))
    }
  }

  /// Waits as the recorder does after each action: `networkidle`, then `load` (a page that never
  /// settles shows in its log).
  static func settle(_ page: Page) {
    try? page.waitForLoadState(.networkidle, timeout: .seconds(10))
    try? page.waitForLoadState(.load, timeout: .seconds(10))
  }

  /// The case's log: `window.done()`, awaited when it gives a promise.
  static func done(_ page: Page) throws -> [String] {
    let context = page.realm.context
    _ = try context.evaluate(
      "Promise.resolve(window.done ? window.done() : null).then((log) => { window.__caperProbeLog = JSON.stringify(log); })")
    let deadline = ContinuousClock.now + .seconds(10)
    while try context.evaluate("typeof window.__caperProbeLog") != .string("string") {
      guard ContinuousClock.now < deadline, try page.realm.loop.turn(until: deadline, waitingOn: context) else {
        throw ProbeConformanceTests.ProbeFailure(reason: "done() never gave the log")
      }
    }
    let text = try context.evaluate("window.__caperProbeLog").stringValue ?? "null"
    guard let log = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? [String] else {
      throw ProbeConformanceTests.ProbeFailure(reason: "no log (window.done missing on \(page.environment.url))")
    }
    return log
  }

  /// A `request <json>` line in one spelling (keys sorted, no spaces, as `JSONSerialization` writes
  /// it), so Caper's lines compare with the recorder's (Python's `json.dumps(..., sort_keys=True)`).
  static func normalized(_ line: String) -> String {
    guard line.hasPrefix("request "), let object = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(8).utf8)),
      let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return line }
    return "request " + String(decoding: data, as: UTF8.self)
  }

  @Test func everyInputProbeMatchesChromiumButTheKnownDifferences() throws {
    let site = try ProbeSite.shared.get()
    let support = try Realm(template: RealmTemplate(name: "test-support", extensions: [])) { _ in [:] }
    let known = ProbeConformanceTests.knownDifferences()
    let only = ProcessInfo.processInfo.environment["CAPER_INPUT_PROBES"]
    var matching: [String: (Int, Int)] = [:]
    let probes = try ProbeSite.expectations(input: true).filter { only == nil || $0.name.hasPrefix(only!) }
    for (name, recorded) in probes {
      let expected = recorded.map(Self.normalized)
      let area = String(name.split(separator: "/").first!)
      let outcome = site.exclusively { Self.run(name, site: site, support: support) }
      let matches = (try? outcome.get()) == expected
      matching[area, default: (0, 0)].1 += 1
      if matches { matching[area, default: (0, 0)].0 += 1 }
      switch (matches, known.contains(name)) {
      case (false, false):
        switch outcome {
        case .success(let log): Issue.record("\(name): Caper's log differs from Chromium's.\n\(Self.difference(log, expected))")
        case .failure(let failure): Issue.record("\(name): \(failure.reason)")
        }
      case (true, true): Issue.record("\(name) now matches Chromium: remove it from caper-differences.txt")
      default: break
      }
    }
    for (area, counts) in matching.sorted(by: { $0.key < $1.key }) {
      print("\(area): \(counts.0) of \(counts.1) match Chromium's logs")
    }
    #expect(only != nil || probes.count >= 100)
  }

  /// Where two logs part: the lines before, then each side's next lines.
  static func difference(_ caper: [String], _ chromium: [String]) -> String {
    var index = 0
    while index < caper.count, index < chromium.count, caper[index] == chromium[index] { index += 1 }
    let before = caper[max(0, index - 3)..<index].map { "  = \($0)" }
    let ours = caper[index..<min(caper.count, index + 6)].map { "  caper:    \($0)" }
    let theirs = chromium[index..<min(chromium.count, index + 6)].map { "  chromium: \($0)" }
    return (["first difference at line \(index + 1) of \(chromium.count):"] + before + ours + theirs).joined(separator: "\n")
  }
}
