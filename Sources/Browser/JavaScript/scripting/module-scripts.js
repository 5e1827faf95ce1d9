// Module scripts (HTML §8.1.4.2 "fetch a module script graph", §8.1.4.4 "run a module script",
// §8.1.5 import maps). A page's module map holds each module URL fetched once (Swift fetches:
// `host.fetchModule`, the page's network with its virtual-time hold); every module compiles
// through the ScriptLoader (`host.compileModule`, the code cache), and the whole graph is fetched
// before it is linked and evaluated (`host.link`, `host.evaluateModule`) at the top of a task.
// Specifiers resolve through the page's import map (bare names, prefixes, scopes) and against the
// importing module's URL. `import()` from any script of the page lands here through the V8
// layer's import handler (`host.setImportHook`). script-elements.js places module scripts in its
// lists (deferred by default, `async`) and calls `fetchExternal`, `fetchInline`, `run` and
// `registerImportMap`.
(host, runtime) => {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypePush, ArrayPrototypeSort, JSONParse, Map, MapPrototypeGet, MapPrototypeSet, ObjectFreeze,
    ObjectKeys, Promise, PromisePrototypeThen, Set, SetPrototypeAdd, SetPrototypeHas, StringPrototypeEndsWith,
    StringPrototypeIndexOf, StringPrototypeRepeat, StringPrototypeSlice, StringPrototypeStartsWith, SyntaxError, TypeError,
  } = runtime.primordials;
  const { reportException } = runtime.errors;
  const scripts = runtime['script-elements'];
  const nodes = runtime.nodes;

  let document = null;

  /**
   * The module map (HTML §8.1.4.1): request URL -> entry `{ done, record, waiting }`, where a
   * record is `{ id, url, requests, targets, error }` (`url` the response URL, the module's name
   * and base URL; `targets` the resolved URL of each request; `error` a parse error or a
   * specifier that did not resolve) or null when the fetch failed.
   */
  const moduleMap = new Map();

  /** The page's import map (§8.1.5.1), each specifier map sorted by key, longest first. */
  const importMap = { imports: [], scopes: [] };

  const specialSchemes = new Set(['ftp:', 'file:', 'http:', 'https:', 'ws:', 'wss:']);
  const isSpecial = (url) => {
    const colon = StringPrototypeIndexOf(url, ':');
    return colon > 0 && SetPrototypeHas(specialSchemes, StringPrototypeSlice(url, 0, colon + 1));
  };

  /** HTML "resolve a URL-like module specifier": absolute, or `/`, `./`, `../` against `base`. */
  const resolveURLLike = (specifier, base) => {
    if (StringPrototypeStartsWith(specifier, '/') || StringPrototypeStartsWith(specifier, './') ||
      StringPrototypeStartsWith(specifier, '../')) {
      return host.resolveURL(specifier, base);
    }
    return host.resolveURL(specifier, null);
  };

  /** HTML "resolve an imports match": the entry for the specifier, or for a prefix of it. */
  const resolveImportsMatch = (normalized, asURL, specifierMap) => {
    for (let i = 0; i < specifierMap.length; i++) {
      const key = specifierMap[i][0];
      const target = specifierMap[i][1];
      if (key === normalized) {
        if (target === null) throw new TypeError(`Failed to resolve module specifier "${normalized}": blocked by the import map`);
        return target;
      }
      const prefixMatch = StringPrototypeEndsWith(key, '/') && StringPrototypeStartsWith(normalized, key);
      if (prefixMatch && (asURL === null || isSpecial(asURL))) {
        if (target === null) throw new TypeError(`Failed to resolve module specifier "${normalized}": blocked by the import map`);
        const url = host.resolveURL(StringPrototypeSlice(normalized, key.length), target);
        if (url === null || !StringPrototypeStartsWith(url, target)) {
          throw new TypeError(
            `Failed to resolve module specifier "${normalized}": its import map prefix "${key}" leads outside "${target}"`);
        }
        return url;
      }
    }
    return null;
  };

  /** HTML "resolve a module specifier" (§8.1.5.5); throws a TypeError when it names nothing. */
  const resolveSpecifier = (specifier, base) => {
    const asURL = resolveURLLike(specifier, base);
    const normalized = asURL ?? specifier;
    for (let i = 0; i < importMap.scopes.length; i++) {
      const prefix = importMap.scopes[i][0];
      const scopeImports = importMap.scopes[i][1];
      if (prefix === base || (StringPrototypeEndsWith(prefix, '/') && StringPrototypeStartsWith(base, prefix))) {
        const match = resolveImportsMatch(normalized, asURL, scopeImports);
        if (match !== null) return match;
      }
    }
    const match = resolveImportsMatch(normalized, asURL, importMap.imports);
    if (match !== null) return match;
    if (asURL !== null) return asURL;
    throw new TypeError(
      `Failed to resolve module specifier "${specifier}". Relative references must start with either "/", "./", or "../".`);
  };

  const warn = (message) => host.warn(message);

  /** Longest key first: code unit order, reversed (§8.1.5.3 "sort and normalize"). */
  const byKeyDescending = (a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0);

  /** HTML "sort and normalize a module specifier map": `[key, url or null]` pairs. */
  const normalizeSpecifierMap = (original, base) => {
    const normalized = [];
    const keys = ObjectKeys(original);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const value = original[key];
      if (key === '') {
        warn('Ignored an empty specifier key in the import map.');
        continue;
      }
      const normalizedKey = resolveURLLike(key, base) ?? key;
      if (typeof value !== 'string') {
        warn(`Ignored the import map entry "${key}": its address is not a string.`);
        ArrayPrototypePush(normalized, [normalizedKey, null]);
        continue;
      }
      const address = resolveURLLike(value, base);
      if (address === null) {
        warn(`Ignored the import map entry "${key}": "${value}" is not a valid address.`);
        ArrayPrototypePush(normalized, [normalizedKey, null]);
        continue;
      }
      if (StringPrototypeEndsWith(key, '/') && !StringPrototypeEndsWith(address, '/')) {
        warn(`Ignored the import map entry "${key}": an address for a prefix must end with "/".`);
        ArrayPrototypePush(normalized, [normalizedKey, null]);
        continue;
      }
      ArrayPrototypePush(normalized, [normalizedKey, address]);
    }
    return ArrayPrototypeSort(normalized, byKeyDescending);
  };

  const isPlainObject = (value) => value !== null && typeof value === 'object' && !ArrayIsArray(value);

  /** HTML "parse an import map string" (§8.1.5.3); throws SyntaxError or TypeError. */
  const parseImportMap = (text, base) => {
    const parsed = JSONParse(text);
    if (!isPlainObject(parsed)) throw new TypeError('An import map must be a JSON object.');
    let imports = [];
    if (parsed.imports !== undefined) {
      if (!isPlainObject(parsed.imports)) throw new TypeError('The import map\'s "imports" must be a JSON object.');
      imports = normalizeSpecifierMap(parsed.imports, base);
    }
    const scopes = [];
    if (parsed.scopes !== undefined) {
      if (!isPlainObject(parsed.scopes)) throw new TypeError('The import map\'s "scopes" must be a JSON object.');
      const prefixes = ObjectKeys(parsed.scopes);
      for (let i = 0; i < prefixes.length; i++) {
        const specifierMap = parsed.scopes[prefixes[i]];
        if (!isPlainObject(specifierMap)) throw new TypeError(`The import map scope "${prefixes[i]}" must be a JSON object.`);
        const prefix = host.resolveURL(prefixes[i], base);
        if (prefix === null) {
          warn(`Ignored the import map scope "${prefixes[i]}": not a valid URL.`);
          continue;
        }
        ArrayPrototypePush(scopes, [prefix, normalizeSpecifierMap(specifierMap, base)]);
      }
    }
    const keys = ObjectKeys(parsed);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== 'imports' && keys[i] !== 'scopes' && keys[i] !== 'integrity') {
        warn(`Ignored the import map's unknown key "${keys[i]}".`);
      }
    }
    return { imports, scopes: ArrayPrototypeSort(scopes, byKeyDescending) };
  };

  /** Adds `added`'s pairs whose keys `existing` lacks (an earlier import map's rules win). */
  const mergeSpecifierMaps = (existing, added) => {
    const known = new Set();
    for (let i = 0; i < existing.length; i++) SetPrototypeAdd(known, existing[i][0]);
    const merged = [];
    for (let i = 0; i < existing.length; i++) ArrayPrototypePush(merged, existing[i]);
    for (let i = 0; i < added.length; i++) {
      if (SetPrototypeHas(known, added[i][0])) {
        warn(`Ignored the import map rule for "${added[i][0]}": an earlier import map has one.`);
      } else {
        ArrayPrototypePush(merged, added[i]);
      }
    }
    return ArrayPrototypeSort(merged, byKeyDescending);
  };

  /** HTML "register an import map": parse errors are reported; maps after the first merge in. */
  const registerImportMap = (text, base) => {
    let parsed;
    try {
      parsed = parseImportMap(text, base);
    } catch (error) {
      reportException(error);
      return;
    }
    importMap.imports = mergeSpecifierMaps(importMap.imports, parsed.imports);
    for (let i = 0; i < parsed.scopes.length; i++) {
      const prefix = parsed.scopes[i][0];
      const specifierMap = parsed.scopes[i][1];
      let found = false;
      for (let j = 0; j < importMap.scopes.length; j++) {
        if (importMap.scopes[j][0] === prefix) {
          importMap.scopes[j] = [prefix, mergeSpecifierMaps(importMap.scopes[j][1], specifierMap)];
          found = true;
        }
      }
      if (!found) ArrayPrototypePush(importMap.scopes, parsed.scopes[i]);
    }
    ArrayPrototypeSort(importMap.scopes, byKeyDescending);
  };

  /** An Error of `name` whose stack names the place Swift gave (`[name, message, stack, url, line, column]`). */
  const errorFrom = (failure) => {
    const name = failure[0], message = failure[1], stack = failure[2];
    const error = name === 'SyntaxError' ? new SyntaxError(message) : new TypeError(message);
    if (name !== 'SyntaxError' && name !== 'TypeError') error.name = name;
    // A module that did not compile or link: the place V8 gave is where it failed, not the frames of
    // Caper's code that asked (what a parse error's stack would otherwise show).
    error.stack = failure[3] === '' ? stack : `${name}: ${message}\n    at ${failure[3]}:${failure[4]}:${failure[5]}`;
    return error;
  };

  /**
   * Compiles a module's source as the module at `url` (its base URL) and resolves its requests;
   * a syntax error or a specifier that does not resolve is the record's `error`.
   */
  const createRecord = (source, url) => {
    const compiled = host.compileModule(source, url);
    if (typeof compiled[0] !== 'number') return { id: -1, url, requests: [], targets: [], error: errorFrom(compiled) };
    const id = compiled[0], requests = compiled[1];
    const record = { id, url, requests, targets: [], error: null, linked: false };
    for (let i = 0; i < requests.length; i++) {
      try {
        ArrayPrototypePush(record.targets, resolveSpecifier(requests[i], url));
      } catch (error) {
        record.error = error;
        record.targets = [];
        break;
      }
    }
    return record;
  };

  /** HTML "fetch a single module script": once per URL; `done(record or null)` runs in a later task. */
  const fetchSingle = (url, done) => {
    let entry = MapPrototypeGet(moduleMap, url);
    if (entry !== undefined) {
      if (entry.done) scripts.queueTask(() => done(entry.record));
      else ArrayPrototypePush(entry.waiting, done);
      return;
    }
    entry = { done: false, record: null, waiting: [done] };
    MapPrototypeSet(moduleMap, url, entry);
    host.fetchModule(url, (ok, source, finalURL) => {
      entry.record = ok ? createRecord(source, finalURL) : null;
      entry.done = true;
      const waiting = entry.waiting;
      entry.waiting = [];
      for (let i = 0; i < waiting.length; i++) {
        try {
          waiting[i](entry.record);
        } catch (error) {
          reportException(error);
        }
      }
    });
  };

  /**
   * HTML "fetch the descendants of and link a module script": fetches every module the graph
   * reaches (each URL once), then calls `done(record)`, or `done(null)` when one failed to fetch.
   */
  const fetchDescendants = (root, done) => {
    const visited = new Set();
    let pending = 0;
    let failed = false;
    let finished = false;
    const finish = () => {
      if (finished || pending > 0) return;
      finished = true;
      done(failed ? null : root);
    };
    const visit = (record) => {
      if (record.error !== null) return;
      for (let i = 0; i < record.targets.length; i++) {
        const target = record.targets[i];
        if (SetPrototypeHas(visited, target)) continue;
        SetPrototypeAdd(visited, target);
        pending++;
        fetchSingle(target, (child) => {
          pending--;
          if (child === null) failed = true;
          else if (!failed) visit(child);
          finish();
        });
      }
    };
    SetPrototypeAdd(visited, root.url);
    visit(root);
    finish();
  };

  const recordOf = (url) => MapPrototypeGet(moduleMap, url)?.record ?? null;

  /**
   * The first parse error of the graph, depth first (HTML "find the first parse error"); tells
   * Swift each edge on the way (`host.link`) so V8's linking finds the fetched modules.
   */
  const prepareGraph = (root) => {
    const seen = new Set();
    const walk = (record) => {
      if (SetPrototypeHas(seen, record)) return null;
      SetPrototypeAdd(seen, record);
      if (record.error !== null) return record.error;
      for (let i = 0; i < record.targets.length; i++) {
        const child = recordOf(record.targets[i]);
        if (child === null) continue;
        if (!record.linked && child.id >= 0) host.link(record.id, record.requests[i], child.id);
        const error = walk(child);
        if (error !== null) return error;
      }
      record.linked = true;
      return null;
    };
    return walk(root);
  };

  /** Links and evaluates the graph of `root`; the evaluation promise, or throws what linking threw. */
  const evaluate = (root) => {
    const error = prepareGraph(root);
    if (error !== null) throw error;
    const result = host.evaluateModule(root.id);
    if (ArrayIsArray(result)) throw errorFrom(result);
    return result;
  };

  /** Fetches the graph of the module at `url`; `done({ module: true, record })` or `done(null)`. */
  const fetchExternal = (url, done) => {
    fetchSingle(url, (record) => {
      if (record === null) {
        done(null);
        return;
      }
      fetchDescendants(record, (root) => done(root === null ? null : { module: true, record: root }));
    });
  };

  /**
   * The graph of an inline module script (its base URL the document's); `done` as
   * `fetchExternal`'s, in a later task. `position`, `[line, column]` of its text in the document,
   * places the code there (errors and stacks give the document's lines), as for classic scripts.
   */
  const fetchInline = (source, base, done, position = null) => {
    const placed = position === null ? source
      : StringPrototypeRepeat('\n', position[0] - 1) + StringPrototypeRepeat(' ', position[1]) + source;
    const record = createRecord(placed, base);
    scripts.queueTask(() => fetchDescendants(record, (root) => done(root === null ? null : { module: true, record: root })));
  };

  /** HTML "run a module script": what linking or evaluation throws is reported, and the page goes on. */
  const run = (result) => {
    let evaluation;
    try {
      evaluation = evaluate(result.record);
    } catch (error) {
      reportException(error);
      return;
    }
    PromisePrototypeThen(evaluation, undefined, (error) => reportException(error));
  };

  const documentBase = () => (document === null ? '' : nodes.baseURL(document));

  /**
   * `import()` from any script of the page (HTML's HostLoadImportedModule for a dynamic import):
   * the promise of the module's namespace once its graph is fetched and evaluated; a specifier
   * that does not resolve, a failed fetch, a parse error or a throwing evaluation reject it.
   */
  const importDynamically = (specifier, referrer) => new Promise((resolve, reject) => {
    const base = referrer === '' || document === null || referrer === document.URL ? documentBase() : referrer;
    const url = resolveSpecifier(specifier, base);
    fetchExternal(url, (result) => {
      if (result === null) {
        reject(new TypeError(`Failed to fetch dynamically imported module: ${url}`));
        return;
      }
      const record = result.record;
      try {
        PromisePrototypeThen(evaluate(record), () => resolve(host.namespace(record.id)), reject);
      } catch (error) {
        reject(error);
      }
    });
  });

  const install = (global, ownDocument) => {
    document = ownDocument;
    host.setImportHook(importDynamically);
  };

  scripts.useModuleScripts(ObjectFreeze({ fetchExternal, fetchInline, run, registerImportMap }));

  return ObjectFreeze({ install, resolveSpecifier });
}
