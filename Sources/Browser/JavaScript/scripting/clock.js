// The page's clock (issue 13's virtual time): `Date`, `performance` and every timestamp a page
// reads come from the page realm's virtual clock (`host.now()`, milliseconds since the time
// origin, moved only by the event loop between tasks), not from the process. V8 reads time from
// the process, so `Date` is replaced here, once, in the startup snapshot, by a wrapper that keeps
// `instanceof Date`, `Date.prototype`, `Date.parse`, `Date.UTC` and `Date.length` (as
// @sinonjs/fake-timers and Playwright's clock do). High Resolution Time §4 (`performance.now`,
// `timeOrigin`) and User Timing (`mark`, `measure`).
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypeFilter, ArrayPrototypePush, Date: NativeDate, DatePrototypeToString, Number,
    ObjectDefineProperty, ObjectFreeze, ReflectConstruct, String, Symbol, TypeError,
  } = runtime.primordials;

  /** Milliseconds since the time origin, on the page's virtual clock. */
  const now = () => host.now();
  /** The time origin, in milliseconds since the Unix epoch. */
  let origin = null;
  const timeOrigin = () => {
    if (origin === null) origin = host.timeOrigin();
    return origin;
  };
  /**
   * The current time in milliseconds since the Unix epoch (what `Date.now()` returns, an integer):
   * the time origin plus the page's time, as Playwright's clock controls move it (`host.dateNow()`).
   */
  const epochNow = () => host.dateNow();

  // `Date` read from the virtual clock. Constructed with arguments it is the native `Date`;
  // without, it is "now" on the page's clock; called as a function it is that instant's string.
  const Date = function Date(year, month, day, hours, minutes, seconds, ms) {
    if (new.target === undefined) return DatePrototypeToString(new NativeDate(epochNow()));
    // eslint-disable-next-line prefer-rest-params
    const args = arguments;
    return args.length === 0 ? ReflectConstruct(NativeDate, [epochNow()], new.target) : ReflectConstruct(NativeDate, args, new.target);
  };
  ObjectDefineProperty(Date, 'length', { value: 7, configurable: true });
  ObjectDefineProperty(Date, 'prototype', { value: NativeDate.prototype, writable: false, enumerable: false, configurable: false });
  ObjectDefineProperty(Date, 'now', { value: function now() { return epochNow(); }, writable: true, configurable: true });
  ObjectDefineProperty(Date, 'parse', { value: NativeDate.parse, writable: true, configurable: true });
  ObjectDefineProperty(Date, 'UTC', { value: NativeDate.UTC, writable: true, configurable: true });
  ObjectDefineProperty(NativeDate.prototype, 'constructor', { value: Date, writable: true, configurable: true });
  ObjectDefineProperty(globalThis, 'Date', { value: Date, writable: true, configurable: true, enumerable: false });

  // ---- Performance (High Resolution Time, User Timing) ----------------------------------------
  const ENTRIES = Symbol('entries');
  let constructing = false;
  class PerformanceEntry {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    toJSON() { return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration }; }
  }
  class PerformanceMark extends PerformanceEntry {}
  class PerformanceMeasure extends PerformanceEntry {}
  const makeEntry = (Kind, name, type, startTime, duration, detail) => {
    constructing = true;
    const entry = new Kind();
    constructing = false;
    ObjectDefineProperty(entry, 'name', { value: name, enumerable: true });
    ObjectDefineProperty(entry, 'entryType', { value: type, enumerable: true });
    ObjectDefineProperty(entry, 'startTime', { value: startTime, enumerable: true });
    ObjectDefineProperty(entry, 'duration', { value: duration, enumerable: true });
    ObjectDefineProperty(entry, 'detail', { value: detail ?? null, enumerable: true });
    return entry;
  };
  class Performance extends runtime.events.EventTarget {
    constructor() {
      if (!constructing) throw new TypeError('Illegal constructor');
      super();
      this[ENTRIES] = [];
    }
    now() { return now(); }
    get timeOrigin() { return timeOrigin(); }
    mark(name, options = undefined) {
      const startTime = options?.startTime !== undefined ? Number(options.startTime) : now();
      const entry = makeEntry(PerformanceMark, String(name), 'mark', startTime, 0, options?.detail);
      ArrayPrototypePush(this[ENTRIES], entry);
      return entry;
    }
    measure(name, start = undefined, end = undefined) {
      const timeOf = (mark, fallback) => {
        if (mark === undefined) return fallback;
        if (typeof mark === 'number') return mark;
        const found = ArrayPrototypeFilter(this[ENTRIES], (e) => e.entryType === 'mark' && e.name === String(mark));
        if (found.length === 0) {
          throw runtime['dom-exception'].makeError('SyntaxError', `Failed to execute 'measure' on 'Performance': The mark '${mark}' does not exist.`);
        }
        return found[found.length - 1].startTime;
      };
      let detail;
      if (start !== null && typeof start === 'object') {
        detail = start.detail;
        end = start.end;
        start = start.start;
      }
      const startTime = timeOf(start, 0);
      const endTime = timeOf(end, now());
      const entry = makeEntry(PerformanceMeasure, String(name), 'measure', startTime, endTime - startTime, detail);
      ArrayPrototypePush(this[ENTRIES], entry);
      return entry;
    }
    getEntries() { return [...this[ENTRIES]]; }
    getEntriesByType(type) { return ArrayPrototypeFilter(this[ENTRIES], (e) => e.entryType === String(type)); }
    getEntriesByName(name, type = undefined) {
      return ArrayPrototypeFilter(this[ENTRIES], (e) => e.name === String(name) && (type === undefined || e.entryType === String(type)));
    }
    clearMarks(name = undefined) {
      this[ENTRIES] = ArrayPrototypeFilter(this[ENTRIES], (e) => e.entryType !== 'mark' || (name !== undefined && e.name !== String(name)));
    }
    clearMeasures(name = undefined) {
      this[ENTRIES] = ArrayPrototypeFilter(this[ENTRIES], (e) => e.entryType !== 'measure' || (name !== undefined && e.name !== String(name)));
    }
    toJSON() { return { timeOrigin: timeOrigin() }; }
  }
  const interfaces = { Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure };
  for (const name in interfaces) ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });

  const install = (global) => {
    constructing = true;
    const performance = new Performance();
    constructing = false;
    ObjectDefineProperty(global, 'performance', { value: performance, writable: true, configurable: true, enumerable: true });
  };

  return ObjectFreeze({ interfaces: ObjectFreeze(interfaces), install, now, epochNow, timeOrigin });
}
