// The cucumber extension of the support realm: the cucumber-js API (`require('caper')`, also
// `@cucumber/cucumber`) and what the runner calls to run steps and hooks (its exports).
//
// It runs after user code has had every chance to overwrite built-ins, so it uses only the
// primordials captured before (`runtime.primordials`), never a prototype method looked up now.
(host, runtime) => {
  const { format, inspect } = runtime.util;
  const {
    ArrayIsArray, ArrayPrototypeMap, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeFilter, ArrayPrototypeJoin,
    JSONParse, ObjectAssign, ObjectCreate, ObjectFreeze, ObjectFromEntries, PromisePrototypeThen, PromiseResolve, Promise,
    FunctionPrototypeBind, ObjectDefineProperty, WeakMap, WeakMapPrototypeGet, WeakMapPrototypeSet,
    RegExp, RegExpPrototypeExec, RegExpTest, ReflectApply, SplitString, Uint8Array, ArrayBuffer, String, Error,
  } = runtime.primordials;
  /// The characters of `flags` not in `drop`.
  const withoutFlags = (flags, drop) => {
    let out = '';
    for (let i = 0; i < flags.length; i++) if (drop.indexOf(flags[i]) < 0) out += flags[i];
    return out;
  };

  const library = { steps: [], hooks: [], parameterTypes: [], defaultTimeout: 5000, worldConstructor: null };
  /// The World of the running test case, the context of BeforeAll/AfterAll, and the error the
  /// test case's failing step threw (After and AfterStep hooks receive it as `error`).
  let world = null;
  let runContext = null;
  let lastError;
  let parallelNoted = false;
  const currentProxy = (current, name) => new Proxy({}, {
    get: (_, key) => { const target = current(); if (target === null || target === undefined) throw new Error(`'${name}' is only available while a scenario or hook runs`); const v = target[key]; return typeof v === 'function' ? FunctionPrototypeBind(v, target) : v; },
    set: (_, key, value) => { const target = current(); if (!target) throw new Error(`'${name}' is only available while a scenario or hook runs`); target[key] = value; return true; },
    has: (_, key) => { const target = current(); return Boolean(target) && key in target; },
  });
  const unavailable = (name, why) => new Error(`${name} is not available in Caper: ${why}`);
  const unavailableObject = (name, why) => new Proxy({}, { get: (_, key) => (typeof key === 'symbol' ? undefined : () => { throw unavailable(`${name}.${String(key)}`, why); }) });
  let sequence = 0;

  /// The user's file and line that called into the API.
  const definedAt = runtime.modules.userFrame;

  const Status = ObjectFreeze({ UNKNOWN: 'UNKNOWN', PASSED: 'PASSED', SKIPPED: 'SKIPPED', PENDING: 'PENDING', UNDEFINED: 'UNDEFINED', AMBIGUOUS: 'AMBIGUOUS', FAILED: 'FAILED' });

  class PendingException extends Error { constructor(message = 'TODO') { super(message); this.name = 'PendingException'; } }
  class SkippedException extends Error { constructor(message = 'skipped') { super(message); this.name = 'SkippedException'; } }

  class DataTable {
    constructor(source) {
      this.rawTable = ArrayIsArray(source) ? source : ArrayPrototypeMap(source.rows, (row) => ArrayPrototypeMap(row.cells, (cell) => cell.value));
    }
    raw() { return ArrayPrototypeMap(this.rawTable, (row) => ArrayPrototypeSlice(row)); }
    rows() { return ArrayPrototypeMap(ArrayPrototypeSlice(this.rawTable, 1), (row) => ArrayPrototypeSlice(row)); }
    hashes() {
      const keys = this.rawTable[0];
      return ArrayPrototypeMap(ArrayPrototypeSlice(this.rawTable, 1), (row) => ObjectFromEntries(ArrayPrototypeMap(keys, (k, i) => [k, row[i]])));
    }
    rowsHash() {
      return ObjectFromEntries(ArrayPrototypeMap(this.rawTable, (row) => {
        if (row.length !== 2) throw new Error('rowsHash can only be called on a data table where all rows have exactly two columns');
        return row;
      }));
    }
    transpose() {
      const table = this.rawTable;
      return new DataTable(table[0] ? ArrayPrototypeMap(table[0], (_, i) => ArrayPrototypeMap(table, (row) => row[i])) : []);
    }
  }

  class World {
    constructor({ attach, log, link, parameters }) { this.attach = attach; this.log = log; this.link = link; this.parameters = parameters; }
  }
  // The default World's Playwright objects, made when first read (one browser per worker, a
  // context with the world parameters' baseURL and a page per scenario, closed when it ends); a
  // value the user assigns (`this.page = await context.newPage()`) replaces them.
  const worldObjects = new WeakMap();
  const playwright = runtime.playwright;
  const makers = {
    browser: () => playwright.defaultWorld.browser(),
    context: (world) => playwright.defaultWorld.context(world.browser, world.parameters),
    page: (world) => playwright.defaultWorld.page(world.context),
  };
  for (const name of ['browser', 'context', 'page']) {
    ObjectDefineProperty(World.prototype, name, {
      configurable: true,
      get() {
        let objects = WeakMapPrototypeGet(worldObjects, this);
        if (objects === undefined) WeakMapPrototypeSet(worldObjects, this, objects = ObjectCreate(null));
        if (!(name in objects)) objects[name] = makers[name](this);
        return objects[name];
      },
      set(value) {
        let objects = WeakMapPrototypeGet(worldObjects, this);
        if (objects === undefined) WeakMapPrototypeSet(worldObjects, this, objects = ObjectCreate(null));
        objects[name] = value;
      },
    });
  }

  function patternOf(pattern) {
    if (pattern instanceof RegExp) return { type: 'REGULAR_EXPRESSION', source: pattern.source, flags: withoutFlags(pattern.flags, 'gy') };
    if (typeof pattern === 'string') return { type: 'CUCUMBER_EXPRESSION', source: pattern, flags: '' };
    throw new TypeError(`A step pattern must be a string or a RegExp, got ${inspect(pattern)}`);
  }

  function defineStep(pattern, options, code) {
    if (typeof options === 'function') { code = options; options = {}; }
    if (typeof code !== 'function') throw new TypeError(`The step definition for ${inspect(pattern)} needs a function`);
    ArrayPrototypePush(library.steps, { id: library.steps.length, seq: sequence++, pattern: patternOf(pattern), options: options || {}, code, at: definedAt() });
  }

  function defineHook(type) {
    return (options, code) => {
      if (typeof options === 'function') { code = options; options = {}; }
      if (typeof options === 'string') options = { tags: options };
      if (typeof code !== 'function') throw new TypeError(`${type} needs a function`);
      ArrayPrototypePush(library.hooks, { id: library.hooks.length, seq: sequence++, type, options: options || {}, code, at: definedAt() });
    };
  }

  function defineParameterType({ name, regexp, transformer, useForSnippets, preferForRegexpMatch }) {
    if (typeof name !== 'string') throw new TypeError('defineParameterType needs a name');
    const regexps = ArrayPrototypeMap(ArrayIsArray(regexp) ? regexp : [regexp], (r) => (r instanceof RegExp ? r.source : String(r)));
    ArrayPrototypePush(library.parameterTypes, {
      id: library.parameterTypes.length, seq: sequence++, name, regexps, transformer: transformer || ((...groups) => groups[0]),
      useForSnippets: useForSnippets !== false, preferForRegexpMatch: preferForRegexpMatch === true, at: definedAt(),
    });
  }

  const api = {
    Given: defineStep, When: defineStep, Then: defineStep, And: defineStep, But: defineStep, defineStep,
    Before: defineHook('BEFORE_TEST_CASE'), After: defineHook('AFTER_TEST_CASE'),
    BeforeAll: defineHook('BEFORE_TEST_RUN'), AfterAll: defineHook('AFTER_TEST_RUN'),
    BeforeStep: defineHook('BEFORE_TEST_STEP'), AfterStep: defineHook('AFTER_TEST_STEP'),
    defineParameterType,
    setWorldConstructor: (ctor) => { library.worldConstructor = ctor; },
    setDefaultTimeout: (ms) => { library.defaultTimeout = ms; },
    World, Status, DataTable, PendingException, SkippedException,
    setDefinitionFunctionWrapper: () => {},
    // The current World and the test run's context, as proxies (usable in parameter-type
    // transformers and hooks), as @cucumber/cucumber 10+ exports them.
    world: currentProxy(() => world, 'world'),
    context: currentProxy(() => runContext, 'context'),
    version: '13.0.0',
    // Scenarios go to workers in order; an assignment rule is accepted and not consulted.
    setParallelCanAssign: (rule) => {
      if (typeof rule !== 'function') throw new TypeError('setParallelCanAssign needs a function');
      if (!parallelNoted) { parallelNoted = true; host.emit('note', 'setParallelCanAssign: Caper assigns scenarios to workers in order; the rule is not consulted'); }
    },
    parallelCanAssignHelpers: { atMostOnePicklePerTag: (tags) => { if (!ArrayIsArray(tags)) throw new TypeError('atMostOnePicklePerTag needs a list of tags'); return () => true; } },
    // Custom formatters run in realms of their own (formatters.js); support code may still
    // subclass these.
    Formatter: runtime.formatters.Formatter,
    SummaryFormatter: runtime.formatters.SummaryFormatter,
    formatterHelpers: runtime.formatters.formatterHelpers,
    supportCodeLibraryBuilder: unavailableObject(
      'supportCodeLibraryBuilder', 'support code registers through Given/When/Then and the hooks, not the library builder'),
  };
  api.default = api;
  runtime.modules.define('caper', () => api);
  runtime.modules.define('@cucumber/cucumber', () => api);

  // --- what the runner calls ---

  /// The library, as data for the runner.
  function describe() {
    return {
      steps: ArrayPrototypeMap(library.steps, (s) => ({ id: s.id, seq: s.seq, pattern: s.pattern, timeout: s.options.timeout ?? null, uri: s.at.uri, line: s.at.line })),
      hooks: ArrayPrototypeMap(library.hooks, (h) => ({ id: h.id, seq: h.seq, type: h.type, tags: h.options.tags ?? null, name: h.options.name ?? null, timeout: h.options.timeout ?? null, uri: h.at.uri, line: h.at.line })),
      parameterTypes: ArrayPrototypeMap(library.parameterTypes, (p) => ({ id: p.id, seq: p.seq, name: p.name, regexps: p.regexps, useForSnippets: p.useForSnippets, preferForRegexpMatch: p.preferForRegexpMatch, uri: p.at.uri, line: p.at.line })),
      defaultTimeout: library.defaultTimeout,
    };
  }


  /// An attachment from user code: strings as they are, bytes and files in base64.
  function attach(data, options) {
    const media = typeof options === 'string' ? { mediaType: options } : options || {};
    if (typeof data === 'string') {
      host.emit('attachment', { body: data, contentEncoding: 'IDENTITY', mediaType: media.mediaType || 'text/plain', fileName: media.fileName ?? null });
      return;
    }
    let bytes = null;
    if (data instanceof runtime.fs.ReadStream) bytes = runtime.fs.readBytes(data.path);
    else if (data instanceof Uint8Array) bytes = data;
    else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    if (bytes === null) throw new TypeError(`attach() takes a string, a Buffer or a stream, got ${inspect(data)}`);
    if (!media.mediaType) throw new TypeError('attach() of bytes needs a media type');
    host.emit('attachment', { body: runtime.buffer.toBase64(bytes), contentEncoding: 'BASE64', mediaType: media.mediaType, fileName: media.fileName ?? null });
  }
  const log = (text) => attach(String(text), 'text/x.cucumber.log+plain');
  const link = (...uris) => attach(ArrayPrototypeJoin(uris, '\n'), 'text/uri-list');

  let runParameters = {};

  function beginTestCase(parameters) {
    const Constructor = library.worldConstructor || World;
    lastError = undefined;
    runParameters = parameters || {};
    world = new Constructor({ attach, log, link, parameters: runParameters });
  }

  /// How a call ended, as the runner records it (0 for passed: the common case crosses as a
  /// number, not an object).
  function outcome(value) {
    if (value === 'pending') return { status: 'PENDING' };
    if (value === 'skipped') return { status: 'SKIPPED' };
    return 0;
  }

  /// Caper's own frames, left out of stacks.
  const ownFrame = /\(caper:|at caper:|at new Promise \(<anonymous>\)/;

  function failure(error) {
    lastError = error;
    if (error instanceof PendingException) return { status: 'PENDING', message: error.message, exception: { type: 'PendingException', message: error.message, stackTrace: null } };
    if (error instanceof SkippedException) return { status: 'SKIPPED', message: error.message, exception: { type: 'SkippedException', message: error.message, stackTrace: null } };
    if (error instanceof Error) {
      const stack = ArrayPrototypeJoin(ArrayPrototypeFilter(SplitString(String(error.stack || ''), '\n'), (line) => !RegExpTest(ownFrame, line)), '\n');
      return { status: 'FAILED', message: error.message, exception: { type: error.constructor && error.constructor.name !== 'Error' ? error.constructor.name : error.name || 'Error', message: error.message, stackTrace: stack } };
    }
    const text = typeof error === 'string' ? error : inspect(error);
    return { status: 'FAILED', message: text, exception: { type: typeof error, message: text, stackTrace: null } };
  }

  /// Calls user code with `this` the world; a function that takes one more parameter than it is
  /// given gets a Node-style callback. Returns the outcome, or a promise of it when the code is
  /// asynchronous.
  function invoke(code, args, that) {
    if (code.length !== args.length + 1) {
      let value;
      try {
        value = ReflectApply(code, that, args);
      } catch (e) {
        return failure(e);
      }
      if (!value || typeof value.then !== 'function') return outcome(value);
      return untilUncaught(PromisePrototypeThen(PromiseResolve(value), outcome, failure));
    }
    return untilUncaught(new Promise((resolve) => {
      let settled = false;
      const done = (result) => { if (!settled) { settled = true; resolve(result); } };
      try {
        if (code.length === args.length + 1) {
          ReflectApply(code, that, [...args, (error, value) => done(error ? failure(error) : outcome(value))]);
          return;
        }
        const value = ReflectApply(code, that, args);
        if (value && typeof value.then === 'function') PromisePrototypeThen(PromiseResolve(value), (v) => done(outcome(v)), (e) => done(failure(e)));
        else done(outcome(value));
      } catch (e) {
        done(failure(e));
      }
    }));
  }

  /// `promise` (of an outcome), unless an exception nobody caught comes first while it is pending
  /// (a timer's callback threw, a rejection nobody handled): then a failure with that error, as
  /// cucumber-js fails the step or hook running when Node reports one.
  function untilUncaught(promise) {
    return new Promise((resolve) => {
      let settled = false;
      const done = (result) => {
        if (settled) return;
        settled = true;
        runtime.process.setRunnerListener(null);
        resolve(result);
      };
      runtime.process.setRunnerListener((error) => done(failure(error)));
      PromisePrototypeThen(promise, done, (error) => done(failure(error)));
    });
  }

  function argumentValue(arg) {
    if (arg && typeof arg === 'object' && 'parameterTypeId' in arg) {
      const type = library.parameterTypes[arg.parameterTypeId];
      return ReflectApply(type.transformer, world, ArrayPrototypeMap(arg.groups, (g) => (g === null ? undefined : g)));
    }
    return arg;
  }

  /// A step or hook as a task: process.nextTick callbacks it queued run when it returns, before
  /// its promise jobs (as Node runs them after each callback).
  const task = (run) => (...args) => { try { return run(...args); } finally { runtime.process.runTicks(); } };

  function runStep(id, args, docString, dataTable) {
    const step = library.steps[id];
    stepPageErrors = [];
    let values;
    try {
      values = ArrayPrototypeMap(args, argumentValue);
    } catch (e) {
      return failure(e);
    }
    if (dataTable) ArrayPrototypePush(values, new DataTable(dataTable));
    if (docString) ArrayPrototypePush(values, docString.content);
    return stepEnded(invoke(step.code, values, world));
  }

  /// The run's options this extension applies (`configure`, called by Swift before support code loads).
  let failOnPageErrors = false;
  function configure(options) { failOnPageErrors = !!options.failOnPageErrors; }
  /// The page errors delivered while the running step ran (each also attached to it).
  let stepPageErrors = [];
  runtime['playwright-page'].hooks.pageError = (error, page) => {
    ArrayPrototypePush(stepPageErrors, error);
    let url = '';
    try {
      url = page.url();
    } catch {
      // A closed page.
    }
    // The page's frames only (the stack's first line repeats the message).
    const frames = ArrayPrototypeFilter(ArrayPrototypeSlice(SplitString(String(error.stack ?? ''), '\n'), 1),
      (line) => !RegExpTest(ownFrame, line));
    attach(`${error.name ? `${error.name}: ` : ''}${error.message}${frames.length > 0 ? `\n${ArrayPrototypeJoin(frames, '\n')}` : ''}`,
      { mediaType: 'text/plain', fileName: `page error ${url}` });
  };

  /// A step's outcome once its soft assertions (`expect.soft`) and, with `--fail-on-page-errors`,
  /// its pages' errors are counted, with the open pages' evidence attached when it failed: each
  /// page's URL, HTML, console messages and page errors.
  function stepEnded(result) {
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') return PromisePrototypeThen(result, stepEnded);
    let ended = result;
    playwright.deliverEvents();
    const pageErrors = stepPageErrors;
    stepPageErrors = [];
    if (failOnPageErrors && pageErrors.length > 0 && (ended === 0 || ended.status !== 'FAILED')) {
      const first = pageErrors[0];
      ended = failure(new Error(`${pageErrors.length} page error${pageErrors.length === 1 ? '' : 's'} (--fail-on-page-errors); ` +
        `the first: ${first.name ? `${first.name}: ` : ''}${first.message}`));
    }
    const soft = playwright.takeSoftErrors();
    if (soft.length > 0) {
      // Every soft failure, then the step's own failure if it has one.
      const errors = ArrayPrototypeSlice(soft);
      if (ended !== 0 && ended.status === 'FAILED') ArrayPrototypePush(errors, lastError instanceof Error ? lastError : new Error(ended.message));
      const error = errors.length === 1 ? errors[0] : new Error(ArrayPrototypeJoin(ArrayPrototypeMap(errors, (e) => e.message), '\n\n'));
      ended = failure(error);
    }
    if (ended !== 0 && ended.status === 'FAILED') attachEvidence();
    return ended;
  }
  function attachEvidence() {
    let pages;
    try {
      pages = playwright.evidence();
    } catch {
      return;
    }
    for (const page of pages) {
      attach(page.url, 'text/uri-list');
      // A file name that opens as HTML: the URL, with `.html` unless its path ends so already.
      const htmlName = RegExpTest(/\.html?$/i, page.url) ? page.url : `${page.url}.html`;
      attach(page.html, { mediaType: 'text/html', fileName: `page ${htmlName}` });
      const lines = [];
      for (const [type, text, location] of page.console) ArrayPrototypePush(lines, `console.${type}: ${text}${location ? ` (${location})` : ''}`);
      for (const [name, message] of page.errors) ArrayPrototypePush(lines, `page error: ${name ? `${name}: ` : ''}${message}`);
      if (lines.length > 0) attach(ArrayPrototypeJoin(lines, '\n'), { mediaType: 'text/plain', fileName: `console ${page.url}.txt` });
    }
  }

  /// The scenario ended: what the default World opened closes.
  function endTestCase() {
    playwright.endScenario();
    playwright.takeSoftErrors();
  }

  /// Hooks' documents by uri: the host hands each realm a document's JSON text once (then its uri
  /// alone), parsed when a hook first needs it. With the last pickle parsed, every hook of a test
  /// case gets the same pickle and document objects, as cucumber-js's hooks share its messages.
  const documents = ObjectCreate(null);
  let lastPickleText = null;
  let lastPickle = null;
  /// Keeps the document JSON text `context` carries, if any (as soon as it arrives: the host sends
  /// it once, whether or not a hook runs now).
  function receiveDocument(context) {
    if (context && context.gherkinDocument !== undefined) documents[context.gherkinDocumentUri] = context.gherkinDocument;
  }
  function documentAt(uri) {
    const document = documents[uri];
    return typeof document === 'string' ? (documents[uri] = JSONParse(document)) : document;
  }
  function pickleFrom(text) {
    if (text !== lastPickleText) { lastPickle = JSONParse(text); lastPickleText = text; }
    return lastPickle;
  }

  function runHook(id, argument) {
    const hook = library.hooks[id];
    if (argument) {
      receiveDocument(argument);
      const { pickle: pickleJSON, gherkinDocumentUri, gherkinDocument: _, pickleStep, ...rest } = argument;
      argument = { pickle: pickleFrom(pickleJSON), gherkinDocument: documentAt(gherkinDocumentUri), ...rest };
      if (pickleStep) argument.pickleStep = JSONParse(pickleStep);
      if (argument.result === undefined) delete argument.result;
    }
    if (argument && argument.result && argument.result.status === 'FAILED' && (hook.type === 'AFTER_TEST_CASE' || hook.type === 'AFTER_TEST_STEP')) {
      argument.error = lastError;
    }
    const global = hook.type === 'BEFORE_TEST_RUN' || hook.type === 'AFTER_TEST_RUN';
    if (global && runContext === null) runContext = { attach, log, link, parameters: runParameters };
    const args = global ? [] : [argument];
    return invoke(hook.code, args, global ? runContext : world);
  }

  // A test case's steps and hooks in one call while they pass synchronously (the common case).
  /// The running batch: when its first op started and how long each op that passed took.
  let batch = null;

  /// Runs ops in order: a step `[0, id, args, docString, dataTable]` or a hook `[1 (Before) or
  /// 2 (After), id]`, with `context` the hooks' pickle, document and testCaseStartedId.
  /// `host.now(i)` marks op i's start, for the runner's per-step timeouts. Stops at the first op
  /// that does not pass synchronously and returns [when the first op started, how long each op
  /// that passed took, how the next one ended (an outcome, or a promise of one; 0 when every op
  /// passed), how long it took, when it started].
  function runSteps(begin, parameters, ops, context) {
    if (begin) beginTestCase(parameters);
    receiveDocument(context);
    const times = [];
    batch = { first: -1, times };
    let result = 0, took = 0, started = 0;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      started = host.now(i);
      if (i === 0) batch.first = started;
      try {
        result = op[0] === 0 ? runStep(op[1], op[2], op[3], op[4]) : runHook(op[1], hookArgument(op[0], context));
      } finally {
        runtime.process.runTicks();
      }
      took = host.now() - started;
      if (result !== 0) break;
      ArrayPrototypePush(times, took);
      // As cucumber-js awaits each step: what this one left to the microtask queue settles
      // before the next starts.
      if (i + 1 < ops.length) host.runMicrotasks();
    }
    const first = batch.first;
    batch = null;
    return [first, times, result, result === 0 ? 0 : took, started];
  }

  function hookArgument(kind, context) {
    const argument = { pickle: context.pickle, gherkinDocumentUri: context.gherkinDocumentUri, testCaseStartedId: context.testCaseStartedId };
    // An After hook in a batch runs after everything before it passed.
    if (kind === 2) { argument.result = { status: 'PASSED' }; argument.willBeRetried = false; }
    return argument;
  }

  /// [when the running batch's first op started, how long each op that passed so far took] (the
  /// op running now is the next one); `end` forgets the batch (after the runner stopped it).
  function batchProgress(end) {
    const progress = batch === null ? [-1, []] : [batch.first, ArrayPrototypeSlice(batch.times)];
    if (end) batch = null;
    return progress;
  }

  // Step matching: every definition's regular expression, tried in one call per step.
  let matchers = [];
  function setMatchers(list) {
    matchers = ArrayPrototypeMap(list, (m) => new RegExp(m.source, withoutFlags(m.flags, 'dgy') + 'd'));
  }
  function matchStep(text) {
    const found = [];
    for (let i = 0; i < matchers.length; i++) {
      const matcher = matchers[i];
      matcher.lastIndex = 0;
      const m = RegExpPrototypeExec(matcher, text);
      if (m === null) continue;
      const groups = [];
      for (let g = 0; g < m.length; g++) {
        const at = m.indices[g];
        ArrayPrototypePush(groups, at === undefined ? null : [m[g], at[0], at[1]]);
      }
      ArrayPrototypePush(found, [i, groups]);
    }
    return found;
  }

  function matchSteps(texts) { return ArrayPrototypeMap(texts, matchStep); }

  return {
    describe, configure, setMatchers, matchStep, matchSteps, beginTestCase, endTestCase, runStep: task(runStep), runHook: task(runHook), runSteps, batchProgress,
    format,
  };
}
