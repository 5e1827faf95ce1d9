// `localStorage` and `sessionStorage` (HTML §12.2 Web Storage): the Storage interface, its items
// kept in Swift (StorageAPI.swift: local storage per origin in the browser context, session
// storage per page). A Storage object is a Proxy for its named properties (WebIDL §3.9 legacy
// platform objects: `localStorage.foo = 'x'`, `'foo' in localStorage`, `delete localStorage.foo`,
// `Object.keys(localStorage)`), a named property shown only when no member of the prototype chain
// has its name. `setItem` past the 5 MiB quota throws QuotaExceededError; a document whose origin
// has no storage (`data:`, `about:blank`) throws SecurityError when it reads `localStorage`.
// Changes other pages of the origin make arrive as `storage` events (StorageEvent), as tasks.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypePush, ObjectDefineProperty, ObjectFreeze, ReflectDefineProperty, ReflectDeleteProperty, ReflectGet,
    ReflectGetOwnPropertyDescriptor, ReflectHas, ReflectOwnKeys, ReflectSet, String, Symbol, TypeError,
  } = runtime.primordials;
  const { makeError } = runtime['dom-exception'];
  const events = runtime.events;
  const { Proxy } = globalThis;

  const AREA = Symbol('area');
  const LOCAL = 0, SESSION = 1;
  let constructing = false;

  const needArguments = (operation, count, given) => {
    if (given < count) {
      throw new TypeError(`Failed to execute '${operation}' on 'Storage': ${count} argument${count > 1 ? 's' : ''} required, but only ${given} present.`);
    }
  };
  const setItem = (area, key, value) => {
    if (!host.setItem(area, key, value)) {
      throw makeError('QuotaExceededError', `Failed to execute 'setItem' on 'Storage': Setting the value of '${key}' exceeded the quota.`);
    }
  };

  /** HTML §12.2.1 the Storage interface. */
  class Storage {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    get length() { return host.length(this[AREA]); }
    key(index) {
      needArguments('key', 1, arguments.length);
      return host.key(this[AREA], index >>> 0);
    }
    getItem(key) {
      needArguments('getItem', 1, arguments.length);
      return host.getItem(this[AREA], String(key));
    }
    setItem(key, value) {
      needArguments('setItem', 2, arguments.length);
      setItem(this[AREA], String(key), String(value));
    }
    removeItem(key) {
      needArguments('removeItem', 1, arguments.length);
      host.removeItem(this[AREA], String(key));
    }
    clear() { host.clear(this[AREA]); }
  }
  ObjectDefineProperty(Storage.prototype, Symbol.toStringTag, { value: 'Storage', configurable: true });

  // WebIDL §3.9: named properties of a legacy platform object without [LegacyOverrideBuiltIns].
  /** The named property visibility algorithm: the item's value when `key` names one and no member hides it. */
  const namedValue = (target, key) => {
    if (typeof key !== 'string' || ReflectHas(target, key)) return null;
    return host.getItem(target[AREA], key);
  };
  const handler = {
    __proto__: null,
    get(target, key, receiver) {
      const value = namedValue(target, key);
      return value !== null ? value : ReflectGet(target, key, receiver);
    },
    set(target, key, value, receiver) {
      if (typeof key === 'string') {
        setItem(target[AREA], key, String(value));
        return true;
      }
      return ReflectSet(target, key, value, receiver);
    },
    has(target, key) { return namedValue(target, key) !== null || ReflectHas(target, key); },
    deleteProperty(target, key) {
      if (namedValue(target, key) !== null) {
        host.removeItem(target[AREA], key);
        return true;
      }
      return ReflectDeleteProperty(target, key);
    },
    ownKeys(target) {
      const keys = host.keys(target[AREA]);
      const own = ReflectOwnKeys(target);
      for (let i = 0; i < own.length; i++) ArrayPrototypePush(keys, own[i]);
      return keys;
    },
    getOwnPropertyDescriptor(target, key) {
      const value = namedValue(target, key);
      if (value !== null) return { value, writable: true, enumerable: true, configurable: true };
      return ReflectGetOwnPropertyDescriptor(target, key);
    },
    defineProperty(target, key, descriptor) {
      if (typeof key === 'string') {
        if (!('value' in descriptor) || 'get' in descriptor || 'set' in descriptor) return false;
        setItem(target[AREA], key, String(descriptor.value));
        return true;
      }
      return ReflectDefineProperty(target, key, descriptor);
    },
  };
  const makeStorage = (area) => {
    constructing = true;
    const target = new Storage();
    constructing = false;
    ObjectDefineProperty(target, AREA, { value: area });
    return new Proxy(target, handler);
  };

  // ---- StorageEvent (HTML §12.2.4) --------------------------------------------------------------
  const INIT = Symbol('init');
  class StorageEvent extends events.Event {
    constructor(type, eventInitDict = undefined) {
      if (arguments.length === 0) throw new TypeError("Failed to construct 'StorageEvent': 1 argument required, but only 0 present.");
      super(type, eventInitDict);
      const init = eventInitDict ?? {};
      const text = (value) => (value === undefined || value === null ? null : String(value));
      const area = init.storageArea ?? null;
      if (area !== null && !(area instanceof Storage)) {
        throw new TypeError("Failed to construct 'StorageEvent': member storageArea is not of type Storage.");
      }
      this[INIT] = { key: text(init.key), oldValue: text(init.oldValue), newValue: text(init.newValue), url: String(init.url ?? ''), storageArea: area };
    }
    get key() { return this[INIT].key; }
    get oldValue() { return this[INIT].oldValue; }
    get newValue() { return this[INIT].newValue; }
    get url() { return this[INIT].url; }
    get storageArea() { return this[INIT].storageArea; }
  }
  ObjectDefineProperty(StorageEvent.prototype, Symbol.toStringTag, { value: 'StorageEvent', configurable: true });

  const install = (global) => {
    let local = null, session = null;
    /** The window's Storage object for `area`, made at first use; SecurityError when the origin has none. */
    const storageOf = (area, name) => {
      const denied = host.access(area);
      if (denied !== null) throw makeError('SecurityError', `Failed to read the '${name}' property from 'Window': ${denied}`);
      if (area === LOCAL) return local ?? (local = makeStorage(LOCAL));
      return session ?? (session = makeStorage(SESSION));
    };
    ObjectDefineProperty(global, 'localStorage', {
      get: function localStorage() { return storageOf(LOCAL, 'localStorage'); }, configurable: true, enumerable: true,
    });
    ObjectDefineProperty(global, 'sessionStorage', {
      get: function sessionStorage() { return storageOf(SESSION, 'sessionStorage'); }, configurable: true, enumerable: true,
    });
    // HTML §12.2.1 broadcast: changes other pages of the origin make reach this window as tasks.
    host.listen((key, oldValue, newValue, url) => {
      const event = new StorageEvent('storage', { key, oldValue, newValue, url, storageArea: storageOf(LOCAL, 'localStorage') });
      events.fire(global, event);
    });
  };

  return ObjectFreeze({ interfaces: ObjectFreeze({ Storage, StorageEvent }), install });
}
