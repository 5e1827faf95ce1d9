// The shim's internal header: the structs behind cv8.h's handles and what its translation units
// share. Included by the .cc files only; V8's headers never reach Swift.
//
// Units: engine.cc (engine, isolates, entering JavaScript), realm.cc (contexts, security tokens,
// access checks, code generation, microtask queues, host functions, calls), wire.cc (the value
// wire format), compile.cc (compilation, code caches, scripts, refs), modules.cc (ES modules),
// snapshot.cc (startup snapshots), transcoder.cc (shared sources), clock.cc (native clocks),
// rejections.cc (promise rejection tracking).
#ifndef CV8_INTERNAL_H
#define CV8_INTERNAL_H

#include "cv8.h"
#include "cv8_rejections.h"

#include <libplatform/libplatform.h>
#include <v8.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

struct cv8_isolate {
  v8::Isolate *isolate = nullptr;
  v8::ArrayBuffer::Allocator *allocator = nullptr;
  void *data = nullptr;
  size_t heap_limit = 0;
  int host_depth = 0;
  // Shim calls that run JavaScript on the stack; written on the isolate's thread, read by
  // terminate from others (under terminate_mutex).
  std::atomic<int> entry_depth{0};
  unsigned top_level_calls = 0;
  bool heap_limit_hit = false;
  std::mutex terminate_mutex;  // guards terminate_requested / terminate_depth against other threads
  bool terminate_requested = false;
  // The entry depth a termination ends at (1: the top level).
  int terminate_depth = 0;
  // Live contexts in the order they were made (the microtask checkpoint's order).
  std::vector<cv8_context *> contexts;
  // The latest mark made through a native clock: which stage started and when (CLOCK_MONOTONIC
  // ns). Read by the watchdog's thread, hence atomic.
  std::atomic<int32_t> mark_index{-1};
  std::atomic<int64_t> mark_ns{0};
  int64_t clock_origin_ns = 0;
  // The startup snapshot the isolate was made from (V8 reads contexts from it later).
  std::string snapshot;
  v8::StartupData snapshot_data{nullptr, 0};
};

struct cv8_context {
  cv8_isolate *iso;
  v8::Global<v8::Context> context;
  std::unique_ptr<v8::MicrotaskQueue> queue;
  std::set<cv8_script *> scripts;
  std::set<cv8_ref *> refs;
  std::vector<cv8_module *> modules;
  // Contexts whose code may reach this context's guarded global.
  std::set<cv8_context *> admitted;
  bool own_code_generation = false;
  bool microtasks_cancelled = false;
  /// Checkpoints of this context's queue that had work (every checkpoint when queue sizes cannot be read).
  uint64_t microtask_work = 0;
  // When set, `import()` in this context calls it with (specifier, referrer name) and returns
  // what it returns (a promise) instead of resolving synchronously through the resolver.
  v8::Global<v8::Function> import_handler;
  // Promise rejection tracking (rejections.cc): the host's callback (NULL: not tracked), the mark
  // this context leaves on the promises it was told about, and whether an event came since the
  // last microtask checkpoint ended.
  cv8_promise_rejection_callback rejection_callback = nullptr;
  double rejection_mark = 0;
  bool rejections_pending = false;
};

struct cv8_module {
  cv8_context *ctx;
  v8::Global<v8::Module> module;
  std::string name;
  v8::Global<v8::Object> exports;  // synthetic modules: the object whose keys are exported
  std::vector<std::string> export_names;
  int hash;
};

struct cv8_script {
  cv8_context *ctx;  // null once the script or its context is disposed
  v8::Global<v8::UnboundScript> script;
  bool disposed = false;
  bool context_disposed = false;
  bool rejected = false;
  std::string produced;
  bool has_produced = false;
};

struct cv8_ref {
  cv8_context *ctx;  // null once the context is disposed
  v8::Global<v8::Value> value;
};

struct cv8_source {
  std::atomic<int> references{1};
  bool one_byte = true;
  bool valid_utf8 = true;  // no invalid sequence was replaced by U+FFFD
  std::string latin1;    // when one_byte
  std::u16string utf16;  // otherwise
};

namespace cv8 {

constexpr int kMaxDepth = 1000;
constexpr int kContextSlot = 1;

extern v8::Platform *g_platform;
extern cv8_host_callback g_host_callback;
extern cv8_module_resolver g_module_resolver;

// MARK: engine.cc

char *Dup(const char *data, size_t length);
char *Dup(const std::string &s);
void SetError(cv8_error *error, cv8_status status, const std::string &message);
void TakeBuffer(std::string &bytes, cv8_buffer *out);
std::string ToUtf8(v8::Isolate *isolate, v8::Local<v8::Value> value);
v8::MaybeLocal<v8::String> NewString(v8::Isolate *isolate, const char *data, size_t length);
cv8_status ContextGone(cv8_error *error);

/// Any shim call that may run JavaScript. The outermost one runs the microtask checkpoint and
/// platform tasks when it ends and clears a termination or heap-limit stop so the isolate keeps
/// working; a termination aimed at a deeper call (cv8_isolate_terminate_at) ends there.
class Entry {
 public:
  explicit Entry(cv8_isolate *iso);
  ~Entry();

 private:
  cv8_isolate *iso_;
  int depth_;
};

/// The reentrancy counter: up on every entry from V8 into host code, down on every exit.
class HostEntry {
 public:
  explicit HostEntry(cv8_isolate *iso) : iso_(iso) { ++iso_->host_depth; }
  ~HostEntry() { --iso_->host_depth; }

 private:
  cv8_isolate *iso_;
};

struct Scopes {
  explicit Scopes(cv8_context *c)
      : isolate_scope(c->iso->isolate),
        handle_scope(c->iso->isolate),
        context(c->context.Get(c->iso->isolate)),
        context_scope(context) {}
  v8::Isolate::Scope isolate_scope;
  v8::HandleScope handle_scope;
  v8::Local<v8::Context> context;
  v8::Context::Scope context_scope;
};

bool IsStopping(cv8_isolate *iso);
/// Turns what a TryCatch caught into a cv8_error: a stop, or an exception with its location.
void FillException(cv8_isolate *iso, v8::Local<v8::Context> ctx, v8::TryCatch &caught, cv8_status status,
                   cv8_error *error);
/// Reads a property as a string, swallowing what a getter throws.
std::string PropertyString(v8::Isolate *isolate, v8::Local<v8::Context> ctx, v8::Local<v8::Object> object,
                           const char *key);

/// Every native function a context may hold, for startup snapshots (V8 stores an index into
/// this list instead of the address).
const intptr_t *ExternalReferences();

// MARK: realm.cc

/// The shim's context behind a V8 context (null when disposed, or for a context the shim did not
/// make, such as the one a startup snapshot is made in).
cv8_context *ContextOf(v8::Local<v8::Context> context);
void Trampoline(const v8::FunctionCallbackInfo<v8::Value> &info);
bool AccessCheck(v8::Local<v8::Context> accessing, v8::Local<v8::Object> accessed, v8::Local<v8::Value> data);
v8::ModifyCodeGenerationFromStringsResult CodeGeneration(v8::Local<v8::Context> context, v8::Local<v8::Value> source,
                                                         bool is_code_like);
/// The global template of a guarded context (its access check).
v8::Local<v8::ObjectTemplate> GuardedGlobal(v8::Isolate *isolate);
/// Sets global `name` of `context` to a native function calling `callback` (with `data`, a
/// number or nothing, so a startup snapshot can hold it); false when V8 refused.
bool SetGlobalFunction(v8::Local<v8::Context> context, v8::Local<v8::String> name, v8::FunctionCallback callback,
                       v8::Local<v8::Value> data = v8::Local<v8::Value>());
/// Drains every live context's microtask queue in creation order until all are empty.
void DrainMicrotasks(cv8_isolate *iso);
/// Probes once whether queue sizes can be read (see cv8_engine_counts_microtasks).
void ProbeMicrotaskQueues(v8::Isolate *isolate);
void NativeMicrotasks(const v8::FunctionCallbackInfo<v8::Value> &info);
/// `detach(buffer)`: detaches an ArrayBuffer, as a transfer does (ECMA-262 DetachArrayBuffer).
void NativeDetachArrayBuffer(const v8::FunctionCallbackInfo<v8::Value> &info);

// MARK: rejections.cc

/// After a microtask checkpoint: tells each tracking context (only `only`, when given) that had
/// rejection events since its last checkpoint ended; true when any was told.
bool NotifyRejectionTrackers(cv8_isolate *iso, cv8_context *only = nullptr);
/// One context's microtask checkpoint, then its rejection tracker's note that it ended (and
/// another round for what that queued).
void PerformContextCheckpoint(cv8_context *c);

// MARK: clock.cc

int64_t MonotonicNs();
void NativeClock(const v8::FunctionCallbackInfo<v8::Value> &info);

// MARK: wire.cc

void PutU32(std::string &out, uint32_t v);

class Encoder {
 public:
  Encoder(cv8_context *c, v8::Local<v8::Context> ctx) : c_(c), isolate_(c->iso->isolate), ctx_(ctx) {}

  std::string bytes;
  std::string problem;  // set when a value cannot cross (cycle, depth)
  bool threw = false;   // a getter threw; the exception is pending in the caller's TryCatch

  bool Encode(v8::Local<v8::Value> value, int depth = 0);

 private:
  bool Fail(const std::string &why);
  void PutString(v8::Local<v8::String> s);
  bool EncodeObject(v8::Local<v8::Object> object, int depth);
  bool EncodeArray(v8::Local<v8::Array> array, int depth);
  bool EncodeProperties(v8::Local<v8::Object> object, int depth);
  bool Threw();
  void PutRef(char tag, v8::Local<v8::Value> value);

  cv8_context *c_;
  v8::Isolate *isolate_;
  v8::Local<v8::Context> ctx_;
  std::vector<v8::Local<v8::Object>> ancestors_;
};

class Decoder {
 public:
  Decoder(cv8_isolate *iso, v8::Local<v8::Context> ctx, const uint8_t *data, size_t length)
      : isolate_(iso->isolate), ctx_(ctx), p_(data), end_(data + length) {}

  bool Decode(v8::Local<v8::Value> *out, int depth = 0);
  /// An ARRAY value's elements, as call arguments.
  bool DecodeList(std::vector<v8::Local<v8::Value>> *out);
  bool AtEnd() const { return p_ == end_; }

 private:
  bool DecodeElements(uint32_t count, std::vector<v8::Local<v8::Value>> *out, int depth);
  bool ReadU32(uint32_t *v);
  bool ReadU64(uint64_t *v);
  bool ReadF64(double *v);
  bool ReadBytes(const uint8_t **data, uint32_t *length);
  bool ReadString(v8::Local<v8::String> *out);

  v8::Isolate *isolate_;
  v8::Local<v8::Context> ctx_;
  const uint8_t *p_;
  const uint8_t *end_;
};

/// Encodes a result; on failure fills `error` (conversion problem, or a getter that threw).
cv8_status EncodeResult(cv8_context *c, v8::Local<v8::Context> ctx, v8::TryCatch &caught, v8::Local<v8::Value> value,
                        cv8_buffer *result, cv8_error *error);
/// A new ref to `value`, owned by the caller and released with its context.
cv8_ref *NewRef(cv8_context *c, v8::Local<v8::Value> value);

// MARK: compile.cc

/// The reentrancy rule: producing a code cache inside a host callback is refused.
cv8_status RefuseInsideCallback(cv8_isolate *iso, cv8_error *error);
/// Copies a code cache V8 made into `out` (when there is one).
void TakeCache(v8::ScriptCompiler::CachedData *made, std::string *out, bool *has);
/// Hands a cache V8 produced to the caller as a buffer; no cache is an error.
cv8_status ReturnCache(v8::ScriptCompiler::CachedData *made, cv8_buffer *result, cv8_error *error);

/// What every compile shares: the reentrancy rule, the scopes, the source string and its origin,
/// the supplied cache. `compile` gets the prepared source and returns CV8_OK or fills `error`.
template <typename MakeSource, typename CompileBody>
cv8_status Compiling(cv8_context *c, MakeSource make_source, const char *filename, size_t filename_length,
                     const uint8_t *cached_data, size_t cached_data_length, bool produce_cache, bool is_module,
                     cv8_error *error, CompileBody compile) {
  using namespace v8;
  cv8_isolate *iso = c->iso;
  if (produce_cache) {
    if (cv8_status status = RefuseInsideCallback(iso, error)) return status;
  }
  Isolate *isolate = iso->isolate;
  Scopes scopes(c);
  Entry entry(iso);
  TryCatch caught(isolate);
  Local<String> source_string, name;
  if (!make_source(isolate).ToLocal(&source_string) || !NewString(isolate, filename, filename_length).ToLocal(&name)) {
    SetError(error, CV8_ERR_INVALID, "the source is too large for a V8 string");
    return CV8_ERR_INVALID;
  }
  ScriptOrigin origin(isolate, name, 0, 0, false, -1, Local<Value>(), false, false, is_module);
  ScriptCompiler::CachedData *supplied = nullptr;
  if (cached_data && cached_data_length)
    supplied = new ScriptCompiler::CachedData(cached_data, static_cast<int>(cached_data_length),
                                              ScriptCompiler::CachedData::BufferNotOwned);
  ScriptCompiler::Source compiler_source(source_string, origin, supplied);  // owns `supplied`
  ScriptCompiler::CompileOptions options = supplied ? ScriptCompiler::kConsumeCodeCache : ScriptCompiler::kNoCompileOptions;
  cv8_status status = compile(scopes.context, compiler_source, options);
  if (status != CV8_OK) {
    if (caught.HasCaught() || caught.HasTerminated()) FillException(iso, scopes.context, caught, CV8_ERR_SYNTAX, error);
    return error ? error->status : status;
  }
  return CV8_OK;
}

/// A V8 string for a shared source (external: no copy).
v8::MaybeLocal<v8::String> ExternalString(v8::Isolate *isolate, cv8_source *source);

// MARK: modules.cc

v8::MaybeLocal<v8::Promise> ImportDynamically(v8::Local<v8::Context> context, v8::Local<v8::Data>,
                                              v8::Local<v8::Value> resource_name, v8::Local<v8::String> specifier,
                                              v8::Local<v8::FixedArray>);
void InitializeImportMeta(v8::Local<v8::Context> context, v8::Local<v8::Module> module, v8::Local<v8::Object> meta);
/// Frees a context's modules (when it is disposed).
void DisposeModules(cv8_context *c);

}  // namespace cv8

#endif
