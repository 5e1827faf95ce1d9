// The benchmark flow's set-up, the way cucumber-js + Playwright projects write it: one browser for
// the run (BeforeAll), a fresh context ({ baseURL }) and page per scenario (Before/After). The same
// file runs under `caper run` and under run-playwright.js (real Playwright driving Chromium).
//   FLOW_BASE_URL  the fixture server's base URL (Support/site/server.py, started by the benchmark)
//   FLOW_CHROMIUM  the Chromium to launch (real Playwright only; Caper's browser ignores it)
//   FLOW_PROFILE   a file: append one JSON line of where the run's time went (hooks and steps,
//                  summed milliseconds and counts), written by AfterAll
const { BeforeAll, AfterAll, Before, After, BeforeStep, AfterStep, setDefaultTimeout } = require('@cucumber/cucumber');
const { chromium } = require('playwright');
const fs = require('fs');

setDefaultTimeout(30 * 1000);

const baseURL = process.env.FLOW_BASE_URL;
let browser = null;

// The profile: labels (a hook, or a step's text with its quoted values replaced by "…") to
// [total ms, count]. Only kept when FLOW_PROFILE names a file.
const profile = process.env.FLOW_PROFILE ? new Map() : null;
let stepStart = 0;
function note(label, start) {
  if (!profile) return;
  const entry = profile.get(label) || [0, 0];
  entry[0] += performance.now() - start;
  entry[1] += 1;
  profile.set(label, entry);
}

BeforeAll(async function () {
  if (!baseURL) throw new Error('FLOW_BASE_URL is not set: the base URL of Support/site/server.py');
  const start = performance.now();
  browser = await chromium.launch({ executablePath: process.env.FLOW_CHROMIUM || undefined, args: ['--no-sandbox'] });
  note('BeforeAll: chromium.launch()', start);
});

Before(async function () {
  const start = performance.now();
  this.context = await browser.newContext({ baseURL });
  this.page = await this.context.newPage();
  note('Before: browser.newContext() + context.newPage()', start);
});

// Step hooks only when profiling, so a measured run has none (as most projects have none).
if (profile) {
  BeforeStep(function () {
    stepStart = performance.now();
  });
  AfterStep(function ({ pickleStep }) {
    note(`step: ${pickleStep.text.replace(/"[^"]*"/g, '"…"')}`, stepStart);
  });
}

After(async function () {
  const start = performance.now();
  await this.context.close();
  note('After: context.close()', start);
});

AfterAll(async function () {
  const start = performance.now();
  if (browser) await browser.close();
  note('AfterAll: browser.close()', start);
  if (profile) fs.appendFileSync(process.env.FLOW_PROFILE, JSON.stringify(Object.fromEntries(profile)) + '\n');
});
