// The value wire format (cv8.h's cv8_wire_tag): JavaScript values to bytes and back, one buffer
// per crossing.

#include "internal.h"

#include <cstring>

using namespace v8;

namespace cv8 {

void PutU32(std::string &out, uint32_t v) { out.append(reinterpret_cast<const char *>(&v), 4); }

namespace {
void PutU64(std::string &out, uint64_t v) { out.append(reinterpret_cast<const char *>(&v), 8); }
void PutF64(std::string &out, double v) { out.append(reinterpret_cast<const char *>(&v), 8); }
void PutBytes(std::string &out, const void *data, size_t length) {
  PutU32(out, static_cast<uint32_t>(length));
  out.append(static_cast<const char *>(data), length);
}
}  // namespace

cv8_ref *NewRef(cv8_context *c, Local<Value> value) {
  auto *ref = new cv8_ref{c, Global<Value>(c->iso->isolate, value)};
  c->refs.insert(ref);
  return ref;
}

// MARK: Encoder

bool Encoder::Encode(Local<Value> value, int depth) {
  if (depth > kMaxDepth) return Fail("the value is nested more than 1000 levels deep");
  if (value->IsUndefined() || value->IsSymbol()) {
    bytes.push_back(CV8_WIRE_UNDEFINED);
  } else if (value->IsNull()) {
    bytes.push_back(CV8_WIRE_NULL);
  } else if (value->IsBoolean()) {
    bytes.push_back(value->IsTrue() ? CV8_WIRE_TRUE : CV8_WIRE_FALSE);
  } else if (value->IsNumber()) {
    bytes.push_back(CV8_WIRE_NUMBER);
    PutF64(bytes, value.As<Number>()->Value());
  } else if (value->IsString()) {
    bytes.push_back(CV8_WIRE_STRING);
    PutString(value.As<String>());
  } else if (value->IsBigInt()) {
    bytes.push_back(CV8_WIRE_BIGINT);
    std::string digits = ToUtf8(isolate_, value);
    PutBytes(bytes, digits.data(), digits.size());
  } else if (value->IsDate()) {
    bytes.push_back(CV8_WIRE_DATE);
    PutF64(bytes, value.As<Date>()->ValueOf());
  } else if (value->IsNativeError()) {
    Local<Object> object = value.As<Object>();
    bytes.push_back(CV8_WIRE_ERROR);
    for (const char *key : {"name", "message", "stack"}) {
      std::string s = PropertyString(isolate_, ctx_, object, key);
      PutBytes(bytes, s.data(), s.size());
    }
  } else if (value->IsUint8Array() || value->IsUint8ClampedArray()) {
    Local<ArrayBufferView> view = value.As<ArrayBufferView>();
    size_t length = view->ByteLength();
    bytes.push_back(CV8_WIRE_BYTES);
    PutU32(bytes, static_cast<uint32_t>(length));
    size_t at = bytes.size();
    bytes.resize(at + length);
    view->CopyContents(&bytes[at], length);
  } else if (value->IsArrayBuffer()) {
    Local<ArrayBuffer> buffer = value.As<ArrayBuffer>();
    bytes.push_back(CV8_WIRE_ARRAY_BUFFER);
    PutBytes(bytes, buffer->Data(), buffer->ByteLength());
  } else if (value->IsFunction() || value->IsPromise()) {
    PutRef(value->IsFunction() ? CV8_WIRE_FUNCTION : CV8_WIRE_PROMISE, value);
  } else if (value->IsObject()) {
    return EncodeObject(value.As<Object>(), depth);
  } else {
    bytes.push_back(CV8_WIRE_UNDEFINED);
  }
  return true;
}

void Encoder::PutRef(char tag, Local<Value> value) {
  bytes.push_back(tag);
  PutU64(bytes, reinterpret_cast<uint64_t>(NewRef(c_, value)));
}

bool Encoder::Fail(const std::string &why) {
  if (problem.empty()) problem = why;
  return false;
}

void Encoder::PutString(Local<String> s) {
  size_t length = s->Utf8Length(isolate_);
  PutU32(bytes, static_cast<uint32_t>(length));
  size_t at = bytes.size();
  bytes.resize(at + length);
  s->WriteUtf8(isolate_, &bytes[at], static_cast<int>(length), nullptr,
               String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
}

bool Encoder::EncodeObject(Local<Object> object, int depth) {
  for (auto &ancestor : ancestors_)
    if (ancestor->StrictEquals(object)) return Fail("the value has a cycle (an object contains itself)");
  ancestors_.push_back(object);
  bool ok = object->IsArray() ? EncodeArray(object.As<Array>(), depth) : EncodeProperties(object, depth);
  ancestors_.pop_back();
  return ok;
}

bool Encoder::EncodeArray(Local<Array> array, int depth) {
  uint32_t length = array->Length();
  bytes.push_back(CV8_WIRE_ARRAY);
  PutU32(bytes, length);
  for (uint32_t i = 0; i < length; i++) {
    Local<Value> element;
    if (!array->Get(ctx_, i).ToLocal(&element)) return Threw();
    if (!Encode(element, depth + 1)) return false;
  }
  return true;
}

bool Encoder::EncodeProperties(Local<Object> object, int depth) {
  Local<Array> keys;
  if (!object
           ->GetOwnPropertyNames(ctx_,
                                 static_cast<PropertyFilter>(PropertyFilter::ONLY_ENUMERABLE | PropertyFilter::SKIP_SYMBOLS),
                                 KeyConversionMode::kConvertToString)
           .ToLocal(&keys))
    return Threw();
  uint32_t count = keys->Length();
  bytes.push_back(CV8_WIRE_OBJECT);
  PutU32(bytes, count);
  for (uint32_t i = 0; i < count; i++) {
    Local<Value> key, element;
    if (!keys->Get(ctx_, i).ToLocal(&key) || !object->Get(ctx_, key).ToLocal(&element)) return Threw();
    PutString(key.As<String>());
    if (!Encode(element, depth + 1)) return false;
  }
  return true;
}

bool Encoder::Threw() {
  threw = true;
  return false;
}

// MARK: Decoder

bool Decoder::Decode(Local<Value> *out, int depth) {
  if (p_ >= end_ || depth > kMaxDepth) return false;
  char tag = static_cast<char>(*p_++);
  switch (tag) {
    case CV8_WIRE_UNDEFINED: *out = Undefined(isolate_); return true;
    case CV8_WIRE_NULL: *out = Null(isolate_); return true;
    case CV8_WIRE_TRUE: *out = True(isolate_); return true;
    case CV8_WIRE_FALSE: *out = False(isolate_); return true;
    case CV8_WIRE_NUMBER: {
      double v;
      if (!ReadF64(&v)) return false;
      *out = Number::New(isolate_, v);
      return true;
    }
    case CV8_WIRE_STRING: {
      Local<String> s;
      if (!ReadString(&s)) return false;
      *out = s;
      return true;
    }
    case CV8_WIRE_ARRAY: {
      uint32_t count;
      if (!ReadU32(&count) || count > static_cast<size_t>(end_ - p_)) return false;
      // Elements first, then one packed array (no per-element Set).
      std::vector<Local<Value>> elements;
      if (!DecodeElements(count, &elements, depth + 1)) return false;
      *out = Array::New(isolate_, elements.data(), count);
      return true;
    }
    case CV8_WIRE_OBJECT: {
      uint32_t count;
      if (!ReadU32(&count) || count > static_cast<size_t>(end_ - p_)) return false;
      Local<Object> object = Object::New(isolate_);
      for (uint32_t i = 0; i < count; i++) {
        Local<String> key;
        Local<Value> element;
        if (!ReadString(&key) || !Decode(&element, depth + 1) || object->CreateDataProperty(ctx_, key, element).IsNothing())
          return false;
      }
      *out = object;
      return true;
    }
    case CV8_WIRE_BYTES:
    case CV8_WIRE_ARRAY_BUFFER: {
      const uint8_t *data;
      uint32_t length;
      if (!ReadBytes(&data, &length)) return false;
      std::unique_ptr<BackingStore> store = ArrayBuffer::NewBackingStore(isolate_, length);
      if (length) memcpy(store->Data(), data, length);
      Local<ArrayBuffer> buffer = ArrayBuffer::New(isolate_, std::move(store));
      if (tag == CV8_WIRE_ARRAY_BUFFER)
        *out = buffer;
      else
        *out = Uint8Array::New(buffer, 0, length);
      return true;
    }
    case CV8_WIRE_ERROR: {
      Local<String> name, message, stack;
      if (!ReadString(&name) || !ReadString(&message) || !ReadString(&stack)) return false;
      Local<Value> error = Exception::Error(message);
      if (name->Length() > 0) error.As<Object>()->Set(ctx_, String::NewFromUtf8Literal(isolate_, "name"), name).Check();
      *out = error;
      return true;
    }
    case CV8_WIRE_BIGINT: {
      Local<String> digits;
      if (!ReadString(&digits)) return false;
      Local<Value> global_bigint;
      Local<Value> converted;
      if (!ctx_->Global()->Get(ctx_, String::NewFromUtf8Literal(isolate_, "BigInt")).ToLocal(&global_bigint) ||
          !global_bigint->IsFunction())
        return false;
      Local<Value> argv[] = {digits};
      if (!global_bigint.As<Function>()->Call(ctx_, Undefined(isolate_), 1, argv).ToLocal(&converted)) return false;
      *out = converted;
      return true;
    }
    case CV8_WIRE_DATE: {
      double v;
      if (!ReadF64(&v)) return false;
      return Date::New(ctx_, v).ToLocal(out);
    }
    case CV8_WIRE_FUNCTION:
    case CV8_WIRE_PROMISE:
    case CV8_WIRE_REFERENCE: {
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

bool Decoder::DecodeList(std::vector<Local<Value>> *out) {
  uint32_t count;
  if (p_ >= end_ || *p_++ != CV8_WIRE_ARRAY || !ReadU32(&count) || count > static_cast<size_t>(end_ - p_)) return false;
  return DecodeElements(count, out, 1);
}

bool Decoder::DecodeElements(uint32_t count, std::vector<Local<Value>> *out, int depth) {
  out->resize(count);
  for (uint32_t i = 0; i < count; i++)
    if (!Decode(&(*out)[i], depth)) return false;
  return true;
}

bool Decoder::ReadU32(uint32_t *v) {
  if (end_ - p_ < 4) return false;
  memcpy(v, p_, 4);
  p_ += 4;
  return true;
}

bool Decoder::ReadU64(uint64_t *v) {
  if (end_ - p_ < 8) return false;
  memcpy(v, p_, 8);
  p_ += 8;
  return true;
}

bool Decoder::ReadF64(double *v) {
  if (end_ - p_ < 8) return false;
  memcpy(v, p_, 8);
  p_ += 8;
  return true;
}

bool Decoder::ReadBytes(const uint8_t **data, uint32_t *length) {
  if (!ReadU32(length) || static_cast<size_t>(end_ - p_) < *length) return false;
  *data = p_;
  p_ += *length;
  return true;
}

bool Decoder::ReadString(Local<String> *out) {
  const uint8_t *data;
  uint32_t length;
  if (!ReadBytes(&data, &length)) return false;
  return String::NewFromUtf8(isolate_, reinterpret_cast<const char *>(data), NewStringType::kNormal,
                             static_cast<int>(length))
      .ToLocal(out);
}

cv8_status EncodeResult(cv8_context *c, Local<Context> ctx, TryCatch &caught, Local<Value> value, cv8_buffer *result,
                        cv8_error *error) {
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

}  // namespace cv8
