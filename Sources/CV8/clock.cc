// Native clocks: milliseconds since the isolate was made, read without crossing into the host,
// and the stage marks a watchdog on another thread reads.

#include "internal.h"

#include <ctime>

using namespace v8;

namespace cv8 {

int64_t MonotonicNs() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

/// The native clock: milliseconds since the isolate was made; with an integer argument, also
/// marks that stage as started now. No host crossing, no data (a startup snapshot can hold it).
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

}  // namespace cv8

using namespace cv8;

extern "C" int64_t cv8_monotonic_ns(void) { return MonotonicNs(); }

extern "C" void cv8_isolate_mark(cv8_isolate *iso, int32_t *index, int64_t *ns) {
  *index = iso->mark_index.load(std::memory_order_acquire);
  *ns = iso->mark_ns.load(std::memory_order_relaxed);
}

extern "C" int64_t cv8_isolate_clock_origin(const cv8_isolate *iso) { return iso->clock_origin_ns; }

extern "C" void cv8_isolate_clear_mark(cv8_isolate *iso) { iso->mark_index.store(-1, std::memory_order_release); }
