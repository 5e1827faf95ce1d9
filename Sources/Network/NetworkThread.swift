internal import CCurl
import Foundation
import Synchronization

/// The process's one network thread: a libcurl multi handle driven by `curl_multi_poll` and
/// `curl_multi_perform`.
///
/// Any thread may queue work (`add`, `answer`, `abort`); the queue is locked and the thread is
/// woken with `curl_multi_wakeup`. Everything else happens on the network thread: libcurl's
/// transfers, their callbacks, and the reports of fetches (`FetchProgress`), which therefore must be short (post to an
/// isolate's event loop and return) and never run JavaScript or block: while one runs, no transfer
/// moves and no timeout fires. Work that may block (reading a file) runs on a global dispatch
/// queue, and only its completion comes back here. Each wait in `curl_multi_poll` ends at the
/// earliest of libcurl's own timers (`curl_multi_timeout`: a transfer's `CURLOPT_TIMEOUT_MS`, a
/// connect timeout, a new handle's 0 ms), a socket event and a wake-up. The thread starts on first
/// use and lives as long as the process; connections and DNS answers are shared by every transfer
/// through the multi handle.
final class NetworkThread: @unchecked Sendable {
  /// The one network thread.
  static let shared = NetworkThread()

  /// Work queued for the thread.
  private enum Job {
    case add(Transfer)
    case answer(LocalFetch)
    case answered(UInt64, Result<Response, NetworkError>)
    case abort(UInt64)
  }

  /// A fetch answered without libcurl, by `produce` on a dispatch queue, reported as its head,
  /// its body in one chunk (none when empty) and its end.
  struct LocalFetch: Sendable {
    let id: UInt64
    let url: String
    let produce: @Sendable () -> Result<Response, NetworkError>
    let report: @Sendable (FetchProgress) -> Void

    func deliver(_ result: Result<Response, NetworkError>) {
      switch result {
      case .failure(let error):
        report(.end(.failure(error)))
      case .success(let response):
        report(.response(response.head))
        if !response.body.isEmpty { report(.bodyChunk(response.body)) }
        report(.end(.success(response.timing)))
      }
    }
  }

  private struct Queue {
    var jobs: [Job] = []
    var nextID: UInt64 = 0
  }

  private let multi: UnsafeMutableRawPointer
  private let queue = Mutex(Queue())
  private var thread: pthread_t?
  // Only on the network thread:
  private var transfersByHandle: [UnsafeMutableRawPointer: Transfer] = [:]
  private var transfersByID: [UInt64: Transfer] = [:]
  private var localFetches: [UInt64: LocalFetch] = [:]

  private init() {
    let status = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    precondition(status == CURLE_OK, "curl_global_init failed: \(status)")
    guard let multi = curl_multi_init() else { preconditionFailure("curl_multi_init failed") }
    self.multi = multi
    let started = DispatchSemaphore(value: 0)
    let thread = Thread { [self] in
      // Named by the thread itself: Linux gives a new thread its creator's name (a dispatch
      // worker's, cut to 15 bytes), and this Foundation applies a name set from outside, before or
      // after `start`, only when it races ahead of the new thread.
      Thread.current.name = "caper network"
      self.thread = pthread_self()
      started.signal()
      run()
    }
    thread.start()
    started.wait()
  }

  /// A new identifier for a fetch.
  func makeID() -> UInt64 {
    queue.withLock { queue in
      queue.nextID += 1
      return queue.nextID
    }
  }

  /// Starts `transfer`; its reports run on this thread.
  func add(_ transfer: Transfer) { enqueue(.add(transfer)) }

  /// Starts `fetch`: its `produce` runs on a global dispatch queue, never on this thread, and its
  /// reports run on this thread (unless the fetch was aborted first).
  func answer(_ fetch: LocalFetch) { enqueue(.answer(fetch)) }

  /// Aborts the fetch `id` if it is still in flight: it ends with `.aborted`.
  ///
  /// The end is reported at once, and whatever arrives later is dropped. Work is done in the order
  /// it was queued, so an abort queued after the fetch's end does nothing, and a fetch ends
  /// exactly once.
  func abort(_ id: UInt64) { enqueue(.abort(id)) }

  private func enqueue(_ job: Job) {
    queue.withLock { $0.jobs.append(job) }
    _ = curl_multi_wakeup(multi)
  }

  private var isCurrent: Bool {
    guard let thread else { return false }
    return pthread_equal(thread, pthread_self()) != 0
  }

  private func run() -> Never {
    var running: Int32 = 0
    while true {
      let jobs = queue.withLock { queue in
        let jobs = queue.jobs
        queue.jobs = []
        return jobs
      }
      for job in jobs { perform(job) }
      _ = curl_multi_perform(multi, &running)
      completeFinishedTransfers()
      runAfterPass()
      // Woken early by curl_multi_wakeup or by libcurl's own timers (a new handle asks for 0 ms).
      _ = curl_multi_poll(multi, nil, 0, 60_000, nil)
    }
  }

  private func perform(_ job: Job) {
    switch job {
    case .add(let transfer):
      begin(transfer)
    case .answer(let fetch):
      localFetches[fetch.id] = fetch
      DispatchQueue.global(qos: .userInitiated).async { [self] in enqueue(.answered(fetch.id, fetch.produce())) }
    case .answered(let id, let result):
      localFetches.removeValue(forKey: id)?.deliver(result)
    case .abort(let id):
      if let fetch = localFetches.removeValue(forKey: id) {
        fetch.report(.end(.failure(NetworkError(url: fetch.url, cause: .aborted))))
        return
      }
      guard let transfer = transfersByID.removeValue(forKey: id) else { return }
      if let easy = transfer.easy {
        _ = curl_multi_remove_handle(multi, easy)
        transfersByHandle[easy] = nil
      }
      transfer.release()
      transfer.end(.failure(NetworkError(url: transfer.currentURL, cause: .aborted)))
    }
  }

  /// Adds the current request of `transfer` to the multi handle, or completes it with the error.
  private func begin(_ transfer: Transfer) {
    assert(isCurrent)
    switch transfer.makeHandle() {
    case .success(let easy):
      let status = curl_multi_add_handle(multi, easy)
      guard status == CURLM_OK else {
        transfer.release()
        transfersByID[transfer.id] = nil
        let message = String(cString: curl_multi_strerror(status))
        transfer.end(.failure(NetworkError(url: transfer.currentURL, cause: .transfer(message))))
        return
      }
      transfersByHandle[easy] = transfer
      transfersByID[transfer.id] = transfer
    case .failure(let error):
      transfer.release()
      transfersByID[transfer.id] = nil
      transfer.end(.failure(error))
    }
  }

  /// Work that waits for the end of the current pass (every transfer's callbacks of this
  /// `curl_multi_perform`, and the completions after it); on this thread only.
  private var afterPass: [() -> Void] = []

  /// Runs `work` at the end of the current pass of the loop, on this thread.
  ///
  /// `ResponseCollector` hands on a response's head there, so a response whose head and end came in
  /// one pass (a small body in the same read) reaches its owner whole, not as a head alone first.
  func atEndOfPass(_ work: @escaping () -> Void) {
    assert(isCurrent)
    afterPass.append(work)
  }

  private func runAfterPass() {
    while !afterPass.isEmpty {
      let work = afterPass
      afterPass.removeAll()
      for item in work { item() }
    }
  }

  private func completeFinishedTransfers() {
    var remaining: Int32 = 0
    while let message = curl_multi_info_read(multi, &remaining) {
      guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
      let code = message.pointee.data.result
      _ = curl_multi_remove_handle(multi, easy)
      guard let transfer = transfersByHandle.removeValue(forKey: easy) else { continue }
      switch transfer.finish(code) {
      case .redirected:
        begin(transfer)
      case .finished(let result):
        transfer.release()
        transfersByID[transfer.id] = nil
        transfer.end(result)
      }
    }
  }
}
