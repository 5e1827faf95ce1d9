import Foundation
import V8

/// The one event loop of an isolate: the timers of every realm, each realm on its own clock
/// (`RealmClock`) and timer rules (`TimerRules`), immediates, and tasks posted from any thread.
///
/// Guarantees:
/// - Everything but `post`, `expectTask` and `waits` runs on the isolate's thread. A task, timer
///   or immediate is entered at the top level, so the microtask checkpoint (every realm's queue,
///   in creation order) runs after each.
/// - One `turn` runs one thing: first the tasks posted so far (I/O completions), then the due timer
///   that is earliest on its realm's clock (ties in the order they were set), then the immediates
///   queued so far (Node's check phase, after pending I/O).
/// - A virtual clock with nothing due anywhere jumps to its next timer; the loop blocks only
///   until the earliest timer of a real clock, a posted task, or the caller's deadline, and
///   counts each such wait (`waits`).
/// - `cancel(context)` drops that realm's timers, immediates and posted tasks and stops its
///   microtask queue; other realms are untouched.
public final class EventLoop: @unchecked Sendable {
  public let isolate: Isolate

  private struct Realm {
    weak var context: Context?
    let clock: RealmClock
    let rules: TimerRules
  }

  private struct Timer {
    let realm: ObjectIdentifier
    var due: Double
    let sequence: Int
    let interval: Double?
    let nesting: Int
    let callback: JSReference
  }

  private var realms: [ObjectIdentifier: Realm] = [:]
  private var timers: [Int: Timer] = [:]
  private var immediates: [(id: Int, realm: ObjectIdentifier, callback: JSReference)] = []
  private var nextID = 1
  private var sequence = 0
  /// The timer whose callback runs now (its nesting level sets its children's).
  private var running: Timer?
  /// Posted tasks and the count of tasks promised, guarded by `condition` (any thread).
  private let condition = NSCondition()
  private var posted: [(realm: ObjectIdentifier?, task: @Sendable () -> Void)] = []
  private var expected = 0
  private var blockingWaits = 0

  public init(isolate: Isolate) { self.isolate = isolate }

  /// Adds a realm with its clock and timer rules.
  public func add(_ context: Context, clock: RealmClock, rules: TimerRules) {
    realms[ObjectIdentifier(context)] = Realm(context: context, clock: clock, rules: rules)
  }

  /// The clock of a realm added to the loop.
  public func clock(of context: Context) -> RealmClock? { realms[ObjectIdentifier(context)]?.clock }

  /// How many times the loop blocked waiting for real time or a posted task (any thread).
  public var waits: Int {
    condition.lock()
    defer { condition.unlock() }
    return blockingWaits
  }

  // MARK: Timers

  /// Sets a timer in `context`'s realm: `callback` is called after `delay` milliseconds of the
  /// realm's clock (adjusted by its rules), again every `delay` when `repeats`.
  ///
  /// Returns its id.
  public func setTimer(in context: Context, callback: JSReference, delay: Double, repeats: Bool) -> Int {
    let key = ObjectIdentifier(context)
    guard let realm = realms[key] else { preconditionFailure("the realm was not added to the event loop") }
    var timeout = delay.isFinite ? delay : 0
    var nesting = 0
    switch realm.rules {
    case .node:
      // Node: anything not in [1, 2^31 - 1] is 1.
      if !(timeout >= 1 && timeout <= 2_147_483_647) { timeout = 1 }
    case .html:
      timeout = max(0, timeout)
      nesting = running.map { $0.realm == key ? $0.nesting : 0 } ?? 0
      if nesting > 5 && timeout < 4 { timeout = 4 }
      nesting += 1
    }
    let id = nextID
    nextID += 1
    sequence += 1
    timers[id] = Timer(
      realm: key, due: realm.clock.now + timeout, sequence: sequence, interval: repeats ? timeout : nil, nesting: nesting,
      callback: callback)
    return id
  }

  /// Clears a timer or immediate of `context`'s realm (another realm's ids are left alone).
  public func clearTimer(_ id: Int, in context: Context) {
    let key = ObjectIdentifier(context)
    if timers[id]?.realm == key { timers[id] = nil }
    immediates.removeAll { $0.id == id && $0.realm == key }
  }

  /// Queues `callback` for the check phase of a later turn (Node's `setImmediate`).
  ///
  /// Returns its id.
  public func setImmediate(in context: Context, callback: JSReference) -> Int {
    let id = nextID
    nextID += 1
    immediates.append((id, ObjectIdentifier(context), callback))
    return id
  }

  // MARK: Tasks from any thread

  /// Says a task will be posted (work in flight elsewhere): until it arrives the loop waits for
  /// it instead of reporting that nothing is left.
  ///
  /// Any thread.
  public func expectTask() {
    condition.lock()
    expected += 1
    condition.unlock()
  }

  /// Posts `task` to run on the isolate's thread at the loop's next turn, for `context`'s realm
  /// (dropped if that realm is cancelled first); `fulfilling` ends one `expectTask`.
  ///
  /// Any thread.
  public func post(to context: Context?, fulfilling: Bool = false, _ task: @escaping @Sendable () -> Void) {
    condition.lock()
    posted.append((context.map(ObjectIdentifier.init), task))
    if fulfilling { expected = max(0, expected - 1) }
    condition.signal()
    condition.unlock()
  }

  // MARK: Running

  /// Drops a realm's timers, immediates and posted tasks and stops its microtask queue.
  public func cancel(_ context: Context) {
    let key = ObjectIdentifier(context)
    timers = timers.filter { $0.value.realm != key }
    immediates.removeAll { $0.realm == key }
    condition.lock()
    posted.removeAll { $0.realm == key }
    condition.unlock()
    try? context.cancelMicrotasks()
    realms[key] = nil
  }

  /// Runs one thing (see the type's guarantees), waiting at most until `deadline` for a real
  /// timer or a posted task.
  ///
  /// Returns false when nothing is left that could run: no timers, no
  /// immediates, no posted or expected tasks.
  public func turn(until deadline: ContinuousClock.Instant) throws -> Bool {
    condition.lock()
    let tasks = posted
    posted.removeAll()
    condition.unlock()
    if !tasks.isEmpty {
      for (realm, task) in tasks where realm == nil || realms[realm!] != nil { task() }
      return true
    }
    if let (id, timer) = dueTimer() {
      try fire(id, timer)
      return true
    }
    if !immediates.isEmpty {
      let batch = immediates
      immediates.removeAll()
      for immediate in batch {
        guard let context = realms[immediate.realm]?.context else { continue }
        _ = try? context.call(immediate.callback)
      }
      return true
    }
    // Nothing due: a virtual clock jumps to its next timer.
    if let (id, timer) = nextVirtualTimer() {
      realms[timer.realm]?.clock.advance(to: timer.due)
      try fire(id, timer)
      return true
    }
    // Block until the earliest real timer, a posted task, or the deadline.
    let nextReal = timers.values.compactMap { timer -> ContinuousClock.Instant? in
      guard let clock = realms[timer.realm]?.clock, clock.kind == .real else { return nil }
      return clock.instant(at: timer.due)
    }.min()
    condition.lock()
    defer { condition.unlock() }
    guard posted.isEmpty else { return true }
    guard nextReal != nil || expected > 0 else { return false }
    let until = min(nextReal ?? deadline, deadline)
    let wait = until - .now
    if wait > .zero {
      blockingWaits += 1
      let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
      _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
    }
    return true
  }

  /// Turns the loop until `done` holds (checked after each turn) or nothing is left; false when
  /// nothing was left before `done` held, or the deadline passed.
  public func run(until deadline: ContinuousClock.Instant, while pending: () throws -> Bool) throws -> Bool {
    while try pending() {
      if ContinuousClock.now >= deadline { return false }
      guard try turn(until: deadline) else { return try !pending() }
    }
    return true
  }

  /// The due timer that comes first: earliest on its realm's clock, ties in the order set.
  private func dueTimer() -> (Int, Timer)? {
    var best: (Int, Timer)?
    for (id, timer) in timers {
      guard let realm = realms[timer.realm], timer.due <= realm.clock.now else { continue }
      if let (_, current) = best, (current.due, current.sequence) <= (timer.due, timer.sequence) { continue }
      best = (id, timer)
    }
    return best
  }

  private func nextVirtualTimer() -> (Int, Timer)? {
    var best: (Int, Timer)?
    for (id, timer) in timers where realms[timer.realm]?.clock.kind == .virtual {
      if let (_, current) = best, (current.due, current.sequence) <= (timer.due, timer.sequence) { continue }
      best = (id, timer)
    }
    return best
  }

  private func fire(_ id: Int, _ timer: Timer) throws {
    guard let realm = realms[timer.realm], let context = realm.context else {
      timers[id] = nil
      return
    }
    if let interval = timer.interval {
      var next = timer
      next.due = realm.clock.now + interval
      timers[id] = next
    } else {
      timers[id] = nil
    }
    running = timer
    defer { running = nil }
    do {
      _ = try context.call(timer.callback)
    } catch let error as JSError where error.kind == .terminated || error.kind == .heapLimit || error.kind == .timeout {
      throw error
    } catch {
      // A throwing callback is that realm's uncaught error; the loop goes on.
    }
  }

  // MARK: Timer globals

  /// Defines `setTimeout`, `setInterval`, `clearTimeout`, `clearInterval` and `now()` (the
  /// realm's clock) in a realm added to the loop, as a page's runtime will.
  public func installTimers(in context: Context) throws {
    try context.define("__caperLoop_set") { [weak self, unowned context] arguments in
      guard let self, case .function(let callback) = arguments[0] else {
        throw JSError(kind: .invalid, message: "not a function")
      }
      return .number(
        Double(
          self.setTimer(
            in: context, callback: callback, delay: arguments[1].numberValue ?? 0, repeats: arguments[2] == .bool(true))))
    }
    try context.define("__caperLoop_clear") { [weak self, unowned context] arguments in
      if let id = arguments[0].numberValue { self?.clearTimer(Int(id), in: context) }
      return .undefined
    }
    try context.define("now") { [weak self, unowned context] _ in .number(self?.clock(of: context)?.now ?? 0) }
    _ = try context.evaluate(
      """
      (() => {
        const set = __caperLoop_set, clear = __caperLoop_clear;
        const make = (repeat) => (callback, delay, ...args) => set(() => callback(...args), Number(delay) || 0, repeat);
        globalThis.setTimeout = make(false);
        globalThis.setInterval = make(true);
        globalThis.clearTimeout = (id) => { if (id !== undefined) clear(id); };
        globalThis.clearInterval = globalThis.clearTimeout;
        delete globalThis.__caperLoop_set;
        delete globalThis.__caperLoop_clear;
      })();
      """, filename: "caper:timers")
  }
}
