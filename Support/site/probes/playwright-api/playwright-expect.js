// @playwright/test's `expect`, for the reference recording only: loads Playwright's own matchers
// (packages/playwright/src/matchers/expect.ts) from a Playwright source tree, because PyPI's
// playwright package carries playwright-core, which has no expect. Usage, from
// Support/scripts/record-playwright-reference --playwright-source DIR (DIR holds packages/playwright,
// packages/playwright-core, packages/isomorphic, packages/utils, packages/injected of a checkout of
// microsoft/playwright). Needs Debian's jest (jest-matcher-utils, jest-message-util,
// @jest/expect-utils), node-colors and node-typescript (TypeScript is transpiled as it loads).
// Snapshot matchers (toMatchSnapshot, toHaveScreenshot) are stubs that throw.
'use strict';

const { registerHooks } = require('module');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const SOURCE = path.resolve(process.env.PLAYWRIGHT_SOURCE || '');
const SRC = path.join(SOURCE, 'packages');
const SRC_URL = pathToFileURL(SRC).href + '/';
const STUB = path.join(__dirname, 'playwright-expect-stub.js');
const NODE = '/usr/share/nodejs';
const ts = require(path.join(NODE, 'typescript'));

function file(base) {
  for (const candidate of [base, base + '.ts', base + '.js', path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

registerHooks({
  resolve(specifier, context, next) {
    let target = null;
    if (/toMatchSnapshot$|^@utils\/comparators$|^@utils\/fileUtils$/.test(specifier)) target = STUB;
    else if (specifier.startsWith('@isomorphic/')) target = file(path.join(SRC, 'isomorphic', specifier.slice(12)));
    else if (specifier.startsWith('@utils/')) target = file(path.join(SRC, 'utils', specifier.slice(7)));
    else if (specifier.startsWith('@injected/')) target = file(path.join(SRC, 'injected/src', specifier.slice(10)));
    else if (specifier.startsWith('playwright-core/lib/')) target = file(path.join(SRC, 'playwright-core/src', specifier.slice(20)));
    else if (/^\.\.?\//.test(specifier) && context.parentURL && context.parentURL.startsWith(SRC_URL)) {
      target = file(path.resolve(path.dirname(new URL(context.parentURL).pathname), specifier));
    } else if (/^(colors|jest-|@jest\/|pretty-format|chalk)/.test(specifier)) {
      return next(path.join(NODE, specifier), context);
    }
    if (target) return { url: pathToFileURL(target).href, shortCircuit: true };
    return next(specifier, context);
  },
  load(url, context, next) {
    if (url.startsWith(SRC_URL) && url.endsWith('.ts')) {
      const source = fs.readFileSync(new URL(url), 'utf8');
      const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
      return { format: 'commonjs', source: ts.transpileModule(source, { compilerOptions: options }).outputText, shortCircuit: true };
    }
    return next(url, context);
  },
});

module.exports = { expect: require(path.join(SRC, 'playwright/src/matchers/expect.ts')).expect };
