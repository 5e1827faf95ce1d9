/// cv8_rejections: promise rejection tracking (ECMAScript's HostPromiseRejectionTracker), per
/// context, on the isolate's thread.
///
/// V8 tells the shim when a promise is rejected while it has no handler, and when a handler is
/// added to such a promise later. The shim hands the first to the callback of the context whose
/// code was running (the current realm, as HTML's HostPromiseRejectionTracker and Chromium
/// choose; the promise's own context when no code runs), and the second to the context that was
/// told about the rejection, wherever the handler is added. Once the microtask checkpoint after
/// such events has ended (HTML's "notify about rejected promises" point, Node's
/// processPromiseRejections), the context's callback is told so, and the checkpoint runs again
/// for what that queued. Every call is counted as a host callback (the reentrancy counter). A
/// context that does not track rejections gets nothing, and nothing is recorded for it.
#ifndef CV8_REJECTIONS_H
#define CV8_REJECTIONS_H

#include "cv8.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cv8_promise_rejection_event {
  /// `promise` was rejected with `reason` and has no handler (V8's kPromiseRejectWithNoHandler).
  CV8_PROMISE_REJECTED_WITHOUT_HANDLER = 0,
  /// A handler was added to `promise`, reported earlier as rejected without one; `reason` is its
  /// rejection reason (V8's kPromiseHandlerAddedAfterReject).
  CV8_PROMISE_HANDLER_ADDED_AFTER_REJECTION = 1,
  /// The microtask checkpoint after one or more of the events above has ended (no promise, no
  /// reason).
  CV8_PROMISE_MICROTASK_CHECKPOINT_ENDED = 2,
} cv8_promise_rejection_event;

/// The host's tracker for one context: `promise` and `reason` are new refs the callee owns
/// (cv8_ref_free), NULL for CV8_PROMISE_MICROTASK_CHECKPOINT_ENDED. It may call into the context
/// (cv8_context_call); microtasks it queues run before the checkpoint returns. A context whose
/// microtasks were cancelled (cv8_context_cancel_microtasks) is not told that a checkpoint ended.
typedef void (*cv8_promise_rejection_callback)(void *isolate_data, cv8_context *context,
                                               cv8_promise_rejection_event event, cv8_ref *promise,
                                               cv8_ref *reason);

/// Starts (a callback) or stops (NULL) tracking the promise rejections of `context`'s code.
void cv8_context_track_promise_rejections(cv8_context *context, cv8_promise_rejection_callback callback);

#ifdef __cplusplus
}
#endif

#endif
