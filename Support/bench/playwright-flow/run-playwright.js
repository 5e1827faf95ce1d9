// Runs the benchmark's feature with real Playwright driving Chromium, as `cucumber-js` would run
// it, for Support/scripts/bench-playwright (cucumber-js itself cannot be installed here: no npm
// registry). It loads the same support code and step definitions `caper run` loads (features/),
// giving them `require('@cucumber/cucumber')` (the subset they use: Given/When/Then with Cucumber
// Expressions of {string} and {int}, Before/After/BeforeAll/AfterAll/BeforeStep/AfterStep without
// tags, setDefaultTimeout), `require('playwright')` (playwright-core from PyPI playwright's driver)
// and `require('@playwright/test')` (its `expect`: toBeVisible, toHaveText, toHaveCount, toHaveURL,
// each the one `expect` protocol call @playwright/test 1.65's matcher makes, as
// packages/playwright/src/matchers/matchers.ts does, with its 5 s default timeout).
// As cucumber-js: BeforeAll once per process, a World per scenario, Before hooks, the steps (the
// rest skipped after a failure), After hooks in reverse order; `--parallel N` forks N worker
// processes (each with its own BeforeAll, so its own browser) handed scenarios one at a time as
// they become free. Prints "N scenarios (N passed)"; exits 1 when a scenario failed.
// Usage (under the driver's node, which playwright-core 1.65 needs: node >= 20):
//   node run-playwright.js --core DRIVER/package [--parallel N] FEATURE SUPPORT_DIR...
//   node run-playwright.js --core DRIVER/package --versions   (playwright-core's and Chromium's)
'use strict';

const Module = require('module');
const fs = require('fs');
const path = require('path');
const { fork } = require('child_process');

const options = { core: null, parallel: 1, worker: false, versions: false, feature: null, support: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 1) {
  const arg = argv[i];
  if (arg === '--core') options.core = argv[++i];
  else if (arg === '--parallel') options.parallel = Number(argv[++i]);
  else if (arg === '--worker') options.worker = true;
  else if (arg === '--versions') options.versions = true;
  else if (options.feature === null) options.feature = arg;
  else options.support.push(arg);
}
if (!options.core) throw new Error('--core DIR (playwright-core, e.g. PyPI playwright\'s driver/package) is required');

const playwright = require(path.resolve(options.core));

// @playwright/test's expect, reduced to the matchers the steps use.
const DEFAULT_EXPECT_TIMEOUT = 5000;

function expectedText(value, flags) {
  if (value instanceof RegExp) return { regexSource: value.source, regexFlags: value.flags, ...flags };
  return { string: String(value), ...flags };
}

async function check(matcher, target, expression, params, matcherOptions = {}) {
  const timeout = matcherOptions.timeout ?? DEFAULT_EXPECT_TIMEOUT;
  const result = await target._expect(expression, { ...params, isNot: false, timeout });
  if (!result.matches) {
    const received = result.received && result.received.value !== undefined ? ` received ${JSON.stringify(result.received.value)}` : '';
    throw new Error(`expect(${target}).${matcher}() failed after ${timeout} ms:${received} ${result.errorMessage || ''}`.trim());
  }
}

function expect(subject) {
  return {
    toBeVisible: (o) => check('toBeVisible', subject, 'to.be.visible', {}, o),
    toHaveText: (expected, o = {}) => Array.isArray(expected)
      ? check('toHaveText', subject, 'to.have.text.array',
        { expectedText: expected.map((e) => expectedText(e, { normalizeWhiteSpace: true })), useInnerText: o.useInnerText }, o)
      : check('toHaveText', subject, 'to.have.text',
        { expectedText: [expectedText(expected, { normalizeWhiteSpace: true })], useInnerText: o.useInnerText }, o),
    toHaveCount: (count, o) => check('toHaveCount', subject, 'to.have.count', { expectedNumber: count }, o),
    toHaveURL: (expected, o) => {
      const baseURL = subject.context()._options.baseURL;
      const url = typeof expected === 'string' ? new URL(expected, baseURL).toString() : expected;
      return check('toHaveURL', subject.mainFrame(), 'to.have.url', { expectedText: [expectedText(url, {})] }, o);
    },
  };
}

// @cucumber/cucumber, reduced to what the support code uses.
const library = {
  steps: [], beforeAll: [], afterAll: [], before: [], after: [], beforeStep: [], afterStep: [],
  timeout: 5000,
};

function defineHook(list) {
  return (hookOptions, fn) => {
    if (typeof hookOptions === 'function') [fn, hookOptions] = [hookOptions, {}];
    if (typeof hookOptions === 'string' || (hookOptions && hookOptions.tags)) {
      throw new Error('run-playwright.js runs untagged scenarios only: hooks with tags are not supported');
    }
    list.push({ fn, timeout: hookOptions && hookOptions.timeout });
  };
}

function toRegExp(expression) {
  if (expression instanceof RegExp) return { regexp: expression, convert: [] };
  const convert = [];
  let source = '';
  for (const part of expression.split(/(\{[a-z]*\})/)) {
    if (part === '{string}') { source += '(?:"([^"]*)"|\'([^\']*)\')'; convert.push('string'); }
    else if (part === '{int}') { source += '(-?\\d+)'; convert.push('int'); }
    else if (/^\{[a-z]*\}$/.test(part)) throw new Error(`run-playwright.js does not know the parameter type ${part}`);
    else if (/[()/]/.test(part)) throw new Error(`run-playwright.js does not know optional text or alternatives: ${expression}`);
    else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return { regexp: new RegExp(`^${source}$`), convert };
}

function defineStep(expression, stepOptions, fn) {
  if (typeof stepOptions === 'function') [fn, stepOptions] = [stepOptions, {}];
  library.steps.push({ expression, ...toRegExp(expression), fn, timeout: stepOptions.timeout });
}

const cucumber = {
  Given: defineStep, When: defineStep, Then: defineStep, defineStep,
  Before: defineHook(library.before), After: defineHook(library.after),
  BeforeAll: defineHook(library.beforeAll), AfterAll: defineHook(library.afterAll),
  BeforeStep: defineHook(library.beforeStep), AfterStep: defineHook(library.afterStep),
  setDefaultTimeout: (ms) => { library.timeout = ms; },
};

const loadModule = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === '@cucumber/cucumber') return cucumber;
  if (request === 'playwright' || request === 'playwright-core') return playwright;
  if (request === '@playwright/test') return { ...playwright, expect };
  return loadModule.call(this, request, parent, isMain);
};

function supportFiles(folder) {
  const files = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...supportFiles(full));
    else if (/\.(c?js)$/.test(entry.name)) files.push(full);
  }
  return files;
}

// Gherkin, reduced to what make-feature.js writes: scenarios of steps.
function parseFeature(text) {
  const scenarios = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    let match;
    if (/^(Background|Scenario Outline|Scenario Template|Examples|Rule):/.test(trimmed) || trimmed.startsWith('|')) {
      throw new Error(`run-playwright.js reads plain scenarios only (line ${index + 1}: ${trimmed})`);
    }
    if ((match = /^(?:Scenario|Example):\s*(.*)$/.exec(trimmed))) scenarios.push({ name: match[1], line: index + 1, steps: [] });
    else if ((match = /^(?:Given|When|Then|And|But|\*) (.*)$/.exec(trimmed)) && scenarios.length > 0) {
      scenarios[scenarios.length - 1].steps.push({ text: match[1], line: index + 1 });
    }
  });
  return scenarios;
}

async function call(code, world, args) {
  const timeout = code.timeout ?? library.timeout;
  let timer;
  const expired = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`function timed out, ensure the promise resolves within ${timeout} milliseconds`)), timeout);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => code.fn.apply(world, args)), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function matchStep(text) {
  const found = [];
  for (const definition of library.steps) {
    const match = definition.regexp.exec(text);
    if (!match) continue;
    const groups = match.slice(1);
    const args = [];
    for (const kind of definition.convert) {
      if (kind === 'string') { const [double, single] = groups.splice(0, 2); args.push(double ?? single); }
      else args.push(Number(groups.shift()));
    }
    found.push({ definition, args: definition.convert.length ? args : groups });
  }
  if (found.length === 0) throw new Error(`Undefined step: ${text}`);
  if (found.length > 1) throw new Error(`Ambiguous step: ${text} (${found.map((f) => f.definition.expression).join(', ')})`);
  return found[0];
}

async function runScenario(scenario, uri) {
  const world = { parameters: {}, attach() {}, log() {} };
  const pickle = { name: scenario.name, uri, tags: [] };
  let error = null;
  for (const hook of library.before) {
    if (error) break;
    try { await call(hook, world, [{ pickle }]); } catch (e) { error = e; }
  }
  for (const step of scenario.steps) {
    if (error) break;
    const pickleStep = { text: step.text };
    try {
      for (const hook of library.beforeStep) await call(hook, world, [{ pickle, pickleStep }]);
      const { definition, args } = matchStep(step.text);
      await call(definition, world, args);
    } catch (e) {
      error = new Error(`line ${step.line}, "${step.text}": ${e.message}`);
    }
    for (const hook of [...library.afterStep].reverse()) {
      try { await call(hook, world, [{ pickle, pickleStep, result: { status: error ? 'FAILED' : 'PASSED' } }]); } catch (e) { error = error || e; }
    }
  }
  for (const hook of [...library.after].reverse()) {
    try { await call(hook, world, [{ pickle, result: { status: error ? 'FAILED' : 'PASSED' } }]); } catch (e) { error = error || e; }
  }
  return error ? `${uri}:${scenario.line} ${scenario.name}: ${error.message}` : null;
}

async function runHooks(hooks) {
  for (const hook of hooks) await call(hook, {}, []);
}

function loadSupport() {
  for (const folder of options.support) for (const file of supportFiles(path.resolve(folder))) require(file);
}

function report(total, failures) {
  for (const failure of failures) process.stderr.write(`failed: ${failure}\n`);
  const failed = failures.length;
  process.stdout.write(`${total} scenario${total === 1 ? '' : 's'} (${failed ? `${failed} failed, ` : ''}${total - failed} passed)\n`);
  process.exitCode = failed ? 1 : 0;
}

async function serial(scenarios, uri) {
  loadSupport();
  await runHooks(library.beforeAll);
  const failures = [];
  for (const scenario of scenarios) {
    const failure = await runScenario(scenario, uri);
    if (failure) failures.push(failure);
  }
  await runHooks([...library.afterAll].reverse());
  report(scenarios.length, failures);
}

// A worker: BeforeAll, then a scenario whenever the coordinator sends one, AfterAll at the end.
async function worker(scenarios, uri) {
  loadSupport();
  await runHooks(library.beforeAll);
  process.on('message', async (message) => {
    if (message.run !== undefined) {
      process.send({ done: message.run, failure: await runScenario(scenarios[message.run], uri) });
    } else {
      await runHooks([...library.afterAll].reverse());
      process.disconnect();
    }
  });
  process.send({ ready: true });
}

function coordinator(scenarios) {
  let next = 0;
  let finished = 0;
  const failures = [];
  const workers = [];
  return new Promise((resolve, reject) => {
    for (let i = 0; i < options.parallel; i += 1) {
      const child = fork(__filename, [...process.argv.slice(2), '--worker']);
      workers.push(child);
      const handOut = () => {
        if (next < scenarios.length) child.send({ run: next++ });
        else child.send({ stop: true });
      };
      child.on('message', (message) => {
        if (message.done !== undefined) {
          finished += 1;
          if (message.failure) failures.push(message.failure);
        }
        handOut();
      });
      child.on('exit', (code) => {
        if (code !== 0) reject(new Error(`worker ${i + 1} exited with ${code}`));
        else if (workers.every((w) => w.exitCode !== null)) {
          if (finished !== scenarios.length) reject(new Error(`only ${finished} of ${scenarios.length} scenarios ran`));
          else resolve(failures);
        }
      });
    }
  }).then((found) => report(scenarios.length, found));
}

async function versions() {
  const browser = await playwright.chromium.launch({ executablePath: process.env.FLOW_CHROMIUM || undefined, args: ['--no-sandbox'] });
  const core = JSON.parse(fs.readFileSync(path.join(options.core, 'package.json'), 'utf8')).version;
  process.stdout.write(`playwright-core ${core}, Chromium ${browser.version()}, node ${process.version}\n`);
  await browser.close();
}

async function main() {
  if (options.versions) return versions();
  const uri = path.relative(process.cwd(), options.feature);
  const scenarios = parseFeature(fs.readFileSync(options.feature, 'utf8'));
  if (options.worker) return worker(scenarios, uri);
  if (options.parallel > 1) return coordinator(scenarios);
  return serial(scenarios, uri);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
