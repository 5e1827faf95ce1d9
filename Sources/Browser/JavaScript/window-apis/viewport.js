// What is in view, without layout: `screen` (CSSOM View §4.3, the viewport's size, 24-bit
// colour), `IntersectionObserver` (Intersection Observer) and `ResizeObserver` (Resize Observer).
// Caper computes no boxes, so everything counts as in view: each element an IntersectionObserver
// observes is reported once, intersecting with ratio 1, as a task after `observe()`, its rects
// empty at the origin and the root bounds the viewport (1280x720 unless set). A ResizeObserver
// reports each observed element once, as a task, its content box the `width`/`height` the
// cascade gives it in px where known (a rendered element with a px value), else 0x0.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSplice, FunctionPrototypeCall, NumberParseFloat, ObjectDefineProperty,
    ObjectFreeze, RegExpPrototypeExec, String, Symbol, TypeError,
  } = runtime.primordials;
  const { TYPE } = runtime.internals;
  const { reportException } = runtime.errors;
  const { now } = runtime.clock;
  const cascade = runtime.cascade;
  const queueTask = (task) => runtime.timers.setTimeout(task, 0);
  let constructing = false;

  // Geometry Interfaces §4 (window-apis/geometry.js, installed before this file).
  const { DOMRectReadOnly } = runtime.geometry;
  const checkElement = (target, interfaceName) => {
    if (target === null || typeof target !== 'object' || target[TYPE] !== 1) {
      throw new TypeError(`Failed to execute 'observe' on '${interfaceName}': parameter 1 is not of type 'Element'.`);
    }
  };
  const callObserver = (callback, entries, observer) => {
    try {
      FunctionPrototypeCall(callback, observer, entries, observer);
    } catch (error) {
      reportException(error);
    }
  };

  // ---- IntersectionObserver ---------------------------------------------------------------------
  const IO = { callback: Symbol('callback'), targets: Symbol('targets'), queue: Symbol('queue'), options: Symbol('options'), window: Symbol('window') };
  class IntersectionObserverEntry {
    constructor(init) {
      if (!constructing) throw new TypeError('Illegal constructor');
      for (const name of ['time', 'rootBounds', 'boundingClientRect', 'intersectionRect', 'isIntersecting', 'isVisible', 'intersectionRatio', 'target']) {
        ObjectDefineProperty(this, name, { value: init[name], enumerable: true });
      }
    }
  }
  let windowOfObservers = null;
  class IntersectionObserver {
    constructor(callback, options = undefined) {
      if (typeof callback !== 'function') {
        throw new TypeError("Failed to construct 'IntersectionObserver': The callback provided as parameter 1 is not a function.");
      }
      const threshold = options?.threshold ?? 0;
      const thresholds = typeof threshold === 'number' ? [threshold] : [...threshold];
      for (let i = 0; i < thresholds.length; i++) {
        if (!(thresholds[i] >= 0 && thresholds[i] <= 1)) throw new RangeErrorConstructor("Failed to construct 'IntersectionObserver': Threshold values must be numbers between 0 and 1");
      }
      this[IO.callback] = callback;
      this[IO.targets] = [];
      this[IO.queue] = [];
      this[IO.options] = ObjectFreeze({ root: options?.root ?? null, rootMargin: String(options?.rootMargin ?? '0px 0px 0px 0px'), thresholds: ObjectFreeze(thresholds) });
    }
    get root() { return this[IO.options].root; }
    get rootMargin() { return this[IO.options].rootMargin; }
    get thresholds() { return this[IO.options].thresholds; }
    observe(target) {
      checkElement(target, 'IntersectionObserver');
      if (ArrayPrototypeIndexOf(this[IO.targets], target) >= 0) return;
      ArrayPrototypePush(this[IO.targets], target);
      const viewport = cascade.viewport(windowOfObservers);
      constructing = true;
      const entry = new IntersectionObserverEntry({
        time: now(), rootBounds: new DOMRectReadOnly(0, 0, viewport.width, viewport.height), boundingClientRect: new DOMRectReadOnly(),
        intersectionRect: new DOMRectReadOnly(), isIntersecting: true, isVisible: true, intersectionRatio: 1, target,
      });
      constructing = false;
      const wasEmpty = this[IO.queue].length === 0;
      ArrayPrototypePush(this[IO.queue], entry);
      if (wasEmpty) {
        queueTask(() => {
          const entries = this.takeRecords();
          if (entries.length > 0) callObserver(this[IO.callback], entries, this);
        });
      }
    }
    unobserve(target) {
      const at = ArrayPrototypeIndexOf(this[IO.targets], target);
      if (at >= 0) ArrayPrototypeSplice(this[IO.targets], at, 1);
      const queue = this[IO.queue];
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i].target === target) ArrayPrototypeSplice(queue, i, 1);
    }
    disconnect() {
      this[IO.targets] = [];
      this[IO.queue] = [];
    }
    takeRecords() {
      const queue = this[IO.queue];
      this[IO.queue] = [];
      return queue;
    }
  }
  const RangeErrorConstructor = runtime.primordials.RangeError;

  // ---- ResizeObserver ---------------------------------------------------------------------------
  const RO = { callback: Symbol('callback'), targets: Symbol('targets'), queue: Symbol('queue') };
  const PX = /^(-?[0-9.]+(?:e[+-]?[0-9]+)?)px$/;
  /** The content box size the cascade gives `element`, in px, or 0 when not known. */
  const declaredSize = (element, property) => {
    const record = cascade.computedStyle(element);
    if (record === null || !record.rendered) return 0;
    const value = record.declared[property]?.value;
    if (typeof value !== 'string') return 0;
    const match = RegExpPrototypeExec(PX, value);
    const size = match === null ? 0 : NumberParseFloat(match[1]);
    return size > 0 ? size : 0;
  };
  class ResizeObserverSize {
    constructor(inlineSize, blockSize) {
      if (!constructing) throw new TypeError('Illegal constructor');
      ObjectDefineProperty(this, 'inlineSize', { value: inlineSize, enumerable: true });
      ObjectDefineProperty(this, 'blockSize', { value: blockSize, enumerable: true });
    }
  }
  class ResizeObserverEntry {
    constructor(target) {
      if (!constructing) throw new TypeError('Illegal constructor');
      const width = declaredSize(target, 'width');
      const height = declaredSize(target, 'height');
      const size = ObjectFreeze([new ResizeObserverSize(width, height)]);
      ObjectDefineProperty(this, 'target', { value: target, enumerable: true });
      ObjectDefineProperty(this, 'contentRect', { value: new DOMRectReadOnly(0, 0, width, height), enumerable: true });
      ObjectDefineProperty(this, 'borderBoxSize', { value: size, enumerable: true });
      ObjectDefineProperty(this, 'contentBoxSize', { value: size, enumerable: true });
      ObjectDefineProperty(this, 'devicePixelContentBoxSize', { value: size, enumerable: true });
    }
  }
  class ResizeObserver {
    constructor(callback) {
      if (typeof callback !== 'function') {
        throw new TypeError("Failed to construct 'ResizeObserver': The callback provided as parameter 1 is not a function.");
      }
      this[RO.callback] = callback;
      this[RO.targets] = [];
      this[RO.queue] = [];
    }
    observe(target, options = undefined) {
      checkElement(target, 'ResizeObserver');
      if (ArrayPrototypeIndexOf(this[RO.targets], target) >= 0) return;
      ArrayPrototypePush(this[RO.targets], target);
      const wasEmpty = this[RO.queue].length === 0;
      ArrayPrototypePush(this[RO.queue], target);
      if (!wasEmpty) return;
      queueTask(() => {
        const targets = this[RO.queue];
        this[RO.queue] = [];
        if (targets.length === 0) return;
        const entries = [];
        constructing = true;
        try {
          for (let i = 0; i < targets.length; i++) ArrayPrototypePush(entries, new ResizeObserverEntry(targets[i]));
        } finally {
          constructing = false;
        }
        callObserver(this[RO.callback], entries, this);
      });
    }
    unobserve(target) {
      const at = ArrayPrototypeIndexOf(this[RO.targets], target);
      if (at >= 0) ArrayPrototypeSplice(this[RO.targets], at, 1);
      const queued = ArrayPrototypeIndexOf(this[RO.queue], target);
      if (queued >= 0) ArrayPrototypeSplice(this[RO.queue], queued, 1);
    }
    disconnect() {
      this[RO.targets] = [];
      this[RO.queue] = [];
    }
  }

  // ---- Screen (CSSOM View §4.3) -----------------------------------------------------------------
  const SCREEN_WINDOW = Symbol('window');
  class Screen {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    get width() { return cascade.viewport(this[SCREEN_WINDOW]).width; }
    get height() { return cascade.viewport(this[SCREEN_WINDOW]).height; }
    get availWidth() { return this.width; }
    get availHeight() { return this.height; }
    get availLeft() { return 0; }
    get availTop() { return 0; }
    get colorDepth() { return 24; }
    get pixelDepth() { return 24; }
    get isExtended() { return false; }
  }

  const interfaces = {
    IntersectionObserver, IntersectionObserverEntry, ResizeObserver, ResizeObserverEntry, ResizeObserverSize, Screen,
  };
  for (const name in interfaces) ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });

  const install = (global) => {
    windowOfObservers = global;
    constructing = true;
    const screen = new Screen();
    constructing = false;
    ObjectDefineProperty(screen, SCREEN_WINDOW, { value: global });
    ObjectDefineProperty(global, 'screen', { get() { return screen; }, configurable: true, enumerable: true });
    const origin = { get() { return 0; }, configurable: true, enumerable: true };
    for (const name of ['screenX', 'screenY', 'screenLeft', 'screenTop']) ObjectDefineProperty(global, name, origin);
  };
  return ObjectFreeze({ interfaces: ObjectFreeze(interfaces), install });
}
