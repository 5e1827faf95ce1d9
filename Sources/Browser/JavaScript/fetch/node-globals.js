// The Web globals Node 18 gives every module, in a Node-compatible support realm: `Event`,
// `EventTarget`, `AbortController`, `AbortSignal` (with `timeout` on the support realm's timers)
// and `DOMException` from the DOM's own events.js and dom-exception.js, and `fetch`, `Headers`,
// `Request` and `Response` from the page realm's fetch.js (`installNode`: Node's rules, see there).
// A listener that throws is reported as Node reports it, as an error nobody caught, after the
// dispatch: a rejection nobody handles, which `process` makes an uncaught exception (failing the
// running step).
(host, runtime) => {
  'use strict';
  const { ObjectDefineProperty, PromisePrototypeThen, PromiseResolve } = runtime.primordials;
  const events = runtime.events;
  events.setExceptionReporter((error) => {
    PromisePrototypeThen(PromiseResolve(), () => { throw error; });
  });
  const globals = {
    Event: events.Event, EventTarget: events.EventTarget, AbortController: events.AbortController, AbortSignal: events.AbortSignal,
    DOMException: runtime['dom-exception'].DOMException,
  };
  for (const name in globals) ObjectDefineProperty(globalThis, name, { value: globals[name], writable: true, configurable: true });
  runtime.fetch.installNode(globalThis);
  return {};
}
