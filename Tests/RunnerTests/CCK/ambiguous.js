const { Given } = require('@cucumber/cucumber');
Given(/^a (.*?) with (.*?)$/, function () {});
Given(/^a step with (.*?)$/, function () {});
