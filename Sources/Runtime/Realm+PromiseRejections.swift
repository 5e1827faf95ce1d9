import V8

extension Realm {
  /// Hands the promise rejections of this realm's code to two functions `script` exports.
  ///
  /// `track(rejected, promise, reason)` gets each rejection without a handler (`rejected` true) and
  /// each handler added to one (false); `notify()` the end of the microtask checkpoint that
  /// followed them (`PromiseRejectionTracker`'s events, in V8's order). What the functions throw is
  /// dropped. The realm is held weakly (its context holds the tracker). Throws
  /// `JSError.Kind.disposed` once the realm's context is disposed.
  public func forwardPromiseRejections(to script: String, track: String, notify: String) throws {
    try context.trackPromiseRejections { [weak self] context, event in
      guard let self else { return }
      switch event {
      case .rejectedWithoutHandler(let promise, let reason), .handlerAddedAfterRejection(let promise, let reason):
        let rejected: JSValue = if case .rejectedWithoutHandler = event { true } else { false }
        _ = try? context.call(self.function(script, track), [rejected, .reference(promise), .reference(reason)])
      case .microtaskCheckpointEnded:
        _ = try? context.call(self.function(script, notify))
      }
    }
  }
}
