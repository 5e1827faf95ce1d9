// The benchmark flow's steps, written only against Playwright's API (require('playwright') in
// support/world.js, @playwright/test's expect here): log in through the server's form, check the
// account page, then drive the jQuery shopping list.
const { Given, When, Then } = require('@cucumber/cucumber');
const { expect } = require('@playwright/test');

Given('I am on {string}', async function (address) {
  await this.page.goto(address);
});

When('I open {string}', async function (address) {
  await this.page.goto(address);
});

When('I log in as {string} with password {string}', async function (username, password) {
  await this.page.getByLabel('Username').fill(username);
  await this.page.getByLabel('Password').fill(password);
  await this.page.getByRole('button', { name: 'Log in' }).click();
});

Then('I see {string}', async function (text) {
  await expect(this.page.getByText(text)).toBeVisible();
});

Then('the address is {string}', async function (address) {
  await expect(this.page).toHaveURL(address);
});

When('I add {string} to the list', async function (name) {
  await this.page.getByLabel('New item').fill(name);
  await this.page.getByRole('button', { name: 'Add' }).click();
});

Then('the count says {string}', async function (text) {
  await expect(this.page.locator('#count')).toHaveText(text);
});
