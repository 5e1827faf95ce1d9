const { Given, When, Then } = require('@cucumber/cucumber');
const assert = require('assert');
Given('there are {int} cucumbers', function (n) { this.count = n; });
When('I eat {int} cucumbers', function (n) { this.count -= n; });
Then('I should have {int} cucumbers', function (n) { assert.strictEqual(this.count, n); });
