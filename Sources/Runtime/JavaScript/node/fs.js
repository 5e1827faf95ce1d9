// node:fs and node:fs/promises: reads, stats, directory listings, and the writes support code
// makes (files, folders, temporary folders).
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
    const messages = { ENOENT: 'no such file or directory', EISDIR: 'illegal operation on a directory', ENOTDIR: 'not a directory' };
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
  define('fs', () => {
    const fs = {
      readFileSync,
      existsSync: (p) => host.stat(path.resolve(String(p))) !== null,
      statSync: (p) => statOf(p, 'stat'),
      lstatSync: (p) => statOf(p, 'lstat'),
      readdirSync: (p) => { const s = statOf(p, 'scandir'); if (!s.isDirectory()) throw fsError('ENOTDIR', 'scandir', p); return host.readdir(path.resolve(String(p))); },
      createReadStream: (p) => { statOf(p, 'open'); return new ReadStream(path.resolve(String(p))); },
      writeFileSync: (p, data) => host.writeFile(path.resolve(String(p)), typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
      mkdirSync: (p, options) => host.mkdir(path.resolve(String(p)), Boolean(options && options.recursive)),
      mkdtempSync: (prefix) => host.mkdtemp(String(prefix)),
      rmSync: (p) => host.rm(path.resolve(String(p))),
      realpathSync: Object.assign((p) => host.realpath(path.resolve(String(p))), { native: (p) => host.realpath(path.resolve(String(p))) }),
      promises: {
        readFile: async (p, options) => readFileSync(p, options),
        stat: async (p) => statOf(p, 'stat'),
        readdir: async (p) => fs.readdirSync(p),
        access: async (p) => { statOf(p, 'access'); },
      },
      readFile: (p, options, callback) => { if (typeof options === 'function') { callback = options; options = undefined; } try { const v = readFileSync(p, options); queueMicrotask(() => callback(null, v)); } catch (e) { queueMicrotask(() => callback(e)); } },
    };
    return fs;
  });
  define('fs/promises', () => runtime.modules.builtin('fs').promises);
  return { ReadStream, readBytes: (p) => host.readBytes(p) };
}
