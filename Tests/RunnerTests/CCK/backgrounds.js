const { Given, When, Then } = require('@cucumber/cucumber');
Given('an order for {string}', function () {});
When('an action', function () {});
Then('an outcome', function () {});
