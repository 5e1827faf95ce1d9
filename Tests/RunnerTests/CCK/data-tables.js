const { When, Then } = require('@cucumber/cucumber');
const assert = require('assert');
When('the following table is transposed:', function (table) { this.transposed = table.transpose(); });
Then('it should be:', function (expected) { assert.deepStrictEqual(this.transposed.raw(), expected.raw()); });
