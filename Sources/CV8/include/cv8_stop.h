/// cv8_stop: stopping a runaway call into JavaScript from another thread, and saying where it was.
///
/// `cv8_isolate_stop_at` may be called from any thread; the rest on the isolate's thread. The
/// stop runs as a V8 interrupt inside the running JavaScript: it records the stack's top frames
/// (`file:line:column` lines, innermost first) and then terminates the shim call at `depth` (as
/// cv8_isolate_terminate_at). An interrupt that runs after `cv8_stop_cancel`, or when no call at
/// `depth` runs any more, does nothing.
#ifndef CV8_STOP_H
#define CV8_STOP_H

#include "cv8.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cv8_stop cv8_stop;

/// Asks the running JavaScript to stop at `depth` (see cv8_isolate_entry_depth) once it next
/// checks for interrupts; the caller owns the result and ends it with cv8_stop_cancel.
cv8_stop *cv8_isolate_stop_at(cv8_isolate *isolate, int depth);
/// Whether the stop happened (the call at its depth was terminated), with the frames it recorded
/// copied into `frames` (malloc'd, freed with cv8_buffer_free); stops a pending interrupt from
/// acting and releases the caller's reference. Call once.
bool cv8_stop_cancel(cv8_stop *stop, cv8_buffer *frames);

#ifdef __cplusplus
}
#endif

#endif
