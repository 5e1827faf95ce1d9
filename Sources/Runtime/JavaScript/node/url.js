// node:url — URL and URLSearchParams as the URL Standard defines them (parsed by Ada through the
// WebURL host functions, one crossing per operation), fileURLToPath, pathToFileURL, format,
// domainToASCII, domainToUnicode; and the globals URL and URLSearchParams.
(host, runtime) => {
  const { define } = runtime.modules;
  const path = runtime.path;
  const nodeError = (Kind, code, message, extra) => {
    const error = new Kind(message);
    error.code = code;
    return Object.assign(error, extra);
  };
  // WebIDL's USVString: lone surrogates become U+FFFD.
  const toUSVString = (value) => `${value}`.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const invalidURL = (input, base) =>
    nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL', base === undefined ? { input } : { input, base: `${base}` });
  const missingArguments = (...names) =>
    nodeError(TypeError, 'ERR_MISSING_ARGS', `The ${names.map((n) => `"${n}"`).join(' and ')} argument${names.length > 1 ? 's' : ''} must be specified`);

  const kLink = Symbol('link');
  const kReplace = Symbol('replace');
  const kSetQuery = Symbol('setQuery');

  /// An application/x-www-form-urlencoded list (URL Standard §6.2). The pairs are kept flat
  /// (name, value, name, value, ...), the form they cross to Swift in; a list that belongs to a URL
  /// writes its serialization into the URL's query after every change.
  class URLSearchParams {
    #list = [];
    #url = null;

    constructor(init = undefined) {
      if (init === undefined || init === null) return;
      if (typeof init === 'object' || typeof init === 'function') {
        if (typeof init[Symbol.iterator] === 'function') {
          for (const pair of init) {
            if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
              throw nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
            }
            const entry = [...pair];
            if (entry.length !== 2) throw nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
            this.#list.push(toUSVString(entry[0]), toUSVString(entry[1]));
          }
        } else {
          for (const key of Object.keys(init)) this.#list.push(toUSVString(key), toUSVString(init[key]));
        }
      } else {
        this.#list = host.urlSearchParamsParse(toUSVString(init));
      }
    }

    [kLink](url) { this.#url = url; }
    [kReplace](list) { this.#list = list; }
    #update() { if (this.#url !== null) this.#url[kSetQuery](this.toString()); }

    get size() { return this.#list.length / 2; }

    append(name, value) {
      if (arguments.length < 2) throw missingArguments('name', 'value');
      this.#list.push(toUSVString(name), toUSVString(value));
      this.#update();
    }

    delete(name, value = undefined) {
      if (arguments.length < 1) throw missingArguments('name');
      name = toUSVString(name);
      if (value !== undefined) value = toUSVString(value);
      const kept = [];
      for (let i = 0; i < this.#list.length; i += 2) {
        if (this.#list[i] === name && (value === undefined || this.#list[i + 1] === value)) continue;
        kept.push(this.#list[i], this.#list[i + 1]);
      }
      this.#list = kept;
      this.#update();
    }

    get(name) {
      if (arguments.length < 1) throw missingArguments('name');
      name = toUSVString(name);
      for (let i = 0; i < this.#list.length; i += 2) if (this.#list[i] === name) return this.#list[i + 1];
      return null;
    }

    getAll(name) {
      if (arguments.length < 1) throw missingArguments('name');
      name = toUSVString(name);
      const values = [];
      for (let i = 0; i < this.#list.length; i += 2) if (this.#list[i] === name) values.push(this.#list[i + 1]);
      return values;
    }

    has(name, value = undefined) {
      if (arguments.length < 1) throw missingArguments('name');
      name = toUSVString(name);
      if (value !== undefined) value = toUSVString(value);
      for (let i = 0; i < this.#list.length; i += 2) {
        if (this.#list[i] === name && (value === undefined || this.#list[i + 1] === value)) return true;
      }
      return false;
    }

    set(name, value) {
      if (arguments.length < 2) throw missingArguments('name', 'value');
      name = toUSVString(name);
      value = toUSVString(value);
      const kept = [];
      let found = false;
      for (let i = 0; i < this.#list.length; i += 2) {
        if (this.#list[i] !== name) kept.push(this.#list[i], this.#list[i + 1]);
        else if (!found) { found = true; kept.push(name, value); }
      }
      if (!found) kept.push(name, value);
      this.#list = kept;
      this.#update();
    }

    // By name in UTF-16 code units (JavaScript's own string order); Array#sort is stable.
    sort() {
      const pairs = [];
      for (let i = 0; i < this.#list.length; i += 2) pairs.push([this.#list[i], this.#list[i + 1]]);
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this.#list = pairs.flat();
      this.#update();
    }

    forEach(callback, thisArg = undefined) {
      if (typeof callback !== 'function') {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function');
      }
      for (let i = 0; i < this.#list.length; i += 2) callback.call(thisArg, this.#list[i + 1], this.#list[i], this);
    }

    // Live, as the standard's iterators are: each step reads the list as it is then.
    *entries() { for (let i = 0; i < this.#list.length; i += 2) yield [this.#list[i], this.#list[i + 1]]; }
    *keys() { for (let i = 0; i < this.#list.length; i += 2) yield this.#list[i]; }
    *values() { for (let i = 0; i < this.#list.length; i += 2) yield this.#list[i + 1]; }
    [Symbol.iterator]() { return this.entries(); }

    toString() { return this.#list.length === 0 ? '' : host.urlSearchParamsSerialize(this.#list); }
    get [Symbol.toStringTag]() { return 'URLSearchParams'; }
  }

  /// A URL (URL Standard §6.1): every component comes from one host call that parses or sets, and
  /// is kept until the next; the setters follow the standard's, the href setter throws on failure.
  class URL {
    #components;
    #params = null;

    constructor(input, base = undefined) {
      if (arguments.length === 0) throw missingArguments('url');
      input = toUSVString(input);
      const components = base === undefined ? host.urlParse(input) : host.urlParse(input, toUSVString(base));
      if (components === null) throw invalidURL(input, base);
      this.#components = components;
    }

    static canParse(input, base = undefined) {
      if (arguments.length === 0) throw missingArguments('url');
      return base === undefined ? host.urlCanParse(toUSVString(input)) : host.urlCanParse(toUSVString(input), toUSVString(base));
    }

    #update(components) {
      const searchChanged = components.search !== this.#components.search;
      this.#components = components;
      if (searchChanged && this.#params !== null) this.#params[kReplace](host.urlSearchParamsParse(components.search));
    }

    // The URLSearchParams update steps: the list is already right, only the query changes.
    [kSetQuery](serialized) { this.#components = host.urlSet(this.#components.href, 'search', serialized); }

    get href() { return this.#components.href; }
    set href(value) {
      value = toUSVString(value);
      const components = host.urlSet(this.#components.href, 'href', value);
      if (components === null) throw invalidURL(value);
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
    get hash() { return this.#components.hash; }
    set hash(value) { this.#set('hash', value); }
    #set(name, value) { this.#update(host.urlSet(this.#components.href, name, toUSVString(value))); }

    get searchParams() {
      if (this.#params === null) {
        this.#params = new URLSearchParams(this.#components.search);
        this.#params[kLink](this);
      }
      return this.#params;
    }

    toString() { return this.#components.href; }
    toJSON() { return this.#components.href; }
    get [Symbol.toStringTag]() { return 'URL'; }
  }
  // WebIDL members are enumerable; re-added in Node's order, which Object.keys shows.
  for (const name of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
    const descriptor = Object.getOwnPropertyDescriptor(URL.prototype, name);
    delete URL.prototype[name];
    Object.defineProperty(URL.prototype, name, { ...descriptor, enumerable: true });
  }

  const fileURLToPath = (input) => {
    let url = input;
    if (typeof input === 'string') url = new URL(input);
    else if (!(input instanceof URL)) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "path" argument must be of type string or an instance of URL. Received ${input === null ? 'null' : typeof input}`);
    }
    if (url.protocol !== 'file:') throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    if (url.hostname !== '') throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
    const pathname = url.pathname;
    if (/%2f/i.test(pathname)) throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
    return decodeURIComponent(pathname);
  };

  const pathToFileURL = (filepath) => {
    let resolved = path.resolve(filepath);
    if (`${filepath}`.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
    const url = new URL('file://');
    // What the pathname setter would not escape on its own, as Node escapes it.
    url.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
    return url;
  };

  const domainToASCII = (...args) => {
    if (args.length === 0) throw missingArguments('domain');
    return host.domainToASCII(`${args[0]}`);
  };
  const domainToUnicode = (...args) => {
    if (args.length === 0) throw missingArguments('domain');
    return host.domainToUnicode(`${args[0]}`);
  };

  const slashedProtocols = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:']);
  const queryString = (query) => {
    const parts = [];
    for (const key of Object.keys(query)) {
      const values = Array.isArray(query[key]) ? query[key] : [query[key]];
      for (const value of values) {
        const text = ['string', 'number', 'bigint', 'boolean'].includes(typeof value) && (typeof value !== 'number' || Number.isFinite(value)) ? `${value}` : '';
        parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
      }
    }
    return parts.join('&');
  };
  // Node's legacy url.format of a `url.parse()`-style object.
  const formatLegacy = (object) => {
    let auth = object.auth ? encodeURIComponent(object.auth).replace(/%3A/gi, ':') + '@' : '';
    let protocol = object.protocol || '';
    let pathname = object.pathname || '';
    let hash = object.hash || '';
    let hostPart = '';
    if (object.host) hostPart = auth + object.host;
    else if (object.hostname) {
      const hostname = object.hostname;
      hostPart = auth + (hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname);
      if (object.port) hostPart += `:${object.port}`;
    }
    const query = object.query !== null && typeof object.query === 'object' ? queryString(object.query) : '';
    let search = object.search || (query && `?${query}`) || '';
    if (protocol && !protocol.endsWith(':')) protocol += ':';
    pathname = pathname.replace(/[?#]/g, encodeURIComponent);
    search = search.replace(/#/g, '%23');
    if (object.slashes || slashedProtocols.has(protocol)) {
      if (object.slashes || hostPart) {
        if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
        hostPart = `//${hostPart}`;
      } else if (protocol.startsWith('file')) {
        hostPart = '//';
      }
    }
    if (hash && hash[0] !== '#') hash = `#${hash}`;
    if (search && search[0] !== '?') search = `?${search}`;
    return protocol + hostPart + pathname + search + hash;
  };
  // A WHATWG URL with Node's options: auth, fragment, search (default true), unicode (default false).
  const formatURL = (url, options = {}) => {
    const { auth = true, fragment = true, search = true, unicode = false } = options ?? {};
    const hasAuthority = url.href.startsWith(`${url.protocol}//`);
    let out = url.protocol + (hasAuthority ? '//' : '');
    if (auth && (url.username || url.password)) out += url.username + (url.password ? `:${url.password}` : '') + '@';
    out += unicode ? domainToUnicode(url.hostname) || url.hostname : url.hostname;
    if (url.port) out += `:${url.port}`;
    out += url.pathname;
    if (search) out += url.search;
    if (fragment) out += url.hash;
    return out;
  };
  const format = (urlObject, options = undefined) => {
    if (urlObject instanceof URL) return formatURL(urlObject, options);
    if (typeof urlObject === 'string') return URL.canParse(urlObject) ? formatURL(new URL(urlObject), options) : urlObject;
    if (urlObject === null || typeof urlObject !== 'object') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "urlObject" argument must be one of type object or string. Received ${urlObject === null ? 'null' : typeof urlObject}`);
    }
    return formatLegacy(urlObject);
  };

  globalThis.URL = globalThis.URL || URL;
  globalThis.URLSearchParams = globalThis.URLSearchParams || URLSearchParams;
  define('url', () => ({ URL, URLSearchParams, fileURLToPath, pathToFileURL, format, domainToASCII, domainToUnicode }));
  return { URL, URLSearchParams };
}
