import Foundation

// caper-bench: Caper's benchmarks, each printing medians beside a baseline from the same run.
// Usage: caper-bench v8 [--bundle PATH] [--runs N] | caper-bench gherkin [--megabytes N] [--runs N]
//        | caper-bench dom PAGE [--selectors JSON] [--runs N]
//        | caper-bench page [--bundle PATH] [--jquery PATH] [--jquery-page PATH] [--baselines DIR|none] [--runs N]
//          [--visits N] [--memory-visits N] [--memory-page typescript|jquery]
let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
  return arguments[i + 1]
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("caper-bench: \(message)\n".utf8))
  exit(2)
}

switch arguments.first {
case "v8":
  let bundle = option("--bundle") ?? ".bundles/typescript.js"
  guard FileManager.default.fileExists(atPath: bundle) else {
    fail("\(bundle) not found: run Support/scripts/fetch-bundles, or pass --bundle PATH")
  }
  let runs = option("--runs").flatMap(Int.init) ?? 7
  let workload = option("--workload").map { try? String(contentsOfFile: $0, encoding: .utf8) } ?? nil
  do {
    try V8Benchmark(bundle: bundle, runs: max(1, runs), workload: workload ?? V8Benchmark.typescriptWorkload).run()
  } catch {
    fail("\(error)")
  }
case "gherkin":
  let megabytes = option("--megabytes").flatMap(Int.init) ?? 10
  let runs = option("--runs").flatMap(Int.init) ?? 3
  do {
    try GherkinBenchmark(megabytes: max(1, megabytes), runs: max(1, runs), baseline: !arguments.contains("--no-baseline")).run()
  } catch {
    fail("\(error)")
  }
case "dom":
  guard arguments.count > 1 else { fail("usage: caper-bench dom PAGE [--selectors JSON] [--runs N]") }
  let selectors =
    option("--selectors").flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String] } ?? [
      "a", "div", "p > a",
    ]
  do {
    try DOMBenchmark(path: arguments[1], selectors: selectors, runs: max(1, option("--runs").flatMap(Int.init) ?? 5)).run()
  } catch {
    fail("\(error)")
  }
case "page":
  let benchmark = PageBenchmark(
    bundle: option("--bundle") ?? "/usr/share/nodejs/typescript/lib/typescript.js",
    jqueryPage: option("--jquery-page") ?? "Support/site/bench/jquery-list.html",
    jquery: option("--jquery") ?? "/usr/share/javascript/jquery/jquery.js",
    baselines: option("--baselines").map { $0 == "none" ? nil : $0 } ?? "Support/bench",
    runs: max(1, option("--runs").flatMap(Int.init) ?? 7), visits: max(1, option("--visits").flatMap(Int.init) ?? 100),
    memoryVisits: max(2, option("--memory-visits").flatMap(Int.init) ?? 1000),
    memoryOnBundle: (option("--memory-page") ?? "typescript") == "typescript")
  for path in [benchmark.bundle, benchmark.jqueryPage, benchmark.jquery] where !FileManager.default.fileExists(atPath: path) {
    fail("\(path) not found")
  }
  do {
    try benchmark.run()
  } catch {
    fail("\(error)")
  }
default:
  fail(
    "usage: caper-bench v8 [--bundle PATH] [--runs N] [--workload FILE] | caper-bench gherkin [--megabytes N] [--runs N] | caper-bench dom PAGE | caper-bench page [options]"
  )
}
