import CodeCache
import Foundation
import V8

/// A realm: a context and the extensions of its template installed into it, in order, with the
/// isolate's event loop and the `ScriptLoader` every one of its scripts compiles through.
///
/// Guarantees: made from the template's startup snapshot when one is given (the runtime's scripts
/// do not run again), else by running the template's bootstrap through the code cache; either
/// way its host functions call the Swift bodies given here (keyed `"<extension>.<name>"`), and
/// none is left on the global object. `exports` are the extensions' scripts' exports by script
/// name. The context refuses code generation asked by another realm's code, so a page that gets
/// hold of one of its functions cannot compile code here. Used on the isolate's thread.
public final class Realm: @unchecked Sendable {
  public let template: RealmTemplate
  public let context: Context
  public let loop: EventLoop
  public let loader: ScriptLoader
  /// What the realm was made from; realms made beside it start from the same snapshot.
  public let caches: RealmCaches
  /// Each script's exported functions, by script name.
  public private(set) var exports: [String: [String: JSValue]] = [:]

  /// Makes a realm in an isolate of its own (from the caches' snapshot when there is one).
  ///
  /// `hostFunctions` gives
  /// the Swift bodies for this realm, once it exists (they may hold it weakly).
  public init(
    template: RealmTemplate, heapLimit: Int? = nil, caches: RealmCaches = RealmCaches(), log: (@Sendable (String) -> Void)? = nil,
    hostFunctions: (Realm) -> [String: HostFunction]
  ) throws {
    // The code cache's origin probe makes an isolate of V8's own snapshot: it must come before
    // any isolate of a custom snapshot (V8 10.2 crashes deserializing the shared string table of
    // a default-snapshot isolate made after a custom-snapshot one).
    _ = CacheOrigin.keepsProducerName
    let index = caches.snapshotIndex(of: template, assumingFirst: true)
    let snapshot = index == nil ? nil : caches.snapshot
    let begun = ContinuousClock.now
    self.template = template
    self.caches = caches
    let isolate = try Isolate(heapLimit: heapLimit, snapshot: caches.snapshot)
    let options = Context.Options(snapshotIndex: index, ownCodeGeneration: true)
    context = try isolate.makeContext(options)
    let contextMade = ContinuousClock.now
    loader = ScriptLoader(isolate: isolate, store: caches.store, log: log)
    loop = EventLoop(isolate: isolate)
    loop.add(context, clock: RealmClock(.real, zero: isolate.clockOrigin), rules: .node)
    let bodies = hostFunctions(self)
    let functions = try template.hostFunctions.map { key, _ in
      guard let body = bodies[key] else { throw JSError(kind: .invalid, message: "no Swift body for the host function \(key)") }
      return body
    }
    let value: JSValue
    if snapshot != nil {
      value = try context.startFromSnapshot(functions)
    } else {
      for ((_, global), body) in zip(template.hostFunctions, functions) { try context.define(global, body) }
      for (global, native) in template.natives {
        switch native {
        case .clock: try context.defineClock(global)
        case .microtaskCheckpoint: try context.defineMicrotaskCheckpoint(global)
        case .arrayBufferDetach: try context.defineArrayBufferDetach(global)
        }
      }
      let bootstrap = template.bootstrap
      value = try loader.evaluate(bootstrap.source, filename: bootstrap.filename, in: context)
    }
    try collectExports(value)
    if let log {
      log(
        String(
          format: "realm: isolate and context %.2f ms, Caper's runtime %.2f ms%@", (contextMade - begun).milliseconds,
          (ContinuousClock.now - contextMade).milliseconds, snapshot == nil ? "" : " (from the snapshot)"))
    }
  }

  /// Makes a realm beside `neighbour`, in its isolate, on its event loop and through its loader:
  /// a page realm beside the support realm that drives it.
  ///
  /// The new context is guarded and admits `neighbour`'s code one way (the neighbour reaches the
  /// new realm's objects, never the reverse), refuses code generation asked by other realms'
  /// code, and runs on its own clock (or on `sharedClock`, a frame on its page's: one time for
  /// both, their timers in one order) with its own timer rules. The template's bootstrap runs
  /// through the shared code cache. Used on the isolate's thread.
  public init(
    template: RealmTemplate, beside neighbour: Realm, clock: RealmClock.Kind, sharing sharedClock: RealmClock? = nil,
    rules: TimerRules, hostFunctions: (Realm) -> [String: HostFunction]
  ) throws {
    self.template = template
    caches = neighbour.caches
    let isolate = neighbour.context.isolate
    let index = caches.snapshotIndex(of: template, assumingFirst: false)
    context = try isolate.makeContext(Context.Options(snapshotIndex: index, guarded: true, ownCodeGeneration: true))
    try context.admit(neighbour.context)
    loader = neighbour.loader
    loop = neighbour.loop
    loop.add(context, clock: sharedClock ?? RealmClock(clock, zero: isolate.clockOrigin), rules: rules)
    let bodies = hostFunctions(self)
    if index != nil {
      try collectExports(
        context.startFromSnapshot(
          template.hostFunctions.map { key, _ in
            guard let body = bodies[key] else {
              throw JSError(kind: .invalid, message: "no Swift body for the host function \(key)")
            }
            return body
          }))
      return
    }
    for (key, global) in template.hostFunctions {
      guard let body = bodies[key] else { throw JSError(kind: .invalid, message: "no Swift body for the host function \(key)") }
      try context.define(global, body)
    }
    for (global, native) in template.natives {
      switch native {
      case .clock: try context.defineClock(global)
      case .microtaskCheckpoint: try context.defineMicrotaskCheckpoint(global)
      case .arrayBufferDetach: try context.defineArrayBufferDetach(global)
      }
    }
    let bootstrap = template.bootstrap
    try collectExports(loader.evaluate(bootstrap.source, filename: bootstrap.filename, in: context))
  }

  private func collectExports(_ value: JSValue) throws {
    guard case .object(let scripts) = value else {
      throw JSError(kind: .invalid, message: "Caper's \(template.name) runtime did not start")
    }
    for (name, scriptExports) in scripts.entries {
      if case .object(let members) = scriptExports { exports[name] = Dictionary(members.entries, uniquingKeysWith: { $1 }) }
    }
  }

  /// A function a script exported (`function("cucumber", "runSteps")`); a missing one is a
  /// fault in Caper's own runtime.
  public func function(_ script: String, _ name: String) -> JSReference {
    guard case .function(let f)? = exports[script]?[name] else { preconditionFailure("Caper's runtime has no \(script).\(name)") }
    return f
  }

  /// One turn of the event loop (see `EventLoop.turn`).
  public func pump(until deadline: ContinuousClock.Instant, waitingOn waited: Context? = nil) throws -> Bool {
    try loop.turn(until: deadline, waitingOn: waited)
  }
}

/// Where a realm's console output goes (`console.log`, `process.stdout.write`): the command
/// running it decides (stdout for `caper run`; elsewhere for a command whose stdout is data).
public typealias ConsoleSink = @Sendable (_ stream: ConsoleStream, _ text: String) -> Void

public enum ConsoleStream: String, Sendable {
  case out
  case err
}
