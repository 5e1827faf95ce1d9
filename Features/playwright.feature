Feature: Playwright's API in step definitions
  `require('playwright')` and `@playwright/test` give Caper's own browser, also when node_modules
  holds the real packages; the default World opens a page lazily; page errors are attached and
  counted; a failing step carries the pages' evidence.

  Scenario: the default World's page, with the baseURL from the world parameters
    Given a file named "Features/home.feature" with:
      """
      Feature: Home
        Scenario: the home page greets
          Given I open the home page
          Then I am greeted
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { Given, Then } = require('@cucumber/cucumber');
      const { expect } = require('@playwright/test');
      Given('I open the home page', async function () {
        await this.context.route('**/*', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Home</title><h1>Hello</h1>' }));
        const response = await this.page.goto('/home');
        expect(response.status()).toBe(200);
      });
      Then('I am greeted', async function () {
        await expect(this.page).toHaveURL('http://caper.test/home');
        await expect(this.page).toHaveTitle('Home');
        await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Hello');
      });
      """
    When I run caper with the options:
      """
      --world-parameters
      {"baseURL":"http://caper.test/"}
      """
    Then it exits with 0

  Scenario: the real packages in node_modules are not loaded
    Given a file named "node_modules/playwright/package.json" with:
      """
      { "name": "playwright", "main": "index.js" }
      """
    And a file named "node_modules/playwright/index.js" with:
      """
      throw new Error('the real playwright was loaded');
      """
    And a file named "node_modules/@playwright/test/package.json" with:
      """
      { "name": "@playwright/test", "main": "index.js" }
      """
    And a file named "node_modules/@playwright/test/index.js" with:
      """
      throw new Error('the real @playwright/test was loaded');
      """
    And a file named "Features/launch.feature" with:
      """
      Feature: Launch
        Scenario: a browser made in BeforeAll serves the scenario
          Then a button can be clicked
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { BeforeAll, AfterAll, Before, After, Then } = require('@cucumber/cucumber');
      const { chromium } = require('playwright');
      const { expect } = require('@playwright/test');
      let browser;
      BeforeAll(async function () { browser = await chromium.launch({ headless: false, slowMo: 50 }); });
      AfterAll(async function () { await browser.close(); });
      Before(async function () { this.context = await browser.newContext(); this.page = await this.context.newPage(); });
      After(async function () { await this.context.close(); });
      Then('a button can be clicked', async function () {
        await this.page.setContent('<button onclick="this.textContent = \'Done\'">Go</button>');
        await this.page.getByRole('button', { name: 'Go' }).click();
        await expect(this.page.getByRole('button')).toHaveText('Done');
      });
      """
    When I run caper
    Then it exits with 0

  Scenario: routes, bindings, init scripts and network events
    Given a file named "Features/network.feature" with:
      """
      Feature: Network
        Scenario: a mocked API
          Then the page shows what the mocked API answers
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { Then } = require('@cucumber/cucumber');
      const { expect } = require('@playwright/test');
      Then('the page shows what the mocked API answers', async function () {
        const seen = [];
        this.page.on('request', (request) => seen.push(`${request.method()} ${request.url()}`));
        await this.page.route('http://caper.test/', (route) => route.fulfill({ contentType: 'text/html',
          body: '<ul></ul><script>fetch("/api/items").then((r) => r.json()).then((items) => { for (const item of items) document.querySelector("ul").append(Object.assign(document.createElement("li"), { textContent: item + " " + window.suffix })); window.report(items.length); });</script>' }));
        await this.page.route('**/api/items', (route) => route.fulfill({ json: ['apples', 'pears'] }));
        await this.page.addInitScript((suffix) => { window.suffix = suffix; }, '!');
        let reported = null;
        await this.page.exposeFunction('report', (count) => { reported = count; });
        const [response] = await Promise.all([this.page.waitForResponse('**/api/items'), this.page.goto('http://caper.test/')]);
        expect(await response.json()).toEqual(['apples', 'pears']);
        await expect(this.page.getByRole('listitem')).toHaveText(['apples !', 'pears !']);
        expect(reported).toBe(2);
        expect(seen).toEqual(['GET http://caper.test/', 'GET http://caper.test/api/items']);
      });
      """
    When I run caper
    Then it exits with 0

  Scenario: page errors are attached and counted; --fail-on-page-errors fails the step they happened in
    Given a file named "Features/errors.feature" with:
      """
      Feature: Errors
        Scenario: a button that throws
          When I click the button that throws
          Then the page error was emitted
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { When, Then } = require('@cucumber/cucumber');
      const { expect } = require('@playwright/test');
      When('I click the button that throws', async function () {
        this.errors = [];
        this.page.on('pageerror', (error) => this.errors.push(error.message));
        await this.page.setContent('<button onclick="null.boom()">Go</button>');
        await this.page.getByRole('button').click();
      });
      Then('the page error was emitted', function () {
        expect(this.errors).toEqual(["Cannot read properties of null (reading 'boom')"]);
      });
      """
    When I run caper with "--format summary"
    Then it exits with 0
    And the output contains:
      """
      1 page error (attached to their steps)
      """
    When I run caper with "--format summary --fail-on-page-errors"
    Then it exits with 1
    And the output contains:
      """
      Error: 1 page error (--fail-on-page-errors); the first: TypeError: Cannot read properties of null (reading 'boom')
      """

  Scenario: a failing step carries each open page's URL, HTML and console
    Given a file named "Features/fail.feature" with:
      """
      Feature: Fail
        Scenario: a missing heading
          Then the page has a heading
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { Then } = require('@cucumber/cucumber');
      const { expect } = require('@playwright/test');
      Then('the page has a heading', async function () {
        await this.page.setContent('<p>No heading here</p><input aria-label=Name><script>console.log("rendered")</script>');
        await this.page.getByRole('textbox', { name: 'Name' }).fill('typed by the user');
        await expect(this.page.getByRole('heading')).toBeVisible({ timeout: 1000 });
      });
      """
    When I run caper with "--format summary --format message:messages.ndjson"
    Then it exits with 1
    And the output contains:
      """
      Error: expect(locator).toBeVisible() failed
      """
    And the file "messages.ndjson" contains:
      """
      <input aria-label=\"Name\" value=\"typed by the user\">
      """
    And the output contains:
      """
      Timeout: 1000ms
      """
    And the output contains:
      """
      Error: element(s) not found
      """
    And the output contains:
      """
      Embedding page about:blank.html [text/html
      """
    And the output contains:
      """
      Embedding console about:blank.txt [text/plain
      """

  Scenario: downloads, the viewport, and a toast that hides itself in virtual time
    Given a file named "Features/more.feature" with:
      """
      Feature: More
        Scenario: more of the API
          Then a download can be saved
          And the viewport decides the media queries
          And a toast is visible at once and hidden 3 seconds later
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { Then } = require('@cucumber/cucumber');
      const { expect } = require('@playwright/test');
      const fs = require('fs');
      Then('a download can be saved', async function () {
        await this.page.setContent('<a download="notes.txt" href="data:text/plain,hello">Get</a>');
        const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByText('Get').click()]);
        expect(download.suggestedFilename()).toBe('notes.txt');
        await download.saveAs('notes.txt');
        expect(fs.readFileSync('notes.txt', 'utf8')).toBe('hello');
      });
      Then('the viewport decides the media queries', async function () {
        const context = await this.browser.newContext({ viewport: { width: 400, height: 800 } });
        const page = await context.newPage();
        await page.setContent('<style>p { display: none } @media (max-width: 500px) { p { display: block } }</style><p>Narrow</p>');
        await expect(page.getByText('Narrow')).toBeVisible();
        expect(await page.evaluate(() => [innerWidth, matchMedia('(max-width: 500px)').matches])).toEqual([400, true]);
        await page.setViewportSize({ width: 1000, height: 700 });
        await expect(page.getByText('Narrow')).toBeHidden();
        // The placeholder screenshot makes its path's folders, as Playwright's does.
        await page.screenshot({ path: 'screenshots/viewport/wide.png' });
        expect(require('fs').statSync('screenshots/viewport/wide.png').size).toBeGreaterThan(0);
        await context.close();
      });
      Then('a toast is visible at once and hidden 3 seconds later', async function () {
        await this.page.setContent('<button onclick="const t = document.querySelector(\'output\'); t.hidden = false; setTimeout(() => { t.hidden = true; }, 3000)">Save</button><output hidden>Saved</output>');
        await this.page.getByRole('button', { name: 'Save' }).click();
        await expect(this.page.getByText('Saved')).toBeVisible();
        await expect(this.page.getByText('Saved')).toBeHidden();
        expect(await this.page.evaluate(() => performance.now())).toBeGreaterThanOrEqual(3000);
      });
      """
    When I run caper
    Then it exits with 0

  Scenario: a hostile page reaches nothing of the support realm through bindings, routes and dialogs
    Given a file named "Features/escape.feature" with:
      """
      Feature: Escape
        Scenario: a hostile page
          Then the page finds no way out
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { Then } = require('@cucumber/cucumber');
      const { expect } = require('@playwright/test');
      globalThis.secret = 'support realm';
      Then('the page finds no way out', async function () {
        await this.page.exposeFunction('give', () => ({ nested: { fn: undefined }, list: [1, 2] }));
        await this.page.exposeBinding('source', (source) => typeof source.page.goto);
        this.page.on('dialog', (dialog) => dialog.accept('answer'));
        await this.page.route('**/*', (route) => route.fulfill({ contentType: 'text/html', body: '<p>page</p>' }));
        await this.page.goto('http://caper.test/');
        const found = await this.page.evaluate(async () => {
          const tries = [];
          const escape = (value) => {
            try {
              return value.constructor.constructor('return globalThis.secret ?? (typeof process)')();
            } catch (error) {
              return `refused: ${error.name}`;
            }
          };
          const given = await window.give();
          tries.push(escape(window.give), escape(given), escape(given.list), escape(given.nested));
          tries.push(await window.source());
          tries.push(escape(prompt('question')), Object.getPrototypeOf(given) === Object.prototype);
          return tries;
        });
        // Each constructor is the page's own Function: no `secret`, no `process` ('undefined').
        expect(found).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'function', 'undefined', true]);
      });
      """
    When I run caper
    Then it exits with 0

  Scenario: errors inside frames, from other pages and from dialog handlers are Playwright's, made in the support realm
    Given a file named "Features/errors.feature" with:
      """
      Feature: Errors
        Scenario: what fails, and how
          Then every failure is a support-realm Error with Playwright's message
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { Then } = require('@cucumber/cucumber');
      const { expect } = require('@playwright/test');
      const failure = async (body) => {
        try {
          await body();
        } catch (error) {
          return `${error instanceof Error} ${error.message.split('\n')[0]}`;
        }
        return 'no error';
      };
      Then('every failure is a support-realm Error with Playwright\'s message', async function () {
        const page = this.page;
        // The page's script would run if Caper read an error made in the page realm.
        await page.setContent('<script>Object.defineProperty(Error.prototype, "name", { get() { throw new Error("page code ran"); } });</script>' +
          '<div><p>x</p></div><iframe srcdoc="<p>a</p>"></iframe><iframe srcdoc="<p>b</p>"></iframe>');
        const other = await page.context().newPage();
        page.on('dialog', () => { throw new Error('the handler failed'); });
        const strict = "strict mode violation: locator('iframe').contentFrame().locator('p') resolved to 2 elements:";
        expect(await failure(() => page.frameLocator('iframe').locator('p').click({ timeout: 100 })))
          .toBe(`true locator.click: Error: ${strict}`);
        expect(await failure(() => page.frameLocator('iframe').locator('p').count())).toBe(`true locator.count: Error: ${strict}`);
        expect(await failure(() => page.locator('div').filter({ has: other.locator('p') }).count()))
          .toBe('true Inner "has" locator must belong to the same frame.');
        expect(await failure(() => page.locator('div').or(other.locator('p')).count())).toBe('true Locators must belong to the same frame.');
        expect(await failure(() => page.evaluate(() => confirm('sure?')))).toBe('true the handler failed');
      });
      """
    When I run caper
    Then it exits with 0
