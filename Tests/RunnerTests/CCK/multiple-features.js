const { Given } = require('@cucumber/cucumber');
Given('an order for {string}', function () {});
