// Primordials: the built-ins Caper's own JavaScript uses, captured before any user code runs
// (after Node's lib/internal/per_context/primordials.js), so code that overwrites them (support
// code, later a page) cannot break Caper. Prototype methods are uncurried
// (`ArrayPrototypeMap(array, fn)`), static ones bound (`JSONParse(text)`), constructors kept
// (`SafeMap` is a Map whose methods are the captured ones).
(host, runtime) => {
  'use strict';
  const { apply, bind, call } = Function.prototype;
  const uncurryThis = bind.bind(call);
  const bindTo = uncurryThis(bind);
  const primordials = Object.create(null);
  const getOwnPropertyNames = Object.getOwnPropertyNames;
  const getDescriptor = Object.getOwnPropertyDescriptor;
  const capitalize = (key) => key[0].toUpperCase() + key.slice(1);

  const copy = (source, prefix, methods) => {
    for (const key of getOwnPropertyNames(source)) {
      const descriptor = getDescriptor(source, key);
      if (typeof descriptor.value === 'function' && key !== 'constructor') {
        primordials[prefix + capitalize(key)] = methods ? uncurryThis(descriptor.value) : bindTo(descriptor.value, source);
      } else if (!methods && 'value' in descriptor) {
        primordials[prefix + capitalize(key)] = descriptor.value;
      }
    }
  };

  for (const name of ['Array', 'ArrayBuffer', 'BigInt', 'Date', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'Map', 'Number',
    'Object', 'Promise', 'RegExp', 'Set', 'String', 'Symbol', 'Uint8Array', 'WeakMap']) {
    const constructor = globalThis[name];
    primordials[name] = constructor;
    copy(constructor, name, false);
    copy(constructor.prototype, name + 'Prototype', true);
  }
  copy(Reflect, 'Reflect', false);
  copy(JSON, 'JSON', false);
  copy(Math, 'Math', false);
  primordials.FunctionPrototypeCall = uncurryThis(call);
  primordials.FunctionPrototypeApply = uncurryThis(apply);
  primordials.FunctionPrototypeBind = bindTo;
  primordials.FunctionPrototypeToString = uncurryThis(Function.prototype.toString);
  primordials.TypedArrayPrototypeSubarray = uncurryThis(Object.getPrototypeOf(Uint8Array.prototype).subarray);

  const { ArrayPrototypePush, RegExpPrototypeExec, StringPrototypeSlice, StringPrototypeIndexOf } = primordials;

  /// `re.test(text)` that ignores an overwritten `exec` or `test`.
  primordials.RegExpTest = (re, text) => { re.lastIndex = 0; return RegExpPrototypeExec(re, text) !== null; };

  /// `text.split(separator)` for a string separator, without looking up `Symbol.split`.
  primordials.SplitString = (text, separator) => {
    const parts = [];
    let from = 0;
    for (let at = StringPrototypeIndexOf(text, separator, from); at >= 0; at = StringPrototypeIndexOf(text, separator, from)) {
      ArrayPrototypePush(parts, StringPrototypeSlice(text, from, at));
      from = at + separator.length;
    }
    ArrayPrototypePush(parts, StringPrototypeSlice(text, from));
    return parts;
  };

  /// `Object.defineProperty` that reads only the descriptor's own fields: Caper writes descriptors
  /// as literals, which inherit `Object.prototype`, where hostile code may have put `get`, `set`,
  /// `value` or `writable` (making every definition throw, or changing it).
  const defineProperty = Object.defineProperty;
  const hasOwn = uncurryThis(Object.prototype.hasOwnProperty);
  const fields = ['value', 'writable', 'get', 'set', 'enumerable', 'configurable'];
  primordials.ObjectDefineProperty = (target, key, descriptor) => {
    const own = { __proto__: null };
    for (let i = 0; i < 6; i++) {
      const field = fields[i];
      if (hasOwn(descriptor, field)) own[field] = descriptor[field];
    }
    return defineProperty(target, key, own);
  };

  return Object.freeze(primordials);
}
