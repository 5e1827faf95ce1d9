/// A handle on a fetch in flight, to abort it (the Fetch standard's fetch controller).
///
/// `Sendable`: `abort` may be called from any thread, any number of times. Aborting a fetch still
/// in flight completes it with `NetworkError.Cause.aborted`; aborting one that has completed does
/// nothing. Either way the completion runs exactly once.
public struct FetchController: Sendable {
  private let aborting: @Sendable () -> Void

  init(id: UInt64, thread: NetworkThread) { aborting = { thread.abort(id) } }

  /// A controller for a fetch that is not (yet) on the network: a request waiting for a route's
  /// decision; `abort` runs the owner's own abort, which must keep the guarantees above.
  public init(abort: @escaping @Sendable () -> Void) { aborting = abort }

  /// Aborts the fetch if it has not completed.
  public func abort() { aborting() }
}
