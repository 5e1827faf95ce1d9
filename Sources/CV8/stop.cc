// Stopping a runaway call from the deadline thread through a V8 interrupt (cv8_stop.h): unlike a
// bare TerminateExecution, the interrupt runs inside the JavaScript, so it can record where the
// code was before it ends it.
#include "cv8_stop.h"
#include "internal.h"

#include <cstdlib>
#include <cstring>

using namespace v8;

struct cv8_stop {
  cv8_isolate *iso;
  int depth;
  std::mutex mutex;
  bool cancelled = false;
  bool stopped = false;
  std::string frames;
  // The caller's and the interrupt's: the last to let go deletes it.
  std::atomic<int> references{2};
};

namespace {

void Release(cv8_stop *stop) {
  if (--stop->references == 0) delete stop;
}

void Interrupt(Isolate *isolate, void *data) {
  auto *stop = static_cast<cv8_stop *>(data);
  {
    std::lock_guard<std::mutex> lock(stop->mutex);
    if (!stop->cancelled && stop->iso->entry_depth >= stop->depth) {
      HandleScope scope(isolate);
      Local<StackTrace> trace = StackTrace::CurrentStackTrace(isolate, 10, StackTrace::kDetailed);
      for (int i = 0; i < trace->GetFrameCount(); i++) {
        Local<StackFrame> frame = trace->GetFrame(isolate, static_cast<uint32_t>(i));
        String::Utf8Value name(isolate, frame->GetScriptNameOrSourceURL());
        if (*name == nullptr || name.length() == 0) continue;
        stop->frames.append(*name, static_cast<size_t>(name.length()));
        stop->frames += ":" + std::to_string(frame->GetLineNumber()) + ":" + std::to_string(frame->GetColumn()) + "\n";
      }
      stop->stopped = true;
      cv8_isolate_terminate_at(stop->iso, stop->depth);
    }
  }
  Release(stop);
}

}  // namespace

extern "C" cv8_stop *cv8_isolate_stop_at(cv8_isolate *iso, int depth) {
  auto *stop = new cv8_stop;
  stop->iso = iso;
  stop->depth = depth;
  iso->isolate->RequestInterrupt(Interrupt, stop);
  return stop;
}

extern "C" bool cv8_stop_cancel(cv8_stop *stop, cv8_buffer *frames) {
  bool stopped;
  {
    std::lock_guard<std::mutex> lock(stop->mutex);
    stop->cancelled = true;
    stopped = stop->stopped;
    size_t length = stop->frames.size();
    frames->data = static_cast<uint8_t *>(malloc(length > 0 ? length : 1));
    if (length > 0) memcpy(frames->data, stop->frames.data(), length);
    frames->length = length;
  }
  Release(stop);
  return stopped;
}
