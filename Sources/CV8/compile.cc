// Compilation and code caches: classic scripts, function bodies (CommonJS), shared sources;
// scripts and refs (promises, function caches).

#include "internal.h"

#include <cstdlib>

using namespace v8;

namespace cv8 {

namespace {
constexpr const char *kReentrancyMessage =
    "code cache production refused inside a host callback (Caper's reentrancy rule: produce "
    "caches at the top level only; compiling and running without producing is allowed here)";
}  // namespace

/// The reentrancy rule: producing a code cache inside a host callback is refused.
cv8_status RefuseInsideCallback(cv8_isolate *iso, cv8_error *error) {
  if (iso->host_depth == 0) return CV8_OK;
  SetError(error, CV8_ERR_REENTRANCY, kReentrancyMessage);
  return CV8_ERR_REENTRANCY;
}


/// Copies a code cache V8 made into `out` (when there is one).
void TakeCache(ScriptCompiler::CachedData *made, std::string *out, bool *has) {
  std::unique_ptr<ScriptCompiler::CachedData> cache(made);
  if (!cache) return;
  out->assign(reinterpret_cast<const char *>(cache->data), cache->length);
  if (has) *has = true;
}

/// Hands a cache V8 produced to the caller as a buffer; no cache is an error.
cv8_status ReturnCache(ScriptCompiler::CachedData *made, cv8_buffer *result, cv8_error *error) {
  std::string bytes;
  bool has = false;
  TakeCache(made, &bytes, &has);
  if (!has) {
    SetError(error, CV8_ERR_INVALID, "V8 produced no code cache");
    return CV8_ERR_INVALID;
  }
  TakeBuffer(bytes, result);
  return CV8_OK;
}

namespace {

/// Compiles a classic script from a source string `make_source` creates inside the scopes.
template <typename MakeSource>
cv8_status Compile(cv8_context *c, MakeSource make_source, const char *filename,
                   size_t filename_length, const uint8_t *cached_data, size_t cached_data_length,
                   bool produce_cache, cv8_script **out, cv8_error *error) {
  return Compiling(
      c, make_source, filename, filename_length, cached_data, cached_data_length, produce_cache, false, error,
      [&](Local<Context>, ScriptCompiler::Source &source, ScriptCompiler::CompileOptions options) {
        Isolate *isolate = c->iso->isolate;
        Local<UnboundScript> unbound;
        if (!ScriptCompiler::CompileUnboundScript(isolate, &source, options).ToLocal(&unbound)) return CV8_ERR_SYNTAX;
        auto *script = new cv8_script{c, Global<UnboundScript>(isolate, unbound)};
        bool supplied = options == ScriptCompiler::kConsumeCodeCache;
        script->rejected = supplied && source.GetCachedData()->rejected;
        if (produce_cache && (!supplied || script->rejected))
          TakeCache(ScriptCompiler::CreateCodeCache(unbound), &script->produced, &script->has_produced);
        c->scripts.insert(script);
        *out = script;
        return CV8_OK;
      });
}

}  // namespace
}  // namespace cv8

using namespace cv8;

extern "C" cv8_status cv8_context_compile(cv8_context *c, const char *source,
                                          size_t source_length, const char *filename,
                                          size_t filename_length, const uint8_t *cached_data,
                                          size_t cached_data_length, bool produce_cache,
                                          cv8_script **out, cv8_error *error) {
  return Compile(
      c, [&](Isolate *isolate) { return NewString(isolate, source, source_length); }, filename,
      filename_length, cached_data, cached_data_length, produce_cache, out, error);
}

extern "C" cv8_status cv8_context_compile_source(cv8_context *c, cv8_source *source,
                                                 const char *filename, size_t filename_length,
                                                 const uint8_t *cached_data,
                                                 size_t cached_data_length, bool produce_cache,
                                                 cv8_script **out, cv8_error *error) {
  return Compile(
      c,
      [&](Isolate *isolate) { return ExternalString(isolate, source); },
      filename, filename_length, cached_data, cached_data_length, produce_cache, out, error);
}

namespace {
template <typename MakeSource>
cv8_status CompileFunctionFrom(cv8_context *c, MakeSource make_source, const char *filename, size_t filename_length,
                               const char *const *parameters, size_t parameter_count, const uint8_t *cached_data,
                               size_t cached_data_length, bool produce_cache, cv8_ref **out, cv8_buffer *produced,
                               bool *rejected, cv8_error *error) {
  return Compiling(
      c, make_source, filename, filename_length,
      cached_data, cached_data_length, produce_cache, false, error,
      [&](Local<Context> context, ScriptCompiler::Source &compiler_source, ScriptCompiler::CompileOptions options) {
        Isolate *isolate = c->iso->isolate;
        std::vector<Local<String>> names;
        for (size_t i = 0; i < parameter_count; i++)
          names.push_back(String::NewFromUtf8(isolate, parameters[i]).ToLocalChecked());
        Local<Function> function;
        if (!ScriptCompiler::CompileFunction(context, &compiler_source, names.size(), names.data(), 0, nullptr, options)
                 .ToLocal(&function))
          return CV8_ERR_SYNTAX;
        bool supplied = options == ScriptCompiler::kConsumeCodeCache;
        bool was_rejected = supplied && compiler_source.GetCachedData()->rejected;
        if (rejected) *rejected = was_rejected;
        if (produce_cache && produced && (!supplied || was_rejected)) {
          std::string bytes;
          TakeCache(ScriptCompiler::CreateCodeCacheForFunction(function), &bytes, nullptr);
          if (!bytes.empty()) TakeBuffer(bytes, produced);
        }
        *out = NewRef(c, function);
        return CV8_OK;
      });
}
}  // namespace

extern "C" cv8_status cv8_context_compile_function(
    cv8_context *c, const char *source, size_t source_length, const char *filename, size_t filename_length,
    const char *const *parameters, size_t parameter_count, const uint8_t *cached_data,
    size_t cached_data_length, bool produce_cache, cv8_ref **out, cv8_buffer *produced, bool *rejected,
    cv8_error *error) {
  return CompileFunctionFrom(
      c, [&](Isolate *isolate) { return NewString(isolate, source, source_length); }, filename, filename_length,
      parameters, parameter_count, cached_data, cached_data_length, produce_cache, out, produced, rejected, error);
}

extern "C" cv8_status cv8_context_compile_function_source(
    cv8_context *c, cv8_source *source, const char *filename, size_t filename_length,
    const char *const *parameters, size_t parameter_count, const uint8_t *cached_data,
    size_t cached_data_length, bool produce_cache, cv8_ref **out, cv8_buffer *produced, bool *rejected,
    cv8_error *error) {
  return CompileFunctionFrom(
      c,
      [&](Isolate *isolate) { return ExternalString(isolate, source); },
      filename, filename_length, parameters, parameter_count, cached_data, cached_data_length, produce_cache, out,
      produced, rejected, error);
}

// MARK: Refs

extern "C" cv8_status cv8_ref_promise_state(cv8_ref *ref, cv8_promise_state *state,
                                            cv8_buffer *result, cv8_error *error) {
  if (!ref->ctx) return ContextGone(error);
  cv8_context *c = ref->ctx;
  Isolate *isolate = c->iso->isolate;
  Scopes scopes(c);
  TryCatch caught(isolate);
  {
    Entry entry(c->iso);
    DrainMicrotasks(c->iso);
  }
  Local<Value> value = ref->value.Get(isolate);
  if (!value->IsPromise()) {
    SetError(error, CV8_ERR_INVALID, "not a promise");
    return CV8_ERR_INVALID;
  }
  Local<Promise> promise = value.As<Promise>();
  switch (promise->State()) {
    case Promise::kPending: *state = CV8_PROMISE_PENDING; return CV8_OK;
    case Promise::kFulfilled:
      *state = CV8_PROMISE_FULFILLED;
      return EncodeResult(c, scopes.context, caught, promise->Result(), result, error);
    case Promise::kRejected: {
      *state = CV8_PROMISE_REJECTED;
      // Rethrow the reason inside a TryCatch so it is described like any other exception.
      TryCatch rethrown(isolate);
      rethrown.SetVerbose(false);
      isolate->ThrowException(promise->Result());
      FillException(c->iso, scopes.context, rethrown, CV8_ERR_EXCEPTION, error);
      return CV8_OK;
    }
  }
  return CV8_OK;
}

extern "C" cv8_status cv8_ref_value(cv8_ref *ref, cv8_buffer *result, cv8_error *error) {
  if (!ref->ctx) return ContextGone(error);
  cv8_context *c = ref->ctx;
  Scopes scopes(c);
  TryCatch caught(c->iso->isolate);
  return EncodeResult(c, scopes.context, caught, ref->value.Get(c->iso->isolate), result, error);
}

extern "C" void cv8_ref_free(cv8_ref *ref) {
  if (!ref) return;
  if (ref->ctx) ref->ctx->refs.erase(ref);
  ref->value.Reset();
  delete ref;
}


// MARK: Script

namespace {
cv8_status CheckUsable(const cv8_script *script, cv8_error *error) {
  if (script->context_disposed) return ContextGone(error);
  if (script->disposed) {
    SetError(error, CV8_ERR_DISPOSED, "script disposed");
    return CV8_ERR_DISPOSED;
  }
  return CV8_OK;
}
}  // namespace

extern "C" cv8_status cv8_script_run(cv8_script *script, cv8_buffer *result, cv8_error *error) {
  if (cv8_status status = CheckUsable(script, error)) return status;
  cv8_context *c = script->ctx;
  Isolate *isolate = c->iso->isolate;
  Scopes scopes(c);
  Entry entry(c->iso);
  TryCatch caught(isolate);
  Local<Script> bound = script->script.Get(isolate)->BindToCurrentContext();
  Local<Value> value;
  if (!bound->Run(scopes.context).ToLocal(&value)) {
    FillException(c->iso, scopes.context, caught, CV8_ERR_EXCEPTION, error);
    return error ? error->status : CV8_ERR_EXCEPTION;
  }
  return EncodeResult(c, scopes.context, caught, value, result, error);
}

extern "C" cv8_status cv8_script_create_cached_data(cv8_script *script, cv8_buffer *result,
                                                    cv8_error *error) {
  if (cv8_status status = CheckUsable(script, error)) return status;
  if (cv8_status status = RefuseInsideCallback(script->ctx->iso, error)) return status;
  Scopes scopes(script->ctx);
  return ReturnCache(ScriptCompiler::CreateCodeCache(script->script.Get(script->ctx->iso->isolate)), result, error);
}

extern "C" bool cv8_script_cache_rejected(const cv8_script *script) { return script->rejected; }

extern "C" bool cv8_script_take_cached_data(cv8_script *script, cv8_buffer *result) {
  if (!script->has_produced) return false;
  TakeBuffer(script->produced, result);
  script->produced.clear();
  script->produced.shrink_to_fit();
  script->has_produced = false;
  return true;
}

extern "C" void cv8_script_dispose(cv8_script *script) {
  script->script.Reset();
  script->disposed = true;
  if (script->ctx) script->ctx->scripts.erase(script);
  script->ctx = nullptr;
}

extern "C" void cv8_script_free(cv8_script *script) {
  if (!script) return;
  cv8_script_dispose(script);
  delete script;
}

extern "C" cv8_status cv8_ref_create_function_cache(cv8_ref *ref, cv8_buffer *result, cv8_error *error) {
  if (!ref->ctx) return ContextGone(error);
  if (cv8_status status = RefuseInsideCallback(ref->ctx->iso, error)) return status;
  Scopes scopes(ref->ctx);
  Local<Value> value = ref->value.Get(ref->ctx->iso->isolate);
  if (!value->IsFunction()) {
    SetError(error, CV8_ERR_INVALID, "not a function");
    return CV8_ERR_INVALID;
  }
  return ReturnCache(ScriptCompiler::CreateCodeCacheForFunction(value.As<Function>()), result, error);
}

