const { Given } = require('@cucumber/cucumber');
Given('an implemented step', function () {});
Given('a step that will be skipped', function () {});
