// Startup snapshots with several indexed contexts (V8's SnapshotCreator::AddContext, read back
// with Context::FromSnapshot(index)), made through a small builder.

#include "internal.h"

#include <cstdlib>
#include <cstring>

using namespace v8;
using namespace cv8;

struct cv8_snapshot_builder {
  SnapshotCreator creator{ExternalReferences()};
  std::vector<Global<Context>> contexts;
  std::vector<Global<Value>> kept;  // each context's last script value
  bool open = false;
};

namespace {

cv8_status Fail(cv8_error *error, const std::string &message) {
  SetError(error, CV8_ERR_INVALID, "startup snapshot: " + message);
  return CV8_ERR_INVALID;
}

/// Runs `body` inside the context begun last.
template <typename Body>
cv8_status InCurrent(cv8_snapshot_builder *b, cv8_error *error, Body body) {
  if (!b->open) return Fail(error, "no context begun");
  Isolate *isolate = b->creator.GetIsolate();
  Isolate::Scope isolate_scope(isolate);
  HandleScope handles(isolate);
  Local<Context> context = b->contexts.back().Get(isolate);
  Context::Scope context_scope(context);
  return body(isolate, context);
}

}  // namespace

extern "C" cv8_snapshot_builder *cv8_snapshot_builder_new(void) { return new cv8_snapshot_builder(); }

extern "C" cv8_status cv8_snapshot_builder_begin_context(cv8_snapshot_builder *b, bool guarded, cv8_error *) {
  Isolate *isolate = b->creator.GetIsolate();
  Isolate::Scope isolate_scope(isolate);
  HandleScope handles(isolate);
  Local<Context> context = Context::New(isolate, nullptr, guarded ? GuardedGlobal(isolate) : Local<ObjectTemplate>());
  b->contexts.emplace_back(isolate, context);
  b->kept.emplace_back(isolate, Undefined(isolate));
  b->open = true;
  return CV8_OK;
}

extern "C" cv8_status cv8_snapshot_builder_define_function(cv8_snapshot_builder *b, const char *name, uint64_t id,
                                                           cv8_error *error) {
  return InCurrent(b, error, [&](Isolate *isolate, Local<Context> context) {
    if (!SetGlobalFunction(context, String::NewFromUtf8(isolate, name).ToLocalChecked(), Trampoline,
                           Number::New(isolate, static_cast<double>(id))))
      return Fail(error, std::string("cannot define ") + name);
    return CV8_OK;
  });
}

extern "C" cv8_status cv8_snapshot_builder_define_clock(cv8_snapshot_builder *b, const char *name, cv8_error *error) {
  return InCurrent(b, error, [&](Isolate *isolate, Local<Context> context) {
    if (!SetGlobalFunction(context, String::NewFromUtf8(isolate, name).ToLocalChecked(), NativeClock))
      return Fail(error, "cannot define the clock");
    return CV8_OK;
  });
}

extern "C" cv8_status cv8_snapshot_builder_define_microtask_checkpoint(cv8_snapshot_builder *b, const char *name,
                                                                       cv8_error *error) {
  return InCurrent(b, error, [&](Isolate *isolate, Local<Context> context) {
    if (!SetGlobalFunction(context, String::NewFromUtf8(isolate, name).ToLocalChecked(), NativeMicrotasks))
      return Fail(error, "cannot define the microtask checkpoint");
    return CV8_OK;
  });
}

extern "C" cv8_status cv8_snapshot_builder_define_array_buffer_detach(cv8_snapshot_builder *b, const char *name,
                                                                       cv8_error *error) {
  return InCurrent(b, error, [&](Isolate *isolate, Local<Context> context) {
    if (!SetGlobalFunction(context, String::NewFromUtf8(isolate, name).ToLocalChecked(), NativeDetachArrayBuffer))
      return Fail(error, "cannot define the ArrayBuffer detach");
    return CV8_OK;
  });
}

extern "C" cv8_status cv8_snapshot_builder_run(cv8_snapshot_builder *b, const char *source, size_t source_length,
                                               const char *filename, cv8_error *error) {
  return InCurrent(b, error, [&](Isolate *isolate, Local<Context> context) {
    TryCatch caught(isolate);
    Local<String> text;
    Local<Script> script;
    Local<Value> value;
    ScriptOrigin origin(isolate, String::NewFromUtf8(isolate, filename).ToLocalChecked());
    // Every function compiled now (not at its first call in every process): the snapshot keeps
    // the bytecode.
    bool ok = NewString(isolate, source, source_length).ToLocal(&text);
    if (ok) {
      ScriptCompiler::Source eager(text, origin);
      ok = ScriptCompiler::Compile(context, &eager, ScriptCompiler::kEagerCompile).ToLocal(&script) &&
           script->Run(context).ToLocal(&value);
    }
    if (!ok) {
      std::string why = caught.HasCaught() ? ToUtf8(isolate, caught.Exception()) : "failed";
      Local<Message> message = caught.Message();
      int line = message.IsEmpty() ? 0 : message->GetLineNumber(context).FromMaybe(0);
      return Fail(error, std::string(filename) + (line ? ":" + std::to_string(line) : "") + ": " + why);
    }
    b->kept.back().Reset(isolate, value);
    return CV8_OK;
  });
}

extern "C" cv8_status cv8_snapshot_builder_finish(cv8_snapshot_builder *b, cv8_buffer *blob, cv8_error *error) {
  Isolate *isolate = b->creator.GetIsolate();
  {
    Isolate::Scope isolate_scope(isolate);
    HandleScope handles(isolate);
    // A plain default context (what Context::New gives in an isolate made from the snapshot),
    // then the built contexts as 0, 1, ... (Context::FromSnapshot).
    b->creator.SetDefaultContext(Context::New(isolate));
    for (size_t i = 0; i < b->contexts.size(); i++) {
      Local<Context> context = b->contexts[i].Get(isolate);
      b->creator.AddData(context, b->kept[i].Get(isolate));
      b->creator.AddContext(context);
    }
    for (auto &context : b->contexts) context.Reset();
    for (auto &value : b->kept) value.Reset();
  }
  StartupData data = b->creator.CreateBlob(SnapshotCreator::FunctionCodeHandling::kKeep);
  delete b;
  if (!data.data || data.raw_size <= 0) return Fail(error, "V8 made no blob");
  blob->length = static_cast<size_t>(data.raw_size);
  blob->data = static_cast<uint8_t *>(malloc(blob->length));
  memcpy(blob->data, data.data, blob->length);
  delete[] data.data;
  return CV8_OK;
}

extern "C" void cv8_snapshot_builder_free(cv8_snapshot_builder *b) {
  if (!b) return;
  {
    Isolate *isolate = b->creator.GetIsolate();
    Isolate::Scope isolate_scope(isolate);
    HandleScope handles(isolate);
    b->creator.SetDefaultContext(Context::New(isolate));
    for (auto &context : b->contexts) context.Reset();
    for (auto &value : b->kept) value.Reset();
  }
  // V8 requires a blob before the creator goes.
  StartupData data = b->creator.CreateBlob(SnapshotCreator::FunctionCodeHandling::kClear);
  delete[] data.data;
  delete b;
}
