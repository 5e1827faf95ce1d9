// node:path — POSIX paths.
(host, runtime) => {
  const { define } = runtime.modules;
  const path = (() => {
    const { normalize, dirname } = runtime.modules.paths;
    const join = (...parts) => normalize(parts.filter((p) => p !== '').join('/') || '.');
    const resolve = (...parts) => {
      let result = '';
      for (let i = parts.length - 1; i >= 0 && !result.startsWith('/'); i--) result = parts[i] + (result ? '/' + result : '');
      if (!result.startsWith('/')) result = host.cwd() + (result ? '/' + result : '');
      return normalize(result);
    };
    const basename = (p, ext) => {
      let base = p.replace(/\/+$/, '');
      base = base.slice(base.lastIndexOf('/') + 1);
      return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
    };
    const extname = (p) => { const b = basename(p); const i = b.lastIndexOf('.'); return i <= 0 ? '' : b.slice(i); };
    const relative = (from, to) => {
      const a = resolve(from).split('/').filter(Boolean), b = resolve(to).split('/').filter(Boolean);
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
    };
    const parse = (p) => {
      const base = basename(p), ext = extname(p);
      return { root: p.startsWith('/') ? '/' : '', dir: p.includes('/') ? dirname(p) : '', base, ext, name: ext ? base.slice(0, -ext.length) : base };
    };
    const format = (o) => (o.dir ? o.dir + '/' : o.root || '') + (o.base || (o.name || '') + (o.ext || ''));
    const api = { sep: '/', delimiter: ':', join, resolve, normalize, dirname, basename, extname, relative, parse, format, isAbsolute: (p) => p.startsWith('/'), toNamespacedPath: (p) => p };
    api.posix = api;
    return api;
  })();
  define('path', () => path);
  return path;
}
