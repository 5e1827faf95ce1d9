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
/// - Virtual time (a page's clock) never moves while JavaScript runs, only between turns. It jumps
///   to its realm's next timer when the caller waits on that realm (`turn(until:waitingOn:)`, a
///   wait on a page condition, or `afterTurn(awaiting:_:)`, an asynchronous one) and the realm has
///   no fetch in flight (`hold`), or when nothing else
///   could ever run (no real timer, no posted or expected task). Otherwise the loop blocks until the
///   earliest real timer, posted task, virtual timer reached at the real rate, or the caller's
///   deadline, and virtual clocks advance by the real time waited: a page never runs slower than
///   real time while the support realm waits on something else, nor faster. Each such wait is
///   counted (`waits`).
/// - `cancel(context)` drops that realm's timers, immediates and posted tasks and stops its
///   microtask queue; other realms are untouched.
public final class EventLoop: @unchecked Sendable {
  public let isolate: Isolate

  private struct Realm {
    weak var context: Context?
    let clock: RealmClock
    let rules: TimerRules
    /// Fetches in flight (`hold`): the clock runs at the real rate and never jumps.
    var holds = 0
    /// Paused (Playwright's `clock.pauseAt`): its clock stands still and its timers fire only
    /// through `runTimers(of:until:)`.
    var paused = false
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
  /// Callbacks waiting for a turn that runs something, in the order registered.
  ///
  /// Each is on behalf of the realm it waits on (`afterTurn(awaiting:_:)`), with that realm's
  /// `microtaskWork` when it was registered: promise reactions of that realm that ran since (in the
  /// checkpoint after the call that registered it) may have settled what it waits for.
  private var turnWaiters: [(realm: ObjectIdentifier, work: UInt64, callback: () -> Void)] = []

  /// Bounds each task of a bounded realm (`boundTasks`).
  public private(set) lazy var watchdog = TaskWatchdog(isolate: isolate)
  /// The realms whose tasks are bounded (`boundTasks`).
  var taskBounds: [ObjectIdentifier: TaskBound] = [:]

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

  /// Sets a timer in `context`'s realm.
  ///
  /// `callback` is called after `delay` milliseconds of the realm's clock (adjusted by its
  /// rules), again every `delay` when `repeats`.
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

  /// Says a fetch of `context`'s realm is in flight: until the matching `release`, its virtual clock
  /// advances at the real rate and does not jump (virtual-time rule 2).
  public func hold(_ context: Context) {
    let key = ObjectIdentifier(context)
    guard var realm = realms[key], realm.clock.kind == .virtual else { return }
    realm.holds += 1
    if realm.clock.realRateSince == nil { realm.clock.realRateSince = .now }
    realms[key] = realm
  }

  /// Ends one `hold`.
  public func release(_ context: Context) {
    let key = ObjectIdentifier(context)
    guard var realm = realms[key], realm.holds > 0 else { return }
    realm.holds -= 1
    realms[key] = realm
    advanceAtRealRate(realm.clock)
  }

  /// Calls `callback` after the next turn that runs something, with `context`'s realm waited on meanwhile.
  ///
  /// Something is a task, a timer, immediates, or a jump of a waited realm's clock to its next
  /// timer. The realm is waited on as `turn(until:waitingOn:)` waits on one: when nothing else is due its
  /// virtual clock jumps to its next timer (virtual-time rule 4, for asynchronous waits such as a
  /// support realm awaiting a page's promise). A callback registered during a turn waits for a
  /// later turn, so a poll that registers again does not keep the loop busy by itself.
  public func afterTurn(awaiting context: Context, _ callback: @escaping () -> Void) {
    turnWaiters.append((ObjectIdentifier(context), context.microtaskWork, callback))
  }

  /// Whether `context`'s realm has tasks posted or immediates queued that have not run yet.
  ///
  /// Any thread may post; read on the isolate's thread.
  public func hasPendingTasks(of context: Context) -> Bool {
    let key = ObjectIdentifier(context)
    if immediates.contains(where: { $0.realm == key }) { return true }
    condition.lock()
    defer { condition.unlock() }
    return posted.contains { $0.realm == key }
  }

  /// Whether `context`'s realm has a fetch in flight.
  public func isHeld(_ context: Context) -> Bool { (realms[ObjectIdentifier(context)]?.holds ?? 0) > 0 }

  /// The due time of `context`'s realm's next timer on its clock, if it has one.
  public func nextTimerDue(in context: Context) -> Double? {
    let key = ObjectIdentifier(context)
    return timers.values.filter { $0.realm == key }.map(\.due).min()
  }

  /// Moves a virtual realm's clock forward to `time` (never back): a wait that ran out of tasks
  /// before its condition held, or Playwright's clock controls.
  public func advanceClock(of context: Context, to time: Double) {
    guard let realm = realms[ObjectIdentifier(context)], realm.clock.kind == .virtual else { return }
    realm.clock.advance(to: time)
  }

  /// Pauses or resumes a virtual realm's clock (Playwright's `clock.pauseAt` and `resume`).
  public func setPaused(_ paused: Bool, _ context: Context) {
    let key = ObjectIdentifier(context)
    guard realms[key]?.clock.kind == .virtual else { return }
    realms[key]!.paused = paused
    realms[key]!.clock.realRateSince = nil
  }

  /// Fires the timers of `context`'s virtual realm due up to `time` on its clock, in due order.
  ///
  /// Each interval fires as often as it falls due, the clock moved to each one's due time, then
  /// to `time` (Playwright's `clock.runFor`). With `once`, each timer fires at most once and the
  /// clock jumps first (Playwright's `clock.fastForward`).
  public func runTimers(of context: Context, until time: Double, once: Bool = false) throws {
    let key = ObjectIdentifier(context)
    guard let realm = realms[key], realm.clock.kind == .virtual else { return }
    if once {
      realm.clock.advance(to: time)
      let due = timers.filter { $0.value.realm == key && $0.value.due <= time }.sorted {
        ($0.value.due, $0.value.sequence) < ($1.value.due, $1.value.sequence)
      }
      for (id, timer) in due where timers[id] != nil { try fire(id, timer) }
      return
    }
    while let (id, timer) = timers.filter({ $0.value.realm == key && $0.value.due <= time })
      .min(by: { ($0.value.due, $0.value.sequence) < ($1.value.due, $1.value.sequence) })
    {
      realm.clock.advance(to: timer.due)
      try fire(id, timer)
    }
    realm.clock.advance(to: time)
  }

  /// Drops a realm's timers, immediates and posted tasks and stops its microtask queue.
  public func cancel(_ context: Context) {
    let key = ObjectIdentifier(context)
    timers = timers.filter { $0.value.realm != key }
    immediates.removeAll { $0.realm == key }
    // Asynchronous waits on the realm are answered at the next turn (they find it gone).
    let waiters = turnWaiters.filter { $0.realm == key }.map { Waiter(callback: $0.callback) }
    turnWaiters.removeAll { $0.realm == key }
    condition.lock()
    posted.removeAll { $0.realm == key }
    for waiter in waiters { posted.append((nil, { waiter.callback() })) }
    condition.unlock()
    try? context.cancelMicrotasks()
    realms[key] = nil
    taskBounds[key] = nil
  }

  /// Runs one thing (see the type's guarantees), waiting at most until `deadline` for a real
  /// timer or a posted task.
  ///
  /// Returns false when nothing is left that could run: no timers, no
  /// immediates, no posted or expected tasks.
  public func turn(until deadline: ContinuousClock.Instant, waitingOn waited: Context? = nil) throws -> Bool {
    isolate.releaseDroppedReferences()
    // Waiters registered before this turn are answered once it has run something.
    let waiting = turnWaiters.count
    let ran = try runOne(until: deadline, waitingOn: waited, waiting: waiting)
    if ran.something, waiting > 0 {
      let answered = turnWaiters.prefix(waiting)
      turnWaiters.removeFirst(min(waiting, turnWaiters.count))
      for waiter in answered { waiter.callback() }
    }
    return ran.more
  }

  /// One turn: whether it ran something, and whether anything is left that could run.
  private func runOne(until deadline: ContinuousClock.Instant, waitingOn waited: Context?, waiting: Int) throws -> (
    something: Bool, more: Bool
  ) {
    var clocks: [ObjectIdentifier: RealmClock] = [:]
    for realm in realms.values where realm.clock.realRateSince != nil { clocks[ObjectIdentifier(realm.clock)] = realm.clock }
    for clock in clocks.values { advanceAtRealRate(clock) }
    condition.lock()
    let tasks = posted
    posted.removeAll()
    condition.unlock()
    if !tasks.isEmpty {
      for (realm, task) in tasks where realm == nil || realms[realm!] != nil { try runTask(of: realm) { task() } }
      return (true, true)
    }
    if let (id, timer) = dueTimer() {
      try fire(id, timer)
      return (true, true)
    }
    if !immediates.isEmpty {
      let batch = immediates
      immediates.removeAll()
      for immediate in batch {
        guard let context = realms[immediate.realm]?.context else { continue }
        _ = try? context.call(immediate.callback)
      }
      return (true, true)
    }
    // Nothing due: the realm waited on (by the caller, or by an asynchronous wait) jumps to its
    // next timer, unless a fetch holds it. But first: when promise reactions of a waited realm ran
    // since a wait was registered, the waits are answered (what they poll may have settled).
    if turnWaiters.prefix(waiting).contains(where: { realms[$0.realm]?.context?.microtaskWork ?? $0.work != $0.work }) {
      return (true, true)
    }
    var candidates = waited.map { [ObjectIdentifier($0)] } ?? []
    for waiter in turnWaiters.prefix(waiting) where !candidates.contains(waiter.realm) { candidates.append(waiter.realm) }
    let jumps = candidates.compactMap { key -> (Int, Timer)? in
      guard let realm = realms[key], realm.clock.kind == .virtual, realm.holds == 0 else { return nil }
      return nextVirtualTimer(in: key)
    }
    if let (id, timer) = jumps.min(by: { ($0.1.due, $0.1.sequence) < ($1.1.due, $1.1.sequence) }) {
      realms[timer.realm]?.clock.advance(to: timer.due)
      try fire(id, timer)
      return (true, true)
    }
    let realTimers = timers.values.contains { realms[$0.realm]?.clock.kind == .real }
    condition.lock()
    let othersPending = !posted.isEmpty || expected > 0
    condition.unlock()
    // Nothing could ever run but virtual timers: the earliest one's clock jumps to it.
    if !realTimers, !othersPending, !realms.values.contains(where: { $0.holds > 0 }), let (id, timer) = nextVirtualTimer(in: nil)
    {
      realms[timer.realm]?.clock.advance(to: timer.due)
      try fire(id, timer)
      return (true, true)
    }
    // Block until the earliest real timer, virtual timer reached at the real rate, posted task,
    // or the deadline; virtual clocks advance by the time waited.
    let start = ContinuousClock.now
    let nextTimer = timers.values.compactMap { timer -> ContinuousClock.Instant? in
      guard let realm = realms[timer.realm], !realm.paused else { return nil }
      let clock = realm.clock
      switch clock.kind {
      case .real: return clock.instant(at: timer.due)
      case .virtual: return start + .nanoseconds(Int64(max(0, timer.due - clock.now) * 1e6))
      }
    }.min()
    condition.lock()
    defer { condition.unlock() }
    guard posted.isEmpty else { return (false, true) }
    guard nextTimer != nil || expected > 0 else { return (false, false) }
    let until = min(nextTimer ?? deadline, deadline)
    let wait = until - start
    if wait > .zero {
      for key in Array(realms.keys)
      where realms[key]!.clock.kind == .virtual && realms[key]!.clock.realRateSince == nil && !realms[key]!.paused {
        realms[key]!.clock.realRateSince = start
      }
      blockingWaits += 1
      let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
      _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
    }
    return (false, true)
  }

  /// Advances a virtual clock by the real time since its `realRateSince`; keeps the mark going
  /// while a realm on that clock is held, else clears it.
  private func advanceAtRealRate(_ clock: RealmClock) {
    guard let since = clock.realRateSince else { return }
    let now = ContinuousClock.now
    clock.advance(to: clock.now + (now - since).milliseconds)
    clock.realRateSince = realms.values.contains { $0.clock === clock && $0.holds > 0 } ? now : nil
  }

  /// Turns the loop until `done` holds (checked after each turn) or nothing is left; false when
  /// nothing was left before `done` held, or the deadline passed.
  public func run(until deadline: ContinuousClock.Instant, waitingOn waited: Context? = nil, while pending: () throws -> Bool)
    throws -> Bool
  {
    while try pending() {
      if ContinuousClock.now >= deadline { return false }
      guard try turn(until: deadline, waitingOn: waited) else { return try !pending() }
    }
    return true
  }

  /// The due timer that comes first: earliest on its realm's clock, ties in the order set.
  private func dueTimer() -> (Int, Timer)? {
    var best: (Int, Timer)?
    for (id, timer) in timers {
      guard let realm = realms[timer.realm], !realm.paused, timer.due <= realm.clock.now else { continue }
      if let (_, current) = best, (current.due, current.sequence) <= (timer.due, timer.sequence) { continue }
      best = (id, timer)
    }
    return best
  }

  /// The earliest timer of a virtual realm (when `key` is given, of its realm and the realms that
  /// share its clock: a page's frames).
  private func nextVirtualTimer(in key: ObjectIdentifier?) -> (Int, Timer)? {
    var best: (Int, Timer)?
    let clock = key.flatMap { realms[$0]?.clock }
    for (id, timer) in timers
    where realms[timer.realm]?.clock.kind == .virtual && realms[timer.realm]?.paused == false
      && (key == nil || timer.realm == key || (clock != nil && realms[timer.realm]?.clock === clock))
    {
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
      try runTask(of: timer.realm) { _ = try context.call(timer.callback) }
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

/// A wait's callback carried into a posted task (it runs on the isolate's thread).
private struct Waiter: @unchecked Sendable {
  let callback: () -> Void
}
