// URL and URLSearchParams (URL Standard §6) in the page realm, as browsers have them: parsing,
// setters and application/x-www-form-urlencoded through Ada (the host functions the support
// realm's `url` module uses: urlParse, urlCanParse, urlSet, urlSearchParamsParse,
// urlSearchParamsSerialize; one crossing per operation, a URL's components returned at once).
// State lives in private fields, so page code that replaces prototypes or globals reaches none of it.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypePush, FunctionPrototypeCall, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectKeys,
    RegExp, RegExpTest, String, StringPrototypeCharCodeAt, Symbol, TypeError,
  } = runtime.primordials;

  // WebIDL's USVString: lone surrogates become U+FFFD.
  const loneSurrogate = new RegExp('[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]');
  const toUSVString = (value) => {
    const text = String(value);
    if (!RegExpTest(loneSurrogate, text)) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = StringPrototypeCharCodeAt(text, i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { out += text[i] + text[i + 1]; i++; } else out += '\uFFFD';
      } else if (c >= 0xdc00 && c <= 0xdfff) out += '\uFFFD';
      else out += text[i];
    }
    return out;
  };
  const needArguments = (interfaceName, operation, count, given) => {
    if (given < count) {
      throw new TypeError(`Failed to ${operation} '${interfaceName}': ${count} argument${count > 1 ? 's' : ''} required, but only ${given} present.`);
    }
  };
  const LINK = Symbol('link');
  const REPLACE = Symbol('replace');
  const SET_QUERY = Symbol('setQuery');

  /** URL Standard §6.2: a list of name-value pairs, kept flat (name, value, ...), the form they cross to Swift in. */
  class URLSearchParams {
    #list = [];
    #url = null;

    constructor(init = undefined) {
      if (init === undefined || init === null) return;
      if (typeof init === 'object' || typeof init === 'function') {
        if (typeof init[Symbol.iterator] === 'function') {
          for (const pair of init) {
            if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
              throw new TypeError("Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence.");
            }
            const entry = [];
            for (const item of pair) ArrayPrototypePush(entry, item);
            if (entry.length !== 2) throw new TypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements");
            ArrayPrototypePush(this.#list, toUSVString(entry[0]), toUSVString(entry[1]));
          }
        } else {
          const keys = ObjectKeys(init);
          for (let i = 0; i < keys.length; i++) ArrayPrototypePush(this.#list, toUSVString(keys[i]), toUSVString(init[keys[i]]));
        }
        return;
      }
      // Ada drops one leading '?' itself.
      this.#list = host.urlSearchParamsParse(toUSVString(init));
    }

    [LINK](url) { this.#url = url; }
    [REPLACE](list) { this.#list = list; }
    #update() { if (this.#url !== null) this.#url[SET_QUERY](this.#serialize()); }
    #serialize() { return this.#list.length === 0 ? '' : host.urlSearchParamsSerialize(this.#list); }

    get size() { return this.#list.length / 2; }
    append(name, value) {
      needArguments('URLSearchParams', "execute 'append' on", 2, arguments.length);
      ArrayPrototypePush(this.#list, toUSVString(name), toUSVString(value));
      this.#update();
    }
    delete(name, value = undefined) {
      needArguments('URLSearchParams', "execute 'delete' on", 1, arguments.length);
      name = toUSVString(name);
      if (value !== undefined) value = toUSVString(value);
      const kept = [];
      for (let i = 0; i < this.#list.length; i += 2) {
        if (this.#list[i] === name && (value === undefined || this.#list[i + 1] === value)) continue;
        ArrayPrototypePush(kept, this.#list[i], this.#list[i + 1]);
      }
      this.#list = kept;
      this.#update();
    }
    get(name) {
      needArguments('URLSearchParams', "execute 'get' on", 1, arguments.length);
      name = toUSVString(name);
      for (let i = 0; i < this.#list.length; i += 2) if (this.#list[i] === name) return this.#list[i + 1];
      return null;
    }
    getAll(name) {
      needArguments('URLSearchParams', "execute 'getAll' on", 1, arguments.length);
      name = toUSVString(name);
      const values = [];
      for (let i = 0; i < this.#list.length; i += 2) if (this.#list[i] === name) ArrayPrototypePush(values, this.#list[i + 1]);
      return values;
    }
    has(name, value = undefined) {
      needArguments('URLSearchParams', "execute 'has' on", 1, arguments.length);
      name = toUSVString(name);
      if (value !== undefined) value = toUSVString(value);
      for (let i = 0; i < this.#list.length; i += 2) {
        if (this.#list[i] === name && (value === undefined || this.#list[i + 1] === value)) return true;
      }
      return false;
    }
    set(name, value) {
      needArguments('URLSearchParams', "execute 'set' on", 2, arguments.length);
      name = toUSVString(name);
      value = toUSVString(value);
      const kept = [];
      let found = false;
      for (let i = 0; i < this.#list.length; i += 2) {
        if (this.#list[i] !== name) ArrayPrototypePush(kept, this.#list[i], this.#list[i + 1]);
        else if (!found) { found = true; ArrayPrototypePush(kept, name, value); }
      }
      if (!found) ArrayPrototypePush(kept, name, value);
      this.#list = kept;
      this.#update();
    }
    /** Stable, by name in UTF-16 code units (an insertion sort: no page-visible Array methods). */
    sort() {
      const list = this.#list;
      const sorted = [];
      for (let i = 0; i < list.length; i += 2) {
        let at = sorted.length;
        while (at > 0 && sorted[at - 2] > list[i]) at -= 2;
        for (let j = sorted.length + 1; j > at + 1; j--) sorted[j] = sorted[j - 2];
        sorted[at] = list[i];
        sorted[at + 1] = list[i + 1];
      }
      this.#list = sorted;
      this.#update();
    }
    forEach(callback, thisArg = undefined) {
      if (typeof callback !== 'function') {
        throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'Function'.");
      }
      for (let i = 0; i < this.#list.length; i += 2) FunctionPrototypeCall(callback, thisArg, this.#list[i + 1], this.#list[i], this);
    }
    // Live, as the standard's iterators are: each step reads the list as it is then.
    *entries() { for (let i = 0; i < this.#list.length; i += 2) yield [this.#list[i], this.#list[i + 1]]; }
    *keys() { for (let i = 0; i < this.#list.length; i += 2) yield this.#list[i]; }
    *values() { for (let i = 0; i < this.#list.length; i += 2) yield this.#list[i + 1]; }
    toString() { return this.#serialize(); }
  }
  ObjectDefineProperty(URLSearchParams.prototype, Symbol.iterator, {
    value: URLSearchParams.prototype.entries, writable: true, configurable: true,
  });

  /** URL Standard §6.1: every component comes from one host call that parses or sets, kept until the next. */
  class URL {
    #components;
    #params = null;

    constructor(url, base = undefined) {
      needArguments('URL', 'construct', 1, arguments.length);
      const input = toUSVString(url);
      const components = base === undefined ? host.urlParse(input) : host.urlParse(input, toUSVString(base));
      if (components === null) {
        throw new TypeError(`Failed to construct 'URL': Invalid URL`);
      }
      this.#components = components;
    }
    static canParse(url, base = undefined) {
      needArguments('URL', "execute 'canParse' on", 1, arguments.length);
      return base === undefined ? host.urlCanParse(toUSVString(url)) : host.urlCanParse(toUSVString(url), toUSVString(base));
    }
    static parse(url, base = undefined) {
      needArguments('URL', "execute 'parse' on", 1, arguments.length);
      const input = toUSVString(url);
      const components = base === undefined ? host.urlParse(input) : host.urlParse(input, toUSVString(base));
      if (components === null) return null;
      return new URL(components.href);
    }

    #update(components) {
      const searchChanged = components.search !== this.#components.search;
      this.#components = components;
      if (searchChanged && this.#params !== null) {
        this.#params[REPLACE](host.urlSearchParamsParse(components.search));
      }
    }
    // The URLSearchParams update steps: the list is already right, only the query changes.
    [SET_QUERY](serialized) {
      const components = host.urlSet(this.#components.href, 'search', serialized);
      if (components !== null) this.#components = components;
    }
    #set(name, value) {
      const components = host.urlSet(this.#components.href, name, toUSVString(value));
      if (components !== null) this.#update(components);
    }

    get href() { return this.#components.href; }
    set href(value) {
      value = toUSVString(value);
      const components = host.urlParse(value);
      if (components === null) throw new TypeError(`Failed to set the 'href' property on 'URL': Invalid URL`);
      this.#update(components);
    }
    get origin() { return this.#components.origin; }
    get protocol() { return this.#components.protocol; }
    set protocol(value) { this.#set('protocol', value); }
    get username() { return this.#components.username; }
    set username(value) { this.#set('username', value); }
    get password() { return this.#components.password; }
    set password(value) { this.#set('password', value); }
    get host() { return this.#components.host; }
    set host(value) { this.#set('host', value); }
    get hostname() { return this.#components.hostname; }
    set hostname(value) { this.#set('hostname', value); }
    get port() { return this.#components.port; }
    set port(value) { this.#set('port', value); }
    get pathname() { return this.#components.pathname; }
    set pathname(value) { this.#set('pathname', value); }
    get search() { return this.#components.search; }
    set search(value) { this.#set('search', value); }
    get searchParams() {
      if (this.#params === null) {
        this.#params = new URLSearchParams(this.#components.search);
        this.#params[LINK](this);
      }
      return this.#params;
    }
    get hash() { return this.#components.hash; }
    set hash(value) { this.#set('hash', value); }
    toString() { return this.#components.href; }
    toJSON() { return this.#components.href; }
  }
  // WebIDL: attributes and operations are enumerable.
  for (const Interface of [URL, URLSearchParams]) {
    const prototype = Interface.prototype;
    for (const key of runtime.primordials.ReflectOwnKeys(prototype)) {
      if (key === 'constructor' || typeof key === 'symbol') continue;
      const descriptor = ObjectGetOwnPropertyDescriptor(prototype, key);
      descriptor.enumerable = true;
      ObjectDefineProperty(prototype, key, descriptor);
    }
  }
  const interfaces = { URL, URLSearchParams };
  for (const name in interfaces) {
    ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  return ObjectFreeze({ ...interfaces, interfaces: ObjectFreeze(interfaces) });
}
