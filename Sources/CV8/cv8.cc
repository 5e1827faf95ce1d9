// The only C++ in Caper: cv8.h implemented over V8 from Debian's libnode.
//
// Everything here runs on the isolate's own thread except cv8_isolate_terminate and the engine
// getters. JavaScript is entered through `Entry` (top-level bookkeeping: terminate, heap limit,
// microtasks) and host code through `HostEntry` (the reentrancy counter), so no path forgets them.

#include "cv8.h"

#include <libplatform/libplatform.h>
#include <v8.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

using namespace v8;

namespace {

std::mutex g_engine_mutex;
bool g_initialized = false;
// Never destroyed: the engine lives as long as the process, and a platform torn down by exit()
// while an isolate thread is still disposing its isolate crashes.
Platform *g_platform = nullptr;
cv8_host_callback g_host_callback = nullptr;
cv8_module_resolver g_module_resolver = nullptr;

constexpr int kMaxDepth = 1000;
constexpr int kContextSlot = 1;
constexpr const char *kReentrancyMessage =
    "code cache production refused inside a host callback (Caper's reentrancy rule: produce "
    "caches at the top level only; compiling and running without producing is allowed here)";

/// The shim's context behind a V8 context (null when disposed, or for a context the shim did not
/// make, such as the one a startup snapshot is made in).
cv8_context *ContextOf(Local<Context> context) {
  if (context->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kContextSlot)) return nullptr;
  return static_cast<cv8_context *>(context->GetAlignedPointerFromEmbedderData(kContextSlot));
}

int64_t MonotonicNs() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

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

}  // namespace


struct cv8_isolate {
  Isolate *isolate = nullptr;
  ArrayBuffer::Allocator *allocator = nullptr;
  void *data = nullptr;
  size_t heap_limit = 0;
  int host_depth = 0;
  int entry_depth = 0;
  unsigned top_level_calls = 0;
  bool heap_limit_hit = false;
  std::mutex terminate_mutex;  // guards running / terminate_requested against other threads
  bool running = false;
  bool terminate_requested = false;
  std::set<cv8_context *> contexts;
  // The latest mark made through a native clock (cv8_context_define_clock): which step started
  // and when (CLOCK_MONOTONIC ns). Read by the watchdog's thread, hence atomic.
  std::atomic<int32_t> mark_index{-1};
  std::atomic<int64_t> mark_ns{0};
  // The zero of the native clock (cv8_context_define_clock), set when the isolate is made.
  int64_t clock_origin_ns = 0;
  // The startup snapshot the isolate was made from (V8 reads contexts from it later).
  std::string snapshot;
  StartupData snapshot_data{nullptr, 0};
};

struct cv8_context {
  cv8_isolate *iso;
  Global<Context> context;
  std::set<cv8_script *> scripts;
  std::set<cv8_ref *> refs;
  std::vector<cv8_module *> modules;
};

struct cv8_module {
  cv8_context *ctx;
  Global<Module> module;
  std::string name;
  Global<Object> exports;  // synthetic modules: the object whose keys are exported
  std::vector<std::string> export_names;
  int hash;
};

struct cv8_script {
  cv8_context *ctx;  // null once the script or its context is disposed
  Global<UnboundScript> script;
  bool disposed = false;
  bool context_disposed = false;
  bool rejected = false;
  std::string produced;
  bool has_produced = false;
};

struct cv8_ref {
  cv8_context *ctx;  // null once the context is disposed
  Global<Value> value;
};

struct cv8_source {
  std::atomic<int> references{1};
  bool one_byte = true;
  std::string latin1;      // when one_byte
  std::u16string utf16;    // otherwise
};

namespace {

/// V8's view of a shared source; holds a reference for as long as V8 keeps the string.
class OneByteSource : public String::ExternalOneByteStringResource {
 public:
  explicit OneByteSource(cv8_source *source) : source_(source) { source_->references++; }
  ~OneByteSource() override { cv8_source_release(source_); }
  const char *data() const override { return source_->latin1.data(); }
  size_t length() const override { return source_->latin1.size(); }

 private:
  cv8_source *source_;
};

class TwoByteSource : public String::ExternalStringResource {
 public:
  explicit TwoByteSource(cv8_source *source) : source_(source) { source_->references++; }
  ~TwoByteSource() override { cv8_source_release(source_); }
  const uint16_t *data() const override {
    return reinterpret_cast<const uint16_t *>(source_->utf16.data());
  }
  size_t length() const override { return source_->utf16.size(); }

 private:
  cv8_source *source_;
};

/// Decodes one UTF-8 character at `p` (an invalid sequence is one U+FFFD for its first byte),
/// calls `emit` with it and stores the bytes it took in `*consumed`.
template <typename Emit>
void DecodeUtf8(const unsigned char *p, size_t length, Emit emit, size_t *consumed) {
  unsigned char b = *p;
  *consumed = 1;
  if (b < 0x80) {
    emit(b);
    return;
  }
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (extra < 0 || b >= 0xF8 || length <= static_cast<size_t>(extra)) {
    emit(0xFFFD);
    return;
  }
  uint32_t cp = extra == 3 ? b & 0x07 : extra == 2 ? b & 0x0F : b & 0x1F;
  for (int i = 1; i <= extra; i++) {
    if ((p[i] & 0xC0) != 0x80) {
      emit(0xFFFD);
      return;
    }
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    emit(0xFFFD);
    return;
  }
  emit(cp);
  *consumed = static_cast<size_t>(extra) + 1;
}

}  // namespace

namespace {

// MARK: Entering JavaScript and host code

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
  if (iso->heap_limit_hit) {
    iso->heap_limit_hit = false;
    iso->isolate->RemoveNearHeapLimitCallback(NearHeapLimit, iso->heap_limit);
    iso->isolate->AddNearHeapLimitCallback(NearHeapLimit, iso);
    iso->isolate->LowMemoryNotification();
  }
}

/// Any shim call that may run JavaScript. The outermost one marks the isolate running (so that
/// terminate can reach it), runs microtasks and platform tasks when it ends, and clears a
/// termination or heap-limit stop so the isolate keeps working.
class Entry {
 public:
  explicit Entry(cv8_isolate *iso) : iso_(iso) {
    if (iso_->entry_depth++ == 0) {
      std::lock_guard<std::mutex> lock(iso_->terminate_mutex);
      if (iso_->heap_limit_hit || iso_->terminate_requested) ResetAfterStop(iso_);
      iso_->running = true;
    }
  }
  ~Entry() {
    if (iso_->entry_depth > 1) {
      --iso_->entry_depth;
      return;
    }
    // Still counted as running while microtasks run, so terminate reaches them too.
    Isolate *isolate = iso_->isolate;
    if (!isolate->IsExecutionTerminating()) {
      isolate->PerformMicrotaskCheckpoint();
      // Platform tasks (GC finalisation and the like) can wait a few calls: pumping takes the
      // platform's lock, which costs more than most calls.
      if ((++iso_->top_level_calls & 15) == 0) {
        while (platform::PumpMessageLoop(g_platform, isolate)) {
        }
      }
    }
    --iso_->entry_depth;
    std::lock_guard<std::mutex> lock(iso_->terminate_mutex);
    iso_->running = false;
    if (iso_->terminate_requested || iso_->heap_limit_hit || isolate->IsExecutionTerminating())
      ResetAfterStop(iso_);
  }

 private:
  cv8_isolate *iso_;
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
  Isolate::Scope isolate_scope;
  HandleScope handle_scope;
  Local<Context> context;
  Context::Scope context_scope;
};

bool IsStopping(cv8_isolate *iso) {
  return iso->isolate->IsExecutionTerminating() || iso->heap_limit_hit;
}

void FillStop(cv8_isolate *iso, cv8_error *error) {
  if (iso->heap_limit_hit)
    SetError(error, CV8_ERR_HEAP_LIMIT,
             "the script was stopped at the isolate's heap limit (" +
                 std::to_string(iso->heap_limit >> 20) + " MiB)");
  else
    SetError(error, CV8_ERR_TERMINATED, "the script was terminated");
}

std::string PropertyString(Isolate *isolate, Local<Context> ctx, Local<Object> object,
                           const char *key) {
  TryCatch inner(isolate);
  Local<Value> value;
  if (!object->Get(ctx, String::NewFromUtf8(isolate, key).ToLocalChecked()).ToLocal(&value) ||
      value->IsUndefined())
    return std::string();
  return ToUtf8(isolate, value);
}

/// Turns what a TryCatch caught into a cv8_error: a stop, or an exception with its location.
void FillException(cv8_isolate *iso, Local<Context> ctx, TryCatch &caught, cv8_status status,
                   cv8_error *error) {
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

// MARK: The value wire format

void PutU32(std::string &out, uint32_t v) { out.append(reinterpret_cast<const char *>(&v), 4); }
void PutU64(std::string &out, uint64_t v) { out.append(reinterpret_cast<const char *>(&v), 8); }
void PutF64(std::string &out, double v) { out.append(reinterpret_cast<const char *>(&v), 8); }
void PutBytes(std::string &out, const void *data, size_t length) {
  PutU32(out, static_cast<uint32_t>(length));
  out.append(static_cast<const char *>(data), length);
}

class Encoder {
 public:
  Encoder(cv8_context *c, Local<Context> ctx) : c_(c), isolate_(c->iso->isolate), ctx_(ctx) {}

  std::string bytes;
  std::string problem;  // set when a value cannot cross (cycle, depth)
  bool threw = false;   // a getter threw; the exception is pending in the caller's TryCatch

  bool Encode(Local<Value> value, int depth = 0) {
    if (depth > kMaxDepth) return Fail("the value is nested more than 1000 levels deep");
    if (value->IsUndefined() || value->IsSymbol()) {
      bytes.push_back('u');
    } else if (value->IsNull()) {
      bytes.push_back('n');
    } else if (value->IsBoolean()) {
      bytes.push_back(value->IsTrue() ? 't' : 'f');
    } else if (value->IsNumber()) {
      bytes.push_back('d');
      PutF64(bytes, value.As<Number>()->Value());
    } else if (value->IsString()) {
      bytes.push_back('s');
      PutString(value.As<String>());
    } else if (value->IsBigInt()) {
      bytes.push_back('I');
      std::string digits = ToUtf8(isolate_, value);
      PutBytes(bytes, digits.data(), digits.size());
    } else if (value->IsDate()) {
      bytes.push_back('D');
      PutF64(bytes, value.As<Date>()->ValueOf());
    } else if (value->IsNativeError()) {
      Local<Object> object = value.As<Object>();
      bytes.push_back('e');
      for (const char *key : {"name", "message", "stack"}) {
        std::string s = PropertyString(isolate_, ctx_, object, key);
        PutBytes(bytes, s.data(), s.size());
      }
    } else if (value->IsUint8Array() || value->IsUint8ClampedArray()) {
      Local<ArrayBufferView> view = value.As<ArrayBufferView>();
      size_t length = view->ByteLength();
      bytes.push_back('b');
      PutU32(bytes, static_cast<uint32_t>(length));
      size_t at = bytes.size();
      bytes.resize(at + length);
      view->CopyContents(&bytes[at], length);
    } else if (value->IsArrayBuffer()) {
      Local<ArrayBuffer> buffer = value.As<ArrayBuffer>();
      bytes.push_back('B');
      PutBytes(bytes, buffer->Data(), buffer->ByteLength());
    } else if (value->IsFunction() || value->IsPromise()) {
      bytes.push_back(value->IsFunction() ? 'F' : 'P');
      auto *ref = new cv8_ref{c_, Global<Value>(isolate_, value)};
      c_->refs.insert(ref);
      PutU64(bytes, reinterpret_cast<uint64_t>(ref));
    } else if (value->IsObject()) {
      return EncodeObject(value.As<Object>(), depth);
    } else {
      bytes.push_back('u');
    }
    return true;
  }

 private:
  bool Fail(const std::string &why) {
    if (problem.empty()) problem = why;
    return false;
  }

  void PutString(Local<String> s) {
    size_t length = s->Utf8Length(isolate_);
    PutU32(bytes, static_cast<uint32_t>(length));
    size_t at = bytes.size();
    bytes.resize(at + length);
    s->WriteUtf8(isolate_, &bytes[at], static_cast<int>(length), nullptr,
                 String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
  }

  bool EncodeObject(Local<Object> object, int depth) {
    for (auto &ancestor : ancestors_)
      if (ancestor->StrictEquals(object))
        return Fail("the value has a cycle (an object contains itself)");
    ancestors_.push_back(object);
    bool ok = object->IsArray() ? EncodeArray(object.As<Array>(), depth)
                                : EncodeProperties(object, depth);
    ancestors_.pop_back();
    return ok;
  }

  bool EncodeArray(Local<Array> array, int depth) {
    uint32_t length = array->Length();
    bytes.push_back('a');
    PutU32(bytes, length);
    for (uint32_t i = 0; i < length; i++) {
      Local<Value> element;
      if (!array->Get(ctx_, i).ToLocal(&element)) return Threw();
      if (!Encode(element, depth + 1)) return false;
    }
    return true;
  }

  bool EncodeProperties(Local<Object> object, int depth) {
    Local<Array> keys;
    if (!object
             ->GetOwnPropertyNames(ctx_,
                                   static_cast<PropertyFilter>(PropertyFilter::ONLY_ENUMERABLE |
                                                               PropertyFilter::SKIP_SYMBOLS),
                                   KeyConversionMode::kConvertToString)
             .ToLocal(&keys))
      return Threw();
    uint32_t count = keys->Length();
    bytes.push_back('o');
    PutU32(bytes, count);
    for (uint32_t i = 0; i < count; i++) {
      Local<Value> key, element;
      if (!keys->Get(ctx_, i).ToLocal(&key) || !object->Get(ctx_, key).ToLocal(&element))
        return Threw();
      PutString(key.As<String>());
      if (!Encode(element, depth + 1)) return false;
    }
    return true;
  }

  bool Threw() {
    threw = true;
    return false;
  }

  cv8_context *c_;
  Isolate *isolate_;
  Local<Context> ctx_;
  std::vector<Local<Object>> ancestors_;
};

class Decoder {
 public:
  Decoder(cv8_isolate *iso, Local<Context> ctx, const uint8_t *data, size_t length)
      : isolate_(iso->isolate), ctx_(ctx), p_(data), end_(data + length) {}

  bool Decode(Local<Value> *out, int depth = 0) {
    if (p_ >= end_ || depth > kMaxDepth) return false;
    char tag = static_cast<char>(*p_++);
    switch (tag) {
      case 'u': *out = Undefined(isolate_); return true;
      case 'n': *out = Null(isolate_); return true;
      case 't': *out = True(isolate_); return true;
      case 'f': *out = False(isolate_); return true;
      case 'd': {
        double v;
        if (!ReadF64(&v)) return false;
        *out = Number::New(isolate_, v);
        return true;
      }
      case 's': {
        Local<String> s;
        if (!ReadString(&s)) return false;
        *out = s;
        return true;
      }
      case 'a': {
        uint32_t count;
        if (!ReadU32(&count) || count > static_cast<size_t>(end_ - p_)) return false;
        // Elements first, then one packed array (no per-element Set).
        std::vector<Local<Value>> elements;
        if (!DecodeElements(count, &elements, depth + 1)) return false;
        *out = Array::New(isolate_, elements.data(), count);
        return true;
      }
      case 'o': {
        uint32_t count;
        if (!ReadU32(&count) || count > static_cast<size_t>(end_ - p_)) return false;
        Local<Object> object = Object::New(isolate_);
        for (uint32_t i = 0; i < count; i++) {
          Local<String> key;
          Local<Value> element;
          if (!ReadString(&key) || !Decode(&element, depth + 1) ||
              object->CreateDataProperty(ctx_, key, element).IsNothing())
            return false;
        }
        *out = object;
        return true;
      }
      case 'b':
      case 'B': {
        const uint8_t *data;
        uint32_t length;
        if (!ReadBytes(&data, &length)) return false;
        std::unique_ptr<BackingStore> store = ArrayBuffer::NewBackingStore(isolate_, length);
        if (length) memcpy(store->Data(), data, length);
        Local<ArrayBuffer> buffer = ArrayBuffer::New(isolate_, std::move(store));
        if (tag == 'B')
          *out = buffer;
        else
          *out = Uint8Array::New(buffer, 0, length);
        return true;
      }
      case 'e': {
        Local<String> name, message, stack;
        if (!ReadString(&name) || !ReadString(&message) || !ReadString(&stack)) return false;
        Local<Value> error = Exception::Error(message);
        if (name->Length() > 0)
          error.As<Object>()->Set(ctx_, String::NewFromUtf8Literal(isolate_, "name"), name).Check();
        *out = error;
        return true;
      }
      case 'I': {
        Local<String> digits;
        if (!ReadString(&digits)) return false;
        Local<Value> global_bigint;
        Local<Value> converted;
        if (!ctx_->Global()->Get(ctx_, String::NewFromUtf8Literal(isolate_, "BigInt"))
                 .ToLocal(&global_bigint) ||
            !global_bigint->IsFunction())
          return false;
        Local<Value> argv[] = {digits};
        if (!global_bigint.As<Function>()->Call(ctx_, Undefined(isolate_), 1, argv).ToLocal(
                &converted))
          return false;
        *out = converted;
        return true;
      }
      case 'D': {
        double v;
        if (!ReadF64(&v)) return false;
        return Date::New(ctx_, v).ToLocal(out);
      }
      case 'F':
      case 'P': {
        uint64_t raw;
        if (!ReadU64(&raw)) return false;
        auto *ref = reinterpret_cast<cv8_ref *>(raw);
        if (!ref || !ref->ctx) return false;
        *out = ref->value.Get(isolate_);
        return true;
      }
      default: return false;
    }
  }

  /// An 'a' value's elements, as call arguments.
  bool DecodeList(std::vector<Local<Value>> *out) {
    uint32_t count;
    if (p_ >= end_ || *p_++ != 'a' || !ReadU32(&count) || count > static_cast<size_t>(end_ - p_))
      return false;
    return DecodeElements(count, out, 1);
  }

  bool AtEnd() const { return p_ == end_; }

 private:
  bool DecodeElements(uint32_t count, std::vector<Local<Value>> *out, int depth) {
    out->resize(count);
    for (uint32_t i = 0; i < count; i++)
      if (!Decode(&(*out)[i], depth)) return false;
    return true;
  }

  bool ReadU32(uint32_t *v) {
    if (end_ - p_ < 4) return false;
    memcpy(v, p_, 4);
    p_ += 4;
    return true;
  }
  bool ReadU64(uint64_t *v) {
    if (end_ - p_ < 8) return false;
    memcpy(v, p_, 8);
    p_ += 8;
    return true;
  }
  bool ReadF64(double *v) {
    if (end_ - p_ < 8) return false;
    memcpy(v, p_, 8);
    p_ += 8;
    return true;
  }
  bool ReadBytes(const uint8_t **data, uint32_t *length) {
    if (!ReadU32(length) || static_cast<size_t>(end_ - p_) < *length) return false;
    *data = p_;
    p_ += *length;
    return true;
  }
  bool ReadString(Local<String> *out) {
    const uint8_t *data;
    uint32_t length;
    if (!ReadBytes(&data, &length)) return false;
    return String::NewFromUtf8(isolate_, reinterpret_cast<const char *>(data),
                               NewStringType::kNormal, static_cast<int>(length))
        .ToLocal(out);
  }

  Isolate *isolate_;
  Local<Context> ctx_;
  const uint8_t *p_;
  const uint8_t *end_;
};

/// Encodes a result; on failure fills `error` (conversion problem, or a getter that threw).
cv8_status EncodeResult(cv8_context *c, Local<Context> ctx, TryCatch &caught, Local<Value> value,
                        cv8_buffer *result, cv8_error *error) {
  Encoder encoder(c, ctx);
  if (!encoder.Encode(value)) {
    if (encoder.threw) {
      FillException(c->iso, ctx, caught, CV8_ERR_EXCEPTION, error);
      return error ? error->status : CV8_ERR_EXCEPTION;
    }
    SetError(error, CV8_ERR_CONVERSION, encoder.problem);
    return CV8_ERR_CONVERSION;
  }
  if (result) TakeBuffer(encoder.bytes, result);
  return CV8_OK;
}

cv8_status ContextGone(cv8_error *error) {
  SetError(error, CV8_ERR_DISPOSED, "context disposed");
  return CV8_ERR_DISPOSED;
}

MaybeLocal<String> NewString(Isolate *isolate, const char *data, size_t length) {
  return String::NewFromUtf8(isolate, data, NewStringType::kNormal, static_cast<int>(length));
}

/// Sets global `name` of `context` to a native function calling `callback` (with `data`, a
/// number or nothing, so a startup snapshot can hold it); false when V8 refused.
bool SetGlobalFunction(Local<Context> context, Local<String> name, FunctionCallback callback,
                       Local<Value> data = Local<Value>()) {
  Local<Function> function;
  if (!Function::New(context, callback, data).ToLocal(&function) ||
      context->Global()->Set(context, name, function).IsNothing())
    return false;
  function->SetName(name);
  return true;
}

// MARK: The host trampoline

void Trampoline(const FunctionCallbackInfo<Value> &info) {
  // The function's data is its host id (a number, so a startup snapshot can hold it); the
  // context it belongs to is the current one, found through its embedder slot.
  Isolate *isolate = info.GetIsolate();
  Local<Context> ctx = isolate->GetCurrentContext();
  cv8_context *owner = ContextOf(ctx);
  if (!owner) {
    isolate->ThrowException(
        Exception::Error(String::NewFromUtf8Literal(isolate, "host function's context disposed")));
    return;
  }
  cv8_isolate *iso = owner->iso;
  uint64_t id = static_cast<uint64_t>(info.Data().As<Number>()->Value());
  HostEntry entry(iso);
  Encoder encoder(owner, ctx);
  encoder.bytes.push_back('a');
  PutU32(encoder.bytes, static_cast<uint32_t>(info.Length()));
  for (int i = 0; i < info.Length(); i++) {
    if (!encoder.Encode(info[i])) {
      if (!encoder.threw)
        isolate->ThrowException(Exception::TypeError(
            NewString(isolate, encoder.problem.data(), encoder.problem.size()).ToLocalChecked()));
      return;
    }
  }
  cv8_buffer result{nullptr, 0};
  int rc = g_host_callback(iso->data, id,
                           reinterpret_cast<const uint8_t *>(encoder.bytes.data()),
                           encoder.bytes.size(), &result);
  if (rc == 0) {
    Decoder decoder(iso, ctx, result.data, result.length);
    Local<Value> value;
    if (decoder.Decode(&value) && decoder.AtEnd())
      info.GetReturnValue().Set(value);
    else if (!isolate->IsExecutionTerminating())
      isolate->ThrowException(Exception::TypeError(String::NewFromUtf8Literal(
          isolate, "a host function returned a value that cannot cross into JavaScript")));
  } else if (rc == 1 && !isolate->IsExecutionTerminating()) {
    Local<String> message;
    if (!NewString(isolate, reinterpret_cast<const char *>(result.data), result.length)
             .ToLocal(&message))
      message = String::NewFromUtf8Literal(isolate, "host function failed");
    isolate->ThrowException(Exception::Error(message));
  }
  free(result.data);
}

}  // namespace

namespace {
MaybeLocal<Promise> ImportDynamically(Local<Context> context, Local<Data>, Local<Value> resource_name,
                                      Local<String> specifier, Local<FixedArray>);
void InitializeImportMeta(Local<Context> context, Local<Module> module, Local<Object> meta);
}  // namespace

// MARK: Engine

extern "C" bool cv8_engine_initialize(const char *flags, cv8_host_callback callback,
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
  g_initialized = true;
  return true;
}

extern "C" const char *cv8_engine_version(void) { return V8::GetVersion(); }

extern "C" void cv8_engine_set_module_resolver(cv8_module_resolver resolver) {
  g_module_resolver = resolver;
}

extern "C" uint32_t cv8_engine_cached_data_version_tag(void) {
  return ScriptCompiler::CachedDataVersionTag();
}

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

namespace {

void NativeClock(const FunctionCallbackInfo<Value> &info);
void NativeMicrotasks(const FunctionCallbackInfo<Value> &info);

/// Every native function a context may hold, for startup snapshots (V8 stores an index into
/// this list instead of the address).
const intptr_t *ExternalReferences() {
  static const intptr_t references[] = {reinterpret_cast<intptr_t>(Trampoline),
                                        reinterpret_cast<intptr_t>(NativeClock),
                                        reinterpret_cast<intptr_t>(NativeMicrotasks), 0};
  return references;
}

}  // namespace

extern "C" cv8_isolate *cv8_isolate_new(size_t heap_limit, size_t stack_size,
                                        size_t stack_reserve, void *isolate_data) {
  return cv8_isolate_new_from_snapshot(heap_limit, stack_size, stack_reserve, isolate_data, nullptr, 0);
}

extern "C" cv8_isolate *cv8_isolate_new_from_snapshot(size_t heap_limit, size_t stack_size,
                                                      size_t stack_reserve, void *isolate_data,
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
  iso->isolate->AddNearHeapLimitCallback(NearHeapLimit, iso);
  if (stack_size > stack_reserve) {
    auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    iso->isolate->SetStackLimit(here - (stack_size - stack_reserve));
  }
  return iso;
}

extern "C" void cv8_isolate_dispose(cv8_isolate *iso) {
  if (!iso) return;
  while (!iso->contexts.empty()) cv8_context_dispose(*iso->contexts.begin());
  {
    std::lock_guard<std::mutex> lock(iso->terminate_mutex);
    iso->running = false;
  }
  iso->isolate->Dispose();
  delete iso->allocator;
  delete iso;
}

extern "C" void cv8_isolate_terminate(cv8_isolate *iso) {
  std::lock_guard<std::mutex> lock(iso->terminate_mutex);
  if (!iso->running) return;
  iso->terminate_requested = true;
  iso->isolate->TerminateExecution();
}

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

// MARK: Context

extern "C" cv8_context *cv8_context_new(cv8_isolate *iso) {
  return cv8_context_new_from_snapshot(iso, false);
}

extern "C" cv8_context *cv8_context_new_from_snapshot(cv8_isolate *iso, bool snapshot) {
  Isolate::Scope scope(iso->isolate);
  HandleScope handles(iso->isolate);
  Local<Context> context;
  if (snapshot) {
    if (iso->snapshot.empty() || !Context::FromSnapshot(iso->isolate, 0).ToLocal(&context)) return nullptr;
  } else {
    context = Context::New(iso->isolate);
  }
  auto *c = new cv8_context{iso, Global<Context>(iso->isolate, context), {}, {}, {}};
  context->SetAlignedPointerInEmbedderData(kContextSlot, c);
  iso->contexts.insert(c);
  return c;
}

extern "C" void cv8_context_dispose(cv8_context *c) {
  if (!c) return;
  Isolate::Scope scope(c->iso->isolate);
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
  for (cv8_module *module : c->modules) {
    module->module.Reset();
    module->exports.Reset();
    delete module;
  }
  {
    HandleScope handles(c->iso->isolate);
    c->context.Get(c->iso->isolate)->SetAlignedPointerInEmbedderData(kContextSlot, nullptr);
  }
  c->context.Reset();
  c->iso->contexts.erase(c);
  c->iso->isolate->ContextDisposedNotification();
  delete c;
}

extern "C" cv8_status cv8_context_evaluate(cv8_context *c, const char *source,
                                           size_t source_length, const char *filename,
                                           size_t filename_length, cv8_buffer *result,
                                           cv8_error *error) {
  cv8_script *script = nullptr;
  cv8_status status = cv8_context_compile(c, source, source_length, filename, filename_length,
                                          nullptr, 0, false, &script, error);
  if (status != CV8_OK) return status;
  status = cv8_script_run(script, result, error);
  cv8_script_free(script);
  return status;
}

namespace {

/// The reentrancy rule: producing a code cache inside a host callback is refused.
cv8_status RefuseInsideCallback(cv8_isolate *iso, cv8_error *error) {
  if (iso->host_depth == 0) return CV8_OK;
  SetError(error, CV8_ERR_REENTRANCY, kReentrancyMessage);
  return CV8_ERR_REENTRANCY;
}

/// What every compile shares: the reentrancy rule, the scopes, the source string and its origin,
/// the supplied cache. `compile` gets the prepared source and returns CV8_OK or fills `error`.
template <typename MakeSource, typename CompileBody>
cv8_status Compiling(cv8_context *c, MakeSource make_source, const char *filename, size_t filename_length,
                     const uint8_t *cached_data, size_t cached_data_length, bool produce_cache, bool is_module,
                     cv8_error *error, CompileBody compile) {
  cv8_isolate *iso = c->iso;
  if (produce_cache) {
    if (cv8_status status = RefuseInsideCallback(iso, error)) return status;
  }
  Isolate *isolate = iso->isolate;
  Scopes scopes(c);
  Entry entry(iso);
  TryCatch caught(isolate);
  Local<String> source_string, name;
  if (!make_source(isolate).ToLocal(&source_string) ||
      !NewString(isolate, filename, filename_length).ToLocal(&name)) {
    SetError(error, CV8_ERR_INVALID, "the source is too large for a V8 string");
    return CV8_ERR_INVALID;
  }
  ScriptOrigin origin(isolate, name, 0, 0, false, -1, Local<Value>(), false, false, is_module);
  ScriptCompiler::CachedData *supplied = nullptr;
  if (cached_data && cached_data_length)
    supplied = new ScriptCompiler::CachedData(cached_data, static_cast<int>(cached_data_length),
                                              ScriptCompiler::CachedData::BufferNotOwned);
  ScriptCompiler::Source compiler_source(source_string, origin, supplied);  // owns `supplied`
  ScriptCompiler::CompileOptions options =
      supplied ? ScriptCompiler::kConsumeCodeCache : ScriptCompiler::kNoCompileOptions;
  cv8_status status = compile(scopes.context, compiler_source, options);
  if (status != CV8_OK) {
    if (caught.HasCaught() || caught.HasTerminated()) FillException(iso, scopes.context, caught, CV8_ERR_SYNTAX, error);
    return error ? error->status : status;
  }
  return CV8_OK;
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
      [&](Isolate *isolate) -> MaybeLocal<String> {
        if (source->one_byte) return String::NewExternalOneByte(isolate, new OneByteSource(source));
        return String::NewExternalTwoByte(isolate, new TwoByteSource(source));
      },
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
        auto *ref = new cv8_ref{c, Global<Value>(isolate, function)};
        c->refs.insert(ref);
        *out = ref;
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
      [&](Isolate *isolate) -> MaybeLocal<String> {
        if (source->one_byte) return String::NewExternalOneByte(isolate, new OneByteSource(source));
        return String::NewExternalTwoByte(isolate, new TwoByteSource(source));
      },
      filename, filename_length, parameters, parameter_count, cached_data, cached_data_length, produce_cache, out,
      produced, rejected, error);
}

extern "C" cv8_status cv8_context_define_function(cv8_context *c, const char *name,
                                                  size_t name_length, uint64_t function_id,
                                                  cv8_error *error) {
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

/// The native clock: milliseconds since the isolate was made; with an integer argument, also
/// marks that step as started now. No host crossing, no data (a startup snapshot can hold it).
void NativeClock(const FunctionCallbackInfo<Value> &info) {
  int64_t now = MonotonicNs();
  cv8_context *owner = ContextOf(info.GetIsolate()->GetCurrentContext());
  cv8_isolate *iso = owner ? owner->iso : nullptr;
  if (iso && info.Length() > 0 && info[0]->IsInt32()) {
    iso->mark_ns.store(now, std::memory_order_relaxed);
    iso->mark_index.store(info[0].As<Int32>()->Value(), std::memory_order_release);
  }
  info.GetReturnValue().Set(static_cast<double>(now - (iso ? iso->clock_origin_ns : 0)) / 1e6);
}

/// Runs the promise reactions queued so far, from inside JavaScript (as Node's runMicrotasks
/// does between ticks): what a step left to the queue settles before the next step starts.
void NativeMicrotasks(const FunctionCallbackInfo<Value> &info) {
  Isolate *isolate = info.GetIsolate();
  if (!isolate->IsExecutionTerminating()) isolate->PerformMicrotaskCheckpoint();
}

bool DefineNative(cv8_context *c, const char *name, size_t name_length, FunctionCallback callback,
                  cv8_error *error) {
  Scopes scopes(c);
  Local<String> key;
  if (!NewString(c->iso->isolate, name, name_length).ToLocal(&key) ||
      !SetGlobalFunction(scopes.context, key, callback)) {
    SetError(error, CV8_ERR_INVALID, "cannot define a native function");
    return false;
  }
  return true;
}

}  // namespace

extern "C" cv8_status cv8_context_define_microtask_checkpoint(cv8_context *c, const char *name,
                                                              size_t name_length, cv8_error *error) {
  return DefineNative(c, name, name_length, NativeMicrotasks, error) ? CV8_OK : CV8_ERR_INVALID;
}

extern "C" int64_t cv8_monotonic_ns(void) { return MonotonicNs(); }

extern "C" cv8_status cv8_context_define_clock(cv8_context *c, const char *name, size_t name_length,
                                               cv8_error *error) {
  return DefineNative(c, name, name_length, NativeClock, error) ? CV8_OK : CV8_ERR_INVALID;
}

extern "C" void cv8_isolate_mark(cv8_isolate *iso, int32_t *index, int64_t *ns) {
  *index = iso->mark_index.load(std::memory_order_acquire);
  *ns = iso->mark_ns.load(std::memory_order_relaxed);
}

extern "C" int64_t cv8_isolate_clock_origin(const cv8_isolate *iso) { return iso->clock_origin_ns; }

extern "C" void cv8_isolate_clear_mark(cv8_isolate *iso) {
  iso->mark_index.store(-1, std::memory_order_release);
}

// MARK: Startup snapshots

extern "C" cv8_status cv8_snapshot_create(const char *const *host_names, const uint64_t *host_ids,
                                          size_t host_count, const char *clock_name,
                                          const char *checkpoint_name,
                                          const char *const *sources, const size_t *source_lengths,
                                          const char *const *names, size_t count, cv8_buffer *blob,
                                          cv8_error *error) {
  SnapshotCreator creator(ExternalReferences());
  Isolate *isolate = creator.GetIsolate();
  std::string problem;
  {
    Isolate::Scope isolate_scope(isolate);
    HandleScope handles(isolate);
    Local<Context> context = Context::New(isolate);
    Context::Scope context_scope(context);
    auto name = [&](const char *text) { return String::NewFromUtf8(isolate, text).ToLocalChecked(); };
    for (size_t i = 0; i < host_count && problem.empty(); i++)
      if (!SetGlobalFunction(context, name(host_names[i]), Trampoline, Number::New(isolate, static_cast<double>(host_ids[i]))))
        problem = std::string("cannot define ") + host_names[i];
    if (problem.empty() && clock_name && !SetGlobalFunction(context, name(clock_name), NativeClock))
      problem = "cannot define the clock";
    if (problem.empty() && checkpoint_name && !SetGlobalFunction(context, name(checkpoint_name), NativeMicrotasks))
      problem = "cannot define the microtask checkpoint";
    Local<Value> last = Undefined(isolate);
    for (size_t i = 0; i < count && problem.empty(); i++) {
      TryCatch caught(isolate);
      Local<String> source;
      Local<Script> script;
      ScriptOrigin origin(isolate, String::NewFromUtf8(isolate, names[i]).ToLocalChecked());
      // Every function compiled now (not at its first call in every process): the snapshot
      // keeps the bytecode.
      bool ok = NewString(isolate, sources[i], source_lengths[i]).ToLocal(&source);
      if (ok) {
        ScriptCompiler::Source eager(source, origin);
        ok = ScriptCompiler::Compile(context, &eager, ScriptCompiler::kEagerCompile).ToLocal(&script) &&
             script->Run(context).ToLocal(&last);
      }
      if (!ok) {
        problem = std::string(names[i]) + ": " + (caught.HasCaught() ? ToUtf8(isolate, caught.Exception()) : "failed");
      }
    }
    if (problem.empty()) {
      creator.AddData(context, last);
      // A plain default context (what Context::New gives, e.g. a page's realm beside the
      // support context), and the runtime's context as context 0 (Context::FromSnapshot).
      creator.SetDefaultContext(Context::New(isolate));
      creator.AddContext(context);
    }
  }
  if (!problem.empty()) {
    SetError(error, CV8_ERR_INVALID, "startup snapshot: " + problem);
    return CV8_ERR_INVALID;
  }
  StartupData data = creator.CreateBlob(SnapshotCreator::FunctionCodeHandling::kKeep);
  if (!data.data || data.raw_size <= 0) {
    SetError(error, CV8_ERR_INVALID, "startup snapshot: V8 made no blob");
    return CV8_ERR_INVALID;
  }
  blob->length = static_cast<size_t>(data.raw_size);
  blob->data = static_cast<uint8_t *>(malloc(blob->length));
  memcpy(blob->data, data.data, blob->length);
  delete[] data.data;
  return CV8_OK;
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

extern "C" cv8_status cv8_context_set_global(cv8_context *c, const char *name,
                                             size_t name_length, const uint8_t *value,
                                             size_t value_length, cv8_error *error) {
  Scopes scopes(c);
  Local<String> key;
  Local<Value> decoded;
  Decoder decoder(c->iso, scopes.context, value, value_length);
  if (!NewString(c->iso->isolate, name, name_length).ToLocal(&key) || !decoder.Decode(&decoded) ||
      !decoder.AtEnd() || scopes.context->Global()->Set(scopes.context, key, decoded).IsNothing()) {
    SetError(error, CV8_ERR_INVALID, "malformed value");
    return CV8_ERR_INVALID;
  }
  return CV8_OK;
}

extern "C" cv8_status cv8_context_call(cv8_context *c, cv8_ref *function, const uint8_t *args,
                                       size_t args_length, cv8_buffer *result, cv8_error *error) {
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


// MARK: ES modules

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

MaybeLocal<Promise> ImportDynamically(Local<Context> context, Local<Data>, Local<Value> resource_name,
                                      Local<String> specifier, Local<FixedArray>) {
  Isolate *isolate = context->GetIsolate();
  cv8_context *c = ContextOf(context);
  Local<Promise::Resolver> resolver;
  if (!Promise::Resolver::New(context).ToLocal(&resolver)) return MaybeLocal<Promise>();
  if (!c) return MaybeLocal<Promise>();
  TryCatch caught(isolate);
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
  std::string url = m->name.rfind("/", 0) == 0 ? "file://" + m->name : m->name;
  meta->CreateDataProperty(context, String::NewFromUtf8Literal(isolate, "url"),
                           NewString(isolate, url.data(), url.size()).ToLocalChecked()).Check();
  meta->CreateDataProperty(context, String::NewFromUtf8Literal(isolate, "filename"),
                           NewString(isolate, m->name.data(), m->name.size()).ToLocalChecked()).Check();
  std::string dir = m->name.substr(0, m->name.find_last_of('/'));
  meta->CreateDataProperty(context, String::NewFromUtf8Literal(isolate, "dirname"),
                           NewString(isolate, dir.data(), dir.size()).ToLocalChecked()).Check();
}

}  // namespace

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
    isolate->PerformMicrotaskCheckpoint();
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

extern "C" void cv8_ref_free(cv8_ref *ref) {
  if (!ref) return;
  if (ref->ctx) ref->ctx->refs.erase(ref);
  ref->value.Reset();
  delete ref;
}

// MARK: Sources

namespace {

/// Length of the ASCII prefix of [p, end), eight bytes at a time.
size_t AsciiPrefix(const unsigned char *p, const unsigned char *end) {
  const unsigned char *start = p;
  while (end - p >= 8) {
    uint64_t word;
    memcpy(&word, p, 8);
    if (word & 0x8080808080808080ULL) break;
    p += 8;
  }
  while (p < end && *p < 0x80) p++;
  return static_cast<size_t>(p - start);
}

/// Copies an ASCII run into Latin-1 or UTF-16 units (the pointers never overlap, so the
/// compiler vectorises the widening loop).
template <typename Unit>
void WidenAscii(const unsigned char *__restrict in, size_t run, Unit *__restrict out) {
  if constexpr (sizeof(Unit) == 1) {
    memcpy(out, in, run);
  } else {
    for (size_t i = 0; i < run; i++) out[i] = static_cast<Unit>(in[i]);
  }
}

/// Decodes UTF-8 into `out` (Latin-1 bytes or UTF-16 units), ASCII runs at full speed.
template <typename Unit>
size_t DecodeInto(const unsigned char *p, size_t length, Unit *out) {
  const unsigned char *end = p + length;
  Unit *start = out;
  while (p < end) {
    size_t run = AsciiPrefix(p, end);
    WidenAscii(p, run, out);
    out += run;
    p += run;
    if (p >= end) break;
    // One non-ASCII character (or U+FFFD for an invalid sequence).
    size_t consumed = 0;
    DecodeUtf8(p, static_cast<size_t>(end - p), [&, first = true](uint32_t cp) mutable {
      if (!first) return;
      first = false;
      if (sizeof(Unit) == 1 || cp < 0x10000) {
        *out++ = static_cast<Unit>(cp);
      } else {
        cp -= 0x10000;
        *out++ = static_cast<Unit>(0xD800 + (cp >> 10));
        *out++ = static_cast<Unit>(0xDC00 + (cp & 0x3FF));
      }
    }, &consumed);
    p += consumed;
  }
  return static_cast<size_t>(out - start);
}

}  // namespace

extern "C" cv8_source *cv8_source_new(const char *utf8, size_t length) {
  auto *source = new cv8_source();
  auto *bytes = reinterpret_cast<const unsigned char *>(utf8);
  const unsigned char *end = bytes + length;
  // One pass to learn the form and the exact number of units, so the text is decoded once into
  // storage of its final size (no over-allocation, no shrinking copy of a multi-megabyte text).
  bool fits = true;
  size_t units = 0;
  for (const unsigned char *p = bytes; p < end;) {
    size_t run = AsciiPrefix(p, end);
    units += run;
    p += run;
    if (p >= end) break;
    size_t consumed = 0;
    DecodeUtf8(p, static_cast<size_t>(end - p), [&, first = true](uint32_t cp) mutable {
      if (!first) return;
      first = false;
      if (cp > 0xFF) fits = false;
      units += cp >= 0x10000 ? 2 : 1;
    }, &consumed);
    p += consumed;
  }
  source->one_byte = fits;
  if (fits) {
    source->latin1.resize(units);
    DecodeInto(bytes, length, &source->latin1[0]);
  } else {
    source->utf16.resize(units);
    DecodeInto(bytes, length, &source->utf16[0]);
  }
  return source;
}

extern "C" void cv8_source_release(cv8_source *source) {
  if (source && --source->references == 0) delete source;
}

extern "C" size_t cv8_source_size(const cv8_source *source) {
  return source->one_byte ? source->latin1.size() : source->utf16.size() * 2;
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
