// Promise rejection tracking (ECMAScript's HostPromiseRejectionTracker, cv8_rejections.h): V8's
// promise reject callback routed to the context whose code rejected the promise, a private mark
// on the promise so that a handler added later reaches the same context, and the note that the
// microtask checkpoint after such events has ended.

#include "internal.h"

#include <algorithm>
#include <atomic>

using namespace v8;

namespace cv8 {

namespace {

// Marks name contexts across the process (a disposed context's mark is never reused).
std::atomic<uint64_t> g_next_mark{1};

Local<Private> MarkKey(Isolate *isolate) {
  return Private::ForApi(isolate, String::NewFromUtf8Literal(isolate, "cv8::rejection-tracker"));
}

bool IsLive(cv8_isolate *iso, cv8_context *c) {
  return std::find(iso->contexts.begin(), iso->contexts.end(), c) != iso->contexts.end();
}

cv8_context *TrackerMarked(cv8_isolate *iso, double mark) {
  for (cv8_context *c : iso->contexts)
    if (c->rejection_callback && c->rejection_mark == mark) return c;
  return nullptr;
}

void Deliver(cv8_context *c, cv8_promise_rejection_event event, Local<Promise> promise, Local<Value> reason) {
  cv8_isolate *iso = c->iso;
  c->rejections_pending = true;
  HostEntry entry(iso);
  c->rejection_callback(iso->data, c, event, NewRef(c, promise), NewRef(c, reason));
}

void PromiseRejected(PromiseRejectMessage message) {
  Local<Promise> promise = message.GetPromise();
  Isolate *isolate = promise->GetIsolate();
  if (isolate->IsExecutionTerminating()) return;
  HandleScope handles(isolate);
  // The realm whose code runs (HTML's current settings object); the promise's own when none does.
  cv8_context *running = isolate->InContext() ? ContextOf(isolate->GetCurrentContext()) : nullptr;
  if (!running) {
    Local<Context> creation;
    if (!promise->GetCreationContext().ToLocal(&creation)) return;
    running = ContextOf(creation);
    if (!running) return;
  }
  cv8_isolate *iso = running->iso;
  Local<Context> ctx = running->context.Get(isolate);
  switch (message.GetEvent()) {
    case kPromiseRejectWithNoHandler: {
      if (!running->rejection_callback) return;
      TryCatch caught(isolate);
      if (promise->SetPrivate(ctx, MarkKey(isolate), Number::New(isolate, running->rejection_mark)).IsNothing()) return;
      Local<Value> reason = message.GetValue();
      if (reason.IsEmpty()) reason = Undefined(isolate);
      Deliver(running, CV8_PROMISE_REJECTED_WITHOUT_HANDLER, promise, reason);
      return;
    }
    case kPromiseHandlerAddedAfterReject: {
      TryCatch caught(isolate);
      Local<Private> key = MarkKey(isolate);
      Local<Value> mark;
      if (!promise->GetPrivate(ctx, key).ToLocal(&mark) || !mark->IsNumber()) return;
      (void)promise->DeletePrivate(ctx, key);
      cv8_context *told = TrackerMarked(iso, mark.As<Number>()->Value());
      if (!told) return;
      Deliver(told, CV8_PROMISE_HANDLER_ADDED_AFTER_REJECTION, promise, promise->Result());
      return;
    }
    default:
      // Resolving or rejecting a settled promise: not a rejection to track.
      return;
  }
}

}  // namespace

bool NotifyRejectionTrackers(cv8_isolate *iso, cv8_context *only) {
  bool told = false;
  // A tracker may dispose contexts: walk a copy and skip what is gone.
  std::vector<cv8_context *> contexts = iso->contexts;
  for (cv8_context *c : contexts) {
    if (only && c != only) continue;
    if (!IsLive(iso, c) || !c->rejections_pending || !c->rejection_callback || c->microtasks_cancelled) continue;
    c->rejections_pending = false;
    told = true;
    HostEntry entry(iso);
    c->rejection_callback(iso->data, c, CV8_PROMISE_MICROTASK_CHECKPOINT_ENDED, nullptr, nullptr);
    if (iso->isolate->IsExecutionTerminating()) break;
  }
  return told;
}

void PerformContextCheckpoint(cv8_context *c) {
  Isolate *isolate = c->iso->isolate;
  c->queue->PerformCheckpoint(isolate);
  for (int round = 0; round < 100 && !isolate->IsExecutionTerminating() && NotifyRejectionTrackers(c->iso, c); round++)
    c->queue->PerformCheckpoint(isolate);
}

}  // namespace cv8

using namespace cv8;

extern "C" void cv8_context_track_promise_rejections(cv8_context *c, cv8_promise_rejection_callback callback) {
  if (!c) return;
  if (callback && !c->rejection_mark) {
    c->rejection_mark = static_cast<double>(g_next_mark.fetch_add(1));
    // One hook per isolate; contexts that do not track are skipped in it.
    c->iso->isolate->SetPromiseRejectCallback(PromiseRejected);
  }
  c->rejection_callback = callback;
  if (!callback) c->rejections_pending = false;
}
