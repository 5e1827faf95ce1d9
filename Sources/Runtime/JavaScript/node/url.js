// node:url — URL, URLSearchParams, fileURLToPath, pathToFileURL.
(host, runtime) => {
  const { define } = runtime.modules;
  const path = runtime.path;
  define('url', () => {
    class URLSearchParams {
      constructor(init = '') {
        this._list = [];
        if (typeof init === 'string') for (const part of init.replace(/^\?/, '').split('&')) { if (!part) continue; const [k, v = ''] = part.split('='); this._list.push([decodeURIComponent(k.replace(/\+/g, ' ')), decodeURIComponent(v.replace(/\+/g, ' '))]); }
        else if (init && typeof init === 'object') for (const [k, v] of Array.isArray(init) ? init : Object.entries(init)) this._list.push([String(k), String(v)]);
      }
      get(k) { const e = this._list.find((p) => p[0] === k); return e ? e[1] : null; }
      getAll(k) { return this._list.filter((p) => p[0] === k).map((p) => p[1]); }
      has(k) { return this._list.some((p) => p[0] === k); }
      set(k, v) { this.delete(k); this._list.push([k, String(v)]); }
      append(k, v) { this._list.push([k, String(v)]); }
      delete(k) { this._list = this._list.filter((p) => p[0] !== k); }
      entries() { return this._list[Symbol.iterator](); }
      [Symbol.iterator]() { return this.entries(); }
      forEach(fn) { this._list.forEach(([k, v]) => fn(v, k, this)); }
      toString() { return this._list.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'); }
    }
    const pattern = /^([a-zA-Z][a-zA-Z\d+.-]*:)(?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::(\d+))?)?([^?#]*)(\?[^#]*)?(#.*)?$/;
    class URL {
      constructor(input, base) {
        input = String(input);
        if (base !== undefined && !/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(input)) {
          const b = new URL(base);
          if (input.startsWith('//')) input = b.protocol + input;
          else if (input.startsWith('/')) input = b.origin + input;
          else if (input.startsWith('?')) input = b.origin + b.pathname + input;
          else if (input.startsWith('#')) input = b.origin + b.pathname + b.search + input;
          else input = b.origin + b.pathname.replace(/[^/]*$/, '') + input;
        }
        const m = pattern.exec(input);
        if (!m) throw new TypeError(`Invalid URL: ${input}`);
        this.protocol = m[1].toLowerCase(); this.username = m[2] || ''; this.password = m[3] || '';
        this.hostname = (m[4] || '').toLowerCase(); this.port = m[5] || '';
        const special = ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:'].includes(this.protocol);
        this.pathname = runtime.modules.paths.normalize(m[6] || '/').replace(/^\.$/, '/') + ((m[6] || '').endsWith('/') && m[6] !== '/' ? '/' : '');
        if (!special) this.pathname = m[6] || '';
        this.search = m[7] && m[7] !== '?' ? m[7] : ''; this.hash = m[8] && m[8] !== '#' ? m[8] : '';
        this.searchParams = new URLSearchParams(this.search);
      }
      get host() { return this.hostname + (this.port ? ':' + this.port : ''); }
      get origin() { return `${this.protocol}//${this.host}`; }
      get href() { return `${this.protocol}${this.hostname || this.protocol === 'file:' ? '//' : ''}${this.username ? this.username + (this.password ? ':' + this.password : '') + '@' : ''}${this.host}${this.pathname}${this.search}${this.hash}`; }
      toString() { return this.href; }
      toJSON() { return this.href; }
    }
    globalThis.URL = globalThis.URL || URL;
    globalThis.URLSearchParams = globalThis.URLSearchParams || URLSearchParams;
    return {
      URL, URLSearchParams,
      fileURLToPath: (u) => decodeURIComponent((typeof u === 'string' ? new URL(u) : u).pathname),
      pathToFileURL: (p) => new URL('file://' + encodeURI(path.resolve(p))),
    };
  });
  return {};
}
