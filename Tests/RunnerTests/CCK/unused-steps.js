const { Given } = require('@cucumber/cucumber');
Given('a step that is used', function () {});
Given('a step that is not used', function () {});
