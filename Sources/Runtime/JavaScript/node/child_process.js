// node:child_process, synchronous only (spawnSync, execFileSync).
(host, runtime) => {
  const { define } = runtime.modules;
  const path = runtime.path;
  const { Buffer } = runtime.buffer;
  define('child_process', () => {
    const spawnSync = (command, args = [], options = {}) => {
      const env = options.env || process.env;
      const result = host.spawn(String(command), args.map(String), { cwd: options.cwd ? path.resolve(options.cwd) : host.cwd(), env, input: options.input === undefined ? undefined : String(options.input) });
      if (result.error) { const e = new Error(result.error); e.code = 'ENOENT'; return { error: e, status: null, stdout: null, stderr: null }; }
      const wrap = (bytes) => { const b = new Buffer(bytes.buffer, bytes.byteOffset, bytes.length); return options.encoding ? b.toString(options.encoding) : b; };
      return { status: result.status, signal: null, stdout: wrap(result.stdout), stderr: wrap(result.stderr), output: [null, wrap(result.stdout), wrap(result.stderr)] };
    };
    const execFileSync = (command, args = [], options = {}) => {
      const r = spawnSync(command, args, options);
      if (r.error) throw r.error;
      if (r.status !== 0) { const e = new Error(`Command failed: ${command} ${args.join(' ')}\n${r.stderr}`); e.status = r.status; e.stdout = r.stdout; e.stderr = r.stderr; throw e; }
      return r.stdout;
    };
    return { spawnSync, execFileSync };
  });
  return {};
}
