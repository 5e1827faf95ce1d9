// Dynamic markup insertion (HTML §8.4): `document.write()`, `writeln()`, `open()` and `close()`
// over the Swift parser of the page's document (DynamicMarkupAPI.swift, PageLoader.swift).
//
// While a parser script is processed (prepared, or run as the parsing-blocking script) the
// parser's insertion point is just after it and its script nesting level is up by one
// (`enterParserScript`/`exitParserScript`, §13.2.6.4.8): `write` inserts its text there and the
// parser tokenizes it at once; the batch of tree operations it makes is applied here, in order,
// before `write` returns, so the writing script sees what it wrote. A written script's end tag
// ends a batch: the script is processed (an inline one runs, and may write in turn), then the
// parser goes on up to the insertion point, unless a parsing-blocking script is now pending (the
// parser pause flag: the rest waits for the parser, after the writing script). With no insertion
// point (a script that is not the parser's, after loading), `write` is ignored while an external
// script runs (the ignore-destructive-writes counter, `script-elements.js`: async and defer
// scripts), as Chromium does with a console warning, and otherwise opens the document again
// (the document open steps: listeners erased, children removed, a script-created parser that
// waits for `close()`, which runs "the end" at once, as Chromium does after loading). `open()`
// while the parser runs a script does nothing. Not done: the throw-on-dynamic-markup-insertion
// counter (custom element constructors the parser calls may write), the unload counter, the
// "active parser was aborted" flag, the URL and history update of `open()`, and writing into a
// document without a browsing context (`createHTMLDocument`, `DOMParser`: ignored).
(host, runtime) => {
  'use strict';
  const { ArrayPrototypeJoin, ArrayPrototypeSplice, FunctionPrototypeCall, ObjectDefineProperty, ObjectFreeze, String } =
    runtime.primordials;
  // Captured when the realm is made, before any page code runs.
  const Int32ArrayConstructor = Int32Array;
  const { FIRST, NEXT, PARENT, SHADOW, MODE } = runtime.internals;
  const nodes = runtime.nodes;
  const { HTML_DOCUMENT, READY_STATE } = nodes;
  const { makeError } = runtime['dom-exception'];
  const { createParseSession, applyBatch } = runtime['tree-operations'];
  const events = runtime.events;
  const { Event, fire, LISTENERS } = events;
  const scripts = runtime['script-elements'];
  const loading = runtime['document-loading'];

  let document = null;
  let window = null;
  let windowOpen = null;
  /** The parse session the parser's batches go to (a new one after `open()`). */
  let session = null;
  /** The parser's script nesting level, as the brackets below keep it. */
  let scriptNestingLevel = 0;
  /** Whether "the end" of the document's first parser has been run. */
  let endReached = false;

  const newSession = (target) => {
    session = createParseSession(target);
    session.onPop = scripts.parserPopped;
  };

  /** Applies a batch of the parser's tree operations to the document. */
  const applyParserBatch = (operations, text) => {
    const applying = scripts.state.parserApplying;
    scripts.state.parserApplying = true;
    try {
      applyBatch(session, new Int32ArrayConstructor(operations), text);
    } finally {
      scripts.state.parserApplying = applying;
    }
  };

  scripts.state.enterParserScript = () => {
    scriptNestingLevel++;
    host.enterScript();
  };
  scripts.state.exitParserScript = () => {
    scriptNestingLevel--;
    host.exitScript();
  };

  /**
   * Applies what a write tokenized (`[operations, text, pausedAtScript]`); after a written
   * script's processing, goes on up to the insertion point, unless a parsing-blocking script is
   * now pending.
   */
  const applyWritten = (written) => {
    let current = written;
    while (current !== null) {
      applyParserBatch(current[0], current[1]);
      if (current[2] !== true || scripts.state.pendingParsingBlocking !== null) return;
      current = host.resume();
    }
  };

  const notHTML = (method) => makeError('InvalidStateError', `Failed to execute '${method}' on 'Document': Only HTML documents support ${method}().`);

  /** HTML §8.4.3 "document write steps". */
  const documentWrite = (target, text) => {
    if (target[HTML_DOCUMENT] !== true) throw notHTML('write');
    if (target !== document) return;
    const process = scripts.state.pendingParsingBlocking === null;
    let written = host.write(text, process);
    if (written === false) {
      if (scripts.state.ignoreDestructiveWrites > 0) {
        runtime.console?.message?.('warning',
          "Failed to execute 'write' on 'Document': It isn't possible to write into a document from an asynchronously-loaded external script unless it is explicitly opened.");
        return;
      }
      documentOpen(target);
      written = host.write(text, scripts.state.pendingParsingBlocking === null);
      if (written === false) return;
    }
    applyWritten(written);
  };

  /** DOM "erase all event listeners and handlers" of one target. */
  const eraseListeners = (target) => {
    const listeners = target[LISTENERS];
    if (listeners === undefined) return;
    for (let i = 0; i < events.globalEventNames.length; i++) events.setEventHandler(target, events.globalEventNames[i], null);
    if (target === window) {
      for (let i = 0; i < events.windowEventNames.length; i++) events.setEventHandler(target, events.windowEventNames[i], null);
    }
    ArrayPrototypeSplice(target[LISTENERS], 0);
  };
  /** Erases the listeners of `root`'s shadow-including inclusive descendants. */
  const eraseTree = (root) => {
    eraseListeners(root);
    const shadow = root[SHADOW] ?? null;
    if (shadow !== null) eraseTree(shadow);
    for (let child = root[FIRST] ?? null; child !== null; child = child[NEXT]) eraseTree(child);
  };

  /** HTML §8.4.1 "document open steps". */
  const documentOpen = (target) => {
    if (target[HTML_DOCUMENT] !== true) throw notHTML('open');
    if (target !== document) return target;
    // Step 5: a parser running a script ignores open().
    if (scriptNestingLevel > 0) return target;
    eraseTree(target);
    if (window !== null) eraseListeners(window);
    nodes.replaceAll(null, target);
    target[MODE] = 'no-quirks';
    if (!host.open()) return target;
    newSession(target);
    // The old parser is stopped: its scripts no longer run for it.
    scripts.state.pendingParsingBlocking = null;
    ArrayPrototypeSplice(scripts.state.finishedParsingList, 0);
    target[READY_STATE] = 'loading';
    fire(target, new Event('readystatechange'));
    return target;
  };

  /** HTML §8.4.2 `document.close()`. */
  const documentClose = (target) => {
    if (target[HTML_DOCUMENT] !== true) throw notHTML('close');
    if (target !== document) return;
    const batch = host.close(scripts.state.pendingParsingBlocking === null);
    if (batch === null) return;
    applyParserBatch(batch[0], batch[1]);
    finishParsing();
  };

  /**
   * The parser stopped at the end of its input: the loading's "the end" for the document's first
   * parser; for a script-created parser after that, Chromium's: readiness 'interactive',
   * `DOMContentLoaded`, 'complete' and `load` at once.
   */
  const finishParsing = () => {
    if (!endReached) {
      endReached = true;
      loading.finishParsing();
      return;
    }
    const setReadyState = (value) => {
      document[READY_STATE] = value;
      fire(document, new Event('readystatechange'));
    };
    setReadyState('interactive');
    fire(document, new Event('DOMContentLoaded', { bubbles: true }));
    setReadyState('complete');
    if (window !== null) fire(window, new Event('load'), document);
  };

  const joined = (text) => ArrayPrototypeJoin(text, '');
  const strings = (values) => {
    const text = [];
    for (let i = 0; i < values.length; i++) text[i] = String(values[i]);
    return text;
  };
  const methods = {
    write(...text) { documentWrite(this, joined(strings(text))); },
    writeln(...text) { documentWrite(this, joined(strings(text)) + '\n'); },
    open(...parameters) {
      if (parameters.length >= 3) {
        if (this !== document || windowOpen === null) throw makeError('InvalidAccessError', "Failed to execute 'open' on 'Document': The document has no window associated.");
        return FunctionPrototypeCall(windowOpen, window, parameters[0], parameters[1], parameters[2]);
      }
      return documentOpen(this);
    },
    close() { documentClose(this); },
  };
  for (const name of ['write', 'writeln', 'open', 'close']) {
    ObjectDefineProperty(nodes.Document.prototype, name, { value: methods[name], writable: true, enumerable: true, configurable: true });
  }

  const install = (global, loaded) => {
    window = global;
    document = loaded;
    windowOpen = global.open ?? null;
  };

  /** The document's first parser begins: its batches go to a new parse session. */
  const begin = (loaded) => {
    newSession(loaded);
  };

  return ObjectFreeze({ install, begin, applyParserBatch, finishParsing });
}
