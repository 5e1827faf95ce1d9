// node:fs and node:fs/promises: reads, stats and directory listings; writes, appends, copies,
// renames, removals, folders and temporary folders; callback and promise forms; write streams.
(host, runtime) => {
  const { define } = runtime.modules;
  const path = runtime.path;
  const { Buffer } = runtime.buffer;
  class ReadStream {
    constructor(path) { this.path = path; this._caperReadStream = true; }
    on() { return this; }
    pipe(dest) { return dest; }
  }
  const fsError = (code, syscall, path) => {
    const messages = { ENOENT: 'no such file or directory', EISDIR: 'illegal operation on a directory', ENOTDIR: 'not a directory', EEXIST: 'file already exists' };
    const e = new Error(`${code}: ${messages[code] || code}, ${syscall} '${path}'`);
    e.code = code; e.syscall = syscall; e.path = path; e.errno = -2;
    return e;
  };
  const statOf = (p, syscall) => {
    const s = host.stat(path.resolve(String(p)));
    if (s === null) throw fsError('ENOENT', syscall, p);
    return { size: s.size, mtimeMs: s.mtimeMs, mtime: new Date(s.mtimeMs), isFile: () => s.isFile, isDirectory: () => s.isDirectory, isSymbolicLink: () => false };
  };
  const readFileSync = (p, options) => {
    const encoding = typeof options === 'string' ? options : options && options.encoding;
    const full = path.resolve(String(p));
    const s = statOf(full, 'open');
    if (s.isDirectory()) throw fsError('EISDIR', 'read', p);
    const bytes = host.readBytes(full);
    const buffer = new Buffer(bytes.buffer, bytes.byteOffset, bytes.length);
    return encoding ? buffer.toString(encoding) : buffer;
  };
  const resolve = (p) => path.resolve(String(p && typeof p === 'object' && p.protocol === 'file:' ? decodeURIComponent(p.pathname) : p));
  const dataOf = (data, options) => {
    if (typeof data === 'string') return Buffer.from(data, (typeof options === 'string' ? options : options && options.encoding) || 'utf8');
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return Buffer.from(String(data));
  };
  /// A host call as Node's errors: a message starting `ENOENT` or `EACCES` becomes its code.
  const call = (syscall, p, fn) => {
    try { return fn(); } catch (e) {
      const code = /^(E[A-Z]+)/.exec(String(e.message));
      if (code) { e.code = code[1]; e.syscall = syscall; e.path = String(p); }
      else if (/no such file|doesn.t exist|couldn.t be opened/i.test(String(e.message))) throw fsError('ENOENT', syscall, p);
      throw e;
    }
  };
  const sync = {
    readFileSync,
    existsSync: (p) => { try { return host.stat(resolve(p)) !== null; } catch { return false; } },
    statSync: (p, options) => { try { return statOf(p, 'stat'); } catch (e) { if (options && options.throwIfNoEntry === false) return undefined; throw e; } },
    lstatSync: (p) => statOf(p, 'lstat'),
    accessSync: (p) => { statOf(p, 'access'); },
    readdirSync: (p, options) => {
      const s = statOf(p, 'scandir');
      if (!s.isDirectory()) throw fsError('ENOTDIR', 'scandir', p);
      const names = host.readdir(resolve(p));
      if (!(options && options.withFileTypes)) return names;
      return names.map((name) => { const e = statOf(path.join(resolve(p), name), 'scandir'); return { name, isFile: e.isFile, isDirectory: e.isDirectory, isSymbolicLink: () => false }; });
    },
    writeFileSync: (p, data, options) => call('open', p, () => host.writeFile(resolve(p), dataOf(data, options))),
    appendFileSync: (p, data, options) => call('open', p, () => host.appendFile(resolve(p), dataOf(data, options))),
    copyFileSync: (from, to) => { statOf(from, 'copyfile'); call('copyfile', from, () => host.copyFile(resolve(from), resolve(to))); },
    renameSync: (from, to) => { statOf(from, 'rename'); call('rename', from, () => host.rename(resolve(from), resolve(to))); },
    unlinkSync: (p) => { statOf(p, 'unlink'); host.rm(resolve(p)); },
    rmSync: (p, options) => { if (host.stat(resolve(p)) === null) { if (options && options.force) return; throw fsError('ENOENT', 'rm', p); } host.rm(resolve(p)); },
    rmdirSync: (p) => { statOf(p, 'rmdir'); host.rm(resolve(p)); },
    mkdirSync: (p, options) => {
      const recursive = Boolean(options && options.recursive);
      if (host.stat(resolve(p)) !== null) { if (recursive) return undefined; const e = fsError('EEXIST', 'mkdir', p); throw e; }
      call('mkdir', p, () => host.mkdir(resolve(p), recursive));
      return recursive ? resolve(p) : undefined;
    },
    mkdtempSync: (prefix) => host.mkdtemp(String(prefix)),
    realpathSync: Object.assign((p) => host.realpath(resolve(p)), { native: (p) => host.realpath(resolve(p)) }),
  };
  const promises = {};
  const callbacks = {};
  for (const [name, fn] of Object.entries(sync)) {
    if (!name.endsWith('Sync')) continue;
    const base = name.slice(0, -4);
    promises[base] = async (...args) => fn(...args);
    callbacks[base] = (...args) => {
      const callback = typeof args[args.length - 1] === 'function' ? args.pop() : () => {};
      let value, error = null;
      try { value = fn(...args); } catch (e) { error = e; }
      queueMicrotask(() => (error ? callback(error) : callback(null, value)));
    };
  }
  promises.rm = async (p, options) => sync.rmSync(p, options);
  delete callbacks.exists;
  callbacks.exists = (p, callback) => queueMicrotask(() => callback(sync.existsSync(p)));
  let WriteStreamClass = null;
  // Made on first use, after `events` is installed.
  const WriteStream = () => WriteStreamClass || (WriteStreamClass = class WriteStream extends runtime.modules.builtin('events') {
    constructor(p, options = {}) {
      super();
      this.path = resolve(p);
      this.bytesWritten = 0;
      if (!(options.flags === 'a' || options === 'a')) host.writeFile(this.path, new Uint8Array(0));
      queueMicrotask(() => this.emit('open'));
    }
    write(chunk, encoding, callback) {
      if (typeof encoding === 'function') { callback = encoding; encoding = undefined; }
      const bytes = dataOf(chunk, encoding);
      host.appendFile(this.path, bytes);
      this.bytesWritten += bytes.length;
      if (callback) queueMicrotask(() => callback());
      return true;
    }
    end(chunk, encoding, callback) {
      if (typeof chunk === 'function') { callback = chunk; chunk = undefined; }
      if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
      queueMicrotask(() => { this.emit('finish'); this.emit('close'); if (callback) callback(); });
      return this;
    }
    close(callback) { queueMicrotask(() => { this.emit('close'); if (callback) callback(); }); }
  });
  define('fs', () => ({
    ...sync, ...callbacks, promises,
    createReadStream: (p) => { statOf(p, 'open'); return new ReadStream(resolve(p)); },
    createWriteStream: (p, options) => new (WriteStream())(p, options),
    constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 },
  }));
  define('fs/promises', () => runtime.modules.builtin('fs').promises);
  return { ReadStream, readBytes: (p) => host.readBytes(p) };
}
