import Browser
import CodeCache
import Foundation
import HTML
import Runtime
import V8

/// `caper-bench page`: the page-loading targets of issue 13, each beside its floors measured in
/// the same run (medians of `runs`, milliseconds, release build).
///
/// Floor A: a fresh context in an existing isolate (of Caper's snapshot, made before the clock
/// starts) that consumes an after-run code cache of the bundle and runs its top level, through
/// the V8 layer, no DOM. Floor B: a bare `Context::New` in an existing isolate. Cases: the
/// bundle (Debian's typescript.js) loaded by a `file:` page through `<script src>` to `load`,
/// warm (code cache warm, page realm from the snapshot, in a fresh isolate each) and cold (no
/// code cache, fresh isolate), beside node's `vm` and jsdom (spawned: `Support/bench/page-*.js`);
/// sequential visits of that page in one isolate, a new page realm and browser context each;
/// the heap after a full GC and the RSS over many visits; a page realm with the DOM runtime
/// ready; the jQuery fixture page to `load` and its heap. Every page is checked (the bundle
/// defined `ts`, the jQuery page built its list, no page error), so a broken load never passes
/// for a fast one. Files are served from a temporary folder of symbolic links, removed after.
struct PageBenchmark {
  /// The bundle a page loads (typescript.js).
  var bundle: String
  /// The jQuery fixture page (`Support/site/bench/jquery-list.html`) and the jQuery it loads.
  var jqueryPage: String
  var jquery: String
  /// The folder of the node scripts (`Support/bench`); nil leaves node and jsdom out.
  var baselines: String?
  var runs: Int
  /// Sequential visits of the bundle page.
  var visits: Int
  /// Visits of the memory case, and whether it visits the bundle page (else the jQuery page).
  var memoryVisits: Int
  var memoryOnBundle: Bool

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Log lines of a support realm's loader (the bundle's compile and whether its cache was accepted).
  final class LoaderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    func take() -> [String] {
      lock.withLock {
        defer { lines = [] }
        return lines
      }
    }
  }

  private let supportTemplate = RealmTemplate(name: "bench", extensions: [])
  private var templates: [RealmTemplate] { [supportTemplate, DOMRuntime.template] }

  func run() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caper-bench-page-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    func link(_ name: String, to path: String) throws {
      try FileManager.default.createSymbolicLink(
        atPath: folder.appendingPathComponent(name).path, withDestinationPath: URL(fileURLWithPath: path).standardizedFileURL.path
      )
    }
    try link("typescript.js", to: bundle)
    try link("jquery.js", to: jquery)
    try link("jquery-list.html", to: jqueryPage)
    let bundlePage = folder.appendingPathComponent("typescript.html")
    try Data(
      "<!doctype html><html><head><meta charset=\"utf-8\"><title>typescript.js</title></head><body><script src=\"typescript.js\"></script></body></html>\n"
        .utf8
    ).write(to: bundlePage)
    let bundleDocument = try document(bundlePage)
    let jqueryDocument = try document(folder.appendingPathComponent("jquery-list.html"))
    let empty = LoadedDocument(url: "about:blank", bytes: [], contentType: "text/html")
    let bundleURL = folder.appendingPathComponent("typescript.js").absoluteString
    let source = try String(contentsOfFile: bundle, encoding: .utf8)

    // A first realm probes the code cache's origin rule with an isolate of V8's own snapshot, which
    // must come before any isolate of a custom snapshot (see `Realm.init`).
    release(try Realm(template: supportTemplate) { _ in [:] })
    guard let snapshot = RealmTemplate.snapshot(of: templates, store: Self.snapshots) else {
      throw Failure(description: "the startup snapshot could not be made")
    }
    print(
      "caper-bench page: \((bundle as NSString).lastPathComponent) (\(String(format: "%.1f", Double(source.utf8.count) / 1e6)) MB), V8 \(Engine.version), \(runs) runs, medians"
    )

    // Floor B: a bare Context::New in an existing isolate.
    let floorIsolate = try Isolate(snapshot: snapshot)
    let floorB = try Measure.median(runs: runs * 5) {
      var context: Context?
      let time = try Measure.time { context = try floorIsolate.makeContext() }
      context?.dispose()
      return time
    }

    // Floor A: consume an after-run cache of the bundle in a fresh context of an existing isolate, run its top level.
    let afterRun: [UInt8] = try {
      let context = try Isolate(snapshot: snapshot).makeContext()
      defer { context.dispose() }
      let script = try context.compile(source, filename: bundleURL)
      _ = try script.run()
      return try script.createCachedData()
    }()
    var floorParts: [(context: Duration, compile: Duration, run: Duration)] = []
    for _ in 0...runs {
      let isolate = try Isolate(snapshot: snapshot)
      try isolate.makeContext().dispose()
      let start = Measure.clock.now
      let context = try isolate.makeContext()
      let made = Measure.clock.now
      let script = try context.compile(source, filename: bundleURL, cachedData: afterRun)
      let compiled = Measure.clock.now
      _ = try script.run()
      let ran = Measure.clock.now
      guard !script.cacheRejected else { throw Failure(description: "V8 rejected the bundle's after-run cache") }
      guard try context.evaluate("typeof ts.transpileModule") == .string("function") else {
        throw Failure(description: "the bundle did not define ts")
      }
      context.dispose()
      floorParts.append((made - start, compiled - made, ran - compiled))
    }
    floorParts.removeFirst()  // the first warms the process up
    let floorA = Self.median(floorParts.map { $0.context + $0.compile + $0.run })
    // The same, repeated in one isolate: V8's in-isolate compilation cache serves the compile.
    let repeatedIsolate = try Isolate(snapshot: snapshot)
    let floorARepeated = try Measure.median(runs: runs) {
      var context: Context?
      let time = try Measure.time {
        context = try repeatedIsolate.makeContext()
        _ = try context!.compile(source, filename: bundleURL, cachedData: afterRun).run()
      }
      context?.dispose()
      return time
    }
    let target = Measure.milliseconds(floorA) * 1.3 + 5

    // The bundle page, warm: the code cache holds the bundle's after-run cache (made by a first
    // visit); each load in a fresh isolate (a support realm made before the clock starts).
    let warmStore = MemoryCodeCache()
    try once(bundleDocument, store: warmStore, check: Self.bundleCheck)
    let log = LoaderLog()
    let warm = try Measure.median(runs: runs) {
      let support = try makeSupport(warmStore, log: log)
      defer { release(support) }
      let (page, time) = try visit(support, bundleDocument)
      try check(page, Self.bundleCheck)
      page.close()
      return time
    }
    let accepted = log.take().filter { $0.contains("typescript.js in") }
    guard accepted.allSatisfy({ $0.hasSuffix("(cache accepted)") }), !accepted.isEmpty else {
      throw Failure(description: "the warm loads did not consume the bundle's cache: \(accepted)")
    }
    let cold = try Measure.median(runs: runs) {
      let support = try makeSupport(nil)
      defer { release(support) }
      let (page, time) = try visit(support, bundleDocument)
      try check(page, Self.bundleCheck)
      page.close()
      return time
    }
    var nodeVM: Double?
    var jsdom: (first: Double, median: Double)?
    if let baselines {
      var samples: [Double] = []
      for _ in 0..<runs {
        samples.append(try Self.node(["\(baselines)/page-node-vm.js", bundle])["ms"] as? Double ?? .nan)
      }
      nodeVM = samples.sorted()[samples.count / 2]
      let result = try Self.node(["\(baselines)/page-jsdom.js", bundlePage.path, String(runs)])
      guard result["ok"] as? Bool == true else { throw Failure(description: "jsdom did not load the page: \(result)") }
      jsdom = (result["firstMs"] as? Double ?? .nan, result["medianMs"] as? Double ?? .nan)
    }

    // Sequential visits in one isolate, a new page realm and browser context each.
    let visitsSupport = try makeSupport(warmStore)
    var visitTimes: [Duration] = []
    for _ in 0..<visits {
      let (page, time) = try visit(visitsSupport, bundleDocument)
      guard page.environment.errors.isEmpty else { throw Failure(description: "page errors: \(page.environment.errors)") }
      page.close()
      visitTimes.append(time)
    }
    try check(try visit(visitsSupport, bundleDocument).page, Self.bundleCheck, close: true)
    // The bundle's top-level run alone in the same isolate (its compile served as a visit's is).
    let topLevel = try Measure.median(runs: runs) {
      let context = try visitsSupport.context.isolate.makeContext()
      defer { context.dispose() }
      let script = try context.compile(source, filename: bundleURL)
      return try Measure.time { _ = try script.run() }
    }
    release(visitsSupport)
    let visitMedian = Self.median(visitTimes)

    // A page realm with the DOM runtime ready, an empty page to `load`, the jQuery page.
    let jqueryStore = MemoryCodeCache()
    let support = try makeSupport(jqueryStore)
    let realmReady = try Measure.median(runs: runs * 5) {
      let (page, time) = try visit(support, empty, scripts: false)
      page.close()
      return time
    }
    let emptyLoad = try Measure.median(runs: runs * 5) {
      let (page, time) = try visit(support, empty)
      page.close()
      return time
    }
    // jQuery runs its ready handlers in a timer task (its Deferred), after `load` here: the page
    // is checked once idle.
    let (firstJQuery, jqueryFirst) = try visit(support, jqueryDocument)
    try firstJQuery.waitForLoadState(.idle)
    try check(firstJQuery, Self.jqueryCheck, close: true)
    let jqueryWarm = try Measure.median(runs: runs * 3) {
      let (page, time) = try visit(support, jqueryDocument)
      page.close()
      return time
    }
    let jqueryIdle = try Measure.median(runs: runs * 3) {
      let (page, time) = try visit(support, jqueryDocument, until: .idle)
      try check(page, Self.jqueryCheck, close: true)
      return time
    }
    let isolate = support.context.isolate
    let blank = try visit(support, empty).page
    try isolate.lowMemoryNotification()
    let emptyHeap = try isolate.heapStatistics().usedHeapSize
    blank.close()
    let jqueryPageOpen = try visit(support, jqueryDocument, until: .idle).page
    try check(jqueryPageOpen, Self.jqueryCheck)
    try isolate.lowMemoryNotification()
    let jqueryHeap = try isolate.heapStatistics().usedHeapSize
    jqueryPageOpen.close()
    release(support)

    // Memory over sequential visits: the heap after a full GC and the RSS, between visits.
    let memorySupport = try makeSupport(memoryOnBundle ? warmStore : jqueryStore)
    let memoryDocument = memoryOnBundle ? bundleDocument : jqueryDocument
    let early = min(50, memoryVisits - 1)
    var samples: [(heap: Int, rss: Int)] = []
    let memoryStart = Measure.clock.now
    for number in 1...memoryVisits {
      let page = try visit(memorySupport, memoryDocument).page
      guard page.environment.errors.isEmpty else { throw Failure(description: "page errors: \(page.environment.errors)") }
      page.close()
      if number == early || number == memoryVisits {
        try memorySupport.context.isolate.lowMemoryNotification()
        samples.append((try memorySupport.context.isolate.heapStatistics().usedHeapSize, Self.residentBytes()))
      }
    }
    let memoryTime = Measure.clock.now - memoryStart
    release(memorySupport)

    // The table.
    func ms(_ d: Duration) -> String { String(format: "%8.2f ms", Measure.milliseconds(d)) }
    func ms(_ d: Double) -> String { String(format: "%8.2f ms", d) }
    func row(_ label: String, _ value: String, _ goal: String = "", _ met: Bool? = nil) {
      let verdict = met.map { $0 ? "met" : "MISSED" } ?? ""
      print(
        label.padding(toLength: 58, withPad: " ", startingAt: 0) + value.padding(toLength: 14, withPad: " ", startingAt: 0)
          + goal.padding(toLength: 30, withPad: " ", startingAt: 0) + verdict)
    }
    func megabytes(_ bytes: Int) -> String { String(format: "%8.1f MB", Double(bytes) / 1_048_576) }
    let part = { (keyPath: KeyPath<(context: Duration, compile: Duration, run: Duration), Duration>) in
      Measure.milliseconds(Self.median(floorParts.map { $0[keyPath: keyPath] }))
    }
    print(
      "case".padding(toLength: 58, withPad: " ", startingAt: 0) + "median".padding(toLength: 14, withPad: " ", startingAt: 0)
        + "target")
    row("floor A: fresh context, consume after-run cache, run", ms(floorA))
    print(
      String(
        format: "  (context %.2f, consume %.2f, top-level run %.2f; cache %d KiB)", part(\.context), part(\.compile),
        part(\.run), afterRun.count >> 10))
    row("floor A, repeated in one isolate (V8's compilation cache)", ms(floorARepeated))
    row("floor B: bare Context::New", ms(floorB))
    row(
      "typescript page to load, warm", ms(warm), String(format: "<= 1.3A + 5 = %.1f ms", target),
      Measure.milliseconds(warm) <= target)
    if let nodeVM {
      row(
        "typescript page to load, cold (no cache)", ms(cold), String(format: "<= node vm x 1.3 = %.1f ms", nodeVM * 1.3),
        Measure.milliseconds(cold) <= nodeVM * 1.3)
      row("  node 18: new vm.Script(source).runInNewContext()", ms(nodeVM))
    } else {
      row("typescript page to load, cold (no cache)", ms(cold))
    }
    if let jsdom {
      row("  jsdom 20 to load: first in its process", ms(jsdom.first))
      row("  jsdom 20 to load: median of the later runs", ms(jsdom.median))
      row(
        "  jsdom / Caper warm", String(format: "%8.1fx", jsdom.median / Measure.milliseconds(warm)), "aim 20x",
        jsdom.median / Measure.milliseconds(warm) >= 20)
    }
    let sorted = visitTimes.sorted()
    row(
      "\(visits) sequential visits: median visit", ms(visitMedian), String(format: "<= 1.3A + 5 = %.1f ms", target),
      Measure.milliseconds(visitMedian) <= target)
    row(
      "  first visit / 90th percentile",
      String(format: "%.1f / %.1f ms", Measure.milliseconds(visitTimes[0]), Measure.milliseconds(sorted[sorted.count * 9 / 10])))
    row(
      "  top-level run alone (same isolate, bare context)", ms(topLevel),
      String(format: "%.0f%% of the median visit", 100 * Measure.milliseconds(topLevel) / Measure.milliseconds(visitMedian)))
    let heapGrowth = Double(samples[1].heap - samples[0].heap) / Double(samples[0].heap)
    let rssGrowth = Double(samples[1].rss - samples[0].rss) / Double(samples[0].rss)
    let memoryName = memoryOnBundle ? "typescript" : "jQuery"
    row("\(memoryVisits) visits of the \(memoryName) page (\(String(format: "%.0f s", Measure.seconds(memoryTime))))", "")
    row("  heap after full GC at visit \(early)", megabytes(samples[0].heap))
    row(
      "  heap after full GC at visit \(memoryVisits)", megabytes(samples[1].heap),
      String(format: "within 5%% (%+.1f%%)", heapGrowth * 100), abs(heapGrowth) <= 0.05)
    row("  RSS at visit \(early)", megabytes(samples[0].rss))
    row(
      "  RSS at visit \(memoryVisits)", megabytes(samples[1].rss), String(format: "within 10%% (%+.1f%%)", rssGrowth * 100),
      abs(rssGrowth) <= 0.10)
    row(
      "page realm with the DOM runtime ready (no scripts)", ms(realmReady),
      String(format: "<= 2B = %.2f ms", 2 * Measure.milliseconds(floorB)),
      Measure.milliseconds(realmReady) <= 2 * Measure.milliseconds(floorB))
    row("empty page to load (scripts on)", ms(emptyLoad))
    row("jQuery page to load, warm", ms(jqueryWarm), "<= 20 ms", Measure.milliseconds(jqueryWarm) <= 20)
    row("  first load (code cache empty)", ms(jqueryFirst))
    row("  to idle (jQuery's ready handlers ran)", ms(jqueryIdle))
    row(
      "jQuery page heap after GC above an empty page realm", megabytes(jqueryHeap - emptyHeap), "<= 25 MB",
      jqueryHeap - emptyHeap <= 25 << 20)
    try breakdown(source: source, bundleURL: bundleURL)
  }

  /// Where a visit's time goes: each step a warm visit takes with the bundle's text, and each
  /// step of making a page realm, measured alone (medians).
  private func breakdown(source: String, bundleURL: String) throws {
    print("where the time goes (each step alone, medians):")
    func step(_ label: String, _ time: Duration) {
      print(
        "  " + label.padding(toLength: 78, withPad: " ", startingAt: 0) + String(format: "%8.2f ms", Measure.milliseconds(time)))
    }
    let support = try makeSupport(nil)
    defer { release(support) }
    let context = try support.context.isolate.makeContext()
    defer { context.dispose() }
    var bytes: [UInt8] = []
    step(
      "read the file (Fetcher's file: read, Data(contentsOf:))",
      Measure.median(runs: runs) {
        Measure.time { bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: bundle))) ?? Data()) }
      })
    let text = String(decoding: bytes, as: UTF8.self)
    step(
      "decode and key the text, first time (FetchedScriptSources: ScriptSource + SHA-256)",
      Measure.median(runs: runs) {
        Measure.time { _ = FetchedScriptSources().script(url: bundleURL, body: bytes, encoding: .utf8) }
      })
    let sources = FetchedScriptSources()
    let fetched = sources.script(url: bundleURL, body: bytes, encoding: .utf8)
    step(
      "the same body again (FetchedScriptSources: compared, reused)",
      Measure.median(runs: runs) {
        Measure.time { _ = sources.script(url: bundleURL, body: bytes, encoding: .utf8) }
      })
    _ = try context.compile(fetched.source, filename: bundleURL).run()
    step(
      "compile served by V8's compilation cache, from the shared ScriptSource",
      try Measure.median(runs: runs) {
        let fresh = try support.context.isolate.makeContext()
        defer { fresh.dispose() }
        return try Measure.time { _ = try fresh.compile(fetched.source, filename: bundleURL) }
      })
    step(
      "top-level run (a fresh bare context)",
      try Measure.median(runs: runs) {
        let fresh = try support.context.isolate.makeContext()
        defer { fresh.dispose() }
        let script = try fresh.compile(text, filename: bundleURL)
        return try Measure.time { _ = try script.run() }
      })
    // Making a page realm: the context from the snapshot, the realm's start, the page's document.
    let isolate = support.context.isolate
    let pageIndex = 1
    step(
      "page-realm context from the snapshot (deserialize only)",
      try Measure.median(runs: runs * 5) {
        var made: Context?
        let time = try Measure.time {
          made = try isolate.makeContext(Context.Options(snapshotIndex: pageIndex, guarded: true, ownCodeGeneration: true))
        }
        made?.dispose()
        return time
      })
    let bodies = Dictionary(
      uniqueKeysWithValues: DOMRuntime.template.extensions.flatMap { e in e.hostFunctions.map { "\(e.name).\($0)" } }.map {
        ($0, { (_: [JSValue]) throws -> JSValue in .undefined } as HostFunction)
      })
    step(
      "page realm beside the support realm (Realm.init)",
      try Measure.median(runs: runs * 5) {
        var realm: Realm?
        let time = try Measure.time {
          realm = try Realm(template: DOMRuntime.template, beside: support, clock: .virtual, rules: .html) { _ in bodies }
        }
        if let realm { release(realm) }
        return time
      })
  }

  /// A page is checked by evaluating `expression` in it, which must give `expected`.
  typealias Check = (expression: String, expected: JSValue)

  static let bundleCheck: Check = ("typeof ts.transpileModule", .string("function"))
  static let jqueryCheck: Check = (
    "(() => { const before = $('#status').text(); $('#list li').eq(2).trigger('click'); return before + ' / ' + $('#status').text(); })()",
    .string("ready: 200 items / 1 selected")
  )

  private func check(_ page: Page, _ check: Check, close: Bool = false) throws {
    defer { if close { page.close() } }
    guard page.environment.errors.isEmpty else { throw Failure(description: "page errors: \(page.environment.errors)") }
    let value = try page.realm.context.evaluate(check.expression)
    guard value == check.expected else {
      throw Failure(description: "\(page.environment.url): \(check.expression) gave \(value), not \(check.expected)")
    }
  }

  private func document(_ file: URL) throws -> LoadedDocument {
    LoadedDocument(url: file.absoluteString, bytes: Array(try Data(contentsOf: file)), contentType: "text/html")
  }

  /// A support realm from the snapshot, in an isolate of its own, compiling through `store`.
  private func makeSupport(_ store: (any CodeCacheStore)?, log: LoaderLog? = nil) throws -> Realm {
    let snapshot = RealmTemplate.snapshot(of: templates, store: Self.snapshots)
    var sink: (@Sendable (String) -> Void)?
    if let log { sink = { line in log.append(line) } }
    return try Realm(
      template: supportTemplate, caches: RealmCaches(store: store, snapshot: snapshot, templates: templates), log: sink
    ) { _ in [:] }
  }

  /// Where the snapshot is kept once made.
  private static let snapshots = MemoryCodeCache()

  private func release(_ realm: Realm) {
    realm.loop.cancel(realm.context)
    realm.context.dispose()
  }

  /// Loads `document` in a new page realm and browser context beside `support`, to `load`.
  private func visit(_ support: Realm, _ document: LoadedDocument, scripts: Bool = true, until state: Page.LoadState = .load)
    throws -> (page: Page, time: Duration)
  {
    var page: Page?
    let time = try Measure.time { page = try Page(beside: support, document: document, scripts: scripts, waitUntil: state) }
    return (page!, time)
  }

  /// One load of `document` in a fresh isolate compiling through `store` (filling it), checked.
  private func once(_ document: LoadedDocument, store: MemoryCodeCache, check: Check) throws {
    let support = try makeSupport(store)
    defer { release(support) }
    try self.check(try visit(support, document).page, check, close: true)
    guard store.statistics.stores > 0 else { throw Failure(description: "no cache was produced for \(document.url)") }
  }

  private static func median(_ samples: [Duration]) -> Duration { samples.sorted()[samples.count / 2] }

  /// The process's resident set (bytes), from `/proc/self/status`.
  static func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return 0 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
  }

  /// Runs `node ARGUMENTS` and reads the JSON object of its last line of output.
  static func node(_ arguments: [String]) throws -> [String: Any] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["node", "--expose-gc"] + arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
    else {
      throw Failure(description: "node \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(last)")
    }
    return object
  }
}
