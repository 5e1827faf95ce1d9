// The script element's processing model (HTML §4.12.1.1): "prepare the script element" when the
// parser pops a script or page code inserts one, fetching external classic scripts through Swift
// (`host.fetchScript`, the page's network with its virtual-time hold), and running each where the
// standard says: parser-inserted scripts without `async`/`defer` block the parser and run in
// order; `defer` scripts run after parsing, in order; `async` and inserted scripts run when
// loaded (inserted ones with `async = false` in insertion order). `document.currentScript`, the
// script `load` and `error` events. Classic scripts compile through the ScriptLoader (code cache)
// by `runtime.errors.runClassicScript`. Module scripts (`type=module`, inline or `src`) join the
// same lists (deferred unless `async`) and import maps register when prepared; their fetching,
// linking and running is scripting/module-scripts.js's (`useModuleScripts`).
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeShift, FunctionPrototypeCall, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor,
    StringPrototypeToLowerCase, StringPrototypeTrim, Symbol,
  } = runtime.primordials;
  const { HTML_NS, LOCAL, NAMESPACE, FIRST, NEXT, PARENT } = runtime.internals;
  const { Event, fire } = runtime.events;
  const nodes = runtime.nodes;
  const { following } = nodes;
  const elements = runtime.elements;
  const { runClassicScript, reportException } = runtime.errors;

  const { getAttribute, hasAttribute } = nodes.Element.prototype;
  const isConnected = ObjectGetOwnPropertyDescriptor(nodes.Node.prototype, 'isConnected').get;
  const textOf = ObjectGetOwnPropertyDescriptor(elements.HTMLScriptElement.prototype, 'text').get;
  const srcOf = ObjectGetOwnPropertyDescriptor(elements.HTMLScriptElement.prototype, 'src').get;
  const attribute = (element, name) => FunctionPrototypeCall(getAttribute, element, name);
  const has = (element, name) => FunctionPrototypeCall(hasAttribute, element, name);

  /** Per script element: already started, parser document, the fetched result when ready. */
  const STARTED = Symbol('alreadyStarted');
  const PARSER_INSERTED = Symbol('parserInserted');
  const RESULT = Symbol('result');
  const READY = Symbol('ready');
  const ON_READY = Symbol('onReady');
  const FROM_FILE = Symbol('fromExternalFile');
  /** `[line, column]` where a parser-inserted script's text begins in the document, or null. */
  const POSITION = Symbol('position');

  /** The document's script lists (HTML §4.12.1.1 "scripts that will execute ..."). */
  const state = {
    document: null,
    pendingParsingBlocking: null,
    finishedParsingList: [],
    inOrderList: [],
    asSoonAsPossible: 0,
    currentScript: null,
    /** True while the parser's tree operations are applied (not while a script they reached runs). */
    parserApplying: false,
    /** Called when a script that delayed the load event is done (ran or failed). */
    onScriptDone: null,
    /** Style sheets blocking scripts (HTML "has a style sheet that is blocking scripts"; `stylesheets.js` counts them). */
    blockingStylesheets: 0,
    /**
     * Called before a script the parser popped is prepared, and when parsing ends: the parser
     * announces no other element, so `stylesheets.js` and `frames.js` find the links and iframes
     * it inserted here.
     */
    parserInsertedScan: null,
    /** The document's ignore-destructive-writes counter (HTML §8.4.3): up while an external script runs. */
    ignoreDestructiveWrites: 0,
    /**
     * Bracket the processing of a parser script (`dynamic-markup.js` sets them: the parser's
     * insertion point and script nesting level, HTML §13.2.6.4.8).
     */
    enterParserScript: null,
    exitParserScript: null,
  };

  /** The classic script type strings (HTML's JavaScript MIME type essence match). */
  const javaScriptTypes = new runtime.primordials.Set([
    'application/ecmascript', 'application/javascript', 'application/x-ecmascript', 'application/x-javascript', 'text/ecmascript',
    'text/javascript', 'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2', 'text/javascript1.3', 'text/javascript1.4',
    'text/javascript1.5', 'text/jscript', 'text/livescript', 'text/x-ecmascript', 'text/x-javascript',
  ]);
  const { SetPrototypeHas } = runtime.primordials;

  /** HTML §4.12.1.1 step 8: 'classic', 'module', 'importmap', or null (a data block, not run). */
  const scriptType = (element) => {
    const type = attribute(element, 'type');
    const language = attribute(element, 'language');
    if ((type === null && (language === null || language === '')) || type === '') return 'classic';
    if (type === null) return SetPrototypeHas(javaScriptTypes, StringPrototypeToLowerCase('text/' + language)) ? 'classic' : null;
    const essence = StringPrototypeToLowerCase(StringPrototypeTrim(type));
    if (SetPrototypeHas(javaScriptTypes, essence)) return 'classic';
    if (essence === 'module') return 'module';
    if (essence === 'importmap') return 'importmap';
    return null;
  };

  const fireSimple = (target, type) => fire(target, new Event(type));

  /** The module loader (scripting/module-scripts.js, installed after this file). */
  let moduleScripts = null;
  const useModuleScripts = (loader) => {
    if (moduleScripts === null) moduleScripts = loader;
  };

  /** HTML "mark as ready": the result is known; run what waits on it. */
  const markReady = (element, result) => {
    element[RESULT] = result;
    element[READY] = true;
    const onReady = element[ON_READY];
    element[ON_READY] = null;
    if (onReady !== null && onReady !== undefined) onReady();
  };

  /** HTML "execute the script element". */
  const execute = (element) => {
    const result = element[RESULT];
    if (result === null) {
      fireSimple(element, 'error');
      return;
    }
    const previous = state.currentScript;
    const applying = state.parserApplying;
    // A module script runs with no current script (HTML "execute the script element").
    state.currentScript = result.module === true ? null : element;
    state.parserApplying = false;
    const external = element[FROM_FILE] === true || result.module === true;
    if (external) state.ignoreDestructiveWrites++;
    try {
      if (result.module === true) moduleScripts.run(result);
      else runClassicScript(result.source, result.url, result.position ?? null);
    } finally {
      if (external) state.ignoreDestructiveWrites--;
      state.currentScript = previous;
      state.parserApplying = applying;
    }
    if (element[FROM_FILE]) fireSimple(element, 'load');
  };

  /**
   * Fetches a classic script; marks the element ready with `{ source, url }` or null (`source`: a
   * handle to the text Swift keeps, for `runClassicScript`).
   */
  const fetchClassic = (element, url) => {
    const charset = attribute(element, 'charset');
    host.fetchScript(url, charset ?? '', (ok, source, finalURL) => {
      markReady(element, ok ? { source, url: finalURL } : null);
    });
  };

  /** HTML §4.12.1.1 "prepare the script element". */
  const prepare = (element) => {
    if (element[STARTED] === true) return;
    const parserDocument = element[PARSER_INSERTED] === true ? state.document : null;
    element[PARSER_INSERTED] = false;
    if (parserDocument !== null && !has(element, 'async')) element[elements.FORCE_ASYNC] = true;
    const hasSource = has(element, 'src');
    const sourceText = FunctionPrototypeCall(textOf, element);
    if (!hasSource && sourceText === '') return;
    if (!FunctionPrototypeCall(isConnected, element)) return;
    const type = scriptType(element);
    if (type === null) return;
    if (parserDocument !== null) element[elements.FORCE_ASYNC] = false;
    element[STARTED] = true;
    if (state.document === null) return;
    if (type === 'classic' && has(element, 'nomodule')) return;
    if (type !== 'classic' && moduleScripts === null) {
      reportException(new runtime.primordials.Error(`Caper has no module loader in this realm: ${hasSource ? FunctionPrototypeCall(srcOf, element) : 'an inline script'}`));
      return;
    }
    if (type === 'importmap') {
      if (hasSource) queueTask(() => fireSimple(element, 'error'));
      else moduleScripts.registerImportMap(sourceText, runtime.nodes.baseURL(state.document));
      return;
    }
    element[READY] = false;
    element[ON_READY] = null;
    if (hasSource) {
      const src = attribute(element, 'src');
      if (src === '') {
        queueTask(() => fireSimple(element, 'error'));
        return;
      }
      const url = FunctionPrototypeCall(srcOf, element);
      element[FROM_FILE] = true;
      if (type === 'module') moduleScripts.fetchExternal(url, (result) => markReady(element, result));
      else fetchClassic(element, url);
    } else if (type === 'module') {
      element[FROM_FILE] = false;
      moduleScripts.fetchInline(
        sourceText, runtime.nodes.baseURL(state.document), (result) => markReady(element, result), element[POSITION] ?? null);
    } else {
      element[FROM_FILE] = false;
      // An inline script compiles at its place in the document, as Chromium's does (its errors
      // and stacks give the document's lines).
      markReady(element, { source: sourceText, url: state.document.URL, position: element[POSITION] ?? null });
    }
    const isAsync = element[elements.FORCE_ASYNC] === true || has(element, 'async');
    // HTML step 31: external classic scripts and all module scripts are fetched; modules defer unless async.
    const fetched = hasSource || type === 'module';
    if (fetched && parserDocument !== null && !isAsync && (type === 'module' || has(element, 'defer'))) {
      ArrayPrototypePush(state.finishedParsingList, element);
    } else if (hasSource && parserDocument !== null && !isAsync) {
      state.pendingParsingBlocking = element;
      element[ON_READY] = runPendingParsingBlocking;
    } else if (!hasSource && parserDocument !== null && state.blockingStylesheets > 0) {
      // An inline parser-inserted script waits for the style sheets that block scripts.
      state.pendingParsingBlocking = element;
    } else if (fetched && !isAsync) {
      ArrayPrototypePush(state.inOrderList, element);
      element[ON_READY] = runInOrderList;
      state.asSoonAsPossible++;
    } else if (fetched) {
      state.asSoonAsPossible++;
      element[ON_READY] = () => {
        execute(element);
        state.asSoonAsPossible--;
        if (state.onScriptDone !== null) state.onScriptDone();
      };
      if (element[READY]) element[ON_READY]();
    } else {
      execute(element);
    }
  };

  /**
   * Runs the pending parsing-blocking script once it is ready and no style sheet blocks scripts
   * (HTML §13.2.6.1 "text" end tag steps), then lets the parser go on.
   */
  const runPendingParsingBlocking = () => {
    const element = state.pendingParsingBlocking;
    if (element === null || element[READY] !== true || state.blockingStylesheets > 0) return;
    state.pendingParsingBlocking = null;
    processParserScript(() => execute(element));
    // A script it wrote may be the next parsing-blocking script.
    if (state.pendingParsingBlocking === null) host.parserUnblocked();
  };

  /** Runs the in-order list's ready prefix. */
  const runInOrderList = () => {
    while (state.inOrderList.length > 0 && state.inOrderList[0][READY] === true) {
      const element = ArrayPrototypeShift(state.inOrderList);
      execute(element);
      state.asSoonAsPossible--;
      if (state.onScriptDone !== null) state.onScriptDone();
    }
  };

  /**
   * Runs the scripts that wait for the document to finish parsing, in order, each once fetched;
   * calls `done` after the last.
   */
  const runFinishedParsingList = (done) => {
    const next = () => {
      const element = state.finishedParsingList[0];
      if (element === undefined) {
        done();
        return;
      }
      const run = () => {
        ArrayPrototypeShift(state.finishedParsingList);
        execute(element);
        next();
      };
      if (element[READY] === true) run();
      else element[ON_READY] = run;
    };
    next();
  };

  /** Queues a task on the page's event loop (a posted task, not a timer). */
  const queueTask = (task) => host.queueTask(() => {
    try {
      task();
    } catch (error) {
      reportException(error);
    }
  });

  /** A script element the parser popped off its stack of open elements. */
  const parserPopped = (element) => {
    if (element[LOCAL] !== 'script' || element[NAMESPACE] !== HTML_NS) return;
    element[PARSER_INSERTED] = true;
    element[POSITION] = host.parserScriptPosition();
    if (state.parserInsertedScan !== null) state.parserInsertedScan();
    processParserScript(() => prepare(element));
  };
  /** Runs `steps` between the brackets of a parser script's processing. */
  const processParserScript = (steps) => {
    if (state.enterParserScript === null) {
      steps();
      return;
    }
    state.enterParserScript();
    try {
      steps();
    } finally {
      state.exitParserScript();
    }
  };

  /** A node inserted by page code: scripts among the inserted subtree are prepared. */
  const inserted = (node) => {
    if (state.document === null || state.parserApplying) return;
    if (node[LOCAL] === 'script' && node[NAMESPACE] === HTML_NS) {
      if (node[PARSER_INSERTED] !== true) prepare(node);
      return;
    }
    // HTML §4.12.1.1: a connected script that is not parser-inserted is prepared when a node is
    // inserted into it (an empty script given its text runs then; one already started does not).
    const parent = node[PARENT];
    if (parent !== null && parent !== undefined && parent[LOCAL] === 'script' && parent[NAMESPACE] === HTML_NS &&
      parent[PARSER_INSERTED] !== true) {
      prepare(parent);
      return;
    }
    const scripts = [];
    for (let child = node[FIRST] ?? null; child !== null; child = following(child, node)) {
      if (child[LOCAL] === 'script' && child[NAMESPACE] === HTML_NS && child[PARSER_INSERTED] !== true) ArrayPrototypePush(scripts, child);
    }
    for (let i = 0; i < scripts.length; i++) prepare(scripts[i]);
  };

  const previousInserted = nodes.hooks.inserted;
  nodes.hooks.inserted = (node) => {
    if (previousInserted !== null) previousInserted(node);
    inserted(node);
  };

  const install = (global, document) => {
    state.document = document;
    ObjectDefineProperty(nodes.Document.prototype, 'currentScript', {
      get() { return this === state.document ? state.currentScript : null; }, configurable: true, enumerable: true,
    });
  };

  return ObjectFreeze({ install, state, parserPopped, runFinishedParsingList, queueTask, execute, runPendingParsingBlocking, useModuleScripts });
}
