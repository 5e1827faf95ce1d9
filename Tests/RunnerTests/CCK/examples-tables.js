const { Given, When, Then } = require('@cucumber/cucumber');
const assert = require('assert');
Given('there are {int} cucumbers', function (n) { this.count = n; });
Given('there are {int} friends', function (n) { this.friends = n; });
When('I eat {int} cucumbers', function (n) { this.count -= n; });
Then('I should have {int} cucumbers', function (n) { assert.strictEqual(this.count, n); });
Then('each person can eat {int} cucumbers', function (n) { assert.strictEqual(Math.floor(this.count / (1 + this.friends)), n); });
