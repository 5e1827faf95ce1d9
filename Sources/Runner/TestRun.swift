import Expressions
import Foundation
import Gherkin
import Messages
import Runtime
import V8

/// One run of a suite: parses the features, loads the support code in a support realm, and runs
/// every pickle, emitting Cucumber Messages envelopes (the only thing formatters see).
///
/// Guarantees (cucumber-js's semantics): after a step that does not pass, later steps are
/// skipped, but undefined and ambiguous steps are still reported as such; After hooks always run,
/// AfterAll hooks run in reverse order of definition and all of them even when one fails; a
/// failed test case is retried up to `retry` times (not ambiguous, pending or undefined ones);
/// a step past its timeout (default 5 s) fails and the next test case runs on the same realm.
public final class TestRun: @unchecked Sendable {
  let options: RunOptions
  private let sink: (Envelope) -> Void
  private let emitLock = NSLock()
  /// Ids of what happens during the run: unique across runs and shards.
  let ids = IdGenerator.unique()
  /// Ids of what every shard reads the same way (sources' documents and pickles, definitions):
  /// counted, so shards agree on them and `caper merge` can tell duplicates.
  let staticIds = IdGenerator.incrementing()
  let clock = ContinuousClock()
  /// After `run()`: cache productions that waited for the top level, and the estimated compile
  /// time the cache saved.
  public private(set) var deferredProductions = 0
  public private(set) var secondsSaved = 0.0

  public init(options: RunOptions, emit: @escaping (Envelope) -> Void) {
    self.options = options
    sink = emit
  }

  /// Hands an envelope to the formatters, one at a time whatever thread runs.
  func emit(_ envelope: Envelope) {
    emitLock.lock()
    defer { emitLock.unlock() }
    sink(envelope)
  }

  /// Runs the suite; true when it passed.
  ///
  /// Throws `RunError` when it cannot start.
  public func run() throws -> Bool {
    emit(.meta(Self.meta))
    let firstStarted = clock.now
    var seenSupport = Set<String>()
    let suffixes = ProjectFiles.supportSuffixes + (options.typeScript ? ProjectFiles.typeScriptSuffixes : [])
    let supportFiles = try options.supportPaths.flatMap {
      try ProjectFiles.files($0, suffixes: suffixes, namedSuffixes: ProjectFiles.typeScriptSuffixes)
    }
    .map { ProjectFiles.absolute($0, from: options.baseDirectory) }.filter { seenSupport.insert($0).inserted }
    // The first realm starts and loads the support code on its own thread while this one reads
    // and parses the features. Errors keep their order: the realm's start, the options, the
    // features, then the support code.
    // Every worker's realm: the same runtime, caches and snapshot.
    let makeRealm = { @Sendable [options] in
      try SupportRealm(
        environment: options.environment, arguments: options.arguments, console: options.console, caches: options.caches,
        log: options.cacheLog)
    }
    let startup = Startup(makeRealm) { realm in
      try self.load(supportFiles, into: realm)
    }
    let features = Result { try FeatureFile.read(options, uri: uri) }
    let realm = try startup.realm()
    let filter = try ScenarioFilter(options: options, regexp: realm.regexp)
    let pickles = try select(try features.get(), filter)
    try startup.loaded()
    logReady(0, took: clock.now - firstStarted)
    let library = try realm.context.isolate.sync { try SupportLibrary(try realm.describe(), ids: staticIds, uri: uri) }
    if options.language != "en" && GherkinDialect.named(options.language) == nil {
      throw RunError(message: "--language: Gherkin has no language '\(options.language)' (caper run --i18n-languages lists them)")
    }
    library.messages.forEach(emit)

    // The pool: this first worker compiled and produced the caches; the others are made at
    // once and use them (an isolate each, the same support code loaded in the same order, so the
    // definitions' runtime ids agree with the first worker's library).
    let workers = max(1, options.parallel)
    let pool = try Pool<SupportRealm>(count: workers) { [options] index in
      if index == 0 { return realm }
      let more = try makeRealm()
      try self.load(supportFiles, into: more)
      return more
    }
    for (index, time) in pool.warmUpTimes.enumerated().dropFirst() { logReady(index, took: time) }
    let realms = pool.workers
    let testRunStartedId = ids.next()
    emit(.testRunStarted(TestRunStarted(timestamp: timestamp(), id: testRunStartedId)))
    let sessions = realms.enumerated().map { i, realm in
      Session(
        run: self, realm: realm, library: library, testRunStartedId: testRunStartedId, workerId: workers > 1 ? "\(i)" : nil,
        retryTags: filter.retryTags)
    }
    var success = true
    // The whole of a worker's work happens on its isolate's thread: no hop per call.
    let beforeAll = try sessions.map { session in try session.realm.context.isolate.sync { session.beforeAll() } }
    if beforeAll.allSatisfy({ $0 }) {
      let plans = try realm.context.isolate.sync {
        try sessions[0].match(pickles.flatMap { $0.pickle.steps.map(\.text) })
        return try pickles.map { PlannedCase(plan: try sessions[0].plan($0.pickle), pickle: $0.pickle, document: $0.document) }
      }
      for planned in plans {
        emit(
          .testCase(
            TestCase(
              id: planned.plan.id, pickleId: planned.pickle.id, testSteps: planned.plan.steps.map(\.message),
              testRunStartedId: testRunStartedId)))
      }
      let queue = WorkQueue(plans.count)
      // Each thread checks a worker out of the pool and takes test cases in order until none is
      // left; the whole of a worker's work happens on its isolate's thread.
      let failures = LockedState<[any Error]>([])
      DispatchQueue.concurrentPerform(iterations: sessions.count) { _ in
        pool.with { worker, _ in
          let session = sessions[worker]
          do {
            try session.realm.context.isolate.sync {
              while let index = queue.next() {
                let planned = plans[index]
                if !session.execute(planned.plan, planned.pickle, planned.document, skipAll: queue.stopped) {
                  queue.failed(stop: options.failFast)
                }
                // Scripts a step required or imported ran; back at the top level, cache them.
                session.realm.loader.produceDeferred()
              }
            }
          } catch {
            failures.withLock { $0.append(error) }
          }
        }
      }
      if let failure = failures.withLock({ $0.first }) { throw failure }
      success = !queue.anyFailed
    } else {
      success = false
    }
    for session in sessions where !(try session.realm.context.isolate.sync { session.afterAll() }) { success = false }
    for session in sessions { try? session.realm.context.isolate.sync { _ = session.realm.loader.produceDeferred() } }
    deferredProductions = sessions.reduce(0) { $0 + $1.realm.loader.deferredProductions }
    secondsSaved = sessions.reduce(0) { $0 + $1.realm.loader.secondsSaved }
    emit(.testRunFinished(TestRunFinished(success: success, timestamp: timestamp(), testRunStartedId: testRunStartedId)))
    return success
  }

  /// One debug line per worker: how long its realm took to be ready (runtime and support code
  /// loaded; the first worker compiles, the others use its caches).
  private func logReady(_ worker: Int, took elapsed: Swift.Duration) {
    guard let log = options.cacheLog else { return }
    log(String(format: "worker %d ready in %.1f ms", worker, elapsed.milliseconds))
  }

  private func load(_ files: [String], into realm: SupportRealm) throws {
    do {
      try realm.context.isolate.sync {
        try realm.configure(failOnPageErrors: options.failOnPageErrors)
        try realm.load(files, requiring: options.requireModules, from: options.baseDirectory)
      }
    } catch let error as JSError {
      let at = Self.userLocation(of: error)
      throw RunError(
        file: at.map { uri($0.file) }, line: at?.line, column: at?.column,
        message: (error.name.map { "\($0): " } ?? "") + error.message,
        cause: error)
    }
  }

  /// Where user code caused an error: its throw site, or when Caper's own runtime threw (an API
  /// misused), the first frame of the stack outside it.
  static func userLocation(of error: JSError) -> SourceLocation? {
    guard let location = error.location, location.file.hasPrefix("caper:") else { return error.location }
    for line in (error.stack ?? "").split(separator: "\n") where line.hasPrefix("    at ") && !line.contains("caper:") {
      var frame = line.dropFirst("    at ".count)
      if frame.hasSuffix(")"), let open = frame.lastIndex(of: "(") {
        frame = frame[frame.index(after: open)..<frame.index(before: frame.endIndex)]
      }
      let parts = frame.split(separator: ":")
      guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { continue }
      return SourceLocation(file: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
    }
    return location
  }

  func uri(_ path: String) -> String { ProjectFiles.relative(path, to: options.baseDirectory) }

  func timestamp() -> Timestamp {
    let now = Date().timeIntervalSince1970
    return Timestamp(seconds: Int64(now), nanos: Int32((now - now.rounded(.down)) * 1e9))
  }

  static func duration(_ d: Swift.Duration) -> Messages.Duration {
    let (seconds, attoseconds) = d.components
    return Messages.Duration(seconds: seconds, nanos: Int32(attoseconds / 1_000_000_000))
  }

  /// Caper's version (reports' `meta.implementation`, `caper --version`).
  public static let version = "0.1.0"

  static let meta = Meta(
    protocolVersion: "33.0.4", implementation: .init(name: "caper", version: TestRun.version),
    runtime: .init(name: "V8", version: Engine.version), os: .init(name: "linux"), cpu: .init(name: NodeRuntime.arch))

  /// Emits what the features say (source, document or parse errors, pickles) in file order and
  /// selects the pickles that run; parse errors stop the run once every file was reported.
  func select(_ features: [FeatureFile], _ filter: ScenarioFilter) throws -> [(pickle: Pickle, document: GherkinDocument)] {
    var selected: [(Pickle, GherkinDocument)] = []
    var errors: [RunError] = []
    for feature in features {
      emit(.source(feature.source))
      guard let document = feature.document else {
        for problem in feature.problems {
          emit(
            .parseError(
              ParseError(
                source: SourceReference(uri: feature.source.uri, location: problem.location), message: problem.description)))
          errors.append(
            RunError(
              file: feature.source.uri, line: problem.location.line, column: problem.location.column,
              message: "parse error: \(problem.message)", isFailure: true))
        }
        continue
      }
      emit(.gherkinDocument(document))
      let lines = Set(feature.lines)
      let scenarioLines = Self.scenarioLines(document)
      for pickle in feature.pickles {
        emit(.pickle(pickle))
        let line = pickle.location?.line ?? 0
        let atLine = lines.isEmpty || lines.contains(line) || lines.contains(scenarioLines[pickle.astNodeIds[0]] ?? -1)
        if try atLine && filter.accepts(pickle) {
          selected.append((pickle, document))
        }
      }
    }
    if let first = errors.first {
      throw errors.count == 1 ? first : RunError(message: errors.map(\.description).joined(separator: "\n"), isFailure: true)
    }
    if let shard = options.shard {
      // Every node sorts the same way and takes every total-th pickle from its index.
      let keys: [String] = selected.map { entry in
        let pickle: Pickle = entry.0
        return pickle.uri + ":" + String(format: "%09d", pickle.location?.line ?? 0)
      }
      let order: [Int] = keys.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }
      var mine = Set<Int>()
      for (position, index) in order.enumerated() where position % shard.total == shard.index - 1 { mine.insert(index) }
      selected = selected.indices.filter { mine.contains($0) }.map { selected[$0] }
    }
    switch options.order {
    case .defined: return selected
    case .reverse: return selected.reversed()
    case .random(let seed):
      var generator = SeededGenerator(seed: seed)
      return selected.shuffled(using: &generator)
    }
  }

  static func scenarioLines(_ document: GherkinDocument) -> [String: Int] {
    var lines: [String: Int] = [:]
    for child in document.feature?.children ?? [] {
      if let scenario = child.scenario { lines[scenario.id] = scenario.location.line }
      for ruleChild in child.rule?.children ?? [] {
        if let scenario = ruleChild.scenario { lines[scenario.id] = scenario.location.line }
      }
    }
    return lines
  }
}

/// One test case ready to run, held by reference so workers take it without copying the pickle
/// and its document.
final class PlannedCase: @unchecked Sendable {
  let plan: Session.Plan
  let pickle: Pickle
  let document: GherkinDocument
  init(plan: Session.Plan, pickle: Pickle, document: GherkinDocument) {
    self.plan = plan
    self.pickle = pickle
    self.document = document
  }
}
