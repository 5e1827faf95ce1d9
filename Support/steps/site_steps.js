// Steps of the site features (Features/site/): a user's words turned into Playwright calls on
// this.page (set up by site_world.js), checked with @playwright/test's web-first assertions.
const { Given, When, Then } = require('@cucumber/cucumber');
const { expect } = require('@playwright/test');
const assert = require('assert');

const MIME_TYPES = { txt: 'text/plain', csv: 'text/csv', json: 'application/json', html: 'text/html' };

// Navigation.

Given('I am on {string}', async function (address) {
  await this.page.goto(address);
});

When('I open {string}', async function (address) {
  await this.page.goto(address);
});

When('I go back', async function () {
  await this.page.goBack();
});

Then('the address is {string}', async function (address) {
  await expect(this.page).toHaveURL(address);
});

Then('the address ends with {string}', async function (tail) {
  await expect(this.page).toHaveURL(new RegExp(escapeRegExp(tail) + '$'));
});

Then('the page title is {string}', async function (title) {
  await expect(this.page).toHaveTitle(title);
});

// Forms and buttons, found the way a user finds them: by label and by role.

When('I fill in {string} with {string}', async function (label, value) {
  await this.page.getByLabel(label).fill(value);
});

When('I check {string}', async function (label) {
  await this.page.getByLabel(label).check();
});

When('I select {string} from {string}', async function (option, label) {
  await this.page.getByLabel(label).selectOption({ label: option });
});

When('I click the {string} button', async function (name) {
  await this.page.getByRole('button', { name, exact: true }).click();
});

When('I click the {string} button {int} times', async function (name, times) {
  const button = this.page.getByRole('button', { name, exact: true });
  for (let i = 0; i < times; i += 1) await button.click();
});

When('I click the {string} link', async function (name) {
  await this.page.getByRole('link', { name, exact: true }).click();
});

// What the page shows.

Then('I see {string}', async function (text) {
  await expect(this.page.getByText(text)).toBeVisible();
});

Then('I see {string} within {int} seconds', async function (text, seconds) {
  await expect(this.page.getByText(text)).toBeVisible({ timeout: seconds * 1000 });
});

Then('I do not see {string}', async function (text) {
  await expect(this.page.getByText(text)).toBeHidden();
});

Then('I see the heading {string}', async function (name) {
  await expect(this.page.getByRole('heading', { name })).toBeVisible();
});

Then('the alert says {string}', async function (text) {
  await expect(this.page.getByRole('alert')).toHaveText(text);
});

Then('the status says {string}', async function (text) {
  await expect(this.page.getByRole('status')).toHaveText(text);
});

// Logging in, and who the server recognises.

Given('I am logged in as {string} with password {string}', async function (username, password) {
  await this.page.goto('/app/login.html');
  await this.page.getByLabel('Username').fill(username);
  await this.page.getByLabel('Password').fill(password);
  await this.page.getByRole('button', { name: 'Log in' }).click();
  await expect(this.page.getByRole('heading', { name: `Welcome, ${username}` })).toBeVisible();
});

Then('the context has an HttpOnly {string} cookie', async function (name) {
  const cookies = await this.context.cookies();
  const cookie = cookies.find((c) => c.name === name);
  assert.ok(cookie, `no ${name} cookie among ${cookies.map((c) => c.name).join(', ') || 'none'}`);
  assert.strictEqual(cookie.httpOnly, true);
  assert.strictEqual(cookie.path, '/');
});

Then('the context has no {string} cookie', async function (name) {
  const cookies = await this.context.cookies();
  assert.deepStrictEqual(cookies.filter((c) => c.name === name), []);
});

When('I open {string} in a second page', async function (address) {
  this.firstPage = this.page;
  this.page = await this.context.newPage();
  await this.page.goto(address);
});

When('I open {string} in a new browser context', async function (address) {
  this.otherContext = await this.browser.newContext({ baseURL: this.baseURL });
  this.page = await this.otherContext.newPage();
  await this.page.goto(address);
});

Then('the context has {int} page(s)', function (count) {
  assert.strictEqual(this.context.pages().length, count);
});

// Popups: the page that opens becomes this.page; the one that opened it stays as this.opener.

When('I click the {string} link and switch to the popup', async function (name) {
  const popupPromise = this.page.waitForEvent('popup');
  await this.page.getByRole('link', { name }).click();
  await switchTo(this, await popupPromise);
});

When('I click the {string} button and switch to the popup', async function (name) {
  const popupPromise = this.page.waitForEvent('popup');
  await this.page.getByRole('button', { name }).click();
  await switchTo(this, await popupPromise);
});

When('I click the {string} link and switch to the new page', async function (name) {
  const pagePromise = this.context.waitForEvent('page');
  await this.page.getByRole('link', { name }).click();
  await switchTo(this, await pagePromise);
});

Then('the popup was opened by the first page', async function () {
  assert.strictEqual(await this.page.opener(), this.opener);
});

async function switchTo(world, page) {
  await page.waitForLoadState();
  world.opener = world.page;
  world.page = page;
}

// Search results.

Then('the results are:', async function (table) {
  const names = table.raw().map((row) => row[0]);
  await expect(this.page.getByRole('list', { name: 'Results' }).locator('.name')).toHaveText(names);
});

Then('there are no results', async function () {
  await expect(this.page.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(0);
  await expect(this.page.getByRole('status')).toHaveText('No results');
});

// The jQuery shopping list.

When('I add {string} to the list', async function (name) {
  await this.page.getByLabel('New item').fill(name);
  await this.page.getByRole('button', { name: 'Add' }).click();
});

When('I remove {string} from the list', async function (name) {
  await this.page.getByRole('button', { name: `Remove ${name}` }).click();
});

When('I filter the list by {string}', async function (text) {
  await this.page.getByLabel('Filter').fill(text);
});

Then('the list shows:', async function (table) {
  const names = table.raw().map((row) => row[0]);
  const items = this.page.getByRole('list', { name: 'Shopping list' }).getByRole('listitem');
  await expect(items).toHaveCount(names.length);
  await expect(items.locator('.name')).toHaveText(names);
});

Then('the count says {string}', async function (text) {
  await expect(this.page.locator('#count')).toHaveText(text);
});

// The fetch widget.

Then('the loaded items are:', async function (table) {
  const names = table.raw().map((row) => row[0]);
  await expect(this.page.getByRole('list', { name: 'Loaded items' }).getByRole('listitem')).toHaveText(names);
});

// Dialogs: the handler is in place before the click that opens the dialog.

When('I accept the next dialog', function () {
  this.page.once('dialog', async (dialog) => {
    this.dialog = { type: dialog.type(), message: dialog.message() };
    await dialog.accept();
  });
});

When('I dismiss the next dialog', function () {
  this.page.once('dialog', async (dialog) => {
    this.dialog = { type: dialog.type(), message: dialog.message() };
    await dialog.dismiss();
  });
});

When('I answer the next prompt with {string}', function (answer) {
  this.page.once('dialog', async (dialog) => {
    this.dialog = { type: dialog.type(), message: dialog.message(), defaultValue: dialog.defaultValue() };
    await dialog.accept(answer);
  });
});

Then('the {word} dialog asked {string}', function (type, message) {
  assert.ok(this.dialog, 'no dialog opened');
  assert.strictEqual(this.dialog.type, type);
  assert.strictEqual(this.dialog.message, message);
});

Then('the file {string} is listed', async function (name) {
  await expect(this.page.getByRole('list', { name: 'Files' }).getByRole('listitem')).toHaveText([new RegExp(escapeRegExp(name))]);
});

Then('no file is listed', async function () {
  await expect(this.page.getByRole('list', { name: 'Files' }).getByRole('listitem')).toHaveCount(0);
});

// Uploads.

When('I choose the file {string} containing {string}', async function (name, content) {
  const extension = name.split('.').pop();
  await this.page.getByLabel('File').setInputFiles({
    name,
    mimeType: MIME_TYPES[extension] || 'application/octet-stream',
    buffer: Buffer.from(content),
  });
});

Then('the upload received {string} of {int} bytes typed {string}', async function (name, size, type) {
  await expect(this.page.locator('#file-name')).toHaveText(name);
  await expect(this.page.locator('#file-size')).toHaveText(`${size} bytes`);
  await expect(this.page.locator('#file-type')).toHaveText(type);
});

// Frames.

When('I click the {string} button in the {string} frame', async function (name, title) {
  await this.page.frameLocator(`iframe[title="${title}"]`).getByRole('button', { name }).click();
});

Then('the page has {int} frames, the child named {string} at {string}', async function (count, name, path) {
  const frames = this.page.frames();
  expect(frames).toHaveLength(count);
  expect(frames[0]).toBe(this.page.mainFrame());
  expect(frames[1].name()).toBe(name);
  expect(frames[1].parentFrame()).toBe(this.page.mainFrame());
  expect(new URL(frames[1].url()).pathname).toBe(path);
  expect(await frames[1].evaluate(() => window.parent !== window)).toBe(true);
});

When('I click the {string} button in the frame named {string}', async function (label, name) {
  await this.page.frame(name).getByRole('button', { name: label }).click();
});

When("I press the frame's button through an element handle", async function () {
  const frame = this.page.frame('child');
  const button = await frame.waitForSelector('button');
  expect(await button.textContent()).toBe('Press me');
  expect(await frame.evaluate((element) => element.ownerDocument.title, button)).toBe('Child page');
  await button.click();
});

Then('the frame named {string} shows {string}', async function (name, text) {
  await expect(this.page.frame({ name }).getByText(text)).toBeVisible();
});

Then('the {string} frame shows {string}', async function (title, text) {
  await expect(this.page.frameLocator(`iframe[title="${title}"]`).getByText(text)).toBeVisible();
});

Then('the page itself has no {string}', async function (text) {
  await expect(this.page.getByText(text)).toHaveCount(0);
});

// The shadow-DOM counter (Playwright's locators pierce open shadow roots).

Then('the counter shows {int}', async function (count) {
  await expect(this.page.getByRole('status', { name: 'Count' })).toHaveText(String(count));
});

// Time: the page's clock is Playwright's fake one, so timers run without real waits.

Given('the page clock is installed', async function () {
  await this.page.clock.install();
});

When('{int} second(s) pass(es)', async function (seconds) {
  await this.page.clock.runFor(seconds * 1000);
});

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

Then('the page is the one opened for the first shared scenario, not loaded again', async function () {
  expect(await this.page.evaluate(() => window.sharedMark)).toBe(this.sharedMark);
});
