// node:stream, as far as support code and its packages need it: Readable, Writable, Duplex,
// Transform, PassThrough and pipeline, on EventEmitter; data is delivered on later microtasks.
(host, runtime) => {
  const { define } = runtime.modules;
  define('stream', () => {
    const EventEmitter = runtime.modules.builtin('events');
    const later = (fn) => queueMicrotask(fn);
    class Stream extends EventEmitter {
      pipe(destination) {
        this.on('data', (chunk) => destination.write(chunk));
        this.on('end', () => { if (destination !== process.stdout && destination !== process.stderr) destination.end(); });
        return destination;
      }
    }
    class Readable extends Stream {
      constructor(options = {}) {
        super();
        this.readable = true;
        this._queue = [];
        this._ended = false;
        this._flowing = false;
        if (options.read) this._read = options.read;
      }
      static from(iterable) {
        const stream = new Readable();
        later(async () => { for await (const chunk of iterable) stream.push(chunk); stream.push(null); });
        return stream;
      }
      _read() {}
      push(chunk) {
        if (chunk === null) this._ended = true; else this._queue.push(chunk);
        this._flush();
        return true;
      }
      on(name, fn) {
        super.on(name, fn);
        if (name === 'data') { this._flowing = true; this._flush(); }
        return this;
      }
      _flush() {
        if (!this._flowing || this._scheduled) return;
        this._scheduled = true;
        later(() => {
          this._scheduled = false;
          while (this._queue.length) this.emit('data', this._queue.shift());
          if (this._ended && !this._endEmitted) { this._endEmitted = true; this.emit('end'); this.emit('close'); }
        });
      }
      resume() { this._flowing = true; this._flush(); return this; }
      pause() { this._flowing = false; return this; }
      setEncoding() { return this; }
      destroy(error) { if (error) later(() => this.emit('error', error)); this._ended = true; later(() => this.emit('close')); return this; }
      async *[Symbol.asyncIterator]() {
        const chunks = [];
        let done = false, wake = null;
        this.on('data', (c) => { chunks.push(c); if (wake) wake(); });
        this.on('end', () => { done = true; if (wake) wake(); });
        while (true) {
          if (chunks.length) { yield chunks.shift(); continue; }
          if (done) return;
          await new Promise((r) => { wake = r; });
          wake = null;
        }
      }
    }
    class Writable extends Stream {
      constructor(options = {}) {
        super();
        this.writable = true;
        if (options.write) this._write = options.write;
        if (options.final) this._final = options.final;
      }
      _write(chunk, encoding, callback) { callback(); }
      write(chunk, encoding, callback) {
        if (typeof encoding === 'function') { callback = encoding; encoding = undefined; }
        this._write(chunk, encoding || 'utf8', (error) => { if (error) this.emit('error', error); if (callback) callback(error); });
        return true;
      }
      end(chunk, encoding, callback) {
        if (typeof chunk === 'function') { callback = chunk; chunk = undefined; }
        if (typeof encoding === 'function') { callback = encoding; encoding = undefined; }
        if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
        const finish = () => later(() => { this.writableFinished = true; this.emit('finish'); this.emit('close'); if (callback) callback(); });
        if (this._final) this._final((error) => (error ? this.emit('error', error) : finish())); else finish();
        return this;
      }
      destroy() { later(() => this.emit('close')); return this; }
    }
    class Duplex extends Readable {
      constructor(options = {}) {
        super(options);
        this.writable = true;
        if (options.write) this._write = options.write;
      }
      _write(chunk, encoding, callback) { callback(); }
    }
    Duplex.prototype.write = Writable.prototype.write;
    Duplex.prototype.end = function (chunk, encoding, callback) {
      Writable.prototype.end.call(this, chunk, encoding, callback);
      this.push(null);
      return this;
    };
    class Transform extends Duplex {
      constructor(options = {}) {
        super(options);
        if (options.transform) this._transform = options.transform;
      }
      _transform(chunk, encoding, callback) { callback(null, chunk); }
      _write(chunk, encoding, callback) {
        this._transform(chunk, encoding, (error, data) => { if (data !== undefined && data !== null) this.push(data); callback(error); });
      }
    }
    class PassThrough extends Transform {}
    const pipeline = (...streams) => {
      const callback = typeof streams[streams.length - 1] === 'function' ? streams.pop() : null;
      for (let i = 0; i + 1 < streams.length; i++) streams[i].pipe(streams[i + 1]);
      const last = streams[streams.length - 1];
      const done = new Promise((resolve, reject) => {
        for (const s of streams) s.on('error', reject);
        last.on(last instanceof Writable || last.writable ? 'finish' : 'end', resolve);
      });
      if (callback) { done.then(() => callback(), callback); return last; }
      return last;
    };
    Stream.Readable = Readable; Stream.Writable = Writable; Stream.Duplex = Duplex; Stream.Transform = Transform;
    Stream.PassThrough = PassThrough; Stream.Stream = Stream; Stream.pipeline = pipeline;
    Stream.promises = { pipeline: (...streams) => new Promise((resolve, reject) => pipeline(...streams, (e) => (e ? reject(e) : resolve()))) };
    return Stream;
  });
  define('stream/promises', () => runtime.modules.builtin('stream').promises);
  return {};
}
