import Foundation
import Runtime
import V8

/// Where console output of JavaScript goes, as the commands decide.
enum Console {
  /// stdout and stderr, as written (`caper run`, as cucumber-js prints support code's output).
  static let standardStreams: ConsoleSink = { stream, text in
    (stream == .err ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
  }
}

/// A minimal `console` for `caper eval`: log/info/debug to stdout, warn/error to stderr, each
/// argument formatted as Node prints it for strings, numbers and JSON-able values.
extension Console {
  static func install(in context: Context) throws {
    try context.define("__caperConsoleWrite") { arguments in
      let line = (arguments[1].stringValue ?? "") + "\n"
      let handle = arguments[0] == .string("err") ? FileHandle.standardError : FileHandle.standardOutput
      handle.write(Data(line.utf8))
      return .undefined
    }
    _ = try context.evaluate(
      """
      (() => {
        const write = globalThis.__caperConsoleWrite;
        delete globalThis.__caperConsoleWrite;
        const show = (v) => {
          if (typeof v === 'string') return v;
          if (v instanceof Error) return v.stack || String(v);
          if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
          if (typeof v === 'bigint') return `${v}n`;
          if (v === undefined || typeof v === 'symbol' || typeof v === 'number') return String(v);
          try { return JSON.stringify(v); } catch { return String(v); }
        };
        const line = (args) => args.map(show).join(' ');
        const out = (...args) => write('out', line(args));
        const err = (...args) => write('err', line(args));
        globalThis.console = { log: out, info: out, debug: out, warn: err, error: err };
      })();
      """, filename: "caper:console")
  }
}
