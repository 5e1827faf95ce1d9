// Uncaught errors of the page (HTML §8.1.4.6 "report an exception"): an ErrorEvent fired at the
// window (cancelable: `onerror` returning true, or `preventDefault()`, marks it handled), and,
// unless handled, the error recorded in Swift as a page error (Playwright's `pageerror`) with its
// name, message, stack and `URL:line:column`. Also runs classic scripts (HTML §8.1.4.4 "run a
// classic script") through Swift's `ScriptLoader`, reporting what they throw the same way.
(host, runtime) => {
  'use strict';
  const { ErrorEvent, fire, setExceptionReporter } = runtime.events;
  const { Error, ObjectFreeze, RegExpPrototypeExec, String, StringPrototypeIndexOf } = runtime.primordials;
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
    const frame = RegExpPrototypeExec(FRAME, stack);
    return { name, message, stack, filename: frame?.[1] ?? '', lineno: frame === null ? 0 : +frame[2], colno: frame === null ? 0 : +frame[3] };
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
   * without throwing.
   */
  const runClassicScript = (source, url) => {
    const failure = host.runScript(source, url);
    if (failure === null) return true;
    const [name, message, rawStack, filename, lineno, colno] = failure;
    let stack = rawStack;
    if (stack === '') stack = `${name}: ${message}\n    at ${filename}:${lineno}:${colno}`;
    const error = name === 'SyntaxError' ? syntaxError(message, stack) : undefined;
    reportDescribed(error, { name, message: newerEngineHint(name, message, source), stack, filename, lineno, colno });
    return false;
  };
  /** A SyntaxError object for the ErrorEvent of a script that did not parse. */
  const syntaxError = (message, stack) => {
    const error = new runtime.primordials.SyntaxError(message);
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

  return ObjectFreeze({ install, reportException, runClassicScript, describe });
}
