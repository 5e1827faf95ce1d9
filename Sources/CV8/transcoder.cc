// Shared sources: UTF-8 decoded once into the form V8 keeps (Latin-1 or UTF-16) and handed to
// every isolate as an external string.

#include "internal.h"

#include <cstring>

using namespace v8;

namespace cv8 {

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

MaybeLocal<String> ExternalString(Isolate *isolate, cv8_source *source) {
  if (source->one_byte) return String::NewExternalOneByte(isolate, new OneByteSource(source));
  return String::NewExternalTwoByte(isolate, new TwoByteSource(source));
}

}  // namespace cv8

using namespace cv8;

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
    // A non-ASCII byte taken alone is an invalid sequence (a real U+FFFD takes three).
    if (consumed == 1) source->valid_utf8 = false;
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

extern "C" bool cv8_source_valid_utf8(const cv8_source *source) { return source->valid_utf8; }

extern "C" size_t cv8_source_size(const cv8_source *source) {
  return source->one_byte ? source->latin1.size() : source->utf16.size() * 2;
}
