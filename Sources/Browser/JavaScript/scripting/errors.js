// Uncaught errors of the page (HTML §8.1.4.6 "report an exception"): an ErrorEvent fired at the
// window (cancelable: `onerror` returning true, or `preventDefault()`, marks it handled), and,
// unless handled, the error recorded in Swift as a page error (Playwright's `pageerror`) with its
// name, message, stack and `URL:line:column`. Also runs classic scripts (HTML §8.1.4.4 "run a
// classic script") through Swift's `ScriptLoader`, reporting what they throw the same way.
(host, runtime) => {
  'use strict';
  const { ErrorEvent, fire, setExceptionReporter } = runtime.events;
  const {
    Error, ObjectFreeze, RegExpPrototypeExec, String, StringPrototypeIndexOf, StringPrototypeRepeat, StringPrototypeStartsWith,
    SplitString, ArrayPrototypePush, ArrayPrototypeJoin,
  } = runtime.primordials;
  /** `at f (url:line:column)` or `at url:line:column`: the first frame of a V8 stack. */
  const FRAME = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/m;

  let window = null;

  /** What is known of a thrown value: name, message, stack and the place of the throw. */
  const describe = (value) => {
    let name = '', message, stack = '';
    try {
      if (value instanceof Error || (value !== null && typeof value === 'object' && typeof value.stack === 'string')) {
        name = String(value.name ?? 'Error');
        message = String(value.message ?? '');
        stack = String(value.stack ?? '');
      } else {
        message = String(value);
      }
    } catch {
      message = 'an error that cannot be read';
    }
    // The place is the page's first frame.
    const { stack: pageStack, frame } = pageFrames(stack);
    return {
      name, message, stack: pageStack, filename: frame?.[1] ?? '', lineno: frame === null ? 0 : +frame[2], colno: frame === null ? 0 : +frame[3],
    };
  };

  /**
   * `stack` without Caper's own frames (`caper:` scripts, such as the fetch that rejected), as a
   * browser's built-ins are absent from its stacks, and the first frame kept (a FRAME match, or null).
   */
  const pageFrames = (stack) => {
    const lines = SplitString(stack, '\n');
    const kept = [];
    let frame = null;
    for (let i = 0; i < lines.length; i++) {
      const match = i === 0 ? null : RegExpPrototypeExec(FRAME, lines[i]);
      if (match !== null && StringPrototypeStartsWith(match[1], 'caper:')) continue;
      if (frame === null) frame = match;
      ArrayPrototypePush(kept, lines[i]);
    }
    return { stack: lines.length > 1 ? ArrayPrototypeJoin(kept, '\n') : stack, frame };
  };

  /** Fires the ErrorEvent and, unless a handler handled it, records the page error in Swift. */
  const reportDescribed = (error, described) => {
    const { name, message, stack, filename, lineno, colno } = described;
    let notHandled = true;
    if (window !== null) {
      const event = new ErrorEvent('error', {
        message: name === '' ? `Uncaught ${message}` : `Uncaught ${name}: ${message}`, filename, lineno, colno, error, cancelable: true,
      });
      try {
        notHandled = fire(window, event);
      } catch {
        notHandled = true;
      }
    }
    if (notHandled) host.reportError(name, message, stack, filename === '' ? '' : `${filename}:${lineno}:${colno}`);
  };

  /** HTML's "report an exception" for a value a callback threw. */
  const reportException = (error) => reportDescribed(error, describe(error));
  setExceptionReporter(reportException);

  /**
   * Runs a classic script's source as the script at `url` (its code cached by content and URL);
   * an exception or a syntax error is reported, and the page goes on. Returns whether it ran
   * without throwing. `position`, `[line, column]` of an inline script's text in its document
   * (line from 1, column from 0), places the code there: V8's lines and columns (errors, stacks)
   * are then the document's, as Chromium's script origin offsets make them. The source is
   * preceded by that many line feeds and spaces (whitespace before a script changes nothing it
   * does; a `#!` line must start the script, so such a script keeps its own lines).
   */
  const runClassicScript = (source, url, position = null) => {
    if (position !== null && typeof source === 'string' && StringPrototypeStartsWith(source, '#!') === false) {
      source = StringPrototypeRepeat('\n', position[0] - 1) + StringPrototypeRepeat(' ', position[1]) + source;
    }
    const failure = host.runScript(source, url);
    if (failure === null) return true;
    const [name, message, rawStack, throwFile, throwLine, throwColumn] = failure;
    let stack = rawStack;
    if (stack === '') stack = `${name}: ${message}\n    at ${throwFile}:${throwLine}:${throwColumn}`;
    // A thrown error object is placed where it was made, its stack's first frame (as V8's message
    // for it, which Chromium's ErrorEvent reads); another value, or a syntax error, where it was thrown.
    const frame = rawStack === '' ? null : RegExpPrototypeExec(FRAME, rawStack);
    const filename = frame === null ? throwFile : frame[1];
    const lineno = frame === null ? throwLine : +frame[2];
    const colno = frame === null ? throwColumn : +frame[3];
    reportDescribed(errorObject(name, message, stack), { name, message: newerEngineHint(name, message, source), stack, filename, lineno, colno });
    return false;
  };
  /** The native error constructors the primordials hold, by name. */
  const { RangeError, SyntaxError, TypeError } = runtime.primordials;
  const errorConstructors = { __proto__: null, Error, RangeError, SyntaxError, TypeError };
  /**
   * The ErrorEvent's `error` for a classic script that threw at its top level or did not parse:
   * a new native error of the name, message and stack Swift reports (V8 made a syntax error
   * outside any script; Swift's report of a throw does not carry the thrown value itself, so a
   * thrown Error, TypeError, RangeError or SyntaxError is made again, and any other thrown value
   * is `undefined`).
   */
  const errorObject = (name, message, stack) => {
    const constructor = errorConstructors[name];
    if (constructor === undefined) return undefined;
    const error = new constructor(message);
    error.stack = stack;
    return error;
  };
  /**
   * V8 10.2 is Chrome 102's engine: syntax later engines accept (the RegExp `v` flag, `using`
   * declarations) is a syntax error here; the message says a newer V8 is needed.
   */
  const newerEngineHint = (name, message, source) => {
    if (name !== 'SyntaxError') return message;
    if (StringPrototypeIndexOf(message, 'Invalid regular expression flags') >= 0 ||
      (StringPrototypeIndexOf(message, 'Unexpected identifier') >= 0 && StringPrototypeIndexOf(source, 'using ') >= 0)) {
      return `${message} (syntax that needs a newer V8 than Caper's V8 10.2, Chrome 102's engine)`;
    }
    return message;
  };

  const install = (global) => { window = global; };

  return ObjectFreeze({ install, reportException, runClassicScript, describe, pageStack: (stack) => pageFrames(stack).stack });
}
