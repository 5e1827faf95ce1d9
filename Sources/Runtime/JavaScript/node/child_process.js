// node:child_process: spawnSync, execSync, execFileSync; and spawn, exec, execFile, truly
// asynchronous (the program runs on a thread of its own; its end arrives as a task on the event
// loop, so timers and other programs run meanwhile).
(host, runtime) => {
  const { define } = runtime.modules;
  const path = runtime.path;
  const { Buffer } = runtime.buffer;
  define('child_process', () => {
    const EventEmitter = runtime.modules.builtin('events');
    const { PassThrough } = runtime.modules.builtin('stream');
    const request = (options) => ({
      cwd: options.cwd ? path.resolve(String(options.cwd)) : host.cwd(),
      env: options.env || process.env,
      input: options.input === undefined ? undefined : typeof options.input === 'string' ? options.input : new Uint8Array(options.input),
    });
    const wrap = (bytes, encoding) => {
      const b = new Buffer(bytes.buffer, bytes.byteOffset, bytes.length);
      return encoding && encoding !== 'buffer' ? b.toString(encoding) : b;
    };
    const enoent = (command, message) => {
      const e = new Error(message);
      e.code = 'ENOENT'; e.errno = -2; e.syscall = 'spawn ' + command; e.path = command;
      return e;
    };
    const shell = (command, options) => [typeof options.shell === 'string' ? options.shell : '/bin/sh', ['-c', String(command)]];

    const spawnSync = (command, args = [], options = {}) => {
      if (!Array.isArray(args)) { options = args || {}; args = []; }
      const result = host.spawn(String(command), args.map(String), request(options));
      if (result.error) return { error: enoent(command, result.error), status: null, signal: null, stdout: null, stderr: null, output: null };
      const stdout = wrap(result.stdout, options.encoding), stderr = wrap(result.stderr, options.encoding);
      return { pid: 0, status: result.status, signal: result.signal, stdout, stderr, output: [null, stdout, stderr] };
    };
    const failed = (commandLine, r) => {
      const e = new Error(`Command failed: ${commandLine}\n${r.stderr}`);
      e.status = r.status; e.signal = r.signal; e.stdout = r.stdout; e.stderr = r.stderr; e.output = r.output;
      return e;
    };
    const execFileSync = (command, args = [], options = {}) => {
      if (!Array.isArray(args)) { options = args || {}; args = []; }
      const r = spawnSync(command, args, options);
      if (r.error) throw r.error;
      if (r.status !== 0) throw failed([command, ...args].join(' '), r);
      return r.stdout;
    };
    const execSync = (command, options = {}) => {
      const [sh, args] = shell(command, options);
      const r = spawnSync(sh, args, options);
      if (r.error) throw r.error;
      if (r.status !== 0) throw failed(command, r);
      return r.stdout;
    };

    class ChildProcess extends EventEmitter {
      constructor(command, args, options) {
        super();
        this.spawnfile = command;
        this.spawnargs = [command, ...args];
        this.pid = 0;
        this.exitCode = null;
        this.signalCode = null;
        this.killed = false;
        this.stdout = new PassThrough();
        this.stderr = new PassThrough();
        this.stdin = new PassThrough();
        this.stdio = [this.stdin, this.stdout, this.stderr];
        this._program = host.spawnAsync(String(command), args.map(String), request(options), (result) => this._done(result, options));
      }
      _done(result, options) {
        if (result.error) { this.emit('error', enoent(this.spawnfile, result.error)); this.emit('close', -2, null); return; }
        const encoding = options.encoding;
        const out = wrap(result.stdout, encoding), err = wrap(result.stderr, encoding);
        if (out.length) this.stdout.write(out);
        if (err.length) this.stderr.write(err);
        this.stdout.end();
        this.stderr.end();
        this.exitCode = result.status;
        this.signalCode = result.signal;
        this._result = { stdout: out, stderr: err };
        this.emit('exit', result.status, result.signal);
        queueMicrotask(() => queueMicrotask(() => this.emit('close', result.status, result.signal)));
      }
      /// Sends `signal` (default SIGTERM) to the program while it runs; false once it ended.
      kill(signal = 'SIGTERM') {
        if (this.exitCode !== null || this.signalCode !== null) return false;
        const sent = host.kill(this._program, typeof signal === 'number' ? ({ 1: 'SIGHUP', 2: 'SIGINT', 9: 'SIGKILL', 15: 'SIGTERM' }[signal] ?? 'SIGTERM') : String(signal));
        if (sent) this.killed = true;
        return sent;
      }
      ref() { return this; }
      unref() { return this; }
    }

    const spawn = (command, args = [], options = {}) => {
      if (!Array.isArray(args)) { options = args || {}; args = []; }
      if (options.shell) { const [sh, shArgs] = shell([command, ...args].join(' '), options); return new ChildProcess(sh, shArgs, options); }
      return new ChildProcess(command, args, options);
    };
    const execFile = (command, args = [], options = {}, callback) => {
      if (typeof args === 'function') { callback = args; args = []; options = {}; }
      else if (!Array.isArray(args)) { callback = options; options = args || {}; args = []; }
      if (typeof options === 'function') { callback = options; options = {}; }
      const child = new ChildProcess(command, args, options);
      const encoding = options.encoding === undefined ? 'utf8' : options.encoding;
      let error = null;
      child.on('error', (e) => { error = e; });
      child.on('close', (code, signal) => {
        if (!callback) return;
        const out = child._result ? (encoding === 'buffer' ? child._result.stdout : String(child._result.stdout)) : '';
        const err = child._result ? (encoding === 'buffer' ? child._result.stderr : String(child._result.stderr)) : '';
        if (!error && code !== 0) { error = new Error(`Command failed: ${[command, ...args].join(' ')}\n${err}`); error.code = code; error.signal = signal; error.killed = false; error.cmd = [command, ...args].join(' '); }
        callback(error, out, err);
      });
      return child;
    };
    const exec = (command, options = {}, callback) => {
      if (typeof options === 'function') { callback = options; options = {}; }
      const [sh, args] = shell(command, options);
      return execFile(sh, args, options, callback && ((error, stdout, stderr) => { if (error && error.cmd) error.cmd = command; callback(error, stdout, stderr); }));
    };
    const promisified = (run) => (...args) => new Promise((resolve, reject) => {
      run(...args, (error, stdout, stderr) => (error ? reject(Object.assign(error, { stdout, stderr })) : resolve({ stdout, stderr })));
    });
    exec[Symbol.for('nodejs.util.promisify.custom')] = promisified(exec);
    execFile[Symbol.for('nodejs.util.promisify.custom')] = promisified(execFile);
    return { spawn, spawnSync, exec, execSync, execFile, execFileSync, ChildProcess };
  });
  return {};
}
