// Contexts (realms): each with its own security token and microtask queue; a guarded global
// admits named contexts only (one-way access); code generation from strings refused when another
// context's code asks; host functions that call back with the context they belong to.

#include "internal.h"

#include <algorithm>
#include <cstring>

using namespace v8;

namespace cv8 {

cv8_context *ContextOf(Local<Context> context) {
  if (context->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kContextSlot)) return nullptr;
  return static_cast<cv8_context *>(context->GetAlignedPointerFromEmbedderData(kContextSlot));
}

bool AccessCheck(Local<Context> accessing, Local<Object> accessed, Local<Value>) {
  // V8 may pass a function's context as `accessing`; the running code's realm is the current
  // (native) context.
  Isolate *isolate = accessing->GetIsolate();
  cv8_context *from = ContextOf(isolate->GetCurrentContext());
  if (!from) return false;
  // The accessed global (its proxy, or the global object behind it) names its context.
  for (cv8_context *to : from->iso->contexts) {
    Local<Object> global = to->context.Get(isolate)->Global();
    if (global == accessed || global->GetPrototype() == accessed) return from == to || to->admitted.count(from) > 0;
  }
  return false;
}

ModifyCodeGenerationFromStringsResult CodeGeneration(Local<Context> context, Local<Value> source, bool) {
  // Called only for contexts that refuse code generation by default (own_code_generation): the
  // code asking (the incumbent) must be the context's own.
  Isolate *isolate = context->GetIsolate();
  Local<Context> incumbent = isolate->GetIncumbentContext();
  bool allowed = !incumbent.IsEmpty() && incumbent == context;
  if (allowed && source->IsString()) return {true, source.As<String>()};
  return {false, MaybeLocal<String>()};
}

Local<ObjectTemplate> GuardedGlobal(Isolate *isolate) {
  Local<ObjectTemplate> global = ObjectTemplate::New(isolate);
  global->SetAccessCheckCallback(AccessCheck);
  return global;
}

bool SetGlobalFunction(Local<Context> context, Local<String> name, FunctionCallback callback, Local<Value> data) {
  Local<Function> function;
  if (!Function::New(context, callback, data).ToLocal(&function) ||
      context->Global()->Set(context, name, function).IsNothing())
    return false;
  function->SetName(name);
  return true;
}

// MARK: Microtask queues

namespace {

// V8 10.2 offers no public size of a MicrotaskQueue. Its implementation keeps the size in the
// first field after the vtable pointer; the probe checks that on a queue of its own (0, then 3
// after three native tasks, then 0 after a checkpoint) before anything relies on it.
std::once_flag g_probe_once;
bool g_queue_sizes = false;

intptr_t QueueSize(MicrotaskQueue *queue) {
  intptr_t size;
  memcpy(&size, reinterpret_cast<const char *>(queue) + sizeof(void *), sizeof size);
  return size;
}

void Nothing(void *) {}

}  // namespace

void ProbeMicrotaskQueues(Isolate *isolate) {
  std::call_once(g_probe_once, [isolate] {
    Isolate::Scope scope(isolate);
    std::unique_ptr<MicrotaskQueue> queue = MicrotaskQueue::New(isolate, MicrotasksPolicy::kExplicit);
    bool ok = QueueSize(queue.get()) == 0;
    for (int i = 0; i < 3; i++) queue->EnqueueMicrotask(isolate, Nothing, nullptr);
    ok = ok && QueueSize(queue.get()) == 3;
    queue->PerformCheckpoint(isolate);
    g_queue_sizes = ok && QueueSize(queue.get()) == 0;
  });
}

void DrainMicrotasks(cv8_isolate *iso) {
  Isolate *isolate = iso->isolate;
  // A job of one realm may queue work in another (an await on another realm's promise goes
  // through both): rounds in creation order until every queue is empty.
  for (int round = 0; round < 10000; round++) {
    bool ran = false;
    for (size_t i = 0; i < iso->contexts.size(); i++) {
      cv8_context *c = iso->contexts[i];
      if (!c->queue || c->microtasks_cancelled) continue;
      if (g_queue_sizes && QueueSize(c->queue.get()) == 0) continue;
      ran = true;
      c->microtask_work++;
      c->queue->PerformCheckpoint(isolate);
      if (isolate->IsExecutionTerminating()) return;
    }
    isolate->PerformMicrotaskCheckpoint();
    if (!ran || (!g_queue_sizes && round >= 3)) return;
  }
}

void NativeDetachArrayBuffer(const FunctionCallbackInfo<Value> &info) {
  Isolate *isolate = info.GetIsolate();
  if (info.Length() < 1 || !info[0]->IsArrayBuffer() || !info[0].As<ArrayBuffer>()->IsDetachable()) {
    isolate->ThrowException(Exception::TypeError(String::NewFromUtf8Literal(isolate, "not a detachable ArrayBuffer")));
    return;
  }
  info[0].As<ArrayBuffer>()->Detach();
}

void NativeMicrotasks(const FunctionCallbackInfo<Value> &info) {
  Isolate *isolate = info.GetIsolate();
  if (isolate->IsExecutionTerminating()) return;
  cv8_context *c = ContextOf(isolate->GetCurrentContext());
  if (c && c->queue && !c->microtasks_cancelled)
    PerformContextCheckpoint(c);
  else
    isolate->PerformMicrotaskCheckpoint();
}

// MARK: The host trampoline

void Trampoline(const FunctionCallbackInfo<Value> &info) {
  // The function's data is its host id (a number, so a startup snapshot can hold it); the
  // context it belongs to is the current one (V8 enters a function's own context to call it),
  // found through its embedder slot.
  Isolate *isolate = info.GetIsolate();
  Local<Context> ctx = isolate->GetCurrentContext();
  cv8_context *owner = ContextOf(ctx);
  if (!owner) {
    isolate->ThrowException(Exception::Error(String::NewFromUtf8Literal(isolate, "host function's context disposed")));
    return;
  }
  cv8_isolate *iso = owner->iso;
  uint64_t id = static_cast<uint64_t>(info.Data().As<Number>()->Value());
  HostEntry entry(iso);
  Encoder encoder(owner, ctx);
  encoder.bytes.push_back(CV8_WIRE_ARRAY);
  PutU32(encoder.bytes, static_cast<uint32_t>(info.Length()));
  for (int i = 0; i < info.Length(); i++) {
    if (!encoder.Encode(info[i])) {
      if (!encoder.threw)
        isolate->ThrowException(
            Exception::TypeError(NewString(isolate, encoder.problem.data(), encoder.problem.size()).ToLocalChecked()));
      return;
    }
  }
  cv8_buffer result{nullptr, 0};
  int rc = g_host_callback(iso->data, owner, id, reinterpret_cast<const uint8_t *>(encoder.bytes.data()),
                           encoder.bytes.size(), &result);
  if (rc == 0) {
    Decoder decoder(iso, ctx, result.data, result.length);
    Local<Value> value;
    if (decoder.Decode(&value) && decoder.AtEnd())
      info.GetReturnValue().Set(value);
    else if (!isolate->IsExecutionTerminating())
      isolate->ThrowException(Exception::TypeError(
          String::NewFromUtf8Literal(isolate, "a host function returned a value that cannot cross into JavaScript")));
  } else if (rc == 1 && !isolate->IsExecutionTerminating()) {
    Local<String> message;
    if (!NewString(isolate, reinterpret_cast<const char *>(result.data), result.length).ToLocal(&message))
      message = String::NewFromUtf8Literal(isolate, "host function failed");
    isolate->ThrowException(Exception::Error(message));
  }
  free(result.data);
}

}  // namespace cv8

using namespace cv8;

// MARK: Context

extern "C" cv8_context *cv8_context_new(cv8_isolate *iso, const cv8_context_options *options) {
  cv8_context_options defaults{-1, false, false};
  if (!options) options = &defaults;
  Isolate *isolate = iso->isolate;
  Isolate::Scope scope(isolate);
  HandleScope handles(isolate);
  std::unique_ptr<MicrotaskQueue> queue = MicrotaskQueue::New(isolate, MicrotasksPolicy::kExplicit);
  Local<Context> context;
  if (options->snapshot_index >= 0) {
    if (iso->snapshot.empty() ||
        !Context::FromSnapshot(isolate, static_cast<size_t>(options->snapshot_index), DeserializeInternalFieldsCallback(),
                               nullptr, MaybeLocal<Value>(), queue.get())
             .ToLocal(&context))
      return nullptr;
  } else {
    Local<ObjectTemplate> global = options->guarded ? GuardedGlobal(isolate) : Local<ObjectTemplate>();
    context = Context::New(isolate, nullptr, global, MaybeLocal<Value>(), DeserializeInternalFieldsCallback(), queue.get());
  }
  // A token of its own: another context's code reaches this global only through the access check.
  {
    Context::Scope context_scope(context);
    context->SetSecurityToken(Object::New(isolate));
  }
  if (options->own_code_generation) context->AllowCodeGenerationFromStrings(false);
  auto *c = new cv8_context();
  c->iso = iso;
  c->context.Reset(isolate, context);
  c->queue = std::move(queue);
  c->own_code_generation = options->own_code_generation;
  context->SetAlignedPointerInEmbedderData(kContextSlot, c);
  iso->contexts.push_back(c);
  return c;
}

extern "C" void cv8_context_admit(cv8_context *c, cv8_context *other) { c->admitted.insert(other); }

extern "C" void cv8_context_dispose(cv8_context *c) {
  if (!c) return;
  cv8_isolate *iso = c->iso;
  Isolate::Scope scope(iso->isolate);
  for (cv8_script *script : c->scripts) {
    script->script.Reset();
    script->ctx = nullptr;
    script->disposed = true;
    script->context_disposed = true;
  }
  for (cv8_ref *ref : c->refs) {
    ref->value.Reset();
    ref->ctx = nullptr;
  }
  DisposeModules(c);
  {
    HandleScope handles(iso->isolate);
    c->context.Get(iso->isolate)->SetAlignedPointerInEmbedderData(kContextSlot, nullptr);
  }
  c->context.Reset();
  for (cv8_context *other : iso->contexts) other->admitted.erase(c);
  iso->contexts.erase(std::remove(iso->contexts.begin(), iso->contexts.end(), c), iso->contexts.end());
  iso->isolate->ContextDisposedNotification();
  delete c;
}

extern "C" void cv8_context_perform_microtasks(cv8_context *c) {
  if (c->microtasks_cancelled) return;
  Scopes scopes(c);
  Entry entry(c->iso);
  PerformContextCheckpoint(c);
}

extern "C" void cv8_context_cancel_microtasks(cv8_context *c) { c->microtasks_cancelled = true; }

extern "C" uint64_t cv8_context_microtask_work(const cv8_context *c) { return c->microtask_work; }

extern "C" cv8_ref *cv8_context_global(cv8_context *c) {
  Scopes scopes(c);
  return NewRef(c, scopes.context->Global());
}

extern "C" cv8_status cv8_context_evaluate(cv8_context *c, const char *source, size_t source_length, const char *filename,
                                           size_t filename_length, cv8_buffer *result, cv8_error *error) {
  cv8_script *script = nullptr;
  cv8_status status =
      cv8_context_compile(c, source, source_length, filename, filename_length, nullptr, 0, false, &script, error);
  if (status != CV8_OK) return status;
  status = cv8_script_run(script, result, error);
  cv8_script_free(script);
  return status;
}

extern "C" cv8_status cv8_context_evaluate_reference(cv8_context *c, const char *source, size_t source_length,
                                                     const char *filename, size_t filename_length, cv8_ref **result,
                                                     cv8_error *error) {
  cv8_script *script = nullptr;
  cv8_status status =
      cv8_context_compile(c, source, source_length, filename, filename_length, nullptr, 0, false, &script, error);
  if (status != CV8_OK) return status;
  {
    Isolate *isolate = c->iso->isolate;
    Scopes scopes(c);
    Entry entry(c->iso);
    TryCatch caught(isolate);
    Local<Value> value;
    if (!script->script.Get(isolate)->BindToCurrentContext()->Run(scopes.context).ToLocal(&value)) {
      FillException(c->iso, scopes.context, caught, CV8_ERR_EXCEPTION, error);
      status = error ? error->status : CV8_ERR_EXCEPTION;
    } else {
      *result = NewRef(c, value);
    }
  }
  cv8_script_free(script);
  return status;
}

extern "C" cv8_status cv8_context_define_function(cv8_context *c, const char *name, size_t name_length,
                                                  uint64_t function_id, cv8_error *error) {
  Isolate *isolate = c->iso->isolate;
  Scopes scopes(c);
  Local<String> key;
  if (!NewString(isolate, name, name_length).ToLocal(&key) ||
      !SetGlobalFunction(scopes.context, key, Trampoline, Number::New(isolate, static_cast<double>(function_id)))) {
    SetError(error, CV8_ERR_INVALID, "cannot define the host function");
    return CV8_ERR_INVALID;
  }
  return CV8_OK;
}

namespace {
bool DefineNative(cv8_context *c, const char *name, size_t name_length, FunctionCallback callback, cv8_error *error) {
  Scopes scopes(c);
  Local<String> key;
  if (!NewString(c->iso->isolate, name, name_length).ToLocal(&key) || !SetGlobalFunction(scopes.context, key, callback)) {
    SetError(error, CV8_ERR_INVALID, "cannot define a native function");
    return false;
  }
  return true;
}
}  // namespace

extern "C" cv8_status cv8_context_define_microtask_checkpoint(cv8_context *c, const char *name, size_t name_length,
                                                              cv8_error *error) {
  return DefineNative(c, name, name_length, NativeMicrotasks, error) ? CV8_OK : CV8_ERR_INVALID;
}

extern "C" cv8_status cv8_context_define_array_buffer_detach(cv8_context *c, const char *name, size_t name_length,
                                                              cv8_error *error) {
  return DefineNative(c, name, name_length, NativeDetachArrayBuffer, error) ? CV8_OK : CV8_ERR_INVALID;
}

extern "C" cv8_status cv8_context_define_clock(cv8_context *c, const char *name, size_t name_length, cv8_error *error) {
  return DefineNative(c, name, name_length, NativeClock, error) ? CV8_OK : CV8_ERR_INVALID;
}

extern "C" cv8_status cv8_context_snapshot_value(cv8_context *c, cv8_buffer *result, cv8_error *error) {
  Scopes scopes(c);
  TryCatch caught(c->iso->isolate);
  Local<Value> value;
  if (!scopes.context->GetDataFromSnapshotOnce<Value>(0).ToLocal(&value)) {
    SetError(error, CV8_ERR_INVALID, "the context holds no snapshot value");
    return CV8_ERR_INVALID;
  }
  return EncodeResult(c, scopes.context, caught, value, result, error);
}

extern "C" cv8_status cv8_context_set_global(cv8_context *c, const char *name, size_t name_length, const uint8_t *value,
                                             size_t value_length, cv8_error *error) {
  Scopes scopes(c);
  Local<String> key;
  Local<Value> decoded;
  Decoder decoder(c->iso, scopes.context, value, value_length);
  if (!NewString(c->iso->isolate, name, name_length).ToLocal(&key) || !decoder.Decode(&decoded) || !decoder.AtEnd() ||
      scopes.context->Global()->Set(scopes.context, key, decoded).IsNothing()) {
    SetError(error, CV8_ERR_INVALID, "malformed value");
    return CV8_ERR_INVALID;
  }
  return CV8_OK;
}

extern "C" cv8_status cv8_context_call(cv8_context *c, cv8_ref *function, const uint8_t *args, size_t args_length,
                                       cv8_buffer *result, cv8_error *error) {
  if (!function->ctx) return ContextGone(error);
  cv8_isolate *iso = c->iso;
  Isolate *isolate = iso->isolate;
  Scopes scopes(c);
  Entry entry(iso);
  TryCatch caught(isolate);
  Local<Value> callee = function->value.Get(isolate);
  std::vector<Local<Value>> argv;
  Decoder decoder(iso, scopes.context, args, args_length);
  if (!callee->IsFunction() || !decoder.DecodeList(&argv) || !decoder.AtEnd()) {
    SetError(error, CV8_ERR_INVALID, "not a function, or malformed arguments");
    return CV8_ERR_INVALID;
  }
  Local<Value> value;
  if (!callee.As<Function>()
           ->Call(scopes.context, Undefined(isolate), static_cast<int>(argv.size()), argv.data())
           .ToLocal(&value)) {
    FillException(iso, scopes.context, caught, CV8_ERR_EXCEPTION, error);
    return error ? error->status : CV8_ERR_EXCEPTION;
  }
  return EncodeResult(c, scopes.context, caught, value, result, error);
}

extern "C" size_t cv8_context_live_scripts(const cv8_context *c) { return c->scripts.size(); }
