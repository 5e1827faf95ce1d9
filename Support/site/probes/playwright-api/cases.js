// Playwright API cases: one row of Playwright's API surface each (a member and one notable option
// or edge), run once under real Playwright + Chromium (Support/scripts/record-playwright-reference,
// which writes Support/site/expected/playwright-api.json) and once under Caper
// (Features/playwright-api.feature, Support/steps/playwright_api_steps.js).
//
// Each case is { name, path, run }: the runner makes a new context { baseURL } and page, opens
// `path` with page.goto, then calls run({ page, context, browser, expect, baseURL }). The outcome is
// what run returns (JSON-able) or what it throws (class name and message), normalized by
// outcome.js. Failing waits use short timeouts (1 s) so that a case ends quickly; no case
// depends on a wall-clock duration.
'use strict';

const C = '/probes/playwright-api/controls.html';
const T = { timeout: 1000 };
const cases = [];

function add(name, path, run) {
  cases.push({ name, path, run });
}

// Runs fn and reports whether it threw, with the message's first line (for rows whose subject is
// "does this throw", not the whole message).
async function threw(fn) {
  try {
    await fn();
    return 'passed';
  } catch (error) {
    return error.name + ': ' + String(error.message).split('\n')[0];
  }
}

const log = (page) => page.locator('#log').textContent();

// ---- Page: navigation and reads ------------------------------------------------------------

add('page.goto response status', C, async ({ page }) => {
  const response = await page.goto('/app/index.html');
  return { status: response.status(), ok: response.ok(), url: response.url() };
});
add('page.goto 404 response status', C, async ({ page }) => {
  const response = await page.goto('/status/404');
  return { status: response.status(), ok: response.ok() };
});
add('page.goto redirect final url', C, async ({ page }) => {
  const response = await page.goto('/redirect?to=/app/index.html');
  return { response: response.url(), page: page.url(), status: response.status() };
});
add('page.goto relative to baseURL', C, async ({ page }) => {
  await page.goto('app/login.html');
  return page.url();
});
add('page.goto waitUntil domcontentloaded', C, async ({ page }) => {
  const response = await page.goto('/app/search.html', { waitUntil: 'domcontentloaded' });
  return [response.status(), await page.title()];
});
add('page.goto hash only same document', '/app/routes.html', async ({ page }) => {
  const response = await page.goto('/app/routes.html#/about');
  return { response, url: page.url(), title: await page.title() };
});
add('page.goto connection refused', C, async ({ page }) => {
  await page.goto('http://127.0.0.1:65009/');
});
add('page.goto unsafe port', C, async ({ page }) => {
  await page.goto('http://127.0.0.1:9/');
});
add('page.goto invalid url', C, async ({ page }) => {
  await page.goto('http://');
});
add('page.url', '/app/login.html?next=/app/list.html', async ({ page }) => page.url());
add('page.title', '/app/index.html', async ({ page }) => page.title());
add('page.title after script change', '/app/routes.html#/items/3', async ({ page }) => page.title());
add('page.content', '/app/popup.html?from=case', async ({ page }) => page.content());
add('page.setContent then content', C, async ({ page }) => {
  await page.setContent('<title>Set</title><p>Hello <b>there</b></p>');
  return { content: await page.content(), title: await page.title(), url: page.url() };
});
add('page.setContent runs scripts', C, async ({ page }) => {
  await page.setContent('<p id="x"></p><script>document.getElementById("x").textContent = "ran"</script>');
  return page.locator('#x').textContent();
});
add('page.reload response and state', C, async ({ page }) => {
  await page.locator('#name').fill('changed');
  const response = await page.reload();
  return { status: response.status(), url: page.url(), value: await page.locator('#name').inputValue() };
});
add('page.goBack and goForward', '/app/index.html', async ({ page }) => {
  await page.goto('/app/login.html');
  const back = await page.goBack();
  const atBack = page.url();
  const forward = await page.goForward();
  return { back: back && back.status(), atBack, forward: forward && forward.status(), atForward: page.url() };
});
add('page.goBack with no history', C, async ({ page }) => {
  const response = await page.goBack();
  return { response, url: page.url() };
});
add('page.goForward with no history', C, async ({ page }) => page.goForward());
add('page.waitForLoadState load', C, async ({ page }) => page.waitForLoadState('load'));
add('page.waitForLoadState domcontentloaded', C, async ({ page }) => page.waitForLoadState('domcontentloaded'));
add('page.waitForLoadState networkidle', C, async ({ page }) => page.waitForLoadState('networkidle'));
add('page.waitForLoadState invalid state', C, async ({ page }) => page.waitForLoadState('ready'));
add('page.waitForURL after link click', '/app/index.html', async ({ page }) => {
  await page.getByRole('link', { name: 'Search' }).click();
  await page.waitForURL('**/search.html');
  return page.url();
});
add('page.waitForURL regexp already there', C, async ({ page }) => {
  await page.waitForURL(/controls/);
  return 'ok';
});
add('page.waitForURL timeout', C, async ({ page }) => page.waitForURL('**/never.html', T));
add('page.waitForTimeout virtual', C, async ({ page }) => {
  const before = await page.evaluate(() => performance.now());
  const result = await page.waitForTimeout(200);
  const after = await page.evaluate(() => performance.now());
  return { result, waited: after - before >= 200 };
});
add('page.waitForFunction value', C, async ({ page }) => {
  await page.evaluate(() => setTimeout(() => { window.ready = 42; }, 100));
  const handle = await page.waitForFunction(() => window.ready);
  return handle.jsonValue();
});
add('page.waitForFunction with arg', C, async ({ page }) => {
  const handle = await page.waitForFunction((n) => n * 2, 21);
  return handle.jsonValue();
});
add('page.waitForFunction timeout', C, async ({ page }) => page.waitForFunction(() => window.never, undefined, T));
add('page.waitForSelector appears', C, async ({ page }) => {
  await page.evaluate(() => window.addLater(100));
  const handle = await page.waitForSelector('#late');
  return handle.textContent();
});
add('page.waitForSelector state hidden', C, async ({ page }) => page.waitForSelector('#hidden-button', { state: 'hidden' }));
add('page.waitForSelector state attached', C, async ({ page }) => {
  const handle = await page.waitForSelector('#hidden-button', { state: 'attached' });
  return handle.getAttribute('id');
});
add('page.waitForSelector timeout', C, async ({ page }) => page.waitForSelector('#nothing', T));
add('page.waitForSelector hidden element timeout', C, async ({ page }) => page.waitForSelector('#hidden-button', T));
add('page.evaluate with argument', C, async ({ page }) => page.evaluate(({ a, b }) => ({ sum: a + b, list: [a, b] }), { a: 1, b: 2 }));
add('page.evaluate promise', C, async ({ page }) => page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve('later'), 50))));
add('page.evaluate string expression', C, async ({ page }) => page.evaluate('document.title + "!"'));
add('page.evaluate special values', C, async ({ page }) => {
  const values = await page.evaluate(() => [undefined, null, NaN, Infinity, -0, new Date(0).toISOString(), [1, [2]]]);
  return values.map((value) => (Object.is(value, -0) ? '-0' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : value === undefined ? 'undefined' : value));
});
// The first line only: Chromium appends the page's stack, with line numbers inside Playwright's own
// injected UtilityScript, which say nothing about the API.
add('page.evaluate throws', C, async ({ page }) => {
  try {
    await page.evaluate(() => { throw new Error('boom'); });
    return 'passed';
  } catch (error) {
    return [error.name, String(error.message).split('\n')[0]];
  }
});
add('page.evaluate throws non-error', C, async ({ page }) => page.evaluate(() => { throw 'plain'; }));
add('page.evaluate element argument', C, async ({ page }) => {
  const handle = await page.$('#go');
  return page.evaluate((element) => element.textContent, handle);
});
add('page.$eval', C, async ({ page }) => page.$eval('#sub', (element, suffix) => element.id + suffix, '!'));
add('page.$eval no element', C, async ({ page }) => page.$eval('#nothing', (element) => element.id));
add('page.$$eval', C, async ({ page }) => page.$$eval('li.fruit', (items) => items.map((item) => item.firstChild.textContent.trim())));
add('page.$$eval no elements', C, async ({ page }) => page.$$eval('.nothing', (items) => items.length));
add('page.$ and $$', C, async ({ page }) => ({ one: (await page.$('#nothing')) === null, many: (await page.$$('button')).length }));
add("page.on('console')", C, async ({ page }) => {
  const messages = [];
  page.on('console', (message) => messages.push([message.type(), message.text(), message.args().length]));
  await page.evaluate(() => { console.log('hello', 42); console.warn('careful'); console.error('bad'); console.info({ a: 1 }); });
  return messages;
});
add("page.on('pageerror')", C, async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push([error.name, error.message]));
  await page.evaluate(() => setTimeout(() => { throw new TypeError('late failure'); }, 0));
  await page.waitForTimeout(100);
  return errors;
});
add("page.on('dialog') confirm accept", '/app/dialogs.html', async ({ page }) => {
  const seen = [];
  page.on('dialog', async (dialog) => { seen.push([dialog.type(), dialog.message(), dialog.defaultValue()]); await dialog.accept(); });
  await page.getByRole('button', { name: 'Delete' }).click();
  return { seen, message: await page.locator('#message').textContent(), items: await page.locator('li').count() };
});
add("page.on('dialog') prompt accept with text", '/app/dialogs.html', async ({ page }) => {
  const seen = [];
  page.on('dialog', async (dialog) => { seen.push([dialog.type(), dialog.message(), dialog.defaultValue()]); await dialog.accept('Bob'); });
  await page.getByRole('button', { name: 'Greet me' }).click();
  return { seen, message: await page.locator('#message').textContent() };
});
add("page.on('dialog') dismiss", '/app/dialogs.html', async ({ page }) => {
  page.on('dialog', (dialog) => dialog.dismiss());
  await page.getByRole('button', { name: 'Greet me' }).click();
  return page.locator('#message').textContent();
});
add('dialogs dismissed without listener', '/app/dialogs.html', async ({ page }) => {
  await page.getByRole('button', { name: 'Delete' }).click();
  return page.locator('#message').textContent();
});
add("page.on('dialog') alert", C, async ({ page }) => {
  const seen = [];
  page.on('dialog', async (dialog) => { seen.push([dialog.type(), dialog.message()]); await dialog.accept(); });
  await page.evaluate(() => alert('Careful!'));
  return seen;
});
add("page.on('popup') target blank link", '/app/popups.html', async ({ page }) => {
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Open popup in a new tab' }).click()]);
  await popup.waitForLoadState();
  return { url: popup.url(), title: await popup.title(), text: await popup.locator('#origin').textContent(), opener: (await popup.opener()) === page };
});
add("page.on('popup') window.open", '/app/popups.html', async ({ page }) => {
  const popups = [];
  page.on('popup', (popup) => popups.push(popup));
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Open popup window' }).click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  return { count: popups.length, text: await popup.locator('#origin').textContent() };
});
add('page.keyboard.type', C, async ({ page }) => {
  await page.locator('#empty').focus();
  await page.keyboard.type('Hi!');
  return page.locator('#empty').inputValue();
});
add('page.keyboard.press Tab moves focus', C, async ({ page }) => {
  await page.locator('#name').focus();
  await page.keyboard.press('Tab');
  return page.evaluate(() => document.activeElement.id);
});
add('page.keyboard.press Shift+A', C, async ({ page }) => {
  await page.locator('#empty').focus();
  await page.keyboard.press('Shift+KeyA');
  await page.keyboard.press('b');
  return page.locator('#empty').inputValue();
});
add('page.keyboard.down and up', C, async ({ page }) => {
  await page.locator('#empty').focus();
  await page.keyboard.down('Shift');
  await page.keyboard.press('x');
  await page.keyboard.up('Shift');
  await page.keyboard.press('y');
  return page.locator('#empty').inputValue();
});
add('page.keyboard.insertText', C, async ({ page }) => {
  await page.locator('#name').focus();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' Lee');
  return [await page.locator('#name').inputValue(), await log(page)];
});
add('page.keyboard.press Backspace', C, async ({ page }) => {
  await page.locator('#name').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  return page.locator('#name').inputValue();
});
add('page.keyboard.press unknown key', C, async ({ page }) => page.keyboard.press('NotAKey'));
add('page.keyboard.press Enter submits form', '/app/search.html', async ({ page }) => {
  await page.getByLabel('Search').fill('an');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/app/search?**');
  return page.url();
});
add('page.setDefaultTimeout applies to actions', C, async ({ page }) => {
  page.setDefaultTimeout(250);
  await page.locator('#nothing').click();
});
add('page.setDefaultTimeout applies to waitForSelector', C, async ({ page }) => {
  page.setDefaultTimeout(250);
  await page.waitForSelector('#nothing');
});
add('page.isClosed', C, async ({ page }) => {
  const before = page.isClosed();
  await page.close();
  return [before, page.isClosed()];
});
add('page action after close', C, async ({ page }) => {
  await page.close();
  await page.title();
});
add('page.click and page.fill', C, async ({ page }) => {
  await page.fill('#empty', 'typed');
  await page.click('#go');
  return [await page.inputValue('#empty'), await log(page)];
});
add('page.textContent and innerText', C, async ({ page }) => [await page.textContent('#spaced'), await page.innerText('#spaced')]);
add('page.getAttribute missing', C, async ({ page }) => page.getAttribute('#go', 'data-none'));
add('page.mainFrame url and frames', '/app/frame.html', async ({ page }) => ({
  main: page.mainFrame().url(),
  frames: page.frames().length,
  child: await page.frameLocator('#child').getByRole('heading').textContent(),
}));
add('frameLocator click', '/app/frame.html', async ({ page }) => {
  const frame = page.frameLocator('iframe[title="Child page"]');
  await frame.getByRole('button', { name: 'Press me' }).click();
  return frame.locator('#state').textContent();
});
add('page.viewportSize', C, async ({ page }) => page.viewportSize());

// ---- Locator: finding -------------------------------------------------------------------------

add('locator chain count', C, async ({ page }) => page.locator('#fruits').locator('li').count());
add('locator >> chain', C, async ({ page }) => page.locator('#fruits >> li >> nth=1').textContent());
add('locator text= selector', C, async ({ page }) => page.locator('text=Banana').count());
add('locator hasText', C, async ({ page }) => page.locator('li', { hasText: 'Banana' }).innerText());
add('locator hasText regexp', C, async ({ page }) => page.locator('li', { hasText: /^ch/i }).count());
add('locator hasNotText', C, async ({ page }) => page.locator('li.fruit', { hasNotText: 'Apple' }).count());
add('locator has', C, async ({ page }) => page.locator('li', { has: page.locator('span') }).allInnerTexts());
add('locator hasNot', C, async ({ page }) => page.locator('li.fruit', { hasNot: page.getByRole('button') }).count());
add('locator.filter hasText', C, async ({ page }) => page.locator('li.fruit').filter({ hasText: 'Apple' }).count());
add('locator.filter visible', C, async ({ page }) => page.locator('button').filter({ visible: true }).count());
add('locator.first last nth', C, async ({ page }) => {
  const items = page.locator('li.fruit');
  return [await items.first().innerText(), await items.last().innerText(), await items.nth(1).innerText(), await items.nth(-1).innerText()];
});
add('locator.nth out of range', C, async ({ page }) => page.locator('li.fruit').nth(7).textContent(T));
add('locator.and', C, async ({ page }) => page.getByRole('button').and(page.locator('#go')).count());
add('locator.or', C, async ({ page }) => page.locator('#go').or(page.locator('#off')).count());
add('locator.all', C, async ({ page }) => {
  const all = await page.locator('li.fruit').all();
  return Promise.all(all.map((item) => item.getAttribute('class')));
});
add('locator.count zero', C, async ({ page }) => page.locator('.nothing').count());
add('locator toString', C, async ({ page }) => String(page.getByRole('button', { name: 'Go' }).locator('span').first()));
add('locator.describe toString', C, async ({ page }) => String(page.locator('#go').describe('the go button')));
add('locator in shadow dom', '/app/shadow.html', async ({ page }) => {
  await page.getByRole('button', { name: 'Increment' }).click();
  return page.getByLabel('Count').textContent();
});
add('locator css pierces shadow', '/app/shadow.html', async ({ page }) => page.locator('click-counter h2').textContent());
add('locator xpath', C, async ({ page }) => page.locator('xpath=//li[2]').innerText());
add('locator :has-text pseudo', C, async ({ page }) => page.locator('li:has-text("Cherry")').count());
add('locator :visible pseudo', C, async ({ page }) => page.locator('button:visible').count());
add('locator invalid selector', C, async ({ page }) => page.locator('##bad').count());

add('getByRole button', C, async ({ page }) => page.getByRole('button').count());
add('getByRole name substring', C, async ({ page }) => page.getByRole('button', { name: 'o' }).allInnerTexts());
add('getByRole name exact', C, async ({ page }) => page.getByRole('button', { name: 'go', exact: true }).count());
add('getByRole name regexp', C, async ({ page }) => page.getByRole('button', { name: /^(go|off)$/i }).count());
add('getByRole checked', C, async ({ page }) => page.getByRole('checkbox', { checked: true }).count());
add('getByRole radio checked false', C, async ({ page }) => page.getByRole('radio', { checked: false }).getAttribute('id'));
add('getByRole disabled', C, async ({ page }) => page.getByRole('button', { disabled: true }).innerText());
add('getByRole pressed', C, async ({ page }) => page.getByRole('button', { pressed: true }).innerText());
add('getByRole group of details', C, async ({ page }) => page.getByRole('group').count());
add('getByRole level', C, async ({ page }) => page.getByRole('heading', { level: 2 }).innerText());
add('getByRole includeHidden', C, async ({ page }) => [
  await page.getByRole('button', { name: 'Hidden' }).count(),
  await page.getByRole('button', { name: 'Hidden', includeHidden: true }).count(),
]);
add('getByRole selected', C, async ({ page }) => page.getByRole('option', { selected: true }).allTextContents());
add('getByRole listitem', C, async ({ page }) => page.getByRole('list', { name: 'Fruits' }).getByRole('listitem').count());
add('getByRole textbox names', C, async ({ page }) => page.getByRole('textbox').evaluateAll((elements) => elements.map((e) => e.id)));
add('getByRole img', C, async ({ page }) => page.getByRole('img').getAttribute('alt'));
add('getByRole link name', C, async ({ page }) => page.getByRole('link', { name: 'Home' }).getAttribute('href'));
add('getByRole combobox and listbox', C, async ({ page }) => [await page.getByRole('combobox').count(), await page.getByRole('listbox').count()]);
add('getByText substring', C, async ({ page }) => page.getByText('spaces here').count());
add('getByText exact', C, async ({ page }) => [await page.getByText('Apple', { exact: true }).count(), await page.getByText('Apple Buy', { exact: true }).count()]);
add('getByText regexp', C, async ({ page }) => page.getByText(/^second\s+level/i).getAttribute('id'));
add('getByText normalizes whitespace', C, async ({ page }) => page.getByText('Many spaces here', { exact: true }).count());
add('getByLabel', C, async ({ page }) => page.getByLabel('Name').inputValue());
add('getByLabel wrapping label', C, async ({ page }) => page.getByLabel('I agree').getAttribute('id'));
add('getByLabel aria-label', C, async ({ page }) => page.getByLabel('Read only').inputValue());
add('getByLabel exact', C, async ({ page }) => [await page.getByLabel('Name').count(), await page.getByLabel('name', { exact: true }).count()]);
add('getByPlaceholder', C, async ({ page }) => page.getByPlaceholder('Notes').getAttribute('id'));
add('getByTestId', C, async ({ page }) => page.getByTestId('name-input').inputValue());
add('getByAltText', C, async ({ page }) => page.getByAltText('logo').getAttribute('width'));
add('getByTitle', C, async ({ page }) => page.getByTitle('Tooltip').textContent());

// ---- Locator: actions -------------------------------------------------------------------------

add('locator.click', C, async ({ page }) => { await page.locator('#go').click(); return log(page); });
add('locator.click strict violation', C, async ({ page }) => page.getByRole('button', { name: 'Buy' }).click());
add('locator.click no element timeout', C, async ({ page }) => page.locator('#nothing').click(T));
add('locator.click disabled timeout', C, async ({ page }) => page.locator('#off').click(T));
add('locator.click hidden timeout', C, async ({ page }) => page.locator('#hidden-button').click(T));
add('locator.click force on disabled', C, async ({ page }) => { await page.locator('#off').click({ force: true, timeout: 1000 }); return log(page); });
add('locator.click trial', C, async ({ page }) => { await page.locator('#go').click({ trial: true }); return log(page); });
add('locator.click clickCount', C, async ({ page }) => { await page.locator('#twice').click({ clickCount: 2 }); return log(page); });
add('locator.click link navigates', '/app/index.html', async ({ page }) => {
  await page.getByRole('link', { name: 'Log in' }).click();
  return [page.url(), await page.title()];
});
add('locator.click submit posts form', '/app/login.html', async ({ page }) => {
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('secret');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/app/account');
  return [page.url(), await page.getByRole('heading').textContent()];
});
add('locator.dblclick', C, async ({ page }) => { await page.locator('#twice').dblclick(); return log(page); });
add('locator.hover', C, async ({ page }) => { await page.locator('#hover-target').hover(); return log(page); });
add('locator.fill', C, async ({ page }) => { await page.locator('#name').fill('Zoe'); return [await page.locator('#name').inputValue(), await log(page)]; });
add('locator.fill textarea', C, async ({ page }) => { await page.locator('#notes').fill('a\nb'); return page.locator('#notes').inputValue(); });
add('locator.fill contenteditable', C, async ({ page }) => { await page.locator('#editable').fill('Edited'); return page.locator('#editable').textContent(); });
add('locator.fill not an input', C, async ({ page }) => page.locator('#sub').fill('x'));
add('locator.fill readonly', C, async ({ page }) => page.locator('#readonly').fill('x', T));
add('locator.fill checkbox', C, async ({ page }) => page.locator('#agree').fill('x'));
add('locator.clear', C, async ({ page }) => { await page.locator('#name').clear(); return page.locator('#name').inputValue(); });
add('locator.pressSequentially', C, async ({ page }) => { await page.locator('#empty').pressSequentially('abc'); return page.locator('#empty').inputValue(); });
add('locator.type', C, async ({ page }) => { await page.locator('#empty').type('xyz'); return page.locator('#empty').inputValue(); });
add('locator.press', C, async ({ page }) => { await page.locator('#name').press('End'); await page.locator('#name').press('!'); return page.locator('#name').inputValue(); });
add('locator.press Control+a Delete', C, async ({ page }) => { await page.locator('#name').press('Control+a'); await page.locator('#name').press('Delete'); return page.locator('#name').inputValue(); });
add('locator.check', C, async ({ page }) => { await page.locator('#agree').check(); return [await page.locator('#agree').isChecked(), await log(page)]; });
add('locator.check already checked', C, async ({ page }) => { await page.locator('#news').check(); return page.locator('#news').isChecked(); });
add('locator.check radio', C, async ({ page }) => { await page.getByLabel('Small').check(); return [await page.locator('#small').isChecked(), await page.locator('#large').isChecked()]; });
add('locator.check not a checkbox', C, async ({ page }) => page.locator('#go').check());
add('locator.uncheck', C, async ({ page }) => { await page.locator('#news').uncheck(); return page.locator('#news').isChecked(); });
add('locator.uncheck radio', C, async ({ page }) => page.locator('#large').uncheck());
add('locator.setChecked', C, async ({ page }) => { await page.locator('#agree').setChecked(true); await page.locator('#news').setChecked(false); return [await page.locator('#agree').isChecked(), await page.locator('#news').isChecked()]; });
add('locator.selectOption value', C, async ({ page }) => [await page.locator('#colour').selectOption('b'), await log(page)]);
add('locator.selectOption label', C, async ({ page }) => page.locator('#colour').selectOption({ label: 'Red' }));
add('locator.selectOption text matches label', C, async ({ page }) => page.locator('#colour').selectOption('Blue'));
add('locator.selectOption multiple', C, async ({ page }) => page.locator('#many').selectOption(['1', '3']));
add('locator.selectOption several on single', C, async ({ page }) => page.locator('#colour').selectOption(['r', 'b']));
add('locator.selectOption missing option timeout', C, async ({ page }) => page.locator('#colour').selectOption('purple', T));
add('locator.selectOption not a select', C, async ({ page }) => page.locator('#name').selectOption('x'));
add('locator.setInputFiles', '/app/upload.html', async ({ page }) => {
  await page.getByLabel('File').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  return page.getByLabel('File').evaluate((input) => [input.files.length, input.files[0].name, input.files[0].size, input.files[0].type, input.value]);
});
add('locator.setInputFiles empty clears', '/app/upload.html', async ({ page }) => {
  await page.getByLabel('File').setInputFiles({ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('a') });
  await page.getByLabel('File').setInputFiles([]);
  return page.getByLabel('File').evaluate((input) => input.files.length);
});
add('locator.setInputFiles not a file input', C, async ({ page }) => page.locator('#name').setInputFiles({ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('a') }));
add('locator.focus and blur', C, async ({ page }) => { await page.locator('#name').focus(); await page.locator('#name').blur(); return log(page); });
add('locator.dispatchEvent click', C, async ({ page }) => { await page.locator('#go').dispatchEvent('click'); return log(page); });
add('locator.dispatchEvent custom detail', C, async ({ page }) => { await page.locator('#go').dispatchEvent('custom', { detail: { x: 7 } }); return log(page); });
add('locator.scrollIntoViewIfNeeded', C, async ({ page }) => page.locator('#box').scrollIntoViewIfNeeded());
add('locator.selectText', C, async ({ page }) => { await page.locator('#name').selectText(); return page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart, document.activeElement.selectionEnd]); });
add('locator.tap without hasTouch', C, async ({ page }) => page.locator('#go').tap());
add('locator.evaluate', C, async ({ page }) => page.locator('#go').evaluate((element, arg) => element.className + arg, '?'));
add('locator.evaluateAll', C, async ({ page }) => page.locator('li.fruit').evaluateAll((items, n) => items.length * n, 10));
add('locator.evaluate no element timeout', C, async ({ page }) => page.locator('#nothing').evaluate((e) => e.id, undefined, T));
add('locator.highlight', C, async ({ page }) => page.locator('#go').highlight());

// ---- Locator: reads -----------------------------------------------------------------------------

add('locator.textContent', C, async ({ page }) => page.locator('#spaced').textContent());
add('locator.innerText', C, async ({ page }) => page.locator('#fruits').innerText());
add('locator.innerText hidden details', C, async ({ page }) => page.locator('#inside-details').innerText());
add('locator.innerHTML', C, async ({ page }) => page.locator('#fruits li').last().innerHTML());
add('locator.inputValue', C, async ({ page }) => page.locator('#name').inputValue());
add('locator.inputValue select', C, async ({ page }) => page.locator('#colour').inputValue());
add('locator.inputValue not input', C, async ({ page }) => page.locator('#sub').inputValue());
add('locator.getAttribute', C, async ({ page }) => [await page.locator('#go').getAttribute('class'), await page.locator('#go').getAttribute('nope')]);
add('locator.isVisible', C, async ({ page }) => [await page.locator('#go').isVisible(), await page.locator('#hidden-button').isVisible(), await page.locator('#nothing').isVisible(), await page.locator('#inside-details').isVisible()]);
add('locator.isHidden', C, async ({ page }) => [await page.locator('#go').isHidden(), await page.locator('#hidden-button').isHidden(), await page.locator('#nothing').isHidden()]);
add('locator.isEnabled and isDisabled', C, async ({ page }) => [await page.locator('#go').isEnabled(), await page.locator('#off').isDisabled(), await page.locator('#off').isEnabled()]);
add('locator.isChecked', C, async ({ page }) => [await page.locator('#agree').isChecked(), await page.locator('#news').isChecked(), await page.locator('#large').isChecked()]);
add('locator.isChecked not checkable', C, async ({ page }) => page.locator('#go').isChecked());
add('locator.isEditable', C, async ({ page }) => [await page.locator('#name').isEditable(), await page.locator('#readonly').isEditable(), await page.locator('#editable').isEditable()]);
add('locator.isVisible strict violation', C, async ({ page }) => page.locator('li').isVisible());
add('locator.textContent strict violation', C, async ({ page }) => page.locator('li.fruit').textContent());
add('locator.textContent no element timeout', C, async ({ page }) => page.locator('#nothing').textContent(T));
add('locator.allTextContents', C, async ({ page }) => page.locator('li.fruit').allTextContents());
add('locator.allInnerTexts', C, async ({ page }) => page.locator('li.fruit').allInnerTexts());
add('locator.boundingBox hidden', C, async ({ page }) => page.locator('#hidden-button').boundingBox());
add('locator.boundingBox has size', C, async ({ page }) => { const box = await page.locator('#hover-target').boundingBox(); return box && [box.width, box.height]; });
add('locator.ariaSnapshot list', C, async ({ page }) => page.locator('#fruits').ariaSnapshot());
add('locator.ariaSnapshot form controls', C, async ({ page }) => page.locator('p').nth(2).ariaSnapshot());
add('locator.waitFor visible', C, async ({ page }) => { await page.evaluate(() => window.addLater(100)); await page.locator('#late').waitFor(); return page.locator('#late').textContent(); });
add('locator.waitFor detached', C, async ({ page }) => page.locator('#nothing').waitFor({ state: 'detached' }));
add('locator.waitFor hidden of missing', C, async ({ page }) => page.locator('#nothing').waitFor({ state: 'hidden' }));
add('locator.waitFor attached timeout', C, async ({ page }) => page.locator('#nothing').waitFor({ state: 'attached', timeout: 1000 }));
add('locator.waitFor visible timeout', C, async ({ page }) => page.locator('#hidden-button').waitFor(T));
add('locator.waitFor strict violation', C, async ({ page }) => page.locator('li.fruit').waitFor());

// ---- expect: web-first matchers, passing and failing -------------------------------------------

const pass = (name, run) => add('expect ' + name, C, async (world) => { await run(world); return 'passed'; });
const fail = (name, run) => add('expect ' + name + ' fails', C, run);

pass('toBeAttached', ({ page, expect }) => expect(page.locator('#hidden-button')).toBeAttached());
fail('toBeAttached', ({ page, expect }) => expect(page.locator('#nothing')).toBeAttached(T));
pass('toBeChecked', ({ page, expect }) => expect(page.locator('#news')).toBeChecked());
fail('toBeChecked', ({ page, expect }) => expect(page.locator('#agree')).toBeChecked(T));
pass('toBeChecked checked false', ({ page, expect }) => expect(page.locator('#agree')).toBeChecked({ checked: false }));
pass('toBeDisabled', ({ page, expect }) => expect(page.locator('#off')).toBeDisabled());
fail('toBeDisabled', ({ page, expect }) => expect(page.locator('#go')).toBeDisabled(T));
pass('toBeEditable', ({ page, expect }) => expect(page.locator('#name')).toBeEditable());
fail('toBeEditable', ({ page, expect }) => expect(page.locator('#readonly')).toBeEditable(T));
pass('toBeEmpty', ({ page, expect }) => expect(page.locator('#empty')).toBeEmpty());
fail('toBeEmpty', ({ page, expect }) => expect(page.locator('#name')).toBeEmpty(T));
pass('toBeEnabled', ({ page, expect }) => expect(page.locator('#go')).toBeEnabled());
fail('toBeEnabled', ({ page, expect }) => expect(page.locator('#off')).toBeEnabled(T));
pass('toBeFocused', async ({ page, expect }) => { await page.locator('#name').focus(); await expect(page.locator('#name')).toBeFocused(); });
fail('toBeFocused', ({ page, expect }) => expect(page.locator('#name')).toBeFocused(T));
pass('toBeHidden', ({ page, expect }) => expect(page.locator('#hidden-button')).toBeHidden());
pass('toBeHidden of missing', ({ page, expect }) => expect(page.locator('#nothing')).toBeHidden());
fail('toBeHidden', ({ page, expect }) => expect(page.locator('#go')).toBeHidden(T));
pass('toBeVisible', ({ page, expect }) => expect(page.locator('#go')).toBeVisible());
fail('toBeVisible', ({ page, expect }) => expect(page.locator('#hidden-button')).toBeVisible(T));
fail('toBeVisible missing element', ({ page, expect }) => expect(page.locator('#nothing')).toBeVisible(T));
fail('toBeVisible strict violation', ({ page, expect }) => expect(page.locator('li.fruit')).toBeVisible(T));
pass('toBeVisible after delay', async ({ page, expect }) => { await page.evaluate(() => window.addLater(200)); await expect(page.locator('#late')).toBeVisible(); });
pass('toContainText', ({ page, expect }) => expect(page.locator('#fruits')).toContainText('Banana'));
pass('toContainText array', ({ page, expect }) => expect(page.locator('li.fruit')).toContainText(['Apple', 'Cherry']));
fail('toContainText', ({ page, expect }) => expect(page.locator('#sub')).toContainText('Third', T));
fail('toContainText array', ({ page, expect }) => expect(page.locator('li.fruit')).toContainText(['Cherry', 'Apple'], T));
pass('toHaveAccessibleName', ({ page, expect }) => expect(page.locator('#readonly')).toHaveAccessibleName('Read only'));
fail('toHaveAccessibleName', ({ page, expect }) => expect(page.locator('#go')).toHaveAccessibleName('Stop', T));
pass('toHaveAccessibleDescription', ({ page, expect }) => expect(page.locator('#described')).toHaveAccessibleDescription('Opens the help'));
fail('toHaveAccessibleDescription', ({ page, expect }) => expect(page.locator('#go')).toHaveAccessibleDescription('Nothing', T));
pass('toHaveAccessibleErrorMessage', ({ page, expect }) => expect(page.locator('#invalid')).toHaveAccessibleErrorMessage('Age must be a number'));
fail('toHaveAccessibleErrorMessage', ({ page, expect }) => expect(page.locator('#invalid')).toHaveAccessibleErrorMessage('Other', T));
pass('toHaveAttribute', ({ page, expect }) => expect(page.locator('#name')).toHaveAttribute('placeholder', 'Your name'));
pass('toHaveAttribute present', ({ page, expect }) => expect(page.locator('#off')).toHaveAttribute('disabled'));
fail('toHaveAttribute', ({ page, expect }) => expect(page.locator('#name')).toHaveAttribute('placeholder', /email/, T));
fail('toHaveAttribute missing', ({ page, expect }) => expect(page.locator('#go')).toHaveAttribute('title', T));
pass('toHaveClass', ({ page, expect }) => expect(page.locator('#go')).toHaveClass('primary big'));
pass('toHaveClass regexp', ({ page, expect }) => expect(page.locator('#go')).toHaveClass(/big/));
fail('toHaveClass', ({ page, expect }) => expect(page.locator('#go')).toHaveClass('primary', T));
pass('toContainClass', ({ page, expect }) => expect(page.locator('#go')).toContainClass('big'));
fail('toContainClass', ({ page, expect }) => expect(page.locator('#go')).toContainClass('small', T));
pass('toHaveCount', ({ page, expect }) => expect(page.locator('li.fruit')).toHaveCount(3));
fail('toHaveCount', ({ page, expect }) => expect(page.locator('li.fruit')).toHaveCount(2, T));
pass('toHaveCSS', ({ page, expect }) => expect(page.locator('#box')).toHaveCSS('color', 'rgb(255, 0, 0)'));
fail('toHaveCSS', ({ page, expect }) => expect(page.locator('#box')).toHaveCSS('display', 'inline', T));
pass('toHaveId', ({ page, expect }) => expect(page.getByRole('button', { name: 'Go' })).toHaveId('go'));
fail('toHaveId', ({ page, expect }) => expect(page.locator('#go')).toHaveId('stop', T));
pass('toHaveJSProperty', ({ page, expect }) => expect(page.locator('#news')).toHaveJSProperty('checked', true));
fail('toHaveJSProperty', ({ page, expect }) => expect(page.locator('#name')).toHaveJSProperty('value', 'Bob', T));
pass('toHaveRole', ({ page, expect }) => expect(page.locator('#agree')).toHaveRole('checkbox'));
fail('toHaveRole', ({ page, expect }) => expect(page.locator('#go')).toHaveRole('link', T));
pass('toHaveText', ({ page, expect }) => expect(page.locator('#spaced')).toHaveText('Many spaces here'));
pass('toHaveText regexp', ({ page, expect }) => expect(page.locator('#sub')).toHaveText(/level\s+heading/));
pass('toHaveText ignoreCase', ({ page, expect }) => expect(page.locator('#go')).toHaveText('GO', { ignoreCase: true }));
pass('toHaveText array', ({ page, expect }) => expect(page.locator('li.fruit')).toHaveText(['Apple Buy', 'Banana Buy', 'Cherry ripe']));
fail('toHaveText', ({ page, expect }) => expect(page.locator('#go')).toHaveText('Stop', T));
fail('toHaveText timeout message', ({ page, expect }) => expect(page.locator('#nothing')).toHaveText('Anything', T));
fail('toHaveText array', ({ page, expect }) => expect(page.locator('li.fruit')).toHaveText(['Apple'], T));
pass('toHaveText useInnerText', ({ page, expect }) => expect(page.locator('#fruits li').first()).toHaveText('Apple Buy', { useInnerText: true }));
pass('toHaveValue', ({ page, expect }) => expect(page.locator('#name')).toHaveValue('Ann'));
fail('toHaveValue', ({ page, expect }) => expect(page.locator('#name')).toHaveValue('Bob', T));
pass('toHaveValues', async ({ page, expect }) => { await page.locator('#many').selectOption(['1', '2']); await expect(page.locator('#many')).toHaveValues(['1', '2']); });
fail('toHaveValues', ({ page, expect }) => expect(page.locator('#many')).toHaveValues(['3'], T));
pass('toHaveTitle', ({ page, expect }) => expect(page).toHaveTitle('Controls'));
fail('toHaveTitle', ({ page, expect }) => expect(page).toHaveTitle(/Home/, T));
pass('toHaveURL', ({ page, expect }) => expect(page).toHaveURL(/controls\.html$/));
pass('toHaveURL relative to baseURL', ({ page, expect }) => expect(page).toHaveURL('/probes/playwright-api/controls.html'));
fail('toHaveURL', ({ page, expect }) => expect(page).toHaveURL('/elsewhere.html', T));
pass('toMatchAriaSnapshot', ({ page, expect }) => expect(page.locator('#fruits')).toMatchAriaSnapshot('- list "Fruits":\n  - listitem: Apple\n  - listitem: /Banana/'));
fail('toMatchAriaSnapshot', ({ page, expect }) => expect(page.locator('#fruits')).toMatchAriaSnapshot('- list "Vegetables"', T));
pass('not.toBeVisible', ({ page, expect }) => expect(page.locator('#hidden-button')).not.toBeVisible());
fail('not.toBeVisible', ({ page, expect }) => expect(page.locator('#go')).not.toBeVisible(T));
fail('not.toHaveText', ({ page, expect }) => expect(page.locator('#go')).not.toHaveText('Go', T));
fail('not.toHaveCount', ({ page, expect }) => expect(page.locator('li.fruit')).not.toHaveCount(3, T));
fail('custom message', ({ page, expect }) => expect(page.locator('#go'), 'the go button should say Stop').toHaveText('Stop', T));
add('expect.soft failure', C, async ({ page, expect }) => {
  const result = await threw(() => expect.soft(page.locator('#go')).toHaveText('Stop', T));
  return [result, await page.locator('#go').textContent()];
});
pass('poll', async ({ page, expect }) => {
  await page.evaluate(() => setTimeout(() => { window.counter = 3; }, 100));
  await expect.poll(() => page.evaluate(() => window.counter || 0)).toBe(3);
});
fail('poll', ({ page, expect }) => expect.poll(() => page.evaluate(() => 1), T).toBe(2));
pass('toPass', async ({ page, expect }) => {
  let attempts = 0;
  await expect(async () => { attempts += 1; expect(attempts).toBeGreaterThan(2); }).toPass();
});
fail('toPass', ({ expect }) => expect(() => { expect(1).toBe(2); }).toPass(T));
fail('configure timeout', ({ page, expect }) => expect.configure({ timeout: 250 })(page.locator('#go')).toHaveText('Stop'));
fail('locator matcher on non-locator', ({ expect }) => expect('text').toHaveText('text'));

// Generic (non-retrying) matchers.
add('expect generic matchers passing', C, async ({ expect }) => {
  expect(1 + 1).toBe(2);
  expect({ a: [1, { b: 2 }] }).toEqual({ a: [1, { b: 2 }] });
  expect([1, 2, 3]).toContain(2);
  expect('hello world').toMatch(/wor/);
  expect('x').toBeTruthy();
  expect(0).toBeFalsy();
  expect([1, 2]).toHaveLength(2);
  expect({ a: { b: 1 } }).toHaveProperty('a.b', 1);
  expect(() => { throw new Error('bad thing'); }).toThrow('bad');
  expect(0.1 + 0.2).toBeCloseTo(0.3);
  expect({ a: 1, b: 2 }).toMatchObject({ a: 1 });
  expect({ n: 5, s: 'x' }).toEqual({ n: expect.any(Number), s: expect.stringContaining('x') });
  expect(null).toBeNull();
  expect(undefined).toBeUndefined();
  expect(NaN).toBeNaN();
  expect(3).toBeGreaterThanOrEqual(3);
  expect([{ a: 1 }]).toContainEqual({ a: 1 });
  expect(new Set([1])).toEqual(new Set([1]));
  expect('a').not.toBe('b');
  await expect(Promise.resolve(4)).resolves.toBe(4);
  await expect(Promise.reject(new Error('no'))).rejects.toThrow('no');
  return 'passed';
});
const generic = (name, run) => add('expect generic ' + name + ' fails', C, async ({ expect }) => run(expect));
generic('toBe', (expect) => expect(1).toBe(2));
generic('toBe objects', (expect) => expect({ a: 1 }).toBe({ a: 1 }));
generic('toEqual', (expect) => expect({ a: [1, 2], b: 'x' }).toEqual({ a: [1, 3], b: 'x' }));
generic('toStrictEqual', (expect) => expect({ a: undefined }).toStrictEqual({}));
generic('toContain', (expect) => expect(['a', 'b']).toContain('c'));
generic('toMatch', (expect) => expect('hello').toMatch(/bye/));
generic('toBeTruthy', (expect) => expect('').toBeTruthy());
generic('toHaveLength', (expect) => expect([1]).toHaveLength(3));
generic('toHaveProperty', (expect) => expect({ a: 1 }).toHaveProperty('b'));
generic('toThrow', (expect) => expect(() => 1).toThrow());
generic('toBeGreaterThan', (expect) => expect(1).toBeGreaterThan(5));
generic('toBeCloseTo', (expect) => expect(0.3).toBeCloseTo(0.4));
generic('not.toBe', (expect) => expect(3).not.toBe(3));
generic('custom message', (expect) => expect(1, 'one is not two').toBe(2));
generic('resolves', (expect) => expect(Promise.resolve(1)).resolves.toBe(2));

// ---- context and browser -------------------------------------------------------------------------

add('context.cookies after login', '/app/login.html', async ({ page, context }) => {
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('secret');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/app/account');
  return (await context.cookies()).map((c) => ({ name: c.name, path: c.path, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite, expires: c.expires, session: c.value.length > 0 }));
});
add('context.addCookies then cookies', C, async ({ context, baseURL }) => {
  await context.addCookies([{ name: 'flavour', value: 'oat', url: baseURL }]);
  return context.cookies();
});
add('context.addCookies visible to page', C, async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'k', value: 'v', url: baseURL }]);
  await page.reload();
  return page.evaluate(() => document.cookie);
});
add('context.addCookies domain and path', C, async ({ context }) => {
  await context.addCookies([{ name: 'd', value: '1', domain: '127.0.0.1', path: '/app', sameSite: 'Strict' }]);
  return context.cookies();
});
add('context.addCookies invalid', C, async ({ context }) => context.addCookies([{ name: 'x', value: 'y' }]));
add('context.cookies url filter', C, async ({ context, baseURL }) => {
  await context.addCookies([{ name: 'a', value: '1', url: baseURL + 'app/' }, { name: 'b', value: '2', url: baseURL + 'other/' }]);
  return (await context.cookies(baseURL + 'app/x')).map((c) => c.name);
});
add('context.cookies from document.cookie', C, async ({ page, context }) => {
  await page.evaluate(() => { document.cookie = 'js=1; path=/'; });
  return (await context.cookies()).map((c) => [c.name, c.value, c.path, c.httpOnly]);
});
add('context.clearCookies', C, async ({ context, baseURL }) => {
  await context.addCookies([{ name: 'a', value: '1', url: baseURL }, { name: 'b', value: '2', url: baseURL }]);
  await context.clearCookies({ name: 'a' });
  const some = (await context.cookies()).map((c) => c.name);
  await context.clearCookies();
  return [some, (await context.cookies()).length];
});
add('context.storageState', C, async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'a', value: '1', url: baseURL }]);
  await page.evaluate(() => localStorage.setItem('theme', 'dark'));
  const state = await context.storageState();
  return { cookies: state.cookies.map((c) => [c.name, c.value, c.domain, c.path]), origins: state.origins };
});
add('context.pages', C, async ({ context }) => {
  const before = context.pages().length;
  const second = await context.newPage();
  const after = context.pages().length;
  await second.close();
  return [before, after, context.pages().length];
});
add("context.waitForEvent('page')", '/app/popups.html', async ({ page, context }) => {
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Open popup in a new tab' }).click()]);
  await popup.waitForLoadState();
  return [popup.url(), context.pages().length];
});
add("context.on('page')", '/app/popups.html', async ({ page, context }) => {
  const seen = [];
  context.on('page', (p) => seen.push(p));
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Open popup window' }).click();
  await (await popup).waitForLoadState();
  return seen.length;
});
add('context baseURL for newPage', C, async ({ context }) => {
  const other = await context.newPage();
  await other.goto('/app/index.html');
  return other.title();
});
add('browser.contexts and isConnected', C, async ({ browser, context }) => [browser.contexts().includes(context), browser.isConnected()]);
add('context.close closes pages', C, async ({ page, context }) => {
  const other = await context.newPage();
  await context.close();
  return [page.isClosed(), other.isClosed()];
});
add('page.context and browser', C, async ({ page, context, browser }) => [page.context() === context, context.browser() === browser]);

// ---- ariaSnapshot of every fixture page -------------------------------------------------------------

for (const file of ['index', 'login', 'search', 'list', 'routes', 'widget', 'dialogs', 'upload', 'frame', 'frame-child', 'popups', 'popup', 'shadow', 'toast', 'slow']) {
  add('ariaSnapshot body ' + file + '.html', '/app/' + file + '.html', async ({ page }) => page.locator('body').ariaSnapshot());
}
add('ariaSnapshot body controls.html', C, async ({ page }) => page.locator('body').ariaSnapshot());
add('ariaSnapshot body account', '/app/account', async ({ page }) => page.locator('body').ariaSnapshot());

module.exports = cases;
