import Foundation

/// The one thread an isolate lives on, for its whole life.
///
/// V8 isolates must not move between threads, while Swift concurrency moves tasks freely; so every
/// use of an isolate is a job run here. `sync` runs a job and waits for it (inline when already on
/// this thread, so host callbacks may call back into their isolate); `async` queues one. Jobs run
/// in the order they were queued. After `stop`, `sync` throws and `async` drops the job.
final class IsolateThread: @unchecked Sendable {
  /// The stack size of the thread.
  static let stackSize = 8 << 20

  private let condition = NSCondition()
  private var jobs: [() -> Void] = []
  private var releases: [() -> Void] = []
  private var stopping = false
  private var stopped = false
  private var owner: pthread_t?

  init(name: String) {
    let ready = DispatchSemaphore(value: 0)
    let thread = Thread { [self] in
      // Named by the thread itself: this Foundation applies a name set from outside only when it
      // races ahead of the new thread, which otherwise keeps its creator's name.
      Thread.current.name = name
      condition.lock()
      owner = pthread_self()
      condition.unlock()
      ready.signal()
      runJobs()
    }
    thread.stackSize = Self.stackSize
    thread.start()
    ready.wait()
  }

  /// True on the isolate's own thread.
  var isCurrent: Bool {
    guard let owner else { return false }
    return pthread_equal(owner, pthread_self()) != 0
  }

  /// Runs `body` on this thread and returns its result.
  func sync<T>(_ body: () throws -> T) throws -> T {
    if isCurrent { return try body() }
    return try withoutActuallyEscaping(body) { escapable in
      let job = SyncJob(escapable)
      guard enqueue(job.run) else { throw JSError(kind: .disposed, message: "isolate disposed") }
      return try job.wait()
    }
  }

  /// A job another thread waits for.
  ///
  /// It drops the caller's closure before waking the caller, so
  /// the closure never outlives `sync` (it is borrowed with `withoutActuallyEscaping`).
  private final class SyncJob<T>: @unchecked Sendable {
    private var body: (() throws -> T)?
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () throws -> T) { self.body = body }

    func run() {
      result = Result { try body!() }
      body = nil
      done.signal()
    }

    func wait() throws -> T {
      done.wait()
      return try result!.get()
    }
  }

  /// Queues `body`, or runs it now when already on this thread.
  ///
  /// Dropped after `stop`.
  func async(_ body: @escaping () -> Void) {
    if isCurrent {
      body()
      return
    }
    _ = enqueue(body)
  }

  /// Queues `body`, a reference's release, from any thread.
  ///
  /// It runs on this thread at the next safe point: `runReleases` (the event loop calls it at each
  /// turn) or the end of the current job, whichever comes first. Never inline, since the shim may
  /// still read a handle whose Swift holder is gone (a host function's result). A test run is one
  /// long job: without the turns' releases, every reference dropped during it (and all it keeps
  /// alive in the heap) would wait for its end. Dropped after `stop`.
  func release(_ body: @escaping () -> Void) {
    condition.lock()
    releases.append(body)
    let first = releases.count == 1
    condition.unlock()
    if first { _ = enqueue { [weak self] in self?.runReleases() } }
  }

  /// Runs the releases queued so far; on this thread, where no host function's result is being
  /// handed to V8 (between tasks).
  func runReleases() {
    condition.lock()
    let bodies = releases
    releases = []
    condition.unlock()
    for body in bodies { body() }
  }

  /// Runs `last` after every job queued so far, then ends the thread.
  ///
  /// Waits for it unless called
  /// on this thread (then the thread ends when the current job returns).
  func stop(_ last: @escaping () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let queued = enqueue(
      {
        last()
        done.signal()
      }, isFinal: true)
    if queued && !isCurrent { done.wait() }
  }

  private func enqueue(_ job: @escaping () -> Void, isFinal: Bool = false) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    if stopping { return false }
    if isFinal { stopping = true }
    jobs.append(job)
    condition.signal()
    return true
  }

  private func runJobs() {
    while true {
      condition.lock()
      while jobs.isEmpty && !stopped { condition.wait() }
      if jobs.isEmpty && stopped {
        condition.unlock()
        return
      }
      let job = jobs.removeFirst()
      if stopping && jobs.isEmpty { stopped = true }
      condition.unlock()
      job()
    }
  }
}
