// TypeScript support files (.ts, .cts, .mts), as ts-node's transpile-only mode loads them: each
// file is transpiled on its own with the project's `typescript` package (types are not checked),
// honouring the nearest tsconfig.json's compilerOptions. The output keeps the source's line
// numbers (its lines are laid out again along the source map), so step definition locations and
// stack traces name the .ts file's lines. Outputs are cached by their input (source, options and
// format) in the code cache's store, so a warm run never loads the compiler.
// Exports: transpile, isTypeScript.
(host, runtime) => {
  const { paths, isFile, nearest } = runtime.modules;
  const isTypeScript = (path) => /\.[cm]?ts$/.test(path) && !/\.d\.[cm]?ts$/.test(path);
  let compiler = null;

  /// The `typescript` package: CAPER_TYPESCRIPT, the project's node_modules, or Debian's
  /// node-typescript.
  function typescript(file) {
    if (compiler) return compiler;
    const env = (globalThis.process && globalThis.process.env) || {};
    if (env.CAPER_TYPESCRIPT) {
      if (!isFile(env.CAPER_TYPESCRIPT)) throw new Error(`Cannot load ${file}: CAPER_TYPESCRIPT names ${env.CAPER_TYPESCRIPT}, which is not a file`);
      return (compiler = runtime.modules.loadFile(env.CAPER_TYPESCRIPT));
    }
    const candidates = [];
    for (const from of [file, host.cwd() + '/package.json']) {
      try { candidates.push(runtime.modules.makeRequire(from).resolve('typescript')); } catch { /* not installed there */ }
    }
    candidates.push('/usr/share/nodejs/typescript/lib/typescript.js');
    for (const candidate of candidates) if (isFile(candidate)) return (compiler = runtime.modules.loadFile(candidate));
    throw new Error(`Cannot load ${file}: TypeScript files need the typescript package (npm install --save-dev typescript, or apt-get install node-typescript, or CAPER_TYPESCRIPT=/path/to/typescript.js)`);
  }

  /// The text of the nearest tsconfig.json above `dir` and its path, or null.
  function tsconfig(dir) {
    const path = nearest(dir, 'tsconfig.json');
    return path === null ? null : { path, text: host.readFile(path) };
  }

  /// The compiler options: tsconfig's (with its relative "extends" chain), then what loading
  /// needs: the module format, a source map, no comments, no declarations.
  function options(ts, config, format) {
    let compilerOptions = {};
    const seen = new Set();
    const read = (path, text) => {
      if (seen.has(path)) return;
      seen.add(path);
      const parsed = ts.parseConfigFileTextToJson(path, text);
      if (parsed.error) throw new SyntaxError(`${path}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
      const json = parsed.config || {};
      for (const base of [].concat(json.extends || [])) {
        if (!base.startsWith('.') && !base.startsWith('/')) continue;
        let basePath = paths.normalize(base.startsWith('/') ? base : paths.dirname(path) + '/' + base);
        if (!basePath.endsWith('.json')) basePath += '.json';
        if (isFile(basePath)) read(basePath, host.readFile(basePath));
      }
      const converted = ts.convertCompilerOptionsFromJson(json.compilerOptions || {}, paths.dirname(path));
      compilerOptions = Object.assign(compilerOptions, converted.options);
    };
    if (config) read(config.path, config.text);
    return Object.assign(compilerOptions, {
      module: format === 'module' ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
      target: compilerOptions.target === undefined ? ts.ScriptTarget.ES2022 : compilerOptions.target,
      sourceMap: true, inlineSourceMap: false, inlineSources: false, removeComments: true,
      declaration: false, declarationMap: false, noEmit: false, noEmitHelpers: false, importHelpers: false,
      isolatedModules: true, composite: false, incremental: false,
    });
  }

  const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  /// For each generated line: the column and source line (0-based) of its first mapping, or null.
  function firstMappings(mappings) {
    const lines = mappings.split(';');
    const first = [];
    let sourceLine = 0;
    for (const line of lines) {
      let found = null;
      let column = 0;
      for (const segment of line.split(',')) {
        if (segment === '') continue;
        const fields = [];
        let value = 0, shift = 0;
        for (const char of segment) {
          const digit = base64.indexOf(char);
          value += (digit & 31) << shift;
          if (digit & 32) { shift += 5; continue; }
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0; shift = 0;
        }
        column += fields[0];
        if (fields.length >= 4) {
          sourceLine += fields[2];
          if (found === null) found = { column, sourceLine };
        }
      }
      first.push(found);
    }
    return first;
  }

  /// `code` laid out again so that each statement that starts a line stands on its source line:
  /// blank lines are added where the output ran ahead, lines are joined where it fell behind
  /// (helpers and module preambles join the first line). Lines that do not start with a
  /// mapping (template literal continuations, closing braces) are kept as they are.
  function relayout(code, map) {
    const lines = code.replace(/\n\/\/# sourceMappingURL=.*$/, '').split('\n');
    const first = firstMappings(map.mappings);
    let out = lines[0];
    let at = first[0] ? first[0].sourceLine : 0;
    let mapped = first[0] !== null && first[0] !== undefined;
    for (let i = 1; i < lines.length; i++) {
      const text = lines[i];
      const indent = text.length - text.trimStart().length;
      const m = first[i];
      if (m && m.column === indent) {
        if (m.sourceLine > at) { out += '\n'.repeat(m.sourceLine - at) + text; at = m.sourceLine; }
        else out += ' ' + text.trimStart();
        mapped = true;
      } else if (!mapped) {
        out += ' ' + text.trimStart();
      } else {
        out += '\n' + text;
        at++;
      }
    }
    return out;
  }

  /// The JavaScript for the TypeScript file at `path`, as `format` ('module' or 'commonjs').
  /// Throws a SyntaxError naming the file and line for what does not parse.
  function transpile(path, format) {
    const source = host.readFile(path);
    const config = tsconfig(paths.dirname(path));
    const key = `typescript\n${format}\n${config ? config.path + '\n' + config.text : ''}\n${path}\n${source}`;
    const cached = host.transpileLoad(key);
    if (cached !== null) return cached;
    const ts = typescript(path);
    const result = ts.transpileModule(source, {
      compilerOptions: options(ts, config, format), fileName: path, reportDiagnostics: true,
    });
    const errors = (result.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
      const d = errors[0];
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
      // The compiler's version is named: an older one (Debian's 4.8) rejects newer syntax.
      const error = new SyntaxError(`${ts.flattenDiagnosticMessageText(d.messageText, '\n')} (${path}:${where.line + 1}:${where.character + 1}; TypeScript ${ts.version})`);
      error.stack = `SyntaxError: ${error.message}\n    at ${path}:${where.line + 1}:${where.character + 1}`;
      throw error;
    }
    const code = relayout(result.outputText, JSON.parse(result.sourceMapText));
    host.transpileStore(key, code);
    return code;
  }

  return { transpile, isTypeScript };
}
