// SafeArrayIterator: iterates an array by index with methods of its own, so `for...of` in the DOM
// runtime never calls `Array.prototype[Symbol.iterator]` or `%ArrayIteratorPrototype%.next`,
// which page code can replace (after Node's primordials SafeArrayIterator). Installed first of
// the DOM files: `for (const node of safeArray(list))`.
(host, runtime) => {
  'use strict';
  const { ObjectFreeze, ObjectSetPrototypeOf, Symbol } = runtime.primordials;

  class SafeArrayIterator {
    constructor(array) {
      this.array = array;
      this.index = 0;
    }
    next() {
      const array = this.array;
      const index = this.index;
      if (index < array.length) {
        this.index = index + 1;
        return { value: array[index], done: false };
      }
      return { value: undefined, done: true };
    }
    [Symbol.iterator]() { return this; }
  }
  // Early exits look up `return`; it is found here (undefined), never on Object.prototype.
  SafeArrayIterator.prototype.return = undefined;
  ObjectSetPrototypeOf(SafeArrayIterator.prototype, null);
  ObjectFreeze(SafeArrayIterator.prototype);

  /** An iterable over `array` that page code cannot redirect. */
  const safeArray = (array) => new SafeArrayIterator(array);
  return ObjectFreeze({ SafeArrayIterator, safeArray });
}
