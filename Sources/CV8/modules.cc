// ES modules: compiled, synthetic (CommonJS, JSON and built-ins seen as modules), linked through
// the host's resolver, evaluated; dynamic import() and import.meta.

#include "internal.h"

#include <cstdlib>

using namespace v8;

namespace cv8 {

namespace {

cv8_module *FindModule(cv8_context *c, Local<Module> module) {
  if (!c) return nullptr;
  Isolate *isolate = c->iso->isolate;
  int hash = module->GetIdentityHash();
  for (cv8_module *m : c->modules)
    if (m->hash == hash && m->module.Get(isolate) == module) return m;
  return nullptr;
}

cv8_module *Register(cv8_context *c, Local<Module> module, const std::string &name) {
  auto *m = new cv8_module{c, Global<Module>(c->iso->isolate, module), name, {}, {}, module->GetIdentityHash()};
  c->modules.push_back(m);
  return m;
}

/// Asks the host for a module; on failure throws its message as an Error and returns null.
cv8_module *Resolve(cv8_context *c, Local<String> specifier, const std::string &referrer) {
  Isolate *isolate = c->iso->isolate;
  HostEntry entry(c->iso);
  if (!g_module_resolver) {
    isolate->ThrowException(Exception::Error(String::NewFromUtf8Literal(isolate, "ES modules are not enabled")));
    return nullptr;
  }
  std::string spec = ToUtf8(isolate, specifier);
  cv8_buffer error{nullptr, 0};
  cv8_module *found = g_module_resolver(c->iso->data, c, spec.data(), spec.size(), referrer.data(),
                                        referrer.size(), &error);
  if (!found && !isolate->IsExecutionTerminating()) {
    std::string message = error.data ? std::string(reinterpret_cast<char *>(error.data), error.length)
                                     : "Cannot find module '" + spec + "' imported from " + referrer;
    isolate->ThrowException(Exception::Error(NewString(isolate, message.data(), message.size()).ToLocalChecked()));
  }
  free(error.data);
  return found;
}

MaybeLocal<Module> ResolveModule(Local<Context> context, Local<String> specifier, Local<FixedArray>,
                                 Local<Module> referrer) {
  cv8_context *c = ContextOf(context);
  if (!c) return MaybeLocal<Module>();
  cv8_module *from = FindModule(c, referrer);
  cv8_module *found = Resolve(c, specifier, from ? from->name : std::string());
  if (!found) return MaybeLocal<Module>();
  return found->module.Get(c->iso->isolate);
}

MaybeLocal<Value> EvaluateSynthetic(Local<Context> context, Local<Module> module) {
  cv8_context *c = ContextOf(context);
  cv8_module *m = FindModule(c, module);
  Isolate *isolate = context->GetIsolate();
  if (!m) return MaybeLocal<Value>();
  Local<Object> exports = m->exports.Get(isolate);
  for (const std::string &name : m->export_names) {
    Local<String> key = NewString(isolate, name.data(), name.size()).ToLocalChecked();
    Local<Value> value;
    if (name == "default") value = exports;
    else if (!exports->Get(context, key).ToLocal(&value)) return MaybeLocal<Value>();
    if (module->SetSyntheticModuleExport(isolate, key, value).IsNothing()) return MaybeLocal<Value>();
  }
  Local<Promise::Resolver> resolver;
  if (!Promise::Resolver::New(context).ToLocal(&resolver)) return MaybeLocal<Value>();
  resolver->Resolve(context, Undefined(isolate)).Check();
  return resolver->GetPromise();
}

/// Links and runs a module; returns its evaluation promise (or empty with an exception).
MaybeLocal<Value> LinkAndEvaluate(Local<Context> context, Local<Module> module) {
  if (module->GetStatus() == Module::kUninstantiated &&
      module->InstantiateModule(context, ResolveModule).IsNothing())
    return MaybeLocal<Value>();
  if (module->GetStatus() == Module::kErrored) {
    context->GetIsolate()->ThrowException(module->GetException());
    return MaybeLocal<Value>();
  }
  return module->Evaluate(context);
}

void ReturnNamespace(const FunctionCallbackInfo<Value> &info) { info.GetReturnValue().Set(info.Data()); }

}  // namespace

MaybeLocal<Promise> ImportDynamically(Local<Context> context, Local<Data>, Local<Value> resource_name,
                                      Local<String> specifier, Local<FixedArray>) {
  Isolate *isolate = context->GetIsolate();
  cv8_context *c = ContextOf(context);
  Local<Promise::Resolver> resolver;
  if (!Promise::Resolver::New(context).ToLocal(&resolver)) return MaybeLocal<Promise>();
  if (!c) return MaybeLocal<Promise>();
  TryCatch caught(isolate);
  if (!c->import_handler.IsEmpty()) {
    // The host loads asynchronously (a page fetching modules): its promise is import()'s.
    Local<Value> arguments[] = {specifier, resource_name};
    Local<Value> given;
    if (!c->import_handler.Get(isolate)->Call(context, Undefined(isolate), 2, arguments).ToLocal(&given)) {
      if (caught.HasTerminated() || isolate->IsExecutionTerminating()) return MaybeLocal<Promise>();
      resolver->Reject(context, caught.Exception()).Check();
      return resolver->GetPromise();
    }
    if (given->IsPromise()) return given.As<Promise>();
    resolver->Resolve(context, given).Check();
    return resolver->GetPromise();
  }
  cv8_module *found = Resolve(c, specifier, ToUtf8(isolate, resource_name));
  Local<Value> evaluation;
  if (!found || !LinkAndEvaluate(context, found->module.Get(isolate)).ToLocal(&evaluation)) {
    if (caught.HasTerminated() || isolate->IsExecutionTerminating()) return MaybeLocal<Promise>();
    resolver->Reject(context, caught.Exception()).Check();
    return resolver->GetPromise();
  }
  Local<Value> ns = found->module.Get(isolate)->GetModuleNamespace();
  if (evaluation->IsPromise()) {
    Local<Function> give;
    if (!Function::New(context, ReturnNamespace, ns).ToLocal(&give)) return MaybeLocal<Promise>();
    Local<Promise> then;
    if (!evaluation.As<Promise>()->Then(context, give).ToLocal(&then)) return MaybeLocal<Promise>();
    return then;
  }
  resolver->Resolve(context, ns).Check();
  return resolver->GetPromise();
}

void InitializeImportMeta(Local<Context> context, Local<Module> module, Local<Object> meta) {
  cv8_module *m = FindModule(ContextOf(context), module);
  if (!m) return;
  Isolate *isolate = context->GetIsolate();
  bool file = m->name.rfind("/", 0) == 0;
  std::string url = file ? "file://" + m->name : m->name;
  meta->CreateDataProperty(context, String::NewFromUtf8Literal(isolate, "url"),
                           NewString(isolate, url.data(), url.size()).ToLocalChecked()).Check();
  // Node's filename and dirname for a file; a module named by a URL (a page's) has only its url.
  if (!file) return;
  meta->CreateDataProperty(context, String::NewFromUtf8Literal(isolate, "filename"),
                           NewString(isolate, m->name.data(), m->name.size()).ToLocalChecked()).Check();
  std::string dir = m->name.substr(0, m->name.find_last_of('/'));
  meta->CreateDataProperty(context, String::NewFromUtf8Literal(isolate, "dirname"),
                           NewString(isolate, dir.data(), dir.size()).ToLocalChecked()).Check();
}

void DisposeModules(cv8_context *c) {
  c->import_handler.Reset();
  for (cv8_module *module : c->modules) {
    module->module.Reset();
    module->exports.Reset();
    delete module;
  }
  c->modules.clear();
}

}  // namespace cv8

using namespace cv8;


extern "C" cv8_status cv8_context_compile_module(cv8_context *c, const char *source, size_t source_length,
                                                 const char *filename, size_t filename_length,
                                                 const uint8_t *cached_data, size_t cached_data_length,
                                                 bool produce_cache, cv8_module **out, cv8_buffer *produced,
                                                 bool *rejected, cv8_error *error) {
  return Compiling(
      c, [&](Isolate *isolate) { return NewString(isolate, source, source_length); }, filename, filename_length,
      cached_data, cached_data_length, produce_cache, true, error,
      [&](Local<Context>, ScriptCompiler::Source &compiler_source, ScriptCompiler::CompileOptions options) {
        Local<Module> module;
        if (!ScriptCompiler::CompileModule(c->iso->isolate, &compiler_source, options).ToLocal(&module))
          return CV8_ERR_SYNTAX;
        bool supplied = options == ScriptCompiler::kConsumeCodeCache;
        bool was_rejected = supplied && compiler_source.GetCachedData()->rejected;
        if (rejected) *rejected = was_rejected;
        if (produce_cache && produced && (!supplied || was_rejected)) {
          std::string bytes;
          TakeCache(ScriptCompiler::CreateCodeCache(module->GetUnboundModuleScript()), &bytes, nullptr);
          if (!bytes.empty()) TakeBuffer(bytes, produced);
        }
        *out = Register(c, module, std::string(filename, filename_length));
        return CV8_OK;
      });
}

extern "C" cv8_status cv8_context_synthetic_module(cv8_context *c, const char *name, size_t name_length,
                                                   cv8_ref *object, cv8_module **out, cv8_error *error) {
  Isolate *isolate = c->iso->isolate;
  Scopes scopes(c);
  Local<Value> value = object->value.Get(isolate);
  if (value->IsFunction()) {
    // A getter: called now, inside the context, for the exports (a CommonJS module loads here).
    Entry entry(c->iso);
    TryCatch caught(isolate);
    if (!value.As<Function>()->Call(scopes.context, Undefined(isolate), 0, nullptr).ToLocal(&value)) {
      FillException(c->iso, scopes.context, caught, CV8_ERR_EXCEPTION, error);
      return error ? error->status : CV8_ERR_EXCEPTION;
    }
  }
  std::vector<std::string> names{"default"};
  if (value->IsObject()) {
    Local<Array> keys;
    if (value.As<Object>()
            ->GetOwnPropertyNames(scopes.context,
                                  static_cast<PropertyFilter>(PropertyFilter::ONLY_ENUMERABLE | PropertyFilter::SKIP_SYMBOLS),
                                  KeyConversionMode::kConvertToString)
            .ToLocal(&keys)) {
      for (uint32_t i = 0; i < keys->Length(); i++) {
        std::string key = ToUtf8(isolate, keys->Get(scopes.context, i).ToLocalChecked());
        if (key != "default") names.push_back(key);
      }
    }
  }
  std::vector<Local<String>> export_names;
  for (const std::string &n : names) export_names.push_back(NewString(isolate, n.data(), n.size()).ToLocalChecked());
  Local<String> module_name = NewString(isolate, name, name_length).ToLocalChecked();
  Local<Module> module = Module::CreateSyntheticModule(isolate, module_name, export_names, EvaluateSynthetic);
  cv8_module *m = Register(c, module, std::string(name, name_length));
  Local<Object> exports = value->IsObject() ? value.As<Object>() : Object::New(isolate);
  m->exports.Reset(isolate, exports);
  m->export_names = names;
  *out = m;
  return CV8_OK;
}

extern "C" cv8_status cv8_module_evaluate(cv8_module *m, cv8_buffer *result, cv8_error *error) {
  cv8_context *c = m->ctx;
  Isolate *isolate = c->iso->isolate;
  Scopes scopes(c);
  Entry entry(c->iso);
  TryCatch caught(isolate);
  Local<Value> evaluation;
  if (!LinkAndEvaluate(scopes.context, m->module.Get(isolate)).ToLocal(&evaluation)) {
    FillException(c->iso, scopes.context, caught, CV8_ERR_EXCEPTION, error);
    return error ? error->status : CV8_ERR_EXCEPTION;
  }
  return EncodeResult(c, scopes.context, caught, evaluation, result, error);
}

extern "C" cv8_status cv8_module_namespace(cv8_module *m, cv8_buffer *result, cv8_error *error) {
  cv8_context *c = m->ctx;
  Isolate *isolate = c->iso->isolate;
  Scopes scopes(c);
  TryCatch caught(isolate);
  Local<Module> module = m->module.Get(isolate);
  if (module->GetStatus() < Module::kInstantiated) {
    SetError(error, CV8_ERR_INVALID, "the module is not linked yet");
    return CV8_ERR_INVALID;
  }
  return EncodeResult(c, scopes.context, caught, module->GetModuleNamespace(), result, error);
}

extern "C" cv8_status cv8_module_create_cached_data(cv8_module *module, cv8_buffer *result, cv8_error *error) {
  if (!module->ctx) return ContextGone(error);
  if (cv8_status status = RefuseInsideCallback(module->ctx->iso, error)) return status;
  Scopes scopes(module->ctx);
  Local<Module> local = module->module.Get(module->ctx->iso->isolate);
  if (!local->IsSourceTextModule()) {
    SetError(error, CV8_ERR_INVALID, "not a source text module");
    return CV8_ERR_INVALID;
  }
  return ReturnCache(ScriptCompiler::CreateCodeCache(local->GetUnboundModuleScript()), result, error);
}

extern "C" bool cv8_module_has_run(cv8_module *m) {
  // A module lives until its context is disposed (DisposeModules): the caller checks that first.
  Scopes scopes(m->ctx);
  return m->module.Get(m->ctx->iso->isolate)->GetStatus() >= Module::kEvaluated;
}

extern "C" cv8_status cv8_module_namespace_ref(cv8_module *m, cv8_ref **out, cv8_error *error) {
  cv8_context *c = m->ctx;
  Isolate *isolate = c->iso->isolate;
  Scopes scopes(c);
  Local<Module> module = m->module.Get(isolate);
  if (module->GetStatus() < Module::kInstantiated) {
    SetError(error, CV8_ERR_INVALID, "the module is not linked yet");
    return CV8_ERR_INVALID;
  }
  *out = NewRef(c, module->GetModuleNamespace());
  return CV8_OK;
}

extern "C" cv8_status cv8_module_requests(cv8_module *m, cv8_buffer *result, cv8_error *error) {
  cv8_context *c = m->ctx;
  Isolate *isolate = c->iso->isolate;
  Scopes scopes(c);
  TryCatch caught(isolate);
  Local<Module> module = m->module.Get(isolate);
  Local<Array> specifiers = Array::New(isolate);
  if (module->IsSourceTextModule()) {
    Local<FixedArray> requests = module->GetModuleRequests();
    for (int i = 0; i < requests->Length(); i++) {
      Local<ModuleRequest> request = requests->Get(scopes.context, i).As<ModuleRequest>();
      if (specifiers->Set(scopes.context, static_cast<uint32_t>(i), request->GetSpecifier()).IsNothing()) break;
    }
  }
  return EncodeResult(c, scopes.context, caught, specifiers, result, error);
}

extern "C" cv8_status cv8_context_set_import_handler(cv8_context *c, cv8_ref *handler, cv8_error *error) {
  Isolate *isolate = c->iso->isolate;
  Scopes scopes(c);
  if (!handler) {
    c->import_handler.Reset();
    return CV8_OK;
  }
  Local<Value> value = handler->ctx ? handler->value.Get(isolate) : Local<Value>();
  if (value.IsEmpty() || !value->IsFunction()) {
    SetError(error, CV8_ERR_INVALID, "the import handler is not a function");
    return CV8_ERR_INVALID;
  }
  c->import_handler.Reset(isolate, value.As<Function>());
  return CV8_OK;
}
