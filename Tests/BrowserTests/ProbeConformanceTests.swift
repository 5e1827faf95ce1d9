import Browser
import Foundation
import Runtime
import Testing
import V8
import _CaperTestSupport

/// The probe pages of `Support/site/probes` loaded by Caper over the loopback probe server, each
/// log compared with the one recorded from headless Chromium (`Support/site/expected`, written by
/// `Support/scripts/record-probes`).
///
/// Every probe must match, except those listed in `Support/site/expected/caper-differences.txt`
/// (one `area/case` per line, with why): those must still differ, so the list shrinks as Caper
/// catches up and never hides a regression. The test prints how many match, and Caper's and
/// Chromium's logs of each known difference.
@Suite struct ProbeConformanceTests {
  static let differencesFile = Repository.root.appendingPathComponent("Support/site/expected/caper-differences.txt")

  /// The probes Caper is known not to match yet.
  static func knownDifferences() -> Set<String> {
    guard let text = try? String(contentsOf: differencesFile, encoding: .utf8) else { return [] }
    return Set(
      text.split(separator: "\n").compactMap { line in
        let name = line.split(separator: " ").first.map(String.init) ?? ""
        return name.isEmpty || name.hasPrefix("#") ? nil : name
      })
  }

  /// Loads one probe and gives its log, or why there is none.
  static func run(_ name: String, site: ProbeSite, support: Realm) -> Result<[String], ProbeFailure> {
    _ = try? InputProbeTests.get(site.baseURL + "seq/reset")
    let url = site.baseURL + "probes/\(name).html"
    do {
      let document = try DocumentLoader.load(ScrapeInput(name: name, location: .url(url)), options: Scraper.Options())
      let page = try Page(beside: support, document: document, browserContext: BrowserContext(), timeout: .seconds(20))
      defer { page.close() }
      let deadline = ContinuousClock.now + .seconds(20)
      let context = page.realm.context
      while try context.evaluate("document.title") != "done" {
        guard ContinuousClock.now < deadline, try page.realm.loop.turn(until: deadline, waitingOn: context) else {
          return .failure(ProbeFailure(reason: "never done (title \(try context.evaluate("document.title")))"))
        }
      }
      let text = try context.evaluate("document.getElementById('log').textContent").stringValue ?? ""
      guard let log = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] else {
        return .failure(ProbeFailure(reason: "the log is not a list of strings"))
      }
      return .success(log)
    } catch {
      return .failure(ProbeFailure(reason: "\(error)"))
    }
  }

  struct ProbeFailure: Error { let reason: String }

  @Test func everyProbeMatchesChromiumButTheKnownDifferences() throws {
    let site = try ProbeSite.shared.get()
    let support = try Realm(template: RealmTemplate(name: "test-support", extensions: [])) { _ in [:] }
    let known = Self.knownDifferences()
    var matching = 0
    var report: [String] = []
    let probes = try ProbeSite.expectations()
    for (name, expected) in probes {
      let outcome = site.exclusively { Self.run(name, site: site, support: support) }
      let matches = (try? outcome.get()) == expected
      if matches { matching += 1 }
      switch (matches, known.contains(name)) {
      case (false, false):
        switch outcome {
        case .success(let log):
          Issue.record("\(name): Caper's log differs from Chromium's.\nCaper:    \(log)\nChromium: \(expected)")
        case .failure(let failure): Issue.record("\(name): \(failure.reason)")
        }
        report.append("\(name) differs")
      case (true, true):
        Issue.record("\(name) now matches Chromium: remove it from caper-differences.txt")
      case (false, true):
        switch outcome {
        case .success(let log): print("\(name) (a known difference):\nCaper:    \(log)\nChromium: \(expected)")
        case .failure(let failure): print("\(name) (a known difference): \(failure.reason)")
        }
      default: break
      }
    }
    print("probes: \(matching) of \(probes.count) match Chromium's logs; \(known.count) known differences")
    #expect(probes.count >= 60)
  }
}
