/// cv8: the plain C API over V8 (from Debian's libnode) that the Swift `V8` module wraps.
///
/// Handles are opaque. Every function except `cv8_engine_*` (any thread, after initialisation),
/// `cv8_isolate_terminate*` and `cv8_isolate_mark` (any thread) and `cv8_buffer_free`/`cv8_error_clear`
/// must be called on the thread that created the isolate. Values cross the boundary as one byte
/// buffer in the value wire format (`cv8_wire_tag` below), never as V8 handles.
///
/// Value wire format (little-endian; u32 lengths; strings are UTF-8), one tag byte then:
///   UNDEFINED | NULL | TRUE | FALSE | NUMBER f64 | STRING u32 bytes
///   ARRAY u32 count, values | OBJECT u32 count, (u32 key bytes, value)...
///   BYTES u32 bytes (Uint8Array) | ARRAY_BUFFER u32 bytes
///   ERROR name(u32 bytes) message(u32 bytes) stack(u32 bytes)  (an Error object)
///   BIGINT u32 bytes (decimal) | DATE f64 (ms since epoch)
///   FUNCTION u64 | PROMISE u64 | REFERENCE u64  (a cv8_ref*: the value itself, in V8)
/// Every ref in a buffer handed to the caller is a new cv8_ref the caller owns (cv8_ref_free).
/// The shim writes REFERENCE only where a function says so; it reads it anywhere.
#ifndef CV8_H
#define CV8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cv8_isolate cv8_isolate;
typedef struct cv8_context cv8_context;
typedef struct cv8_script cv8_script;
typedef struct cv8_ref cv8_ref;
typedef struct cv8_source cv8_source;
typedef struct cv8_module cv8_module;
typedef struct cv8_snapshot_builder cv8_snapshot_builder;

/// The value wire format's tags: the one table the C++ encoder/decoder and Swift's `WireFormat`
/// both follow.
typedef enum cv8_wire_tag {
  CV8_WIRE_UNDEFINED = 'u',
  CV8_WIRE_NULL = 'n',
  CV8_WIRE_TRUE = 't',
  CV8_WIRE_FALSE = 'f',
  CV8_WIRE_NUMBER = 'd',
  CV8_WIRE_STRING = 's',
  CV8_WIRE_ARRAY = 'a',
  CV8_WIRE_OBJECT = 'o',
  CV8_WIRE_BYTES = 'b',
  CV8_WIRE_ARRAY_BUFFER = 'B',
  CV8_WIRE_ERROR = 'e',
  CV8_WIRE_BIGINT = 'I',
  CV8_WIRE_DATE = 'D',
  CV8_WIRE_FUNCTION = 'F',
  CV8_WIRE_PROMISE = 'P',
  CV8_WIRE_REFERENCE = 'R',
} cv8_wire_tag;

/// A byte buffer allocated with malloc by the shim; the receiver frees it with cv8_buffer_free.
typedef struct cv8_buffer {
  uint8_t *data;
  size_t length;
} cv8_buffer;

typedef enum cv8_status {
  CV8_OK = 0,
  CV8_ERR_SYNTAX = 1,      ///< the source does not parse
  CV8_ERR_EXCEPTION = 2,   ///< JavaScript threw
  CV8_ERR_TERMINATED = 3,  ///< cv8_isolate_terminate stopped the script
  CV8_ERR_HEAP_LIMIT = 4,  ///< the heap limit was reached; the script was terminated
  CV8_ERR_REENTRANCY = 5,  ///< a code cache was asked for inside a host callback
  CV8_ERR_DISPOSED = 6,    ///< the script or its context was disposed
  CV8_ERR_CONVERSION = 7,  ///< a value cannot cross the boundary (a cycle, too deep)
  CV8_ERR_INVALID = 8,     ///< bad arguments (malformed wire data, not a function)
} cv8_status;

/// What went wrong, with the JavaScript location where there is one. Strings are malloc'd
/// (or NULL); release with cv8_error_clear.
typedef struct cv8_error {
  cv8_status status;
  char *name;      ///< "TypeError", "SyntaxError", ... (NULL when not a JS error)
  char *message;   ///< the message without the name
  char *stack;     ///< the JS stack (NULL when none)
  char *filename;  ///< the script resource name of the throw site
  int line;        ///< 1-based, 0 when unknown
  int column;      ///< 1-based, 0 when unknown
} cv8_error;

typedef struct cv8_heap_stats {
  size_t total_heap_size;
  size_t used_heap_size;
  size_t heap_size_limit;
  size_t external_memory;
  size_t malloced_memory;
  size_t number_of_native_contexts;
} cv8_heap_stats;

/// The one callback every host function goes through, with the context the function belongs to
/// (two contexts made from one snapshot context each call their own bodies). `args` is an ARRAY
/// wire value. Return 0 with `result` set to a wire value, or 1 with `result` set to a UTF-8
/// error message (thrown as a JS Error), or 2 when the isolate is terminating (nothing is thrown).
typedef int (*cv8_host_callback)(void *isolate_data, cv8_context *context, uint64_t function_id,
                                 const uint8_t *args, size_t args_length, cv8_buffer *result);

/// The host's module loader, called (as a counted host callback) when a module imports another
/// or code calls `import()`: returns the module for `specifier` imported from `referrer` (a
/// file name), compiled and owned by `context`, or NULL with a UTF-8 message in `error`.
typedef cv8_module *(*cv8_module_resolver)(void *isolate_data, cv8_context *context, const char *specifier,
                                           size_t specifier_length, const char *referrer,
                                           size_t referrer_length, cv8_buffer *error);

// MARK: Engine (process-wide, initialised once, never disposed)

/// Sets the V8 flags (space separated, may be NULL) and initialises V8. Returns false, with a
/// message in *error, if V8 was already initialised.
bool cv8_engine_initialize(const char *flags, cv8_host_callback callback, cv8_module_resolver resolver,
                           char **error);
const char *cv8_engine_version(void);
uint32_t cv8_engine_cached_data_version_tag(void);
/// True when the shim can tell an empty microtask queue from a busy one (probed once at start;
/// otherwise a checkpoint drains the queues a fixed number of rounds).
bool cv8_engine_counts_microtasks(void);

void cv8_buffer_free(cv8_buffer *buffer);
void cv8_error_clear(cv8_error *error);

// MARK: Isolate

/// Creates an isolate bound to the calling thread. `stack_size` is the usable size of the calling
/// thread's stack from this call downwards; V8's stack limit leaves `stack_reserve` of it for host
/// code. `heap_limit` 0 keeps V8's default. With `snapshot` (from cv8_snapshot_builder_finish;
/// copied), contexts can start as the snapshot's (cv8_context_options.snapshot_index).
cv8_isolate *cv8_isolate_new(size_t heap_limit, size_t stack_size, size_t stack_reserve, void *isolate_data,
                             const uint8_t *snapshot, size_t snapshot_length);
void cv8_isolate_dispose(cv8_isolate *isolate);
/// Stops the running script (any thread). Does nothing when no script runs.
void cv8_isolate_terminate(cv8_isolate *isolate);
/// Stops the code running inside the shim call at `depth` (see cv8_isolate_entry_depth) and what
/// it called (any thread). The termination ends at that call: it fails with CV8_ERR_TERMINATED
/// and its caller (host code at depth - 1, or the top level) goes on. Does nothing when no call
/// that deep runs.
void cv8_isolate_terminate_at(cv8_isolate *isolate, int depth);
/// How many shim calls that run JavaScript are on the stack now (0 at the top level).
int cv8_isolate_entry_depth(const cv8_isolate *isolate);
/// How many host callbacks are on the stack now (the reentrancy counter).
int cv8_isolate_host_depth(const cv8_isolate *isolate);
void cv8_isolate_low_memory_notification(cv8_isolate *isolate);
void cv8_isolate_heap_stats(cv8_isolate *isolate, cv8_heap_stats *stats);
/// The microtask checkpoint: drains every live context's queue, in the order the contexts were
/// made, until all are empty; then V8's platform tasks.
void cv8_isolate_perform_microtasks(cv8_isolate *isolate);

// MARK: Context (a realm)

/// How a context is made.
typedef struct cv8_context_options {
  /// -1: a plain context; otherwise the snapshot's context at this index (the isolate must come
  /// from a snapshot holding it).
  int snapshot_index;
  /// The global object admits only this context's own code and contexts admitted with
  /// cv8_context_admit (an access check). A snapshot context is guarded when it was made so.
  bool guarded;
  /// `eval` and `new Function` in this context run only for its own code: code of another
  /// context that reaches this context's Function constructor gets an EvalError.
  bool own_code_generation;
} cv8_context_options;

/// Makes a context with its own security token and its own microtask queue. NULL when the
/// snapshot has no context at `snapshot_index`.
cv8_context *cv8_context_new(cv8_isolate *isolate, const cv8_context_options *options);
/// Lets `other`'s code reach `context`'s guarded global (one way: nothing changes for `other`).
void cv8_context_admit(cv8_context *context, cv8_context *other);
/// Disposes the context and every script and ref made in it (they report CV8_ERR_DISPOSED).
void cv8_context_dispose(cv8_context *context);
/// Drains this context's microtask queue only (also while another context's code is suspended
/// in a host call).
void cv8_context_perform_microtasks(cv8_context *context);
/// Stops draining this context's queue (its jobs are dropped with the context).
void cv8_context_cancel_microtasks(cv8_context *context);
/// How many checkpoints of the context's queue found work to run (a count that only grows).
uint64_t cv8_context_microtask_work(const cv8_context *context);
/// The context's global object as a ref.
cv8_ref *cv8_context_global(cv8_context *context);
cv8_status cv8_context_evaluate(cv8_context *context, const char *source, size_t source_length,
                                const char *filename, size_t filename_length, cv8_buffer *result,
                                cv8_error *error);
/// As cv8_context_evaluate, handing back the completion value itself (any value) as a ref.
cv8_status cv8_context_evaluate_reference(cv8_context *context, const char *source, size_t source_length,
                                          const char *filename, size_t filename_length, cv8_ref **result,
                                          cv8_error *error);
/// Compiles a classic script. With `cached_data`, V8 consumes it (check cv8_script_cache_rejected).
/// With `produce_cache`, a cache is produced when none was accepted (cv8_script_take_cached_data).
/// `produce_cache` inside a host callback fails with CV8_ERR_REENTRANCY and compiles nothing.
cv8_status cv8_context_compile(cv8_context *context, const char *source, size_t source_length,
                               const char *filename, size_t filename_length,
                               const uint8_t *cached_data, size_t cached_data_length,
                               bool produce_cache, cv8_script **script, cv8_error *error);
/// Like cv8_context_compile, for a shared source (no per-isolate copy of the text).
cv8_status cv8_context_compile_source(cv8_context *context, cv8_source *source,
                                      const char *filename, size_t filename_length,
                                      const uint8_t *cached_data, size_t cached_data_length,
                                      bool produce_cache, cv8_script **script, cv8_error *error);
/// Compiles `source` as the body of a function with the given parameter names (CommonJS modules:
/// exports, require, module, __filename, __dirname), without wrapping its text, so lines and
/// columns stay the file's own. The function comes back as a new ref. Cache semantics as
/// cv8_context_compile (`produced` receives a cache when one was made; `rejected` tells).
cv8_status cv8_context_compile_function(cv8_context *context, const char *source, size_t source_length,
                                        const char *filename, size_t filename_length,
                                        const char *const *parameters, size_t parameter_count,
                                        const uint8_t *cached_data, size_t cached_data_length,
                                        bool produce_cache, cv8_ref **function, cv8_buffer *produced,
                                        bool *rejected, cv8_error *error);
/// As cv8_context_compile_function, from a shared source (an external string: no copy, no
/// decoding in this isolate).
cv8_status cv8_context_compile_function_source(cv8_context *context, cv8_source *source,
                                               const char *filename, size_t filename_length,
                                               const char *const *parameters, size_t parameter_count,
                                               const uint8_t *cached_data, size_t cached_data_length,
                                               bool produce_cache, cv8_ref **function, cv8_buffer *produced,
                                               bool *rejected, cv8_error *error);
/// Defines a global function that calls the host callback with `function_id`.
cv8_status cv8_context_define_function(cv8_context *context, const char *name, size_t name_length,
                                       uint64_t function_id, cv8_error *error);
/// Defines a global native clock function (no host crossing): `f()` returns milliseconds since
/// the isolate was made (CLOCK_MONOTONIC); `f(i)` with an int32 also marks stage `i` as started
/// now, which cv8_isolate_mark reads from any thread. Its zero is cv8_isolate_clock_origin.
cv8_status cv8_context_define_clock(cv8_context *context, const char *name, size_t name_length,
                                    cv8_error *error);
/// Defines a global native function that drains the calling context's microtask queue (from
/// inside JavaScript, as Node's runMicrotasks does).
cv8_status cv8_context_define_microtask_checkpoint(cv8_context *context, const char *name, size_t name_length,
                                                   cv8_error *error);
/// Defines a global function `name` that detaches the ArrayBuffer it is given (a transfer's last step).
cv8_status cv8_context_define_array_buffer_detach(cv8_context *context, const char *name, size_t name_length,
                                                  cv8_error *error);
/// The isolate's latest mark: the stage index (-1 when cleared) and when it started.
void cv8_isolate_mark(cv8_isolate *isolate, int32_t *index, int64_t *ns);
void cv8_isolate_clear_mark(cv8_isolate *isolate);
/// The zero of the isolate's native clocks (as cv8_monotonic_ns).
int64_t cv8_isolate_clock_origin(const cv8_isolate *isolate);
/// CLOCK_MONOTONIC in nanoseconds (the marks' clock).
int64_t cv8_monotonic_ns(void);
/// In a context made from a snapshot context: the value that context kept (once per context).
cv8_status cv8_context_snapshot_value(cv8_context *context, cv8_buffer *result, cv8_error *error);
/// Sets a global property to a wire value.
cv8_status cv8_context_set_global(cv8_context *context, const char *name, size_t name_length,
                                  const uint8_t *value, size_t value_length, cv8_error *error);
/// Calls a function with `args` (an ARRAY wire value) and `this` undefined.
cv8_status cv8_context_call(cv8_context *context, cv8_ref *function, const uint8_t *args,
                            size_t args_length, cv8_buffer *result, cv8_error *error);

// MARK: Startup snapshots

/// Starts a startup snapshot (a V8 blob holding several contexts). Use on one thread; V8 runs the
/// scripts on it.
cv8_snapshot_builder *cv8_snapshot_builder_new(void);
/// Starts the builder's next context (index 0, 1, ... in order). `guarded`: its global has the
/// access check of cv8_context_options.guarded.
cv8_status cv8_snapshot_builder_begin_context(cv8_snapshot_builder *builder, bool guarded, cv8_error *error);
/// In the context begun last: a host function `name` calling the host callback with `id`.
cv8_status cv8_snapshot_builder_define_function(cv8_snapshot_builder *builder, const char *name, uint64_t id,
                                                cv8_error *error);
/// In the context begun last: a native clock (as cv8_context_define_clock).
cv8_status cv8_snapshot_builder_define_clock(cv8_snapshot_builder *builder, const char *name, cv8_error *error);
/// In the context begun last: a microtask checkpoint (as cv8_context_define_microtask_checkpoint).
cv8_status cv8_snapshot_builder_define_microtask_checkpoint(cv8_snapshot_builder *builder, const char *name,
                                                            cv8_error *error);
cv8_status cv8_snapshot_builder_define_array_buffer_detach(cv8_snapshot_builder *builder, const char *name,
                                                           cv8_error *error);
/// Runs a script in the context begun last (eagerly compiled: the snapshot keeps its bytecode).
/// It must not call host functions. The last script's value is the context's kept value.
cv8_status cv8_snapshot_builder_run(cv8_snapshot_builder *builder, const char *source, size_t source_length,
                                    const char *filename, cv8_error *error);
/// Makes the blob and frees the builder. The blob is only valid for this libnode, this shim and
/// these V8 flags.
cv8_status cv8_snapshot_builder_finish(cv8_snapshot_builder *builder, cv8_buffer *blob, cv8_error *error);
/// Frees a builder that will not be finished.
void cv8_snapshot_builder_free(cv8_snapshot_builder *builder);

// MARK: ES modules (owned by their context, freed with it)

/// Compiles an ES module named `filename`. Cache semantics as cv8_context_compile_function.
cv8_status cv8_context_compile_module(cv8_context *context, const char *source, size_t source_length,
                                      const char *filename, size_t filename_length,
                                      const uint8_t *cached_data, size_t cached_data_length,
                                      bool produce_cache, cv8_module **module, cv8_buffer *produced,
                                      bool *rejected, cv8_error *error);
/// A module whose named exports are the own enumerable string keys of `object` (a value
/// exported by CommonJS or a built-in) and whose `default` export is the object itself. When
/// `object` is a function, it is called (with no arguments) for the value.
cv8_status cv8_context_synthetic_module(cv8_context *context, const char *name, size_t name_length,
                                        cv8_ref *object, cv8_module **module, cv8_error *error);
/// Links the module's imports (through the resolver) and runs it; `result` gets the promise of
/// its evaluation (top-level await).
cv8_status cv8_module_evaluate(cv8_module *module, cv8_buffer *result, cv8_error *error);
/// The module's namespace object.
cv8_status cv8_module_namespace(cv8_module *module, cv8_buffer *result, cv8_error *error);
/// The module's namespace object by reference (the object itself, for handing back to JavaScript).
cv8_status cv8_module_namespace_ref(cv8_module *module, cv8_ref **out, cv8_error *error);
/// The specifiers the module imports statically, in source order, as an ARRAY wire value of
/// strings (empty for a synthetic module).
cv8_status cv8_module_requests(cv8_module *module, cv8_buffer *result, cv8_error *error);
/// Whether the module has been evaluated (its top level ran, or threw); false once its context is gone.
bool cv8_module_has_run(cv8_module *module);
/// Makes `import()` in `context` call `handler` (a function of the context; NULL to go back to the
/// resolver) with the specifier and the importing script's name, and give what it returns (a
/// promise; another value fulfils one, a throw rejects one): a host that fetches modules
/// asynchronously settles the promise later. Released with the context.
cv8_status cv8_context_set_import_handler(cv8_context *context, cv8_ref *handler, cv8_error *error);

// MARK: Refs (any JavaScript value held in V8)

typedef enum cv8_promise_state {
  CV8_PROMISE_PENDING = 0,
  CV8_PROMISE_FULFILLED = 1,
  CV8_PROMISE_REJECTED = 2,
} cv8_promise_state;

/// The promise's state; when settled, `result` holds the value (fulfilled) or `error` the reason.
cv8_status cv8_ref_promise_state(cv8_ref *promise, cv8_promise_state *state, cv8_buffer *result,
                                 cv8_error *error);
/// The value as a wire value (objects copied, as any result).
cv8_status cv8_ref_value(cv8_ref *ref, cv8_buffer *result, cv8_error *error);
void cv8_ref_free(cv8_ref *ref);
/// Produces a code cache for a function compiled by cv8_context_compile_function; after it has
/// run, the cache includes the inner functions compiled lazily. Refused inside a host callback.
cv8_status cv8_ref_create_function_cache(cv8_ref *function, cv8_buffer *result, cv8_error *error);
/// Produces a code cache for a source-text module (after evaluation, with its lazily compiled
/// functions). Refused inside a host callback.
cv8_status cv8_module_create_cached_data(cv8_module *module, cv8_buffer *result, cv8_error *error);

// MARK: Sources (shared, immutable script text; any thread)

/// Converts UTF-8 once into the form V8 keeps (Latin-1 when every character fits, else UTF-16).
/// Isolates then use it as an external string: no copy, no decoding per isolate. Reference
/// counted: the caller owns one reference; V8's strings hold their own.
cv8_source *cv8_source_new(const char *utf8, size_t length);
void cv8_source_release(cv8_source *source);
/// Bytes held for the text (1 or 2 per character).
size_t cv8_source_size(const cv8_source *source);
/// Whether the UTF-8 the source was made from had no invalid sequence (none became U+FFFD).
bool cv8_source_valid_utf8(const cv8_source *source);

// MARK: Script

cv8_status cv8_script_run(cv8_script *script, cv8_buffer *result, cv8_error *error);
/// Produces a code cache now (after running, it includes the lazily compiled functions).
/// Refused inside a host callback (CV8_ERR_REENTRANCY).
cv8_status cv8_script_create_cached_data(cv8_script *script, cv8_buffer *result, cv8_error *error);
bool cv8_script_cache_rejected(const cv8_script *script);
/// Moves the cache produced at compile time (if any) into `result`; false when there is none.
bool cv8_script_take_cached_data(cv8_script *script, cv8_buffer *result);
/// Releases the script's V8 handle; idempotent. The struct stays valid until cv8_script_free.
void cv8_script_dispose(cv8_script *script);
void cv8_script_free(cv8_script *script);
/// Number of live (undisposed) scripts in a context, for leak tests.
size_t cv8_context_live_scripts(const cv8_context *context);

#ifdef __cplusplus
}
#endif

#endif
