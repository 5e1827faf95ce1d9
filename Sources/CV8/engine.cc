// The engine and its isolates: V8 initialised once per process, isolates pinned to a thread,
// and `Entry`, through which every shim call that runs JavaScript goes (termination, heap limit,
// the microtask checkpoint).

#include "internal.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

using namespace v8;

namespace cv8 {

namespace {
std::mutex g_engine_mutex;
bool g_initialized = false;
}  // namespace

// Never destroyed: the engine lives as long as the process, and a platform torn down by exit()
// while an isolate thread is still disposing its isolate crashes.
Platform *g_platform = nullptr;
cv8_host_callback g_host_callback = nullptr;
cv8_module_resolver g_module_resolver = nullptr;

char *Dup(const char *data, size_t length) {
  char *copy = static_cast<char *>(malloc(length + 1));
  memcpy(copy, data, length);
  copy[length] = 0;
  return copy;
}

char *Dup(const std::string &s) { return Dup(s.data(), s.size()); }

void SetError(cv8_error *error, cv8_status status, const std::string &message) {
  if (!error) return;
  error->status = status;
  error->message = Dup(message);
}

void TakeBuffer(std::string &bytes, cv8_buffer *out) {
  out->length = bytes.size();
  out->data = static_cast<uint8_t *>(malloc(bytes.size() ? bytes.size() : 1));
  memcpy(out->data, bytes.data(), bytes.size());
}

std::string ToUtf8(Isolate *isolate, Local<Value> value) {
  if (value.IsEmpty()) return std::string();
  String::Utf8Value utf8(isolate, value);
  return *utf8 ? std::string(*utf8, utf8.length()) : std::string();
}

MaybeLocal<String> NewString(Isolate *isolate, const char *data, size_t length) {
  return String::NewFromUtf8(isolate, data, NewStringType::kNormal, static_cast<int>(length));
}

cv8_status ContextGone(cv8_error *error) {
  SetError(error, CV8_ERR_DISPOSED, "context disposed");
  return CV8_ERR_DISPOSED;
}

const intptr_t *ExternalReferences() {
  static const intptr_t references[] = {reinterpret_cast<intptr_t>(Trampoline), reinterpret_cast<intptr_t>(NativeClock),
                                        reinterpret_cast<intptr_t>(NativeMicrotasks),
                                        reinterpret_cast<intptr_t>(NativeDetachArrayBuffer),
                                        reinterpret_cast<intptr_t>(AccessCheck), 0};
  return references;
}

// MARK: Entering JavaScript

namespace {

size_t NearHeapLimit(void *data, size_t current_limit, size_t /*initial_limit*/) {
  auto *iso = static_cast<cv8_isolate *>(data);
  iso->heap_limit_hit = true;
  iso->isolate->TerminateExecution();
  // Room for the termination to unwind; the limit is restored when the isolate is idle again.
  return current_limit + std::max<size_t>(current_limit / 2, 32u << 20);
}

void ResetAfterStop(cv8_isolate *iso) {
  iso->isolate->CancelTerminateExecution();
  iso->terminate_requested = false;
  iso->terminate_depth = 0;
  if (iso->heap_limit_hit) {
    iso->heap_limit_hit = false;
    iso->isolate->RemoveNearHeapLimitCallback(NearHeapLimit, iso->heap_limit);
    iso->isolate->AddNearHeapLimitCallback(NearHeapLimit, iso);
    iso->isolate->LowMemoryNotification();
  }
}

}  // namespace

Entry::Entry(cv8_isolate *iso) : iso_(iso) {
  std::lock_guard<std::mutex> lock(iso_->terminate_mutex);
  depth_ = ++iso_->entry_depth;
  if (depth_ == 1 && (iso_->heap_limit_hit || iso_->terminate_requested)) ResetAfterStop(iso_);
}

Entry::~Entry() {
  Isolate *isolate = iso_->isolate;
  if (depth_ > 1) {
    std::lock_guard<std::mutex> lock(iso_->terminate_mutex);
    // A termination aimed at this call ends here: its caller goes on.
    if (iso_->terminate_requested && iso_->terminate_depth == depth_ && !iso_->heap_limit_hit) {
      isolate->CancelTerminateExecution();
      iso_->terminate_requested = false;
      iso_->terminate_depth = 0;
    }
    --iso_->entry_depth;
    return;
  }
  // Still counted as running while microtasks run, so terminate reaches them too.
  if (!isolate->IsExecutionTerminating()) {
    DrainMicrotasks(iso_);
    // The checkpoint's end for rejection trackers; what they queue runs in another round.
    for (int round = 0; round < 100 && NotifyRejectionTrackers(iso_) && !isolate->IsExecutionTerminating(); round++)
      DrainMicrotasks(iso_);
    // Platform tasks (GC finalisation and the like) can wait a few calls: pumping takes the
    // platform's lock, which costs more than most calls.
    if ((++iso_->top_level_calls & 15) == 0) {
      while (platform::PumpMessageLoop(g_platform, isolate)) {
      }
    }
  }
  std::lock_guard<std::mutex> lock(iso_->terminate_mutex);
  --iso_->entry_depth;
  if (iso_->terminate_requested || iso_->heap_limit_hit || isolate->IsExecutionTerminating()) ResetAfterStop(iso_);
}

bool IsStopping(cv8_isolate *iso) { return iso->isolate->IsExecutionTerminating() || iso->heap_limit_hit; }

namespace {
void FillStop(cv8_isolate *iso, cv8_error *error) {
  if (iso->heap_limit_hit)
    SetError(error, CV8_ERR_HEAP_LIMIT,
             "the script was stopped at the isolate's heap limit (" + std::to_string(iso->heap_limit >> 20) + " MiB)");
  else
    SetError(error, CV8_ERR_TERMINATED, "the script was terminated");
}
}  // namespace

std::string PropertyString(Isolate *isolate, Local<Context> ctx, Local<Object> object, const char *key) {
  TryCatch inner(isolate);
  Local<Value> value;
  if (!object->Get(ctx, String::NewFromUtf8(isolate, key).ToLocalChecked()).ToLocal(&value) || value->IsUndefined())
    return std::string();
  return ToUtf8(isolate, value);
}

void FillException(cv8_isolate *iso, Local<Context> ctx, TryCatch &caught, cv8_status status, cv8_error *error) {
  if (!error) return;
  Isolate *isolate = iso->isolate;
  if (caught.HasTerminated() || IsStopping(iso)) {
    FillStop(iso, error);
    return;
  }
  error->status = status;
  Local<Value> exception = caught.Exception();
  if (!exception.IsEmpty() && exception->IsNativeError()) {
    Local<Object> object = exception.As<Object>();
    error->name = Dup(PropertyString(isolate, ctx, object, "name"));
    error->message = Dup(PropertyString(isolate, ctx, object, "message"));
    std::string stack = PropertyString(isolate, ctx, object, "stack");
    if (!stack.empty()) error->stack = Dup(stack);
  } else {
    TryCatch inner(isolate);
    error->message = Dup(ToUtf8(isolate, exception));
  }
  Local<Message> message = caught.Message();
  if (!message.IsEmpty()) {
    std::string file = ToUtf8(isolate, message->GetScriptResourceName());
    error->filename = Dup(file);
    error->line = message->GetLineNumber(ctx).FromMaybe(0);
    error->column = message->GetStartColumn(ctx).FromMaybe(-1) + 1;
  }
}

}  // namespace cv8

using namespace cv8;

// MARK: Engine

extern "C" bool cv8_engine_initialize(const char *flags, cv8_host_callback callback, cv8_module_resolver resolver,
                                      char **error) {
  std::lock_guard<std::mutex> lock(g_engine_mutex);
  if (g_initialized) {
    if (error) *error = Dup(std::string("V8 is already initialised in this process"));
    return false;
  }
  if (flags && *flags) V8::SetFlagsFromString(flags);
  g_platform = platform::NewDefaultPlatform().release();
  V8::InitializePlatform(g_platform);
  V8::Initialize();
  g_host_callback = callback;
  g_module_resolver = resolver;
  g_initialized = true;
  return true;
}

extern "C" const char *cv8_engine_version(void) { return V8::GetVersion(); }

extern "C" uint32_t cv8_engine_cached_data_version_tag(void) { return ScriptCompiler::CachedDataVersionTag(); }

extern "C" void cv8_buffer_free(cv8_buffer *buffer) {
  if (!buffer) return;
  free(buffer->data);
  buffer->data = nullptr;
  buffer->length = 0;
}

extern "C" void cv8_error_clear(cv8_error *error) {
  if (!error) return;
  free(error->name);
  free(error->message);
  free(error->stack);
  free(error->filename);
  *error = cv8_error{};
}

// MARK: Isolate

extern "C" cv8_isolate *cv8_isolate_new(size_t heap_limit, size_t stack_size, size_t stack_reserve, void *isolate_data,
                                        const uint8_t *snapshot, size_t snapshot_length) {
  auto *iso = new cv8_isolate();
  iso->data = isolate_data;
  iso->clock_origin_ns = MonotonicNs();
  iso->allocator = ArrayBuffer::Allocator::NewDefaultAllocator();
  Isolate::CreateParams params;
  params.array_buffer_allocator = iso->allocator;
  if (snapshot && snapshot_length) {
    iso->snapshot.assign(reinterpret_cast<const char *>(snapshot), snapshot_length);
    iso->snapshot_data = StartupData{iso->snapshot.data(), static_cast<int>(snapshot_length)};
    params.snapshot_blob = &iso->snapshot_data;
    params.external_references = ExternalReferences();
  }
  if (heap_limit) params.constraints.ConfigureDefaultsFromHeapSize(0, heap_limit);
  iso->isolate = Isolate::New(params);
  iso->heap_limit = heap_limit ? heap_limit : [&] {
    HeapStatistics stats;
    iso->isolate->GetHeapStatistics(&stats);
    return stats.heap_size_limit();
  }();
  iso->isolate->SetMicrotasksPolicy(MicrotasksPolicy::kExplicit);
  iso->isolate->SetHostImportModuleDynamicallyCallback(ImportDynamically);
  iso->isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
  iso->isolate->SetModifyCodeGenerationFromStringsCallback(CodeGeneration);
  iso->isolate->AddNearHeapLimitCallback(NearHeapLimit, iso);
  ProbeMicrotaskQueues(iso->isolate);
  if (stack_size > stack_reserve) {
    auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    iso->isolate->SetStackLimit(here - (stack_size - stack_reserve));
  }
  return iso;
}

extern "C" void cv8_isolate_dispose(cv8_isolate *iso) {
  if (!iso) return;
  while (!iso->contexts.empty()) cv8_context_dispose(iso->contexts.back());
  iso->isolate->Dispose();
  delete iso->allocator;
  delete iso;
}

extern "C" void cv8_isolate_terminate(cv8_isolate *iso) { cv8_isolate_terminate_at(iso, 1); }

extern "C" void cv8_isolate_terminate_at(cv8_isolate *iso, int depth) {
  std::lock_guard<std::mutex> lock(iso->terminate_mutex);
  if (depth < 1 || iso->entry_depth < depth) return;
  // An earlier request aimed further out wins (it stops more).
  if (iso->terminate_requested && iso->terminate_depth <= depth) return;
  iso->terminate_requested = true;
  iso->terminate_depth = depth;
  iso->isolate->TerminateExecution();
}

extern "C" int cv8_isolate_entry_depth(const cv8_isolate *iso) { return iso->entry_depth; }

extern "C" int cv8_isolate_host_depth(const cv8_isolate *iso) { return iso->host_depth; }

extern "C" void cv8_isolate_low_memory_notification(cv8_isolate *iso) {
  Isolate::Scope scope(iso->isolate);
  iso->isolate->LowMemoryNotification();
}

extern "C" void cv8_isolate_heap_stats(cv8_isolate *iso, cv8_heap_stats *out) {
  Isolate::Scope scope(iso->isolate);
  HeapStatistics stats;
  iso->isolate->GetHeapStatistics(&stats);
  out->total_heap_size = stats.total_heap_size();
  out->used_heap_size = stats.used_heap_size();
  out->heap_size_limit = stats.heap_size_limit();
  out->external_memory = stats.external_memory();
  out->malloced_memory = stats.malloced_memory();
  out->number_of_native_contexts = stats.number_of_native_contexts();
}

extern "C" void cv8_isolate_perform_microtasks(cv8_isolate *iso) {
  Isolate::Scope scope(iso->isolate);
  HandleScope handles(iso->isolate);
  Entry entry(iso);
}
