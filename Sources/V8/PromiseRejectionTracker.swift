internal import CV8

/// What V8 tells a context's tracker about promise rejections (ECMAScript's
/// HostPromiseRejectionTracker operations "reject" and "handle", and the end of the microtask
/// checkpoint that follows them).
public enum PromiseRejectionEvent: Sendable {
  /// `promise` was rejected with `reason` while it had no handler, by this context's code (the
  /// realm whose code ran, as HTML's tracker chooses; the promise's own realm when none ran).
  case rejectedWithoutHandler(promise: JSReference, reason: JSReference)
  /// A handler was added to `promise`, reported to this context as rejected without one before
  /// (wherever the handler was added); `reason` is its rejection reason.
  case handlerAddedAfterRejection(promise: JSReference, reason: JSReference)
  /// The microtask checkpoint after one or more of the events above has ended: HTML's "notify
  /// about rejected promises", Node's `processPromiseRejections`.
  case microtaskCheckpointEnded
}

/// A context's promise rejection tracker.
///
/// It runs on the isolate's thread, inside V8's rejection (for the first two events: the promise
/// operation waits for it) or at the end of a microtask checkpoint, and counts as a host callback
/// (the reentrancy rule holds). It may call into its context; microtasks it queues run before the
/// checkpoint returns. It gets the context, so it need not capture it.
public typealias PromiseRejectionTracker = @Sendable (_ context: Context, _ event: PromiseRejectionEvent) -> Void

extension Context {
  /// Starts (a tracker) or stops (nil) tracking the promise rejections of this context's code.
  ///
  /// Another context's rejections never reach this tracker, except a handler added elsewhere to a
  /// promise this context was told about. A rejection made while no tracker was set is never
  /// reported, nor is a handler added to it later. Throws `JSError.Kind.disposed` once disposed;
  /// `dispose()` drops the tracker.
  public func trackPromiseRejections(_ tracker: PromiseRejectionTracker?) throws {
    try withRaw { raw in
      rejectionTracker = tracker
      cv8_context_track_promise_rejections(raw, tracker == nil ? nil : promiseRejectionTrampoline)
    }
  }
}

/// The C entry point of every context's tracker (the shim calls it with the context told).
let promiseRejectionTrampoline: cv8_promise_rejection_callback = { data, context, event, promise, reason in
  let registry = Unmanaged<ContextRegistry>.fromOpaque(data!).takeUnretainedValue()
  guard let owner = registry.context(for: context!), let tracker = owner.rejectionTracker else {
    cv8_ref_free(promise)
    cv8_ref_free(reason)
    return
  }
  switch event {
  case CV8_PROMISE_REJECTED_WITHOUT_HANDLER, CV8_PROMISE_HANDLER_ADDED_AFTER_REJECTION:
    guard let promise, let reason else { return }
    let promiseReference = JSReference(raw: promise, context: owner)
    let reasonReference = JSReference(raw: reason, context: owner)
    tracker(
      owner,
      event == CV8_PROMISE_REJECTED_WITHOUT_HANDLER
        ? .rejectedWithoutHandler(promise: promiseReference, reason: reasonReference)
        : .handlerAddedAfterRejection(promise: promiseReference, reason: reasonReference))
  default:
    tracker(owner, .microtaskCheckpointEnded)
  }
}
