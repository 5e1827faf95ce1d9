const { Given } = require('@cucumber/cucumber');
Given('an ambiguous step', function () {});
Given('an ambiguous step', function () {});
