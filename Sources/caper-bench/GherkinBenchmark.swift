import Foundation
import Gherkin
import Messages

/// `caper-bench gherkin`: parses and compiles a generated corpus of feature files (at least
/// `megabytes` MB, written to a temporary folder) and prints MB/s and pickles/s beside the
/// official Python parser (gherkin-official) on the same files in the same run.
struct GherkinBenchmark {
  var megabytes: Int
  var runs: Int
  var baseline = true

  func run() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caper-bench-gherkin-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try Corpus.write(to: folder, bytes: megabytes * 1_000_000)
    let sources = try files.map { path in
      Source(uri: path, data: try String(contentsOfFile: path, encoding: .utf8), mediaType: .gherkinPlain)
    }
    let bytes = sources.reduce(0) { $0 + $1.data.utf8.count }
    print("caper-bench gherkin: \(files.count) files, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, \(runs) runs, medians")

    var pickles = 0
    let serial = Measure.median(runs: runs) {
      Measure.time {
        pickles = 0
        let ids = IdGenerator.unique()
        for source in sources {
          guard let document = try? GherkinParser().parse(source, ids: ids) else { preconditionFailure("the corpus parses") }
          pickles += PickleCompiler(ids: ids).compile(document).count
        }
      }
    }
    let parallel = Measure.median(runs: runs) {
      Measure.time {
        let ids = IdGenerator.unique()
        DispatchQueue.concurrentPerform(iterations: sources.count) { i in
          guard let document = try? GherkinParser().parse(sources[i], ids: ids) else { preconditionFailure("the corpus parses") }
          _ = PickleCompiler(ids: ids).compile(document)
        }
      }
    }

    func row(_ label: String, _ seconds: Double, _ baseline: Double?) -> String {
      let mbs = Double(bytes) / 1e6 / seconds
      let ps = Double(pickles) / seconds
      var line =
        label.padding(toLength: 36, withPad: " ", startingAt: 0)
        + String(format: "%9.1f ms %9.2f MB/s %12.0f pickles/s", seconds * 1000, mbs, ps)
      if let baseline { line += String(format: "  %7.1fx", baseline / seconds) }
      return line
    }

    let python = baseline ? try Self.python(files: files, runs: runs) : nil
    print("parser                                    time       throughput        pickles    vs python")
    if let python {
      print(row("gherkin-official 42.0.1 (Python)", python.seconds, python.seconds))
      if python.pickles != pickles { print("warning: Python compiled \(python.pickles) pickles, Caper \(pickles)") }
    } else {
      print("gherkin-official not installed: run Support/scripts/bench-deps for the baseline")
    }
    print(row("caper, one thread", Measure.seconds(serial), python?.seconds))
    print(row("caper, all cores (\(ProcessInfo.processInfo.activeProcessorCount))", Measure.seconds(parallel), python?.seconds))
  }

  static func python(files: [String], runs: Int) throws -> (seconds: Double, pickles: Int)? {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Support/scripts/gherkin_baseline.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, String(runs)] + files
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let median = json["median"] as? Double, let pickles = json["pickles"] as? Int
    else { return nil }
    return (median, pickles)
  }
}

/// A deterministic corpus of realistic feature files: tags, backgrounds, outlines with
/// examples, data tables, doc strings, rules, comments and descriptions.
enum Corpus {
  static func write(to folder: URL, bytes target: Int) throws -> [String] {
    var paths: [String] = []
    var total = 0
    var n = 0
    while total < target {
      let text = feature(n)
      let path = folder.appendingPathComponent("feature\(n).feature").path
      try text.write(toFile: path, atomically: false, encoding: .utf8)
      paths.append(path)
      total += text.utf8.count
      n += 1
    }
    return paths
  }

  static func feature(_ n: Int) -> String {
    var s = "# A generated feature, number \(n)\n@suite-\(n % 7) @generated\nFeature: Shopping cart \(n)\n"
    s += "  As a customer I want to manage my cart\n  so that I can buy what I need.\n\n"
    s += "  Background:\n    Given the store \"Store \(n)\" is open\n    And these products exist:\n"
    s += "      | name   | price | stock |\n      | apple  | 1.20  | 100   |\n      | pear   | 0.80  | 50    |\n\n"
    for i in 0..<6 {
      s += "  @scenario-\(i)\n  Scenario: add item \(i) to the cart\n"
      s += "    Given I am logged in as \"user\(i)@example.com\"\n    When I add \(i + 1) apples to the cart\n"
      s += "    And I add a note:\n      \"\"\"markdown\n      Please deliver *before* noon.\n      Thanks!\n      \"\"\"\n"
      s += "    Then the cart contains \(i + 1) items\n    But the total is not zero\n\n"
    }
    s += "  Rule: discounts apply to large orders\n\n"
    s += "    Scenario Outline: discount for <count> items\n      Given I have <count> items costing <price> each\n"
    s += "      When I check out\n      Then I pay <total>\n\n      @fast\n      Examples: small orders\n"
    s += "        | count | price | total |\n"
    for row in 0..<8 { s += "        | \(row + 1)     | 2.00  | \(Double(row + 1) * 2.0) |\n" }
    s += "\n      Examples: large orders\n        | count | price | total |\n"
    for row in 0..<8 { s += "        | \(row + 20)    | 2.00  | \(Double(row + 20) * 1.8) |\n" }
    return s + "\n"
  }
}
