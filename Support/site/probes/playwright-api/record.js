// The real-Playwright side of Support/scripts/record-playwright-reference (run by it with the node
// that PyPI's playwright package ships; see that script's header). Runs every case of cases.js
// RUNS times in one Chromium, each in a new context { baseURL } and page that first opens the
// case's path, and prints one JSON object to stdout:
//   { "playwright": version, "chromium": version, "runs": { name: [outcome, ...] } }
// Arguments: <playwright-core folder> <base URL> <runs> [<expect module>] ; env CASES=name,name
// limits the cases. The expect module, when given, exports { expect } (@playwright/test's); without
// it the cases get an expect that throws "no reference expect".
'use strict';

const path = require('path');
const [core, baseURL, runsText, expectModule] = process.argv.slice(2);
const { chromium } = require(core);
const cases = require('./cases.js');
const { outcome } = require('./outcome.js');

const expect = expectModule
  ? require(path.resolve(expectModule)).expect
  : new Proxy(function () {}, {
      apply() { throw new Error('no reference expect'); },
      get() { throw new Error('no reference expect'); },
    });
const CASE_TIMEOUT_MS = 20000;

async function runCase(browser, item) {
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(5000);
  try {
    const page = await context.newPage();
    await page.goto(item.path);
    let timer;
    const limit = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('case did not finish in ' + CASE_TIMEOUT_MS + ' ms')), CASE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([outcome(() => item.run({ page, context, browser, expect, baseURL }), baseURL), limit]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    return { setupError: String(error && error.message).split('\n')[0] };
  } finally {
    await context.close().catch(() => {});
  }
}

(async () => {
  const only = process.env.CASES ? process.env.CASES.split(',') : null;
  const chosen = cases.filter((item) => !only || only.includes(item.name));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const runs = {};
  for (let run = 0; run < Number(runsText); run += 1) {
    for (const item of chosen) {
      (runs[item.name] = runs[item.name] || []).push(await runCase(browser, item));
    }
    process.stderr.write('run ' + (run + 1) + ' done\n');
  }
  const result = { playwright: require(path.join(core, 'package.json')).version, chromium: browser.version(), runs };
  await browser.close();
  process.stdout.write(JSON.stringify(result));
})().catch((error) => {
  process.stderr.write(String(error && error.stack) + '\n');
  process.exit(2);
});
