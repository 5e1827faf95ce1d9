const { BeforeAll, AfterAll, When } = require('@cucumber/cucumber');
BeforeAll(function () {});
BeforeAll(function () { throw new Error('BeforeAll hook went wrong'); });
BeforeAll(function () {});
When('a step passes', function () {});
AfterAll(function () {});
AfterAll(function () {});
