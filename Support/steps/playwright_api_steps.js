// Steps of Features/playwright-api.feature: runs the Playwright API cases
// (Support/site/probes/playwright-api/cases.js) with Caper's `playwright` and `@playwright/test`, and
// compares each outcome with the one real Playwright recorded
// (Support/site/expected/playwright-api.json, written by Support/scripts/record-playwright-reference).
// The fixture server and browser are site_world.js's (the feature is tagged @site): this.browser,
// this.baseURL. Set PLAYWRIGHT_API_RESULTS=FILE to also write every case's expected and actual
// outcome there as JSON; PLAYWRIGHT_API_CASES=name,name runs only those cases.
const { When, Then } = require('@cucumber/cucumber');
const { expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const cases = require('../site/probes/playwright-api/cases.js');
const { runCase, same } = require('../site/probes/playwright-api/outcome.js');

const RECORDING = path.join(__dirname, '..', 'site', 'expected', 'playwright-api.json');


When('I run every recorded Playwright API case', { timeout: 60 * 60 * 1000 }, async function () {
  const recorded = JSON.parse(fs.readFileSync(RECORDING, 'utf8')).cases;
  const only = process.env.PLAYWRIGHT_API_CASES ? process.env.PLAYWRIGHT_API_CASES.split(',') : null;
  this.apiResults = [];
  for (const item of cases) {
    if (!(item.name in recorded) || (only && !only.includes(item.name))) continue;
    const got = await runCase(this.browser, this.baseURL, expect, item);
    const result = { name: item.name, expected: recorded[item.name], got, match: same(recorded[item.name], got) };
    // Caper keeps failed soft assertions for the end of the step; a case's own are its outcome's
    // business (Playwright outside its test runner throws them), not this step's failure.
    const soft = typeof expect.takeSoftErrors === 'function' ? expect.takeSoftErrors() : [];
    if (soft.length > 0) result.softErrors = soft.map((error) => String(error.message).split('\n')[0]);
    this.apiResults.push(result);
  }
});

// The cases Caper is known to answer differently, one per line: `case name  # why` (blank lines
// and lines starting with # are comments). A difference not listed fails, and so does a listed case
// that now matches (the list is kept exact).
const DIFFERENCES = path.join(__dirname, '../site/expected/playwright-api-differences.txt');
function knownDifferences() {
  const known = new Map();
  for (const line of fs.readFileSync(DIFFERENCES, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const at = line.indexOf('  #');
    known.set((at < 0 ? line : line.slice(0, at)).trim(), at < 0 ? '' : line.slice(at + 3).trim());
  }
  return known;
}

Then('every Playwright API outcome matches the recording', function () {
  const results = this.apiResults;
  const matching = results.filter((result) => result.match).length;
  if (process.env.PLAYWRIGHT_API_RESULTS) fs.writeFileSync(process.env.PLAYWRIGHT_API_RESULTS, JSON.stringify(results, null, 2));
  const known = knownDifferences();
  const differing = results.filter((result) => !result.match);
  const unexpected = differing.filter((result) => !known.has(result.name));
  const stale = results.filter((result) => result.match && known.has(result.name)).map((result) => result.name);
  const summary = `${matching} of ${results.length} match; ${differing.length - unexpected.length} known differences`;
  console.log(summary);
  if (unexpected.length === 0 && stale.length === 0) return;
  const lines = unexpected.map(
    (result) =>
      `- ${result.name}\n    expected: ${JSON.stringify(result.expected)}\n    got:      ${JSON.stringify(result.got)}` +
      (result.softErrors ? `\n    soft errors kept: ${JSON.stringify(result.softErrors)}` : ''),
  );
  for (const name of stale) lines.push(`- ${name} now matches: remove it from ${path.basename(DIFFERENCES)}`);
  throw new Error(`${summary}; these differ from Playwright's and are not known differences:\n${lines.join('\n')}`);
});
