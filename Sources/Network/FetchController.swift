/// A handle on a fetch in flight, to abort it (the Fetch standard's fetch controller).
///
/// `Sendable`: `abort` may be called from any thread, any number of times. Aborting a fetch still
/// in flight completes it with `NetworkError.Cause.aborted`; aborting one that has completed does
/// nothing. Either way the completion runs exactly once.
public struct FetchController: Sendable {
  let id: UInt64
  let thread: NetworkThread

  /// Aborts the fetch if it has not completed.
  public func abort() { thread.abort(id) }
}
