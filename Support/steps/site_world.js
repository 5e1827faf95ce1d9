// The set-up of the site features (Features/site/, tagged @site), the way cucumber-js + Playwright
// projects write it: the fixture server and one browser for the whole run (BeforeAll/AfterAll), a
// fresh context (baseURL = the server) and page per scenario (Before/After, as this.context and
// this.page). Scenarios tagged @shared-page instead share one page, opened by the first of them
// and kept until the end of the run (cucumber-js BeforeAll hooks take no tags).
const { BeforeAll, AfterAll, Before, After, setDefaultTimeout } = require('@cucumber/cucumber');
const { chromium } = require('playwright');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Playwright's own waits (5 s for expect, none for actions) end well before this.
setDefaultTimeout(30 * 1000);

const site = { server: null, browser: null, baseURL: null, folder: null };
let shared = null;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitForFile(file, timeout) {
  const deadline = Date.now() + timeout;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the fixture server wrote no ${file} in ${timeout} ms`);
    await sleep(50);
  }
  return fs.readFileSync(file, 'utf8').trim();
}

BeforeAll({ timeout: 60 * 1000 }, async function () {
  site.folder = fs.mkdtempSync(path.join(os.tmpdir(), 'caper-site-'));
  const urlFile = path.join(site.folder, 'url');
  site.server = spawn('python3', ['Support/site/server.py', '--url-file', urlFile, '--parent', String(process.pid), '--no-delay'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  site.server.on('error', (error) => console.error(`fixture server: ${error.message}`));
  site.baseURL = await waitForFile(urlFile, 20 * 1000);
  site.browser = await chromium.launch();
});

AfterAll(async function () {
  if (shared) await shared.context.close();
  if (site.browser) await site.browser.close();
  if (site.server) site.server.kill();
  if (site.folder) fs.rmSync(site.folder, { recursive: true, force: true });
});

// What steps need besides the page: the browser (for a new context) and the server's base URL.
Before({ tags: '@site' }, function () {
  this.browser = site.browser;
  this.baseURL = site.baseURL;
});

Before({ tags: '@site and not @shared-page' }, async function () {
  this.context = await site.browser.newContext({ baseURL: site.baseURL });
  this.page = await this.context.newPage();
});

Before({ tags: '@site and @shared-page' }, async function () {
  if (!shared) {
    const context = await site.browser.newContext({ baseURL: site.baseURL });
    const page = await context.newPage();
    await page.goto('/app/list.html');
    // A mark on the document: the scenarios that share the page can tell it was not loaded again.
    const mark = await page.evaluate(() => (window.sharedMark = String(Math.random())));
    shared = { context, page, mark };
  }
  this.context = shared.context;
  this.page = shared.page;
  this.sharedMark = shared.mark;
});

After({ tags: '@site and not @shared-page' }, async function () {
  if (this.otherContext) await this.otherContext.close();
  await this.context.close();
});
