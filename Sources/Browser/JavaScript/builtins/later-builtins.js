// Built-ins later than V8 10.2 (Chrome 102's engine) that current pages assume, installed on the
// page realm's own intrinsics while its startup snapshot is made (ECMA-262 2025 and the
// Array.fromAsync proposal): change-array-by-copy (§23.1.3.33-35, §23.1.3.39, §23.2.3.32-33,
// §23.2.3.36), Object.groupBy and Map.groupBy (§20.1.2.12, §24.1.2.1), Promise.withResolvers
// (§27.2.4.9), Array.fromAsync, the Set methods (§24.2.4) and String.prototype.isWellFormed /
// toWellFormed (§22.1.3.10, §22.1.3.32). `at`, `findLast`, `findLastIndex` and `Object.hasOwn`
// are native in 10.2 and left alone.
//
// Each function is a method definition (no `prototype`, not a constructor), its `name` and
// `length` the specification's, installed writable, configurable and not enumerable. They call
// only built-ins captured here or in the primordials, so a page that later replaces
// `Array.prototype.push`, `Map.prototype.set` or `Set.prototype.add` does not change what they
// do; what the specification itself reads from the page's objects (an iterable's iterator, a
// set-like's `size`, `has`, `keys`, a constructor given as `this`) is read as it says. Arrays
// they return are made by `Array.from` over an internal array-like (CreateDataProperty, never a
// setter a page put on `Array.prototype`).
(host, runtime) => {
  'use strict';
  const {
    Array, ArrayFrom, ArrayPrototypeSort, FunctionPrototypeCall, Map, MapPrototypeForEach, MapPrototypeGet, MapPrototypeSet,
    MathMax, MathMin, MathTrunc, Object, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf,
    Promise, RangeError, ReflectConstruct, ReflectOwnKeys, RegExpPrototypeExec, Set, SetPrototypeAdd, SetPrototypeDelete, SetPrototypeHas,
    SetPrototypeValues, String, StringPrototypeSlice, SymbolAsyncIterator, SymbolIterator, SymbolToStringTag, SymbolUnscopables,
    TypeError,
  } = runtime.primordials;
  // Captured while the snapshot is made, before any page code runs.
  const ProxyConstructor = Proxy;
  const TypedArray = ObjectGetPrototypeOf(Int8Array);
  const TypedArrayPrototype = TypedArray.prototype;
  const typedArrayName = ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, SymbolToStringTag).get;
  const typedArrayLength = ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;
  const typedArrayValues = TypedArrayPrototype.values;
  const typedArraySet = TypedArrayPrototype.set;
  const typedArraySort = TypedArrayPrototype.sort;
  const typedArrayConstructors = {
    __proto__: null, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array,
    Float64Array, BigInt64Array, BigUint64Array,
  };
  const setSize = ObjectGetOwnPropertyDescriptor(Set.prototype, 'size').get;
  const setIteratorNext = ObjectGetPrototypeOf(SetPrototypeValues(new Set())).next;
  const MAX_SAFE_INTEGER = 2 ** 53 - 1;

  // ---- Abstract operations (ECMA-262 §7) ------------------------------------------------------
  const isCallable = (value) => typeof value === 'function';
  const isObject = (value) => value !== null && (typeof value === 'object' || typeof value === 'function');
  /** IsConstructor, observing nothing of `value` (a proxy's [[Construct]] exists only for a constructor). */
  const constructorProbe = { __proto__: null, construct: () => ({}) };
  const isConstructor = (value) => {
    if (!isCallable(value)) return false;
    try {
      ReflectConstruct(new ProxyConstructor(value, constructorProbe), []);
      return true;
    } catch {
      return false;
    }
  };
  /** ToObject, with the TypeError `method` names for null and undefined. */
  const toObject = (value, method) => {
    if (value == null) throw new TypeError(`${method} called on null or undefined`);
    return Object(value);
  };
  /** ToIntegerOrInfinity: ToNumber (a TypeError for a BigInt or Symbol), then truncation; NaN and -0 give +0. */
  const toIntegerOrInfinity = (value) => {
    const number = +value;
    if (number !== number) return 0;
    return MathTrunc(number) + 0;
  };
  /** LengthOfArrayLike: ToLength(Get(O, "length")). */
  const lengthOfArrayLike = (object) => {
    const length = toIntegerOrInfinity(object.length);
    return length <= 0 ? 0 : MathMin(length, MAX_SAFE_INTEGER);
  };
  /** ToPropertyKey. */
  const toPropertyKey = (value) => {
    if (typeof value === 'string' || typeof value === 'symbol') return value;
    if (!isObject(value)) return `${value}`;
    return ReflectOwnKeys({ __proto__: null, [value]: 0 })[0];
  };
  /** An array of `length` (a RangeError past 2^32 - 1, as ArrayCreate) whose element k is `element(k)`. */
  const arrayOf = (length, element) => ArrayFrom({ __proto__: null, length }, (_, k) => element(k));
  /** CreateArrayFromList of an internal list (a null-prototype array-like). */
  const arrayFromList = (list) => ArrayFrom(list);
  const newList = () => ({ __proto__: null, length: 0 });
  const append = (list, value) => { list[list.length++] = value; };
  const dataProperty = (value) => ({ __proto__: null, value, writable: true, enumerable: true, configurable: true });

  /** GetIteratorFromMethod: the iterator `method` gives for `object`, and its `next`. */
  const iteratorFromMethod = (object, method) => {
    const iterator = FunctionPrototypeCall(method, object);
    if (!isObject(iterator)) throw new TypeError('Result of the Symbol.iterator method is not an object');
    return { __proto__: null, iterator, next: iterator.next, done: false };
  };
  /** IteratorStepValue: the next value, or `DONE`. */
  const DONE = { __proto__: null };
  const iteratorStepValue = (record) => {
    const result = FunctionPrototypeCall(record.next, record.iterator);
    if (!isObject(result)) throw new TypeError(`Iterator result ${String(result)} is not an object`);
    if (result.done) {
      record.done = true;
      return DONE;
    }
    return result.value;
  };
  /** IteratorClose for a normal completion. */
  const iteratorClose = (record) => {
    const method = record.iterator.return;
    if (method === undefined || method === null) return;
    if (!isCallable(method)) throw new TypeError('The iterator\'s return method is not callable');
    const result = FunctionPrototypeCall(method, record.iterator);
    if (!isObject(result)) throw new TypeError('The iterator\'s return method gave a non-object');
  };
  /** IteratorClose for a throw completion: `return` is called, what it does is ignored, `error` is rethrown. */
  const iteratorCloseAfter = (record, error) => {
    try {
      const method = record.iterator.return;
      if (method !== undefined && method !== null) FunctionPrototypeCall(method, record.iterator);
    } catch {
      // The original error wins.
    }
    throw error;
  };

  /** Installs `methods` on `target` as built-in methods are: writable, configurable, not enumerable. */
  const defineMethods = (target, methods) => {
    for (const key of ReflectOwnKeys(methods)) {
      const descriptor = { __proto__: null, value: methods[key], writable: true, enumerable: false, configurable: true };
      ObjectDefineProperty(target, key, descriptor);
    }
  };

  // ---- Array.prototype: change array by copy (§23.1.3) ----------------------------------------
  defineMethods(Array.prototype, {
    /** §23.1.3.33 Array.prototype.toReversed ( ) */
    toReversed() {
      const object = toObject(this, 'Array.prototype.toReversed');
      const length = lengthOfArrayLike(object);
      return arrayOf(length, (k) => object[length - k - 1]);
    },
    /** §23.1.3.34 Array.prototype.toSorted ( comparefn ) */
    toSorted(comparefn) {
      if (comparefn !== undefined && !isCallable(comparefn)) {
        throw new TypeError('The comparison function must be either a function or undefined');
      }
      const object = toObject(this, 'Array.prototype.toSorted');
      const length = lengthOfArrayLike(object);
      // Every index is read (holes as undefined) into a dense array of our own, sorted in place.
      return ArrayPrototypeSort(arrayOf(length, (k) => object[k]), comparefn);
    },
    /** §23.1.3.35 Array.prototype.toSpliced ( start, skipCount, ...items ) */
    toSpliced(start, skipCount, ...items) {
      const object = toObject(this, 'Array.prototype.toSpliced');
      const length = lengthOfArrayLike(object);
      const relativeStart = toIntegerOrInfinity(start);
      const actualStart = relativeStart === -Infinity ? 0 : relativeStart < 0 ? MathMax(length + relativeStart, 0)
        : MathMin(relativeStart, length);
      const insertCount = items.length;
      let actualSkipCount;
      if (arguments.length === 0) actualSkipCount = 0;
      else if (arguments.length === 1) actualSkipCount = length - actualStart;
      else actualSkipCount = MathMin(MathMax(toIntegerOrInfinity(skipCount), 0), length - actualStart);
      const newLength = length + insertCount - actualSkipCount;
      if (newLength > MAX_SAFE_INTEGER) throw new TypeError('Invalid array length: the result is longer than 2^53 - 1');
      const resume = actualStart + insertCount;
      const skip = actualSkipCount - insertCount;
      return arrayOf(newLength, (i) => (i < actualStart ? object[i] : i < resume ? items[i - actualStart] : object[i + skip]));
    },
    /** §23.1.3.39 Array.prototype.with ( index, value ) */
    with(index, value) {
      const object = toObject(this, 'Array.prototype.with');
      const length = lengthOfArrayLike(object);
      const relativeIndex = toIntegerOrInfinity(index);
      const actualIndex = relativeIndex >= 0 ? relativeIndex : length + relativeIndex;
      if (actualIndex >= length || actualIndex < 0) throw new RangeError('Invalid index : ' + String(relativeIndex));
      return arrayOf(length, (k) => (k === actualIndex ? value : object[k]));
    },
  });
  // §23.1.3.41 Array.prototype [ %Symbol.unscopables% ]: the new names are unscopable too (`with` is not listed).
  const unscopables = Array.prototype[SymbolUnscopables];
  for (const name of ['toReversed', 'toSorted', 'toSpliced']) ObjectDefineProperty(unscopables, name, dataProperty(true));

  // ---- %TypedArray%.prototype (§23.2.3) ------------------------------------------------------
  /** ValidateTypedArray (a TypeError when not a typed array or detached); gives its constructor and length. */
  const validateTypedArray = (object) => {
    FunctionPrototypeCall(typedArrayValues, object);
    const Constructor = typedArrayConstructors[FunctionPrototypeCall(typedArrayName, object)];
    return [Constructor, FunctionPrototypeCall(typedArrayLength, object)];
  };
  defineMethods(TypedArrayPrototype, {
    /** §23.2.3.32 %TypedArray%.prototype.toReversed ( ) */
    toReversed() {
      const [Constructor, length] = validateTypedArray(this);
      const result = new Constructor(length);
      for (let k = 0; k < length; k++) result[k] = this[length - k - 1];
      return result;
    },
    /** §23.2.3.33 %TypedArray%.prototype.toSorted ( comparefn ) */
    toSorted(comparefn) {
      if (comparefn !== undefined && !isCallable(comparefn)) {
        throw new TypeError('The comparison function must be either a function or undefined');
      }
      const [Constructor, length] = validateTypedArray(this);
      const result = new Constructor(length);
      FunctionPrototypeCall(typedArraySet, result, this);
      return FunctionPrototypeCall(typedArraySort, result, comparefn);
    },
    /** §23.2.3.36 %TypedArray%.prototype.with ( index, value ) */
    with(index, value) {
      const [Constructor, length] = validateTypedArray(this);
      const relativeIndex = toIntegerOrInfinity(index);
      const actualIndex = relativeIndex >= 0 ? relativeIndex : length + relativeIndex;
      // ToBigInt or ToNumber, as the element type asks, done once by storing into an element of that type.
      const converted = new Constructor(1);
      converted[0] = value;
      const numericValue = converted[0];
      // IsValidIntegerIndex, against the array as the conversion left it.
      if (!(actualIndex >= 0 && actualIndex < FunctionPrototypeCall(typedArrayLength, this))) {
        throw new RangeError('Invalid typed array index');
      }
      const result = new Constructor(length);
      for (let k = 0; k < length; k++) result[k] = k === actualIndex ? numericValue : this[k];
      return result;
    },
  });

  // ---- Object.groupBy, Map.groupBy (§7.3.35 GroupBy) -----------------------------------------
  /** GroupBy: the groups in order of first appearance, in a Map from key to an internal list. */
  const groupBy = (items, callback, keyCoercion, method) => {
    if (items == null) throw new TypeError(`${method} called on null or undefined`);
    if (!isCallable(callback)) throw new TypeError(`${method}: ${String(typeof callback)} is not a function`);
    const groups = new Map();
    let k = 0;
    // for-of is GetIterator, IteratorStepValue and IteratorClose on an abrupt completion of the body.
    for (const value of items) {
      if (k >= MAX_SAFE_INTEGER) throw new TypeError(`${method}: too many elements`);
      let key = callback(value, k);
      key = keyCoercion === 'property' ? toPropertyKey(key) : key === 0 ? 0 : key;
      let list = MapPrototypeGet(groups, key);
      if (list === undefined) {
        list = newList();
        MapPrototypeSet(groups, key, list);
      }
      append(list, value);
      k++;
    }
    return groups;
  };
  defineMethods(Object, {
    /** §20.1.2.12 Object.groupBy ( items, callback ) */
    groupBy(items, callback) {
      const groups = groupBy(items, callback, 'property', 'Object.groupBy');
      const object = { __proto__: null };
      MapPrototypeForEach(groups, (list, key) => { ObjectDefineProperty(object, key, dataProperty(arrayFromList(list))); });
      return object;
    },
  });
  defineMethods(Map, {
    /** §24.1.2.1 Map.groupBy ( items, callback ) */
    groupBy(items, callback) {
      const groups = groupBy(items, callback, 'zero', 'Map.groupBy');
      const map = new Map();
      MapPrototypeForEach(groups, (list, key) => { MapPrototypeSet(map, key, arrayFromList(list)); });
      return map;
    },
  });

  // ---- Promise.withResolvers (§27.2.4.9) -----------------------------------------------------
  defineMethods(Promise, {
    withResolvers() {
      // NewPromiseCapability(C).
      const C = this;
      if (!isConstructor(C)) throw new TypeError('Promise.withResolvers called on a non-constructor');
      let resolve;
      let reject;
      const executor = (resolveFunction, rejectFunction) => {
        if (resolve !== undefined || reject !== undefined) throw new TypeError('Promise executor has already been invoked');
        resolve = resolveFunction;
        reject = rejectFunction;
      };
      const promise = ReflectConstruct(C, [executor]);
      if (!isCallable(resolve) || !isCallable(reject)) throw new TypeError('Promise resolve or reject function is not callable');
      return { promise, resolve, reject };
    },
  });

  // ---- Array.fromAsync (proposal-array-from-async, ES2026) -------------------------------------
  /** GetMethod: undefined for undefined or null, a TypeError for anything else not callable. */
  const getMethod = (value, key) => {
    const method = value[key];
    if (method === undefined || method === null) return undefined;
    if (!isCallable(method)) throw new TypeError(`${String(typeof method)} is not a function`);
    return method;
  };
  /** AsyncIteratorClose for a throw completion: `return` is called and awaited, `error` is rethrown. */
  const asyncIteratorCloseAfter = async (record, error) => {
    try {
      const method = record.iterator.return;
      if (method !== undefined && method !== null) await FunctionPrototypeCall(method, record.iterator);
    } catch {
      // The original error wins.
    }
    throw error;
  };
  /** CreateAsyncFromSyncIterator's next: the step's value awaited (and the iterator closed when that rejects before the end). */
  const asyncFromSyncStep = async (record) => {
    const result = FunctionPrototypeCall(record.next, record.iterator);
    if (!isObject(result)) throw new TypeError(`Iterator result ${String(result)} is not an object`);
    const done = !!result.done;
    const value = result.value;
    try {
      return { __proto__: null, done, value: await value };
    } catch (error) {
      if (!done) iteratorCloseAfter(record, error);
      throw error;
    }
  };
  /** The same step for an async iterator: the result of `next` awaited. */
  const asyncStep = async (record) => {
    const result = await FunctionPrototypeCall(record.next, record.iterator);
    if (!isObject(result)) throw new TypeError(`Iterator result ${String(result)} is not an object`);
    if (result.done) return { __proto__: null, done: true, value: undefined };
    return { __proto__: null, done: false, value: result.value };
  };
  defineMethods(Array, {
    async fromAsync(asyncItems, mapper = undefined, thisArg = undefined) {
      const C = this;
      let mapping = false;
      if (mapper !== undefined) {
        if (!isCallable(mapper)) throw new TypeError(`${String(typeof mapper)} is not a function`);
        mapping = true;
      }
      if (asyncItems == null) throw new TypeError(`Array.fromAsync: ${String(asyncItems)} is not iterable or array-like`);
      const usingAsyncIterator = getMethod(asyncItems, SymbolAsyncIterator);
      const usingSyncIterator = usingAsyncIterator === undefined ? getMethod(asyncItems, SymbolIterator) : undefined;
      if (usingAsyncIterator !== undefined || usingSyncIterator !== undefined) {
        const record = iteratorFromMethod(asyncItems, usingAsyncIterator ?? usingSyncIterator);
        const step = usingAsyncIterator !== undefined ? asyncStep : asyncFromSyncStep;
        const A = isConstructor(C) ? ReflectConstruct(C, []) : [];
        for (let k = 0; ; k++) {
          if (k >= MAX_SAFE_INTEGER) {
            return asyncIteratorCloseAfter(record, new TypeError('Array.fromAsync: too many elements'));
          }
          const next = await step(record);
          if (next.done) {
            A.length = k;
            return A;
          }
          let mappedValue = next.value;
          try {
            if (mapping) mappedValue = await FunctionPrototypeCall(mapper, thisArg, mappedValue, k);
            ObjectDefineProperty(A, k, dataProperty(mappedValue));
          } catch (error) {
            return usingAsyncIterator !== undefined ? asyncIteratorCloseAfter(record, error) : iteratorCloseAfter(record, error);
          }
        }
      }
      // Neither async iterable nor iterable: an array-like.
      const arrayLike = Object(asyncItems);
      const length = lengthOfArrayLike(arrayLike);
      const A = isConstructor(C) ? ReflectConstruct(C, [length]) : new Array(length);
      for (let k = 0; k < length; k++) {
        let value = await arrayLike[k];
        if (mapping) value = await FunctionPrototypeCall(mapper, thisArg, value, k);
        ObjectDefineProperty(A, k, dataProperty(value));
      }
      A.length = length;
      return A;
    },
  });

  // ---- Set.prototype methods (§24.2.4) ---------------------------------------------------------
  /** RequireInternalSlot(O, [[SetData]]), giving its size (SetDataSize); read it again after GetSetRecord ran page code. */
  const thisSetSize = (set, method) => {
    try {
      return FunctionPrototypeCall(setSize, set);
    } catch {
      const receiver = typeof set === 'object' || typeof set === 'function' ? typeof set : String(set);
      throw new TypeError(`Method Set.prototype.${method} called on incompatible receiver ${receiver}`);
    }
  };
  /** §24.2.1.2 GetSetRecord. */
  const getSetRecord = (other) => {
    if (!isObject(other)) throw new TypeError('The argument must be a set-like object');
    const rawSize = other.size;
    const numSize = +rawSize;
    if (numSize !== numSize) throw new TypeError('The set-like\'s size is not a number');
    const size = toIntegerOrInfinity(numSize);
    if (size < 0) throw new RangeError('The set-like\'s size must not be negative');
    const has = other.has;
    if (!isCallable(has)) throw new TypeError('The set-like\'s has is not a function');
    const keys = other.keys;
    if (!isCallable(keys)) throw new TypeError('The set-like\'s keys is not a function');
    return { __proto__: null, set: other, size, has, keys };
  };
  /** GetIteratorFromMethod(setRec.[[SetObject]], setRec.[[Keys]]), `next` checked callable. */
  const getKeysIterator = (record) => {
    const iterator = FunctionPrototypeCall(record.keys, record.set);
    if (!isObject(iterator)) throw new TypeError('The set-like\'s keys() is not an object');
    const next = iterator.next;
    if (!isCallable(next)) throw new TypeError('The set-like\'s keys().next is not a function');
    return { __proto__: null, iterator, next, done: false };
  };
  const otherHas = (record, value) => !!FunctionPrototypeCall(record.has, record.set, value);
  /** The elements of `set` in order, live as the specification's index loops over [[SetData]] are. */
  const setIterator = (set) => SetPrototypeValues(set);
  const nextOf = (iterator) => FunctionPrototypeCall(setIteratorNext, iterator);
  const copyOf = (set) => {
    const result = new Set();
    for (let it = setIterator(set), step = nextOf(it); !step.done; step = nextOf(it)) SetPrototypeAdd(result, step.value);
    return result;
  };

  defineMethods(Set.prototype, {
    /** §24.2.4.18 Set.prototype.union ( other ) */
    union(other) {
      thisSetSize(this, 'union');
      const keys = getKeysIterator(getSetRecord(other));
      const result = copyOf(this);
      for (let next = iteratorStepValue(keys); next !== DONE; next = iteratorStepValue(keys)) SetPrototypeAdd(result, next);
      return result;
    },
    /** §24.2.4.9 Set.prototype.intersection ( other ) */
    intersection(other) {
      thisSetSize(this, 'intersection');
      const record = getSetRecord(other);
      const size = FunctionPrototypeCall(setSize, this);
      const result = new Set();
      if (size <= record.size) {
        for (let it = setIterator(this), step = nextOf(it); !step.done; step = nextOf(it)) {
          if (otherHas(record, step.value)) SetPrototypeAdd(result, step.value);
        }
      } else {
        const keys = getKeysIterator(record);
        for (let next = iteratorStepValue(keys); next !== DONE; next = iteratorStepValue(keys)) {
          if (SetPrototypeHas(this, next)) SetPrototypeAdd(result, next);
        }
      }
      return result;
    },
    /** §24.2.4.5 Set.prototype.difference ( other ) */
    difference(other) {
      thisSetSize(this, 'difference');
      const record = getSetRecord(other);
      const size = FunctionPrototypeCall(setSize, this);
      const result = copyOf(this);
      if (size <= record.size) {
        // Over the copy as it was made: only the element at hand is ever removed from it.
        const elements = newList();
        for (let it = setIterator(result), step = nextOf(it); !step.done; step = nextOf(it)) append(elements, step.value);
        for (let index = 0; index < elements.length; index++) {
          if (otherHas(record, elements[index])) SetPrototypeDelete(result, elements[index]);
        }
      } else {
        const keys = getKeysIterator(record);
        for (let next = iteratorStepValue(keys); next !== DONE; next = iteratorStepValue(keys)) SetPrototypeDelete(result, next);
      }
      return result;
    },
    /** §24.2.4.15 Set.prototype.symmetricDifference ( other ) */
    symmetricDifference(other) {
      thisSetSize(this, 'symmetricDifference');
      const keys = getKeysIterator(getSetRecord(other));
      const result = copyOf(this);
      for (let next = iteratorStepValue(keys); next !== DONE; next = iteratorStepValue(keys)) {
        const alreadyInResult = SetPrototypeHas(result, next);
        if (SetPrototypeHas(this, next)) {
          if (alreadyInResult) SetPrototypeDelete(result, next);
        } else if (!alreadyInResult) {
          SetPrototypeAdd(result, next);
        }
      }
      return result;
    },
    /** §24.2.4.11 Set.prototype.isSubsetOf ( other ) */
    isSubsetOf(other) {
      thisSetSize(this, 'isSubsetOf');
      const record = getSetRecord(other);
      const size = FunctionPrototypeCall(setSize, this);
      if (size > record.size) return false;
      for (let it = setIterator(this), step = nextOf(it); !step.done; step = nextOf(it)) {
        if (!otherHas(record, step.value)) return false;
      }
      return true;
    },
    /** §24.2.4.12 Set.prototype.isSupersetOf ( other ) */
    isSupersetOf(other) {
      thisSetSize(this, 'isSupersetOf');
      const record = getSetRecord(other);
      const size = FunctionPrototypeCall(setSize, this);
      if (size < record.size) return false;
      const keys = getKeysIterator(record);
      for (let next = iteratorStepValue(keys); next !== DONE; next = iteratorStepValue(keys)) {
        if (!SetPrototypeHas(this, next)) {
          iteratorClose(keys);
          return false;
        }
      }
      return true;
    },
    /** §24.2.4.10 Set.prototype.isDisjointFrom ( other ) */
    isDisjointFrom(other) {
      thisSetSize(this, 'isDisjointFrom');
      const record = getSetRecord(other);
      const size = FunctionPrototypeCall(setSize, this);
      if (size <= record.size) {
        for (let it = setIterator(this), step = nextOf(it); !step.done; step = nextOf(it)) {
          if (otherHas(record, step.value)) return false;
        }
      } else {
        const keys = getKeysIterator(record);
        for (let next = iteratorStepValue(keys); next !== DONE; next = iteratorStepValue(keys)) {
          if (SetPrototypeHas(this, next)) {
            iteratorClose(keys);
            return false;
          }
        }
      }
      return true;
    },
  });

  // ---- String.prototype.isWellFormed, toWellFormed (§22.1.3.10, §22.1.3.32) --------------------
  // With the u flag a surrogate pair is one code point, so this matches lone surrogates only.
  const loneSurrogate = /\p{Surrogate}/u;
  const loneSurrogates = /\p{Surrogate}/gu;
  const thisString = (value, method) => {
    if (value == null) throw new TypeError(`String.prototype.${method} called on null or undefined`);
    return `${value}`;
  };
  defineMethods(String.prototype, {
    isWellFormed() {
      const string = thisString(this, 'isWellFormed');
      loneSurrogate.lastIndex = 0;
      return RegExpPrototypeExec(loneSurrogate, string) === null;
    },
    toWellFormed() {
      const string = thisString(this, 'toWellFormed');
      let result = '';
      let from = 0;
      loneSurrogates.lastIndex = 0;
      for (let match; (match = RegExpPrototypeExec(loneSurrogates, string)) !== null;) {
        result += StringPrototypeSlice(string, from, match.index) + '\uFFFD';
        from = match.index + 1;
      }
      return from === 0 ? string : result + StringPrototypeSlice(string, from);
    },
  });

  return ObjectFreeze({ __proto__: null });
}
