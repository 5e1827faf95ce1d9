const { BeforeAll, AfterAll, When } = require('@cucumber/cucumber');
BeforeAll(function () {});
BeforeAll(function () {});
When('a step passes', function () {});
When('a step fails', function () { throw new Error('Exception in step'); });
AfterAll(function () {});
AfterAll(function () {});
