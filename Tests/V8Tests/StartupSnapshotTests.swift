import Foundation
import Testing
import V8

/// Startup snapshots: a context's state after scripts ran, restored in other isolates with its
/// host functions bound to Swift bodies.
@Suite struct StartupSnapshotTests {
  static let snapshot = Result {
    try StartupSnapshot.make(
      hostFunctions: ["__add", "__name"], clock: "__now",
      scripts: [
        (source: "globalThis.base = 40; const made = __now(); globalThis.counter = 0;", filename: "one.js"),
        (
          source: "({ add: (n) => __add(base, n), name: () => __name(), bump: () => ++counter, elapsed: () => __now() })",
          filename: "two.js"
        ),
      ])
  }

  @Test func aContextStartsWithWhatTheScriptsMade() throws {
    let snapshot = try Self.snapshot.get()
    #expect(snapshot.bytes.count > 1000)
    let context = try Isolate(snapshot: snapshot).makeSnapshotContext()
    let api = try context.startFromSnapshot([
      { args in .number((args[0].numberValue ?? 0) + (args[1].numberValue ?? 0)) },
      { _ in .string("swift") },
    ])
    guard case .function(let add) = api["add"], case .function(let name) = api["name"], case .function(let bump) = api["bump"],
      case .function(let elapsed) = api["elapsed"]
    else {
      Issue.record("the snapshot's value is not the API object: \(api)")
      return
    }
    #expect(try context.call(add, [.number(2)]) == .number(42))
    #expect(try context.call(name) == .string("swift"))
    #expect(try context.call(bump) == .number(1))
    #expect(try context.evaluate("base + counter") == .number(41))
    // The clock counts from this isolate's start, not the snapshot's.
    let ms = try context.call(elapsed).numberValue ?? -1
    #expect(ms >= 0 && ms < 10_000)
  }

  @Test func eachIsolateStartsFresh() throws {
    let snapshot = try Self.snapshot.get()
    for _ in 0..<2 {
      let context = try Isolate(snapshot: snapshot).makeSnapshotContext()
      let api = try context.startFromSnapshot([{ _ in .undefined }, { _ in .undefined }])
      guard case .function(let bump) = api["bump"] else {
        Issue.record("no bump")
        return
      }
      #expect(try context.call(bump) == .number(1))
    }
  }

  @Test func aPlainContextLivesBesideTheSnapshotOne() throws {
    let snapshot = try Self.snapshot.get()
    let isolate = try Isolate(snapshot: snapshot)
    let support = try isolate.makeSnapshotContext()
    let api = try support.startFromSnapshot([
      { args in .number((args[0].numberValue ?? 0) + (args[1].numberValue ?? 0)) }, { _ in .undefined },
    ])
    // A page's realm: plain, with none of the runtime's globals, and host functions of its own.
    let page = try isolate.makeContext()
    #expect(try page.evaluate("typeof base") == .string("undefined"))
    #expect(try page.evaluate("typeof __now") == .string("undefined"))
    try page.define("pageHost") { _ in .string("page") }
    #expect(try page.evaluate("pageHost()") == .string("page"))
    #expect { _ = try page.startFromSnapshot([]) } throws: { "\($0)".contains("no snapshot value") }
    guard case .function(let add) = api["add"] else {
      Issue.record("no add")
      return
    }
    #expect(try support.call(add, [.number(1)]) == .number(41))
    // A plain isolate has no snapshot context.
    #expect { _ = try Isolate().makeSnapshotContext() } throws: { "\($0)".contains("startup snapshot") }
  }

  @Test func aScriptThatFailsNamesItself() {
    #expect {
      _ = try StartupSnapshot.make(
        hostFunctions: [], clock: nil, scripts: [(source: "throw new Error('no')", filename: "bad.js")])
    } throws: { "\($0)".contains("bad.js") && "\($0)".contains("no") }
  }

  @Test func aHostFunctionCalledWhileMakingTheSnapshotFails() {
    #expect {
      _ = try StartupSnapshot.make(hostFunctions: ["__f"], clock: nil, scripts: [(source: "__f()", filename: "early.js")])
    } throws: { "\($0)".contains("early.js") }
  }
}
