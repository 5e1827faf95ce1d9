import Foundation
import V8

/// `caper-bench v8`: what the code cache buys for a real bundle, in fresh isolates (V8's own
/// in-isolate compilation cache would otherwise hide the cost of compiling).
///
/// Cases: compile cold; compile with a cache made right after compiling; compile with a cache
/// made after running the bundle and a first workload. Each is also timed as compile + first call
/// (running the bundle, then the workload). Ratios are against the cold case of the same run.
/// The text is a shared `ScriptSource` (decoded once per process, as a pool does; its one-time
/// cost is printed), and, for comparison, a String each isolate decodes again.
struct V8Benchmark {
  var bundle: String
  var runs: Int
  /// Code that exercises the bundle after it ran (the "first call").
  var workload: String

  static let typescriptWorkload = """
    ts.transpileModule(
      'interface P { x: number; y?: string }\\n' +
      'export class Greeter<T extends P> { constructor(private p: T) {}\\n' +
      '  greet(): string { return `hello ${this.p.x}`; } }\\n' +
      'export const f = async (n: number): Promise<number> => n * 2;\\n',
      { compilerOptions: { target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.CommonJS } }
    ).outputText.length
    """

  func run() throws {
    let source = try String(contentsOfFile: bundle, encoding: .utf8)
    let name = (bundle as NSString).lastPathComponent
    print(
      "caper-bench v8: \(name) (\(String(format: "%.1f", Double(source.utf8.count) / 1e6)) MB), V8 \(Engine.version), \(runs) runs, medians"
    )

    var shared = ScriptSource(source)
    let preparation = Measure.median(runs: runs) { Measure.time { shared = ScriptSource(source) } }
    let text = Source.shared(shared)

    let afterCompile = try makeCache(text, afterRunning: false)
    let afterRun = try makeCache(text, afterRunning: true)

    let cold = try phase(text, cache: nil)
    let compiled = try phase(text, cache: afterCompile)
    let ran = try phase(text, cache: afterRun)
    let coldCopied = try phase(.copied(source), cache: nil)
    let ranCopied = try phase(.copied(source), cache: afterRun)

    let isolate = try Measure.median(runs: runs * 3) { try Measure.time { _ = try Isolate() } }
    let sharedIsolate = try Isolate()
    let context = try Measure.median(runs: runs * 3) { try Measure.time { _ = try sharedIsolate.makeContext() } }

    func row(_ label: String, _ p: Phase) -> String {
      label.padding(toLength: 34, withPad: " ", startingAt: 0) + Measure.format(p.compile)
        + Measure.ratio(cold.compile, p.compile) + "  " + Measure.format(p.firstCall)
        + Measure.ratio(cold.firstCall, p.firstCall)
    }
    print("case                                  compile  vs cold    compile+first call  vs cold")
    print(row("cold (no cache)", cold))
    print(row("cache after compile (\(afterCompile.count / 1024) KiB)", compiled))
    print(row("cache after running (\(afterRun.count / 1024) KiB)", ran))
    print(row("cold, String decoded per isolate", coldCopied))
    print(row("after running, String decoded", ranCopied))
    print("shared source preparation (once)".padding(toLength: 34, withPad: " ", startingAt: 0) + Measure.format(preparation))
    print("isolate creation".padding(toLength: 34, withPad: " ", startingAt: 0) + Measure.format(isolate))
    print("context creation".padding(toLength: 34, withPad: " ", startingAt: 0) + Measure.format(context))
    print(
      String(
        format: "targets: after-run compile >= 5x faster than cold (%.2fx); compile+first call >= 2.5x (%.2fx)",
        Measure.milliseconds(cold.compile) / Measure.milliseconds(ran.compile),
        Measure.milliseconds(cold.firstCall) / Measure.milliseconds(ran.firstCall)))
  }

  struct Phase {
    var compile: Duration
    var firstCall: Duration
  }

  /// The bundle's text: one `ScriptSource` shared by every isolate (what a pool does), or a
  /// String each isolate copies and decodes itself.
  enum Source {
    case shared(ScriptSource)
    case copied(String)

    func compile(in context: Context, filename: String, cachedData: [UInt8]?, produceCache: Bool = false) throws -> Script {
      switch self {
      case .shared(let source):
        return try context.compile(source, filename: filename, cachedData: cachedData, produceCache: produceCache)
      case .copied(let text):
        return try context.compile(text, filename: filename, cachedData: cachedData, produceCache: produceCache)
      }
    }
  }

  /// Medians of compile alone and of compile + run + workload, each in a fresh isolate.
  private func phase(_ source: Source, cache: [UInt8]?) throws -> Phase {
    var compiles: [Duration] = []
    var totals: [Duration] = []
    for round in 0...runs {
      let context = try Isolate().makeContext()
      var compiled: Script?
      let compile = try Measure.time {
        compiled = try source.compile(in: context, filename: bundle, cachedData: cache)
      }
      guard let script = compiled else { throw JSError(kind: .invalid, message: "nothing compiled") }
      guard !script.cacheRejected else { throw JSError(kind: .invalid, message: "V8 rejected the cache") }
      let call = try Measure.time {
        _ = try script.run()
        _ = try context.evaluate(workload, filename: "workload.js")
      }
      if round > 0 {  // round 0 warms up the process
        compiles.append(compile)
        totals.append(compile + call)
      }
    }
    return Phase(compile: compiles.sorted()[runs / 2], firstCall: totals.sorted()[runs / 2])
  }

  private func makeCache(_ source: Source, afterRunning: Bool) throws -> [UInt8] {
    let context = try Isolate().makeContext()
    let script = try source.compile(in: context, filename: bundle, cachedData: nil, produceCache: !afterRunning)
    guard afterRunning else { return script.cachedData ?? [] }
    _ = try script.run()
    _ = try context.evaluate(workload, filename: "workload.js")
    return try script.createCachedData()
  }
}
