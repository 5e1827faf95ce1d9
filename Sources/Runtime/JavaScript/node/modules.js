// The Node-compatible module system: CommonJS `require`, node_modules and package "exports"
// resolution, the registry of built-in modules, and what ES module loading asks of it.
// Exports: define, builtin, has, paths, isFile, nearest, resolveImport, exportsGetter, formatOf,
// loadFile, makeRequire, userFrame.
(host, runtime) => {
  const builtins = new Map();
  const cache = Object.create(null);
  const lazy = (make) => { let value; return () => (value === undefined ? (value = make()) : value); };
  /// Registers a built-in module, made on first use.
  const define = (name, make) => builtins.set(name, lazy(make));
  const builtin = (name) => builtins.get(name)();

  const dirname = (p) => {
    const i = p.lastIndexOf('/');
    return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
  };
  const normalize = (p) => {
    const absolute = p.startsWith('/');
    const out = [];
    for (const part of p.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!absolute) out.push('..'); }
      else out.push(part);
    }
    return (absolute ? '/' : '') + out.join('/') || (absolute ? '/' : '.');
  };
  const paths = { dirname, normalize };

  const isFile = (p) => { const s = host.stat(p); return s !== null && s.isFile; };
  const isDirectory = (p) => { const s = host.stat(p); return s !== null && s.isDirectory; };
  const extensions = ['.js', '.cjs', '.mjs', '.json', '.ts', '.cts', '.mts'];
  // TypeScript's rule for imports written as the output's name: './x.js' may mean './x.ts'.
  const typeScriptNames = { '.js': '.ts', '.cjs': '.cts', '.mjs': '.mts' };

  function tryFile(p) {
    if (isFile(p)) return p;
    for (const ext of extensions) if (isFile(p + ext)) return p + ext;
    const dot = p.lastIndexOf('.');
    const ts = typeScriptNames[p.slice(dot)];
    if (ts && isFile(p.slice(0, dot) + ts)) return p.slice(0, dot) + ts;
    return null;
  }

  let conditions = ['require', 'node', 'default'];

  function exportsTarget(exp, subpath) {
    if (typeof exp === 'string') return subpath === '.' ? exp : null;
    if (Array.isArray(exp)) { for (const e of exp) { const t = exportsTarget(e, subpath); if (t) return t; } return null; }
    if (exp && typeof exp === 'object') {
      const keys = Object.keys(exp);
      if (keys.length && keys.every((k) => !k.startsWith('.'))) {
        for (const cond of conditions) if (cond in exp) { const t = exportsTarget(exp[cond], subpath); if (t) return t; }
        return null;
      }
      if (subpath in exp) return exportsTarget(exp[subpath], '.');
      for (const key of keys) {
        if (key.endsWith('/*') && subpath.startsWith(key.slice(0, -1))) {
          const target = exportsTarget(exp[key], '.');
          if (target) return target.replace('*', subpath.slice(key.length - 1));
        }
      }
    }
    return null;
  }

  function tryPackage(dir, subpath) {
    const manifest = dir + '/package.json';
    if (isFile(manifest)) {
      let pkg;
      try { pkg = JSON.parse(host.readFile(manifest)); } catch (e) { throw new Error(`Invalid package.json ${manifest}: ${e.message}`); }
      if (pkg.exports !== undefined) {
        const target = exportsTarget(pkg.exports, subpath);
        if (target) return tryFile(normalize(dir + '/' + target));
        return null;
      }
      if (subpath === '.' && typeof pkg.main === 'string') {
        const main = normalize(dir + '/' + pkg.main);
        const found = tryFile(main) || tryFile(main + '/index');
        if (found) return found;
      }
    }
    if (subpath === '.') return tryFile(dir + '/index');
    return tryFile(normalize(dir + '/' + subpath));
  }

  /// Resolves a specifier from a file: a built-in name, or an absolute path; null when none.
  function resolve(spec, fromFile) {
    if (spec.startsWith('node:')) return builtins.has(spec.slice(5)) ? { builtin: spec.slice(5) } : null;
    if (builtins.has(spec)) return { builtin: spec };
    if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/') || spec === '.' || spec === '..') {
      const base = spec.startsWith('/') ? spec : dirname(fromFile) + '/' + spec;
      const p = normalize(base);
      const found = tryFile(p) || (isDirectory(p) ? tryPackage(p, '.') : null);
      return found ? { path: found } : null;
    }
    const parts = spec.split('/');
    const nameLength = spec.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLength).join('/');
    const subpath = parts.length > nameLength ? './' + parts.slice(nameLength).join('/') : '.';
    for (let dir = dirname(fromFile); ; dir = dirname(dir)) {
      const candidate = dir + '/node_modules/' + name;
      if (isDirectory(candidate)) {
        const found = tryPackage(candidate, subpath);
        if (found) return { path: found };
      }
      if (dir === '/' || dir === '.') break;
    }
    return null;
  }

  /// The path of the nearest file called `name` in `dir` or a folder above it; null when none.
  function nearest(dir, name) {
    for (; ; dir = dirname(dir)) {
      const path = dir + '/' + name;
      if (isFile(path)) return path;
      if (dir === '/' || dir === '.') return null;
    }
  }

  /// The nearest package.json's "type" above `dir`.
  function packageType(dir) {
    const manifest = nearest(dir, 'package.json');
    if (manifest === null) return 'commonjs';
    try { return JSON.parse(host.readFile(manifest)).type || 'commonjs'; } catch { return 'commonjs'; }
  }

  /// How a file loads: 'module' (ES module), 'commonjs' or 'json', as Node decides.
  function formatOf(path) {
    if (path.endsWith('.mjs') || path.endsWith('.mts')) return 'module';
    if (path.endsWith('.cjs') || path.endsWith('.cts')) return 'commonjs';
    if (path.endsWith('.json')) return 'json';
    return packageType(dirname(path)) === 'module' ? 'module' : 'commonjs';
  }

  /// Resolves an `import` specifier (ES module rules for package exports: the "import"
  /// condition first); null when nothing matches.
  const resolveImport = (spec, referrer) => {
    if (spec.startsWith('file://')) spec = decodeURIComponent(spec.slice(7));
    const from = referrer && referrer.startsWith('/') ? referrer : host.cwd() + '/entry';
    const saved = conditions;
    conditions = ['import', 'node', 'default'];
    try {
      const found = resolve(spec, from);
      if (found === null) return null;
      if (found.builtin) return { builtin: found.builtin };
      return { path: found.path, format: formatOf(found.path) };
    } finally {
      conditions = saved;
    }
  };

  /// A function giving what a CommonJS file, JSON file or built-in exports (for an import).
  const exportsGetter = (target) => () => (target.builtin ? builtin(target.builtin) : loadFile(target.path));

  /// The innermost frame of the user's code on the stack: its file and line.
  function userFrame() {
    const saved = Error.prepareStackTrace;
    Error.prepareStackTrace = (_, frames) => frames;
    const frames = new Error().stack;
    Error.prepareStackTrace = saved;
    for (const frame of frames) {
      const file = frame.getFileName();
      if (file && !file.startsWith('caper:')) return { uri: file, line: frame.getLineNumber() };
    }
    return { uri: 'unknown', line: 0 };
  }

  /// Where `require` was called, for messages: ` (required at file:line)`, or nothing when no
  /// user code called it (a requireModule entry).
  const requiredAt = () => { const at = userFrame(); return at.line > 0 ? ` (required at ${at.uri}:${at.line})` : ''; };

  function notFound(spec, fromFile) {
    const error = new Error(`Cannot find module '${spec}'${requiredAt()}`);
    error.code = 'MODULE_NOT_FOUND';
    return error;
  }

  function load(spec, fromFile) {
    const resolved = resolve(spec, fromFile);
    if (resolved === null) {
      if (spec === 'cucumber') {
        const error = new Error(`Cannot find module 'cucumber'${requiredAt()}: since cucumber-js 7 the package is '@cucumber/cucumber': require('@cucumber/cucumber')`);
        error.code = 'MODULE_NOT_FOUND';
        throw error;
      }
      if (!spec.startsWith('.') && !spec.startsWith('/') && !spec.includes('/') || spec.startsWith('node:')) {
        const error = new Error(`Caper has no built-in module '${spec}' and none is installed${requiredAt()}`);
        error.code = 'MODULE_NOT_FOUND';
        throw error;
      }
      throw notFound(spec, fromFile);
    }
    if (resolved.builtin) return builtin(resolved.builtin);
    return loadFile(resolved.path);
  }

  function makeRequire(fromFile) {
    const require = (spec) => {
      if (typeof spec !== 'string') throw new TypeError('The "id" argument must be of type string');
      return load(spec, fromFile);
    };
    require.resolve = (spec) => {
      const resolved = resolve(spec, fromFile);
      if (resolved === null) throw notFound(spec, fromFile);
      return resolved.builtin ? resolved.builtin : resolved.path;
    };
    require.cache = cache;
    require.main = undefined;
    return require;
  }

  function loadFile(path) {
    const cached = cache[path];
    if (cached) return cached.exports;
    if (path.endsWith('.json')) {
      const module = { id: path, filename: path, exports: undefined, loaded: true };
      try { module.exports = JSON.parse(host.readFile(path)); } catch (e) { throw new SyntaxError(`${path}: ${e.message}`); }
      cache[path] = module;
      return module.exports;
    }
    if (formatOf(path) === 'module') {
      const error = new Error(`require() of ES module ${path}${requiredAt()}; use import instead`);
      error.code = 'ERR_REQUIRE_ESM';
      throw error;
    }
    const module = { id: path, filename: path, path: dirname(path), exports: {}, loaded: false, children: [], paths: [] };
    module.require = makeRequire(path);
    cache[path] = module;
    // No catch and rethrow: the error keeps the location where user code threw it.
    let loaded = false;
    try {
      const body = runtime.typescript.isTypeScript(path)
        ? host.compileSource(path, runtime.typescript.transpile(path, 'commonjs'))
        : host.compileModule(path);
      body.call(module.exports, module.exports, module.require, module, path, dirname(path));
      loaded = true;
    } finally {
      if (!loaded) delete cache[path];
    }
    module.loaded = true;
    return module.exports;
  }
  return {
    define, builtin, has: (name) => builtins.has(name), paths, isFile, nearest, resolveImport, exportsGetter, formatOf, loadFile,
    makeRequire, userFrame,
  };
}
