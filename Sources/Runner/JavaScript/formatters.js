// Custom formatters, with cucumber-js 13's API (docs/custom_formatters.md): a class extending
// `Formatter` whose constructor gets { colorFns, cwd, eventBroadcaster, eventDataCollector, log,
// parsedArgvOptions, snippetBuilder, stream, cleanup, supportCodeLibrary }, or a formatter plugin
// `{ type: 'formatter', formatter({ on, options, logger, write, stream }) }`. Caper runs each in a
// realm of its own and feeds it every envelope of the run once, in order (`receive`).
// Exports (to cucumber.js): Formatter, SummaryFormatter, formatterHelpers.
// Exports (to Swift): resolve, start, receive, finish.
(host, runtime) => {
  const { ObjectFreeze, ObjectKeys, ArrayPrototypeMap, ArrayPrototypePush, JSONParse } = runtime.primordials;
  const events = () => runtime.modules.builtin('events');
  const path = () => runtime.modules.builtin('path');
  const write = (chunk) => host.emit('write', typeof chunk === 'string' ? chunk : runtime.modules.builtin('buffer').Buffer.from(chunk).toString());

  const statusOrder = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];
  /// The worst of step results (cucumber-js's getWorstTestStepResult), with the summed duration.
  function worstTestStepResult(results) {
    let worst = { status: 'UNKNOWN', duration: { seconds: 0, nanos: 0 } };
    let nanos = 0;
    for (const result of results) {
      if (statusOrder.indexOf(result.status) > statusOrder.indexOf(worst.status)) worst = result;
      nanos += (result.duration ? result.duration.seconds * 1e9 + result.duration.nanos : 0);
    }
    return { ...worst, duration: { seconds: Math.floor(nanos / 1e9), nanos: nanos % 1e9 } };
  }

  /// cucumber-js's EventDataCollector: the run's documents, pickles and test cases by id, and
  /// each test case attempt's step results and attachments.
  class EventDataCollector {
    constructor(eventBroadcaster) {
      this.gherkinDocumentMap = {};
      this.pickleMap = {};
      this.testCaseMap = {};
      this.testCaseAttemptDataMap = {};
      this.undefinedParameterTypes = [];
      if (eventBroadcaster) eventBroadcaster.on('envelope', (envelope) => this.parseEnvelope(envelope));
    }
    getGherkinDocument(uri) { return this.gherkinDocumentMap[uri]; }
    getPickle(pickleId) { return this.pickleMap[pickleId]; }
    getTestCaseAttempts() { return ArrayPrototypeMap(ObjectKeys(this.testCaseAttemptDataMap), (id) => this.getTestCaseAttempt(id)); }
    getTestCaseAttempt(testCaseStartedId) {
      const data = this.testCaseAttemptDataMap[testCaseStartedId];
      const testCase = this.testCaseMap[data.testCaseId];
      const pickle = this.pickleMap[testCase.pickleId];
      return {
        gherkinDocument: this.gherkinDocumentMap[pickle.uri], pickle, testCase, attempt: data.attempt,
        willBeRetried: data.willBeRetried, stepAttachments: data.stepAttachments, stepResults: data.stepResults,
        worstTestStepResult: data.worstTestStepResult,
      };
    }
    parseEnvelope(e) {
      if (e.gherkinDocument) this.gherkinDocumentMap[e.gherkinDocument.uri] = e.gherkinDocument;
      else if (e.pickle) this.pickleMap[e.pickle.id] = e.pickle;
      else if (e.undefinedParameterType) ArrayPrototypePush(this.undefinedParameterTypes, e.undefinedParameterType);
      else if (e.testCase) this.testCaseMap[e.testCase.id] = e.testCase;
      else if (e.testCaseStarted) {
        this.testCaseAttemptDataMap[e.testCaseStarted.id] = {
          attempt: e.testCaseStarted.attempt, testCaseId: e.testCaseStarted.testCaseId, willBeRetried: false,
          stepAttachments: {}, stepResults: {}, worstTestStepResult: worstTestStepResult([]),
        };
      } else if (e.attachment && e.attachment.testCaseStartedId && e.attachment.testStepId) {
        const data = this.testCaseAttemptDataMap[e.attachment.testCaseStartedId];
        if (data) (data.stepAttachments[e.attachment.testStepId] ||= []).push(e.attachment);
      } else if (e.testStepFinished) {
        const data = this.testCaseAttemptDataMap[e.testStepFinished.testCaseStartedId];
        if (data) data.stepResults[e.testStepFinished.testStepId] = e.testStepFinished.testStepResult;
      } else if (e.testCaseFinished) {
        const data = this.testCaseAttemptDataMap[e.testCaseFinished.testCaseStartedId];
        if (data) {
          data.willBeRetried = Boolean(e.testCaseFinished.willBeRetried);
          data.worstTestStepResult = worstTestStepResult(Object.values(data.stepResults));
        }
      }
    }
  }

  /// The step and hook definitions, from their envelopes (cucumber-js's SupportCodeLibrary shape
  /// for what formatters read).
  class SupportCodeLibrary {
    constructor(eventBroadcaster) {
      this.stepDefinitions = [];
      this.beforeTestCaseHookDefinitions = [];
      this.afterTestCaseHookDefinitions = [];
      this.beforeTestRunHookDefinitions = [];
      this.afterTestRunHookDefinitions = [];
      this.parameterTypeRegistry = { parameterTypes: [] };
      eventBroadcaster.on('envelope', (e) => {
        const at = (ref) => ({ uri: ref && ref.uri, line: ref && ref.location ? ref.location.line : undefined });
        if (e.stepDefinition) {
          const d = e.stepDefinition;
          this.stepDefinitions.push({ id: d.id, pattern: d.pattern.source, expression: { source: d.pattern.source }, ...at(d.sourceReference) });
        } else if (e.hook) {
          const h = e.hook;
          const list = {
            BEFORE_TEST_RUN: this.beforeTestRunHookDefinitions, AFTER_TEST_RUN: this.afterTestRunHookDefinitions,
            AFTER_TEST_CASE: this.afterTestCaseHookDefinitions,
          }[h.type] || this.beforeTestCaseHookDefinitions;
          list.push({ id: h.id, name: h.name, tagExpression: h.tagExpression, ...at(h.sourceReference) });
        } else if (e.parameterType) this.parameterTypeRegistry.parameterTypes.push(e.parameterType);
      });
    }
    definition(id) {
      for (const list of [this.stepDefinitions, this.beforeTestCaseHookDefinitions, this.afterTestCaseHookDefinitions]) {
        for (const d of list) if (d.id === id) return d;
      }
      return undefined;
    }
  }

  /// `${relative uri}:${line}` (cucumber-js's formatLocation).
  const formatLocation = (location, cwd) => `${cwd ? path().relative(cwd, location.uri) : location.uri}:${location.line}`;

  /// The Gherkin steps, scenarios and example rows of a document by id.
  function gherkinNodes(document) {
    const steps = {};
    const scenarios = {};
    const rows = {};
    const visit = (children) => {
      for (const child of children || []) {
        if (child.rule) visit(child.rule.children);
        const holder = child.background || child.scenario;
        if (child.scenario) {
          scenarios[child.scenario.id] = child.scenario;
          for (const examples of child.scenario.examples || []) for (const row of examples.tableBody || []) rows[row.id] = row;
        }
        if (holder) for (const step of holder.steps) steps[step.id] = step;
      }
    };
    visit(document && document.feature ? document.feature.children : []);
    return { steps, scenarios, rows };
  }

  /// Where a pickle comes from: its example row for an outline's, else its scenario.
  function pickleLocation(nodes, pickle) {
    const row = nodes.rows[pickle.astNodeIds[pickle.astNodeIds.length - 1]];
    const scenario = nodes.scenarios[pickle.astNodeIds[0]];
    return row ? row.location : scenario ? scenario.location : { line: 0 };
  }

  /// A test case attempt as formatters print it (cucumber-js's parseTestCaseAttempt): the test
  /// case's name, location, attempt and worst result, and each step with its keyword, text,
  /// result, attachments, locations and, for an undefined step, a snippet.
  function parseTestCaseAttempt({ testCaseAttempt, snippetBuilder, supportCodeLibrary, cwd }) {
    const { testCase, pickle, gherkinDocument, stepResults, stepAttachments } = testCaseAttempt;
    const nodes = gherkinNodes(gherkinDocument);
    const firstStep = testCase.testSteps.findIndex((s) => s.pickleStepId);
    const testSteps = testCase.testSteps.map((testStep, index) => {
      const parsed = {
        attachments: stepAttachments[testStep.id] || [],
        result: stepResults[testStep.id] || { status: 'UNKNOWN', duration: { seconds: 0, nanos: 0 } },
      };
      if (testStep.hookId) {
        parsed.keyword = firstStep === -1 || index < firstStep ? 'Before' : 'After';
        const hook = supportCodeLibrary && supportCodeLibrary.definition(testStep.hookId);
        if (hook) { parsed.actionLocation = { uri: hook.uri, line: hook.line }; parsed.name = hook.name; }
        return parsed;
      }
      const pickleStep = pickle.steps.find((s) => s.id === testStep.pickleStepId);
      const gherkinStep = nodes.steps[pickleStep.astNodeIds[0]];
      parsed.keyword = gherkinStep ? gherkinStep.keyword : '';
      parsed.text = pickleStep.text;
      parsed.argument = pickleStep.argument;
      if (gherkinStep) parsed.sourceLocation = { uri: pickle.uri, line: gherkinStep.location.line };
      const ids = testStep.stepDefinitionIds || [];
      const definition = ids.length === 1 && supportCodeLibrary ? supportCodeLibrary.definition(ids[0]) : undefined;
      if (definition) parsed.actionLocation = { uri: definition.uri, line: definition.line };
      if (parsed.result.status === 'UNDEFINED' && snippetBuilder) parsed.snippet = snippetBuilder.build({ pickleStep });
      return parsed;
    });
    return {
      testCase: {
        attempt: testCaseAttempt.attempt, name: pickle.name,
        sourceLocation: { uri: pickle.uri, line: pickleLocation(nodes, pickle).line },
        worstTestStepResult: testCaseAttempt.worstTestStepResult,
      },
      testSteps,
    };
  }

  const unavailableHelper = (name) => () => { throw new Error(`formatterHelpers.${name} is not available in Caper; formatterHelpers has ${ObjectKeys(helpers).join(', ')}`); };
  const helpers = {
    formatLocation, parseTestCaseAttempt, EventDataCollector,
    getWorstTestStepResult: worstTestStepResult,
    durationToNanoseconds: (d) => d.seconds * 1e9 + d.nanos,
    durationToMilliseconds: (d) => d.seconds * 1e3 + d.nanos / 1e6,
    PickleParser: { getPickleLocation: ({ gherkinDocument, pickle }) => pickleLocation(gherkinNodes(gherkinDocument), pickle) },
    GherkinDocumentParser: {
      getGherkinStepMap: (document) => ObjectFreeze({ ...gherkinNodes(document).steps }),
      getGherkinScenarioMap: (document) => ObjectFreeze({ ...gherkinNodes(document).scenarios }),
    },
  };
  const formatterHelpers = new Proxy(helpers, {
    get: (target, key) => (key in target || typeof key === 'symbol' ? target[key] : unavailableHelper(String(key))),
  });

  const ansi = (code) => (text) => `\u001b[${code}m${text}\u001b[0m`;
  /// cucumber-js's colorFns: plain text unless `colorsEnabled`.
  function colorFns(enabled) {
    const color = (code) => (enabled ? ansi(code) : (text) => text);
    const status = { AMBIGUOUS: color(31), FAILED: color(31), PASSED: color(32), PENDING: color(33), SKIPPED: color(36), UNDEFINED: color(33), UNKNOWN: color(37) };
    return {
      forStatus: (s) => status[String(s).toUpperCase()] || status.UNKNOWN,
      location: color(90), tag: color(36), diffAdded: color(32), diffRemoved: color(31),
      errorMessage: color(31), errorStack: color(90),
    };
  }

  /// The base class of custom formatters: keeps the options on the instance.
  class Formatter {
    static documentation = 'a custom formatter';
    constructor(options) {
      this.colorFns = options.colorFns;
      this.cwd = options.cwd;
      this.eventDataCollector = options.eventDataCollector;
      this.log = options.log;
      this.snippetBuilder = options.snippetBuilder;
      this.stream = options.stream;
      this.supportCodeLibrary = options.supportCodeLibrary;
      this.printAttachments = options.parsedArgvOptions ? options.parsedArgvOptions.printAttachments !== false : true;
      this.cleanup = options.cleanup;
    }
    async finished() { if (this.cleanup) await this.cleanup(); }
  }

  /// cucumber-js's SummaryFormatter: at the end of the run, the failures and the counts.
  class SummaryFormatter extends Formatter {
    constructor(options) {
      super(options);
      options.eventBroadcaster.on('envelope', (e) => { if (e.testRunFinished) this.logSummary(); });
    }
    logSummary() {
      const attempts = this.eventDataCollector.getTestCaseAttempts().filter((a) => !a.willBeRetried);
      const failures = attempts.filter((a) => ['FAILED', 'AMBIGUOUS'].includes(a.worstTestStepResult.status));
      if (failures.length > 0) {
        this.log('Failures:\n\n');
        failures.forEach((attempt, i) => {
          const parsed = parseTestCaseAttempt({ testCaseAttempt: attempt, supportCodeLibrary: this.supportCodeLibrary, cwd: this.cwd });
          this.log(`${i + 1}) Scenario: ${parsed.testCase.name} # ${formatLocation(parsed.testCase.sourceLocation, this.cwd)}\n`);
          for (const step of parsed.testSteps) {
            if (step.result.status !== 'FAILED' && step.result.status !== 'AMBIGUOUS') continue;
            this.log(`   ✖ ${step.keyword}${step.text || ''}\n       ${(step.result.exception && step.result.exception.stackTrace) || step.result.message || ''}\n`);
          }
          this.log('\n');
        });
      }
      const counts = {};
      for (const a of attempts) counts[a.worstTestStepResult.status] = (counts[a.worstTestStepResult.status] || 0) + 1;
      const parts = ObjectKeys(counts).map((s) => `${counts[s]} ${s.toLowerCase()}`);
      this.log(`${attempts.length} scenario${attempts.length === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}\n`);
    }
  }

  let finishers = [];
  /// What Caper's own bookkeeping listens on (the collector, the library, the suggestions): it
  /// hears each envelope before the formatter does.
  let known = null;
  /// What the formatter listens on.
  let broadcaster = null;
  /// Constructs the formatter; set until the run starts. As in cucumber-js, formatters are made
  /// once the support code is known (its envelopes come first), and then hear every envelope
  /// from the first.
  let construct = null;
  let pending = [];

  /// Loads the formatter `implementation` exports (a class, a plugin object, or either as
  /// `default`), for a run in `cwd` with `optionsText` (--format-options, JSON); it is
  /// constructed when the run starts.
  function start(implementation, cwd, optionsText) {
    const settings = { cwd, options: JSONParse(optionsText) };
    const EventEmitter = events();
    known = new EventEmitter();
    known.setMaxListeners(0);
    broadcaster = new EventEmitter();
    broadcaster.setMaxListeners(0);
    const eventDataCollector = new EventDataCollector(known);
    const supportCodeLibrary = new SupportCodeLibrary(known);
    const suggestions = {};
    known.on('envelope', (e) => { if (e.suggestion) suggestions[e.suggestion.pickleStepId] = e.suggestion; });
    const stream = {
      isTTY: false, writable: true,
      write(chunk, encoding, callback) { write(chunk); const done = typeof encoding === 'function' ? encoding : callback; if (done) done(); return true; },
      end(chunk) { if (chunk) write(chunk); }, on() { return this; }, once() { return this; }, emit() { return false; },
    };
    let formatter = implementation;
    while (formatter && typeof formatter === 'object' && formatter.type !== 'formatter' && formatter.default) formatter = formatter.default;
    if (formatter && typeof formatter === 'object' && formatter.type === 'formatter' && typeof formatter.formatter === 'function') {
      const options = formatter.optionsKey ? (settings.options[formatter.optionsKey] || {}) : settings.options;
      const logger = { debug: () => {}, info: (m) => globalThis.console.error(m), warn: (m) => globalThis.console.error(m), error: (m) => globalThis.console.error(m) };
      construct = () => {
        const cleanup = formatter.formatter({
          on: (event, handler) => { if (event === 'message') broadcaster.on('envelope', handler); },
          options, logger, write, stream, directory: settings.cwd,
        });
        finishers.push(async () => { const done = await cleanup; if (typeof done === 'function') await done(); });
      };
      return;
    }
    if (typeof formatter !== 'function') {
      throw new TypeError('a custom formatter exports a class (extending Formatter from @cucumber/cucumber) or { type: \'formatter\', formatter() }');
    }
    construct = () => {
      const instance = new formatter({
        colorFns: colorFns(settings.options.colorsEnabled === true), cwd: settings.cwd, eventBroadcaster: broadcaster,
        eventDataCollector, log: write, parsedArgvOptions: settings.options, stream, supportCodeLibrary,
        snippetBuilder: { build: ({ pickleStep }) => { const s = suggestions[pickleStep.id]; return s && s.snippets.length ? s.snippets[0].code : ''; } },
        cleanup: async () => {},
      });
      finishers.push(() => (typeof instance.finished === 'function' ? instance.finished() : undefined));
    };
  }

  /// Constructs the formatter and hands it the envelopes that came before.
  function begin() {
    const make = construct;
    construct = null;
    make();
    const earlier = pending;
    pending = [];
    for (const envelope of earlier) broadcaster.emit('envelope', envelope);
  }

  /// The file a formatter specifier names, resolved from `fromFile`.
  /// As cucumber-js imports formatters: `import` conditions first, `file://` URLs too.
  const resolve = (specifier, fromFile) => {
    const found = runtime.modules.resolveImport(specifier, fromFile);
    if (found === null || found.builtin) throw new Error(`Cannot find module '${specifier}' from ${runtime.modules.paths.dirname(fromFile)}`);
    return found.path;
  };

  /// Emits envelopes (NDJSON text, one per line) in order.
  function receive(lines) {
    for (const line of lines.split('\n')) {
      if (line === '') continue;
      const envelope = JSONParse(line);
      known.emit('envelope', envelope);
      if (construct === null) { broadcaster.emit('envelope', envelope); continue; }
      pending.push(envelope);
      if (envelope.testRunStarted) begin();
    }
  }

  /// The formatter's end: its `finished()` (or the plugin's cleanup), awaited.
  async function finish() {
    if (construct !== null) begin();
    const work = finishers;
    finishers = [];
    for (const done of work) await done();
  }

  return { Formatter, SummaryFormatter, formatterHelpers, resolve, start, receive, finish };
}
