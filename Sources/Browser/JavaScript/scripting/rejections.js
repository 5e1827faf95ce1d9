// Unhandled promise rejections (HTML §8.1.4.7): the page's HostPromiseRejectionTracker and
// "notify about rejected promises". Swift's V8 layer reports each rejection without a handler and
// each handler added to one later (`track`), and the end of the microtask checkpoint after them
// (`notify`). At that end, the promises still unhandled are handed to a task that fires a
// cancelable PromiseRejectionEvent `unhandledrejection` at the window for each one not handled
// by then; one not canceled is recorded in Swift as a page error (what Chrome prints as
// "Uncaught (in promise)"), with the reason's name, message, stack and `URL:line:column`. A
// handler added after that event queues a task that fires `rejectionhandled`.
(host, runtime) => {
  'use strict';
  const { Event, fire } = runtime.events;
  const { describe } = runtime.errors;
  const {
    ArrayPrototypePush, Map, MapPrototypeDelete, MapPrototypeForEach, MapPrototypeHas, MapPrototypeSet, ObjectDefineProperty,
    ObjectFreeze, Symbol, TypeError, WeakMap, WeakMapPrototypeDelete, WeakMapPrototypeHas, WeakMapPrototypeSet,
  } = runtime.primordials;

  /** HTML §8.1.4.7.1: the event of an unhandled rejection and of a rejection handled late. */
  class PromiseRejectionEvent extends Event {
    #promise;
    #reason;
    constructor(type, eventInitDict) {
      if (arguments.length < 2) {
        throw new TypeError(
          `Failed to construct 'PromiseRejectionEvent': 2 arguments required, but only ${arguments.length} present.`);
      }
      const promise = eventInitDict?.promise;
      if (promise === null || (typeof promise !== 'object' && typeof promise !== 'function')) {
        throw new TypeError(`Failed to construct 'PromiseRejectionEvent': ${promise === undefined
          ? 'required member promise is undefined.' : "member promise is not of type 'object'."}`);
      }
      super(type, eventInitDict);
      this.#promise = promise;
      this.#reason = eventInitDict.reason;
    }
    get promise() { return this.#promise; }
    get reason() { return this.#reason; }
  }
  ObjectDefineProperty(
    PromiseRejectionEvent.prototype, Symbol.toStringTag, { value: 'PromiseRejectionEvent', configurable: true });

  let window = null;
  /** The about-to-be-notified rejected promises list: promise -> reason, in rejection order. */
  let aboutToBeNotified = new Map();
  /** Promises handed to a notification task that has not reached them yet: promise -> reason. */
  const awaitingTask = new Map();
  /** The outstanding rejected promises weak set (with each one's reason). */
  const outstanding = new WeakMap();

  /**
   * HostPromiseRejectionTracker(promise, operation): `rejected` true for "reject", false for
   * "handle" (a handler added to a promise reported before).
   */
  const track = (rejected, promise, reason) => {
    if (rejected) {
      MapPrototypeSet(aboutToBeNotified, promise, reason);
      return;
    }
    // [[PromiseIsHandled]] became true: it leaves whatever list still waits to notify about it.
    if (MapPrototypeDelete(aboutToBeNotified, promise) || MapPrototypeDelete(awaitingTask, promise)) return;
    if (!WeakMapPrototypeHas(outstanding, promise)) return;
    WeakMapPrototypeDelete(outstanding, promise);
    host.queueTask(() => {
      if (window === null) return;
      fire(window, new PromiseRejectionEvent('rejectionhandled', { __proto__: null, promise, reason }));
    });
  };

  /** Notify about rejected promises: at the end of a microtask checkpoint. */
  const notify = () => {
    const list = [];
    MapPrototypeForEach(aboutToBeNotified, (reason, promise) => {
      ArrayPrototypePush(list, promise, reason);
      MapPrototypeSet(awaitingTask, promise, reason);
    });
    if (list.length === 0) return;
    aboutToBeNotified = new Map();
    host.queueTask(() => {
      for (let i = 0; i < list.length; i += 2) {
        const promise = list[i], reason = list[i + 1];
        if (!MapPrototypeHas(awaitingTask, promise)) continue;
        let notCanceled = true;
        if (window !== null) {
          const event = new PromiseRejectionEvent('unhandledrejection', { __proto__: null, cancelable: true, promise, reason });
          notCanceled = fire(window, event);
        }
        if (notCanceled) reportUnhandled(reason);
        // Still unhandled after its event: a handler added later fires `rejectionhandled`.
        if (MapPrototypeDelete(awaitingTask, promise)) WeakMapPrototypeSet(outstanding, promise, reason);
      }
    });
  };

  /** Records the rejection in Swift as a page error: the reason as a thrown value, where it was made. */
  const reportUnhandled = (reason) => {
    const { name, message, stack, filename, lineno, colno } = describe(reason);
    host.reportError(name, message, stack, filename === '' ? '' : `${filename}:${lineno}:${colno}`, true);
  };

  const install = (global) => {
    window = global;
    host.trackRejections();
  };

  return ObjectFreeze({ install, interfaces: ObjectFreeze({ PromiseRejectionEvent }), track, notify });
}
