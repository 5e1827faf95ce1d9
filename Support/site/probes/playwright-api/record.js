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
const { runCase } = require('./outcome.js');

const expect = expectModule
  ? require(path.resolve(expectModule)).expect
  : new Proxy(function () {}, {
      apply() { throw new Error('no reference expect'); },
      get() { throw new Error('no reference expect'); },
    });


(async () => {
  const only = process.env.CASES ? process.env.CASES.split(',') : null;
  const chosen = cases.filter((item) => !only || only.includes(item.name));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const runs = {};
  for (let run = 0; run < Number(runsText); run += 1) {
    for (const item of chosen) {
      (runs[item.name] = runs[item.name] || []).push(await runCase(browser, baseURL, expect, item));
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
