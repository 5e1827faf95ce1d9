const { BeforeAll, AfterAll, When } = require('@cucumber/cucumber');
BeforeAll(function () {});
BeforeAll(function () {});
When('a step passes', function () {});
AfterAll(function () {});
AfterAll(function () { throw new Error('AfterAll hook went wrong'); });
AfterAll(function () {});
