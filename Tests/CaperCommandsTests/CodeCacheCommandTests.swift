import Foundation
import Testing
import V8
import _CaperBinaryTestSupport
import _CaperTestSupport

/// The disk code cache as a user meets it: `caper run` twice over one cache directory, the
/// switches, the flags, and `caper cache`.
@Suite struct CodeCacheCommandTests {
  let folder: TemporaryDirectory
  var cacheDir: String { folder.url.path + "/cache" }

  init() throws {
    folder = try TemporaryDirectory()
    try folder.write(
      "features/lib.feature",
      """
      Feature: libraries
        Scenario: required and imported inside a step
          When the step loads its libraries
          Then they work
      """)
    try folder.write(
      "features/steps.js",
      """
      const { When, Then } = require('@cucumber/cucumber');
      const assert = require('assert');
      When('the step loads its libraries', async function () {
        this.helper = require('../lib/helper.js');
        this.esm = await import('../lib/esm.mjs');
      });
      Then('they work', function () {
        assert.strictEqual(this.helper.double(21), 42);
        assert.strictEqual(this.esm.triple(3), 9);
      });
      """)
    try folder.write("lib/helper.js", "exports.double = (x) => x * 2;\n")
    try folder.write("lib/esm.mjs", "export function triple(x) { return x * 3; }\n")
  }

  /// The counters of `--cache-stats` by name.
  func counters(_ stderr: String) -> [String: Int] {
    var found: [String: Int] = [:]
    for line in stderr.split(separator: "\n") where line.hasPrefix("code cache: ") {
      let words = line.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "(", with: "").replacingOccurrences(
        of: ")", with: ""
      ).split(separator: " ")
      for (i, word) in words.enumerated() where i + 1 < words.count {
        if let n = Int(word) { found[String(words[i + 1])] = n }
      }
    }
    return found
  }

  func run(_ extra: [String] = [], environment: [String: String] = [:]) throws -> ProcessResult {
    try CaperBinary.run(
      ["run", "--cache-dir", cacheDir, "--cache-stats"] + extra, environment: environment, directory: folder.url)
  }

  @Test func secondRunHitsEverythingTheFirstStored() throws {
    // Plain contexts: Caper's runtime files are compiled through the cache too.
    let plain = ["CAPER_NO_SNAPSHOT": "1"]
    let first = try run(environment: plain.merging(["CAPER_DEBUG": "cache"]) { $1 })
    #expect(first.status == 0, "\(first.stderr)")
    let cold = counters(first.stderr)
    #expect(cold["hits"] == 0)
    #expect((cold["stored"] ?? 0) >= 4, "the runtime, steps, helper, module: \(first.stderr)")
    #expect(cold["deferred"] == 3, "steps.js (required by the loader), helper.js and esm.mjs compile inside callbacks")
    #expect(first.stderr.contains("caper[cache] cache production deferred to the top level"))
    #expect(!first.stderr.contains("reentrancy"))

    let second = try run(environment: plain)
    #expect(second.status == 0, "\(second.stderr)")
    let warm = counters(second.stderr)
    #expect(warm["hits"] == cold["stored"])
    #expect(warm["misses"] == 0)
    #expect(warm["rejected"] == 0)
    #expect(warm["stored"] == 0)
    #expect(warm["deferred"] == 0)
  }

  @Test func theSecondRunStartsFromTheSnapshotTheFirstMade() throws {
    let first = try run(environment: ["CAPER_DEBUG": "cache"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("caper[cache] snapshot: made"), "\(first.stderr)")
    let cold = counters(first.stderr)
    let second = try run(environment: ["CAPER_DEBUG": "cache"])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stderr.contains("caper[cache] snapshot: ") && second.stderr.contains("KiB from the cache"), "\(second.stderr)")
    #expect(second.stderr.contains("(from the snapshot)"))
    let warm = counters(second.stderr)
    // The snapshot, steps.js, helper.js and esm.mjs: made and stored by the first run (which
    // already started from the snapshot it made), hit by the second. Caper's runtime scripts are
    // in the snapshot and never compiled.
    #expect(cold["stored"] == 4, "\(first.stderr)")
    #expect(warm["hits"] == 4, "\(second.stderr)")
    #expect(warm["misses"] == 0)
    #expect(warm["rejected"] == 0)
    #expect(warm["stored"] == 0)
    // Editing the support code does not touch the snapshot (it holds none of it): the edited
    // file misses, the snapshot still hits.
    try folder.write("lib/helper.js", "exports.double = (x) => x + x;\n")
    let edited = try run(environment: ["CAPER_DEBUG": "cache"])
    #expect(edited.status == 0, "\(edited.stderr)")
    #expect(edited.stderr.contains("KiB from the cache"), "\(edited.stderr)")
    #expect(counters(edited.stderr)["misses"] == 1)
    // A damaged snapshot is a counted corrupt miss (checked before V8 sees it) and is made again.
    // `cache path`: the root, the engine's ABI directory (holding the snapshot), then the one of
    // the caches made under the snapshot.
    let paths = try CaperBinary.run(["cache", "path", "--cache-dir", cacheDir]).stdout.split(separator: "\n").map(String.init)
    #expect(paths.count == 3, "\(paths)")
    let abi = paths.count > 1 ? paths[1] : ""
    let entries = try FileManager.default.contentsOfDirectory(atPath: abi)
    var damaged = 0
    for name in entries where !name.hasPrefix(".") && !name.contains("last-used") {
      let path = abi + "/" + name
      guard let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue, size > 300_000
      else { continue }
      let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
      try handle.seek(toOffset: UInt64(size / 2))
      try handle.write(contentsOf: Data([0xFF, 0x00, 0xFF, 0x00]))
      try handle.close()
      damaged += 1
    }
    #expect(damaged == 1, "the snapshot is the only entry over 300 KB: \(entries)")
    let third = try run(environment: ["CAPER_DEBUG": "cache"])
    #expect(third.status == 0, "\(third.stderr)")
    #expect(counters(third.stderr)["corrupt"] == 1)
    #expect(third.stderr.contains("caper[cache] snapshot: made"))
  }

  @Test func otherV8FlagsUseAnotherABIDirectory() throws {
    _ = try run()
    let flags = ["CAPER_V8_FLAGS": "--no-lazy-feedback-allocation"]
    let other = try run(environment: flags)
    #expect(other.status == 0, "\(other.stderr)")
    #expect(counters(other.stderr)["hits"] == 0)
    let paths = try CaperBinary.run(["cache", "path", "--cache-dir", cacheDir], environment: flags)
    let plain = try CaperBinary.run(["cache", "path", "--cache-dir", cacheDir])
    #expect(paths.stdout != plain.stdout)
    let stats = try CaperBinary.run(["cache", "stats", "--cache-dir", cacheDir])
    // Per engine: its ABI directory (with the snapshot) and the snapshot's (with the caches).
    #expect(stats.stdout.split(separator: "\n").filter { $0.contains(" entries ") }.count == 4, "\(stats.stdout)")
  }

  @Test func disabledReadsAndWritesNothing() throws {
    for (arguments, environment) in [(["--no-cache"], [String: String]()), ([], ["CAPER_NO_CACHE": "1"])] {
      let result = try run(arguments, environment: environment)
      #expect(result.status == 0)
      #expect(result.stderr.contains("memory only"))
      #expect(!FileManager.default.fileExists(atPath: cacheDir))
    }
  }

  @Test func unwritableDirectoryWarnsOnceAndRuns() throws {
    try folder.write("blocker", "a file where the cache directory would go")
    let result = try CaperBinary.run(
      ["run", "--cache-dir", folder.url.path + "/blocker/cache", "--cache-stats"], directory: folder.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.components(separatedBy: "warning: code cache directory").count == 2)
    #expect(result.stderr.contains("running without a disk cache"))
  }

  @Test func twoProcessesWarmingAtOnceBothSucceed() throws {
    let results = LockedState<[ProcessResult]>([])
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      if let result = try? run() { results.withLock { $0.append(result) } }
    }
    #expect(results.withLock { $0 }.count == 2)
    #expect(results.withLock { $0 }.allSatisfy { $0.status == 0 })
    let after = counters(try run().stderr)
    #expect(after["misses"] == 0)
    #expect(after["corrupt"] == 0)
  }

  @Test func clearEmptiesTheDirectory() throws {
    _ = try run()
    let cleared = try CaperBinary.run(["cache", "clear", "--cache-dir", cacheDir])
    #expect(cleared.status == 0)
    #expect(cleared.stdout.hasPrefix("cleared \(cacheDir)"))
    let stats = try CaperBinary.run(["cache", "stats", "--cache-dir", cacheDir])
    #expect(stats.stdout.contains("(empty)"))
    #expect(counters(try run().stderr)["hits"] == 0)
  }
}
